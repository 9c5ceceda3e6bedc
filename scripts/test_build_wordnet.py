#!/usr/bin/env python3
"""Unit tests of scripts/build_wordnet.py on hand-written WordNet lines.

Run: python3 -m unittest scripts/test_build_wordnet.py   (or run this file)

The lines below imitate the wndb(5) / cntlist(5) formats; they are not copied
from the real database (offsets, counts and glosses are made up), so the
tests need no WordNet installation.
"""

import io
import os
import sys
import tempfile
import unittest
from contextlib import redirect_stderr, redirect_stdout

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_wordnet as bw  # noqa: E402

LICENCE_LINE = "  1 This software and database is being provided to you\n"

# lex_filenum: 04 noun.act, 18 noun.person, 26 noun.state, 40 verb.possession,
# 42 verb.stative, 30 verb.change, 00 adj.all, 02 adv.all
DATA_VERB = [
    # sell: word 1, frames 8 (all words) and 15 (word 1 only), 2 (word 2 only)
    "00000100 40 v 02 sell 0 vend 1 003 + 00000300 n 0101 + 00000400 n 0101"
    " + 00000300 n 0201 03 + 08 00 + 15 01 + 02 02 | exchange for money  ",
    "00000200 42 v 01 sell 1 000 01 + 01 00 | be sold  ",
    "00000210 30 v 01 fall 0 000 02 + 01 00 + 02 00 | descend  ",
]
DATA_NOUN = [
    "00000300 04 n 01 sale 0 001 + 00000100 v 0101 | the act of selling  ",
    "00000400 18 n 01 seller 0 001 + 00000100 v 0101 | someone who sells  ",
    "00000500 26 n 02 bankruptcy 0 Bankruptcy 1 000 | a state of ruin  ",
    "00000600 18 n 01 cat 0 000 | a pet  ",
    "00000700 04 n 01 hostile_takeover 0 000 | a takeover  ",
    "00000800 26 n 01 9/11 0 000 | a date  ",
]
DATA_ADJ = [
    "00000900 00 a 01 big 0 001 ! 00001000 a 0101 | large  ",
    "00001000 00 a 01 small 0 000 | little  ",
    "00001100 00 s 01 sell(p) 0 001 & 00000900 a 0000 | sold out  ",
    "00001200 00 s 01 biggish 0 001 & 00000900 a 0000 | rather big  ",
]
DATA_ADV = [
    "00001300 02 r 01 well 0 000 | in a good way  ",
    "00001400 02 r 01 all_the_same 0 000 | anyway  ",
]
INDEX_VERB = [
    "fall v 1 0 1 0 00000210  ",
    "sell v 2 1 + 2 2 00000100 00000200  ",
    "vend v 1 1 + 1 0 00000100  ",
]
INDEX_NOUN = [
    "9/11 n 1 0 1 0 00000800  ",
    "bankruptcy n 1 0 1 1 00000500  ",
    "cat n 1 0 1 0 00000600  ",
    "hostile_takeover n 1 0 1 0 00000700  ",
    "sale n 1 1 + 1 1 00000300  ",
    "seller n 1 1 + 1 0 00000400  ",
]
INDEX_ADJ = [
    "big a 1 1 ! 1 1 00000900  ",
    "biggish a 1 1 & 1 0 00001200  ",
    "sell a 1 1 & 1 1 00001100  ",
    "small a 1 0 1 0 00001000  ",
]
INDEX_ADV = [
    "all_the_same r 1 0 1 0 00001400  ",
    "well r 1 0 1 0 00001300  ",
]
CNTLIST = [
    "bankruptcy%1:26:00:: 1 3",
    "big%3:00:00:: 1 40",
    "sale%1:04:00:: 1 6",
    # head word with a syntactic marker, as some real keys have
    "sell%5:00:00:big(a):00 1 2",
    "sell%2:40:00:: 1 70",
    "sell%2:42:01:: 2 5",
    # stale key of a sense the database no longer has: ignored
    "sell%2:32:00:: 3 9",
]
VERB_EXC = ["sold sell", "fell fall", "went go", "bogged_down bog_down"]
NOUN_EXC = ["sales sale", "cats cat"]
ADJ_EXC = ["bigger big", "smaller small"]
ADV_EXC = ["better well"]


def write_wordnet(d):
    files = {
        "data.verb": DATA_VERB, "data.noun": DATA_NOUN,
        "data.adj": DATA_ADJ, "data.adv": DATA_ADV,
        "index.verb": INDEX_VERB, "index.noun": INDEX_NOUN,
        "index.adj": INDEX_ADJ, "index.adv": INDEX_ADV,
        "cntlist.rev": CNTLIST,
        "verb.exc": VERB_EXC, "noun.exc": NOUN_EXC,
        "adj.exc": ADJ_EXC, "adv.exc": ADV_EXC,
    }
    for name, lines in files.items():
        with open(os.path.join(d, name), "w", encoding="ascii") as fh:
            if name.startswith(("data.", "index.")):
                fh.write(LICENCE_LINE)
            fh.write("".join(line + "\n" for line in lines))


def rows(text):
    return [line.split("\t") for line in text.splitlines()
            if not line.startswith("#")]


class ParseLines(unittest.TestCase):
    def test_index_line(self):
        self.assertEqual(bw.parse_index_line("sell v 2 1 + 2 2 00000100 00000200  "),
                         ("sell", "v", 2, [100, 200]))
        self.assertEqual(bw.parse_index_line("fall v 1 0 1 0 00000210  "),
                         ("fall", "v", 0, [210]))

    def test_verb_data_line(self):
        s = bw.parse_data_line(DATA_VERB[0])
        self.assertEqual((s.offset, s.lexfile, s.ss_type), (100, "verb.possession", "v"))
        self.assertEqual(s.words, ["sell", "vend"])
        self.assertEqual(s.lex_ids, [0, 1])
        self.assertEqual(s.pointers[0], ("+", 300, "n", 1, 1))
        self.assertEqual(s.frames, [(8, 0), (15, 1), (2, 2)])
        self.assertEqual(s.word_number("vend"), 2)

    def test_adjective_marker_and_satellite_key(self):
        s = bw.parse_data_line(DATA_ADJ[2])
        head = bw.parse_data_line(DATA_ADJ[0])
        self.assertEqual(s.words, ["sell"])
        self.assertEqual(bw.sense_key("sell", s, 1, head), "sell%5:00:00:big:00")
        self.assertEqual(bw.sense_key("big", head, 1), "big%3:00:00::")

    def test_gloss_is_ignored(self):
        line = "00000300 04 n 01 sale 0 000 | a | b 12 + 34 ; \"x\"  "
        self.assertEqual(bw.parse_data_line(line).pointers, [])

    def test_cntlist_line(self):
        self.assertEqual(bw.parse_cntlist_line("sale%1:04:00:: 1 6"),
                         ("sale%1:04:00::", 1, 6))
        self.assertEqual(bw.parse_cntlist_line("above%5:00:00:preceding(a):00 1 13"),
                         ("above%5:00:00:preceding:00", 1, 13))

    def test_exc_line(self):
        self.assertEqual(bw.parse_exc_line("bogged_down bog_down"),
                         ("bogged down", ["bog down"]))
        self.assertEqual(bw.parse_exc_line("axes ax axis"), ("axes", ["ax", "axis"]))

    def test_clean_lemma(self):
        self.assertEqual(bw.clean_lemma("take_over"), "take over")
        self.assertEqual(bw.clean_lemma("o'clock"), "o'clock")
        self.assertEqual(bw.clean_lemma("u.s."), "u.s.")
        self.assertIsNone(bw.clean_lemma("9/11"))
        self.assertIsNone(bw.clean_lemma("catch-22"))
        self.assertIsNone(bw.clean_lemma("a_b_c_d"))


class BuildRows(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        write_wordnet(cls.tmp.name)
        cls.warnings = []
        cls.tsv, cls.exc, cls.stats = bw.build(cls.tmp.name, "0-test", cls.warnings)
        cls.rows = {(r[0], r[1]): r for r in rows(cls.tsv)}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_verb_row(self):
        # sense 1 frames: 8 (w_num 00) and 15 (word 1 = sell), not 2 (vend)
        self.assertEqual(self.rows[("sell", "v")],
                         ["sell", "v", "75", "possession:70,stative:5", "8,15",
                          "sale|seller"])
        self.assertEqual(self.rows[("vend", "v")],
                         ["vend", "v", "0", "possession:0", "2,8", "sale"])
        self.assertEqual(self.rows[("fall", "v")][4], "1,2")

    def test_noun_rows(self):
        self.assertEqual(self.rows[("sale", "n")],
                         ["sale", "n", "6", "act:6", "", "sell"])
        self.assertEqual(self.rows[("bankruptcy", "n")],
                         ["bankruptcy", "n", "3", "state:3", "", ""])
        # person noun, only a noun: not kept; "seller" still listed in derived
        self.assertNotIn(("seller", "n"), self.rows)
        self.assertNotIn(("cat", "n"), self.rows)
        # untagged multiword noun that is only a noun: left out
        self.assertNotIn(("hostile takeover", "n"), self.rows)
        self.assertFalse(any(k[0].startswith("9") for k in self.rows))

    def test_adjective_and_adverb_rows(self):
        self.assertEqual(self.rows[("big", "a")], ["big", "a", "40", "all:40", "", ""])
        # satellite folded into "a"; count found through the marker-stripped key
        self.assertEqual(self.rows[("sell", "a")], ["sell", "a", "2", "all:2", "", ""])
        self.assertNotIn(("small", "a"), self.rows)       # count 0, only adj
        self.assertNotIn(("biggish", "a"), self.rows)
        self.assertEqual(self.rows[("well", "r")], ["well", "r", "0", "all:0", "", ""])
        self.assertNotIn(("all the same", "r"), self.rows)  # multiword adverb

    def test_sorted_and_header(self):
        keys = [(r[0], r[1]) for r in rows(self.tsv)]
        self.assertEqual(keys, sorted(keys))
        self.assertTrue(self.tsv.startswith("# "))
        self.assertIn("# WordNet 3.0 Copyright 2006 by Princeton University.  "
                      "All rights reserved.\n", self.tsv)
        self.assertIn("wordnet-base 0-test", self.tsv)
        self.assertIn("python3 scripts/build_wordnet.py", self.exc)
        self.assertEqual(self.warnings, [])

    def test_exceptions(self):
        self.assertEqual(rows(self.exc), [
            ["better", "r", "well"],
            ["bigger", "a", "big"],
            ["fell", "v", "fall"],
            ["sales", "n", "sale"],
            ["sold", "v", "sell"],
        ])

    def test_deterministic(self):
        again = bw.build(self.tmp.name, "0-test", [])
        self.assertEqual(again[:2], (self.tsv, self.exc))

    def test_main_check_and_missing(self):
        with tempfile.TemporaryDirectory() as out, \
                redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()):
            args = ["--wordnet", self.tmp.name, "--data-dir", out]
            self.assertEqual(bw.main(args + ["--check"]), 1)   # nothing yet
            self.assertEqual(bw.main(args), 0)
            self.assertEqual(bw.main(args + ["--check"]), 0)
            with open(os.path.join(out, bw.EXC_NAME), "a") as fh:
                fh.write("x\n")
            self.assertEqual(bw.main(args + ["--check"]), 1)
            empty = os.path.join(out, "nowordnet")
            os.mkdir(empty)
            self.assertEqual(bw.main(["--wordnet", empty, "--data-dir", out]), 2)


if __name__ == "__main__":
    unittest.main()
