//! Events: who did what with whom, where, when, and whether it happened (issue 5).
//!
//! Triggers come from `data/events.tsv`: verb and noun lemmas (with their regular inflections and listed irregular
//! forms) mapped to an `nkg:` class and, through it, a CAMEO root code. A trigger inside a name ("United States",
//! "Customer Services") is none. Actors are read from the trigger's surroundings: the subject just before a verb
//! (past auxiliaries, adverbs and an apposition) and, for classes between parties, its object ("met with X",
//! "bought X"); the speaker after a reporting verb ("..., said X"); "by X" of a passive (and a finite passive's
//! subject); a possessive or hyphenated premodifier before a noun ("Putin's meeting", "Trump-Putin call"),
//! "between X and Y", "of/with/by X" after it, or the subject of the verb that governs it ("filed a lawsuit");
//! pronouns and role references ("the two presidents"). The place is an "in/at" place in the sentence, the date the
//! nearest day-precise time expression of the sentence, never the publication date. Status comes from the
//! trigger's own clause: modals, negation, hedges, "to" and markers ("will", "may", "plans", "offered"), and from a
//! hedging reporting verb ("claimed"). A statement points at the events it reports in its sentence. Mentions of one
//! real event are merged: for interactions (meetings, calls, deals, ...) those with nested actor sets; for the other
//! classes only within a sentence or between the headline and the lead, so that a company's figures falling twice
//! stay two events. Events without actors are kept ("shares fell") but never merged, except "this meeting".

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::sync::LazyLock;

use chrono::NaiveDate;

use crate::extract::entities::{plural_title, title_at};
pub use crate::extract::participants::ArgRole;
use crate::extract::participants::{Filler, Finder, Slot, TriggerAt};
use crate::extract::quantity::{self, Quantity};
use crate::extract::time::{sentence_tense, Tense};
use crate::extract::{EntityKind, Facts, Mention};
use crate::lexicon::{token_form, Phrases};
use crate::syntax::{self, Parsed, Tag};
use crate::text::{Document, Sentence, Span, Token};
use crate::wordnet::{Pos, WORDNET};

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
    Support,
    Aid,
    Investigation,
    Demand,
    Criticism,
    Protest,
    Sanction,
    Change,
    Decision,
    Competition,
    Production,
    Travel,
    Accident,
    Increase,
    Decrease,
    Communication,
    Cognition,
    Perception,
    Emotion,
    Motion,
    State,
    Occurrence,
}

impl EventClass {
    pub const ALL: [EventClass; 41] = [
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
        EventClass::Support,
        EventClass::Aid,
        EventClass::Investigation,
        EventClass::Demand,
        EventClass::Criticism,
        EventClass::Protest,
        EventClass::Sanction,
        EventClass::Change,
        EventClass::Decision,
        EventClass::Competition,
        EventClass::Production,
        EventClass::Travel,
        EventClass::Accident,
        EventClass::Increase,
        EventClass::Decrease,
        EventClass::Communication,
        EventClass::Cognition,
        EventClass::Perception,
        EventClass::Emotion,
        EventClass::Motion,
        EventClass::State,
        EventClass::Occurrence,
    ];

    /// The class with this `nkg:` local name, as `data/events.tsv` writes it.
    pub fn from_local_name(name: &str) -> Option<Self> {
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
            Support => "Support",
            Aid => "Aid",
            Investigation => "Investigation",
            Demand => "Demand",
            Criticism => "Criticism",
            Protest => "Protest",
            Sanction => "Sanction",
            Change => "Change",
            Decision => "Decision",
            Competition => "Competition",
            Production => "Production",
            Travel => "Travel",
            Accident => "Accident",
            Increase => "Increase",
            Decrease => "Decrease",
            Communication => "Communication",
            Cognition => "Cognition",
            Perception => "Perception",
            Emotion => "Emotion",
            Motion => "Motion",
            State => "State",
            Occurrence => "Occurrence",
        }
    }

    /// The CAMEO root code of the class, as in `ontology/newskg.ttl`; none where CAMEO has no category.
    pub fn cameo(self) -> Option<&'static str> {
        use EventClass::*;
        Some(match self {
            Statement | PressConference | Announcement => "01",
            Proposal => "03",
            Meeting | PhoneCall | Negotiation | Visit => "04",
            Agreement | Support => "05",
            Transaction => "06",
            Aid => "07",
            Resignation => "08",
            Investigation => "09",
            Demand => "10",
            LegalAction | Criticism => "11",
            Rejection => "12",
            Threat => "13",
            Protest => "14",
            Sanction => "16",
            Arrest => "17",
            Attack => "18",
            Election | Appointment | Death | Change | Decision | Competition | Production | Travel | Accident
            | Increase | Decrease | Communication | Cognition | Perception | Emotion | Motion | State | Occurrence => {
                return None
            }
        })
    }

    /// How a label names the class: its local name, in words where that differs ("Phone call").
    fn words(self) -> &'static str {
        match self {
            EventClass::PhoneCall => "Phone call",
            EventClass::PressConference => "News conference",
            EventClass::LegalAction => "Legal action",
            other => other.local_name(),
        }
    }

    /// Classes that tell what someone said: their clause reports the events in it (issue 5, reported speech).
    pub fn reports_speech(self) -> bool {
        matches!(self, EventClass::Statement | EventClass::Announcement)
    }

    /// Interactions between named parties: two mentions with nested actor sets in one article are one event.
    /// Other classes (a company's figures falling, a statement) recur with the same actor as distinct events.
    fn one_per_party(self) -> bool {
        use EventClass::*;
        matches!(
            self,
            Meeting
                | PhoneCall
                | PressConference
                | Negotiation
                | Visit
                | Agreement
                | Election
                | Appointment
                | Resignation
                | Arrest
                | LegalAction
                | Death
        )
    }
}

impl EventClass {
    /// The classes given by WordNet's lexicographer files to words the hand-made lexicon does not list.
    pub fn generic(self) -> bool {
        use EventClass::*;
        matches!(self, Communication | Cognition | Perception | Emotion | Motion | State | Occurrence)
    }

    /// Whether two mentions of this class with nested actors can be one event. Generic classes tell too little
    /// to say so.
    fn merges(self) -> bool {
        !self.generic()
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

/// What fills a participant role: an entity, another event of the article ("sales fell": the sales), or a thing
/// (an index into `Facts::things`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Arg {
    Entity(usize),
    Event(usize),
    Thing(usize),
}

/// A noun phrase that takes part in an event without naming an entity ("179 new tankers", "the plant").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Thing {
    /// The phrase as first written, whitespace normalised.
    pub name: String,
    pub spans: Vec<Span>,
}

/// One real event of the article, with every trigger that tells it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    pub class: EventClass,
    /// The entities taking part (agents, patients and recipients that are people, organisations or countries):
    /// `sem:hasActor`.
    pub actors: BTreeSet<usize>,
    /// Every participant with its role.
    pub args: BTreeSet<(ArgRole, Arg)>,
    /// The amounts the event carries ("fell 20% to $3 billion").
    pub quantities: Vec<Quantity>,
    pub place: Option<usize>,
    /// Index into `Facts::timexes` of the expression that dates it.
    pub timex: Option<usize>,
    pub date: Option<NaiveDate>,
    pub status: Status,
    pub triggers: Vec<Span>,
    /// The lemma of the first trigger's head word ("fall" for "fell").
    pub lemma: String,
    pub label: String,
    /// For a statement: indices into `Facts::events` of the events it reports.
    pub reports: BTreeSet<usize>,
}

struct Trigger {
    class: EventClass,
    verb: bool,
}

static TRIGGERS: LazyLock<Phrases<Trigger>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    // Forms written in the file first, so that a listed noun ("meeting") wins over a generated verb form.
    let mut generated = Vec::new();
    for line in include_str!("../../data/events.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let cols: Vec<&str> = line.split('\t').map(str::trim).collect();
        let (Some(&lemma), Some(class)) = (cols.first(), cols.get(1).and_then(|c| EventClass::from_local_name(c)))
        else {
            continue;
        };
        let verb = cols.get(2).is_some_and(|p| *p == "verb");
        let extra: Vec<&str> = cols.get(3).map(|c| c.split(',').map(str::trim).collect()).unwrap_or_default();
        let removed: Vec<&str> = extra.iter().filter_map(|f| f.strip_prefix('-')).collect();
        let add = |form: &str, map: &mut HashMap<String, Trigger>| {
            if !form.is_empty() && !removed.contains(&form) {
                map.entry(token_form(form)).or_insert(Trigger { class, verb });
            }
        };
        add(lemma, &mut map);
        for form in extra.iter().filter(|f| !f.starts_with('-')) {
            add(form, &mut map);
        }
        let forms = if verb { verb_forms(lemma) } else { vec![inflect(lemma, Suffix::S)] };
        generated.extend(forms.into_iter().filter(|f| !removed.contains(&f.as_str())).map(|f| (f, class, verb)));
    }
    for (form, class, verb) in generated {
        map.entry(token_form(&form)).or_insert(Trigger { class, verb });
    }
    Phrases::new(map)
});

#[derive(Clone, Copy)]
enum Suffix {
    S,
    Ed,
    Ing,
}

/// The regular inflections of a verb lemma (of its first word when it has several: "step down").
fn verb_forms(lemma: &str) -> Vec<String> {
    let (head, rest) = lemma.split_once(' ').map_or((lemma, String::new()), |(h, r)| (h, format!(" {r}")));
    [Suffix::S, Suffix::Ed, Suffix::Ing].into_iter().map(|s| format!("{}{rest}", inflect(head, s))).collect()
}

/// One regular English inflection: "announces", "announced", "announcing"; "deny" -> "denies", "denied".
fn inflect(word: &str, suffix: Suffix) -> String {
    let vowel = |c: char| "aeiou".contains(c);
    let last = word.chars().last().unwrap_or(' ');
    let before = word.chars().rev().nth(1).unwrap_or(' ');
    let stem_y = last == 'y' && !vowel(before);
    match suffix {
        Suffix::S if stem_y => format!("{}ies", &word[..word.len() - 1]),
        Suffix::S if ["s", "x", "z", "ch", "sh", "o"].iter().any(|e| word.ends_with(e)) => format!("{word}es"),
        Suffix::S => format!("{word}s"),
        Suffix::Ed if stem_y => format!("{}ied", &word[..word.len() - 1]),
        Suffix::Ed if last == 'e' => format!("{word}d"),
        Suffix::Ed => format!("{word}ed"),
        Suffix::Ing if word.ends_with("ie") => format!("{}ying", &word[..word.len() - 2]),
        Suffix::Ing if last == 'e' && !matches!(before, 'e' | 'o' | 'y') => format!("{}ing", &word[..word.len() - 1]),
        Suffix::Ing => format!("{word}ing"),
    }
}

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
    "intends",
    "aims",
];
const UNCERTAIN: &[&str] = &[
    "may",
    "might",
    "could",
    "potential",
    "possible",
    "possibly",
    "uncertain",
    "whether",
    "if",
    "likely",
    "unlikely",
    "reportedly",
    "allegedly",
    "apparently",
    "rumoured",
    "rumored",
];
/// Words that open another clause: the status markers of a trigger are looked for only after them.
const CLAUSE_BREAKS: &[&str] =
    &[",", ";", ":", "“", "”", "\"", "(", ")", "that", "which", "who", "but", "while", "because", "when", "and"];
const NEGATION: &[&str] = &["not", "n't", "never", "no", "wouldn’t", "wouldn't", "didn't", "didn’t", "won't", "won’t"];
const PAST: &[&str] = &["recent", "last", "earlier", "held", "previous", "during", "after", "since"];
const PRONOUNS: &[&str] = &["he", "she", "He", "She", "him", "her", "Him", "Her"];
/// Pronouns that stand for an organisation ("Airbus said it would ...", "its purchase").
const ORG_PRONOUNS: &[&str] = &["it", "its", "It", "Its", "they", "They", "their", "Their", "we", "We", "our", "Our"];
/// Words that may follow a name that is a noun phrase of its own ("France and", "France said").
const FUNCTION_WORDS: &[&str] = &[
    "and",
    "or",
    "but",
    "nor",
    "for",
    "in",
    "on",
    "to",
    "with",
    "by",
    "at",
    "from",
    "of",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "as",
    "after",
    "before",
    "over",
    "since",
    "until",
    "during",
    "into",
    "about",
    "against",
    "is",
    "are",
    "was",
    "were",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "may",
    "might",
    "can",
    "should",
    "must",
    "did",
    "does",
    "do",
    "also",
    "not",
    "this",
    "last",
    "next",
    "when",
    "while",
    "because",
    "if",
    "than",
    "amid",
    "under",
    "through",
    "via",
    "per",
    "said",
    "says",
    "say",
    "told",
    "today",
    "yesterday",
    "again",
    "too",
    "between",
    "among",
    "within",
    "without",
    "toward",
    "towards",
    "worth",
];
/// Words that open a verb's object or particle ("offer them", "plan ahead"): a noun trigger before them is used as
/// a verb or ends its phrase, and premodifies nothing.
const OBJECT_START: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "it", "them", "him", "us", "me", "this",
    "these", "those", "some", "all", "any", "more", "most", "much", "many", "several", "no", "up", "out", "down",
    "off", "back", "away", "around", "ahead", "forward", "together", "there", "here", "what", "how", "why", "where",
    "new",
];
/// Irregular past forms a noun may be the subject of ("the proposal drew criticism").
const IRREGULAR_PAST: &[&str] = &[
    "came", "went", "took", "made", "gave", "got", "saw", "left", "began", "became", "ran", "held", "brought", "kept",
    "put", "drew", "stood", "meant", "sent", "spent", "struck", "hit", "let", "set", "led", "told", "said", "worth",
];

/// One trigger occurrence, before the mentions of one real event are merged.
struct Found {
    event: Event,
    /// "this meeting": tells the event of its class mentioned just before.
    anaphoric: bool,
    sentence: usize,
    /// The sentence is the article's headline.
    headline: bool,
    /// Indices (into the list of occurrences) of the events this statement reports.
    reports: Vec<usize>,
}

/// Verbs that tell no event of their own: "according to", "based in", and the verbs of prepositions.
const NOT_EVENT_VERBS: &[&str] =
    &["according", "based", "including", "regarding", "concerning", "excluding", "compared"];

/// WordNet's lexicographer files of event nouns (EVITA's test): acts, events, processes, phenomena.
const EVENT_NOUN_FILES: &[&str] = &["act", "event", "process", "phenomenon"];

/// The class of an event told by a verb or noun that the hand-made lexicon does not list: the class the lexicon
/// gives a word it derives from ("acquisition" → "acquire"), else the one of its WordNet lexicographer file.
fn class_from_wordnet(lemma: &str, verb: bool) -> Option<EventClass> {
    use EventClass::*;
    let wn = &*WORDNET;
    if verb {
        let entry = wn.entry(lemma, Pos::Verb)?;
        return Some(match entry.first_file() {
            "communication" => Communication,
            "cognition" => Cognition,
            "emotion" => Emotion,
            "perception" => Perception,
            "motion" => Motion,
            "possession" => Transaction,
            "change" => Change,
            "competition" => Competition,
            "creation" => Production,
            "stative" => State,
            _ => Occurrence,
        });
    }
    // A noun tells an event when most of its senses (by SemCor frequency) are acts, events, processes or
    // phenomena, and it is a nominalisation (WordNet derives it from a verb in use, one SemCor tags): "purchase",
    // "collapse", not "market", "service", "job" or "technology", whose act senses are not happenings.
    let entry = wn.entry(lemma, Pos::Noun)?;
    let nominalisation = entry.derived().any(|v| wn.entry(v, Pos::Verb).is_some_and(|e| e.count > 0));
    if entry.share(EVENT_NOUN_FILES) < 0.5 || !nominalisation {
        return None;
    }
    for verb in entry.derived() {
        if let Some(class) = lexicon_class(verb, true) {
            return Some(class);
        }
    }
    Some(match entry.first_file() {
        "communication" => Communication,
        "process" => Change,
        "possession" => Transaction,
        _ => Occurrence,
    })
}

/// The hand-made lexicon's lemmas with their classes (for words reached through WordNet's derivations).
static LEMMAS: LazyLock<HashMap<(&'static str, bool), EventClass>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for line in include_str!("../../data/events.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let mut cols = line.split('\t').map(str::trim);
        if let (Some(lemma), Some(class), pos) =
            (cols.next(), cols.next().and_then(EventClass::from_local_name), cols.next())
        {
            map.entry((lemma, pos == Some("verb"))).or_insert(class);
        }
    }
    map
});

/// The hand-made lexicon's class for a verb lemma (`verb`) or a noun lemma.
fn lexicon_class(lemma: &str, verb: bool) -> Option<EventClass> {
    LEMMAS.get(&(lemma, verb)).copied()
}

/// Find events in the document and add them to `facts`.
pub fn extract(doc: &Document, facts: &mut Facts) {
    let mut found: Vec<Found> = Vec::new();
    let mut index = MentionIndex::new(doc, facts);
    // Participants per occurrence, with events as occurrence indices and things as phrase spans.
    let mut participants: Vec<Vec<(ArgRole, Filler, usize)>> = Vec::new();
    let mut things = Things::default();
    // (relative pronoun, the phrase it stands for), as character spans.
    let mut relatives: Vec<(Span, Span)> = Vec::new();
    let mut timex_order: Vec<usize> = (0..facts.timexes.len()).collect();
    timex_order.sort_by_key(|&k| facts.timexes[k].span.start);
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let tokens = &sentence.tokens;
        let slots = actor_slots(doc, facts, &mut index, si);
        let heading = doc.in_heading(sentence);
        let headline = heading || (si == 0 && doc.paragraphs[sentence.paragraph].span == sentence.span);
        let tense = if heading { Tense::Past } else { sentence_tense(doc, sentence) };
        let named: Vec<(Span, usize)> = index
            .around(si, 0, facts)
            .map(|k| &facts.mentions[k])
            .filter(|m| sentence.span.contains(m.span) && !facts.entities[m.entity].name.is_empty())
            .filter(|m| !m.reason.starts_with("title of") && !m.reason.contains("pronoun for"))
            .map(|m| (m.span, m.entity))
            .collect();
        let names: Vec<Span> = named.iter().map(|(s, _)| *s).collect();
        let parsed = syntax::parse(doc, sentence, &names);
        let triggers = find_triggers(doc, tokens, &parsed, &names);
        // The sentence's time expressions, found in the article's time expressions ordered by start.
        let from = timex_order.partition_point(|&k| facts.timexes[k].span.start < sentence.span.start);
        let to = timex_order.partition_point(|&k| facts.timexes[k].span.start < sentence.span.end);
        let sentence_timexes: Vec<usize> =
            timex_order[from..to].iter().copied().filter(|&k| sentence.span.contains(facts.timexes[k].span)).collect();
        let times: Vec<Span> = sentence_timexes.iter().map(|&k| facts.timexes[k].span).collect();
        let finder = Finder {
            doc,
            tokens,
            parsed: &parsed,
            slots: &slots,
            triggers: &triggers,
            times: &times,
            anaphors: Default::default(),
            relatives: Default::default(),
            names: &named,
        };
        let first = found.len();
        let mut ranges: Vec<(usize, usize, bool)> = Vec::new();
        for (k, t) in triggers.iter().enumerate() {
            let span = Span::new(tokens[t.start].span.start, tokens[t.end - 1].span.end);
            let args = finder.participants(k);
            let actors: BTreeSet<usize> = args
                .iter()
                .filter_map(|(_, f)| match f {
                    Filler::Entity(e) if facts.entities[*e].kind.can_act() => Some(*e),
                    _ => None,
                })
                .collect();
            let previous = if t.start > 0 { doc.lower(&tokens[t.start - 1]) } else { Cow::Borrowed("") };
            // "This meeting" tells the meeting just mentioned; "the remarks" need not be the last statement.
            let anaphoric = !t.verb
                && !t.class.reports_speech()
                && matches!(&*previous, "this" | "that" | "such" | "these" | "same");
            let trigger = Trigger { class: t.class, verb: t.verb };
            let status = status(doc, tokens, t.start, &trigger, tense, heading);
            let place = find_place(doc, facts, &index, si, t.end);
            let timex = find_date(doc, facts, &sentence_timexes, sentence, span, t.from_wordnet || t.class.generic());
            let date = timex.and_then(|x| facts.timexes[x].day());
            let quantities = if quantity_bearing(t.class) {
                quantity::around(doc, tokens, &parsed, &times, t.start, t.end)
            } else {
                Vec::new()
            };
            let lemma =
                if t.lemma.is_empty() { doc.lower(&tokens[t.end - 1]).into_owned() } else { t.lemma.to_string() };
            let event = Event {
                class: t.class,
                actors,
                args: BTreeSet::new(),
                quantities,
                place,
                timex,
                date,
                status,
                triggers: vec![span],
                lemma,
                label: String::new(),
                reports: BTreeSet::new(),
            };
            found.push(Found { event, anaphoric, sentence: si, headline, reports: Vec::new() });
            participants.push(
                args.into_iter()
                    .map(|(role, filler)| match filler {
                        Filler::Trigger(j) => (role, Filler::Trigger(first + j), si),
                        Filler::Phrase(a, b) => {
                            (role, Filler::Phrase(tokens[a].span.start, tokens[b - 1].span.end), si)
                        }
                        other => (role, other, si),
                    })
                    .collect(),
            );
            ranges.push((t.start, t.end, t.verb));
        }
        report_speech(doc, tokens, &mut found[first..], &ranges, first);
        for (t, a, b) in finder.relatives.take() {
            relatives.push((tokens[t].span, Span::new(tokens[a].span.start, tokens[b - 1].span.end)));
        }
        // The pronouns that name participants become mentions of what they stand for.
        let mut anaphors = finder.anaphors.take();
        anaphors.sort_unstable();
        anaphors.dedup();
        for (t, entity) in anaphors {
            let span = tokens[t].span;
            if facts.mentions.iter().rev().take(64).any(|m| m.span == span) {
                continue;
            }
            let word = doc.lower(&tokens[t]);
            let kind = if matches!(&*word, "who" | "which" | "that") { "relative pronoun" } else { "pronoun" };
            let reason = format!("{kind} for {}", facts.entities[entity].name);
            facts.mentions.push(Mention { span, entity, reason });
            index.add(doc, facts, facts.mentions.len() - 1);
        }
    }
    // The entity of the first mention of each span.
    let mut mention_at: HashMap<Span, usize> = HashMap::new();
    for m in &facts.mentions {
        mention_at.entry(m.span).or_insert(m.entity);
    }
    for (k, args) in participants.into_iter().enumerate() {
        for (role, filler, _) in args {
            let arg = match filler {
                Filler::Entity(e) => Arg::Entity(e),
                Filler::Trigger(j) => Arg::Event(j),
                // A phrase whose span is already a name's (a title read as its holder) is that entity: one span
                // names one thing.
                Filler::Phrase(a, b) => match mention_at.get(&Span::new(a, b)) {
                    Some(&entity) => Arg::Entity(entity),
                    None => Arg::Thing(things.add(doc.text, Span::new(a, b))),
                },
            };
            found[k].event.args.insert((role, arg));
        }
    }
    // A relative pronoun standing for a thing is a span of that thing, as one standing for an entity is its
    // mention.
    for (pronoun, phrase) in relatives {
        if let Some(thing) = things.list.iter_mut().find(|t| t.spans.contains(&phrase)) {
            if !thing.spans.contains(&pronoun) {
                thing.spans.push(pronoun);
            }
        }
    }
    let (mut events, index) = merge(found);
    for e in &mut events {
        let args = std::mem::take(&mut e.args);
        e.args = args
            .into_iter()
            .map(|(r, a)| match a {
                Arg::Event(j) => (r, Arg::Event(index[j])),
                other => (r, other),
            })
            .collect();
    }
    facts.things = things.list;
    for k in 0..events.len() {
        let label = label(facts, &events, k);
        events[k].label = label;
    }
    facts.events = events;
}

/// Classes whose amounts are worth reading: changes, deals, production, aid, cuts.
fn quantity_bearing(class: EventClass) -> bool {
    use EventClass::*;
    matches!(class, Increase | Decrease | Change | Transaction | Production | Aid | Agreement | Sanction | Competition)
}

/// The things of an article: one per distinct phrase (lower case, leading article dropped), with every span.
#[derive(Default)]
struct Things {
    list: Vec<Thing>,
    by_key: HashMap<String, usize>,
}

impl Things {
    fn add(&mut self, text: &str, span: Span) -> usize {
        let name = span.of(text).split_whitespace().collect::<Vec<_>>().join(" ");
        let key = name.to_lowercase();
        let key = ["the ", "a ", "an "].iter().find_map(|d| key.strip_prefix(d)).unwrap_or(&key).to_string();
        let k = *self.by_key.entry(key).or_insert_with(|| {
            self.list.push(Thing { name, spans: Vec::new() });
            self.list.len() - 1
        });
        if !self.list[k].spans.contains(&span) {
            self.list[k].spans.push(span);
        }
        k
    }
}

/// The triggers of a sentence, in order: phrases of the hand-made lexicon first (longest first, with the checks
/// below), then every other main verb, and every noun heading a phrase that WordNet files under acts, events,
/// processes or phenomena.
fn find_triggers(doc: &Document, tokens: &[Token], parsed: &Parsed, names: &[Span]) -> Vec<TriggerAt> {
    let lexicon = &*TRIGGERS;
    let mut key = String::new();
    let mut out: Vec<TriggerAt> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let mut matched = 0;
        let head = doc.lower(&tokens[i]);
        let tag = parsed.tags[i];
        let in_name = names.iter().any(|m| m.overlaps(tokens[i].span));
        for n in lexicon.lengths_from(&head, tokens.len() - i) {
            let Some(trigger) = lexicon.get(doc.lower_key(&tokens[i..i + n], &mut key)) else { continue };
            matched = n;
            let span = Span::new(tokens[i].span.start, tokens[i + n - 1].span.end);
            let previous = if i > 0 { doc.lower(&tokens[i - 1]) } else { Cow::Borrowed("") };
            let next = tokens.get(i + n).map(|t| doc.tok(t)).unwrap_or("");
            let last = doc.lower(&tokens[i + n - 1]);
            let last_tag = parsed.tags[i + n - 1].tag;
            // Used as a verb here, or as a noun, whatever the lexicon's row says ("job cuts", "to plan").
            // A phrasal trigger is used as a verb when its first word is one ("spoke by phone", "took over").
            let verb = match if n > 1 && parsed.tags[i].tag.is_verb() { parsed.tags[i].tag } else { last_tag } {
                Tag::Verb(_) => true,
                Tag::Noun | Tag::Adj | Tag::Proper => false,
                _ => trigger.verb,
            };
            // Part of a name ("United States", "Customer Services") or "in order to": no event. Nor a noun that
            // premodifies another ("the takeover bid", "trading volume"): the event, if any, is the head.
            let premodifier = !verb
                && !last.ends_with('s')
                && next.chars().all(|c| c.is_lowercase() || c == '-')
                && !next.is_empty()
                && !FUNCTION_WORDS.contains(&next)
                && !OBJECT_START.contains(&next)
                && !next.ends_with("ly")
                && !IRREGULAR_PAST.contains(&next)
                && !next.ends_with("ed")
                && !next.ends_with('s')
                && !lexicon.get(next).is_some_and(|t| t.verb);
            let function_word = matches!(last_tag, Tag::Det | Tag::Prep | Tag::Sub | Tag::Wh | Tag::Modal | Tag::Aux);
            // "U.S. space launch contracts", "its operating system": a noun inside a phrase, not its head.
            let not_head = !verb && parsed.chunk_at(i + n - 1).is_some_and(|c| c.head != i + n - 1);
            // A verb row's form used as a noun ("their names") tells an event only if the noun does.
            let noun_use = !verb && trigger.verb && n == 1 && {
                let noun = WORDNET.noun(&last).unwrap_or("");
                lexicon_class(noun, false).is_none() && class_from_wordnet(noun, false).is_none()
            };
            if names.iter().any(|m| m.overlaps(span))
                || (head.starts_with("order") && previous == "in")
                || premodifier
                || function_word
                || not_head
                || noun_use
            {
                break;
            }
            let lemma = parsed.tags[i + n - 1].lemma;
            out.push(TriggerAt { start: i, end: i + n, class: trigger.class, verb, lemma, from_wordnet: false });
            break;
        }
        if matched == 0 && !in_name {
            let w = &*head;
            let generic = match tag.tag {
                // "non-stop", "U.S.-made": a hyphenated word is a verb only when WordNet has it whole.
                Tag::Verb(_) if !NOT_EVENT_VERBS.contains(&w) && (!w.contains('-') || WORDNET.has(w, Pos::Verb)) => {
                    let lemma = if tag.lemma.is_empty() { syntax::aux_lemma(w).unwrap_or("") } else { tag.lemma };
                    let class = lexicon_class(lemma, true).or_else(|| match lemma {
                        "be" | "have" => Some(EventClass::State),
                        "do" => Some(EventClass::Occurrence),
                        _ => class_from_wordnet(lemma, true),
                    });
                    class.map(|c| (c, true, lemma))
                }
                Tag::Noun if parsed.chunk_at(i).is_some_and(|c| c.head == i) && !tag.lemma.is_empty() => {
                    let lemma = tag.lemma;
                    lexicon_class(lemma, false).or_else(|| class_from_wordnet(lemma, false)).map(|c| (c, false, lemma))
                }
                _ => None,
            };
            if let Some((class, verb, lemma)) = generic {
                let from_wordnet = lexicon_class(lemma, verb).is_none();
                out.push(TriggerAt { start: i, end: i + 1, class, verb, lemma, from_wordnet });
            }
        }
        i += matched.max(1);
    }
    out
}

/// Reporting verbs that leave what they report in doubt ("claimed", "alleged", "denied").
const HEDGING: &[&str] = &["claim", "alleg", "deni", "deny", "rumo", "speculat"];

/// Link each reporting verb of a sentence to the events it reports (issue 5: a statement links its speaker and the
/// reported event): the events of its complement ("said that Boeing would cut jobs"), or, when it follows the
/// reported clause ("Boeing will cut jobs, the company said"), the events before it. A hedging verb makes what it
/// reports uncertain.
fn report_speech(
    doc: &Document,
    tokens: &[Token],
    found: &mut [Found],
    ranges: &[(usize, usize, bool)],
    offset: usize,
) {
    let lower = |i: usize| tokens.get(i).map(|t| doc.lower(t)).unwrap_or_default();
    for k in 0..found.len() {
        let speech = found[k].event.class.reports_speech();
        if !speech {
            continue;
        }
        let (start, _, _) = ranges[k];
        let next_speech = (k + 1..found.len()).find(|&j| found[j].event.class.reports_speech()).unwrap_or(found.len());
        let mut reported: Vec<usize> = (k + 1..next_speech).collect();
        let after_clause = (start.saturating_sub(2)..start).any(|j| matches!(&*lower(j), "," | "”" | "\"" | "'"));
        if reported.is_empty() && after_clause {
            let previous_speech = (0..k).rev().find(|&j| found[j].event.class.reports_speech()).map_or(0, |j| j + 1);
            reported = (previous_speech..k).collect();
        }
        let trigger = found[k].event.triggers[0];
        let hedged = HEDGING.iter().any(|h| doc.text[trigger.start..trigger.end].to_lowercase().starts_with(h));
        for &j in &reported {
            if hedged && found[j].event.status == Status::Occurred {
                found[j].event.status = Status::Uncertain;
            }
        }
        found[k].reports = reported.into_iter().map(|j| j + offset).collect();
    }
}

/// The mentions of each sentence, as indices into `Facts::mentions` in their order, so that a rule looking at one
/// sentence does not scan the whole article's mentions (which made events quadratic in the article's length).
struct MentionIndex {
    by_sentence: Vec<Vec<usize>>,
    /// Whether every mention lies inside a sentence; if one does not, [`MentionIndex::around`] gives them all.
    all_inside: bool,
}

impl MentionIndex {
    fn new(doc: &Document, facts: &Facts) -> Self {
        let mut index = MentionIndex { by_sentence: vec![Vec::new(); doc.sentences.len()], all_inside: true };
        for k in 0..facts.mentions.len() {
            index.add(doc, facts, k);
        }
        index
    }

    fn add(&mut self, doc: &Document, facts: &Facts, k: usize) {
        let span = facts.mentions[k].span;
        let s = doc.sentences.partition_point(|s| s.span.end <= span.start);
        match doc.sentences.get(s) {
            Some(sentence) if sentence.span.contains(span) => self.by_sentence[s].push(k),
            _ => self.all_inside = false,
        }
    }

    /// The mentions of sentence `si` and of the `before` sentences before it, in the order of `Facts::mentions` (a
    /// superset: callers keep their own filters, so results are those of a scan of every mention).
    fn around(&self, si: usize, before: usize, facts: &Facts) -> std::vec::IntoIter<usize> {
        if !self.all_inside {
            return (0..facts.mentions.len()).collect::<Vec<_>>().into_iter();
        }
        let mut out: Vec<usize> = Vec::new();
        for bucket in &self.by_sentence[si.saturating_sub(before)..=si] {
            out.extend(bucket);
        }
        if before > 0 {
            out.sort_unstable();
        }
        out.into_iter()
    }
}

/// Entity mentions, pronouns and role references of a sentence that can be actors.
fn actor_slots(doc: &Document, facts: &mut Facts, mentions: &mut MentionIndex, si: usize) -> Vec<Slot> {
    let sentence = &doc.sentences[si];
    let tokens = &sentence.tokens;
    let index = |offset: usize| tokens.iter().position(|t| t.span.start <= offset && offset < t.span.end);
    let mut slots = Vec::new();
    let here: Vec<usize> = mentions.around(si, 0, facts).collect();
    for m in here.iter().map(|&k| &facts.mentions[k]).filter(|m| sentence.span.contains(m.span)) {
        if !facts.entities[m.entity].kind.can_act() {
            continue;
        }
        if let (Some(s), Some(e)) = (index(m.span.start), index(m.span.end - 1)) {
            // "a U.S. manufacturing company", "U.S. space launch contracts": a country before a common noun
            // premodifies it, like a hyphenated name ("U.S.-backed"); neither is a verb's object.
            let next = tokens.get(e + 1).map(|t| doc.tok(t)).unwrap_or("");
            let premodifier = facts.entities[m.entity].kind == EntityKind::Country
                && next.chars().next().is_some_and(char::is_lowercase)
                && !FUNCTION_WORDS.contains(&next)
                && !next.ends_with("ed")
                && !TRIGGERS.get(next).is_some_and(|t| t.verb);
            let in_compound = premodifier || tokens[s].span.start < m.span.start || m.span.end < tokens[e].span.end;
            slots.push(Slot { start: s, end: e + 1, entities: vec![m.entity], in_compound });
        }
    }
    let mut new_mentions = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let w = doc.tok(t);
        let kind = if PRONOUNS.contains(&w) {
            Some(EntityKind::Person)
        } else if ORG_PRONOUNS.contains(&w) {
            Some(EntityKind::Organization)
        } else {
            None
        };
        if let Some(kind) = kind {
            // The nearest person (organisation) mentioned before, within this or the two previous sentences.
            let window = facts.sentence_of(t.span).map_or(0, |s| facts.sentences[s.saturating_sub(2)].start);
            // Mentions of this and the two sentences before; all of them if the sentences are not the document's.
            let near: Vec<usize> = match facts.sentence_of(t.span) {
                Some(s) if s == si && facts.sentences.len() == doc.sentences.len() => {
                    mentions.around(si, 2, facts).collect()
                }
                _ => (0..facts.mentions.len()).collect(),
            };
            let before = near
                .iter()
                .map(|&k| &facts.mentions[k])
                .filter(|m| {
                    facts.entities[m.entity].kind == kind && m.span.end <= t.span.start && m.span.start >= window
                })
                .max_by_key(|m| m.span.start);
            if let Some(m) = before {
                slots.push(Slot { start: i, end: i + 1, entities: vec![m.entity], in_compound: false });
            }
        }
        // "the two presidents", "both leaders", "U.S. Envoy", "the envoy"
        if let Some((n, label)) = title_at(doc, tokens, i).or_else(|| plural_title(doc, tokens, i)) {
            if slots.iter().any(|s| s.start <= i && i < s.end) {
                continue;
            }
            let followed_by_name = tokens.get(i + n).is_some_and(|t| {
                here.iter()
                    .map(|&k| &facts.mentions[k])
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
            let prev = |k: usize| if i >= k { doc.lower(&tokens[i - k]) } else { Cow::Borrowed("") };
            let plural = prev(1) == "two" || prev(1) == "both" || prev(2) == "both";
            if (plural && holders.len() == 2) || (!plural && holders.len() == 1) {
                let span = title_span;
                let entities: Vec<usize> = holders.into_iter().collect();
                if entities.len() == 1 {
                    let name = facts.entities[entities[0]].name.clone();
                    new_mentions.push(Mention { span, entity: entities[0], reason: format!("title of {name}") });
                }
                slots.push(Slot { start: i, end: i + n, entities, in_compound: false });
            }
        }
    }
    for m in new_mentions {
        facts.mentions.push(m);
        mentions.add(doc, facts, facts.mentions.len() - 1);
    }
    slots.sort_by_key(|s| (s.start, s.end));
    slots
}

fn status(doc: &Document, tokens: &[Token], start: usize, trigger: &Trigger, tense: Tense, heading: bool) -> Status {
    if trigger.class == EventClass::Proposal {
        return Status::Proposed;
    }
    // The trigger's own clause, nearest word first: back to punctuation or a clause word, six tokens at most, so
    // that "will" in "X will meet Y, he said" does not make the saying planned.
    let mut window: Vec<Cow<str>> = Vec::new();
    for k in (start.saturating_sub(6)..start).rev() {
        let w = doc.lower(&tokens[k]);
        if CLAUSE_BREAKS.contains(&&*w) {
            break;
        }
        window.push(w);
    }
    let has = |list: &[&str]| window.iter().any(|w| list.contains(&&**w));
    if has(NEGATION) || has(UNCERTAIN) {
        return Status::Uncertain;
    }
    // "agreed to buy", "plans to close": an infinitive just before the trigger.
    if has(FUTURE) || window.iter().take(2).any(|w| w == "to") {
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
fn find_place(doc: &Document, facts: &Facts, mentions: &MentionIndex, si: usize, end: usize) -> Option<usize> {
    let tokens = &doc.sentences[si].tokens;
    let mut best: Option<(usize, usize)> = None;
    for (k, t) in tokens.iter().enumerate() {
        if !matches!(doc.tok(t), "in" | "at") {
            continue;
        }
        let Some(next) = tokens.get(k + 1) else { continue };
        let next = if doc.tok(next) == "the" { tokens.get(k + 2) } else { Some(next) };
        let Some(next) = next else { continue };
        // A mention starting inside this sentence is one of its mentions.
        let Some(m) =
            mentions.around(si, 0, facts).map(|k| &facts.mentions[k]).find(|m| m.span.start == next.span.start)
        else {
            continue;
        };
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

/// The nearest time expression of the sentence that names a day, outside any comma-enclosed aside that does not
/// hold the trigger ("Smith, born on March 3, 1961, has built ..." dates the birth, not the building).
/// With `same_clause`, only an expression with no comma, semicolon or colon between it and the trigger (for the
/// generic classes, whose verbs, "remain", "share", are often far from what a date in the sentence dates).
fn find_date(
    doc: &Document,
    facts: &Facts,
    candidates: &[usize],
    sentence: &Sentence,
    trigger: Span,
    same_clause: bool,
) -> Option<usize> {
    let in_aside = |t: Span| {
        let before = doc.text[sentence.span.start..t.start].rfind(',').map(|i| sentence.span.start + i);
        let after = doc.text[t.end..sentence.span.end].find(',').map(|i| t.end + i);
        match (before, after) {
            (Some(b), Some(a)) => trigger.end <= b || trigger.start > a,
            _ => false,
        }
    };
    candidates
        .iter()
        .map(|&i| (i, &facts.timexes[i]))
        .filter(|(_, t)| sentence.span.contains(t.span) && t.day().is_some() && !in_aside(t.span))
        .filter(|(_, t)| {
            let between = if t.span.start >= trigger.end {
                &doc.text[trigger.end..t.span.start]
            } else {
                &doc.text[t.span.end..trigger.start]
            };
            !same_clause || !between.contains([',', ';', ':'])
        })
        .min_by_key(
            |(_, t)| if t.span.start >= trigger.end { t.span.start - trigger.end } else { trigger.start - t.span.end },
        )
        .map(|(i, _)| i)
}

/// Merge the mentions of one real event (issue 5: the headline, the lead and the body telling the same meeting are
/// one event with several triggers), and point each statement at the events it reports.
/// Returns the events and, for each occurrence, the index of the event it was merged into.
fn merge(found: Vec<Found>) -> (Vec<Event>, Vec<usize>) {
    // Per event: the sentences that tell it and whether one of them is the headline.
    let mut events: Vec<(Event, BTreeSet<usize>, bool)> = Vec::new();
    // The events of each class and actor, and the last event of each class, in order: the candidates a scan of
    // every event would consider, found without the scan.
    let mut by_actor: HashMap<(EventClass, usize), Vec<usize>> = HashMap::new();
    let mut last_of_class: HashMap<EventClass, usize> = HashMap::new();
    let mut index = Vec::with_capacity(found.len());
    let mut reports = Vec::with_capacity(found.len());
    for f in found {
        reports.push(f.reports);
        let event = f.event;
        let target = if event.actors.is_empty() || !event.class.merges() {
            // Without actors, only "this meeting" is known to be an event told before.
            if f.anaphoric {
                last_of_class.get(&event.class).copied()
            } else {
                None
            }
        } else {
            let mut candidates: Vec<usize> = event
                .actors
                .iter()
                .flat_map(|&a| by_actor.get(&(event.class, a)).into_iter().flatten().copied())
                .collect();
            candidates.sort_unstable();
            candidates.dedup();
            candidates.into_iter().find(|&i| {
                let (e, sentences, headline) = &events[i];
                if e.class != event.class || e.actors.is_disjoint(&event.actors) {
                    return false;
                }
                let date_ok = e.date.is_none() || event.date.is_none() || e.date == event.date;
                let place_ok = e.place.is_none() || event.place.is_none() || e.place == event.place;
                let nested = e.actors.is_subset(&event.actors) || event.actors.is_subset(&e.actors);
                let same_sentence = sentences.contains(&f.sentence);
                // The lead retells the headline: its first two sentences and the headline tell one event.
                let lead = (*headline && f.sentence <= 2) || (f.headline && sentences.iter().any(|&s| s <= 2));
                date_ok
                    && place_ok
                    && if event.class.one_per_party() {
                        nested || same_sentence
                    } else {
                        nested && (same_sentence || lead)
                    }
            })
        };
        let class = event.class;
        let i = match target {
            Some(i) => {
                absorb(&mut events[i].0, event);
                events[i].1.insert(f.sentence);
                events[i].2 |= f.headline;
                i
            }
            None => {
                events.push((event, BTreeSet::from([f.sentence]), f.headline));
                last_of_class.insert(class, events.len() - 1);
                events.len() - 1
            }
        };
        index.push(i);
        for &a in &events[i].0.actors {
            let list = by_actor.entry((class, a)).or_default();
            if list.last() != Some(&i) && !list.contains(&i) {
                list.push(i);
                list.sort_unstable();
            }
        }
    }
    let mut events: Vec<Event> = events.into_iter().map(|(e, _, _)| e).collect();
    for (k, reported) in reports.into_iter().enumerate() {
        for j in reported {
            if index[j] != index[k] {
                events[index[k]].reports.insert(index[j]);
            }
        }
    }
    (events, index)
}

fn absorb(into: &mut Event, other: Event) {
    into.actors.extend(other.actors);
    into.args.extend(other.args);
    for q in other.quantities {
        if !into.quantities.contains(&q) {
            into.quantities.push(q);
        }
    }
    into.place = into.place.or(other.place);
    if into.date.is_none() && other.date.is_some() {
        into.date = other.date;
        into.timex = other.timex;
    }
    into.status = into.status.max(other.status);
    into.triggers.extend(other.triggers);
    into.reports.extend(other.reports);
}

fn label(facts: &Facts, events: &[Event], k: usize) -> String {
    let e = &events[k];
    let join = |names: Vec<String>| match names.len() {
        0 => String::new(),
        1 => names[0].clone(),
        n => format!("{} and {}", names[..n - 1].join(", "), names[n - 1]),
    };
    let mut names: Vec<String> = e.actors.iter().map(|&a| facts.entities[a].name.clone()).collect();
    names.sort();
    let mut label = e.class.words().to_string();
    if e.class.generic() || matches!(e.class, EventClass::Increase | EventClass::Decrease | EventClass::Change) {
        label = format!("{label} ({})", e.lemma);
    }
    if !names.is_empty() {
        let prep = if matches!(e.class, EventClass::Statement | EventClass::Announcement | EventClass::Proposal) {
            "by"
        } else {
            "of"
        };
        label = format!("{label} {prep} {}", join(names));
    }
    // What underwent the event, when no entity did: "Decrease (fall) of sales".
    let undergoers: Vec<String> = e
        .args
        .iter()
        .filter(|(r, _)| *r == ArgRole::Patient)
        .filter_map(|(_, a)| match *a {
            Arg::Thing(t) => Some(facts.things[t].name.clone()),
            Arg::Event(j) if j != k => Some(events[j].lemma.clone()),
            _ => None,
        })
        .collect();
    if e.actors.is_empty() && !undergoers.is_empty() {
        label = format!("{label} of {}", join(undergoers));
    }
    for q in &e.quantities {
        let unit = match &q.unit {
            quantity::Unit::Percent => " percent".to_string(),
            quantity::Unit::PercentagePoints => " percentage points".to_string(),
            quantity::Unit::Points => " points".to_string(),
            quantity::Unit::Currency(c) => format!(" {c}"),
            quantity::Unit::Count(n) => format!(" {n}"),
            quantity::Unit::None => String::new(),
        };
        let change = matches!(e.class, EventClass::Increase | EventClass::Decrease | EventClass::Change);
        label = match q.role {
            quantity::QuantityRole::Amount if change => format!("{label} by {}{unit}", q.value),
            quantity::QuantityRole::Amount => format!("{label} ({}{unit})", q.value),
            quantity::QuantityRole::To => format!("{label} to {}{unit}", q.value),
            quantity::QuantityRole::From => format!("{label} from {}{unit}", q.value),
        };
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
        // The events of the classes the lexicon gives (a copula's nkg:State is beside the point here).
        facts
            .events
            .iter()
            .filter(|e| !e.class.generic())
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
            assert!(
                EventClass::from_local_name(class).is_some(),
                "data/events.tsv: unknown class {class:?} in {row:?}"
            );
            let lemma = row.split('\t').next().unwrap_or("").trim();
            let removed = row.split('\t').nth(3).is_some_and(|f| f.split(',').any(|f| f.trim() == format!("-{lemma}")));
            assert!(removed || TRIGGERS.contains_key(&token_form(lemma)), "{lemma:?} is not a trigger");
        }
        assert!(TRIGGERS.len() > rows.len());
    }

    #[test]
    fn regular_inflections_of_verbs_and_nouns() {
        let forms = |w: &str| verb_forms(w).join(" ");
        assert_eq!(forms("announce"), "announces announced announcing");
        assert_eq!(forms("deny"), "denies denied denying");
        assert_eq!(forms("step down"), "steps down steped down steping down");
        assert_eq!(forms("die"), "dies died dying");
        assert_eq!(forms("agree"), "agrees agreed agreeing");
        assert_eq!(inflect("talks", Suffix::S), "talkses");
        assert_eq!(inflect("loss", Suffix::S), "losses");
        for form in ["stepped down", "sold", "announcing", "announcements", "meeting", "layoffs", "cut"] {
            assert!(TRIGGERS.contains_key(form), "{form}");
        }
        // A listed noun keeps its part of speech over a generated verb form.
        assert!(!TRIGGERS["meeting"].verb);
        // Forms the lexicon removes are no triggers: "the state", "a fine".
        for form in ["state", "states", "fine", "building", "name"] {
            assert!(!TRIGGERS.contains_key(form), "{form}");
        }
    }

    #[test]
    fn reported_speech_links_the_statement_to_the_event_it_reports() {
        let article = Article {
            id: "t".into(),
            title: None,
            published: NaiveDate::from_ymd_opt(2024, 3, 1),
            url: None,
            text: "Chancellor Olaf Scholz said that Germany would buy Airbus planes.".into(),
            origin: "test".into(),
        };
        let facts = run(&article);
        let statement = facts.events.iter().find(|e| e.class == EventClass::Statement).expect("a statement");
        let reported: Vec<EventClass> = statement.reports.iter().map(|&i| facts.events[i].class).collect();
        assert_eq!(reported, [EventClass::Transaction]);
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
