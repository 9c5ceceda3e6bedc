//! `newskg load`: extract and load each article into its own named graph of the store.
//!
//! Extraction and loading overlap: the articles are extracted batch after batch on this thread (and its rayon
//! pool) while a loader thread feeds the previous batch into one long run of Oxigraph's bulk loader
//! ([`KnowledgeStore::replace_graphs`], which keeps re-loading an article a replacement of its graph). The two
//! meet through a channel that holds no batch, so at most two batches are in memory at once.

use std::io::IsTerminal;
use std::sync::mpsc::sync_channel;

use anyhow::{anyhow, Context};

use crate::cli::LoadArgs;
use crate::graph::article_iri;
use crate::store::{BulkSettings, CompactGraph, KnowledgeStore};

pub fn run(args: &LoadArgs) -> anyhow::Result<bool> {
    let path = args.store.path();
    let started = std::time::Instant::now();
    let store = KnowledgeStore::open(&path)?;
    let mut articles = 0;
    let mut quads_loaded = 0;
    let (extracted, loaded) = std::thread::scope(|scope| {
        let (sender, receiver) = sync_channel(0);
        let settings =
            BulkSettings { announce: !args.input.quiet && std::io::stderr().is_terminal(), ..Default::default() };
        let store = &store;
        let loader = scope.spawn(move || store.replace_graphs(receiver, settings));
        let extracted = super::for_each_batch(&args.input, |batch, _| {
            articles += batch.len();
            quads_loaded += batch.iter().map(|(_, q)| q.len()).sum::<usize>();
            // The article texts are dropped here: only each graph's name and compacted quads cross to the loader.
            let graphs: Vec<_> =
                batch.drain(..).map(|(a, quads)| CompactGraph::new(article_iri(&a.id), quads)).collect();
            sender.send(graphs).map_err(|_| anyhow!("the store loader stopped"))
        });
        drop(sender);
        (extracted, loader.join().expect("the store loader does not panic"))
    });
    // The loader's own error says more than the extraction side's "loader stopped".
    let compacted = loaded.with_context(|| format!("cannot store the articles in {}", path.display()))?;
    let ok = extracted?;
    if !args.input.quiet {
        eprintln!(
            "newskg: loaded {articles} article{} ({quads_loaded} quads) into {} in {:.1} s{}; the store holds {} quads",
            if articles == 1 { "" } else { "s" },
            path.display(),
            started.elapsed().as_secs_f64(),
            compacted
                .map(|d| format!(" (compacting it for queries took {:.1} s of them)", d.as_secs_f64()))
                .unwrap_or_default(),
            store.len()?
        );
    }
    Ok(ok)
}
