#!/usr/bin/env python3
"""Build newskg's WordNet lexicon (data/wordnet.tsv, data/wordnet_exceptions.tsv).

Run from anywhere (paths are relative to the repository root):

    python3 scripts/build_wordnet.py                  # write both files
    python3 scripts/build_wordnet.py --check          # exit 1 if they are stale
    python3 scripts/build_wordnet.py --wordnet DIR    # WordNet 3.0 elsewhere

Input: WordNet 3.0 in its database format (wndb(5)), as installed by Debian's
package wordnet-base in /usr/share/wordnet: index.{noun,verb,adj,adv},
data.{noun,verb,adj,adv}, {noun,verb,adj,adv}.exc and cntlist.rev.  Python
3.11 standard library only.  The script refuses to run (exit 2) when one of
those files is missing.  Output is deterministic: the same input gives
byte-identical files (the header does not mention the input directory; the
Debian package version comes from dpkg-query).

Why each column of data/wordnet.tsv exists (what the Rust extractor uses it for)

    lemma    The look-up key: lower case, spaces for WordNet's underscores, at
             most 3 words (multiword verbs such as "take over" and nouns such
             as "press conference" are looked up before their single words).
    pos      v/n/a/r; satellite adjectives (WordNet's "s") are folded into "a".
             One row per (lemma, pos), so a word that can be a noun or a verb
             has two rows ...
    count    ... and the two counts (SemCor tag counts summed over the senses
             in that pos) are the part-of-speech prior used when the sentence
             does not settle whether "cut", "deal" or "plan" is a noun or a
             verb.  Counts come from cntlist.rev, matched exactly by sense key
             (lemma%ss_type:lex_filenum:lex_id:head_word:head_id, the sense key
             rebuilt from data.* for every sense, as WordNet's library does to
             print "(n)" tag counts); a sense whose key is not in cntlist.rev
             counts 0.  The sense numbers of cntlist.rev are not used (about
             700 of them are stale and disagree with index.* order).
    senses   The senses in WordNet's order (most frequent first) as
             LEXFILE:COUNT (at most 8).  For nouns the lexicographer files say
             whether the noun is an event ("acquisition" is act, "recession"
             and "bankruptcy" are state, "earthquake" is event): the Rust side decides
             "is this noun an event" from the lexfiles of its frequent senses.
             For verbs the first senses' lexfile is the class of the event
             (possession for "sell"/"purchase", communication for "say",
             motion/change for "fall", social for "meet"...).  The per-sense
             count lets a caller weight senses instead of trusting sense 1.
    frames   Verbs only: the generic sentence frames of the first sense that
             apply to this lemma (frames with w_num 00 or the lemma's word
             number), ascending.  Frame 1 "Something ----s" / 2 "Somebody
             ----s" / 8 "Somebody ----s something" / 9 "Somebody ----s
             somebody" ... : a verb with frame 1 and none of the agentive
             frames 2, 8, 9 is treated as unaccusative ("prices increased":
             the subject undergoes the event, it is not its agent).  Beware
             that many motion verbs list frame 2 beside frame 1 because a
             person can also fall: fall, rise, decline, soar, collapse are
             "1,2", while increase, decrease, surge, happen, occur are "1".
    derived  Nominalisations: for a noun the verbs it is derivationally related
             to (WordNet's lexical pointer "+" from one of the noun's first 3
             senses, word to word, to a verb sense), for a verb the nouns
             likewise from its first 3 senses; sorted, '|'-separated, at most 4
             (the first 4 in sorted order, so a long list is cut
             alphabetically).  "acquisition" -> "acquire" lets "the
             acquisition of X by Y" be read as the event "Y acquires X".  Only
             well-formed lemmas (the same filter as the lemma column) are
             listed; for verbs a derived noun need not be a row of the file
             ("seller" is a person noun and is not kept as a row).

Which rows are kept (to keep the file small enough to embed, about 1.6 MB):
every verb; every one-word adverb; a noun when the lemma is also a verb,
adjective or adverb lemma, or when one of its first 4 senses is in
noun.act/event/process/phenomenon/state/feeling/communication/possession/time
and it is not a multiword noun with count 0 (see KEEP_UNTAGGED_MULTIWORD_NOUNS:
that last condition is what brings the file from 1.9 MB to 1.6 MB); an
adjective when its count > 0 or it is also a verb or noun lemma.  Lemmas
holding digits or characters other than letters, hyphen, apostrophe, period
and space, or with more than 3 words, are skipped.

data/wordnet_exceptions.tsv: WordNet's morphology exception lists (irregular
inflections: "went" -> "go", "fell" -> "fall", "rose" -> "rise", "mice" ->
"mouse", "better" -> "good"), one row per (form, pos, lemma) pair, kept only
when the lemma is a row of data/wordnet.tsv with that pos.  WordNet's lists
also hold some regular forms and some identities ("after" -> "after" in
adj.exc); they are kept as they are.

Conventions of both files: ASCII (UTF-8), '\\n' line ends, tab-separated, '#'
lines are the header (what the file is, the columns, the command, the source
and the WordNet 3.0 licence, which must appear on all copies), rows sorted by
the columns in order (Python str order).
"""

import argparse
import os
import re
import subprocess
import sys
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
DEFAULT_WORDNET = "/usr/share/wordnet"
TSV_NAME = "wordnet.tsv"
EXC_NAME = "wordnet_exceptions.tsv"

POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
POS_ORDER = ("a", "n", "r", "v")

# lexnames(5): lexicographer file numbers of WordNet 3.0 (the lexnames file
# itself is not shipped by wordnet-base; the table is fixed for WordNet 3.0).
LEXNAMES = [
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal",
    "noun.artifact", "noun.attribute", "noun.body", "noun.cognition",
    "noun.communication", "noun.event", "noun.feeling", "noun.food",
    "noun.group", "noun.location", "noun.motive", "noun.object", "noun.person",
    "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
    "noun.quantity", "noun.relation", "noun.shape", "noun.state",
    "noun.substance", "noun.time", "verb.body", "verb.change",
    "verb.cognition", "verb.communication", "verb.competition",
    "verb.consumption", "verb.contact", "verb.creation", "verb.emotion",
    "verb.motion", "verb.perception", "verb.possession", "verb.social",
    "verb.stative", "verb.weather", "adj.ppl",
]

# sense key ss_type numbers (senseidx(5)): 1 noun, 2 verb, 3 adj, 4 adv, 5 satellite
SS_TYPE_NUM = {"n": 1, "v": 2, "a": 3, "r": 4, "s": 5}

EVENT_NOUN_LEXFILES = frozenset([
    "act", "event", "process", "phenomenon", "state", "feeling",
    "communication", "possession", "time",
])

# The size budget (about 1.6 MB): the other row rules alone give 1.91 MB, of
# which 0.32 MB are 9551 multiword nouns that are only nouns and have no
# SemCor tag ("hostile takeover", "battle of thermopylae", "zinc
# deficiency").  They are left out: for 87% of them the head noun ("takeover",
# "battle", "deficiency", the word before "of" or else the last word) gives
# the same event / not-event answer, and a caller falls back to it.  Set True
# to keep them (the file then grows to about 1.9 MB).
KEEP_UNTAGGED_MULTIWORD_NOUNS = False

MAX_WORDS = 3
MAX_SENSES = 8
NOUN_EVENT_SENSES = 4
DERIVED_SENSES = 3
MAX_DERIVED = 4

# The generic verb sentence frames of WordNet 3.0 (wninput(5), frames.vrb).
FRAMES = [
    "Something ----s", "Somebody ----s", "It is ----ing",
    "Something is ----ing PP", "Something ----s something Adjective/Noun",
    "Something ----s Adjective/Noun", "Somebody ----s Adjective",
    "Somebody ----s something", "Somebody ----s somebody",
    "Something ----s somebody", "Something ----s something",
    "Something ----s to somebody", "Somebody ----s on something",
    "Somebody ----s somebody something", "Somebody ----s something to somebody",
    "Somebody ----s something from somebody",
    "Somebody ----s somebody with something",
    "Somebody ----s somebody of something",
    "Somebody ----s something on somebody", "Somebody ----s somebody PP",
    "Somebody ----s something PP", "Somebody ----s PP",
    "Somebody's (body part) ----s", "Somebody ----s somebody to INFINITIVE",
    "Somebody ----s somebody INFINITIVE", "Somebody ----s that CLAUSE",
    "Somebody ----s to somebody", "Somebody ----s to INFINITIVE",
    "Somebody ----s whether INFINITIVE",
    "Somebody ----s somebody into V-ing something",
    "Somebody ----s something with something", "Somebody ----s INFINITIVE",
    "Somebody ----s VERB-ing", "It ----s that CLAUSE",
    "Something ----s INFINITIVE",
]


def _frame_lines(width=70):
    lines, cur = [], ""
    for n, text in enumerate(FRAMES, 1):
        item = "%d %s;" % (n, text)
        if cur and len(cur) + 1 + len(item) > width:
            lines.append(cur)
            cur = item
        else:
            cur = item if not cur else cur + " " + item
    lines.append(cur.rstrip(";") + ".")
    return lines


FRAME_LINES = _frame_lines(66)

LEMMA_RE = re.compile(r"[a-z.' -]+")
MARKER_RE = re.compile(r"\((?:a|p|ip)\)$")
HEAD_MARKER_RE = re.compile(r"\((?:a|p|ip)\):(?=\d\d$)")

# The WordNet 3.0 licence, verbatim from /usr/share/doc/wordnet-base/copyright
# (Debian's paragraph markers " ." turned into empty lines).
LICENCE = """\
This software and database is being provided to you, the LICENSEE, by
Princeton University under the following license.  By obtaining, using
and/or copying this software and database, you agree that you have
read, understood, and will comply with these terms and conditions.:

Permission to use, copy, modify and distribute this software and
database and its documentation for any purpose and without fee or
royalty is hereby granted, provided that you agree to comply with
the following copyright notice and statements, including the disclaimer,
and that the same appear on ALL copies of the software, database and
documentation, including modifications that you make for internal
use or for distribution.

WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.

THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
OTHER RIGHTS.

The name of Princeton University or Princeton may not be used in
advertising or publicity pertaining to distribution of the software
and/or database.  Title to copyright in this software, database and
any associated documentation shall at all times remain with
Princeton University and LICENSEE agrees to preserve same.
"""


class WordNetError(Exception):
    """The WordNet files are missing or not in the expected format."""


# ---------------------------------------------------------------------------
# parsing (one line of each WordNet file format)
# ---------------------------------------------------------------------------

def is_header_line(line):
    """The licence lines at the top of index.* and data.* start with two spaces."""
    return line.startswith("  ")


def parse_index_line(line):
    """index.pos line -> (lemma, pos, tagsense_cnt, [synset_offset...]).

    The offsets are in sense order (sense 1 first).

    lemma  pos  synset_cnt  p_cnt  [ptr_symbol...]  sense_cnt  tagsense_cnt
    synset_offset  [synset_offset...]
    """
    f = line.split()
    lemma, pos = f[0], f[1]
    synset_cnt = int(f[2])
    p_cnt = int(f[3])
    i = 4 + p_cnt  # skip the pointer symbols
    tagsense_cnt = int(f[i + 1])
    i += 2  # skip sense_cnt and tagsense_cnt
    offsets = [int(x) for x in f[i:i + synset_cnt]]
    if len(offsets) != synset_cnt:
        raise WordNetError("bad index line: %r" % line[:80])
    return lemma, pos, tagsense_cnt, offsets


class Synset:
    __slots__ = ("offset", "lexfile", "ss_type", "words", "lex_ids",
                 "pointers", "frames")

    def __init__(self, offset, lexfile, ss_type, words, lex_ids, pointers,
                 frames):
        self.offset = offset
        self.lexfile = lexfile      # lexicographer file name, e.g. "noun.act"
        self.ss_type = ss_type      # n v a s r
        self.words = words          # as entered (case kept, marker stripped)
        self.lex_ids = lex_ids      # int, one per word
        self.pointers = pointers    # (symbol, offset, pos, source, target)
        self.frames = frames        # (f_num, w_num); verbs only

    def word_number(self, lemma):
        """1-based number of the word whose index form is lemma (None if absent)."""
        for i, w in enumerate(self.words):
            if w.lower() == lemma:
                return i + 1
        return None


def parse_data_line(line):
    """data.pos line -> Synset.

    synset_offset  lex_filenum  ss_type  w_cnt  word  lex_id  [word  lex_id...]
    p_cnt  [ptr...]  [frames...]  |  gloss
    """
    body = line.split(" | ", 1)[0]
    f = body.split()
    offset = int(f[0])
    lexnum = int(f[1])
    if not 0 <= lexnum < len(LEXNAMES):
        raise WordNetError("unknown lex_filenum %d at %d" % (lexnum, offset))
    ss_type = f[2]
    w_cnt = int(f[3], 16)
    words, lex_ids = [], []
    i = 4
    for _ in range(w_cnt):
        words.append(MARKER_RE.sub("", f[i]))
        lex_ids.append(int(f[i + 1], 16))
        i += 2
    p_cnt = int(f[i])
    i += 1
    pointers = []
    for _ in range(p_cnt):
        sym, off, pos, st = f[i], int(f[i + 1]), f[i + 2], f[i + 3]
        pointers.append((sym, off, pos, int(st[:2], 16), int(st[2:], 16)))
        i += 4
    frames = []
    if ss_type == "v" and i < len(f):
        f_cnt = int(f[i])
        i += 1
        for _ in range(f_cnt):
            if f[i] != "+":
                raise WordNetError("bad frame list at %d" % offset)
            frames.append((int(f[i + 1]), int(f[i + 2], 16)))
            i += 3
    return Synset(offset, LEXNAMES[lexnum], ss_type, words, lex_ids, pointers,
                  frames)


def parse_cntlist_line(line):
    """cntlist.rev line -> (sense_key, sense_number, tag_cnt).

    The key is normalised: 130 keys of satellite adjectives in WordNet 3.0's
    cntlist.rev carry a syntactic marker on the head word
    ("above%5:00:00:preceding(a):00", "last%5:00:00:dying(a):00") which
    data.adj either strips or no longer has; it is dropped here so the key
    matches the one rebuilt by sense_key() (no two keys collide once dropped).
    """
    key, number, count = line.split()
    key = HEAD_MARKER_RE.sub(":", key)
    return key, int(number), int(count)


def parse_exc_line(line):
    """pos.exc line -> (form, [lemma...]), underscores as spaces."""
    f = line.split()
    return f[0].replace("_", " "), [b.replace("_", " ") for b in f[1:]]


def sense_key(lemma, synset, word_number, head=None):
    """The sense key of lemma in synset (senseidx(5)).

    lemma%ss_type:lex_filenum:lex_id:head_word:head_id; head_word/head_id only
    for satellite adjectives: the first word of the head synset (the target of
    the satellite's "&" pointer) and its lex_id.
    """
    lexnum = LEXNAMES.index(synset.lexfile)
    lex_id = synset.lex_ids[word_number - 1]
    key = "%s%%%d:%02d:%02d:" % (lemma, SS_TYPE_NUM[synset.ss_type], lexnum,
                                 lex_id)
    if synset.ss_type == "s":
        if head is None:
            raise WordNetError("satellite %d has no head" % synset.offset)
        key += "%s:%02d" % (head.words[0].lower(), head.lex_ids[0])
    else:
        key += ":"
    return key


def clean_lemma(lemma):
    """WordNet lemma -> our lemma (spaces), or None when it is filtered out."""
    s = lemma.replace("_", " ").lower()
    if not LEMMA_RE.fullmatch(s) or not re.search(r"[a-z]", s):
        return None
    words = s.split(" ")
    if len(words) > MAX_WORDS or "" in words:
        return None
    return s


def lexfile_short(lexfile):
    return lexfile.split(".", 1)[1]


# ---------------------------------------------------------------------------
# reading the database
# ---------------------------------------------------------------------------

def required_files(wndir):
    names = []
    for p in POS_FILES.values():
        names += ["index." + p, "data." + p, p + ".exc"]
    names.append("cntlist.rev")
    return [os.path.join(wndir, n) for n in names]


def read_lines(path):
    with open(path, encoding="ascii", errors="strict", newline="\n") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.strip():
                yield line


def load(wndir):
    """Read the database -> (index, synsets, counts, exceptions)."""
    index = {}      # pos -> [(lemma, tagsense_cnt, [offsets])], file order
    synsets = {}    # (pos file letter, offset) -> Synset
    for pos, name in POS_FILES.items():
        rows = []
        for line in read_lines(os.path.join(wndir, "index." + name)):
            if is_header_line(line):
                continue
            lemma, p, tagged, offsets = parse_index_line(line)
            if p != pos:
                raise WordNetError("index.%s holds pos %r" % (name, p))
            rows.append((lemma, tagged, offsets))
        index[pos] = rows
        for line in read_lines(os.path.join(wndir, "data." + name)):
            if is_header_line(line):
                continue
            s = parse_data_line(line)
            synsets[(pos, s.offset)] = s
    counts = {}     # sense key -> tag count
    for line in read_lines(os.path.join(wndir, "cntlist.rev")):
        key, _, count = parse_cntlist_line(line)
        counts[key] = count
    exceptions = {}
    for pos, name in POS_FILES.items():
        exceptions[pos] = [parse_exc_line(line) for line in
                           read_lines(os.path.join(wndir, name + ".exc"))]
    return index, synsets, counts, exceptions


def satellite_head(synset, synsets):
    for sym, off, pos, _, _ in synset.pointers:
        if sym == "&" and pos == "a":
            head = synsets.get(("a", off))
            if head is not None and head.ss_type == "a":
                return head
    return None


# ---------------------------------------------------------------------------
# building the rows
# ---------------------------------------------------------------------------

class Entry:
    """One (lemma, pos) of WordNet with everything the rows need."""
    __slots__ = ("lemma", "pos", "senses", "frames", "derived")

    def __init__(self, lemma, pos):
        self.lemma = lemma
        self.pos = pos
        self.senses = []     # (lexfile short name, count) in sense order
        self.frames = []
        self.derived = []

    @property
    def count(self):
        return sum(c for _, c in self.senses)


def derived_lemmas(synset, word_number, target_pos, synsets):
    """Lemmas reached by "+" lexical pointers from word_number to target_pos."""
    out = set()
    for sym, off, pos, src, tgt in synset.pointers:
        if sym != "+" or pos != target_pos or src != word_number or tgt == 0:
            continue
        target = synsets[(pos, off)]
        lemma = clean_lemma(target.words[tgt - 1])
        if lemma is not None:
            out.add(lemma)
    return out


def build_entries(index, synsets, counts, warnings):
    """-> {(lemma, pos): Entry} for every well-formed WordNet lemma.

    Cross-check: the number of senses found with a count > 0 should be the
    index's tagsense_cnt (it is for all but a handful of WordNet 3.0 lemmas;
    cntlist.rev also holds ~1900 stale keys of senses WordNet 3.0 no longer
    has, which match nothing and are ignored).
    """
    entries = {}
    mismatched = []
    for pos in POS_ORDER:
        for raw_lemma, tagged, offsets in index[pos]:
            lemma = clean_lemma(raw_lemma)
            if lemma is None:
                continue
            e = Entry(lemma, pos)
            derived = set()
            for n, off in enumerate(offsets):
                s = synsets[(pos, off)]
                wn = s.word_number(raw_lemma)
                if wn is None:
                    raise WordNetError("%s not in synset %s %d"
                                       % (raw_lemma, pos, off))
                head = satellite_head(s, synsets) if s.ss_type == "s" else None
                key = sense_key(raw_lemma, s, wn, head)
                count = counts.get(key, 0)
                e.senses.append((lexfile_short(s.lexfile), count))
                if n == 0 and pos == "v":
                    e.frames = sorted({f for f, w in s.frames
                                       if w == 0 or w == wn})
                if n < DERIVED_SENSES and pos in ("n", "v"):
                    derived |= derived_lemmas(s, wn, "v" if pos == "n" else "n",
                                              synsets)
            e.derived = sorted(derived)[:MAX_DERIVED]
            entries[(lemma, pos)] = e
            if sum(1 for _, c in e.senses if c > 0) != tagged:
                mismatched.append("%s/%s" % (lemma, pos))
    if mismatched:
        warnings.append("%d lemmas whose tagged senses in cntlist.rev differ "
                        "from the index's tagsense_cnt: %s"
                        % (len(mismatched), " ".join(mismatched[:10])))
    return entries


def keep(e, entries):
    """The row-selection rule (see the module docstring)."""
    other = lambda p: (e.lemma, p) in entries  # noqa: E731
    if e.pos == "v":
        return True
    if e.pos == "r":
        return " " not in e.lemma
    if e.pos == "n":
        if other("v") or other("a") or other("r"):
            return True
        if not KEEP_UNTAGGED_MULTIWORD_NOUNS and " " in e.lemma \
                and e.count == 0:
            return False
        return any(lf in EVENT_NOUN_LEXFILES
                   for lf, _ in e.senses[:NOUN_EVENT_SENSES])
    if e.pos == "a":
        return e.count > 0 or other("v") or other("n")
    raise ValueError(e.pos)


def format_row(e):
    senses = ",".join("%s:%d" % s for s in e.senses[:MAX_SENSES])
    frames = ",".join(str(f) for f in e.frames) if e.pos == "v" else ""
    derived = "|".join(e.derived) if e.pos in ("n", "v") else ""
    return "\t".join([e.lemma, e.pos, str(e.count), senses, frames, derived])


def select_rows(entries):
    kept = [e for e in entries.values() if keep(e, entries)]
    kept.sort(key=lambda e: (e.lemma, e.pos))
    return kept


def exception_rows(exceptions, kept_keys):
    rows = set()
    for pos, lines in exceptions.items():
        for form, lemmas in lines:
            for lemma in lemmas:
                if (lemma, pos) in kept_keys:
                    rows.add((form, pos, lemma))
    return sorted(rows)


# ---------------------------------------------------------------------------
# output
# ---------------------------------------------------------------------------

def debian_version():
    try:
        out = subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "wordnet-base"],
            capture_output=True, text=True, check=True, timeout=30).stdout
        return out.strip() or "(version unknown)"
    except (OSError, subprocess.SubprocessError):
        return "(version unknown: dpkg-query failed)"


def header(lines, version):
    source = ("WordNet 3.0, Princeton University, as packaged in Debian's "
              "wordnet-base %s" % version)
    common = [
        "Regenerate (from the repository root): python3 scripts/build_wordnet.py",
        "  (--wordnet DIR when WordNet 3.0 is not in %s;" % DEFAULT_WORDNET,
        "   --check exits 1 when this file differs from a fresh build).",
        "Generated by scripts/build_wordnet.py; do not edit by hand.",
        "Source: " + source + ".",
        "",
        "Licence of WordNet 3.0 (applies to this derived file):",
        "",
    ] + LICENCE.rstrip("\n").split("\n")
    out = []
    for l in lines + common:
        out.append(("# " + l).rstrip() + "\n")
    return "".join(out)


TSV_HEADER = [
    "newskg WordNet lexicon: one row per (lemma, part of speech), derived from "
    "WordNet 3.0.",
    "Columns (tab-separated; rows sorted by lemma then pos, Python str order):",
    "  lemma    lower case, spaces for WordNet's underscores, at most 3 words;",
    "           letters, hyphen, apostrophe and period only.",
    "  pos      v verb, n noun, a adjective (satellites folded in), r adverb.",
    "  count    SemCor tag count summed over the lemma's senses in this pos",
    "           (per-sense counts from cntlist.rev, matched by sense key; a",
    "           sense absent from cntlist.rev counts 0).",
    "  senses   the senses in WordNet order (most frequent first), at most 8,",
    "           comma-separated LEXFILE:COUNT (lexicographer file without its",
    "           pos prefix: act, state, change, motion...; COUNT 0 = untagged).",
    "  frames   verbs only: generic sentence frames of the first sense that",
    "           apply to the lemma (w_num 00 or the lemma's word), ascending:",
] + ["           %s" % l for l in FRAME_LINES] + [
    "  derived  nouns: verbs derivationally related (pointer +) to the noun's",
    "           first 3 senses; verbs: such nouns from the first 3 senses;",
    "           sorted, '|'-separated, at most 4 (alphabetically first).",
    "Rows kept: every verb; every one-word adverb; nouns that are also a verb,",
    "adjective or adverb lemma, or that have one of their first 4 senses in",
    "act, event, process, phenomenon, state, feeling, communication,",
    "possession or time, except multiword nouns with count 0 (for those, look",
    "up the head noun); adjectives with count > 0 or that are also a verb or",
    "noun lemma.",
]

EXC_HEADER = [
    "newskg WordNet exceptions: irregular inflected forms and their lemmas,",
    "from WordNet 3.0's verb.exc, noun.exc, adj.exc and adv.exc.",
    "Columns (tab-separated; rows sorted by form, then pos, then lemma):",
    "  form     the inflected form (lower case, spaces for underscores).",
    "  pos      v, n, a or r (the exception list it comes from).",
    "  lemma    its base form; only pairs whose (lemma, pos) is a row of",
    "           data/wordnet.tsv are kept.  WordNet's lists also hold a few",
    "           regular forms and identities; they are kept as they are.",
]


def build(wndir, version, warnings):
    """-> (wordnet.tsv text, wordnet_exceptions.tsv text, stats dict)."""
    index, synsets, counts, exceptions = load(wndir)
    entries = build_entries(index, synsets, counts, warnings)
    kept = select_rows(entries)
    kept_keys = {(e.lemma, e.pos) for e in kept}
    exc = exception_rows(exceptions, kept_keys)
    tsv = header(TSV_HEADER, version) + "".join(format_row(e) + "\n"
                                                for e in kept)
    exc_text = header(EXC_HEADER, version) + "".join(
        "\t".join(r) + "\n" for r in exc)
    stats = {"rows": defaultdict(int), "exc": defaultdict(int)}
    for e in kept:
        stats["rows"][e.pos] += 1
    for _, pos, _ in exc:
        stats["exc"][pos] += 1
    return tsv, exc_text, stats


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--wordnet", default=DEFAULT_WORDNET, metavar="DIR",
                    help="WordNet 3.0 database directory (default %(default)s)")
    ap.add_argument("--data-dir", default=DATA, metavar="DIR",
                    help="where the two files go (default: the repository's data/)")
    ap.add_argument("--check", action="store_true",
                    help="regenerate in memory; exit 1 if the files differ")
    args = ap.parse_args(argv)

    missing = [p for p in required_files(args.wordnet) if not os.path.isfile(p)]
    if missing:
        print("build_wordnet: WordNet 3.0 database files missing (install "
              "Debian's wordnet-base, or give --wordnet DIR):\n  "
              + "\n  ".join(missing), file=sys.stderr)
        return 2

    warnings = []
    try:
        tsv, exc, stats = build(args.wordnet, debian_version(), warnings)
    except (WordNetError, ValueError, KeyError, IndexError,
            UnicodeDecodeError) as err:
        print("build_wordnet: cannot read WordNet in %s: %s"
              % (args.wordnet, err), file=sys.stderr)
        return 2
    for w in warnings:
        print("build_wordnet: warning: " + w, file=sys.stderr)

    outputs = [(os.path.join(args.data_dir, TSV_NAME), tsv),
               (os.path.join(args.data_dir, EXC_NAME), exc)]
    if args.check:
        stale = 0
        for path, text in outputs:
            try:
                with open(path, encoding="utf-8", newline="") as fh:
                    old = fh.read()
            except OSError:
                old = None
            if old != text:
                stale += 1
                print("build_wordnet: %s differs from a fresh build%s"
                      % (path, " (missing)" if old is None else ""),
                      file=sys.stderr)
        if stale:
            print("build_wordnet: run python3 scripts/build_wordnet.py",
                  file=sys.stderr)
            return 1
        print("build_wordnet: %s and %s are up to date"
              % (outputs[0][0], outputs[1][0]))
        return 0

    for path, text in outputs:
        with open(path, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    rows, excs = stats["rows"], stats["exc"]
    print("%s: %d bytes, %d rows (%s)" % (
        outputs[0][0], len(tsv.encode()), sum(rows.values()),
        ", ".join("%s %d" % (p, rows[p]) for p in ("v", "n", "a", "r"))))
    print("%s: %d bytes, %d rows (%s)" % (
        outputs[1][0], len(exc.encode()), sum(excs.values()),
        ", ".join("%s %d" % (p, excs[p]) for p in ("v", "n", "a", "r"))))
    return 0


if __name__ == "__main__":
    sys.exit(main())
