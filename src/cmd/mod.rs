//! One module per subcommand; each `run` returns whether every input was accepted.

pub mod export;
pub mod extract;
pub mod identity;
pub mod load;
pub mod push;
pub mod query;
pub mod report;
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

/// How many articles are extracted together, at most; bounds memory on long inputs.
const BATCH: usize = 256;

/// Bytes of article text after which a batch is full: a batch's graphs take about 70 times its text (each
/// fact with its span, as full IRIs), and a few batches are in flight at once, so this is what bounds memory.
/// Smaller batches cost nothing measurable (64 KiB: about 30 articles of news).
const BATCH_BYTES: usize = 64 << 10;

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
    level: crate::graph::Provenance,
    sink: impl FnMut(&mut Vec<Extracted>, &Progress) -> anyhow::Result<()>,
) -> anyhow::Result<bool> {
    for_each_batch_with(args, |a| crate::graph::quads_at(a, &crate::extract::run(a), level), sink)
}

/// What the reading thread hands on, in input order.
enum Input<T> {
    Batch(Vec<T>),
    Rejected(String),
    /// A file is read to its end: the sum of the sizes of the files done.
    FileDone(u64),
}

/// [`for_each_batch`] with the work done on each article chosen by the caller: `work` runs on the extraction
/// threads (so a writer can have them format its output too), `sink` on the calling thread, batch by batch in input
/// order. With more than one thread, reading, extracting and writing overlap: a reading thread parses batch N+2
/// while the pool extracts batch N+1 and `sink` writes batch N; bounded channels keep at most a few batches in
/// memory.
pub fn for_each_batch_with<T: Send>(
    args: &InputArgs,
    work: impl Fn(&Article) -> T + Sync,
    mut sink: impl FnMut(&mut Vec<(Article, T)>, &Progress) -> anyhow::Result<()>,
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
    // Read every input, handing on batches of articles; stops reading articles when `send` says so.
    let read = |send: &mut dyn FnMut(Input<Article>) -> bool| {
        let mut batch: Vec<Article> = Vec::new();
        let mut batch_bytes = 0;
        let mut stopped = false;
        let mut done_bytes = 0;
        for (i, file) in files.iter().enumerate() {
            read_input(file, &options, &mut |result| {
                if stopped {
                    return;
                }
                match result {
                    Ok(article) => {
                        batch_bytes += article.text.len();
                        batch.push(article);
                        if batch.len() >= BATCH || batch_bytes >= BATCH_BYTES {
                            batch_bytes = 0;
                            stopped = !send(Input::Batch(std::mem::take(&mut batch)));
                        }
                    }
                    Err(e) => stopped = !send(Input::Rejected(format!("newskg: {e}"))),
                }
            });
            if let Some(size) = sizes.as_ref().map(|s| s[i]) {
                done_bytes += size;
                stopped = stopped || !send(Input::FileDone(done_bytes));
            }
        }
        if !stopped && !batch.is_empty() {
            send(Input::Batch(batch));
        }
    };
    let extract = |batch: Vec<Article>| -> Vec<(Article, T)> {
        pool.install(|| {
            batch
                .into_par_iter()
                .map(|a| {
                    let t = work(&a);
                    (a, t)
                })
                .collect()
        })
    };
    // Hand one extracted batch, or a message, to the sink; false once the sink has failed.
    let mut error: Option<anyhow::Error> = None;
    let mut take = |input: Input<(Article, T)>, progress: &mut Progress| -> bool {
        match input {
            Input::Batch(mut results) => {
                progress.advance(results.len(), results.iter().map(|(a, _)| a.text.len() as u64).sum());
                if let Err(e) = sink(&mut results, progress) {
                    error = Some(e);
                    return false;
                }
            }
            Input::Rejected(message) => {
                progress.println(&message);
                ok = false;
            }
            Input::FileDone(bytes) => progress.file_done(bytes),
        }
        true
    };
    if pool.current_num_threads() <= 1 {
        // One thread: read, extract and write in turn, with no other thread.
        read(&mut |input| {
            let input = match input {
                Input::Batch(batch) => Input::Batch(extract(batch)),
                Input::Rejected(m) => Input::Rejected(m),
                Input::FileDone(b) => Input::FileDone(b),
            };
            take(input, &mut progress)
        });
    } else {
        std::thread::scope(|scope| {
            let (to_extract, extract_rx) = std::sync::mpsc::sync_channel::<Input<Article>>(1);
            let (to_write, write_rx) = std::sync::mpsc::sync_channel::<Input<(Article, T)>>(0);
            scope.spawn(move || read(&mut |input| to_extract.send(input).is_ok()));
            let extract = &extract;
            scope.spawn(move || {
                for input in extract_rx {
                    let output = match input {
                        Input::Batch(batch) => Input::Batch(extract(batch)),
                        Input::Rejected(m) => Input::Rejected(m),
                        Input::FileDone(b) => Input::FileDone(b),
                    };
                    if to_write.send(output).is_err() {
                        break;
                    }
                }
            });
            for input in write_rx {
                if !take(input, &mut progress) {
                    // Dropping the receiver stops the other threads.
                    break;
                }
            }
        });
    }
    progress.finish();
    if let Some(e) = error {
        return Err(e);
    }
    Ok(ok)
}
