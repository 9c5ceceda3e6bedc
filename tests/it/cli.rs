//! The command line: formats, determinism, errors and exit codes, store replacement.

use assert_cmd::Command;
use predicates::prelude::*;
use tempfile::TempDir;

use crate::common::{fixture, root};

fn newskg() -> Command {
    let mut c = Command::cargo_bin("newskg").unwrap();
    c.env_remove("NEWSKG_STORE");
    c
}

fn examples() -> std::path::PathBuf {
    root().join("examples/articles")
}

/// The texts of the example articles, in file-name order.
fn example_texts() -> Vec<String> {
    let mut paths: Vec<_> = std::fs::read_dir(examples())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    paths.into_iter().map(|p| std::fs::read_to_string(p).unwrap()).collect()
}

/// One JSON Lines article of 2025-03-14, newline included.
fn article_line(id: &str, text: &str) -> String {
    serde_json::json!({"id": id, "date": "2025-03-14", "text": text}).to_string() + "\n"
}

#[test]
fn nquads_are_byte_identical_across_runs_and_thread_counts() {
    let run =
        |threads: &str| newskg().args(["extract", "-f", "nquads", "-j", threads]).arg(examples()).output().unwrap();
    let one = run("1");
    assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
    let again = run("1");
    let two = run("2");
    assert!(one.stdout.len() > 10_000);
    assert_eq!(one.stdout, again.stdout);
    assert_eq!(one.stdout, two.stdout);
    // Sorted, one quad a line.
    let text = String::from_utf8(one.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines.iter().all(|l| l.ends_with(" .")));
}

#[test]
fn every_rdf_format_parses_back_to_the_same_number_of_statements() {
    let nquads = newskg().args(["extract", "-f", "nquads"]).arg(fixture()).output().unwrap();
    let quads = String::from_utf8(nquads.stdout).unwrap().lines().count();
    for (format, parse_as) in
        [("turtle", "ttl"), ("trig", "trig"), ("ntriples", "nt"), ("rdfxml", "rdf"), ("jsonld", "jsonld")]
    {
        let out = newskg().args(["extract", "-f", format]).arg(fixture()).output().unwrap();
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        let parser = oxigraph::io::RdfParser::from_format(oxigraph::io::RdfFormat::from_extension(parse_as).unwrap());
        let parsed =
            parser.for_slice(&out.stdout).collect::<Result<Vec<_>, _>>().unwrap_or_else(|e| panic!("{format}: {e}"));
        // One article: its graph's triples are the quads, whatever the format.
        assert_eq!(parsed.len(), quads, "{format}");
    }
}

#[test]
fn load_query_export_and_reload_replaces_the_article() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("kg");
    newskg()
        .args(["load", "--store"])
        .arg(&store)
        .arg(fixture())
        .assert()
        .success()
        .stderr(predicate::str::contains("loaded 1 article"));
    let count = |store: &std::path::Path| {
        let out = newskg()
            .args(["query", "-f", "csv", "--store"])
            .arg(store)
            .args(["-e", "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap().lines().nth(1).unwrap().trim().parse::<usize>().unwrap()
    };
    let first = count(&store);
    assert!(first > 100);
    newskg().args(["load", "--store"]).arg(&store).arg(fixture()).assert().success();
    assert_eq!(count(&store), first, "loading the same article again replaces its graph");
    // The store location can come from the environment too.
    newskg()
        .env("NEWSKG_STORE", &store)
        .args(["query", "who-met-whom", "-f", "csv", "--param", "person=Witkoff"])
        .assert()
        .success()
        .stdout(predicate::str::contains("Steve Witkoff,Vladimir Putin,Moscow,Occurred"));
    let export = newskg().args(["export", "-f", "nquads", "--store"]).arg(&store).output().unwrap();
    assert_eq!(String::from_utf8(export.stdout).unwrap().lines().count(), first);
}

#[test]
fn a_batch_with_one_bad_article_loads_the_rest_and_exits_1() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("kg");
    newskg()
        .args(["load", "--store"])
        .arg(&store)
        .arg(root().join("tests/fixtures/bad/batch.jsonl"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("batch.jsonl line 2: not a JSON article"))
        .stderr(predicate::str::contains("loaded 2 articles"));
    newskg()
        .args(["query", "-f", "csv", "--store"])
        .arg(&store)
        .args(["-e", "SELECT ?id WHERE { ?a schema:identifier ?id } ORDER BY ?id"])
        .assert()
        .success()
        .stdout("id\r\ngood-1\r\ngood-2\r\n");
}

#[test]
fn bad_inputs_get_one_line_errors_naming_the_input_and_place() {
    let bad = root().join("tests/fixtures/bad");
    let cases = [
        (bad.join("invalid-utf8.txt"), "invalid-utf8.txt: invalid UTF-8 at byte 14 (line 2)"),
        (bad.join("empty.txt"), "empty.txt: the article is empty"),
        (bad.join("missing.txt"), "missing.txt: cannot read: no such file or directory"),
    ];
    for (path, message) in cases {
        let out = newskg().arg("extract").arg(&path).arg(fixture()).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{message}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains(message), "want {message:?}, got {err:?}");
        // The good article is still extracted.
        assert!(String::from_utf8(out.stdout).unwrap().contains("Witkoff"));
    }
}

/// Distinct sentences of news prose, `n` bytes or more of them: a text that none of the stages can shorten.
fn long_prose(n: usize) -> String {
    let mut text = String::with_capacity(n + 200);
    let mut k = 0;
    while text.len() < n {
        text.push_str(&format!(
            "Minister Ana Ruiz met the envoy of Country {k} in Lisbon on Tuesday, and the talks {k} went well.\n\n"
        ));
        k += 1;
    }
    text
}

#[test]
fn a_folder_of_hostile_files_is_reported_file_by_file_and_the_good_articles_load() {
    let dir = TempDir::new().unwrap();
    let feed = dir.path().join("feed");
    std::fs::create_dir(&feed).unwrap();
    let nested = format!("<html><body>{}x{}</body></html>", "<div>".repeat(100_000), "</div>".repeat(100_000));
    std::fs::write(feed.join("a-nested.html"), nested).unwrap();
    std::fs::write(feed.join("b-nul.txt"), "Talks\n\nThe envoy\0 met the minister.\0\0").unwrap();
    // UTF-16 with its byte-order mark, and bytes that are no text at all, under a text file's name.
    let utf16: Vec<u8> =
        [0xFF, 0xFE].into_iter().chain("Talks in Lisbon".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    std::fs::write(feed.join("c-utf16.txt"), utf16).unwrap();
    let binary: Vec<u8> = (0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8 | 0x80).collect();
    std::fs::write(feed.join("d-binary.txt"), binary).unwrap();
    // An article longer than the limit, as a file and as a JSON line; a line longer than any article can be,
    // skipped without being held; odd JSON lines; and good articles between them.
    std::fs::write(feed.join("e-long.txt"), long_prose(newskg::article::MAX_ARTICLE_BYTES + 1)).unwrap();
    let long_line = format!("{{\"id\": \"huge\", \"text\": \"{}\"}}\n", "a".repeat(newskg::article::MAX_LINE_BYTES));
    let lines = [
        "[1,2]\n".to_string(),
        "{\"text\": 5}\n".to_string(),
        article_line("good-1", "Minister Ana Ruiz met the envoy in Lisbon on Tuesday."),
        long_line,
        article_line("too-long", &long_prose(newskg::article::MAX_ARTICLE_BYTES + 1)),
        article_line("good-2", "Ana Ruiz said on Wednesday that the talks had gone well."),
    ];
    std::fs::write(feed.join("f-batch.jsonl"), lines.concat()).unwrap();
    // A folder with a link back up the tree, and a link to itself under an article's name.
    std::fs::create_dir(feed.join("g-sub")).unwrap();
    std::fs::write(feed.join("g-sub/inner.txt"), "Ana Ruiz flew to Madrid on Thursday.").unwrap();
    std::os::unix::fs::symlink("..", feed.join("g-sub/back")).unwrap();
    std::os::unix::fs::symlink("h-loop.txt", feed.join("h-loop.txt")).unwrap();
    let store = dir.path().join("kg");
    let out = newskg().args(["load", "--store"]).arg(&store).arg(&feed).output().unwrap();
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(out.status.code(), Some(1), "{err}");
    let limit = newskg::article::MAX_ARTICLE_BYTES >> 20;
    for message in [
        "a-nested.html: HTML elements nested deeper than 2000".to_string(),
        "d-binary.txt: invalid UTF-8 at byte 0 (line 1)".to_string(),
        format!("e-long.txt: the article's text is larger than {limit} MiB"),
        "f-batch.jsonl line 1: not a JSON article".to_string(),
        "f-batch.jsonl line 2: not a JSON article".to_string(),
        format!("f-batch.jsonl line 4: the line is longer than {} MiB", newskg::article::MAX_LINE_BYTES >> 20),
        format!("f-batch.jsonl line 5: the article's text is larger than {limit} MiB"),
        "h-loop.txt: cannot read: Too many levels of symbolic links".to_string(),
    ] {
        assert_eq!(err.lines().filter(|l| l.contains(&message)).count(), 1, "want one line {message:?} in {err}");
    }
    let ids = newskg()
        .args(["query", "-f", "csv", "--store"])
        .arg(&store)
        .args(["-e", "SELECT ?id WHERE { ?a schema:identifier ?id } ORDER BY ?id"])
        .output()
        .unwrap();
    // The NUL bytes are text, UTF-16 with its byte-order mark too: those articles are read; the folder's article
    // once, though the link back up the tree leads to it again.
    assert_eq!(String::from_utf8(ids.stdout).unwrap(), "id\r\nb-nul\r\nc-utf16\r\ngood-1\r\ngood-2\r\ninner\r\n");
}

#[test]
fn usage_errors_exit_2() {
    let out = newskg().args(["extract", "-f", "yaml"]).arg(fixture()).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("invalid value 'yaml' for '--format <FORMAT>'") && err.contains("turtle"), "{err}");
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("kg");
    newskg().args(["load", "--store"]).arg(&store).arg(fixture()).assert().success();
    newskg()
        .args(["query", "--store"])
        .arg(&store)
        .args(["-e", "SELECT ?x WHERE { ?x ?y }"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("-e: SPARQL syntax error"));
    newskg()
        .args(["query", "no-such-query", "--store"])
        .arg(&store)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no saved query named \"no-such-query\""));
}

#[test]
fn stdin_and_html_inputs() {
    let text = std::fs::read_to_string(fixture()).unwrap();
    newskg()
        .args(["extract", "-f", "ntriples", "--date", "2025-03-14"])
        .write_stdin(text)
        .assert()
        .success()
        .stdout(predicate::str::contains("\"2025-03-13\"^^<http://www.w3.org/2001/XMLSchema#date>"));
    let html = examples().join("asylum-seekers-rescued-off-indonesian-coast-2015-05-18.html");
    newskg()
        .args(["extract", "-f", "ntriples"])
        .arg(html)
        .assert()
        .success()
        .stdout(predicate::str::contains("<https://schema.org/datePublished> \"2015-05-18\""));
}

#[test]
fn query_results_in_every_format() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("kg");
    newskg().args(["load", "--store"]).arg(&store).arg(fixture()).assert().success();
    let run = |format: &str| {
        let out = newskg()
            .args(["query", "people-with-role", "--param", "role=spokesman", "-f", format, "--store"])
            .arg(&store)
            .output()
            .unwrap();
        assert!(out.status.success(), "{format}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["results"]["bindings"][0]["name"]["value"], "Dmitri Peskov");
    assert!(run("xml").contains("<literal>Dmitri Peskov</literal>"));
    assert!(run("tsv").lines().nth(1).unwrap().starts_with("\"Dmitri Peskov\"\t\"spokesman\""));
    assert!(run("csv").lines().nth(1).unwrap().starts_with("Dmitri Peskov,spokesman,Kremlin"));
    let table = run("table");
    assert!(table.lines().next().unwrap().starts_with("name"));
    assert!(table.contains("Dmitri Peskov") && table.ends_with("(1 row)\n"));
    // CONSTRUCT gives RDF.
    let out = newskg()
        .args(["query", "-f", "ntriples", "--store"])
        .arg(&store)
        .args(["-e", "CONSTRUCT { ?p a schema:Person } WHERE { ?p a schema:Person }"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 5);
}

/// Sorted lines of N-Quads.
fn quad_set(nquads: &[u8]) -> Vec<String> {
    let mut lines: Vec<String> = String::from_utf8_lossy(nquads).lines().map(str::to_string).collect();
    lines.sort();
    lines
}

#[test]
fn a_long_load_keeps_the_later_copy_of_a_repeated_article_and_a_reload_replaces_changed_ones() {
    // 90 articles (several batches: the first stored by transactions, the rest by the bulk loader), then a later
    // copy of one of them with another text, which must replace the first.
    let texts = example_texts();
    assert!(texts.len() >= 3);
    let later = "Jane Doe met John Roe in Paris on Monday, the ministry said.";
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("kg");
    // The input (article `changed` with the next example's text) and what the store must hold after loading it.
    let files = |changed: usize| {
        let text = |i: usize| &texts[(i + usize::from(i == changed)) % texts.len()];
        let (mut input, mut expected) = (String::new(), String::new());
        for i in 0..90 {
            let id = format!("a{i}");
            input += &article_line(&id, text(i));
            expected += &article_line(&id, if i == 3 { later } else { text(i) });
        }
        input += &article_line("a3", later);
        let (input_path, expected_path) =
            (dir.path().join(format!("in{changed}.jsonl")), dir.path().join(format!("expected{changed}.jsonl")));
        std::fs::write(&input_path, input).unwrap();
        std::fs::write(&expected_path, expected).unwrap();
        let extracted = newskg().args(["extract", "-f", "nquads"]).arg(&expected_path).output().unwrap();
        assert!(extracted.status.success());
        (input_path, quad_set(&extracted.stdout))
    };
    // First into an empty store; then again with article 50 (in a bulk-loaded batch) changed.
    for (round, changed) in [("fresh store", usize::MAX), ("reload with a changed article", 50)] {
        let (input, expected) = files(changed);
        assert!(expected.len() > 10_000);
        newskg().args(["load", "-q", "--no-identity", "--store"]).arg(&store).arg(&input).assert().success();
        let exported = newskg().args(["export", "-f", "nquads", "--store"]).arg(&store).output().unwrap();
        assert!(exported.status.success());
        let got = quad_set(&exported.stdout);
        assert_eq!(got.len(), expected.len(), "{round}");
        assert!(got == expected, "{round}: the store differs from the extracted graphs");
    }
}

#[test]
fn a_load_left_uncompacted_answers_the_same_and_compact_merges_its_files() {
    // Enough articles for the bulk loader (the first batch alone would be stored by transactions).
    let texts = example_texts();
    let dir = TempDir::new().unwrap();
    let input = dir.path().join("in.jsonl");
    let lines: String = (0..120).map(|i| article_line(&format!("a{i}"), &texts[i % texts.len()])).collect();
    std::fs::write(&input, lines).unwrap();
    let extracted = newskg().args(["extract", "-f", "nquads"]).arg(&input).output().unwrap();
    assert!(extracted.status.success());
    let expected = quad_set(&extracted.stdout);
    let store = dir.path().join("kg");
    let sst_files = || {
        std::fs::read_dir(&store)
            .unwrap()
            .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "sst"))
            .count()
    };
    let query = || {
        let out = newskg().args(["query", "people", "-f", "csv", "--store"]).arg(&store).output().unwrap();
        assert!(out.status.success());
        out.stdout
    };

    newskg()
        .args(["load", "--no-identity", "--compact", "never", "--store"])
        .arg(&store)
        .arg(&input)
        .assert()
        .success()
        .stderr(predicate::str::contains("compacting").not());
    let loose = sst_files();
    let rows = query();
    let exported = newskg().args(["export", "-f", "nquads", "--store"]).arg(&store).output().unwrap();
    assert!(quad_set(&exported.stdout) == expected, "the uncompacted store differs from the extracted graphs");

    newskg().args(["compact", "--store"]).arg(&store).assert().success().stderr(predicate::str::contains("compacted"));
    assert!(sst_files() < loose, "compacting left {} SST files of {loose}", sst_files());
    assert_eq!(query(), rows);
    let exported = newskg().args(["export", "-f", "nquads", "--store"]).arg(&store).output().unwrap();
    assert!(quad_set(&exported.stdout) == expected, "the compacted store differs from the extracted graphs");

    // No store: a clear error naming it, not a new empty store.
    let missing = dir.path().join("none");
    newskg()
        .args(["compact", "--store"])
        .arg(&missing)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no store at").and(predicate::str::contains("none")));
    assert!(!missing.exists());
}

/// The graphs of some N-Quads, by graph IRI, each as its sorted lines.
fn graphs_of(nquads: &[u8]) -> std::collections::BTreeMap<String, Vec<String>> {
    let mut graphs = std::collections::BTreeMap::<String, Vec<String>>::new();
    for line in quad_set(nquads) {
        let graph = line.trim_end_matches(" .").rsplit_once(' ').expect("a quad has a graph").1.to_string();
        graphs.entry(graph).or_default().push(line);
    }
    graphs
}

#[cfg(target_os = "linux")]
#[test]
fn a_reload_killed_midway_leaves_every_article_either_as_it_was_or_as_reloaded() {
    use std::io::Write;
    use std::process::Stdio;

    let texts = example_texts();
    let dir = TempDir::new().unwrap();
    let jsonl = |shift: usize| -> String {
        (0..150).map(|i| article_line(&format!("a{i}"), &texts[(i + shift) % texts.len()])).collect()
    };
    let extract = |input: &str| {
        let out = newskg().args(["extract", "-f", "nquads", "-"]).write_stdin(input).output().unwrap();
        assert!(out.status.success());
        graphs_of(&out.stdout)
    };
    let (before, after) = (jsonl(0), jsonl(1));
    let (old, new) = (extract(&before), extract(&after));
    let store = dir.path().join("kg");
    newskg()
        .args(["load", "-q", "--no-identity", "--store"])
        .arg(&store)
        .arg("-")
        .write_stdin(before)
        .assert()
        .success();

    // The reload reads stdin, which stays open: once every full batch has gone to the bulk loader, the process
    // waits for more input. It is then killed, before its bulk load is committed.
    let mut load = std::process::Command::new(assert_cmd::cargo::cargo_bin("newskg"))
        .args(["load", "-q", "--no-identity", "--store"])
        .arg(&store)
        .arg("-")
        .env_remove("NEWSKG_STORE")
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = load.stdin.take().unwrap();
    stdin.write_all(after.as_bytes()).unwrap();
    stdin.flush().unwrap();
    wait_until_idle(&load);
    load.kill().unwrap();
    load.wait().unwrap();
    drop(stdin);

    let exported = newskg().args(["export", "-f", "nquads", "--store"]).arg(&store).output().unwrap();
    assert!(exported.status.success());
    let got = graphs_of(&exported.stdout);
    assert_eq!(got.keys().collect::<Vec<_>>(), old.keys().collect::<Vec<_>>(), "an article graph was lost");
    let mut reloaded = 0;
    for (graph, quads) in &got {
        if quads == &new[graph] {
            reloaded += 1;
        } else {
            assert!(quads == &old[graph], "{graph} is neither its old nor its new version");
        }
    }
    // The first batch is stored at once by transactions: the kill came after the reload had begun.
    assert!(reloaded > 0 && reloaded < got.len(), "{reloaded} of {} articles reloaded", got.len());
}

#[test]
fn a_second_load_on_a_store_in_use_fails_at_once_with_a_sentence_and_leaves_it_whole() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("kg");
    let article =
        "{\"id\":\"a1\",\"date\":\"2025-03-10\",\"text\":\"Acme Holdings Ltd said on Monday that sales fell.\"}\n";
    newskg().args(["load", "-q", "--store"]).arg(&store).arg("-").write_stdin(article).assert().success();
    // A load that holds the store: it reads stdin, which stays open until the end of the test.
    let mut holder = std::process::Command::new(assert_cmd::cargo::cargo_bin("newskg"))
        .args(["load", "-q", "--store"])
        .arg(&store)
        .arg("-")
        .env_remove("NEWSKG_STORE")
        .stdin(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = holder.stdin.take().unwrap();
    std::io::Write::write_all(&mut stdin, article.as_bytes()).unwrap();
    std::io::Write::flush(&mut stdin).unwrap();
    // Once the holder has stored the line and waits for more (its CPU time stops growing), it holds the store.
    wait_until_idle(&holder);
    assert!(holder.try_wait().unwrap().is_none(), "the first load should still be running");
    let out = newskg().args(["load", "-q", "--store"]).arg(&store).arg("-").write_stdin(article).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let message = String::from_utf8_lossy(&out.stderr);
    assert!(message.contains("is in use by another newskg process"), "{message}");
    assert!(!message.contains("LOCK"), "RocksDB's own message is not shown: {message}");
    drop(stdin);
    assert!(holder.wait().unwrap().success());
    // The store is whole: the article is there once.
    let exported = newskg().args(["export", "-f", "nquads", "--store"]).arg(&store).output().unwrap();
    assert!(String::from_utf8_lossy(&exported.stdout).contains("Acme Holdings Ltd"));
}

/// Wait until a child process has used no CPU for a second (it waits for input), at most a minute.
fn wait_until_idle(child: &std::process::Child) {
    let cpu_ticks = || {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", child.id())).unwrap_or_default();
        let fields: Vec<&str> = stat.rsplit_once(')').map_or("", |(_, f)| f).split_whitespace().collect();
        fields.get(11..13).map_or(0, |t| t.iter().map(|v| v.parse::<u64>().unwrap_or(0)).sum::<u64>())
    };
    let (mut last, mut idle) = (u64::MAX, 0);
    for _ in 0..240 {
        std::thread::sleep(std::time::Duration::from_millis(250));
        let ticks = cpu_ticks();
        idle = if ticks == last && ticks > 0 { idle + 1 } else { 0 };
        last = ticks;
        if idle == 4 {
            break;
        }
    }
}

#[test]
fn a_compact_store_answers_the_saved_queries_as_a_full_one_and_validates_with_its_level_s_shapes() {
    let dir = TempDir::new().unwrap();
    let load = |level: &str| {
        let store = dir.path().join(level);
        newskg().args(["load", "-q", "--provenance", level, "--store"]).arg(&store).arg(examples()).assert().success();
        store
    };
    let (full, compact, facts) = (load("full"), load("compact"), load("facts"));
    let query = |store: &std::path::Path, args: &[&str]| {
        let out = newskg().arg("query").args(args).args(["-f", "csv", "--store"]).arg(store).output().unwrap();
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    for args in [&["about-person", "-p", "person=Barra"][..], &["event-sources"], &["time-expressions"], &["people"]] {
        let rows = query(&full, args);
        assert!(rows.lines().count() > 2, "{args:?}: {rows}");
        assert_eq!(rows, query(&compact, args), "{args:?}");
    }
    // Mary Barra's sentence, cut from the article's text by the mention's #char=b,e IRI.
    assert!(query(&compact, &["about-person", "-p", "person=Barra"]).contains("Mary Barra"));
    assert!(query(&facts, &["people"]).contains("Mary Barra"));
    for store in [&full, &compact, &facts] {
        newskg().arg("validate").arg("--store").arg(store).assert().success();
    }
    // The lighter graphs do not pass for full ones.
    let export = newskg().args(["export", "-f", "nquads", "--store"]).arg(&facts).output().unwrap();
    let file = dir.path().join("facts.nq");
    std::fs::write(&file, String::from_utf8(export.stdout).unwrap().replace("provenanceLevel", "notTheLevel")).unwrap();
    newskg().arg("validate").arg(&file).assert().code(1);
    // The shapes of a level, for other SHACL engines, are Turtle without the full level's span shapes.
    let shapes = newskg().args(["validate", "--print-shapes", "compact"]).output().unwrap();
    let shapes = String::from_utf8(shapes.stdout).unwrap();
    assert!(shapes.contains("nkgsh:Mention") && !shapes.contains("nkgsh:anchorOf"), "{shapes}");
}
