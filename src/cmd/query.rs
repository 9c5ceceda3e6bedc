//! `newskg query` and `newskg queries`: saved questions and ad-hoc SPARQL over the store.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Context};

use crate::cli::QueryArgs;
use crate::queries::{describe, find_saved, SAVED};
use crate::store::{KnowledgeStore, ResultFormat};

pub fn run(args: &QueryArgs) -> anyhow::Result<bool> {
    let (name, text) = match (&args.expression, &args.query) {
        (Some(e), _) => ("-e".to_string(), e.clone()),
        (None, Some(q)) if q.ends_with(".rq") || q.contains('/') => {
            let text = std::fs::read_to_string(q).with_context(|| format!("cannot read query file {q}"))?;
            (q.clone(), text)
        }
        (None, Some(q)) => match find_saved(q) {
            Some(text) => (format!("query {q}"), text.to_string()),
            None if Path::new(q).exists() => (q.clone(), std::fs::read_to_string(q)?),
            None => {
                let names: Vec<&str> = SAVED.iter().map(|(n, _)| *n).collect();
                bail!("no saved query named {q:?}; saved queries: {}", names.join(", "))
            }
        },
        (None, None) => bail!("give a query name, a .rq file, or -e 'SPARQL'"),
    };
    let mut params = Vec::new();
    for p in &args.params {
        let Some((k, v)) = p.split_once('=') else { bail!("--param {p:?}: expected NAME=VALUE") };
        params.push((k.trim().trim_start_matches(['?', '$']).to_string(), v.to_string()));
    }
    let path = args.store.path();
    anyhow::ensure!(path.exists(), "no store at {} (run `newskg load` first)", path.display());
    let store = KnowledgeStore::open(&path)?;
    let format =
        args.format.unwrap_or(if std::io::stdout().is_terminal() { ResultFormat::Table } else { ResultFormat::Csv });
    let mut out = super::output(None)?;
    store.query(&name, &text, &params, format, &mut out)?;
    out.flush()?;
    Ok(true)
}

/// `newskg queries`: each saved query's name, parameters and what it answers.
pub fn list() -> anyhow::Result<bool> {
    let mut out = std::io::stdout().lock();
    for (name, text) in SAVED {
        let (summary, params) = describe(text);
        writeln!(out, "{name}\n    {summary}")?;
        if !params.is_empty() {
            writeln!(out, "    parameters: {}", params.join(", "))?;
        }
    }
    Ok(true)
}
