//! WordNet 3.0, as `scripts/build_wordnet.py` converts it (`data/wordnet.tsv`, `data/wordnet_exceptions.tsv`):
//! each lemma's parts of speech with their SemCor frequencies, the lexicographer file of each sense, a verb's
//! sentence frames and the derivations between nouns and verbs; and WordNet's own lemmatiser (morphy: exception
//! lists, then suffix detachment), to reach a lemma from an inflected form.
//!
//! The tagger ([`crate::syntax`]) takes its part-of-speech priors from here, and the event stage asks whether a noun
//! names an event (EVITA's test, Saurí et al. 2005: its senses lie in the act, event, process or phenomenon files)
//! and which class a verb's event has when the hand-made lexicon does not say.

use std::sync::LazyLock;

use crate::lexicon::FastMap;

/// A WordNet part of speech.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Pos {
    Verb,
    Noun,
    Adj,
    Adv,
}

impl Pos {
    fn from_code(code: &str) -> Option<Pos> {
        Some(match code {
            "v" => Pos::Verb,
            "n" => Pos::Noun,
            "a" => Pos::Adj,
            "r" => Pos::Adv,
            _ => return None,
        })
    }

    fn index(self) -> usize {
        self as usize
    }
}

/// One lemma in one part of speech, its columns kept as written (parsed when asked, so that loading WordNet costs
/// one pass over the file and no allocation per row).
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// SemCor tag count summed over the senses.
    pub count: u32,
    senses: &'static str,
    frames: &'static str,
    derived: &'static str,
}

impl Entry {
    /// The senses, most frequent first: lexicographer file (without its part-of-speech prefix) and tag count.
    pub fn senses(&self) -> impl Iterator<Item = (&'static str, u32)> {
        self.senses.split(',').filter_map(|x| x.split_once(':')).map(|(file, n)| (file, n.parse().unwrap_or(0)))
    }

    /// Lemmas of the other part of speech it derives from or gives (noun "acquisition" ↔ verb "acquire").
    pub fn derived(&self) -> impl Iterator<Item = &'static str> {
        self.derived.split('|').filter(|s| !s.is_empty())
    }

    /// The lexicographer file of the first (most frequent) sense.
    pub fn first_file(&self) -> &'static str {
        self.senses().next().map_or("", |s| s.0)
    }

    /// The share of the tag counts on senses in `files` (each sense counted one more, and the first sense two more
    /// when there are several, so that untagged lemmas are weighed by their senses and the first sense leads).
    pub fn share(&self, files: &[&str]) -> f32 {
        let n = self.senses().count() as u32;
        let weight = |k: usize, c: u32| c + 1 + u32::from(k == 0) * n.min(2);
        let (mut total, mut hit) = (0, 0);
        for (k, (file, c)) in self.senses().enumerate() {
            total += weight(k, c);
            if files.contains(&file) {
                hit += weight(k, c);
            }
        }
        if total == 0 {
            0.0
        } else {
            hit as f32 / total as f32
        }
    }

    /// Whether the first sense has sentence frame `frame` (1 "Something ----s", 2 "Somebody ----s", 8 "Somebody
    /// ----s something", ...).
    pub fn has_frame(&self, frame: u32) -> bool {
        self.frames.split(',').any(|f| f.parse() == Ok(frame))
    }
}

/// How an inflected verb form was reached from its lemma.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VerbForm {
    /// The lemma itself: infinitive, imperative, or present tense other than the third person singular.
    Base,
    /// "-s": third person singular present.
    S,
    /// "-ed" or an irregular past: past tense or past participle.
    Ed,
    /// "-ing": present participle or gerund.
    Ing,
}

/// WordNet as newskg ships it.
pub struct WordNet {
    entries: [FastMap<&'static str, Entry>; 4],
    /// Inflected form to (part of speech, lemma).
    exceptions: FastMap<&'static str, Vec<(Pos, &'static str)>>,
}

/// WordNet, parsed on first use.
pub static WORDNET: LazyLock<WordNet> = LazyLock::new(WordNet::load);

/// Morphy's detachment rules (WordNet's `morph.c`): suffix and what replaces it, per part of speech.
const NOUN_RULES: &[(&str, &str)] = &[
    ("s", ""),
    ("ses", "s"),
    ("xes", "x"),
    ("zes", "z"),
    ("ches", "ch"),
    ("shes", "sh"),
    ("men", "man"),
    ("ies", "y"),
];
const VERB_RULES: &[(&str, &str)] =
    &[("s", ""), ("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", "")];
const ADJ_RULES: &[(&str, &str)] = &[("er", ""), ("est", ""), ("er", "e"), ("est", "e")];

impl WordNet {
    fn load() -> Self {
        let mut entries: [FastMap<&'static str, Entry>; 4] = Default::default();
        for (map, size) in entries.iter_mut().zip([12_000, 22_000, 8_000, 4_000]) {
            map.reserve(size);
        }
        for line in include_str!("../data/wordnet.tsv").lines().filter(|l| !l.starts_with('#') && !l.is_empty()) {
            let mut cols = line.split('\t');
            let mut col = || cols.next().unwrap_or("");
            let (lemma, pos) = (col(), col());
            let Some(pos) = Pos::from_code(pos) else { continue };
            let count = col().parse().unwrap_or(0);
            let (senses, frames, derived) = (col(), col(), col());
            entries[pos.index()].insert(lemma, Entry { count, senses, frames, derived });
        }
        let mut exceptions: FastMap<&'static str, Vec<(Pos, &'static str)>> = FastMap::default();
        for line in
            include_str!("../data/wordnet_exceptions.tsv").lines().filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let mut cols = line.split('\t');
            if let (Some(form), Some(pos), Some(lemma)) =
                (cols.next(), cols.next().and_then(Pos::from_code), cols.next())
            {
                exceptions.entry(form).or_default().push((pos, lemma));
            }
        }
        WordNet { entries, exceptions }
    }

    /// The entry of a lemma (lower case) in one part of speech.
    pub fn entry(&self, lemma: &str, pos: Pos) -> Option<&Entry> {
        self.entries[pos.index()].get(lemma)
    }

    /// Whether the lemma is in WordNet in this part of speech.
    pub fn has(&self, lemma: &str, pos: Pos) -> bool {
        self.entries[pos.index()].contains_key(lemma)
    }

    /// The lemmas a lower-case form can be in a part of speech, the form itself first when it is one: morphy's
    /// exception list, then its detachment rules (a lemma reached by a rule must be in WordNet).
    pub fn lemmas(&self, form: &str, pos: Pos) -> Vec<&'static str> {
        let mut out: Vec<&'static str> = Vec::new();
        if let Some((&lemma, _)) = self.entries[pos.index()].get_key_value(form) {
            out.push(lemma);
        }
        if let Some(list) = self.exceptions.get(form) {
            for &(p, lemma) in list {
                if p == pos && !out.contains(&lemma) {
                    out.push(lemma);
                }
            }
        }
        let rules = match pos {
            Pos::Noun => NOUN_RULES,
            Pos::Verb => VERB_RULES,
            Pos::Adj => ADJ_RULES,
            Pos::Adv => &[],
        };
        for (suffix, replacement) in rules {
            let Some(stem) = form.strip_suffix(suffix) else { continue };
            if stem.is_empty() {
                continue;
            }
            let candidate = format!("{stem}{replacement}");
            if let Some((&lemma, _)) = self.entries[pos.index()].get_key_value(candidate.as_str()) {
                if !out.contains(&lemma) {
                    out.push(lemma);
                }
            }
        }
        out
    }

    /// The verb lemma of a lower-case form and how the form inflects it, if the form can be a verb.
    pub fn verb(&self, form: &str) -> Option<(&'static str, VerbForm)> {
        let lemma = self.most_frequent(form, Pos::Verb)?;
        let kind = if form == lemma {
            VerbForm::Base
        } else if form.ends_with("ing") {
            VerbForm::Ing
        } else if form.ends_with('s') && !form.ends_with("ss") && form.len() <= lemma.len() + 2 {
            VerbForm::S
        } else {
            VerbForm::Ed
        };
        Some((lemma, kind))
    }

    /// The noun lemma of a lower-case form, if the form can be a noun.
    pub fn noun(&self, form: &str) -> Option<&'static str> {
        self.most_frequent(form, Pos::Noun)
    }

    /// Of the lemmas a form can be, the one with the most tagged senses ("fell" is "fall" before the verb "fell"),
    /// the form itself on a tie.
    pub fn most_frequent(&self, form: &str, pos: Pos) -> Option<&'static str> {
        let count = |l: &str| self.entry(l, pos).map_or(0, |e| e.count);
        let lemmas = self.lemmas(form, pos);
        let mut best = *lemmas.first()?;
        for &l in &lemmas[1..] {
            if count(l) > count(best) {
                best = l;
            }
        }
        Some(best)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn morphy_reaches_lemmas_through_exceptions_and_suffixes() {
        let wn = &*WORDNET;
        assert_eq!(wn.verb("fell"), Some(("fall", VerbForm::Ed)));
        assert_eq!(wn.verb("rose"), Some(("rise", VerbForm::Ed)));
        assert_eq!(wn.verb("announces"), Some(("announce", VerbForm::S)));
        assert_eq!(wn.verb("announced"), Some(("announce", VerbForm::Ed)));
        assert_eq!(wn.verb("selling"), Some(("sell", VerbForm::Ing)));
        assert_eq!(wn.verb("stopped"), Some(("stop", VerbForm::Ed)));
        assert_eq!(wn.noun("sales"), Some("sale"));
        assert_eq!(wn.verb("found"), Some(("find", VerbForm::Ed)));
        assert_eq!(wn.noun("companies"), Some("company"));
        assert_eq!(wn.verb("the"), None);
    }

    #[test]
    fn entries_carry_counts_senses_and_frames() {
        let wn = &*WORDNET;
        let say = wn.entry("say", Pos::Verb).expect("say");
        assert_eq!(say.first_file(), "communication");
        assert!(say.count > 1000);
        let purchase = wn.entry("purchase", Pos::Noun).expect("purchase");
        assert_eq!(purchase.first_file(), "act");
        assert!(purchase.share(&["act"]) > 0.5);
        assert!(wn.entry("fall", Pos::Verb).is_some_and(|e| e.has_frame(1) && !e.has_frame(8)));
        assert!(wn.entry("acquisition", Pos::Noun).is_some_and(|e| e.derived().any(|d| d == "acquire")));
    }
}
