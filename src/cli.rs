//! The command line: `newskg extract | load | compact | query | export | identity | queries | report | serve |
//! validate | push`.

use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand};

use crate::article::{parse_day, InputFormat};
use crate::graph::{Format, Provenance};
use crate::store::{Compaction, ResultFormat};

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
    /// Compact the store for fast queries (after loads run with --compact never).
    Compact(CompactArgs),
    /// Run a saved query (by name), a .rq file, or SPARQL given with -e, over every article in the store.
    Query(QueryArgs),
    /// Write the whole store in an RDF format.
    Export(ExportArgs),
    /// Recompute the identity layer (who is who across articles) of the whole store.
    Identity(IdentityArgs),
    /// List the saved queries with what each answers, or print one with its parameters bound.
    Queries(QueriesArgs),
    /// Write an HTML report of the store: a network of people and events, a timeline, the articles marked up.
    Report(ReportArgs),
    /// Serve the store as a read-only SPARQL 1.1 endpoint at /sparql, with a query page at / and reports at /report.
    Serve(ServeArgs),
    /// Check a store or RDF files against the SHACL shapes of ontology/shapes.ttl.
    Validate(ValidateArgs),
    /// Send each article graph of the store to an external SPARQL store, replacing the graph there.
    Push(PushArgs),
}

#[derive(Debug, Args)]
pub struct QueriesArgs {
    /// Print this saved query's SPARQL (parameters bound with --param), to run it elsewhere.
    pub name: Option<String>,
    /// A query parameter NAME=VALUE, bound as `newskg query` binds it.
    #[arg(long = "param", short = 'p', requires = "name")]
    pub params: Vec<String>,
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Only this article (its id or IRI).
    #[arg(long)]
    pub article: Option<String>,
    /// Only the people with this name or one or more whole words of it, any case (e.g. Putin), their events and
    /// articles.
    #[arg(long)]
    pub person: Option<String>,
    /// Only events dated (undated ones: published) on or after this day, YYYY-MM-DD.
    #[arg(long, value_parser = parse_day)]
    pub from: Option<NaiveDate>,
    /// Only events dated (undated ones: published) on or before this day, YYYY-MM-DD.
    #[arg(long, value_parser = parse_day)]
    pub to: Option<NaiveDate>,
    /// Only events of this class (Meeting, PhoneCall, Statement, ...; see ontology/newskg.ttl).
    #[arg(long)]
    pub class: Option<String>,
    /// Largest number of nodes in the network (the most connected are kept).
    #[arg(long = "max-nodes", default_value_t = 250)]
    pub max_nodes: usize,
    /// Largest number of events in the timeline (the earliest are kept).
    #[arg(long = "max-events", default_value_t = 400)]
    pub max_events: usize,
    /// Largest number of articles shown with their text (the latest are kept).
    #[arg(long = "max-articles", default_value_t = 40)]
    pub max_articles: usize,
    /// Write to this file instead of stdout.
    #[arg(long, short = 'o')]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Address to listen on; a non-loopback address exposes the store to the network.
    #[arg(long, default_value = "127.0.0.1:7878")]
    pub bind: String,
    /// Cancel a query after this many seconds (it gets 503); a request that waited this long for a worker gets
    /// 503 without being run.
    #[arg(long, default_value_t = 30.0)]
    pub timeout: f64,
    /// Largest request body or query string accepted, in bytes (413 beyond).
    #[arg(long = "max-body", default_value_t = 1 << 20)]
    pub max_body: usize,
    /// Largest query result, in bytes as sent (507 beyond, with a message to add a LIMIT); results are held in
    /// memory until sent, so this bounds the memory each worker uses.
    #[arg(long = "max-result", default_value_t = 64 << 20)]
    pub max_result: usize,
    /// Threads that answer requests (evaluate queries); more requests wait for one, in the order they came.
    #[arg(long, default_value_t = 8)]
    pub workers: usize,
    /// Open connections at most (idle ones included); one more is answered 503 at once and closed.
    #[arg(long = "max-connections", default_value_t = 128)]
    pub max_connections: usize,
    /// Seconds a client has to send each whole request (headers and body), from connecting or from its previous
    /// response; a slower one (slowloris) gets 408 and is disconnected, an idle one is disconnected.
    #[arg(long = "read-timeout", default_value_t = 10.0)]
    pub read_timeout: f64,
    /// Seconds a client has to take each whole response; a slower one is disconnected.
    #[arg(long = "write-timeout", default_value_t = 60.0)]
    pub write_timeout: f64,
    /// Let queries call other SPARQL endpoints with SERVICE (off by default).
    #[arg(long = "allow-service")]
    pub allow_service: bool,
}

#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// RDF files to check (format from the extension: .ttl .trig .nt .nq .rdf .jsonld); none: the store.
    pub files: Vec<PathBuf>,
    #[command(flatten)]
    pub store: StoreArgs,
    /// SHACL shapes (Turtle) to use instead of the shipped ontology/shapes.ttl.
    #[arg(long)]
    pub shapes: Option<PathBuf>,
    /// Report as readable lines (text) or as a SHACL validation report graph (turtle).
    #[arg(long, short = 'f', value_enum, default_value = "text")]
    pub format: ReportFormat,
    /// Print at most this many violations in text (all are counted); 0 prints all.
    #[arg(long, default_value_t = 200)]
    pub limit: usize,
    /// Print the shapes of one provenance level as Turtle (for other SHACL engines) and validate nothing. Each
    /// graph is otherwise checked with the shapes of the level its article states.
    #[arg(long = "print-shapes", value_enum, value_name = "LEVEL")]
    pub print_shapes: Option<Provenance>,
}

/// How `validate` reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    Text,
    Turtle,
}

#[derive(Debug, Args)]
pub struct PushArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// SPARQL 1.1 Update endpoint: each graph is sent as DROP SILENT GRAPH + INSERT DATA.
    #[arg(long, required_unless_present = "graph_store")]
    pub endpoint: Option<String>,
    /// SPARQL 1.1 Graph Store Protocol endpoint: each graph is sent with PUT ?graph=IRI (preferred when given).
    #[arg(long = "graph-store")]
    pub graph_store: Option<String>,
    /// Send only this article graph (IRI); may be repeated. Default: every graph of the store.
    #[arg(long = "graph")]
    pub graphs: Vec<String>,
    /// User for HTTP Basic authentication; the password is read from $NEWSKG_PUSH_PASSWORD.
    #[arg(long)]
    pub user: Option<String>,
    /// Attempts per graph on connection errors and 5xx/429 answers, with growing pauses.
    #[arg(long, default_value_t = 3)]
    pub retries: u32,
    /// HTTP timeout per request, in seconds.
    #[arg(long, default_value_t = 60.0)]
    pub timeout: f64,
    /// Print a line for each graph sent.
    #[arg(long, short = 'v')]
    pub verbose: bool,
}

/// Where articles come from and how to read them.
#[derive(Debug, Args)]
pub struct InputArgs {
    /// Article files or directories (walked for .txt, .md, .jsonl, .json, .html); `-` or nothing reads stdin.
    pub inputs: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) to resolve relative dates against, instead of the article's own.
    #[arg(long, value_parser = parse_day)]
    pub date: Option<NaiveDate>,
    /// Read every input in this format instead of deciding by file extension.
    #[arg(long = "input-format", value_enum)]
    pub input_format: Option<InputFormat>,
    /// Worker threads for extraction (default: all cores); the output is the same for any number.
    #[arg(long, short = 'j')]
    pub threads: Option<usize>,
    /// No progress bar and no summary on stderr (errors are still reported).
    #[arg(long, short = 'q')]
    pub quiet: bool,
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
    /// How much of the source text's provenance to write: every span with offsets and text (full), spans as
    /// `#char=b,e` IRIs with their entity and sentence (compact, about a third of the statements), or none (facts).
    #[arg(long, value_enum, default_value = "full")]
    pub provenance: Provenance,
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
    /// When to compact the store at the end, for fast queries: a new store only, always, or never (then run
    /// `newskg compact` after the last of several loads).
    #[arg(long, value_enum, default_value = "new")]
    pub compact: Compaction,
    /// How much of the source text's provenance to store (as `extract --provenance`); every saved query works at
    /// every level.
    #[arg(long, value_enum, default_value = "full")]
    pub provenance: Provenance,
    /// Leave the identity layer (who is who across articles) as it was: articles are linked by name string only
    /// until `newskg identity` runs.
    #[arg(long = "no-identity")]
    pub no_identity: bool,
}

#[derive(Debug, Args)]
pub struct IdentityArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Say nothing on success.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// Which graphs `export` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum GraphSelection {
    /// The article graphs and the identity layer.
    #[default]
    All,
    /// The article graphs only (identity by name string, as `extract` writes them).
    Articles,
    /// The identity layer only.
    Identity,
}

#[derive(Debug, Args)]
pub struct CompactArgs {
    #[command(flatten)]
    pub store: StoreArgs,
    /// Say nothing on success.
    #[arg(long, short = 'q')]
    pub quiet: bool,
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
    /// Let the query call other SPARQL endpoints with SERVICE (off by default).
    #[arg(long = "allow-service")]
    pub allow_service: bool,
    /// Print Oxigraph's query plan, with the rows and time of each step, as JSON on stderr (results still go
    /// to stdout): to see why a query is slow.
    #[arg(long)]
    pub explain: bool,
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
    /// Which graphs to write: all, the article graphs, or the identity layer alone.
    #[arg(long, value_enum, default_value = "all")]
    pub graphs: GraphSelection,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    #[test]
    fn cli_definition_is_consistent() {
        super::Cli::command().debug_assert();
    }
}
