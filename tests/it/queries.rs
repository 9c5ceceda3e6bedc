//! The saved queries: each parses, says what it answers, and gives the expected rows on the example article.

use crate::common::{fixture, read, rows, store_with};
use newskg::queries::{describe, SAVED};

#[test]
fn every_saved_query_documents_itself_and_runs() {
    assert!(SAVED.len() >= 6);
    let store = store_with(&read(&fixture()));
    for (name, text) in SAVED {
        let (summary, params) = describe(text);
        assert!(summary.len() > 20, "{name}: no comment saying what it answers");
        // Bind every parameter to something present in the example article.
        let bindings: Vec<(&str, &str)> = params
            .iter()
            .filter(|p| !p.contains("(optional)"))
            .map(|p| {
                let var = p.split_whitespace().next().unwrap();
                let value = match var {
                    "role" => "president",
                    "second" => "Trump",
                    _ => "Putin",
                };
                (var, value)
            })
            .collect();
        let r = rows(&store, text, &bindings);
        // Events reported by several articles need several articles: tests/it/identity.rs runs it on two.
        if *name == "events-reported-by-several" {
            continue;
        }
        assert!(!r.is_empty(), "{name} gave no rows with {bindings:?}");
    }
}

fn saved(name: &str) -> &'static str {
    newskg::queries::find_saved(name).unwrap()
}

#[test]
fn saved_queries_answer_the_questions_of_the_example_article() {
    let store = store_with(&read(&fixture()));
    let met = rows(&store, saved("who-met-whom"), &[("person", "Putin")]);
    assert!(
        met.iter().any(|r| r.starts_with("2025-03-13,Meeting,Vladimir Putin,Steve Witkoff,Moscow,Occurred")),
        "{met:?}"
    );
    assert!(met.iter().any(|r| r.contains("PhoneCall,Vladimir Putin,Trump,,Planned")), "{met:?}");
    let presidents = rows(&store, saved("people-with-role"), &[("role", "president")]);
    assert_eq!(presidents.len(), 2, "{presidents:?}");
    let roles = rows(&store, saved("roles-of-person"), &[("person", "Waltz")]);
    assert!(
        roles[0].starts_with("Michael Waltz,national security adviser,,Trump,,national security adviser"),
        "{roles:?}"
    );
    let both = rows(&store, saved("articles-with-both"), &[("first", "Witkoff"), ("second", "Peskov")]);
    assert_eq!(both.len(), 1);
    let none = rows(&store, saved("articles-with-both"), &[("first", "Witkoff"), ("second", "Nobody")]);
    assert!(none.is_empty());
    let about = rows(&store, saved("about-person"), &[("person", "Waltz")]);
    assert!(about[0].contains("national security adviser to Trump"), "{about:?}");
    let timeline = rows(&store, saved("timeline"), &[]);
    assert!(timeline.first().is_some_and(|r| r.starts_with("2025-03-13,Meeting")), "{timeline:?}");
    // The generic classes (a stative "remain", an "interaction") are left out of the timeline.
    assert!(timeline.iter().all(|r| !r.contains(",State,") && !r.contains(",Occurrence,")), "{timeline:?}");
}

#[test]
fn name_parameters_match_whole_words_in_any_case_by_an_index_lookup() {
    let store = store_with(&read(&fixture()));
    let about = |who: &str| rows(&store, saved("about-person"), &[("person", who)]);
    let witkoff = about("Witkoff");
    assert!(!witkoff.is_empty());
    assert_eq!(about("witkoff"), witkoff);
    assert_eq!(about("  WITKOFF "), witkoff);
    assert!(about("Steve Witkoff").iter().all(|r| witkoff.contains(r)));
    assert!(about("Witk").is_empty(), "part of a word is not a name key");
    let bound =
        newskg::store::bind_parameters(saved("about-person"), &[("person".into(), "Steve  Witkoff".into())]).unwrap();
    assert!(bound.contains("nkg:nameKey \"steve witkoff\""), "{bound}");
}
