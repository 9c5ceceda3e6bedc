//! A SHACL Core validator for the graphs newskg writes, so that `newskg validate` needs no other tool.
//!
//! It reads shapes (by default `ontology/shapes.ttl`, embedded at build time) and validates each named graph of a
//! store or file on its own: an article's graph holds every node its facts point to, so a graph that conforms alone
//! conforms in any union. Supported SHACL Core: targets (`sh:targetClass`, `sh:targetNode`, `sh:targetSubjectsOf`,
//! `sh:targetObjectsOf`), predicate and inverse paths, and the components `sh:class`, `sh:datatype`, `sh:nodeKind`,
//! `sh:minCount`, `sh:maxCount`, `sh:minLength`, `sh:maxLength`, `sh:pattern` (with `sh:flags`), `sh:in`,
//! `sh:hasValue`, `sh:lessThan`, `sh:or`, `sh:not`, `sh:node` and `sh:qualifiedValueShape` with its counts.
//! A shape that uses anything else is refused with its name, rather than silently half-checked.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use oxigraph::model::{
    BlankNode, Graph, GraphName, Literal, NamedNode, NamedNodeRef, NamedOrBlankNode, Quad, Term, TermRef, Triple,
};
use regex::Regex;

use crate::graph::vocab::nkg;
use crate::graph::Provenance;

/// The shapes shipped with newskg.
pub const SHAPES_TTL: &str = include_str!("../ontology/shapes.ttl");

const SH: &str = "http://www.w3.org/ns/shacl#";
const RDF_TYPE: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
const RDF_FIRST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first";
const RDF_REST: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest";
const RDF_NIL: &str = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil";
const SUBCLASS_OF: &str = "http://www.w3.org/2000/01/rdf-schema#subClassOf";
const XSD: &str = "http://www.w3.org/2001/XMLSchema#";

/// Shape parameters that describe rather than constrain; allowed on any shape.
const NON_VALIDATING: &[&str] = &[
    "name",
    "description",
    "message",
    "severity",
    "order",
    "group",
    "deactivated",
    "defaultValue",
    "path",
    "targetClass",
    "targetNode",
    "targetSubjectsOf",
    "targetObjectsOf",
    "property",
    "qualifiedMinCount",
    "qualifiedMaxCount",
    "qualifiedValueShapesDisjoint",
    "flags",
];

#[derive(Debug, thiserror::Error)]
pub enum ShaclError {
    #[error("shapes: cannot parse: {0}")]
    Parse(String),
    #[error("shapes: {shape}: {message}")]
    Shape { shape: String, message: String },
}

fn sh(local: &str) -> NamedNode {
    NamedNode::new_unchecked(format!("{SH}{local}"))
}

fn iri(s: &str) -> NamedNodeRef<'_> {
    NamedNodeRef::new_unchecked(s)
}

#[derive(Debug, Clone)]
enum Path {
    Predicate(NamedNode),
    Inverse(NamedNode),
}

impl Path {
    fn values(&self, data: &Graph, focus: &Term) -> Vec<Term> {
        match self {
            Path::Predicate(p) => match focus {
                Term::NamedNode(n) => data.objects_for_subject_predicate(n, p).map(|t| t.into_owned()).collect(),
                Term::BlankNode(b) => data.objects_for_subject_predicate(b, p).map(|t| t.into_owned()).collect(),
                _ => Vec::new(),
            },
            Path::Inverse(p) => {
                data.subjects_for_predicate_object(p, focus).map(|s| Term::from(s.into_owned())).collect()
            }
        }
    }

    fn term(&self) -> Term {
        match self {
            Path::Predicate(p) => p.clone().into(),
            Path::Inverse(p) => p.clone().into(),
        }
    }
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Path::Predicate(p) => f.write_str(&short(&p.clone().into())),
            Path::Inverse(p) => write!(f, "^{}", short(&p.clone().into())),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NodeKind {
    Iri,
    BlankNode,
    Literal,
    BlankNodeOrIri,
    BlankNodeOrLiteral,
    IriOrLiteral,
}

impl NodeKind {
    fn matches(self, t: &Term) -> bool {
        let (i, b, l) =
            (matches!(t, Term::NamedNode(_)), matches!(t, Term::BlankNode(_)), matches!(t, Term::Literal(_)));
        match self {
            NodeKind::Iri => i,
            NodeKind::BlankNode => b,
            NodeKind::Literal => l,
            NodeKind::BlankNodeOrIri => b || i,
            NodeKind::BlankNodeOrLiteral => b || l,
            NodeKind::IriOrLiteral => i || l,
        }
    }
}

/// A constraint on each value node.
#[derive(Debug, Clone)]
enum ValueConstraint {
    Class(NamedNode),
    Datatype(NamedNode),
    NodeKind(NodeKind, NamedNode),
    MinLength(usize),
    MaxLength(usize),
    Pattern(Regex, String),
    In(Vec<Term>),
    Or(Vec<Vec<ValueConstraint>>),
    Not(Vec<ValueConstraint>),
    /// `sh:minInclusive`, `sh:maxInclusive`, `sh:minExclusive`, `sh:maxExclusive`: the bound, and the orderings of
    /// `value.cmp(bound)` that pass.
    Range {
        component: &'static str,
        bound: Term,
        pass: &'static [std::cmp::Ordering],
    },
    /// A node shape the value must conform to (its value constraints and property shapes).
    Node(Box<NodeShape>),
}

/// A constraint on the set of values of a property shape.
#[derive(Debug, Clone)]
enum SetConstraint {
    MinCount(usize),
    MaxCount(usize),
    HasValue(Term),
    LessThan(NamedNode),
    Qualified { shape: Vec<ValueConstraint>, min: Option<usize>, max: Option<usize> },
}

#[derive(Debug, Clone)]
struct PropertyShape {
    id: Term,
    path: Path,
    message: Option<String>,
    severity: NamedNode,
    values: Vec<ValueConstraint>,
    sets: Vec<SetConstraint>,
}

#[derive(Debug, Clone)]
struct NodeShape {
    id: Term,
    targets: Vec<Target>,
    message: Option<String>,
    severity: NamedNode,
    values: Vec<ValueConstraint>,
    properties: Vec<PropertyShape>,
}

#[derive(Debug, Clone)]
enum Target {
    Class(NamedNode),
    Node(Term),
    SubjectsOf(NamedNode),
    ObjectsOf(NamedNode),
}

/// A set of shapes, ready to validate graphs.
#[derive(Debug)]
pub struct Shapes {
    shapes: Vec<NodeShape>,
}

/// One violation of a shape by one focus node.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The named graph it was found in (`None`: the default graph).
    pub graph: Option<NamedNode>,
    pub focus: Term,
    pub path: Option<Term>,
    pub value: Option<Term>,
    /// The SHACL constraint component, e.g. `MinCountConstraintComponent`.
    pub component: &'static str,
    pub source_shape: Term,
    pub severity: NamedNode,
    /// What is wrong, in words: the shape's `sh:message` when it has one, after the finding.
    pub message: String,
}

impl Violation {
    fn sort_key(&self) -> (String, String, String, String, &'static str) {
        let s = |t: &Option<Term>| t.as_ref().map(|t| t.to_string()).unwrap_or_default();
        let graph = self.graph.as_ref().map(|g| g.to_string()).unwrap_or_default();
        (graph, self.focus.to_string(), s(&self.path), s(&self.value), self.component)
    }
}

impl Violation {
    /// The graph's name as people read it.
    pub fn graph_label(&self) -> String {
        self.graph.as_ref().map_or("default graph".to_string(), |g| short(&g.clone().into()))
    }

    /// The violation without its graph, the focus node shortened to `#fragment` when it lies in the graph's IRI.
    pub fn within_graph(&self) -> String {
        let focus = match (&self.graph, &self.focus) {
            (Some(g), Term::NamedNode(n)) if n.as_str().starts_with(&format!("{}#", g.as_str())) => {
                n.as_str()[g.as_str().len()..].to_string()
            }
            _ => short(&self.focus),
        };
        let mut out = focus;
        if let Some(p) = &self.path {
            out.push(' ');
            out.push_str(&short(p));
        }
        out.push_str(&format!(": {} [sh:{}", self.message, self.component));
        if !self.severity.as_str().ends_with("Violation") {
            out.push_str(&format!(", {}", short(&self.severity.clone().into())));
        }
        out.push(']');
        out
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.graph_label(), short(&self.focus))?;
        if let Some(p) = &self.path {
            write!(f, " {}", short(p))?;
        }
        write!(f, ": {} [sh:{}", self.message, self.component)?;
        if !self.severity.as_str().ends_with("Violation") {
            write!(f, ", {}", short(&self.severity.clone().into()))?;
        }
        f.write_str("]")
    }
}

/// A term as people read it: prefixed names for the contract's namespaces.
fn short(t: &Term) -> String {
    match t {
        Term::Literal(l) => {
            let v: String = l.value().chars().take(60).collect();
            let cut = if l.value().chars().count() > 60 { "…" } else { "" };
            if l.datatype().as_str() == format!("{XSD}string") {
                format!("\"{v}{cut}\"")
            } else {
                format!("\"{v}{cut}\"^^{}", short(&l.datatype().into_owned().into()))
            }
        }
        other => crate::store::display_term(other),
    }
}

impl Shapes {
    /// The shapes shipped with newskg.
    pub fn builtin() -> Result<Self, ShaclError> {
        Self::parse_turtle(SHAPES_TTL.as_bytes())
    }

    /// Shapes from a Turtle document.
    pub fn parse_turtle(ttl: &[u8]) -> Result<Self, ShaclError> {
        Self::from_graph(&parse_shapes_graph(ttl)?)
    }

    pub fn from_graph(g: &Graph) -> Result<Self, ShaclError> {
        let node_shape = sh("NodeShape");
        // Sorted by name, so that reports come in the same order every time.
        let mut ids: BTreeMap<String, NamedOrBlankNode> = BTreeMap::new();
        for t in g.triples_for_predicate(iri(RDF_TYPE)) {
            if t.object == node_shape.as_ref().into() {
                ids.insert(t.subject.to_string(), t.subject.into_owned());
            }
        }
        for p in ["targetClass", "targetNode", "targetSubjectsOf", "targetObjectsOf"] {
            for t in g.triples_for_predicate(&sh(p)) {
                ids.insert(t.subject.to_string(), t.subject.into_owned());
            }
        }
        let mut shapes = Vec::new();
        for id in ids.into_values() {
            let shape = parse_node_shape(g, &id)?;
            if !deactivated(g, &id) {
                shapes.push(shape);
            }
        }
        Ok(Shapes { shapes })
    }

    /// Number of node shapes with targets.
    pub fn len(&self) -> usize {
        self.shapes.len()
    }

    pub fn is_empty(&self) -> bool {
        self.shapes.is_empty()
    }

    /// Validate one graph; `name` is the graph's name, kept in each violation.
    pub fn validate(&self, name: Option<&NamedNode>, data: &Graph) -> Vec<Violation> {
        let ctx = Context { data, graph: name.cloned(), classes: ClassIndex::new(data) };
        let mut out = Vec::new();
        for shape in &self.shapes {
            for focus in focus_nodes(&ctx, &shape.targets) {
                ctx.check_node(shape, &focus, &mut out);
            }
        }
        out.sort_by_cached_key(Violation::sort_key);
        out.dedup();
        out
    }

    /// Validate every graph of a set of quads, each named graph (and the default graph) on its own.
    pub fn validate_quads(&self, quads: impl IntoIterator<Item = Quad>) -> Vec<Violation> {
        graphs_of(quads).values().flat_map(|(name, g)| self.validate(name.as_ref(), g)).collect()
    }
}

/// Each named graph (and the default graph) of a set of quads, by name.
fn graphs_of(quads: impl IntoIterator<Item = Quad>) -> BTreeMap<String, (Option<NamedNode>, Graph)> {
    let mut graphs: BTreeMap<String, (Option<NamedNode>, Graph)> = BTreeMap::new();
    for q in quads {
        let name = match q.graph_name {
            GraphName::NamedNode(n) => Some(n),
            _ => None,
        };
        let key = name.as_ref().map(|n| n.to_string()).unwrap_or_default();
        let entry = graphs.entry(key).or_insert_with(|| (name, Graph::new()));
        entry.1.insert(&Triple::new(q.subject, q.predicate, q.object));
    }
    graphs
}

/// The shapes graph of one provenance level: `shapes` without the shapes annotated `nkg:atProvenance` with other
/// levels only, and without the `sh:property` links to them.
pub fn shapes_graph_at(shapes: &Graph, level: Provenance) -> Graph {
    let annotation = iri(nkg::AT_PROVENANCE);
    let left_out: HashSet<NamedOrBlankNode> = shapes
        .triples_for_predicate(annotation)
        .map(|t| t.subject)
        .filter(|s| {
            !shapes.objects_for_subject_predicate(*s, annotation).any(|o| match o {
                TermRef::Literal(l) => l.value() == level.as_str(),
                _ => false,
            })
        })
        .map(|s| s.into_owned())
        .collect();
    let mut out = Graph::new();
    for t in shapes.iter() {
        let subject = t.subject.into_owned();
        let object_left_out = match t.object {
            TermRef::NamedNode(n) => left_out.contains(&NamedOrBlankNode::NamedNode(n.into_owned())),
            TermRef::BlankNode(b) => left_out.contains(&NamedOrBlankNode::BlankNode(b.into_owned())),
            _ => false,
        };
        if !left_out.contains(&subject) && !object_left_out {
            out.insert(t);
        }
    }
    out
}

/// The shapes of every provenance level, made from one shapes graph: each graph is checked with the shapes of the
/// level its article states (`nkg:provenanceLevel`; none is the full level).
pub struct LevelShapes {
    full: Shapes,
    compact: Shapes,
    facts: Shapes,
}

impl LevelShapes {
    /// The shapes shipped with newskg, at each level.
    pub fn builtin() -> Result<Self, ShaclError> {
        Self::parse_turtle(SHAPES_TTL.as_bytes())
    }

    /// Shapes from a Turtle document, at each level.
    pub fn parse_turtle(ttl: &[u8]) -> Result<Self, ShaclError> {
        let g = parse_shapes_graph(ttl)?;
        let at = |level| Shapes::from_graph(&shapes_graph_at(&g, level));
        Ok(LevelShapes {
            full: at(Provenance::Full)?,
            compact: at(Provenance::Compact)?,
            facts: at(Provenance::Facts)?,
        })
    }

    pub fn at(&self, level: Provenance) -> &Shapes {
        match level {
            Provenance::Full => &self.full,
            Provenance::Compact => &self.compact,
            Provenance::Facts => &self.facts,
        }
    }

    /// The level a graph states, full when it states none (or an unknown one, which the shapes then report).
    pub fn level_of(data: &Graph) -> Provenance {
        let level = data.triples_for_predicate(iri(nkg::PROVENANCE_LEVEL)).find_map(|t| match t.object {
            TermRef::Literal(l) => Some(l.value().to_string()),
            _ => None,
        });
        match level.as_deref() {
            Some("compact") => Provenance::Compact,
            Some("facts") => Provenance::Facts,
            _ => Provenance::Full,
        }
    }

    /// Validate every graph of a set of quads on its own, with the shapes of its level.
    pub fn validate_quads(&self, quads: impl IntoIterator<Item = Quad>) -> Vec<Violation> {
        graphs_of(quads).values().flat_map(|(name, g)| self.at(Self::level_of(g)).validate(name.as_ref(), g)).collect()
    }
}

/// A shapes graph from Turtle.
pub fn parse_shapes_graph(ttl: &[u8]) -> Result<Graph, ShaclError> {
    let mut g = Graph::new();
    for t in oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle).for_slice(ttl) {
        let q = t.map_err(|e| ShaclError::Parse(e.to_string()))?;
        g.insert(&Triple::new(q.subject, q.predicate, q.object));
    }
    Ok(g)
}

fn deactivated(g: &Graph, id: &NamedOrBlankNode) -> bool {
    g.object_for_subject_predicate(id, &sh("deactivated"))
        .is_some_and(|o| matches!(o, TermRef::Literal(l) if l.value() == "true"))
}

fn list(g: &Graph, head: TermRef<'_>, shape: &str) -> Result<Vec<Term>, ShaclError> {
    let mut out = Vec::new();
    let mut node = head.into_owned();
    let mut seen = HashSet::new();
    loop {
        match &node {
            Term::NamedNode(n) if n.as_str() == RDF_NIL => return Ok(out),
            Term::NamedNode(_) | Term::BlankNode(_) if seen.insert(node.clone()) => {
                let s: NamedOrBlankNode = match &node {
                    Term::NamedNode(n) => n.clone().into(),
                    Term::BlankNode(b) => b.clone().into(),
                    _ => unreachable!(),
                };
                let first = g.object_for_subject_predicate(&s, iri(RDF_FIRST));
                let rest = g.object_for_subject_predicate(&s, iri(RDF_REST));
                match (first, rest) {
                    (Some(f), Some(r)) => {
                        out.push(f.into_owned());
                        node = r.into_owned();
                    }
                    _ => break,
                }
            }
            _ => break,
        }
    }
    Err(ShaclError::Shape { shape: shape.into(), message: "malformed RDF list".into() })
}

fn as_node(t: TermRef<'_>, shape: &str) -> Result<NamedOrBlankNode, ShaclError> {
    match t {
        TermRef::NamedNode(n) => Ok(n.into_owned().into()),
        TermRef::BlankNode(b) => Ok(b.into_owned().into()),
        _ => Err(ShaclError::Shape { shape: shape.into(), message: format!("{t} is not a shape") }),
    }
}

fn integer(t: TermRef<'_>, shape: &str, param: &str) -> Result<usize, ShaclError> {
    match t {
        TermRef::Literal(l) => l.value().parse().ok(),
        _ => None,
    }
    .ok_or_else(|| ShaclError::Shape { shape: shape.into(), message: format!("sh:{param} must be an integer") })
}

fn named(t: TermRef<'_>, shape: &str, param: &str) -> Result<NamedNode, ShaclError> {
    match t {
        TermRef::NamedNode(n) => Ok(n.into_owned()),
        _ => Err(ShaclError::Shape { shape: shape.into(), message: format!("sh:{param} must be an IRI") }),
    }
}

fn text_of(g: &Graph, id: &NamedOrBlankNode, p: &str) -> Option<String> {
    g.object_for_subject_predicate(id, &sh(p)).and_then(|o| match o {
        TermRef::Literal(l) => Some(l.value().to_string()),
        _ => None,
    })
}

fn severity_of(g: &Graph, id: &NamedOrBlankNode) -> NamedNode {
    match g.object_for_subject_predicate(id, &sh("severity")) {
        Some(TermRef::NamedNode(n)) => n.into_owned(),
        _ => sh("Violation"),
    }
}

fn parse_node_shape(g: &Graph, id: &NamedOrBlankNode) -> Result<NodeShape, ShaclError> {
    let name = short(&Term::from(id.clone()));
    let mut targets = Vec::new();
    for (p, make) in [("targetClass", 0), ("targetNode", 1), ("targetSubjectsOf", 2), ("targetObjectsOf", 3)] {
        for o in g.objects_for_subject_predicate(id, &sh(p)) {
            targets.push(match make {
                0 => Target::Class(named(o, &name, p)?),
                1 => Target::Node(o.into_owned()),
                2 => Target::SubjectsOf(named(o, &name, p)?),
                _ => Target::ObjectsOf(named(o, &name, p)?),
            });
        }
    }
    let mut properties = Vec::new();
    for o in g.objects_for_subject_predicate(id, &sh("property")) {
        let pid = as_node(o, &name)?;
        if !deactivated(g, &pid) {
            properties.push(parse_property_shape(g, &pid)?);
        }
    }
    let (values, sets) = parse_constraints(g, id, &name)?;
    if !sets.is_empty() {
        return Err(ShaclError::Shape {
            shape: name,
            message: "count, sh:hasValue and sh:lessThan constraints need a property shape (sh:path)".into(),
        });
    }
    Ok(NodeShape {
        id: id.clone().into(),
        targets,
        message: text_of(g, id, "message"),
        severity: severity_of(g, id),
        values,
        properties,
    })
}

fn parse_property_shape(g: &Graph, id: &NamedOrBlankNode) -> Result<PropertyShape, ShaclError> {
    let name = short(&Term::from(id.clone()));
    let path = match g.object_for_subject_predicate(id, &sh("path")) {
        Some(TermRef::NamedNode(p)) => Path::Predicate(p.into_owned()),
        Some(TermRef::BlankNode(b)) => match g.object_for_subject_predicate(b, &sh("inversePath")) {
            Some(TermRef::NamedNode(p)) => Path::Inverse(p.into_owned()),
            _ => {
                return Err(ShaclError::Shape {
                    shape: name,
                    message: "only predicate paths and sh:inversePath of a predicate are supported".into(),
                })
            }
        },
        _ => return Err(ShaclError::Shape { shape: name, message: "a property shape needs an IRI sh:path".into() }),
    };
    let (values, sets) = parse_constraints(g, id, &name)?;
    Ok(PropertyShape {
        id: id.clone().into(),
        path,
        message: text_of(g, id, "message"),
        severity: severity_of(g, id),
        values,
        sets,
    })
}

/// The constraints a shape declares, split into those on each value and those on the set of values.
fn parse_constraints(
    g: &Graph,
    id: &NamedOrBlankNode,
    name: &str,
) -> Result<(Vec<ValueConstraint>, Vec<SetConstraint>), ShaclError> {
    let mut values = Vec::new();
    let mut sets = Vec::new();
    let shape_err = |message: String| ShaclError::Shape { shape: name.to_string(), message };
    for t in g.triples_for_subject(id) {
        let Some(param) = t.predicate.as_str().strip_prefix(SH) else { continue };
        let o = t.object;
        match param {
            "class" => values.push(ValueConstraint::Class(named(o, name, param)?)),
            "datatype" => values.push(ValueConstraint::Datatype(named(o, name, param)?)),
            "nodeKind" => {
                let n = named(o, name, param)?;
                let kind = match n.as_str().strip_prefix(SH) {
                    Some("IRI") => NodeKind::Iri,
                    Some("BlankNode") => NodeKind::BlankNode,
                    Some("Literal") => NodeKind::Literal,
                    Some("BlankNodeOrIRI") => NodeKind::BlankNodeOrIri,
                    Some("BlankNodeOrLiteral") => NodeKind::BlankNodeOrLiteral,
                    Some("IRIOrLiteral") => NodeKind::IriOrLiteral,
                    _ => return Err(shape_err(format!("unknown sh:nodeKind {n}"))),
                };
                values.push(ValueConstraint::NodeKind(kind, n));
            }
            "minLength" => values.push(ValueConstraint::MinLength(integer(o, name, param)?)),
            "maxLength" => values.push(ValueConstraint::MaxLength(integer(o, name, param)?)),
            "pattern" => {
                let TermRef::Literal(l) = o else { return Err(shape_err("sh:pattern must be a string".into())) };
                let flags = text_of(g, id, "flags").unwrap_or_default();
                let mut prefix = String::new();
                for f in flags.chars() {
                    match f {
                        'i' | 'm' | 's' | 'x' => prefix.push(f),
                        other => return Err(shape_err(format!("sh:flags {other:?} is not supported"))),
                    }
                }
                let source =
                    if prefix.is_empty() { l.value().to_string() } else { format!("(?{prefix}){}", l.value()) };
                let re = Regex::new(&source).map_err(|e| shape_err(format!("sh:pattern: {e}")))?;
                values.push(ValueConstraint::Pattern(re, l.value().to_string()));
            }
            "in" => values.push(ValueConstraint::In(list(g, o, name)?)),
            "or" => {
                let mut alternatives = Vec::new();
                for member in list(g, o, name)? {
                    alternatives.push(nested(g, member.as_ref(), name)?);
                }
                values.push(ValueConstraint::Or(alternatives));
            }
            "not" => values.push(ValueConstraint::Not(nested(g, o, name)?)),
            "node" => values.push(ValueConstraint::Node(Box::new(parse_node_shape(g, &as_node(o, name)?)?))),
            "minInclusive" | "maxInclusive" | "minExclusive" | "maxExclusive" => {
                use std::cmp::Ordering::{Equal, Greater, Less};
                let (component, pass): (&'static str, &'static [std::cmp::Ordering]) = match param {
                    "minInclusive" => ("MinInclusiveConstraintComponent", &[Greater, Equal]),
                    "maxInclusive" => ("MaxInclusiveConstraintComponent", &[Less, Equal]),
                    "minExclusive" => ("MinExclusiveConstraintComponent", &[Greater]),
                    _ => ("MaxExclusiveConstraintComponent", &[Less]),
                };
                values.push(ValueConstraint::Range { component, bound: o.into_owned(), pass });
            }
            "minCount" => sets.push(SetConstraint::MinCount(integer(o, name, param)?)),
            "maxCount" => sets.push(SetConstraint::MaxCount(integer(o, name, param)?)),
            "hasValue" => sets.push(SetConstraint::HasValue(o.into_owned())),
            "lessThan" => sets.push(SetConstraint::LessThan(named(o, name, param)?)),
            "qualifiedValueShape" => {
                let count =
                    |p: &str| g.object_for_subject_predicate(id, &sh(p)).map(|c| integer(c, name, p)).transpose();
                sets.push(SetConstraint::Qualified {
                    shape: nested(g, o, name)?,
                    min: count("qualifiedMinCount")?,
                    max: count("qualifiedMaxCount")?,
                });
            }
            p if NON_VALIDATING.contains(&p) => {}
            other => return Err(shape_err(format!("sh:{other} is not supported by newskg's validator"))),
        }
    }
    Ok((values, sets))
}

/// An anonymous shape used inside `sh:or`, `sh:not` or `sh:qualifiedValueShape`: value constraints only.
fn nested(g: &Graph, t: TermRef<'_>, name: &str) -> Result<Vec<ValueConstraint>, ShaclError> {
    let id = as_node(t, name)?;
    if g.object_for_subject_predicate(&id, &sh("property")).is_some() {
        // A nested shape with property shapes is a full node shape.
        return Ok(vec![ValueConstraint::Node(Box::new(parse_node_shape(g, &id)?))]);
    }
    let (values, sets) = parse_constraints(g, &id, name)?;
    if !sets.is_empty() {
        return Err(ShaclError::Shape { shape: name.into(), message: "a nested shape cannot count values".into() });
    }
    Ok(values)
}

/// rdf:type with rdfs:subClassOf, as SHACL defines "instance of" over the data graph.
struct ClassIndex {
    /// Each class with every class it is a (reflexive, transitive) subclass of.
    supers: HashMap<Term, HashSet<Term>>,
}

impl ClassIndex {
    fn new(data: &Graph) -> Self {
        let mut direct: HashMap<Term, Vec<Term>> = HashMap::new();
        for t in data.triples_for_predicate(iri(SUBCLASS_OF)) {
            direct.entry(Term::from(t.subject.into_owned())).or_default().push(t.object.into_owned());
        }
        let mut supers = HashMap::new();
        for c in direct.keys() {
            let mut seen = HashSet::new();
            let mut stack = vec![c.clone()];
            while let Some(x) = stack.pop() {
                if seen.insert(x.clone()) {
                    stack.extend(direct.get(&x).into_iter().flatten().cloned());
                }
            }
            supers.insert(c.clone(), seen);
        }
        ClassIndex { supers }
    }

    fn is_subclass(&self, class: &Term, of: &Term) -> bool {
        class == of || self.supers.get(class).is_some_and(|s| s.contains(of))
    }
}

struct Context<'a> {
    data: &'a Graph,
    graph: Option<NamedNode>,
    classes: ClassIndex,
}

fn focus_nodes(ctx: &Context<'_>, targets: &[Target]) -> Vec<Term> {
    let mut out = BTreeMap::new();
    let mut add = |t: Term| {
        out.insert(t.to_string(), t);
    };
    for t in targets {
        match t {
            Target::Class(c) => {
                let c: Term = c.clone().into();
                for tr in ctx.data.triples_for_predicate(iri(RDF_TYPE)) {
                    if ctx.classes.is_subclass(&tr.object.into_owned(), &c) {
                        add(tr.subject.into_owned().into());
                    }
                }
            }
            Target::Node(n) => add(n.clone()),
            Target::SubjectsOf(p) => ctx.data.triples_for_predicate(p).for_each(|t| add(t.subject.into_owned().into())),
            Target::ObjectsOf(p) => ctx.data.triples_for_predicate(p).for_each(|t| add(t.object.into_owned())),
        }
    }
    out.into_values().collect()
}

impl Context<'_> {
    fn instance_of(&self, node: &Term, class: &NamedNode) -> bool {
        let class: Term = class.clone().into();
        Path::Predicate(iri(RDF_TYPE).into_owned())
            .values(self.data, node)
            .iter()
            .any(|t| self.classes.is_subclass(t, &class))
    }

    fn check_node(&self, shape: &NodeShape, focus: &Term, out: &mut Vec<Violation>) {
        for c in &shape.values {
            if let Some((component, finding)) = self.value_fails(c, focus) {
                out.push(Violation {
                    graph: self.graph.clone(),
                    focus: focus.clone(),
                    path: None,
                    value: Some(focus.clone()),
                    component,
                    source_shape: shape.id.clone(),
                    severity: shape.severity.clone(),
                    message: with_message(finding, shape.message.as_deref()),
                });
            }
        }
        for p in &shape.properties {
            self.check_property(p, focus, out);
        }
    }

    /// Whether the node conforms to a node shape (for sh:node and nested shapes).
    fn conforms(&self, shape: &NodeShape, node: &Term) -> bool {
        let mut v = Vec::new();
        self.check_node(shape, node, &mut v);
        v.is_empty()
    }

    fn value_conforms(&self, constraints: &[ValueConstraint], node: &Term) -> bool {
        constraints.iter().all(|c| self.value_fails(c, node).is_none())
    }

    /// The component and finding when `value` fails `c`.
    fn value_fails(&self, c: &ValueConstraint, value: &Term) -> Option<(&'static str, String)> {
        let v = short(value);
        match c {
            ValueConstraint::Class(class) => (!self.instance_of(value, class))
                .then(|| ("ClassConstraintComponent", format!("{v} is not a {}", short(&class.clone().into())))),
            ValueConstraint::Datatype(dt) => (!well_typed(value, dt))
                .then(|| ("DatatypeConstraintComponent", format!("{v} is not a valid {}", short(&dt.clone().into())))),
            ValueConstraint::NodeKind(kind, n) => (!kind.matches(value))
                .then(|| ("NodeKindConstraintComponent", format!("{v} is not of kind {}", short(&n.clone().into())))),
            ValueConstraint::MinLength(n) => (lexical(value).is_none_or(|s| s.chars().count() < *n))
                .then(|| ("MinLengthConstraintComponent", format!("{v} is shorter than {n} characters"))),
            ValueConstraint::MaxLength(n) => (lexical(value).is_none_or(|s| s.chars().count() > *n))
                .then(|| ("MaxLengthConstraintComponent", format!("{v} is longer than {n} characters"))),
            ValueConstraint::Pattern(re, source) => (lexical(value).is_none_or(|s| !re.is_match(&s)))
                .then(|| ("PatternConstraintComponent", format!("{v} does not match /{source}/"))),
            ValueConstraint::In(allowed) => (!allowed.contains(value)).then(|| {
                let list: Vec<String> = allowed.iter().map(short).collect();
                ("InConstraintComponent", format!("{v} is not one of {}", list.join(", ")))
            }),
            ValueConstraint::Or(alternatives) => (!alternatives.iter().any(|a| self.value_conforms(a, value)))
                .then(|| ("OrConstraintComponent", format!("{v} conforms to none of the sh:or alternatives"))),
            ValueConstraint::Range { component, bound, pass } => {
                (!compare(value, bound).is_some_and(|o| pass.contains(&o))).then(|| {
                    let want = component.trim_end_matches("ConstraintComponent");
                    (*component, format!("{v} fails sh:{}{} {}", want[..1].to_lowercase(), &want[1..], short(bound)))
                })
            }
            ValueConstraint::Not(shape) => self
                .value_conforms(shape, value)
                .then(|| ("NotConstraintComponent", format!("{v} conforms to a shape it must not"))),
            ValueConstraint::Node(shape) => (!self.conforms(shape, value))
                .then(|| ("NodeConstraintComponent", format!("{v} does not conform to {}", short(&shape.id)))),
        }
    }

    fn check_property(&self, p: &PropertyShape, focus: &Term, out: &mut Vec<Violation>) {
        let values = p.path.values(self.data, focus);
        let mut push = |value: Option<Term>, component: &'static str, finding: String| {
            out.push(Violation {
                graph: self.graph.clone(),
                focus: focus.clone(),
                path: Some(p.path.term()),
                value,
                component,
                source_shape: p.id.clone(),
                severity: p.severity.clone(),
                message: with_message(finding, p.message.as_deref()),
            })
        };
        for c in &p.values {
            for value in &values {
                if let Some((component, finding)) = self.value_fails(c, value) {
                    push(Some(value.clone()), component, finding);
                }
            }
        }
        let n = values.len();
        for c in &p.sets {
            match c {
                SetConstraint::MinCount(min) if n < *min => {
                    push(None, "MinCountConstraintComponent", format!("{n} value(s), at least {min} expected"))
                }
                SetConstraint::MaxCount(max) if n > *max => {
                    push(None, "MaxCountConstraintComponent", format!("{n} values, at most {max} expected"))
                }
                SetConstraint::HasValue(h) if !values.contains(h) => {
                    push(None, "HasValueConstraintComponent", format!("{} is missing", short(h)))
                }
                SetConstraint::LessThan(other) => {
                    let others = Path::Predicate(other.clone()).values(self.data, focus);
                    for v in &values {
                        for o in &others {
                            if compare(v, o) != Some(std::cmp::Ordering::Less) {
                                push(
                                    Some(v.clone()),
                                    "LessThanConstraintComponent",
                                    format!(
                                        "{} is not less than {} {}",
                                        short(v),
                                        short(&other.clone().into()),
                                        short(o)
                                    ),
                                );
                            }
                        }
                    }
                }
                SetConstraint::Qualified { shape, min, max } => {
                    let k = values.iter().filter(|v| self.value_conforms(shape, v)).count();
                    if let Some(min) = min.filter(|m| k < *m) {
                        push(
                            None,
                            "QualifiedMinCountConstraintComponent",
                            format!("{k} value(s) of the qualified shape, at least {min} expected"),
                        );
                    }
                    if let Some(max) = max.filter(|m| k > *m) {
                        push(
                            None,
                            "QualifiedMaxCountConstraintComponent",
                            format!("{k} values of the qualified shape, at most {max} expected"),
                        );
                    }
                }
                _ => {}
            }
        }
    }
}

fn with_message(finding: String, message: Option<&str>) -> String {
    match message {
        Some(m) => format!("{finding}. {m}"),
        None => finding,
    }
}

/// The string SHACL's pattern and length constraints read: an IRI's text or a literal's lexical form.
fn lexical(t: &Term) -> Option<String> {
    match t {
        Term::NamedNode(n) => Some(n.as_str().to_string()),
        Term::Literal(l) => Some(l.value().to_string()),
        _ => None,
    }
}

/// A literal of datatype `dt` whose lexical form is valid for it (for the XSD types newskg writes).
fn well_typed(t: &Term, dt: &NamedNode) -> bool {
    let Term::Literal(l) = t else { return false };
    if l.datatype() != dt.as_ref() {
        return false;
    }
    let v = l.value();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    match dt.as_str().strip_prefix(XSD) {
        Some("date") => chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d").is_ok() && v.len() >= 10,
        Some("nonNegativeInteger") => digits(v.strip_prefix('+').unwrap_or(v)),
        Some("integer") => digits(v.strip_prefix(['+', '-']).unwrap_or(v)),
        Some("boolean") => matches!(v, "true" | "false" | "1" | "0"),
        _ => true,
    }
}

/// Order two literals of comparable types (numbers, dates, strings), as sh:lessThan needs.
fn compare(a: &Term, b: &Term) -> Option<std::cmp::Ordering> {
    let (Term::Literal(a), Term::Literal(b)) = (a, b) else { return None };
    let numeric = |l: &Literal| -> Option<f64> {
        let local = l.datatype().as_str().strip_prefix(XSD)?;
        matches!(
            local,
            "integer"
                | "nonNegativeInteger"
                | "positiveInteger"
                | "int"
                | "long"
                | "short"
                | "decimal"
                | "double"
                | "float"
        )
        .then(|| l.value().parse().ok())
        .flatten()
    };
    if let (Some(x), Some(y)) = (numeric(a), numeric(b)) {
        return x.partial_cmp(&y);
    }
    (a.datatype() == b.datatype()).then(|| a.value().cmp(b.value()))
}

/// The SHACL validation report of `violations`, as triples (`sh:ValidationReport` with one `sh:result` each).
pub fn report_triples(violations: &[Violation]) -> Vec<Triple> {
    let report = BlankNode::new_unchecked("report");
    let mut out = vec![
        Triple::new(report.clone(), iri(RDF_TYPE), sh("ValidationReport")),
        Triple::new(report.clone(), sh("conforms"), Literal::from(violations.is_empty())),
    ];
    for (i, v) in violations.iter().enumerate() {
        let r = BlankNode::new_unchecked(format!("result{}", i + 1));
        out.push(Triple::new(report.clone(), sh("result"), r.clone()));
        out.push(Triple::new(r.clone(), iri(RDF_TYPE), sh("ValidationResult")));
        let focus = v.focus.clone();
        out.push(Triple::new(r.clone(), sh("focusNode"), focus));
        if let Some(p) = &v.path {
            out.push(Triple::new(r.clone(), sh("resultPath"), p.clone()));
        }
        if let Some(value) = &v.value {
            out.push(Triple::new(r.clone(), sh("value"), value.clone()));
        }
        out.push(Triple::new(r.clone(), sh("sourceShape"), v.source_shape.clone()));
        out.push(Triple::new(r.clone(), sh("sourceConstraintComponent"), sh(v.component)));
        out.push(Triple::new(r.clone(), sh("resultSeverity"), v.severity.clone()));
        out.push(Triple::new(r.clone(), sh("resultMessage"), Literal::new_simple_literal(&v.message)));
        if let Some(g) = &v.graph {
            // Which article graph the result is about (not part of SHACL's report vocabulary).
            out.push(Triple::new(
                r,
                NamedNode::new_unchecked(format!("{}graph", crate::graph::vocab::nkg::NS)),
                g.clone(),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn graph(ttl: &str) -> Graph {
        let mut g = Graph::new();
        let prefixes = "@prefix ex: <http://example.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";
        for t in oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::Turtle)
            .for_slice(format!("{prefixes}{ttl}").as_bytes())
        {
            let q = t.unwrap();
            g.insert(&Triple::new(q.subject, q.predicate, q.object));
        }
        g
    }

    fn shapes(ttl: &str) -> Shapes {
        let prefixes = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .
            @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";
        Shapes::parse_turtle(format!("{prefixes}{ttl}").as_bytes()).unwrap()
    }

    fn components(v: &[Violation]) -> Vec<&str> {
        v.iter().map(|v| v.component).collect()
    }

    #[test]
    fn counts_datatypes_and_order_of_offsets() {
        let s = shapes(
            "ex:S a sh:NodeShape ; sh:targetClass ex:Span ;
               sh:property [ sh:path ex:begin ; sh:minCount 1 ; sh:maxCount 1 ; sh:datatype xsd:nonNegativeInteger ;
                             sh:lessThan ex:end ; sh:message \"offsets\" ] .",
        );
        let ok =
            graph("ex:a a ex:Span ; ex:begin \"3\"^^xsd:nonNegativeInteger ; ex:end \"10\"^^xsd:nonNegativeInteger .");
        assert!(s.validate(None, &ok).is_empty());
        let missing = graph("ex:a a ex:Span .");
        let v = s.validate(None, &missing);
        assert_eq!(components(&v), ["MinCountConstraintComponent"]);
        assert_eq!(v[0].message, "0 value(s), at least 1 expected. offsets");
        let bad = graph(
            "ex:a a ex:Span ; ex:begin \"12\"^^xsd:nonNegativeInteger , \"x\"^^xsd:nonNegativeInteger ;
                  ex:end \"10\"^^xsd:nonNegativeInteger .",
        );
        let violations = s.validate(None, &bad);
        let mut got = components(&violations);
        got.sort();
        assert_eq!(
            got,
            [
                "DatatypeConstraintComponent",
                "LessThanConstraintComponent",
                "LessThanConstraintComponent",
                "MaxCountConstraintComponent"
            ]
        );
    }

    #[test]
    fn classes_follow_subclass_links_and_or_takes_any_alternative() {
        let s = shapes(
            "ex:S a sh:NodeShape ; sh:targetClass ex:Role ;
               sh:property [ sh:path ex:org ; sh:or ( [ sh:class ex:Org ] [ sh:class ex:Place ] ) ] .",
        );
        let g = graph(
            "ex:City <http://www.w3.org/2000/01/rdf-schema#subClassOf> ex:Place .
             ex:r1 a ex:Role ; ex:org ex:paris . ex:paris a ex:City .
             ex:r2 a ex:Role ; ex:org ex:bob . ex:bob a ex:Person .",
        );
        let v = s.validate(None, &g);
        assert_eq!(components(&v), ["OrConstraintComponent"]);
        assert_eq!(v[0].focus.to_string(), "<http://example.org/r2>");
    }

    #[test]
    fn qualified_value_shape_counts_conforming_values() {
        let s = shapes(
            "ex:S a sh:NodeShape ; sh:targetClass ex:Event ;
               sh:property [ sh:path <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> ;
                 sh:qualifiedValueShape [ sh:pattern \"^http://example.org/kinds#\" ] ;
                 sh:qualifiedMinCount 1 ; sh:qualifiedMaxCount 1 ] .",
        );
        let g = graph(
            "ex:e1 a ex:Event , <http://example.org/kinds#Meeting> .
             ex:e2 a ex:Event .
             ex:e3 a ex:Event , <http://example.org/kinds#Meeting> , <http://example.org/kinds#Call> .",
        );
        let v = s.validate(None, &g);
        let found: Vec<(String, &str)> = v.iter().map(|v| (v.focus.to_string(), v.component)).collect();
        assert_eq!(
            found,
            [
                ("<http://example.org/e2>".to_string(), "QualifiedMinCountConstraintComponent"),
                ("<http://example.org/e3>".to_string(), "QualifiedMaxCountConstraintComponent"),
            ]
        );
    }

    #[test]
    fn unsupported_components_are_refused_by_name() {
        let prefixes = "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://example.org/> .\n";
        let err = Shapes::parse_turtle(
            format!("{prefixes} ex:S a sh:NodeShape ; sh:targetClass ex:A ; sh:closed true .").as_bytes(),
        )
        .unwrap_err();
        assert!(err.to_string().contains("sh:closed is not supported"), "{err}");
    }

    #[test]
    fn the_shipped_shapes_parse() {
        let s = Shapes::builtin().unwrap();
        assert!(s.len() >= 9, "{}", s.len());
    }
}
