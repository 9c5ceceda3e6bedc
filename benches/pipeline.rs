//! Micro-benchmarks of the pipeline stages on the example articles: `cargo bench --bench pipeline`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newskg::article::{read_input, Article, ReadOptions};
use newskg::text::Document;

fn articles() -> Vec<Article> {
    let mut out = Vec::new();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/articles");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| newskg::article::InputFormat::from_path(p).is_some()) {
        read_input(path, &ReadOptions::default(), &mut |r| out.extend(r.ok()));
    }
    out
}

fn stages(c: &mut Criterion) {
    let articles = articles();
    let bytes: usize = articles.iter().map(|a| a.text.len()).sum();
    let mut group = c.benchmark_group("examples");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("segment", |b| {
        b.iter(|| articles.iter().map(|a| Document::parse(&a.text).sentences.len()).sum::<usize>())
    });
    // The time stage alone, on documents segmented beforehand.
    let documents: Vec<Document> = articles.iter().map(|a| Document::parse(&a.text)).collect();
    group.bench_function("time-only", |b| {
        b.iter(|| {
            documents
                .iter()
                .zip(&articles)
                .map(|(d, a)| newskg::extract::time::extract(d, a.published).len())
                .sum::<usize>()
        })
    });
    group.bench_function("time", |b| {
        b.iter(|| {
            articles
                .iter()
                .map(|a| newskg::extract::time::extract(&Document::parse(&a.text), a.published).len())
                .sum::<usize>()
        })
    });
    // The event stage alone, on the facts the earlier stages found (issue 15: its cost before and after).
    let before_events: Vec<(Document, newskg::Facts)> = articles
        .iter()
        .map(|a| {
            let doc = Document::parse(&a.text);
            let mut facts = newskg::Facts::default();
            facts.sentences = doc.sentences.iter().map(|s| s.span).collect();
            facts.timexes = newskg::extract::time::extract(&doc, a.published);
            newskg::extract::entities::extract(&doc, &mut facts);
            newskg::extract::roles::extract(&doc, &mut facts);
            (doc, facts)
        })
        .collect();
    group.bench_function("events-only", |b| {
        b.iter(|| {
            before_events
                .iter()
                .map(|(doc, facts)| {
                    let mut facts = facts.clone();
                    newskg::extract::events::extract(doc, &mut facts);
                    facts.events.len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function("extract", |b| {
        b.iter(|| articles.iter().map(|a| newskg::extract_facts(a).mentions.len()).sum::<usize>())
    });
    group.bench_function("extract+rdf", |b| {
        b.iter(|| articles.iter().map(|a| newskg::graph::quads(a, &newskg::extract_facts(a)).len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
