//! One module per subcommand; each `run` returns whether every input was accepted.

pub mod export;
pub mod extract;
pub mod load;
pub mod push;
pub mod query;
pub mod serve;
pub mod validate;

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

/// One extracted article: the article and its quads, sorted.
pub type Extracted = (Article, Vec<oxigraph::model::Quad>);

/// Progress of a long run on stderr: bytes of input read, articles done, rate and ETA. Hidden when stderr is not
/// a terminal or with `--quiet`.
pub struct Progress {
    bar: indicatif::ProgressBar,
    articles: u64,
}

impl Progress {
    fn new(total_bytes: Option<u64>, quiet: bool) -> Progress {
        use std::io::IsTerminal;
        let bar = if quiet || !io::stderr().is_terminal() {
            indicatif::ProgressBar::hidden()
        } else {
            let style = match total_bytes {
                Some(_) => "{bar:30} {bytes}/{total_bytes} {binary_bytes_per_sec} ETA {eta} {msg}",
                None => "{spinner} {bytes} {binary_bytes_per_sec} {msg}",
            };
            let bar = indicatif::ProgressBar::with_draw_target(total_bytes, indicatif::ProgressDrawTarget::stderr());
            bar.set_style(indicatif::ProgressStyle::with_template(style).expect("valid template"));
            bar
        };
        Progress { bar, articles: 0 }
    }

    fn advance(&mut self, articles: usize, bytes: u64) {
        self.articles += articles as u64;
        self.bar.inc(bytes);
        self.bar.set_message(format!("{} articles", self.articles));
    }

    /// A file is read to its end: the bar moves to the sum of the sizes of the files done.
    fn file_done(&self, done_bytes: u64) {
        if self.bar.length().is_some() {
            self.bar.set_position(done_bytes);
        }
    }

    /// Print a line above the bar (messages must not be overwritten by it).
    pub fn println(&self, line: &str) {
        if self.bar.is_hidden() {
            eprintln!("{line}");
        } else {
            self.bar.println(line);
        }
    }

    fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// Read every input, extract each article (in parallel, in batches of [`BATCH`]) and hand each batch, in input
/// order, to `sink`. Bad inputs are reported on stderr and skipped. Returns whether all were accepted.
pub fn for_each_batch(
    args: &InputArgs,
    mut sink: impl FnMut(&mut Vec<Extracted>, &Progress) -> anyhow::Result<()>,
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
    let sizes: Option<Vec<u64>> =
        files.iter().map(|f| if f.as_os_str() == "-" { None } else { f.metadata().ok().map(|m| m.len()) }).collect();
    let mut progress = Progress::new(sizes.as_ref().map(|s| s.iter().sum()), args.quiet);
    let mut batch: Vec<Article> = Vec::new();
    let mut flush = |batch: &mut Vec<Article>, progress: &mut Progress| -> anyhow::Result<()> {
        if batch.is_empty() {
            return Ok(());
        }
        let mut results: Vec<Extracted> = pool.install(|| {
            batch
                .par_drain(..)
                .map(|a| {
                    let mut quads = crate::graph::quads(&a, &crate::extract::run(&a));
                    crate::graph::sort_quads(&mut quads);
                    (a, quads)
                })
                .collect()
        });
        progress.advance(results.len(), results.iter().map(|(a, _)| a.text.len() as u64).sum());
        sink(&mut results, progress)
    };
    let mut error: Option<anyhow::Error> = None;
    let mut done_bytes = 0;
    for (i, file) in files.iter().enumerate() {
        read_input(file, &options, &mut |result| {
            if error.is_some() {
                return;
            }
            match result {
                Ok(article) => {
                    batch.push(article);
                    if batch.len() >= BATCH {
                        if let Err(e) = flush(&mut batch, &mut progress) {
                            error = Some(e);
                        }
                    }
                }
                Err(e) => {
                    progress.println(&format!("newskg: {e}"));
                    ok = false;
                }
            }
        });
        if let Some(size) = sizes.as_ref().map(|s| s[i]) {
            done_bytes += size;
            progress.file_done(done_bytes);
        }
    }
    if let Some(e) = error {
        progress.finish();
        return Err(e);
    }
    let last = flush(&mut batch, &mut progress);
    progress.finish();
    last?;
    Ok(ok)
}
