#!/usr/bin/env python3
"""Run SPARQL queries against an endpoint with rdflib's SPARQLStore (a client newskg did not write) and print
each query's rows as JSON: {"name": [[value, ...], ...], ...}, values as plain strings ("" when unbound).

  sparql_client.py ENDPOINT QUERIES.json      QUERIES.json: [{"name": ..., "query": ...}, ...]
"""
import json
import sys

import rdflib
from rdflib.plugins.stores.sparqlstore import SPARQLStore


def main():
    endpoint, path = sys.argv[1], sys.argv[2]
    with open(path, encoding="utf-8") as f:
        queries = json.load(f)
    graph = rdflib.Graph(store=SPARQLStore(endpoint, returnFormat="json"))
    out = {}
    for q in queries:
        result = graph.query(q["query"])
        out[q["name"]] = [["" if v is None else str(v) for v in row] for row in result]
    print(json.dumps(out))


if __name__ == "__main__":
    main()
