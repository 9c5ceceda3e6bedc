//! Organisations and the places, teams and people around them (issue 16), on sentences of our own.

use newskg::article::Article;
use newskg::extract::EntityKind;

fn facts(text: &str) -> newskg::Facts {
    let article =
        Article { id: "t".into(), title: None, published: None, url: None, text: text.into(), origin: "test".into() };
    newskg::extract_facts(&article)
}

/// (text of the mention, kind, schema.org class, reason) of every name mention, in text order.
fn names(text: &str) -> Vec<(String, EntityKind, Option<&'static str>, String)> {
    let f = facts(text);
    let mut out: Vec<_> = f
        .mentions
        .iter()
        .filter(|m| !m.reason.contains("pronoun for") && !m.reason.starts_with("title of"))
        .map(|m| {
            let e = &f.entities[m.entity];
            (m.span.of(text).to_string(), e.kind, e.schema, m.reason.clone())
        })
        .collect();
    out.sort_by_key(|(s, _, _, _)| text.find(s.as_str()));
    out
}

fn kind_of(text: &str, surface: &str) -> Option<(EntityKind, Option<&'static str>)> {
    names(text).into_iter().find(|(s, _, _, _)| s == surface).map(|(_, k, c, _)| (k, c))
}

#[test]
fn a_head_word_names_an_organisation_no_gazetteer_lists() {
    let text = "Passengers of Korvald Airlines waited. The Delmont Police Department and the University of \
                Eastern Varnia issued a statement, and the Brisk Party said nothing.";
    assert_eq!(kind_of(text, "Korvald Airlines"), Some((EntityKind::Organization, Some("Airline"))));
    assert_eq!(
        kind_of(text, "Delmont Police Department"),
        Some((EntityKind::Organization, Some("GovernmentOrganization")))
    );
    assert_eq!(
        kind_of(text, "University of Eastern Varnia"),
        Some((EntityKind::Organization, Some("EducationalOrganization")))
    );
    assert_eq!(kind_of(text, "Brisk Party"), Some((EntityKind::Organization, Some("PoliticalParty"))));
}

#[test]
fn a_head_alone_or_after_a_given_name_names_no_organisation() {
    // "Police" at a sentence start, "the Council" alone, and a person called Press.
    let text = "Police said the Council would meet. Jim Press, the vice chairman, agreed.";
    let got = names(text);
    assert!(got.iter().all(|(s, k, _, _)| *k != EntityKind::Organization || !s.contains("Press")), "{got:?}");
    assert!(!got.iter().any(|(s, _, _, _)| s == "Police" || s == "Council"), "{got:?}");
    assert_eq!(kind_of(text, "Jim Press"), Some((EntityKind::Person, None)));
}

#[test]
fn a_legal_form_and_an_acronym_defined_in_the_text() {
    let text = "Quellmark Holdings Ltd bought a stake. The Joint Council for the Welfare of Tenants (JCWT) objected, \
                and JCWT lawyers said so.";
    assert_eq!(kind_of(text, "Quellmark Holdings Ltd"), Some((EntityKind::Organization, Some("Corporation"))));
    let got = names(text);
    let jcwt: Vec<_> = got.iter().filter(|(s, _, _, _)| s == "JCWT").collect();
    assert_eq!(jcwt.len(), 2, "{got:?}");
    assert!(jcwt.iter().all(|(_, k, _, r)| *k == EntityKind::Organization && r.contains("Joint Council")), "{got:?}");
}

#[test]
fn an_acronym_for_no_organisation_is_none() {
    let text = "The firm released a Widget Assembly Kit (WAK) for developers. The WAK is free.";
    assert!(!names(text).iter().any(|(s, _, _, _)| s == "WAK" || s.contains("Widget")), "{:?}", names(text));
}

#[test]
fn an_organisations_words_around_an_unknown_name() {
    let text = "Shares of Brennix rose 4%. Tolvane said in a statement that it would appeal.";
    assert_eq!(kind_of(text, "Brennix").map(|k| k.0), Some(EntityKind::Organization));
    assert_eq!(kind_of(text, "Tolvane").map(|k| k.0), Some(EntityKind::Organization));
}

#[test]
fn teams_in_a_match_are_teams_and_players_in_a_set_score_are_people() {
    let text = "Leicester beat Chelsea 2-1 on Saturday. Japan scored twice. Kowalczyk beat Hendry 6-3 6-2.";
    assert_eq!(kind_of(text, "Leicester"), Some((EntityKind::Organization, Some("SportsTeam"))));
    assert_eq!(kind_of(text, "Chelsea"), Some((EntityKind::Organization, Some("SportsTeam"))));
    assert_eq!(kind_of(text, "Japan"), Some((EntityKind::Organization, Some("SportsTeam"))));
    assert_eq!(kind_of(text, "Kowalczyk").map(|k| k.0), Some(EntityKind::Person));
    assert_eq!(kind_of(text, "Hendry").map(|k| k.0), Some(EntityKind::Person));
    // Outside a match, a country is a place.
    assert!(kind_of("Japan exported more cars.", "Japan").is_some_and(|k| k.0 == EntityKind::Country));
}

#[test]
fn a_seat_of_government_is_the_government_and_a_currency_prefix_no_place() {
    let text = "The Kremlin declined to comment. The deal is worth US$40 billion.";
    assert_eq!(kind_of(text, "Kremlin"), Some((EntityKind::Organization, Some("GovernmentOrganization"))));
    assert!(kind_of(text, "US").is_none(), "{:?}", names(text));
}

#[test]
fn a_makers_name_in_a_product_and_a_unit_of_a_known_company() {
    let text = "The Boeing 737-800 landed. Analysts at Invesco Asia Desk disagreed.";
    assert!(kind_of(text, "Boeing").is_none(), "{:?}", names(text));
    assert_eq!(kind_of(text, "Invesco Asia Desk").map(|k| k.0), Some(EntityKind::Organization));
}

#[test]
fn capitalised_words_that_name_nothing_stay_unnamed() {
    // Sentence-initial capitals, months, weekdays, and a Title Case headline discover no organisation.
    let text =
        "Markets Rally As Investors Cheer Central Bank Move\nOn Monday in March, Analysts said trading was calm.";
    let got = names(text);
    assert!(!got.iter().any(|(_, k, _, _)| *k == EntityKind::Organization), "{got:?}");
}
