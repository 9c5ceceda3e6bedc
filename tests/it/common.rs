//! Helpers shared by the integration tests.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

use newskg::article::{read_input, Article, ReadOptions};
use newskg::graph;
use newskg::store::{KnowledgeStore, ResultFormat};
use oxigraph::model::Quad;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn fixture() -> PathBuf {
    root().join("tests/fixtures/putin-witkoff/input.txt")
}

/// Every article of one input file.
pub fn read(path: &Path) -> Vec<Article> {
    let mut out = Vec::new();
    read_input(path, &ReadOptions::default(), &mut |r| out.push(r.expect("readable article")));
    out
}

pub fn quads_of(article: &Article) -> Vec<Quad> {
    graph::quads(article, &newskg::extract_facts(article))
}

/// An in-memory store holding the given articles.
pub fn store_with(articles: &[Article]) -> KnowledgeStore {
    let store = KnowledgeStore::in_memory().unwrap();
    for a in articles {
        store.replace_graph(&graph::article_iri(&a.id), &quads_of(a)).unwrap();
    }
    store
}

/// Run a SELECT query and return its rows as CSV lines (header removed).
pub fn rows(store: &KnowledgeStore, query: &str, params: &[(&str, &str)]) -> Vec<String> {
    let params: Vec<(String, String)> = params.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
    let mut out = Vec::new();
    store.query("test", query, &params, ResultFormat::Csv, &mut out).unwrap_or_else(|e| panic!("{e}\n{query}"));
    let text = String::from_utf8(out).unwrap();
    text.lines().skip(1).map(|l| l.trim_end_matches('\r').to_string()).collect()
}

/// The single value of a one-column, one-row query.
pub fn value(store: &KnowledgeStore, query: &str) -> String {
    let r = rows(store, query, &[]);
    assert_eq!(r.len(), 1, "expected one row, got {r:?} for\n{query}");
    r[0].clone()
}

/// `newskg serve` on a free loopback port, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Server {
    /// Start it on `store` with the `extra` arguments, and wait until it answers a request (at most 20 s).
    pub fn start(store: &Path, extra: &[&str]) -> Server {
        let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let mut command = Command::cargo_bin("newskg").unwrap();
        command.env_remove("NEWSKG_STORE");
        let child = command
            .args(["serve", "--bind", &format!("127.0.0.1:{port}"), "--store"])
            .arg(store)
            .args(extra)
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let server = Server { child, port, base: format!("http://127.0.0.1:{port}") };
        let started = Instant::now();
        while !server.answers() {
            assert!(started.elapsed() < Duration::from_secs(20), "newskg serve did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// Whether a GET of the query page gets an HTTP answer.
    fn answers(&self) -> bool {
        let Ok(mut stream) = TcpStream::connect(("127.0.0.1", self.port)) else { return false };
        let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
        let request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        let mut head = [0u8; 9];
        stream.write_all(request).is_ok() && stream.read_exact(&mut head).is_ok() && head.starts_with(b"HTTP/1.1 ")
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
