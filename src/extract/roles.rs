//! Roles: who holds which title, in which organisation or country, and towards whom.
//!
//! Patterns, each anchored on a person mention: a title before the name ("Kremlin spokesman Dmitri S. Peskov",
//! "Russian President Vladimir V. Putin"), an apposition after it ("Steve Witkoff, the U.S. special envoy",
//! "Michael Waltz, national security adviser to Trump", "Taro Aso, Japan's prime minister"), and a copula
//! ("X is the chief executive of Y"). Titles come from `data/titles.tsv` with their normalised label; demonyms
//! and country abbreviations resolve to the country. The same (person, role, organisation) is one record.

use crate::extract::entities::{is_capitalised, plural_title, title_at};
use crate::extract::{EntityKind, Facts};
use crate::lexicon::LEXICON;
use crate::text::{Document, Span, Token};

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
    let mut found = Vec::new();
    for sentence in &doc.sentences {
        let tokens = &sentence.tokens;
        let person_mentions: Vec<(usize, usize, usize)> = facts
            .mentions
            .iter()
            .filter(|m| facts.entities[m.entity].kind == EntityKind::Person && sentence.span.contains(m.span))
            .filter_map(|m| {
                let start = tokens.iter().position(|t| t.span.start == m.span.start)?;
                let end = tokens.iter().position(|t| t.span.end == m.span.end)? + 1;
                Some((start, end, m.entity))
            })
            .collect();
        found.extend(listed(doc, tokens, &person_mentions));
        for &(start, end, person) in &person_mentions {
            if let Some(f) = before_name(doc, facts, tokens, start, person) {
                found.push(f);
            }
            if let Some(f) = after_name(doc, facts, tokens, end, person, &person_mentions) {
                found.push(f);
            }
        }
    }
    facts.roles = merge(found);
}

/// "councillors A of X, B and C", "photographers such as A, B and C": every listed person holds the title.
fn listed(doc: &Document, tokens: &[Token], people: &[(usize, usize, usize)]) -> Vec<Found> {
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
            listed.push(person);
            // Skip what follows the name ("of the Labour Party") up to the next separator.
            k = end;
            let mut steps = 0;
            while k < tokens.len() && !matches!(lower(k).as_str(), "," | "and" | ";" | "." | "(") && steps < 8 {
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
            for person in listed {
                let job_title = span.of(doc.text).to_string();
                out.push(Found {
                    person,
                    label: label.clone(),
                    organization: None,
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

/// "[former] [ORG|Demonym|ORG's] [prefix] TITLE NAME"
fn before_name(doc: &Document, facts: &mut Facts, tokens: &[Token], name: usize, person: usize) -> Option<Found> {
    let mut k = name;
    if k > 0 && LEXICON.is_honorific(doc.tok(&tokens[k - 1])) {
        k -= 1;
    }
    let max = LEXICON.max_title_tokens + 3;
    let ends_at = |k: usize| {
        (k.saturating_sub(max)..k)
            .find_map(|s| title_at(doc, tokens, s).filter(|(n, _)| s + n == k).map(|(_, l)| (s, l)))
    };
    // "Malaysia's Prime Minister, Najib Razak": the title may be set off by a comma.
    let comma = k > 1 && doc.tok(&tokens[k - 1]) == "," && (k < 3 || doc.tok(&tokens[k - 3]) != ",");
    let ((start, label), k) = match ends_at(k) {
        Some(found) => (found, k),
        None if comma => (ends_at(k - 1)?, k - 1),
        None => return None,
    };
    let span = Span::new(tokens[start].span.start, tokens[k - 1].span.end);
    let (organization, org_start, former) = premodifier(doc, facts, tokens, start);
    let job_start = org_start.map_or(span.start, |s| tokens[s].span.start);
    let job_title = doc.text[job_start..span.end].to_string();
    Some(Found { person, label, organization, towards: None, former, job_title, span })
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
    if i > 0 {
        let prev = doc.tok(&tokens[i - 1]);
        let (possessive, end) = if prev == "'s" && i > 1 { (true, i - 1) } else { (false, i) };
        if end > 0 {
            if let Some((entity, first)) = named_ending_at(facts, tokens, end) {
                organization = Some(entity);
                org_start = Some(first);
                i = first;
            } else if let Some(country) = LEXICON.demonyms.get(doc.tok(&tokens[end - 1])) {
                organization = Some(facts.entity(EntityKind::Country, country));
                org_start = Some(end - 1);
                i = end - 1;
            } else if !possessive {
                // A capitalised run that is neither a person nor a sentence-initial word: an organisation as written.
                let mut s = end;
                while s > 0 && is_capitalised(doc.tok(&tokens[s - 1])) && !is_function_word(doc.tok(&tokens[s - 1])) {
                    s -= 1;
                }
                let is_person = facts.mentions.iter().any(|m| {
                    facts.entities[m.entity].kind == EntityKind::Person && m.span.end == tokens[end - 1].span.end
                });
                if s < end && !is_person && end - s <= 4 {
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
    let m = facts.mentions.iter().find(|m| {
        let kind = facts.entities[m.entity].kind;
        (kind == EntityKind::Organization
            || kind == EntityKind::Country
            || kind == EntityKind::Region
            || kind == EntityKind::City)
            && m.span.end == last.end
            && m.span.start >= tokens[0].span.start
    })?;
    let first = tokens.iter().position(|t| t.span.start <= m.span.start && m.span.start < t.span.end)?;
    Some((m.entity, first))
}

/// "NAME, [the] [former] [ORG|Demonym|ORG's] TITLE [of|at|for ORG] [to PERSON]" and "NAME is/was the TITLE of ORG".
fn after_name(
    doc: &Document,
    facts: &mut Facts,
    tokens: &[Token],
    end: usize,
    person: usize,
    people: &[(usize, usize, usize)],
) -> Option<Found> {
    let mut p = end;
    let lower = |i: usize| tokens.get(i).map(|t| doc.tok(t).to_lowercase()).unwrap_or_default();
    if lower(p) == "'s" {
        return None;
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
        "is" | "was" | "became" | "remains" => p += 1,
        "serves" | "served" | "serving" if lower(p + 1) == "as" => p += 2,
        _ => return None,
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
    let mut former = false;
    if is_former(&lower(p)) {
        former = true;
        p += 1;
    }
    let mut organization = None;
    let mut org_text = String::new();
    // An organisation or country premodifier: "the U.S. special envoy", "Japan's prime minister".
    if let Some(m) = facts.mentions.iter().find(|m| m.span.start == tokens.get(p).map_or(usize::MAX, |t| t.span.start))
    {
        let kind = facts.entities[m.entity].kind;
        if kind != EntityKind::Person {
            let q = tokens.iter().position(|t| t.span.end == m.span.end)? + 1;
            let q = if lower(q) == "'s" { q + 1 } else { q };
            if title_at(doc, tokens, q).is_some() {
                organization = Some(m.entity);
                org_text = m.span.of(doc.text).to_string();
                p = q;
            }
        }
    } else if let Some(country) = tokens.get(p).and_then(|t| LEXICON.demonyms.get(doc.tok(t))) {
        if title_at(doc, tokens, p + 1).is_some() {
            organization = Some(facts.entity(EntityKind::Country, country));
            org_text = doc.tok(&tokens[p]).to_string();
            p += 1;
        }
    }
    if is_former(&lower(p)) {
        former = true;
        p += 1;
    }
    let (n, label) = title_at(doc, tokens, p)?;
    let span = Span::new(tokens[p].span.start, tokens[p + n - 1].span.end);
    let mut q = p + n;
    // "of the Kremlin", "at Apple", "for Ford"
    if organization.is_none() && matches!(lower(q).as_str(), "of" | "at" | "for" | "with") {
        let mut r = q + 1;
        if lower(r) == "the" {
            r += 1;
        }
        if let Some(m) = tokens.get(r).and_then(|t| facts.mentions.iter().find(|m| m.span.start == t.span.start)) {
            if facts.entities[m.entity].kind != EntityKind::Person {
                organization = Some(m.entity);
                org_text = m.span.of(doc.text).to_string();
                q = tokens.iter().position(|t| t.span.end == m.span.end).map_or(q, |x| x + 1);
            }
        } else if let Some((end, name)) = organisation_as_written(doc, facts, tokens, r) {
            // "chief economist at Avalon Partners": a capitalised name the gazetteer does not know.
            organization = Some(facts.entity(EntityKind::Organization, &name));
            org_text = name;
            q = end;
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
    let title_text = span.of(doc.text);
    let job_title = if org_text.is_empty() { title_text.to_string() } else { format!("{org_text} {title_text}") };
    Some(Found { person, label, organization, towards, former, job_title, span })
}

/// A capitalised run starting at token `i` that names an organisation as written ("Harvard University",
/// "Merk Investments", "Council on American-Islamic Relations"): its end token and text. Not a person.
fn organisation_as_written(doc: &Document, facts: &Facts, tokens: &[Token], i: usize) -> Option<(usize, String)> {
    let first = tokens.get(i)?;
    if !is_capitalised(doc.tok(first)) || is_function_word(doc.tok(first)) {
        return None;
    }
    let mut j = i + 1;
    while j < tokens.len() && j - i < 7 {
        let w = doc.tok(&tokens[j]);
        let inner = matches!(w, "of" | "on" | "for" | "and" | "&")
            && tokens.get(j + 1).is_some_and(|t| is_capitalised(doc.tok(t)));
        if is_capitalised(w) || inner {
            j += 1;
        } else {
            break;
        }
    }
    let span = Span::new(first.span.start, tokens[j - 1].span.end);
    let person =
        facts.mentions.iter().any(|m| m.span.overlaps(span) && facts.entities[m.entity].kind == EntityKind::Person);
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
    let at = tokens[i].span.start;
    facts
        .mentions
        .iter()
        .filter(|m| m.span.end <= at && facts.entities[m.entity].kind == EntityKind::Organization)
        .max_by_key(|m| m.span.start)
        .map(|m| m.entity)
}

/// One record per (person, role, organisation); a role given once without its organisation joins the one with it.
fn merge(found: Vec<Found>) -> Vec<Role> {
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
