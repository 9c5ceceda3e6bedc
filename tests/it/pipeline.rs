//! The example article of issue 2, end to end: every fact asserted through SPARQL on the loaded graph.

use crate::common::{fixture, read, rows, store_with, value};

fn store() -> newskg::store::KnowledgeStore {
    let articles = read(&fixture());
    assert_eq!(articles.len(), 1);
    store_with(&articles)
}

#[test]
fn publication_date_comes_from_the_dateline() {
    let s = store();
    assert_eq!(value(&s, "SELECT ?d WHERE { ?a a schema:NewsArticle ; schema:datePublished ?d }"), "2025-03-14");
    assert_eq!(
        value(&s, "SELECT ?h WHERE { ?a a schema:NewsArticle ; schema:headline ?h }"),
        "Diplomatic Talks Resurface as Putin Meets U.S. Envoy in Moscow"
    );
}

#[test]
fn exactly_five_people_with_their_name_forms() {
    let s = store();
    let names = rows(&s, "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n", &[]);
    assert_eq!(names, ["Dmitri Peskov", "Michael Waltz", "Steve Witkoff", "Trump", "Vladimir Putin"]);
    let putin = rows(
        &s,
        "SELECT ?alt WHERE { ?p schema:name \"Vladimir Putin\" ; schema:alternateName ?alt } ORDER BY ?alt",
        &[],
    );
    assert_eq!(putin, ["Putin", "Vladimir V. Putin"]);
    let peskov = rows(
        &s,
        "SELECT ?alt WHERE { ?p schema:name \"Dmitri Peskov\" ; schema:alternateName ?alt } ORDER BY ?alt",
        &[],
    );
    assert_eq!(peskov, ["Dmitri S. Peskov", "Peskov"]);
}

#[test]
fn no_headline_word_becomes_a_person() {
    let s = store();
    // Every person mention's text is one of that person's names.
    let bad = rows(
        &s,
        "SELECT ?anchor WHERE { ?m itsrdf:taIdentRef ?p ; nif:anchorOf ?anchor ; nkg:resolvedBy ?why . ?p a schema:Person .
           FILTER NOT EXISTS { ?p schema:name|schema:alternateName ?anchor }
           FILTER(!STRSTARTS(?why, \"title of\") && !CONTAINS(?why, \"pronoun for\")) }",
        &[],
    );
    assert!(bad.is_empty(), "person mentions that are not names: {bad:?}");
    // The headline's "Putin" is linked to the one Putin.
    let headline_putin = rows(&s, "SELECT ?n WHERE { ?m nif:beginIndex 288 ; itsrdf:taIdentRef/schema:name ?n }", &[]);
    assert_eq!(headline_putin, ["Vladimir Putin"]);
}

#[test]
fn the_five_roles() {
    let s = store();
    let q = "SELECT ?name ?role ?org ?towards WHERE {
               ?m a org:Membership ; org:member/schema:name ?name ; org:role/skos:prefLabel ?role .
               OPTIONAL { ?m org:organization/schema:name ?org }
               OPTIONAL { ?m nkg:roleTowards/schema:name ?towards } } ORDER BY ?name ?role";
    assert_eq!(
        rows(&s, q, &[]),
        [
            "Dmitri Peskov,spokesman,Kremlin,",
            "Michael Waltz,national security adviser,,Trump",
            "Steve Witkoff,special envoy,United States,",
            "Trump,president,,",
            "Vladimir Putin,president,Russia,",
        ]
    );
    assert_eq!(
        value(&s, "SELECT ?t WHERE { ?p schema:name \"Dmitri Peskov\" ; schema:jobTitle ?t }"),
        "Kremlin spokesman"
    );
}

#[test]
fn one_meeting_of_putin_and_witkoff_in_moscow_on_march_13() {
    let s = store();
    let q = "SELECT ?e ?place ?date ?status WHERE {
               ?e a nkg:Meeting ; sem:hasActor ?p1, ?p2 ; sem:hasPlace/schema:name ?place ;
                  sem:hasTimeStamp ?date ; nkg:status ?status .
               ?p1 schema:name \"Vladimir Putin\" . ?p2 schema:name \"Steve Witkoff\" }";
    let meetings = rows(&s, q, &[]);
    assert_eq!(meetings.len(), 1, "{meetings:?}");
    assert!(meetings[0].ends_with(",Moscow,2025-03-13,https://w3id.org/newskg/ontology#Occurred"), "{meetings:?}");
    let all = value(
        &s,
        "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e a nkg:Meeting ; sem:hasActor/schema:name \"Steve Witkoff\", \"Vladimir Putin\" }",
    );
    assert_eq!(all, "1");
    // Its actors are the two people, not the country premodifying "special envoy".
    let actors = rows(
        &s,
        "SELECT ?n WHERE { ?e a nkg:Meeting ; sem:hasTimeStamp ?d ; sem:hasActor/schema:name ?n } ORDER BY ?n",
        &[],
    );
    assert_eq!(actors, ["Steve Witkoff", "Vladimir Putin"]);
    // The headline, the lead and the body tell the same meeting: one event, several triggers.
    let triggers = value(
        &s,
        "SELECT (COUNT(?t) AS ?n) WHERE { ?e a nkg:Meeting ; sem:hasActor/schema:name \"Steve Witkoff\" ; nkg:trigger ?t }",
    );
    assert!(triggers.parse::<usize>().unwrap() >= 3, "{triggers}");
}

#[test]
fn planned_phone_call_statement_news_conference_and_proposal() {
    let s = store();
    let call = rows(
        &s,
        "SELECT ?e WHERE { ?e a nkg:PhoneCall ; nkg:status nkg:Planned ;
           sem:hasActor/schema:name \"Trump\", \"Vladimir Putin\" }",
        &[],
    );
    assert_eq!(call.len(), 1, "{call:?}");
    let statement = rows(
        &s,
        "SELECT ?d WHERE { ?e a nkg:Statement ; sem:hasActor/schema:name \"Dmitri Peskov\" ; sem:hasTimeStamp ?d }",
        &[],
    );
    assert_eq!(statement, ["2025-03-14"]);
    let conference = rows(
        &s,
        "SELECT ?e WHERE { ?e a nkg:PressConference ; sem:hasActor/schema:name \"Vladimir Putin\" ; nkg:status nkg:Occurred }",
        &[],
    );
    assert_eq!(conference.len(), 1);
    let proposal = rows(
        &s,
        "SELECT DISTINCT ?e WHERE { ?e a nkg:Proposal ; nkg:status nkg:Proposed ; nkg:trigger/nif:sentence/nif:anchorOf ?s .
           FILTER(CONTAINS(?s, \"30-day truce\")) }",
        &[],
    );
    assert_eq!(proposal.len(), 1, "{proposal:?}");
}

#[test]
fn time_expressions_resolve_against_the_publication_date() {
    let s = store();
    let q = "SELECT DISTINCT ?text ?type ?value WHERE { ?t a nkg:TimeExpression ; nif:anchorOf ?text ;
               nkg:timexType ?type ; nkg:timexValue ?value } ORDER BY ?text";
    let got = rows(&s, q, &[]);
    for want in [
        "late Thursday,DATE,2025-03-13",
        "Friday,DATE,2025-03-14",
        "February 12,DATE,2025-02-12",
        "30-day,DURATION,P30D",
    ] {
        assert!(got.contains(&want.to_string()), "missing {want} in {got:?}");
    }
}

#[test]
fn every_offset_slices_exactly_its_anchor_text() {
    let s = store();
    let q = "SELECT (COUNT(?m) AS ?all) (SUM(IF(SUBSTR(?text, ?b + 1, ?e - ?b) = ?anchor, 1, 0)) AS ?exact) WHERE {
               ?m nif:referenceContext ?a ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:anchorOf ?anchor .
               ?a nif:isString ?text }";
    let r = rows(&s, q, &[]);
    let (all, exact) = r[0].split_once(',').unwrap();
    assert!(all.parse::<usize>().unwrap() > 40, "{r:?}");
    assert_eq!(all, exact);
}

#[test]
fn repeated_paragraphs_add_no_second_copy_of_a_fact() {
    let s = store();
    // The body is printed twice; no mention may point into the second copy (from character 2136 on).
    let second_half =
        value(&s, "SELECT (COUNT(?m) AS ?n) WHERE { ?m a nif:Phrase ; nif:beginIndex ?b . FILTER(?b >= 2136) }");
    assert_eq!(second_half, "0");
    assert_eq!(value(&s, "SELECT (COUNT(?m) AS ?n) WHERE { ?m a org:Membership }"), "5");
}
