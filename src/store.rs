//! The embedded Oxigraph store: open it, load an article's graph (replacing an earlier load), query, export.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};

use oxigraph::model::{GraphName, Literal, NamedNode, NamedOrBlankNode, Quad, Term, Variable};
use oxigraph::sparql::results::{QueryResultsFormat, QueryResultsSerializer};
use oxigraph::sparql::{QueryResults, QuerySolution, SparqlEvaluator};
use oxigraph::store::Store;

use crate::graph::{self, vocab::PREFIXES, Format};

/// Errors of the store layer, each naming what failed.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot open the store at {path}: {source}")]
    Open { path: String, source: oxigraph::store::StorageError },
    #[error("store {path} is in use by another newskg process (a load or compact holds it until it ends; query, export and serve can read it meanwhile)")]
    InUse { path: String },
    #[error("store: {0}")]
    Storage(#[from] oxigraph::store::StorageError),
    #[error("{name}: SPARQL syntax error: {source}")]
    Syntax { name: String, source: oxigraph::sparql::SparqlSyntaxError },
    #[error("{name}: {source}")]
    Evaluation { name: String, source: oxigraph::sparql::QueryEvaluationError },
    #[error("--param {0}: expected NAME=VALUE")]
    Param(String),
    #[error("output: {0}")]
    Io(#[from] std::io::Error),
    #[error("{0}")]
    Other(String),
}

/// The store location when none is given: `$NEWSKG_STORE`, else `$XDG_DATA_HOME/newskg/store`,
/// else `~/.local/share/newskg/store`.
pub fn default_path() -> PathBuf {
    if let Some(p) = std::env::var_os("NEWSKG_STORE").filter(|p| !p.is_empty()) {
        return PathBuf::from(p);
    }
    let data = std::env::var_os("XDG_DATA_HOME")
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
        .unwrap_or_else(|| PathBuf::from("."));
    data.join("newskg").join("store")
}

/// How query results are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ResultFormat {
    Table,
    Csv,
    Tsv,
    Json,
    Xml,
    Turtle,
    Trig,
    Ntriples,
    Nquads,
    Rdfxml,
    Jsonld,
}

/// The embedded store.
pub struct KnowledgeStore {
    store: Store,
    /// The directory of an on-disk store.
    path: Option<PathBuf>,
}

impl KnowledgeStore {
    /// Open (or create) the store at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(StoreError::Io)?;
        }
        let store = Store::open(path).map_err(|source| {
            // RocksDB's lock on the directory: another process has the store open for writing.
            let text = source.to_string();
            if text.contains("lock file") && text.contains("LOCK") {
                StoreError::InUse { path: path.display().to_string() }
            } else {
                StoreError::Open { path: path.display().to_string(), source }
            }
        })?;
        Ok(KnowledgeStore { store, path: Some(path.to_path_buf()) })
    }

    /// Open an existing store for reading only: several readers (`query`, `serve`, `export`) may share it,
    /// while `load` may not run at the same time.
    pub fn open_read_only(path: &Path) -> Result<Self, StoreError> {
        must_exist(path)?;
        let store = Store::open_read_only(path)
            .map_err(|source| StoreError::Open { path: path.display().to_string(), source })?;
        Ok(KnowledgeStore { store, path: Some(path.to_path_buf()) })
    }

    /// Open an existing store for writing (e.g. to compact it); unlike [`Self::open`], never creates one.
    pub fn open_existing(path: &Path) -> Result<Self, StoreError> {
        must_exist(path)?;
        Self::open(path)
    }

    /// An in-memory store (for tests and one-off queries).
    pub fn in_memory() -> Result<Self, StoreError> {
        Ok(KnowledgeStore { store: Store::new()?, path: None })
    }

    pub fn inner(&self) -> &Store {
        &self.store
    }

    /// Replace the named graph `graph` with `quads`, atomically.
    pub fn replace_graph(&self, graph: &NamedNode, quads: &[Quad]) -> Result<(), StoreError> {
        let mut t = self.store.start_transaction()?;
        t.clear_graph(graph)?;
        t.extend(quads);
        t.commit()?;
        Ok(())
    }

    /// Replace many named graphs, batch after batch, through one long run of Oxigraph's bulk loader (each bulk
    /// load builds and ingests its own SST files, so a few long loads are far cheaper than one per batch).
    /// Returns whether the store should now be compacted (see [`Compaction`]; best in a new process or after
    /// reopening the store, which then holds none of the loader's file handles and caches), and how long the
    /// compactions run during the load took (see [`BulkSettings::max_files`]).
    ///
    /// Per-graph replacement stays exact: for a graph the store held before, the quads the new graph no longer has
    /// are noted as its batch enters the loader and removed once the loader is committed (a store that was empty
    /// at the start holds none). Until that commit the store is as it was, so a load that is killed loses nothing
    /// already stored; between the commit and the removal a changed graph briefly holds its old and new quads.
    ///
    /// A first batch of fewer than [`BULK_FROM`] graphs is stored at once by transactions, one per graph. A batch
    /// naming a graph already stored in this run (or twice) is applied after the loader is committed, by
    /// transactions too, so the later copy replaces the earlier one.
    pub fn replace_graphs(
        &self,
        batches: impl IntoIterator<Item = Vec<CompactGraph>>,
        settings: BulkSettings,
    ) -> Result<(bool, std::time::Duration), StoreError> {
        let mut batches = batches.into_iter();
        let fresh = self.store.is_empty()?;
        let mut seen = HashSet::new();
        // A small input is cheaper stored by transactions than as a set of SST files; being first, it replaces
        // nothing loaded in this run, so it goes in at once (a graph named again later is then a repeat).
        let first = match batches.next() {
            Some(batch) if batch.len() < BULK_FROM => {
                for graph in batch {
                    self.replace_graph(&graph.name, &graph.quads().collect::<Vec<_>>())?;
                    seen.insert(graph_key(&graph.name));
                }
                self.store.flush()?;
                None
            }
            first => first,
        };
        let mut stream = GraphStream {
            store: &self.store,
            batches: first.into_iter().chain(batches),
            fresh,
            seen,
            current: Vec::new().into_iter(),
            graph: None,
            held: None,
            done: false,
            bulk: false,
            quads_left: settings.commit_every,
            stale: Vec::new(),
            stale_quads: 0,
        };
        let mut transactions = false;
        let mut compacting = std::time::Duration::ZERO;
        while !stream.done {
            stream.quads_left = settings.commit_every;
            let mut loader = self
                .store
                .bulk_loader()
                .with_num_threads(settings.threads)
                .with_max_memory_size_in_megabytes(settings.memory_mb);
            loader.load_ok_quads::<StoreError, StoreError>(&mut stream)?;
            loader.commit()?;
            if !stream.stale.is_empty() {
                self.remove_stale(std::mem::take(&mut stream.stale))?;
                stream.stale_quads = 0;
                transactions = true;
            }
            for graph in stream.held.take().unwrap_or_default() {
                self.replace_graph(&graph.name, &graph.quads().collect::<Vec<_>>())?;
                stream.seen.insert(graph_key(&graph.name));
                transactions = true;
            }
            // A compaction opens every file of the store at once; past the open-file limit it would fail (and
            // Oxigraph does not report it), so a long load compacts before it gets there.
            if !stream.done && settings.max_files.is_some_and(|max| self.sst_files() > max) {
                if settings.announce {
                    eprintln!("newskg: compacting the store before it holds too many files to compact");
                }
                compacting += self.compact()?;
            }
        }
        let compact = match settings.compaction {
            Compaction::New => fresh && stream.bulk,
            Compaction::Always => true,
            Compaction::Never => false,
        };
        // The bulk loads left RocksDB a heap of overlapping SST files, which every query would have to merge
        // (30 times slower on a 9,000-article store) until compacted. Compacting a store that was empty costs
        // about as much as loading it; by default a store that held data before is left to RocksDB's own
        // compaction, which the flush waits for, since compacting rewrites the whole store.
        //
        // What transactions wrote is still in the write-ahead log, which every later open (each `newskg query`)
        // would replay: write it out (as after the first batch above). `never` and a compaction to come skip the
        // wait for RocksDB's own compaction.
        if transactions || (stream.bulk && settings.compaction == Compaction::New && !compact) {
            self.store.flush()?;
        }
        Ok((compact, compacting))
    }

    /// The SST files of an on-disk store (none in memory).
    fn sst_files(&self) -> usize {
        let Some(dir) = &self.path else { return 0 };
        std::fs::read_dir(dir).map_or(0, |entries| {
            entries.filter(|e| e.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == "sst"))).count()
        })
    }

    /// Remove the quads a reload left behind: per graph, those its new version no longer has (all of them, and the
    /// graph's name, when the new version is empty).
    fn remove_stale(&self, stale: Vec<(NamedNode, Vec<Quad>)>) -> Result<(), StoreError> {
        for (graph, quads) in stale {
            let mut t = self.store.start_transaction()?;
            for quad in &quads {
                t.remove(quad);
            }
            if t.quads_for_pattern(None, None, None, Some(graph.as_ref().into())).next().is_none() {
                t.remove_named_graph(&graph)?;
            }
            t.commit()?;
        }
        Ok(())
    }

    /// Compact the whole store (RocksDB's manual compaction of every index), so that each query reads one sorted
    /// run of files instead of merging every file a bulk load left; returns how long it took.
    pub fn compact(&self) -> Result<std::time::Duration, StoreError> {
        let started = std::time::Instant::now();
        self.store.optimize()?;
        Ok(started.elapsed())
    }

    /// The quads of one graph, as newskg wrote them (see [`as_written`]).
    pub fn graph_quads(&self, graph: oxigraph::model::GraphNameRef<'_>) -> Result<Vec<Quad>, StoreError> {
        Ok(self
            .store
            .quads_for_pattern(None, None, None, Some(graph))
            .map(|q| q.map(as_written))
            .collect::<Result<_, _>>()?)
    }

    /// Number of quads in the store.
    pub fn len(&self) -> Result<usize, StoreError> {
        Ok(self.store.len()?)
    }

    pub fn is_empty(&self) -> Result<bool, StoreError> {
        Ok(self.store.is_empty()?)
    }

    /// Run a SPARQL query over the union of all article graphs and write its results.
    pub fn query(
        &self,
        name: &str,
        text: &str,
        params: &[(String, String)],
        format: ResultFormat,
        out: &mut dyn Write,
    ) -> Result<(), StoreError> {
        self.query_with(name, text, params, format, false, out)
    }

    /// [`Self::query`], letting the query call other endpoints with `SERVICE` when `allow_service` is set.
    pub fn query_with(
        &self,
        name: &str,
        text: &str,
        params: &[(String, String)],
        format: ResultFormat,
        allow_service: bool,
        out: &mut dyn Write,
    ) -> Result<(), StoreError> {
        let query = prepare(name, text, params, allow_service)?;
        let results = query.on_store(&self.store).execute();
        write_named_results(name, results, format, out)
    }

    /// [`Self::query`], then Oxigraph's plan for it with the rows and time of each step, as JSON on `plan`.
    pub fn explain(
        &self,
        name: &str,
        text: &str,
        params: &[(String, String)],
        format: ResultFormat,
        out: &mut dyn Write,
        plan: &mut dyn Write,
    ) -> Result<(), StoreError> {
        let query = prepare(name, text, params, false)?;
        let (results, explanation) = query.on_store(&self.store).compute_statistics().explain();
        write_named_results(name, results, format, out)?;
        explanation.write_in_json(&mut *plan)?;
        writeln!(plan)?;
        Ok(())
    }

    /// Write the whole store: every graph for TriG, N-Quads and JSON-LD; their union as one graph otherwise.
    pub fn export(&self, format: Format, out: &mut dyn Write) -> Result<(), StoreError> {
        self.export_graphs(format, crate::cli::GraphSelection::All, out)
    }

    /// [`Self::export`], of the article graphs, the identity layer, or both.
    pub fn export_graphs(
        &self,
        format: Format,
        graphs: crate::cli::GraphSelection,
        out: &mut dyn Write,
    ) -> Result<(), StoreError> {
        use crate::cli::GraphSelection;
        let identity = crate::identity::identity_graph();
        let mut quads: Vec<Quad> = match graphs {
            GraphSelection::All => self.store.iter().map(|q| q.map(as_written)).collect::<Result<_, _>>()?,
            GraphSelection::Identity => self.graph_quads(identity.as_ref().into())?,
            GraphSelection::Articles => self
                .store
                .iter()
                .filter(|q| !q.as_ref().is_ok_and(|q| q.graph_name == GraphName::NamedNode(identity.clone())))
                .map(|q| q.map(as_written))
                .collect::<Result<_, _>>()?,
        };
        if !format.has_graphs() {
            for q in &mut quads {
                q.graph_name = oxigraph::model::GraphName::DefaultGraph;
            }
        }
        graph::sort_quads(&mut quads);
        write_quads(format, &quads, out)?;
        Ok(())
    }
}

/// The error for a store directory that is not there, naming it.
fn must_exist(path: &Path) -> Result<(), StoreError> {
    if path.exists() {
        Ok(())
    } else {
        Err(StoreError::Other(format!("no store at {} (run `newskg load` first)", path.display())))
    }
}

/// A quad read from the store with the datatype newskg wrote. Oxigraph stores every integer type as `xsd:integer`,
/// and the contract's NIF offsets are `xsd:nonNegativeInteger`, which other tools (and NIF validators) expect.
fn as_written(mut quad: Quad) -> Quad {
    use crate::graph::vocab::{nif, xsd};
    if matches!(quad.predicate.as_str(), nif::BEGIN_INDEX | nif::END_INDEX) {
        if let Term::Literal(l) = &quad.object {
            if l.datatype().as_str() == xsd::INTEGER {
                quad.object =
                    Literal::new_typed_literal(l.value(), NamedNode::new_unchecked(xsd::NON_NEGATIVE_INTEGER)).into();
            }
        }
    }
    quad
}

/// A first batch smaller than this is stored by transactions, not the bulk loader (see
/// [`KnowledgeStore::replace_graphs`]).
pub const BULK_FROM: usize = 32;

/// The bulk loader's threads and memory (Oxigraph's rough bound on its own buffers, not counting RocksDB).
#[derive(Debug, Clone, Copy)]
pub struct BulkSettings {
    pub threads: usize,
    pub memory_mb: usize,
    /// Quads per bulk load (it ends after the batch that reaches this many): the loader writes its SST files aside
    /// and moves them into the store when committed, so this bounds the extra disk a load takes (about 170 MB per
    /// million quads). Each commit leaves RocksDB a compaction to run in the background, so fewer are faster.
    pub commit_every: usize,
    /// Say on stderr when compacting the store begins (on a new store it takes about as long as the load).
    pub announce: bool,
    /// Whether to compact the store once the graphs are in.
    pub compaction: Compaction,
    /// Compact during the load, after a bulk load's commit, once the store holds more SST files than this: a
    /// compaction must open every file at once (a 100 MB corpus leaves about 8,000).
    pub max_files: Option<usize>,
}

impl Default for BulkSettings {
    fn default() -> Self {
        BulkSettings {
            threads: 2,
            memory_mb: 64,
            commit_every: 16_000_000,
            announce: false,
            compaction: Compaction::New,
            max_files: None,
        }
    }
}

/// When a load compacts the store at its end. Compaction rewrites the whole store: on a new store it takes about
/// as long as the bulk load, and it makes queries about 30 times faster than on the files a bulk load leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Compaction {
    /// Only a store that was empty before the load and took a bulk load (a small load or a reload is left to
    /// RocksDB's own background compaction).
    #[default]
    New,
    /// Always, e.g. at the end of a series of loads run with `never`.
    Always,
    /// Never: for a series of loads into one store, compacted once at the end (`newskg compact`).
    Never,
}

/// A graph name as the key of the set of graphs loaded in this run: a 64-bit hash keeps the set small on long
/// inputs; a collision only sends a graph through the (slower, equally exact) transaction path.
fn graph_key(graph: &NamedNode) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    graph.as_str().hash(&mut h);
    h.finish()
}

/// One graph's quads with each distinct term kept once: a batch of extracted articles takes a fifth of the memory
/// of their `Quad`s while it waits for the loader (issue 7: `load` under 300 MB).
pub struct CompactGraph {
    name: NamedNode,
    terms: Vec<Term>,
    triples: Vec<[u32; 3]>,
}

impl CompactGraph {
    /// The quads of graph `name` (their graph names are not read: all go to `name`).
    pub fn new(name: NamedNode, quads: Vec<Quad>) -> Self {
        let mut index: HashMap<Term, u32> = HashMap::new();
        let mut terms = Vec::new();
        let mut id = |t: Term| {
            *index.entry(t).or_insert_with_key(|t| {
                terms.push(t.clone());
                (terms.len() - 1) as u32
            })
        };
        let triples = quads.into_iter().map(|q| [id(q.subject.into()), id(q.predicate.into()), id(q.object)]).collect();
        CompactGraph { name, terms, triples }
    }

    pub fn name(&self) -> &NamedNode {
        &self.name
    }

    pub fn len(&self) -> usize {
        self.triples.len()
    }

    pub fn is_empty(&self) -> bool {
        self.triples.is_empty()
    }

    /// The quads again.
    pub fn quads(&self) -> impl Iterator<Item = Quad> + '_ {
        (0..self.triples.len()).filter_map(|i| self.quad(i))
    }

    /// The `i`th quad.
    fn quad(&self, i: usize) -> Option<Quad> {
        let [s, p, o] = self.triples.get(i)?;
        let subject = match &self.terms[*s as usize] {
            Term::NamedNode(n) => NamedOrBlankNode::NamedNode(n.clone()),
            Term::BlankNode(b) => NamedOrBlankNode::BlankNode(b.clone()),
            _ => unreachable!("a subject is an IRI or a blank node"),
        };
        let Term::NamedNode(predicate) = &self.terms[*p as usize] else { unreachable!("a predicate is an IRI") };
        let graph = GraphName::NamedNode(self.name.clone());
        Some(Quad::new(subject, predicate.clone(), self.terms[*o as usize].clone(), graph))
    }
}

/// The quads of consecutive batches, for one bulk load: it ends at the end of the input, or before a batch that
/// must go through transactions (kept in `held`).
struct GraphStream<'a, I> {
    store: &'a Store,
    batches: I,
    fresh: bool,
    seen: HashSet<u64>,
    current: std::vec::IntoIter<CompactGraph>,
    graph: Option<(CompactGraph, usize)>,
    held: Option<Vec<CompactGraph>>,
    done: bool,
    /// Some batch went to a bulk loader.
    bulk: bool,
    /// Quads this bulk load may still take before it ends.
    quads_left: usize,
    /// Per graph being replaced, the quads of its earlier version that the new one does not have: removed once the
    /// bulk load is committed.
    stale: Vec<(NamedNode, Vec<Quad>)>,
    /// How many quads `stale` holds; past [`STALE_MAX`] the bulk load ends after the current batch.
    stale_quads: usize,
}

/// Stale quads held for removal at most, before the bulk load is committed early to remove them (about 40 MB; a
/// commit costs little, as the loader's SST files are built as it goes).
const STALE_MAX: usize = 100_000;

impl<I> GraphStream<'_, I> {
    /// Note the quads of `graph`'s earlier version (if the store has one) that the new version does not have.
    fn note_stale(&mut self, graph: &CompactGraph) -> Result<(), StoreError> {
        let mut old = self.store.quads_for_pattern(None, None, None, Some(graph.name.as_ref().into())).peekable();
        if old.peek().is_none() {
            return Ok(());
        }
        let new: HashSet<Quad> = graph.quads().collect();
        let mut stale = Vec::new();
        for quad in old {
            // Compared as written: the store gives the offsets back as xsd:integer, the same value to Oxigraph.
            let quad = as_written(quad?);
            if !new.contains(&quad) {
                stale.push(quad);
            }
        }
        if !stale.is_empty() || new.is_empty() {
            self.stale_quads += stale.len().max(1);
            self.stale.push((graph.name.clone(), stale));
        }
        Ok(())
    }
}

impl<I: Iterator<Item = Vec<CompactGraph>>> Iterator for GraphStream<'_, I> {
    type Item = Result<Quad, StoreError>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((graph, i)) = &mut self.graph {
                if let Some(q) = graph.quad(*i) {
                    *i += 1;
                    return Some(Ok(q));
                }
            }
            if let Some(graph) = self.current.next() {
                self.graph = Some((graph, 0));
                continue;
            }
            self.graph = None;
            if self.held.is_some() || self.quads_left == 0 {
                return None;
            }
            let Some(batch) = self.batches.next() else {
                self.done = true;
                return None;
            };
            let mut keys = HashSet::with_capacity(batch.len());
            let repeated =
                batch.iter().any(|g| !keys.insert(graph_key(&g.name)) || self.seen.contains(&graph_key(&g.name)));
            if repeated {
                self.held = Some(batch);
                return None;
            }
            self.seen.extend(keys);
            self.bulk = true;
            self.quads_left = self.quads_left.saturating_sub(batch.iter().map(CompactGraph::len).sum());
            if !self.fresh {
                for g in &batch {
                    if let Err(e) = self.note_stale(g) {
                        return Some(Err(e));
                    }
                }
                if self.stale_quads >= STALE_MAX {
                    self.quads_left = 0;
                }
            }
            self.current = batch.into_iter();
        }
    }
}

/// Parse a SPARQL query that may use the contract's prefixes without declaring them.
pub fn parse_query(text: &str) -> Result<spargebra::Query, oxigraph::sparql::SparqlSyntaxError> {
    PREFIXES
        .iter()
        .fold(spargebra::SparqlParser::new(), |p, (prefix, iri)| p.with_prefix(*prefix, *iri).expect("valid prefix"))
        .parse_query(text)
}

/// A SPARQL evaluator for queries parsed by [`parse_query`]; `SERVICE` calls to other endpoints only when allowed.
pub fn evaluator(allow_service: bool) -> SparqlEvaluator {
    let evaluator = SparqlEvaluator::new();
    if allow_service {
        evaluator.with_http_timeout(std::time::Duration::from_secs(60))
    } else {
        evaluator.without_default_http_service_handler()
    }
}

/// Why writing query results failed: the evaluation (which goes on while results are written) or the output.
#[derive(Debug, thiserror::Error)]
pub enum ResultsError {
    #[error(transparent)]
    Evaluation(#[from] oxigraph::sparql::QueryEvaluationError),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// Write query results: solutions and booleans as a table, CSV, TSV, SPARQL JSON or XML; graphs (CONSTRUCT,
/// DESCRIBE) in the RDF format asked for, else Turtle.
pub fn write_results(results: QueryResults<'_>, format: ResultFormat, out: &mut dyn Write) -> Result<(), ResultsError> {
    match results {
        QueryResults::Solutions(solutions) => {
            let variables = solutions.variables().to_vec();
            // The standard formats are written as the rows come, so that a writer that stops (serve's result
            // size limit, a closed pipe) stops the evaluation; only the table needs every row for its widths.
            if let Some(f) = results_format(format) {
                let mut w =
                    QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(&mut *out, variables)?;
                for row in solutions {
                    w.serialize(&row?)?;
                }
                w.finish()?;
                return Ok(());
            }
            let rows: Vec<QuerySolution> = solutions.collect::<Result<_, _>>()?;
            Ok(write_solutions(&variables, &rows, format, out)?)
        }
        QueryResults::Boolean(b) => match results_format(format) {
            Some(f) => {
                QueryResultsSerializer::from_format(f).serialize_boolean_to_writer(&mut *out, b)?;
                Ok(())
            }
            None => Ok(writeln!(out, "{b}")?),
        },
        QueryResults::Graph(triples) => {
            let rdf = match format {
                ResultFormat::Trig => Format::Trig,
                ResultFormat::Ntriples => Format::Ntriples,
                ResultFormat::Nquads => Format::Nquads,
                ResultFormat::Rdfxml => Format::Rdfxml,
                ResultFormat::Jsonld => Format::Jsonld,
                _ => Format::Turtle,
            };
            let mut w = graph::serializer(rdf).for_writer(&mut *out);
            for t in triples {
                w.serialize_triple(&t?)?;
            }
            w.finish()?;
            Ok(())
        }
    }
}

/// Write quads in `format`; formats without graphs get the triples once each.
pub fn write_quads(format: Format, quads: &[Quad], out: &mut dyn Write) -> std::io::Result<()> {
    let mut w = graph::serializer(format).for_writer(out);
    if format.has_graphs() {
        for q in quads {
            w.serialize_quad(q)?;
        }
    } else {
        let mut last: Option<&Quad> = None;
        for q in quads {
            if last.is_some_and(|l| l.subject == q.subject && l.predicate == q.predicate && l.object == q.object) {
                continue;
            }
            w.serialize_triple(oxigraph::model::TripleRef::new(&q.subject, &q.predicate, &q.object))?;
            last = Some(q);
        }
    }
    w.finish()?;
    Ok(())
}

/// Bind each parameter by a `VALUES ?name { term }` at the start of the WHERE group, so that the variable is
/// bound for every pattern and filter at the top level of the query (`FILTER(CONTAINS(?n, ?person))`).
pub fn bind_parameters(text: &str, params: &[(String, String)]) -> Result<String, StoreError> {
    if params.is_empty() {
        return Ok(text.to_string());
    }
    let brace =
        where_brace(text).ok_or_else(|| StoreError::Other("parameters need a query with a WHERE clause".into()))?;
    let mut values = String::new();
    let mut keys = Vec::new();
    for (k, v) in params {
        let var = Variable::new(k.as_str()).map_err(|_| StoreError::Param(format!("{k}={v}")))?;
        let used = [format!("?{k}"), format!("${k}")].iter().any(|f| {
            text.match_indices(f.as_str())
                .any(|(i, _)| !text[i + f.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        });
        if !used {
            return Err(StoreError::Other(format!("--param {k}: the query has no variable ?{k}")));
        }
        // nkg:nameKey values are lower case with single spaces: a value it looks up is written the same way, and
        // written into that pattern too, so that Oxigraph's planner starts from this index lookup (issue 7).
        let term = if key_lookup(text, k) && !v.starts_with('<') {
            let term = param_term(&crate::graph::name_key(v));
            keys.push((k.clone(), term.to_string()));
            term
        } else {
            param_term(v)
        };
        values.push_str(&format!(" VALUES {var} {{ {term} }}"));
    }
    // "#? k: PATTERN" lines are patterns for when `k` is given: a given parameter turns its lines on, so that an
    // optional parameter is an index lookup when given and costs nothing when not (issue 7).
    let given: Vec<&str> = params.iter().map(|(k, _)| k.as_str()).collect();
    let text = &enable_conditional_lines(text, &given);
    let mut bound = format!("{}{values}\n{}", &text[..=brace], &text[brace + 1..]);
    for (k, term) in keys {
        for sigil in ['?', '$'] {
            bound = replace_word(&bound, &format!("nkg:nameKey {sigil}{k}"), &format!("nkg:nameKey {term}"));
        }
    }
    Ok(bound)
}

/// The query with each `#? NAME: ...` line whose NAME is among `given` turned into its pattern (same length,
/// so offsets found before stay right); other such lines stay comments.
fn enable_conditional_lines(text: &str, given: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let body = line.trim_start();
        let enabled = body.strip_prefix("#?").and_then(|rest| {
            let (name, _) = rest.trim_start().split_once(':')?;
            given.contains(&name.trim()).then_some(())
        });
        match enabled {
            Some(()) => {
                let indent = line.len() - body.len();
                let colon = body.find(':').expect("checked above");
                out.push_str(&line[..indent]);
                out.push_str(&" ".repeat(colon + 1));
                out.push_str(&body[colon + 1..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// A saved or given query with its parameters bound, over the union of all graphs. Syntax errors are reported
/// against the query as written, before parameters are bound.
fn prepare(
    name: &str,
    text: &str,
    params: &[(String, String)],
    allow_service: bool,
) -> Result<oxigraph::sparql::PreparedSparqlQuery, StoreError> {
    let syntax = |source| StoreError::Syntax { name: name.into(), source };
    let _as_written = parse_query(text).map_err(syntax)?;
    let parsed = parse_query(&bind_parameters(text, params)?).map_err(syntax)?;
    let mut query = evaluator(allow_service).for_query(crate::plan::lateral_optionals(parsed));
    query.dataset_mut().set_default_graph_as_union();
    Ok(query)
}

/// The rows of a SELECT query over `store`, the default graph being the union of all graphs (as for saved
/// queries; the contract's prefixes need no declaring): one cell per variable, in the query's order. For reading
/// the whole store in bulk, so OPTIONALs are left to Oxigraph's hash joins (see [`crate::plan`]).
pub fn select(store: &Store, name: &str, text: &str) -> Result<Vec<Vec<Option<Term>>>, StoreError> {
    let mut rows = Vec::new();
    select_each(store, name, text, |row| rows.push(row.to_vec()))?;
    Ok(rows)
}

/// [`select`], each row given to `f` as it comes rather than all collected: for reads of the whole store, whose
/// rows are many more than what is kept of them.
pub fn select_each(
    store: &Store,
    name: &str,
    text: &str,
    mut f: impl FnMut(&[Option<Term>]),
) -> Result<(), StoreError> {
    let parsed = parse_query(text).map_err(|source| StoreError::Syntax { name: name.into(), source })?;
    let mut query = SparqlEvaluator::new().for_query(parsed);
    query.dataset_mut().set_default_graph_as_union();
    let eval = |source| StoreError::Evaluation { name: name.into(), source };
    if let QueryResults::Solutions(solutions) = query.on_store(store).execute().map_err(eval)? {
        let vars = solutions.variables().to_vec();
        let mut row: Vec<Option<Term>> = Vec::with_capacity(vars.len());
        for s in solutions {
            let s = s.map_err(eval)?;
            row.clear();
            row.extend(vars.iter().map(|v| s.get(v).cloned()));
            f(&row);
        }
    }
    Ok(())
}

/// Write a query's results, its evaluation errors named after the query.
fn write_named_results(
    name: &str,
    results: Result<QueryResults, oxigraph::sparql::QueryEvaluationError>,
    format: ResultFormat,
    out: &mut dyn Write,
) -> Result<(), StoreError> {
    let eval = |source| StoreError::Evaluation { name: name.into(), source };
    write_results(results.map_err(eval)?, format, out).map_err(|e| match e {
        ResultsError::Evaluation(source) => eval(source),
        ResultsError::Io(e) => StoreError::Io(e),
    })
}

/// Whether the query looks the parameter `k` up by `nkg:nameKey ?k`.
fn key_lookup(text: &str, k: &str) -> bool {
    ['?', '$'].iter().any(|sigil| replace_word(text, &format!("nkg:nameKey {sigil}{k}"), "") != text)
}

/// `text` with each `word` that no letter, digit or `_` follows replaced by `by`.
fn replace_word(text: &str, word: &str, by: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find(word) {
        let after = &rest[i + word.len()..];
        out.push_str(&rest[..i]);
        if after.starts_with(|c: char| c.is_alphanumeric() || c == '_') {
            out.push_str(word);
        } else {
            out.push_str(by);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// The byte offset of the `{` that opens the WHERE group, skipping comments, strings and IRIs.
fn where_brace(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut seen_where = false;
    let mut first_brace = None;
    while i < bytes.len() {
        match bytes[i] {
            b'#' => {
                while i < bytes.len() && bytes[i] != b'\n' {
                    i += 1;
                }
            }
            q @ (b'"' | b'\'') => {
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
            }
            b'<' => {
                // An IRI has no whitespace before its `>`; a less-than operator is followed by a space or a value.
                let rest = &text[i + 1..];
                if let Some(end) = rest.find(|c: char| c == '>' || c.is_whitespace()) {
                    if rest[end..].starts_with('>') {
                        i += end + 1;
                    }
                }
            }
            b'{' => {
                if seen_where {
                    return Some(i);
                }
                first_brace.get_or_insert(i);
            }
            b'W' | b'w' if text[i..].len() >= 5 && text[i..i + 5].eq_ignore_ascii_case("where") => {
                let before = i == 0 || !(bytes[i - 1] as char).is_alphanumeric();
                let after = text[i + 5..].starts_with(|c: char| !c.is_alphanumeric() && c != '_');
                if before && after {
                    seen_where = true;
                    i += 4;
                }
            }
            _ => {}
        }
        i += 1;
    }
    // `SELECT * { ... }` without the WHERE keyword.
    first_brace.filter(|_| !seen_where && !text.to_ascii_uppercase().contains("CONSTRUCT"))
}

/// A `--param` value: `<iri>` is an IRI, anything else a plain string.
fn param_term(value: &str) -> Term {
    if let Some(inner) = value.strip_prefix('<').and_then(|v| v.strip_suffix('>')) {
        if let Ok(n) = NamedNode::new(inner) {
            return n.into();
        }
    }
    oxigraph::model::Literal::new_simple_literal(value).into()
}

fn results_format(format: ResultFormat) -> Option<QueryResultsFormat> {
    match format {
        ResultFormat::Csv => Some(QueryResultsFormat::Csv),
        ResultFormat::Tsv => Some(QueryResultsFormat::Tsv),
        ResultFormat::Json => Some(QueryResultsFormat::Json),
        ResultFormat::Xml => Some(QueryResultsFormat::Xml),
        _ => None,
    }
}

fn write_solutions(
    variables: &[Variable],
    rows: &[QuerySolution],
    format: ResultFormat,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    if let Some(f) = results_format(format) {
        let mut w =
            QueryResultsSerializer::from_format(f).serialize_solutions_to_writer(&mut *out, variables.to_vec())?;
        for row in rows {
            w.serialize(row)?;
        }
        w.finish()?;
        return Ok(());
    }
    // A plain-text table, terms shortened with the contract's prefixes.
    let header: Vec<String> = variables.iter().map(|v| v.as_str().to_string()).collect();
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| variables.iter().map(|v| row.get(v).map(display_term).unwrap_or_default()).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for row in &cells {
        for (w, c) in widths.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |out: &mut dyn Write, row: &[String]| -> std::io::Result<()> {
        let padded: Vec<String> = row.iter().zip(&widths).map(|(c, w)| format!("{c:<w$}")).collect();
        writeln!(out, "{}", padded.join("  ").trim_end())
    };
    line(out, &header)?;
    line(out, &widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>())?;
    for row in &cells {
        line(out, row)?;
    }
    writeln!(out, "({} row{})", rows.len(), if rows.len() == 1 { "" } else { "s" })?;
    Ok(())
}

/// A term as a person reads it: a literal's text, an IRI shortened with a known prefix.
pub fn display_term(term: &Term) -> String {
    match term {
        Term::NamedNode(n) => {
            for (p, ns) in PREFIXES {
                if let Some(local) = n.as_str().strip_prefix(ns) {
                    return format!("{p}:{local}");
                }
            }
            format!("<{}>", n.as_str())
        }
        Term::Literal(l) => l.value().replace('\n', " "),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parameters_bind_at_the_start_of_the_where_group() {
        let q = "# the {x} in a comment\nSELECT ?n WHERE { ?p <http://x/n> ?n FILTER(CONTAINS(?n, ?person)) }";
        let bound = bind_parameters(q, &[("person".into(), "Pu\"tin".into())]).unwrap();
        assert!(bound.contains("WHERE { VALUES ?person { \"Pu\\\"tin\" }\n ?p"), "{bound}");
        let construct = "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o FILTER(?s = ?x) }";
        assert!(bind_parameters(construct, &[("x".into(), "<http://e/1>".into())])
            .unwrap()
            .contains("WHERE { VALUES ?x { <http://e/1> }"));
        let err = bind_parameters(q, &[("nobody".into(), "x".into())]).unwrap_err();
        assert_eq!(err.to_string(), "--param nobody: the query has no variable ?nobody");
    }

    #[test]
    fn conditional_lines_are_patterns_only_when_their_parameter_is_given() {
        let q = "SELECT ?e WHERE {\n  #? person: ?e <http://x/actor> ?person .\n  #? place: ?e <http://x/at> ?place .\n  ?e a ?c\n}";
        let bound = bind_parameters(q, &[("person".into(), "x".into())]).unwrap();
        assert!(bound.contains("\n             ?e <http://x/actor> ?person .\n"), "{bound}");
        assert!(bound.contains("#? place: ?e <http://x/at> ?place ."), "{bound}");
        let evaluator = SparqlEvaluator::new();
        assert!(evaluator.parse_query(&bound).is_ok(), "{bound}");
        assert_eq!(bind_parameters(q, &[]).unwrap(), q);
    }
}
