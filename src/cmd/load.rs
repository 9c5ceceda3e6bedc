//! `newskg load`: extract and load each article into its own named graph of the store.

use anyhow::Context;

use crate::cli::LoadArgs;
use crate::graph::article_iri;
use crate::store::KnowledgeStore;

pub fn run(args: &LoadArgs) -> anyhow::Result<bool> {
    let path = args.store.path();
    let store = KnowledgeStore::open(&path)?;
    let mut articles = 0;
    let mut quads_loaded = 0;
    let ok = super::for_each_article(&args.input, |article, quads| {
        store
            .replace_graph(&article_iri(&article.id), &quads)
            .with_context(|| format!("{}: cannot store the article", article.origin))?;
        articles += 1;
        quads_loaded += quads.len();
        Ok(())
    })?;
    eprintln!(
        "newskg: loaded {articles} article{} ({quads_loaded} quads) into {}; the store holds {} quads",
        if articles == 1 { "" } else { "s" },
        path.display(),
        store.len()?
    );
    Ok(ok)
}
