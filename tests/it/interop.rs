//! Interoperability: other tools read, validate and query what newskg writes. These tests run the real tools
//! (rdflib, Raptor's rapper, pyshacl, rudof, Virtuoso) that `scripts/setup.sh` installs; a missing tool fails the
//! test with the command that installs it.

use std::collections::BTreeMap;
use std::io::Read;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use assert_cmd::cargo::CommandCargoExt;
use oxhttp::model::{Body, Method, Request};

use crate::common::{root, Server};

fn newskg() -> Command {
    Command::cargo_bin("newskg").unwrap()
}

/// A program the test needs, or a failure saying how to get it.
fn require(program: &str) -> String {
    let found = Command::new("sh").arg("-c").arg(format!("command -v {program}")).output().unwrap();
    assert!(found.status.success(), "{program} is not installed: run scripts/setup.sh (it installs the interop tools)");
    program.to_string()
}

fn python(script: &str, args: &[&str]) -> String {
    let out =
        Command::new(require("python3")).arg(root().join("tests/interop").join(script)).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{script} {args:?} failed (scripts/setup.sh installs tests/interop/requirements.txt):\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A store in a temporary directory holding the example articles.
fn example_store() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    let status = newskg()
        .args(["load", "-j", "2", "--no-identity", "--store"])
        .arg(&store)
        .arg(root().join("examples/articles"))
        .status();
    assert!(status.unwrap().success());
    (dir, store)
}

fn run_ok(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "{cmd:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// One value from a one-cell CSV result.
fn count(store: &Path, query: &str) -> usize {
    let csv = run_ok(newskg().args(["query", "-f", "csv", "--store"]).arg(store).args(["-e", query]));
    csv.lines().nth(1).unwrap().trim().parse().unwrap()
}

#[test]
fn every_export_format_is_read_by_rdflib_and_rapper_with_the_stores_counts() {
    let rapper = require("rapper");
    let (dir, store) = example_store();
    let quads = count(&store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
    let triples = count(&store, "SELECT (COUNT(*) AS ?n) { SELECT DISTINCT ?s ?p ?o { GRAPH ?g { ?s ?p ?o } } }");
    assert!(quads > 5000 && triples < quads, "{quads} quads, {triples} distinct triples");
    for (format, ext, rapper_syntax) in [
        ("turtle", "ttl", Some("turtle")),
        ("trig", "trig", Some("trig")),
        ("ntriples", "nt", Some("ntriples")),
        ("nquads", "nq", Some("nquads")),
        ("rdfxml", "rdf", Some("rdfxml")),
        ("jsonld", "jsonld", None),
    ] {
        let file = dir.path().join(format!("examples.{ext}"));
        run_ok(newskg().args(["export", "-f", format, "-o"]).arg(&file).arg("--store").arg(&store));
        let expected = if matches!(format, "trig" | "nquads" | "jsonld") { quads } else { triples };
        let by_rdflib: usize = python("rdf_count.py", &[file.to_str().unwrap(), format]).trim().parse().unwrap();
        assert_eq!(by_rdflib, expected, "rdflib on {format}");
        if let Some(syntax) = rapper_syntax {
            let out = Command::new(&rapper).args(["-c", "-i", syntax]).arg(&file).output().unwrap();
            assert!(out.status.success(), "rapper on {format}: {}", String::from_utf8_lossy(&out.stderr));
            let report = String::from_utf8_lossy(&out.stderr);
            let n: usize = report
                .split("returned ")
                .nth(1)
                .and_then(|r| r.split_whitespace().next())
                .and_then(|n| n.parse().ok())
                .unwrap_or_else(|| panic!("rapper's count in {report:?}"));
            assert_eq!(n, expected, "rapper on {format}");
        }
    }
}

#[test]
fn three_shacl_engines_find_the_examples_conform_and_report_planted_violations() {
    let (dir, store) = example_store();
    let nq = dir.path().join("examples.nq");
    run_ok(newskg().args(["export", "-f", "nquads", "-o"]).arg(&nq).arg("--store").arg(&store));
    let shapes = root().join("ontology/shapes.ttl");
    let shapes = shapes.to_str().unwrap();

    // newskg's own validator, on the store and on the exported file.
    let out = newskg().args(["validate", "--store"]).arg(&store).output().unwrap();
    assert!(out.status.success(), "{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("9 graphs conform"));
    // pyshacl and rudof, each named graph on its own; pyshacl with and without RDFS entailment over the ontology.
    let ontology = root().join("ontology/newskg.ttl");
    let report: serde_json::Value =
        serde_json::from_str(&python("shacl_check.py", &[shapes, nq.to_str().unwrap(), ontology.to_str().unwrap()]))
            .unwrap();
    for engine in ["pyshacl", "rudof", "pyshacl_rdfs"] {
        assert_eq!(report[engine]["conforms"], true, "{engine}: {}", report[engine]);
    }

    // Plant two violations: a mention without offsets and an event without its class.
    let text = std::fs::read_to_string(&nq).unwrap();
    let mention = text.lines().find(|l| l.contains("#char=") && l.contains("nif-core#beginIndex")).unwrap();
    let mention = mention.split(' ').next().unwrap().to_string();
    let event = text.lines().find(|l| l.contains("22-rdf-syntax-ns#type> <https://w3id.org/newskg/ontology#Meeting>"));
    let event = event.unwrap().split(' ').next().unwrap().to_string();
    let planted: String = text
        .lines()
        .filter(|l| {
            let offset = l.starts_with(&format!("{mention} ")) && l.contains("Index>");
            let class = l.starts_with(&format!("{event} ")) && l.contains("ontology#Meeting>");
            !offset && !class
        })
        .map(|l| format!("{l}\n"))
        .collect();
    assert_eq!(planted.lines().count() + 3, text.lines().count());
    let bad = dir.path().join("planted.nq");
    std::fs::write(&bad, planted).unwrap();

    let expected = vec![
        (
            mention.trim_matches(['<', '>']).to_string(),
            "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex",
            "MinCountConstraintComponent",
        ),
        (
            mention.trim_matches(['<', '>']).to_string(),
            "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex",
            "MinCountConstraintComponent",
        ),
        (
            event.trim_matches(['<', '>']).to_string(),
            "http://www.w3.org/1999/02/22-rdf-syntax-ns#type",
            "QualifiedMinCountConstraintComponent",
        ),
    ];
    let report: serde_json::Value =
        serde_json::from_str(&python("shacl_check.py", &[shapes, bad.to_str().unwrap()])).unwrap();
    for engine in ["pyshacl", "rudof"] {
        assert_eq!(report[engine]["conforms"], false, "{engine}");
        let mut found: Vec<(String, &str, &str)> = report[engine]["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r[1].as_str().unwrap().to_string(), r[2].as_str().unwrap(), r[3].as_str().unwrap()))
            .collect();
        found.sort();
        assert_eq!(found, expected, "{engine}");
    }
    let out = newskg().args(["validate", "-f", "turtle"]).arg(&bad).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let ours = String::from_utf8(out.stdout).unwrap();
    for (focus, path, component) in &expected {
        assert!(ours.contains(&format!("sh:focusNode <{focus}>")), "{focus} not in\n{ours}");
        assert!(ours.contains(&format!("sh:resultPath <{path}>")) || ours.contains("sh:resultPath nif:"), "{path}");
        assert!(ours.contains(&format!("sh:{component}")), "{component}");
    }
    assert_eq!(ours.matches("a sh:ValidationResult").count(), 3, "{ours}");
}

/// One HTTP request: (status, content type, body).
fn http(
    method: Method,
    url: &str,
    accept: Option<&str>,
    body: Option<(&str, Vec<u8>)>,
) -> std::io::Result<(u16, String, String)> {
    let mut request = Request::builder().method(method).uri(url);
    if let Some(a) = accept {
        request = request.header("Accept", a);
    }
    let request = match body {
        Some((content_type, data)) => request.header("Content-Type", content_type).body(Body::from(data)),
        None => request.body(Body::empty()),
    }
    .unwrap();
    let response = oxhttp::Client::new().with_global_timeout(Duration::from_secs(60)).request(request)?;
    let status = response.status().as_u16();
    let content_type =
        response.headers().get("Content-Type").and_then(|v| v.to_str().ok()).unwrap_or_default().to_string();
    let mut text = String::new();
    response.into_body().read_to_string(&mut text)?;
    Ok((status, content_type, text))
}

fn form(query: &str) -> Option<(&'static str, Vec<u8>)> {
    let encoded: String = form_urlencoded::Serializer::new(String::new()).append_pair("query", query).finish();
    Some(("application/x-www-form-urlencoded", encoded.into_bytes()))
}

/// Parameters for each saved query that has any, naming people and roles of the example articles.
fn saved_query_params() -> BTreeMap<&'static str, Vec<&'static str>> {
    BTreeMap::from([
        ("about-person", vec!["person=Witkoff"]),
        ("articles-with-both", vec!["first=Putin", "second=Trump"]),
        ("event-sources", vec!["type=Meeting"]),
        ("people-with-role", vec!["role=president"]),
        ("roles-of-person", vec!["person=Barra"]),
        ("timeline", vec!["person=Putin"]),
        ("who-met-whom", vec![]),
        ("people", vec![]),
        ("time-expressions", vec![]),
        ("person-across-articles", vec!["person=Putin"]),
        ("events-reported-by-several", vec![]),
    ])
}

/// A SPARQL JSON term as its plain value; xsd:boolean in its canonical form ("1" and "0" are valid lexical forms
/// of true and false, and Virtuoso writes them).
fn plain_value(term: &serde_json::Value) -> String {
    let value = term["value"].as_str().unwrap_or("");
    if term["datatype"] == "http://www.w3.org/2001/XMLSchema#boolean" {
        return if matches!(value, "1" | "true") { "true" } else { "false" }.to_string();
    }
    value.to_string()
}

/// Rows of SPARQL JSON results as lists of plain values, sorted.
fn json_rows(json: &str) -> Vec<Vec<String>> {
    let v: serde_json::Value = serde_json::from_str(json).unwrap();
    let vars: Vec<String> = v["head"]["vars"].as_array().unwrap().iter().map(|x| x.as_str().unwrap().into()).collect();
    let mut rows: Vec<Vec<String>> = v["results"]["bindings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| vars.iter().map(|var| plain_value(&b[var])).collect())
        .collect();
    rows.sort();
    rows
}

/// Each saved query's bound text, and its rows from `newskg query`.
fn saved_queries_with_rows(store: &Path) -> Vec<(String, String, Vec<Vec<String>>)> {
    let mut out = Vec::new();
    for (name, params) in saved_query_params() {
        let mut show = newskg();
        show.args(["queries", name]);
        let mut query = newskg();
        query.args(["query", name, "-f", "json", "--store"]).arg(store);
        for p in &params {
            show.args(["--param", p]);
            query.args(["--param", p]);
        }
        let text = run_ok(&mut show);
        let rows = json_rows(&run_ok(&mut query));
        out.push((name.to_string(), text, rows));
    }
    out
}

#[test]
fn an_rdflib_sparql_client_gets_the_same_rows_from_serve_as_newskg_query() {
    let (dir, store) = example_store();
    let server = Server::start(&store, &[]);
    let queries = saved_queries_with_rows(&store);
    assert_eq!(queries.len(), newskg::queries::SAVED.len(), "every saved query has parameters in the test");
    let input = dir.path().join("queries.json");
    let list: Vec<serde_json::Value> =
        queries.iter().map(|(name, text, _)| serde_json::json!({"name": name, "query": text})).collect();
    std::fs::write(&input, serde_json::to_string(&list).unwrap()).unwrap();
    let answers: BTreeMap<String, Vec<Vec<String>>> = serde_json::from_str(&python(
        "sparql_client.py",
        &[&format!("{}/sparql", server.base), input.to_str().unwrap()],
    ))
    .unwrap();
    let mut non_empty = 0;
    for (name, _, rows) in &queries {
        let mut theirs = answers[name].clone();
        theirs.sort();
        assert_eq!(&theirs, rows, "{name}: rdflib through newskg serve vs newskg query");
        non_empty += usize::from(!rows.is_empty());
    }
    assert!(non_empty >= 8, "most saved queries have answers on the examples ({non_empty})");
}

#[test]
fn the_endpoint_negotiates_formats_and_refuses_bad_requests_clearly() {
    let (_dir, store) = example_store();
    let before = count(&store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
    let server = Server::start(&store, &["--timeout", "0.5", "--max-body", "4096"]);
    let sparql = format!("{}/sparql", server.base);
    let select = "SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name } ORDER BY ?name LIMIT 3";
    let get = |q: &str, accept: &str| {
        let url =
            format!("{sparql}?{}", form_urlencoded::Serializer::new(String::new()).append_pair("query", q).finish());
        http(Method::GET, &url, Some(accept), None).unwrap()
    };
    for (accept, content_type, probe) in [
        ("application/sparql-results+json", "application/sparql-results+json", "\"bindings\""),
        ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql"),
        ("text/csv", "text/csv", "name\r\n"),
        ("text/tab-separated-values", "text/tab-separated-values", "?name\n"),
    ] {
        let (status, ct, body) = get(select, accept);
        assert_eq!((status, ct.as_str()), (200, content_type), "{accept}: {body}");
        assert!(body.contains(probe), "{accept}: {body}");
    }
    let construct = "CONSTRUCT { ?p schema:name ?n } WHERE { ?p a schema:Person ; schema:name ?n }";
    for (accept, probe) in [
        ("text/turtle", "schema:name"),
        ("application/ld+json", "\"@id\""),
        ("application/n-triples", "<https://schema.org/name>"),
    ] {
        let (status, ct, body) = get(construct, accept);
        assert_eq!((status, ct.as_str()), (200, accept), "{body}");
        assert!(body.contains(probe), "{accept}: {body}");
    }
    // POST with a direct query body, and a form.
    let (status, _, body) =
        http(Method::POST, &sparql, Some("text/csv"), Some(("application/sparql-query", select.as_bytes().to_vec())))
            .unwrap();
    assert_eq!(status, 200, "{body}");
    assert_eq!(body.lines().count(), 4);
    let (status, _, body) = http(Method::POST, &sparql, Some("text/csv"), form("ASK { ?s a sem:Event }")).unwrap();
    assert_eq!((status, body.trim()), (200, "true"));

    // Errors: bad syntax, updates, unacceptable formats, oversized bodies, timeouts, federated calls.
    let (status, _, body) = get("SELECT ?x WHERE { ?x ", "application/sparql-results+json");
    assert_eq!(status, 400, "{body}");
    assert!(body.starts_with("SPARQL syntax error: error at 1:"), "{body}");
    let update = "DELETE WHERE { ?s ?p ?o }";
    let (status, _, body) =
        http(Method::POST, &sparql, None, Some(("application/sparql-update", update.as_bytes().to_vec()))).unwrap();
    assert_eq!(status, 403, "{body}");
    assert!(body.contains("read-only"));
    let update_form = form_urlencoded::Serializer::new(String::new()).append_pair("update", update).finish();
    let (status, _, _) =
        http(Method::POST, &sparql, None, Some(("application/x-www-form-urlencoded", update_form.into_bytes())))
            .unwrap();
    assert_eq!(status, 403);
    let after = count(&store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
    assert_eq!(after, before, "the refused updates deleted nothing");
    assert_eq!(get(select, "image/png").0, 406);
    let big = format!("{select} # {}", "x".repeat(5000));
    assert_eq!(http(Method::POST, &sparql, None, Some(("application/sparql-query", big.into_bytes()))).unwrap().0, 413);
    let started = Instant::now();
    let (status, _, body) = get("SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", "text/csv");
    assert_eq!(status, 503, "{body}");
    assert!(body.contains("timeout"), "{body}");
    assert!(started.elapsed() < Duration::from_secs(10), "answered at the timeout, not when the query ended");
    let (status, _, body) = get("SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }", "text/csv");
    assert_eq!(status, 400, "{body}");
    assert!(body.contains("--allow-service"), "{body}");
    // The page, the saved queries, and a service description.
    let (status, ct, page) = http(Method::GET, &format!("{}/", server.base), None, None).unwrap();
    assert_eq!((status, ct.as_str()), (200, "text/html; charset=utf-8"));
    assert!(page.contains("who-met-whom") && page.contains("<textarea"));
    let (status, _, bound) =
        http(Method::GET, &format!("{}/queries/roles-of-person?person=Peskov", server.base), None, None).unwrap();
    assert_eq!(status, 200);
    // A name parameter is looked up as a lower-case nkg:nameKey (issue 7), and bound as such.
    assert!(bound.contains("VALUES ?person { \"peskov\" }"), "{bound}");
    assert!(bound.contains("nkg:nameKey \"peskov\""), "{bound}");
    let (status, _, sd) = http(Method::GET, &sparql, None, None).unwrap();
    assert_eq!(status, 200);
    assert!(sd.contains("sd:Service"), "{sd}");
    assert_eq!(http(Method::DELETE, &sparql, None, None).unwrap().0, 405);
}

/// What `tests/interop/browser_check.py` saw when headless Chromium opened `url`.
fn open_in_chromium(url: &str, screenshot: &Path) -> serde_json::Value {
    require("chromium");
    let out = python("browser_check.py", &[url, screenshot.to_str().unwrap()]);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn strings(v: &serde_json::Value) -> Vec<String> {
    v.as_array().unwrap().iter().map(|x| x.as_str().unwrap_or_default().to_string()).collect()
}

#[test]
fn the_browser_check_sees_a_page_that_fails_or_reaches_out() {
    // The check the report tests rely on must be able to fail: a page with a script error, a console error and a
    // picture from the network.
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("bad.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><html><head><title>bad</title></head><body><img src=\"http://127.0.0.1:9/x.png\">\
         <script>console.error('planted error'); noSuchFunction();</script></body></html>",
    )
    .unwrap();
    let seen = open_in_chromium(&format!("file://{}", page.display()), &dir.path().join("bad.png"));
    let errors = strings(&seen["errors"]).join("\n");
    assert!(errors.contains("planted error"), "{errors}");
    assert!(errors.contains("noSuchFunction"), "{errors}");
    assert!(strings(&seen["requests"]).iter().any(|r| r.starts_with("http://127.0.0.1:9/")), "{seen}");
}

#[test]
fn the_report_of_the_examples_opens_in_chromium_with_no_errors_and_nothing_from_the_network() {
    let (dir, store) = example_store();
    let page = dir.path().join("report.html");
    run_ok(newskg().args(["report", "--store"]).arg(&store).arg("-o").arg(&page));
    // The screenshot is kept in cargo's scratch folder for tests, under the target folder wherever it is: the
    // README shows it (copied to examples/report.png).
    let shot = Path::new(env!("CARGO_TARGET_TMPDIR")).join("report-examples.png");
    let url = format!("file://{}", page.display());
    let seen = open_in_chromium(&url, &shot);
    assert_eq!(seen["loaded"], true, "{seen}");
    assert_eq!(strings(&seen["errors"]), Vec::<String>::new(), "console errors");
    assert_eq!(strings(&seen["requests"]), vec![url.clone()], "the page asked for more than itself");
    let dom = &seen["dom"];
    let people = strings(&dom["people"]);
    for name in ["Vladimir Putin", "Steve Witkoff", "Mary Barra"] {
        assert!(people.contains(&name.to_string()), "{name} not drawn: {people:?}");
    }
    let classes = strings(&dom["event_classes"]);
    assert!(classes.contains(&"Meeting".to_string()), "{classes:?}");
    assert!(dom["edges"].as_u64().unwrap() > 20);
    assert!(!strings(&dom["timeline"]).is_empty());
    let targets = strings(&dom["text_targets"]);
    let articles = strings(&dom["articles"]);
    for link in strings(&dom["timeline_links"]) {
        let id = link.trim_start_matches('#');
        assert!(targets.iter().any(|t| t == id), "{link} goes nowhere");
    }
    assert_eq!(
        articles.len(),
        count(&store, "SELECT (COUNT(DISTINCT ?a) AS ?n) { GRAPH ?a { ?a a schema:NewsArticle } }")
    );
    assert!(dom["marks"].as_u64().unwrap() > 100);
    assert!(std::fs::metadata(&shot).unwrap().len() > 20_000, "an empty screenshot");
}

#[test]
fn serve_shows_reports_that_its_query_page_and_its_results_link_to() {
    let (_dir, store) = example_store();
    let server = Server::start(&store, &[]);
    let get = |path: &str| http(Method::GET, &format!("{}{path}", server.base), None, None).unwrap();
    let (status, ct, page) = get("/");
    assert_eq!((status, ct.as_str()), (200, "text/html; charset=utf-8"));
    assert!(
        page.contains("<a href=\"/report\">") && page.contains("'/report?node='"),
        "the query page links no report"
    );
    let (status, ct, whole) = get("/report");
    assert_eq!((status, ct.as_str()), (200, "text/html; charset=utf-8"));
    assert!(whole.contains("data-name=\"Vladimir Putin\""));
    // Names link to their own reports, which the server answers.
    let putin = "https://w3id.org/newskg/id/person/vladimir-putin";
    let link = format!("/report?node={}", form_urlencoded::byte_serialize(putin.as_bytes()).collect::<String>());
    assert!(whole.contains(&format!("href=\"{link}\"")), "Putin's node links nowhere");
    let (status, _, his) = get(&link);
    assert_eq!(status, 200, "{his}");
    assert!(his.contains("<small>Vladimir Putin</small>") && his.contains("class=\"n n-person focus\""));
    assert!(his.len() < whole.len());
    // An event's IRI stands for its article.
    let event = "https://w3id.org/newskg/id/article/putin-witkoff-2025-03-14#event-1";
    let (status, _, article) =
        get(&format!("/report?node={}", form_urlencoded::byte_serialize(event.as_bytes()).collect::<String>()));
    assert_eq!(status, 200, "{article}");
    assert_eq!(article.matches("<article class=\"art\"").count(), 1);
    let (status, _, body) = get("/report?person=Nobody+Atall");
    assert_eq!((status, body.trim()), (404, "no person named \"Nobody Atall\" in the store"));
    let (status, _, body) = get("/report?from=yesterday");
    assert_eq!((status, body.trim()), (400, "from=\"yesterday\" is not a date (YYYY-MM-DD)"));
    // The served page in a browser: no errors, nothing asked of any other host.
    let dir = tempfile::tempdir().unwrap();
    let seen = open_in_chromium(&format!("{}{link}", server.base), &dir.path().join("served.png"));
    assert_eq!(strings(&seen["errors"]), Vec::<String>::new());
    assert!(strings(&seen["requests"]).iter().all(|r| r.starts_with(&server.base)), "{seen}");
    assert!(strings(&seen["dom"]["people"]).contains(&"Vladimir Putin".to_string()));
}

/// A Virtuoso Open Source server on free loopback ports, in a temporary database, stopped when dropped.
struct Virtuoso {
    child: Child,
    http: u16,
    sql: u16,
    isql: String,
    _dir: tempfile::TempDir,
}

impl Virtuoso {
    fn start() -> Virtuoso {
        Virtuoso::start_reading(&[])
    }

    /// A server whose bulk loader may also read the files of these folders (its `DirsAllowed`).
    fn start_reading(folders: &[&Path]) -> Virtuoso {
        let virtuoso = require("virtuoso-t");
        let isql = require("isql-vt");
        let dir = tempfile::tempdir().unwrap();
        let free = || TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let (http_port, sql_port) = (free(), free());
        // The package's template (the /etc copy is made by its post-install script).
        let ini = ["/usr/share/virtuoso-opensource-7/virtuoso.ini", "/etc/virtuoso-opensource-7/virtuoso.ini"]
            .iter()
            .find_map(|p| std::fs::read_to_string(p).ok())
            .expect("virtuoso.ini of the virtuoso-opensource-7 package");
        let db = dir.path().to_str().unwrap();
        let allowed: String = folders.iter().map(|f| format!(", {}", f.display())).collect();
        let ini: String = ini
            .replace("/var/lib/virtuoso-opensource-7/db", db)
            .lines()
            .map(|l| {
                let key = l.split('=').next().unwrap_or("").trim();
                match key {
                    "ServerPort" if l.contains("1111") => format!("ServerPort = 127.0.0.1:{sql_port}\n"),
                    "ServerPort" if l.contains("8890") => format!("ServerPort = 127.0.0.1:{http_port}\n"),
                    "DirsAllowed" => format!("{}{allowed}\n", l.trim_end()),
                    _ => format!("{l}\n"),
                }
            })
            .collect();
        std::fs::write(dir.path().join("virtuoso.ini"), ini).unwrap();
        let log = std::fs::File::create(dir.path().join("log")).unwrap();
        let child = Command::new(virtuoso)
            .args(["+configfile", "virtuoso.ini", "+foreground"])
            .current_dir(dir.path())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap();
        let server = Virtuoso { child, http: http_port, sql: sql_port, isql, _dir: dir };
        let started = Instant::now();
        let ask = format!("http://127.0.0.1:{http_port}/sparql?query=ASK%7B%7D");
        while http(Method::GET, &ask, None, None).map(|r| r.0 != 200).unwrap_or(true) {
            assert!(started.elapsed() < Duration::from_secs(120), "Virtuoso did not start");
            std::thread::sleep(Duration::from_millis(250));
        }
        server.isql(
            "grant SPARQL_UPDATE to \"SPARQL\"; grant execute on DB.DBA.SPARQL_INSERT_DICT_CONTENT to \"SPARQL\"; \
             grant execute on DB.DBA.SPARQL_DELETE_DICT_CONTENT to \"SPARQL\";",
        );
        server
    }

    /// Run SQL statements as dba through `isql-vt`; what it printed. isql exits 0 whatever the SQL did, so an
    /// error message fails the test.
    fn isql(&self, sql: &str) -> String {
        let out = Command::new(&self.isql)
            .args([&format!("127.0.0.1:{}", self.sql), "dba", "dba", &format!("exec={sql}")])
            .output()
            .unwrap();
        let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
        assert!(out.status.success() && !text.contains("*** Error"), "isql-vt on {sql}:\n{text}");
        text
    }

    /// Load the files of `folder` that match `mask` with Virtuoso's own bulk loader (`ld_dir`, `rdf_loader_run`,
    /// then `checkpoint`): each file's line of its load list, "FILE state STATE error ERROR".
    fn bulk_load(&self, folder: &Path, mask: &str) -> Vec<String> {
        let out = self.isql(&format!(
            "ld_dir('{}', '{mask}', 'urn:newskg:no-graph'); rdf_loader_run(); checkpoint; \
             select concat('loaded ', ll_file, ' state ', cast(ll_state as varchar), ' error ', \
             coalesce(ll_error, 'none')) from DB.DBA.load_list;",
            folder.display()
        ));
        let mut files: Vec<String> =
            out.lines().filter_map(|l| l.strip_prefix("loaded ")).map(|l| l.trim().to_string()).collect();
        files.sort();
        files
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.http)
    }

    /// Rows of a SELECT answered by Virtuoso, sorted.
    fn rows(&self, query: &str) -> Vec<Vec<String>> {
        let (status, _, body) =
            http(Method::POST, &self.url("/sparql"), Some("application/sparql-results+json"), form(query)).unwrap();
        assert_eq!(status, 200, "Virtuoso on\n{query}\n{body}");
        json_rows(&body)
    }
}

impl Drop for Virtuoso {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

#[test]
fn push_loads_the_examples_into_virtuoso_which_answers_the_saved_queries_alike() {
    let (_dir, store) = example_store();
    let virtuoso = Virtuoso::start();
    let ours = count(&store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
    let in_virtuoso = |v: &Virtuoso| -> usize {
        let rows = v.rows(
            "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"https://w3id.org/newskg/id/\")) }",
        );
        rows[0][0].parse().unwrap()
    };
    let push = |flag: &str, url: String| {
        let out = newskg().args(["push", flag, &url, "--store"]).arg(&store).output().unwrap();
        let report = String::from_utf8_lossy(&out.stderr).to_string();
        assert!(out.status.success(), "{report}");
        assert!(report.contains(&format!("pushed 9 graphs ({ours} triples")), "{report}");
    };
    push("--graph-store", virtuoso.url("/sparql-graph-crud"));
    assert_eq!(in_virtuoso(&virtuoso), ours);
    // Again, by the Graph Store Protocol and then by SPARQL Update: graphs are replaced, not added to.
    push("--graph-store", virtuoso.url("/sparql-graph-crud"));
    assert_eq!(in_virtuoso(&virtuoso), ours);
    push("--endpoint", virtuoso.url("/sparql"));
    assert_eq!(in_virtuoso(&virtuoso), ours);

    // The saved queries give the same rows from Virtuoso as from newskg's store.
    for (name, text, rows) in saved_queries_with_rows(&store) {
        assert_eq!(virtuoso.rows(&text), rows, "{name}: Virtuoso vs newskg query");
    }

    // A refused push is reported with the server's answer, and exits non-zero.
    let out = newskg()
        .args(["push", "--graph-store", &virtuoso.url("/no-such-service"), "--retries", "1", "--store"])
        .arg(&store)
        .output()
        .unwrap();
    let report = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{report}");
    assert!(report.contains("PUT http://") && report.contains("/no-such-service?graph="), "{report}");
    assert!(report.contains("pushed 0 graphs") && report.contains("9 failed"), "{report}");
}

/// `scripts/spark_extract.py` on Spark in local mode (two cores) with `partitions` partitions and the extra
/// arguments: its exit code, the rejections it reported, and its shards in name order.
fn spark_extract(
    input: &Path,
    shards: &Path,
    partitions: usize,
    extra: &[&str],
) -> (Option<i32>, Vec<String>, Vec<PathBuf>) {
    let out = Command::new(require("python3"))
        .arg(root().join("scripts/spark_extract.py"))
        .args(["--master", "local[2]", "--conf", "spark.ui.enabled=false", "--partitions", &partitions.to_string()])
        .arg("--newskg")
        .arg(assert_cmd::cargo::cargo_bin("newskg"))
        .args(extra)
        .arg(input)
        .arg("-o")
        .arg(shards)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("No module named 'pyspark'"),
        "pyspark is not installed: run scripts/setup.sh --test (tests/interop/requirements.txt)"
    );
    assert!(matches!(out.status.code(), Some(0 | 1)), "spark_extract.py failed:\n{stderr}");
    let mut files: Vec<PathBuf> = std::fs::read_dir(shards).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    (out.status.code(), rejections(&stderr), files)
}

/// The lines of stderr that report a rejected input, as newskg writes them ("newskg: FILE line N: ...").
fn rejections(stderr: &str) -> Vec<String> {
    stderr.lines().filter(|l| l.starts_with("newskg: ")).map(str::to_string).collect()
}

/// The lines of N-Quads, sorted: two outputs with the same statements in any order compare equal.
fn sorted_lines(nquads: &[u8]) -> Vec<&[u8]> {
    let mut lines: Vec<&[u8]> = nquads.split_inclusive(|&b| b == b'\n').collect();
    lines.sort();
    lines
}

#[test]
fn spark_shards_are_what_one_extract_prints_and_virtuoso_bulk_loads_them_to_the_stores_query_rows() {
    // The examples (text, HTML, JSON Lines) and, in a subfolder, JSON lines newskg refuses among good ones.
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("input");
    std::fs::create_dir_all(input.join("more")).unwrap();
    for entry in std::fs::read_dir(root().join("examples/articles")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, input.join(path.file_name().unwrap())).unwrap();
    }
    let mut extra = b"{\"id\": \"talks\", \"date\": \"2025-03-20\", \"text\": \"Vladimir Putin met Steve Witkoff in \
        Moscow on Thursday. The Kremlin said the talks went well.\"}\n\n{not json\n{\"id\": \"empty\", \"text\": \"\"}\n\
        {\"id\": \"bytes\", \"text\": \"caf"
        .to_vec();
    extra.extend_from_slice(b"\xff\"}\n{\"title\": \"No id\", \"text\": \"Trump called Putin on Tuesday.\"}\n");
    std::fs::write(input.join("more/extra.jsonl"), extra).unwrap();

    // One process, at two provenance levels: the output and the rejections the shards must match.
    let extract = |level: &str| {
        let out = newskg()
            .args(["extract", "-q", "-j", "2", "-f", "nquads", "--provenance", level])
            .arg(&input)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{}", String::from_utf8_lossy(&out.stderr));
        (out.stdout, rejections(&String::from_utf8_lossy(&out.stderr)))
    };
    let (single, refused) = extract("full");
    assert_eq!(refused.len(), 3, "{refused:?}");
    for (message, line) in refused.iter().zip([3, 4, 5]) {
        assert!(message.contains(&format!("more/extra.jsonl line {line}: ")), "{message}");
    }

    // Spark with 3 partitions at full provenance, 5 at compact: each the one process's output, so the same for
    // any partition count; shard k holds the k-th run of articles in input order, so even the concatenation is.
    for (partitions, level, expected) in [(3, "full", single.clone()), (5, "compact", extract("compact").0)] {
        let shards = dir.path().join(format!("shards-{level}"));
        let (code, spark_refused, files) = spark_extract(&input, &shards, partitions, &["--provenance", level]);
        assert_eq!(code, Some(1), "rejections exit 1 as newskg's");
        assert_eq!(spark_refused, refused, "the same rejections, with file and line");
        let names: Vec<String> = files.iter().map(|f| f.file_name().unwrap().to_string_lossy().into()).collect();
        let wanted: Vec<String> = (0..partitions).map(|k| format!("part-{k:05}.nq")).collect();
        assert_eq!(names, wanted, "one shard per partition and nothing else");
        let union: Vec<u8> = files.iter().flat_map(|f| std::fs::read(f).unwrap()).collect();
        let (theirs, ours) = (sorted_lines(&union), sorted_lines(&expected));
        let differ = theirs.iter().zip(&ours).find(|(a, b)| a != b).map(|(a, _)| String::from_utf8_lossy(a));
        assert!(
            theirs == ours,
            "{level}: {} sorted lines in the shards, {} from one process; first differing: {differ:?}",
            theirs.len(),
            ours.len()
        );
        assert!(union == expected, "{level}: the shards in order are the one process's output");
    }

    // The full shards into Virtuoso by its bulk loader, beside newskg's own store of the same articles.
    let shards = dir.path().join("shards-full");
    let virtuoso = Virtuoso::start_reading(&[&shards]);
    let loaded = virtuoso.bulk_load(&shards, "*.nq");
    let wanted: Vec<String> =
        (0..3).map(|k| format!("{}/part-{k:05}.nq state 2 error none", shards.display())).collect();
    assert_eq!(loaded, wanted, "each shard loaded, without error");
    let store = dir.path().join("store");
    let out = newskg().args(["load", "-q", "-j", "2", "--no-identity", "--store"]).arg(&store).arg(&input).output();
    assert_eq!(out.unwrap().status.code(), Some(1), "load rejects the same lines");
    let ours = count(&store, "SELECT (COUNT(*) AS ?n) { GRAPH ?g { ?s ?p ?o } }");
    let theirs = virtuoso.rows(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } FILTER(STRSTARTS(STR(?g), \"https://w3id.org/newskg/id/\")) }",
    );
    assert_eq!(theirs[0][0].parse::<usize>().unwrap(), ours, "Virtuoso's quads vs the store's");
    let mut non_empty = 0;
    for (name, text, rows) in saved_queries_with_rows(&store) {
        assert_eq!(virtuoso.rows(&text), rows, "{name}: Virtuoso loaded from the shards vs newskg query");
        non_empty += usize::from(!rows.is_empty());
    }
    assert!(non_empty >= 8, "most saved queries have answers ({non_empty})");
}

#[test]
fn other_shacl_engines_find_a_compact_graph_conforms_to_the_shapes_newskg_prints_for_its_level() {
    let dir = tempfile::TempDir::new().unwrap();
    let nq = dir.path().join("compact.nq");
    run_ok(
        newskg()
            .args(["extract", "-q", "-f", "nquads", "--provenance", "compact", "-o"])
            .arg(&nq)
            .arg(root().join("examples/articles")),
    );
    let shapes = dir.path().join("shapes-compact.ttl");
    let printed = newskg().args(["validate", "--print-shapes", "compact"]).output().unwrap();
    assert!(printed.status.success());
    std::fs::write(&shapes, printed.stdout).unwrap();
    let ontology = root().join("ontology/newskg.ttl");
    let args = [shapes.to_str().unwrap(), nq.to_str().unwrap(), ontology.to_str().unwrap()];
    let report: serde_json::Value = serde_json::from_str(&python("shacl_check.py", &args)).unwrap();
    for engine in ["pyshacl", "rudof", "pyshacl_rdfs"] {
        assert_eq!(report[engine]["conforms"], true, "{engine}: {}", report[engine]);
    }
    // The full level's shapes do not take the compact graph: its spans have no offsets.
    let full = root().join("ontology/shapes.ttl");
    let args = [full.to_str().unwrap(), nq.to_str().unwrap()];
    let report: serde_json::Value = serde_json::from_str(&python("shacl_check.py", &args)).unwrap();
    assert_eq!(report["pyshacl"]["conforms"], false);
}
