//! The reference for `newskg load`'s speed: Oxigraph's own bulk loader on the N-Quads newskg extracted, with the
//! same loader settings as `newskg load` (2 threads, 64 MB), into a fresh store; then, as `newskg load` does after
//! filling a fresh store (and as Oxigraph's own benchmarks do before querying), `Store::optimize`.
//!
//!   cargo bench --bench oxigraph_bulk_load -- FILE.nq STORE_DIR [--no-optimize]
//!
//! Prints the quads loaded, the seconds the bulk load took and the seconds with the optimize step; with
//! `--no-optimize` it stops after the bulk load, as Oxigraph's own `oxigraph load` does (the reference for
//! `newskg load --compact never`). Run by `benches/whole.sh`; without arguments it does nothing.

use std::time::Instant;

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::store::Store;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| a != "--bench").collect();
    let (file, dir, optimize) = match args.as_slice() {
        [file, dir] => (file, dir, true),
        [file, dir, flag] if flag == "--no-optimize" => (file, dir, false),
        _ => {
            eprintln!(
                "usage: cargo bench --bench oxigraph_bulk_load -- FILE.nq STORE_DIR [--no-optimize] (nothing to do)"
            );
            return;
        }
    };
    let started = Instant::now();
    let store = Store::open(dir).expect("a new store directory");
    let reader = std::io::BufReader::new(std::fs::File::open(file).expect("the N-Quads file"));
    let mut loader = store.bulk_loader().with_num_threads(2).with_max_memory_size_in_megabytes(64);
    loader.load_from_reader(RdfParser::from_format(RdfFormat::NQuads), reader).expect("valid N-Quads");
    loader.commit().expect("committed");
    let loaded = started.elapsed().as_secs_f64();
    if !optimize {
        println!("bulk load {loaded:.2} s");
        return;
    }
    store.optimize().expect("optimized");
    let optimized = started.elapsed().as_secs_f64();
    println!("{} quads: bulk load {loaded:.2} s, with optimize {optimized:.2} s", store.len().expect("store size"));
}
