#!/usr/bin/env python3
"""Convert newskg's graph (N-Quads, as printed by `newskg extract -f nquads`) into the
scorer's SYSTEM JSONL: one object per article with its "id" and the layers

  timex         {"id", "start", "end", "text", "type", "value"[, "mod"]}
  entities      {"id", "start", "end", "text", "type": PER|ORG|LOC|THING, "entity": IRI}
  events        {"id", "start", "end", "text", "class", "event": IRI[, "events", "classes", "nkg_class",
                "status"]}   one per trigger span
  participants  {"event": event-row id, "argument": entity- or event-row id, "role", "via", "actor"}
  persons       {"name", "aliases", "mentions": [[start, end], ...]}
  roles         {"person", "role", "role_text", "span": [start, end], "org", "towards", "former"}

plus "text" (nif:isString) and "dct" (schema:datePublished), so that score.py can warn
when the text newskg saw differs from the gold text.

Standard library only. Graph shape read (see /work/shared/CONTRACT.md and ontology/newskg.ttl):
  * article: `?a a schema:NewsArticle ; schema:identifier "ID"`; one named graph per article
    (a graph with several articles is split by the mentions' nif:referenceContext);
  * mention: `?m a nif:Phrase ; nif:beginIndex ; nif:endIndex ; nif:anchorOf ; itsrdf:taIdentRef ?x`
    (code-point offsets, end exclusive). Mention IRIs are keyed by their span, so one node
    can be several mentions at once; each itsrdf:taIdentRef is classified by its target:
    a schema:Person / Organization / Place (Country, City, AdministrativeArea) -> entity
    mention; an org:Role -> role-title mention; a sem:Event -> trigger. Time-expression,
    role-title and trigger mentions are not entities; nor, unless --all-mentions, entity
    mentions that are not names (nkg:resolvedBy "title of ...": "the co-founder" linked to
    Steve Jobs; or a span without an upper-case letter);
  * time expression: a mention `a nkg:TimeExpression ; nkg:timexType ; nkg:timexValue [; nkg:timexMod]`;
  * role: `?r a org:Membership ; org:member ; org:role ?c (skos:prefLabel) ; org:organization ;
    nkg:roleTowards ; nkg:former ; prov:wasDerivedFrom ?mention`;
  * event: `?v a sem:Event, nkg:CLASS [, nkg:SUPERCLASS] ; sem:hasActor ; sem:hasPlace ;
    nkg:agent ; nkg:patient ; nkg:recipient ; nkg:quantity ; nkg:trigger ?mention`;
  * non-entity argument: `?x a schema:Thing`, named by its own nif:Phrase mentions
    (`itsrdf:taIdentRef ?x`), e.g. "sales", "179 new tankers" (an untyped node that a role
    property points at is taken as one too).

Events: one row per distinct trigger span (the nkg:trigger mentions of the sem:Events); when
several events share a span ("killed": a Death and an Attack) they share the row ("event" = the
first IRI, "events" = all of them), so that the number of rows, and every span score, is the same
whatever --event-classes says. Class = the event's nkg: class local name; an event with several
(a class and its superclass) gets the most specific one this script knows (KNOWN_CLASSES, with
the superclass links of KNOWN_PARENT and any nkg: rdfs:subClassOf statements in the input), else
the most specific of the others, ties broken alphabetically. With a mapping (--event-classes
meantime or timeml) the row keeps the nkg: class as "nkg_class".

Participants: for each event row and each argument of its event(s), the argument's mention
nearest to the trigger (same nif:sentence preferred, then character distance), with role
  nkg:agent -> Arg0, nkg:patient -> Arg1, nkg:recipient -> Arg2;
  sem:hasActor -> --actor-role (default Arg0), for actors no role property of the event covers;
  sem:hasPlace -> --place-role (default Argm-LOC; --place-role "" leaves places out).
An argument is an entity (its name mentions, the "entities" rows of type PER/ORG/LOC), a
schema:Thing (its mentions, written as "entities" rows of type THING, which no entity score
counts: score.py only scores the types it is given or finds in gold), or another event (its
trigger rows in "events"). One pair per (event row, argument row): the first of the order above
wins. Each pair also carries "via" (agent, patient, recipient, hasActor, hasPlace) and "actor"
(true when the argument is a sem:hasActor of the event). With --quantities, the amounts an event carries
(nkg:quantity -> Arg2, nkg:fromValue -> Arg3, nkg:toValue -> Arg4, after PropBank's rise.01) are
"values" rows (MONEY, PERCENT or QUANTITY), as MEANTIME's value arguments are, and participants.

Event classes: the nkg: class local name ("Meeting"); --event-classes meantime maps them to
MEANTIME's classes (MEANTIME_SPEECH -> SPEECH_COGNITIVE, everything else -> OTHER) and
--event-classes timeml to TimeML's (TIMEML_CLASSES; everything else -> OCCURRENCE), so that
score.py's class accuracy means something on meantime_dev and te3_tbaq. A class this script
does not know is mapped as its nearest known superclass (from the input's rdfs:subClassOf), if
any. Spans and F1 are the same whatever the mapping.

Usage:
  newskg extract -f nquads --input-format jsonl DEV.jsonl | python3 eval/graph_to_system.py - -o SYS.jsonl
  python3 eval/graph_to_system.py graph.nq [more.nq ...] -o SYS.jsonl [--gold DEV.jsonl]
With --gold, documents of GOLD that have no article in the graph are written too (empty
layers), in GOLD's order.
"""
import argparse
import json
import re
import sys
from collections import defaultdict
from urllib.parse import unquote

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
SCHEMA = "https://schema.org/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITSRDF = "http://www.w3.org/2005/11/its/rdf#"
NKG = "https://w3id.org/newskg/ontology#"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
ORG = "http://www.w3.org/ns/org#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
PROV = "http://www.w3.org/ns/prov#"

TYPE = RDF + "type"
PLACE_CLASSES = {SCHEMA + c for c in ("Place", "Country", "City", "AdministrativeArea", "State",
                                      "Continent", "Landform", "LandmarksOrHistoricalBuildings")}
ENTITY_CLASSES = {SCHEMA + "Person": "PER", SCHEMA + "Organization": "ORG",
                  **{c: "LOC" for c in PLACE_CLASSES}}
TYPE_PRIORITY = {"PER": 0, "ORG": 1, "LOC": 2}
# nkg: classes that are not event classes
NKG_NON_EVENT = {NKG + "TimeExpression", NKG + "EventStatus"}
# The nkg: event classes this script knows: those of ontology/newskg.ttl and the ones the event
# stage is gaining. KNOWN_PARENT: superclass links among them (rdfs:subClassOf other than
# sem:Event / schema:Event); nkg:Occurrence is the most generic of all.
KNOWN_CLASSES = {
    "Meeting", "PhoneCall", "Statement", "PressConference", "Negotiation", "Proposal", "Visit", "Agreement",
    "Rejection", "Threat", "Attack", "Election", "Appointment", "Resignation", "Arrest", "LegalAction", "Death",
    "Announcement", "Transaction", "Support", "Aid", "Investigation", "Demand", "Criticism", "Protest",
    "Sanction", "Change", "Decision", "Competition", "Production", "Travel", "Accident",
    "Increase", "Decrease", "State", "Cognition", "Perception", "Motion", "Occurrence"}
KNOWN_PARENT = {"Announcement": "Statement", "Increase": "Change", "Decrease": "Change"}
GENERIC_CLASSES = {"Occurrence"}
# --event-classes meantime: these -> SPEECH_COGNITIVE (speech acts and cognition), the rest -> OTHER
MEANTIME_SPEECH = {"Statement", "Announcement", "PressConference", "Proposal", "Rejection", "Threat", "Criticism",
                   "Demand", "Cognition"}
# --event-classes timeml: TimeML 1.2.1 classes (TimeML annotation guidelines 1.2.1, section 2.3.1);
# everything else -> OCCURRENCE. REPORTING: say, tell, announce; I_STATE: believe, think, expect, want
# (attitudes towards an event or proposition); I_ACTION: urge, ask, propose, offer, threaten, decide,
# approve, delay (actions that introduce an event argument); STATE: be, own, remain; PERCEPTION: see, hear.
TIMEML_CLASSES = {
    "Statement": "REPORTING", "Announcement": "REPORTING", "PressConference": "REPORTING",
    "Cognition": "I_STATE", "Support": "I_STATE",
    "Demand": "I_ACTION", "Proposal": "I_ACTION", "Threat": "I_ACTION", "Decision": "I_ACTION",
    "State": "STATE", "Perception": "PERCEPTION"}
# role properties, in the order in which they claim an (event, argument) pair
# The amounts of a change, after PropBank's rise.01 / fall.01: Arg2 the extent, Arg3 the start point, Arg4 the end.
QUANTITY_PROPERTIES = ((NKG + "quantity", "Arg2"), (NKG + "fromValue", "Arg3"), (NKG + "toValue", "Arg4"))
ROLE_PROPERTIES = ((NKG + "agent", "Arg0", "agent"), (NKG + "patient", "Arg1", "patient"),
                   (NKG + "recipient", "Arg2", "recipient"))

# ------------------------------------------------------------------ N-Quads parsing

IRI_RE = r"<((?:[^>\\]|\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8})*)>"
BNODE_RE = r"_:([^\s<>\"]+)"
LIT_RE = r'"((?:[^"\\\n\r]|\\.)*)"(?:\^\^' + IRI_RE + r"|@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?"
TERM_RE = "(?:" + IRI_RE + "|" + BNODE_RE + "|" + LIT_RE + ")"
WS = r"[ \t]*"
LINE_RE = re.compile(r"^" + WS + TERM_RE + WS + TERM_RE + WS + TERM_RE + r"(?:" + WS + TERM_RE + r")?" + WS
                     + r"\." + WS + r"(?:#.*)?$")
# groups per term: iri, bnode, literal text, datatype iri, language = 5
ESC_RE = re.compile(r"\\(?:u([0-9A-Fa-f]{4})|U([0-9A-Fa-f]{8})|(.))", re.S)
SIMPLE_ESC = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def unescape(s):
    if "\\" not in s:
        return s

    def rep(m):
        if m.group(1):
            return chr(int(m.group(1), 16))
        if m.group(2):
            return chr(int(m.group(2), 16))
        c = m.group(3)
        if c in SIMPLE_ESC:
            return SIMPLE_ESC[c]
        raise ValueError(f"bad escape \\{c}")

    s = ESC_RE.sub(rep, s)
    # surrogate pairs written as two \\u escapes
    try:
        return s.encode("utf-16", "surrogatepass").decode("utf-16")
    except UnicodeDecodeError:
        return s


class IRI(str):
    """An IRI (a str subclass, so it can be compared with plain strings)."""
    __slots__ = ()


class BNode(str):
    __slots__ = ()


class Literal(str):
    """A literal's lexical form, with .datatype and .lang."""
    __slots__ = ("datatype", "lang")

    def __new__(cls, value, datatype=None, lang=None):
        obj = super().__new__(cls, value)
        obj.datatype = datatype
        obj.lang = lang
        return obj


def _term(groups):
    iri, bnode, lit, dt, lang = groups
    if iri is not None:
        return IRI(unescape(iri))
    if bnode is not None:
        return BNode("_:" + bnode)
    return Literal(unescape(lit), IRI(unescape(dt)) if dt is not None else None, lang)


def parse_nquads(lines, origin="<input>"):
    """Yield (subject, predicate, object, graph-or-None) for each statement."""
    for n, line in enumerate(lines, 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        m = LINE_RE.match(line)
        if not m:
            raise SystemExit(f"{origin}:{n}: not an N-Quads statement: {line[:200]}")
        g = m.groups()
        s, p, o = _term(g[0:5]), _term(g[5:10]), _term(g[10:15])
        graph = _term(g[15:20]) if any(x is not None for x in g[15:20]) else None
        if isinstance(s, Literal) or not isinstance(p, IRI) or isinstance(graph, Literal):
            raise SystemExit(f"{origin}:{n}: malformed statement: {line[:200]}")
        yield s, p, o, graph


# ------------------------------------------------------------------ graph access

class Graph:
    def __init__(self):
        self.spo = defaultdict(lambda: defaultdict(list))
        self.seen = set()

    def add(self, s, p, o):
        key = (s, p, type(o), o, getattr(o, "datatype", None), getattr(o, "lang", None))
        if key not in self.seen:
            self.seen.add(key)
            self.spo[s][p].append(o)

    def objects(self, s, p):
        return self.spo.get(s, {}).get(p, [])

    def one(self, s, p):
        objs = self.objects(s, p)
        return objs[0] if objs else None

    def types(self, s):
        return set(self.objects(s, TYPE))

    def subjects_of_type(self, cls):
        return [s for s, po in self.spo.items() if cls in po.get(TYPE, [])]


def local_name(iri):
    return re.split(r"[#/]", iri)[-1]


def as_int(lit):
    return int(str(lit).strip())


def as_bool(lit):
    return str(lit).strip().lower() in ("true", "1")


def _ancestors(name, parents):
    """The superclasses of an nkg: class local name, nearest first (cycles ignored)."""
    out, todo = [], list(parents.get(name, ()))
    while todo:
        c = todo.pop(0)
        if c not in out and c != name:
            out.append(c)
            todo.extend(parents.get(c, ()))
    return out


def class_parents(subclass_of=None):
    """KNOWN_PARENT plus the input's nkg: rdfs:subClassOf links: {class: [superclasses]}."""
    parents = {c: [p] for c, p in KNOWN_PARENT.items()}
    for c, ps in (subclass_of or {}).items():
        parents.setdefault(c, [])
        parents[c] += [p for p in ps if p not in parents[c]]
    return parents


def choose_class(names, parents):
    """The class of an event typed with the nkg: classes `names` (local names): drop every class
    that is a superclass of another one; prefer classes this script knows; then the deepest, the
    non-generic, the alphabetically first. "Event" when there is none."""
    names = sorted(set(names))
    if not names:
        return "Event"
    supers = {a for n in names for a in _ancestors(n, parents)}
    specific = [n for n in names if n not in supers] or names
    pool = [n for n in specific if n in KNOWN_CLASSES] or specific
    return min(pool, key=lambda n: (n in GENERIC_CLASSES, -len(_ancestors(n, parents)), n))


def map_class(name, scheme, parents):
    """An nkg: class local name in the --event-classes scheme (nkg, meantime, timeml)."""
    if scheme == "nkg":
        return name
    if name not in KNOWN_CLASSES:      # an unknown class counts as its nearest known superclass
        name = next((a for a in _ancestors(name, parents) if a in KNOWN_CLASSES), name)
    if scheme == "meantime":
        return "SPEECH_COGNITIVE" if name in MEANTIME_SPEECH else "OTHER"
    if scheme == "timeml":
        return TIMEML_CLASSES.get(name, "OCCURRENCE")
    raise ValueError(f"unknown event class scheme {scheme!r}")


# ------------------------------------------------------------------ conversion

def article_docs(graph, graph_name):
    """[(article node, id)] of the articles in one graph."""
    out = []
    for a in sorted(graph.subjects_of_type(SCHEMA + "NewsArticle")):
        ident = graph.one(a, SCHEMA + "identifier")
        if ident is None:
            ident = unquote(local_name(str(graph_name or a)))
        out.append((a, str(ident)))
    return out


def is_nominal(g, m, text):
    """A mention that refers to an entity without naming it: newskg links titles to their holder
    ("The co-founder ..." -> Steve Jobs, nkg:resolvedBy "title of Steve Jobs"). The entity and
    persons layers are about names, so such mentions are left out of both (--all-mentions keeps
    them): nkg:resolvedBy starting with "title", "pronoun" or "relative pronoun" (a participant's "He",
    "which"), or a span without any upper-case letter."""
    if not any(c.isupper() for c in text):
        return True
    return any(str(r).lower().startswith(("title", "pronoun", "relative pronoun")) for r in g.objects(m, NKG + "resolvedBy"))


def convert_article(g, article, doc_id, single, args, parents=None):
    text = g.one(article, NIF + "isString")
    dct = g.one(article, SCHEMA + "datePublished")

    def in_article(m):
        if single:
            return True
        ctx = g.objects(m, NIF + "referenceContext")
        return not ctx or article in ctx

    def span_of(m):
        b, e = g.one(m, NIF + "beginIndex"), g.one(m, NIF + "endIndex")
        if b is None or e is None:
            return None
        return as_int(b), as_int(e)

    def anchor(m, s, e):
        a = g.one(m, NIF + "anchorOf")
        if a is not None:
            return str(a)
        return text[s:e] if text is not None else ""

    phrases = [m for m in g.subjects_of_type(NIF + "Phrase") if in_article(m)]
    phrases += [m for m in g.subjects_of_type(NKG + "TimeExpression")
                if m not in phrases and in_article(m)]

    # entity types
    def entity_type(x):
        ts = [ENTITY_CLASSES[c] for c in g.types(x) if c in ENTITY_CLASSES]
        return min(ts, key=TYPE_PRIORITY.get) if ts else None

    def name_of(x):
        n = g.objects(x, SCHEMA + "name")
        if n:
            return str(n[0])
        lab = g.objects(x, RDFS + "label")
        return str(lab[0]) if lab else (unquote(local_name(x)) if x else None)

    # Things: non-entity arguments (schema:Thing; or untyped nodes a role property points at)
    role_objects = {x for v in g.subjects_of_type(SEM + "Event") for prop, _, _ in ROLE_PROPERTIES
                    for x in g.objects(v, prop) if not isinstance(x, Literal)}

    def is_thing(x):
        ts = g.types(x)
        if entity_type(x) is not None or SEM + "Event" in ts:
            return False
        if SCHEMA + "Thing" in ts:
            return True
        return x in role_objects and not ts & {ORG + "Role", NKG + "TimeExpression"}

    timex, entities = [], []
    ent_mentions = defaultdict(list)   # entity or Thing -> [(s, e, row, sentence)]
    sentence = {}
    ent_rows = {}
    for m in sorted(phrases, key=lambda m: (span_of(m) or (0, 0), str(m))):
        sp = span_of(m)
        if sp is None or sp[1] <= sp[0]:
            continue
        s, e = sp
        sentence[m] = g.one(m, NIF + "sentence")
        if NKG + "TimeExpression" in g.types(m):
            t = {"id": f"t{len(timex) + 1}", "start": s, "end": e, "text": anchor(m, s, e),
                 "type": str(g.one(m, NKG + "timexType") or ""), "value": str(g.one(m, NKG + "timexValue") or "")}
            mod = g.one(m, NKG + "timexMod")
            if mod is not None:
                t["mod"] = str(mod)
            timex.append(t)
        nominal = not args.all_mentions and is_nominal(g, m, anchor(m, s, e))
        for target in g.objects(m, ITSRDF + "taIdentRef"):
            typ = entity_type(target)
            if typ is None:
                if not is_thing(target):
                    continue                      # role title, event trigger, unknown
                typ = "THING"                     # Things are not names: no nominal filter
            elif nominal:
                continue                          # an entity mention that is not a name
            key = (s, e, typ)
            row = ent_rows.get(key)
            if row is None:
                row = {"id": f"e{len(entities) + 1}", "start": s, "end": e, "text": anchor(m, s, e),
                       "type": typ, "entity": str(target)}
                ent_rows[key] = row
                entities.append(row)
            ent_mentions[target].append((s, e, row, sentence[m]))

    # events: one row per trigger span, shared by the events that have a trigger there
    events, participants = [], []
    ev_rows = {}                          # (start, end) -> row
    ev_triggers = defaultdict(list)       # event -> [(s, e, row, sentence)]
    row_events = defaultdict(list)        # row id -> [event, ...]
    row_sentence = {}
    for v in sorted(g.subjects_of_type(SEM + "Event")):
        triggers = [m for m in g.objects(v, NKG + "trigger") if in_article(m)]
        if not triggers:
            continue
        names = [local_name(c) for c in g.types(v) if c.startswith(NKG) and c not in NKG_NON_EVENT]
        nkg_cls = choose_class(names, parents or {})
        cls = map_class(nkg_cls, args.event_classes, parents or {})
        status = g.one(v, NKG + "status")
        for m in sorted(triggers, key=lambda m: (span_of(m) or (0, 0), str(m))):
            sp = span_of(m)
            if sp is None or sp[1] <= sp[0]:
                continue
            s, e = sp
            row = ev_rows.get(sp)
            if row is None:
                row = {"id": f"v{len(events) + 1}", "start": s, "end": e, "text": anchor(m, s, e), "class": cls,
                       "event": str(v)}
                if cls != nkg_cls:
                    row["nkg_class"] = nkg_cls
                if status is not None:
                    row["status"] = local_name(status)
                ev_rows[sp] = row
                events.append(row)
                row_sentence[row["id"]] = g.one(m, NIF + "sentence")
            elif v not in row_events[row["id"]]:
                row.setdefault("events", [row["event"]]).append(str(v))
                if cls != row["class"]:
                    classes = row.setdefault("classes", [row["class"]])
                    if cls not in classes:
                        classes.append(cls)
            if v not in row_events[row["id"]]:
                row_events[row["id"]].append(v)
                ev_triggers[v].append((s, e, row, row_sentence[row["id"]]))

    # values: the amounts events carry, each a mention of its own (nkg:quantity, nkg:fromValue, nkg:toValue)
    values, value_rows = [], {}

    def value_row(x):
        sp = span_of(x)
        if sp is None or isinstance(x, Literal):
            return None
        if sp not in value_rows:
            s, e = sp
            text_ = anchor(x, s, e)
            typ = ("MONEY" if SCHEMA + "MonetaryAmount" in set(g.types(x))
                   else "PERCENT" if "%" in text_ or "percent" in text_.lower() else "QUANTITY")
            value_rows[sp] = {"id": f"q{len(values) + 1}", "start": s, "end": e, "text": text_, "type": typ}
            values.append(value_rows[sp])
        return value_rows[sp]

    # participants: each argument's mention (or trigger) nearest to the event row's trigger
    for row in events:
        s, e, sent = row["start"], row["end"], row_sentence[row["id"]]

        def dist(c):
            cs, ce, _, csent = c
            gap = max(cs - e, s - ce, 0)
            return (0 if sent is not None and csent == sent else 1, gap, cs, ce)

        done = set()
        for v in row_events[row["id"]]:
            actors = set(g.objects(v, SEM + "hasActor"))
            covered = set()
            claims = []                    # (argument node, role, via)
            for prop, role, via in ROLE_PROPERTIES:
                for x in sorted(g.objects(v, prop)):
                    covered.add(x)
                    claims.append((x, role, via))
            claims += [(x, args.actor_role, "hasActor") for x in sorted(actors) if x not in covered]
            if args.place_role != "":
                claims += [(x, args.place_role, "hasPlace") for x in sorted(g.objects(v, SEM + "hasPlace"))]
            if args.quantities:
                for prop, role in QUANTITY_PROPERTIES:
                    for x in sorted(g.objects(v, prop)):
                        q = value_row(x)
                        if q is not None and q["id"] not in done:
                            done.add(q["id"])
                            participants.append({"event": row["id"], "argument": q["id"], "role": role,
                                                 "via": local_name(prop), "actor": False})
            for x, role, via in claims:
                if isinstance(x, Literal):
                    continue
                cands = ent_mentions.get(x)
                if not cands and not args.no_event_arguments:
                    cands = [c for c in ev_triggers.get(x, []) if c[2] is not row]
                if not cands:
                    continue
                best = min(cands, key=dist)[2]
                if best["id"] in done:
                    continue
                done.add(best["id"])
                participants.append({"event": row["id"], "argument": best["id"], "role": role, "via": via,
                                     "actor": x in actors})

    # persons
    persons = []
    for p in sorted(set(g.subjects_of_type(SCHEMA + "Person")) | {x for x in ent_mentions
                                                                  if entity_type(x) == "PER"}):
        spans = sorted({(s, e) for s, e, _, _ in ent_mentions.get(p, [])})
        if not single and not spans:
            continue
        name = name_of(p)
        aliases = [str(a) for a in g.objects(p, SCHEMA + "alternateName") if str(a) != name]
        persons.append({"name": name, "aliases": sorted(set(aliases), key=aliases.index),
                        "mentions": [list(x) for x in spans]})
    persons.sort(key=lambda p: (p["mentions"][0] if p["mentions"] else [1 << 60, 0], p["name"]))

    # roles
    roles = []
    for r in sorted(g.subjects_of_type(ORG + "Membership")):
        derived = [m for m in g.objects(r, PROV + "wasDerivedFrom") if span_of(m)]
        if not single and not any(in_article(m) for m in derived):
            continue
        member = g.one(r, ORG + "member")
        role_node = g.one(r, ORG + "role")
        label = g.one(role_node, SKOS + "prefLabel") if role_node is not None else None
        if label is None and role_node is not None:
            label = g.one(role_node, RDFS + "label") or unquote(local_name(role_node)).replace("-", " ")
        org = g.one(r, ORG + "organization")
        towards = g.one(r, NKG + "roleTowards")
        former = g.one(r, NKG + "former")
        item = {"person": name_of(member) if member is not None else None,
                "role": str(label) if label is not None else None,
                "role_text": None, "span": None,
                "org": name_of(org) if org is not None else None,
                "towards": name_of(towards) if towards is not None else None,
                "former": bool(former is not None and as_bool(former))}
        if derived:
            m = min(derived, key=span_of)
            s, e = span_of(m)
            item["role_text"] = anchor(m, s, e)
            item["span"] = [s, e]
        roles.append(item)
    roles.sort(key=lambda r: (r["span"] or [1 << 60, 0], r["person"] or "", r["role"] or ""))

    doc = {"id": doc_id}
    if text is not None:
        doc["text"] = str(text)
    if dct is not None:
        doc["dct"] = str(dct)
    doc.update({"timex": timex, "entities": entities, "events": events, "participants": participants,
                "persons": persons, "roles": roles})
    if values:
        doc["values"] = values
    if text is not None:
        bad = [x for x in timex + entities + events if doc["text"][x["start"]:x["end"]] != x["text"]]
        if bad:
            print(f"graph_to_system: {doc_id}: {len(bad)} mention(s) whose anchorOf differs from "
                  f"text[begin:end], e.g. {bad[0]['text']!r} at {bad[0]['start']}", file=sys.stderr)
    return doc


def convert(lines_iter, args):
    graphs = defaultdict(Graph)
    for path, lines in lines_iter:
        for s, p, o, gname in parse_nquads(lines, path):
            graphs[gname].add(s, p, o)
    subclass_of = defaultdict(list)       # nkg: rdfs:subClassOf links stated anywhere in the input
    for g in graphs.values():
        for c, po in g.spo.items():
            for sup in po.get(RDFS + "subClassOf", []):
                if str(c).startswith(NKG) and str(sup).startswith(NKG):
                    subclass_of[local_name(c)].append(local_name(sup))
    parents = class_parents(subclass_of)
    docs = []
    for gname in sorted(graphs, key=lambda x: (x is not None, str(x))):
        g = graphs[gname]
        arts = article_docs(g, gname)
        for a, doc_id in arts:
            docs.append(convert_article(g, a, doc_id, len(arts) == 1, args, parents))
    return docs


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="*", default=["-"], help="N-Quads files, '-' for stdin (default)")
    ap.add_argument("-o", "--output", default="-")
    ap.add_argument("--gold", help="gold JSONL: write its documents in its order, empty where the graph has none")
    ap.add_argument("--event-classes", choices=("nkg", "meantime", "timeml"), default="nkg",
                    help="event class names: nkg (as in the graph), meantime or timeml (mapped; see above)")
    ap.add_argument("--actor-role", default="Arg0")
    ap.add_argument("--place-role", default="Argm-LOC")
    ap.add_argument("--quantities", action="store_true",
                    help="write the amounts of events as \"values\" rows and participants (Arg2, Arg3, Arg4)")
    ap.add_argument("--no-event-arguments", action="store_true",
                    help="leave out participants whose argument is another event (\"sales fell\": the sales); "
                         "MEANTIME's participant layer links events to entity mentions and values only")
    ap.add_argument("--all-mentions", action="store_true",
                    help="keep entity mentions that are not names (titles linked to a person, lower-case spans)")
    args = ap.parse_args(argv)

    def sources():
        for path in args.inputs:
            if path == "-":
                yield "<stdin>", sys.stdin
            else:
                with open(path, encoding="utf-8") as fh:
                    yield path, fh

    docs = convert(sources(), args)
    by_id = {}
    for d in docs:
        if d["id"] in by_id:
            print(f"graph_to_system: article {d['id']!r} appears twice; keeping the first", file=sys.stderr)
            continue
        by_id[d["id"]] = d
    order = list(by_id)
    if args.gold:
        with open(args.gold, encoding="utf-8") as fh:
            gold_ids = [json.loads(l)["id"] for l in fh if l.strip()]
        missing = [i for i in gold_ids if i not in by_id]
        if missing:
            print(f"graph_to_system: {len(missing)} gold document(s) have no article in the graph, "
                  f"e.g. {missing[0]!r}", file=sys.stderr)
        for i in missing:
            by_id[i] = {"id": i, "timex": [], "entities": [], "events": [], "participants": [],
                        "persons": [], "roles": []}
        order = gold_ids + [i for i in order if i not in set(gold_ids)]
    out = sys.stdout if args.output == "-" else open(args.output, "w", encoding="utf-8")
    with out:
        for i in order:
            out.write(json.dumps(by_id[i], ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
