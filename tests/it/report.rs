//! `newskg report`: what the page holds for the whole store, a person, an article, a date range or an event class,
//! and that it stays within its bounds. (The page in a real browser: `interop.rs`.)

use std::path::{Path, PathBuf};

use assert_cmd::Command;

use crate::common::root;

fn newskg() -> Command {
    Command::cargo_bin("newskg").unwrap()
}

/// A store in a temporary directory loaded from `inputs` with extra `load` flags.
fn store_of(inputs: &[PathBuf], flags: &[&str]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("store");
    newskg().args(["load", "-q", "--store"]).arg(&store).args(flags).args(inputs).assert().success();
    (dir, store)
}

fn examples() -> Vec<PathBuf> {
    vec![root().join("examples/articles")]
}

fn report(store: &Path, args: &[&str]) -> String {
    let out = newskg().args(["report", "--store"]).arg(store).args(args).output().unwrap();
    assert!(out.status.success(), "report {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The values of attribute `name` in the page, in order.
fn attributes(html: &str, name: &str) -> Vec<String> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect()
}

/// The names of the network's nodes of one kind.
fn nodes(html: &str, kind: &str) -> Vec<String> {
    let needle = format!("data-kind=\"{kind}\" data-name=\"");
    html.match_indices(&needle)
        .map(|(i, _)| {
            let rest = &html[i + needle.len()..];
            rest[..rest.find('"').unwrap()].replace("&#39;", "'").replace("&amp;", "&")
        })
        .collect()
}

fn count_articles(store: &Path) -> usize {
    let out = newskg()
        .args(["query", "-f", "csv", "--store"])
        .arg(store)
        .args(["-e", "SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE { GRAPH ?a { ?a a schema:NewsArticle } }"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().lines().nth(1).unwrap().trim().parse().unwrap()
}

#[test]
fn the_report_of_the_examples_holds_their_people_events_articles_and_marked_texts() {
    let (_dir, store) = store_of(&examples(), &[]);
    let html = report(&store, &[]);
    let people = nodes(&html, "person");
    for name in ["Vladimir Putin", "Steve Witkoff", "Dmitri Peskov"] {
        assert!(people.iter().any(|p| p == name), "{name} not among {people:?}");
    }
    assert!(html.contains("data-kind=\"event\"") && html.contains("data-class=\"Meeting\""));
    // One section per article (fewer than the bound), each with its text marked.
    let n = count_articles(&store);
    assert!(n > 6 && n < 40, "{n} articles");
    assert!(html.contains(&format!("<p class=\"summary\" id=\"summary\"><b>{n}</b> article(s)")));
    assert_eq!(html.matches("<article class=\"art\"").count(), n);
    for kind in ["person", "organization", "place", "event", "time"] {
        assert!(html.contains(&format!("<mark class=\"k-{kind}")), "no {kind} marked");
    }
    // The timeline is in date order, and every entry's sentence link has its target in the page.
    let ids: Vec<String> = attributes(&html, "id");
    let dates: Vec<String> = attributes(&html, "datetime");
    let timeline = &html[html.find("<ol id=\"timeline\">").expect("a timeline")..html.find("</ol></section>").unwrap()];
    let entry_dates: Vec<String> = attributes(timeline, "datetime");
    assert!(!entry_dates.is_empty() && entry_dates.windows(2).all(|w| w[0] <= w[1]), "{entry_dates:?}");
    let links: Vec<String> = attributes(timeline, "href").into_iter().filter(|h| h.starts_with("#art-")).collect();
    assert!(!links.is_empty());
    for link in &links {
        assert!(ids.contains(&link[1..].to_string()), "{link} has no target");
    }
    assert!(dates.len() >= entry_dates.len());
    // The Kremlin's spokesman is shown with his role, in the article that names it.
    assert!(
        html.contains("Dmitri Peskov</li>")
            || html.contains("Dmitri Peskov</a> — ")
            || html.contains("Dmitri Peskov — "),
        "no Peskov in the lists"
    );
    assert!(html.contains("spokesman"), "no role");
    // Same store, same page.
    assert_eq!(html, report(&store, &[]));
}

#[test]
fn a_person_s_report_keeps_their_events_and_articles_and_names_a_missing_person() {
    let (_dir, store) = store_of(&examples(), &[]);
    let all = report(&store, &[]);
    let html = report(&store, &["--person", "putin"]);
    assert!(nodes(&html, "person").iter().any(|p| p == "Vladimir Putin"));
    assert!(html.contains("class=\"n n-person focus\""), "Putin is not marked as the focus");
    // Fewer articles than the whole store, each naming him.
    let sections = html.matches("<article class=\"art\"").count();
    assert!(sections >= 1 && sections < all.matches("<article class=\"art\"").count());
    for section in html.split("<article class=\"art\"").skip(1) {
        assert!(section.contains("Putin"), "an article of the report does not name Putin");
    }
    // Every event of the network has him among its participants: an edge joins each event node to his node.
    let id_of = |name: &str| {
        let at = html.find(&format!("data-name=\"{name}\"")).unwrap();
        let start = html[..at].rfind(" id=\"").unwrap() + 5;
        html[start..start + html[start..].find('"').unwrap()].to_string()
    };
    let putin = id_of("Vladimir Putin");
    let edges: Vec<(String, String)> =
        attributes(&html, "data-a").into_iter().zip(attributes(&html, "data-b")).collect();
    let events: Vec<String> = html
        .match_indices("<g class=\"n n-event\" id=\"")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest[..rest.find('"').unwrap()].to_string()
        })
        .collect();
    assert!(!events.is_empty(), "no events of Putin");
    for e in &events {
        assert!(edges.iter().any(|(a, b)| (a == e && *b == putin) || (b == e && *a == putin)), "{e} is not Putin's");
    }

    let out = newskg().args(["report", "--store"]).arg(&store).args(["--person", "Nobody Atall"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr).trim(), "newskg: no person named \"Nobody Atall\" in the store");
}

#[test]
fn dates_classes_and_articles_narrow_the_report_and_bad_ones_are_refused() {
    let (_dir, store) = store_of(&examples(), &[]);
    let html = report(&store, &["--from", "2025-03-01", "--to", "2025-03-31"]);
    let timeline = &html[html.find("<ol id=\"timeline\">").unwrap()..];
    let entries = &timeline[..timeline.find("</ol>").unwrap()];
    let dates = attributes(entries, "datetime");
    assert!(!dates.is_empty());
    for d in dates {
        assert!(d.as_str() >= "2025-03-01" && d.as_str() <= "2025-03-31", "{d} outside the range");
    }

    let meetings = report(&store, &["--class", "meeting"]);
    let classes = attributes(&meetings, "data-class");
    assert!(!classes.is_empty() && classes.iter().all(|c| c == "Meeting"), "{classes:?}");

    let one = report(&store, &["--article", "putin-witkoff-2025-03-14"]);
    assert_eq!(one.matches("<article class=\"art\"").count(), 1);
    assert!(one.contains("<small>article “"));

    for (args, message) in [
        (&["--class", "Banquet"][..], "no event of class \"Banquet\" in the store; its classes: "),
        (&["--article", "no-such-article"][..], "no article with id or IRI \"no-such-article\" in the store"),
        (&["--from", "2025-03-10", "--to", "2025-03-01"][..], "--from 2025-03-10 is after --to 2025-03-01"),
        (&["--from", "March"][..], "\"March\" is not a date (YYYY-MM-DD)"),
    ] {
        let out = newskg().args(["report", "--store"]).arg(&store).args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
    }
}

#[test]
fn the_page_stays_within_its_bounds_and_says_what_it_left_out() {
    let (_dir, store) = store_of(&examples(), &[]);
    let html = report(&store, &["--max-nodes", "12", "--max-events", "3", "--max-articles", "2"]);
    assert!(html.matches("<g class=\"n ").count() <= 12);
    assert!(html.matches("<li id=\"ev-").count() <= 3);
    assert_eq!(html.matches("<article class=\"art\"").count(), 2);
    assert!(html.contains("12 of ") && html.contains("(the most connected;"), "no note on the nodes left out");
    assert!(html.contains(", the earliest (narrow with --from/--to)"));
    assert!(html.contains(", the latest (narrow with --article or --from/--to)"));
    // Every edge joins two drawn nodes.
    let ids: Vec<String> = attributes(&html, "id");
    for end in attributes(&html, "data-a").into_iter().chain(attributes(&html, "data-b")) {
        assert!(ids.contains(&end), "an edge ends at {end}, which is not drawn");
    }
    // Cut short, the network still shows what its people did: events beside the busiest entities, with edges.
    let events = nodes(&html, "event").len();
    assert!(events >= 4 && nodes(&html, "person").len() >= 2, "{events} events drawn among 12 nodes");
    assert!(attributes(&html, "data-a").len() >= events, "the events drawn are not linked");
    // The timeline quotes each entry's sentence, also from the articles the page leaves out.
    let entries: Vec<&str> = html.split("<li id=\"ev-").skip(1).collect();
    assert_eq!(entries.len(), 3);
    for entry in entries {
        let entry = &entry[..entry.find("</ul></li>").unwrap()];
        assert!(entry.contains("<q>") && entry.contains("</q>"), "an entry without its sentence: {entry}");
    }
}

#[test]
fn one_person_named_two_ways_in_two_articles_is_one_node_with_both_articles() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("two.jsonl");
    std::fs::write(
        &input,
        concat!(
            r#"{"id":"r1","date":"2024-05-06","text":"Chancellor Olaf Scholz met French President Emmanuel Macron in Berlin on Monday. Scholz said the talks went well."}"#,
            "\n",
            r#"{"id":"r2","date":"2024-05-08","text":"Chancellor Scholz spoke by phone with Macron on Wednesday, his office said."}"#,
            "\n"
        ),
    )
    .unwrap();
    let (_d, store) = store_of(&[input], &[]);
    let html = report(&store, &[]);
    let people = nodes(&html, "person");
    assert_eq!(people.iter().filter(|p| p.contains("Scholz")).collect::<Vec<_>>(), ["Olaf Scholz"], "{people:?}");
    assert!(html.contains("Olaf Scholz (person), in 2 article(s)"), "the node does not count both articles");
    assert!(html.contains("data-class=\"PhoneCall\""), "no phone call");
}

#[test]
fn a_store_of_facts_only_is_reported_without_texts() {
    let (_dir, store) = store_of(&examples(), &["--provenance", "facts"]);
    let html = report(&store, &[]);
    assert!(nodes(&html, "person").iter().any(|p| p == "Vladimir Putin"));
    assert!(html.contains("The text is not stored (loaded with --provenance facts)."));
    assert!(!html.contains("<mark "));
}
