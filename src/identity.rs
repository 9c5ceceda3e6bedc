//! The identity layer: who is who across articles (issue 17).
//!
//! Each article's graph stays what `extract` writes, a pure function of the article. Over the stored articles this
//! module computes one more named graph, [`IDENTITY_GRAPH`], holding
//! - `owl:sameAs` from a short-form node (`person/trump`, `organization/gm`) to the one full-name node the corpus
//!   knows for it, each link reified as an `nkg:IdentityLink` with its reason text and evidence articles;
//! - an `nkg:IdentityAmbiguity` where a short form fits several full names (nothing is merged then);
//! - an `nkg:CorpusMention` for a bare capitalised word ("Zelensky") that the article's own extraction left alone
//!   but that is the surname of exactly one person the corpus knows: a NIF span of that article, in this graph.
//!
//! The layer depends only on the set of stored articles: every input is read into sorted maps and the output is
//! sorted, so load order, batch size and thread count do not change it.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term};

use crate::extract::{entities, organisations};
use crate::graph;
use crate::graph::vocab::{itsrdf, nif, nkg, owl, prov, rdf, xsd, ID_BASE};
use crate::store::{KnowledgeStore, StoreError};

/// The IRI of the named graph that holds the identity layer.
pub const IDENTITY_GRAPH: &str = "https://w3id.org/newskg/id/graph/identity";

/// A short form is resolved among the full names of articles published this many days around its article first.
pub const WINDOW_DAYS: i64 = 30;

const NKG: &str = nkg::NS;

/// The identity graph's name.
pub fn identity_graph() -> NamedNode {
    NamedNode::new_unchecked(IDENTITY_GRAPH)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Person,
    Organization,
}

#[derive(Debug, Default)]
struct Entity {
    name: String,
    alternate: BTreeSet<String>,
    articles: BTreeSet<String>,
}

#[derive(Debug, Default)]
struct ArticleInfo {
    date: Option<NaiveDate>,
    text: Option<String>,
    /// Spans already covered by the article's own mentions, in code points.
    spans: Vec<(usize, usize)>,
    /// Spans of mentions of things, with the thing.
    things: BTreeMap<(usize, usize), String>,
    /// Lower-case names of the people the article names.
    names: BTreeSet<String>,
}

/// What the corpus holds, read from the article graphs.
#[derive(Debug, Default)]
struct Corpus {
    entities: BTreeMap<(Kind, String), Entity>,
    articles: BTreeMap<String, ArticleInfo>,
    events: BTreeMap<String, EventInfo>,
}

/// An event of an article graph, as the cross-article matching sees it.
#[derive(Debug, Default)]
struct EventInfo {
    article: String,
    class: String,
    actors: BTreeSet<String>,
    date: Option<String>,
}

/// Each row of a SELECT query over the store, as it comes.
fn select(store: &KnowledgeStore, text: &str, f: impl FnMut(&[Option<Term>])) -> Result<(), StoreError> {
    crate::store::select_each(store.inner(), "identity", text, f)
}

fn iri_of(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::NamedNode(n)) => Some(n.as_str().to_string()),
        _ => None,
    }
}

fn literal_of(t: &Option<Term>) -> Option<String> {
    match t {
        Some(Term::Literal(l)) => Some(l.value().to_string()),
        _ => None,
    }
}

fn read_corpus(store: &KnowledgeStore) -> Result<Corpus, StoreError> {
    let mut corpus = Corpus::default();
    select(
        store,
        "SELECT ?g ?date ?text WHERE { GRAPH ?g { ?g a <https://schema.org/NewsArticle> . \
         OPTIONAL { ?g <https://schema.org/datePublished> ?date } \
         OPTIONAL { ?g <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#isString> ?text } } }",
        |row| {
            let Some(g) = iri_of(&row[0]) else { return };
            let info = corpus.articles.entry(g).or_default();
            info.date = literal_of(&row[1]).and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok());
            info.text = literal_of(&row[2]);
        },
    )?;
    select(
        store,
        "SELECT ?g ?e ?kind ?name ?alt WHERE { GRAPH ?g { ?g a <https://schema.org/NewsArticle> . \
         { ?e a <https://schema.org/Person> BIND(\"p\" AS ?kind) } UNION \
         { ?e a <https://schema.org/Organization> BIND(\"o\" AS ?kind) } \
         ?e <https://schema.org/name> ?name . OPTIONAL { ?e <https://schema.org/alternateName> ?alt } } }",
        |row| {
            let (Some(g), Some(e), Some(kind), Some(name)) =
                (iri_of(&row[0]), iri_of(&row[1]), literal_of(&row[2]), literal_of(&row[3]))
            else {
                return;
            };
            let kind = if kind == "p" { Kind::Person } else { Kind::Organization };
            if kind == Kind::Person {
                if let Some(a) = corpus.articles.get_mut(&g) {
                    a.names.insert(graph::name_key(&name));
                }
            }
            let entity = corpus.entities.entry((kind, e)).or_default();
            if entity.name.is_empty() || name < entity.name {
                entity.name = name;
            }
            if let Some(alt) = literal_of(&row[4]) {
                entity.alternate.insert(alt);
            }
            entity.articles.insert(g);
        },
    )?;
    // A mention of a thing (a noun phrase taking part in an event, no entity) does not stop a corpus mention:
    // "spoke by phone with Zelensky" makes "Zelensky" a thing of the phone call when the article knows no Zelensky.
    select(
        store,
        // The offsets are read from the mention's `#char=b,e` IRI, which every provenance level with mentions has.
        "SELECT ?g ?b ?e ?thing WHERE { GRAPH ?g { ?m a <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#Phrase> . \
         OPTIONAL { ?m <http://www.w3.org/2005/11/its/rdf#taIdentRef> ?thing . ?thing a <https://schema.org/Thing> } } \
         BIND(STRAFTER(STR(?m), \"#char=\") AS ?span) FILTER(?span != \"\") \
         BIND(STRBEFORE(?span, \",\") AS ?b) BIND(STRAFTER(?span, \",\") AS ?e) }",
        |row| {
        let (Some(g), Some(b), Some(e)) = (iri_of(&row[0]), literal_of(&row[1]), literal_of(&row[2])) else { return };
        if let (Some(a), Ok(b), Ok(e)) = (corpus.articles.get_mut(&g), b.parse(), e.parse()) {
            match iri_of(&row[3]) {
                Some(thing) => {
                    a.things.insert((b, e), thing);
                }
                None => a.spans.push((b, e)),
            }
        }
        },
    )?;
    for a in corpus.articles.values_mut() {
        a.spans.sort_unstable();
    }
    select(
        store,
        "SELECT ?g ?ev ?class ?actor ?date WHERE { GRAPH ?g { ?ev a <http://semanticweb.cs.vu.nl/2009/11/sem/Event> , ?class . \
         FILTER(STRSTARTS(STR(?class), \"https://w3id.org/newskg/ontology#\")) \
         OPTIONAL { ?ev <http://semanticweb.cs.vu.nl/2009/11/sem/hasActor> ?actor } \
         OPTIONAL { ?ev <http://semanticweb.cs.vu.nl/2009/11/sem/hasTimeStamp> ?date } } }",
        |row| {
        let (Some(g), Some(ev), Some(class)) = (iri_of(&row[0]), iri_of(&row[1]), iri_of(&row[2])) else { return };
        let class = class.trim_start_matches(NKG).to_string();
        if GENERIC_EVENTS.contains(&class.as_str()) {
            return;
        }
        let e = corpus.events.entry(ev).or_default();
        e.article = g;
        // The smallest of several classes and days, so the layer does not depend on the order of the results.
        if e.class.is_empty() || class < e.class {
            e.class = class;
        }
        if let Some(a) = iri_of(&row[3]) {
            e.actors.insert(a);
        }
        if let Some(d) = literal_of(&row[4]) {
            if e.date.as_ref().is_none_or(|old| d < *old) {
                e.date = Some(d);
            }
        }
        },
    )?;
    Ok(corpus)
}

/// Words after a surname that are not the surname ("Jr.", "III").
const SUFFIXES: &[&str] = &["jr", "jr.", "sr", "sr.", "ii", "iii", "iv"];

/// The surname of a full name (two words or more), lower case.
fn surname(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let words: Vec<&str> = match words.split_last() {
        Some((last, rest)) if SUFFIXES.contains(&last.to_lowercase().as_str()) => rest.to_vec(),
        _ => words,
    };
    (words.len() >= 2).then(|| graph::name_key(words[words.len() - 1]))
}

/// Words an acronym skips.
const ACRONYM_SKIPS: &[&str] = &["of", "the", "and", "for", "&", "de", "du", "des", "la", "le", "on", "in"];

/// The initials of an organisation's name ("General Motors": "GM"), upper case.
fn initials(name: &str) -> String {
    name.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty() && !ACRONYM_SKIPS.contains(&w.to_lowercase().as_str()))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect()
}

/// Whether a name is written as an acronym: two to eight capitals (dots and `&` allowed), no lower-case letter.
fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphanumeric()).collect();
    (2..=8).contains(&letters.len())
        && letters.iter().all(|c| c.is_uppercase() || c.is_ascii_digit())
        && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '.' | '&'))
}

/// One resolution of a short form.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Resolution {
    /// The one full-name entity, and the window it was found in (`None`: the whole corpus).
    One(String, Option<NaiveDate>),
    Several(BTreeSet<String>),
    Nothing,
}

/// The layer, computed.
struct Builder {
    quads: Vec<Quad>,
    graph: GraphName,
}

impl Builder {
    fn add(&mut self, s: &str, p: &str, o: Term) {
        self.quads.push(Quad::new(
            NamedOrBlankNode::NamedNode(NamedNode::new_unchecked(s)),
            NamedNode::new_unchecked(p),
            o,
            self.graph.clone(),
        ));
    }
    fn iri(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, NamedNode::new_unchecked(o).into());
    }
    fn text(&mut self, s: &str, p: &str, o: &str) {
        self.add(s, p, Literal::new_simple_literal(o).into());
    }
    fn number(&mut self, s: &str, p: &str, n: usize) {
        self.add(
            s,
            p,
            Literal::new_typed_literal(n.to_string(), NamedNode::new_unchecked(xsd::NON_NEGATIVE_INTEGER)).into(),
        );
    }
}

/// The local part of an entity IRI ("person/trump").
fn local(iri: &str) -> &str {
    iri.strip_prefix(ID_BASE).unwrap_or(iri)
}

/// Full-name entities of a kind by a key (surname or acronym), with the articles that name them in full.
type Index = BTreeMap<String, BTreeMap<String, BTreeSet<String>>>;

/// Resolve `key` for an article dated `date`: among full names in articles within the window first, else anywhere.
fn resolve(index: &Index, corpus: &Corpus, key: &str, date: Option<NaiveDate>, exclude: &str) -> Resolution {
    let Some(candidates) = index.get(key) else { return Resolution::Nothing };
    let candidates: BTreeMap<&String, &BTreeSet<String>> = candidates.iter().filter(|(c, _)| *c != exclude).collect();
    if candidates.is_empty() {
        return Resolution::Nothing;
    }
    if let Some(date) = date {
        let near: BTreeSet<String> = candidates
            .iter()
            .filter(|(_, arts)| {
                arts.iter().any(|a| {
                    corpus
                        .articles
                        .get(a)
                        .and_then(|i| i.date)
                        .is_some_and(|d| (d - date).num_days().abs() <= WINDOW_DAYS)
                })
            })
            .map(|(c, _)| (*c).clone())
            .collect();
        match near.len() {
            1 => return Resolution::One(near.into_iter().next().expect("one"), Some(date)),
            0 => {}
            _ => return Resolution::Several(near),
        }
    }
    match candidates.len() {
        1 => Resolution::One(candidates.keys().next().expect("one").to_string(), None),
        _ => Resolution::Several(candidates.keys().map(|c| (*c).clone()).collect()),
    }
}

/// Compute the identity layer of the store's articles, sorted.
pub fn compute(store: &KnowledgeStore) -> Result<Vec<Quad>, StoreError> {
    let corpus = read_corpus(store)?;
    Ok(layer(&corpus))
}

fn layer(corpus: &Corpus) -> Vec<Quad> {
    let mut b = Builder { quads: Vec::new(), graph: GraphName::NamedNode(identity_graph()) };
    // Keys of full-name entities: people by surname, organisations by their initials and their alternate names.
    let mut by_surname: Index = BTreeMap::new();
    let mut by_short: Index = BTreeMap::new();
    for ((kind, iri), e) in &corpus.entities {
        match kind {
            Kind::Person => {
                if let Some(s) = surname(&e.name) {
                    by_surname.entry(s).or_default().insert(iri.clone(), e.articles.clone());
                }
            }
            Kind::Organization => {
                if e.name.split_whitespace().count() >= 2 {
                    let init = initials(&e.name);
                    if init.chars().count() >= 2 {
                        by_short.entry(init).or_default().insert(iri.clone(), e.articles.clone());
                    }
                    for alt in &e.alternate {
                        if alt != &e.name {
                            by_short.entry(alt.clone()).or_default().insert(iri.clone(), e.articles.clone());
                        }
                    }
                }
            }
        }
    }
    let mut resolved: BTreeMap<String, String> = BTreeMap::new();
    for ((kind, iri), e) in &corpus.entities {
        let (index, key, what) = match kind {
            Kind::Person if e.name.split_whitespace().count() == 1 => {
                (&by_surname, graph::name_key(&e.name), "surname")
            }
            Kind::Organization if is_acronym(&e.name) => (&by_short, e.name.clone(), "acronym"),
            _ => continue,
        };
        let per_article: BTreeSet<Resolution> = e
            .articles
            .iter()
            .map(|a| resolve(index, corpus, &key, corpus.articles.get(a).and_then(|i| i.date), iri))
            .filter(|r| *r != Resolution::Nothing)
            .collect();
        let targets: BTreeSet<&String> = per_article
            .iter()
            .flat_map(|r| match r {
                Resolution::One(t, _) => vec![t],
                Resolution::Several(ts) => ts.iter().collect(),
                Resolution::Nothing => vec![],
            })
            .collect();
        let all_one = per_article.iter().all(|r| matches!(r, Resolution::One(..)));
        match targets.len() {
            0 => {}
            1 if all_one => {
                let target = targets.into_iter().next().expect("one").clone();
                let full = &corpus.entities[&(*kind, target.clone())];
                let window = per_article.iter().find_map(|r| match r {
                    Resolution::One(_, Some(d)) => Some(*d),
                    _ => None,
                });
                let scope = match window {
                    Some(d) => format!("in the articles within {WINDOW_DAYS} days of {d}"),
                    None => "in the corpus".to_string(),
                };
                let reason = match what {
                    "surname" => format!("surname of {}, the only {} named in full {scope}", full.name, e.name),
                    _ => format!("acronym {} of {}, the only organisation it fits {scope}", e.name, full.name),
                };
                b.iri(iri, owl::SAME_AS, &target);
                let link = format!("{ID_BASE}identity/link/{}", local(iri));
                b.iri(&link, rdf::TYPE, rdf::STATEMENT);
                b.iri(&link, rdf::TYPE, &format!("{NKG}IdentityLink"));
                b.iri(&link, rdf::SUBJECT, iri);
                b.iri(&link, rdf::PREDICATE, owl::SAME_AS);
                b.iri(&link, rdf::OBJECT, &target);
                b.text(&link, &format!("{NKG}reason"), &reason);
                b.text(&link, &format!("{NKG}rule"), what);
                for a in &full.articles {
                    b.iri(&link, prov::WAS_DERIVED_FROM, a);
                }
                for a in &e.articles {
                    b.iri(&link, &format!("{NKG}appliesIn"), a);
                }
                resolved.insert(iri.clone(), target);
            }
            _ => {
                let node = format!("{ID_BASE}identity/ambiguity/{}", local(iri));
                b.iri(&node, rdf::TYPE, &format!("{NKG}IdentityAmbiguity"));
                b.iri(&node, &format!("{NKG}ambiguousEntity"), iri);
                let names: Vec<&str> =
                    targets.iter().map(|t| corpus.entities[&(*kind, (*t).clone())].name.as_str()).collect();
                for t in &targets {
                    b.iri(&node, &format!("{NKG}candidate"), t);
                }
                b.text(
                    &node,
                    &format!("{NKG}reason"),
                    &format!("{} {} fits several entities: {}; left unlinked", what, e.name, names.join(", ")),
                );
                for a in &e.articles {
                    b.iri(&node, &format!("{NKG}appliesIn"), a);
                }
            }
        }
    }
    corpus_mentions(corpus, &by_surname, &mut b);
    corpus_events(corpus, &resolved, &mut b);
    let mut quads = b.quads;
    graph::sort_quads(&mut quads);
    quads.dedup();
    quads
}

/// Capitalised words that are never a bare surname here, besides those that are no name at all
/// ([`entities::NOT_NAME`]) or open a sentence ([`organisations::NOT_NAME_START`]): titles, and "May", a surname
/// too rare beside the month to be told from it by the corpus.
const NOT_SURNAME: &[&str] = &["Mr", "Mrs", "Ms", "Dr", "President", "Minister", "May"];

fn never_surname(word: &str) -> bool {
    NOT_SURNAME.contains(&word) || entities::NOT_NAME.contains(&word) || organisations::NOT_NAME_START.contains(&word)
}

/// Bare capitalised words that are the surname of exactly one person the corpus names in full.
fn corpus_mentions(corpus: &Corpus, by_surname: &Index, b: &mut Builder) {
    for (article, info) in &corpus.articles {
        let Some(text) = &info.text else { continue };
        let chars: Vec<char> = text.chars().collect();
        let mut i = 0;
        while i < chars.len() {
            if !chars[i].is_alphabetic() || (i > 0 && chars[i - 1].is_alphanumeric()) {
                i += 1;
                continue;
            }
            let start = i;
            while i < chars.len()
                && (chars[i].is_alphabetic()
                    || (chars[i] == '-' && i + 1 < chars.len() && chars[i + 1].is_alphabetic()))
            {
                i += 1;
            }
            let end = i;
            let word: String = chars[start..end].iter().collect();
            if !chars[start].is_uppercase() || end - start < 3 || never_surname(&word) {
                continue;
            }
            if word.chars().skip(1).all(char::is_uppercase) {
                continue;
            }
            // Part of a longer name: a capitalised word right before or after.
            let capitalised_before = start >= 2 && chars[start - 1] == ' ' && {
                let mut j = start - 1;
                while j > 0 && chars[j - 1].is_alphabetic() {
                    j -= 1;
                }
                j < start - 1 && chars[j].is_uppercase() && !is_sentence_start(&chars, j)
            };
            let capitalised_after = end + 1 < chars.len() && chars[end] == ' ' && chars[end + 1].is_uppercase();
            if capitalised_before || capitalised_after {
                continue;
            }
            if info.spans.iter().any(|&(b0, e0)| b0 < end && start < e0) {
                continue;
            }
            // A thing's mention overlapping the word: only one of exactly the word is the person too.
            let thing = info.things.get(&(start, end));
            if thing.is_none() && info.things.keys().any(|&(b0, e0)| b0 < end && start < e0) {
                continue;
            }
            let key = graph::name_key(&word);
            // The article names someone of that surname itself: its own extraction decided.
            if info.names.iter().any(|n| n == &key || n.ends_with(&format!(" {key}"))) {
                continue;
            }
            let Resolution::One(person, window) = resolve(by_surname, corpus, &key, info.date, "") else { continue };
            let full = &corpus.entities[&(Kind::Person, person.clone())];
            if full.articles.contains(article) {
                continue;
            }
            let m = format!("{article}#char={start},{end}");
            // The validator checks each graph on its own: the span's context is typed here too.
            b.iri(article, rdf::TYPE, nif::CONTEXT);
            b.iri(&m, rdf::TYPE, nif::PHRASE);
            b.iri(&m, rdf::TYPE, &format!("{NKG}CorpusMention"));
            b.iri(&m, nif::REFERENCE_CONTEXT, article);
            b.number(&m, nif::BEGIN_INDEX, start);
            b.number(&m, nif::END_INDEX, end);
            b.text(&m, nif::ANCHOR_OF, &word);
            b.iri(&m, itsrdf::TA_IDENT_REF, &person);
            let scope = match window {
                Some(d) => format!("in the articles within {WINDOW_DAYS} days of {d}"),
                None => "in the corpus".to_string(),
            };
            b.text(
                &m,
                &format!("{NKG}reason"),
                &format!("surname of {}, the only {word} named in full {scope}", full.name),
            );
            for a in &full.articles {
                b.iri(&m, prov::WAS_DERIVED_FROM, a);
            }
            if let Some(thing) = thing {
                // The event participant the article saw as a thing is this person: the queries follow it.
                b.iri(thing, owl::SAME_AS, &person);
                let link = format!("{ID_BASE}identity/link/{}", graph::encode_segment(local(thing)));
                b.iri(&link, rdf::TYPE, rdf::STATEMENT);
                b.iri(&link, rdf::TYPE, &format!("{NKG}IdentityLink"));
                b.iri(&link, rdf::SUBJECT, thing);
                b.iri(&link, rdf::PREDICATE, owl::SAME_AS);
                b.iri(&link, rdf::OBJECT, &person);
                b.text(
                    &link,
                    &format!("{NKG}reason"),
                    &format!("the thing \"{word}\" is the corpus mention of {}", full.name),
                );
                b.text(&link, &format!("{NKG}rule"), "corpus mention");
                for a in &full.articles {
                    b.iri(&link, prov::WAS_DERIVED_FROM, a);
                }
                b.iri(&link, &format!("{NKG}appliesIn"), article);
            }
        }
    }
}

/// Event classes too general to say two reports are of one event ("said", "rose", "went").
const GENERIC_EVENTS: &[&str] = &[
    "Statement",
    "Communication",
    "Cognition",
    "Perception",
    "Emotion",
    "Motion",
    "State",
    "Occurrence",
    "Change",
    "Increase",
    "Decrease",
];

/// Two reports dated this many days apart at most may be of one event whose day neither gives.
const EVENT_DAYS: i64 = 7;

/// Events of different articles that are one real event (same class, two resolved actors in common or one and the
/// same day, and no different days), joined into one `nkg:CorpusEvent` that says which articles report it.
fn corpus_events(corpus: &Corpus, resolved: &BTreeMap<String, String>, b: &mut Builder) {
    let ids: Vec<&String> = corpus.events.keys().collect();
    let actors: Vec<BTreeSet<&String>> =
        ids.iter().map(|id| corpus.events[*id].actors.iter().map(|a| resolved.get(a).unwrap_or(a)).collect()).collect();
    // Blocking: events by (class, actor).
    let mut block: BTreeMap<(&str, &String), Vec<usize>> = BTreeMap::new();
    for (i, id) in ids.iter().enumerate() {
        for a in &actors[i] {
            block.entry((corpus.events[*id].class.as_str(), *a)).or_default().push(i);
        }
    }
    let mut parent: Vec<usize> = (0..ids.len()).collect();
    fn find(parent: &mut [usize], i: usize) -> usize {
        let mut r = i;
        while parent[r] != r {
            r = parent[r];
        }
        parent[i] = r;
        r
    }
    let article_date = |e: &EventInfo| corpus.articles.get(&e.article).and_then(|a| a.date);
    let mut reasons: BTreeMap<usize, String> = BTreeMap::new();
    for members in block.values() {
        for (x, &i) in members.iter().enumerate() {
            for &j in &members[x + 1..] {
                let (ei, ej) = (&corpus.events[ids[i]], &corpus.events[ids[j]]);
                if ei.article == ej.article {
                    continue;
                }
                let shared = actors[i].intersection(&actors[j]).count();
                let same_day = matches!((&ei.date, &ej.date), (Some(a), Some(b)) if a == b);
                let dates_differ = matches!((&ei.date, &ej.date), (Some(a), Some(b)) if a != b);
                let near = match (article_date(ei), article_date(ej)) {
                    (Some(a), Some(b)) => (a - b).num_days().abs() <= EVENT_DAYS,
                    _ => false,
                };
                if dates_differ || !(same_day || near) || !(shared >= 2 || (shared >= 1 && same_day)) {
                    continue;
                }
                let (ri, rj) = (find(&mut parent, i), find(&mut parent, j));
                if ri != rj {
                    let (lo, hi) = (ri.min(rj), ri.max(rj));
                    parent[hi] = lo;
                }
                let why = if same_day {
                    format!("same class ({}), {shared} actor(s) in common and the same day", ei.class)
                } else {
                    format!(
                        "same class ({}) and {shared} actors in common, reported within {EVENT_DAYS} days",
                        ei.class
                    )
                };
                reasons.entry(j).or_insert(why.clone());
                reasons.entry(i).or_insert(why);
            }
        }
    }
    let mut clusters: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for i in 0..ids.len() {
        let r = find(&mut parent, i);
        clusters.entry(r).or_default().push(i);
    }
    for members in clusters.values().filter(|m| m.len() > 1) {
        let first = ids[members[0]];
        let node = format!("{ID_BASE}identity/event/{}", graph::encode_segment(local(first)));
        let articles: BTreeSet<&String> = members.iter().map(|&i| &corpus.events[ids[i]].article).collect();
        if articles.len() < 2 {
            continue;
        }
        b.iri(&node, rdf::TYPE, &format!("{NKG}CorpusEvent"));
        b.iri(&node, &format!("{NKG}eventClass"), &format!("{NKG}{}", corpus.events[first].class));
        b.number(&node, &format!("{NKG}reportCount"), articles.len());
        for a in &articles {
            b.iri(&node, &format!("{NKG}reportedBy"), a);
        }
        for &i in members {
            b.iri(ids[i], &format!("{NKG}corpusEvent"), &node);
            if let Some(r) = reasons.get(&i) {
                b.text(ids[i], &format!("{NKG}reason"), r);
            }
        }
    }
}

/// Whether position `j` starts a sentence (text start, or after `.`, `!`, `?`, a quote or a line break).
fn is_sentence_start(chars: &[char], j: usize) -> bool {
    let mut k = j;
    while k > 0 && chars[k - 1].is_whitespace() {
        k -= 1;
    }
    k == 0 || matches!(chars[k - 1], '.' | '!' | '?' | '"' | '\u{201C}' | '\n')
}

/// Recompute the identity layer and store it in [`IDENTITY_GRAPH`], replacing the earlier one; returns its size.
pub fn rebuild(store: &KnowledgeStore) -> Result<usize, StoreError> {
    let quads = compute(store)?;
    store.replace_graph(&identity_graph(), &quads)?;
    if quads.is_empty() {
        store.inner().remove_named_graph(identity_graph().as_ref())?;
    }
    Ok(quads.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surnames_skip_suffixes_and_need_two_words() {
        assert_eq!(surname("Donald Trump").as_deref(), Some("trump"));
        assert_eq!(surname("Martin Luther King Jr.").as_deref(), Some("king"));
        assert_eq!(surname("Trump"), None);
    }

    #[test]
    fn acronyms_are_initials_without_function_words() {
        assert_eq!(initials("General Motors"), "GM");
        assert_eq!(initials("Organization of the Petroleum Exporting Countries"), "OPEC");
        assert!(is_acronym("GM") && is_acronym("U.N.") && !is_acronym("Kremlin") && !is_acronym("G"));
    }
}
