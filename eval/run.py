#!/usr/bin/env python3
"""Run newskg on the development files and score it (and the peers' saved outputs) with the
shared scorer. Standard library only.

  python3 eval/run.py                       # every target, newskg only
  python3 eval/run.py timex-te3 roles       # some targets
  python3 eval/run.py --systems newskg,heideltime,spacy   # side by side with the peers' outputs
  python3 eval/run.py events-meantime --errors            # with score.py's error listing

Targets (dev file -> score.py options):
  timex-te3          te3_tbaq.jsonl      --tasks timex
  timex-meantime     meantime_dev.jsonl  --tasks timex
  roles              roles_dev.jsonl     --tasks persons,roles
  entities-meantime  meantime_dev.jsonl  --tasks entities --types PER,ORG,LOC --gold-filter syntactic_type=NAM,PRE.NAM
  entities-gum       gum_news_dev.jsonl  --tasks entities --types person,organization,place
                                         --map-type PER=person --map-type ORG=organization --map-type LOC=place
                                         --gold-filter syntactic_type=NAM
  events-meantime    meantime_dev.jsonl  --tasks events,participants (event classes mapped to MEANTIME's)
                     + the actor figures of eval/run.py itself (see event_actor_figures)

For MEANTIME targets a second score is printed on the fully annotated sentences only
(eval/clip_annotated.py; MEANTIME annotates everything only in the first sentences of each
article), unless --no-clip.

newskg: `BIN extract -f nquads --input-format jsonl -j 1 DEV.jsonl -o eval/out/newskg_STEM.nq`,
timed (wall clock, one worker thread), then eval/graph_to_system.py -> eval/out/newskg_STEM.jsonl.
Each dev file is extracted once per invocation. Speed = characters of "text" / seconds.
If newskg does not finish a file within --timeout seconds, each document is run alone
(--doc-timeout), the ones it hangs on are reported and left out (they then count as all misses),
and the rest is extracted again in one run, which gives the graph and the speed.

Peers: their outputs are read from eval/out/heideltime_STEM.jsonl and eval/out/spacy_STEM.jsonl
(made by eval/peers/*.py; see eval/README.md); a missing output is reported and skipped.

Paths: --bin (default $NEWSKG_BIN or REPO/target/release/newskg), --data (default
$NEWSKG_EVAL_DATA or REPO/../shared/eval: holds dev/*.jsonl and score.py), --out (default
REPO/eval/out). A summary table is written to OUT/summary.md.
"""
import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

EVAL = Path(__file__).resolve().parent
REPO = EVAL.parent

STEMS = {"te3_tbaq.jsonl": "te3", "meantime_dev.jsonl": "meantime", "gum_news_dev.jsonl": "gum_news",
         "roles_dev.jsonl": "roles"}

MEANTIME_ENT = ["--tasks", "entities", "--types", "PER,ORG,LOC", "--gold-filter", "syntactic_type=NAM,PRE.NAM"]
GUM_ENT = ["--tasks", "entities", "--types", "person,organization,place", "--gold-filter", "syntactic_type=NAM"]

# name: (dev file, score.py args, clip?, {system: extra score args or None if not applicable})
TARGETS = {
    "timex-te3": ("te3_tbaq.jsonl", ["--tasks", "timex"], False,
                  {"newskg": [], "heideltime": [], "spacy": None}),
    "timex-meantime": ("meantime_dev.jsonl", ["--tasks", "timex"], True,
                       {"newskg": [], "heideltime": [], "spacy": None}),
    "roles": ("roles_dev.jsonl", ["--tasks", "persons,roles"], False,
              {"newskg": [], "heideltime": None, "spacy": ["--tasks", "persons"]}),
    "entities-meantime": ("meantime_dev.jsonl", MEANTIME_ENT, True,
                          {"newskg": [], "heideltime": None,
                           "spacy": ["--map-type", "PERSON=PER", "--map-type", "GPE=LOC", "--map-type", "FAC=LOC"]}),
    "entities-gum": ("gum_news_dev.jsonl", GUM_ENT, False,
                     {"newskg": ["--map-type", "PER=person", "--map-type", "ORG=organization",
                                 "--map-type", "LOC=place"],
                      "heideltime": None,
                      "spacy": ["--map-type", "PERSON=person", "--map-type", "ORG=organization",
                                "--map-type", "GPE=place", "--map-type", "LOC=place", "--map-type", "FAC=place"]}),
    "events-meantime": ("meantime_dev.jsonl", ["--tasks", "events,participants"], True,
                        {"newskg": [], "heideltime": None, "spacy": None}),
}


def load_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(l) for l in fh if l.strip()]


def event_actor_figures(gold_path, sys_path, scorer, errors=None):
    """The event figures of issue 5 that score.py does not print, on the full text:

    recall over the gold events that have a person or organisation participant (a gold event is found when a
    system trigger is aligned with it, one-to-one by overlap as score.py aligns events), and actor precision:
    over the system (event, sem:hasActor) pairs whose event is aligned with a gold event that has participants
    (past the first sentences MEANTIME marks participants only for a few events, so an event without any cannot
    be judged), the share whose actor is among that gold event's participants. The actor counts as a participant when its mention (the one
    graph_to_system.py picked, nearest the trigger) overlaps a gold participant's argument, or overlaps a gold
    entity mention of the same MEANTIME instance as one ("it" -> "Ryanair" is Ryanair)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("newskg_score", scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    gold = {d["id"]: d for d in load_jsonl(gold_path)}
    found = total = right = pairs = 0
    for s in load_jsonl(sys_path):
        g = gold.get(s["id"])
        if g is None:
            continue
        ents = {e["id"]: e for e in g.get("entities") or []}
        by_instance = {}
        for e in ents.values():
            by_instance.setdefault(e.get("instance"), []).append(e)
        args = {}
        for p in g.get("participants") or []:
            if p["argument"] in ents:
                args.setdefault(p["event"], []).append(ents[p["argument"]])
        gev = score.spans(g.get("events"))
        sev = score.spans(s.get("events"))
        aligned = dict((j, i) for i, j in score.align(gev, sev))
        with_actor = {i for i, e in enumerate(gev)
                      if any(a["type"] in ("PER", "ORG") for a in args.get(e.get("id"), []))}
        total += len(with_actor)
        found += len(with_actor & set(aligned.values()))
        srow = {e["id"]: j for j, e in enumerate(sev) if "id" in e}
        sent = {e["id"]: e for e in s.get("entities") or []}
        for p in s.get("participants") or []:
            j, arg = srow.get(p["event"]), sent.get(p["argument"])
            if j is None or arg is None or j not in aligned or p.get("role") == "Argm-LOC":
                continue
            gold_args = args.get(gev[aligned[j]].get("id"), [])
            if not gold_args:
                continue
            pairs += 1
            forms = [m for a in gold_args for m in ([a] + by_instance.get(a.get("instance"), [])
                                                    if a.get("instance") else [a])]
            ok = any(score.overlap(arg, m) > 0 for m in forms)
            right += ok
            if errors is not None and not ok:
                e = gev[aligned[j]]
                errors.append(f"{s['id']}: {e['text']!r} at {e['start']}: actor {arg['text']!r} not among "
                              f"{[a['text'] for a in gold_args]}")
    for line in errors or []:
        print("  wrong actor: " + line)
    rec = found / total if total else 0.0
    prec = right / pairs if pairs else 0.0
    print(f"event recall over gold events with a PER/ORG participant: {found}/{total} = {rec:.4f}")
    print(f"actor precision (actors of matched events among the gold participants): {right}/{pairs} = "
          f"{prec:.4f}")
    return {"recall_per_org": rec, "found": found, "total": total, "actor_precision": prec, "actors_right": right,
            "actors": pairs}


def sh(cmd, **kw):
    print("$ " + " ".join(str(c) if " " not in str(c) else repr(str(c)) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], **kw)


class Runner:
    def __init__(self, args):
        self.args = args
        self.data = Path(args.data)
        self.out = Path(args.out)
        self.out.mkdir(parents=True, exist_ok=True)
        self.scorer = Path(args.scorer) if args.scorer else self.data / "score.py"
        self.extracted = {}
        self.speed = []
        self.summary = []

    def dev(self, name):
        p = self.data / "dev" / name
        if not p.exists():
            raise SystemExit(f"no dev file {p} (set --data or NEWSKG_EVAL_DATA)")
        return p

    def newskg(self, dev_name, event_classes="nkg"):
        """Extract (once per dev file) and convert; returns the SYSTEM JSONL path or None."""
        stem = STEMS[dev_name]
        key = (dev_name, event_classes)
        if key in self.extracted:
            return self.extracted[key]
        nq = self.out / f"newskg_{stem}.nq"
        if (dev_name, "nq") not in self.extracted:
            binp = Path(self.args.bin)
            if not binp.exists():
                print(f"newskg binary not found: {binp} (build it with `cargo build --release`, or pass --bin)",
                      file=sys.stderr)
                self.extracted[key] = None
                return None
            dev = self.dev(dev_name)
            with open(dev, encoding="utf-8") as fh:
                lines = [l for l in fh if l.strip()]
            skipped = []
            run = self.extract(binp, dev, nq, self.args.timeout)
            if run is None:
                # Timed out: find the documents newskg does not finish, one by one, and run the rest.
                print(f"newskg did not finish {dev_name} within {self.args.timeout} s; looking for the "
                      f"documents it hangs on ({self.args.doc_timeout} s each)", flush=True)
                kept = []
                one = self.out / "newskg_one.jsonl"
                for l in lines:
                    one.write_text(l, encoding="utf-8")
                    if self.extract(binp, one, self.out / "newskg_one.nq", self.args.doc_timeout, quiet=True) is None:
                        skipped.append(json.loads(l)["id"])
                    else:
                        kept.append(l)
                for leftover in (one, self.out / "newskg_one.nq"):
                    leftover.unlink(missing_ok=True)
                print(f"newskg hangs (> {self.args.doc_timeout} s) on {len(skipped)} of {len(lines)} documents of "
                      f"{dev_name}: {', '.join(skipped)}", flush=True)
                lines = kept
                part = self.out / f"newskg_{stem}.input.jsonl"
                part.write_text("".join(lines), encoding="utf-8")
                run = self.extract(binp, part, nq, self.args.timeout)
                if run is None:
                    print(f"newskg still does not finish {dev_name} without them; giving up", file=sys.stderr)
                    self.extracted[key] = None
                    return None
            rc, dt = run
            chars = sum(len(json.loads(l)["text"]) for l in lines)
            if rc not in (0, 1) or not nq.exists():
                print(f"newskg extract failed on {dev_name} (exit {rc})", file=sys.stderr)
                self.extracted[key] = None
                return None
            if rc == 1:
                print(f"warning: newskg rejected some inputs of {dev_name} (exit 1; see its stderr above)", flush=True)
            with open(nq, encoding="utf-8") as fh:
                in_graph = sum(1 for l in fh if "<https://schema.org/identifier>" in l)
            line = (f"newskg speed on {dev_name}: {len(lines)} docs, {chars} chars in {dt:.2f} s = "
                    f"{chars / dt:,.0f} chars/s (wall clock, -j 1, process start included)")
            if in_graph != len(lines):
                line += f"; {len(lines) - in_graph} of the documents rejected (not in the graph)"
            if skipped:
                line += f"; {len(skipped)} document(s) skipped because newskg hangs on them: {', '.join(skipped)}"
            print(line)
            self.speed.append(line)
            self.extracted[(dev_name, "nq")] = nq
        suffix = "" if event_classes == "nkg" else "." + event_classes
        sysp = self.out / f"newskg_{stem}{suffix}.jsonl"
        r = sh([sys.executable, EVAL / "graph_to_system.py", nq, "-o", sysp, "--gold", self.dev(dev_name),
                "--event-classes", event_classes])
        if r.returncode != 0:
            print(f"graph_to_system.py failed on {nq}", file=sys.stderr)
            sysp = None
        self.extracted[key] = sysp
        return sysp

    def extract(self, binp, inp, nq, timeout, quiet=False):
        """Run newskg extract; (exit code, seconds), or None when it runs past `timeout`."""
        cmd = [binp, "extract", "-f", "nquads", "--input-format", "jsonl", "-j", "1", inp, "-o", nq]
        if not quiet:
            print("$ " + " ".join(str(c) for c in cmd), flush=True)
        t0 = time.perf_counter()
        try:
            r = subprocess.run([str(c) for c in cmd], timeout=timeout,
                               stderr=subprocess.DEVNULL if quiet else None)
        except subprocess.TimeoutExpired:
            return None
        return r.returncode, time.perf_counter() - t0

    def score(self, target, system, sysp, extra, clip):
        dev_name, base, _, _ = TARGETS[target]
        gold = self.dev(dev_name)
        variants = [("full text", sysp)]
        if clip and not self.args.no_clip:
            clipped = sysp.with_name(sysp.stem + ".clipped.jsonl")
            sh([sys.executable, EVAL / "clip_annotated.py", gold, sysp, "-o", clipped], check=True)
            variants.append(("fully annotated sentences only", clipped))
        args = list(base)
        if extra and "--tasks" in extra:          # a peer scored on fewer tasks
            i = base.index("--tasks")
            args = base[:i] + base[i + 2:]
        args += extra or []
        if target == "events-meantime" and system == "newskg":
            print(f"\n## {target} | {system} | actors (full text)")
            fig = event_actor_figures(gold, sysp, self.scorer, [] if self.args.errors else None)
            self.speed.append(f"newskg events: recall over gold events with a PER/ORG participant "
                              f"{fig['found']}/{fig['total']} = {fig['recall_per_org']:.4f}; actor precision "
                              f"{fig['actors_right']}/{fig['actors']} = {fig['actor_precision']:.4f}")
        for label, path in variants:
            print(f"\n## {target} | {system} | {label}")
            cmd = [sys.executable, self.scorer, gold, path] + args
            r = sh(cmd + (["--errors"] if self.args.errors else []))
            if r.returncode != 0:
                continue
            res = subprocess.run([str(c) for c in cmd + ["--json"]], capture_output=True, text=True)
            if res.returncode == 0:
                self.summary.append((target, system, label, json.loads(res.stdout)))

    def run(self, targets, systems):
        for t in targets:
            dev_name, _, clip, per_system = TARGETS[t]
            for system in systems:
                extra = per_system.get(system)
                if extra is None:
                    continue
                if system == "newskg":
                    sysp = self.newskg(dev_name, "meantime" if t == "events-meantime" else "nkg")
                else:
                    sysp = self.out / f"{system}_{STEMS[dev_name]}.jsonl"
                    if not sysp.exists():
                        print(f"\n## {t} | {system}: no output {sysp}; run eval/peers/{system}"
                              f"{'_ner' if system == 'spacy' else ''}.py first (eval/README.md)")
                        continue
                    st = Path(str(sysp) + ".stats.json")
                    if st.exists():
                        s = json.load(open(st))
                        line = (f"{system} speed on {dev_name}: {s['docs']} docs, {s['chars']} chars in "
                                f"{s['seconds']:.1f} s = {s['chars_per_second']:,.0f} chars/s (from {st.name})")
                        if line not in self.speed:
                            self.speed.append(line)
                if sysp is None:
                    continue
                self.score(t, system, sysp, extra, clip)
        self.write_summary()

    def write_summary(self):
        rows = []
        f = lambda x: "-" if x is None else f"{x:.4f}"   # noqa: E731
        for target, system, label, res in self.summary:
            for layer, v in res.items():
                if layer in ("persons", "roles"):
                    extra = ""
                    if layer == "roles" and v.get("org", {}).get("accuracy") is not None:
                        extra = f"org acc {v['org']['accuracy']:.4f}; exact {v['exact']}"
                    rows.append((target, system, label, layer, v["gold"], v["system"], "-", f(v["F1"]), extra))
                elif layer.startswith("entities:") and layer not in ("entities:all-types",):
                    continue
                else:
                    attrs = "; ".join(f"{a} F1 {v[a]['F1']:.4f}" for a in ("value", "type", "class", "role") if a in v)
                    rows.append((target, system, label, layer, v["gold"], v["system"], f(v["strict"]["F1"]),
                                 f(v["relaxed"]["F1"]), attrs))
        lines = ["| target | system | scored on | layer | gold | sys | strict F1 | relaxed F1 (persons/roles: F1) | attributes |",
                 "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
        text = "\n".join(lines) + "\n\n" + "\n".join(f"- {s}" for s in self.speed) + "\n"
        print("\n# summary\n")
        print(text)
        (self.out / "summary.md").write_text(text, encoding="utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("targets", nargs="*", help=f"any of {', '.join(TARGETS)} (default: all)")
    ap.add_argument("--systems", default="newskg", help="comma-separated: newskg, heideltime, spacy")
    ap.add_argument("--bin", default=os.environ.get("NEWSKG_BIN", str(REPO / "target" / "release" / "newskg")))
    ap.add_argument("--data", default=os.environ.get("NEWSKG_EVAL_DATA", str((REPO / ".." / "shared" / "eval").resolve())))
    ap.add_argument("--scorer", default=None, help="score.py to use (default: DATA/score.py)")
    ap.add_argument("--out", default=str(EVAL / "out"))
    ap.add_argument("--errors", action="store_true", help="pass --errors to score.py")
    ap.add_argument("--no-clip", action="store_true", help="skip the MEANTIME fully-annotated-sentences scores")
    ap.add_argument("--timeout", type=float, default=300,
                    help="seconds for newskg on one whole dev file; past it, documents are tried one by one "
                         "and those newskg hangs on are left out (default 300)")
    ap.add_argument("--doc-timeout", type=float, default=10, help="seconds for one document in that search (default 10)")
    args = ap.parse_args(argv)
    targets = args.targets or list(TARGETS)
    if targets == ["all"]:
        targets = list(TARGETS)
    bad = [t for t in targets if t not in TARGETS]
    if bad:
        ap.error(f"unknown target(s) {bad}; choose from {list(TARGETS)}")
    systems = [s for s in args.systems.split(",") if s]
    for s in systems:
        if s not in ("newskg", "heideltime", "spacy"):
            ap.error(f"unknown system {s}")
    sys.stdout.reconfigure(line_buffering=True)
    Runner(args).run(targets, systems)


if __name__ == "__main__":
    main()
