//! The shipped lexicons and gazetteers (`data/`), compiled into the binary and parsed once on first use.
//!
//! Extraction is offline and deterministic: everything a rule looks up comes from these files, each of which names
//! its source and licence in its header. Surfaces are stored in the same token form the text stage produces, so a
//! lookup is a hash of the tokens joined by single spaces.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::text::{tokenize, Span};

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
    /// Surface (token form) to entry; the longest surface has `max_gazetteer_tokens` tokens.
    pub gazetteer: HashMap<String, GazetteerEntry>,
    pub max_gazetteer_tokens: usize,
    /// Demonym or adjectival form ("Russian") to country name ("Russia").
    pub demonyms: HashMap<String, String>,
    pub given_names: HashSet<String>,
    pub ambiguous_given_names: HashSet<String>,
    pub surnames: HashSet<String>,
    pub particles: HashSet<String>,
    /// Honorifics such as "Mr." (lower-cased, full stop removed).
    pub honorifics: HashSet<String>,
    pub suffixes: HashSet<String>,
    /// Lower-cased title surface (token form) to title.
    pub titles: HashMap<String, Title>,
    pub max_title_tokens: usize,
    /// Rank prefixes ("deputy", "vice", "acting") and their normalised form.
    pub title_prefixes: HashMap<String, String>,
    pub former_markers: HashSet<String>,
    /// Last words of organisation, facility and prize names ("Foundation", "Airport"), lower-cased.
    pub org_heads: HashSet<String>,
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
    tokenize(surface, Span::new(0, surface.len())).iter().map(|t| t.span.of(surface)).collect::<Vec<_>>().join(" ")
}

impl Lexicon {
    fn load() -> Self {
        let mut gazetteer: HashMap<String, GazetteerEntry> = HashMap::new();
        let mut demonyms = HashMap::new();
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
        for row in rows(include_str!("../data/organisations.tsv")) {
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
        let max_gazetteer_tokens = gazetteer.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        let set = |data: &'static str| -> HashSet<String> { rows(data).map(|r| r[0].to_string()).collect() };
        let mut titles = HashMap::new();
        for row in rows(include_str!("../data/titles.tsv")) {
            let label = row.get(1).filter(|s| !s.is_empty()).unwrap_or(&row[0]).to_string();
            let category = row.get(2).unwrap_or(&"other").to_string();
            titles.entry(token_form(&row[0].to_lowercase())).or_insert(Title { label, category });
        }
        let max_title_tokens = titles.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
        let title_prefixes = rows(include_str!("../data/title_prefixes.txt"))
            .map(|r| (r[0].to_lowercase(), r.get(1).unwrap_or(&r[0]).trim().to_string()))
            .collect();
        Lexicon {
            gazetteer,
            max_gazetteer_tokens,
            demonyms,
            given_names: set(include_str!("../data/given_names.txt")),
            ambiguous_given_names: set(include_str!("../data/ambiguous_given_names.txt")),
            surnames: set(include_str!("../data/surnames.txt")),
            particles: set(include_str!("../data/name_particles.txt")),
            honorifics: rows(include_str!("../data/honorifics.txt"))
                .map(|r| r[0].trim_end_matches('.').to_lowercase())
                .collect(),
            suffixes: set(include_str!("../data/name_suffixes.txt")),
            titles,
            max_title_tokens,
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
        self.honorifics.contains(&word.trim_end_matches('.').to_lowercase())
    }
}
