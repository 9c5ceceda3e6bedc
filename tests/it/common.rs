//! Helpers shared by the integration tests.

use std::path::{Path, PathBuf};

use newskg::article::{read_input, Article, ReadOptions};
use newskg::graph;
use newskg::store::{KnowledgeStore, ResultFormat};
use oxigraph::model::Quad;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture() -> PathBuf {
    root().join("tests/fixtures/putin-witkoff/input.txt")
}

/// Every article of one input file.
pub fn read(path: &Path) -> Vec<Article> {
    let mut out = Vec::new();
    read_input(path, &ReadOptions::default(), &mut |r| out.push(r.expect("readable article")));
    out
}

pub fn quads_of(article: &Article) -> Vec<Quad> {
    graph::quads(article, &newskg::extract_facts(article))
}

/// An in-memory store holding the given articles.
pub fn store_with(articles: &[Article]) -> KnowledgeStore {
    let store = KnowledgeStore::in_memory().unwrap();
    for a in articles {
        store.replace_graph(&graph::article_iri(&a.id), &quads_of(a)).unwrap();
    }
    store
}

/// Run a SELECT query and return its rows as CSV lines (header removed).
pub fn rows(store: &KnowledgeStore, query: &str, params: &[(&str, &str)]) -> Vec<String> {
    let params: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let mut out = Vec::new();
    store.query("test", query, &params, ResultFormat::Csv, &mut out).unwrap_or_else(|e| panic!("{e}\n{query}"));
    let text = String::from_utf8(out).unwrap();
    text.lines().skip(1).map(|l| l.trim_end_matches('\r').to_string()).collect()
}

/// The single value of a one-column, one-row query.
pub fn value(store: &KnowledgeStore, query: &str) -> String {
    let r = rows(store, query, &[]);
    assert_eq!(r.len(), 1, "expected one row, got {r:?} for\n{query}");
    r[0].clone()
}
