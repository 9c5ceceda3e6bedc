#!/usr/bin/env python3
"""Build xdoc_dev.jsonl (MEANTIME-like gold: entities with offsets and cross-document `instance`) from xdoc_dev.src.txt."""

import json
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
MARK = re.compile(r"\[([^\]]+)\]\((PER|ORG|LOC):([\w-]+)\)")


def build(src):
    docs, cur = [], None
    for line in src.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        if line.startswith("== "):
            _, doc_id, date = line.split()
            cur = {"id": doc_id, "dct": date, "text": "", "entities": [], "events": []}
            docs.append(cur)
            continue
        text, pos = "", 0
        for m in MARK.finditer(line):
            text += line[pos : m.start()]
            start = len(cur["text"]) + len(text)
            text += m.group(1)
            cur["entities"].append(
                {"id": f"m{len(cur['entities']) + 1}", "start": start, "end": start + len(m.group(1)), "text": m.group(1),
                 "type": m.group(2), "syntactic_type": "NAM", "instance": m.group(3)}
            )
            pos = m.end()
        text += line[pos:]
        cur["text"] += text
    for d in docs:
        for e in d["entities"]:
            assert d["text"][e["start"] : e["end"]] == e["text"], e
    return docs


if __name__ == "__main__":
    docs = build((HERE / "xdoc_dev.src.txt").read_text(encoding="utf-8"))
    with (HERE / "xdoc_dev.jsonl").open("w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(len(docs), "articles,", sum(len(d["entities"]) for d in docs), "named mentions")
