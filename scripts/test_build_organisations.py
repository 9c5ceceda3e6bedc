#!/usr/bin/env python3
"""Unit tests of the filtering and normalisation functions of
scripts/build_organisations.py, on hand-written examples.

Standard library only; needs none of the source packages nor WordNet:

    python3 -m unittest scripts/test_build_organisations.py
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import build_organisations as bo  # noqa: E402

SUFFIXES = ["Inc.", "Inc", "Corp.", "Corporation", "Ltd", "Ltd.", "plc", "PLC", "AG", "SA",
            "S.A.", "N.V.", "GmbH", "Pty Ltd", "Limited", "SE"]


def make_ctx(**kw):
    """A small filter context: WordNet lemmas as lower-cased lemma -> synsets."""
    lemmas = {
        "apple": {"n1"}, "target": {"n2"}, "gap": {"n3"}, "next": {"a1"}, "visa": {"n4"},
        "piston": {"n5"}, "greenpeace": {"n100"}, "home_office": {"n101"},
        "johns_hopkins": {"n6"}, "wall_street": {"n7"}, "public_works": {"n8"},
        "freedom": {"n9"}, "party": {"n10"}, "red": {"a2"}, "sun": {"n11"},
        "tamil": {"n12"}, "tiger": {"n13"}, "steel": {"n14"}, "boss": {"n15"},
        "national": {"a3"}, "university": {"n16"},
    }
    common = {"apple", "target", "gap", "next", "visa", "piston", "public_works", "freedom",
              "party", "red", "sun", "tiger", "steel", "boss", "national", "university"}
    args = dict(
        wn_lemmas=lemmas, wn_common=common, wn_org_synsets={"n100", "n101"},
        given={"Charles", "Ethan", "Kobe", "Hugo", "Morgan", "Estée"},
        surnames={"Schwab", "Allen", "Smith", "Steel", "Boss", "Lauder", "Ford", "Stanley"},
        places={"Georgia", "Paris", "Chicago", "Russian"},
        hand_surfaces={"Adobe", "ABN Amro", "Nestlé", "Federal Bureau of Investigation", "FBI"},
        suffixes=SUFFIXES,
        countries={"Netherlands": "NL", "Georgia": "GE", "United States": "US",
                   ("us-state", "Georgia"): "US", ("us-state", "Texas"): "US",
                   ("us-city", "Atlanta"): "US"},
    )
    args.update(kw)
    return bo.Context(**args)


class DedupKeyTest(unittest.TestCase):
    def test_case_accents_punctuation(self):
        self.assertEqual(bo.dedup_key("ABN AMRO"), bo.dedup_key("ABN Amro"))
        self.assertEqual(bo.dedup_key("Nestlé"), bo.dedup_key("Nestle"))
        self.assertEqual(bo.dedup_key("AT&T"), bo.dedup_key("AT and T"))
        self.assertEqual(bo.dedup_key("F.B.I."), bo.dedup_key("F B I"))
        self.assertNotEqual(bo.dedup_key("Apple"), bo.dedup_key("Apples"))


class SuffixSplitTest(unittest.TestCase):
    def test_split(self):
        suf = bo.Context(suffixes=SUFFIXES).suffixes
        self.assertEqual(bo.split_legal_suffix("Apple Inc.", suf), ("Apple", "Inc."))
        self.assertEqual(bo.split_legal_suffix("Anglo American plc", suf), ("Anglo American", "plc"))
        self.assertEqual(bo.split_legal_suffix("Roche Holding AG", suf), ("Roche Holding", "AG"))
        self.assertEqual(bo.split_legal_suffix("Foo Bar, Inc.", suf), ("Foo Bar", "Inc."))
        self.assertEqual(bo.split_legal_suffix("Qantas Pty Ltd", suf), ("Qantas", "Pty Ltd"))
        self.assertEqual(bo.split_legal_suffix("Air Liquide", suf), ("Air Liquide", ""))
        # a suffix must be a whole trailing word
        self.assertEqual(bo.split_legal_suffix("Nasdaq", suf), ("Nasdaq", ""))
        self.assertEqual(bo.split_legal_suffix("Inc.", suf), ("Inc.", ""))


class SurfaceProblemTest(unittest.TestCase):
    def setUp(self):
        self.ctx = make_ctx()

    def test_common_words(self):
        for w in ("Target", "Next", "Visa", "Apple"):
            self.assertEqual(bo.surface_problem(w, self.ctx), "WordNet word", w)

    def test_plural_of_common_word(self):
        self.assertEqual(bo.surface_problem("Pistons", self.ctx), "WordNet word")

    def test_short_words_and_acronyms(self):
        self.assertEqual(bo.surface_problem("Sky", self.ctx), "one short word")
        self.assertEqual(bo.surface_problem("Gap", self.ctx), "one short word")
        self.assertEqual(bo.surface_problem("IBM", self.ctx), "short acronym")
        self.assertEqual(bo.surface_problem("F.B.I.", self.ctx), "short acronym")
        self.assertIsNone(bo.surface_problem("BASF", self.ctx))
        self.assertIsNone(bo.surface_problem("Adyen", self.ctx))
        self.assertEqual(bo.surface_problem("76ers", self.ctx), "one word starting with a digit")
        self.assertIsNone(bo.surface_problem("L3Harris", self.ctx))

    def test_names_and_places(self):
        self.assertEqual(bo.surface_problem("Ford", self.ctx), "given name or surname")
        self.assertEqual(bo.surface_problem("Georgia", self.ctx), "place or country")
        self.assertEqual(bo.surface_problem("Russian", self.ctx), "place or country")

    def test_phrases(self):
        self.assertEqual(bo.surface_problem("Public Works", self.ctx), "common phrase (WordNet)")
        self.assertEqual(bo.surface_problem("Johns Hopkins", self.ctx),
                         "WordNet name of a non-organisation")
        self.assertIsNone(bo.surface_problem("Home Office", self.ctx))  # an organisation synset
        self.assertIsNone(bo.surface_problem("General Mills", self.ctx))

    def test_own_synset_is_exempt(self):
        self.assertEqual(bo.surface_problem("Greenpeace", self.ctx), "WordNet word")
        self.assertIsNone(bo.surface_problem("Greenpeace", self.ctx, own_synset="n100"))

    def test_person_names(self):
        self.assertEqual(bo.surface_problem("Charles Schwab", self.ctx), "person's name")
        self.assertEqual(bo.surface_problem("A. O. Smith", self.ctx), "person's name")
        self.assertEqual(bo.surface_problem("Ethan Allen", self.ctx), "person's name")


class PersonNameTest(unittest.TestCase):
    def test_rules(self):
        given = {"Charles", "Kobe", "Hugo", "Estée", "Morgan"}
        surnames = {"Schwab", "Steel", "Boss", "Lauder", "Smith", "Stanley"}
        common = {"steel", "boss"}
        self.assertTrue(bo.is_person_name("Charles Schwab", given, surnames, common))
        self.assertTrue(bo.is_person_name("Estée Lauder", given, surnames, common))
        self.assertTrue(bo.is_person_name("A. O. Smith", given, surnames, common))
        self.assertTrue(bo.is_person_name("Morgan Stanley", given, surnames, common))
        # a common word among the parts makes a company name
        self.assertFalse(bo.is_person_name("Kobe Steel", given, surnames, common))
        self.assertFalse(bo.is_person_name("Hugo Boss", given, surnames, common))
        self.assertFalse(bo.is_person_name("Charles Schwab Corporation", given, surnames, common))
        self.assertFalse(bo.is_person_name("Schwab", given, surnames, common))
        self.assertFalse(bo.is_person_name("Smith Charles", given, surnames, common))


class NormaliseCompanyTest(unittest.TestCase):
    def setUp(self):
        self.ctx = make_ctx()

    def test_short_form_becomes_the_name(self):
        self.assertEqual(bo.normalise_company("Adyen N.V.", self.ctx), ("Adyen", ["Adyen N.V."]))
        self.assertEqual(bo.normalise_company("Bechtle AG", self.ctx), ("Bechtle", ["Bechtle AG"]))

    def test_common_word_keeps_the_suffix(self):
        self.assertEqual(bo.normalise_company("Apple Inc.", self.ctx), ("Apple Inc.", []))
        self.assertEqual(bo.normalise_company("Target Corporation", self.ctx),
                         ("Target Corporation", []))

    def test_person_name_keeps_the_suffix(self):
        self.assertEqual(bo.normalise_company("Charles Schwab Corporation", self.ctx),
                         ("Charles Schwab Corporation", []))

    def test_no_suffix(self):
        self.assertEqual(bo.normalise_company("Air Liquide", self.ctx), ("Air Liquide", []))
        self.assertIsNone(bo.normalise_company("Visa", self.ctx))
        self.assertIsNone(bo.normalise_company("A. O. Smith", self.ctx))

    def test_group_alias(self):
        self.assertEqual(bo.normalise_company("Zurich Insurance Group", self.ctx),
                         ("Zurich Insurance Group", ["Zurich Insurance"]))
        self.assertEqual(bo.normalise_company("Omnicom Group Inc.", self.ctx),
                         ("Omnicom Group", ["Omnicom Group Inc.", "Omnicom"]))

    def test_leading_the(self):
        self.assertEqual(bo.normalise_company("The Home Depot, Inc.", self.ctx),
                         ("Home Depot", ["The Home Depot, Inc."]))

    def test_whitespace(self):
        self.assertEqual(bo.normalise_company("  Adyen   N.V. ", self.ctx), ("Adyen", ["Adyen N.V."]))


class HandCollisionTest(unittest.TestCase):
    def test_is_hand(self):
        ctx = make_ctx()
        self.assertTrue(ctx.is_hand("Adobe Inc."))        # after dropping the suffix
        self.assertTrue(ctx.is_hand("ABN AMRO"))          # other case
        self.assertTrue(ctx.is_hand("Nestle SA"))         # other accents
        self.assertFalse(ctx.is_hand("Adobe Systems"))


class TitleCaseTest(unittest.TestCase):
    def test_title_case(self):
        common = {"new", "stock", "exchange", "swiss", "six", "gas"}
        tokens = {"es": "es", "dar": "Dar", "salaam": "Salaam", "tel": "Tel", "aviv": "Aviv"}
        tc = bo.title_case_caps
        self.assertEqual(tc("NEW YORK STOCK EXCHANGE", (), common), "New York Stock Exchange")
        self.assertEqual(tc("BOLSA DE VALORES DE LIMA", (), common), "Bolsa de Valores de Lima")
        self.assertEqual(tc("SIX SWISS EXCHANGE", ("SIX",), common - {"six"}), "SIX Swiss Exchange")
        self.assertEqual(tc("DAR ES SALAAM STOCK EXCHANGE", (), common, tokens),
                         "Dar es Salaam Stock Exchange")
        self.assertEqual(tc("TEL AVIV STOCK EXCHANGE", (), common, tokens), "Tel Aviv Stock Exchange")
        self.assertEqual(tc("ETS COMMODITY EXCHANGE", (), common), "ETS Commodity Exchange")
        self.assertEqual(tc("DUBAI GOLD EXCHANGE DMCC", (), common), "Dubai Gold Exchange DMCC")
        self.assertEqual(tc("RM-SYSTEM CZECH STOCK EXCHANGE", (), common),
                         "RM-System Czech Stock Exchange")


class UniversityTest(unittest.TestCase):
    def test_clean(self):
        c = bo.clean_university_name
        self.assertEqual(c("The University of Tokyo\n"), "University of Tokyo")
        self.assertEqual(c("Universidad de la República"), "Universidad de la República")
        self.assertEqual(c("University of California, Berkeley"), "University of California, Berkeley")
        self.assertIsNone(c("Faculty of Law, University of Zagreb"))
        self.assertIsNone(c("Don Bosco High School, Sucre, Bolivia"))
        self.assertIsNone(c("Karachi Institute of Economics & Technology (KIET)"))
        self.assertIsNone(c("UNIVERSITY OF LAGOS"))
        self.assertIsNone(c("university of somewhere"))
        self.assertIsNone(c("Lund"))

    def test_generic(self):
        self.assertTrue(bo.is_generic_name("National University"))
        self.assertTrue(bo.is_generic_name("University of Science and Technology"))
        self.assertTrue(bo.is_generic_name("International Stock Exchange"))
        self.assertFalse(bo.is_generic_name("Auburn University"))
        self.assertFalse(bo.is_generic_name("National University of Singapore"))
        self.assertFalse(bo.is_generic_name("Shanghai Stock Exchange"))


class CountryTest(unittest.TestCase):
    def test_country_of(self):
        lk = make_ctx().countries
        self.assertEqual(bo.country_of("Netherlands", lk), "NL")
        self.assertEqual(bo.country_of("Houston, Texas", lk), "US")
        self.assertEqual(bo.country_of("Atlanta, Georgia", lk), "US")
        self.assertEqual(bo.country_of("Georgia", lk), "GE")
        self.assertEqual(bo.country_of("Atlantis", lk), "")
        self.assertEqual(bo.country_of("", lk), "")


class WordNetHelpersTest(unittest.TestCase):
    def test_variants(self):
        self.assertIn("piston", bo.wn_variants("Pistons"))
        self.assertIn("agency", bo.wn_variants("agencies"))
        self.assertEqual(bo.wn_variants("Boss")[0], "boss")
        self.assertNotIn("bos", bo.wn_variants("Boss"))

    def test_descriptive(self):
        self.assertTrue(bo.is_descriptive("Baptist denomination"))
        self.assertTrue(bo.is_descriptive("Cali cartel"))
        self.assertFalse(bo.is_descriptive("Party of God"))
        self.assertFalse(bo.is_descriptive("Maktab al-Khidmat"))

    def test_dictionary_words(self):
        lemmas = make_ctx().wn_lemmas
        self.assertTrue(bo.all_dictionary_words("Freedom Party", lemmas))
        self.assertTrue(bo.all_dictionary_words("Red Sun", lemmas))
        self.assertTrue(bo.all_dictionary_words("Tamil Tigers", lemmas))
        self.assertFalse(bo.all_dictionary_words("Hizb ut-Tahrir", lemmas))
        # a lemma of the organisation's own synset alone does not count
        self.assertFalse(bo.all_dictionary_words("Greenpeace", lemmas, "n100"))


class SuffixListTest(unittest.TestCase):
    def test_build(self):
        cleanco = {"inc", "inc.", "ltd", "gmbh", "plc", "s.a.", "as", "co", "uk", "company",
                   "s.p.a.", "sarl"}
        faker = {"GmbH", "Group", "and Sons", "SARL", "INC", "e figli", "Ltd"}
        forms = bo.build_suffixes(cleanco, faker)
        for f in ("Inc", "Inc.", "Ltd", "GmbH", "PLC", "plc", "S.A.", "SA", "S.p.A.", "SpA", "SARL"):
            self.assertIn(f, forms)
        for f in ("AS", "CO", "Co", "UK", "Company", "Group", "and Sons", "INC", "e figli"):
            self.assertNotIn(f, forms)
        self.assertEqual(forms, sorted(set(forms)))


class AssembleTest(unittest.TestCase):
    def test_assemble(self):
        ctx = make_ctx()
        cands = [
            ("Adyen", "Company", "NL", ["Adyen N.V."], "pytickersymbols", None),
            ("Adobe", "Company", "US", ["Adobe Inc."], "pytickersymbols", None),      # hand
            ("Foo Bank", "Company", "", ["Foo Holdings Ltd"], "pytickersymbols", None),
            ("Bar Bank", "Company", "", ["Foo Holdings Ltd"], "pytickersymbols", None),
            ("Adyen", "Company", "", ["Adyen NV"], "iso10383", None),                # merged
            ("Lund University", "EducationalOrganization", "SE", [], "swot", None),
            ("Target", "Company", "US", [], "pytickersymbols", None),                # filtered
        ]
        rows, dropped = bo.assemble(cands, ctx)
        self.assertEqual(rows, [
            ("Adyen", "Company", "NL", "Adyen N.V.|Adyen NV"),
            ("Bar Bank", "Company", "", ""),
            ("Foo Bank", "Company", "", ""),
            ("Lund University", "EducationalOrganization", "SE", ""),
        ])
        self.assertIn("Adobe", dropped["already in organisations.tsv"])
        self.assertIn("Foo Holdings Ltd", dropped["alias shared by two rows"])
        self.assertIn("Target", dropped["WordNet word"])


class RenderTest(unittest.TestCase):
    def test_render(self):
        text = bo.render(["title", "", "more"], [("a", "b"), ("c", "d")])
        self.assertEqual(text, "# title\n#\n# more\na\tb\nc\td\n")


if __name__ == "__main__":
    unittest.main()
