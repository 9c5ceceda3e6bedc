//! `newskg export`: dump the store.

use std::io::Write;

use crate::cli::ExportArgs;
use crate::store::KnowledgeStore;

pub fn run(args: &ExportArgs) -> anyhow::Result<bool> {
    let store = KnowledgeStore::open_read_only(&args.store.path())?;
    let mut out = super::output(args.output.as_deref())?;
    store.export_graphs(args.format, args.graphs, &mut out)?;
    out.flush()?;
    Ok(true)
}
