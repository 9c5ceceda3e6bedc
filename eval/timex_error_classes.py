#!/usr/bin/env python3
"""Group the wrong TIMEX3 values of a scored run into classes, to see which errors are the system's and which
come from the annotation's own conventions.

Usage: python3 eval/run.py --systems newskg timex-te3 --errors > errors.txt
       python3 eval/timex_error_classes.py errors.txt [--examples N]

Reads the `timex value` lines that `score.py --errors` prints (document, gold, system) and prints one row per
class: its count and a few examples. The classes are heuristics on the gold and system values, in this order:
  gold underspecified   the gold value has X digits where the text names a definite period ("1968" as 1968-XX,
                        "last week" as 1989-WXX)
  gold slip             a gold value that is not TIMEX3 ("PM6", "P6D" for "six months") or a year off by ten
  part of day           a weekday with a part of day, gold DATE without the part, system TIME with it
  weekday               a weekday resolved to another day
  year back / focus     "a year earlier", "the quarter": the period under discussion
  last/this/next week   week values (gold writes weeks, months, days, WXX and durations for these)
  type differs          DATE vs DURATION vs SET vs a REF value
  month                 a month or month-day resolved to another year
  other                 the rest
"""
import argparse
import collections
import re

DAYS = r"monday|tuesday|wednesday|thursday|friday|saturday|sunday"
MONTHS = (
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december"
    r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
)
ATTR = re.compile(r"type=(\w+) value=(\S+)")
TEXT = re.compile(r"\) (['\"])(.*)\1 type")


def classify(text, gold_type, gold_value, sys_type, sys_value):
    if "XX" in gold_value or re.fullmatch(r"\d{3}X", gold_value):
        return "gold underspecified"
    if re.fullmatch(r"P[A-Z]\d+|PM\d+|PY\d+", gold_value) or (
        gold_value[:4].isdigit() and sys_value[:4].isdigit() and gold_value[4:] == sys_value[4:]
        and abs(int(gold_value[:4]) - int(sys_value[:4])) == 10
    ):
        return "gold slip"
    if re.search(DAYS, text) and gold_value[:10] == sys_value[:10]:
        return "part of day"
    if re.search(DAYS, text):
        return "weekday"
    if re.search(r"(a|the) year (ago|earlier)|year-(ago|earlier)|the quarter|period|year ago", text):
        return "year back / focus"
    if re.search(r"\b(last|this|next) week", text):
        return "last/this/next week"
    if gold_type != sys_type:
        return "type differs"
    if re.search(MONTHS, text):
        return "month"
    return "other"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("errors", help="output of eval/run.py --errors")
    ap.add_argument("--examples", type=int, default=3)
    args = ap.parse_args()
    counts = collections.Counter()
    examples = collections.defaultdict(list)
    for line in open(args.errors, encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 5 or f[1] != "timex" or f[2] != "value":
            continue
        gold, system = ATTR.search(f[3]), ATTR.search(f[4])
        text = TEXT.search(f[3])
        if not (gold and system and text):
            continue
        cls = classify(text.group(2).lower(), gold.group(1), gold.group(2), system.group(1), system.group(2))
        counts[cls] += 1
        examples[cls].append(f"{text.group(2)!r}: gold {gold.group(2)}, system {system.group(2)}")
    print(f"| class | wrong values | examples |\n| --- | --- | --- |")
    for cls, n in counts.most_common():
        print(f"| {cls} | {n} | {'; '.join(examples[cls][: args.examples])} |")
    print(f"| all | {sum(counts.values())} | |")


if __name__ == "__main__":
    main()
