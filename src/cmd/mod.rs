//! One module per subcommand; each `run` returns whether every input was accepted.

pub mod export;
pub mod extract;
pub mod load;
pub mod query;

use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use rayon::prelude::*;

use crate::article::{expand_inputs, read_input, Article, ReadOptions};
use crate::cli::InputArgs;

/// Open the output: a file, or stdout.
pub fn output(path: Option<&Path>) -> anyhow::Result<Box<dyn Write>> {
    Ok(match path {
        Some(p) => Box::new(BufWriter::new(File::create(p).with_context(|| format!("cannot create {}", p.display()))?)),
        None => Box::new(BufWriter::new(io::stdout().lock())),
    })
}

/// How many articles are extracted together; bounds memory on long inputs.
const BATCH: usize = 256;

/// Read every input, extract each article (in parallel, in batches, results in input order) and hand each
/// article's quads to `sink`. Bad inputs are reported on stderr and skipped. Returns whether all were accepted.
pub fn for_each_article(
    args: &InputArgs,
    mut sink: impl FnMut(&Article, Vec<oxigraph::model::Quad>) -> anyhow::Result<()>,
) -> anyhow::Result<bool> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(args.threads.unwrap_or(0)).build()?;
    let inputs = if args.inputs.is_empty() { vec!["-".into()] } else { args.inputs.clone() };
    let options = ReadOptions { date: args.date, format: args.input_format };
    let mut ok = true;
    let files = match expand_inputs(&inputs) {
        Ok(files) => files,
        Err(e) => {
            eprintln!("newskg: {e}");
            // Report the missing input and go on with the others.
            ok = false;
            let existing: Vec<_> = inputs.iter().filter(|p| p.as_os_str() == "-" || p.exists()).cloned().collect();
            expand_inputs(&existing)?
        }
    };
    let mut batch: Vec<Article> = Vec::new();
    let flush = |batch: &mut Vec<Article>,
                 sink: &mut dyn FnMut(&Article, Vec<oxigraph::model::Quad>) -> anyhow::Result<()>| {
        let results: Vec<_> =
            pool.install(|| batch.par_iter().map(|a| crate::graph::quads(a, &crate::extract::run(a))).collect());
        for (article, quads) in batch.iter().zip(results) {
            sink(article, quads)?;
        }
        batch.clear();
        anyhow::Ok(())
    };
    let mut error: Option<anyhow::Error> = None;
    for file in &files {
        read_input(file, &options, &mut |result| {
            if error.is_some() {
                return;
            }
            match result {
                Ok(article) => {
                    batch.push(article);
                    if batch.len() >= BATCH {
                        if let Err(e) = flush(&mut batch, &mut sink) {
                            error = Some(e);
                        }
                    }
                }
                Err(e) => {
                    eprintln!("newskg: {e}");
                    ok = false;
                }
            }
        });
    }
    if let Some(e) = error {
        return Err(e);
    }
    flush(&mut batch, &mut sink)?;
    Ok(ok)
}
