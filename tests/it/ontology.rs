//! The ontology defines every `nkg:` term the code emits.

use std::collections::BTreeSet;

use oxigraph::io::{RdfFormat, RdfParser};

use crate::common::{quads_of, read, root};

#[test]
fn every_emitted_nkg_term_is_defined_with_label_and_comment() {
    let ttl = std::fs::read(root().join("ontology/newskg.ttl")).unwrap();
    let triples: Vec<_> = RdfParser::from_format(RdfFormat::Turtle).for_slice(&ttl).collect::<Result<_, _>>().unwrap();
    let ns = newskg::graph::vocab::nkg::NS;
    let subject_with = |p: &str| -> BTreeSet<String> {
        triples
            .iter()
            .filter(|q| q.predicate.as_str() == p && q.subject.to_string().starts_with(&format!("<{ns}")))
            .map(|q| q.subject.to_string().trim_matches(['<', '>']).to_string())
            .collect()
    };
    let labelled = subject_with("http://www.w3.org/2000/01/rdf-schema#label");
    let commented = subject_with("http://www.w3.org/2000/01/rdf-schema#comment");
    let mut emitted = BTreeSet::new();
    for entry in std::fs::read_dir(root().join("examples/articles")).unwrap() {
        let path = entry.unwrap().path();
        if newskg::article::InputFormat::from_path(&path).is_none() {
            continue;
        }
        for article in read(&path) {
            emitted.extend(newskg::graph::nkg_terms(&quads_of(&article)));
        }
    }
    assert!(emitted.len() >= 10, "{emitted:?}");
    let undefined: Vec<_> = emitted.iter().filter(|t| !labelled.contains(*t) || !commented.contains(*t)).collect();
    assert!(undefined.is_empty(), "emitted but not defined in ontology/newskg.ttl: {undefined:?}");
}
