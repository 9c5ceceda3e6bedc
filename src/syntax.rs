//! Shallow syntax: a part of speech for every token of a sentence, its noun-phrase chunks and its verb groups.
//!
//! The event stage needs to know which words are verbs (every main verb of news tells an event, TimeML's and
//! MEANTIME's practice), which nouns head a phrase, and what stands before and after a verb (its subject and object,
//! issue 15). This is done by rules over the shipped lexicons, with no statistical model: closed-class words come
//! from lists; an open-class word takes the parts of speech WordNet gives it (through morphy, [`crate::wordnet`]);
//! a word that can be a noun or a verb is decided by its neighbours ("the cut" vs "to cut", "Boeing cuts jobs" vs
//! "job cuts") and, failing that, by WordNet's SemCor frequencies. Names found by the entity stage are proper nouns
//! whatever their words.

use std::borrow::Cow;
use std::cell::RefCell;
use std::sync::LazyLock;

use crate::lexicon::FastMap;

use crate::text::{Document, Sentence, Span, Token, TokenKind};
use crate::wordnet::{Pos, VerbForm, WORDNET};

/// A coarse part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tag {
    /// "the", "a", "this", "every", "no".
    Det,
    /// "he", "it", "they", "someone".
    Pron,
    /// "his", "its", "their".
    PossPron,
    /// The possessive "'s".
    Poss,
    Prep,
    /// "and", "or", "but".
    Coord,
    /// "that", "because", "if", "although", "whether".
    Sub,
    /// "which", "who", "where", "when".
    Wh,
    /// The infinitive "to".
    To,
    Modal,
    /// "be", "have" or "do" before a participle or infinitive.
    Aux,
    /// A main verb (copular "be" included).
    Verb(VerbForm),
    Noun,
    Proper,
    Adj,
    Adv,
    Num,
    /// "not", "n't", "never".
    Neg,
    /// A verb particle ("set up", "step down").
    Part,
    Punct,
}

impl Tag {
    pub fn is_verb(self) -> bool {
        matches!(self, Tag::Verb(_))
    }

    /// Whether a word of this tag can end a noun phrase.
    pub fn is_nominal(self) -> bool {
        matches!(self, Tag::Noun | Tag::Proper | Tag::Num | Tag::Pron)
    }
}

/// One tagged token: its tag and, for verbs and nouns, its WordNet lemma (empty when WordNet lacks the word).
#[derive(Debug, Clone, Copy)]
pub struct Tagged {
    pub tag: Tag,
    pub lemma: &'static str,
}

/// A noun phrase: tokens `start..end`, head `head` (its last noun, name, number or pronoun).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Chunk {
    pub start: usize,
    pub end: usize,
    pub head: usize,
}

/// A verb group: auxiliaries, modals, negation and adverbs, then the main verb at `verb`, and a particle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VerbGroup {
    pub start: usize,
    pub verb: usize,
    /// One past the last token (the particle when there is one).
    pub end: usize,
    /// Passive: a form of "be" (or "get") governs the main verb's past participle.
    pub passive: bool,
    /// A modal, "not" or "never" in the group.
    pub modal: bool,
    pub negated: bool,
}

/// A sentence with its tags, chunks and verb groups.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub tags: Vec<Tagged>,
    pub chunks: Vec<Chunk>,
    pub groups: Vec<VerbGroup>,
}

impl Parsed {
    /// The chunk that token `i` lies in.
    pub fn chunk_at(&self, i: usize) -> Option<&Chunk> {
        let k = self.chunks.partition_point(|c| c.end <= i);
        self.chunks.get(k).filter(|c| c.start <= i)
    }

    /// The chunk that ends just before token `i`.
    pub fn chunk_ending(&self, i: usize) -> Option<&Chunk> {
        self.chunks.iter().rev().find(|c| c.end == i)
    }

    /// The chunk starting at token `i`.
    pub fn chunk_starting(&self, i: usize) -> Option<&Chunk> {
        let k = self.chunks.partition_point(|c| c.start < i);
        self.chunks.get(k).filter(|c| c.start == i)
    }

    pub fn tag(&self, i: usize) -> Option<Tag> {
        self.tags.get(i).map(|t| t.tag)
    }
}

const DETERMINERS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "these",
    "those",
    "every",
    "each",
    "some",
    "any",
    "no",
    "all",
    "both",
    "either",
    "neither",
    "another",
    "such",
    "much",
    "many",
    "several",
    "few",
    "more",
    "most",
    "enough",
    "what",
    "whatever",
    "whichever",
    "less",
    "fewer",
    "other",
    "own",
];
const PRONOUNS: &[&str] = &[
    "i",
    "you",
    "he",
    "she",
    "it",
    "we",
    "they",
    "me",
    "him",
    "us",
    "them",
    "myself",
    "yourself",
    "himself",
    "herself",
    "itself",
    "ourselves",
    "themselves",
    "someone",
    "somebody",
    "anyone",
    "anybody",
    "everyone",
    "everybody",
    "nobody",
    "something",
    "anything",
    "everything",
    "nothing",
    "mine",
    "yours",
    "hers",
    "ours",
    "theirs",
    "one",
    "none",
];
const POSSESSIVE_PRONOUNS: &[&str] = &["my", "your", "his", "its", "our", "their"];
const PREPOSITIONS: &[&str] = &[
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "into",
    "onto",
    "upon",
    "about",
    "above",
    "across",
    "after",
    "against",
    "along",
    "among",
    "amongst",
    "around",
    "before",
    "behind",
    "below",
    "beneath",
    "beside",
    "besides",
    "between",
    "beyond",
    "despite",
    "during",
    "except",
    "inside",
    "near",
    "off",
    "out",
    "outside",
    "over",
    "past",
    "per",
    "since",
    "through",
    "throughout",
    "toward",
    "towards",
    "under",
    "underneath",
    "unlike",
    "until",
    "till",
    "up",
    "via",
    "within",
    "without",
    "amid",
    "amidst",
    "versus",
    "vs",
    "vs.",
    "like",
    "as",
    "than",
    "including",
    "down",
    "aboard",
    "alongside",
    "atop",
    "plus",
    "minus",
    "worth",
    "following",
    "regarding",
    "concerning",
];
const COORDINATORS: &[&str] = &["and", "or", "but", "nor", "&"];
const SUBORDINATORS: &[&str] =
    &["that", "because", "although", "though", "if", "unless", "whether", "while", "whereas", "once", "so", "lest"];
const WH_WORDS: &[&str] = &["who", "whom", "whose", "which", "where", "when", "why", "how"];
const MODALS: &[&str] = &[
    "will",
    "would",
    "shall",
    "should",
    "can",
    "could",
    "may",
    "might",
    "must",
    "'ll",
    "’ll",
    "'d",
    "’d",
    "ought",
    "cannot",
    "won't",
    "won’t",
    "wouldn't",
    "wouldn’t",
    "shouldn't",
    "shouldn’t",
    "can't",
    "can’t",
    "couldn't",
    "couldn’t",
    "mustn't",
    "mustn’t",
    "mightn't",
];
const BE: &[&str] = &[
    "be",
    "am",
    "is",
    "are",
    "was",
    "were",
    "been",
    "being",
    "'re",
    "’re",
    "'m",
    "’m",
    "isn't",
    "isn’t",
    "aren't",
    "aren’t",
    "wasn't",
    "wasn’t",
    "weren't",
    "weren’t",
];
const HAVE: &[&str] =
    &["have", "has", "had", "having", "'ve", "’ve", "hasn't", "hasn’t", "haven't", "haven’t", "hadn't", "hadn’t"];
const DO: &[&str] = &["do", "does", "did", "don't", "don’t", "doesn't", "doesn’t", "didn't", "didn’t"];
const NEGATIONS: &[&str] = &["not", "n't", "n’t", "never"];
const NUMBER_WORDS: &[&str] = &[
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "fifteen",
    "twenty",
    "thirty",
    "forty",
    "fifty",
    "hundred",
    "hundreds",
    "thousand",
    "thousands",
    "million",
    "millions",
    "billion",
    "billions",
    "trillion",
    "dozen",
    "dozens",
    "half",
    "bn",
    "mn",
    "m",
    "k",
];
/// Particles that join a verb ("step down", "set up"): a particle when the verb and it are one WordNet verb.
const PARTICLES: &[&str] =
    &["up", "down", "out", "off", "over", "back", "away", "in", "on", "through", "ahead", "forward"];
/// Adverbs WordNet files under other parts of speech, or that matter to the rules before it is asked.
const ADVERBS: &[&str] = &[
    "also",
    "already",
    "still",
    "just",
    "now",
    "then",
    "again",
    "later",
    "earlier",
    "soon",
    "yet",
    "even",
    "only",
    "too",
    "very",
    "so",
    "almost",
    "nearly",
    "recently",
    "currently",
    "previously",
    "reportedly",
    "allegedly",
    "today",
    "yesterday",
    "tomorrow",
    "ago",
    "here",
    "there",
    "however",
    "meanwhile",
    "instead",
    "perhaps",
    "once",
    "first",
    "last",
    "further",
    "together",
    "ever",
    "often",
    "sharply",
    "about",
    "around",
    "roughly",
    "some",
];

fn any(list: &[&str], w: &str) -> bool {
    list.contains(&w)
}

/// What a word can be, before its neighbours decide.
#[derive(Debug, Clone, Copy, Default)]
struct Readings {
    noun: Option<(&'static str, u32)>,
    verb: Option<(&'static str, VerbForm, u32)>,
    adj: Option<u32>,
    adv: Option<u32>,
}

thread_local! {
    /// Readings of the words seen by this thread: a word's readings depend on the word alone, and looking them up
    /// costs several WordNet lookups. Cleared when it grows large, so memory stays bounded.
    static READINGS: RefCell<FastMap<String, Readings>> = RefCell::new(FastMap::default());
}

impl Readings {
    fn of(word: &str) -> Readings {
        READINGS.with(|cache| {
            let mut cache = cache.borrow_mut();
            if let Some(r) = cache.get(word) {
                return *r;
            }
            if cache.len() > 200_000 {
                cache.clear();
            }
            let r = Readings::compute(word);
            cache.insert(word.to_string(), r);
            r
        })
    }

    fn compute(word: &str) -> Readings {
        let wn = &*WORDNET;
        // "U.S.-backed", "cost-cutting": the last part decides.
        let lookup = if wn.has(word, Pos::Noun) || wn.has(word, Pos::Verb) || wn.has(word, Pos::Adj) {
            word
        } else {
            word.rsplit('-').next().unwrap_or(word)
        };
        let count = |lemma: &str, pos: Pos| wn.entry(lemma, pos).map_or(0, |e| e.count);
        let noun = wn.noun(lookup).map(|l| (l, count(l, Pos::Noun)));
        let verb = wn.verb(lookup).map(|(l, f)| (l, f, count(l, Pos::Verb)));
        let adj = wn.most_frequent(lookup, Pos::Adj).map(|l| count(l, Pos::Adj));
        let adv = wn.has(lookup, Pos::Adv).then(|| count(lookup, Pos::Adv));
        let mut r = Readings { noun, verb, adj, adv };
        if r.noun.is_none() && r.verb.is_none() && r.adj.is_none() && r.adv.is_none() {
            // Unknown to WordNet: the shape of the word tells.
            if lookup.ends_with("ly") && lookup.len() > 4 {
                r.adv = Some(0);
            } else if lookup.ends_with("ed") && lookup.len() > 4 {
                r.verb = Some(("", VerbForm::Ed, 0));
                r.adj = Some(0);
            } else {
                r.noun = Some(("", 0));
            }
        }
        r
    }

    fn verb_form(&self) -> Option<VerbForm> {
        self.verb.map(|v| v.1)
    }
}

/// Tag, chunk and group one sentence. `names` are the spans of the names found in the article (they are proper
/// nouns, whatever their words look like).
pub fn parse(doc: &Document, sentence: &Sentence, names: &[Span]) -> Parsed {
    let tokens = &sentence.tokens;
    let heading = doc.in_heading(sentence);
    let words: Vec<Cow<str>> = tokens.iter().map(|t| doc.lower(t)).collect();
    let in_name = |t: &Token| names.iter().any(|n| n.contains(t.span));
    let mut tags: Vec<Tagged> = Vec::with_capacity(tokens.len());
    let readings: Vec<Option<Readings>> = tokens
        .iter()
        .zip(&words)
        .map(|(t, w)| (t.kind == TokenKind::Word && closed_class(w).is_none()).then(|| Readings::of(w)))
        .collect();
    for (i, t) in tokens.iter().enumerate() {
        let w = &*words[i];
        let raw = doc.tok(t);
        let tagged = |tag: Tag| Tagged { tag, lemma: "" };
        if t.kind == TokenKind::Number {
            tags.push(tagged(Tag::Num));
            continue;
        }
        if t.kind == TokenKind::Punct {
            let tag = if matches!(raw, "$" | "€" | "£" | "¥" | "#" | "%") { Tag::Num } else { Tag::Punct };
            tags.push(tagged(tag));
            continue;
        }
        let capital = raw.chars().next().is_some_and(char::is_uppercase);
        let first =
            i == 0 || matches!(tags.last().map(|t| t.tag), Some(Tag::Punct)) && is_opening(doc.tok(&tokens[i - 1]));
        if in_name(t) || (capital && !first && !heading && closed_class(w).is_none() && w != "i") {
            tags.push(tagged(Tag::Proper));
            continue;
        }
        if let Some(mut tag) = closed_class(w) {
            if tag == Tag::To {
                // "to cut", not "to the market" or "to China".
                let next_base =
                    readings.get(i + 1).copied().flatten().is_some_and(|n| n.verb_form() == Some(VerbForm::Base));
                let next_raw = tokens.get(i + 1).map(|t| doc.tok(t)).unwrap_or("");
                let next_closed = words.get(i + 1).and_then(|w| closed_class(w));
                let verb_next = next_base && !next_raw.chars().next().is_some_and(char::is_uppercase)
                    || next_closed.is_some_and(|t| t.is_verb() || t == Tag::Adv);
                if !verb_next {
                    tag = Tag::Prep;
                }
            }
            tags.push(tagged(tag));
            continue;
        }
        let r = readings[i].unwrap_or_default();
        if capital && (first || heading) && r.noun.is_none() && r.verb.is_none() && r.adj.is_none() && r.adv.is_none() {
            tags.push(tagged(Tag::Proper));
            continue;
        }
        if capital && r.noun.is_some_and(|n| n.0.is_empty()) && r.verb.is_none() {
            // An unknown capitalised word at a sentence start is a name more often than not.
            tags.push(tagged(Tag::Proper));
            continue;
        }
        let next = readings.get(i + 1).copied().flatten();
        let next_word = words.get(i + 1).map(|w| &**w).unwrap_or("");
        let next_capital = tokens.get(i + 1).is_some_and(|t| doc.tok(t).starts_with(char::is_uppercase));
        let tag = decide(&tags, &words, i, &r, next.as_ref(), next_word, next_capital);
        let lemma = match tag {
            Tag::Verb(_) => r.verb.map_or("", |v| v.0),
            Tag::Noun => r.noun.map_or("", |n| n.0),
            Tag::Adj => r.verb.map_or("", |v| v.0),
            _ => "",
        };
        tags.push(Tagged { tag, lemma });
    }
    compounds(&mut tags, &words, &readings);
    auxiliaries(&mut tags, &words);
    particles(&mut tags, &words);
    let chunks = chunk(&tags, &words);
    let groups = verb_groups(&tags, &words);
    Parsed { tags, chunks, groups }
}

fn is_opening(word: &str) -> bool {
    matches!(word, "\"" | "“" | "‘" | "'" | "(" | "[" | "-" | "—" | "–" | ":" | ";")
}

/// The closed-class words with their tags, looked up once per token.
static CLOSED: LazyLock<FastMap<&'static str, Tag>> = LazyLock::new(|| {
    let lists = [
        DETERMINERS,
        POSSESSIVE_PRONOUNS,
        &["her"],
        PRONOUNS,
        &["'s", "’s", "to"],
        MODALS,
        BE,
        HAVE,
        DO,
        NEGATIONS,
        COORDINATORS,
        WH_WORDS,
        SUBORDINATORS,
        PREPOSITIONS,
        NUMBER_WORDS,
        ADVERBS,
    ];
    let mut map = FastMap::default();
    for list in lists {
        for &w in list {
            if let Some(tag) = closed_class_by_lists(w) {
                map.entry(w).or_insert(tag);
            }
        }
    }
    map
});

/// The tag of a closed-class word, if it is one. "be", "have" and "do" are main verbs here; [`auxiliaries`] makes
/// them auxiliaries where a participle or infinitive follows.
fn closed_class(w: &str) -> Option<Tag> {
    CLOSED.get(w).copied()
}

fn closed_class_by_lists(w: &str) -> Option<Tag> {
    Some(if any(DETERMINERS, w) {
        Tag::Det
    } else if any(POSSESSIVE_PRONOUNS, w) || w == "her" {
        Tag::PossPron
    } else if any(PRONOUNS, w) {
        Tag::Pron
    } else if w == "'s" || w == "’s" {
        Tag::Poss
    } else if w == "to" {
        Tag::To
    } else if any(MODALS, w) {
        Tag::Modal
    } else if any(BE, w) {
        Tag::Verb(if w == "be" {
            VerbForm::Base
        } else if w == "being" {
            VerbForm::Ing
        } else {
            VerbForm::Ed
        })
    } else if any(HAVE, w) || any(DO, w) {
        Tag::Verb(VerbForm::Base)
    } else if any(NEGATIONS, w) {
        Tag::Neg
    } else if any(COORDINATORS, w) {
        Tag::Coord
    } else if any(WH_WORDS, w) {
        Tag::Wh
    } else if any(SUBORDINATORS, w) {
        Tag::Sub
    } else if any(PREPOSITIONS, w) {
        Tag::Prep
    } else if any(NUMBER_WORDS, w) {
        Tag::Num
    } else if any(ADVERBS, w) {
        Tag::Adv
    } else {
        return None;
    })
}

/// Whether a lower-case word is a closed-class word: a determiner, pronoun, preposition, conjunction, auxiliary.
pub fn is_function_word(w: &str) -> bool {
    closed_class(w).is_some()
}

/// The lemma of a closed-class verb ("was" → "be").
pub fn aux_lemma(w: &str) -> Option<&'static str> {
    if any(BE, w) {
        Some("be")
    } else if any(HAVE, w) {
        Some("have")
    } else if any(DO, w) {
        Some("do")
    } else {
        None
    }
}

/// Decide the tag of an open-class word from its readings and its neighbours.
fn decide(
    tags: &[Tagged],
    words: &[Cow<str>],
    i: usize,
    r: &Readings,
    next: Option<&Readings>,
    next_word: &str,
    next_capital: bool,
) -> Tag {
    let prev = tags.last().map(|t| t.tag);
    // The last tag before `i` that is not an adverb or a negation.
    let before_adverbs = tags.iter().rev().map(|t| t.tag).find(|t| !matches!(t, Tag::Adv | Tag::Neg));
    let prev_word = if i > 0 { &*words[i - 1] } else { "" };
    let verb = |form: VerbForm| Tag::Verb(form);
    let form = r.verb_form();
    let next_nominal = next.is_some_and(|n| n.noun.is_some() || n.adj.is_some()) || next_word.is_empty();
    let next_starts_np = matches!(closed_class(next_word), Some(Tag::Det | Tag::PossPron | Tag::Num | Tag::Pron))
        || next_word.chars().next().is_some_and(|c| c.is_ascii_digit() || c == '$')
        || next_capital;
    if let Some(v) = r.verb {
        let only_verb = r.noun.is_none() && r.adj.is_none() && r.adv.is_none();
        match before_adverbs {
            // "to cut", "will cut", "did not cut"
            Some(Tag::To | Tag::Modal) if matches!(v.1, VerbForm::Base) => return verb(VerbForm::Base),
            Some(Tag::Verb(_))
                if aux_lemma(prev_word_skipping(tags, words, i)).is_some_and(|l| l == "do")
                    && v.1 == VerbForm::Base =>
            {
                return verb(VerbForm::Base);
            }
            // "has cut", "was bought", "is selling"
            Some(Tag::Verb(_)) if aux_lemma(prev_word_skipping(tags, words, i)).is_some_and(|l| l != "do") => {
                let aux = aux_lemma(prev_word_skipping(tags, words, i)).unwrap_or("");
                match v.1 {
                    VerbForm::Ed => {
                        if r.adj.is_some_and(|a| a > v.2 * 3 + 3) && aux == "be" && !next_word.eq("by") {
                            return Tag::Adj;
                        }
                        return verb(VerbForm::Ed);
                    }
                    VerbForm::Ing if aux == "be" => {
                        if r.noun.is_some_and(|n| n.1 > v.2 * 4 + 4) && matches!(prev, Some(Tag::Det)) {
                            return Tag::Noun;
                        }
                        return verb(VerbForm::Ing);
                    }
                    _ => {}
                }
            }
            // "he said", "they cut", "which makes"
            Some(Tag::Pron | Tag::Wh) if !matches!(prev, Some(Tag::Poss)) => {
                let subject = matches!(prev_word, "i" | "you" | "he" | "she" | "it" | "we" | "they" | "who" | "which")
                    || matches!(before_adverbs, Some(Tag::Wh));
                if subject && matches!(v.1, VerbForm::Base | VerbForm::S | VerbForm::Ed) {
                    return verb(v.1);
                }
            }
            _ => {}
        }
        if only_verb {
            // Past participles and "-ing" forms between a determiner and a noun modify it ("the proposed deal").
            if matches!(prev, Some(Tag::Det | Tag::PossPron | Tag::Poss | Tag::Adj | Tag::Num))
                && matches!(v.1, VerbForm::Ed | VerbForm::Ing)
                && next.is_some_and(|n| n.noun.is_some())
            {
                return Tag::Adj;
            }
            return verb(v.1);
        }
    }
    // "was cordial", "is likely": an adjective after a copula.
    if r.adj.is_some()
        && aux_lemma(prev_word) == Some("be")
        && !next.is_some_and(|n| n.noun.is_some() && n.adj.is_none())
    {
        return Tag::Adj;
    }
    // After a determiner, a possessive, an adjective or a number: a noun, or an adjective before one.
    if matches!(prev, Some(Tag::Det | Tag::PossPron | Tag::Poss | Tag::Num | Tag::Adj)) {
        if let Some(a) = r.adj {
            let noun_count = r.noun.map_or(0, |n| n.1);
            let next_noun = next.is_some_and(|n| n.noun.is_some()) || next_capital;
            if r.noun.is_none() || (next_noun && a * 4 + 1 >= noun_count) {
                return Tag::Adj;
            }
        }
        if r.noun.is_some() {
            return Tag::Noun;
        }
        if matches!(form, Some(VerbForm::Ed | VerbForm::Ing)) {
            return Tag::Adj;
        }
        return if r.adv.is_some() { Tag::Adv } else { Tag::Noun };
    }
    // "held talks", "reported losses": right after a main verb, a word that can be a noun is its object.
    if r.noun.is_some() && matches!(prev, Some(Tag::Verb(_))) && aux_lemma(prev_word).is_none() {
        return Tag::Noun;
    }
    if let Some(v) = r.verb {
        let noun_count = r.noun.map_or(0, |n| n.1);
        match prev {
            // "by cutting", "after selling": a gerund.
            Some(Tag::Prep) if v.1 == VerbForm::Ing => return verb(VerbForm::Ing),
            // A noun or a name before a finite form: a verb when an object or an adverbial follows ("Boeing cuts
            // jobs", "the company cut 5,000 jobs", "sales fell 20%"), not inside a noun phrase ("the job cuts
            // hurt", "the U.S. market").
            Some(Tag::Noun | Tag::Proper | Tag::Num | Tag::Pron) => {
                let inside = matches!(
                    tags.get(i.wrapping_sub(2)).map(|t| t.tag),
                    Some(Tag::Det | Tag::Adj | Tag::PossPron | Tag::Poss)
                ) && !words[i - 1].ends_with('s');
                let next_verbish = next.is_some_and(|n| {
                    n.verb.is_some_and(|v| v.2 > n.noun.map_or(0, |x| x.1) && n.adj.is_none_or(|a| v.2 > a))
                });
                let follows = next_starts_np
                    || matches!(closed_class(next_word), Some(Tag::To | Tag::Adv | Tag::Sub))
                    || next.is_some_and(|n| n.adv.is_some() && n.noun.is_none());
                if v.1 == VerbForm::Ed {
                    if r.noun.is_some_and(|n| n.1 > v.2 * 5 + 5) && !follows {
                        return Tag::Noun;
                    }
                    return verb(VerbForm::Ed);
                }
                if inside {
                    let object = follows || next.is_some_and(|n| n.noun.is_some()) && !next_verbish;
                    return if object && v.1 != VerbForm::Ing { verb(v.1) } else { Tag::Noun };
                }
                match v.1 {
                    VerbForm::S | VerbForm::Base => {
                        let prep = matches!(closed_class(next_word), Some(Tag::Prep));
                        if follows || prep || v.2 > noun_count * 3 + 3 && !next_nominal {
                            return verb(v.1);
                        }
                    }
                    VerbForm::Ing => {
                        if r.noun.is_none_or(|n| n.1 <= v.2) {
                            return verb(VerbForm::Ing);
                        }
                    }
                    VerbForm::Ed => {}
                }
            }
            // "rose and fell": a verb coordinated with a verb.
            Some(Tag::Coord) => {
                let before =
                    tags.iter().rev().skip(1).map(|t| t.tag).find(|t| !matches!(t, Tag::Adv | Tag::Num | Tag::Punct));
                if matches!(before, Some(Tag::Verb(_)) | Some(Tag::Noun | Tag::Num) if tags[..i - 1].iter().any(|t| t.tag.is_verb()))
                    && matches!(v.1, VerbForm::Ed | VerbForm::S)
                    && !next_nominal
                {
                    return verb(v.1);
                }
            }
            _ => {}
        }
        if r.noun.is_none() && r.adj.is_none() {
            return verb(v.1);
        }
        if r.noun.is_none() {
            // An adjective or a verb: a participle before a noun modifies it.
            // Not after a comma or at the start: ", said Chancellor Olaf Scholz" is the verb.
            let modifier_slot =
                matches!(prev, Some(Tag::Det | Tag::PossPron | Tag::Poss | Tag::Adj | Tag::Num | Tag::Prep));
            let modifier =
                next.is_some_and(|n| n.noun.is_some()) && modifier_slot && matches!(v.1, VerbForm::Ed | VerbForm::Ing);
            return if modifier || r.adj.is_some_and(|a| a > v.2) { Tag::Adj } else { verb(v.1) };
        }
        // Noun or verb, no context decided: the more frequent, a plural-looking "-s" form counting for the noun.
        let noun_weight = noun_count * if v.1 == VerbForm::S { 3 } else { 1 } + 1;
        if v.2 > noun_weight * 2 && !matches!(prev, None | Some(Tag::Punct | Tag::Prep)) {
            return verb(v.1);
        }
        return Tag::Noun;
    }
    if r.noun.is_some() {
        if let Some(a) = r.adj {
            if a > r.noun.map_or(0, |n| n.1) && next.is_some_and(|n| n.noun.is_some()) {
                return Tag::Adj;
            }
        }
        return Tag::Noun;
    }
    if r.adj.is_some() {
        return Tag::Adj;
    }
    if r.adv.is_some() {
        return Tag::Adv;
    }
    Tag::Noun
}

/// A noun-or-verb "-s" or base form after a noun is a noun of a compound when its clause has another finite verb:
/// before it ("There are 500 Apple engineers at ..."), or after it when a preposition follows it ("Stock markets
/// around the world have fallen").
fn compounds(tags: &mut [Tagged], words: &[Cow<str>], readings: &[Option<Readings>]) {
    let boundary = |t: &Tagged, w: &str| {
        matches!(t.tag, Tag::Coord | Tag::Sub | Tag::Wh)
            || t.tag == Tag::Punct && matches!(w, "," | ";" | ":" | "(" | ")")
    };
    let finite = |t: &Tagged| matches!(t.tag, Tag::Verb(VerbForm::Ed | VerbForm::S) | Tag::Aux | Tag::Modal);
    for i in 1..tags.len() {
        let Tag::Verb(form @ (VerbForm::S | VerbForm::Base)) = tags[i].tag else { continue };
        let Some(r) = readings[i].as_ref().filter(|r| r.noun.is_some()) else { continue };
        if !matches!(tags[i - 1].tag, Tag::Noun | Tag::Proper) || aux_lemma(&words[i]).is_some() {
            continue;
        }
        let _ = form;
        let before = (0..i - 1).rev().take_while(|&k| !boundary(&tags[k], &words[k])).any(|k| finite(&tags[k]));
        let prep_next = matches!(tags.get(i + 1).map(|t| t.tag), Some(Tag::Prep));
        let after =
            prep_next && (i + 1..tags.len()).take_while(|&k| !boundary(&tags[k], &words[k])).any(|k| finite(&tags[k]));
        if before || after {
            tags[i] = Tagged { tag: Tag::Noun, lemma: r.noun.map_or("", |n| n.0) };
        }
    }
}

/// The word before token `i`, skipping adverbs and negations.
fn prev_word_skipping<'w>(tags: &[Tagged], words: &'w [Cow<str>], i: usize) -> &'w str {
    (0..i).rev().find(|&k| !matches!(tags[k].tag, Tag::Adv | Tag::Neg)).map_or("", |k| &*words[k])
}

/// "be", "have" and "do" before a participle or an infinitive (adverbs and negation between) are auxiliaries.
fn auxiliaries(tags: &mut [Tagged], words: &[Cow<str>]) {
    for i in 0..tags.len() {
        let Some(lemma) = aux_lemma(&words[i]) else { continue };
        let next = (i + 1..tags.len()).find(|&k| !matches!(tags[k].tag, Tag::Adv | Tag::Neg));
        let aux = match next.map(|k| tags[k].tag) {
            Some(Tag::Verb(VerbForm::Ed)) => lemma != "do",
            Some(Tag::Verb(VerbForm::Ing)) => lemma == "be",
            Some(Tag::Verb(VerbForm::Base)) => lemma == "do",
            // "has been", "is being", "does have": the next be/have/do is the verb or the next auxiliary.
            _ => false,
        };
        if aux {
            tags[i] = Tagged { tag: Tag::Aux, lemma };
        } else if tags[i].tag.is_verb() {
            tags[i].lemma = lemma;
        }
    }
}

/// A preposition right after a verb that forms a WordNet verb with it ("step down", "take over") is its particle.
fn particles(tags: &mut [Tagged], words: &[Cow<str>]) {
    for i in 1..tags.len() {
        if tags[i].tag != Tag::Prep && tags[i].tag != Tag::Adv || !any(PARTICLES, &words[i]) {
            continue;
        }
        let Tag::Verb(_) = tags[i - 1].tag else { continue };
        let lemma = tags[i - 1].lemma;
        if lemma.is_empty() {
            continue;
        }
        let phrasal = format!("{lemma} {}", words[i]);
        if WORDNET.has(&phrasal, Pos::Verb) {
            tags[i].tag = Tag::Part;
        }
    }
}

/// Noun phrases: determiners, possessives, numbers, adjectives and nouns ending in a noun, name, number or pronoun.
fn chunk(tags: &[Tagged], words: &[Cow<str>]) -> Vec<Chunk> {
    let mut chunks = Vec::new();
    let mut i = 0;
    while i < tags.len() {
        let t = tags[i].tag;
        let opens = matches!(t, Tag::Det | Tag::PossPron | Tag::Num | Tag::Adj | Tag::Noun | Tag::Proper | Tag::Pron);
        if !opens {
            i += 1;
            continue;
        }
        if t == Tag::Pron {
            chunks.push(Chunk { start: i, end: i + 1, head: i });
            i += 1;
            continue;
        }
        let mut j = i;
        let mut head = None;
        while j < tags.len() {
            let tj = tags[j].tag;
            let continues = match tj {
                Tag::Det => {
                    j == i || matches!(tags[j - 1].tag, Tag::Det) && any(&["all", "both", "half"], &words[j - 1])
                }
                Tag::PossPron => j == i,
                Tag::Poss => head.is_some(),
                Tag::Num | Tag::Adj | Tag::Noun | Tag::Proper => true,
                // "U.S.-made", "the twice-delayed": an adverb before an adjective or participle.
                Tag::Adv => tags.get(j + 1).is_some_and(|n| matches!(n.tag, Tag::Adj)) && j > i,
                _ => false,
            };
            if !continues {
                break;
            }
            if tj.is_nominal() {
                head = Some(j);
            } else if tj == Tag::Poss {
                head = None;
            }
            j += 1;
        }
        match head {
            Some(h) => {
                // A phrase ends at its head: what follows (an adjective, a possessive) is another.
                let end = h + 1;
                chunks.push(Chunk { start: i, end, head: h });
                i = end;
            }
            None => i = j.max(i + 1),
        }
    }
    chunks
}

/// The verb groups of a sentence.
fn verb_groups(tags: &[Tagged], words: &[Cow<str>]) -> Vec<VerbGroup> {
    let mut groups = Vec::new();
    for i in 0..tags.len() {
        let Tag::Verb(form) = tags[i].tag else { continue };
        let mut start = i;
        let mut passive = false;
        let mut modal = false;
        let mut negated = false;
        while start > 0 && matches!(tags[start - 1].tag, Tag::Aux | Tag::Modal | Tag::Neg | Tag::Adv) {
            start -= 1;
            match tags[start].tag {
                Tag::Aux if tags[start].lemma == "be" && form == VerbForm::Ed => passive = true,
                Tag::Modal => {
                    modal = true;
                    negated |= words[start].contains("n't") || words[start].contains("n’t");
                }
                Tag::Neg => negated = true,
                Tag::Aux => negated |= words[start].contains("n't") || words[start].contains("n’t"),
                _ => {}
            }
        }
        // Adverbs before the first auxiliary belong to the clause, not the group.
        while start < i && tags[start].tag == Tag::Adv {
            start += 1;
        }
        // "got fired": "get" before a participle is a passive too.
        if form == VerbForm::Ed && i > 0 && matches!(&*words[i - 1], "get" | "gets" | "got" | "gotten" | "getting") {
            passive = true;
        }
        let end = if tags.get(i + 1).is_some_and(|t| t.tag == Tag::Part) { i + 2 } else { i + 1 };
        groups.push(VerbGroup { start, verb: i, end, passive, modal, negated });
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tags(text: &str) -> Vec<(String, Tag)> {
        let doc = Document::parse(text);
        let mut out = Vec::new();
        for s in &doc.sentences {
            let p = parse(&doc, s, &[]);
            for (t, tag) in s.tokens.iter().zip(&p.tags) {
                out.push((doc.tok(t).to_string(), tag.tag));
            }
        }
        out
    }

    fn tag_of(text: &str, word: &str) -> Tag {
        tags(text).into_iter().find(|(w, _)| w == word).map(|(_, t)| t).unwrap_or(Tag::Punct)
    }

    #[test]
    #[ignore]
    fn show() {
        let text = std::env::var("NKG_SHOW").unwrap_or_default();
        let doc = Document::parse(&text);
        for s in &doc.sentences {
            let p = parse(&doc, s, &[]);
            let line: Vec<String> =
                s.tokens.iter().zip(&p.tags).map(|(t, g)| format!("{}/{:?}", doc.tok(t), g.tag)).collect();
            println!("{}", line.join(" "));
            for c in &p.chunks {
                println!("  NP {}", &doc.text[s.tokens[c.start].span.start..s.tokens[c.end - 1].span.end]);
            }
        }
    }

    #[test]
    fn nouns_and_verbs_are_told_apart_by_their_neighbours() {
        assert_eq!(tag_of("The company cut 5,000 jobs.", "cut"), Tag::Verb(VerbForm::Base));
        assert_eq!(tag_of("The job cuts hurt the town.", "cuts"), Tag::Noun);
        assert_eq!(tag_of("Boeing cuts jobs in Seattle.", "cuts"), Tag::Verb(VerbForm::S));
        assert_eq!(tag_of("Sales fell 20% in March.", "fell"), Tag::Verb(VerbForm::Ed));
        assert_eq!(tag_of("Sales fell 20% in March.", "Sales"), Tag::Noun);
        assert_eq!(tag_of("They plan to cut costs.", "plan"), Tag::Verb(VerbForm::Base));
        assert_eq!(tag_of("The plan was rejected.", "plan"), Tag::Noun);
        assert_eq!(tag_of("The plan was rejected.", "rejected"), Tag::Verb(VerbForm::Ed));
        assert_eq!(tag_of("Shares rose.", "rose"), Tag::Verb(VerbForm::Ed));
        assert_eq!(tag_of("He has sold the proposed unit.", "proposed"), Tag::Adj);
    }

    #[test]
    fn auxiliaries_and_passives_are_found() {
        let doc = Document::parse("The plant was sold by Ford and has been closed.");
        let p = parse(&doc, &doc.sentences[0], &[]);
        let verbs: Vec<(&str, bool)> =
            p.groups.iter().map(|g| (doc.tok(&doc.sentences[0].tokens[g.verb]), g.passive)).collect();
        assert_eq!(verbs, vec![("sold", true), ("closed", true)]);
    }

    #[test]
    fn chunks_end_at_their_head() {
        let doc = Document::parse("Apple's new retail stores sold 2 million phones to the U.S. market.");
        let p = parse(&doc, &doc.sentences[0], &[]);
        let s = &doc.sentences[0];
        let text: Vec<&str> =
            p.chunks.iter().map(|c| &doc.text[s.tokens[c.start].span.start..s.tokens[c.end - 1].span.end]).collect();
        assert_eq!(text, vec!["Apple's new retail stores", "2 million phones", "the U.S. market"]);
    }
}
