//! Roles: who holds which title, in which organisation or country, and towards whom.
//!
//! Patterns, each anchored on a person mention: a title before the name ("Kremlin spokesman Dmitri S. Peskov",
//! "Russian President Vladimir V. Putin"), an apposition after it ("Steve Witkoff, the U.S. special envoy",
//! "Michael Waltz, national security adviser to Trump", "Taro Aso, Japan's prime minister"), and a copula
//! ("X is the chief executive of Y", "X as its new chief executive"), a title of an organisation before the name
//! ("Secretary of the Navy Laura Chen") and coordinated titles ("CEO and co-founder"). The organisation is
//! the one written before the title (known, a demonym, or as written: "NATO", "Nokia's"), after it ("of", "at",
//! "for"), after the name ("musician A of Duran Duran"), or the one named last before "its" / "the company's".
//! Titles come from `data/titles.tsv` with their normalised label, rank and field words kept ("chief market
//! economist"); demonyms and country abbreviations resolve to the country. The same (person, role, organisation) is
//! one record, and a shorter form of a title the person holds joins it ("Professor B" after "Emeritus Professor").

use crate::extract::entities::{is_capitalised, not_a_title_here, plural_title, title_at};
use crate::extract::{EntityKind, Facts};
use crate::lexicon::LEXICON;
use crate::text::{Document, Span, Token, TokenKind};

/// Words that make a different office of the title they precede ("vice president", "deputy prime minister").
const RANKS: &[&str] = &[
    "vice",
    "deputy",
    "assistant",
    "associate",
    "under",
    "sub",
    "lieutenant",
    "major",
    "brigadier",
    "shadow",
    "prime",
];

/// A person holding a title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Role {
    pub person: usize,
    /// The normalised role label, lower case ("special envoy").
    pub label: String,
    pub organization: Option<usize>,
    pub towards: Option<usize>,
    pub former: bool,
    /// The title as written with its organisation ("Kremlin spokesman").
    pub job_title: String,
    /// The spans of the title words, one for each time the text gives the role.
    pub spans: Vec<Span>,
}

/// What a role pattern found before merging.
struct Found {
    person: usize,
    label: String,
    organization: Option<usize>,
    towards: Option<usize>,
    former: bool,
    job_title: String,
    span: Span,
}

/// Find the roles of every person mentioned in the body.
pub fn extract(doc: &Document, facts: &mut Facts) {
    // The stage adds entities but no mention: one index of the mentions serves it all.
    facts.index_mentions();
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let tokens = &sentence.tokens;
        let mut person_mentions: Vec<(usize, usize, usize)> = facts
            .mentions_inside(sentence.span)
            .filter(|m| facts.entities[m.entity].kind == EntityKind::Person)
            .filter_map(|m| {
                let start = tokens.iter().position(|t| t.span.start == m.span.start)?;
                let end = tokens.iter().position(|t| t.span.end == m.span.end)? + 1;
                Some((start, end, m.entity))
            })
            .collect();
        person_mentions.sort();
        found.extend(listed(doc, facts, tokens, &person_mentions));
        // The organisation of the title before the last name: "The NATO Secretary A and Vice President B".
        let mut previous: Option<(usize, Option<usize>)> = None;
        for &(start, end, person) in &person_mentions {
            let mut before = before_name(doc, facts, tokens, start, end, person);
            if let Some((prev_end, Some(org))) = previous {
                for f in before.iter_mut().filter(|f| f.organization.is_none()) {
                    let title = tokens.iter().position(|t| t.span.start == f.span.start).unwrap_or(0);
                    if title == prev_end + 1 && doc.tok(&tokens[prev_end]) == "and" {
                        f.organization = Some(org);
                    }
                }
            }
            previous = Some((end, before.first().and_then(|f| f.organization)));
            found.extend(before);
            found.extend(after_name(doc, facts, tokens, end, person, &person_mentions));
        }
    }
    facts.roles = merge(found);
}

/// "councillors A of X, B and C", "photographers such as A, B and C": every listed person holds the title.
fn listed(doc: &Document, facts: &mut Facts, tokens: &[Token], people: &[(usize, usize, usize)]) -> Vec<Found> {
    let lower = |k: usize| tokens.get(k).map(|t| doc.tok(t).to_lowercase()).unwrap_or_default();
    let mut out = Vec::new();
    for i in 0..tokens.len() {
        let Some((n, label)) = plural_title(doc, tokens, i) else { continue };
        let span = Span::new(tokens[i].span.start, tokens[i + n - 1].span.end);
        let mut k = i + n;
        if lower(k) == "such" && lower(k + 1) == "as" {
            k += 2;
        }
        let mut listed = Vec::new();
        while let Some(&(_, end, person)) = people.iter().find(|p| p.0 == k) {
            // "publishers A of Rolling Stone and B of la Repubblica": each with the organisation after the name.
            let organization = org_after_name(doc, facts, tokens, end);
            listed.push((person, organization));
            // Skip what follows the name ("of the Labour Party", "(tennis)") up to the next separator.
            k = end;
            let mut steps = 0;
            let mut depth = 0;
            while k < tokens.len() && steps < 8 {
                match lower(k).as_str() {
                    "(" => depth += 1,
                    ")" => depth -= 1,
                    "," | "and" | ";" | "." if depth == 0 => break,
                    _ => {}
                }
                k += 1;
                steps += 1;
            }
            if lower(k) == "," && lower(k + 1) == "and" {
                k += 1;
            }
            if !matches!(lower(k).as_str(), "," | "and") {
                break;
            }
            k += 1;
        }
        if listed.len() >= 2 {
            for (person, organization) in listed {
                let job_title = span.of(doc.text).to_string();
                out.push(Found {
                    person,
                    label: label.clone(),
                    organization,
                    towards: None,
                    former: false,
                    job_title,
                    span,
                });
            }
        }
    }
    out
}

/// "[former] [ORG|Demonym|ORG's|its] [prefix] TITLE [and TITLE] NAME [of ORG]" and "TITLE of|for [the] ORG[,] NAME".
fn before_name(
    doc: &Document,
    facts: &mut Facts,
    tokens: &[Token],
    name: usize,
    name_end: usize,
    person: usize,
) -> Vec<Found> {
    let mut k = name;
    if k > 0 && LEXICON.is_honorific(doc.tok(&tokens[k - 1])) {
        k -= 1;
    }
    let max = LEXICON.titles.max_tokens + 3;
    let ends_at = |k: usize| {
        (k.saturating_sub(max)..k)
            .find_map(|s| title_at(doc, tokens, s).filter(|(n, _)| s + n == k).map(|(_, l)| (s, l)))
    };
    // "Malaysia's Prime Minister, Najib Razak": the title may be set off by a comma.
    let comma = k > 1 && doc.tok(&tokens[k - 1]) == "," && (k < 3 || doc.tok(&tokens[k - 3]) != ",");
    let ((start, label), k) = match ends_at(k) {
        Some(found) => (found, k),
        None if comma => match ends_at(k - 1) {
            Some(found) => (found, k - 1),
            None => return title_of_org(doc, facts, tokens, k - 1, person).into_iter().collect(),
        },
        None => return title_of_org(doc, facts, tokens, k, person).into_iter().collect(),
    };
    if k - start == 1 && not_a_title_here(doc.tok(&tokens[start])) {
        return Vec::new();
    }
    let span = Span::new(tokens[start].span.start, tokens[k - 1].span.end);
    let (mut organization, org_start, former) = premodifier(doc, facts, tokens, start);
    let mut job_start = org_start.map_or(span.start, |s| tokens[s].span.start);
    // "Acme Robotics CEO and co-founder Dana Liu": two titles share the organisation before the first.
    let mut titles = vec![(label, span, former)];
    if start > 1 && doc.tok(&tokens[start - 1]) == "and" {
        if let Some((first, first_label)) = ends_at(start - 1) {
            let (first_org, first_org_start, first_former) = premodifier(doc, facts, tokens, first);
            let first_span = Span::new(tokens[first].span.start, tokens[start - 2].span.end);
            if organization.is_none() {
                organization = first_org;
            }
            job_start = first_org_start.map_or(first_span.start, |s| tokens[s].span.start);
            titles.push((first_label, first_span, first_former));
        }
    }
    // "drummer Tom Reyes of the Night Owls"
    if organization.is_none() {
        organization = org_after_name(doc, facts, tokens, name_end);
    }
    let job_title = doc.text[job_start..span.end].to_string();
    titles
        .into_iter()
        .map(|(label, span, former)| Found {
            person,
            label,
            organization,
            towards: None,
            former,
            job_title: job_title.clone(),
            span,
        })
        .collect()
}

/// "Secretary of the Navy Laura Chen", "CEO of the Housing Trust Omar Haddad", "Co-founder of Acme,
/// Priya Nair", "the general counsel of the company, Mark Ruiz": a title, then its organisation, before the name
/// ending at token `end`.
fn title_of_org(doc: &Document, facts: &mut Facts, tokens: &[Token], end: usize, person: usize) -> Option<Found> {
    let lower = |k: usize| tokens.get(k).map(|t| doc.tok(t).to_lowercase()).unwrap_or_default();
    if end == 0 {
        return None;
    }
    // The organisation: known, referred to, or as written (created only once the title is found).
    let (known, first) = if let Some((entity, first)) = named_ending_at(facts, tokens, end) {
        (Some(entity), first)
    } else if end > 2 && lower(end - 2) == "the" && is_company_noun(&lower(end - 1)) {
        (Some(organisation_before(facts, tokens[end - 2].span.start)?), end - 2)
    } else {
        let mut s = end;
        while s > 0 && end - s < 6 && is_org_word(doc.tok(&tokens[s - 1])) && !is_function_word(doc.tok(&tokens[s - 1]))
        {
            s -= 1;
        }
        if s == end {
            return None;
        }
        let span = Span::new(tokens[s].span.start, tokens[end - 1].span.end);
        // Not a person's name, nor a known place or organisation followed by more capitalised words: in "President
        // of the United States Barack Obama" the words after the known name start the person's name.
        let clash = facts
            .mentions_overlapping(span)
            .any(|m| facts.entities[m.entity].kind == EntityKind::Person || m.span.end < tokens[end - 1].span.end);
        if clash {
            return None;
        }
        (None, s)
    };
    let mut p = first;
    if p > 0 && lower(p - 1) == "the" {
        p -= 1;
    }
    if p == 0 || !matches!(lower(p - 1).as_str(), "of" | "for" | "at") {
        return None;
    }
    let max = LEXICON.titles.max_tokens + 3;
    let (start, label) = ((p - 1).saturating_sub(max)..p - 1)
        .find_map(|s| title_at(doc, tokens, s).filter(|(n, _)| s + n == p - 1).map(|(_, l)| (s, l)))?;
    let span = Span::new(tokens[start].span.start, tokens[p - 2].span.end);
    let former = start > 0 && is_former(doc.tok(&tokens[start - 1]));
    let job_title = doc.text[span.start..tokens[end - 1].span.end].to_string();
    let organization = known.unwrap_or_else(|| {
        facts.entity(EntityKind::Organization, &doc.text[tokens[first].span.start..tokens[end - 1].span.end])
    });
    Some(Found { person, label, organization: Some(organization), towards: None, former, job_title, span })
}

/// "of|at|from ORG" right after a name (token `end`): the organisation.
fn org_after_name(doc: &Document, facts: &mut Facts, tokens: &[Token], end: usize) -> Option<usize> {
    let word = tokens.get(end).map(|t| doc.tok(t).to_lowercase())?;
    if !matches!(word.as_str(), "of" | "at" | "from") {
        return None;
    }
    org_at(doc, facts, tokens, end + 1).map(|(o, _)| o)
}

/// The organisation or place named at token `r` (after an optional "the"): its entity and the token after it.
fn org_at(doc: &Document, facts: &mut Facts, tokens: &[Token], mut r: usize) -> Option<(usize, usize)> {
    if tokens.get(r).is_some_and(|t| doc.tok(t).eq_ignore_ascii_case("the")) {
        r += 1;
    }
    let start = tokens.get(r)?.span.start;
    if let Some(m) = facts.mentions_starting_at(start).next() {
        if facts.entities[m.entity].kind == EntityKind::Person {
            return None;
        }
        let (entity, end) = (m.entity, m.span.end);
        let next = tokens.iter().position(|t| t.span.end == end).map_or(r + 1, |x| x + 1);
        return Some((entity, next));
    }
    // "chief economist at Avalon Partners": a capitalised name the gazetteer does not know.
    let (next, name) = organisation_as_written(doc, facts, tokens, r)?;
    Some((facts.entity(EntityKind::Organization, &name), next))
}

/// Nouns that refer back to a named organisation: "the company's", "the bank's".
fn is_company_noun(word: &str) -> bool {
    matches!(
        word,
        "company" | "firm" | "group" | "bank" | "carrier" | "airline" | "automaker" | "carmaker" | "manufacturer"
    )
}

/// A word that can be part of an organisation's name: capitalised, or an acronym ("NATO", "IBM").
fn is_org_word(word: &str) -> bool {
    is_capitalised(word)
        || word.chars().count() >= 2
            && word.chars().next().is_some_and(char::is_uppercase)
            && word.chars().all(|c| c.is_uppercase() || c.is_ascii_digit() || c == '&')
}

/// The organisation or country written before a title, and whether "former" precedes it.
fn premodifier(
    doc: &Document,
    facts: &mut Facts,
    tokens: &[Token],
    title: usize,
) -> (Option<usize>, Option<usize>, bool) {
    let mut organization = None;
    let mut org_start = None;
    let mut i = title;
    let lower = |k: usize| doc.tok(&tokens[k]).to_lowercase();
    if i > 0 {
        let prev = doc.tok(&tokens[i - 1]);
        let (possessive, end) = if prev == "'s" && i > 1 { (true, i - 1) } else { (false, i) };
        // "its CEO Ralph Crosby", "the company's vice president John Smith": the organisation named last before.
        let reference = if lower(i - 1) == "its" {
            Some(i - 1)
        } else if possessive && is_company_noun(&lower(i - 2)) {
            Some(i - 2)
        } else {
            None
        };
        if let Some(r) = reference {
            if let Some(o) = possessive_reference(doc, facts, tokens, r) {
                organization = Some(o);
                org_start = Some(r);
                i = if r > 0 && lower(r - 1) == "the" { r - 1 } else { r };
            }
        } else if end > 0 {
            if let Some((entity, first)) = named_ending_at(facts, tokens, end) {
                organization = Some(entity);
                org_start = Some(first);
                i = first;
            } else if let Some(country) = LEXICON.demonyms.get(doc.tok(&tokens[end - 1])) {
                organization = Some(facts.entity(EntityKind::Country, country));
                org_start = Some(end - 1);
                i = end - 1;
            } else {
                // A capitalised run that is neither a person nor a sentence-initial word: an organisation as written
                // ("Blue Harbor Trading", "NATO", "Nokia's").
                let mut s = end;
                while s > 0 && is_org_word(doc.tok(&tokens[s - 1])) && !is_function_word(doc.tok(&tokens[s - 1])) {
                    s -= 1;
                }
                let is_person = facts
                    .mentions_ending_at(tokens[end - 1].span.end)
                    .any(|m| facts.entities[m.entity].kind == EntityKind::Person);
                let sentence_start = s == 0 && end - s == 1 && !possessive;
                if s < end && !is_person && end - s <= 4 && !sentence_start {
                    let name = doc.text[tokens[s].span.start..tokens[end - 1].span.end].to_string();
                    if LEXICON.title(&name.to_lowercase()).is_none() {
                        organization = Some(facts.entity(EntityKind::Organization, &name));
                        org_start = Some(s);
                        i = s;
                    }
                }
            }
        }
    }
    let former = i > 0 && is_former(doc.tok(&tokens[i - 1]))
        || (title > 0 && is_former(doc.tok(&tokens[title - 1])))
        || doc.tok(&tokens[title]).to_lowercase().starts_with("ex-");
    (organization, org_start, former)
}

fn is_former(word: &str) -> bool {
    LEXICON.former_markers.contains(&word.to_lowercase())
}

fn is_function_word(word: &str) -> bool {
    matches!(
        word,
        "The"
            | "A"
            | "An"
            | "In"
            | "On"
            | "At"
            | "But"
            | "And"
            | "When"
            | "While"
            | "As"
            | "After"
            | "Before"
            | "His"
            | "Her"
            | "Their"
            | "Its"
            | "This"
            | "That"
            | "By"
            | "For"
            | "With"
            | "From"
            | "Of"
            | "To"
    )
}

/// A place or organisation mention whose last token is `end - 1`: its entity and first token.
fn named_ending_at(facts: &Facts, tokens: &[Token], end: usize) -> Option<(usize, usize)> {
    let last = tokens[end - 1].span;
    let m = facts.mentions_ending_at(last.end).find(|m| {
        let kind = facts.entities[m.entity].kind;
        (kind == EntityKind::Organization
            || kind == EntityKind::Country
            || kind == EntityKind::Region
            || kind == EntityKind::City)
            && m.span.start >= tokens[0].span.start
    })?;
    let first = tokens.iter().position(|t| t.span.start <= m.span.start && m.span.start < t.span.end)?;
    Some((m.entity, first))
}

/// "NAME, [the|a|its|ORG's] [new|current] [former] [ORG|Demonym|ORG's] TITLE [and [ORG] TITLE] [of|at|for ORG]
/// [to PERSON]", "NAME is/was the TITLE of ORG" and "NAME as its new TITLE".
fn after_name(
    doc: &Document,
    facts: &mut Facts,
    tokens: &[Token],
    end: usize,
    person: usize,
    people: &[(usize, usize, usize)],
) -> Vec<Found> {
    let mut p = end;
    let lower = |i: usize| tokens.get(i).map(|t| doc.tok(t).to_lowercase()).unwrap_or_default();
    if lower(p) == "'s" {
        return Vec::new();
    }
    match lower(p).as_str() {
        "," => {
            p += 1;
            if lower(p) == "who" && matches!(lower(p + 1).as_str(), "is" | "was" | "serves" | "served") {
                p += 2;
                if lower(p) == "as" {
                    p += 1;
                }
            }
        }
        "is" | "was" | "became" | "remains" | "as" => p += 1,
        "serves" | "served" | "serving" if lower(p + 1) == "as" => p += 2,
        _ => return Vec::new(),
    }
    // "Varga was both an artist and a businessperson"
    if lower(p) == "both" {
        p += 1;
    }
    // "Mark Chen, formerly an Apple executive"
    let formerly = lower(p) == "formerly";
    if formerly {
        p += 1;
    }
    if matches!(lower(p).as_str(), "the" | "a" | "an") {
        p += 1;
    }
    let reference_at = p;
    if lower(p) == "its" {
        p += 1;
    } else if lower(p + 1) == "'s" && possessive_reference(doc, facts, tokens, p).is_some() {
        p += 2;
    }
    // Words that describe the holding, not the role: "the current chief operating officer", "its new president".
    while matches!(lower(p).as_str(), "new" | "current" | "incoming" | "longtime" | "long-time" | "then") {
        p += 1;
    }
    let mut former = formerly;
    if is_former(&lower(p)) {
        former = true;
        p += 1;
    }
    // "787 project manager": a model number before the title.
    if tokens.get(p).is_some_and(|t| doc.tok(t).chars().all(|c| c.is_ascii_digit()))
        && title_at(doc, tokens, p + 1).is_some()
    {
        p += 1;
    }
    let mut organization = None;
    let mut org_text = String::new();
    // An organisation or country premodifier: "the U.S. special envoy", "Japan's prime minister", "an Apple
    // employee", "Nokia's general manager", "an IBM instructor".
    if let Some((o, q, text)) = org_premodifier(doc, facts, tokens, p) {
        organization = Some(o);
        org_text = text;
        p = q;
    }
    if is_former(&lower(p)) {
        former = true;
        p += 1;
    }
    let Some((n, label)) = title_at(doc, tokens, p) else { return Vec::new() };
    let span = Span::new(tokens[p].span.start, tokens[p + n - 1].span.end);
    let mut q = p + n;
    let mut titles = vec![(label, span, organization)];
    // "curator and director of exhibits at X", "X200 project manager and Acme vice president"
    if lower(q) == "and" {
        let mut r = q + 1;
        let mut second_org = None;
        if matches!(lower(r).as_str(), "a" | "an" | "the") {
            r += 1;
        }
        if is_former(&lower(r)) {
            r += 1;
        }
        if let Some((o, next, _)) = org_premodifier(doc, facts, tokens, r) {
            second_org = Some(o);
            r = next;
        }
        if let Some((n2, label2)) = title_at(doc, tokens, r) {
            titles.push((label2, Span::new(tokens[r].span.start, tokens[r + n2 - 1].span.end), second_org));
            q = r + n2;
        }
    }
    // "of the Kremlin", "at Apple", "for Ford", "of exhibits at the University of Leeds", "of Urban Studies at
    // Harvard University": the last of them names the organisation.
    if organization.is_none() && matches!(lower(q).as_str(), "of" | "at" | "for" | "with") {
        let mut r = q + 1;
        let mut org = org_at(doc, facts, tokens, r);
        if let Some((_, next)) = org {
            r = next;
        } else {
            while r < q + 5
                && tokens.get(r).is_some_and(|t| t.kind == TokenKind::Word && !is_capitalised(doc.tok(t)))
                && !matches!(lower(r).as_str(), "at" | "for")
            {
                r += 1;
            }
        }
        if matches!(lower(r).as_str(), "at" | "for") {
            if let Some(found) = org_at(doc, facts, tokens, r + 1) {
                org = Some(found);
            }
        }
        if let Some((o, next)) = org {
            organization = Some(o);
            org_text = facts.entities[o].name.clone();
            q = next;
        }
    }
    // "its chief executive", "the company's CEO": the organisation named last before.
    if organization.is_none() {
        if let Some(o) = possessive_reference(doc, facts, tokens, reference_at) {
            organization = Some(o);
        }
    }
    let mut towards = None;
    if lower(q) == "to" {
        if let Some(&(_, _, other)) = people.iter().find(|&&(s, _, _)| s == q + 1) {
            towards = Some(other);
        }
    }
    titles
        .into_iter()
        .map(|(label, span, own_org)| {
            let title_text = span.of(doc.text);
            let job_title =
                if org_text.is_empty() { title_text.to_string() } else { format!("{org_text} {title_text}") };
            Found { person, label, organization: own_org.or(organization), towards, former, job_title, span }
        })
        .collect()
}

/// An organisation, place or demonym at token `p` followed by a title ("U.S. special envoy", "Japan's prime
/// minister", "Apple employee", "Nokia's general manager"): its entity, the title's token and the text.
fn org_premodifier(doc: &Document, facts: &mut Facts, tokens: &[Token], p: usize) -> Option<(usize, usize, String)> {
    let lower = |i: usize| tokens.get(i).map(|t| doc.tok(t).to_lowercase()).unwrap_or_default();
    let start = tokens.get(p)?.span.start;
    if let Some(m) = facts.mentions_starting_at(start).next() {
        if facts.entities[m.entity].kind == EntityKind::Person {
            return None;
        }
        let (entity, end) = (m.entity, m.span.end);
        let q = tokens.iter().position(|t| t.span.end == end)? + 1;
        let q = if lower(q) == "'s" { q + 1 } else { q };
        return title_at(doc, tokens, q).map(|_| (entity, q, Span::new(start, end).of(doc.text).to_string()));
    }
    if let Some(country) = LEXICON.demonyms.get(doc.tok(&tokens[p])) {
        if title_at(doc, tokens, p + 1).is_some() {
            return Some((facts.entity(EntityKind::Country, country), p + 1, doc.tok(&tokens[p]).to_string()));
        }
        return None;
    }
    // An organisation as written, up to four words, then the title.
    let mut q = p;
    while q < tokens.len() && q - p < 4 && is_org_word(doc.tok(&tokens[q])) && !is_function_word(doc.tok(&tokens[q])) {
        q += 1;
    }
    if q == p || title_at(doc, tokens, p).is_some() {
        return None;
    }
    let span = Span::new(start, tokens[q - 1].span.end);
    if facts.mentions_overlapping(span).any(|m| facts.entities[m.entity].kind == EntityKind::Person) {
        return None;
    }
    let after = if lower(q) == "'s" { q + 1 } else { q };
    title_at(doc, tokens, after)?;
    let name = span.of(doc.text).to_string();
    Some((facts.entity(EntityKind::Organization, &name), after, name))
}

/// A capitalised run starting at token `i` that names an organisation as written ("Harvard University",
/// "Merk Investments", "Council on American-Islamic Relations"): its end token and text. Not a person.
fn organisation_as_written(doc: &Document, facts: &Facts, tokens: &[Token], i: usize) -> Option<(usize, String)> {
    let first = tokens.get(i)?;
    if !is_org_word(doc.tok(first)) || is_function_word(doc.tok(first)) {
        return None;
    }
    // "Tinta Nueva and Olaf Berg": the name ends before a person's.
    let person_at = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            facts
                .mentions
                .iter()
                .any(|m| m.span.start == t.span.start && facts.entities[m.entity].kind == EntityKind::Person)
        })
    };
    let mut j = i + 1;
    while j < tokens.len() && j - i < 7 && !person_at(j) {
        let w = doc.tok(&tokens[j]);
        let inner = matches!(w, "of" | "on" | "for" | "and" | "&")
            && tokens.get(j + 1).is_some_and(|t| is_org_word(doc.tok(t)))
            && !person_at(j + 1);
        if is_org_word(w) || inner {
            j += 1;
        } else {
            break;
        }
    }
    let span = Span::new(first.span.start, tokens[j - 1].span.end);
    let person = facts.mentions_overlapping(span).any(|m| facts.entities[m.entity].kind == EntityKind::Person);
    (!person).then(|| (j, span.of(doc.text).to_string()))
}

/// "its", "the company's", "the firm's" before token `i`: the organisation mentioned last before it.
fn possessive_reference(doc: &Document, facts: &Facts, tokens: &[Token], i: usize) -> Option<usize> {
    let lower = |k: usize| tokens.get(k).map(|t| doc.tok(t).to_lowercase()).unwrap_or_default();
    let its = lower(i) == "its"
        || (lower(i + 1) == "'s"
            && matches!(
                lower(i).as_str(),
                "company"
                    | "firm"
                    | "group"
                    | "bank"
                    | "carrier"
                    | "airline"
                    | "automaker"
                    | "carmaker"
                    | "manufacturer"
            ));
    if !its {
        return None;
    }
    organisation_before(facts, tokens[i].span.start)
}

/// How far back "its" and "the company's" look for their organisation, in characters: a few paragraphs.
const ORGANISATION_BEFORE_WITHIN: usize = 2_000;

/// The organisation mentioned last before byte `at`, within [`ORGANISATION_BEFORE_WITHIN`].
fn organisation_before(facts: &Facts, at: usize) -> Option<usize> {
    facts
        .mentions_starting_in(at.saturating_sub(ORGANISATION_BEFORE_WITHIN), at)
        .filter(|m| m.span.end <= at && facts.entities[m.entity].kind == EntityKind::Organization)
        .max_by_key(|m| m.span.start)
        .map(|m| m.entity)
}

/// One record per (person, role, organisation); a role given once without its organisation joins the one with it.
fn merge(mut found: Vec<Found>) -> Vec<Role> {
    // "Professor Okafor" after "Emeritus Professor Ada Okafor": a shorter form of a title the person holds is that
    // title, unless the longer one adds a rank ("vice president" is not "president").
    let labels: Vec<(usize, String, Option<usize>)> =
        found.iter().map(|f| (f.person, f.label.clone(), f.organization)).collect();
    for f in &mut found {
        let longer = labels
            .iter()
            .filter(|(person, label, org)| {
                *person == f.person
                    && label.len() > f.label.len()
                    && label.ends_with(&format!(" {}", f.label))
                    && (f.organization.is_none() || *org == f.organization)
                    && !label[..label.len() - f.label.len()].split_whitespace().any(|w| RANKS.contains(&w))
            })
            .max_by_key(|(_, label, _)| label.len());
        if let Some((_, label, _)) = longer {
            f.label = label.clone();
        }
    }
    let mut roles: Vec<Role> = Vec::new();
    for f in &found {
        let same = roles.iter().position(|r| {
            r.person == f.person
                && r.label == f.label
                && (r.organization == f.organization || f.organization.is_none() || r.organization.is_none())
        });
        match same {
            Some(i) => {
                let r = &mut roles[i];
                if r.organization.is_none() && f.organization.is_some() {
                    r.organization = f.organization;
                    r.job_title = f.job_title.clone();
                }
                r.towards = r.towards.or(f.towards);
                r.former |= f.former;
                if !r.spans.contains(&f.span) {
                    r.spans.push(f.span);
                }
            }
            None => roles.push(Role {
                person: f.person,
                label: f.label.clone(),
                organization: f.organization,
                towards: f.towards,
                former: f.former,
                job_title: f.job_title.clone(),
                spans: vec![f.span],
            }),
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use crate::extract::run;

    /// (person, role, organisation, towards, former)
    type RoleRow = (String, String, Option<String>, Option<String>, bool);

    /// The roles found in `text`.
    fn roles(text: &str) -> Vec<RoleRow> {
        let article = Article {
            id: "t".into(),
            title: None,
            published: None,
            url: None,
            text: text.into(),
            origin: "test".into(),
        };
        let facts = run(&article);
        let name = |i: Option<usize>| i.map(|i| facts.entities[i].name.clone());
        facts
            .roles
            .iter()
            .map(|r| {
                (
                    facts.entities[r.person].name.clone(),
                    r.label.clone(),
                    name(r.organization),
                    name(r.towards),
                    r.former,
                )
            })
            .collect()
    }

    fn role(
        p: &str,
        r: &str,
        o: Option<&str>,
        t: Option<&str>,
        f: bool,
    ) -> (String, String, Option<String>, Option<String>, bool) {
        (p.into(), r.into(), o.map(Into::into), t.map(Into::into), f)
    }

    #[test]
    fn title_before_the_name_with_organisation_or_demonym() {
        assert_eq!(
            roles("Kremlin spokesman Dmitri S. Peskov declined to comment."),
            vec![role("Dmitri Peskov", "spokesman", Some("Kremlin"), None, false)]
        );
        assert_eq!(
            roles("Russian President Vladimir Putin arrived."),
            vec![role("Vladimir Putin", "president", Some("Russia"), None, false)]
        );
    }

    #[test]
    fn apposition_after_the_name_with_towards() {
        assert_eq!(
            roles("Michael Waltz, national security adviser to Donald Trump, spoke."),
            vec![role("Michael Waltz", "national security adviser", None, Some("Donald Trump"), false)]
        );
        assert_eq!(
            roles("Putin met Steve Witkoff, the U.S. special envoy, on Monday."),
            vec![role("Steve Witkoff", "special envoy", Some("United States"), None, false)]
        );
    }

    #[test]
    fn organisations_as_written_and_possessive_references() {
        assert_eq!(
            roles("Markets fell, said Anna Kowalczyk, chief strategist at Brightwater Capital Partners."),
            vec![role("Anna Kowalczyk", "chief strategist", Some("Brightwater Capital Partners"), None, false)]
        );
        let got = roles("Shares of Boeing rose. Jonas Berg, its chief financial officer, said demand was strong.");
        assert_eq!(got, vec![role("Jonas Berg", "chief financial officer", Some("Boeing"), None, false)]);
        let got = roles("In a statement, Norway's Prime Minister, Ingrid Solberg said talks would go on.");
        assert_eq!(got, vec![role("Ingrid Solberg", "prime minister", Some("Norway"), None, false)]);
    }

    #[test]
    fn every_person_of_a_list_after_a_plural_title() {
        let got = roles("The photographers Anna Berg, Tomas Lind of Nordic Press and Maria Holm attended.");
        let people: Vec<(&str, &str)> = got.iter().map(|r| (r.0.as_str(), r.1.as_str())).collect();
        assert_eq!(
            people,
            vec![("Anna Berg", "photographer"), ("Tomas Lind", "photographer"), ("Maria Holm", "photographer")]
        );
    }

    #[test]
    fn former_roles_and_abbreviations() {
        assert_eq!(
            roles("Former Apple CEO John Sculley spoke."),
            vec![role("John Sculley", "chief executive officer", Some("Apple"), None, true)]
        );
    }
}
