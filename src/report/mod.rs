//! `newskg report`: the store as one self-contained HTML page, for people who would rather look than write SPARQL.
//!
//! - A network of people, organisations, places and events, drawn as SVG on the server side by a small
//!   force-directed layout ([`layout`]): people linked to the events they take part in (agent, patient,
//!   recipient), events to their place, people to organisations by their roles (labelled edges). Nodes follow the
//!   identity layer, so "Trump" and "Donald Trump" are one node, and one event reported by several articles is one
//!   event node.
//! - A timeline of the dated events, with their status, each linking to the sentence it came from.
//! - A section per article: its people and their roles, and its text with the recognised spans marked.
//!
//! The page loads nothing from the network; a little inline script highlights a node's neighbours on hover and
//! filters by name and status. Nothing in it grows without bound with the store: the network keeps the most
//! connected [`Scope::max_nodes`] nodes, the timeline the first [`Scope::max_events`] events, and
//! [`Scope::max_articles`] articles are shown with their text (each cut at [`MAX_TEXT_CHARS`]); the page says what
//! it left out and how to narrow it (by article, person, dates or event class).

mod data;
mod html;
mod layout;

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;
use oxigraph::store::Store;

pub use data::{Corpus, Kind, GENERIC_CLASSES};
use data::{EventInfo, Part};

use crate::graph::name_key;
use crate::store::StoreError;

/// Article texts longer than this many characters are shown cut, with a note.
pub const MAX_TEXT_CHARS: usize = 20_000;

/// What a report covers.
#[derive(Debug, Clone)]
pub struct Scope {
    /// One article, by its id or IRI.
    pub article: Option<String>,
    /// The people with this name or one or more whole words of it, any case (as the saved queries' `person`).
    pub person: Option<String>,
    /// Any IRI of the store to centre on: a person, organisation or place (a short form's IRI stands for its
    /// full name), or an article or a part of one (an event, a mention: its article).
    pub node: Option<String>,
    /// Events dated (or, undated, published) on or after this day.
    pub from: Option<NaiveDate>,
    /// ... and on or before this day.
    pub to: Option<NaiveDate>,
    /// Only events of this `nkg:` class ("Meeting"), any case.
    pub class: Option<String>,
    pub max_nodes: usize,
    pub max_events: usize,
    pub max_articles: usize,
}

impl Default for Scope {
    fn default() -> Self {
        Scope {
            article: None,
            person: None,
            node: None,
            from: None,
            to: None,
            class: None,
            max_nodes: 250,
            max_events: 400,
            max_articles: 40,
        }
    }
}

/// How the page links to other views: within the file only, or to the `/report` pages of `newskg serve`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    File,
    Server,
}

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The scope names nothing in the store.
    #[error("{0}")]
    NotFound(String),
}

/// One node of the network.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub key: String,
    /// `person`, `organization`, `place` or `event`.
    pub kind: &'static str,
    pub label: String,
    /// The event class and status, for events.
    pub class: Option<String>,
    pub status: Option<String>,
    /// What a hover shows.
    pub detail: String,
    pub focus: bool,
    /// The article events an event node stands for (indices into the corpus's events).
    pub events: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Edge {
    pub a: usize,
    pub b: usize,
    pub label: String,
    /// `agent`, `patient`, `recipient`, `actor`, `place` or `role`.
    pub kind: &'static str,
}

/// A dated event of the timeline: one real event, with every article that reports it.
#[derive(Debug, Clone)]
pub(crate) struct Dated {
    pub date: NaiveDate,
    pub class: String,
    pub status: String,
    pub label: String,
    pub participants: Vec<(Part, String)>,
    pub place: Option<String>,
    /// (article index, event index) of each report.
    pub reports: Vec<(usize, usize)>,
    key: String,
}

/// Everything the page draws, chosen from the corpus by the scope.
pub(crate) struct View<'a> {
    pub corpus: &'a Corpus,
    pub title: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    pub positions: Vec<(f64, f64)>,
    pub nodes_in_scope: usize,
    pub timeline: Vec<Dated>,
    pub dated_in_scope: usize,
    pub articles: Vec<usize>,
    pub articles_in_scope: usize,
    pub events_in_scope: usize,
    pub people_in_scope: usize,
    pub organizations_in_scope: usize,
    pub places_in_scope: usize,
    /// The events whose labels, statuses and triggers the page shows.
    pub needed: BTreeSet<usize>,
    /// Texts and marks of the shown articles.
    pub texts: BTreeMap<usize, data::ArticleText>,
}

/// The report of `store` for `scope`, as one HTML page.
pub fn render(store: &Store, scope: &Scope, links: Links) -> Result<String, ReportError> {
    let mut corpus = Corpus::read(store)?;
    // What the page shows is chosen from the structure alone; then the shown events' details are read.
    let needed = select(&corpus, scope, false)?.needed;
    corpus.complete(store, &needed)?;
    let mut view = select(&corpus, scope, true)?;
    for &a in &view.articles {
        view.texts.insert(a, data::article_text(store, &corpus, a)?);
    }
    Ok(html::page(&view, links))
}

fn in_range(scope: &Scope, day: Option<NaiveDate>) -> bool {
    if scope.from.is_none() && scope.to.is_none() {
        return true;
    }
    day.is_some_and(|d| scope.from.is_none_or(|f| d >= f) && scope.to.is_none_or(|t| d <= t))
}

/// Choose what the page shows.
/// The nodes the network keeps, in `order` (the focus first, then by degree): when the room is short, entities
/// are at most two fifths of it, so that the events linking them are drawn too (by degree alone, a large store
/// would keep its busiest people and places and none of what they did); then the events with most links to the
/// entities kept; then whatever room is left, in `order`.
fn choose_nodes(nodes: &[Node], edges: &BTreeSet<Edge>, order: &[usize], room: usize) -> Vec<usize> {
    if order.len() <= room {
        return order.to_vec();
    }
    let is_event = |x: usize| nodes[x].kind == "event";
    let entity_room = (room * 2 / 5).max(1);
    let mut kept = vec![false; nodes.len()];
    let mut chosen = 0;
    for &x in order.iter().filter(|&&x| !is_event(x)) {
        if chosen >= room || chosen >= entity_room && !nodes[x].focus {
            break;
        }
        kept[x] = true;
        chosen += 1;
    }
    let mut links = vec![0usize; nodes.len()];
    for e in edges {
        if kept[e.a] {
            links[e.b] += 1;
        }
        if kept[e.b] {
            links[e.a] += 1;
        }
    }
    let mut events: Vec<(usize, usize)> =
        order.iter().enumerate().filter(|&(_, &x)| is_event(x) && links[x] > 0).map(|(rank, &x)| (rank, x)).collect();
    // Most links to the kept entities first; ties in `order`.
    events.sort_by_key(|&(rank, x)| (std::cmp::Reverse(links[x]), rank));
    for (_, x) in events {
        if chosen >= room {
            break;
        }
        kept[x] = true;
        chosen += 1;
    }
    for &x in order {
        if chosen >= room {
            break;
        }
        if !kept[x] {
            kept[x] = true;
            chosen += 1;
        }
    }
    order.iter().copied().filter(|&x| kept[x]).collect()
}

fn select<'a>(corpus: &'a Corpus, scope: &'a Scope, draw: bool) -> Result<View<'a>, ReportError> {
    let mut title_parts = Vec::new();
    // A node that is an article, or a part of one, stands for the article.
    let node_article = scope
        .node
        .as_deref()
        .map(|n| n.split('#').next().unwrap_or(n))
        .filter(|n| corpus.articles.iter().any(|a| a.iri == *n));
    let article_key = scope.article.as_deref().or(node_article);
    let article = match article_key {
        Some(key) => {
            let a = corpus
                .find_article(key)
                .ok_or_else(|| ReportError::NotFound(format!("no article with id or IRI {key:?} in the store")))?;
            title_parts.push(format!("article “{}”", corpus.articles[a].heading()));
            Some(a)
        }
        None => None,
    };
    let mut focus: BTreeSet<&str> = BTreeSet::new();
    if let Some(person) = &scope.person {
        let key = name_key(person);
        focus.extend(
            corpus
                .entities
                .values()
                .filter(|e| e.kind == Kind::Person && e.keys.contains(&key))
                .map(|e| e.iri.as_str()),
        );
        if focus.is_empty() {
            return Err(ReportError::NotFound(format!("no person named {person:?} in the store")));
        }
        title_parts.push(format!("people named “{person}”"));
    }
    if let Some(iri) = scope.node.as_deref().filter(|_| node_article.is_none()) {
        let e = corpus
            .entities
            .get(corpus.resolve(iri))
            .ok_or_else(|| ReportError::NotFound(format!("no person, organisation or place <{iri}> in the store")))?;
        focus.insert(e.iri.as_str());
        title_parts.push(e.name.clone());
    }
    let class = match &scope.class {
        Some(c) => {
            let classes: BTreeSet<&str> = corpus.events.iter().map(|e| e.class.as_str()).collect();
            let found = classes.iter().find(|k| k.eq_ignore_ascii_case(c.trim_start_matches("nkg:")));
            let Some(found) = found else {
                let list: Vec<&str> = classes.into_iter().filter(|c| !GENERIC_CLASSES.contains(c)).collect();
                return Err(ReportError::NotFound(format!(
                    "no event of class {c:?} in the store; its classes: {}",
                    list.join(", ")
                )));
            };
            title_parts.push(format!("{found} events"));
            Some(*found)
        }
        None => None,
    };
    match (scope.from, scope.to) {
        (Some(f), Some(t)) => title_parts.push(format!("{f} to {t}")),
        (Some(f), None) => title_parts.push(format!("from {f}")),
        (None, Some(t)) => title_parts.push(format!("to {t}")),
        (None, None) => {}
    }

    let event_day = |e: &EventInfo| e.date.or(corpus.articles[e.article].date);
    let events: Vec<usize> = (0..corpus.events.len())
        .filter(|&i| {
            let e = &corpus.events[i];
            !GENERIC_CLASSES.contains(&e.class.as_str())
                && article.is_none_or(|a| e.article == a)
                && class.is_none_or(|c| e.class == c)
                && in_range(scope, event_day(e))
                && (focus.is_empty() || e.parts.iter().any(|(_, x)| focus.contains(x.as_str())))
        })
        .collect();
    // The articles: the one asked for, or those of the events of a class, or those published in the date range
    // (naming the focus, when there is one), and those of every event in scope.
    let article_set: BTreeSet<usize> = match article {
        Some(a) => [a].into(),
        None if class.is_some() => events.iter().map(|&i| corpus.events[i].article).collect(),
        None => {
            let mut set: BTreeSet<usize> = if focus.is_empty() {
                (0..corpus.articles.len()).collect()
            } else {
                focus.iter().flat_map(|f| corpus.entities[*f].articles.iter().copied()).collect()
            };
            set.retain(|&a| in_range(scope, corpus.articles[a].date));
            set.extend(events.iter().map(|&i| corpus.events[i].article));
            set
        }
    };
    let roles: Vec<&data::RoleInfo> = corpus
        .roles
        .iter()
        .filter(|r| article_set.contains(&r.article) && class.is_none())
        .filter(|r| {
            focus.is_empty()
                || focus.contains(r.person.as_str())
                || r.organization.as_deref().is_some_and(|o| focus.contains(o))
        })
        .collect();

    // The network: event nodes (one per real event), entity nodes, edges.
    let mut node_index: BTreeMap<String, usize> = BTreeMap::new();
    let mut nodes: Vec<Node> = Vec::new();
    let mut edges: BTreeSet<Edge> = BTreeSet::new();
    let mut entity_node = |nodes: &mut Vec<Node>, iri: &str| -> usize {
        *node_index.entry(iri.to_string()).or_insert_with(|| {
            let e = &corpus.entities[iri];
            let detail = match &e.class {
                Some(c) => format!("{} ({c}), in {} article(s)", e.name, e.articles.len()),
                None => format!("{} ({}), in {} article(s)", e.name, e.kind.as_str(), e.articles.len()),
            };
            nodes.push(Node {
                key: iri.to_string(),
                kind: e.kind.as_str(),
                label: e.name.clone(),
                class: e.class.clone(),
                status: None,
                detail,
                focus: focus.contains(iri),
                events: Vec::new(),
            });
            nodes.len() - 1
        })
    };
    let mut event_nodes: BTreeMap<&str, usize> = BTreeMap::new();
    let mut reports: BTreeMap<&str, usize> = BTreeMap::new();
    for &i in &events {
        let e = &corpus.events[i];
        if e.parts.is_empty() && e.place.is_none() {
            continue;
        }
        let key = e.corpus.as_deref().unwrap_or(&e.iri);
        *reports.entry(key).or_default() += 1;
        let n = *event_nodes.entry(key).or_insert_with(|| {
            nodes.push(Node {
                key: key.to_string(),
                kind: "event",
                label: e.label.clone(),
                class: Some(e.class.clone()),
                status: Some(e.status.clone()),
                detail: String::new(),
                focus: false,
                events: Vec::new(),
            });
            nodes.len() - 1
        });
        nodes[n].events.push(i);
        for (part, x) in &e.parts {
            let m = entity_node(&mut nodes, x);
            edges.insert(Edge { a: m, b: n, label: part.as_str().to_string(), kind: part.as_str() });
        }
        if let Some(p) = &e.place {
            let m = entity_node(&mut nodes, p);
            edges.insert(Edge { a: n, b: m, label: "in".to_string(), kind: "place" });
        }
    }
    for (key, &n) in &event_nodes {
        let node = &mut nodes[n];
        let class = node.class.clone().unwrap_or_default();
        let status = node.status.clone().unwrap_or_default().to_lowercase();
        node.detail = format!("{class}: {} ({status}; {} report(s))", node.label, reports[key]);
    }
    for r in &roles {
        let p = entity_node(&mut nodes, &r.person);
        let label = if r.former { format!("former {}", r.label) } else { r.label.clone() };
        if let Some(o) = &r.organization {
            let o = entity_node(&mut nodes, o);
            edges.insert(Edge { a: p, b: o, label: label.clone(), kind: "role" });
        }
        if let Some(t) = &r.towards {
            let t = entity_node(&mut nodes, t);
            edges.insert(Edge { a: p, b: t, label: format!("{label} to"), kind: "role" });
        }
    }
    let nodes_in_scope = nodes.len();
    // Keep the most connected nodes (the focus first), then the edges between kept nodes.
    let mut degree = vec![0usize; nodes.len()];
    for e in &edges {
        degree[e.a] += 1;
        degree[e.b] += 1;
    }
    let mut order: Vec<usize> = (0..nodes.len()).collect();
    // By structure only (an event's label is read after the choice): entities by name, events by IRI.
    let name = |x: usize| if nodes[x].kind == "event" { "" } else { nodes[x].label.as_str() };
    order.sort_by(|&x, &y| {
        (!nodes[x].focus, std::cmp::Reverse(degree[x]), nodes[x].kind, name(x), &nodes[x].key).cmp(&(
            !nodes[y].focus,
            std::cmp::Reverse(degree[y]),
            nodes[y].kind,
            name(y),
            &nodes[y].key,
        ))
    });
    let order = choose_nodes(&nodes, &edges, &order, scope.max_nodes);
    let mut renumber = vec![usize::MAX; nodes.len()];
    for (new, &old) in order.iter().enumerate() {
        renumber[old] = new;
    }
    let kept_edges: Vec<Edge> = edges
        .into_iter()
        .filter(|e| renumber[e.a] != usize::MAX && renumber[e.b] != usize::MAX)
        .map(|e| Edge { a: renumber[e.a], b: renumber[e.b], ..e })
        .collect();
    let kept_nodes: Vec<Node> = order.iter().map(|&i| nodes[i].clone()).collect();
    let pairs: Vec<(usize, usize)> = kept_edges.iter().map(|e| (e.a, e.b)).collect();
    let positions = if draw { layout::layout(kept_nodes.len(), &pairs, 1100.0, 720.0) } else { Vec::new() };

    // The timeline: dated events, one entry per real event.
    let mut dated: BTreeMap<&str, Dated> = BTreeMap::new();
    for &i in &events {
        let e = &corpus.events[i];
        let Some(date) = e.date else { continue };
        let key = e.corpus.as_deref().unwrap_or(&e.iri);
        let entry = dated.entry(key).or_insert_with(|| Dated {
            date,
            class: e.class.clone(),
            status: e.status.clone(),
            label: e.label.clone(),
            participants: Vec::new(),
            place: e.place.clone(),
            reports: Vec::new(),
            key: key.to_string(),
        });
        entry.reports.push((e.article, i));
        for p in &e.parts {
            if !entry.participants.iter().any(|(_, x)| *x == p.1) {
                entry.participants.push(p.clone());
            }
        }
    }
    let mut timeline: Vec<Dated> = dated.into_values().collect();
    timeline.sort_by(|a, b| (a.date, &a.class, &a.key).cmp(&(b.date, &b.class, &b.key)));
    let dated_in_scope = timeline.len();
    timeline.truncate(scope.max_events);

    // The articles: the latest first.
    let mut articles: Vec<usize> = article_set.iter().copied().collect();
    articles.sort_by(|&x, &y| {
        let (a, b) = (&corpus.articles[x], &corpus.articles[y]);
        (std::cmp::Reverse(a.date), &a.id).cmp(&(std::cmp::Reverse(b.date), &b.id))
    });
    let articles_in_scope = articles.len();
    articles.truncate(scope.max_articles);

    let kinds_in = |kind: Kind| {
        corpus
            .entities
            .values()
            .filter(|e| e.kind == kind && e.articles.iter().any(|a| article_set.contains(a)))
            .count()
    };
    let mut needed: BTreeSet<usize> = kept_nodes.iter().flat_map(|n| n.events.iter().copied()).collect();
    needed.extend(timeline.iter().flat_map(|d| d.reports.iter().map(|&(_, i)| i)));
    let title = if title_parts.is_empty() { "all articles".to_string() } else { title_parts.join(" · ") };
    Ok(View {
        corpus,
        title,
        nodes: kept_nodes,
        edges: kept_edges,
        positions,
        nodes_in_scope,
        timeline,
        dated_in_scope,
        articles,
        articles_in_scope,
        events_in_scope: events.len(),
        people_in_scope: kinds_in(Kind::Person),
        organizations_in_scope: kinds_in(Kind::Organization),
        places_in_scope: kinds_in(Kind::Place),
        needed,
        texts: BTreeMap::new(),
    })
}
