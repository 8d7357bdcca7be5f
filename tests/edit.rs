//! Author mode's edits (`briefing::edit`): each edit kind, its refusals and their
//! messages, undo and redo, and properties over random edit sequences on the built-in
//! article.
#![cfg(not(target_arch = "wasm32"))]

use briefing::edit::{propose_entity, Draft, Edit, EditError, Group, Item, MAX_UNDO};
use briefing::model::{
    Article, Block, CopyDate, EntityKind, Precision, Provenance, ProvenanceKind, Published,
    SentenceRef, Source,
};
use briefing::validate::{load_article, validate};

fn builtin() -> Article {
    briefing::builtin_article()
}

/// The built-in article with some items marked as the converter marks its suggestions.
fn with_suggestions() -> Article {
    let mut article = builtin();
    for (index, entity) in article.entities.iter_mut().enumerate() {
        if index % 3 == 0 {
            entity.suggested = true;
            entity.suggested_because = Some("capitalised words in mid-sentence".to_owned());
        }
    }
    for (index, event) in article.events.iter_mut().enumerate() {
        event.suggested = index % 4 == 0;
    }
    assert!(validate(&article).is_empty());
    article
}

fn draft() -> Draft {
    Draft::new(builtin()).unwrap()
}

/// Applies an edit that must be accepted and change the article.
fn ok(draft: &mut Draft, edit: Edit) -> String {
    let applied = draft
        .apply(edit.clone())
        .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
    assert!(applied.changed, "{edit:?} changed nothing");
    assert!(validate(draft.article()).is_empty());
    applied.summary
}

/// Applies an edit that must be refused, checks that nothing changed, and returns the
/// message the author would see.
fn refused(draft: &mut Draft, edit: Edit) -> String {
    let before = draft.article().clone();
    let depth = draft.undo_depth();
    let error = draft.apply(edit.clone()).expect_err(&format!("{edit:?}"));
    assert_eq!(
        draft.article(),
        &before,
        "a refused edit changed the article"
    );
    assert_eq!(draft.undo_depth(), depth);
    error.to_string()
}

fn entity<'a>(draft: &'a Draft, id: &str) -> &'a briefing::model::Entity {
    draft.article().entity(id).unwrap()
}

fn event<'a>(draft: &'a Draft, id: &str) -> &'a briefing::model::Event {
    draft.article().events.iter().find(|e| e.id == id).unwrap()
}

fn stated(quote: &str) -> Provenance {
    Provenance {
        kind: ProvenanceKind::Stated,
        quote: Some(quote.to_owned()),
        reasoning: None,
        sources: vec![],
    }
}

fn inferred(reasoning: &str) -> Provenance {
    Provenance {
        kind: ProvenanceKind::Inferred,
        quote: None,
        reasoning: Some(reasoning.to_owned()),
        sources: vec![],
    }
}

fn outside(name: &str, url: &str) -> Provenance {
    Provenance {
        kind: ProvenanceKind::External,
        quote: None,
        reasoning: None,
        sources: vec![Source {
            name: name.to_owned(),
            url: url.to_owned(),
        }],
    }
}

const P2_FIRST: &str = "The National Security Advisor, Moeed Yusuf, led a six-member delegation \
                        in a meeting with his Russian counterpart, Nikolay Patrushev, on December \
                        1 in Moscow.";

fn add_event(date: &str, basis: Provenance) -> Edit {
    Edit::AddEvent {
        sentence: SentenceRef {
            paragraph: "p2".to_owned(),
            text: P2_FIRST.to_owned(),
        },
        date: date.to_owned(),
        precision: None,
        label: None,
        lane: None,
        entities: vec![
            "moeed-yusuf".to_owned(),
            "moscow".to_owned(),
            "moeed-yusuf".to_owned(),
        ],
        basis,
        id: None,
    }
}

// ---- Entities -------------------------------------------------------------------------

#[test]
fn a_new_entity_is_made_from_selected_words_with_a_proposed_name_and_id() {
    let mut draft = draft();
    let applied = draft
        .apply(Edit::CreateEntity {
            words: " six-member delegation ".to_owned(),
            kind: EntityKind::Organisation,
            name: None,
            id: None,
            description: None,
        })
        .unwrap();
    assert_eq!(applied.created.as_deref(), Some("six-member-delegation"));
    let made = entity(&draft, "six-member-delegation");
    assert_eq!(made.name, "six-member delegation");
    assert_eq!(made.aliases, ["six-member delegation"]);
    assert_eq!(made.kind, EntityKind::Organisation);
    assert!(!made.suggested);
    assert_eq!(
        made.description,
        "Organisation, named in the text as “six-member delegation”."
    );

    // The proposed id is unique against every id of the article: "meeting" is a lane.
    assert_eq!(
        propose_entity(draft.article(), "meeting"),
        ("meeting".to_owned(), "meeting-2".to_owned())
    );
    let applied = draft
        .apply(Edit::CreateEntity {
            words: "meeting".to_owned(),
            kind: EntityKind::Topic,
            name: Some("The meeting".to_owned()),
            id: None,
            description: Some("The talks in Moscow.".to_owned()),
        })
        .unwrap();
    assert_eq!(applied.created.as_deref(), Some("meeting-2"));
    assert_eq!(entity(&draft, "meeting-2").name, "The meeting");
    // Words in other scripts give the generic id.
    assert_eq!(propose_entity(draft.article(), "Россия").1, "entity");
}

#[test]
fn a_new_entity_is_refused_with_a_reason() {
    let mut draft = draft();
    let create = |words: &str, id: Option<&str>| Edit::CreateEntity {
        words: words.to_owned(),
        kind: EntityKind::Place,
        name: None,
        id: id.map(str::to_owned),
        description: None,
    };
    assert_eq!(
        refused(&mut draft, create("delegation", Some("moscow"))),
        "An entity with id “moscow” already exists"
    );
    assert_eq!(
        refused(&mut draft, create("delegation", Some("Big Delegation"))),
        "“Big Delegation” is not an id: ids are lower-case letters a-z, digits, “-”, “.” and “_”, \
         at most 100 characters"
    );
    assert_eq!(
        refused(&mut draft, create("Kabul", None)),
        "The words “Kabul” are not in the text as whole words"
    );
    // Part of a word is not a name.
    assert_eq!(
        refused(&mut draft, create("Mosco", None)),
        "The words “Mosco” are not in the text as whole words"
    );
    assert_eq!(
        refused(&mut draft, create("Russian counterpart", None)),
        "“Russian counterpart” is already an alias of Nikolay Patrushev (nikolay-patrushev)"
    );
    assert_eq!(
        refused(&mut draft, create("  ", None)),
        "No words are selected"
    );
    // Words the text has only inside a longer alias would mark nothing.
    assert_eq!(
        refused(&mut draft, create("Khan", None)),
        "The words “Khan” are in the text only inside longer names of other entities, which \
         the text marks instead"
    );
    assert_eq!(
        refused(&mut draft, create("Embassy in Moscow", None)),
        "The words “Embassy in Moscow” are in the text only inside longer names of other \
         entities, which the text marks instead"
    );
    // An empty description breaks a rule of the format: validation's problem is named.
    let message = refused(
        &mut draft,
        Edit::CreateEntity {
            words: "delegation".to_owned(),
            kind: EntityKind::Topic,
            name: None,
            id: None,
            description: Some(" ".to_owned()),
        },
    );
    assert_eq!(
        message,
        "The edit would make the article invalid: entities[30].description: must not be empty"
    );
}

#[test]
fn aliases_are_added_from_the_text_and_removed_but_never_the_last() {
    let mut draft = draft();
    ok(
        &mut draft,
        Edit::AddAlias {
            entity: "russia".to_owned(),
            alias: "Russia-Pakistan relations".to_owned(),
        },
    );
    assert_eq!(
        entity(&draft, "russia").aliases,
        ["Russia", "Russia-Pakistan relations"]
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::AddAlias {
                entity: "russia".to_owned(),
                alias: "Russia".to_owned()
            }
        ),
        "“Russia” is already an alias of Russia (russia)"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::AddAlias {
                entity: "kabul".to_owned(),
                alias: "delegation".to_owned()
            }
        ),
        "No entity has the id “kabul”"
    );
    ok(
        &mut draft,
        Edit::RemoveAlias {
            entity: "moeed-yusuf".to_owned(),
            alias: "NSA".to_owned(),
        },
    );
    assert_eq!(
        entity(&draft, "moeed-yusuf").aliases,
        ["Moeed Yusuf", "National Security Advisor"]
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::RemoveAlias {
                entity: "moeed-yusuf".to_owned(),
                alias: "NSA".to_owned()
            }
        ),
        "“NSA” is not an alias of moeed-yusuf"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::RemoveAlias {
                entity: "imran-khan".to_owned(),
                alias: "PM Khan".to_owned()
            }
        ),
        "“PM Khan” is the last alias of imran-khan, and an entity needs at least one"
    );
}

#[test]
fn removing_an_entity_removes_the_events_references_to_it() {
    let mut draft = draft();
    assert!(event(&draft, "tass-report")
        .entities
        .contains(&"moscow".to_owned()));
    let summary = ok(
        &mut draft,
        Edit::RemoveEntity {
            entity: "moscow".to_owned(),
        },
    );
    assert_eq!(summary, "Removed entity moscow");
    assert!(draft.article().entity("moscow").is_none());
    assert!(draft
        .article()
        .events
        .iter()
        .all(|e| !e.entities.contains(&"moscow".to_owned())));
    assert_eq!(
        event(&draft, "tass-report").entities,
        ["tass", "nikolay-patrushev", "islamabad"]
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::RemoveEntity {
                entity: "moscow".to_owned()
            }
        ),
        "No entity has the id “moscow”"
    );
}

#[test]
fn an_entity_is_renamed_given_a_kind_and_described() {
    let mut draft = draft();
    ok(
        &mut draft,
        Edit::RenameEntity {
            entity: "moscow".to_owned(),
            name: "Moskva".to_owned(),
        },
    );
    ok(
        &mut draft,
        Edit::SetEntityKind {
            entity: "moscow".to_owned(),
            kind: EntityKind::Organisation,
        },
    );
    ok(
        &mut draft,
        Edit::SetEntityDescription {
            entity: "moscow".to_owned(),
            description: "Capital of Russia.".to_owned(),
        },
    );
    let moscow = entity(&draft, "moscow");
    assert_eq!(
        (
            moscow.name.as_str(),
            moscow.kind,
            moscow.description.as_str()
        ),
        ("Moskva", EntityKind::Organisation, "Capital of Russia.")
    );
    assert_eq!(moscow.aliases, ["Moscow"]);
    let index = draft
        .article()
        .entities
        .iter()
        .position(|e| e.id == "moscow")
        .unwrap();
    assert_eq!(
        refused(
            &mut draft,
            Edit::RenameEntity {
                entity: "moscow".to_owned(),
                name: "Mos\u{202E}cow".to_owned()
            }
        ),
        format!(
            "The edit would make the article invalid: entities[{index}].name: contains U+202E \
             RIGHT-TO-LEFT OVERRIDE, which can hide or reorder text; it is not allowed in ids, \
             names, aliases, titles and links"
        )
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetEntityDescription {
                entity: "moscow".to_owned(),
                description: String::new()
            }
        ),
        format!("The edit would make the article invalid: entities[{index}].description: must not be empty")
    );
}

#[test]
fn merging_moves_names_aliases_and_references_without_duplicates() {
    let mut draft = draft();
    assert_eq!(
        event(&draft, "oic-islamabad-session").entities,
        [
            "islamabad",
            "pakistan",
            "afghanistan",
            "humanitarian-crisis"
        ]
    );
    ok(
        &mut draft,
        Edit::MergeEntities {
            into: "pakistan".to_owned(),
            from: "islamabad".to_owned(),
        },
    );
    assert!(draft.article().entity("islamabad").is_none());
    // The merged one's name "Islamabad" is its alias too: listed once.
    assert_eq!(
        entity(&draft, "pakistan").aliases,
        ["Pakistan", "Islamabad"]
    );
    assert_eq!(
        event(&draft, "oic-islamabad-session").entities,
        ["pakistan", "afghanistan", "humanitarian-crisis"]
    );
    assert_eq!(
        event(&draft, "tass-report").entities,
        ["tass", "nikolay-patrushev", "moscow", "pakistan"]
    );
    // A name that is no alias becomes one.
    ok(
        &mut draft,
        Edit::MergeEntities {
            into: "moeed-yusuf".to_owned(),
            from: "imran-khan".to_owned(),
        },
    );
    assert_eq!(
        entity(&draft, "moeed-yusuf").aliases,
        [
            "Moeed Yusuf",
            "National Security Advisor",
            "NSA",
            "Imran Khan",
            "PM Khan"
        ]
    );
    assert_eq!(
        event(&draft, "yusuf-appointed").entities,
        ["moeed-yusuf", "pakistan"]
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::MergeEntities {
                into: "moscow".to_owned(),
                from: "moscow".to_owned()
            }
        ),
        "An entity cannot be merged with itself (moscow)"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::MergeEntities {
                into: "moscow".to_owned(),
                from: "islamabad".to_owned()
            }
        ),
        "No entity has the id “islamabad”"
    );
}

#[test]
fn an_edit_that_would_make_the_file_too_large_to_open_is_refused() {
    let mut draft = draft();
    let message = refused(
        &mut draft,
        Edit::SetEntityDescription {
            entity: "moscow".to_owned(),
            description: "Capital. ".repeat(600_000),
        },
    );
    assert!(
        message.starts_with("The edit would make the article 5,")
            && message.ends_with(" bytes long saved; the limit is 5,242,880 bytes"),
        "{message}"
    );
}

#[test]
fn a_merge_past_the_alias_limit_is_refused_with_validations_problem() {
    let mut article = builtin();
    let moscow = article
        .entities
        .iter()
        .position(|e| e.id == "moscow")
        .unwrap();
    let russia = article
        .entities
        .iter()
        .position(|e| e.id == "russia")
        .unwrap();
    for n in 0..30 {
        article.entities[moscow].aliases.push(format!("Moscow {n}"));
        article.entities[russia].aliases.push(format!("Russia {n}"));
    }
    let mut draft = Draft::new(article).unwrap();
    let message = refused(
        &mut draft,
        Edit::MergeEntities {
            into: "moscow".to_owned(),
            from: "russia".to_owned(),
        },
    );
    let index = draft
        .article()
        .entities
        .iter()
        .filter(|e| e.id != "russia")
        .position(|e| e.id == "moscow")
        .unwrap();
    assert_eq!(
        message,
        format!(
            "The edit would make the article invalid: entities[{index}].aliases: the entity \
             has 62 aliases; the limit is 50"
        )
    );
}

#[test]
fn suggestions_are_accepted_or_rejected_one_by_one() {
    let mut draft = Draft::new(with_suggestions()).unwrap();
    // Entities 0, 3, 6… and events 0, 4, 8 are suggested.
    let first = draft.article().entities[0].id.clone();
    let curated = draft.article().entities[1].id.clone();
    ok(
        &mut draft,
        Edit::Accept {
            item: Item::Entity(first.clone()),
        },
    );
    let accepted = entity(&draft, &first);
    assert!(!accepted.suggested && accepted.suggested_because.is_none());
    assert_eq!(
        refused(
            &mut draft,
            Edit::Accept {
                item: Item::Entity(first.clone())
            }
        ),
        format!("Entity {first} is not a suggestion")
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::Reject {
                item: Item::Entity(curated.clone())
            }
        ),
        format!("Entity {curated} is not a suggestion")
    );
    let rejected = draft.article().entities[3].id.clone();
    ok(
        &mut draft,
        Edit::Reject {
            item: Item::Entity(rejected.clone()),
        },
    );
    assert!(draft.article().entity(&rejected).is_none());
    assert!(draft
        .article()
        .events
        .iter()
        .all(|e| !e.entities.contains(&rejected)));

    let event_id = draft.article().events[4].id.clone();
    ok(
        &mut draft,
        Edit::Accept {
            item: Item::Event(event_id.clone()),
        },
    );
    assert!(!event(&draft, &event_id).suggested);
    let event_id = draft.article().events[8].id.clone();
    ok(
        &mut draft,
        Edit::Reject {
            item: Item::Event(event_id.clone()),
        },
    );
    assert!(draft.article().events.iter().all(|e| e.id != event_id));
    assert_eq!(
        refused(
            &mut draft,
            Edit::Reject {
                item: Item::Event("nope".to_owned())
            }
        ),
        "No event has the id “nope”"
    );
}

#[test]
fn suggestions_are_accepted_or_rejected_all_of_one_kind_at_once() {
    let mut draft = Draft::new(with_suggestions()).unwrap();
    let suggested = |draft: &Draft, kind: EntityKind| {
        draft
            .article()
            .entities
            .iter()
            .filter(|e| e.suggested && e.kind == kind)
            .count()
    };
    let places = suggested(&draft, EntityKind::Place);
    let topics = suggested(&draft, EntityKind::Topic);
    assert!(places > 0 && topics > 0);
    let summary = ok(
        &mut draft,
        Edit::AcceptAll {
            group: Group::EntitiesOfKind(EntityKind::Place),
        },
    );
    assert_eq!(summary, format!("Accepted {places} suggested places"));
    assert_eq!(suggested(&draft, EntityKind::Place), 0);
    assert_eq!(suggested(&draft, EntityKind::Topic), topics);

    let count = draft.article().entities.len();
    ok(
        &mut draft,
        Edit::RejectAll {
            group: Group::Entities,
        },
    );
    assert!(draft.article().entities.iter().all(|e| !e.suggested));
    assert!(draft.article().entities.len() < count);
    let ids: Vec<&str> = draft
        .article()
        .entities
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert!(draft
        .article()
        .events
        .iter()
        .all(|e| e.entities.iter().all(|id| ids.contains(&id.as_str()))));

    ok(
        &mut draft,
        Edit::AcceptAll {
            group: Group::Events,
        },
    );
    assert!(draft.article().events.iter().all(|e| !e.suggested));
    // Nothing left to reject: accepted, not recorded.
    let depth = draft.undo_depth();
    let applied = draft
        .apply(Edit::RejectAll {
            group: Group::Events,
        })
        .unwrap();
    assert!(!applied.changed);
    assert_eq!(applied.summary, "Rejected 0 suggested events");
    assert_eq!(draft.undo_depth(), depth);
}

// ---- Events ---------------------------------------------------------------------------

#[test]
fn an_event_is_added_from_a_selected_sentence() {
    let mut draft = draft();
    let applied = draft
        .apply(add_event("2021-12-01", stated("on December 1 in Moscow")))
        .unwrap();
    assert_eq!(applied.created.as_deref(), Some("event-2021-12-01"));
    let added = event(&draft, "event-2021-12-01");
    assert_eq!(added.precision, Precision::Day);
    assert_eq!(added.lane, "meeting");
    // A repeated entity is kept once.
    assert_eq!(added.entities, ["moeed-yusuf", "moscow"]);
    assert!(added.label.ends_with('…') && added.label.chars().count() <= 80);
    assert_eq!(added.sentence.as_ref().unwrap().text, P2_FIRST);
    // A second one gets the next id.
    let applied = draft
        .apply(add_event(
            "2021-12",
            inferred("Talks are held in December."),
        ))
        .unwrap();
    assert_eq!(applied.created.as_deref(), Some("event-2021-12"));
    assert_eq!(event(&draft, "event-2021-12").precision, Precision::Month);
    let applied = draft
        .apply(add_event(
            "2021",
            outside("Dawn", "https://www.dawn.com/news/1661403"),
        ))
        .unwrap();
    assert_eq!(applied.created.as_deref(), Some("event-2021"));
    let applied = draft.apply(add_event("2021", inferred("Again."))).unwrap();
    assert_eq!(applied.created.as_deref(), Some("event-2021-2"));
}

#[test]
fn an_event_is_refused_with_a_reason() {
    let mut draft = draft();
    let quote = stated("on December 1 in Moscow");
    assert_eq!(
        refused(&mut draft, add_event("2021-12-01", stated("on December 2"))),
        "The quote “on December 2” is not in the text"
    );
    assert_eq!(
        refused(&mut draft, add_event("2021-12-01", stated(" "))),
        "A stated date needs the article’s words that give it"
    );
    assert_eq!(
        refused(&mut draft, add_event("2021-12-01", inferred(""))),
        "An inferred date needs its reasoning"
    );
    let mut no_source = outside("Dawn", "https://www.dawn.com/");
    no_source.sources.clear();
    assert_eq!(
        refused(&mut draft, add_event("2021-12-01", no_source)),
        "A date from an outside source needs the source, with its name and an http or https link"
    );
    assert_eq!(
        refused(
            &mut draft,
            add_event("2021-12-01", outside("Dawn", "javascript:alert(1)"))
        ),
        "“javascript:alert(1)” is not an http or https link"
    );
    assert_eq!(
        refused(
            &mut draft,
            add_event("2021-12-01", outside(" ", "https://www.dawn.com/"))
        ),
        "A source needs a name"
    );
    assert_eq!(
        refused(&mut draft, add_event("2021-13-01", quote.clone())),
        "The date is wrong: month 13 does not exist"
    );
    assert_eq!(
        refused(&mut draft, add_event("1 December 2021", quote.clone())),
        "The date is wrong: \"1 December 2021\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    );
    // A year outside the article's years is validation's refusal, with its path.
    assert_eq!(
        refused(&mut draft, add_event("0999", quote.clone())),
        "The edit would make the article invalid: events[12].date: year 0999 is outside \
         1000–2999; an article about other times can say so with \"years\": {\"from\": 999, \
         \"to\": 2999}"
    );
    let mut edit = add_event("2021-12-01", quote.clone());
    if let Edit::AddEvent { sentence, .. } = &mut edit {
        sentence.paragraph = "p1".to_owned();
    }
    assert_eq!(
        refused(&mut draft, edit),
        "The sentence is not in paragraph “p1”"
    );
    let mut edit = add_event("2021-12-01", quote.clone());
    if let Edit::AddEvent { sentence, .. } = &mut edit {
        sentence.paragraph = "p99".to_owned();
    }
    assert_eq!(refused(&mut draft, edit), "No paragraph has the id “p99”");
    let mut edit = add_event("2021-12-01", quote.clone());
    if let Edit::AddEvent { lane, .. } = &mut edit {
        *lane = Some("story".to_owned());
    }
    assert_eq!(refused(&mut draft, edit), "No lane has the id “story”");
    let mut edit = add_event("2021-12-01", quote.clone());
    if let Edit::AddEvent { entities, .. } = &mut edit {
        entities.push("kabul".to_owned());
    }
    assert_eq!(refused(&mut draft, edit), "No entity has the id “kabul”");
    let mut edit = add_event("2021-12-01", quote.clone());
    if let Edit::AddEvent { id, .. } = &mut edit {
        *id = Some("tass-report".to_owned());
    }
    assert_eq!(
        refused(&mut draft, edit),
        "An event with id “tass-report” already exists"
    );
    let mut edit = add_event("2021-12-01", quote);
    if let Edit::AddEvent { precision, .. } = &mut edit {
        *precision = Some(Precision::Month);
    }
    assert_eq!(
        refused(&mut draft, edit),
        "The date is wrong: \"2021-12-01\" has day precision but the event says month"
    );
}

#[test]
fn an_events_label_date_lane_entities_and_provenance_are_edited() {
    let mut draft = draft();
    let id = "nsa-tweet".to_owned();
    ok(
        &mut draft,
        Edit::SetEventLabel {
            event: id.clone(),
            label: "Yusuf tweets about the talks".to_owned(),
        },
    );
    ok(
        &mut draft,
        Edit::SetEventDate {
            event: id.clone(),
            date: "2021-12".to_owned(),
            precision: None,
        },
    );
    ok(
        &mut draft,
        Edit::SetEventLane {
            event: id.clone(),
            lane: "backdrop".to_owned(),
        },
    );
    ok(
        &mut draft,
        Edit::SetEventEntities {
            event: id.clone(),
            entities: vec![
                "twitter".to_owned(),
                "twitter".to_owned(),
                "moeed-yusuf".to_owned(),
            ],
        },
    );
    ok(
        &mut draft,
        Edit::SetEventBasis {
            event: id.clone(),
            basis: stated("in a tweet from his official Twitter handle"),
        },
    );
    let edited = event(&draft, &id);
    assert_eq!(edited.label, "Yusuf tweets about the talks");
    assert_eq!(
        (edited.date.as_str(), edited.precision),
        ("2021-12", Precision::Month)
    );
    assert_eq!(edited.lane, "backdrop");
    assert_eq!(edited.entities, ["twitter", "moeed-yusuf"]);
    assert_eq!(edited.basis.kind, ProvenanceKind::Stated);

    let index = draft
        .article()
        .events
        .iter()
        .position(|e| e.id == id)
        .unwrap();
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetEventLabel {
                event: id.clone(),
                label: "\u{2800}".to_owned()
            }
        ),
        format!(
            "The edit would make the article invalid: events[{index}].label: has no visible \
             character (only U+2800 and the like)"
        )
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetEventDate {
                event: id.clone(),
                date: "2021-02-30".to_owned(),
                precision: Some(Precision::Day)
            }
        ),
        "The date is wrong: 2021-02-30 is not a real date"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetEventLane {
                event: id.clone(),
                lane: "nowhere".to_owned()
            }
        ),
        "No lane has the id “nowhere”"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetEventBasis {
                event: id.clone(),
                basis: stated("in a tweet on Thursday")
            }
        ),
        "The quote “in a tweet on Thursday” is not in the text"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetEventBasis {
                event: id.clone(),
                basis: outside("Dawn", "ftp://dawn.com/")
            }
        ),
        "“ftp://dawn.com/” is not an http or https link"
    );
    ok(
        &mut draft,
        Edit::SetEventBasis {
            event: id.clone(),
            basis: inferred("Tweeted after the talks."),
        },
    );
    ok(&mut draft, Edit::RemoveEvent { event: id.clone() });
    assert!(draft.article().events.iter().all(|e| e.id != id));
    assert_eq!(
        refused(&mut draft, Edit::RemoveEvent { event: id }),
        "No event has the id “nsa-tweet”"
    );
}

#[test]
fn a_stated_quote_already_there_may_stay_though_the_text_lacks_it() {
    // A converted article's publication line stands outside its text; editing the rest of
    // the provenance keeps it.
    let mut article = builtin();
    article.published = Some(Published {
        from: "2021-12-01".to_owned(),
        to: None,
        basis: stated("Published December 1, 2021"),
    });
    let mut draft = Draft::new(article).unwrap();
    let mut basis = stated("Published December 1, 2021");
    basis.reasoning = Some("The page's publication line.".to_owned());
    ok(
        &mut draft,
        Edit::SetPublished {
            published: Some(Published {
                from: "2021-12-01".to_owned(),
                to: Some("2021-12-02".to_owned()),
                basis,
            }),
        },
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetPublished {
                published: Some(Published {
                    from: "2021-12-01".to_owned(),
                    to: None,
                    basis: stated("Published Dec 1"),
                })
            }
        ),
        "The quote “Published Dec 1” is not in the text"
    );
}

// ---- Sections and metadata ------------------------------------------------------------

fn section_ids(draft: &Draft) -> Vec<&str> {
    draft
        .article()
        .sections
        .iter()
        .map(|s| s.id.as_str())
        .collect()
}

fn block_ids(draft: &Draft, section: usize) -> Vec<String> {
    draft.article().sections[section]
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph { id, .. } => id.clone(),
            Block::Related { .. } => "related".to_owned(),
        })
        .collect()
}

#[test]
fn sections_are_renamed_and_reordered() {
    let mut draft = draft();
    ok(
        &mut draft,
        Edit::SetHeading {
            section: "bilateral-cooperation".to_owned(),
            heading: Some("Cooperation".to_owned()),
        },
    );
    assert_eq!(
        draft.article().sections[1].heading.as_deref(),
        Some("Cooperation")
    );
    ok(
        &mut draft,
        Edit::MoveSection {
            section: "the-backdrop".to_owned(),
            to: 1,
        },
    );
    assert_eq!(
        section_ids(&draft),
        [
            "lead",
            "the-backdrop",
            "bilateral-cooperation",
            "concern-over-afghanistan"
        ]
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::MoveSection {
                section: "lead".to_owned(),
                to: 2
            }
        ),
        "The edit would make the article invalid: sections[2].heading: only the first section \
         (the lead) may have no heading"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::MoveSection {
                section: "lead".to_owned(),
                to: 4
            }
        ),
        "There is no position 4: the article has 4 sections"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetHeading {
                section: "the-backdrop".to_owned(),
                heading: None
            }
        ),
        "The edit would make the article invalid: sections[1].heading: only the first section \
         (the lead) may have no heading"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetHeading {
                section: "epilogue".to_owned(),
                heading: None
            }
        ),
        "No section has the id “epilogue”"
    );
    // The lead may take a heading.
    ok(
        &mut draft,
        Edit::SetHeading {
            section: "lead".to_owned(),
            heading: Some("The talks".to_owned()),
        },
    );
}

#[test]
fn a_heading_boundary_moves_one_block_at_a_time() {
    let mut draft = draft();
    ok(
        &mut draft,
        Edit::MoveLastBlockToNext {
            section: "lead".to_owned(),
        },
    );
    assert_eq!(block_ids(&draft, 0), ["p1"]);
    assert_eq!(block_ids(&draft, 1), ["p2", "p3", "p4", "p5"]);
    assert_eq!(
        refused(
            &mut draft,
            Edit::MoveLastBlockToNext {
                section: "lead".to_owned()
            }
        ),
        "The edit would make the article invalid: sections[0].blocks: the section has no paragraph"
    );
    ok(
        &mut draft,
        Edit::MoveFirstBlockToPrevious {
            section: "bilateral-cooperation".to_owned(),
        },
    );
    assert_eq!(block_ids(&draft, 0), ["p1", "p2"]);
    assert_eq!(draft.article(), &builtin());
    // A related link moves as a block too.
    ok(
        &mut draft,
        Edit::MoveFirstBlockToPrevious {
            section: "the-backdrop".to_owned(),
        },
    );
    assert_eq!(block_ids(&draft, 2), ["p6", "related", "p7", "p8", "p9"]);
    assert_eq!(block_ids(&draft, 3), ["related", "p10"]);
    assert_eq!(
        refused(
            &mut draft,
            Edit::MoveFirstBlockToPrevious {
                section: "lead".to_owned()
            }
        ),
        "There is no section before “lead”"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::MoveLastBlockToNext {
                section: "the-backdrop".to_owned()
            }
        ),
        "There is no section after “the-backdrop”"
    );
}

#[test]
fn title_site_and_dates_are_edited() {
    let mut draft = draft();
    ok(
        &mut draft,
        Edit::SetTitle {
            title: "NSA meets Russian counterpart".to_owned(),
        },
    );
    ok(
        &mut draft,
        Edit::SetSite {
            site: "GVS".to_owned(),
        },
    );
    ok(
        &mut draft,
        Edit::SetCopyDate {
            copy_date: Some(CopyDate {
                text: "15 Feb 2024".to_owned(),
                date: "2024-02-15".to_owned(),
                note: None,
            }),
        },
    );
    ok(
        &mut draft,
        Edit::SetPublished {
            published: Some(Published {
                from: "2021-12-01".to_owned(),
                to: None,
                basis: outside("Dawn", "https://www.dawn.com/news/1661403"),
            }),
        },
    );
    let article = draft.article();
    assert_eq!(article.title, "NSA meets Russian counterpart");
    assert_eq!(article.site, "GVS");
    assert_eq!(article.copy_date.as_ref().unwrap().date, "2024-02-15");
    assert_eq!(article.published.as_ref().unwrap().to, None);
    ok(&mut draft, Edit::SetCopyDate { copy_date: None });
    ok(&mut draft, Edit::SetPublished { published: None });
    assert!(draft.article().published.is_none());

    assert_eq!(
        refused(
            &mut draft,
            Edit::SetTitle {
                title: " ".to_owned()
            }
        ),
        "The edit would make the article invalid: title: must not be empty"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetCopyDate {
                copy_date: Some(CopyDate {
                    text: "February 2024".to_owned(),
                    date: "2024-02".to_owned(),
                    note: None
                })
            }
        ),
        "The edit would make the article invalid: copy_date.date: the date of a copy must be a \
         full YYYY-MM-DD date"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetPublished {
                published: Some(Published {
                    from: "2021-12-02".to_owned(),
                    to: Some("2021-12-01".to_owned()),
                    basis: stated("December 1"),
                })
            }
        ),
        "The edit would make the article invalid: published.to: ends before published.from"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetPublished {
                published: Some(Published {
                    from: "2021-12-01".to_owned(),
                    to: None,
                    basis: stated("Published on Wednesday"),
                })
            }
        ),
        "The quote “Published on Wednesday” is not in the text"
    );
    assert_eq!(
        refused(
            &mut draft,
            Edit::SetPublished {
                published: Some(Published {
                    from: "Dec 2021".to_owned(),
                    to: None,
                    basis: inferred("x"),
                })
            }
        ),
        "The date is wrong: \"Dec 2021\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"
    );
}

// ---- Undo, redo, saving ---------------------------------------------------------------

#[test]
fn undo_and_redo_step_through_the_edits() {
    let original = builtin();
    let mut draft = draft();
    assert_eq!(draft.undo().unwrap_err(), EditError::NothingToUndo);
    assert_eq!(
        draft.redo().unwrap_err().to_string(),
        "There is nothing to redo"
    );
    ok(
        &mut draft,
        Edit::RemoveEntity {
            entity: "moscow".to_owned(),
        },
    );
    let removed = draft.article().clone();
    ok(
        &mut draft,
        Edit::SetTitle {
            title: "Talks".to_owned(),
        },
    );
    assert_eq!(draft.undo_depth(), 2);
    assert_eq!(draft.next_undo().unwrap().1, "Changed the title");
    assert_eq!(draft.undo().unwrap().summary, "Undid: Changed the title");
    assert_eq!(draft.article(), &removed);
    assert_eq!(
        draft.undo().unwrap().summary,
        "Undid: Removed entity moscow"
    );
    assert_eq!(draft.article(), &original);
    assert_eq!(draft.redo_depth(), 2);
    assert_eq!(
        draft.redo().unwrap().summary,
        "Redid: Removed entity moscow"
    );
    assert_eq!(draft.article(), &removed);
    // A new edit drops what could be redone.
    ok(
        &mut draft,
        Edit::SetSite {
            site: "GVS".to_owned(),
        },
    );
    assert_eq!(draft.redo_depth(), 0);
    // An edit that changes nothing is not recorded.
    let applied = draft
        .apply(Edit::SetSite {
            site: "GVS".to_owned(),
        })
        .unwrap();
    assert!(!applied.changed);
    assert_eq!(draft.undo_depth(), 2);
}

#[test]
fn undo_remembers_the_last_two_hundred_edits() {
    let mut draft = draft();
    for n in 0..MAX_UNDO + 5 {
        ok(
            &mut draft,
            Edit::SetTitle {
                title: format!("Title {n}"),
            },
        );
    }
    assert_eq!(draft.undo_depth(), MAX_UNDO);
    while draft.undo().is_ok() {}
    assert_eq!(draft.article().title, "Title 4");
    assert_eq!(draft.redo_depth(), MAX_UNDO);
}

#[test]
fn edits_are_json_for_an_editor_in_a_worker() {
    let edit: Edit =
        serde_json::from_str(r#"{"op": "rename_entity", "entity": "moscow", "name": "Moskva"}"#)
            .unwrap();
    assert_eq!(
        edit,
        Edit::RenameEntity {
            entity: "moscow".to_owned(),
            name: "Moskva".to_owned()
        }
    );
    let edits = [
        Edit::Accept {
            item: Item::Entity("moscow".to_owned()),
        },
        Edit::RejectAll {
            group: Group::EntitiesOfKind(EntityKind::Person),
        },
        add_event("2021-12-01", stated("on December 1 in Moscow")),
        Edit::SetPublished { published: None },
    ];
    for edit in edits {
        let json = serde_json::to_string(&edit).unwrap();
        assert_eq!(serde_json::from_str::<Edit>(&json).unwrap(), edit, "{json}");
    }
    assert_eq!(
        serde_json::to_string(&Edit::AcceptAll {
            group: Group::Events
        })
        .unwrap(),
        r#"{"op":"accept_all","group":"events"}"#
    );
    assert!(serde_json::from_str::<Edit>(r#"{"op": "rename_entity", "entity": "m"}"#).is_err());
    assert!(serde_json::from_str::<Edit>(
        r#"{"op": "rename_entity", "entity": "m", "name": "M", "kind": "place"}"#
    )
    .is_err());
}

#[test]
fn a_draft_opens_saves_and_refuses_an_invalid_article() {
    let mut draft = Draft::open(briefing::BUILTIN_ARTICLE_JSON).unwrap();
    ok(
        &mut draft,
        Edit::RenameEntity {
            entity: "moscow".to_owned(),
            name: "Moskva".to_owned(),
        },
    );
    let reopened = Draft::open(&draft.save()).unwrap();
    assert_eq!(reopened.article(), draft.article());
    let mut invalid = builtin();
    invalid.title.clear();
    assert_eq!(
        Draft::new(invalid).unwrap_err().to_string(),
        "The article has 1 problem(s): title: must not be empty"
    );
}

/// The built-in article made about 60 times larger: its sections repeated with new
/// ids, a thousand more entities and events.
fn large() -> Article {
    let mut article = builtin();
    let sections = article.sections.clone();
    for n in 1..60 {
        for section in &sections {
            let mut copy = section.clone();
            copy.id = format!("{}-{n}", section.id);
            copy.heading = Some(format!("Part {n}"));
            for block in &mut copy.blocks {
                if let Block::Paragraph { id, .. } = block {
                    *id = format!("{id}-{n}");
                }
            }
            article.sections.push(copy);
        }
    }
    let entity = article.entities[0].clone();
    let event = article.events[0].clone();
    for n in 0..1_000 {
        let mut copy = entity.clone();
        copy.id = format!("person-{n}");
        copy.aliases = vec![format!("Person {n}")];
        copy.suggested = n % 2 == 0;
        article.entities.push(copy);
        let mut copy = event.clone();
        copy.id = format!("event-{n}");
        copy.entities.push(format!("person-{n}"));
        article.events.push(copy);
    }
    assert!(validate(&article).is_empty());
    article
}

/// Each edit costs about what checking the article once costs, whatever it does: no edit
/// does work that grows faster than the article (generous factors, for loaded machines).
#[test]
fn every_edit_on_a_large_article_costs_a_few_validations() {
    use std::time::{Duration, Instant};
    let article = large();
    let json_size = serde_json::to_string(&article).unwrap().len();
    assert!(json_size > 800_000, "{json_size} bytes");
    let validation = (0..3)
        .map(|_| {
            let started = Instant::now();
            assert!(validate(&article).is_empty());
            started.elapsed()
        })
        .min()
        .unwrap();
    let mut draft = Draft::new(article).unwrap();
    let edits = [
        Edit::CreateEntity {
            words: "six-member delegation".to_owned(),
            kind: EntityKind::Organisation,
            name: None,
            id: None,
            description: None,
        },
        Edit::AddAlias {
            entity: "russia".to_owned(),
            alias: "Russia-Pakistan relations".to_owned(),
        },
        Edit::MergeEntities {
            into: "person-1".to_owned(),
            from: "person-3".to_owned(),
        },
        Edit::RemoveEntity {
            entity: "tass".to_owned(),
        },
        Edit::RejectAll {
            group: Group::Entities,
        },
        add_event("2021-12-01", stated("on December 1 in Moscow")),
        Edit::SetEventBasis {
            event: "event-999".to_owned(),
            basis: stated("Patrushev noted good dynamics"),
        },
        Edit::MoveSection {
            section: "the-backdrop-59".to_owned(),
            to: 1,
        },
        Edit::MoveLastBlockToNext {
            section: "lead-30".to_owned(),
        },
        Edit::SetTitle {
            title: "Talks".to_owned(),
        },
    ];
    // Measured at 1 to 4 validations each, up to 13 on a machine loaded four times over.
    let limit = validation * 50 + Duration::from_millis(500);
    for edit in edits {
        let started = Instant::now();
        draft
            .apply(edit.clone())
            .unwrap_or_else(|e| panic!("{edit:?}: {e}"));
        let took = started.elapsed();
        assert!(
            took <= limit,
            "{edit:?} took {took:?}; validating takes {validation:?}"
        );
    }
    let started = Instant::now();
    while draft.undo().is_ok() {}
    assert!(
        started.elapsed() <= limit,
        "undo took {:?}",
        started.elapsed()
    );
    assert_eq!(draft.article(), &large());
}

// ---- Properties -----------------------------------------------------------------------

mod properties {
    use super::*;
    use proptest::prelude::*;

    /// Words of a paragraph, `count` from `start`, with the punctuation around them cut:
    /// often a name of the text, sometimes not (which the edit must then refuse).
    fn words(article: &Article, paragraph: usize, start: usize, count: usize) -> String {
        let texts: Vec<&str> = article.paragraphs().map(|(_, _, text)| text).collect();
        let text = texts[paragraph % texts.len()];
        let all: Vec<&str> = text.split(' ').collect();
        let start = start % all.len();
        let end = (start + 1 + count % 3).min(all.len());
        all[start..end]
            .join(" ")
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_owned()
    }

    fn pick<T: Clone>(items: &[T], n: usize) -> Option<T> {
        (!items.is_empty()).then(|| items[n % items.len()].clone())
    }

    /// An edit made from random numbers against the current article: most name what is
    /// there, some name what is not or break a rule, so refusals are exercised too.
    fn edit_from(article: &Article, op: u8, a: usize, b: usize, c: usize) -> Edit {
        let entity_ids: Vec<String> = article.entities.iter().map(|e| e.id.clone()).collect();
        let event_ids: Vec<String> = article.events.iter().map(|e| e.id.clone()).collect();
        let section_ids: Vec<String> = article.sections.iter().map(|s| s.id.clone()).collect();
        let entity = pick(&entity_ids, a).unwrap_or_else(|| "nobody".to_owned());
        let other = pick(&entity_ids, b).unwrap_or_else(|| "nobody".to_owned());
        let event = pick(&event_ids, a).unwrap_or_else(|| "never".to_owned());
        let section = section_ids[a % section_ids.len()].clone();
        let kind = EntityKind::ALL[c % 4];
        let basis = || match c % 5 {
            0 => stated(&words(article, b, c, a)),
            1 => stated("words nowhere in the text"),
            2 => inferred(if b % 7 == 0 { "" } else { "Reasoned." }),
            3 => outside("Dawn", "https://www.dawn.com/news/1661403"),
            _ => outside("Dawn", "javascript:void(0)"),
        };
        let date = || match b % 6 {
            0 => "2021".to_owned(),
            1 => format!("2021-{:02}", 1 + c % 12),
            2 => format!("2021-{:02}-{:02}", 1 + c % 12, 1 + a % 31),
            3 => "2021-13".to_owned(),
            4 => format!("{}", 900 + a % 200),
            _ => "soon".to_owned(),
        };
        match op % 27 {
            0 => Edit::CreateEntity {
                words: words(article, a, b, c),
                kind,
                name: None,
                id: (c % 5 == 0).then(|| entity.clone()),
                description: None,
            },
            1 => Edit::AddAlias {
                entity,
                alias: words(article, b, c, a),
            },
            2 => {
                let aliases = article
                    .entity(&entity)
                    .map(|e| e.aliases.clone())
                    .unwrap_or_default();
                Edit::RemoveAlias {
                    entity,
                    alias: pick(&aliases, b).unwrap_or_default(),
                }
            }
            3 => Edit::RemoveEntity { entity },
            4 => Edit::RenameEntity {
                entity,
                name: if b % 5 == 0 {
                    String::new()
                } else {
                    format!("Name {b}")
                },
            },
            5 => Edit::SetEntityKind { entity, kind },
            6 => Edit::SetEntityDescription {
                entity,
                description: if b % 5 == 0 {
                    " ".to_owned()
                } else {
                    format!("Described {b}.")
                },
            },
            7 => Edit::MergeEntities {
                into: entity,
                from: other,
            },
            8 | 9 => {
                let item = if b % 2 == 0 {
                    Item::Entity(entity)
                } else {
                    Item::Event(event)
                };
                if op % 27 == 8 {
                    Edit::Accept { item }
                } else {
                    Edit::Reject { item }
                }
            }
            10 | 11 => {
                let group = match b % 3 {
                    0 => Group::Entities,
                    1 => Group::EntitiesOfKind(kind),
                    _ => Group::Events,
                };
                if op % 27 == 10 {
                    Edit::AcceptAll { group }
                } else {
                    Edit::RejectAll { group }
                }
            }
            12 => {
                let paragraphs: Vec<(String, String)> = article
                    .paragraphs()
                    .map(|(_, id, text)| (id.to_owned(), text.to_owned()))
                    .collect();
                let (paragraph, text) = pick(&paragraphs, a).unwrap();
                let sentence = text.split_inclusive(". ").nth(b % 3).unwrap_or(&text);
                let mut involved: Vec<String> = (0..c % 4)
                    .filter_map(|n| pick(&entity_ids, a + n * b))
                    .collect();
                if c % 9 == 0 {
                    involved.push("nobody".to_owned());
                }
                Edit::AddEvent {
                    sentence: SentenceRef {
                        paragraph,
                        text: sentence.to_owned(),
                    },
                    date: date(),
                    precision: None,
                    label: None,
                    lane: (c % 3 == 0).then(|| ["meeting", "backdrop", "story"][b % 3].to_owned()),
                    entities: involved,
                    basis: basis(),
                    id: (a % 6 == 0).then(|| event.clone()),
                }
            }
            13 => Edit::SetEventLabel {
                event,
                label: if b % 6 == 0 {
                    String::new()
                } else {
                    format!("Label {b}")
                },
            },
            14 => Edit::SetEventDate {
                event,
                date: date(),
                precision: None,
            },
            15 => Edit::SetEventLane {
                event,
                lane: ["meeting", "backdrop", "story"][b % 3].to_owned(),
            },
            16 => Edit::SetEventEntities {
                event,
                entities: (0..b % 5)
                    .filter_map(|n| pick(&entity_ids, c + n))
                    .collect(),
            },
            17 => Edit::SetEventBasis {
                event,
                basis: basis(),
            },
            18 => Edit::RemoveEvent { event },
            19 => Edit::SetHeading {
                section,
                heading: (b % 4 != 0).then(|| format!("Heading {c}")),
            },
            20 => Edit::MoveSection {
                section,
                to: b % (section_ids.len() + 1),
            },
            21 => Edit::MoveLastBlockToNext { section },
            22 => Edit::MoveFirstBlockToPrevious { section },
            23 => Edit::SetTitle {
                title: if b % 5 == 0 {
                    "\u{200B}".to_owned()
                } else {
                    format!("Title {b}")
                },
            },
            24 => Edit::SetSite {
                site: format!("Site {b}"),
            },
            25 => Edit::SetCopyDate {
                copy_date: (b % 4 != 0).then(|| CopyDate {
                    text: "A day".to_owned(),
                    date: date(),
                    note: None,
                }),
            },
            _ => Edit::SetPublished {
                published: (b % 4 != 0).then(|| Published {
                    from: date(),
                    to: (a % 3 == 0).then(date),
                    basis: basis(),
                }),
            },
        }
    }

    fn base(suggestions: bool) -> Article {
        if suggestions {
            with_suggestions()
        } else {
            builtin()
        }
    }

    /// The random edits are not mostly refusals: over a fixed sequence every kind of edit
    /// is accepted at least once and refused at least once, so the property below
    /// checks real changes and real refusals.
    #[test]
    fn random_edits_reach_every_kind_accepted_and_refused() {
        let mut draft = Draft::new(base(true)).unwrap();
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % 10_000) as usize
        };
        let mut tally = [(0usize, 0usize); 27];
        for round in 0..1_200 {
            if round % 150 == 0 {
                draft = Draft::new(base(round % 300 == 0)).unwrap();
            }
            let op = (next() % 27) as u8;
            let edit = edit_from(draft.article(), op, next(), next(), next());
            match draft.apply(edit) {
                Ok(_) => tally[usize::from(op)].0 += 1,
                Err(_) => tally[usize::from(op)].1 += 1,
            }
        }
        for (op, (accepted, refused)) in tally.iter().enumerate() {
            assert!(*accepted > 0, "op {op}: never accepted ({refused} refused)");
        }
        let refused: Vec<usize> = (0..27).filter(|&op| tally[op].1 == 0).collect();
        // Moving a section, taking suggestions and changing a kind are rarely wrong.
        assert!(
            refused.len() <= 8,
            "never refused: {refused:?} of {tally:?}"
        );
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// (1) Every accepted edit leaves a valid article; every refused one leaves it as
        /// it was and says why. (2) Undoing every recorded edit gives back the original,
        /// exactly, and redoing them all the final article. (3) The saved JSON of every
        /// state reopens, through the file path, as an equal article.
        #[test]
        fn random_edits_keep_the_article_valid_undoable_and_saveable(
            suggestions in any::<bool>(),
            seeds in proptest::collection::vec((any::<u8>(), 0usize..10_000, 0usize..10_000, 0usize..10_000), 1..40),
        ) {
            let original = base(suggestions);
            let mut draft = Draft::new(original.clone()).unwrap();
            let mut recorded = 0;
            for (op, a, b, c) in seeds {
                let edit = edit_from(draft.article(), op, a, b, c);
                let sent: Edit = serde_json::from_str(&serde_json::to_string(&edit).unwrap()).unwrap();
                prop_assert_eq!(&sent, &edit);
                let before = draft.article().clone();
                match draft.apply(edit.clone()) {
                    Ok(applied) => {
                        let problems = validate(draft.article());
                        prop_assert!(problems.is_empty(), "{edit:?} left problems {problems:?}");
                        prop_assert_eq!(applied.changed, draft.article() != &before);
                        if applied.changed {
                            recorded += 1;
                        }
                    }
                    Err(error) => {
                        prop_assert_eq!(draft.article(), &before, "{:?} was refused but changed the article", edit);
                        prop_assert!(!error.to_string().is_empty());
                        if let EditError::Invalid(problems) = &error {
                            prop_assert!(!problems.is_empty());
                            // Each names where (a JSON path) and what.
                            prop_assert!(problems.iter().all(|p| !p.path.is_empty() && !p.message.is_empty()));
                        }
                    }
                }
                prop_assert_eq!(draft.undo_depth(), recorded);
                let reopened = load_article(&draft.save());
                prop_assert_eq!(reopened.as_ref().ok(), Some(draft.article()), "{:?}", reopened.as_ref().err());
            }
            let last = draft.article().clone();
            for _ in 0..recorded {
                prop_assert!(draft.undo().is_ok());
                prop_assert!(validate(draft.article()).is_empty());
            }
            prop_assert_eq!(draft.undo().unwrap_err(), EditError::NothingToUndo);
            prop_assert_eq!(draft.article(), &original);
            for _ in 0..recorded {
                prop_assert!(draft.redo().is_ok());
            }
            prop_assert_eq!(draft.redo().unwrap_err(), EditError::NothingToRedo);
            prop_assert_eq!(draft.article(), &last);
            let json = serde_json::to_string(draft.article()).unwrap();
            prop_assert_eq!(&load_article(&json).unwrap(), &last);
        }

        /// Typed edits merge into the step before them, yet undoing every step still
        /// gives back the original exactly, and every state is valid.
        #[test]
        fn typed_edits_still_undo_to_the_original(
            suggestions in any::<bool>(),
            seeds in proptest::collection::vec((any::<bool>(), any::<u8>(), 0usize..10_000, 0usize..10_000, 0usize..10_000), 1..40),
        ) {
            let original = base(suggestions);
            let mut draft = Draft::new(original.clone()).unwrap();
            for (typed, op, a, b, c) in seeds {
                let edit = edit_from(draft.article(), op, a, b, c);
                let before = draft.article().clone();
                let outcome = if typed { draft.apply_typing(edit) } else { draft.apply(edit) };
                if outcome.is_err() {
                    prop_assert_eq!(draft.article(), &before);
                }
                prop_assert!(validate(draft.article()).is_empty());
            }
            while draft.undo().is_ok() {
                prop_assert!(validate(draft.article()).is_empty());
            }
            prop_assert_eq!(draft.article(), &original);
        }
    }
}

#[test]
fn typing_into_one_field_is_one_step_for_undo() {
    let mut draft = draft();
    let before = draft.article().clone();
    for typed in ["M", "Mo", "Mos", "Moscow talks"] {
        draft
            .apply_typing(Edit::SetTitle {
                title: typed.to_owned(),
            })
            .unwrap();
    }
    for typed in ["R", "Ru"] {
        draft
            .apply_typing(Edit::RenameEntity {
                entity: "moscow".to_owned(),
                name: typed.to_owned(),
            })
            .unwrap();
    }
    assert_eq!(draft.undo_depth(), 2, "one step per field typed into");
    assert_eq!(entity(&draft, "moscow").name, "Ru");
    draft.undo().unwrap();
    assert_eq!(draft.article().title, "Moscow talks");
    assert_eq!(entity(&draft, "moscow").name, "Moscow");
    draft.undo().unwrap();
    assert_eq!(*draft.article(), before);

    // After an undo, typing starts a new step; typing back to where the run began leaves
    // nothing to undo.
    let mut draft = Draft::new(before.clone()).unwrap();
    let title = before.title.clone();
    for typed in ["x", &title] {
        draft
            .apply_typing(Edit::SetTitle {
                title: typed.to_owned(),
            })
            .unwrap();
    }
    assert_eq!(draft.undo_depth(), 0);
    // A refused keystroke (an empty title) leaves the run as it was.
    draft
        .apply_typing(Edit::SetTitle {
            title: "Talks".to_owned(),
        })
        .unwrap();
    let refused = draft.apply_typing(Edit::SetTitle {
        title: String::new(),
    });
    assert!(refused.is_err());
    assert_eq!(draft.article().title, "Talks");
    draft.undo().unwrap();
    assert_eq!(*draft.article(), before);
}

#[test]
fn the_sentence_around_a_selection_is_the_whole_sentence() {
    use briefing::edit::sentence_around;
    let text = "Dr. Yusuf arrived on Tuesday. He met Patrushev in Moscow. Talks went well.";
    let at = text.find("Patrushev").unwrap();
    assert_eq!(
        sentence_around(text, at, at + "Patrushev".len()),
        Some("He met Patrushev in Moscow.")
    );
    // A selection across two sentences quotes both; an abbreviation ends none.
    let from = text.find("Tuesday").unwrap();
    assert_eq!(
        sentence_around(text, from, at),
        Some("Dr. Yusuf arrived on Tuesday. He met Patrushev in Moscow.")
    );
    assert_eq!(
        sentence_around(text, 0, 2),
        Some("Dr. Yusuf arrived on Tuesday.")
    );
    assert_eq!(sentence_around(text, 5, text.len() + 1), None);
}

#[test]
fn selected_words_are_found_where_the_page_shows_them() {
    use briefing::edit::locate_words;
    let text = "Moscow hosted the talks. Moscow said little.";
    let second = text.rfind("Moscow").unwrap();
    assert_eq!(
        locate_words(text, &text[..second], "Moscow"),
        Some(second..second + 6)
    );
    assert_eq!(
        locate_words(text, "", " Moscow "),
        Some(0..6),
        "white space is left out"
    );
    // The page's text before the selection differs: the nearest occurrence is taken.
    assert_eq!(
        locate_words(text, "Moscow hosted the talks. Mos", "Moscow"),
        Some(second..second + 6)
    );
    assert_eq!(locate_words(text, "", "Kabul"), None);
    assert_eq!(locate_words(text, "", "  "), None);
}
