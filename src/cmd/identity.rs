//! `newskg identity`: recompute the identity layer of the whole store (issue 17; `load` keeps it up to date).

use anyhow::Context;

use crate::cli::IdentityArgs;
use crate::store::KnowledgeStore;

pub fn run(args: &IdentityArgs) -> anyhow::Result<bool> {
    let path = args.store.path();
    let started = std::time::Instant::now();
    let store = KnowledgeStore::open_existing(&path)?;
    let quads = crate::identity::rebuild(&store)
        .with_context(|| format!("cannot compute the identity layer of {}", path.display()))?;
    store.inner().flush()?;
    if !args.quiet {
        eprintln!(
            "newskg: identity layer of {}: {quads} quads in {:.1} s",
            path.display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(true)
}
