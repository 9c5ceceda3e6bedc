//! `newskg push`: send each article graph of the store to an external SPARQL store, replacing it there.
//!
//! With `--graph-store URL`, each graph goes by the SPARQL 1.1 Graph Store HTTP Protocol (`PUT URL?graph=IRI`,
//! N-Triples body), which replaces the graph atomically on the server. With only `--endpoint URL`, by SPARQL 1.1
//! Update (`DROP SILENT GRAPH <IRI>; INSERT DATA { GRAPH <IRI> { ... } }` in one request). Connection errors and
//! 5xx/429 answers are retried with growing pauses; other answers are reported with the server's message.

use std::fmt::Write;
use std::time::{Duration, Instant};

use anyhow::{bail, Context};
use oxhttp::model::header::{AUTHORIZATION, CONTENT_TYPE};
use oxhttp::model::{Body, Method, Request, StatusCode};
use oxhttp::Client;
use oxigraph::model::{NamedNode, NamedOrBlankNode, Quad};

use crate::cli::PushArgs;
use crate::store::KnowledgeStore;

/// Triples per SPARQL Update request: Virtuoso refuses requests whose generated SQL passes 10,000 lines (about
/// 1,000 triples), so a large graph is sent as DROP + a first INSERT DATA, then further INSERT DATA requests.
const INSERT_CHUNK: usize = 500;

enum Target {
    GraphStore(String),
    Update(String),
}

pub fn run(args: &PushArgs) -> anyhow::Result<bool> {
    let target = match (&args.graph_store, &args.endpoint) {
        (Some(url), _) => Target::GraphStore(check_url(url, "--graph-store")?),
        (None, Some(url)) => Target::Update(check_url(url, "--endpoint")?),
        (None, None) => bail!("give --graph-store URL (Graph Store Protocol) or --endpoint URL (SPARQL Update)"),
    };
    anyhow::ensure!(
        args.timeout.is_finite() && args.timeout > 0.0,
        "--timeout {}: expected a positive number of seconds",
        args.timeout
    );
    let auth = match &args.user {
        Some(user) => {
            let password = std::env::var("NEWSKG_PUSH_PASSWORD").unwrap_or_default();
            Some(format!("Basic {}", base64(format!("{user}:{password}").as_bytes())))
        }
        None => None,
    };
    let path = args.store.path();
    let store = KnowledgeStore::open_read_only(&path)?;
    let graphs: Vec<NamedNode> = if args.graphs.is_empty() {
        let mut all: Vec<NamedNode> = store
            .inner()
            .named_graphs()
            .filter_map(|g| match g {
                Ok(NamedOrBlankNode::NamedNode(n)) => Some(Ok(n)),
                Ok(NamedOrBlankNode::BlankNode(_)) => None,
                Err(e) => Some(Err(e)),
            })
            .collect::<Result<_, _>>()?;
        all.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        all
    } else {
        args.graphs
            .iter()
            .map(|g| NamedNode::new(g.trim_matches(['<', '>'])).with_context(|| format!("--graph {g}: not an IRI")))
            .collect::<anyhow::Result<_>>()?
    };
    let client = Client::new()
        .with_global_timeout(Duration::from_secs_f64(args.timeout))
        .with_user_agent(concat!("newskg/", env!("CARGO_PKG_VERSION")))
        .map_err(anyhow::Error::msg)?;
    let started = Instant::now();
    let (mut sent, mut failed, mut triples, mut bytes) = (0usize, 0usize, 0usize, 0usize);
    let url_shown = match &target {
        Target::GraphStore(u) | Target::Update(u) => u.clone(),
    };
    for graph in &graphs {
        let quads: Vec<Quad> = store.graph_quads(graph.as_ref().into())?;
        if quads.is_empty() {
            eprintln!("newskg: push: {}: no such graph in {}", graph.as_str(), path.display());
            failed += 1;
            continue;
        }
        let requests: Vec<(Method, String, &str, Vec<u8>)> = match &target {
            Target::GraphStore(base) => {
                let sep = if base.contains('?') { '&' } else { '?' };
                let url = format!("{base}{sep}graph={}", encode(graph.as_str()));
                vec![(Method::PUT, url, "application/n-triples", ntriples(&quads)?)]
            }
            Target::Update(endpoint) => insert_updates(graph, &quads)?
                .into_iter()
                .map(|u| {
                    let body = format!("update={}", encode(&u)).into_bytes();
                    (Method::POST, endpoint.clone(), "application/x-www-form-urlencoded", body)
                })
                .collect(),
        };
        let size: usize = requests.iter().map(|r| r.3.len()).sum();
        let mut outcome = Ok(StatusCode::OK);
        for (method, url, content_type, body) in requests {
            outcome = send(&client, &method, &url, content_type, auth.as_deref(), body, args.retries);
            if outcome.is_err() {
                break;
            }
        }
        match outcome {
            Ok(status) => {
                sent += 1;
                triples += quads.len();
                bytes += size;
                if args.verbose {
                    eprintln!("newskg: push: {} ({} triples): {status}", graph.as_str(), quads.len());
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("newskg: push: {}: {e:#}", graph.as_str());
            }
        }
    }
    eprintln!(
        "newskg: pushed {sent} graph{} ({triples} triples, {:.1} MB) to {url_shown} in {:.1} s{}",
        if sent == 1 { "" } else { "s" },
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64(),
        if failed > 0 { format!("; {failed} failed") } else { String::new() }
    );
    if sent == 0 && failed > 0 {
        bail!("nothing was pushed to {url_shown}");
    }
    Ok(failed == 0)
}

fn check_url(url: &str, flag: &str) -> anyhow::Result<String> {
    let ok = (url.starts_with("http://") || url.starts_with("https://")) && url.parse::<oxhttp::model::Uri>().is_ok();
    anyhow::ensure!(ok, "{flag} {url:?}: expected an http:// or https:// URL");
    Ok(url.to_string())
}

/// Send one request, retrying connection errors and 5xx/429 answers; the final status on success.
fn send(
    client: &Client,
    method: &Method,
    url: &str,
    content_type: &str,
    auth: Option<&str>,
    body: Vec<u8>,
    retries: u32,
) -> anyhow::Result<StatusCode> {
    let attempts = retries.max(1);
    let mut last = String::new();
    for attempt in 1..=attempts {
        let mut request = Request::builder().method(method.clone()).uri(url).header(CONTENT_TYPE, content_type);
        if let Some(a) = auth {
            request = request.header(AUTHORIZATION, a);
        }
        let request = request.body(Body::from(body.clone())).context("cannot build the request")?;
        match client.request(request) {
            Ok(response) => {
                let status = response.status();
                if status.is_success() {
                    return Ok(status);
                }
                let message = response.into_body().to_string().unwrap_or_default();
                let message: String = message.trim().chars().take(500).collect();
                last = format!("{method} {url}: {status}: {message}");
                if !(status.is_server_error() || status == StatusCode::TOO_MANY_REQUESTS) {
                    bail!(last);
                }
            }
            Err(e) => last = format!("{method} {url}: {e}"),
        }
        if attempt < attempts {
            std::thread::sleep(Duration::from_millis(500 << (attempt - 1).min(6)));
        }
    }
    bail!("{last} (after {attempts} attempts)")
}

fn ntriples(quads: &[Quad]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    crate::store::write_quads(crate::graph::Format::Ntriples, quads, &mut out)?;
    Ok(out)
}

/// The updates that replace graph `g`: `DROP SILENT GRAPH <g>` with the first [`INSERT_CHUNK`] triples in
/// INSERT DATA, then one INSERT DATA for each further chunk.
fn insert_updates(graph: &NamedNode, quads: &[Quad]) -> anyhow::Result<Vec<String>> {
    let mut updates = Vec::new();
    for (i, chunk) in quads.chunks(INSERT_CHUNK).enumerate() {
        let mut update = if i == 0 { format!("DROP SILENT GRAPH {graph} ;\n") } else { String::new() };
        writeln!(update, "INSERT DATA {{ GRAPH {graph} {{")?;
        update.push_str(&String::from_utf8(ntriples(chunk)?)?);
        update.push_str("} }\n");
        updates.push(update);
    }
    Ok(updates)
}

fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn base64(data: &[u8]) -> String {
    const TABLE: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(TABLE[(n >> (18 - 6 * i)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn basic_auth_is_base64() {
        assert_eq!(base64(b"dba:dba"), "ZGJhOmRiYQ==");
        assert_eq!(base64(b"ab"), "YWI=");
        assert_eq!(base64(b"abc"), "YWJj");
    }

    #[test]
    fn update_replaces_the_graph_in_chunks() {
        let g = NamedNode::new("http://example.org/g").unwrap();
        let quads: Vec<Quad> = (0..INSERT_CHUNK + 1)
            .map(|i| {
                Quad::new(
                    NamedNode::new(format!("http://example.org/s{i}")).unwrap(),
                    NamedNode::new("http://example.org/p").unwrap(),
                    oxigraph::model::Literal::new_simple_literal("o"),
                    g.clone(),
                )
            })
            .collect();
        let updates = insert_updates(&g, &quads).unwrap();
        assert_eq!(updates.len(), 2);
        assert!(updates[0]
            .starts_with("DROP SILENT GRAPH <http://example.org/g> ;\nINSERT DATA { GRAPH <http://example.org/g> {"));
        assert!(updates[1].starts_with("INSERT DATA { GRAPH <http://example.org/g> {"));
        let triples: usize = updates.iter().map(|u| u.lines().filter(|l| l.ends_with(" .")).count()).sum();
        assert_eq!(triples, INSERT_CHUNK + 1);
        for u in &updates {
            // Each update parses as SPARQL.
            let _parsed = oxigraph::sparql::SparqlEvaluator::new().parse_update(u).unwrap();
        }
    }
}
