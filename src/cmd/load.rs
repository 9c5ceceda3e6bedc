//! `newskg load`: extract and load each article into its own named graph of the store.
//!
//! Extraction and loading overlap: the articles are extracted batch after batch on this thread (and its rayon
//! pool) while a loader thread feeds the previous batch into one long run of Oxigraph's bulk loader
//! ([`KnowledgeStore::replace_graphs`], which keeps re-loading an article a replacement of its graph). The two
//! meet through a channel that holds no batch, so at most two batches are in memory at once.

use std::io::IsTerminal;
use std::sync::mpsc::sync_channel;

use anyhow::{anyhow, Context};

use crate::cli::LoadArgs;
use crate::graph::article_iri;
use crate::store::{BulkSettings, CompactGraph, KnowledgeStore};

pub fn run(args: &LoadArgs) -> anyhow::Result<bool> {
    let path = args.store.path();
    let started = std::time::Instant::now();
    raise_open_file_limit();
    let store = KnowledgeStore::open(&path)?;
    let mut articles = 0;
    let mut quads_loaded = 0;
    let (extracted, loaded) = std::thread::scope(|scope| {
        let (sender, receiver) = sync_channel(0);
        let settings =
            BulkSettings { announce: !args.input.quiet && std::io::stderr().is_terminal(), ..Default::default() };
        let store = &store;
        let loader = scope.spawn(move || store.replace_graphs(receiver, settings));
        let extracted = super::for_each_batch(&args.input, |batch, _| {
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
    let compacted = loaded.with_context(|| format!("cannot store the articles in {}", path.display()))?;
    let ok = extracted?;
    if !args.input.quiet {
        eprintln!(
            "newskg: loaded {articles} article{} ({quads_loaded} quads) into {} in {:.1} s{}",
            if articles == 1 { "" } else { "s" },
            path.display(),
            started.elapsed().as_secs_f64(),
            compacted
                .map(|d| format!(" (compacting it for queries took {:.1} s of them)", d.as_secs_f64()))
                .unwrap_or_default(),
        );
    }
    Ok(ok)
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
fn raise_open_file_limit() {
    #[cfg(unix)]
    // SAFETY: getrlimit and setrlimit only read and write the `rlimit` passed to them.
    unsafe {
        let mut limit = libc::rlimit { rlim_cur: 0, rlim_max: 0 };
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) == 0 && limit.rlim_cur < limit.rlim_max {
            limit.rlim_cur = limit.rlim_max;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
        }
    }
}
