//! `newskg load`: extract and load each article into its own named graph of the store.
//!
//! Large batches go through Oxigraph's bulk loader: the graphs of the batch's articles that the store already holds
//! are cleared first (in one transaction), then the batch's quads are bulk-loaded, so re-loading an article still
//! replaces its graph. Small batches (and an article repeated inside one batch) use one transaction per article.

use std::collections::HashSet;

use anyhow::Context;

use crate::cli::LoadArgs;
use crate::graph::article_iri;
use crate::store::KnowledgeStore;

/// Batches at least this large are bulk-loaded.
const BULK_FROM: usize = 32;

pub fn run(args: &LoadArgs) -> anyhow::Result<bool> {
    let path = args.store.path();
    let store = KnowledgeStore::open(&path)?;
    let mut articles = 0;
    let mut quads_loaded = 0;
    let ok = super::for_each_batch(&args.input, |batch, _| {
        let mut ids = HashSet::new();
        let unique = batch.iter().all(|(a, _)| ids.insert(a.id.as_str()));
        if batch.len() >= BULK_FROM && unique {
            let graphs: Vec<_> = batch.iter().map(|(a, _)| article_iri(&a.id)).collect();
            store.bulk_replace(&graphs, batch.iter().flat_map(|(_, q)| q.iter().cloned())).with_context(|| {
                format!("cannot store the articles from {} to {}", batch[0].0.origin, batch[batch.len() - 1].0.origin)
            })?;
        } else {
            for (article, quads) in batch.iter() {
                store
                    .replace_graph(&article_iri(&article.id), quads)
                    .with_context(|| format!("{}: cannot store the article", article.origin))?;
            }
        }
        articles += batch.len();
        quads_loaded += batch.iter().map(|(_, q)| q.len()).sum::<usize>();
        batch.clear();
        Ok(())
    })?;
    if !args.input.quiet {
        eprintln!(
            "newskg: loaded {articles} article{} ({quads_loaded} quads) into {}; the store holds {} quads",
            if articles == 1 { "" } else { "s" },
            path.display(),
            store.len()?
        );
    }
    Ok(ok)
}
