//! People and their roles: which capitalised words are people, and which title, organisation and rank each holds.
//! Every sentence here is made up for the test.

use newskg::article::Article;
use newskg::extract::EntityKind;

fn facts(text: &str) -> newskg::Facts {
    let article =
        Article { id: "t".into(), title: None, published: None, url: None, text: text.into(), origin: "test".into() };
    newskg::extract_facts(&article)
}

/// The people found in `text`, by canonical name, in order of discovery.
fn people(text: &str) -> Vec<String> {
    facts(text).entities.iter().filter(|e| e.kind == EntityKind::Person).map(|e| e.name.clone()).collect()
}

/// The roles found in `text` as "person | role | organisation" ("-" for none).
fn roles(text: &str) -> Vec<String> {
    let f = facts(text);
    let mut out: Vec<String> = f
        .roles
        .iter()
        .map(|r| {
            let org = r.organization.map_or("-".to_string(), |o| f.entities[o].name.clone());
            format!("{} | {} | {}", f.entities[r.person].name, r.label, org)
        })
        .collect();
    out.sort();
    out
}

/// The text of every mention of the person named `name`.
/// The name mentions of a person (pronouns the event stage links to them are left out).
fn mentions_of(text: &str, name: &str) -> Vec<String> {
    let f = facts(text);
    let i = f.entities.iter().position(|e| e.kind == EntityKind::Person && e.name == name).expect(name);
    f.mentions
        .iter()
        .filter(|m| m.entity == i && !m.reason.contains("pronoun for"))
        .map(|m| m.span.of(text).to_string())
        .collect()
}

#[test]
fn a_pronoun_that_names_a_participant_is_a_mention_of_its_person() {
    let text = "Steve Marlow founded the firm in 1990. Last year Steve said he would retire.";
    let f = facts(text);
    let he = f.mentions.iter().find(|m| m.span.of(text) == "he").expect("a mention for \"he\"");
    assert_eq!(f.entities[he.entity].name, "Steve Marlow");
    assert_eq!(he.reason, "pronoun for Steve Marlow");
}

#[test]
fn organisation_and_facility_names_are_not_people() {
    let text = "The Carla Benton Foundation said it would help. Officers of the Delmont Police Department \
                said the road was closed. Flights landed at John F. Harlow airport, and Mark Steyn said so.";
    assert_eq!(people(text), ["Mark Steyn"]);
    // A prize in a hyphenated word: "a Booker Prize-winner".
    assert_eq!(people("Hilde Brandt, a Pulitzer Prize-winner, said the book was done."), ["Hilde Brandt"]);
}

#[test]
fn a_capitalised_word_after_a_determiner_is_not_a_name() {
    assert!(people("After the vote, the Lantern said it would reopen on Monday.").is_empty());
    assert!(people("Critics of the Harbour say the Church denied the claims.").is_empty());
}

#[test]
fn what_follows_an_organisation_name_is_more_of_that_name() {
    assert!(people("Nokia Labs said the phones would ship in May.").is_empty());
}

#[test]
fn a_demonym_alone_is_not_a_person() {
    assert!(people("The two major Canadian banks reported results.").is_empty());
}

#[test]
fn pronouns_and_adverbs_before_a_reporting_verb_are_not_people() {
    assert!(people("\"Everyone told us we would lose,\" he said. Usually, prices rise.").is_empty());
}

#[test]
fn names_listed_with_a_person_are_people() {
    let text = "Coach Lars Berg picked Ikechi Duru, Nacer Okafor and Tunde Bakare for the match.";
    assert_eq!(people(text), ["Lars Berg", "Ikechi Duru", "Nacer Okafor", "Tunde Bakare"]);
    // Not an affiliation: "of People Power" names a party.
    let text = "Wilson Mak of the Labour Party, Kevin Lo of People Power, and Lee Kwok-wai of LSD won seats.";
    assert!(!people(text).contains(&"People Power".to_string()), "{:?}", people(text));
}

#[test]
fn a_title_is_not_a_name_in_a_list() {
    let text = "The plan was backed by Stefan Ivarsson and Prime Minister Ola Dahl.";
    assert_eq!(people(text), ["Stefan Ivarsson", "Ola Dahl"]);
}

#[test]
fn a_given_name_alone_joins_the_one_person_bearing_it() {
    let text = "Steve Marlow founded the firm in 1990. Last year Steve said he would retire.";
    assert_eq!(people(text), ["Steve Marlow"]);
    assert_eq!(mentions_of(text, "Steve Marlow"), ["Steve Marlow", "Steve"]);
}

#[test]
fn a_misspelt_name_joins_its_person() {
    let text = "Analyst Paula Lindqvist expects a cut. Lindqvsit said rates were too high. \
                Kristin Haugen spoke first; Kristen Haugen then left.";
    assert_eq!(people(text), ["Paula Lindqvist", "Kristin Haugen"]);
}

#[test]
fn romanised_names_particles_and_short_surnames() {
    assert_eq!(
        people("Korea replaced Park Joo-Ho with Kim Min-Woo in the second half."),
        ["Park Joo-Ho", "Kim Min-Woo"]
    );
    assert_eq!(people("Civil defence director Suleiman al-Amr said all were safe."), ["Suleiman al-Amr"]);
    assert_eq!(people("District councillor Kevin Or won the seat in March."), ["Kevin Or"]);
}

#[test]
fn a_portfolio_belongs_to_the_title() {
    let text = "European Commissioner for Trade Anna Lindholm said talks would go on.";
    assert_eq!(people(text), ["Anna Lindholm"]);
    assert_eq!(roles(text), ["Anna Lindholm | commissioner for trade | -"]);
    assert_eq!(
        roles("Minister of Education Laura Conti said schools would open."),
        ["Laura Conti | minister of education | -"]
    );
}

#[test]
fn its_and_the_companys_before_a_title_name_the_organisation() {
    let text = "Shares of Nokia fell. Its CEO Jan Hale resigned, and the company's vice president Lena Ortiz left.";
    assert_eq!(roles(text), ["Jan Hale | chief executive officer | Nokia", "Lena Ortiz | vice president | Nokia"]);
    assert_eq!(
        roles("Nokia lost money. The firm's CEO, Jan Hale, said so."),
        ["Jan Hale | chief executive officer | Nokia"]
    );
}

#[test]
fn the_organisation_after_the_name() {
    assert_eq!(roles("The show featured musician Tom Reyes of Blue Harbor."), ["Tom Reyes | musician | Blue Harbor"]);
    let text = "Guests included publishers Ana Vidal of Tinta Nueva and Olaf Berg of Nordpost.";
    assert_eq!(roles(text), ["Ana Vidal | publisher | Tinta Nueva", "Olaf Berg | publisher | Nordpost"]);
}

#[test]
fn a_title_of_an_organisation_before_the_name() {
    assert_eq!(roles("Secretary of the Navy Robert Lane disagreed."), ["Robert Lane | secretary | Navy"]);
    assert_eq!(
        roles("Co-founder of Zentrix, Maria Olsen, said the app was ready."),
        ["Maria Olsen | co-founder | Zentrix"]
    );
    let text = "Nokia sued. The general counsel of the company, Mark Ruiz, explained the case.";
    assert_eq!(roles(text), ["Mark Ruiz | general counsel | Nokia"]);
}

#[test]
fn an_organisation_as_written_does_not_run_past_a_known_name_into_the_person() {
    // "Philippines Tavita" is no organisation: the known name ends and the person's given name follows.
    let text = "In a speech, President of the Philippines Tavita Holt presented a plan. Holt said it would work.";
    let found = roles(text);
    assert!(found.iter().all(|r| !r.contains("Philippines Tavita")), "{found:?}");
}

#[test]
fn coordinated_titles_share_the_organisation() {
    assert_eq!(
        roles("On Monday, Zentrix CEO and co-founder Maria Olsen spoke."),
        ["Maria Olsen | chief executive officer | Zentrix", "Maria Olsen | co-founder | Zentrix"]
    );
    let text = "Paul Grant, curator and director of collections at the Harlow Museum, said it was a gift.";
    assert_eq!(roles(text), ["Paul Grant | curator | Harlow Museum", "Paul Grant | director | Harlow Museum"]);
}

#[test]
fn an_acronym_names_the_organisation_and_the_next_title_shares_it() {
    let text = "The NFU President Alan Marsh and Vice President Carol Dean said the plan was poor.";
    assert_eq!(roles(text), ["Alan Marsh | president | NFU", "Carol Dean | vice president | NFU"]);
}

#[test]
fn rank_and_field_words_stay_in_the_title() {
    let text = "\"Buy,\" said Ana Ruiz, chief market economist at Keller Partners. Tom Wu, head trader at \
                Orlin Capital, agreed with Eva Moss, the senior currency strategist for Keystone Bank.";
    assert_eq!(
        roles(text),
        [
            "Ana Ruiz | chief market economist | Keller Partners",
            "Eva Moss | senior currency strategist | Keystone Bank",
            "Tom Wu | head trader | Orlin Capital"
        ]
    );
    assert_eq!(
        roles("Tina Vogel, assistant professor of photography, spoke."),
        ["Tina Vogel | assistant professor of photography | -"]
    );
}

#[test]
fn a_new_or_current_holder_of_a_title() {
    let text =
        "Nokia named Erik Lund as its new chief executive, replacing Ida Berg, the current chief operating officer.";
    assert_eq!(roles(text), ["Erik Lund | chief executive officer | Nokia", "Ida Berg | chief operating officer | -"]);
}

#[test]
fn an_organisation_as_written_before_a_title_after_the_name() {
    let text = "Jill Parry, Saturnia's general manager, said sales rose. Ken Abe, an Orvex employee, agreed.";
    assert_eq!(roles(text), ["Jill Parry | general manager | Saturnia", "Ken Abe | employee | Orvex"]);
}

#[test]
fn a_shorter_form_of_a_title_is_the_same_role_but_a_rank_is_not() {
    let text = "Emeritus Professor Ivo Brandt chaired the panel. Professor Brandt said it was unanimous.";
    assert_eq!(roles(text), ["Ivo Brandt | emeritus professor | -"]);
    let text = "Vice President Ana Kovac spoke first. Later, President Ana Kovac closed the session.";
    assert_eq!(roles(text), ["Ana Kovac | president | -", "Ana Kovac | vice president | -"]);
}

#[test]
fn lower_case_ranks_products_and_initials_are_not_titles_before_a_name() {
    assert!(roles("The museum is a recipient of a large Kramer donor scheme.").is_empty());
    assert!(people("The plant will build the next model Corsair in 2030.").is_empty());
    assert_eq!(roles("J.R. Doyle, treasurer at the Orland Trust, said so."), ["Doyle | treasurer | Orland Trust"]);
}

#[test]
fn formerly_and_a_model_number_before_the_title() {
    let f =
        facts("Shares fell as Daniel Chen, formerly an Apple executive, left. Olga Lam, 787 project manager, spoke.");
    let got: Vec<(String, String, bool)> =
        f.roles.iter().map(|r| (f.entities[r.person].name.clone(), r.label.clone(), r.former)).collect();
    assert_eq!(
        got,
        [
            ("Daniel Chen".to_string(), "executive".to_string(), true),
            ("Olga Lam".into(), "project manager".into(), false)
        ]
    );
}

#[test]
fn both_titles_of_a_predicate() {
    assert_eq!(
        roles("Critics agree that Ida Varga was both an artist and a businessperson."),
        ["Ida Varga | artist | -", "Ida Varga | businessperson | -"]
    );
    assert_eq!(roles("As coauthor Lena Holt told reporters, the data are clear."), ["Lena Holt | coauthor | -"]);
}

#[test]
fn an_apposition_with_formerly_and_a_long_organisation_name_shows_a_person() {
    let text = "Zorvan Pettakis, formerly an Apple Inc. executive, left the company.";
    assert_eq!(people(text), ["Zorvan Pettakis"]);
}
