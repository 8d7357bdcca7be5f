//! What a reader must find in the built-in article, checked on the data itself.
#![cfg(not(target_arch = "wasm32"))]

use briefing::dates::PartialDate;
use briefing::document::Document;
use briefing::model::{Block, ProvenanceKind};

fn document() -> Document {
    Document::new(briefing::builtin_article())
}

fn seed_paragraphs() -> Vec<String> {
    let seed = include_str!("fixtures/seed-article.txt");
    seed.lines()
        .map(|line| line.trim_end_matches([' ', '\u{a0}']).to_owned())
        .filter(|line| !line.is_empty())
        .collect()
}

#[test]
fn text_is_the_seed_word_for_word_in_four_sections() {
    let document = document();
    let article = &document.article;
    assert_eq!(article.site, "Global Village Space");
    assert_eq!(
        article.title,
        "Strong future: NSA meets Russian counterpart in Moscow"
    );
    let headings: Vec<Option<&str>> = article
        .sections
        .iter()
        .map(|s| s.heading.as_deref())
        .collect();
    assert_eq!(
        headings,
        [
            None,
            Some("Bilateral Cooperation"),
            Some("Concern over Afghanistan"),
            Some("The Backdrop")
        ]
    );
    let seed = seed_paragraphs();
    for (_, _, text) in article.paragraphs() {
        assert!(
            seed.iter().any(|line| line == text),
            "not in the seed: {text}"
        );
    }
    assert_eq!(article.paragraphs().count(), 10);
    assert!(!article
        .paragraphs()
        .any(|(_, _, t)| t.contains("Welcome to Global Village Space")));
    let related: Vec<&str> = article
        .sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter_map(|b| match b {
            Block::Related { title, .. } => Some(title.as_str()),
            Block::Paragraph { .. } => None,
        })
        .collect();
    assert_eq!(
        related,
        [
            "PM Khan calls upon world to avert crisis in Afghanistan",
            "Extremism in Afghanistan will rise if economic crisis not alleviated: UN"
        ]
    );
}

#[test]
fn the_built_in_id_names_the_shipped_file() {
    assert_eq!(document().article.id, briefing::BUILTIN_ARTICLE_ID);
}

#[test]
fn the_copy_date_is_not_the_publication_date() {
    let article = document().article;
    let copy = article.copy_date.expect("copy date");
    assert_eq!(
        (copy.text.as_str(), copy.date.as_str()),
        ("Thursday, February 15, 2024", "2024-02-15")
    );
    let published = article.published.expect("published");
    assert_eq!(published.from, "2021-12-01");
    assert_eq!(published.basis.kind, ProvenanceKind::Inferred);
}

#[test]
fn the_named_entities_are_there() {
    let document = document();
    for id in [
        "moeed-yusuf",
        "nikolay-patrushev",
        "imran-khan",
        "security-council-of-russia",
        "pakistan-embassy-moscow",
        "tass",
        "un",
        "sco",
        "taliban",
        "moscow",
        "russia",
        "pakistan",
        "afghanistan",
        "united-states",
        "defence",
        "drug-trafficking",
        "cyber-security",
        "energy",
        "counter-terrorism",
        "humanitarian-crisis",
    ] {
        assert!(document.entity_index(id).is_some(), "missing entity {id}");
    }
    let mentions = |id: &str| document.entity_mentions[document.entity_index(id).unwrap()].len();
    assert_eq!(mentions("nikolay-patrushev"), 7);
    assert_eq!(mentions("moeed-yusuf"), 6);
    // Named only in a "Read More" link, which is still text the reader sees.
    assert_eq!(mentions("imran-khan"), 1);
}

#[test]
fn the_meeting_is_on_1_december_2021_as_the_article_states() {
    let document = document();
    let meeting = &document.article.events[document.event_index("moscow-meeting").unwrap()];
    assert_eq!(meeting.date, "2021-12-01");
    assert_eq!(meeting.lane, "meeting");
    assert_eq!(meeting.basis.kind, ProvenanceKind::Stated);
    assert_eq!(
        meeting.basis.quote.as_deref(),
        Some("on December 1 in Moscow")
    );
    assert!(meeting
        .sentence
        .as_ref()
        .unwrap()
        .text
        .contains("led a six-member delegation"));
    let meeting_index = document.event_index("moscow-meeting").unwrap();
    let span = document.sentence_range(meeting_index).unwrap();
    assert!(document.passage_text(span.passage)[span.start..span.end]
        .starts_with("The National Security Advisor, Moeed Yusuf, led"));
    // No event may claim the year of the page copy.
    for event in &document.article.events {
        assert!(
            !event.date.starts_with("2023") && !event.date.starts_with("2024"),
            "{}",
            event.id
        );
    }
}

#[test]
fn at_least_six_backdrop_events_from_august_to_december_2021_each_with_provenance() {
    let document = document();
    let from = PartialDate::parse("2021-08-01").unwrap();
    let to = PartialDate::parse("2021-12-31").unwrap();
    let backdrop: Vec<_> = document
        .article
        .events
        .iter()
        .filter(|e| e.lane == "backdrop")
        .filter(|e| {
            let date = PartialDate::parse(&e.date).unwrap();
            from <= date && date <= to
        })
        .collect();
    assert!(backdrop.len() >= 6, "{}", backdrop.len());
    for event in backdrop {
        assert!(
            !event.basis.sources.is_empty()
                || event.basis.quote.is_some()
                || event.basis.reasoning.is_some(),
            "{} has no provenance",
            event.id
        );
    }
}

#[test]
fn the_compiled_in_copy_is_the_shipped_file_without_whitespace() {
    let shipped: serde_json::Value = serde_json::from_str(include_str!(
        "../static/articles/nsa-moscow-2021-12-01.json"
    ))
    .unwrap();
    let compiled: serde_json::Value = serde_json::from_str(briefing::BUILTIN_ARTICLE_JSON).unwrap();
    assert_eq!(compiled, shipped);
    assert!(!briefing::BUILTIN_ARTICLE_JSON.contains("\n  "));
}

#[test]
fn every_id_follows_the_id_grammar() {
    let article = briefing::builtin_article();
    let mut count = 0;
    for id in article.ids() {
        assert!(briefing::ids::is_valid_id(id), "{id}");
        count += 1;
    }
    assert_eq!(count, 1 + 2 + 4 + 10 + 30 + 12);
}

#[test]
fn the_article_declares_its_own_lanes_and_the_code_names_none_of_them() {
    let article = briefing::builtin_article();
    let lanes: Vec<(&str, &str)> = article
        .lanes
        .iter()
        .map(|lane| (lane.id.as_str(), lane.label.as_str()))
        .collect();
    assert_eq!(
        lanes,
        [
            ("meeting", "The meeting"),
            ("backdrop", "Afghanistan backdrop")
        ]
    );
    // The labels are data: no code outside tests spells them (or other stories would
    // show this story's lanes).
    fn rust_files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("a readable directory") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                rust_files(&path, found);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                found.push(path);
            }
        }
    }
    let mut files = Vec::new();
    rust_files(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(files.len() > 20, "{files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a readable file");
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        for (_, label) in &lanes {
            assert!(!code.contains(label), "{} names {label}", file.display());
        }
    }
}
