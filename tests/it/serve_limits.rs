//! `newskg serve` holds its bounds (issue 20): a slow client is cut off at the read timeout while others are
//! served, a result over the limit is refused with a message, connections over the limit get 503 at once, and the
//! load test (`benches/serve_load.py`) runs against the example store with no crash.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;

use crate::common::{root, Server};

fn newskg() -> Command {
    let mut c = Command::cargo_bin("newskg").unwrap();
    c.env_remove("NEWSKG_STORE");
    c
}

/// A store in a temporary directory holding the example articles.
fn example_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let status = newskg().args(["load", "-q", "--store"]).arg(&store).arg(root().join("examples/articles")).status();
    assert!(status.unwrap().success());
    (dir, store)
}

impl Server {
    fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(("127.0.0.1", self.port)).unwrap();
        // Only so that a broken server fails the test instead of hanging it.
        stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        stream
    }

    /// Send `request` as it is on a new connection; the answer's status and body, read to the end.
    fn send(&self, request: &[u8]) -> Option<(u16, String)> {
        let mut stream = TcpStream::connect(("127.0.0.1", self.port)).ok()?;
        stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
        stream.write_all(request).ok()?;
        answer(&mut stream)
    }

    fn get(&self, path: &str) -> Option<(u16, String)> {
        self.send(format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").as_bytes())
    }

    fn post_query(&self, query: &str, accept: &str) -> Option<(u16, String)> {
        let head = format!(
            "POST /sparql HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/sparql-query\r\n\
             Accept: {accept}\r\nContent-Length: {}\r\n\r\n",
            query.len()
        );
        self.send(&[head.as_bytes(), query.as_bytes()].concat())
    }
}

/// The status and body of the answer on `stream`, read until the server closes it; None when it closed with none.
fn answer(stream: &mut TcpStream) -> Option<(u16, String)> {
    let mut data = Vec::new();
    let _ = stream.read_to_end(&mut data);
    let text = String::from_utf8_lossy(&data).to_string();
    let status = text.strip_prefix("HTTP/1.1 ")?.get(..3)?.parse().ok()?;
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    Some((status, body))
}

#[test]
fn a_slow_client_is_cut_off_at_the_read_timeout_while_others_are_served() {
    let (_dir, store) = example_store();
    let server = Server::start(&store, &["--read-timeout", "1", "--workers", "1"]);
    // Slowloris: the head one line at a time, never ending it; more clients than the one worker.
    let slow: Vec<_> = (0..3)
        .map(|_| {
            let mut stream = server.connect();
            std::thread::spawn(move || {
                let started = Instant::now();
                stream.write_all(b"GET /sparql?query=ASK%7B%7D HTTP/1.1\r\nHost: 127.0.0.1\r\n").unwrap();
                let mut reader = stream.try_clone().unwrap();
                let trickle = std::thread::spawn(move || {
                    while started.elapsed() < Duration::from_secs(30) && stream.write_all(b"X-Slow: y\r\n").is_ok() {
                        std::thread::sleep(Duration::from_millis(200));
                    }
                });
                let got = answer(&mut reader);
                let _ = reader.shutdown(std::net::Shutdown::Both);
                trickle.join().unwrap();
                (got, started.elapsed())
            })
        })
        .collect();
    // A client that connects and sends nothing.
    let mut idle = server.connect();
    std::thread::sleep(Duration::from_millis(200));
    for _ in 0..5 {
        let (status, body) = server.get("/queries/people").expect("an answer while the slow clients trickle");
        assert_eq!(status, 200, "{body}");
        assert!(body.contains("SELECT"), "{body}");
    }
    for client in slow {
        let (got, elapsed) = client.join().unwrap();
        let (status, body) = got.expect("the slow client gets an answer before it is disconnected");
        assert_eq!(status, 408, "{body}");
        assert!(body.contains("read timeout of 1 s") && body.contains("--read-timeout"), "{body}");
        assert!(elapsed < Duration::from_secs(20), "cut off at the read timeout, not when it gave up ({elapsed:?})");
    }
    let started = Instant::now();
    assert_eq!(answer(&mut idle), None, "an idle connection is closed without an answer");
    assert!(started.elapsed() < Duration::from_secs(20));
    // A body trickled a byte at a time is cut off the same way.
    let mut stream = server.connect();
    stream
        .write_all(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\nContent-Length: 50\r\n\r\nA")
        .unwrap();
    let (status, _) = answer(&mut stream).expect("an answer");
    assert_eq!(status, 408);
}

#[test]
fn a_result_over_the_limit_is_refused_with_507_and_a_message_saying_what_to_do() {
    let (_dir, store) = example_store();
    let server = Server::start(&store, &["--max-result", "20000"]);
    for (query, accept) in [
        ("SELECT * WHERE { ?s ?p ?o }", "application/sparql-results+json"),
        ("SELECT * WHERE { ?s ?p ?o }", "text/csv"),
        ("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }", "text/turtle"),
    ] {
        let (status, body) = server.post_query(query, accept).unwrap();
        assert_eq!(status, 507, "{query} as {accept}: {body}");
        assert!(
            body.contains("larger than the server's limit of 20000 bytes")
                && body.contains("--max-result")
                && body.contains("LIMIT"),
            "{body}"
        );
    }
    // Under the limit, the same query answers.
    let (status, body) = server.post_query("SELECT * WHERE { ?s ?p ?o } LIMIT 10", "text/csv").unwrap();
    assert_eq!(status, 200, "{body}");
    assert_eq!(body.lines().count(), 11);
}

#[test]
fn connections_over_the_limit_get_503_at_once_and_are_served_again_when_others_close() {
    let (_dir, store) = example_store();
    let server = Server::start(&store, &["--max-connections", "2", "--read-timeout", "30"]);
    let held: Vec<TcpStream> = (0..2).map(|_| server.connect()).collect();
    std::thread::sleep(Duration::from_millis(200));
    let started = Instant::now();
    let (status, body) = server.get("/queries").expect("an answer, not a connection left waiting");
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("busy") && body.contains("--max-connections"), "{body}");
    assert!(started.elapsed() < Duration::from_secs(10), "refused at once, not after the held connections' timeout");
    drop(held);
    let started = Instant::now();
    while server.get("/queries").map(|(s, _)| s) != Some(200) {
        assert!(started.elapsed() < Duration::from_secs(10), "served again once the held connections closed");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn the_load_test_runs_against_the_examples_with_no_crash_and_every_status_expected() {
    let (dir, store) = example_store();
    let json = dir.path().join("load.json");
    let out = Command::new("python3")
        .arg(root().join("benches/serve_load.py"))
        .arg("--newskg")
        .arg(assert_cmd::cargo::cargo_bin("newskg"))
        .arg("--store")
        .arg(&store)
        .args(["--requests", "300", "--clients", "16", "--slowloris", "3", "--heavy", "10", "--read-timeout", "1"])
        .args(["--timeout", "5", "--max-result", "1000000", "--json"])
        .arg(&json)
        .output()
        .expect("python3 runs benches/serve_load.py");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", String::from_utf8_lossy(&out.stderr));
    let figures: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&json).unwrap()).unwrap();
    assert_eq!(figures["requests"], 300, "{stdout}");
    assert_eq!(figures["alive"], true);
    for kind in ["saved", "heavy", "malformed"] {
        assert!(figures["kinds"][kind]["n"].as_u64().unwrap() > 0, "{kind}: {stdout}");
    }
    for variant in ["trickle-head", "trickle-body", "idle"] {
        assert!(figures["slow"][variant]["n"].as_u64().unwrap() > 0, "{variant}: {stdout}");
    }
    assert!(figures["names"]["malformed/body-over-limit"]["statuses"]["413"].as_u64().is_some(), "{stdout}");
}
