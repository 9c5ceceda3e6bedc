//! Facts to RDF: one named graph per article, deterministic IRIs, sorted output.
//!
//! IRIs are minted here only. Articles, people, organisations, places and role concepts live under
//! `https://w3id.org/newskg/id/`, keyed by their identity (article id, canonical name, role label), so the same
//! name in two articles is the same IRI. Mentions are NIF-style fragments of the article IRI (`#char=12,30`).

pub mod vocab;

use std::sync::LazyLock;

use oxigraph::io::{RdfFormat, RdfSerializer};
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term, TermRef};

use crate::article::Article;
use crate::extract::quantity::{QuantityRole, Unit};
use crate::extract::{Arg, ArgRole, EntityKind, EventClass, Facts, Status};
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

/// How much of the text's provenance an article graph carries (`--provenance`).
///
/// - `full`: the contract's graph: every sentence and mention with its NIF offsets, anchor text and article.
/// - `compact`: mentions and sentences keep their IRIs, whose RFC 5147 fragment (`#char=12,30`) holds the offsets,
///   their type, entity, sentence and reason; the statements derivable from the fragment and the article's text
///   (`nif:beginIndex`, `nif:endIndex`, `nif:anchorOf`, `nif:referenceContext`) are left out.
/// - `facts`: no mentions, sentences or article text: people, organisations, places, roles, events and dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Provenance {
    #[default]
    Full,
    Compact,
    Facts,
}

impl Provenance {
    pub fn as_str(self) -> &'static str {
        match self {
            Provenance::Full => "full",
            Provenance::Compact => "compact",
            Provenance::Facts => "facts",
        }
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

/// A string of the article's graph: a slice of the article's text, or of the graph's own buffer.
#[derive(Debug, Clone, Copy)]
enum Str {
    Text(u32, u32),
    Own(u32, u32),
}

/// An object: a minted node, a vocabulary IRI, or a literal with its datatype (`xsd:string` for a plain one).
#[derive(Debug, Clone, Copy)]
enum Object {
    Node(u32),
    Iri(&'static str),
    Literal(Str, &'static str),
}

#[derive(Debug, Clone, Copy)]
struct RawQuad {
    subject: u32,
    predicate: &'static str,
    object: Object,
}

/// One article's graph, compact: every minted IRI and literal lives in one buffer (or in the article's text), quads
/// are indices. Building it costs no allocation per quad; [`ArticleGraph::quads`] makes Oxigraph quads of it and
/// [`ArticleGraph::write_nquads`] writes N-Quads straight from it, in the order of [`sort_quads`].
pub struct ArticleGraph<'a> {
    text: &'a str,
    buf: String,
    /// Each node's IRI, a range of `buf`.
    nodes: Vec<(u32, u32)>,
    /// The article's node: the graph name.
    graph: u32,
    /// The article's IRI, which starts its fragments' IRIs.
    article: String,
    quads: Vec<RawQuad>,
}

impl<'a> ArticleGraph<'a> {
    fn str(&self, s: Str) -> &str {
        match s {
            Str::Text(a, b) => &self.text[a as usize..b as usize],
            Str::Own(a, b) => &self.buf[a as usize..b as usize],
        }
    }

    fn node_str(&self, n: u32) -> &str {
        let (a, b) = self.nodes[n as usize];
        &self.buf[a as usize..b as usize]
    }

    /// A new node whose IRI is what `write` appends to the buffer.
    fn node_with(&mut self, write: impl FnOnce(&mut String)) -> u32 {
        let start = self.buf.len() as u32;
        write(&mut self.buf);
        debug_assert!(NamedNode::new(&self.buf[start as usize..]).is_ok(), "invalid minted IRI");
        self.nodes.push((start, self.buf.len() as u32));
        (self.nodes.len() - 1) as u32
    }

    fn node(&mut self, iri: &str) -> u32 {
        self.node_with(|b| b.push_str(iri))
    }

    /// A new node: the article's IRI, then a fragment that `write` appends.
    fn article_fragment(&mut self, write: impl FnOnce(&mut String)) -> u32 {
        let start = self.buf.len() as u32;
        self.buf.push_str(&self.article);
        write(&mut self.buf);
        self.nodes.push((start, self.buf.len() as u32));
        (self.nodes.len() - 1) as u32
    }

    /// A fragment of the article's IRI: `#char=12,30`.
    fn fragment(&mut self, kind: &str, begin: usize, end: usize) -> u32 {
        self.article_fragment(|buf| {
            buf.push('#');
            buf.push_str(kind);
            buf.push('=');
            push_number(buf, begin);
            buf.push(',');
            push_number(buf, end);
        })
    }

    fn own(&mut self, s: &str) -> Str {
        let start = self.buf.len() as u32;
        self.buf.push_str(s);
        Str::Own(start, self.buf.len() as u32)
    }

    fn number(&mut self, n: usize) -> Str {
        let start = self.buf.len() as u32;
        push_number(&mut self.buf, n);
        Str::Own(start, self.buf.len() as u32)
    }

    /// A span of the article's text.
    fn text(&self, span: Span) -> Str {
        Str::Text(span.start as u32, span.end as u32)
    }

    fn add(&mut self, subject: u32, predicate: &'static str, object: Object) {
        self.quads.push(RawQuad { subject, predicate, object });
    }

    fn node_to(&mut self, subject: u32, predicate: &'static str, object: u32) {
        self.add(subject, predicate, Object::Node(object));
    }

    fn typed(&mut self, subject: u32, class: &'static str) {
        self.add(subject, rdf::TYPE, Object::Iri(class));
    }

    fn string(&mut self, subject: u32, predicate: &'static str, value: Str) {
        self.add(subject, predicate, Object::Literal(value, xsd::STRING));
    }

    fn own_string(&mut self, subject: u32, predicate: &'static str, value: &str) {
        let value = self.own(value);
        self.string(subject, predicate, value);
    }

    fn typed_literal(&mut self, subject: u32, predicate: &'static str, value: Str, datatype: &'static str) {
        self.add(subject, predicate, Object::Literal(value, datatype));
    }

    /// The object as `sort_quads` compares it: kind, then value, then datatype.
    fn object_key(&self, o: &Object) -> (u8, &str, &str) {
        match *o {
            Object::Node(n) => (0, self.node_str(n), ""),
            Object::Iri(iri) => (0, iri, ""),
            Object::Literal(value, datatype) => (2, self.str(value), datatype),
        }
    }

    /// Sort by subject, predicate, object as [`sort_quads`] does, and drop duplicates. Subjects are compared by
    /// their rank among the nodes' IRIs, computed once, so that no quad comparison walks a long IRI.
    fn sort(&mut self) {
        let mut order: Vec<u32> = (0..self.nodes.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| self.node_str(a).cmp(self.node_str(b)));
        let mut rank = vec![0u32; self.nodes.len()];
        for k in 1..order.len() {
            let same = self.node_str(order[k]) == self.node_str(order[k - 1]);
            rank[order[k] as usize] = rank[order[k - 1] as usize] + u32::from(!same);
        }
        let mut quads = std::mem::take(&mut self.quads);
        let cmp = |a: &RawQuad, b: &RawQuad| {
            rank[a.subject as usize]
                .cmp(&rank[b.subject as usize])
                .then_with(|| a.predicate.cmp(b.predicate))
                .then_with(|| self.object_key(&a.object).cmp(&self.object_key(&b.object)))
        };
        quads.sort_unstable_by(cmp);
        quads.dedup_by(|a, b| cmp(a, b).is_eq());
        self.quads = quads;
    }

    /// The quads, as Oxigraph quads, sorted as [`sort_quads`] sorts them.
    pub fn quads(&self) -> Vec<Quad> {
        let graph = GraphName::NamedNode(iri(self.node_str(self.graph)));
        self.quads
            .iter()
            .map(|q| {
                let object: Term = match q.object {
                    Object::Node(n) => iri(self.node_str(n)).into(),
                    Object::Iri(i) => iri(i).into(),
                    Object::Literal(value, datatype) if datatype == xsd::STRING => {
                        Literal::new_simple_literal(self.str(value)).into()
                    }
                    Object::Literal(value, datatype) => {
                        Literal::new_typed_literal(self.str(value), iri(datatype)).into()
                    }
                };
                Quad::new(iri(self.node_str(q.subject)), iri(q.predicate), object, graph.clone())
            })
            .collect()
    }

    /// Append the graph as N-Quads, byte for byte what Oxigraph's N-Quads serializer writes for [`Self::quads`].
    pub fn write_nquads(&self, out: &mut Vec<u8>) {
        let graph = self.node_str(self.graph).as_bytes();
        for q in &self.quads {
            out.push(b'<');
            out.extend_from_slice(self.node_str(q.subject).as_bytes());
            out.extend_from_slice(b"> <");
            out.extend_from_slice(q.predicate.as_bytes());
            out.extend_from_slice(b"> ");
            match q.object {
                Object::Node(n) => push_iri(out, self.node_str(n)),
                Object::Iri(i) => push_iri(out, i),
                Object::Literal(value, datatype) => {
                    push_quoted(out, self.str(value));
                    if datatype != xsd::STRING {
                        out.extend_from_slice(b"^^");
                        push_iri(out, datatype);
                    }
                }
            }
            out.extend_from_slice(b" <");
            out.extend_from_slice(graph);
            out.extend_from_slice(b"> .\n");
        }
    }

    /// How many quads the graph has.
    pub fn len(&self) -> usize {
        self.quads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.quads.is_empty()
    }
}

fn push_iri(out: &mut Vec<u8>, iri: &str) {
    out.push(b'<');
    out.extend_from_slice(iri.as_bytes());
    out.push(b'>');
}

/// A quoted N-Quads string, escaped as Oxigraph escapes it (`oxrdf::literal::print_quoted_str`).
fn push_quoted(out: &mut Vec<u8>, s: &str) {
    out.push(b'"');
    let bytes = s.as_bytes();
    // U+FFFE and U+FFFF are escaped too: in UTF-8 they start with EF BF.
    let special = |b: u8| b < 0x20 || b == b'"' || b == b'\\' || b == 0x7F || b == 0xEF;
    let mut done = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if !special(b) {
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().expect("a char starts here");
        let escaped: Option<&[u8]> = match c {
            '\u{8}' => Some(b"\\b"),
            '\t' => Some(b"\\t"),
            '\n' => Some(b"\\n"),
            '\u{C}' => Some(b"\\f"),
            '\r' => Some(b"\\r"),
            '"' => Some(b"\\\""),
            '\\' => Some(b"\\\\"),
            _ => None,
        };
        let unicode = matches!(c, '\0'..='\u{1F}' | '\u{7F}' | '\u{FFFE}' | '\u{FFFF}');
        if escaped.is_some() || unicode {
            out.extend_from_slice(&bytes[done..i]);
            match escaped {
                Some(e) => out.extend_from_slice(e),
                None => out.extend_from_slice(format!("\\u{:04X}", u32::from(c)).as_bytes()),
            }
            done = i + c.len_utf8();
        }
        i += c.len_utf8();
    }
    out.extend_from_slice(&bytes[done..]);
    out.push(b'"');
}

/// Append a number in decimal.
fn push_number(buf: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf.push_str(std::str::from_utf8(&digits[k..]).expect("ASCII digits"));
}

/// The `nkg:` IRI of each event class and status (looked up, not formatted, for each event).
static NKG_IRIS: LazyLock<Vec<(&'static str, String)>> = LazyLock::new(|| {
    let mut names: Vec<&'static str> = EventClass::ALL.iter().map(|c| c.local_name()).collect();
    names.extend([Status::Occurred, Status::Planned, Status::Proposed, Status::Uncertain].map(Status::local_name));
    names.into_iter().map(|n| (n, format!("{}{n}", nkg::NS))).collect()
});

fn nkg_iri(local_name: &str) -> &'static str {
    let (_, iri) = NKG_IRIS.iter().find(|(n, _)| *n == local_name).expect("a known nkg: local name");
    iri
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
    article_graph(article, facts).quads()
}

/// The quads of one article's graph at a provenance level, sorted.
pub fn quads_at(article: &Article, facts: &Facts, level: Provenance) -> Vec<Quad> {
    article_graph_at(article, facts, level).quads()
}

/// One article's graph, sorted as [`sort_quads`] sorts quads.
pub fn article_graph<'a>(article: &'a Article, facts: &Facts) -> ArticleGraph<'a> {
    article_graph_at(article, facts, Provenance::Full)
}

/// One article's graph at a provenance level, sorted as [`sort_quads`] sorts quads.
pub fn article_graph_at<'a>(article: &'a Article, facts: &Facts, level: Provenance) -> ArticleGraph<'a> {
    let spans = level == Provenance::Full;
    let mentions = level != Provenance::Facts;
    let text = article.text.as_str();
    let article_iri = format!("{ID_BASE}article/{}", encode_segment(&article.id));
    let mut b = ArticleGraph {
        text,
        buf: String::with_capacity(4096),
        nodes: Vec::new(),
        graph: 0,
        article: article_iri.clone(),
        quads: Vec::new(),
    };
    let a = b.node(&article_iri);
    b.graph = a;
    let chars = CharIndex::new(text);
    let offsets = |b: &mut ArticleGraph, node: u32, span: Span| {
        if !spans {
            return;
        }
        b.node_to(node, nif::REFERENCE_CONTEXT, a);
        let begin = b.number(chars.char_offset(span.start));
        let end = b.number(chars.char_offset(span.end));
        b.typed_literal(node, nif::BEGIN_INDEX, begin, xsd::NON_NEGATIVE_INTEGER);
        b.typed_literal(node, nif::END_INDEX, end, xsd::NON_NEGATIVE_INTEGER);
        let anchor = b.text(span);
        b.string(node, nif::ANCHOR_OF, anchor);
    };
    let fragment = |b: &mut ArticleGraph, kind: &str, span: Span| {
        b.fragment(kind, chars.char_offset(span.start), chars.char_offset(span.end))
    };

    // The article.
    b.typed(a, schema::NEWS_ARTICLE);
    b.own_string(a, schema::IDENTIFIER, &article.id);
    if let Some(title) = &article.title {
        b.own_string(a, schema::HEADLINE, title);
    }
    if let Some(date) = article.published {
        let date = b.own(&date.format("%Y-%m-%d").to_string());
        b.typed_literal(a, schema::DATE_PUBLISHED, date, xsd::DATE);
    }
    if let Some(url) = article.url.as_deref().filter(|u| NamedNode::new(*u).is_ok()) {
        let url = b.node(url);
        b.node_to(a, schema::URL, url);
    }
    if mentions {
        // The text, which the mentions' offsets index (and compact mentions' anchors are cut from).
        b.typed(a, nif::CONTEXT);
        let whole = b.text(Span::new(0, text.len()));
        b.string(a, nif::IS_STRING, whole);
    }
    if spans {
        let zero = b.own("0");
        b.typed_literal(a, nif::BEGIN_INDEX, zero, xsd::NON_NEGATIVE_INTEGER);
        let length = b.number(chars.char_offset(text.len()));
        b.typed_literal(a, nif::END_INDEX, length, xsd::NON_NEGATIVE_INTEGER);
    }
    if level != Provenance::Full {
        b.own_string(a, nkg::PROVENANCE_LEVEL, level.as_str());
    }
    b.own_string(a, nkg::EXTRACTOR, concat!("newskg ", env!("CARGO_PKG_VERSION")));

    // Sentences.
    let sentence_nodes: Vec<u32> =
        if mentions { facts.sentences.iter().map(|s| fragment(&mut b, "sentence", *s)).collect() } else { Vec::new() };
    for (&node, span) in sentence_nodes.iter().zip(&facts.sentences) {
        b.typed(node, nif::SENTENCE_CLASS);
        offsets(&mut b, node, *span);
    }
    // A mention of `target` (none at the facts level).
    let mention = |b: &mut ArticleGraph, span: Span, target: u32| -> Option<u32> {
        if !mentions {
            return None;
        }
        let m = fragment(b, "char", span);
        b.typed(m, nif::PHRASE);
        offsets(b, m, span);
        b.node_to(m, itsrdf::TA_IDENT_REF, target);
        if let Some(s) = facts.sentence_of(span) {
            b.node_to(m, nif::SENTENCE, sentence_nodes[s]);
        }
        Some(m)
    };

    // Entities and their mentions.
    let entity_nodes: Vec<u32> = facts
        .entities
        .iter()
        .map(|e| {
            let iri = entity_iri(e.kind, &e.name);
            b.node(iri.as_str())
        })
        .collect();
    for (e, &node) in facts.entities.iter().zip(&entity_nodes) {
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
        if let Some(class) = e.schema.and_then(schema_subclass) {
            b.typed(node, class);
        }
        b.own_string(node, schema::NAME, &e.name);
        for key in name_keys(&e.name) {
            b.own_string(node, nkg::NAME_KEY, &key);
        }
        for alt in &e.alternate {
            b.own_string(node, schema::ALTERNATE_NAME, alt);
        }
        b.node_to(a, schema::MENTIONS, node);
    }
    for m in &facts.mentions {
        if let Some(node) = mention(&mut b, m.span, entity_nodes[m.entity]) {
            b.own_string(node, nkg::RESOLVED_BY, &m.reason);
        }
    }

    // Roles.
    for (i, r) in facts.roles.iter().enumerate() {
        let node = b.article_fragment(|buf| {
            buf.push_str("#role-");
            push_number(buf, i + 1);
        });
        let role = {
            let iri = role_iri(&r.label);
            b.node(iri.as_str())
        };
        b.typed(node, org::MEMBERSHIP);
        b.node_to(node, org::MEMBER, entity_nodes[r.person]);
        b.node_to(node, org::ROLE, role);
        b.typed(role, org::ROLE_CLASS);
        b.own_string(role, skos::PREF_LABEL, &r.label);
        for key in name_keys(&r.label) {
            b.own_string(role, nkg::NAME_KEY, &key);
        }
        if let Some(o) = r.organization {
            b.node_to(node, org::ORGANIZATION, entity_nodes[o]);
        }
        if let Some(t) = r.towards {
            b.node_to(node, nkg::ROLE_TOWARDS, entity_nodes[t]);
        }
        if r.former {
            let yes = b.own("true");
            b.typed_literal(node, nkg::FORMER, yes, xsd::BOOLEAN);
        }
        b.own_string(entity_nodes[r.person], schema::JOB_TITLE, &r.job_title);
        for span in &r.spans {
            if let Some(m) = mention(&mut b, *span, role) {
                b.node_to(node, prov::WAS_DERIVED_FROM, m);
            }
        }
    }

    // Time expressions: mentions of the text (the dates they resolve to are the events' time stamps).
    let timex_nodes: Vec<u32> =
        if mentions { facts.timexes.iter().map(|t| fragment(&mut b, "char", t.span)).collect() } else { Vec::new() };
    for (t, &node) in facts.timexes.iter().zip(&timex_nodes) {
        b.typed(node, nif::PHRASE);
        b.typed(node, nkg::TIME_EXPRESSION);
        offsets(&mut b, node, t.span);
        if let Some(s) = facts.sentence_of(t.span) {
            b.node_to(node, nif::SENTENCE, sentence_nodes[s]);
        }
        b.own_string(node, nkg::TIMEX_TYPE, t.kind.as_str());
        b.own_string(node, nkg::TIMEX_VALUE, &t.value);
        if let Some(m) = t.modifier {
            b.own_string(node, nkg::TIMEX_MOD, m);
        }
    }

    // Events.
    let event_node = |b: &mut ArticleGraph, i: usize| {
        b.article_fragment(|buf| {
            buf.push_str("#event-");
            push_number(buf, i + 1);
        })
    };
    // Things: noun phrases taking part in events without naming an entity, one node per article and phrase.
    let thing_nodes: Vec<u32> = (0..facts.things.len())
        .map(|k| {
            b.article_fragment(|buf| {
                buf.push_str("#thing-");
                push_number(buf, k + 1);
            })
        })
        .collect();
    for (t, &node) in facts.things.iter().zip(&thing_nodes) {
        b.typed(node, schema::THING);
        b.own_string(node, schema::NAME, &t.name);
        for span in &t.spans {
            if let Some(m) = mention(&mut b, *span, node) {
                b.own_string(m, nkg::RESOLVED_BY, "participant phrase");
            }
        }
    }
    for (i, e) in facts.events.iter().enumerate() {
        let node = event_node(&mut b, i);
        b.typed(node, sem::EVENT);
        b.typed(node, nkg_iri(e.class.local_name()));
        b.own_string(node, rdfs::LABEL, &e.label);
        b.add(node, nkg::STATUS, Object::Iri(nkg_iri(e.status.local_name())));
        if let Some(code) = e.class.cameo() {
            b.own_string(node, nkg::CAMEO_CODE, code);
        }
        for &actor in &e.actors {
            b.node_to(node, sem::HAS_ACTOR, entity_nodes[actor]);
        }
        for (role, arg) in &e.args {
            let property = match role {
                ArgRole::Agent => nkg::AGENT,
                ArgRole::Patient => nkg::PATIENT,
                ArgRole::Recipient => nkg::RECIPIENT,
            };
            let target = match *arg {
                Arg::Entity(x) => entity_nodes[x],
                Arg::Thing(x) => thing_nodes[x],
                Arg::Event(x) => event_node(&mut b, x),
            };
            b.node_to(node, property, target);
        }
        for q in &e.quantities {
            // The amount is a mention of the text too, as a time expression is.
            let m = fragment(&mut b, "char", q.span);
            if mentions {
                b.typed(m, nif::PHRASE);
                offsets(&mut b, m, q.span);
                if let Some(s) = facts.sentence_of(q.span) {
                    b.node_to(m, nif::SENTENCE, sentence_nodes[s]);
                }
            }
            let value = b.own(&q.value);
            b.typed_literal(m, schema::VALUE, value, xsd::DECIMAL);
            match &q.unit {
                Unit::Currency(code) => {
                    b.typed(m, schema::MONETARY_AMOUNT);
                    b.own_string(m, schema::CURRENCY, code);
                }
                unit => {
                    b.typed(m, schema::QUANTITATIVE_VALUE);
                    let (code, text) = match unit {
                        Unit::Percent => (Some("P1"), Some("percent")),
                        Unit::PercentagePoints => (None, Some("percentage points")),
                        Unit::Points => (None, Some("points")),
                        Unit::Count(noun) => (None, Some(noun.as_str())),
                        _ => (None, None),
                    };
                    if let Some(code) = code {
                        b.own_string(m, schema::UNIT_CODE, code);
                    }
                    if let Some(text) = text {
                        b.own_string(m, schema::UNIT_TEXT, text);
                    }
                }
            }
            let property = match q.role {
                QuantityRole::Amount => nkg::QUANTITY,
                QuantityRole::To => nkg::TO_VALUE,
                QuantityRole::From => nkg::FROM_VALUE,
            };
            b.node_to(node, property, m);
        }
        if let Some(p) = e.place {
            b.node_to(node, sem::HAS_PLACE, entity_nodes[p]);
        }
        if let Some(d) = e.date {
            let date = b.own(&d.format("%Y-%m-%d").to_string());
            b.typed_literal(node, sem::HAS_TIME_STAMP, date, xsd::DATE);
        }
        if let Some(t) = e.timex.filter(|_| mentions) {
            b.node_to(node, nkg::TIME_MENTION, timex_nodes[t]);
        }
        for span in &e.triggers {
            if let Some(m) = mention(&mut b, *span, node) {
                b.node_to(node, nkg::TRIGGER, m);
            }
        }
        for &r in &e.reports {
            let reported = event_node(&mut b, r);
            b.node_to(node, nkg::REPORTS, reported);
        }
    }
    b.sort();
    b
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
