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
                     + trigger recall over the gold events with a PER/ORG participant (score.py on a
                       filtered gold file; recall only), participants and role accuracy restricted to
                       PER/ORG arguments, the role confusion, and the actor figures of
                       event_actor_figures
  events-te3         te3_tbaq.jsonl      --tasks events (event classes mapped to TimeML's)

For MEANTIME targets a second score is printed on the fully annotated sentences only
(eval/clip_annotated.py, system and gold clipped at the same place; MEANTIME annotates
everything only in the first sentences of each article), unless --no-clip. Event targets also
print, per nkg: class, what the gold says at the triggers newskg found (class_table).

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
REPO/eval/out). The figures are written to OUT/summary.md (tables) and OUT/summary.json
(every score.py --json result, the extra event figures, speeds, the command and its run time).
"""
import argparse
import json
import os
import subprocess
import sys
import time
from collections import Counter
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
    "events-te3": ("te3_tbaq.jsonl", ["--tasks", "events"], False,
                   {"newskg": [], "heideltime": None, "spacy": None}),
}
# graph_to_system.py --event-classes per target (default nkg)
EVENT_CLASSES = {"events-meantime": "meantime", "events-te3": "timeml"}
PER_ORG = ("PER", "ORG")


def load_jsonl(path):
    with open(path, encoding="utf-8") as fh:
        return [json.loads(l) for l in fh if l.strip()]


def load_scorer(scorer):
    """score.py as a module (its span helpers: spans, overlap, align, participants_of)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("newskg_score", scorer)
    score = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(score)
    return score


def write_jsonl(path, docs):
    with open(path, "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")


def per_org_argument_ids(doc):
    """Ids of the document's entity mentions of type PER or ORG (gold: MEANTIME's types; system:
    graph_to_system.py's rows for schema:Person and schema:Organization)."""
    return {str(e["id"]) for e in doc.get("entities") or [] if "id" in e and e.get("type") in PER_ORG}


def gold_events_with_per_org(doc):
    """The gold events that have at least one participant whose argument is a PER or ORG entity."""
    ids = per_org_argument_ids(doc)
    evs = {str(p["event"]) for p in doc.get("participants") or [] if str(p.get("argument")) in ids}
    return [e for e in doc.get("events") or [] if str(e.get("id")) in evs]


def only_per_org_participants(doc):
    """`doc` with only the participants whose argument is a PER or ORG entity mention."""
    ids = per_org_argument_ids(doc)
    return dict(doc, participants=[p for p in doc.get("participants") or [] if str(p.get("argument")) in ids])


def role_confusion(gold_path, sys_path, scorer):
    """Counter of (gold role, system role) over the participant pairs score.py matches (the same
    one-to-one matching as score.py's score_participants, which does not return its pairs)."""
    score = load_scorer(scorer)
    gold = {d["id"]: d for d in load_jsonl(gold_path)}
    conf = Counter()
    for s in load_jsonl(sys_path):
        g = gold.get(s["id"])
        if g is None:
            continue
        gp, sp = score.participants_of(g), score.participants_of(s)
        cands = []
        for i, a in enumerate(gp):
            for j, b in enumerate(sp):
                x, y = score.overlap(a["ev"], b["ev"]), score.overlap(a["arg"], b["arg"])
                if x > 0 and y > 0:
                    exact = (a["ev"]["start"], a["ev"]["end"], a["arg"]["start"], a["arg"]["end"]) == \
                            (b["ev"]["start"], b["ev"]["end"], b["arg"]["start"], b["arg"]["end"])
                    cands.append((not exact, -(x + y), i, j))
        ug, us = set(), set()
        for _, _, i, j in sorted(cands):
            if i in ug or j in us:
                continue
            ug.add(i)
            us.add(j)
            conf[(gp[i]["role"], sp[j]["role"])] += 1
    return conf


def print_role_confusion(conf):
    grs = sorted({g for g, _ in conf}, key=str)
    srs = sorted({s for _, s in conf}, key=str)
    print("role confusion over matched pairs (rows: gold role, columns: system role):")
    print(f"  {'gold/system':<14}" + "".join(f"{str(r):>10}" for r in srs) + f"{'total':>8}")
    for g in grs:
        print(f"  {str(g):<14}" + "".join(f"{conf.get((g, r), 0):>10}" for r in srs) +
              f"{sum(conf.get((g, r), 0) for r in srs):>8}")


def class_table(gold_path, sys_path, scorer, top=None):
    """Per nkg: class of the system triggers aligned with a gold event (one-to-one, as score.py
    aligns events): the class it was mapped to and the gold classes there. {nkg class: {"mapped":
    Counter, "gold": Counter}}; rows without "nkg_class" count under their "class"."""
    score = load_scorer(scorer)
    gold = {d["id"]: d for d in load_jsonl(gold_path)}
    table = {}
    for s in load_jsonl(sys_path):
        g = gold.get(s["id"])
        if g is None:
            continue
        gev, sev = score.spans(g.get("events")), score.spans(s.get("events"))
        for i, j in score.align(gev, sev):
            k = sev[j].get("nkg_class", sev[j].get("class"))
            t = table.setdefault(k, {"mapped": Counter(), "gold": Counter()})
            t["mapped"][sev[j].get("class")] += 1
            t["gold"][gev[i].get("class")] += 1
    return table


def print_class_table(table):
    print("nkg: class of the triggers matched to a gold event -> the class scored, and the gold classes there:")
    for k, t in sorted(table.items(), key=lambda kv: (-sum(kv[1]["gold"].values()), str(kv[0]))):
        n = sum(t["gold"].values())
        mapped = ",".join(str(c) for c in t["mapped"])
        right = sum(t["gold"].get(c, 0) for c in t["mapped"])
        gold = ", ".join(f"{c} {m}" for c, m in t["gold"].most_common())
        print(f"  {str(k):<16}{n:>5} -> {mapped:<17} right {right:>4} | gold: {gold}")


def event_actor_figures(gold_path, sys_path, scorer, errors=None):
    """The event figures of issue 5 that score.py does not print, on the full text:

    recall over the gold events that have a person or organisation participant (a gold event is found when a
    system trigger is aligned with it, one-to-one by overlap as score.py aligns events), and actor precision:
    over the system (event, sem:hasActor) pairs whose event is aligned with a gold event that has participants
    (past the first sentences MEANTIME marks participants only for a few events, so an event without any cannot
    be judged), the share whose actor is among that gold event's participants. The actor counts as a participant when its mention (the one
    graph_to_system.py picked, nearest the trigger) overlaps a gold participant's argument, or overlaps a gold
    entity mention of the same MEANTIME instance as one ("it" -> "Ryanair" is Ryanair). A system pair is an
    actor pair when graph_to_system.py marked it "actor" (its argument is a sem:hasActor of the event,
    whatever role property also names it); files without that mark: every pair but Argm-LOC ones with an
    entity argument."""
    score = load_scorer(scorer)
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
            if j is None or arg is None or j not in aligned:
                continue
            if not p.get("actor", p.get("role") != "Argm-LOC" and arg.get("type") != "THING"):
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
        self.speed = []            # speed lines (summary.md)
        self.speed_records = []    # the same, machine-readable (summary.json)
        self.summary = []          # one entry per score.py run: target, system, scored_on, result (--json)
        self.extra = {}            # per target: the figures eval/run.py computes itself
        self.notes = []            # their one-line forms (summary.md)
        self.t0 = time.perf_counter()
        self.started = time.strftime("%Y-%m-%dT%H:%M:%S%z")
        self.command = " ".join(["python3", "eval/run.py"] + list(getattr(args, "argv", None) or []))

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
            self.speed_records.append({"system": "newskg", "dev": dev_name, "docs": len(lines), "chars": chars,
                                       "seconds": round(dt, 3), "chars_per_second": round(chars / dt, 1),
                                       "rejected": len(lines) - in_graph, "skipped": skipped, "exit": rc})
            self.extracted[(dev_name, "nq")] = nq
        suffix = "" if event_classes == "nkg" else "." + event_classes
        sysp = self.out / f"newskg_{stem}{suffix}.jsonl"
        # The event targets score no entity layer: their entity rows only resolve participants, each to the
        # argument's mention nearest the trigger, pronoun and title mentions included (MEANTIME, like PropBank,
        # annotates the argument as it stands there: "He announced" has "He" as its Arg0).
        # Their participants are entity mentions (and values), never another event: event-valued arguments are
        # another layer (MEANTIME links events to events by TLINKs and CLINKs), left out and counted in the notes.
        # The amounts of changes are participants too, as MEANTIME's values are ("rose 17%").
        nominal = ["--all-mentions", "--no-event-arguments", "--quantities"] if event_classes != "nkg" else []
        r = sh([sys.executable, EVAL / "graph_to_system.py", nq, "-o", sysp, "--gold", self.dev(dev_name),
                "--event-classes", event_classes] + nominal)
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

    def score_one(self, target, system, label, gold, path, args, recall_only=False, note=None):
        """Print score.py's table for one (gold, system) pair, keep its --json numbers for the summary."""
        print(f"\n## {target} | {system} | {label}")
        if note:
            print(note)
        cmd = [sys.executable, self.scorer, gold, path] + args
        r = sh(cmd + (["--errors"] if self.args.errors else []))
        if r.returncode != 0:
            return None
        res = subprocess.run([str(c) for c in cmd + ["--json"]], capture_output=True, text=True)
        if res.returncode != 0:
            return None
        out = json.loads(res.stdout)
        self.summary.append({"target": target, "system": system, "scored_on": label, "recall_only": recall_only,
                             "gold": str(gold), "system_file": str(path), "score_args": [str(a) for a in args],
                             "result": out})
        return out

    def score(self, target, system, sysp, extra, clip):
        dev_name, base, _, _ = TARGETS[target]
        gold = self.dev(dev_name)
        variants = [("full text", gold, sysp)]
        if clip and not self.args.no_clip:
            clipped = sysp.with_name(sysp.stem + ".clipped.jsonl")
            gold_clipped = self.out / f"gold_{STEMS[dev_name]}.clipped.jsonl"
            sh([sys.executable, EVAL / "clip_annotated.py", gold, sysp, "-o", clipped, "--gold-output", gold_clipped],
               check=True)
            variants.append(("fully annotated sentences only", gold_clipped, clipped))
        args = list(base)
        if extra and "--tasks" in extra:          # a peer scored on fewer tasks
            i = base.index("--tasks")
            args = base[:i] + base[i + 2:]
        args += extra or []
        if target == "events-meantime" and system == "newskg":
            print(f"\n## {target} | {system} | actors (full text)")
            fig = event_actor_figures(gold, sysp, self.scorer, [] if self.args.errors else None)
            self.extra.setdefault(target, {})["actors_full_text"] = fig
            self.notes.append(f"newskg events: recall over gold events with a PER/ORG participant "
                              f"{fig['found']}/{fig['total']} = {fig['recall_per_org']:.4f}; actor precision "
                              f"{fig['actors_right']}/{fig['actors']} = {fig['actor_precision']:.4f} "
                              f"(eval/run.py event_actor_figures, full text)")
        for label, g, path in variants:
            self.score_one(target, system, label, g, path, args)
        if system == "newskg" and target in ("events-meantime", "events-te3"):
            g, path = variants[-1][1], variants[-1][2]
            print(f"\n## {target} | {system} | event classes ({variants[-1][0]})")
            table = class_table(g, path, self.scorer)
            print_class_table(table)
            self.extra.setdefault(target, {})["classes"] = {
                k: {"mapped": dict(v["mapped"]), "gold": dict(v["gold"])} for k, v in table.items()}
        if target == "events-meantime" and system == "newskg":
            self.event_extras(target, system, gold, variants)

    def event_extras(self, target, system, gold, variants):
        """events-meantime: (a) trigger recall over the gold events with a PER/ORG participant, (b) the
        participants restricted to PER/ORG arguments and the role confusion, on the annotated part."""
        stem = STEMS[TARGETS[target][0]]
        extra = self.extra.setdefault(target, {})
        # (a) score.py on a gold file that keeps only the events with a PER/ORG participant
        gdocs = load_jsonl(gold)
        fgold = self.out / f"gold_{stem}.events_per_org.jsonl"
        write_jsonl(fgold, [{"id": d["id"], "text": d.get("text"), "dct": d.get("dct"),
                             "events": gold_events_with_per_org(d)} for d in gdocs])
        n = sum(len(gold_events_with_per_org(d)) for d in gdocs)
        label = "triggers of gold events with a PER/ORG participant (recall only)"
        res = self.score_one(target, system, label, fgold, variants[0][2], ["--tasks", "events"], recall_only=True,
                             note=f"{n} gold events have a participant whose argument is a PER or ORG entity "
                                  f"({fgold.name}); only recall is meaningful here: the system's triggers of all "
                                  f"the other events count as false alarms, so P and F1 are not. Full text (these "
                                  f"events all lie in the fully annotated sentences, so clipping gives the same "
                                  f"recall).")
        if res:
            ev = res["events"]
            extra["trigger_recall_per_org"] = {"gold": ev["gold"], "found": ev["relaxed"]["tp"],
                                               "recall": ev["relaxed"]["R"], "strict_recall": ev["strict"]["R"]}
            self.notes.append(f"newskg events: trigger recall over the {ev['gold']} gold events with a PER/ORG "
                              f"participant {ev['relaxed']['tp']}/{ev['gold']} = {ev['relaxed']['R']:.4f} "
                              f"(relaxed; strict {ev['strict']['R']:.4f}; score.py on {fgold.name}, recall only)")
        # (b) participants on the annotated part: all arguments, and PER/ORG arguments only
        label0, g0, s0 = variants[-1]
        part = {}
        for r in self.summary:
            if (r["target"], r["system"], r["scored_on"]) == (target, system, label0) and "participants" in r["result"]:
                part["all"] = r["result"]["participants"]
        pgold = self.out / f"gold_{stem}{'.clipped' if len(variants) > 1 else ''}.participants_per_org.jsonl"
        psys = s0.with_name(s0.stem + ".participants_per_org.jsonl")
        write_jsonl(pgold, [only_per_org_participants(d) for d in load_jsonl(g0)])
        write_jsonl(psys, [only_per_org_participants(d) for d in load_jsonl(s0)])
        label = f"participants with PER/ORG arguments, {label0}"
        res = self.score_one(target, system, label, pgold, psys, ["--tasks", "participants"],
                             note="gold: the participant links whose argument is a PER or ORG entity; system: the "
                                  "pairs whose argument is a schema:Person or schema:Organization entity mention")
        if res:
            part["per_org"] = res["participants"]
        print(f"\n## {target} | {system} | participants, {label0}")
        for k, name in (("all", "all arguments"), ("per_org", "PER/ORG arguments")):
            t = part.get(k)
            if t is None:
                continue
            rel, role = t["relaxed"], t.get("role", {})
            print(f"{name:<18} gold {t['gold']:>4} sys {t['system']:>4} matched {rel['tp']:>4} | P {rel['P']:.4f} "
                  f"R {rel['R']:.4f} F1 {rel['F1']:.4f} | role accuracy {role.get('accuracy', 0):.4f} "
                  f"({role.get('correct', 0)}/{rel['tp']})")
            self.notes.append(f"newskg participants ({name}, {label0}): P {rel['P']:.4f} R {rel['R']:.4f} "
                              f"F1 {rel['F1']:.4f}, role accuracy {role.get('accuracy', 0):.4f} "
                              f"({role.get('correct', 0)}/{rel['tp']})")
        conf = role_confusion(g0, s0, self.scorer)
        print_role_confusion(conf)
        extra["participants"] = {"scored_on": label0, **part,
                                 "role_confusion": [{"gold": g, "system": s, "n": n} for (g, s), n in
                                                    sorted(conf.items(), key=lambda x: (str(x[0][0]), str(x[0][1])))]}

    def run(self, targets, systems):
        for t in targets:
            dev_name, _, clip, per_system = TARGETS[t]
            for system in systems:
                extra = per_system.get(system)
                if extra is None:
                    continue
                if system == "newskg":
                    sysp = self.newskg(dev_name, EVENT_CLASSES.get(t, "nkg"))
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
                            self.speed_records.append({"system": system, "dev": dev_name, **s})
                if sysp is None:
                    continue
                self.score(t, system, sysp, extra, clip)
        self.write_summary()

    def write_summary(self):
        rows = []
        f = lambda x: "-" if x is None else f"{x:.4f}"   # noqa: E731
        for r in self.summary:
            target, system, label, res = r["target"], r["system"], r["scored_on"], r["result"]
            for layer, v in res.items():
                if layer in ("persons", "roles"):
                    extra = ""
                    if layer == "roles" and v.get("org", {}).get("accuracy") is not None:
                        extra = f"org acc {v['org']['accuracy']:.4f}; exact {v['exact']}"
                    rows.append((target, system, label, layer, v["gold"], v["system"], "-", f(v["P"]), f(v["R"]),
                                 f(v["F1"]), extra))
                elif layer.startswith("entities:") and layer not in ("entities:all-types",):
                    continue
                elif r["recall_only"]:
                    rows.append((target, system, label, layer, v["gold"], v["system"], "n/a", "n/a",
                                 f(v["relaxed"]["R"]), "n/a", f"strict R {v['strict']['R']:.4f}"))
                else:
                    attrs = "; ".join(f"{a} acc {v[a]['accuracy']:.4f}, F1 {v[a]['F1']:.4f}"
                                      for a in ("value", "type", "class", "role") if a in v)
                    rows.append((target, system, label, layer, v["gold"], v["system"], f(v["strict"]["F1"]),
                                 f(v["relaxed"]["P"]), f(v["relaxed"]["R"]), f(v["relaxed"]["F1"]), attrs))
        lines = ["| target | system | scored on | layer | gold | sys | strict F1 | relaxed P | relaxed R | "
                 "relaxed F1 | attributes |",
                 "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
        lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
        lines.append("\n(persons/roles: P, R, F1 in the relaxed columns; \"recall only\" rows: score.py on a "
                     "filtered gold file, where only recall is meaningful.)")
        seconds = time.perf_counter() - self.t0
        tail = self.speed + self.notes + [f"run time {seconds:.1f} s: {self.command}"]
        text = "\n".join(lines) + "\n\n" + "\n".join(f"- {s}" for s in tail) + "\n"
        print("\n# summary\n")
        print(text)
        (self.out / "summary.md").write_text(text, encoding="utf-8")
        js = {"command": self.command, "started": self.started, "seconds": round(seconds, 3),
              "bin": str(self.args.bin), "data": str(self.data), "scorer": str(self.scorer),
              "speed": self.speed_records, "speed_lines": self.speed, "scores": self.summary,
              "events": self.extra, "notes": self.notes}
        (self.out / "summary.json").write_text(json.dumps(js, indent=1, ensure_ascii=False) + "\n",
                                               encoding="utf-8")


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
    args.argv = list(sys.argv[1:] if argv is None else argv)
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
