//! The command line: `newskg extract | load | query | export | queries`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::article::InputFormat;
use crate::graph::Format;
use crate::store::ResultFormat;

/// Turn news articles into an RDF knowledge graph: people, roles, events and dates, with their source spans.
#[derive(Debug, Parser)]
#[command(name = "newskg", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Extract RDF from articles and print it (Turtle by default); no store is touched.
    Extract(ExtractArgs),
    /// Extract from articles and load each into its own named graph of the store, replacing an earlier load.
    Load(LoadArgs),
    /// Run a saved query (by name), a .rq file, or SPARQL given with -e, over every article in the store.
    Query(QueryArgs),
    /// Write the whole store in an RDF format.
    Export(ExportArgs),
    /// List the saved queries with what each answers.
    Queries,
}

/// Where articles come from and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Article files or directories (walked for .txt, .md, .jsonl, .json, .html); `-` or nothing reads stdin.
    pub inputs: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) to resolve relative dates against, instead of the article's own.
    #[arg(long, value_parser = parse_date)]
    pub date: Option<NaiveDate>,
    /// Read every input in this format instead of deciding by file extension.
    #[arg(long = "input-format", value_enum)]
    pub input_format: Option<InputFormat>,
    /// Worker threads for extraction (default: all cores); the output is the same for any number.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// RDF format of the output.
    #[arg(long, short = 'f', value_enum, default_value = "turtle")]
    pub format: Format,
    /// Write to this file instead of stdout.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
}

/// The store to use.
#[derive(Debug, Args)]
pub struct StoreArgs {
    /// Store directory [default: $NEWSKG_STORE, else $XDG_DATA_HOME/newskg/store, else ~/.local/share/newskg/store].
    #[arg(long)]
    pub store: Option<PathBuf>,
}

impl StoreArgs {
    pub fn path(&self) -> PathBuf {
        self.store.clone().unwrap_or_else(crate::store::default_path)
    }
}

#[derive(Debug, Args)]
pub struct LoadArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub store: StoreArgs,
}

#[derive(Debug, Args)]
pub struct QueryArgs {
    /// A saved query's name (see `newskg queries`) or a path to a .rq file.
    #[arg(required_unless_present = "expression", conflicts_with = "expression")]
    pub query: Option<String>,
    /// SPARQL query text.
    #[arg(long = "expression", short = 'e')]
    pub expression: Option<String>,
    #[command(flatten)]
    pub store: StoreArgs,
    /// A query parameter NAME=VALUE, bound to the variable ?NAME (a string, or an IRI written <...>).
    #[arg(long = "param", short = 'p')]
    pub params: Vec<String>,
    /// Result format [default: table on a terminal, else csv; turtle for CONSTRUCT and DESCRIBE].
    #[arg(long, short = 'f', value_enum)]
    pub format: Option<ResultFormat>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// RDF format; Turtle, N-Triples and RDF/XML hold one graph, so they get the union of all articles.
    #[arg(long, short = 'f', value_enum, default_value = "trig")]
    pub format: Format,
    /// Write to this file instead of stdout.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
