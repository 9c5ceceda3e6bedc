//! Articles and the readers for each input format: plain text, JSON Lines and HTML.
//!
//! A reader turns one input (a file, a JSON line, stdin) into an [`Article`] whose `text` is exactly what offsets
//! will point into. Errors name the input and the place (file, line, byte) so one bad article can be reported and
//! skipped while the rest of a batch goes on (contract: exit 1 when some inputs were rejected).

use std::fs;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::LazyLock;

use chrono::{DateTime, NaiveDate};
use regex::Regex;
use scraper::{ElementRef, Html, Selector};
use serde::Deserialize;
use sha2::{Digest, Sha256};

/// One news article, ready for extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The article's identity: the JSON `id`, the file name without extension, or a hash of the text.
    pub id: String,
    pub title: Option<String>,
    /// The publication date, against which relative dates are resolved.
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// The text that every offset points into.
    pub text: String,
    /// Where it came from, for messages: `news.jsonl line 3`, `a.txt`.
    pub origin: String,
}

/// Why an input could not be read as an article.
#[derive(Debug, thiserror::Error)]
pub enum InputError {
    #[error("{origin}: cannot read: {source}")]
    Io { origin: String, source: io::Error },
    #[error("{origin}: invalid UTF-8 at byte {byte} (line {line})")]
    Utf8 { origin: String, byte: usize, line: usize },
    #[error("{origin}: the article is empty")]
    Empty { origin: String },
    #[error("{origin} line {line}: {message}")]
    Json { origin: String, line: usize, message: String },
    #[error("{origin}: {message}")]
    Invalid { origin: String, message: String },
    #[error("{origin}: {what} is larger than {limit} MiB: not read (newskg reads news articles; split longer texts)", limit = .limit >> 20)]
    TooLarge { origin: String, what: &'static str, limit: usize },
}

/// The longest article text newskg extracts, in bytes (UTF-8): 4 MiB, some forty times the longest news article,
/// and about 1 GB of memory to extract. A longer text is refused with [`InputError::TooLarge`], the batch going on.
pub const MAX_ARTICLE_BYTES: usize = 4 << 20;

/// The largest input file or stdin read whole (plain text, HTML), in bytes: an HTML page carries markup, scripts and
/// styles around its text.
pub const MAX_FILE_BYTES: usize = 64 << 20;

/// The longest JSON Lines line read, in bytes: the largest article with every character escaped (`\uXXXX`) and its
/// metadata. A longer line is skipped without being held in memory.
pub const MAX_LINE_BYTES: usize = 6 * MAX_ARTICLE_BYTES + (64 << 10);

/// Refuse a text longer than [`MAX_ARTICLE_BYTES`].
fn check_length(text: &str, origin: &str) -> Result<(), InputError> {
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(InputError::TooLarge {
            origin: origin.to_string(),
            what: "the article's text",
            limit: MAX_ARTICLE_BYTES,
        });
    }
    Ok(())
}

/// Read `reader` to its end, or refuse it once it holds more than `limit` bytes.
fn read_bounded(reader: impl Read, limit: usize, origin: &str) -> Result<Vec<u8>, InputError> {
    let mut buf = Vec::new();
    reader
        .take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|source| InputError::Io { origin: origin.to_string(), source })?;
    if buf.len() > limit {
        return Err(InputError::TooLarge { origin: origin.to_string(), what: "the input", limit });
    }
    Ok(buf)
}

/// The input formats `newskg` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    /// Plain text: title line, optional dateline, body.
    Text,
    /// JSON Lines: one `{"id", "title", "date", "url", "text"}` object a line.
    Jsonl,
    /// An HTML page: the article body's visible text, title and date from the metadata.
    Html,
}

impl InputFormat {
    /// The format a file's extension implies, if any.
    pub fn from_path(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "txt" | "md" | "text" => Some(InputFormat::Text),
            "jsonl" | "json" | "ndjson" => Some(InputFormat::Jsonl),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            _ => None,
        }
    }

    /// Guess the format of unnamed input (stdin) from its first characters.
    fn sniff(text: &str) -> Self {
        let head = text.trim_start();
        if head.starts_with('{') || head.starts_with('[') {
            InputFormat::Jsonl
        } else if head.starts_with('<') {
            InputFormat::Html
        } else {
            InputFormat::Text
        }
    }
}

/// Options that apply to every input.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Publication date to use instead of the one found in the article (plain text) or when it has none.
    pub date: Option<NaiveDate>,
    /// Force a format instead of deciding by extension.
    pub format: Option<InputFormat>,
}

/// Expand the inputs into a sorted list of files (directories walked for known extensions); `-` is stdin.
pub fn expand_inputs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, InputError> {
    let mut files = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            files.push(input.clone());
        } else if input.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found)?;
            found.sort();
            files.extend(found);
        } else if input.exists() {
            files.push(input.clone());
        } else {
            return Err(InputError::Io {
                origin: input.display().to_string(),
                source: io::Error::new(io::ErrorKind::NotFound, "no such file or directory"),
            });
        }
    }
    Ok(files)
}

/// Every article file under `root`, depth first in name order. Directories are read with a stack, not recursion,
/// and each real directory once, under the first name met in that order: a symbolic link back up the tree
/// (`sub/back -> ..`) or to a directory already read does not read its files again.
fn walk(root: &Path, out: &mut Vec<PathBuf>) -> Result<(), InputError> {
    let mut seen = std::collections::HashSet::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        let io_err = |source| InputError::Io { origin: dir.display().to_string(), source };
        if !seen.insert(fs::canonicalize(&dir).map_err(io_err)?) {
            continue;
        }
        let mut entries = fs::read_dir(&dir)
            .map_err(io_err)?
            .map(|e| e.map(|e| e.path()))
            .collect::<Result<Vec<_>, _>>()
            .map_err(io_err)?;
        entries.sort();
        let mut dirs = Vec::new();
        for path in entries {
            if path.is_dir() {
                dirs.push(path);
            } else if InputFormat::from_path(&path).is_some() {
                out.push(path);
            }
        }
        stack.extend(dirs.into_iter().rev());
    }
    Ok(())
}

/// Read every article of one input, calling `each` with each article or error, in input order.
pub fn read_input(path: &Path, options: &ReadOptions, each: &mut dyn FnMut(Result<Article, InputError>)) {
    let stdin = path.as_os_str() == "-";
    let origin = if stdin { "<stdin>".to_string() } else { path.display().to_string() };
    let format = options.format.or_else(|| InputFormat::from_path(path));
    if format == Some(InputFormat::Jsonl) && !stdin {
        match fs::File::open(path) {
            Ok(file) => read_jsonl(BufReader::new(file), &origin, options, each),
            Err(source) => each(Err(InputError::Io { origin, source })),
        }
        return;
    }
    let bytes = if stdin {
        // JSON Lines on stdin stream, line by line, like a file (`zcat corpus.jsonl.gz | newskg load -`): the
        // format is told from the first characters the pipe holds, without reading further.
        let mut reader = io::stdin().lock();
        let jsonl = match reader.fill_buf() {
            Ok(head) => match format {
                Some(f) => f == InputFormat::Jsonl,
                None => head.iter().find(|b| !b.is_ascii_whitespace()).is_some_and(|b| matches!(b, b'{' | b'[')),
            },
            Err(source) => return each(Err(InputError::Io { origin, source })),
        };
        if jsonl {
            return read_jsonl(reader, &origin, options, each);
        }
        read_bounded(reader, MAX_FILE_BYTES, &origin)
    } else {
        fs::File::open(path)
            .map_err(|source| InputError::Io { origin: origin.clone(), source })
            .and_then(|file| read_bounded(file, MAX_FILE_BYTES, &origin))
    };
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => return each(Err(e)),
    };
    let text = match decode(bytes, &origin) {
        Ok(t) => t,
        Err(e) => return each(Err(e)),
    };
    let format = format.unwrap_or_else(|| InputFormat::sniff(&text));
    let stem = if stdin { None } else { path.file_stem().map(|s| s.to_string_lossy().into_owned()) };
    match format {
        InputFormat::Jsonl => read_jsonl(text.as_bytes(), &origin, options, each),
        InputFormat::Text => each(read_text(text, stem, origin, options)),
        InputFormat::Html => each(read_html(&text, stem, origin, options)),
    }
}

/// The text of a file: UTF-8, or UTF-16 when a byte-order mark says so (as Windows tools save text), the mark
/// left out.
fn decode(bytes: Vec<u8>, origin: &str) -> Result<String, InputError> {
    let little = match bytes.get(..2) {
        Some([0xFF, 0xFE]) => Some(true),
        Some([0xFE, 0xFF]) => Some(false),
        _ => None,
    };
    if let Some(little) = little {
        let units = bytes[2..].chunks(2).map(|p| match *p {
            [a, b] if little => Ok(u16::from_le_bytes([a, b])),
            [a, b] => Ok(u16::from_be_bytes([a, b])),
            _ => Err(()),
        });
        let mut text = String::with_capacity(bytes.len() / 2);
        for (k, unit) in char::decode_utf16(units.map_while(Result::ok)).enumerate() {
            match unit {
                Ok(c) => text.push(c),
                Err(_) => {
                    let message = format!("invalid UTF-16 at byte {} (unpaired surrogate)", 2 + 2 * k);
                    return Err(InputError::Invalid { origin: origin.to_string(), message });
                }
            }
        }
        if bytes.len() % 2 == 1 {
            let message = "invalid UTF-16: an odd number of bytes".to_string();
            return Err(InputError::Invalid { origin: origin.to_string(), message });
        }
        return Ok(text);
    }
    String::from_utf8(bytes).map_err(|e| {
        let byte = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..byte].iter().filter(|&&b| b == b'\n').count() + 1;
        InputError::Utf8 { origin: origin.to_string(), byte, line }
    })
}

/// A short stable identity for text without an id.
pub fn text_hash(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Plain text: the file as it is; title from the first heading-like line, date from `--date` or a dateline.
pub fn read_text(
    text: String,
    stem: Option<String>,
    origin: String,
    options: &ReadOptions,
) -> Result<Article, InputError> {
    if text.trim().is_empty() {
        return Err(InputError::Empty { origin });
    }
    check_length(&text, &origin)?;
    let published = options.date.or_else(|| find_dateline(&text));
    let title = find_title(&text);
    let id = stem.unwrap_or_else(|| text_hash(&text));
    Ok(Article { id, title, published, url: None, text, origin })
}

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    let month = "January|February|March|April|May|June|July|August|September|October|November|December|\
                 Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?";
    Regex::new(&format!(
        r"^(?:[A-Z][A-Za-z .'-]{{1,40}},\s+)?(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?(?:({month})\s+(\d{{1,2}}),?\s+(\d{{4}})|(\d{{1,2}})\s+({month})\s+(\d{{4}})|(\d{{4}})-(\d{{2}})-(\d{{2}}))\b"
    ))
    .expect("dateline pattern")
});

/// The publication date from a dateline in the first lines: "March 14, 2025 - ...", "Monday, May 18, 2015",
/// "MOSCOW, March 14, 2025 (Reuters) -", "14 March 2025", "2025-03-14".
pub fn find_dateline(text: &str) -> Option<NaiveDate> {
    for line in text.lines().filter(|l| !l.trim().is_empty()).take(8) {
        let Some(c) = DATELINE.captures(line.trim()) else { continue };
        let (y, m, d) = if let Some(month) = c.get(1) {
            (c.get(3)?.as_str(), month_number(month.as_str())?, c.get(2)?.as_str())
        } else if let Some(day) = c.get(4) {
            (c.get(6)?.as_str(), month_number(c.get(5)?.as_str())?, day.as_str())
        } else {
            (c.get(7)?.as_str(), c.get(8)?.as_str().parse().ok()?, c.get(9)?.as_str())
        };
        if let Some(date) = NaiveDate::from_ymd_opt(y.parse().ok()?, m, d.parse().ok()?) {
            return Some(date);
        }
    }
    None
}

/// The month number of an English month name or abbreviation.
pub fn month_number(name: &str) -> Option<u32> {
    let n = name.trim_end_matches('.').to_ascii_lowercase();
    let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    if n.len() < 3 {
        return None;
    }
    let full = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let i = months.iter().position(|m| n.starts_with(m))?;
    (full[i].starts_with(&n) || n == "sept").then_some(i as u32 + 1)
}

/// The first heading-like line, else the first line.
fn find_title(text: &str) -> Option<String> {
    let doc = crate::text::Document::parse(text);
    let first = doc.paragraphs.iter().take(4).find(|p| p.heading).or(doc.paragraphs.first())?;
    Some(first.span.of(text).to_string())
}

#[derive(Deserialize)]
struct JsonArticle {
    id: Option<serde_json::Value>,
    title: Option<String>,
    headline: Option<String>,
    date: Option<String>,
    #[serde(rename = "datePublished")]
    date_published: Option<String>,
    dct: Option<String>,
    url: Option<String>,
    text: Option<String>,
}

/// A day given by a user (`--date`, `--from`, `--to`, `/report?from=`): `YYYY-MM-DD` exactly, with the error they
/// read.
pub fn parse_day(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|_| format!("{s:?} is not a date (YYYY-MM-DD)"))
}

/// Parse a date given as `YYYY-MM-DD` or RFC 3339.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .or_else(|| DateTime::parse_from_rfc3339(s).ok().map(|d| d.date_naive()))
        .or_else(|| chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S").ok().map(|d| d.date()))
        .or_else(|| s.get(..10).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()))
}

/// JSON Lines: one article a line; blank lines are skipped.
fn read_jsonl(
    reader: impl BufRead,
    origin: &str,
    options: &ReadOptions,
    each: &mut dyn FnMut(Result<Article, InputError>),
) {
    let mut bytes_line = Vec::new();
    let mut reader = reader;
    let mut line = 0;
    loop {
        bytes_line.clear();
        line += 1;
        match (&mut reader).take(MAX_LINE_BYTES as u64 + 1).read_until(b'\n', &mut bytes_line) {
            Ok(0) => break,
            Ok(_) => {}
            Err(source) => {
                each(Err(InputError::Io { origin: format!("{origin} line {line}"), source }));
                break;
            }
        }
        let json_err = |message: String| InputError::Json { origin: origin.to_string(), line, message };
        if bytes_line.len() > MAX_LINE_BYTES {
            // The rest of the line is skipped without being kept.
            bytes_line = Vec::new();
            if let Err(source) = skip_line(&mut reader) {
                each(Err(InputError::Io { origin: format!("{origin} line {line}"), source }));
                break;
            }
            let limit = MAX_LINE_BYTES >> 20;
            each(Err(json_err(format!("the line is longer than {limit} MiB: not read"))));
            continue;
        }
        let Ok(raw) = std::str::from_utf8(&bytes_line) else {
            each(Err(json_err("invalid UTF-8".into())));
            continue;
        };
        if raw.trim().is_empty() {
            continue;
        }
        each(parse_json_article(raw, origin, line, options).map_err(json_err));
    }
}

/// Consume the rest of a line (up to and with its newline) without keeping it.
fn skip_line(reader: &mut impl BufRead) -> io::Result<()> {
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(k) => {
                reader.consume(k + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                reader.consume(n);
            }
        }
    }
}

fn parse_json_article(raw: &str, origin: &str, line: usize, options: &ReadOptions) -> Result<Article, String> {
    let record: JsonArticle = serde_json::from_str(raw).map_err(|e| format!("not a JSON article: {e}"))?;
    let text = record.text.ok_or_else(|| "missing \"text\"".to_string())?;
    if text.trim().is_empty() {
        return Err("\"text\" is empty".into());
    }
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(format!(
            "the article's text is larger than {} MiB: not read (newskg reads news articles; split longer texts)",
            MAX_ARTICLE_BYTES >> 20
        ));
    }
    let date_field = record.date.or(record.date_published).or(record.dct);
    let published = match &date_field {
        Some(d) => Some(parse_date(d).ok_or_else(|| format!("\"date\" is not a date: {d:?}"))?),
        None => options.date,
    };
    let id = match record.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        Some(serde_json::Value::Null) | None => text_hash(&text),
        Some(other) => return Err(format!("\"id\" must be a string or a number, not {other}")),
    };
    let title = record.title.or(record.headline).or_else(|| find_title(&text));
    Ok(Article { id, title, published, url: record.url, text, origin: format!("{origin} line {line}") })
}

macro_rules! selector {
    ($s:expr) => {{
        static S: LazyLock<Selector> = LazyLock::new(|| Selector::parse($s).expect("valid selector"));
        &*S
    }};
}

/// HTML: the visible text of the article body, one block a line; title and date from the page's metadata.
pub fn read_html(
    html: &str,
    stem: Option<String>,
    origin: String,
    options: &ReadOptions,
) -> Result<Article, InputError> {
    // A page nested deeper than any real one (100,000 `<div>`s) would take the HTML parser quadratic time: refuse it
    // with a clear message rather than hang on it (issue 20).
    if let Some(byte) = too_deep(html, MAX_HTML_DEPTH) {
        return Err(InputError::Invalid {
            origin,
            message: format!("HTML elements nested deeper than {MAX_HTML_DEPTH} (at byte {byte}): not read"),
        });
    }
    let page = Html::parse_document(html);
    let meta = |sel: &Selector| {
        page.select(sel).find_map(|e| e.value().attr("content")).map(str::trim).filter(|s| !s.is_empty())
    };
    let ld = json_ld(&page);
    let ld_field = |k: &str| ld.iter().find_map(|v| v.get(k).and_then(|s| s.as_str()).map(str::to_string));
    let published = options.date.or_else(|| {
        meta(selector!(r#"meta[property="article:published_time"], meta[itemprop="datePublished"], meta[name="date"], meta[name="pubdate"]"#))
            .map(str::to_string)
            .or_else(|| ld_field("datePublished"))
            .or_else(|| page.select(selector!("time[datetime]")).find_map(|e| e.value().attr("datetime").map(str::to_string)))
            .and_then(|d| parse_date(&d))
    });
    let title = ld_field("headline")
        .or_else(|| meta(selector!(r#"meta[property="og:title"]"#)).map(str::to_string))
        .or_else(|| page.select(selector!("h1")).next().map(|h| collapse(&h.text().collect::<String>())))
        .or_else(|| page.select(selector!("title")).next().map(|t| collapse(&t.text().collect::<String>())))
        .filter(|t| !t.is_empty());
    let url = page
        .select(selector!(r#"link[rel="canonical"]"#))
        .find_map(|e| e.value().attr("href").map(str::to_string))
        .or_else(|| meta(selector!(r#"meta[property="og:url"]"#)).map(str::to_string));
    let root = page
        .select(selector!("article"))
        .max_by_key(|a| a.text().map(str::len).sum::<usize>())
        .or_else(|| page.select(selector!("main")).next())
        .or_else(|| page.select(selector!("body")).next());
    let mut blocks = Vec::new();
    if let Some(root) = root {
        collect_blocks(root, &mut blocks);
    }
    let text = blocks.join("\n");
    if text.trim().is_empty() {
        return Err(InputError::Invalid { origin, message: "no visible article text in the HTML page".into() });
    }
    check_length(&text, &origin)?;
    let id = stem.unwrap_or_else(|| text_hash(&text));
    Ok(Article { id, title, published, url, text, origin })
}

fn json_ld(page: &Html) -> Vec<serde_json::Value> {
    let mut out = Vec::new();
    for script in page.select(selector!(r#"script[type="application/ld+json"]"#)) {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&script.text().collect::<String>()) else { continue };
        match value {
            serde_json::Value::Array(items) => out.extend(items),
            serde_json::Value::Object(ref o) if o.contains_key("@graph") => {
                if let Some(serde_json::Value::Array(items)) = o.get("@graph") {
                    out.extend(items.iter().cloned());
                }
            }
            other => out.push(other),
        }
    }
    out
}

const SKIPPED: &[&str] =
    &["script", "style", "nav", "aside", "footer", "header", "form", "noscript", "template", "button", "svg", "figure"];
const BLOCKS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td"];

/// Collect the text of block elements under `element`, skipping boilerplate containers. The walk keeps its own
/// stack, in document order, so that no page can exhaust the thread's (issue 20).
fn collect_blocks(element: ElementRef, out: &mut Vec<String>) {
    let mut stack: Vec<ElementRef> = element.children().filter_map(ElementRef::wrap).collect();
    stack.reverse();
    while let Some(child) = stack.pop() {
        let name = child.value().name();
        if SKIPPED.contains(&name) || child.value().attr("hidden").is_some() {
            continue;
        }
        if BLOCKS.contains(&name) {
            let text = collapse(&child.text().collect::<String>());
            if !text.is_empty() {
                out.push(text);
            }
        } else {
            let first = stack.len();
            stack.extend(child.children().filter_map(ElementRef::wrap));
            stack[first..].reverse();
        }
    }
}

/// The deepest element nesting an HTML page may have; real pages stay under a few hundred.
pub const MAX_HTML_DEPTH: usize = 2_000;

/// The byte at which the page's elements first nest deeper than `limit`, if they do: a linear scan of the tags
/// (void elements, self-closing tags, comments and the contents of scripts and styles left out).
fn too_deep(html: &str, limit: usize) -> Option<usize> {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    ];
    let bytes = html.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while let Some(k) = memchr_lt(&bytes[i..]) {
        let at = i + k;
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(bytes.len(), |e| at + e + 3);
            continue;
        }
        let close = rest.starts_with("</");
        let name_start = at + if close { 2 } else { 1 };
        let name_len = bytes[name_start.min(bytes.len())..].iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        let name = html[name_start..name_start + name_len].to_ascii_lowercase();
        let end = rest.find('>').map_or(bytes.len(), |e| at + e + 1);
        if name_len == 0 {
            i = at + 1;
            continue;
        }
        if close {
            depth = depth.saturating_sub(1);
        } else if !VOID.contains(&name.as_str()) && !html[..end].ends_with("/>") {
            if name == "script" || name == "style" {
                // Skip to the closing tag, matched without regard to case.
                let closing = format!("</{name}");
                let mut j = end;
                i = loop {
                    match memchr_lt(&bytes[j..]) {
                        Some(k)
                            if html.as_bytes()[j + k..].len() >= closing.len()
                                && html.as_bytes()[j + k..j + k + closing.len()]
                                    .eq_ignore_ascii_case(closing.as_bytes()) =>
                        {
                            break j + k
                        }
                        Some(k) => j += k + 1,
                        None => break bytes.len(),
                    }
                };
                continue;
            }
            depth += 1;
            if depth > limit {
                return Some(at);
            }
        }
        i = end;
    }
    None
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn datelines_give_the_publication_date() {
        assert_eq!(find_dateline("Title\nMarch 14, 2025 - In a move"), Some(date("2025-03-14")));
        assert_eq!(find_dateline("Title\nMonday, May 18, 2015\nText"), Some(date("2015-05-18")));
        assert_eq!(find_dateline("MOSCOW, Sept. 3, 2024 (Reuters) - x"), Some(date("2024-09-03")));
        assert_eq!(find_dateline("Headline\n14 March 2025 — text"), Some(date("2025-03-14")));
        assert_eq!(find_dateline("No date here.\nNor here."), None);
    }

    #[test]
    fn json_lines_report_the_line_of_a_bad_article() {
        let input = "{\"id\": \"a\", \"text\": \"Hello there.\", \"date\": \"2025-03-14T10:00:00+01:00\"}\n\n{bad\n{\"id\": 7, \"date\": \"yesterday-ish\", \"text\": \"x\"}\n";
        let mut got = Vec::new();
        read_jsonl(input.as_bytes(), "news.jsonl", &ReadOptions::default(), &mut |r| got.push(r));
        assert_eq!(got.len(), 3);
        let first = got[0].as_ref().unwrap();
        assert_eq!((first.id.as_str(), first.published), ("a", Some(date("2025-03-14"))));
        assert!(got[1].as_ref().unwrap_err().to_string().starts_with("news.jsonl line 3: not a JSON article"));
        assert_eq!(
            got[2].as_ref().unwrap_err().to_string(),
            "news.jsonl line 4: \"date\" is not a date: \"yesterday-ish\""
        );
    }

    #[test]
    fn html_gives_body_text_title_and_date_without_boilerplate() {
        let html = r#"<html><head><title>Site | Talks</title>
            <meta property="article:published_time" content="2015-05-18T09:00:00Z"></head>
            <body><nav><a>Home</a></nav><article><h1>Leaders Meet</h1><p>The  leaders &amp; aides met.</p>
            <aside>Read more</aside><p>They said so.</p></article><footer>(c) Site</footer></body></html>"#;
        let a = read_html(html, Some("page".into()), "page.html".into(), &ReadOptions::default()).unwrap();
        assert_eq!(a.text, "Leaders Meet\nThe leaders & aides met.\nThey said so.");
        assert_eq!(a.title.as_deref(), Some("Leaders Meet"));
        assert_eq!(a.published, Some(date("2015-05-18")));
    }

    #[test]
    fn html_nested_a_hundred_thousand_deep_is_refused_at_once_and_deep_real_pages_are_read() {
        let deep = format!(
            "<html><body><article>{}<p>Text.</p>{}</article></body></html>",
            "<div>".repeat(100_000),
            "</div>".repeat(100_000)
        );
        let err = read_html(&deep, None, "deep.html".into(), &ReadOptions::default()).unwrap_err();
        assert!(err.to_string().contains("nested deeper than 2000"), "{err}");
        // 1,500 levels (under the limit) are read, with no recursion to overflow the stack.
        let nested = format!(
            "<html><body>{}<p>Deep text.</p>{}<!-- <div> --><br><img src=x /></body></html>",
            "<div>".repeat(1_500),
            "</div>".repeat(1_500)
        );
        let article = read_html(&nested, None, "nested.html".into(), &ReadOptions::default()).unwrap();
        assert_eq!(article.text, "Deep text.");
        assert_eq!(too_deep("<script>if (a <div) {}</script><div><p>x</p></div>", 2), None);
    }

    #[test]
    fn invalid_utf8_names_the_byte_and_line() {
        let err = decode(b"ok\nbad \xff here".to_vec(), "a.txt").unwrap_err();
        assert_eq!(err.to_string(), "a.txt: invalid UTF-8 at byte 7 (line 2)");
    }

    #[test]
    fn utf16_with_a_byte_order_mark_is_read_and_a_broken_one_is_named() {
        let le: Vec<u8> =
            [0xFF, 0xFE].into_iter().chain("Talks in Lisbon – ôk".encode_utf16().flat_map(u16::to_le_bytes)).collect();
        assert_eq!(decode(le, "a.txt").unwrap(), "Talks in Lisbon – ôk");
        let be: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("Talks 🙂".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert_eq!(decode(be, "a.txt").unwrap(), "Talks 🙂");
        let unpaired = vec![0xFF, 0xFE, b'a', 0, 0x00, 0xD8, b'b', 0];
        assert_eq!(
            decode(unpaired, "a.txt").unwrap_err().to_string(),
            "a.txt: invalid UTF-16 at byte 4 (unpaired surrogate)"
        );
        let odd = vec![0xFF, 0xFE, b'a', 0, b'b'];
        assert_eq!(decode(odd, "a.txt").unwrap_err().to_string(), "a.txt: invalid UTF-16: an odd number of bytes");
    }
}
