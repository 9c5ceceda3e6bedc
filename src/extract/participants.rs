//! Who did what to whom: the participants of each event trigger of a sentence, with their PropBank-style roles
//! (issue 15).
//!
//! Read off the shallow syntax of the sentence ([`crate::syntax`]): a verb's subject is the noun phrase before its
//! verb group (past an apposition or a relative pronoun, shared by coordinated verbs, inherited by an infinitive
//! from the verb that governs it), its object the phrase after it, with the prepositions its class takes ("met
//! with X", "sold X to Y", "a lawsuit against X"). The subject of an active verb is its agent, unless the verb is
//! one whose subject undergoes it ("sales fell", "the plane crashed": the patient, as PropBank's Arg1); a passive's
//! subject is its patient and its "by" phrase the agent; the first object of "tell", "inform" and the like is the
//! recipient. A noun trigger takes a possessive or a name before it ("Boeing's purchase", "the Trump-Putin call")
//! and "of", "by", "with", "between", "to", "against" after it; a noun that is a verb's object shares that verb's
//! subject ("filed a lawsuit", "held talks"). A phrase that names an entity gives the entity, one whose head is
//! another event's trigger gives that event ("sales fell": the sales), any other gives a thing.

use std::borrow::Cow;

use crate::extract::events::EventClass;
use crate::syntax::{Chunk, Parsed, Tag, VerbGroup};
use crate::text::{Document, Span, Token};
use crate::wordnet::{Pos, VerbForm, WORDNET};

/// A participant's role in an event, after PropBank: agent (Arg0), patient or theme (Arg1), recipient (Arg2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ArgRole {
    Agent,
    Patient,
    Recipient,
}

impl ArgRole {
    pub fn local_name(self) -> &'static str {
        match self {
            ArgRole::Agent => "agent",
            ArgRole::Patient => "patient",
            ArgRole::Recipient => "recipient",
        }
    }
}

/// An entity occurrence that can fill a participant slot: token range and the entities it stands for.
#[derive(Debug, Clone)]
pub struct Slot {
    pub start: usize,
    pub end: usize,
    pub entities: Vec<usize>,
    /// The name premodifies a noun ("U.S.-backed", "a U.S. company"): never a participant by itself.
    pub in_compound: bool,
}

/// What fills a participant slot, before the article's things and events get their final indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Filler {
    Entity(usize),
    /// The trigger at this index of the sentence's triggers.
    Trigger(usize),
    /// A noun phrase naming no entity: the tokens of its chunk.
    Phrase(usize, usize),
}

/// One trigger of the sentence, as the participant finder sees it.
#[derive(Debug, Clone, Copy)]
pub struct TriggerAt {
    pub start: usize,
    pub end: usize,
    pub class: EventClass,
    /// Whether the trigger is used as a verb here.
    pub verb: bool,
    /// The WordNet lemma of its head word, if known.
    pub lemma: &'static str,
    /// The class came from WordNet, not from the hand-made lexicon.
    pub from_wordnet: bool,
}

/// Classes whose subject undergoes the event when there is no object: "shares fell", "the plant closed".
fn subject_undergoes(class: EventClass) -> bool {
    use EventClass::*;
    matches!(class, Increase | Decrease | Change | Death | Accident | State | Occurrence | Motion)
}

/// Classes whose "with" phrase is a party to the event: "met with X", "a deal with X".
fn takes_with(class: EventClass) -> bool {
    use EventClass::*;
    matches!(
        class,
        Meeting | PhoneCall | Negotiation | Agreement | Competition | Visit | Support | Transaction | Communication
    )
}

/// Classes whose "to" phrase is a recipient: "sold X to Y", "said to reporters", "gave aid to X".
fn takes_to(class: EventClass) -> bool {
    use EventClass::*;
    matches!(class, Transaction | Statement | Announcement | Communication | Aid | Proposal | Demand | Support)
}

/// Classes whose "against" phrase is what the event is aimed at.
fn takes_against(class: EventClass) -> bool {
    use EventClass::*;
    matches!(class, Attack | LegalAction | Criticism | Protest | Sanction | Threat | Competition | Rejection)
}

/// Verbs whose first object is the one told or asked (PropBank Arg2).
const RECIPIENT_VERBS: &[&str] = &[
    "tell", "inform", "notify", "warn", "assure", "ask", "urge", "brief", "remind", "advise", "promise", "thank",
    "email", "call", "contact", "reassure", "persuade", "convince",
];

/// A verb and the noun that completes it into one predicate, with the role of its subject: the noun is part of the
/// event, not a participant ("the vote took place": the vote is what happened; "others followed suit": they acted).
const IDIOMS: &[(&str, &str, ArgRole)] = &[
    ("take", "place", ArgRole::Patient),
    ("take", "effect", ArgRole::Patient),
    ("take", "shape", ArgRole::Patient),
    ("take", "hold", ArgRole::Patient),
    ("give", "way", ArgRole::Patient),
    ("make", "sense", ArgRole::Patient),
    ("take", "part", ArgRole::Agent),
    ("take", "note", ArgRole::Agent),
    ("take", "issue", ArgRole::Agent),
    ("take", "stock", ArgRole::Agent),
    ("take", "care", ArgRole::Agent),
    ("take", "heed", ArgRole::Agent),
    ("follow", "suit", ArgRole::Agent),
    ("make", "way", ArgRole::Agent),
    ("make", "headway", ArgRole::Agent),
    ("pay", "attention", ArgRole::Agent),
    ("draw", "attention", ArgRole::Agent),
    ("keep", "pace", ArgRole::Agent),
    ("lose", "ground", ArgRole::Agent),
    ("gain", "ground", ArgRole::Agent),
];

/// Verbs whose object is the one who does what their infinitive says ("asked Boeing to cut", "allowed Airbus to
/// bid"); after any other verb the infinitive shares the verb's subject ("signed a deal to cut").
const OBJECT_CONTROL: &[&str] = &[
    "ask",
    "tell",
    "urge",
    "allow",
    "permit",
    "enable",
    "force",
    "compel",
    "oblige",
    "require",
    "persuade",
    "convince",
    "encourage",
    "invite",
    "order",
    "instruct",
    "direct",
    "authorize",
    "authorise",
    "help",
    "lead",
    "cause",
    "get",
    "expect",
    "want",
    "need",
    "advise",
    "warn",
    "remind",
    "pressure",
    "push",
    "press",
    "call",
    "choose",
    "select",
    "pick",
    "appoint",
    "hire",
    "nominate",
    "elect",
    "train",
    "teach",
    "challenge",
    "dare",
    "beg",
    "implore",
    "prompt",
    "inspire",
    "motivate",
    "recruit",
    "commission",
    "mandate",
    "empower",
    "entitle",
];

/// Verbs whose gerund complement shares their subject ("began selling", "kept rising", "considered leaving").
const GERUND_GOVERNORS: &[&str] = &[
    "begin", "start", "stop", "continue", "keep", "finish", "resume", "quit", "cease", "consider", "avoid", "risk",
    "deny", "admit", "try", "enjoy", "end", "delay", "postpone",
];

/// Nouns that mark a span of time, not a participant ("last week", "this year").
const TIME_HEADS: &[&str] = &[
    "time",
    "times",
    "year",
    "years",
    "month",
    "months",
    "week",
    "weeks",
    "day",
    "days",
    "hour",
    "hours",
    "minute",
    "minutes",
    "quarter",
    "quarters",
    "decade",
    "decades",
    "century",
    "morning",
    "afternoon",
    "evening",
    "night",
    "weekend",
    "season",
    "period",
    "date",
    "moment",
    "today",
    "yesterday",
    "tomorrow",
    "percent",
    "per cent",
    "point",
    "points",
    "%",
    "back",
    "home",
    "away",
    "abroad",
    "ahead",
    "together",
    "here",
    "there",
    "way",
];

/// The participant finder for one sentence.
pub struct Finder<'a> {
    pub doc: &'a Document<'a>,
    pub tokens: &'a [Token],
    pub parsed: &'a Parsed,
    pub slots: &'a [Slot],
    pub triggers: &'a [TriggerAt],
    /// Spans of the sentence's time expressions: not participants.
    pub times: &'a [Span],
    /// Pronouns read as participants, with the entities they stand for: token and entity. The event stage makes
    /// them mentions, so that the graph shows which word names the participant.
    pub anaphors: std::cell::RefCell<Vec<(usize, usize)>>,
    /// Relative pronouns read as participants that stand for a phrase naming no entity: the pronoun's token and
    /// the phrase's tokens ("the new planes, which come from ..."). The event stage makes them spans of the thing.
    pub relatives: std::cell::RefCell<Vec<(usize, usize, usize)>>,
    /// Every name of the sentence with its entity, places included (slots hold only those that can act).
    pub names: &'a [(Span, usize)],
}

impl Finder<'_> {
    fn lower(&self, i: usize) -> Cow<'_, str> {
        self.tokens.get(i).map(|t| self.doc.lower(t)).unwrap_or_default()
    }

    fn tag(&self, i: usize) -> Option<Tag> {
        self.parsed.tag(i)
    }

    fn group_of(&self, verb: usize) -> Option<&VerbGroup> {
        self.parsed.groups.iter().find(|g| g.verb == verb)
    }

    /// The participants of trigger `k`, with their roles, in a deterministic order.
    pub fn participants(&self, k: usize) -> Vec<(ArgRole, Filler)> {
        let t = self.triggers[k];
        let mut out: Vec<(ArgRole, Filler)> = Vec::new();
        if t.verb {
            self.verb_participants(k, &mut out);
        } else {
            self.noun_participants(k, &mut out);
        }
        // No event is its own participant.
        out.retain(|(_, f)| *f != Filler::Trigger(k));
        let mut seen = Vec::new();
        out.retain(|(_, f)| {
            let new = !seen.contains(f);
            seen.push(*f);
            new
        });
        out
    }

    fn verb_participants(&self, k: usize, out: &mut Vec<(ArgRole, Filler)>) {
        let t = self.triggers[k];
        let head = t.end - 1;
        let group = self.group_of(t.start).or_else(|| self.group_of(head)).copied().unwrap_or(VerbGroup {
            start: t.start,
            verb: t.start,
            end: t.end,
            passive: false,
            modal: false,
            negated: false,
        });
        let end = group.end.max(t.end);
        // "..., said Boeing spokeswoman Sandy Angers": the speaker after the verb.
        let inverted = t.class.reports_speech()
            && group.start > 0
            && matches!(&*self.lower(group.start - 1), "," | "”" | "\"" | "'")
            && self.chunk_fillers(end).is_some();
        if inverted {
            if let Some(fillers) = self.chunk_fillers(end) {
                out.extend(fillers.into_iter().map(|f| (ArgRole::Agent, f)));
            }
            return;
        }
        let subject = self.subject(group.start, 0);
        let mut j = end;
        while matches!(self.tag(j), Some(Tag::Adv)) && j < end + 2 {
            j += 1;
        }
        let lemma = if t.lemma.is_empty() { Cow::Owned(self.lower(head).into_owned()) } else { Cow::Borrowed(t.lemma) };
        // "rejected a truce offered by Ukraine", "the truce offered by Ukraine was rejected": a participle after a
        // noun, with its agent, is a passive too, when another finite verb in the clause has the noun as its
        // object or subject ("Trump spoke by phone" has none).
        let reduced = self.bare_participle(&group)
            && self.lower(j) == "by"
            && self.parsed.chunk_ending(group.start).is_some()
            && self.another_finite_verb(group.verb);
        // "were selected and bought by X": a bare participle coordinated with a passive is one.
        let coordinated_passive = self.bare_participle(&group)
            && group.start > 0
            && matches!(&*self.lower(group.start - 1), "and" | "or")
            && self.parsed.groups.iter().any(|g| g.end + 1 == group.start && g.passive);
        let passive = group.passive || reduced || coordinated_passive || self.participle_after_comma(group.start);
        let idiom = self.parsed.chunk_starting(j).filter(|c| c.end == c.head + 1).and_then(|c| {
            IDIOMS.iter().find(|&&(v, n, _)| v == lemma && self.lower(c.head) == n).map(|&(_, _, role)| role)
        });
        let objects: Vec<Filler> = if passive || idiom.is_some() { Vec::new() } else { self.object(j, t.class) };
        let object_end = if objects.is_empty() { j } else { self.after_chunks(j) };
        if passive {
            if let Some(s) = subject {
                out.extend(s.into_iter().map(|f| (ArgRole::Patient, f)));
            }
            // "are selected and purchased by the government": coordinated participles share the "by" phrase.
            let mut by = j;
            if matches!(&*self.lower(by), "and" | "or")
                && matches!(self.tag(by + 1), Some(Tag::Verb(VerbForm::Ed)))
                && self.lower(by + 2) == "by"
            {
                by += 2;
            }
            if self.lower(by) == "by" {
                if let Some(agents) = self.chunk_fillers(by + 1) {
                    out.extend(agents.into_iter().map(|f| (ArgRole::Agent, f)));
                }
            }
        } else {
            let undergoes = objects.is_empty() && (subject_undergoes(t.class) || unaccusative(&lemma));
            let copula = lemma == "be";
            if let Some(s) = subject {
                let role = match idiom {
                    Some(role) => role,
                    None if undergoes || copula => ArgRole::Patient,
                    None => ArgRole::Agent,
                };
                out.extend(s.into_iter().map(|f| (role, f)));
            }
            if !copula {
                let told = RECIPIENT_VERBS.contains(&&*lemma);
                for f in &objects {
                    out.push((if told { ArgRole::Recipient } else { ArgRole::Patient }, *f));
                }
            }
        }
        self.prepositional(object_end, t.class, objects.is_empty(), out);
    }

    fn noun_participants(&self, k: usize, out: &mut Vec<(ArgRole, Filler)>) {
        let t = self.triggers[k];
        let agentive = !subject_undergoes(t.class);
        let own = if agentive { ArgRole::Agent } else { ArgRole::Patient };
        // Inside the trigger's own phrase, before it: "Boeing's purchase", "its sales", "the Trump-Putin call",
        // "the GM bankruptcy", "job cuts".
        if let Some(chunk) = self.parsed.chunk_at(t.start).copied() {
            let mut i = chunk.start;
            while i < t.start {
                if let Some(slot) = self.slot_starting(i).filter(|s| s.end <= t.start) {
                    let possessive = self.lower(slot.end) == "'s" || self.lower(slot.end) == "’s";
                    let hyphenated = self.doc.tok(&self.tokens[slot.end - 1]).contains('-');
                    if possessive || hyphenated || !slot.in_compound || slot.end == t.start {
                        // "his choice": the pronoun is the word that names the participant.
                        self.note_pronoun(slot);
                        out.extend(slot.entities.iter().map(|&e| (own, Filler::Entity(e))));
                    }
                    i = slot.end;
                    continue;
                }
                if self.tag(i) == Some(Tag::PossPron) {
                    if let Some(slot) = self.slot_starting(i) {
                        self.note_pronoun(slot);
                        out.extend(slot.entities.iter().map(|&e| (own, Filler::Entity(e))));
                    }
                }
                i += 1;
            }
            // "job cuts", "price rise": a common noun before a change is what changed.
            if !agentive && chunk.start < t.start && self.tag(t.start - 1) == Some(Tag::Noun) && out.is_empty() {
                let m = (chunk.start..t.start).rev().take_while(|&i| self.tag(i) == Some(Tag::Noun)).last();
                if let Some(m) = m {
                    out.push((ArgRole::Patient, Filler::Phrase(m, t.start)));
                }
            }
        }
        // After it: "the purchase of 179 tankers by the Air Force", "talks between X and Y", "a deal with Boeing".
        let mut j = t.end;
        // "the remarks made by X", "a statement issued by X"
        if matches!(&*self.lower(j), "made" | "given" | "delivered" | "issued" | "held" | "offered" | "signed")
            && self.lower(j + 1) == "by"
            && !self.triggers.iter().any(|x| x.start == j)
        {
            j += 1;
        }
        for _ in 0..3 {
            let p = self.lower(j);
            let role = match &*p {
                "of" => {
                    if t.class.reports_speech() {
                        ArgRole::Agent
                    } else {
                        ArgRole::Patient
                    }
                }
                "by" | "between" | "among" => ArgRole::Agent,
                "from" if t.class.reports_speech() => ArgRole::Agent,
                "with" if takes_with(t.class) => ArgRole::Patient,
                "to" if takes_to(t.class) => ArgRole::Recipient,
                "against" if takes_against(t.class) => ArgRole::Patient,
                "for" if matches!(t.class, EventClass::Transaction | EventClass::Election | EventClass::Support) => {
                    ArgRole::Patient
                }
                _ => break,
            };
            let Some(fillers) = self.chunk_fillers(j + 1) else { break };
            out.extend(fillers.into_iter().map(|f| (role, f)));
            j = self.after_chunks(j + 1);
        }
        // "The index kept rising", "Boeing stopped making it": a gerund after a verb of beginning, ending or keeping
        // on shares that verb's subject, in its own role.
        if out.is_empty() && self.parsed.chunk_at(t.start).is_some_and(|c| c.start == t.start) && t.start > 0 {
            let governor = self.parsed.groups.iter().find(|g| g.end == t.start && !g.passive);
            let gerund = self.lower(t.start).ends_with("ing");
            if let Some(g) = governor.filter(|_| gerund) {
                let lemmas = WORDNET.lemmas(&self.lower(g.end - 1), Pos::Verb);
                if lemmas.iter().any(|l| GERUND_GOVERNORS.contains(l)) {
                    if let Some(s) = self.subject(g.start, 0) {
                        out.extend(s.into_iter().map(|f| (own, f)));
                        return;
                    }
                }
            }
        }
        // A noun that is a verb's object shares that verb's subject: "Boeing filed a lawsuit", "they held talks".
        if !out.iter().any(|(r, _)| *r == own && own == ArgRole::Agent) && agentive {
            if let Some(chunk) = self.parsed.chunk_at(t.start) {
                let mut v = chunk.start;
                while v > 0 && matches!(self.tag(v - 1), Some(Tag::Adv)) {
                    v -= 1;
                }
                if v > 0 {
                    if let Some(g) = self.parsed.groups.iter().find(|g| g.end == v) {
                        if !g.passive {
                            if let Some(s) = self.subject(g.start, 0) {
                                out.extend(s.into_iter().map(|f| (ArgRole::Agent, f)));
                            }
                        }
                    }
                }
            }
        }
        // "During a news conference, he raised ...": the subject after an introductory phrase.
        if out.is_empty() {
            let intro = (t.start.saturating_sub(3)..t.start)
                .any(|k| matches!(&*self.lower(k), "during" | "at" | "in" | "after"));
            if intro && self.lower(t.end) == "," {
                if let Some(f) = self.chunk_fillers(t.end + 1) {
                    if f.iter().all(|f| matches!(f, Filler::Entity(_))) {
                        out.extend(f.into_iter().map(|f| (ArgRole::Agent, f)));
                    }
                }
            }
        }
    }

    /// Prepositional participants after a verb's object: "met with X", "sold it to Y", "filed suit against Z".
    fn prepositional(&self, mut j: usize, class: EventClass, no_object: bool, out: &mut Vec<(ArgRole, Filler)>) {
        for _ in 0..2 {
            let role = match &*self.lower(j) {
                "with" if takes_with(class) => {
                    if no_object {
                        ArgRole::Patient
                    } else {
                        break;
                    }
                }
                "to" if takes_to(class) && self.tag(j) != Some(Tag::To) => ArgRole::Recipient,
                "against" if takes_against(class) => ArgRole::Patient,
                "by" | "in" | "on" | "at" | "from" | "for" | "over" | "about" | "after" | "before" | "as" => {
                    // Skip an adverbial phrase and look once more: "met on Monday with X".
                    if self.chunk_fillers(j + 1).is_none() {
                        break;
                    }
                    j = self.after_chunks(j + 1);
                    continue;
                }
                _ => break,
            };
            let Some(fillers) = self.chunk_fillers(j + 1) else { break };
            out.extend(fillers.into_iter().map(|f| (role, f)));
            j = self.after_chunks(j + 1);
        }
    }

    /// The subject of the verb group starting at `start`: the noun phrase before it, past adverbs, an apposition or
    /// parenthesis, a relative pronoun; coordinated verbs share one; an infinitive takes its governor's.
    fn subject(&self, start: usize, depth: usize) -> Option<Vec<Filler>> {
        if depth > 3 {
            return None;
        }
        let mut k = start;
        while k > 0 && matches!(self.tag(k - 1), Some(Tag::Adv)) {
            k -= 1;
        }
        if k == 0 {
            return None;
        }
        let before = k - 1;
        // "Apple began selling films", "Boeing stopped making the plane": a gerund after a verb of beginning,
        // ending or keeping on takes that verb's subject.
        if matches!(self.tag(start), Some(Tag::Verb(VerbForm::Ing))) && self.tag(before).is_some_and(|t| t.is_verb()) {
            let governor = self.parsed.groups.iter().find(|g| g.end == k)?;
            let head = self.lower(governor.end - 1);
            let lemmas = WORDNET.lemmas(&head, Pos::Verb);
            if lemmas.iter().any(|l| GERUND_GOVERNORS.contains(l)) {
                return self.subject(governor.start, depth + 1);
            }
            return None;
        }
        match self.tag(before)? {
            // "Boeing plans to cut": the governing verb's subject; "asked Boeing to cut": its object, when the verb
            // is one whose object acts ("asked", "allowed"); "signed a deal to cut", "exercised its options with
            // Boeing to buy": the governing verb's subject again.
            Tag::To => {
                let Some(&object) = self.parsed.chunk_ending(before) else {
                    let governor = self.parsed.groups.iter().find(|x| x.end == before || x.end + 1 == before)?;
                    return self.subject(governor.start, depth + 1);
                };
                // "for Cisco to file", "named by Boeing to mark": the phrase is the infinitive's subject.
                if object.start > 0 && matches!(&*self.lower(object.start - 1), "for" | "by") {
                    return self.referent(&object);
                }
                // Back over the prepositional phrases the object carries, to the verb: "its options with Boeing".
                let mut c = object;
                let mut through_preposition = false;
                while c.start > 0
                    && self.tag(c.start - 1) == Some(Tag::Prep)
                    && matches!(
                        &*self.lower(c.start - 1),
                        "with" | "of" | "in" | "on" | "at" | "from" | "into" | "about"
                    )
                {
                    c = *self.parsed.chunk_ending(c.start - 1)?;
                    through_preposition = true;
                }
                // No verb before it: a headline's or a noun's infinitive ("GM to cut jobs", "the first woman to
                // lead").
                let Some(governor) = self.parsed.groups.iter().find(|x| x.end == c.start) else {
                    return if through_preposition { None } else { self.referent(&object) };
                };
                // The object acts after an active verb of asking or allowing, and after a copula: "will be the first
                // jet to be built".
                let lemmas = WORDNET.lemmas(&self.lower(governor.verb), Pos::Verb);
                let object_acts =
                    lemmas.contains(&"be") || !governor.passive && lemmas.iter().any(|l| OBJECT_CONTROL.contains(l));
                if object_acts && !through_preposition {
                    return self.referent(&object);
                }
                self.subject(governor.start, depth + 1)
            }
            // "Boeing rose and then fell": the first verb's subject.
            Tag::Coord => {
                let mut p = before;
                while p > 0 && matches!(self.tag(p - 1), Some(Tag::Adv | Tag::Punct)) && self.lower(p - 1) != "," {
                    p -= 1;
                }
                let previous = self.parsed.groups.iter().rev().find(|g| g.end <= p && g.end + 8 >= p)?;
                // Only when what lies between is the first verb's object or nothing: not "X said Y and Z met".
                let between_subject = (previous.end..before).any(|i| self.tag(i).is_some_and(|t| t.is_verb()));
                if between_subject {
                    return None;
                }
                // ("Boeing cut jobs and Airbus hired" never comes here: a new subject stands right before "hired".)
                self.subject(previous.start, depth + 1)
            }
            // "Boeing, which builds planes, said": a relative pronoun stands for the phrase before it.
            Tag::Wh | Tag::Sub if matches!(&*self.lower(before), "who" | "which" | "that") => {
                let mut p = before;
                if p > 0 && self.lower(p - 1) == "," {
                    p -= 1;
                }
                let c = self.parsed.chunk_ending(p)?;
                let fillers = self.phrase_fillers(c)?;
                for f in &fillers {
                    match *f {
                        Filler::Entity(e) => self.anaphors.borrow_mut().push((before, e)),
                        Filler::Phrase(a, b) if fillers.len() == 1 => self.relatives.borrow_mut().push((before, a, b)),
                        _ => {}
                    }
                }
                Some(fillers)
            }
            Tag::Punct if self.lower(before) == "," => {
                // "The winglets, designed to improve ...": a participle set off by a comma after a phrase is said
                // of that phrase.
                if self.participle_after_comma(start) {
                    return self.phrase_fillers(self.parsed.chunk_ending(before)?);
                }
                // An apposition or parenthesis set off by commas: "Boeing, the US airframer, announced".
                let opening = (before.saturating_sub(12)..before).rev().find(|&c| self.lower(c) == ",")?;
                let c = self.parsed.chunk_ending(opening)?;
                let aside = &self.parsed.tags[opening + 1..before];
                let relative = matches!(&*self.lower(opening + 1), "who" | "which");
                if !relative && aside.iter().any(|t| t.tag.is_verb()) {
                    return None;
                }
                self.phrase_fillers(c)
            }
            _ => {
                let c = self.parsed.chunk_ending(k)?;
                // "In China, airliners are selected": a phrase after a preposition is not the subject; "the sale of
                // the unit to Fiat was completed": the phrase the prepositions attach to is.
                let mut c = *c;
                loop {
                    if c.start == 0 || self.tag(c.start - 1) != Some(Tag::Prep) {
                        break;
                    }
                    let p = c.start - 1;
                    match self.parsed.chunk_ending(p) {
                        Some(outer)
                            if matches!(
                                &*self.lower(p),
                                "of" | "to" | "with" | "for" | "between" | "from" | "by" | "at" | "in" | "on"
                            ) =>
                        {
                            c = *outer
                        }
                        _ => return None,
                    }
                }
                self.phrase_fillers(&c)
            }
        }
    }

    /// Whether the verb group at `start` is a bare past participle after a phrase and a comma, in a clause with a
    /// finite verb after it ("The winglets, designed to improve fuel efficiency, are ..."): a passive said of the
    /// phrase. Not "Sales rose, helped by demand" (no phrase right before the comma).
    fn participle_after_comma(&self, start: usize) -> bool {
        let Some(group) = self.group_of_start(start) else { return false };
        self.bare_participle(group)
            && start >= 2
            && self.lower(start - 1) == ","
            && self.parsed.chunk_ending(start - 1).is_some()
            && (group.end..self.tokens.len())
                .skip_while(|&k| self.lower(k) != ",")
                .any(|k| matches!(self.tag(k), Some(Tag::Aux | Tag::Modal | Tag::Verb(_))))
    }

    /// Whether a verb group is a past participle alone, with no auxiliary ("offered", "designed").
    fn bare_participle(&self, group: &VerbGroup) -> bool {
        group.start == group.verb && matches!(self.tag(group.verb), Some(Tag::Verb(VerbForm::Ed)))
    }

    fn group_of_start(&self, start: usize) -> Option<&VerbGroup> {
        self.parsed.groups.iter().find(|g| g.start == start)
    }

    /// The object phrase starting at token `j` (with coordinated ones), unless it is a time or a bare quantity.
    fn object(&self, j: usize, class: EventClass) -> Vec<Filler> {
        let Some(c) = self.parsed.chunk_starting(j) else { return Vec::new() };
        // "fell 20%", "rose 3 percent": the amount of a change, not what changed.
        let bare_amount = self.parsed.tags[c.start..c.end].iter().all(|t| t.tag == Tag::Num)
            || matches!(class, EventClass::Increase | EventClass::Decrease | EventClass::Change)
                && self.parsed.tags[c.start..c.end].iter().any(|t| t.tag == Tag::Num)
                && TIME_HEADS.contains(&&*self.lower(c.head));
        if bare_amount {
            return Vec::new();
        }
        let mut out = self.chunk_fillers(j).unwrap_or_default();
        // "bought a stake in Chrysler": what the holding is in takes part too.
        let end = c.end;
        if self.lower(end) == "in" && self.holding(end) {
            out.extend(self.chunk_fillers(end + 1).unwrap_or_default());
        }
        out
    }

    /// The fillers of the phrase starting at token `j` and the phrases coordinated with it ("X and Y", "X, Y and
    /// Z"), skipping a leading title or article.
    fn chunk_fillers(&self, j: usize) -> Option<Vec<Filler>> {
        let mut out = Vec::new();
        let mut i = j;
        for _ in 0..5 {
            let Some(c) = self.parsed.chunk_starting(i) else { break };
            if let Some(f) = self.phrase_fillers(c) {
                out.extend(f);
            }
            i = c.end;
            match &*self.lower(i) {
                "and" | "or" => i += 1,
                "," if self.parsed.chunk_starting(i + 1).is_some() && self.list_continues(i + 1) => i += 1,
                _ => break,
            }
        }
        (!out.is_empty()).then_some(out)
    }

    /// Whether the phrase at `i` continues a list (another phrase, then "and"/"," or the end of the list) rather
    /// than opening a new clause or an apposition.
    fn list_continues(&self, i: usize) -> bool {
        let Some(c) = self.parsed.chunk_starting(i) else { return false };
        matches!(&*self.lower(c.end), "and" | "or" | ",")
            && self.parsed.chunk_starting(c.end + 1).is_some()
            && self.phrase_fillers(c).is_some_and(|f| f.iter().all(|f| matches!(f, Filler::Entity(_))))
    }

    /// The token after the phrase at `j` and those coordinated with it.
    fn after_chunks(&self, j: usize) -> usize {
        let mut i = j;
        for _ in 0..5 {
            let Some(c) = self.parsed.chunk_starting(i) else { break };
            i = c.end;
            if matches!(&*self.lower(i), "and" | "or") && self.parsed.chunk_starting(i + 1).is_some() {
                i += 1;
            } else {
                break;
            }
        }
        // "the unit of Boeing": prepositional modifiers of the object belong to it.
        while self.lower(i) == "of" || self.lower(i) == "in" && self.holding(i) {
            match self.parsed.chunk_starting(i + 1) {
                Some(c) => i = c.end,
                None => break,
            }
        }
        i
    }

    /// Whether the clause of token `i` has a finite verb other than it (before or after it, up to a clause break).
    fn another_finite_verb(&self, i: usize) -> bool {
        let boundary = |k: usize| {
            matches!(self.tag(k), Some(Tag::Coord | Tag::Sub | Tag::Wh))
                || matches!(&*self.lower(k), "," | ";" | ":" | "(" | ")")
        };
        let finite = |k: usize| {
            matches!(self.tag(k), Some(Tag::Aux | Tag::Modal | Tag::Verb(crate::wordnet::VerbForm::S)))
                || matches!(self.tag(k), Some(Tag::Verb(_))) && k != i
        };
        (0..i).rev().take_while(|&k| !boundary(k)).any(finite)
            || (i + 1..self.tokens.len()).take_while(|&k| !boundary(k)).any(finite)
    }

    /// Whether the phrase ending before token `i` is a holding ("a stake", "shares"), whose "in X" names what is
    /// held.
    fn holding(&self, i: usize) -> bool {
        self.parsed.chunk_ending(i).is_some_and(|c| {
            matches!(
                &*self.lower(c.head),
                "stake" | "stakes" | "share" | "shares" | "holding" | "holdings" | "interest" | "investment"
            )
        })
    }

    /// The phrase ending before token `k`, as fillers (with a phrase coordinated before it: "X and Y met").
    fn phrase_fillers(&self, c: &Chunk) -> Option<Vec<Filler>> {
        let mut out = self.referent(c).unwrap_or_default();
        let mut s = c.start;
        for _ in 0..4 {
            if s < 2 || !matches!(&*self.lower(s - 1), "and" | ",") {
                break;
            }
            let Some(before) = self.parsed.chunk_ending(s - 1) else { break };
            let Some(f) = self.referent(before) else { break };
            if self.lower(s - 1) == "," && !f.iter().all(|f| matches!(f, Filler::Entity(_))) {
                break;
            }
            out.extend(f);
            s = before.start;
        }
        (!out.is_empty()).then_some(out)
    }

    /// Note a one-word pronoun slot ("he", "its") read as a participant.
    fn note_pronoun(&self, slot: &Slot) {
        if slot.end == slot.start + 1
            && slot.entities.len() == 1
            && matches!(self.tag(slot.start), Some(Tag::Pron | Tag::PossPron))
        {
            self.anaphors.borrow_mut().push((slot.start, slot.entities[0]));
        }
    }

    fn slot_starting(&self, i: usize) -> Option<&Slot> {
        self.slots.iter().find(|s| s.start == i)
    }

    /// What a phrase stands for: the entity named at its head (a person after a title: "U.S. special envoy Steve
    /// Witkoff"), an event whose trigger heads it, or the phrase itself as a thing.
    fn referent(&self, c: &Chunk) -> Option<Vec<Filler>> {
        let head = c.head;
        if let Some(slot) = self.slots.iter().find(|s| s.start <= head && head < s.end && !s.entities.is_empty()) {
            if !slot.in_compound || slot.end == c.end {
                self.note_pronoun(slot);
                return Some(slot.entities.iter().map(|&e| Filler::Entity(e)).collect());
            }
        }
        // A place ("flew to Florida"), or a name inside the phrase's head that is no actor.
        if let Some(&(_, e)) = self.names.iter().find(|(s, _)| s.contains(self.tokens[head].span)) {
            return Some(vec![Filler::Entity(e)]);
        }
        if let Some(k) = self.triggers.iter().position(|t| t.start <= head && head < t.end) {
            return Some(vec![Filler::Trigger(k)]);
        }
        let head_tag = self.tag(head)?;
        let head_span = self.tokens[head].span;
        if head_tag == Tag::Pron || self.times.iter().any(|t| t.overlaps(head_span)) {
            return None;
        }
        let head_word = self.lower(head);
        if TIME_HEADS.contains(&&*head_word) || head_tag == Tag::Num && c.start == c.end - 1 {
            return None;
        }
        // A name the entity stage did not resolve ("Air France Flight 447"), or a common noun: a thing.
        let noun_like = matches!(head_tag, Tag::Noun | Tag::Proper | Tag::Num);
        if !noun_like || (head_tag == Tag::Noun && !WORDNET.has(&head_word, Pos::Noun) && head_word.len() < 3) {
            return None;
        }
        // Skip a leading determiner of a long phrase is left to the name; the span is the chunk's.
        Some(vec![Filler::Phrase(c.start, c.end)])
    }
}

/// Verbs whose subject undergoes them when they have no object, by WordNet: the first sense is "Something ----s"
/// and never "Somebody ----s something" ("happen", "occur", "increase").
fn unaccusative(lemma: &str) -> bool {
    WORDNET
        .entry(lemma, Pos::Verb)
        .is_some_and(|e| e.has_frame(1) && !e.has_frame(2) && !e.has_frame(8) && !e.has_frame(9))
}
