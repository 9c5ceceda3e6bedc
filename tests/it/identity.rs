//! The identity layer (issue 17): one person per real person across articles, order-independent, reproducible.

use assert_cmd::Command;
use tempfile::TempDir;

fn newskg() -> Command {
    let mut c = Command::cargo_bin("newskg").unwrap();
    c.env_remove("NEWSKG_STORE");
    c
}

fn line(id: &str, date: &str, text: &str) -> String {
    serde_json::json!({"id": id, "date": date, "text": text}).to_string() + "\n"
}

/// Two short articles of our own: the full names in the first, title+surname and a bare surname in the second.
fn two_articles() -> (String, String) {
    (
        line(
            "a1",
            "2025-03-10",
            "U.S. President Donald Trump met Ukrainian President Volodymyr Zelensky in Washington on Monday. \
             Trump said the talks went well.",
        ),
        line("a2", "2025-03-12", "President Trump spoke by phone with Zelensky on Wednesday, the White House said."),
    )
}

fn load(store: &std::path::Path, dir: &TempDir, name: &str, content: &str) {
    let path = dir.path().join(name);
    std::fs::write(&path, content).unwrap();
    newskg().args(["load", "-q", "--store"]).arg(store).arg(&path).assert().success();
}

fn query(store: &std::path::Path, name: &str, params: &[&str]) -> String {
    let mut c = newskg();
    c.args(["query", name, "-f", "csv", "--store"]).arg(store);
    for p in params {
        c.args(["--param", p]);
    }
    let out = c.output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn export(store: &std::path::Path, graphs: &str) -> Vec<u8> {
    let out = newskg().args(["export", "-f", "nquads", "--graphs", graphs, "--store"]).arg(store).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    out.stdout
}

#[test]
fn the_issue_example_gives_one_trump_and_one_zelensky_in_both_articles() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    let (a1, a2) = two_articles();
    load(&store, &dir, "both.jsonl", &(a1 + &a2));
    let people = query(&store, "people", &[]);
    let rows: Vec<&str> = people.lines().skip(1).map(|l| l.trim_end_matches('\r')).collect();
    assert!(rows.iter().any(|r| r.starts_with("Donald Trump,2,")), "{people}");
    assert!(rows.iter().any(|r| r.starts_with("Volodymyr Zelensky,2,")), "{people}");
    assert!(!rows.iter().any(|r| r.starts_with("Trump,")), "{people}");
    let identity = String::from_utf8(export(&store, "identity")).unwrap();
    assert!(identity.contains("<http://www.w3.org/2002/07/owl#sameAs>"), "{identity}");
    assert!(identity.contains("surname of Donald Trump, the only Trump named in full"), "{identity}");
    assert!(identity.contains("CorpusMention"), "{identity}");
    // Every quad of the layer is in its own graph; the article graphs are as `extract` writes them.
    assert!(identity.lines().all(|l| l.ends_with("<https://w3id.org/newskg/id/graph/identity> .")), "{identity}");
    let articles = String::from_utf8(export(&store, "articles")).unwrap();
    assert!(!articles.contains("graph/identity"));
    let across = query(&store, "person-across-articles", &["person=Zelensky"]);
    assert!(across.contains("/article/a2"), "{across}");
    // The phone call of a2, whose other party only the corpus can tell is Volodymyr Zelensky.
    let met = query(&store, "who-met-whom", &[]);
    assert!(
        met.lines().any(|l| l.starts_with("2025-03-12,PhoneCall,Donald Trump,Volodymyr Zelensky,,Occurred,1,")
            && l.trim_end().ends_with("/article/a2")),
        "{met}"
    );
}

#[test]
fn the_layer_is_the_same_whatever_the_load_order_and_batches() {
    let (a1, a2) = two_articles();
    let a3 = line(
        "a3",
        "2025-03-20",
        "General Motors said on Thursday it would build a new plant. Trump welcomed the news.",
    );
    let a4 = line("a4", "2025-03-21", "GM shares rose after the announcement, analysts said.");
    let (a1, a2, a3, a4) = (a1.as_str(), a2.as_str(), a3.as_str(), a4.as_str());
    let runs: [Vec<&str>; 3] = [vec![a1, a2, a3, a4], vec![a4, a3, a2, a1], vec![a2, a4]];
    let mut layers = Vec::new();
    for (i, order) in runs.iter().enumerate() {
        let dir = TempDir::new().unwrap();
        let store = dir.path().join("store");
        if i == 2 {
            // Two batches: two articles, then the other two.
            load(&store, &dir, "first.jsonl", &order.concat());
            load(&store, &dir, "second.jsonl", &[a3, a1].concat());
        } else {
            load(&store, &dir, "all.jsonl", &order.concat());
        }
        layers.push(export(&store, "identity"));
    }
    assert!(!layers[0].is_empty());
    assert_eq!(layers[0], layers[1]);
    assert_eq!(layers[0], layers[2]);
}

#[test]
fn reloading_an_article_updates_the_layer_and_identity_rebuilds_it() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    let (a1, a2) = two_articles();
    load(&store, &dir, "a2.jsonl", &a2);
    assert!(export(&store, "identity").is_empty(), "nothing to link with one article");
    load(&store, &dir, "a1.jsonl", &a1);
    let linked = export(&store, "identity");
    assert!(!linked.is_empty());
    // a1 reloaded without the full names: the links go.
    load(&store, &dir, "a1.jsonl", &line("a1", "2025-03-10", "The talks in Washington went well, officials said."));
    assert!(export(&store, "identity").is_empty());
    load(&store, &dir, "a1.jsonl", &a1);
    newskg().args(["identity", "-q", "--store"]).arg(&store).assert().success();
    assert_eq!(export(&store, "identity"), linked);
}

#[test]
fn two_people_of_one_surname_are_left_unlinked_and_the_ambiguity_shown() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    let content = [
        line("b1", "2025-05-01", "Senator Alice Marwick said on Monday the bill would pass."),
        line("b2", "2025-05-02", "Governor Robert Marwick said on Tuesday he would sign it."),
        line("b3", "2025-05-03", "Marwick said the vote was close, according to reporters."),
    ]
    .concat();
    load(&store, &dir, "b.jsonl", &content);
    let identity = String::from_utf8(export(&store, "identity")).unwrap();
    assert!(!identity.contains("owl#sameAs"), "{identity}");
    assert!(!identity.contains("CorpusMention"), "{identity}");
}

#[test]
fn a_meeting_reported_by_two_articles_is_one_corpus_event() {
    let dir = TempDir::new().unwrap();
    let store = dir.path().join("store");
    let (a1, a2) = two_articles();
    let a3 =
        line("a3", "2025-03-11", "Donald Trump and Volodymyr Zelensky met in Washington on Monday, officials said.");
    load(&store, &dir, "all.jsonl", &[a1, a2, a3].concat());
    let several = query(&store, "events-reported-by-several", &[]);
    assert!(several.lines().any(|l| l.starts_with("Meeting,2025-03-10,2,")), "{several}");
    let met = query(&store, "who-met-whom", &[]);
    let meetings: Vec<&str> = met.lines().filter(|l| l.contains(",Meeting,")).collect();
    assert_eq!(meetings.len(), 1, "{met}");
    assert!(meetings[0].contains(",2,"), "{met}");
}

#[test]
fn a_compact_store_gets_the_same_identity_layer_as_a_full_one() {
    let (a1, a2) = two_articles();
    let layer = |level: &str| {
        let dir = TempDir::new().unwrap();
        let (store, path) = (dir.path().join("store"), dir.path().join("both.jsonl"));
        std::fs::write(&path, a1.clone() + &a2).unwrap();
        newskg().args(["load", "-q", "--provenance", level, "--store"]).arg(&store).arg(&path).assert().success();
        (export(&store, "identity"), query(&store, "person-across-articles", &["person=Zelensky"]))
    };
    let (full, compact) = (layer("full"), layer("compact"));
    assert!(String::from_utf8_lossy(&full.0).contains("CorpusMention"));
    // The corpus mention of the bare "Zelensky" needs the article's mention offsets, read from their IRIs.
    assert_eq!(full, compact);
}
