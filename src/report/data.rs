//! What a report shows, read from the store: the articles, the people, organisations and places (one
//! node per real entity, following the identity layer's `owl:sameAs`), the events with their participants, and
//! the roles. Works at every provenance level: offsets come from the `#char=b,e` IRIs of mentions, and the text,
//! where it is stored, from `nif:isString`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use oxigraph::model::{GraphName, GraphNameRef, NamedNodeRef, NamedOrBlankNode, Term, TermRef};
use oxigraph::store::Store;

use crate::extract::events::EventClass;
use crate::graph::name_keys;
use crate::graph::vocab::{itsrdf, nif, nkg, rdf, rdfs, schema};
use crate::identity::IDENTITY_GRAPH;
use crate::store::StoreError;

/// The event classes that WordNet gives words the event lexicon does not list: left out of the network and the
/// timeline, as the saved `timeline` query leaves them out.
pub const GENERIC_CLASSES: &[&str] =
    &["State", "Occurrence", "Communication", "Cognition", "Perception", "Emotion", "Motion"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    Person,
    Organization,
    Place,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Organization => "organization",
            Kind::Place => "place",
        }
    }
}

#[derive(Debug, Clone)]
pub struct ArticleInfo {
    pub iri: String,
    pub id: String,
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub url: Option<String>,
    /// `full`, `compact` or `facts`.
    pub level: String,
}

impl ArticleInfo {
    /// The headline, else the id.
    pub fn heading(&self) -> &str {
        self.title.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or(&self.id)
    }
}

/// A real person, organisation or place: the node the identity layer resolves its article nodes to.
#[derive(Debug, Clone)]
pub struct Entity {
    pub iri: String,
    pub kind: Kind,
    pub name: String,
    /// The narrower schema.org class, if any ("GovernmentOrganization", "Country").
    pub class: Option<String>,
    /// The lower-case name keys of the name and every other form seen.
    pub keys: BTreeSet<String>,
    /// Indices into [`Corpus::articles`].
    pub articles: BTreeSet<usize>,
}

/// The part an entity plays in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    Agent,
    Patient,
    Recipient,
    Actor,
}

impl Part {
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Agent => "agent",
            Part::Patient => "patient",
            Part::Recipient => "recipient",
            Part::Actor => "actor",
        }
    }
}

#[derive(Debug, Clone)]
pub struct EventInfo {
    pub iri: String,
    pub article: usize,
    pub class: String,
    pub label: String,
    pub status: String,
    pub date: Option<NaiveDate>,
    /// The resolved place entity.
    pub place: Option<String>,
    /// Resolved entity IRIs with the part each plays, one entry per entity (its most specific part).
    pub parts: Vec<(Part, String)>,
    /// The first trigger's span, in code points (none at the facts level).
    pub trigger: Option<(usize, usize)>,
    /// The sentence of the first trigger, cut at [`QUOTE_CHARS`] characters (none at the facts level).
    pub sentence: Option<String>,
    /// The identity layer's corpus event, when several articles report this one.
    pub corpus: Option<String>,
}

#[derive(Debug, Clone)]
pub struct RoleInfo {
    pub article: usize,
    pub person: String,
    pub label: String,
    pub organization: Option<String>,
    pub towards: Option<String>,
    pub former: bool,
}

/// A recognised span of an article's text, for marking it up.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Mark {
    pub begin: usize,
    pub end: usize,
    /// `person`, `organization`, `place`, `event`, `time`, `role`, `thing` or `amount`.
    pub kind: &'static str,
    /// What the span names or means, for its tooltip.
    pub note: String,
}

#[derive(Debug, Default)]
pub struct Corpus {
    /// Sorted by IRI.
    pub articles: Vec<ArticleInfo>,
    /// Resolved entities by IRI.
    pub entities: BTreeMap<String, Entity>,
    /// Sorted by (article, IRI).
    pub events: Vec<EventInfo>,
    pub roles: Vec<RoleInfo>,
    /// The identity layer's `owl:sameAs`: article nodes to the node of the real entity.
    pub same: BTreeMap<String, String>,
}

fn local(iri: &str) -> &str {
    iri.rsplit(['#', '/']).next().unwrap_or(iri)
}

/// The longest sentence a timeline entry quotes, in characters.
pub const QUOTE_CHARS: usize = 400;

/// A sentence as a quote: spaces collapsed, cut at [`QUOTE_CHARS`] characters with an ellipsis.
fn quote(chars: &[char]) -> String {
    let mut out = String::new();
    let mut space = false;
    for (n, &c) in chars.iter().enumerate() {
        if n == QUOTE_CHARS {
            out.push('…');
            break;
        }
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.push(c);
    }
    out
}

/// The code-point span of a mention IRI `...#char=12,30` (or `#sentence=12,30`).
pub fn span_of(iri: &str) -> Option<(usize, usize)> {
    let (_, fragment) = iri.rsplit_once('#')?;
    let (_, range) = fragment.split_once('=')?;
    let (b, e) = range.split_once(',')?;
    let (b, e) = (b.parse().ok()?, e.parse().ok()?);
    (b <= e).then_some((b, e))
}

const Q_ARTICLES: &str = "SELECT ?a ?id ?title ?date ?url ?level WHERE { GRAPH ?a { \
    ?a a schema:NewsArticle ; schema:identifier ?id . \
    OPTIONAL { ?a schema:headline ?title } OPTIONAL { ?a schema:datePublished ?date } \
    OPTIONAL { ?a schema:url ?url } OPTIONAL { ?a nkg:provenanceLevel ?level } } }";

const Q_ROLES: &str = "SELECT ?a ?person ?label ?org ?towards ?former WHERE { GRAPH ?a { \
    ?r a org:Membership ; org:member ?person ; org:role/skos:prefLabel ?label . \
    OPTIONAL { ?r org:organization ?org } OPTIONAL { ?r nkg:roleTowards ?towards } \
    OPTIONAL { ?r nkg:former ?former } } }";

/// Reads of one article's or one node's statements by index.
struct Scan<'s> {
    store: &'s Store,
}

type Row = (String, String, Term);

impl Scan<'_> {
    /// (graph, subject, object) of every statement with this predicate (and object, when given), in one graph or all.
    fn all(&self, predicate: &str, object: Option<&str>, graph: Option<&str>) -> Result<Vec<Row>, StoreError> {
        let p = NamedNodeRef::new_unchecked(predicate);
        let o = object.map(|o| TermRef::from(NamedNodeRef::new_unchecked(o)));
        let g = graph.map(|g| GraphNameRef::from(NamedNodeRef::new_unchecked(g)));
        let mut rows = Vec::new();
        for q in self.store.quads_for_pattern(None, Some(p), o, g) {
            let q = q?;
            let (GraphName::NamedNode(g), NamedOrBlankNode::NamedNode(s)) = (q.graph_name, q.subject) else {
                continue;
            };
            rows.push((g.into_string(), s.into_string(), q.object));
        }
        Ok(rows)
    }

    /// The objects of one subject's statements with this predicate, in one graph.
    fn objects(&self, subject: &str, predicate: &str, graph: &str) -> Result<Vec<Term>, StoreError> {
        let s = NamedNodeRef::new_unchecked(subject);
        let p = NamedNodeRef::new_unchecked(predicate);
        let g = GraphNameRef::from(NamedNodeRef::new_unchecked(graph));
        let mut out = Vec::new();
        for q in self.store.quads_for_pattern(Some(s.into()), Some(p), None, Some(g)) {
            out.push(q?.object);
        }
        Ok(out)
    }

    fn first(&self, subject: &str, predicate: &str, graph: &str) -> Result<Option<Term>, StoreError> {
        Ok(self.objects(subject, predicate, graph)?.into_iter().next())
    }
}

fn node(t: &Term) -> Option<&str> {
    match t {
        Term::NamedNode(n) => Some(n.as_str()),
        _ => None,
    }
}

fn text(t: &Term) -> Option<&str> {
    match t {
        Term::Literal(l) => Some(l.value()),
        _ => None,
    }
}

fn day(t: &Term) -> Option<NaiveDate> {
    text(t).and_then(|d| NaiveDate::parse_from_str(d.get(..10)?, "%Y-%m-%d").ok())
}

/// The kind and narrower class of a node from its schema.org types.
fn kind_of(types: &BTreeSet<String>) -> Option<(Kind, Option<String>)> {
    let has = |t: &str| types.contains(t);
    let kind = if has("Person") {
        Kind::Person
    } else if has("Organization") {
        Kind::Organization
    } else if has("Place") {
        Kind::Place
    } else {
        return None;
    };
    let base = ["Person", "Organization", "Place", "Thing"];
    let class = types.iter().find(|t| !base.contains(&t.as_str())).cloned();
    Some((kind, class))
}

/// The rows of a SELECT, each cell a term or nothing.
fn rows(store: &Store, what: &str, query: &str) -> Result<Vec<Vec<Option<Term>>>, StoreError> {
    crate::store::select(store, &format!("report: {what}"), query)
}

fn cell_node(row: &[Option<Term>], i: usize) -> Option<&str> {
    row.get(i)?.as_ref().and_then(node)
}

fn cell_text(row: &[Option<Term>], i: usize) -> Option<&str> {
    row.get(i)?.as_ref().and_then(text)
}

/// The article IRI of a node the article minted (`...article/ID#event-3`).
fn article_of(iri: &str) -> &str {
    iri.split_once('#').map_or(iri, |(a, _)| a)
}

impl Corpus {
    /// Read the store's structure: articles, entities, events with their class, day, place and participants, and
    /// roles. The events' labels, statuses and triggers are read by [`Corpus::complete`] for the events a page
    /// shows. Each read is a SPARQL query projecting as few terms as it can: the store keeps terms as ids, and
    /// turning an id back into an IRI or a string is what costs (a read of its own per term), so a query that
    /// returns only the event IRI, where a scan of the store's quads would return four terms, is four times cheaper.
    pub fn read(store: &Store) -> Result<Corpus, StoreError> {
        let mut corpus = Corpus::default();
        let mut articles: BTreeMap<String, ArticleInfo> = BTreeMap::new();
        for row in rows(store, "articles", Q_ARTICLES)? {
            let (Some(a), Some(id)) = (cell_node(&row, 0), cell_text(&row, 1)) else { continue };
            articles.entry(a.to_string()).or_insert_with(|| ArticleInfo {
                iri: a.to_string(),
                id: id.to_string(),
                title: cell_text(&row, 2).map(str::to_string),
                date: row[3].as_ref().and_then(day),
                url: cell_node(&row, 4).map(str::to_string),
                level: cell_text(&row, 5).unwrap_or("full").to_string(),
            });
        }
        let mut article_index: BTreeMap<String, usize> = BTreeMap::new();
        for (i, (a, info)) in articles.into_iter().enumerate() {
            article_index.insert(a, i);
            corpus.articles.push(info);
        }

        // The identity layer: article nodes to the node they are the same as, events to their corpus event.
        let mut corpus_event: BTreeMap<String, String> = BTreeMap::new();
        let identity = format!(
            "SELECT ?x ?same ?corpus WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{ \
             {{ ?x owl:sameAs ?same }} UNION {{ ?x nkg:corpusEvent ?corpus }} }} }}"
        );
        for row in rows(store, "identity", &identity)? {
            let Some(x) = cell_node(&row, 0) else { continue };
            if let Some(same) = cell_node(&row, 1) {
                corpus.same.insert(x.to_string(), same.to_string());
            }
            if let Some(c) = cell_node(&row, 2) {
                corpus_event.insert(x.to_string(), c.to_string());
            }
        }
        let same = &corpus.same;
        let resolve = |x: &str| same.get(x).cloned().unwrap_or_else(|| x.to_string());

        // Entities: the people, organisations and places of each article, one per resolved node.
        let mut kinds: BTreeMap<String, Kind> = BTreeMap::new();
        let mut seen_in: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
        for (class, kind) in [("Person", Kind::Person), ("Organization", Kind::Organization), ("Place", Kind::Place)] {
            let q = format!("SELECT ?g ?e WHERE {{ GRAPH ?g {{ ?e a schema:{class} }} }}");
            for row in rows(store, "entities", &q)? {
                let (Some(g), Some(e)) = (cell_node(&row, 0), cell_node(&row, 1)) else { continue };
                let Some(&i) = article_index.get(g) else { continue };
                // A node typed both (never written so) keeps its first kind: person, organisation, place.
                kinds.entry(e.to_string()).or_insert(kind);
                seen_in.entry(e.to_string()).or_default().insert(i);
            }
        }
        // A thing of an article that the identity layer makes someone, and a bare surname that only the corpus
        // can tell is someone (a corpus mention of the article).
        for x in same.keys().filter(|x| x.contains("#thing-")) {
            if let Some(&i) = article_index.get(article_of(x)) {
                seen_in.entry(x.clone()).or_default().insert(i);
            }
        }
        let mentions = format!(
            "SELECT ?x ?m WHERE {{ GRAPH <{IDENTITY_GRAPH}> {{ ?m a nkg:CorpusMention ; itsrdf:taIdentRef ?x }} }}"
        );
        for row in rows(store, "corpus mentions", &mentions)? {
            if let (Some(x), Some(m)) = (cell_node(&row, 0), cell_node(&row, 1)) {
                if let Some(&i) = article_index.get(article_of(m)) {
                    seen_in.entry(x.to_string()).or_default().insert(i);
                }
            }
        }
        let mut names: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let q = "SELECT DISTINCT ?e ?name WHERE { GRAPH ?g { \
                 VALUES ?t { schema:Person schema:Organization schema:Place } ?e a ?t ; schema:name ?name } }";
        for row in rows(store, "names", q)? {
            if let (Some(e), Some(n)) = (cell_node(&row, 0), cell_text(&row, 1)) {
                names.entry(e.to_string()).or_default().insert(n.to_string());
            }
        }
        let mut alternates: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for row in rows(
            store,
            "alternate names",
            "SELECT DISTINCT ?e ?alt WHERE { GRAPH ?g { ?e schema:alternateName ?alt } }",
        )? {
            if let (Some(e), Some(n)) = (cell_node(&row, 0), cell_text(&row, 1)) {
                alternates.entry(e.to_string()).or_default().insert(n.to_string());
            }
        }
        let mut types: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        let q = "SELECT DISTINCT ?e ?t WHERE { GRAPH ?g { \
                 VALUES ?base { schema:Person schema:Organization schema:Place } ?e a ?base, ?t } }";
        for row in rows(store, "entity classes", q)? {
            if let (Some(e), Some(t)) = (cell_node(&row, 0), cell_node(&row, 1)) {
                if let Some(t) = t.strip_prefix(schema::NS) {
                    types.entry(e.to_string()).or_default().insert(t.to_string());
                }
            }
        }
        for (e, &kind) in &kinds {
            let target = resolve(e);
            if corpus.entities.contains_key(&target) {
                continue;
            }
            let kind = kinds.get(&target).copied().unwrap_or(kind);
            let Some(name) = names.get(&target).or_else(|| names.get(e)).and_then(|n| n.iter().next()).cloned() else {
                continue;
            };
            let class = types.get(&target).and_then(kind_of).and_then(|(_, c)| c);
            corpus.entities.insert(
                target.clone(),
                Entity { iri: target, kind, name, class, keys: BTreeSet::new(), articles: BTreeSet::new() },
            );
        }
        for (node, seen) in &seen_in {
            if let Some(entity) = corpus.entities.get_mut(&resolve(node)) {
                entity.articles.extend(seen);
                for n in names.get(node).into_iter().flatten().chain(alternates.get(node).into_iter().flatten()) {
                    entity.keys.extend(name_keys(n));
                }
            }
        }
        let entity_of = |x: &str| -> Option<String> {
            let t = resolve(x);
            corpus.entities.contains_key(&t).then_some(t)
        };

        // Events: by class (an event node is its article's IRI with a fragment), then days, places, participants.
        let mut events: BTreeMap<String, EventInfo> = BTreeMap::new();
        for class in EventClass::ALL {
            let name = class.local_name();
            let q = format!("SELECT ?e WHERE {{ GRAPH ?g {{ ?e a nkg:{name} }} }}");
            for row in rows(store, "events", &q)? {
                let Some(e) = cell_node(&row, 0) else { continue };
                let Some(&article) = article_index.get(article_of(e)) else { continue };
                let event = events.entry(e.to_string()).or_insert_with(|| EventInfo {
                    iri: e.to_string(),
                    article,
                    class: name.to_string(),
                    label: String::new(),
                    status: String::new(),
                    date: None,
                    place: None,
                    parts: Vec::new(),
                    trigger: None,
                    sentence: None,
                    corpus: corpus_event.get(e).cloned(),
                });
                // Under RDFS entailment an event has its class's superclasses too: prefer a specific class.
                if GENERIC_CLASSES.contains(&event.class.as_str()) {
                    event.class = name.to_string();
                }
            }
        }
        for row in rows(store, "event days", "SELECT ?e ?d WHERE { GRAPH ?g { ?e sem:hasTimeStamp ?d } }")? {
            if let Some(ev) = cell_node(&row, 0).and_then(|e| events.get_mut(e)) {
                ev.date = row[1].as_ref().and_then(day);
            }
        }
        for row in rows(store, "event places", "SELECT ?e ?p WHERE { GRAPH ?g { ?e sem:hasPlace ?p } }")? {
            if let Some(ev) = cell_node(&row, 0).and_then(|e| events.get_mut(e)) {
                ev.place = cell_node(&row, 1).and_then(entity_of);
            }
        }
        for (property, part) in
            [("agent", Part::Agent), ("patient", Part::Patient), ("recipient", Part::Recipient), ("actor", Part::Actor)]
        {
            let predicate = if part == Part::Actor { "sem:hasActor".to_string() } else { format!("nkg:{property}") };
            let q = format!("SELECT ?e ?x WHERE {{ GRAPH ?g {{ ?e {predicate} ?x }} }}");
            for row in rows(store, "participants", &q)? {
                let (Some(ev), Some(x)) =
                    (cell_node(&row, 0).and_then(|e| events.get_mut(e)), cell_node(&row, 1).and_then(entity_of))
                else {
                    continue;
                };
                // Each entity once, with its most specific part (agent before the flat actor).
                if !ev.parts.iter().any(|(_, y)| *y == x) {
                    ev.parts.push((part, x));
                }
            }
        }
        for ev in events.values_mut() {
            ev.parts.sort_by(|a, b| (&a.1, a.0).cmp(&(&b.1, b.0)));
        }
        corpus.events = events.into_values().collect();
        corpus.events.sort_by(|a, b| (a.article, &a.iri).cmp(&(b.article, &b.iri)));

        for row in rows(store, "roles", Q_ROLES)? {
            let (Some(a), Some(p), Some(label)) = (cell_node(&row, 0), cell_node(&row, 1), cell_text(&row, 2)) else {
                continue;
            };
            let (Some(&article), Some(person)) = (article_index.get(a), entity_of(p)) else { continue };
            corpus.roles.push(RoleInfo {
                article,
                person,
                label: label.to_string(),
                organization: cell_node(&row, 3).and_then(entity_of),
                towards: cell_node(&row, 4).and_then(entity_of),
                former: cell_text(&row, 5) == Some("true"),
            });
        }
        corpus.roles.sort_by(|a, b| {
            (a.article, &a.person, &a.label, &a.organization, &a.towards).cmp(&(
                b.article,
                &b.person,
                &b.label,
                &b.organization,
                &b.towards,
            ))
        });
        corpus.roles.dedup_by(|a, b| {
            (a.article, &a.person, &a.label, &a.organization, &a.towards)
                == (b.article, &b.person, &b.label, &b.organization, &b.towards)
        });
        Ok(corpus)
    }

    /// Read the label, status and first trigger of these events (by index), which [`Corpus::read`] leaves out.
    pub fn complete(&mut self, store: &Store, events: &BTreeSet<usize>) -> Result<(), StoreError> {
        let scan = Scan { store };
        // Article by article, so that one article's text at a time is held.
        let mut by_article: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
        for &i in events {
            if self.events[i].status.is_empty() {
                by_article.entry(self.events[i].article).or_default().push(i);
            }
        }
        for (article, events) in by_article {
            let a = self.articles[article].iri.as_str();
            let mut whole: Option<Option<Vec<char>>> = None;
            for i in events {
                let e = &mut self.events[i];
                let g = article_of(&e.iri).to_string();
                e.label = scan.first(&e.iri, rdfs::LABEL, &g)?.as_ref().and_then(text).unwrap_or_default().to_string();
                e.status =
                    scan.first(&e.iri, nkg::STATUS, &g)?.as_ref().and_then(node).map_or("Occurred", local).to_string();
                let mut first: Option<((usize, usize), String)> = None;
                for t in scan.objects(&e.iri, nkg::TRIGGER, &g)? {
                    // The first trigger by position, for a stable link.
                    if let Some((iri, span)) = node(&t).and_then(|iri| Some((iri, span_of(iri)?))) {
                        if first.as_ref().is_none_or(|(old, _)| span < *old) {
                            first = Some((span, iri.to_string()));
                        }
                    }
                }
                let Some((span, trigger)) = first else { continue };
                e.trigger = Some(span);
                // The sentence, for a timeline entry whose article the page does not show.
                let Some(sentence) = scan.first(&trigger, nif::SENTENCE, &g)?.as_ref().and_then(node).and_then(span_of)
                else {
                    continue;
                };
                let whole = match &whole {
                    Some(w) => w,
                    None => whole
                        .insert(scan.first(a, nif::IS_STRING, a)?.as_ref().and_then(text).map(|t| t.chars().collect())),
                };
                if let Some(chars) = whole.as_ref().filter(|c| sentence.0 < sentence.1 && sentence.1 <= c.len()) {
                    e.sentence = Some(quote(&chars[sentence.0..sentence.1]));
                }
            }
        }
        Ok(())
    }

    /// The node of the real entity an article node stands for (itself when the identity layer says nothing).
    pub fn resolve<'a>(&'a self, node: &'a str) -> &'a str {
        self.same.get(node).map(String::as_str).unwrap_or(node)
    }

    /// The article at this IRI or with this id.
    pub fn find_article(&self, key: &str) -> Option<usize> {
        self.articles.iter().position(|a| a.iri == key).or_else(|| self.articles.iter().position(|a| a.id == key))
    }
}

/// The text of one article as the report shows it: the text, its recognised spans (with those the identity layer
/// recognised in it, a bare surname only the corpus can tell) and its sentences.
#[derive(Debug, Default)]
pub struct ArticleText {
    /// None when the text is not stored (the facts level).
    pub text: Option<String>,
    pub marks: Vec<Mark>,
    /// Sorted code-point spans.
    pub sentences: Vec<(usize, usize)>,
}

impl ArticleText {
    /// The sentence holding a span, and its text.
    pub fn sentence_of(&self, span: (usize, usize)) -> Option<((usize, usize), String)> {
        let text = self.text.as_deref()?;
        let &(b, e) = self.sentences.iter().find(|(b, e)| *b <= span.0 && span.1 <= *e)?;
        Some(((b, e), text.chars().skip(b).take(e - b).collect::<String>().trim().to_string()))
    }
}

/// Read one article's [`ArticleText`].
pub fn article_text(store: &Store, corpus: &Corpus, article: usize) -> Result<ArticleText, StoreError> {
    let scan = Scan { store };
    let a = corpus.articles[article].iri.as_str();
    let Some(whole) = scan.first(a, nif::IS_STRING, a)?.as_ref().and_then(text).map(str::to_string) else {
        return Ok(ArticleText::default());
    };
    let events: BTreeMap<&str, &EventInfo> =
        corpus.events.iter().filter(|e| e.article == article).map(|e| (e.iri.as_str(), e)).collect();
    let mut marks = Vec::new();
    let in_article = format!("{a}#");
    let mut refs = scan.all(itsrdf::TA_IDENT_REF, None, Some(a))?;
    refs.extend(
        scan.all(itsrdf::TA_IDENT_REF, None, Some(IDENTITY_GRAPH))?
            .into_iter()
            .filter(|(_, m, _)| m.starts_with(&in_article)),
    );
    for (_, m, x) in &refs {
        let (Some((begin, end)), Some(x)) = (span_of(m), node(x)) else { continue };
        let (kind, note) = if let Some(e) = corpus.entities.get(corpus.resolve(x)) {
            (e.kind.as_str(), e.name.clone())
        } else if let Some(e) = events.get(x) {
            ("event", format!("{}: {} ({})", e.class, e.label, e.status.to_lowercase()))
        } else if x.contains("/role/") {
            ("role", local(x).replace('-', " "))
        } else if x.contains("#thing-") {
            ("thing", "a participant".to_string())
        } else {
            continue;
        };
        marks.push(Mark { begin, end, kind, note });
    }
    for (_, m, _) in scan.all(rdf::TYPE, Some(nkg::TIME_EXPRESSION), Some(a))? {
        let Some((begin, end)) = span_of(&m) else { continue };
        let value = scan.first(&m, nkg::TIMEX_VALUE, a)?.as_ref().and_then(text).unwrap_or_default().to_string();
        marks.push(Mark { begin, end, kind: "time", note: value });
    }
    for (_, m, v) in scan.all(schema::VALUE, None, Some(a))? {
        if let (Some((begin, end)), Some(v)) = (span_of(&m), text(&v)) {
            marks.push(Mark { begin, end, kind: "amount", note: v.to_string() });
        }
    }
    marks.sort();
    marks.dedup();
    let mut sentences: Vec<(usize, usize)> =
        scan.all(rdf::TYPE, Some(nif::SENTENCE_CLASS), Some(a))?.iter().filter_map(|(_, s, _)| span_of(s)).collect();
    sentences.sort();
    Ok(ArticleText { text: Some(whole), marks, sentences })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_are_read_from_fragment_iris() {
        assert_eq!(span_of("https://w3id.org/newskg/id/article/a1#char=12,30"), Some((12, 30)));
        assert_eq!(span_of("https://w3id.org/newskg/id/article/a1#sentence=0,91"), Some((0, 91)));
        assert_eq!(span_of("https://w3id.org/newskg/id/article/a1#event-3"), None);
        assert_eq!(span_of("https://w3id.org/newskg/id/article/a1#char=30,12"), None);
    }

    #[test]
    fn kinds_come_from_the_broadest_schema_class_and_keep_the_narrower_one() {
        let set = |ts: &[&str]| ts.iter().map(|t| t.to_string()).collect::<BTreeSet<_>>();
        assert_eq!(kind_of(&set(&["Place", "Country"])), Some((Kind::Place, Some("Country".into()))));
        assert_eq!(
            kind_of(&set(&["Organization", "GovernmentOrganization"])),
            Some((Kind::Organization, Some("GovernmentOrganization".into())))
        );
        assert_eq!(kind_of(&set(&["Person"])), Some((Kind::Person, None)));
        assert_eq!(kind_of(&set(&["Thing"])), None);
    }
}
