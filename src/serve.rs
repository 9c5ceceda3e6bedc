//! `newskg serve`: a read-only SPARQL 1.1 Protocol endpoint over the store, with a query page for browsers.
//!
//! - `GET /sparql?query=...` and `POST /sparql` (`application/sparql-query`, or a form with `query=`), with
//!   `default-graph-uri` / `named-graph-uri`; without them the default graph is the union of all article graphs,
//!   as for `newskg query`. `GET /sparql` with no query returns a service description.
//! - Results by content negotiation (`Accept`, or a `format=` parameter): SPARQL JSON, XML, CSV, TSV for SELECT
//!   and ASK; Turtle, N-Triples, RDF/XML, JSON-LD, TriG, N-Quads for CONSTRUCT and DESCRIBE.
//! - Read-only: SPARQL Update is refused with 403. Each query is cancelled after the timeout (503). Bodies above
//!   the size limit get 413, results above theirs 507. Federated `SERVICE` calls are refused unless the server
//!   was started to allow them. Connections, threads and slow clients are bounded by [`crate::http`].
//! - `GET /` is a query page; `GET /queries` lists the saved queries as JSON and `GET /queries/NAME?PARAM=VALUE`
//!   returns a saved query's text with its parameters bound, ready to send to `/sparql`.
//! - `GET /report` is `newskg report` of the store, its scope given as parameters (`article`, `person`, `node`,
//!   `from`, `to`, `class`: see [`crate::report::Scope`]); the report's names and the query page's results link
//!   to the reports of the people, organisations, places, articles and events they name.

use std::io::Read;
use std::net::SocketAddr;
use std::sync::{mpsc, Arc};
use std::time::Duration;

use oxhttp::model::header::{ACCEPT, CONTENT_TYPE};
use oxhttp::model::{Body, HeaderValue, Method, Request, Response, StatusCode};
use oxigraph::model::{GraphName, NamedNode, NamedOrBlankNode};
use oxigraph::sparql::{CancellationToken, QueryEvaluationError, QueryResults};
use oxigraph::store::Store;

use crate::article::parse_day;
use crate::http::Limits;
use crate::queries::{describe, find_saved, SAVED};
use crate::report::{render, Links, ReportError, Scope};
use crate::store::{bind_parameters, evaluator, parse_query, write_results, ResultFormat, ResultsError};

/// How the endpoint behaves, and its bounds (issue 20; `newskg serve --help` names each flag).
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Each query is cancelled after this long; a request that waited this long for a worker is not run.
    pub timeout: Duration,
    /// Largest request body (and URL query string) accepted, in bytes.
    pub max_body: usize,
    /// Largest query result, in bytes as serialised.
    pub max_result: usize,
    /// Requests answered at once.
    pub workers: usize,
    /// Open connections at most.
    pub max_connections: usize,
    /// Time a client has to send a whole request.
    pub read_timeout: Duration,
    /// Time a client has to take a whole response.
    pub write_timeout: Duration,
    /// Let queries call other endpoints with `SERVICE`.
    pub allow_service: bool,
}

/// How long a cancelled evaluation is waited for, so that cancelled queries do not pile up beyond the workers
/// (Oxigraph checks the cancellation at each quad it reads, so it stops within milliseconds but for a sort).
const CANCEL_GRACE: Duration = Duration::from_secs(5);

struct Endpoint {
    store: Store,
    options: ServeOptions,
}

/// Serve `store` on `addrs` until the process is stopped.
pub fn serve(store: Store, addrs: &[SocketAddr], options: ServeOptions) -> std::io::Result<()> {
    let limits = Limits {
        workers: options.workers,
        max_connections: options.max_connections,
        read_timeout: options.read_timeout,
        write_timeout: options.write_timeout,
        max_wait: options.timeout,
        max_body: options.max_body,
        // Each worker's result may be waiting for a slow client; beyond that, new results are refused.
        max_held: options.max_result.saturating_mul(options.workers.max(1)),
    };
    let endpoint = Endpoint { store, options };
    let handler = move |request: &mut Request<Body>| {
        let mut response = endpoint.handle(request);
        // Browsers may call the endpoint from another origin (YASGUI and other query editors).
        response.headers_mut().insert("Access-Control-Allow-Origin", HeaderValue::from_static("*"));
        response
    };
    crate::http::serve(addrs, limits, Arc::new(handler))
}

fn text(status: StatusCode, message: impl Into<String>) -> Response<Body> {
    let mut body = message.into();
    body.push('\n');
    Response::builder()
        .status(status)
        .header(CONTENT_TYPE, "text/plain; charset=utf-8")
        .body(Body::from(body))
        .expect("valid response")
}

fn content(content_type: &str, body: Vec<u8>) -> Response<Body> {
    Response::builder().header(CONTENT_TYPE, content_type).body(Body::from(body)).expect("valid response")
}

/// The parameters of a query string or form body, percent-decoded.
fn form(data: &[u8]) -> Vec<(String, String)> {
    form_urlencoded::parse(data).map(|(k, v)| (k.into_owned(), v.into_owned())).collect()
}

impl Endpoint {
    fn handle(&self, request: &mut Request<Body>) -> Response<Body> {
        let path = request.uri().path().to_string();
        let query_string = request.uri().query().unwrap_or("").to_string();
        if query_string.len() > self.options.max_body {
            return text(StatusCode::URI_TOO_LONG, "the query string is longer than the server's limit");
        }
        let url_params = form(query_string.as_bytes());
        match (request.method().clone(), path.as_str()) {
            (Method::OPTIONS, _) => Response::builder()
                .status(StatusCode::NO_CONTENT)
                .header("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
                .header("Access-Control-Allow-Headers", "Accept, Content-Type")
                .body(Body::empty())
                .expect("valid response"),
            (Method::GET | Method::HEAD, "/") => content("text/html; charset=utf-8", page().into_bytes()),
            (Method::GET | Method::HEAD, "/queries") => content("application/json", saved_queries_json()),
            (Method::GET | Method::HEAD, "/report") => self.report(&url_params),
            (Method::GET | Method::HEAD, p) if p.starts_with("/queries/") => saved_query(&p[9..], &url_params),
            (Method::GET | Method::HEAD, "/sparql") => {
                if url_params.iter().any(|(k, _)| k == "update") {
                    return read_only();
                }
                match url_params.iter().find(|(k, _)| k == "query") {
                    Some((_, q)) => self.query(q, &url_params, request),
                    None => content("text/turtle", service_description(request).into_bytes()),
                }
            }
            (Method::POST, "/sparql") => {
                let media = request
                    .headers()
                    .get(CONTENT_TYPE)
                    .and_then(|v| v.to_str().ok())
                    .map(|v| v.split(';').next().unwrap_or("").trim().to_ascii_lowercase())
                    .unwrap_or_default();
                let body = match self.body(request) {
                    Ok(b) => b,
                    Err(response) => return *response,
                };
                match media.as_str() {
                    "application/sparql-query" => match String::from_utf8(body) {
                        Ok(q) => self.query(&q, &url_params, request),
                        Err(_) => text(StatusCode::BAD_REQUEST, "the query is not UTF-8"),
                    },
                    "application/x-www-form-urlencoded" => {
                        let mut params = form(&body);
                        if params.iter().any(|(k, _)| k == "update") {
                            return read_only();
                        }
                        params.extend(url_params);
                        match params.iter().find(|(k, _)| k == "query") {
                            Some((_, q)) => self.query(&q.clone(), &params, request),
                            None => text(StatusCode::BAD_REQUEST, "the form has no query parameter"),
                        }
                    }
                    "application/sparql-update" => read_only(),
                    other => text(
                        StatusCode::UNSUPPORTED_MEDIA_TYPE,
                        format!(
                            "unsupported Content-Type {other:?}: send application/sparql-query or \
                             application/x-www-form-urlencoded"
                        ),
                    ),
                }
            }
            (_, "/sparql") => {
                let mut r = text(StatusCode::METHOD_NOT_ALLOWED, "use GET or POST");
                r.headers_mut().insert("Allow", HeaderValue::from_static("GET, POST, OPTIONS"));
                r
            }
            _ => text(StatusCode::NOT_FOUND, format!("nothing at {path}: the SPARQL endpoint is /sparql")),
        }
    }

    /// `/report?...`: the report of the part of the store the parameters name.
    fn report(&self, params: &[(String, String)]) -> Response<Body> {
        let get = |name: &str| params.iter().find(|(k, _)| k == name).map(|(_, v)| v.trim().to_string());
        let get = |name: &str| get(name).filter(|v| !v.is_empty());
        let day = |name: &str| -> Result<Option<chrono::NaiveDate>, Box<Response<Body>>> {
            get(name)
                .map(|v| parse_day(&v).map_err(|why| Box::new(text(StatusCode::BAD_REQUEST, format!("{name}={why}")))))
                .transpose()
        };
        let (from, to) = match (day("from"), day("to")) {
            (Ok(f), Ok(t)) => (f, t),
            (Err(r), _) | (_, Err(r)) => return *r,
        };
        let scope = Scope {
            article: get("article"),
            person: get("person"),
            node: get("node"),
            from,
            to,
            class: get("class"),
            ..Scope::default()
        };
        match render(&self.store, &scope, Links::Server) {
            Ok(page) => content("text/html; charset=utf-8", page.into_bytes()),
            Err(ReportError::NotFound(why)) => text(StatusCode::NOT_FOUND, why),
            Err(e) => text(StatusCode::INTERNAL_SERVER_ERROR, format!("cannot make the report: {e}")),
        }
    }

    /// The request body, refused with 413 beyond the limit.
    fn body(&self, request: &mut Request<Body>) -> Result<Vec<u8>, Box<Response<Body>>> {
        let limit = self.options.max_body;
        if request.body().len().is_some_and(|n| n > limit as u64) {
            return Err(Box::new(too_large(limit)));
        }
        let mut body = Vec::new();
        request
            .body_mut()
            .take(limit as u64 + 1)
            .read_to_end(&mut body)
            .map_err(|e| Box::new(text(StatusCode::BAD_REQUEST, format!("cannot read the request body: {e}"))))?;
        if body.len() > limit {
            return Err(Box::new(too_large(limit)));
        }
        Ok(body)
    }

    fn query(&self, text_of_query: &str, params: &[(String, String)], request: &Request<Body>) -> Response<Body> {
        let token = CancellationToken::new();
        let evaluator = evaluator(self.options.allow_service).with_cancellation_token(token.clone());
        let mut query = match parse_query(text_of_query) {
            Ok(q) => evaluator.for_query(crate::plan::lateral_optionals(q)),
            Err(e) => return text(StatusCode::BAD_REQUEST, format!("SPARQL syntax error: {e}")),
        };
        let graphs = |name: &str| -> Result<Vec<NamedNode>, Box<Response<Body>>> {
            params
                .iter()
                .filter(|(k, _)| k == name)
                .map(|(_, v)| {
                    NamedNode::new(v.as_str()).map_err(|e| {
                        Box::new(text(StatusCode::BAD_REQUEST, format!("{name} {v:?} is not an IRI: {e}")))
                    })
                })
                .collect()
        };
        let (default, named) = match (graphs("default-graph-uri"), graphs("named-graph-uri")) {
            (Ok(d), Ok(n)) => (d, n),
            (Err(r), _) | (_, Err(r)) => return *r,
        };
        if default.is_empty() && named.is_empty() {
            if query.dataset().is_default_dataset() {
                query.dataset_mut().set_default_graph_as_union();
            }
        } else {
            query.dataset_mut().set_default_graph(default.into_iter().map(GraphName::from).collect());
            query.dataset_mut().set_available_named_graphs(named.into_iter().map(NamedOrBlankNode::from).collect());
        }
        let accept = accept_of(request, params);

        // The evaluation runs on its own thread: at the timeout the client gets its answer at once, and the
        // evaluation is cancelled (it stops at its next cancellation check).
        let timeout = self.options.timeout;
        let max_result = self.options.max_result;
        let store = self.store.clone();
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            // The receiver is gone when the request timed out; nothing is left to do then.
            let _ = sender.send(evaluate(&store, query, &accept, max_result));
        });
        let result = match receiver.recv_timeout(timeout) {
            Ok(result) => result,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                token.cancel();
                // The worker waits for the evaluation to stop, so that at most one runs for each worker.
                let _ = receiver.recv_timeout(CANCEL_GRACE);
                Err(Failure::Evaluation(QueryEvaluationError::Cancelled))
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => {
                return text(StatusCode::INTERNAL_SERVER_ERROR, "the query evaluation failed unexpectedly")
            }
        };
        match result {
            Ok((content_type, body)) => content(content_type, body),
            Err(Failure::Evaluation(QueryEvaluationError::Cancelled)) => text(
                StatusCode::SERVICE_UNAVAILABLE,
                format!("the query was cancelled after the server's timeout of {} s", timeout.as_secs_f64()),
            ),
            Err(Failure::Evaluation(QueryEvaluationError::UnsupportedService(s))) => text(
                StatusCode::BAD_REQUEST,
                format!(
                    "SERVICE <{}>: federated queries are off on this endpoint (newskg serve --allow-service)",
                    s.as_str()
                ),
            ),
            Err(Failure::Evaluation(e)) => {
                text(StatusCode::INTERNAL_SERVER_ERROR, format!("query evaluation failed: {e}"))
            }
            Err(Failure::NotAcceptable(offered)) => text(
                StatusCode::NOT_ACCEPTABLE,
                format!("no result format matches the Accept header; this query's results are offered as {offered}"),
            ),
            Err(Failure::Io(e)) => text(StatusCode::INTERNAL_SERVER_ERROR, format!("cannot write the results: {e}")),
            Err(Failure::TooLarge) => text(
                StatusCode::INSUFFICIENT_STORAGE,
                format!(
                    "the results are larger than the server's limit of {max_result} bytes (newskg serve \
                     --max-result): add a LIMIT or narrow the query"
                ),
            ),
        }
    }
}

fn read_only() -> Response<Body> {
    text(
        StatusCode::FORBIDDEN,
        "this endpoint is read-only: SPARQL Update is refused (load articles with `newskg load`)",
    )
}

fn too_large(limit: usize) -> Response<Body> {
    text(StatusCode::PAYLOAD_TOO_LARGE, format!("the request body is larger than the server's limit of {limit} bytes"))
}

enum Failure {
    Evaluation(QueryEvaluationError),
    NotAcceptable(&'static str),
    Io(std::io::Error),
    TooLarge,
}

impl From<QueryEvaluationError> for Failure {
    fn from(e: QueryEvaluationError) -> Self {
        Failure::Evaluation(e)
    }
}

/// Media types offered for solutions (SELECT, ASK), best first, with their short names for `format=`.
const SOLUTION_TYPES: &[(&str, &str, ResultFormat)] = &[
    ("application/sparql-results+json", "json", ResultFormat::Json),
    ("application/json", "json", ResultFormat::Json),
    ("application/sparql-results+xml", "xml", ResultFormat::Xml),
    ("application/xml", "xml", ResultFormat::Xml),
    ("text/csv", "csv", ResultFormat::Csv),
    ("text/tab-separated-values", "tsv", ResultFormat::Tsv),
];

/// Media types offered for graphs (CONSTRUCT, DESCRIBE), best first.
const GRAPH_TYPES: &[(&str, &str, ResultFormat)] = &[
    ("text/turtle", "turtle", ResultFormat::Turtle),
    ("application/n-triples", "ntriples", ResultFormat::Ntriples),
    ("application/rdf+xml", "rdfxml", ResultFormat::Rdfxml),
    ("application/ld+json", "jsonld", ResultFormat::Jsonld),
    ("application/trig", "trig", ResultFormat::Trig),
    ("application/n-quads", "nquads", ResultFormat::Nquads),
];

/// The client's preferences: a `format=` parameter (a short name or a media type) wins over `Accept`.
fn accept_of(request: &Request<Body>, params: &[(String, String)]) -> Vec<(String, f32)> {
    if let Some((_, f)) = params.iter().find(|(k, _)| k == "format" || k == "output") {
        return vec![(f.to_ascii_lowercase(), 1.0)];
    }
    let header = request.headers().get(ACCEPT).and_then(|v| v.to_str().ok()).unwrap_or("*/*");
    let mut out: Vec<(String, f32)> = header
        .split(',')
        .filter_map(|item| {
            let mut parts = item.split(';');
            let media = parts.next()?.trim().to_ascii_lowercase();
            let q = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            (!media.is_empty() && q > 0.0).then_some((media, q))
        })
        .collect();
    // Highest q first; equal q keeps the client's order.
    out.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
    out
}

/// The first offered (media type, format) the client accepts.
fn negotiate(
    accept: &[(String, f32)],
    offered: &'static [(&'static str, &'static str, ResultFormat)],
) -> Option<(&'static str, ResultFormat)> {
    for (media, _) in accept {
        let hit = offered.iter().find(|(m, short, _)| {
            media == m
                || media == short
                || media == "*/*"
                || media.strip_suffix("/*").is_some_and(|main| m.starts_with(&format!("{main}/")))
        });
        if let Some((m, _, f)) = hit {
            return Some((m, *f));
        }
    }
    None
}

/// Serialised results, refused once they pass the limit (the evaluation stops there too).
struct Bounded {
    bytes: Vec<u8>,
    limit: usize,
    over: bool,
}

impl std::io::Write for Bounded {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.bytes.len() + buf.len() > self.limit {
            self.over = true;
            return Err(std::io::Error::other("over the result size limit"));
        }
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn evaluate(
    store: &Store,
    query: oxigraph::sparql::PreparedSparqlQuery,
    accept: &[(String, f32)],
    max_result: usize,
) -> Result<(&'static str, Vec<u8>), Failure> {
    let results = query.on_store(store).execute()?;
    let (media, format) = match &results {
        QueryResults::Graph(_) => negotiate(accept, GRAPH_TYPES)
            .ok_or(Failure::NotAcceptable("Turtle, N-Triples, RDF/XML, JSON-LD, TriG or N-Quads"))?,
        _ => negotiate(accept, SOLUTION_TYPES).ok_or(Failure::NotAcceptable("SPARQL JSON, XML, CSV or TSV"))?,
    };
    let mut out = Bounded { bytes: Vec::new(), limit: max_result, over: false };
    write_results(results, format, &mut out).map_err(|e| match e {
        _ if out.over => Failure::TooLarge,
        ResultsError::Evaluation(e) => Failure::Evaluation(e),
        ResultsError::Io(e) => Failure::Io(e),
    })?;
    Ok((media, out.bytes))
}

/// A SPARQL 1.1 Service Description of the endpoint.
fn service_description(request: &Request<Body>) -> String {
    let host = request.headers().get("Host").and_then(|h| h.to_str().ok()).unwrap_or("localhost");
    let mut formats = String::new();
    for (_, f) in [("", "SPARQL_Results_JSON"), ("", "SPARQL_Results_XML"), ("", "SPARQL_Results_CSV")].iter().chain(&[
        ("", "SPARQL_Results_TSV"),
        ("", "Turtle"),
        ("", "N-Triples"),
        ("", "RDF_XML"),
        ("", "JSON-LD"),
    ]) {
        formats.push_str(&format!(" <http://www.w3.org/ns/formats/{f}>,"));
    }
    formats.pop();
    format!(
        "@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n\
         [] a sd:Service ;\n  sd:endpoint <http://{host}/sparql> ;\n  sd:supportedLanguage sd:SPARQL11Query ;\n  \
         sd:resultFormat{formats} ;\n  sd:feature sd:UnionDefaultGraph ;\n  \
         sd:defaultDataset [ a sd:Dataset ; sd:defaultGraph [ a sd:Graph ] ] .\n"
    )
}

fn saved_queries_json() -> Vec<u8> {
    let list: Vec<serde_json::Value> = SAVED
        .iter()
        .map(|(name, text)| {
            let (summary, params) = describe(text);
            serde_json::json!({ "name": name, "summary": summary, "parameters": params, "query": text })
        })
        .collect();
    serde_json::to_vec_pretty(&list).expect("JSON of strings")
}

/// `/queries/NAME?PARAM=VALUE`: the saved query with its parameters bound.
fn saved_query(name: &str, params: &[(String, String)]) -> Response<Body> {
    let Some(query) = find_saved(name) else {
        let names: Vec<&str> = SAVED.iter().map(|(n, _)| *n).collect();
        return text(
            StatusCode::NOT_FOUND,
            format!("no saved query named {name:?}; saved queries: {}", names.join(", ")),
        );
    };
    match bind_parameters(query, params) {
        Ok(bound) => content("application/sparql-query; charset=utf-8", bound.into_bytes()),
        Err(e) => text(StatusCode::BAD_REQUEST, e.to_string()),
    }
}

/// The query page: a query box, the saved queries, results as a table.
fn page() -> String {
    let queries = String::from_utf8(saved_queries_json()).expect("UTF-8 JSON").replace("</", "<\\/");
    PAGE.replace("/*SAVED*/[]", &queries).replace("{version}", env!("CARGO_PKG_VERSION"))
}

const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>newskg SPARQL endpoint</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.4 system-ui,sans-serif;margin:1.5em auto;max-width:70em;padding:0 1em;color:#222}
textarea{width:100%;height:14em;font:13px/1.35 ui-monospace,monospace;box-sizing:border-box}
table{border-collapse:collapse;margin-top:1em;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
th{background:#f3f3f3}#status{margin-left:1em;color:#555}.error{color:#a00;white-space:pre-wrap}
label{margin-right:1em}small{color:#666}
</style></head><body>
<h1>newskg SPARQL endpoint</h1>
<p><small>newskg {version} · SPARQL 1.1 Protocol at <code>/sparql</code> (read-only) · the default graph is the union of all article graphs · saved queries as JSON at <code>/queries</code> · <a href="/report">report of the store</a> (results' people, articles and events link to theirs)</small></p>
<p><label>Saved query <select id="saved"><option value="">(write your own)</option></select></label><span id="params"></span></p>
<p id="summary"></p>
<form id="form"><textarea id="query" name="query" spellcheck="false">SELECT ?person ?name WHERE {
  ?person a schema:Person ; schema:name ?name .
} ORDER BY ?name LIMIT 25</textarea>
<p><button type="submit">Run</button><span id="status"></span></p></form>
<div id="results"></div>
<script>
const saved = /*SAVED*/[];
const sel = document.getElementById('saved'), q = document.getElementById('query');
const params = document.getElementById('params'), status = document.getElementById('status');
const prefixes = `PREFIX schema: <https://schema.org/>
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX itsrdf: <http://www.w3.org/2005/11/its/rdf#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX nkg: <https://w3id.org/newskg/ontology#>
`;
for (const s of saved) { const o = document.createElement('option'); o.value = s.name; o.textContent = s.name; sel.appendChild(o); }
async function loadSaved() {
  const s = saved.find(x => x.name === sel.value);
  document.getElementById('summary').textContent = s ? s.summary : '';
  if (!s) { params.innerHTML = ''; return; }
  if (!params.dataset.name || params.dataset.name !== s.name) {
    params.dataset.name = s.name; params.innerHTML = '';
    for (const p of s.parameters) {
      const name = p.split(/\s/)[0], l = document.createElement('label'), i = document.createElement('input');
      i.name = name; i.placeholder = p; i.onchange = loadSaved; l.append(' ' + name + ' ', i); params.appendChild(l);
    }
  }
  const qs = new URLSearchParams();
  for (const i of params.querySelectorAll('input')) if (i.value) qs.append(i.name, i.value);
  const r = await fetch('/queries/' + encodeURIComponent(s.name) + '?' + qs);
  q.value = await r.text();
}
sel.onchange = loadSaved;
function cell(t) {
  if (!t) return '';
  if (t.type === 'uri') return t.value;
  return t.value + (t['xml:lang'] ? '@' + t['xml:lang'] : '');
}
// newskg's own IRIs (in a cell, or in a list of them) link to their report.
const base = 'https://w3id.org/newskg/id/';
function fill(td, s) {
  for (const part of s.split(/(\s+)/)) {
    if (part.startsWith(base) && !part.startsWith(base + 'graph/')) {
      const a = document.createElement('a'); a.href = '/report?node=' + encodeURIComponent(part); a.textContent = part; td.appendChild(a);
    } else if (part) td.appendChild(document.createTextNode(part));
  }
}
document.getElementById('form').onsubmit = async e => {
  e.preventDefault();
  const out = document.getElementById('results'); out.innerHTML = ''; status.textContent = 'running…';
  const text = /^\s*(PREFIX|BASE)\b/i.test(q.value) ? q.value : prefixes + q.value;
  const t0 = performance.now();
  const r = await fetch('/sparql', {method: 'POST', body: new URLSearchParams({query: text}),
    headers: {'Accept': 'application/sparql-results+json, text/turtle;q=0.9'}});
  const body = await r.text();
  status.textContent = `${r.status} ${r.statusText} · ${Math.round(performance.now() - t0)} ms`;
  if (!r.ok) { const p = document.createElement('p'); p.className = 'error'; p.textContent = body; out.appendChild(p); return; }
  if (!(r.headers.get('Content-Type') || '').includes('json')) { const p = document.createElement('pre'); p.textContent = body; out.appendChild(p); return; }
  const j = JSON.parse(body);
  if ('boolean' in j) { out.textContent = String(j.boolean); return; }
  const table = document.createElement('table'), head = table.insertRow();
  for (const v of j.head.vars) { const th = document.createElement('th'); th.textContent = v; head.appendChild(th); }
  for (const b of j.results.bindings) { const tr = table.insertRow(); for (const v of j.head.vars) fill(tr.insertCell(), cell(b[v])); }
  status.textContent += ` · ${j.results.bindings.length} rows`;
  out.appendChild(table);
};
</script></body></html>
"#;

#[cfg(test)]
mod tests {
    use super::*;

    fn prefs(header: &str) -> Vec<(String, f32)> {
        let request = Request::builder().header(ACCEPT, header).body(Body::empty()).unwrap();
        accept_of(&request, &[])
    }

    #[test]
    fn content_negotiation_follows_q_values_and_wildcards() {
        assert_eq!(
            negotiate(&prefs("text/csv;q=0.5, application/sparql-results+xml"), SOLUTION_TYPES).unwrap().1,
            ResultFormat::Xml
        );
        assert_eq!(negotiate(&prefs("*/*"), SOLUTION_TYPES).unwrap().0, "application/sparql-results+json");
        assert_eq!(negotiate(&prefs("text/*"), SOLUTION_TYPES).unwrap().1, ResultFormat::Csv);
        assert_eq!(negotiate(&prefs("text/*"), GRAPH_TYPES).unwrap().1, ResultFormat::Turtle);
        assert_eq!(negotiate(&prefs("application/ld+json"), GRAPH_TYPES).unwrap().1, ResultFormat::Jsonld);
        assert!(negotiate(&prefs("image/png"), SOLUTION_TYPES).is_none());
        let request = Request::builder().body(Body::empty()).unwrap();
        let by_param = accept_of(&request, &[("format".into(), "tsv".into())]);
        assert_eq!(negotiate(&by_param, SOLUTION_TYPES).unwrap().0, "text/tab-separated-values");
    }
}
