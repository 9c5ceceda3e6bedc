//! `newskg query` and `newskg queries`: saved questions and ad-hoc SPARQL over the store.

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{bail, Context};

use crate::cli::{QueriesArgs, QueryArgs};
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
    let params = parse_params(&args.params)?;
    let store = KnowledgeStore::open_read_only(&args.store.path())?;
    let format =
        args.format.unwrap_or(if std::io::stdout().is_terminal() { ResultFormat::Table } else { ResultFormat::Csv });
    let mut out = super::output(None)?;
    if args.explain {
        store.explain(&name, &text, &params, format, &mut out, &mut std::io::stderr().lock())?;
    } else {
        store.query_with(&name, &text, &params, format, args.allow_service, &mut out)?;
    }
    out.flush()?;
    Ok(true)
}

/// `--param NAME=VALUE` arguments as (name, value) pairs.
fn parse_params(raw: &[String]) -> anyhow::Result<Vec<(String, String)>> {
    let mut params = Vec::new();
    for p in raw {
        let Some((k, v)) = p.split_once('=') else { bail!("--param {p:?}: expected NAME=VALUE") };
        params.push((k.trim().trim_start_matches(['?', '$']).to_string(), v.to_string()));
    }
    Ok(params)
}

/// `newskg queries`: each saved query's name, parameters and what it answers; with a name, its SPARQL.
pub fn list(args: &QueriesArgs) -> anyhow::Result<bool> {
    let mut out = std::io::stdout().lock();
    if let Some(name) = &args.name {
        let Some(text) = find_saved(name) else {
            let names: Vec<&str> = SAVED.iter().map(|(n, _)| *n).collect();
            bail!("no saved query named {name:?}; saved queries: {}", names.join(", "))
        };
        let bound = crate::store::bind_parameters(text, &parse_params(&args.params)?)?;
        // Standalone: the prefixes `newskg query` predeclares are written out.
        for (p, iri) in crate::graph::vocab::PREFIXES {
            if bound.contains(&format!("{p}:")) && !bound.contains(&format!("PREFIX {p}:")) {
                writeln!(out, "PREFIX {p}: <{iri}>")?;
            }
        }
        write!(out, "{bound}")?;
        return Ok(true);
    }
    for (name, text) in SAVED {
        let (summary, params) = describe(text);
        writeln!(out, "{name}\n    {summary}")?;
        if !params.is_empty() {
            writeln!(out, "    parameters: {}", params.join(", "))?;
        }
    }
    Ok(true)
}
