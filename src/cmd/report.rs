//! `newskg report`: the store, or a part of it, as one self-contained HTML page.

use std::io::Write;

use crate::cli::ReportArgs;
use crate::report::{render, Links, Scope};
use crate::store::KnowledgeStore;

pub fn run(args: &ReportArgs) -> anyhow::Result<bool> {
    if let (Some(from), Some(to)) = (args.from, args.to) {
        anyhow::ensure!(from <= to, "--from {from} is after --to {to}");
    }
    let scope = Scope {
        article: args.article.clone(),
        person: args.person.clone(),
        node: None,
        from: args.from,
        to: args.to,
        class: args.class.clone(),
        max_nodes: args.max_nodes,
        max_events: args.max_events,
        max_articles: args.max_articles,
    };
    let path = args.store.path();
    let store = KnowledgeStore::open_read_only(&path)?;
    let page = render(store.inner(), &scope, Links::File)?;
    let mut out = super::output(args.output.as_deref())?;
    out.write_all(page.as_bytes())?;
    out.flush()?;
    Ok(true)
}
