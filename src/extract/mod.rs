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
pub mod time;

use std::collections::BTreeSet;

use crate::article::Article;
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
}

impl Facts {
    /// The index of the sentence containing `span`, if any.
    pub fn sentence_of(&self, span: Span) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.end <= span.start);
        self.sentences.get(i).filter(|s| s.contains(span)).map(|_| i)
    }

    /// The index of the entity of this kind and name, added if new.
    pub fn entity(&mut self, kind: EntityKind, name: &str) -> usize {
        if let Some(i) = self.entities.iter().position(|e| e.kind == kind && e.name == name) {
            return i;
        }
        self.entities.push(Entity { kind, name: name.to_string(), alternate: BTreeSet::new(), schema: None });
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
