//! The evaluation set (`tests/fixtures/eval/`): every text converts to a valid article
//! with valid ids, no year is ever invented, the goals (entity precision, kind accuracy
//! and date recall at least 0.9) hold, and the figures are printed (run with
//! `--nocapture` to see them; `cargo run --release --bin briefing-eval -- -v` lists each
//! mistake).
#![cfg(not(target_arch = "wasm32"))]

use briefing::convert::eval::{evaluate_dir, held_out_total, Expected};
use briefing::convert::{convert_text, ConvertOptions};
use briefing::ids::is_valid_id;
use briefing::validate::{describe_problems, validate};
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/eval");

#[test]
fn the_set_has_at_least_eight_texts_each_with_its_source() {
    let (results, _) = evaluate_dir(Path::new(DIR)).unwrap();
    assert!(results.len() >= 8, "{} texts", results.len());
    for name in results.iter().map(|r| &r.name) {
        let text = std::fs::read_to_string(format!("{DIR}/{name}.txt")).unwrap();
        let article = convert_text(&text, &ConvertOptions::default())
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .article;
        let problems = validate(&article);
        assert!(
            problems.is_empty(),
            "{name}: {}",
            describe_problems(&problems)
        );
        for id in article.ids() {
            assert!(is_valid_id(id), "{name}: id {id:?}");
        }
    }
}

#[test]
fn figures_are_printed_and_no_year_is_invented() {
    let (results, total) = evaluate_dir(Path::new(DIR)).unwrap();
    for result in &results {
        match &result.outcome {
            Ok(score) => println!("{}: {score}", result.name),
            Err(error) => panic!("{}: {error}", result.name),
        }
    }
    println!("overall, {} texts: {total}", total.texts);
    let held_out = held_out_total(&results);
    println!("held out, {} texts: {held_out}", held_out.texts);
    assert_eq!(total.invented, Vec::<String>::new(), "invented years");
    // The goals, held as floors so that a regression fails.
    assert!(total.precision() >= 0.9, "entity precision {total}");
    assert!(total.kind_accuracy() >= 0.9, "kind accuracy {total}");
    assert!(total.date_recall() >= 0.9, "date recall {total}");
}

/// Where the converter is deterministic and the hand-checked answer is plain, it must give
/// that answer exactly: the publication date (its day and its provenance) and every
/// expected date, with its precision and provenance.
#[test]
fn each_text_gives_its_expected_dates_exactly() {
    let (results, _) = evaluate_dir(Path::new(DIR)).unwrap();
    for name in results.iter().map(|r| &r.name) {
        let text = std::fs::read_to_string(format!("{DIR}/{name}.txt")).unwrap();
        let expected: Expected = serde_json::from_str(
            &std::fs::read_to_string(format!("{DIR}/{name}.expected.json")).unwrap(),
        )
        .unwrap();
        let article = convert_text(&text, &ConvertOptions::default())
            .unwrap()
            .article;
        match (&expected.published, &article.published) {
            (Some(want), Some(got)) => {
                assert_eq!(got.from, want.date, "{name}: publication date");
                assert_eq!(
                    got.basis.kind, want.provenance,
                    "{name}: publication provenance"
                );
            }
            (None, None) => {}
            (want, got) => panic!("{name}: publication {want:?}, converted {got:?}"),
        }
        for want in &expected.dates {
            assert!(
                article.events.iter().any(|event| event.date == want.date
                    && event.precision == want.precision()
                    && event.basis.kind == want.provenance),
                "{name}: no event dated {} ({:?}, {:?}) for “{}”",
                want.date,
                want.precision(),
                want.provenance,
                want.words
            );
        }
    }
}
