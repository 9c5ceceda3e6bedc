//! The shipped lexicons and gazetteers (`data/`), compiled into the binary and parsed once on first use.
//!
//! Extraction is offline and deterministic: everything a rule looks up comes from these files, each of which names
//! its source and licence in its header. Surfaces are stored in the same token form the text stage produces, so a
//! lookup is a hash of the tokens joined by single spaces.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::text::{tokenize, Span};

/// FxHash (rustc's hasher): lexicon keys are short words looked up on every token, where SipHash's protection
/// against chosen keys buys nothing (the keys are ours).
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        self.hash
    }
}

/// A hash map with [`FxHasher`].
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A hash set with [`FxHasher`].
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Phrases in token form (tokens joined by single spaces) with, for each first and last word, the lengths (in
/// tokens) of the phrases it starts or ends: a longest-match scan asks only for the lengths that can match.
#[derive(Debug)]
pub struct Phrases<V> {
    entries: FastMap<String, V>,
    /// First word to a mask with bit `n` set when a phrase of `n` tokens starts with it.
    first: FastMap<String, u64>,
    /// Last word to a mask likewise.
    last: FastMap<String, u64>,
    /// The most tokens a phrase has.
    pub max_tokens: usize,
}

impl<V> Phrases<V> {
    pub fn new(entries: impl IntoIterator<Item = (String, V)>) -> Self {
        Self::from_map(entries.into_iter().collect())
    }

    pub fn from_map(entries: FastMap<String, V>) -> Self {
        let (mut first, mut last): (FastMap<String, u64>, FastMap<String, u64>) =
            (FastMap::default(), FastMap::default());
        let mut max_tokens = 1;
        let mark = |words: &mut FastMap<String, u64>, word: &str, n: usize| match words.get_mut(word) {
            Some(mask) => *mask |= 1 << n,
            None => {
                words.insert(word.to_string(), 1 << n);
            }
        };
        for key in entries.keys() {
            let n = key.split(' ').count();
            // Masks hold 63 lengths; no lexicon comes near that.
            assert!(n < 64, "phrase too long: {key}");
            max_tokens = max_tokens.max(n);
            mark(&mut first, key.split(' ').next().unwrap_or(""), n);
            mark(&mut last, key.rsplit(' ').next().unwrap_or(""), n);
        }
        Phrases { entries, first, last, max_tokens }
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.entries.get(key)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.entries.contains_key(key)
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The lengths of the phrases starting with `word`, longest first, up to `at_most`.
    pub fn lengths_from(&self, word: &str, at_most: usize) -> impl Iterator<Item = usize> {
        lengths(self.first.get(word).copied().unwrap_or(0), at_most)
    }

    /// The lengths of the phrases ending with `word`, shortest first, up to `at_most`.
    pub fn lengths_to(&self, word: &str, at_most: usize) -> impl Iterator<Item = usize> {
        let mask = self.last.get(word).copied().unwrap_or(0);
        (1..=at_most.min(63)).filter(move |n| mask & (1 << n) != 0)
    }
}

impl<V> std::ops::Index<&str> for Phrases<V> {
    type Output = V;

    fn index(&self, key: &str) -> &V {
        &self.entries[key]
    }
}

/// The lengths set in `mask`, longest first, up to `at_most`.
fn lengths(mask: u64, at_most: usize) -> impl Iterator<Item = usize> {
    (1..=at_most.min(63)).rev().filter(move |n| mask & (1 << n) != 0)
}

/// What kind of thing a gazetteer entry names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    Country,
    City,
    Region,
    Place,
}

/// The class of a named non-person entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityClass {
    Organization,
    Place(PlaceKind),
}

/// A gazetteer entry: canonical name, class, and for organisations their kind ("Government", "Company", ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GazetteerEntry {
    pub name: String,
    pub class: EntityClass,
    pub kind: String,
    pub country: String,
}

/// A title from the role lexicon.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Title {
    /// The normalised role label ("chief executive officer" for "CEO").
    pub label: String,
    pub category: String,
}

/// All lexicons.
pub struct Lexicon {
    /// Surface (token form) to entry.
    pub gazetteer: Phrases<GazetteerEntry>,
    /// Demonym or adjectival form ("Russian") to country name ("Russia").
    pub demonyms: FastMap<String, String>,
    pub given_names: FastSet<String>,
    pub ambiguous_given_names: FastSet<String>,
    pub surnames: FastSet<String>,
    pub particles: FastSet<String>,
    /// Honorifics such as "Mr." (lower-cased, full stop removed).
    pub honorifics: FastSet<String>,
    pub suffixes: FastSet<String>,
    /// Lower-cased title surface (token form) to title.
    pub titles: Phrases<Title>,
    /// Rank prefixes ("deputy", "vice", "acting") and their normalised form.
    pub title_prefixes: FastMap<String, String>,
    pub former_markers: FastSet<String>,
    /// Last words of organisation, facility and prize names ("Foundation", "Airport"), lower-cased.
    pub org_heads: FastSet<String>,
}

/// The lexicon, parsed on first use.
pub static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

/// The rows of a data file: non-empty, non-comment lines split at tabs.
fn rows(data: &'static str) -> impl Iterator<Item = Vec<&'static str>> {
    data.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| l.split('\t').map(str::trim).collect())
}

fn multi(column: Option<&&'static str>) -> impl Iterator<Item = &'static str> {
    column.copied().unwrap_or("").split('|').map(str::trim).filter(|s| !s.is_empty())
}

/// The token form of a surface: its tokens joined by single spaces.
pub fn token_form(surface: &str) -> String {
    // Words of letters and digits between single spaces are one token each: the form is the surface itself (most
    // of the gazetteer's 60,000 names, read at every start).
    if surface.split(' ').all(|w| !w.is_empty() && w.chars().all(char::is_alphanumeric)) {
        return surface.to_string();
    }
    tokenized_form(surface)
}

fn tokenized_form(surface: &str) -> String {
    tokenize(surface, Span::new(0, surface.len())).iter().map(|t| t.span.of(surface)).collect::<Vec<_>>().join(" ")
}

impl Lexicon {
    fn load() -> Self {
        let mut gazetteer: FastMap<String, GazetteerEntry> = FastMap::default();
        gazetteer.reserve(1 << 16);
        let mut demonyms = FastMap::default();
        // Earlier files win: countries over places over organisations, so "Georgia" stays a country.
        let mut add = |surface: &str, entry: &GazetteerEntry| {
            gazetteer.entry(token_form(surface)).or_insert_with(|| entry.clone());
        };
        for row in rows(include_str!("../data/countries.tsv")) {
            let entry = GazetteerEntry {
                name: row[0].to_string(),
                class: EntityClass::Place(PlaceKind::Country),
                kind: "Country".into(),
                country: row.get(1).unwrap_or(&"").to_string(),
            };
            add(row[0], &entry);
            for alias in multi(row.get(2)) {
                add(alias, &entry);
            }
            for demonym in multi(row.get(3)) {
                demonyms.entry(demonym.to_string()).or_insert_with(|| row[0].to_string());
            }
        }
        for row in rows(include_str!("../data/places.tsv")) {
            let kind = match row.get(1).copied().unwrap_or("Place") {
                "City" => PlaceKind::City,
                "Region" => PlaceKind::Region,
                "Country" => PlaceKind::Country,
                _ => PlaceKind::Place,
            };
            let entry = GazetteerEntry {
                name: row[0].to_string(),
                class: EntityClass::Place(kind),
                kind: row.get(1).unwrap_or(&"Place").to_string(),
                country: row.get(2).unwrap_or(&"").to_string(),
            };
            add(row[0], &entry);
            for alias in multi(row.get(3)) {
                add(alias, &entry);
            }
        }
        // The hand-curated organisations first, then those converted from data packages (scripts/build_organisations.py).
        let organisations = rows(include_str!("../data/organisations.tsv"))
            .chain(rows(include_str!("../data/organisations_registry.tsv")));
        for row in organisations {
            let entry = GazetteerEntry {
                name: row[0].to_string(),
                class: EntityClass::Organization,
                kind: row.get(1).unwrap_or(&"Organization").to_string(),
                country: row.get(2).unwrap_or(&"").to_string(),
            };
            add(row[0], &entry);
            for alias in multi(row.get(3)) {
                add(alias, &entry);
            }
        }
        let set = |data: &'static str| -> FastSet<String> { rows(data).map(|r| r[0].to_string()).collect() };
        let mut titles = HashMap::new();
        for row in rows(include_str!("../data/titles.tsv")) {
            let label = row.get(1).filter(|s| !s.is_empty()).unwrap_or(&row[0]).to_string();
            let category = row.get(2).unwrap_or(&"other").to_string();
            titles.entry(token_form(&row[0].to_lowercase())).or_insert(Title { label, category });
        }
        let title_prefixes = rows(include_str!("../data/title_prefixes.txt"))
            .map(|r| (r[0].to_lowercase(), r.get(1).unwrap_or(&r[0]).trim().to_string()))
            .collect();
        Lexicon {
            gazetteer: Phrases::from_map(gazetteer),
            demonyms,
            given_names: set(include_str!("../data/given_names.txt")),
            ambiguous_given_names: set(include_str!("../data/ambiguous_given_names.txt")),
            surnames: set(include_str!("../data/surnames.txt")),
            particles: set(include_str!("../data/name_particles.txt")),
            honorifics: rows(include_str!("../data/honorifics.txt"))
                .map(|r| r[0].trim_end_matches('.').to_lowercase())
                .collect(),
            suffixes: set(include_str!("../data/name_suffixes.txt")),
            titles: Phrases::new(titles),
            title_prefixes,
            former_markers: rows(include_str!("../data/former_markers.txt")).map(|r| r[0].to_lowercase()).collect(),
            org_heads: rows(include_str!("../data/org_heads.txt")).map(|r| r[0].to_lowercase()).collect(),
        }
    }

    /// The gazetteer entry for a token-form surface, if any.
    pub fn place_or_org(&self, surface: &str) -> Option<&GazetteerEntry> {
        self.gazetteer.get(surface)
    }

    /// The title for a lower-cased token-form surface, if any.
    pub fn title(&self, surface: &str) -> Option<&Title> {
        self.titles.get(surface)
    }

    pub fn is_honorific(&self, word: &str) -> bool {
        let word = word.trim_end_matches('.');
        if word.bytes().any(|b| b.is_ascii_uppercase() || !b.is_ascii()) {
            self.honorifics.contains(&word.to_lowercase())
        } else {
            self.honorifics.contains(word)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quick_token_form_is_the_tokenizer_s_for_every_name_of_the_data() {
        let files = [
            include_str!("../data/countries.tsv"),
            include_str!("../data/places.tsv"),
            include_str!("../data/organisations.tsv"),
            include_str!("../data/organisations_registry.tsv"),
            include_str!("../data/titles.tsv"),
        ];
        let mut checked = 0;
        for row in files.into_iter().flat_map(rows) {
            for surface in std::iter::once(row[0]).chain(multi(row.get(3))) {
                assert_eq!(token_form(surface), tokenized_form(surface), "{surface:?}");
                checked += 1;
            }
        }
        assert!(checked > 40_000, "{checked} names");
        for odd in ["St. Louis", "Procter & Gamble", "Guinea-Bissau", "AT&T", "U.S.", "Côte d'Ivoire", "a  b", " x"] {
            assert_eq!(token_form(odd), tokenized_form(odd), "{odd:?}");
        }
    }
}
