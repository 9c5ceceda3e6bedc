//! `newskg extract`: articles in, RDF out, no store.

use crate::cli::ExtractArgs;
use crate::graph;
use crate::store::write_quads;

pub fn run(args: &ExtractArgs) -> anyhow::Result<bool> {
    let mut all = Vec::new();
    let ok = super::for_each_article(&args.input, |_, quads| {
        all.extend(quads);
        Ok(())
    })?;
    if !args.format.has_graphs() {
        for q in &mut all {
            q.graph_name = oxigraph::model::GraphName::DefaultGraph;
        }
    }
    graph::sort_quads(&mut all);
    let mut out = super::output(args.output.as_deref())?;
    write_quads(args.format, &all, &mut out)?;
    out.flush()?;
    Ok(ok)
}

use std::io::Write;
