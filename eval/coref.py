#!/usr/bin/env python3
"""Cross-document coreference of newskg, scored through the graph (issue 17).

Loads the articles of a gold JSONL file (MEANTIME's format: `text`, `dct`, `entities` and `events` with a
cross-document `instance`) into a temporary store with the built binary, exports the graph as N-Quads, maps each
gold mention to the system entity the graph gives it (the article mention whose span overlaps it most, following
the identity layer's owl:sameAs; a corpus mention of the identity layer counts too), and scores the clusters with
MUC, B-cubed and CEAF-e (and their mean, the CoNLL F1), plus pairwise cross-article link precision and recall.

`--no-identity` scores the article graphs only (identity by name string), the baseline. Standard library only.

    python3 eval/coref.py [--gold FILE] [--binary target/release/newskg] [--no-identity] [--json OUT]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAME_AS = "http://www.w3.org/2002/07/owl#sameAs"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
ITS_REF = "http://www.w3.org/2005/11/its/rdf#taIdentRef"
NKG = "https://w3id.org/newskg/ontology#"
SEM_EVENT = "http://semanticweb.cs.vu.nl/2009/11/sem/Event"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
IDENTITY = "https://w3id.org/newskg/id/graph/identity"
ENTITY_TYPES = ("PER", "ORG", "LOC")

QUAD = re.compile(r'^(<[^>]*>|_:\S+)\s+<([^>]*)>\s+(<[^>]*>|_:\S+|"(?:[^"\\]|\\.)*"(?:\^\^<[^>]*>|@[\w-]+)?)\s*(<[^>]*>)?\s*\.\s*$')


def parse_nquads(text):
    """(subject, predicate, object, graph) of each line; IRIs without brackets, literals as their lexical value."""
    out = []
    for line in text.splitlines():
        m = QUAD.match(line)
        if not m:
            continue
        s, p, o, g = m.groups()
        s = s.strip("<>")
        if o.startswith('"'):
            o = json.loads(o[: o.rindex('"') + 1]) if "\\" in o else o[1 : o.rindex('"')]
        else:
            o = o.strip("<>")
        out.append((s, p, o, (g or "").strip("<>")))
    return out


class Graph:
    """What the scorer needs of an exported graph: mentions by article, their entities, the identity links."""

    def __init__(self, quads, use_identity=True):
        props = defaultdict(lambda: defaultdict(list))
        self.same = {}
        self.events = set()
        corpus = set()
        for s, p, o, g in quads:
            if g == IDENTITY and not use_identity:
                continue
            if p == SAME_AS:
                self.same[s] = o
            elif p == RDF_TYPE and o == SEM_EVENT:
                self.events.add(s)
            elif p == RDF_TYPE and o == NKG + "CorpusMention":
                corpus.add(s)
            props[s][p].append(o)
        self.mentions = defaultdict(list)  # article IRI -> [(begin, end, entity)]
        for s, ps in props.items():
            if NIF + "beginIndex" not in ps or NIF + "referenceContext" not in ps:
                continue
            begin, end = int(ps[NIF + "beginIndex"][0]), int(ps[NIF + "endIndex"][0])
            article = ps[NIF + "referenceContext"][0]
            for entity in ps.get(ITS_REF, []):
                self.mentions[article].append((begin, end, entity))
        # An event's trigger is the mention nkg:trigger points at.
        self.triggers = defaultdict(list)
        for s in self.events:
            for t in props[s].get(NKG + "trigger", []):
                tp = props.get(t, {})
                if NIF + "beginIndex" in tp:
                    article = tp[NIF + "referenceContext"][0]
                    self.triggers[article].append((int(tp[NIF + "beginIndex"][0]), int(tp[NIF + "endIndex"][0]), s))
        self.corpus_events = {}
        for s, ps in props.items():
            for e in ps.get(NKG + "corpusEvent", []):
                self.corpus_events[s] = e

    def canonical(self, entity):
        seen = set()
        while entity in self.same and entity not in seen:
            seen.add(entity)
            entity = self.same[entity]
        return entity

    def entity_at(self, article, start, end, events=False):
        """The entity (or event) of the graph mention of `article` overlapping [start, end) most, or None."""
        best, best_overlap = None, 0
        for b, e, entity in (self.triggers if events else self.mentions).get(article, []):
            overlap = min(e, end) - max(b, start)
            if overlap > best_overlap or (overlap == best_overlap and overlap > 0 and (b, e) == (start, end)):
                best, best_overlap = entity, overlap
        if best is None:
            return None
        return self.corpus_events.get(best, best) if events else self.canonical(best)


# ---- coreference metrics over clusters of mention ids ----


def clusters_of(assign):
    c = defaultdict(set)
    for m, k in assign.items():
        c[k].add(m)
    return list(c.values())


def muc(key, response):
    def part(a, b):
        where = {}
        for i, c in enumerate(b):
            for m in c:
                where[m] = i
        num = den = 0
        for c in a:
            parts = {where.get(m, ("alone", m)) for m in c}
            num += len(c) - len(parts)
            den += len(c) - 1
        return num, den

    rn, rd = part(key, response)
    pn, pd = part(response, key)
    return prf(pn, pd, rn, rd)


def b_cubed(key, response):
    kof = {m: c for c in key for m in c}
    rof = {m: c for c in response for m in c}
    mentions = set(kof)
    p = sum(len(rof[m] & kof[m]) / len(rof[m]) for m in mentions) / len(mentions) if mentions else 0.0
    r = sum(len(rof[m] & kof[m]) / len(kof[m]) for m in mentions) / len(mentions) if mentions else 0.0
    return (p, r, f1(p, r))


def ceaf_e(key, response):
    """CEAF with the entity similarity phi4 and an optimal one-to-one alignment (Hungarian algorithm)."""
    if not key or not response:
        return (0.0, 0.0, 0.0)
    n = max(len(key), len(response))
    sim = [[0.0] * n for _ in range(n)]
    for i, k in enumerate(key):
        for j, r in enumerate(response):
            common = len(k & r)
            if common:
                sim[i][j] = 2 * common / (len(k) + len(r))
    best = sum(sim[i][j] for i, j in hungarian_max(sim))
    p, r = best / len(response), best / len(key)
    return (p, r, f1(p, r))


def hungarian_max(weights):
    """The assignment of rows to columns with the largest total weight (square matrix), as (row, column) pairs."""
    n = len(weights)
    big = max((w for row in weights for w in row), default=0.0)
    cost = [[big - w for w in row] for row in weights]
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0] = i
        j0 = 0
        minv = [float("inf")] * (n + 1)
        used = [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], float("inf"), 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while True:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
            if j0 == 0:
                break
    return [(p[j] - 1, j - 1) for j in range(1, n + 1) if p[j]]


def f1(p, r):
    return 2 * p * r / (p + r) if p + r else 0.0


def prf(pn, pd, rn, rd):
    p = pn / pd if pd else 0.0
    r = rn / rd if rd else 0.0
    return (p, r, f1(p, r))


def cross_article_links(gold, system, article_of):
    """Precision, recall and F1 of the pairs of mentions in different articles put together."""

    def pairs(assign):
        out = set()
        for c in clusters_of(assign):
            ms = sorted(c)
            for i, a in enumerate(ms):
                for b in ms[i + 1 :]:
                    if article_of[a] != article_of[b]:
                        out.add((a, b))
        return out

    g, s = pairs(gold), pairs(system)
    common = len(g & s)
    p = common / len(s) if s else (1.0 if not g else 0.0)
    r = common / len(g) if g else 1.0
    return {"precision": p, "recall": r, "f1": f1(p, r), "gold_links": len(g), "system_links": len(s)}


def score(gold, system, article_of):
    """All metrics for one layer: `gold` and `system` map each mention id to its cluster key."""
    key, response = clusters_of(gold), clusters_of(system)
    m, b, c = muc(key, response), b_cubed(key, response), ceaf_e(key, response)
    return {
        "mentions": len(gold),
        "muc": m,
        "b3": b,
        "ceaf_e": c,
        "conll_f1": (m[2] + b[2] + c[2]) / 3,
        "cross_article": cross_article_links(gold, system, article_of),
    }


# ---- running newskg ----


def article_iri(doc_id):
    safe = "".join(ch if re.match(r"[A-Za-z0-9._~-]", ch) else "".join(f"%{b:02X}" for b in ch.encode()) for ch in doc_id)
    return "https://w3id.org/newskg/id/article/" + safe


def export_graph(docs, binary):
    with tempfile.TemporaryDirectory() as tmp:
        inp = Path(tmp) / "articles.jsonl"
        with inp.open("w") as f:
            for d in docs:
                dates = [v for v in (d.get("dct_value"), d.get("dct"), d.get("date")) if v and re.match(r"\d{4}-\d\d-\d\d", v)]
                row = {"id": d["id"], "text": d["text"]}
                if dates:
                    row["date"] = dates[0][:10]
                f.write(json.dumps(row) + "\n")
        store = Path(tmp) / "store"
        subprocess.run([binary, "load", "-q", "--store", store, inp], check=True)
        out = subprocess.run([binary, "export", "-f", "nquads", "--store", store], check=True, capture_output=True)
        return out.stdout.decode()


def evaluate(docs, graph):
    gold_by_type, sys_by_type, article_of = defaultdict(dict), defaultdict(dict), {}
    def add(kind, d, art, e, events=False):
        """One gold mention: its cross-document instance, and the system entity at its span."""
        mid = f'{d["id"]}/{e["id"]}'
        inst = e["instance"]
        if inst.startswith("doc:"):
            inst = d["id"] + "/" + inst
        article_of[mid] = d["id"]
        gold_by_type[kind][mid] = inst
        found = graph.entity_at(art, e["start"], e["end"], events=events)
        sys_by_type[kind][mid] = found or ("unmatched", mid)

    for d in docs:
        art = article_iri(d["id"])
        for e in d.get("entities", []):
            if e.get("type") in ENTITY_TYPES and e.get("syntactic_type") == "NAM" and e.get("instance"):
                add(e["type"], d, art, e)
        for e in d.get("events", []):
            if e.get("instance"):
                add("EVENT", d, art, e, events=True)
    all_named = {}
    all_sys = {}
    for t in ENTITY_TYPES:
        all_named.update({m: (t, i) for m, i in gold_by_type[t].items()})
        all_sys.update(sys_by_type[t])
    results = {t: score(gold_by_type[t], sys_by_type[t], article_of) for t in (*ENTITY_TYPES, "EVENT") if gold_by_type[t]}
    results["NAMED"] = score(all_named, all_sys, article_of)
    return results


def table(results):
    lines = ["| layer | mentions | MUC F1 | B3 F1 | CEAF-e F1 | CoNLL F1 | x-article P | R | F1 | gold links | system links |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"]
    for k, r in results.items():
        x = r["cross_article"]
        lines.append(
            f"| {k} | {r['mentions']} | {r['muc'][2]:.4f} | {r['b3'][2]:.4f} | {r['ceaf_e'][2]:.4f} | {r['conll_f1']:.4f} "
            f"| {x['precision']:.4f} | {x['recall']:.4f} | {x['f1']:.4f} | {x['gold_links']} | {x['system_links']} |"
        )
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    data = Path(os.environ.get("NEWSKG_EVAL_DATA", ROOT.parent / "shared" / "eval"))
    ap.add_argument("--gold", default=str(data / "dev" / "meantime_dev.jsonl"))
    ap.add_argument("--binary", default=str(ROOT / "target" / "release" / "newskg"))
    ap.add_argument("--no-identity", action="store_true", help="score the article graphs only (the baseline)")
    ap.add_argument("--json", help="also write the figures as JSON here")
    args = ap.parse_args(argv)
    docs = [json.loads(l) for l in open(args.gold, encoding="utf-8") if l.strip()]
    graph = Graph(parse_nquads(export_graph(docs, args.binary)), use_identity=not args.no_identity)
    results = evaluate(docs, graph)
    print(f"{Path(args.gold).name} ({len(docs)} articles), {'baseline: name string only' if args.no_identity else 'identity layer'}")
    print(table(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
