//! Organisations (and facilities) no gazetteer lists, from the evidence in the name and around it (issue 16).
//!
//! - **A head word**: a capitalised name ending in a word that says what it names (`data/name_heads.tsv`:
//!   "Hainan Airlines", "the Irving Police Department", "University of Southern Indiana", "Chiang Mai
//!   International Airport"); the head alone names nothing ("Police said").
//! - **A legal form**: a capitalised name followed by one (`data/org_suffixes.txt`: "Acme Holdings Ltd").
//! - **An acronym defined in the text**: "the Joint Council for the Welfare of Immigrants (JCWI)" makes every later
//!   "JCWI" a mention of it, and the long form an organisation when its initials spell the acronym.
//! - **An organisation's words around a name**: "shares of Nestle", "Nestle shares", "Nestle said in a
//!   statement", "an Acme spokeswoman", "Acme reported a loss": a single capitalised word no other rule reads.
//! - **WordNet**: an acronym in capitals WordNet files as a group ("NATO", "OPEC").
//! - **A sports result**: a country or city in a match ("Leicester beat Chelsea 2-1", "Japan scored twice") is its
//!   team, not the place.
//!
//! Names found here take the place of the shorter gazetteer matches inside them ("Hainan" in "Hainan Airlines"),
//! and of a country written as a currency's prefix ("US$40 billion"). Headline-like lines discover nothing (Title
//! Case makes every word a name); they only link names found in the body.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::LazyLock;

use crate::lexicon::{EntityClass, FastMap, FastSet, PlaceKind, LEXICON};
use crate::text::{Document, Sentence, Span, Token, TokenKind};
use crate::wordnet::{Pos, WORDNET};

/// A name found by the gazetteer or by a rule here: span, class, canonical name, and why.
#[derive(Debug, Clone)]
pub struct Named {
    pub span: Span,
    pub class: EntityClass,
    pub name: String,
    pub reason: String,
    /// The schema.org class beyond Organization/Place, when the evidence says ("Airline", "SportsTeam").
    pub schema: Option<&'static str>,
}

struct Head {
    schema: &'static str,
    of: bool,
}

static HEADS: LazyLock<FastMap<&'static str, Head>> = LazyLock::new(|| {
    let mut map = FastMap::default();
    for line in include_str!("../../data/name_heads.tsv").lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
        let mut cols = line.split('\t');
        let (Some(head), Some(schema)) = (cols.next(), cols.next()) else { continue };
        let of = cols.next().is_some_and(|c| c == "of" || c == "for");
        map.insert(head, Head { schema, of });
    }
    map
});

static SUFFIXES: LazyLock<FastSet<&'static str>> = LazyLock::new(|| {
    include_str!("../../data/org_suffixes.txt").lines().filter(|l| !l.starts_with('#') && !l.is_empty()).collect()
});

/// The schema.org class a gazetteer organisation kind maps to.
pub fn schema_of_kind(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "Company" => "Corporation",
        "NewsMedia" => "NewsMediaOrganization",
        "Party" => "PoliticalParty",
        "SportsOrganization" => "SportsOrganization",
        "EducationalOrganization" => "EducationalOrganization",
        "NGO" => "NGO",
        "Government" | "Legislature" | "Court" | "Military" | "Agency" | "CentralBank" => "GovernmentOrganization",
        _ => return None,
    })
}

/// Words that may stand inside a name between capitalised words ("Bank of England", "Museum of Modern Art").
const JOINERS: &[&str] = &["of", "for", "and", "&", "de", "du", "la", "del", "der", "des", "on", "at", "the"];

/// Capitalised words that open a sentence or a clause and are no part of a name.
pub(crate) const NOT_NAME_START: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "From",
    "With",
    "By",
    "After",
    "Before",
    "As",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "This",
    "That",
    "These",
    "Those",
    "Its",
    "His",
    "Her",
    "Their",
    "Our",
    "Many",
    "Some",
    "All",
    "Both",
    "Each",
    "Every",
    "Last",
    "Next",
    "New",
    "Former",
    "According",
    "Under",
    "Since",
    "During",
];

/// The longest name the rules here read, in bytes: longer capitalised runs are no names (a whole line in capitals),
/// and the overlap tests below rely on the bound.
const MAX_NAME: usize = 400;

/// Spans taken by names, for overlap tests in logarithmic time: every stage here stays linear in the article.
#[derive(Default)]
struct Occupied {
    /// Start to the longest end of the spans that start there.
    by_start: BTreeMap<usize, usize>,
}

impl Occupied {
    fn add(&mut self, span: Span) {
        let end = self.by_start.entry(span.start).or_insert(span.end);
        *end = (*end).max(span.end);
    }

    fn overlaps(&self, span: Span) -> bool {
        self.by_start.range(span.start.saturating_sub(MAX_NAME)..span.end).any(|(_, &end)| end > span.start)
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// An acronym: two to eight capitals (digits and "&" allowed after the first), possibly with dots ("U.N.").
fn is_acronym(w: &str) -> bool {
    let letters: String = w.chars().filter(|&c| c != '.').collect();
    let n = letters.chars().count();
    (2..=8).contains(&n)
        && letters.chars().next().is_some_and(|c| c.is_ascii_uppercase())
        && letters.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
        && (letters.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2
            || letters.chars().any(|c| c.is_ascii_digit()))
}

/// Find organisations in the body's sentences and add them to `named`, replacing what they cover.
pub fn find(doc: &Document, named: &mut Vec<Named>) {
    let mut found: Vec<Named> = Vec::new();
    named.sort_by_key(|n| (n.span.start, n.span.end));
    extend_known(doc, named, &mut found);
    let spans: HashSet<Span> = named.iter().map(|n| n.span).collect();
    for sentence in &doc.sentences {
        if doc.in_heading(sentence) {
            continue;
        }
        headed_names(doc, sentence, &spans, &mut found);
        suffixed_names(doc, sentence, &mut found);
    }
    acronyms(doc, named, &mut found);
    let mut taken = Occupied::default();
    for n in named.iter().chain(found.iter()) {
        taken.add(n.span);
    }
    for sentence in &doc.sentences {
        if !doc.in_heading(sentence) {
            cued_names(doc, sentence, &mut taken, &mut found);
        }
    }
    sports_teams(doc, named, &mut found);
    // "Dean Kamen", "George Washington": a city's name right after a given name is a surname.
    named.retain(|n| {
        let before = doc.text[..n.span.start].trim_end_matches(' ');
        let previous = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        let city = matches!(n.class, EntityClass::Place(PlaceKind::City)) && !n.span.of(doc.text).contains(' ');
        !(city && before.len() + 1 == n.span.start && LEXICON.given_names.contains(previous))
    });
    // A maker's name in a product's ("Boeing 737-800", "Airbus A380") names the product, not the maker.
    named.retain(|n| {
        let next = doc.text[n.span.end..].split_whitespace().next().unwrap_or("");
        let model = next.chars().any(|c| c.is_ascii_digit())
            && next.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
            && !doc.text[n.span.end..].starts_with(',');
        !(n.class == EntityClass::Organization && doc.text[n.span.end..].starts_with(' ') && model)
    });
    // Currency prefixes: "US$40 billion" names a currency, not the United States.
    named.retain(|n| {
        let after = &doc.text[n.span.end..];
        !(matches!(n.class, EntityClass::Place(_)) && (after.starts_with('$') || after.starts_with(" dollar")))
    });
    // Every other mention of a name found here, the headline's included: its surface where it stands alone.
    let surfaces: HashMap<String, usize> =
        found.iter().enumerate().map(|(k, n)| (n.span.of(doc.text).to_string(), k)).collect();
    let mut taken = Occupied::default();
    for n in &found {
        taken.add(n.span);
    }
    let mut extra = Vec::new();
    for sentence in &doc.sentences {
        let tokens = &sentence.tokens;
        for (start, end) in runs(doc, tokens) {
            for s in start..end {
                // Names are short: no need to try runs longer than a dozen words (a line in capitals).
                for e in (s + 1..=end.min(s + 12)).rev() {
                    let span = Span::new(tokens[s].span.start, tokens[e - 1].span.end);
                    if let Some(&k) = surfaces.get(span.of(doc.text)) {
                        if !taken.overlaps(span) {
                            let n = &found[k];
                            taken.add(span);
                            extra.push(Named { span, reason: format!("name form of {}", n.name), ..n.clone() });
                        }
                        break;
                    }
                }
            }
        }
    }
    found.extend(extra);
    // The names found here win over the shorter gazetteer matches they hold.
    found.sort_by_key(|n| (n.span.start, std::cmp::Reverse(n.span.end)));
    let mut kept: Vec<Named> = Vec::new();
    let mut taken = Occupied::default();
    for n in found {
        if !taken.overlaps(n.span) {
            taken.add(n.span);
            kept.push(n);
        }
    }
    named.retain(|g| !taken.overlaps(g.span));
    named.extend(kept);
    named.sort_by_key(|n| (n.span.start, n.span.end));
}

/// A gazetteer organisation followed by more capitalised words of its name: "Invesco AIM", "Ford Australia",
/// "Boeing Commercial Airplanes" (a unit or subsidiary, named by the whole). Titles, given names and a model
/// number end it ("Apple CEO Steve Jobs", "Boeing 737").
fn extend_known(doc: &Document, named: &[Named], out: &mut Vec<Named>) {
    for n in named.iter().filter(|n| n.class == EntityClass::Organization) {
        let k = doc.sentences.partition_point(|s| s.span.end <= n.span.start);
        let Some(sentence) = doc.sentences.get(k).filter(|s| s.span.contains(n.span) && !doc.in_heading(s)) else {
            continue;
        };
        let tokens = &sentence.tokens;
        {
            let Some(last) = tokens.iter().position(|t| t.span.end == n.span.end) else { continue };
            let mut e = last + 1;
            while let Some(t) = tokens.get(e) {
                let w = doc.tok(t);
                let word = t.kind == TokenKind::Word
                    && capitalised(w)
                    && !w.chars().next().is_some_and(|c| c.is_ascii_digit());
                if !word
                    || LEXICON.title(&w.to_lowercase()).is_some()
                    || LEXICON.given_names.contains(w)
                    || NOT_NAME_START.contains(&w)
                {
                    break;
                }
                e += 1;
            }
            if e > last + 1 && tokens[e - 1].span.end - n.span.start <= MAX_NAME {
                let span = Span::new(n.span.start, tokens[e - 1].span.end);
                out.push(Named {
                    span,
                    class: EntityClass::Organization,
                    name: span.of(doc.text).to_string(),
                    reason: format!("{} and more of its name", n.name),
                    schema: n.schema,
                });
            }
        }
    }
}

/// Verbs of a match between two sides.
const RESULT_VERBS: &[&str] = &[
    "beat",
    "beats",
    "defeated",
    "defeats",
    "edged",
    "edges",
    "thrashed",
    "routed",
    "overcame",
    "eliminated",
    "downed",
    "drew",
    "tied",
    "lost",
    "trounced",
    "crushed",
    "outplayed",
    "vs",
    "vs.",
    "v",
    "v.",
    "against",
    "and",
];
/// Words after a team that tell a match ("Japan scored twice", "Sweden's goalkeeper").
const TEAM_WORDS: &[&str] = &[
    "scored",
    "scores",
    "equalised",
    "equalized",
    "conceded",
    "qualified",
    "advanced",
    "goalkeeper",
    "keeper",
    "coach",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "captain",
    "squad",
    "supporters",
    "fans",
    "goal",
    "goals",
];

/// How a sentence scores a match: no score, one ("2-1": sides are teams), or several ("6-3 6-2": sets, so the sides
/// are players).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Result {
    None,
    Teams,
    Players,
}

/// Scores in a sentence: "2-1", "6-3", "3–0".
pub fn scores(doc: &Document, tokens: &[Token]) -> Result {
    let n = tokens
        .iter()
        .filter(|t| {
            let w = doc.tok(t);
            let parts: Vec<&str> = w.split(['-', '–']).collect();
            parts.len() == 2
                && parts.iter().all(|p| !p.is_empty() && p.len() <= 2 && p.chars().all(|c| c.is_ascii_digit()))
        })
        .count();
    match n {
        0 => Result::None,
        1 => Result::Teams,
        _ => Result::Players,
    }
}

/// Whether tokens `start..end` are a side of a match: just before or after a result verb, with a score in the
/// sentence.
pub fn result_side(doc: &Document, tokens: &[Token], start: usize, end: usize) -> bool {
    let lower = |k: usize| tokens.get(k).map(|t| doc.lower(t).into_owned()).unwrap_or_default();
    let before = start > 0 && RESULT_VERBS.contains(&lower(start - 1).as_str()) && lower(start - 1) != "and";
    let after = RESULT_VERBS.contains(&lower(end).as_str())
        && (lower(end) != "and" || tokens.get(end + 1).is_some_and(|t| capitalised(doc.tok(t))));
    (before || after) && scores(doc, tokens) != Result::None
}

/// A country or city, or an unknown name, that plays a match: "Leicester beat Chelsea 2-1", "Japan scored twice",
/// "Sweden's goalkeeper". The team, not the place.
fn sports_teams(doc: &Document, named: &[Named], found: &mut Vec<Named>) {
    let places: HashMap<Span, &Named> = named
        .iter()
        .filter(|n| matches!(n.class, EntityClass::Place(PlaceKind::Country | PlaceKind::City)))
        .map(|n| (n.span, n))
        .collect();
    let mut taken = Occupied::default();
    for n in named.iter().chain(found.iter()) {
        taken.add(n.span);
    }
    for sentence in doc.sentences.iter().filter(|s| !doc.in_heading(s)) {
        let tokens = &sentence.tokens;
        let result = scores(doc, tokens);
        for (start, end) in runs(doc, tokens) {
            let s = name_start(doc, tokens, start, end);
            // "Chelsea 2-1": the score is not part of the name.
            let end = (s..end).find(|&k| doc.tok(&tokens[k]).starts_with(|c: char| c.is_ascii_digit())).unwrap_or(end);
            if s >= end {
                continue;
            }
            let span = Span::new(tokens[s].span.start, tokens[end - 1].span.end);
            let place = places.get(&span).copied();
            let known = taken.overlaps(span);
            let next = tokens.get(end).map(|t| doc.lower(t).into_owned()).unwrap_or_default();
            let after_poss = if next == "'s" {
                tokens.get(end + 1).map(|t| doc.lower(t).into_owned()).unwrap_or_default()
            } else {
                next.clone()
            };
            let plays = (result == Result::Teams && result_side(doc, tokens, s, end))
                || TEAM_WORDS.contains(&after_poss.as_str());
            if !plays {
                continue;
            }
            match place {
                Some(p) => found.push(Named {
                    span,
                    class: EntityClass::Organization,
                    name: p.name.clone(),
                    reason: format!("the team of {} in a match", p.name),
                    schema: Some("SportsTeam"),
                }),
                // An unknown one-word name beside a result ("Chelsea 2-1"): a team too, unless it may be a person.
                None if !known
                    && end == s + 1
                    && result == Result::Teams
                    && (!LEXICON.given_names.contains(doc.tok(&tokens[s]))
                        || next.chars().next().is_some_and(|c| c.is_ascii_digit())) =>
                {
                    found.push(Named {
                        span,
                        class: EntityClass::Organization,
                        name: doc.tok(&tokens[s]).to_string(),
                        reason: "a side in a match with a score".into(),
                        schema: Some("SportsTeam"),
                    })
                }
                None => {}
            }
        }
    }
}

/// Runs of capitalised words (with joiners inside) as token ranges.
fn runs(doc: &Document, tokens: &[Token]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if tokens[i].kind == TokenKind::Punct || !capitalised(doc.tok(&tokens[i])) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len() {
            let w = doc.tok(&tokens[j]);
            let word = tokens[j].kind != TokenKind::Punct && capitalised(w);
            let joiner = JOINERS.contains(&w) && tokens.get(j + 1).is_some_and(|t| capitalised(doc.tok(t)));
            if !(word || joiner) {
                break;
            }
            j += 1;
        }
        out.push((i, j));
        i = j;
    }
    out
}

/// The first token of a run that may start a name: past sentence-initial function words and titles' words.
fn name_start(doc: &Document, tokens: &[Token], start: usize, end: usize) -> usize {
    let mut s = start;
    while s < end && (NOT_NAME_START.contains(&doc.tok(&tokens[s])) || JOINERS.contains(&doc.tok(&tokens[s]))) {
        s += 1;
    }
    s
}

/// "Hainan Airlines", "Irving Police Department", "University of Southern Indiana at Evansville".
fn headed_names(doc: &Document, sentence: &Sentence, named: &HashSet<Span>, out: &mut Vec<Named>) {
    let tokens = &sentence.tokens;
    for (start, end) in runs(doc, tokens) {
        let s = name_start(doc, tokens, start, end);
        if s >= end {
            continue;
        }
        // The last head in the run, or a head followed by "of X".
        let mut best: Option<(usize, usize, &Head)> = None;
        for k in s..end {
            let Some(head) = HEADS.get(doc.tok(&tokens[k])) else { continue };
            let mut e = k + 1;
            if head.of && e < end && matches!(doc.tok(&tokens[e]), "of" | "for" | "on") {
                e = end;
            } else if e < end && !JOINERS.contains(&doc.tok(&tokens[e])) {
                // More capitalised words after the head: the head is not the name's last word.
                if !HEADS.contains_key(doc.tok(&tokens[end - 1])) {
                    continue;
                }
            }
            best = Some((k, e, head));
        }
        let Some((k, e, head)) = best else { continue };
        // "Passengers of Korvald Airlines": a joiner inside the name follows a head that takes it ("Bank of"),
        // else the name starts after it.
        let s = (s..k)
            .rev()
            .find(|&m| {
                matches!(doc.tok(&tokens[m]), "of" | "for" | "on" | "and" | "&")
                    && !(m > s && HEADS.get(doc.tok(&tokens[m - 1])).is_some_and(|h| h.of))
            })
            .map_or(s, |m| m + 1);
        let s = name_start(doc, tokens, s, end);
        if s > k {
            continue;
        }
        // The head alone names nothing; and the words before it must not be a person's name only ("Smith Center"
        // is a place, kept; but "Police" alone is not).
        if k == s && !(head.of && e > k + 1) {
            continue;
        }
        if head.schema == "-" {
            continue;
        }
        // "Jim Press", "Emily Post": a given name before a head that is also a surname names a person.
        let first = doc.tok(&tokens[s]);
        if k == s + 1 && LEXICON.given_names.contains(first) && !LEXICON.ambiguous_given_names.contains(first) {
            continue;
        }
        // Trailing joiners are not part of it.
        let mut e = e;
        while e > k + 1 && JOINERS.contains(&doc.tok(&tokens[e - 1])) {
            e -= 1;
        }
        let span = Span::new(tokens[s].span.start, tokens[e - 1].span.end);
        // A gazetteer name of the same span is that name.
        if named.contains(&span) || span.end - span.start > MAX_NAME {
            continue;
        }
        let place = matches!(head.schema, "Place" | "Airport" | "CivicStructure");
        let class = if place { EntityClass::Place(PlaceKind::Place) } else { EntityClass::Organization };
        let name = span.of(doc.text).split_whitespace().collect::<Vec<_>>().join(" ");
        out.push(Named {
            span,
            class,
            name,
            reason: format!("name headed by \"{}\"", doc.tok(&tokens[k])),
            schema: Some(head.schema).filter(|s| !matches!(*s, "Organization" | "Place")),
        });
    }
}

/// "Acme Holdings Ltd", "Foo GmbH", "Bar S.A.": a name and a legal form.
fn suffixed_names(doc: &Document, sentence: &Sentence, out: &mut Vec<Named>) {
    let tokens = &sentence.tokens;
    for (start, end) in runs(doc, tokens) {
        let s = name_start(doc, tokens, start, end);
        // The legal form: the run's last one or two tokens (after a space), or a form after ", ".
        for n in [3usize, 2, 1] {
            if end < s + n + 1 {
                continue;
            }
            let form = Span::new(tokens[end - n].span.start, tokens[end - 1].span.end).of(doc.text);
            if SUFFIXES.contains(form) && form.len() >= 2 && tokens[end - 1].span.end - tokens[s].span.start <= MAX_NAME
            {
                let span = Span::new(tokens[s].span.start, tokens[end - 1].span.end);
                let name = span.of(doc.text).to_string();
                out.push(Named {
                    span,
                    class: EntityClass::Organization,
                    name,
                    reason: format!("legal form \"{form}\""),
                    schema: Some("Corporation"),
                });
                break;
            }
        }
    }
}

/// Acronyms defined in the text ("the Joint Council for the Welfare of Immigrants (JCWI)"), and acronyms WordNet
/// files as groups.
fn acronyms(doc: &Document, named: &[Named], found: &mut Vec<Named>) {
    let mut defined: Vec<(String, usize)> = Vec::new();
    for sentence in doc.sentences.iter().filter(|s| !doc.in_heading(s)) {
        let tokens = &sentence.tokens;
        for i in 1..tokens.len().saturating_sub(2) {
            if doc.tok(&tokens[i]) != "(" || doc.tok(&tokens[i + 2]) != ")" {
                continue;
            }
            let acronym = doc.tok(&tokens[i + 1]);
            if !is_acronym(acronym) {
                continue;
            }
            let before = tokens[i - 1].span.end;
            // A name found already that ends just before the bracket.
            let known = found.iter().position(|n| n.span.end == before && n.class == EntityClass::Organization);
            let k = match known {
                Some(k) => k,
                None => {
                    if let Some(n) = named.iter().find(|n| n.span.end == before && n.class == EntityClass::Organization)
                    {
                        found.push(Named { reason: "gazetteer".into(), ..n.clone() });
                        found.len() - 1
                    } else {
                        // A run whose initials spell the acronym, and whose last word is an organisation's head
                        // ("Joint Council for the Welfare of Immigrants (JCWI)", not "Software Development Kit").
                        let Some(span) = spelled_by(doc, tokens, i, acronym) else { continue };
                        let last = doc.tok(&tokens[i - 1]);
                        let organisation = HEADS
                            .get(last)
                            .is_some_and(|h| !matches!(h.schema, "-" | "Place" | "Airport" | "CivicStructure"))
                            || (0..i).any(|m| {
                                tokens[m].span.start >= span.start
                                    && HEADS.get(doc.tok(&tokens[m])).is_some_and(|h| h.of)
                                    && matches!(tokens.get(m + 1).map(|t| doc.tok(t)), Some("of" | "for"))
                            });
                        if !organisation {
                            continue;
                        }
                        found.push(Named {
                            span,
                            class: EntityClass::Organization,
                            name: span.of(doc.text).to_string(),
                            reason: format!("long form of the acronym {acronym} defined in the text"),
                            schema: None,
                        });
                        found.len() - 1
                    }
                }
            };
            defined.push((acronym.to_string(), k));
        }
    }
    let mut taken = Occupied::default();
    for n in named.iter().chain(found.iter()) {
        taken.add(n.span);
    }
    // Initials of the organisations the article names (three words or more), to the first of them.
    let mut by_initials: HashMap<String, Named> = HashMap::new();
    for n in named.iter().chain(found.iter()).filter(|n| n.class == EntityClass::Organization) {
        let key = initials_of(&n.name);
        if !key.is_empty() {
            let first = by_initials.entry(key).or_insert_with(|| n.clone());
            if n.span.start < first.span.start {
                *first = n.clone();
            }
        }
    }
    for sentence in &doc.sentences {
        for t in &sentence.tokens {
            let w = doc.tok(t);
            if !is_acronym(w) || taken.overlaps(t.span) {
                continue;
            }
            taken.add(t.span);
            // Initials of an organisation the article names: "USI" for the University of Southern Indiana.
            let initials = || by_initials.get(w).filter(|n| n.span.end <= t.span.start).cloned();
            if let Some((_, k)) = defined.iter().find(|(a, _)| a == w) {
                let long = found[*k].clone();
                found.push(Named {
                    span: t.span,
                    reason: format!("acronym {w} of {}, defined in the text", long.name),
                    ..long
                });
            } else if let Some(long) = initials() {
                found.push(Named { span: t.span, reason: format!("initials of {}", long.name), ..long });
            } else if !doc.in_heading(sentence)
                && WORDNET.entry(&w.to_lowercase(), Pos::Noun).is_some_and(|e| e.first_file() == "group")
            {
                found.push(Named {
                    span: t.span,
                    class: EntityClass::Organization,
                    name: w.to_string(),
                    reason: "acronym of a group (WordNet)".into(),
                    schema: None,
                });
            }
        }
    }
}

/// The initials of a name of three or more capitalised words, joiners skipped ("University of Southern Indiana":
/// "USI"); empty for shorter names (two letters are too often something else).
fn initials_of(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().filter(|w| !JOINERS.contains(w)).collect();
    if words.len() < 3 || !words.iter().all(|w| w.starts_with(char::is_uppercase)) {
        return String::new();
    }
    words.iter().filter_map(|w| w.chars().next()).collect()
}

/// The run ending before token `bracket` whose initials (capitalised words, joiners skipped) spell `acronym`.
fn spelled_by(doc: &Document, tokens: &[Token], bracket: usize, acronym: &str) -> Option<Span> {
    let letters: Vec<char> = acronym.chars().filter(|c| c.is_ascii_uppercase()).collect();
    let mut k = bracket;
    let mut initials: Vec<char> = Vec::new();
    while k > 0 && initials.len() < letters.len() {
        k -= 1;
        let w = doc.tok(&tokens[k]);
        if JOINERS.contains(&w) || w == "-" {
            continue;
        }
        let c = w.chars().next()?;
        if !c.is_uppercase() {
            return None;
        }
        initials.insert(0, c);
    }
    (initials == letters && k < bracket).then(|| Span::new(tokens[k].span.start, tokens[bracket - 1].span.end))
}

/// Words after a name that only an organisation is the subject or owner of.
const ORG_CUES_AFTER: &[&[&str]] = &[
    &["said", "in", "a", "statement"],
    &["shares"],
    &["stock"],
    &["spokesman"],
    &["spokeswoman"],
    &["spokesperson"],
    &["'s", "shares"],
    &["'s", "chief", "executive"],
    &["'s", "board"],
    &["reported", "a", "loss"],
    &["reported", "a", "profit"],
    &["reported", "net"],
    &["posted", "a"],
    &["Inc."],
];
/// Words before a name that make it an organisation's.
const ORG_CUES_BEFORE: &[&[&str]] = &[
    &["shares", "of"],
    &["shares", "in"],
    &["stake", "in"],
    &["analysts", "at"],
    &["analyst", "at"],
    &["chief", "executive", "of"],
    &["spokesman", "for"],
    &["spokeswoman", "for"],
    &["subsidiary", "of"],
    &["unit", "of"],
    &["merger", "with"],
];

/// A single capitalised word, or an acronym, that no rule read, with an organisation's words around it.
fn cued_names(doc: &Document, sentence: &Sentence, taken: &mut Occupied, found: &mut Vec<Named>) {
    let tokens = &sentence.tokens;
    let given = &LEXICON.given_names;
    for (i, t) in tokens.iter().enumerate() {
        let w = doc.tok(t);
        let lone = capitalised(w)
            && !tokens.get(i + 1).is_some_and(|n| capitalised(doc.tok(n)) && n.kind == TokenKind::Word)
            && !(i > 0 && capitalised(doc.tok(&tokens[i - 1])) && tokens[i - 1].kind == TokenKind::Word);
        if !lone || t.kind != TokenKind::Word || w.len() < 2 {
            continue;
        }
        if taken.overlaps(t.span)
            || crate::syntax::is_function_word(&w.to_lowercase())
            || given.contains(w)
            || WORDNET.has(&w.to_lowercase(), Pos::Noun) && !is_acronym(w)
            || LEXICON.demonyms.contains_key(w)
        {
            continue;
        }
        let matches = |cue: &[&str], from: usize| {
            cue.iter().enumerate().all(|(k, c)| tokens.get(from + k).is_some_and(|x| doc.lower(x) == c.to_lowercase()))
        };
        let after = ORG_CUES_AFTER.iter().find(|cue| matches(cue, i + 1));
        let before = ORG_CUES_BEFORE.iter().find(|cue| i >= cue.len() && matches(cue, i - cue.len()));
        let Some(cue) = after.or(before) else { continue };
        found.push(Named {
            span: t.span,
            class: EntityClass::Organization,
            name: w.to_string(),
            reason: format!("organisation's words \"{}\"", cue.join(" ")),
            schema: None,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn acronyms_are_capitals() {
        assert!(is_acronym("NATO") && is_acronym("U.N.") && is_acronym("G20") && is_acronym("AT&T"));
        assert!(!is_acronym("A") && !is_acronym("Nato") && !is_acronym("I"));
    }
}
