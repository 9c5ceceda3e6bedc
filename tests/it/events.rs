//! Events (issue 5): status, passive voice, "between X and Y", reported speech, and one event per real event of an
//! article, on sentences of our own.

use newskg::article::Article;
use newskg::extract::quantity::Unit;
use newskg::extract::{Arg, ArgRole, EventClass, Facts, Status};

use crate::common::{rows, store_with};

fn article(text: &str, date: &str) -> Article {
    Article {
        id: "events-test".into(),
        title: None,
        published: chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok(),
        url: None,
        text: text.into(),
        origin: "test".into(),
    }
}

fn facts(text: &str) -> Facts {
    newskg::extract_facts(&article(text, "2024-05-10"))
}

/// (class, status, actor names sorted) of every event whose trigger is `word`.
fn event_of(facts: &Facts, word: &str, text: &str) -> Vec<(EventClass, Status, Vec<String>)> {
    facts
        .events
        .iter()
        .filter(|e| e.triggers.iter().any(|t| &text[t.start..t.end] == word))
        .map(|e| {
            let mut names: Vec<String> = e.actors.iter().map(|&a| facts.entities[a].name.clone()).collect();
            names.sort();
            (e.class, e.status, names)
        })
        .collect()
}

fn one(facts: &Facts, word: &str, text: &str) -> (EventClass, Status, Vec<String>) {
    let got = event_of(facts, word, text);
    assert_eq!(got.len(), 1, "{word:?}: {got:?}");
    got.into_iter().next().unwrap()
}

#[test]
fn status_from_tense_modals_negation_and_proposals() {
    let text = "Boeing sold its satellite unit. Airbus will buy the engine maker next year. \
                Renault may sell its truck division. Nissan did not cut its forecast. \
                Toyota proposed a merger with Nissan. Siemens plans to acquire a rival.";
    let f = facts(text);
    assert_eq!(one(&f, "sold", text), (EventClass::Transaction, Status::Occurred, vec!["Boeing".into()]));
    assert_eq!(one(&f, "buy", text).1, Status::Planned);
    assert_eq!(one(&f, "sell", text).1, Status::Uncertain);
    assert_eq!(one(&f, "cut", text).1, Status::Uncertain);
    assert_eq!(one(&f, "proposed", text).1, Status::Proposed);
    assert_eq!(one(&f, "acquire", text), (EventClass::Transaction, Status::Planned, vec!["Siemens".into()]));
}

#[test]
fn a_will_in_the_reported_clause_does_not_make_the_saying_planned() {
    let text = "Fiat will shut down two plants, the company said on Tuesday.";
    let f = facts(text);
    assert_eq!(one(&f, "shut down", text).1, Status::Planned);
    assert_eq!(one(&f, "said", text).1, Status::Occurred);
}

#[test]
fn passive_voice_gives_the_agent_and_the_subject() {
    let text = "Nokia was acquired by Microsoft in 2013. The contract was rejected by France.";
    let f = facts(text);
    assert_eq!(
        one(&f, "acquired", text),
        (EventClass::Transaction, Status::Occurred, vec!["Microsoft".into(), "Nokia".into()])
    );
    // A statement-like class keeps only the agent of a passive.
    assert_eq!(one(&f, "rejected", text).2, vec!["France".to_string()]);
}

#[test]
fn between_x_and_y_and_x_and_y_met() {
    let text = "Talks between Boeing and Airbus resumed in Paris. Germany and France met in Berlin on Monday.";
    let f = facts(text);
    assert_eq!(
        one(&f, "Talks", text),
        (EventClass::Negotiation, Status::Occurred, vec!["Airbus".into(), "Boeing".into()])
    );
    let (class, _, actors) = one(&f, "met", text);
    assert_eq!((class, actors), (EventClass::Meeting, vec!["France".to_string(), "Germany".to_string()]));
    let meeting = f.events.iter().find(|e| e.class == EventClass::Meeting).unwrap();
    // The date is the clause's own time expression, resolved against the publication date (Friday 2024-05-10).
    assert_eq!(meeting.date.map(|d| d.to_string()).as_deref(), Some("2024-05-06"));
    assert_eq!(f.entities[meeting.place.unwrap()].name, "Berlin");
}

#[test]
fn a_date_in_an_aside_does_not_date_the_event() {
    let text = "Olaf Scholz, who visited Paris on Monday, met Emmanuel Macron on Wednesday.";
    let f = facts(text);
    let meeting = f.events.iter().find(|e| e.class == EventClass::Meeting).unwrap();
    assert_eq!(meeting.date.map(|d| d.to_string()).as_deref(), Some("2024-05-08"));
    let visit = f.events.iter().find(|e| e.class == EventClass::Visit).unwrap();
    assert_eq!(visit.date.map(|d| d.to_string()).as_deref(), Some("2024-05-06"));
}

#[test]
fn no_date_is_guessed_from_the_publication_date() {
    let text = "Siemens sold its train unit.";
    let f = facts(text);
    let sale = f.events.iter().find(|e| e.class == EventClass::Transaction).unwrap();
    assert_eq!(sale.date, None);
}

#[test]
fn a_reporting_verb_after_the_clause_and_an_inverted_speaker() {
    let text = "Toyota will cut 5,000 jobs, said Chancellor Olaf Scholz.";
    let f = facts(text);
    assert_eq!(one(&f, "said", text), (EventClass::Statement, Status::Occurred, vec!["Olaf Scholz".into()]));
    let statement = f.events.iter().find(|e| e.class == EventClass::Statement).unwrap();
    let reported: Vec<EventClass> = statement.reports.iter().map(|&i| f.events[i].class).collect();
    assert_eq!(reported, [EventClass::Decrease]);
}

#[test]
fn reported_speech_links_speaker_and_event_in_the_graph() {
    let text = "Chancellor Olaf Scholz said that Germany would buy Airbus planes.\n\
                Renault claimed that Nissan sold its stake.";
    let store = store_with(&[article(text, "2024-05-10")]);
    let got = rows(
        &store,
        "SELECT ?speaker ?class ?status WHERE {
           ?s a nkg:Statement ; sem:hasActor/schema:name ?speaker ; nkg:reports ?e .
           ?e a ?class ; nkg:status ?status . FILTER(?class != sem:Event) } ORDER BY ?speaker",
        &[],
    );
    let nkg = "https://w3id.org/newskg/ontology#";
    assert_eq!(
        got,
        [
            format!("Olaf Scholz,{nkg}Transaction,{nkg}Planned"),
            // A hedging reporting verb leaves what it reports uncertain.
            format!("Renault,{nkg}Transaction,{nkg}Uncertain"),
        ]
    );
}

#[test]
fn headline_lead_and_repeated_paragraph_tell_one_event() {
    let text = "Fiat Buys Chrysler Stake\n\
                Fiat bought a stake in Chrysler on Thursday, the companies said.\n\
                The deal was signed in Turin.\n\
                Fiat bought a stake in Chrysler on Thursday, the companies said.\n";
    let f = newskg::extract_facts(&article(text, "2024-05-10"));
    let sales: Vec<_> = f.events.iter().filter(|e| e.class == EventClass::Transaction).collect();
    assert_eq!(sales.len(), 1, "{sales:?}");
    let sale = sales[0];
    // Headline and lead: two trigger mentions; the repeated paragraph adds none.
    assert_eq!(sale.triggers.len(), 2, "{sale:?}");
    assert_eq!(sale.date.map(|d| d.to_string()).as_deref(), Some("2024-05-09"));
    let mut actors: Vec<&str> = sale.actors.iter().map(|&a| f.entities[a].name.as_str()).collect();
    actors.sort();
    assert_eq!(actors, ["Chrysler", "Fiat"]);
}

#[test]
fn figures_that_fall_twice_are_two_events() {
    let text = "Toyota shares fell 3 percent. Later, its sales fell in Europe.";
    let f = facts(text);
    assert_eq!(f.events.iter().filter(|e| e.class == EventClass::Decrease).count(), 2);
}

#[test]
fn names_and_in_order_to_hold_no_trigger() {
    let text = "Officials from the United States met in order to discuss the plan.";
    let f = facts(text);
    assert!(event_of(&f, "States", text).is_empty());
    assert!(event_of(&f, "order", text).is_empty());
    assert_eq!(one(&f, "met", text).0, EventClass::Meeting);
}

#[test]
fn a_noun_premodifying_another_is_no_event_but_its_head_is() {
    let text = "The election campaign began. The death toll rose. A meeting between Boeing and Airbus ended.";
    let f = facts(text);
    assert!(event_of(&f, "election", text).is_empty());
    assert!(event_of(&f, "death", text).is_empty());
    assert_eq!(one(&f, "rose", text).0, EventClass::Increase);
    assert_eq!(one(&f, "meeting", text).2, ["Airbus", "Boeing"]);
}

#[test]
fn each_class_carries_the_cameo_code_of_the_ontology() {
    let ttl = std::fs::read_to_string(crate::common::root().join("ontology/newskg.ttl")).unwrap();
    for line in include_str!("../../data/events.tsv").lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
        let name = line.split('\t').nth(1).unwrap().trim();
        let block = ttl.split("\n\n").find(|b| b.starts_with(&format!("nkg:{name}\n"))).unwrap_or_else(|| {
            panic!("nkg:{name} is not defined in ontology/newskg.ttl");
        });
        let code = block.split("nkg:cameoRootCode \"").nth(1).map(|r| &r[..2]);
        let class = newskg::extract::EventClass::from_local_name(name).unwrap();
        assert_eq!(class.cameo(), code, "nkg:{name}");
    }
}

/// (role, participant name) of the event whose trigger is `word`: entities by name, things by their phrase, events
/// by their lemma.
fn roles_of(f: &Facts, word: &str, text: &str) -> Vec<(&'static str, String)> {
    let e = f.events.iter().find(|e| e.triggers.iter().any(|t| &text[t.start..t.end] == word)).expect(word);
    e.args
        .iter()
        .map(|(role, arg)| {
            let name = match *arg {
                Arg::Entity(x) => f.entities[x].name.clone(),
                Arg::Thing(x) => f.things[x].name.clone(),
                Arg::Event(x) => f.events[x].lemma.clone(),
            };
            (role.local_name(), name)
        })
        .collect()
}

#[test]
fn a_phone_call_said_with_a_light_verb_and_its_parties() {
    let text = "President Donald Trump spoke by phone with Olena Kovalenko on Wednesday.";
    let f = facts(text);
    let (class, status, actors) = one(&f, "spoke by phone", text);
    assert_eq!((class, status), (EventClass::PhoneCall, Status::Occurred));
    assert_eq!(actors, ["Donald Trump", "Olena Kovalenko"]);
    assert_eq!(
        roles_of(&f, "spoke by phone", text),
        [("agent", "Donald Trump".into()), ("patient", "Olena Kovalenko".into())]
    );
}

#[test]
fn who_did_it_to_whom_keeps_the_direction() {
    let text = "Arvania attacked Belmora. Belmora attacked Arvania.";
    let f = newskg::extract_facts(&article(text, "2024-05-10"));
    let attacks: Vec<(String, String)> = f
        .events
        .iter()
        .filter(|e| e.class == EventClass::Attack)
        .map(|e| {
            let who = |r: ArgRole| {
                e.args.iter().find(|(x, _)| *x == r).map(|(_, a)| match *a {
                    Arg::Entity(x) => f.entities[x].name.clone(),
                    Arg::Thing(x) => f.things[x].name.clone(),
                    Arg::Event(x) => f.events[x].lemma.clone(),
                })
            };
            (who(ArgRole::Agent).unwrap_or_default(), who(ArgRole::Patient).unwrap_or_default())
        })
        .collect();
    assert_eq!(attacks, [("Arvania".into(), "Belmora".into()), ("Belmora".into(), "Arvania".into())]);
}

#[test]
fn economic_changes_carry_what_changed_and_by_how_much() {
    let text = "Sales fell 20% in March. The company cut 5,000 jobs. Shares rose.";
    let f = facts(text);
    let fell = f.events.iter().find(|e| e.lemma == "fall").expect("a fall");
    assert_eq!(fell.class, EventClass::Decrease);
    // What fell is the sales, itself an event of selling; the 20% is the size of the fall.
    assert_eq!(roles_of(&f, "fell", text), [("patient", "sale".into())]);
    let q: Vec<(&str, &str)> =
        fell.quantities.iter().map(|q| (q.value.as_str(), &text[q.span.start..q.span.end])).collect();
    assert_eq!(q, [("20", "20%")]);
    assert_eq!(roles_of(&f, "cut", text), [("agent", "The company".into()), ("patient", "5,000 jobs".into())]);
    let cut = f.events.iter().find(|e| e.lemma == "cut").unwrap();
    assert_eq!(cut.quantities[0].unit, Unit::Count("jobs".into()));
    assert_eq!(one(&f, "rose", text).0, EventClass::Increase);
    assert_eq!(roles_of(&f, "rose", text), [("patient", "Shares".into())]);
}

#[test]
fn talks_held_and_a_deal_reached_take_the_subject_of_their_light_verb() {
    let text = "Boeing held talks with Airbus and reached a deal with Embraer.";
    let f = facts(text);
    assert_eq!(
        one(&f, "talks", text),
        (EventClass::Negotiation, Status::Occurred, vec!["Airbus".into(), "Boeing".into()])
    );
    assert_eq!(roles_of(&f, "deal", text), [("agent", "Boeing".into()), ("patient", "Embraer".into())]);
}

#[test]
fn a_passive_subject_is_the_patient_and_the_by_phrase_the_agent() {
    let text = "The plant was sold by Ford to Tata Motors.";
    let f = facts(text);
    assert_eq!(
        roles_of(&f, "sold", text),
        [("agent", "Ford Motor Company".into()), ("patient", "The plant".into()), ("recipient", "Tata Motors".into())]
    );
}

#[test]
fn verbs_and_event_nouns_outside_the_lexicon_are_events_of_a_wordnet_class() {
    let text = "Engineers examined the wreckage. Investigators expect a breakthrough after the collapse.";
    let f = facts(text);
    // WordNet files "examine" (most frequent sense: consider in detail) and "expect" under cognition.
    assert_eq!(one(&f, "examined", text).0, EventClass::Cognition);
    assert_eq!(one(&f, "expect", text).0, EventClass::Cognition);
    assert!(!event_of(&f, "collapse", text).is_empty());
    // A noun that names no happening is no event: "wreckage", "Engineers".
    assert!(event_of(&f, "wreckage", text).is_empty());
    assert!(event_of(&f, "Engineers", text).is_empty());
}

#[test]
fn the_noun_of_an_idiom_is_part_of_the_event_not_its_patient() {
    let text = "The summit took place in Vienna. Norvana cut rates. Belmora followed suit. Harlan Mosby took part.";
    let f = facts(text);
    // Each verb is an event; "place", "suit" and "part" are no things that underwent it.
    for verb in ["took place", "followed", "took"] {
        let e = f.events.iter().find(|e| e.triggers.iter().any(|t| text[t.start..t.end].starts_with(verb)));
        let Some(e) = e else { continue };
        assert!(
            e.args.iter().all(
                |(_, a)| !matches!(*a, Arg::Thing(x) if matches!(f.things[x].name.as_str(), "place" | "suit" | "part"))
            ),
            "{verb}: {:?}",
            roles_of(&f, &text[e.triggers[0].start..e.triggers[0].end], text)
        );
    }
    assert_eq!(roles_of(&f, "followed", text), [("agent", "Belmora".into())]);
    assert_eq!(roles_of(&f, "took", text), [("patient", "summit".into())]);
    let part = text.rfind("took").unwrap();
    let e = f.events.iter().find(|e| e.triggers.iter().any(|t| t.start == part)).expect("took part");
    assert_eq!(e.args.len(), 1);
    assert!(e
        .args
        .iter()
        .all(|(r, a)| *r == ArgRole::Agent && matches!(*a, Arg::Entity(x) if f.entities[x].name == "Harlan Mosby")));
    // The same verbs keep their objects elsewhere.
    let text = "Belmora followed the rules. The army took the town.";
    let f = facts(text);
    assert_eq!(roles_of(&f, "followed", text), [("agent", "Belmora".into()), ("patient", "the rules".into())]);
}

#[test]
fn a_gerund_after_a_verb_of_beginning_or_keeping_on_takes_its_subject() {
    let text = "The index kept rising. Prices stopped falling in May.";
    let f = facts(text);
    assert_eq!(roles_of(&f, "rising", text), [("patient", "The index".into())]);
    assert_eq!(roles_of(&f, "falling", text), [("patient", "Prices".into())]);
}

#[test]
fn an_infinitive_takes_its_subject_from_the_verb_or_from_the_one_told_to_act() {
    // The object of a verb of asking or allowing does what the infinitive says.
    let text = "Regulators asked Google to change the policy.";
    let f = facts(text);
    assert_eq!(roles_of(&f, "change", text), [("agent", "Google".into()), ("patient", "the policy".into())]);
    // After any other verb, or a phrase after a preposition, the infinitive shares the verb's subject.
    let text = "Tesla exercised its option with Panasonic to buy more batteries.";
    let f = facts(text);
    assert_eq!(roles_of(&f, "buy", text), [("agent", "Tesla".into()), ("patient", "more batteries".into())]);
    // "for X to do": X does it.
    let text = "Investors waited for Sony to report a loss.";
    let f = facts(text);
    assert_eq!(roles_of(&f, "report", text)[0], ("agent", "Sony".into()));
}

#[test]
fn a_participle_set_off_by_a_comma_and_coordinated_participles_are_passives() {
    let text = "The merger, approved by regulators in May, created the largest bank in Europe.";
    let f = facts(text);
    assert_eq!(roles_of(&f, "approved", text), [("agent", "regulators".into()), ("patient", "merger".into())]);
    let text = "The stores were selected and bought by Walmart.";
    let f = facts(text);
    assert_eq!(roles_of(&f, "selected", text), [("agent", "Walmart".into()), ("patient", "The stores".into())]);
    assert_eq!(roles_of(&f, "bought", text), [("agent", "Walmart".into()), ("patient", "The stores".into())]);
}

#[test]
fn a_relative_pronoun_standing_for_a_thing_is_a_span_of_it() {
    let text = "The new turbines, which reduce noise, will be installed next year.";
    let f = facts(text);
    assert_eq!(roles_of(&f, "reduce", text)[0], ("agent", "The new turbines".into()));
    let thing = f.things.iter().find(|t| t.name == "The new turbines").expect("the turbines");
    let spans: Vec<&str> = thing.spans.iter().map(|s| &text[s.start..s.end]).collect();
    assert_eq!(spans, ["The new turbines", "which"]);
}

#[test]
fn a_possessive_pronoun_naming_a_noun_event_s_participant_is_a_mention_of_it() {
    let text = "Boeing said on Tuesday that its sales rose 12% in May.";
    let f = facts(text);
    assert_eq!(roles_of(&f, "sales", text)[0].1, "Boeing");
    let its = text.find("its").unwrap();
    let mention = f.mentions.iter().find(|m| m.span.start == its).expect("no mention of its");
    assert_eq!(f.entities[mention.entity].name, "Boeing");
    assert_eq!(mention.reason, "pronoun for Boeing");
}
