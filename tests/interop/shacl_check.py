#!/usr/bin/env python3
"""Validate N-Quads against SHACL shapes with two independent SHACL engines, each named graph on its own:
pyshacl (rdflib, Python) and rudof (pyrudof, Rust). Prints one JSON object:

  {"pyshacl": {"conforms": bool, "results": [[graph, focus, path, component], ...]}, "rudof": {...},
   "pyshacl_rdfs": {...}}

  shacl_check.py SHAPES.ttl DATA.nq [ONTOLOGY.ttl]

With an ontology, pyshacl also validates under RDFS entailment (inference="rdfs", the ontology as its ont_graph):
the shapes must hold with and without it ("pyshacl_rdfs").
"""
import json
import sys
from collections import defaultdict

import pyrudof
import rdflib
from pyshacl import validate

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")


def split_graphs(nq_path):
    """N-Quads lines grouped by graph name (N-Triples text per graph)."""
    ds = rdflib.Dataset()
    ds.parse(nq_path, format="nquads")
    graphs = defaultdict(list)
    for s, p, o, g in ds.quads((None, None, None, None)):
        graphs[str(g)].append((s, p, o))
    return graphs


def short(term):
    return "" if term is None else str(term)


def with_pyshacl(shapes, graphs, ontology=None):
    shapes_g = rdflib.Graph().parse(shapes, format="turtle")
    ont_g = rdflib.Graph().parse(ontology, format="turtle") if ontology else None
    conforms, results = True, []
    for name, triples in sorted(graphs.items()):
        g = rdflib.Graph()
        for t in triples:
            g.add(t)
        ok, report, _ = validate(g, shacl_graph=shapes_g, ont_graph=ont_g, inference="rdfs" if ontology else "none")
        conforms &= ok
        for r in report.subjects(rdflib.RDF.type, SH.ValidationResult):
            results.append([name, short(report.value(r, SH.focusNode)), short(report.value(r, SH.resultPath)),
                            short(report.value(r, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]])
    return {"conforms": conforms, "results": sorted(results)}


def with_rudof(shapes, graphs):
    conforms, results = True, []
    for name, triples in sorted(graphs.items()):
        g = rdflib.Graph()
        for t in triples:
            g.add(t)
        rudof = pyrudof.Rudof(pyrudof.RudofConfig())
        rudof.read_data(g.serialize(format="nt"), format=pyrudof.RDFFormat.NTriples,
                        reader_mode=pyrudof.ReaderMode.Strict)
        rudof.read_shacl(shapes, reader_mode=pyrudof.ReaderMode.Strict)
        report = rudof.validate_shacl()
        conforms &= bool(report.conforms)
        for v in report.violations:
            component = str(v.constraint_component)
            results.append([name, str(v.focus_node).strip("<>"), str(v.path or "").strip("<>"),
                            component.rsplit("#", 1)[-1].rsplit(":", 1)[-1].strip(">")])
    return {"conforms": conforms, "results": sorted(results)}


def main():
    shapes, data = sys.argv[1], sys.argv[2]
    graphs = split_graphs(data)
    out = {"pyshacl": with_pyshacl(shapes, graphs), "rudof": with_rudof(shapes, graphs)}
    if len(sys.argv) > 3:
        out["pyshacl_rdfs"] = with_pyshacl(shapes, graphs, sys.argv[3])
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
