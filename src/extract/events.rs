//! Events: who did what with whom, where, when, and whether it happened.
//!
//! Triggers come from `data/events.tsv` (verbs and nouns mapped to an `nkg:` class). Actors are read from the
//! trigger's surroundings: the subject before a verb and its object ("met with X"), a possessive or hyphenated
//! premodifier before a noun ("Putin's meeting", "Trump-Putin call"), "between X and Y", "by X" (passive), pronouns,
//! and role references ("the two presidents", "U.S. Envoy"). The place is an "in/at" place in the sentence, the
//! date the nearest day-precise time expression of the sentence (never the publication date by default). Status
//! comes from tense, modals and markers ("will", "may", "subsequent", "offered"). Mentions of one real event (the
//! headline, the lead and the body telling the same meeting) are merged into one event.

use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::extract::entities::{plural_title, title_at};
use crate::extract::time::{sentence_tense, Tense};
use crate::extract::{EntityKind, Facts, Mention};
use crate::lexicon::token_form;
use crate::text::{Document, Sentence, Span, Token};

/// The `nkg:` event classes newskg emits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventClass {
    Meeting,
    PhoneCall,
    Statement,
    PressConference,
    Negotiation,
    Proposal,
    Visit,
    Agreement,
    Rejection,
    Threat,
    Attack,
    Election,
    Appointment,
    Resignation,
    Arrest,
    LegalAction,
    Death,
    Announcement,
    Transaction,
}

impl EventClass {
    const ALL: [EventClass; 19] = [
        EventClass::Meeting,
        EventClass::PhoneCall,
        EventClass::Statement,
        EventClass::PressConference,
        EventClass::Negotiation,
        EventClass::Proposal,
        EventClass::Visit,
        EventClass::Agreement,
        EventClass::Rejection,
        EventClass::Threat,
        EventClass::Attack,
        EventClass::Election,
        EventClass::Appointment,
        EventClass::Resignation,
        EventClass::Arrest,
        EventClass::LegalAction,
        EventClass::Death,
        EventClass::Announcement,
        EventClass::Transaction,
    ];

    /// The class with this `nkg:` local name, as `data/events.tsv` writes it.
    fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.local_name() == name)
    }

    /// The local name of the class in the `nkg:` namespace.
    pub fn local_name(self) -> &'static str {
        use EventClass::*;
        match self {
            Meeting => "Meeting",
            PhoneCall => "PhoneCall",
            Statement => "Statement",
            PressConference => "PressConference",
            Negotiation => "Negotiation",
            Proposal => "Proposal",
            Visit => "Visit",
            Agreement => "Agreement",
            Rejection => "Rejection",
            Threat => "Threat",
            Attack => "Attack",
            Election => "Election",
            Appointment => "Appointment",
            Resignation => "Resignation",
            Arrest => "Arrest",
            LegalAction => "LegalAction",
            Death => "Death",
            Announcement => "Announcement",
            Transaction => "Transaction",
        }
    }

    /// The CAMEO root code of the class, as in `ontology/newskg.ttl`; none where CAMEO has no category.
    pub fn cameo(self) -> Option<&'static str> {
        use EventClass::*;
        Some(match self {
            Statement | PressConference | Announcement => "01",
            Proposal => "03",
            Meeting | PhoneCall | Negotiation | Visit => "04",
            Agreement => "05",
            Transaction => "06",
            Resignation => "08",
            LegalAction => "11",
            Rejection => "12",
            Threat => "13",
            Arrest => "17",
            Attack => "18",
            Election | Appointment | Death => return None,
        })
    }

    fn words(self) -> &'static str {
        use EventClass::*;
        match self {
            Meeting => "Meeting",
            PhoneCall => "Phone call",
            Statement => "Statement",
            PressConference => "News conference",
            Negotiation => "Negotiation",
            Proposal => "Proposal",
            Visit => "Visit",
            Agreement => "Agreement",
            Rejection => "Rejection",
            Threat => "Threat",
            Attack => "Attack",
            Election => "Election",
            Appointment => "Appointment",
            Resignation => "Resignation",
            Arrest => "Arrest",
            LegalAction => "Legal action",
            Death => "Death",
            Announcement => "Announcement",
            Transaction => "Transaction",
        }
    }

    /// Classes whose object ("met X", "called X") is an actor too.
    fn object_acts(self) -> bool {
        use EventClass::*;
        matches!(self, Meeting | PhoneCall | Negotiation | Agreement)
    }
}

/// Whether an event happened, is planned, proposed, or uncertain.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Status {
    Uncertain,
    Proposed,
    Planned,
    Occurred,
}

impl Status {
    pub fn local_name(self) -> &'static str {
        match self {
            Status::Occurred => "Occurred",
            Status::Planned => "Planned",
            Status::Proposed => "Proposed",
            Status::Uncertain => "Uncertain",
        }
    }
}

/// One real event of the article, with every trigger that tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub class: EventClass,
    pub actors: BTreeSet<usize>,
    pub place: Option<usize>,
    /// Index into `Facts::timexes` of the expression that dates it.
    pub timex: Option<usize>,
    pub date: Option<NaiveDate>,
    pub status: Status,
    pub triggers: Vec<Span>,
    pub label: String,
}

struct Trigger {
    class: EventClass,
    verb: bool,
}

static TRIGGERS: LazyLock<(HashMap<String, Trigger>, usize)> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in include_str!("../../data/events.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').collect();
        if let (Some(form), Some(class)) = (cols.first(), cols.get(1).and_then(|c| EventClass::parse(c.trim()))) {
            map.insert(
                token_form(form.trim()),
                Trigger { class, verb: cols.get(2).is_some_and(|p| p.trim() == "verb") },
            );
        }
    }
    let max = map.keys().map(|k| k.split(' ').count()).max().unwrap_or(1);
    (map, max)
});

const FUTURE: &[&str] = &[
    "will",
    "'ll",
    "would",
    "shall",
    "planned",
    "plans",
    "plan",
    "scheduled",
    "expected",
    "upcoming",
    "subsequent",
    "follow-up",
    "next",
    "future",
    "proposed",
    "set",
    "to",
    "intends",
    "aims",
];
const UNCERTAIN: &[&str] =
    &["may", "might", "could", "potential", "possible", "possibly", "uncertain", "whether", "if", "likely", "unlikely"];
const NEGATION: &[&str] = &["not", "n't", "never", "no", "wouldn’t", "wouldn't", "didn't", "didn’t", "won't", "won’t"];
const PAST: &[&str] = &["recent", "last", "earlier", "held", "previous", "during", "after", "since"];
const PRONOUNS: &[&str] = &["he", "she", "He", "She", "him", "her", "Him", "Her"];

/// An entity occurrence that can fill an actor slot: token range and the entities it stands for.
#[derive(Debug, Clone)]
struct Slot {
    start: usize,
    end: usize,
    entities: Vec<usize>,
}

/// Find events in the document and add them to `facts`.
pub fn extract(doc: &Document, facts: &mut Facts) {
    let (triggers, max) = &*TRIGGERS;
    let mut found: Vec<(Event, bool, usize)> = Vec::new();
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        let slots = actor_slots(doc, facts, sentence);
        let heading = doc.in_heading(sentence);
        let tense = if heading { Tense::Past } else { sentence_tense(doc, sentence) };
        let mut i = 0;
        while i < tokens.len() {
            let mut matched = 0;
            for n in (1..=(*max).min(tokens.len() - i)).rev() {
                let key: Vec<String> = tokens[i..i + n].iter().map(|t| doc.tok(t).to_lowercase()).collect();
                let Some(trigger) = triggers.get(&key.join(" ")) else { continue };
                matched = n;
                let span = Span::new(tokens[i].span.start, tokens[i + n - 1].span.end);
                let actors = find_actors(doc, tokens, &slots, i, i + n, trigger);
                // "This meeting" tells the meeting just mentioned; "the remarks" need not be the last statement.
                let anaphoric = !trigger.verb
                    && i > 0
                    && !matches!(trigger.class, EventClass::Statement | EventClass::Announcement)
                    && matches!(
                        doc.tok(&tokens[i - 1]).to_lowercase().as_str(),
                        "this" | "that" | "such" | "these" | "same"
                    );
                let status = status(doc, tokens, i, trigger, tense, heading);
                let place = find_place(doc, facts, tokens, i + n);
                let timex = find_date(facts, sentence, span);
                let date = timex.and_then(|t| facts.timexes[t].day());
                let event = Event {
                    class: trigger.class,
                    actors: actors.into_iter().collect(),
                    place,
                    timex,
                    date,
                    status,
                    triggers: vec![span],
                    label: String::new(),
                };
                found.push((event, anaphoric, si));
                break;
            }
            i += matched.max(1);
        }
    }
    let mut events = merge(found);
    for e in &mut events {
        e.label = label(facts, e);
    }
    facts.events = events;
}

/// Entity mentions, pronouns and role references of a sentence that can be actors.
fn actor_slots(doc: &Document, facts: &mut Facts, sentence: &Sentence) -> Vec<Slot> {
    let tokens = &sentence.tokens;
    let index = |offset: usize| tokens.iter().position(|t| t.span.start <= offset && offset < t.span.end);
    let mut slots = Vec::new();
    for m in facts.mentions.iter().filter(|m| sentence.span.contains(m.span)) {
        if !facts.entities[m.entity].kind.can_act() {
            continue;
        }
        if let (Some(s), Some(e)) = (index(m.span.start), index(m.span.end - 1)) {
            slots.push(Slot { start: s, end: e + 1, entities: vec![m.entity] });
        }
    }
    let mut new_mentions = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let w = doc.tok(t);
        if PRONOUNS.contains(&w) {
            // The nearest person mentioned before, within this or the two previous sentences.
            let window = facts.sentence_of(t.span).map_or(0, |s| facts.sentences[s.saturating_sub(2)].start);
            let before = facts
                .mentions
                .iter()
                .filter(|m| {
                    facts.entities[m.entity].kind == EntityKind::Person
                        && m.span.end <= t.span.start
                        && m.span.start >= window
                })
                .max_by_key(|m| m.span.start);
            if let Some(m) = before {
                slots.push(Slot { start: i, end: i + 1, entities: vec![m.entity] });
            }
        }
        // "the two presidents", "both leaders", "U.S. Envoy", "the envoy"
        if let Some((n, label)) = title_at(doc, tokens, i).or_else(|| plural_title(doc, tokens, i)) {
            if slots.iter().any(|s| s.start <= i && i < s.end) {
                continue;
            }
            let followed_by_name = tokens.get(i + n).is_some_and(|t| {
                facts
                    .mentions
                    .iter()
                    .any(|m| m.span.start == t.span.start && facts.entities[m.entity].kind == EntityKind::Person)
            });
            let title_span = Span::new(tokens[i].span.start, tokens[i + n - 1].span.end);
            // A title already read as a role ("Michael Waltz, national security adviser") refers to nobody new.
            let a_role = facts.roles.iter().any(|r| r.spans.iter().any(|s| s.overlaps(title_span)));
            if followed_by_name || a_role || (i > 0 && doc.tok(&tokens[i - 1]) == "'s") {
                continue;
            }
            let holders: BTreeSet<usize> = facts
                .roles
                .iter()
                .filter(|r| r.label == label || r.label.ends_with(&format!(" {label}")))
                .map(|r| r.person)
                .collect();
            let prev = |k: usize| if i >= k { doc.tok(&tokens[i - k]).to_lowercase() } else { String::new() };
            let plural = prev(1) == "two" || prev(1) == "both" || prev(2) == "both";
            if (plural && holders.len() == 2) || (!plural && holders.len() == 1) {
                let span = title_span;
                let entities: Vec<usize> = holders.into_iter().collect();
                if entities.len() == 1 {
                    let name = facts.entities[entities[0]].name.clone();
                    new_mentions.push(Mention { span, entity: entities[0], reason: format!("title of {name}") });
                }
                slots.push(Slot { start: i, end: i + n, entities });
            }
        }
    }
    facts.mentions.extend(new_mentions);
    slots.sort_by_key(|s| (s.start, s.end));
    slots
}

fn slot_at(slots: &[Slot], i: usize) -> Option<&Slot> {
    slots.iter().find(|s| s.start == i)
}

/// The slot starting at or just after `i` (skipping articles and titles), with coordinated slots ("X and Y").
fn slots_from(doc: &Document, tokens: &[Token], slots: &[Slot], mut i: usize, out: &mut BTreeSet<usize>) -> bool {
    let mut any = false;
    for round in 0..4 {
        // The first slot may follow a preposition or article; a coordinated one follows "and" or "," directly.
        let reach = if round == 0 { 3 } else { 0 };
        let Some(mut slot) = slots.iter().find(|s| s.start >= i && s.start <= i + reach) else { break };
        // "with U.S. special envoy Steve Witkoff": the country premodifies a title; the actor is the person.
        if let Some((n, _)) = title_at(doc, tokens, slot.end) {
            // The person named after the title, or the title itself when it refers to one ("U.S. Envoy").
            let holder = slots.iter().find(|s| s.start == slot.end + n).or_else(|| {
                slots.iter().find(|s| s.start == slot.end && s.end == slot.end + n && s.entities != slot.entities)
            });
            match holder {
                Some(person) => slot = person,
                // "the U.S. special envoy" without a name: the country is not an actor.
                None => break,
            }
        }
        out.extend(&slot.entities);
        any = true;
        i = slot.end;
        let next = tokens.get(i).map(|t| doc.tok(t).to_lowercase()).unwrap_or_default();
        if next == "and" || next == "," {
            i += 1;
            if tokens.get(i).is_some_and(|t| matches!(doc.tok(t), "the" | "The")) {
                i += 1;
            }
            continue;
        }
        break;
    }
    any
}

fn find_actors(
    doc: &Document,
    tokens: &[Token],
    slots: &[Slot],
    start: usize,
    end: usize,
    trigger: &Trigger,
) -> BTreeSet<usize> {
    let mut actors = BTreeSet::new();
    let lower = |i: usize| tokens.get(i).map(|t| doc.tok(t).to_lowercase()).unwrap_or_default();
    if trigger.verb {
        // Passive: "a truce offered by Ukraine and the United States".
        if lower(end) == "by" {
            slots_from(doc, tokens, slots, end + 1, &mut actors);
            return actors;
        }
        // Subject: the nearest slot before, with what it is coordinated with.
        let mut k = start;
        let mut steps = 0;
        while k > 0 && steps < 10 {
            k -= 1;
            steps += 1;
            let w = lower(k);
            if w == "who" {
                // A relative clause: "Michael Waltz, national security adviser to Trump, who also expressed".
                if let Some(slot) = slots.iter().filter(|s| s.end <= k && s.end + 12 >= k).find(|s| {
                    !s.entities.is_empty()
                        && (s.start == 0 || !matches!(lower(s.start - 1).as_str(), "to" | "of" | "with"))
                }) {
                    actors.extend(&slot.entities);
                }
                break;
            }
            if matches!(w.as_str(), "that" | ";" | "which" | ":" | "“" | "\"") && steps > 1 {
                break;
            }
            if let Some(slot) = slots.iter().find(|s| s.end == k + 1) {
                actors.extend(&slot.entities);
                // "X and Y met"
                let mut s = slot.start;
                while s >= 2 && matches!(lower(s - 1).as_str(), "and" | ",") {
                    match slots.iter().find(|o| o.end == s - 1) {
                        Some(o) => {
                            actors.extend(&o.entities);
                            s = o.start;
                        }
                        None => break,
                    }
                }
                break;
            }
        }
        if trigger.class.object_acts() {
            let mut j = end;
            if matches!(lower(j).as_str(), "with" | "to") {
                j += 1;
            }
            slots_from(doc, tokens, slots, j, &mut actors);
        }
    } else {
        // Possessive or hyphenated premodifier: "Putin's recent meeting", "Trump-Putin call", "U.S.-backed proposal".
        for slot in slots.iter().filter(|s| s.end <= start && s.end + 3 >= start) {
            let after = lower(slot.end);
            let same_token = tokens[slot.start].span == tokens[slot.end - 1].span;
            let in_compound = doc.tok(&tokens[slot.end - 1]).contains('-') && same_token;
            if after == "'s" || in_compound || slot.end == start {
                actors.extend(&slot.entities);
            }
        }
        let mut j = end;
        // "the remarks made by X", "a statement issued by X"
        if matches!(lower(j).as_str(), "made" | "given" | "delivered" | "issued" | "held" | "offered")
            && lower(j + 1) == "by"
        {
            j += 1;
        }
        if matches!(lower(j).as_str(), "with" | "between" | "among" | "of" | "by" | "from") {
            j += 1;
            slots_from(doc, tokens, slots, j, &mut actors);
        }
        // "During a news conference, he raised ..."
        if actors.is_empty() {
            let intro =
                (start.saturating_sub(3)..start).any(|k| matches!(lower(k).as_str(), "during" | "at" | "in" | "after"));
            if intro && lower(end) == "," {
                if let Some(slot) = slot_at(slots, end + 1) {
                    actors.extend(&slot.entities);
                }
            }
        }
    }
    actors
}

fn status(doc: &Document, tokens: &[Token], start: usize, trigger: &Trigger, tense: Tense, heading: bool) -> Status {
    if trigger.class == EventClass::Proposal {
        return Status::Proposed;
    }
    let window: Vec<String> =
        tokens[start.saturating_sub(6)..start].iter().map(|t| doc.tok(t).to_lowercase()).collect();
    let has = |list: &[&str]| window.iter().any(|w| list.contains(&w.as_str()));
    if has(NEGATION) {
        return Status::Uncertain;
    }
    if has(UNCERTAIN) {
        return Status::Uncertain;
    }
    if has(FUTURE) {
        return Status::Planned;
    }
    if trigger.verb {
        // News report the past; present-tense verbs in headlines and reporting verbs tell what happened.
        return Status::Occurred;
    }
    if has(PAST) || heading {
        return Status::Occurred;
    }
    match tense {
        Tense::Past => Status::Occurred,
        Tense::Future => Status::Planned,
        Tense::Present => Status::Uncertain,
    }
}

/// The place introduced by "in" or "at" after the trigger (or just before it) in the same sentence.
fn find_place(doc: &Document, facts: &Facts, tokens: &[Token], end: usize) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (k, t) in tokens.iter().enumerate() {
        if !matches!(doc.tok(t), "in" | "at") {
            continue;
        }
        let Some(next) = tokens.get(k + 1) else { continue };
        let next = if doc.tok(next) == "the" { tokens.get(k + 2) } else { Some(next) };
        let Some(next) = next else { continue };
        let Some(m) = facts.mentions.iter().find(|m| m.span.start == next.span.start) else { continue };
        if !facts.entities[m.entity].kind.is_place() {
            continue;
        }
        let distance = if k >= end { k - end } else { (end - k) * 2 };
        if distance <= 12 && best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, m.entity));
        }
    }
    best.map(|(_, e)| e)
}

/// The nearest time expression of the sentence that names a day.
fn find_date(facts: &Facts, sentence: &Sentence, trigger: Span) -> Option<usize> {
    facts
        .timexes
        .iter()
        .enumerate()
        .filter(|(_, t)| sentence.span.contains(t.span) && t.day().is_some())
        .min_by_key(
            |(_, t)| if t.span.start >= trigger.end { t.span.start - trigger.end } else { trigger.start - t.span.end },
        )
        .map(|(i, _)| i)
}

/// Merge the mentions of one real event; drop events nobody takes part in.
fn merge(found: Vec<(Event, bool, usize)>) -> Vec<Event> {
    let mut events: Vec<(Event, BTreeSet<usize>)> = Vec::new();
    for (event, anaphoric, sentence) in found {
        if event.actors.is_empty() {
            if anaphoric {
                if let Some((last, sentences)) = events.iter_mut().rev().find(|(e, _)| e.class == event.class) {
                    absorb(last, event);
                    sentences.insert(sentence);
                }
            }
            continue;
        }
        let same = events.iter().position(|(e, sentences)| {
            if e.class != event.class {
                return false;
            }
            let overlap = !e.actors.is_disjoint(&event.actors);
            let nested = e.actors.is_subset(&event.actors) || event.actors.is_subset(&e.actors);
            let same_sentence = sentences.contains(&sentence);
            let date_ok = e.date.is_none() || event.date.is_none() || e.date == event.date;
            let place_ok = e.place.is_none() || event.place.is_none() || e.place == event.place;
            let statement = matches!(e.class, EventClass::Statement | EventClass::Announcement);
            date_ok && place_ok && overlap && if statement { same_sentence && nested } else { nested || same_sentence }
        });
        match same {
            Some(i) => {
                absorb(&mut events[i].0, event);
                events[i].1.insert(sentence);
            }
            None => events.push((event, BTreeSet::from([sentence]))),
        }
    }
    events.into_iter().map(|(e, _)| e).collect()
}

fn absorb(into: &mut Event, other: Event) {
    into.actors.extend(other.actors);
    into.place = into.place.or(other.place);
    if into.date.is_none() && other.date.is_some() {
        into.date = other.date;
        into.timex = other.timex;
    }
    into.status = into.status.max(other.status);
    into.triggers.extend(other.triggers);
}

fn label(facts: &Facts, e: &Event) -> String {
    let mut names: Vec<&str> = e.actors.iter().map(|&a| facts.entities[a].name.as_str()).collect();
    names.sort();
    let mut label = e.class.words().to_string();
    if !names.is_empty() {
        let joined = match names.len() {
            1 => names[0].to_string(),
            n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
        };
        let prep = if matches!(e.class, EventClass::Statement | EventClass::Announcement | EventClass::Proposal) {
            "by"
        } else {
            "of"
        };
        label = format!("{label} {prep} {joined}");
    }
    if let Some(p) = e.place {
        label = format!("{label} in {}", facts.entities[p].name);
    }
    if let Some(d) = e.date {
        label = format!("{label} on {d}");
    }
    label
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::extract::run;

    fn events(text: &str, date: &str) -> Vec<(String, &'static str, String)> {
        let article = Article {
            id: "t".into(),
            title: None,
            published: NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
            url: None,
            text: text.into(),
            origin: "test".into(),
        };
        let facts = run(&article);
        facts
            .events
            .iter()
            .map(|e| (e.class.local_name().to_string(), e.status.local_name(), e.label.clone()))
            .collect()
    }

    #[test]
    fn every_trigger_in_the_lexicon_names_a_known_class() {
        let rows: Vec<&str> = include_str!("../../data/events.tsv")
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .collect();
        for row in &rows {
            let class = row.split('\t').nth(1).unwrap_or("").trim();
            assert!(EventClass::parse(class).is_some(), "data/events.tsv: unknown class {class:?} in {row:?}");
        }
        assert_eq!(TRIGGERS.0.len(), rows.len());
    }

    #[test]
    fn a_meeting_told_twice_is_one_event_with_its_place_and_date() {
        let got = events(
            "Chancellor Olaf Scholz's meeting with President Emmanuel Macron in Paris was cordial. \
             Scholz met with Macron in Paris on Tuesday.",
            "2024-05-10",
        );
        assert_eq!(
            got,
            vec![(
                "Meeting".to_string(),
                "Occurred",
                "Meeting of Emmanuel Macron and Olaf Scholz in Paris on 2024-05-07".to_string()
            )]
        );
    }

    #[test]
    fn passive_voice_gives_the_agent_and_proposals_are_proposed() {
        let got = events("The ministers rejected a truce offered by Ukraine and the United States.", "2025-03-14");
        assert!(
            got.contains(&("Proposal".into(), "Proposed", "Proposal by Ukraine and United States".into())),
            "{got:?}"
        );
    }

    #[test]
    fn between_x_and_y_with_future_status() {
        let got = events(
            "President Joe Biden spoke. Prime Minister Rishi Sunak agreed. A phone call between Biden and Sunak will follow.",
            "2024-01-10",
        );
        assert!(
            got.contains(&("PhoneCall".into(), "Planned", "Phone call of Joe Biden and Rishi Sunak".into())),
            "{got:?}"
        );
    }
}
