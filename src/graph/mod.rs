//! Facts to RDF: one named graph per article, deterministic IRIs, sorted output.
//!
//! IRIs are minted here only. Articles, people, organisations, places and role concepts live under
//! `https://w3id.org/newskg/id/`, keyed by their identity (article id, canonical name, role label), so the same
//! name in two articles is the same IRI. Mentions are NIF-style fragments of the article IRI (`#char=12,30`).

pub mod vocab;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term, TermRef};

use crate::article::Article;
use crate::extract::{EntityKind, Facts};
use crate::text::{CharIndex, Span};
use vocab::*;

/// The RDF formats newskg writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Turtle,
    Trig,
    Ntriples,
    Nquads,
    Rdfxml,
    Jsonld,
}

impl Format {
    pub fn rdf_format(self) -> RdfFormat {
        let ext = match self {
            Format::Turtle => "ttl",
            Format::Trig => "trig",
            Format::Ntriples => "nt",
            Format::Nquads => "nq",
            Format::Rdfxml => "rdf",
            Format::Jsonld => "jsonld",
        };
        RdfFormat::from_extension(ext).expect("known extension")
    }

    /// Whether the format keeps named graphs.
    pub fn has_graphs(self) -> bool {
        matches!(self, Format::Trig | Format::Nquads | Format::Jsonld)
    }
}

/// A serializer for `format` with the contract's prefixes.
pub fn serializer(format: Format) -> RdfSerializer {
    let mut s = RdfSerializer::from_format(format.rdf_format());
    if !matches!(format, Format::Ntriples | Format::Nquads | Format::Jsonld) {
        // `kg:` is for display only: its local names hold `/` and `#`, which Turtle would have to escape.
        for (prefix, iri) in PREFIXES.iter().filter(|(p, _)| *p != "kg") {
            s = s.with_prefix(*prefix, *iri).expect("valid prefix");
        }
    }
    s
}

/// A minted IRI: the namespaces' constants and ids made safe by [`encode_segment`] or [`slug`], so it is not
/// parsed again (validation is checked in debug builds).
fn iri(s: impl Into<String>) -> NamedNode {
    let s = s.into();
    debug_assert!(NamedNode::new(s.as_str()).is_ok(), "invalid minted IRI {s}");
    NamedNode::new_unchecked(s)
}

/// Percent-encode everything but unreserved characters, so any id makes a valid IRI segment.
pub fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A readable IRI segment for a name: lower case, letters and digits kept, the rest joined by hyphens.
pub fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() {
        encode_segment(name)
    } else {
        encode_segment(&out)
    }
}

/// The IRI of an article.
pub fn article_iri(id: &str) -> NamedNode {
    iri(format!("{ID_BASE}article/{}", encode_segment(id)))
}

/// The IRI of a person, organisation or place: the same name gives the same IRI in every article.
pub fn entity_iri(kind: EntityKind, name: &str) -> NamedNode {
    let folder = match kind {
        EntityKind::Person => "person",
        EntityKind::Organization => "organization",
        _ => "place",
    };
    iri(format!("{ID_BASE}{folder}/{}", slug(name)))
}

/// The IRI of a role concept ("special envoy").
pub fn role_iri(label: &str) -> NamedNode {
    iri(format!("{ID_BASE}role/{}", slug(label)))
}

struct Builder {
    graph: GraphName,
    quads: Vec<Quad>,
}

impl Builder {
    fn add(&mut self, s: &NamedNode, p: &str, o: impl Into<Term>) {
        self.quads.push(Quad::new(NamedOrBlankNode::NamedNode(s.clone()), iri(p), o.into(), self.graph.clone()));
    }

    fn typed(&mut self, s: &NamedNode, class: &str) {
        self.add(s, rdf::TYPE, iri(class));
    }
}

fn string(s: &str) -> Literal {
    Literal::new_simple_literal(s)
}

fn typed_literal(s: impl Into<String>, datatype: &str) -> Literal {
    Literal::new_typed_literal(s, iri(datatype))
}

/// Names longer than this many words get keys for the whole name and each word only, not every run of words.
const KEY_RUNS_UP_TO: usize = 5;

/// A name as an `nkg:nameKey` writes it: lower case, words separated by one space.
pub fn name_key(name: &str) -> String {
    name.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The `nkg:nameKey` values of a name or label: lower case, words separated by one space; the whole name, every
/// run of consecutive words in it, and the letters-and-digits pieces of a word that holds punctuation
/// ("Vladimir V. Putin": "vladimir v. putin", "vladimir v.", "v. putin", "vladimir", "v.", "v", "putin", ...).
/// The saved queries look a name up by `?x nkg:nameKey LCASE(?person)`: an index lookup, where a
/// `CONTAINS` filter would read every name in the store (issue 7).
pub fn name_keys(name: &str) -> Vec<String> {
    let lower = name_key(name);
    let words: Vec<&str> = lower.split(' ').filter(|w| !w.is_empty()).collect();
    let mut keys = Vec::new();
    if words.len() <= KEY_RUNS_UP_TO {
        for start in 0..words.len() {
            for end in start + 1..=words.len() {
                keys.push(words[start..end].join(" "));
            }
        }
    } else {
        keys.push(words.join(" "));
        keys.extend(words.iter().map(|w| w.to_string()));
    }
    for w in &words {
        if w.contains(|c: char| !c.is_alphanumeric()) {
            keys.extend(w.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).map(str::to_string));
        }
    }
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The quads of one article's graph, sorted.
pub fn quads(article: &Article, facts: &Facts) -> Vec<Quad> {
    let a = article_iri(&article.id);
    let mut b = Builder { graph: GraphName::NamedNode(a.clone()), quads: Vec::new() };
    let chars = CharIndex::new(&article.text);
    let text = article.text.as_str();
    let fragment = |kind: &str, span: Span| {
        iri(format!("{}#{kind}={},{}", a.as_str(), chars.char_offset(span.start), chars.char_offset(span.end)))
    };
    let offsets = |b: &mut Builder, node: &NamedNode, span: Span| {
        b.add(node, nif::REFERENCE_CONTEXT, a.clone());
        let begin = chars.char_offset(span.start).to_string();
        let end = chars.char_offset(span.end).to_string();
        b.add(node, nif::BEGIN_INDEX, typed_literal(begin, xsd::NON_NEGATIVE_INTEGER));
        b.add(node, nif::END_INDEX, typed_literal(end, xsd::NON_NEGATIVE_INTEGER));
        b.add(node, nif::ANCHOR_OF, string(span.of(text)));
    };

    // The article.
    b.typed(&a, schema::NEWS_ARTICLE);
    b.typed(&a, nif::CONTEXT);
    b.add(&a, schema::IDENTIFIER, string(&article.id));
    if let Some(title) = &article.title {
        b.add(&a, schema::HEADLINE, string(title));
    }
    if let Some(date) = article.published {
        b.add(&a, schema::DATE_PUBLISHED, typed_literal(date.format("%Y-%m-%d").to_string(), xsd::DATE));
    }
    if let Some(url) = article.url.as_deref().and_then(|u| NamedNode::new(u).ok()) {
        b.add(&a, schema::URL, url);
    }
    b.add(&a, nif::IS_STRING, string(text));
    b.add(&a, nif::BEGIN_INDEX, typed_literal("0", xsd::NON_NEGATIVE_INTEGER));
    b.add(&a, nif::END_INDEX, typed_literal(chars.char_offset(text.len()).to_string(), xsd::NON_NEGATIVE_INTEGER));
    b.add(&a, nkg::EXTRACTOR, string(concat!("newskg ", env!("CARGO_PKG_VERSION"))));

    // Sentences.
    let sentence_iris: Vec<NamedNode> = facts.sentences.iter().map(|s| fragment("sentence", *s)).collect();
    for (node, span) in sentence_iris.iter().zip(&facts.sentences) {
        b.typed(node, nif::SENTENCE_CLASS);
        offsets(&mut b, node, *span);
    }
    let mention = |b: &mut Builder, span: Span, target: &NamedNode| -> NamedNode {
        let m = fragment("char", span);
        b.typed(&m, nif::PHRASE);
        offsets(b, &m, span);
        b.add(&m, itsrdf::TA_IDENT_REF, target.clone());
        if let Some(s) = facts.sentence_of(span) {
            b.add(&m, nif::SENTENCE, sentence_iris[s].clone());
        }
        m
    };

    // Entities and their mentions.
    let entity_iris: Vec<NamedNode> = facts.entities.iter().map(|e| entity_iri(e.kind, &e.name)).collect();
    for (e, node) in facts.entities.iter().zip(&entity_iris) {
        match e.kind {
            EntityKind::Person => b.typed(node, schema::PERSON),
            EntityKind::Organization => b.typed(node, schema::ORGANIZATION),
            EntityKind::Country => {
                b.typed(node, schema::PLACE);
                b.typed(node, schema::COUNTRY);
            }
            EntityKind::City => {
                b.typed(node, schema::PLACE);
                b.typed(node, schema::CITY);
            }
            EntityKind::Region => {
                b.typed(node, schema::PLACE);
                b.typed(node, schema::ADMINISTRATIVE_AREA);
            }
            EntityKind::Place => b.typed(node, schema::PLACE),
        }
        b.add(node, schema::NAME, string(&e.name));
        for key in name_keys(&e.name) {
            b.add(node, nkg::NAME_KEY, string(&key));
        }
        for alt in &e.alternate {
            b.add(node, schema::ALTERNATE_NAME, string(alt));
        }
        b.add(&a, schema::MENTIONS, node.clone());
    }
    for m in &facts.mentions {
        let node = mention(&mut b, m.span, &entity_iris[m.entity]);
        b.add(&node, nkg::RESOLVED_BY, string(&m.reason));
    }

    // Roles.
    for (i, r) in facts.roles.iter().enumerate() {
        let node = iri(format!("{}#role-{}", a.as_str(), i + 1));
        let role = role_iri(&r.label);
        b.typed(&node, org::MEMBERSHIP);
        b.add(&node, org::MEMBER, entity_iris[r.person].clone());
        b.add(&node, org::ROLE, role.clone());
        b.typed(&role, org::ROLE_CLASS);
        b.add(&role, skos::PREF_LABEL, string(&r.label));
        for key in name_keys(&r.label) {
            b.add(&role, nkg::NAME_KEY, string(&key));
        }
        if let Some(o) = r.organization {
            b.add(&node, org::ORGANIZATION, entity_iris[o].clone());
        }
        if let Some(t) = r.towards {
            b.add(&node, nkg::ROLE_TOWARDS, entity_iris[t].clone());
        }
        if r.former {
            b.add(&node, nkg::FORMER, typed_literal("true", xsd::BOOLEAN));
        }
        b.add(&entity_iris[r.person], schema::JOB_TITLE, string(&r.job_title));
        for span in &r.spans {
            let m = mention(&mut b, *span, &role);
            b.add(&node, prov::WAS_DERIVED_FROM, m);
        }
    }

    // Time expressions.
    let timex_iris: Vec<NamedNode> = facts.timexes.iter().map(|t| fragment("char", t.span)).collect();
    for (t, node) in facts.timexes.iter().zip(&timex_iris) {
        b.typed(node, nif::PHRASE);
        b.typed(node, nkg::TIME_EXPRESSION);
        offsets(&mut b, node, t.span);
        if let Some(s) = facts.sentence_of(t.span) {
            b.add(node, nif::SENTENCE, sentence_iris[s].clone());
        }
        b.add(node, nkg::TIMEX_TYPE, string(t.kind.as_str()));
        b.add(node, nkg::TIMEX_VALUE, string(&t.value));
        if let Some(m) = t.modifier {
            b.add(node, nkg::TIMEX_MOD, string(m));
        }
    }

    // Events.
    for (i, e) in facts.events.iter().enumerate() {
        let node = iri(format!("{}#event-{}", a.as_str(), i + 1));
        b.typed(&node, sem::EVENT);
        b.typed(&node, &format!("{}{}", nkg::NS, e.class.local_name()));
        b.add(&node, rdfs::LABEL, string(&e.label));
        b.add(&node, nkg::STATUS, iri(format!("{}{}", nkg::NS, e.status.local_name())));
        if let Some(code) = e.class.cameo() {
            b.add(&node, nkg::CAMEO_CODE, string(code));
        }
        for &actor in &e.actors {
            b.add(&node, sem::HAS_ACTOR, entity_iris[actor].clone());
        }
        if let Some(p) = e.place {
            b.add(&node, sem::HAS_PLACE, entity_iris[p].clone());
        }
        if let Some(d) = e.date {
            b.add(&node, sem::HAS_TIME_STAMP, typed_literal(d.format("%Y-%m-%d").to_string(), xsd::DATE));
        }
        if let Some(t) = e.timex {
            b.add(&node, nkg::TIME_MENTION, timex_iris[t].clone());
        }
        for span in &e.triggers {
            let m = mention(&mut b, *span, &node);
            b.add(&node, nkg::TRIGGER, m);
        }
        for &r in &e.reports {
            b.add(&node, nkg::REPORTS, iri(format!("{}#event-{}", a.as_str(), r + 1)));
        }
    }
    let mut quads = b.quads;
    sort_quads(&mut quads);
    quads
}

/// Sort quads by graph, subject, predicate, object (their N-Quads forms) and drop duplicates.
pub fn sort_quads(quads: &mut Vec<Quad>) {
    // Compared through borrowed strings: no term is formatted to sort (this runs on every article).
    fn term(t: TermRef<'_>) -> (u8, &str, &str) {
        match t {
            TermRef::NamedNode(n) => (0, n.as_str(), ""),
            TermRef::BlankNode(b) => (1, b.as_str(), ""),
            TermRef::Literal(l) => (2, l.value(), l.language().unwrap_or_else(|| l.datatype().as_str())),
            #[allow(unreachable_patterns)]
            _ => (3, "", ""),
        }
    }
    fn graph(g: &GraphName) -> (u8, &str, &str) {
        match g {
            GraphName::NamedNode(n) => (0, n.as_str(), ""),
            GraphName::BlankNode(b) => (1, b.as_str(), ""),
            GraphName::DefaultGraph => (4, "", ""),
        }
    }
    quads.sort_unstable_by(|a, b| {
        (graph(&a.graph_name), term(a.subject.as_ref().into()), a.predicate.as_str(), term(a.object.as_ref())).cmp(&(
            graph(&b.graph_name),
            term(b.subject.as_ref().into()),
            b.predicate.as_str(),
            term(b.object.as_ref()),
        ))
    });
    quads.dedup();
}

/// Every `nkg:` IRI a graph uses (for checking them against the ontology).
pub fn nkg_terms<'a>(quads: impl IntoIterator<Item = &'a Quad>) -> std::collections::BTreeSet<String> {
    let mut out = std::collections::BTreeSet::new();
    for q in quads {
        for s in [q.predicate.as_str().to_string(), q.object.to_string()] {
            let s = s.trim_start_matches('<').trim_end_matches('>').to_string();
            if s.starts_with(nkg::NS) {
                out.insert(s);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::name_keys;

    #[test]
    fn name_keys_are_the_lower_case_name_its_word_runs_and_the_pieces_of_punctuated_words() {
        assert_eq!(
            name_keys("Vladimir V. Putin"),
            ["putin", "v", "v.", "v. putin", "vladimir", "vladimir v.", "vladimir v. putin"]
        );
        assert_eq!(name_keys("special  envoy"), ["envoy", "special", "special envoy"]);
        let long = name_keys("Organization for Security and Co-operation in Europe");
        assert!(long.contains(&"organization for security and co-operation in europe".to_string()));
        assert!(long.contains(&"co".to_string()) && long.contains(&"operation".to_string()));
        assert!(!long.contains(&"security and".to_string()), "{long:?}");
    }
}
