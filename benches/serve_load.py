#!/usr/bin/env python3
"""A bounded load test of `newskg serve` (issue 20): it starts the server on a free loopback port, sends a fixed
number of requests from many concurrent clients, with a few slow clients (slowloris) beside them, then stops.

  python3 benches/serve_load.py --store STORE [--requests 4000] [--clients 64] [--slowloris 4] [--json OUT]

The requests, drawn in a fixed order from --seed, mix
  saved      a saved query's text fetched from /queries/NAME?PARAM=VALUE, then run at /sparql (one operation);
             the parameters are people, roles and articles read from the store first
  heavy      queries over the whole store (every triple, a CONSTRUCT of it, a sort of every name, a count, the
             saved `people` without parameter): 200, or 503 at the timeout, or 507 over the result limit
  malformed  bad SPARQL, bad parameters and graph IRIs, an unknown saved query, a body over --max-body,
             SPARQL Update (403), a wrong method or media type, a request line that is not HTTP, ...
and each slow client sends a request head a line a second, or a body a byte a second, or nothing, and must be
cut off (408, or closed when it sent nothing) within the read timeout, over and over while the load runs.

A 503 for a request that waited the server's timeout for a worker (overload) is expected for any request.
It reports throughput, p50/p99 latency by kind and by request, the status counts, the slow clients' cut-off
times and the server's peak resident memory (VmHWM of /proc/PID/status), threads and open files, sampled while
it runs. It exits 1 when the server dies, a request gets a status not expected for it, a connection fails, or a
slow client is not cut off; 2 on a usage error. Loopback only: the server binds 127.0.0.1.

Python with its standard library only, so that it runs wherever the tests run, with nothing to build; the clients
spend their time waiting on sockets, which Python's threads do without holding the interpreter lock.
"""
import argparse
import http.client
import json
import math
import os
import random
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

SAVED = {  # saved query: the parameters it is sent with (names of values read from the store)
    "about-person": ["person"],
    "articles-with-both": ["first", "second"],
    "event-sources": ["article"],
    "people-with-role": ["role"],
    "roles-of-person": ["person"],
    "timeline": ["person"],
    "who-met-whom": ["person"],
    "people": ["person"],
    "person-across-articles": ["person"],
    "events-reported-by-several": ["person"],
    "time-expressions": ["article"],
}

HEAVY = {  # name: SPARQL over the whole store
    "all-triples": "SELECT * WHERE { ?s ?p ?o }",
    "construct-all": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }",
    "sort-names": "SELECT ?name WHERE { ?x schema:name ?name } ORDER BY DESC(?name)",
    "count-quads": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "join-anchors": "SELECT ?a ?b WHERE { ?m nif:anchorOf ?a . ?n nif:anchorOf ?a . ?n nif:beginIndex ?b } LIMIT 5000000",
}
HEAVY_STATUS = {200, 503, 507}

DISCOVER = {
    "person": "SELECT DISTINCT ?v WHERE { ?p a schema:Person ; schema:name ?v } LIMIT 40",
    "role": "SELECT DISTINCT ?v WHERE { ?r a org:Role ; skos:prefLabel ?v } LIMIT 20",
    "article": "SELECT ?v WHERE { ?v a schema:NewsArticle } LIMIT 40",
}


def percentile(values, p):
    """Nearest-rank percentile of a non-empty list."""
    s = sorted(values)
    return s[max(0, math.ceil(p / 100 * len(s)) - 1)]


class Server:
    """`newskg serve` on a free loopback port, with its resources sampled while it runs."""

    def __init__(self, binary, store, flags):
        probe = socket.socket()
        probe.bind(("127.0.0.1", 0))
        self.port = probe.getsockname()[1]
        probe.close()
        self.stderr = tempfile.TemporaryFile()
        cmd = [binary, "serve", "--store", str(store), "--bind", f"127.0.0.1:{self.port}"] + flags
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=self.stderr)
        self.peak = {"VmRSS": 0, "Threads": 0, "fds": 0}
        self.sampling = True
        started = time.time()
        while True:
            if self.proc.poll() is not None:
                raise SystemExit(f"serve_load: newskg serve exited at start ({self.proc.returncode}): {self.log()}")
            try:
                status, _ = request(self.port, "GET", "/queries")
                if status == 200:
                    break
            except OSError:
                pass
            if time.time() - started > 120:
                raise SystemExit("serve_load: newskg serve did not answer within 120 s")
            time.sleep(0.1)
        self.sampler = threading.Thread(target=self.sample, daemon=True)
        self.sampler.start()

    def log(self):
        self.stderr.seek(0)
        return self.stderr.read().decode("utf-8", "replace").strip()

    def status(self):
        """/proc/PID/status as a dict of its fields in kB or counts."""
        out = {}
        with open(f"/proc/{self.proc.pid}/status") as f:
            for line in f:
                key, _, value = line.partition(":")
                parts = value.split()
                if parts and parts[0].isdigit():
                    out[key] = int(parts[0])
        return out

    def sample(self):
        while self.sampling and self.proc.poll() is None:
            try:
                s = self.status()
                fds = len(os.listdir(f"/proc/{self.proc.pid}/fd"))
            except OSError:
                break
            self.peak["VmRSS"] = max(self.peak["VmRSS"], s.get("VmRSS", 0))
            self.peak["Threads"] = max(self.peak["Threads"], s.get("Threads", 0))
            self.peak["fds"] = max(self.peak["fds"], fds)
            time.sleep(0.25)

    def stop(self):
        self.sampling = False
        hwm = self.status().get("VmHWM", 0) if self.proc.poll() is None else 0
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        return hwm


def request(port, method, path, body=None, headers=None, timeout=30):
    """One request on a new connection: (status, body)."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers or {})
        r = conn.getresponse()
        return r.status, r.read()
    finally:
        conn.close()


def sparql_get(query):
    return "/sparql?" + urllib.parse.urlencode({"query": query})


def discover(port):
    """Values for the saved queries' parameters, read from the store (fixed fallbacks when it has none)."""
    values = {}
    for name, query in DISCOVER.items():
        status, body = request(port, "GET", sparql_get(query), headers={"Accept": "application/sparql-results+json"},
                               timeout=120)
        found = []
        if status == 200:
            found = [b["v"]["value"] for b in json.loads(body)["results"]["bindings"]]
        if name == "article":
            found = [f"<{v}>" for v in found]
        values[name] = found or {"person": ["Putin"], "role": ["president"], "article": ["<urn:none>"]}[name]
    return values


class Op:
    """One planned request: kind, name, and how it is sent."""

    def __init__(self, kind, name, method, path, body=None, headers=None, expect=(200,), raw=None, then_run=False):
        self.kind, self.name, self.method, self.path = kind, name, method, path
        self.body, self.headers, self.expect, self.raw, self.then_run = body, headers or {}, set(expect), raw, then_run


def plan(args, values, rng):
    """The fixed list of requests."""
    too_big = b"SELECT * WHERE { ?s ?p ?o } #" + b"x" * args.max_body
    malformed = [
        Op("malformed", "bad-sparql", "GET", sparql_get("SELECT ?x WHERE { ?x"), expect=(400,)),
        Op("malformed", "bad-graph-iri", "GET", sparql_get("ASK {}") + "&default-graph-uri=not%20an%20iri",
           expect=(400,)),
        Op("malformed", "unknown-saved-query", "GET", "/queries/no-such-query", expect=(404,)),
        Op("malformed", "bad-parameter", "GET", "/queries/people-with-role?nosuch=1", expect=(400,)),
        Op("malformed", "body-over-limit", "POST", "/sparql", body=too_big,
           headers={"Content-Type": "application/sparql-query"}, expect=(413,)),
        Op("malformed", "update-post", "POST", "/sparql", body=b"DROP ALL",
           headers={"Content-Type": "application/sparql-update"}, expect=(403,)),
        Op("malformed", "update-form", "POST", "/sparql", body=b"update=DROP%20ALL",
           headers={"Content-Type": "application/x-www-form-urlencoded"}, expect=(403,)),
        Op("malformed", "update-get", "GET", "/sparql?update=DROP%20ALL", expect=(403,)),
        Op("malformed", "wrong-media-type", "POST", "/sparql", body=b"ASK {}", headers={"Content-Type": "image/png"},
           expect=(415,)),
        Op("malformed", "wrong-method", "DELETE", "/sparql", expect=(405,)),
        Op("malformed", "not-acceptable", "GET", sparql_get("ASK {}"), headers={"Accept": "image/png"},
           expect=(406,)),
        Op("malformed", "no-such-path", "GET", "/nothing/here", expect=(404,)),
        Op("malformed", "url-over-limit", "GET", "/sparql?query=" + "x" * 20000, expect=(414,)),
        Op("malformed", "not-http", None, None, raw=b"HELLO THERE\r\n\r\n", expect=(400,)),
        Op("malformed", "header-flood", None, None,
           raw=b"GET / HTTP/1.1\r\nHost: x\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(200)) + b"\r\n",
           expect=(431,)),
    ]
    ops = []
    weights = [("saved", args.saved), ("heavy", args.heavy), ("malformed", args.malformed)]
    kinds = [k for k, _ in weights]
    for _ in range(args.requests):
        kind = rng.choices(kinds, [w for _, w in weights])[0]
        if kind == "saved":
            name = rng.choice(sorted(SAVED))
            params = {p: rng.choice(values["person" if p in ("first", "second") else p]) for p in SAVED[name]}
            ops.append(Op("saved", name, "GET", f"/queries/{name}?" + urllib.parse.urlencode(params),
                          then_run=True, expect=(200, 503)))
        elif kind == "heavy":
            name = rng.choice(sorted(HEAVY) + ["people-no-parameter"])
            if name == "people-no-parameter":
                ops.append(Op("heavy", name, "GET", "/queries/people", then_run=True, expect=HEAVY_STATUS))
            else:
                accept = "text/turtle" if name.startswith("construct") else "application/sparql-results+json"
                ops.append(Op("heavy", name, "POST", "/sparql", body=HEAVY[name].encode(),
                              headers={"Content-Type": "application/sparql-query", "Accept": accept},
                              expect=HEAVY_STATUS))
        else:
            ops.append(rng.choice(malformed))
    return ops


class Results:
    def __init__(self):
        self.lock = threading.Lock()
        self.rows = []  # (kind, name, status, seconds, bytes)
        self.errors = []  # (kind, name, message)
        self.unexpected = []  # (kind, name, status, body start)
        self.slow = []  # (variant, outcome, seconds)

    def add(self, **kw):
        with self.lock:
            for key, value in kw.items():
                getattr(self, key).append(value)


def run_raw(port, raw, timeout):
    """A request written as bytes: the status of the answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(raw)
        data = b""
        while b"\r\n" not in data:
            chunk = s.recv(4096)
            if not chunk:
                break
            data += chunk
    return int(data.split(b" ", 2)[1]) if data.startswith(b"HTTP/1.") else 0


def client(port, ops, next_op, results, timeout):
    """Take the next planned request until none is left; one keep-alive connection, renewed when closed."""
    conn = None
    while True:
        with next_op["lock"]:
            i = next_op["i"]
            next_op["i"] += 1
        if i >= len(ops):
            break
        op = ops[i]
        started = time.perf_counter()
        try:
            if op.raw is not None:
                status, size, body = run_raw(port, op.raw, timeout), 0, b""
            else:
                for attempt in (0, 1):
                    fresh = conn is None
                    if fresh:
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                    try:
                        conn.request(op.method, op.path, body=op.body, headers=op.headers)
                        r = conn.getresponse()
                        body = r.read()
                        if r.getheader("Connection", "").lower() == "close":
                            conn.close()
                            conn = None
                        break
                    except (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError):
                        conn.close()
                        conn = None
                        # A kept-alive connection the server closed meanwhile: once more on a new one, as
                        # browsers and HTTP libraries do; a new connection failing is an error.
                        if fresh or attempt:
                            raise
                status, size = r.status, len(body)
                if op.then_run and status == 200:
                    # The saved query's bound text, run at /sparql on the same connection.
                    if conn is None:
                        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
                    conn.request("POST", "/sparql", body=body, headers={
                        "Content-Type": "application/sparql-query", "Accept": "text/csv"})
                    r = conn.getresponse()
                    body = r.read()
                    if r.getheader("Connection", "").lower() == "close":
                        conn.close()
                        conn = None
                    status, size = r.status, len(body)
        except Exception as e:  # noqa: BLE001 - every failure is reported with its request
            if conn is not None:
                conn.close()
                conn = None
            results.add(errors=(op.kind, op.name, f"{type(e).__name__}: {e}"))
            continue
        elapsed = time.perf_counter() - started
        results.add(rows=(op.kind, op.name, status, elapsed, size))
        # A request that waited --timeout for a worker is shed with 503, whatever it is: the stated overload answer.
        shed = status == 503 and b"waited" in body
        if status not in op.expect and not shed:
            results.add(unexpected=(op.kind, op.name, status, body[:200].decode("utf-8", "replace")))
    if conn is not None:
        conn.close()


def slowloris(port, variant, read_timeout, done, results):
    """Connect again and again, trickling a request (or nothing) until the server cuts the connection off."""
    heads = {
        "trickle-head": (b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n", b"X-Slow: y\r\n"),
        "trickle-body": (b"POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/sparql-query\r\n"
                         b"Content-Length: 1000\r\n\r\n", b"A"),
        "idle": (b"", b""),
    }
    first, drip = heads[variant]
    limit = read_timeout + 15
    while not done.is_set():
        started = time.perf_counter()
        try:
            s = socket.create_connection(("127.0.0.1", port), timeout=1)
        except OSError as e:
            results.add(errors=("slowloris", variant, f"connect: {e}"))
            return
        outcome = None
        try:
            if first:
                s.sendall(first)
            while outcome is None:
                try:
                    data = s.recv(4096)
                    if data.startswith(b"HTTP/1."):
                        outcome = data.split(b" ", 2)[1].decode()
                    elif not data:
                        outcome = "closed"
                except socket.timeout:
                    if drip:
                        s.sendall(drip)
                except (ConnectionResetError, BrokenPipeError):
                    outcome = "reset"
                if outcome is None and time.perf_counter() - started > limit:
                    outcome = "not cut off"
        except (ConnectionResetError, BrokenPipeError):
            outcome = "reset"
        finally:
            s.close()
        results.add(slow=(variant, outcome, time.perf_counter() - started))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=True, type=Path, help="the store to serve")
    ap.add_argument("--newskg", default=str(REPO / "target" / "release" / "newskg"), help="the newskg binary")
    ap.add_argument("--requests", type=int, default=4000, help="requests in all (default 4000)")
    ap.add_argument("--clients", type=int, default=64, help="concurrent clients (default 64)")
    ap.add_argument("--slowloris", type=int, default=4, help="slow clients beside them (default 4)")
    ap.add_argument("--seed", type=int, default=20, help="the plan's random seed (default 20)")
    ap.add_argument("--saved", type=float, default=60, help="weight of saved queries (default 60)")
    ap.add_argument("--heavy", type=float, default=4, help="weight of heavy queries (default 4)")
    ap.add_argument("--malformed", type=float, default=36, help="weight of malformed requests (default 36)")
    for flag, default, what in [("timeout", 30.0, "query timeout, s"), ("read-timeout", 10.0, "read timeout, s"),
                                ("max-body", 1 << 20, "body limit, bytes"), ("max-result", 64 << 20,
                                                                            "result limit, bytes"),
                                ("workers", 8, "worker threads"), ("max-connections", 128, "connection limit")]:
        ap.add_argument(f"--{flag}", type=type(default), default=default,
                        help=f"newskg serve --{flag}: {what} (default {default})")
    ap.add_argument("--json", type=Path, help="also write every figure to this file as JSON")
    args = ap.parse_args()
    if not args.store.is_dir():
        ap.error(f"--store {args.store}: not a directory")
    flags = [f"--{f}={getattr(args, f.replace('-', '_'))}" for f in
             ("timeout", "read-timeout", "max-body", "max-result", "workers", "max-connections")]
    server = Server(args.newskg, args.store, flags)
    results = Results()
    try:
        values = discover(server.port)
        ops = plan(args, values, random.Random(args.seed))
        done = threading.Event()
        variants = ["trickle-head", "trickle-body", "idle"]
        slow = [threading.Thread(target=slowloris, args=(server.port, variants[i % 3], args.read_timeout, done,
                                                         results), daemon=True) for i in range(args.slowloris)]
        for t in slow:
            t.start()
        next_op = {"i": 0, "lock": threading.Lock()}
        timeout = 2 * args.timeout + 60  # a worker's wait and the query's timeout, and more
        started = time.perf_counter()
        clients = [threading.Thread(target=client, args=(server.port, ops, next_op, results, timeout))
                   for _ in range(args.clients)]
        for t in clients:
            t.start()
        for t in clients:
            t.join()
        wall = time.perf_counter() - started
        done.set()
        for t in slow:
            t.join(args.read_timeout + 20)
        alive = server.proc.poll() is None
        if alive:
            try:
                alive = request(server.port, "GET", "/queries")[0] == 200
            except OSError:
                alive = False
    finally:
        hwm = server.stop()
    report(args, server, results, wall, alive, hwm)
    failed = (not alive or results.errors or results.unexpected
              or any(o not in ("408", "closed") for _, o, _ in results.slow))
    sys.exit(1 if failed else 0)


def report(args, server, results, wall, alive, hwm):
    rows = results.rows
    quads = next((w for w in server.log().split() if w.startswith("(")), "(?")[1:]
    print(f"newskg serve under load: {len(rows) + len(results.errors)} requests from {args.clients} clients, "
          f"{args.slowloris} slow clients beside; store {args.store} ({quads} quads); workers {args.workers}, "
          f"timeout {args.timeout} s, read timeout {args.read_timeout} s, max result {args.max_result} B")
    print(f"wall {wall:.1f} s, {len(rows) / wall:.1f} requests/s")
    figures = {"wall_s": wall, "requests": len(rows), "throughput_rps": len(rows) / wall, "kinds": {}, "names": {}}

    def line(label, sel):
        lat = [r[3] * 1000 for r in sel]
        statuses = {}
        for r in sel:
            statuses[r[2]] = statuses.get(r[2], 0) + 1
        st = " ".join(f"{k}:{v}" for k, v in sorted(statuses.items()))
        fig = {"n": len(sel), "p50_ms": percentile(lat, 50), "p99_ms": percentile(lat, 99), "max_ms": max(lat),
               "statuses": statuses}
        print(f"  {label:<28} {len(sel):>6} {fig['p50_ms']:>9.1f} {fig['p99_ms']:>9.1f} {fig['max_ms']:>9.1f}  {st}")
        return fig

    print(f"  {'kind / request':<28} {'n':>6} {'p50 ms':>9} {'p99 ms':>9} {'max ms':>9}  statuses")
    for kind in ("saved", "heavy", "malformed"):
        sel = [r for r in rows if r[0] == kind]
        if sel:
            figures["kinds"][kind] = line(kind, sel)
    for name in sorted({(r[0], r[1]) for r in rows}):
        figures["names"][f"{name[0]}/{name[1]}"] = line(f"  {name[1]}", [r for r in rows if r[:2] == name])
    for variant in sorted({s[0] for s in results.slow}):
        sel = [s for s in results.slow if s[0] == variant]
        outcomes = {}
        for s in sel:
            outcomes[s[1]] = outcomes.get(s[1], 0) + 1
        times = [s[2] for s in sel]
        print(f"  slow client {variant:<16} {len(sel)} connections cut off after {min(times):.1f}-{max(times):.1f} s: "
              + " ".join(f"{k}:{v}" for k, v in sorted(outcomes.items())))
        figures.setdefault("slow", {})[variant] = {"n": len(sel), "outcomes": outcomes, "min_s": min(times),
                                                   "max_s": max(times)}
    print(f"server: peak RSS {hwm / 1024:.0f} MB (VmHWM), sampled peaks {server.peak['VmRSS'] / 1024:.0f} MB RSS, "
          f"{server.peak['Threads']} threads, {server.peak['fds']} open files; "
          + ("alive and answering at the end" if alive else "DEAD or not answering at the end"))
    figures.update(vm_hwm_kb=hwm, peak_sampled=server.peak, alive=alive, errors=results.errors,
                   unexpected=results.unexpected)
    for kind, name, message in results.errors[:20]:
        print(f"error: {kind}/{name}: {message}")
    for kind, name, status, body in results.unexpected[:20]:
        print(f"unexpected: {kind}/{name}: {status} {body.strip()[:150]}")
    if not alive:
        print("server log:", server.log()[-2000:])
    if args.json:
        args.json.write_text(json.dumps(figures, indent=1, default=str) + "\n")


if __name__ == "__main__":
    main()
