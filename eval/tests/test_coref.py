"""Unit tests of eval/coref.py's coreference metrics and graph reading, on hand-made clusters."""

import sys
import unittest
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import coref  # noqa: E402


class MetricsTest(unittest.TestCase):
    def test_a_perfect_response_scores_one_everywhere(self):
        gold = {"a/1": "X", "b/1": "X", "b/2": "Y"}
        article_of = {"a/1": "a", "b/1": "b", "b/2": "b"}
        r = coref.score(gold, dict(gold), article_of)
        for metric in ("muc", "b3", "ceaf_e"):
            self.assertAlmostEqual(r[metric][2], 1.0, msg=metric)
        self.assertAlmostEqual(r["cross_article"]["f1"], 1.0)
        self.assertEqual(r["cross_article"]["gold_links"], 1)

    def test_the_textbook_muc_and_b_cubed_example(self):
        # Vilain et al. 1995 / Bagga and Baldwin 1998: key {1,2,3,4,5} {6,7}, response {1,2,3,4,5,6,7}.
        key = [set("12345"), set("67")]
        response = [set("1234567")]
        p, r, _ = coref.muc(key, response)
        self.assertAlmostEqual(r, 1.0)
        self.assertAlmostEqual(p, 5 / 6)
        bp, br, _ = coref.b_cubed(key, response)
        self.assertAlmostEqual(br, 1.0)
        self.assertAlmostEqual(bp, (5 * 5 / 7 + 2 * 2 / 7) / 7)

    def test_ceaf_e_aligns_entities_one_to_one(self):
        key = [{"a", "b"}, {"c"}]
        response = [{"a"}, {"b", "c"}]
        p, r, f = coref.ceaf_e(key, response)
        # Best alignment: {a,b}-{b,c} (2/4 = 0.5) with {c}-{a} (0) or {a,b}-{a} (2/3) with {c}-{b,c} (2/3).
        self.assertAlmostEqual(p, 4 / 3 / 2)
        self.assertAlmostEqual(r, 4 / 3 / 2)

    def test_cross_article_links_count_only_pairs_across_articles(self):
        gold = {"a/1": "X", "a/2": "X", "b/1": "X"}
        system = {"a/1": "P", "a/2": "P", "b/1": "Q"}
        article_of = {"a/1": "a", "a/2": "a", "b/1": "b"}
        x = coref.cross_article_links(gold, system, article_of)
        self.assertEqual((x["gold_links"], x["system_links"]), (2, 0))
        self.assertEqual(x["recall"], 0.0)


class GraphTest(unittest.TestCase):
    def test_mentions_follow_same_as_unless_the_identity_layer_is_off(self):
        art = "https://w3id.org/newskg/id/article/a2"
        nq = "\n".join(
            [
                f'<{art}#char=0,5> <{coref.NIF}beginIndex> "0"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> <{art}> .',
                f'<{art}#char=0,5> <{coref.NIF}endIndex> "5"^^<http://www.w3.org/2001/XMLSchema#nonNegativeInteger> <{art}> .',
                f"<{art}#char=0,5> <{coref.NIF}referenceContext> <{art}> <{art}> .",
                f"<{art}#char=0,5> <{coref.ITS_REF}> <https://w3id.org/newskg/id/person/trump> <{art}> .",
                f"<https://w3id.org/newskg/id/person/trump> <{coref.SAME_AS}> <https://w3id.org/newskg/id/person/donald-trump> <{coref.IDENTITY}> .",
            ]
        )
        quads = coref.parse_nquads(nq)
        self.assertEqual(len(quads), 5)
        on = coref.Graph(quads)
        self.assertEqual(on.entity_at(art, 0, 5), "https://w3id.org/newskg/id/person/donald-trump")
        off = coref.Graph(quads, use_identity=False)
        self.assertEqual(off.entity_at(art, 0, 5), "https://w3id.org/newskg/id/person/trump")
        self.assertIsNone(on.entity_at(art, 6, 9))

    def test_article_iris_are_encoded_as_newskg_mints_them(self):
        self.assertEqual(coref.article_iri("a b/1"), "https://w3id.org/newskg/id/article/a%20b%2F1")


if __name__ == "__main__":
    unittest.main()
