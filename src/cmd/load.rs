//! `newskg load`: extract and load each article into its own named graph of the store.
//!
//! Extraction and loading overlap: the articles are extracted batch after batch on this thread (and its rayon
//! pool) while a loader thread feeds the previous batch into one long run of Oxigraph's bulk loader
//! ([`KnowledgeStore::replace_graphs`], which keeps re-loading an article a replacement of its graph). The two
//! meet through a channel that holds no batch, so at most two batches are in memory at once.
//!
//! `newskg compact` compacts a store, as `load` does at the end of a load into an empty store (`--compact`).

use std::io::IsTerminal;
use std::sync::mpsc::sync_channel;

use anyhow::{anyhow, Context};

use crate::cli::{CompactArgs, LoadArgs};
use crate::graph::article_iri;
use crate::store::{BulkSettings, CompactGraph, KnowledgeStore};

pub fn run(args: &LoadArgs) -> anyhow::Result<bool> {
    let path = args.store.path();
    let started = std::time::Instant::now();
    let open_files = raise_open_file_limit();
    let store = KnowledgeStore::open(&path)?;
    let announce = !args.input.quiet && std::io::stderr().is_terminal();
    let mut articles = 0;
    let mut quads_loaded = 0;
    let (extracted, loaded) = std::thread::scope(|scope| {
        let (sender, receiver) = sync_channel(0);
        let defaults = BulkSettings::default();
        // A compaction opens every file of the store at once. The store is compacted during the load once it
        // holds more than half the open-file limit less 1,000 (at least a quarter of the limit), checked after
        // each bulk commit, which comes every that many files: it never needs more files than the limit allows.
        let max_files = open_files.map(|limit| (limit.saturating_sub(1000) / 2).max(limit / 4).max(16));
        let settings = BulkSettings {
            announce,
            compaction: args.compact,
            max_files,
            commit_every: max_files.map_or(defaults.commit_every, |m| {
                defaults.commit_every.min(m.saturating_mul(1_000_000) / FILES_PER_MILLION_QUADS)
            }),
            ..defaults
        };
        let store = &store;
        let loader = scope.spawn(move || store.replace_graphs(receiver, settings));
        let extracted = super::for_each_batch(&args.input, args.provenance, |batch, _| {
            articles += batch.len();
            quads_loaded += batch.iter().map(|(_, q)| q.len()).sum::<usize>();
            // The article texts are dropped here: only each graph's name and compacted quads cross to the loader.
            let graphs: Vec<_> =
                batch.drain(..).map(|(a, quads)| CompactGraph::new(article_iri(&a.id), quads)).collect();
            sender.send(graphs).map_err(|_| anyhow!("the store loader stopped"))
        });
        drop(sender);
        release_free_memory();
        (extracted, loader.join().expect("the store loader does not panic"))
    });
    // The loader's own error says more than the extraction side's "loader stopped".
    let (compact, mut compacting) =
        loaded.with_context(|| format!("cannot store the articles in {}", path.display()))?;
    let ok = extracted?;
    // The identity layer depends on the whole set of stored articles: recomputed from them after every load, so
    // it is the same whatever the load order or batches (issue 17).
    let mut identity_took = None;
    if !args.no_identity {
        let identity_started = std::time::Instant::now();
        crate::identity::rebuild(&store)
            .with_context(|| format!("cannot compute the identity layer of {}", path.display()))?;
        store.inner().flush()?;
        identity_took = Some(identity_started.elapsed());
    }
    if compact {
        // Reopened, the store holds none of the loader's file handles and caches: the compaction then takes a
        // third of the memory (127 against 366 MB after a 100 MB load).
        drop(store);
        if announce {
            eprintln!("newskg: compacting the store for queries");
        }
        compacting += compact_at(&path)?;
    }
    let compacted = (!compacting.is_zero()).then_some(compacting);
    if !args.input.quiet {
        eprintln!(
            "newskg: loaded {articles} article{} ({quads_loaded} quads) into {} in {:.1} s{}{}",
            if articles == 1 { "" } else { "s" },
            path.display(),
            started.elapsed().as_secs_f64(),
            identity_took
                .map(|d| format!(" (the identity layer took {:.1} s of them)", d.as_secs_f64()))
                .unwrap_or_default(),
            compacted
                .map(|d| format!(" (compacting it for queries took {:.1} s of them)", d.as_secs_f64()))
                .unwrap_or_default(),
        );
    }
    Ok(ok)
}

/// `newskg compact`: compact an existing store (a load compacts a new store itself; see `--compact`).
pub fn compact(args: &CompactArgs) -> anyhow::Result<bool> {
    let path = args.store.path();
    raise_open_file_limit();
    let took = compact_at(&path)?;
    if !args.quiet {
        eprintln!("newskg: compacted {} in {:.1} s", path.display(), took.as_secs_f64());
    }
    Ok(true)
}

/// Open the existing store at `path` and compact it; returns how long the compaction took.
fn compact_at(path: &std::path::Path) -> anyhow::Result<std::time::Duration> {
    KnowledgeStore::open_existing(path)?
        .compact()
        .with_context(|| format!("cannot compact the store in {}", path.display()))
}

/// Give the memory extraction freed back to the system before the store's final commit and compaction, which need
/// the most (glibc otherwise keeps freed blocks in each extraction thread's arena).
fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only hands free heap pages back to the kernel; it touches no live allocation.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Raise the soft limit on open files to the hard one. RocksDB sizes its table cache from the soft limit, and a
/// bulk load of a large corpus leaves thousands of SST files for the final compaction: with a soft limit of 256
/// and 8,000 files, the compaction of a 45,000-article store did not happen and queries took 100 s instead of
/// 0.4 s. Many systems set the soft limit at 1,024 and the hard one far higher.
///
/// Returns the soft limit now in force, when known.
fn raise_open_file_limit() -> Option<usize> {
    #[cfg(unix)]
    // SAFETY: getrlimit and setrlimit only read and write the `rlimit` passed to them.
    unsafe {
        let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return None;
        }
        if limit.rlim_cur < limit.rlim_max {
            let raised = libc::rlimit { rlim_cur: limit.rlim_max, rlim_max: limit.rlim_max };
            if libc::setrlimit(libc::RLIMIT_NOFILE, &raised) == 0 {
                limit = raised;
            }
        }
        usize::try_from(limit.rlim_cur).ok()
    }
    #[cfg(not(unix))]
    None
}

/// SST files a bulk load leaves per million quads (8 indexes, a file each per 32,000-quad chunk: about 250).
const FILES_PER_MILLION_QUADS: usize = 250;
