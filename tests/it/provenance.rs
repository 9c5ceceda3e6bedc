//! Provenance levels: the compact graph is the full one less what its mention IRIs and the article's text give
//! again; the facts graph is the full one less its mentions; the saved queries answer alike at full and compact.

use std::collections::{BTreeSet, HashSet};

use crate::common::{read, root, rows};
use newskg::article::Article;
use newskg::graph::{self, Provenance};
use newskg::queries::{describe, SAVED};
use newskg::shacl::LevelShapes;
use newskg::store::KnowledgeStore;
use oxigraph::model::{GraphName, Literal, NamedNode, Quad, Term};

const NIF: &str = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
const XSD_NNI: &str = "http://www.w3.org/2001/XMLSchema#nonNegativeInteger";
const LEVEL: &str = "https://w3id.org/newskg/ontology#provenanceLevel";

/// Every article of the bundled examples.
fn examples() -> Vec<Article> {
    let mut files: Vec<_> =
        std::fs::read_dir(root().join("examples/articles")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    files.iter().flat_map(|f| read(f)).collect()
}

fn quads_at(article: &Article, level: Provenance) -> Vec<Quad> {
    graph::quads_at(article, &newskg::extract_facts(article), level)
}

fn store_at(articles: &[Article], level: Provenance) -> KnowledgeStore {
    let store = KnowledgeStore::in_memory().unwrap();
    for a in articles {
        store.replace_graph(&graph::article_iri(&a.id), &quads_at(a, level)).unwrap();
    }
    store
}

fn nif(local: &str) -> NamedNode {
    NamedNode::new(format!("{NIF}{local}")).unwrap()
}

/// What a full graph has beyond a compact one, made again from the compact graph alone: each span's offsets from
/// its `#char=b,e` or `#sentence=b,e` IRI, its text cut from the article's, its article.
fn rederived(compact: &[Quad]) -> Vec<Quad> {
    let text = compact
        .iter()
        .find(|q| q.predicate == nif("isString"))
        .map(|q| match &q.object {
            Term::Literal(l) => l.value().to_string(),
            other => panic!("{other}"),
        })
        .expect("the article's text");
    let chars: Vec<char> = text.chars().collect();
    let graph = compact[0].graph_name.clone();
    let GraphName::NamedNode(article) = graph.clone() else { panic!("a named graph") };
    let number = |n: usize| Term::Literal(Literal::new_typed_literal(n.to_string(), NamedNode::new(XSD_NNI).unwrap()));
    let mut out = vec![
        Quad::new(article.clone(), nif("beginIndex"), number(0), graph.clone()),
        Quad::new(article.clone(), nif("endIndex"), number(chars.len()), graph.clone()),
    ];
    let spans: BTreeSet<NamedNode> = compact
        .iter()
        .filter(|q| q.predicate.as_str().ends_with("#type"))
        .filter(|q| q.object == Term::from(nif("Phrase")) || q.object == Term::from(nif("Sentence")))
        .map(|q| match &q.subject {
            oxigraph::model::NamedOrBlankNode::NamedNode(n) => n.clone(),
            other => panic!("{other}"),
        })
        .collect();
    for span in spans {
        let fragment = span.as_str().rsplit_once('#').unwrap().1;
        let (_, offsets) = fragment.split_once('=').unwrap();
        let (b, e) = offsets.split_once(',').unwrap();
        let (b, e): (usize, usize) = (b.parse().unwrap(), e.parse().unwrap());
        let anchor: String = chars[b..e].iter().collect();
        out.push(Quad::new(span.clone(), nif("beginIndex"), number(b), graph.clone()));
        out.push(Quad::new(span.clone(), nif("endIndex"), number(e), graph.clone()));
        out.push(Quad::new(span.clone(), nif("anchorOf"), Literal::new_simple_literal(anchor), graph.clone()));
        out.push(Quad::new(span, nif("referenceContext"), article.clone(), graph.clone()));
    }
    out
}

fn without_level(quads: &[Quad]) -> HashSet<Quad> {
    quads.iter().filter(|q| q.predicate.as_str() != LEVEL).cloned().collect()
}

#[test]
fn the_compact_graph_and_what_its_span_iris_and_text_give_is_the_full_graph() {
    let mut checked = 0;
    for article in examples() {
        let full: HashSet<Quad> = quads_at(&article, Provenance::Full).into_iter().collect();
        let compact = quads_at(&article, Provenance::Compact);
        assert!(compact.iter().any(|q| q.predicate.as_str() == LEVEL), "{}: the level is stated", article.id);
        let mut rebuilt = without_level(&compact);
        rebuilt.extend(rederived(&compact));
        let missing: Vec<_> = full.difference(&rebuilt).take(5).collect();
        let extra: Vec<_> = rebuilt.difference(&full).take(5).collect();
        assert!(missing.is_empty() && extra.is_empty(), "{}: missing {missing:?}, extra {extra:?}", article.id);
        checked += 1;
    }
    assert!(checked >= 7, "{checked} articles");
}

#[test]
fn the_facts_graph_keeps_every_fact_and_no_mention() {
    for article in examples() {
        let full: HashSet<Quad> = quads_at(&article, Provenance::Full).into_iter().collect();
        let facts = quads_at(&article, Provenance::Facts);
        let kept = without_level(&facts);
        assert!(kept.is_subset(&full), "{}: {:?}", article.id, kept.difference(&full).next());
        for q in &facts {
            assert!(!q.predicate.as_str().starts_with(NIF), "{q}");
            assert!(!matches!(&q.object, Term::NamedNode(n) if n.as_str().starts_with(NIF)), "{q}");
        }
        // Every person, organisation, place, role, event and its arguments and date are there.
        let facts_of = |quads: &HashSet<Quad>| -> HashSet<Quad> {
            quads
                .iter()
                .filter(|q| {
                    let p = q.predicate.as_str();
                    p.starts_with("http://semanticweb.cs.vu.nl/2009/11/sem/")
                        || p.starts_with("http://www.w3.org/ns/org#")
                        || ["agent", "patient", "recipient", "status", "nameKey"].iter().any(|l| p.ends_with(l))
                        || p == "https://schema.org/name"
                })
                .cloned()
                .collect()
        };
        let (wanted, got) = (facts_of(&full), facts_of(&kept));
        assert!(!wanted.is_empty());
        assert_eq!(wanted, got, "{}", article.id);
    }
}

#[test]
fn every_saved_query_gives_the_same_rows_from_a_compact_store_as_from_a_full_one() {
    let articles = examples();
    let (full, compact, facts) = (
        store_at(&articles, Provenance::Full),
        store_at(&articles, Provenance::Compact),
        store_at(&articles, Provenance::Facts),
    );
    let mut answered = 0;
    for (name, text) in SAVED {
        let (_, params) = describe(text);
        // Each parameter bound to the example value its description gives ("e.g. person=Witkoff").
        let bindings: Vec<(String, String)> = params
            .iter()
            .filter(|p| !p.contains("(optional)"))
            .filter_map(|p| p.split("e.g. ").nth(1))
            .filter_map(|e| e.split_whitespace().next())
            .filter_map(|e| e.split_once('='))
            .map(|(k, v)| (k.to_string(), v.trim_end_matches([',', '.', ')']).to_string()))
            .collect();
        let bindings: Vec<(&str, &str)> = bindings.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        let at_full = rows(&full, text, &bindings);
        assert_eq!(at_full, rows(&compact, text, &bindings), "{name} with {bindings:?}");
        answered += usize::from(!at_full.is_empty());
        // At the facts level, the queries that need no mention still answer, with the same first columns.
        if !text.contains("Needs the mentions") {
            let firsts = |rows: Vec<String>| -> BTreeSet<String> {
                rows.iter().map(|r| r.split(',').next().unwrap_or("").to_string()).collect()
            };
            assert_eq!(firsts(at_full.clone()), firsts(rows(&facts, text, &bindings)), "{name} at the facts level");
        }
    }
    assert!(answered >= SAVED.len() - 1, "only {answered} saved queries answered on the examples");
}

#[test]
fn each_graph_conforms_to_the_shapes_of_its_level_and_not_to_the_full_ones_when_lighter() {
    let shapes = LevelShapes::builtin().unwrap();
    for article in examples().into_iter().take(3) {
        for level in [Provenance::Full, Provenance::Compact, Provenance::Facts] {
            let quads = quads_at(&article, level);
            let violations = shapes.validate_quads(quads.clone());
            assert!(violations.is_empty(), "{} at {level:?}: {:?}", article.id, violations.first());
            if level != Provenance::Full {
                // The full shapes want what the lighter levels leave out.
                assert!(!shapes.at(Provenance::Full).validate_quads(quads).is_empty(), "{level:?}");
            }
        }
    }
}

#[test]
fn a_span_iri_that_is_not_an_rfc_5147_fragment_breaks_the_compact_shapes() {
    let shapes = LevelShapes::builtin().unwrap();
    let article = &examples()[0];
    let mut quads = quads_at(article, Provenance::Compact);
    let phrase = quads.iter().find(|q| q.object == Term::from(nif("Phrase"))).map(|q| q.subject.clone()).unwrap();
    quads.push(Quad::new(
        NamedNode::new(format!("{}#word-3", graph::article_iri(&article.id).as_str())).unwrap(),
        oxigraph::model::vocab::rdf::TYPE.into_owned(),
        nif("Phrase"),
        quads[0].graph_name.clone(),
    ));
    let violations = shapes.validate_quads(quads);
    assert_eq!(violations.len(), 1, "{violations:?} ({phrase} is well formed)");
}
