//! The TimelineJS export of the built-in article ships as
//! `static/articles/nsa-moscow-2021-12-01.timeline.json`, next to the article JSON; this
//! test fails when the committed copy is out of date. Regenerate it with
//! `BRIEFING_BLESS=1 cargo test --test export`.
#![cfg(not(target_arch = "wasm32"))]

use briefing::document::Document;
use briefing::export::timelinejs;
use briefing::index::EventIx;

fn export() -> (Document, serde_json::Value) {
    let document = Document::new(briefing::builtin_article());
    let export = timelinejs(&document);
    (document, export)
}

#[test]
fn committed_timelinejs_export_is_up_to_date() {
    let (_, export) = export();
    let generated = serde_json::to_string_pretty(&export).expect("export serialises") + "\n";
    let path = format!(
        "{}/static/articles/{}.timeline.json",
        env!("CARGO_MANIFEST_DIR"),
        briefing::BUILTIN_ARTICLE_ID
    );
    if std::env::var_os("BRIEFING_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("export written");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "static/articles/{}.timeline.json is out of date; regenerate it with \
         `BRIEFING_BLESS=1 cargo test --test export`",
        briefing::BUILTIN_ARTICLE_ID
    );
}

#[test]
fn every_built_in_event_appears_once_in_its_lane() {
    let (document, export) = export();
    let slides = export["events"].as_array().expect("events");
    assert_eq!(slides.len(), document.article.events.len());
    for (index, event) in document.article.events.iter().enumerate() {
        let matching: Vec<_> = slides
            .iter()
            .filter(|slide| slide["unique_id"] == event.id.as_str())
            .collect();
        assert_eq!(matching.len(), 1, "{} appears once", event.id);
        let slide = matching[0];
        assert_eq!(
            slide["group"],
            document.lane_label(EventIx(index)),
            "{}",
            event.id
        );
        assert_eq!(slide["start_date"]["year"], event.date[..4], "{}", event.id);
        assert!(
            slide["text"]["headline"]
                .as_str()
                .is_some_and(|h| !h.is_empty()),
            "{} has a headline",
            event.id
        );
    }
    // The groups are the lanes the article declares, by label.
    let mut groups: Vec<&str> = slides.iter().filter_map(|s| s["group"].as_str()).collect();
    groups.sort_unstable();
    groups.dedup();
    assert_eq!(groups, ["Afghanistan backdrop", "The meeting"]);
    assert_eq!(
        export["title"]["text"]["headline"],
        "Strong future: NSA meets Russian counterpart in Moscow"
    );
}

#[test]
fn export_is_valid_for_timelinejs() {
    // What TimelineJS requires of a slide: a start date with a numeric year, month 1-12
    // and day 1-31 only below a month, and a headline or text.
    let (_, export) = export();
    for slide in export["events"].as_array().expect("events") {
        let start = &slide["start_date"];
        let number = |key: &str| {
            start[key]
                .as_str()
                .map(|s| s.parse::<u32>().expect("a number"))
        };
        assert!(number("year").is_some(), "{slide}");
        if let Some(month) = number("month") {
            assert!((1..=12).contains(&month), "{slide}");
        }
        if let Some(day) = number("day") {
            assert!(
                number("month").is_some() && (1..=31).contains(&day),
                "{slide}"
            );
        }
    }
}
