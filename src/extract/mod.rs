//! The extraction pipeline: one article in, its facts out.
//!
//! Stages run in a fixed, visible order, each adding to [`Facts`]: time expressions, named places and
//! organisations, people (with who-is-who inside the article), roles, events. Each stage lives in its own module
//! and can grow without touching the others.

pub mod entities;
pub mod events;
pub mod organisations;
pub mod participants;
pub mod quantity;
pub mod roles;
pub mod spans;
pub mod time;

use std::collections::{BTreeSet, HashMap};

use crate::article::Article;
use crate::extract::spans::SpanIndex;
use crate::text::{Document, Span};

pub use events::{Arg, ArgRole, Event, EventClass, Status, Thing};
pub use roles::Role;
pub use time::{Timex, TimexType};

/// The kind of a named entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityKind {
    Person,
    Organization,
    Country,
    City,
    Region,
    Place,
}

impl EntityKind {
    pub fn is_place(self) -> bool {
        matches!(self, EntityKind::Country | EntityKind::City | EntityKind::Region | EntityKind::Place)
    }

    /// Whether an entity of this kind can take part in an event as an actor.
    pub fn can_act(self) -> bool {
        matches!(self, EntityKind::Person | EntityKind::Organization | EntityKind::Country)
    }
}

/// A person, organisation or place named in the article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    pub kind: EntityKind,
    /// The canonical name, which also determines the entity's IRI.
    pub name: String,
    /// Every other form the article uses for it.
    pub alternate: BTreeSet<String>,
    /// The schema.org class narrower than Organization or Place that the evidence gives ("Corporation",
    /// "GovernmentOrganization", "Airline", "Airport").
    pub schema: Option<&'static str>,
}

/// A span of text that names an entity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    pub span: Span,
    pub entity: usize,
    /// Why the mention was linked to its entity ("full name", "surname of Vladimir Putin", ...).
    pub reason: String,
}

/// Everything extracted from one article.
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Sentence spans of the non-repeated text.
    pub sentences: Vec<Span>,
    pub entities: Vec<Entity>,
    pub mentions: Vec<Mention>,
    pub roles: Vec<Role>,
    pub events: Vec<Event>,
    /// Noun phrases taking part in events without naming an entity.
    pub things: Vec<Thing>,
    pub timexes: Vec<Timex>,
    /// `mentions[..indexed]` by span, for the stages that read the mentions without adding any (see
    /// [`Facts::index_mentions`]).
    mention_index: SpanIndex,
    indexed: usize,
    /// The entity of each kind and name, so [`Facts::entity`] finds it without a scan.
    entity_index: HashMap<(EntityKind, String), usize>,
}

impl Facts {
    /// The index of the sentence containing `span`, if any.
    pub fn sentence_of(&self, span: Span) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= span.start);
        self.sentences.get(i).filter(|s| s.contains(span)).map(|_| i)
    }

    /// Bring the index of the mentions up to date: call it before [`Facts::mentions_overlapping`] and the like
    /// once mentions were added.
    pub fn index_mentions(&mut self) {
        for k in self.indexed..self.mentions.len() {
            self.mention_index.add(self.mentions[k].span, k);
        }
        self.indexed = self.mentions.len();
    }

    fn indexed_mentions(&self, found: Vec<usize>) -> impl Iterator<Item = &Mention> {
        debug_assert_eq!(self.indexed, self.mentions.len(), "Facts::index_mentions was not called after a change");
        found.into_iter().map(|k| &self.mentions[k])
    }

    /// The mentions overlapping `span`, in the order of `mentions`.
    pub fn mentions_overlapping(&self, span: Span) -> impl Iterator<Item = &Mention> {
        self.indexed_mentions(self.mention_index.overlapping(span))
    }

    /// The mentions starting at `start`, in the order of `mentions`.
    pub fn mentions_starting_at(&self, start: usize) -> impl Iterator<Item = &Mention> {
        self.indexed_mentions(self.mention_index.starting_at(start))
    }

    /// The mentions ending at `end`, in the order of `mentions`.
    pub fn mentions_ending_at(&self, end: usize) -> impl Iterator<Item = &Mention> {
        let last = Span::new(end.saturating_sub(1), end);
        self.mentions_overlapping(last).filter(move |m| m.span.end == end)
    }

    /// The mentions inside `span`, in the order of `mentions`.
    pub fn mentions_inside(&self, span: Span) -> impl Iterator<Item = &Mention> {
        self.mentions_starting_in(span.start, span.end).filter(move |m| span.contains(m.span))
    }

    /// The mentions starting in `from..to`, in the order of `mentions`.
    pub fn mentions_starting_in(&self, from: usize, to: usize) -> impl Iterator<Item = &Mention> {
        self.indexed_mentions(self.mention_index.starting_in(from, to))
    }

    /// The index of the entity of this kind and name, added if new.
    pub fn entity(&mut self, kind: EntityKind, name: &str) -> usize {
        if let Some(&i) = self.entity_index.get(&(kind, name.to_string())) {
            return i;
        }
        self.entities.push(Entity { kind, name: name.to_string(), alternate: BTreeSet::new(), schema: None });
        self.entity_index.insert((kind, name.to_string()), self.entities.len() - 1);
        self.entities.len() - 1
    }
}

/// Run every stage on one article.
pub fn run(article: &Article) -> Facts {
    let doc = Document::parse(&article.text);
    let mut facts = Facts { sentences: doc.sentences.iter().map(|s| s.span).collect(), ..Facts::default() };
    facts.timexes = time::extract(&doc, article.published);
    entities::extract(&doc, &mut facts);
    roles::extract(&doc, &mut facts);
    events::extract(&doc, &mut facts);
    facts.mentions.sort_by_key(|m| (m.span, m.entity));
    facts
}
