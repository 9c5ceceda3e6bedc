//! Named entities: places and organisations from the gazetteers, and people, resolved to one entity each.
//!
//! People are found from evidence, not from capitalisation alone: a known given name, a title or honorific before
//! the name (a plural title too: "photographers A and B"), a middle initial, a reporting verb after it, or a place in
//! a list next to a person ("A, B and C"). Counter-evidence wins: a run holding an organisation or facility head
//! ("Foundation", "Department", "Prize-winner", `data/org_heads.txt`), a run after a determiner ("the Church said")
//! or after an organisation's name ("Acme Corps"), and a demonym alone are not people. Headline-like lines discover
//! nobody (Title Case makes every word look like a name); they only link names already found in the body. Within an
//! article, surnames, a given name borne by one person, misspelt forms and shorter forms resolve to the full name
//! ("Putin" → "Vladimir Putin"), and the reason is kept with each mention.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use crate::extract::organisations::{self, Named};
use crate::extract::spans::SpanIndex;
use crate::extract::{EntityKind, Facts, Mention};
use crate::lexicon::{EntityClass, FastSet, PlaceKind, LEXICON};
use crate::text::{lower, Document, Sentence, Span, Token, TokenKind};

/// Words that are capitalised but never part of a person's name.
pub(crate) const NOT_NAME: &[&str] = &[
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "As",
    "After",
    "Before",
    "During",
    "Since",
    "Until",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "Here",
    "What",
    "Who",
    "Why",
    "How",
    "Where",
    "However",
    "According",
    "Meanwhile",
    "Also",
    "Yet",
    "So",
    "For",
    "From",
    "To",
    "With",
    "By",
    "Of",
    "Not",
    "No",
    "Yes",
    "All",
    "Some",
    "Many",
    "Most",
    "Both",
    "Each",
    "Every",
    "Other",
    "Another",
    "Such",
    "Last",
    "Next",
    "Earlier",
    "Later",
    "Today",
    "Yesterday",
    "Tomorrow",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "God",
    "Internet",
    "Photo",
    "Image",
    "Source",
    "Sources",
    "Reuters",
    "AP",
    "Everyone",
    "Everybody",
    "Someone",
    "Somebody",
    "Anyone",
    "Anybody",
    "Nobody",
    "Nothing",
    "Everything",
    "Usually",
    "Perhaps",
    "Instead",
    "Indeed",
    "Still",
    "Now",
    "Then",
    "Thus",
    "Although",
    "Though",
    "Because",
    "Despite",
    "Even",
    "Only",
    "Which",
    "Whose",
    "My",
    "Your",
    "Him",
    "Them",
];

/// [`NOT_NAME`] as a set: it is asked about every word of every capitalised run.
static NOT_NAME_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| NOT_NAME.iter().copied().collect());

/// Function words that can still be a short surname after a given name ("Kevin Or", "James To").
const SHORT_SURNAME_WORDS: &[&str] = &["In", "On", "At", "As", "Or", "So", "To", "By", "No", "Yet"];

/// Verbs after a name that show it is a person ("Peskov said").
const PERSON_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "stated",
    "explained",
    "noted",
    "argued",
    "insisted",
    "warned",
    "wrote",
    "asked",
    "replied",
    "recalled",
    "acknowledged",
    "admitted",
    "announced",
    "revealed",
    "confirmed",
    "denied",
    "claimed",
    "believes",
    "thinks",
];

pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase) && word.chars().any(char::is_lowercase) || is_initial(word)
}

pub fn is_initial(word: &str) -> bool {
    let mut c = word.chars();
    matches!((c.next(), c.next(), c.next()), (Some(a), Some('.'), None) if a.is_uppercase())
}

/// A name found with its evidence.
struct Candidate {
    /// The name's words, honorifics and titles removed.
    words: Vec<String>,
    /// Whether it was found in a headline-like line (only linked, never discovered).
    heading: bool,
}

/// A person being assembled: canonical words and the surface forms seen.
struct PersonDraft {
    key: Vec<String>,
    forms: BTreeSet<String>,
}

/// Find places, organisations and people in the document and add them, with their mentions, to `facts`.
pub fn extract(doc: &Document, facts: &mut Facts) {
    let mut gazetteer: Vec<(Span, EntityClass, String)> = Vec::new();
    for sentence in &doc.sentences {
        gazetteer_matches(doc, sentence, &mut gazetteer);
    }
    let mut found: Vec<Named> = gazetteer
        .into_iter()
        .map(|(span, class, name)| {
            let entry = LEXICON.place_or_org(&name);
            let schema = entry.filter(|e| e.class == class).and_then(|e| organisations::schema_of_kind(&e.kind));
            Named { span, class, name, reason: "gazetteer".into(), schema }
        })
        .collect();
    organisations::find(doc, &mut found);
    let named: Vec<(Span, EntityClass, String)> = found.iter().map(|n| (n.span, n.class, n.name.clone())).collect();
    debug_assert!(named.is_sorted_by_key(|n| n.0.start), "organisations::find leaves the names in text order");
    let mut candidates = Vec::new();
    for sentence in &doc.sentences {
        find_names(doc, sentence, starting_in(&named, sentence.span), &mut candidates);
    }
    let people = resolve_people(&candidates);
    let person_mentions = link_people(doc, &people, &named);
    let person_spans = SpanIndex::of(person_mentions.iter().map(|(s, _, _)| *s));
    let mut person_index = Vec::new();
    for draft in &people {
        let name = draft.key.join(" ");
        let i = facts.entity(EntityKind::Person, &name);
        for form in &draft.forms {
            if *form != name {
                facts.entities[i].alternate.insert(form.clone());
            }
        }
        person_index.push(i);
    }
    for (span, p, reason) in &person_mentions {
        let i = person_index[*p];
        let surface = span.of(doc.text);
        if surface != facts.entities[i].name {
            facts.entities[i].alternate.insert(surface.to_string());
        }
        facts.mentions.push(Mention { span: *span, entity: i, reason: reason.clone() });
    }
    for Named { span, class, name, reason, schema } in found {
        if !person_spans.overlapping(span).is_empty() {
            continue;
        }
        let kind = match class {
            EntityClass::Organization => EntityKind::Organization,
            EntityClass::Place(PlaceKind::Country) => EntityKind::Country,
            EntityClass::Place(PlaceKind::City) => EntityKind::City,
            EntityClass::Place(PlaceKind::Region) => EntityKind::Region,
            EntityClass::Place(PlaceKind::Place) => EntityKind::Place,
        };
        let i = facts.entity(kind, &name);
        facts.entities[i].schema = facts.entities[i].schema.or(schema);
        let surface = span.of(doc.text);
        if surface != name {
            facts.entities[i].alternate.insert(surface.to_string());
        }
        facts.mentions.push(Mention { span, entity: i, reason });
    }
}

/// The names of `named` (in text order) that start inside `span`: a sentence's names, found without a scan.
fn starting_in(named: &[(Span, EntityClass, String)], span: Span) -> &[(Span, EntityClass, String)] {
    let from = named.partition_point(|n| n.0.start < span.start);
    let to = named.partition_point(|n| n.0.start < span.end);
    &named[from..to]
}

/// The parts of a hyphenated token with their spans ("U.S.-backed" → "U.S.", "backed").
pub fn hyphen_parts(text: &str, token: &Token) -> Vec<Span> {
    let s = token.span.of(text);
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, c) in s.char_indices() {
        if c == '-' && i > 0 && !s[..i].ends_with('-') {
            parts.push(Span::new(token.span.start + start, token.span.start + i));
            start = i + 1;
        }
    }
    parts.push(Span::new(token.span.start + start, token.span.end));
    parts
}

/// Longest gazetteer matches over runs of tokens, plus the named parts of hyphenated tokens.
fn gazetteer_matches(doc: &Document, sentence: &Sentence, out: &mut Vec<(Span, EntityClass, String)>) {
    let tokens = &sentence.tokens;
    let lex = &*LEXICON;
    let mut key = String::new();
    let mut i = 0;
    while i < tokens.len() {
        let first = doc.tok(&tokens[i]);
        if !first.chars().next().is_some_and(char::is_uppercase) {
            i += 1;
            continue;
        }
        let mut matched = 0;
        for n in lex.gazetteer.lengths_from(first, tokens.len() - i) {
            if let Some(entry) = lex.place_or_org(doc.key(&tokens[i..i + n], &mut key)) {
                let span = Span::new(tokens[i].span.start, tokens[i + n - 1].span.end);
                out.push((span, entry.class, entry.name.clone()));
                matched = n;
                break;
            }
        }
        if matched == 0 && first.contains('-') {
            for part in hyphen_parts(doc.text, &tokens[i]) {
                if let Some(entry) = lex.place_or_org(part.of(doc.text)) {
                    out.push((part, entry.class, entry.name.clone()));
                }
            }
        }
        i += matched.max(1);
    }
}

/// The token index range of each capitalised run (names with particles and initials).
fn capitalised_runs(doc: &Document, tokens: &[Token]) -> Vec<(usize, usize)> {
    let lex = &*LEXICON;
    let mut runs = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let w = doc.tok(&tokens[i]);
        if tokens[i].kind != TokenKind::Word || !is_capitalised(w) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < tokens.len() {
            let w = doc.tok(&tokens[j]);
            let next_cap = tokens.get(j + 1).is_some_and(|t| is_capitalised(doc.tok(t)));
            if tokens[j].kind == TokenKind::Word
                && (is_capitalised(w) || lex.suffixes.contains(w) || is_particle_joined(w))
                || (lex.particles.contains(w) && next_cap)
            {
                j += 1;
            } else {
                break;
            }
        }
        runs.push((i, j));
        i = j;
    }
    runs
}

/// A name particle joined to a capitalised name by a hyphen: "al-Amr", "el-Sisi", "bin-Laden".
fn is_particle_joined(word: &str) -> bool {
    word.split_once('-').is_some_and(|(particle, rest)| {
        LEXICON.particles.contains(particle) && rest.chars().next().is_some_and(char::is_uppercase)
    })
}

/// Whether a word names an organisation, facility or prize rather than a person ("Foundation", "Prize-winner").
fn is_org_head(word: &str) -> bool {
    let heads = &LEXICON.org_heads;
    heads.contains(&*lower(word)) || word.split_once('-').is_some_and(|(a, _)| heads.contains(&*lower(a)))
}

/// Words naming a field that may stand before a title and belong to it ("market economist", "currency strategist",
/// "project manager").
const FIELD_WORDS: &[&str] = &[
    "bond",
    "credit",
    "currency",
    "data",
    "defence",
    "defense",
    "energy",
    "equity",
    "fashion",
    "film",
    "fund",
    "investment",
    "market",
    "marketing",
    "markets",
    "music",
    "news",
    "oil",
    "policy",
    "portfolio",
    "product",
    "program",
    "programme",
    "project",
    "research",
    "risk",
    "sales",
    "security",
    "strategy",
    "technical",
    "technology",
];

/// [`FIELD_WORDS`] as a set: it is asked about every token a title could start at.
static FIELD_WORD_SET: LazyLock<FastSet<&'static str>> = LazyLock::new(|| FIELD_WORDS.iter().copied().collect());

/// Portfolios that name an office after "of" or "for": "Minister of Education", "Commissioner for Competition".
pub const PORTFOLIOS: &[&str] = &[
    "acquisition",
    "agriculture",
    "commerce",
    "communications",
    "competition",
    "culture",
    "defence",
    "defense",
    "economy",
    "education",
    "energy",
    "engineering",
    "environment",
    "finance",
    "health",
    "housing",
    "immigration",
    "industry",
    "investments",
    "justice",
    "labor",
    "labour",
    "marketing",
    "operations",
    "photography",
    "research",
    "sales",
    "tourism",
    "trade",
    "transport",
];

/// The length of the longest title (with rank prefixes, field words and a portfolio) starting at token `i`, and its
/// label.
pub fn title_at(doc: &Document, tokens: &[Token], i: usize) -> Option<(usize, String)> {
    let (n, label) = bare_title_at(doc, tokens, i)?;
    // "Undersecretary for Education", "assistant professor of photography": the portfolio is part of the office.
    let lower = |k: usize| tokens.get(k).map(|t| doc.lower(t)).unwrap_or_default();
    let (of, portfolio) = (lower(i + n), lower(i + n + 1));
    let capital = |k: usize| tokens.get(k).is_some_and(|t| is_capitalised(doc.tok(t)));
    // Not "director of Urban Studies at Yale": a one-word name after it makes it a department's name.
    let department = capital(i + n + 2) && !capital(i + n + 3);
    if matches!(&*of, "of" | "for") && PORTFOLIOS.contains(&&*portfolio) && !department {
        return Some((n + 2, format!("{label} {of} {portfolio}")));
    }
    Some((n, label))
}

/// A title with its rank prefixes and field words, the longest reading: "chief financial officer" is one title,
/// "chief market economist" and "head trader" a rank before a title.
fn bare_title_at(doc: &Document, tokens: &[Token], i: usize) -> Option<(usize, String)> {
    let lex = &*LEXICON;
    let lower = |k: usize| tokens.get(k).map(|t| doc.lower(t));
    let direct = |k: usize| {
        let first = lower(k)?;
        let mut key = String::new();
        lex.titles
            .lengths_from(&first, tokens.len() - k)
            .find_map(|n| lex.title(doc.lower_key(&tokens[k..k + n], &mut key)).map(|t| (n, t.label.clone())))
    };
    // A title, or one or two field words and a title.
    let headed = |k: usize| {
        direct(k).or_else(|| {
            let mut fields = Vec::new();
            let mut m = k;
            let capital = |k: usize| tokens.get(k).is_some_and(|t| is_capitalised(doc.tok(t)));
            while fields.len() < 2 {
                let w = lower(m).filter(|w| FIELD_WORD_SET.contains(&**w))?;
                fields.push(w.into_owned());
                m += 1;
                // "market strategist", "Market Strategist", but not "the news | European Commissioner".
                if let Some((n, label)) = direct(m).filter(|_| capital(m) == capital(k)) {
                    return Some((m + n - k, format!("{} {label}", fields.join(" "))));
                }
            }
            None
        })
    };
    let mut best: Option<(usize, String)> = None;
    let mut prefix = String::new();
    let mut k = i;
    loop {
        if let Some((n, label)) = headed(k) {
            if best.as_ref().is_none_or(|b| k + n - i > b.0) {
                best = Some((k + n - i, format!("{prefix}{label}")));
            }
        }
        let w = lower(k)?;
        match lex.title_prefixes.get(&*w) {
            Some(p) if k + 1 < tokens.len() => {
                prefix.push_str(p.trim());
                if !p.ends_with('-') {
                    prefix.push(' ');
                }
                k += 1;
            }
            _ => break,
        }
    }
    if best.is_some() {
        return best;
    }
    // A hyphenated prefix glued to the title: "vice-president", "co-founder", "ex-minister".
    let w = lower(k)?;
    if let Some((head, rest)) = w.split_once('-') {
        if let (Some(p), Some(title)) =
            (lex.title_prefixes.get(&format!("{head}-")).or(lex.title_prefixes.get(head)), lex.title(rest))
        {
            let joined = if p.ends_with('-') { format!("{p}{}", title.label) } else { format!("{p} {}", title.label) };
            return Some((k + 1 - i, format!("{prefix}{joined}")));
        }
    }
    None
}

/// A plural title ("presidents", "councillors"): its length and singular label.
pub fn plural_title(doc: &Document, tokens: &[Token], i: usize) -> Option<(usize, String)> {
    let w = doc.lower(tokens.get(i)?);
    let title = match w.strip_suffix("ies") {
        Some(s) => LEXICON.title(&format!("{s}y")),
        None => LEXICON.title(w.strip_suffix('s')?),
    };
    title.map(|t| (1, t.label.clone()))
}

/// What one capitalised run reads as.
enum RunReading {
    /// A name with evidence that it is a person's.
    Person(Vec<String>),
    /// A name-shaped run (two or three name words) without evidence; a person when listed with one ("A, B and C").
    Listable(Vec<String>),
    No,
}

/// Find name candidates in one sentence, stripping leading titles, honorifics, demonyms and places.
fn find_names(doc: &Document, sentence: &Sentence, named: &[(Span, EntityClass, String)], out: &mut Vec<Candidate>) {
    let tokens = &sentence.tokens;
    let heading = doc.in_heading(sentence);
    let runs: Vec<(usize, usize, RunReading)> = capitalised_runs(doc, tokens)
        .into_iter()
        .map(|(start, end)| (start, end, read_run(doc, sentence, named, start, end)))
        .collect();
    // A name-shaped run listed next to a person's name is a person too: "Romelu Lukaku, Yannick Carrasco and ...".
    let mut person: Vec<bool> = runs.iter().map(|r| matches!(r.2, RunReading::Person(_))).collect();
    let listed = |a: &(usize, usize, RunReading), b: &(usize, usize, RunReading)| {
        let between: Vec<&str> = tokens[a.1..b.0].iter().map(|t| doc.tok(t)).collect();
        matches!(between.as_slice(), [","] | ["and"] | [",", "and"] | ["or"])
    };
    let mut changed = true;
    while changed {
        changed = false;
        for k in 0..runs.len() {
            if person[k] || !matches!(runs[k].2, RunReading::Listable(_)) {
                continue;
            }
            let before = k > 0 && person[k - 1] && listed(&runs[k - 1], &runs[k]);
            let after = k + 1 < runs.len() && person[k + 1] && listed(&runs[k], &runs[k + 1]);
            if before || after {
                person[k] = true;
                changed = true;
            }
        }
    }
    for (k, (_, _, reading)) in runs.into_iter().enumerate() {
        match reading {
            RunReading::Person(words) | RunReading::Listable(words) if person[k] => {
                out.push(Candidate { words, heading });
            }
            _ => {}
        }
    }
}

/// Read one capitalised run `start..end`: strip titles, honorifics, demonyms and places before the name, and weigh
/// the evidence that what is left is a person's name.
fn read_run(
    doc: &Document,
    sentence: &Sentence,
    named: &[(Span, EntityClass, String)],
    start: usize,
    end: usize,
) -> RunReading {
    let lex = &*LEXICON;
    let tokens = &sentence.tokens;
    let lower = |k: usize| doc.lower(&tokens[k]);
    let mut i = start;
    let mut titled = false;
    // "the Irving Police Department", "a Booker Prize-winner": a determiner is not followed by a bare name.
    let mut determiner = start > 0 && matches!(&*lower(start - 1), "the" | "a" | "an");
    // "Acme Corps", "Ford Falcon": what follows a place or organisation name is most often more of that name.
    let mut after_named = false;
    // Evidence before the run: "spokesman Dmitri S. Peskov", "Mr. Smith", "photographers Nat Finkelstein",
    // "photographers such as Ansel Adams"; "adviser to Trump" is not.
    // "Commissioner for Competition Neelie Kroes": the portfolio belongs to the title.
    if i > 1
        && matches!(&*lower(i - 1), "of" | "for")
        && PORTFOLIOS.contains(&&*lower(i))
        && ends_title(doc, tokens, i - 1)
        && end - i > 2
    {
        i += 1;
        titled = true;
    } else if i > 0 {
        let prev = doc.tok(&tokens[i - 1]);
        if lex.is_honorific(prev) || ends_title(doc, tokens, i) || plural_title(doc, tokens, i - 1).is_some() {
            titled = true;
        } else if i > 2 && lower(i - 2) == "such" && lower(i - 1) == "as" {
            titled = end - start >= 2 && (i.saturating_sub(10)..i - 2).any(|k| plural_title(doc, tokens, k).is_some());
        }
    }
    while i < end {
        let w = doc.tok(&tokens[i]);
        let rest = end - i;
        if NOT_NAME_SET.contains(w)
            && !(i == start && rest > 1 && lex.given_names.contains(w) && !is_sentence_start(tokens, sentence, i))
        {
            determiner |= matches!(w, "The" | "A" | "An");
            i += 1;
            titled = false;
            continue;
        }
        if lex.is_honorific(w) {
            titled = true;
            after_named = false;
            i += 1;
            continue;
        }
        if lex.demonyms.contains_key(w) && rest > 1 {
            after_named = true;
            i += 1;
            continue;
        }
        // A gazetteer name comes before titles: "General Motors" is an organisation, not General Motors.
        if let Some(&(span, _, _)) = named.iter().find(|(s, _, _)| s.start == tokens[i].span.start) {
            let n = tokens[i..end].iter().take_while(|t| t.span.end <= span.end).count();
            if n > 0 && !lex.given_names.contains(w) {
                i += n;
                titled = false;
                after_named = true;
                continue;
            }
        }
        if let Some((n, _)) = title_at(doc, tokens, i).filter(|(n, _)| i + n < end) {
            titled = true;
            after_named = false;
            i += n;
            continue;
        }
        break;
    }
    // Cut the run at the first word that cannot be in a name (a weekday, "The"), but keep a short surname after a
    // given name ("Kevin Or").
    let mut j = i;
    while j < end {
        let w = doc.tok(&tokens[j]);
        let short_surname = j == end - 1
            && j > i
            && SHORT_SURNAME_WORDS.contains(&w)
            && lex.given_names.contains(doc.tok(&tokens[j - 1]))
            && !doc.in_heading(sentence);
        if NOT_NAME_SET.contains(w) && !short_surname {
            break;
        }
        j += 1;
    }
    if j <= i {
        return RunReading::No;
    }
    // "for Acquisition Darleen Druyun": a name that starts with a known given name inside a longer run.
    if !titled && j - i >= 3 && !lex.given_names.contains(doc.tok(&tokens[i])) {
        if let Some(k) = (i + 1..j - 1).find(|&k| {
            let w = doc.tok(&tokens[k]);
            lex.given_names.contains(w) && !lex.ambiguous_given_names.contains(w)
        }) {
            i = k;
        }
    }
    // "Pan-democrat Lam Cheuk-ting": a surname and hyphenated given name end the run.
    if !titled
        && j - i >= 3
        && is_hyphenated_given(doc.tok(&tokens[j - 1]))
        && !lex.given_names.contains(doc.tok(&tokens[i]))
    {
        i = j - 2;
    }
    let words: Vec<String> = tokens[i..j].iter().map(|t| doc.tok(t).to_string()).collect();
    let span = Span::new(tokens[i].span.start, tokens[j - 1].span.end);
    if named.iter().any(|(s, _, _)| *s == span) {
        return RunReading::No;
    }
    // "Andy Warhol Foundation", "Irving Police Department", "John F. Kennedy airport": named after a person, or an
    // organisation whatever its first words.
    let facility_after = j == end
        && tokens.get(j).is_some_and(|t| {
            let w = doc.tok(t);
            w.chars().all(char::is_lowercase) && lex.org_heads.contains(w)
        });
    if facility_after || words.iter().any(|w| is_org_head(w)) {
        return RunReading::No;
    }
    let first = words[0].as_str();
    // "American", "Russian": a demonym alone is a nationality.
    if words.len() == 1 && lex.demonyms.contains_key(first) {
        return RunReading::No;
    }
    let given = lex.given_names.contains(first)
        && (!lex.ambiguous_given_names.contains(first) || !is_sentence_start(tokens, sentence, i));
    if after_named && !titled && !given {
        return RunReading::No;
    }
    let middle_initial = words.len() >= 3 && words[1..words.len() - 1].iter().any(|w| is_initial(w));
    // East Asian names romanised with a hyphenated given name: "Leung Kwok-hung", "Kim Jong-un".
    let hyphenated_given = (2..=3).contains(&words.len()) && words.last().is_some_and(|w| is_hyphenated_given(w));
    // "Smith beat Jones 6-3 6-2": the sides of a match scored in sets are players.
    let player = organisations::scores(doc, tokens) == organisations::Result::Players
        && organisations::result_side(doc, tokens, i, j)
        && words.len() <= 3;
    let verb_after = player
        || tokens.get(j).is_some_and(|t| PERSON_VERBS.contains(&doc.tok(t)))
        || (tokens.get(j).is_some_and(|t| doc.tok(t) == ",") && apposition_title(doc, tokens, j + 1));
    let evidence = if determiner && !titled {
        words.len() >= 2 && given
    } else {
        (words.len() >= 2 && (given || middle_initial || hyphenated_given))
            || titled
            || (verb_after && words.len() <= 3 && lex.place_or_org(&words.join(" ")).is_none())
    };
    let all_caps_word =
        words.iter().any(|w| w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase) && w.len() > 2);
    // "chief executive Rick Wagoner and Prime Minister ...": a title is not a name.
    let a_title = title_at(doc, tokens, i).is_some_and(|(n, _)| i + n >= j);
    let affiliation = i > 0 && matches!(&*lower(i - 1), "of" | "from" | "at" | "in");
    if all_caps_word || words.len() > 5 || a_title {
        RunReading::No
    } else if evidence {
        RunReading::Person(words)
    } else if (2..=3).contains(&words.len())
        && !determiner
        && !affiliation
        && !after_named
        && !is_sentence_start(tokens, sentence, i)
        && words.iter().all(|w| name_like(w))
    {
        RunReading::Listable(words)
    } else {
        RunReading::No
    }
}

/// A word shaped like a name: a capital, then lower-case letters, apostrophes or hyphens ("Lukaku", "O'Neil",
/// "Kwok-hung"), or an initial; not "MacBook" or "iPod".
fn name_like(word: &str) -> bool {
    is_initial(word)
        || word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(|c| c.is_lowercase() || c == '\'' || c == '-')
            && word.chars().count() >= 2
}

/// A romanised East Asian given name with a hyphen: "Kwok-hung", "Jong-un", "Hee-Chan" (not "Scientology-related").
fn is_hyphenated_given(word: &str) -> bool {
    let mut parts = word.split('-');
    let (a, b, c) = (parts.next(), parts.next(), parts.next());
    let syllable = |s: &str| {
        (2..=6).contains(&s.chars().count())
            && s.chars().next().is_some_and(char::is_alphabetic)
            && s.chars().skip(1).all(char::is_lowercase)
    };
    c.is_none()
        && a.is_some_and(|a| syllable(a) && a.starts_with(char::is_uppercase))
        && b.is_some_and(|b| syllable(b) && b.chars().count() <= 6)
}

fn is_sentence_start(tokens: &[Token], sentence: &Sentence, i: usize) -> bool {
    tokens[i].span.start == sentence.span.start
}

/// Whether a title ends right before token `i` ("Kremlin spokesman | Dmitri").
fn ends_title(doc: &Document, tokens: &[Token], i: usize) -> bool {
    let Some(last) = i.checked_sub(1).map(|k| doc.lower(&tokens[k])) else { return false };
    let mut key = String::new();
    LEXICON.titles.lengths_to(&last, i).any(|n| {
        LEXICON.title(doc.lower_key(&tokens[i - n..i], &mut key)).is_some()
            && !(n == 1 && not_a_title_here(doc.tok(&tokens[i - 1])))
    })
}

/// A one-word title that, written this way right before a name, is something else: "a major Warhol donor", "next
/// model Falcon" (ranks are capitalised before names, "Major Ellis"), and initials ("K.C. Maurer", not King's
/// Counsel Maurer).
pub fn not_a_title_here(word: &str) -> bool {
    matches!(word, "major" | "general" | "private" | "model")
        || word.len() >= 4
            && word.split_terminator('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// Whether an apposition starting at token `i` begins with a title ("the U.S. special envoy").
fn apposition_title(doc: &Document, tokens: &[Token], mut i: usize) -> bool {
    for _ in 0..6 {
        if i >= tokens.len() {
            return false;
        }
        if title_at(doc, tokens, i).is_some() {
            return true;
        }
        let w = doc.tok(&tokens[i]);
        if matches!(&*doc.lower(&tokens[i]), "the" | "a" | "an" | "'s" | "former" | "formerly")
            || is_capitalised(w)
            || w.contains('.')
        {
            i += 1;
        } else {
            return false;
        }
    }
    false
}

/// Canonical words of a name: honorifics gone, middle initials dropped ("Vladimir V. Putin" → "Vladimir Putin").
fn canonical(words: &[String]) -> Vec<String> {
    if words.len() <= 2 {
        return words.to_vec();
    }
    let last = words.len() - 1;
    words.iter().enumerate().filter(|(i, w)| *i == 0 || *i == last || !is_initial(w)).map(|(_, w)| w.clone()).collect()
}

/// Group the body's name candidates into people: same canonical name, or a shorter form of one full name.
fn resolve_people(candidates: &[Candidate]) -> Vec<PersonDraft> {
    let mut people: Vec<PersonDraft> = Vec::new();
    let mut by_key: HashMap<Vec<String>, usize> = HashMap::new();
    let mut by_surname: HashMap<String, Vec<usize>> = HashMap::new();
    let body = || candidates.iter().filter(|c| !c.heading);
    // Full names first, longest first, so that shorter forms can join them.
    let mut full: Vec<&Candidate> = body().filter(|c| c.words.len() >= 2).collect();
    full.sort_by_key(|c| std::cmp::Reverse(canonical(&c.words).len()));
    for c in full {
        let key = canonical(&c.words);
        // The people of this surname, in the order they were found (the first that fits is taken).
        let namesakes = key.last().and_then(|l| by_surname.get(l)).map(Vec::as_slice).unwrap_or_default();
        let existing = by_key.get(&key).copied().or_else(|| {
            // "Tayyip Erdoğan" joins "Recep Tayyip Erdoğan": same surname, words in order.
            namesakes.iter().copied().find(|&p| is_subsequence(&key, &people[p].key)).or_else(|| {
                // "Kristin Wilkins" joins "Kristen Wilkins": a given name spelled two ways (issue: typos are forms).
                namesakes.iter().copied().find(|&p| {
                    let p = &people[p].key;
                    p.len() == 2 && key.len() == 2 && is_typo_of(&key[0], &p[0], 6)
                })
            })
        });
        let i = existing.unwrap_or_else(|| {
            people.push(PersonDraft { key: key.clone(), forms: BTreeSet::new() });
            if let Some(last) = key.last() {
                by_surname.entry(last.clone()).or_default().push(people.len() - 1);
            }
            people.len() - 1
        });
        by_key.insert(key, i);
        people[i].forms.insert(c.words.join(" "));
    }
    for c in body().filter(|c| c.words.len() == 1) {
        let word = &c.words[0];
        let unique = |found: Vec<usize>| (found.len() == 1).then(|| found[0]);
        let i = people
            .iter()
            .position(|p| p.key.last() == Some(word) || p.key.first() == Some(word) && p.key.len() == 1)
            .or_else(|| {
                // "Steve" for Steve Jobs: a given name alone, when one person of the article bears it.
                let bearers =
                    people.iter().enumerate().filter(|(_, p)| p.key.len() >= 2 && p.key.first() == Some(word));
                unique(bearers.map(|(i, _)| i).collect()).filter(|_| LEXICON.given_names.contains(word.as_str()))
            })
            .or_else(|| {
                // "DesRoiser" for Dennis DesRosier: a misspelt surname of one person of the article.
                let close = people
                    .iter()
                    .enumerate()
                    .filter(|(_, p)| p.key.len() >= 2 && p.key.last().is_some_and(|l| is_typo_of(word, l, 5)));
                unique(close.map(|(i, _)| i).collect())
            });
        match i {
            Some(i) => {
                people[i].forms.insert(word.clone());
            }
            None => {
                people.push(PersonDraft { key: vec![word.clone()], forms: BTreeSet::from([word.clone()]) });
            }
        }
    }
    people
}

/// Whether `a` is `b` with one letter changed, added, dropped or two neighbours swapped, both at least `min`
/// letters long and starting alike.
fn is_typo_of(a: &str, b: &str, min: usize) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a == b || a.len().min(b.len()) < min || a.first() != b.first() || a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a.iter().rev().zip(b.iter().rev()).take_while(|(x, y)| x == y).count();
    let longest = a.len().max(b.len());
    if a.len() != b.len() {
        return head + tail >= longest - 1;
    }
    head + tail >= longest - 1 || (head + tail + 2 == longest && a[head] == b[head + 1] && a[head + 1] == b[head])
}

fn is_subsequence(short: &[String], long: &[String]) -> bool {
    let mut it = long.iter();
    short.iter().all(|w| it.any(|l| l == w))
}

/// Every mention of the people found: full forms, surnames (the nearest earlier bearer when two people share
/// one), and names inside hyphenated words ("Trump-Putin"), in headlines too.
fn link_people(
    doc: &Document,
    people: &[PersonDraft],
    named: &[(Span, EntityClass, String)],
) -> Vec<(Span, usize, String)> {
    let mut forms: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, p) in people.iter().enumerate() {
        let mut add = |form: String| {
            let v = forms.entry(form).or_default();
            if !v.contains(&i) {
                v.push(i);
            }
        };
        add(p.key.join(" "));
        for form in &p.forms {
            add(form.clone());
        }
        if p.key.len() >= 2 {
            add(p.key.last().unwrap().clone());
        }
    }
    let max_words = forms.keys().map(|f| f.split(' ').count()).max().unwrap_or(1);
    let mut out: Vec<(Span, usize, String)> = Vec::new();
    let mut last_seen: HashMap<usize, usize> = HashMap::new();
    let choose = |span: Span, found: &[usize], surface: &str, last_seen: &mut HashMap<usize, usize>| {
        let p = if found.len() == 1 {
            found[0]
        } else {
            *found.iter().max_by_key(|p| last_seen.get(p).copied().unwrap_or(0)).unwrap()
        };
        last_seen.insert(p, span.start + 1);
        let name = people[p].key.join(" ");
        let reason = if surface == name {
            "full name".to_string()
        } else if people[p].key.last().is_some_and(|l| l == surface) {
            format!("surname of {name}")
        } else {
            format!("name form of {name}")
        };
        (span, p, reason)
    };
    for sentence in &doc.sentences {
        let tokens = &sentence.tokens;
        let mut i = 0;
        while i < tokens.len() {
            let mut matched = 0;
            if is_capitalised(doc.tok(&tokens[i])) {
                for n in (1..=max_words.min(tokens.len() - i)).rev() {
                    let key: Vec<&str> = tokens[i..i + n].iter().map(|t| doc.tok(t)).collect();
                    let surface = key.join(" ");
                    if let Some(found) = forms.get(&surface) {
                        let span = Span::new(tokens[i].span.start, tokens[i + n - 1].span.end);
                        // A place or organisation name that merely contains a surname stays what it is.
                        // ... and so does an organisation named after a person ("Andy Warhol Foundation").
                        let inside_named = starting_in(named, sentence.span).iter().any(|(s, class, _)| {
                            s.contains(span) && *s != span && (n == 1 || *class == EntityClass::Organization)
                        });
                        if !inside_named {
                            out.push(choose(span, found, &surface, &mut last_seen));
                        }
                        matched = n;
                        break;
                    }
                }
                if matched == 0 && doc.tok(&tokens[i]).contains('-') {
                    for part in hyphen_parts(doc.text, &tokens[i]) {
                        if let Some(found) = forms.get(part.of(doc.text)) {
                            out.push(choose(part, found, part.of(doc.text), &mut last_seen));
                        }
                    }
                }
            }
            i += matched.max(1);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Facts;

    fn people(text: &str) -> Vec<(String, Vec<String>)> {
        let doc = Document::parse(text);
        let mut facts = Facts::default();
        extract(&doc, &mut facts);
        facts
            .entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == EntityKind::Person)
            .map(|(i, e)| {
                let mentions =
                    facts.mentions.iter().filter(|m| m.entity == i).map(|m| m.span.of(text).to_string()).collect();
                (e.name.clone(), mentions)
            })
            .collect()
    }

    #[test]
    fn headline_words_are_not_people_but_headline_names_are_linked() {
        let text = "Putin Meets U.S. Envoy in Moscow\nRussian President Vladimir V. Putin met the envoy. Putin smiled.";
        let got = people(text);
        assert_eq!(
            got,
            vec![("Vladimir Putin".to_string(), vec!["Putin".into(), "Vladimir V. Putin".into(), "Putin".into()])]
        );
    }

    #[test]
    fn titles_honorifics_and_reporting_verbs_are_evidence() {
        let got = people("Kremlin spokesman Dmitri S. Peskov spoke. Mr. Okonkwo arrived. Lindqvist said it was over.");
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["Dmitri Peskov", "Okonkwo", "Lindqvist"]);
    }

    #[test]
    fn two_people_with_one_surname_stay_two() {
        let got = people("David Miller and Sarah Miller arrived. Later Sarah Miller spoke, and Miller agreed.");
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["David Miller", "Sarah Miller"]);
        // The bare surname goes to the bearer mentioned last.
        assert_eq!(got[1].1.len(), 3);
    }

    #[test]
    fn an_organisation_inside_a_hyphenated_word_does_not_stall_the_name_finder() {
        // Regression: "Scientology-related" once looped forever in `find_names`.
        assert!(people("Montalvo left Scientology-related employment. A Boeing-made plane landed.").is_empty());
    }

    #[test]
    fn romanised_names_with_a_hyphenated_given_name() {
        let got =
            people("Lawmaker Chan Tai-man and pan-democrat Leung Siu-ming lost; the Scientology-related firm won.");
        let names: Vec<&str> = got.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, vec!["Chan Tai-man", "Leung Siu-ming"]);
    }

    #[test]
    fn an_organisation_named_with_a_title_word_is_not_a_person() {
        assert!(people("General Motors said on Monday that sales fell.").is_empty());
    }

    #[test]
    fn hyphenated_pairs_name_both_people() {
        let got = people("President Donald Trump spoke. Vladimir Putin listened. A Trump-Putin call is planned.");
        assert_eq!(got.len(), 2);
        assert!(got.iter().all(|(_, m)| m.len() == 2), "{got:?}");
    }
}
