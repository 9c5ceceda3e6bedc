#!/usr/bin/env python3
"""Parse an RDF file with rdflib and print how many statements it holds.

  rdf_count.py FILE FORMAT      FORMAT: turtle, trig, ntriples, nquads, rdfxml, jsonld

For the formats with named graphs (trig, nquads, jsonld) the count is of quads over all graphs, else of triples.
"""
import sys

import rdflib

RDFLIB = {"turtle": "turtle", "trig": "trig", "ntriples": "nt", "nquads": "nquads", "rdfxml": "xml",
          "jsonld": "json-ld"}


def main():
    path, fmt = sys.argv[1], sys.argv[2]
    if fmt in ("trig", "nquads", "jsonld"):
        ds = rdflib.Dataset()
        ds.parse(path, format=RDFLIB[fmt])
        print(sum(1 for _ in ds.quads((None, None, None, None)) if _[3] is not None))
    else:
        g = rdflib.Graph()
        g.parse(path, format=RDFLIB[fmt])
        print(len(g))


if __name__ == "__main__":
    main()
