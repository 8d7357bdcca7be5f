//! The text converter on the seed page: the same text and sections as the curated
//! built-in article, honest dates, and suggested entities; and the command around it.
#![cfg(not(target_arch = "wasm32"))]

use briefing::convert::{convert_text, Conversion, ConvertError, ConvertOptions};
use briefing::ids::is_valid_id;
use briefing::model::{Article, Block};
use briefing::validate::{describe_problems, validate};
use proptest::prelude::*;
use std::process::Command;

const SEED: &str = include_str!("fixtures/seed-article.txt");
const SEED_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/fixtures/seed-article.txt"
);

fn seed() -> Conversion {
    convert_text(SEED, &ConvertOptions::default()).expect("the seed converts")
}

/// Each section's heading with its paragraph texts, in order.
fn outline(article: &Article) -> Vec<(Option<&str>, Vec<&str>)> {
    article
        .sections
        .iter()
        .map(|section| {
            let texts = section
                .blocks
                .iter()
                .filter_map(|block| match block {
                    Block::Paragraph { text, .. } => Some(text.as_str()),
                    Block::Related { .. } => None,
                })
                .collect();
            (section.heading.as_deref(), texts)
        })
        .collect()
}

fn related_titles(article: &Article) -> Vec<&str> {
    article
        .sections
        .iter()
        .flat_map(|section| &section.blocks)
        .filter_map(|block| match block {
            Block::Related { title, url } => {
                assert_eq!(url, &None);
                Some(title.as_str())
            }
            Block::Paragraph { .. } => None,
        })
        .collect()
}

#[test]
fn the_seed_gives_the_curated_text_and_sections() {
    let article = seed().article;
    assert_eq!(article.site, "Global Village Space");
    assert_eq!(
        article.title,
        "Strong future: NSA meets Russian counterpart in Moscow"
    );
    let copy = article.copy_date.as_ref().expect("a copy date");
    assert_eq!(copy.date, "2024-02-15");
    assert_eq!(copy.text, "Thursday, February 15, 2024");
    assert!(copy
        .note
        .as_deref()
        .is_some_and(|note| note.contains("not the publication date")));

    let curated = briefing::builtin_article();
    assert_eq!(outline(&article), outline(&curated));
    assert_eq!(outline(&article).len(), 4);
    assert_eq!(
        related_titles(&article),
        [
            "PM Khan calls upon world to avert crisis in Afghanistan",
            "Extremism in Afghanistan will rise if economic crisis not alleviated: UN"
        ]
    );
    // Related links sit where the page has them: after the paragraph before each.
    assert_eq!(related_titles(&article), related_titles(&curated));
    for (ours, theirs) in article.sections.iter().zip(&curated.sections) {
        let kinds = |blocks: &[Block]| -> Vec<bool> {
            blocks
                .iter()
                .map(|b| matches!(b, Block::Related { .. }))
                .collect()
        };
        assert_eq!(kinds(&ours.blocks), kinds(&theirs.blocks));
    }
}

#[test]
fn december_1_is_reported_without_a_year_and_dates_no_event() {
    let conversion = seed();
    let partial: Vec<(&str, u8, Option<u8>)> = conversion
        .partial_dates
        .iter()
        .map(|date| (date.text.as_str(), date.month, date.day))
        .collect();
    assert_eq!(partial, [("December 1", 12, Some(1))]);
    assert!(conversion.partial_dates[0]
        .to_string()
        .contains("December 1 (year not stated)"));
    for event in &conversion.article.events {
        assert!(
            !event.date.starts_with("2024") && !event.date.starts_with("2023"),
            "{event:?}"
        );
    }
}

#[test]
fn suggested_entities_cover_the_story() {
    let article = seed().article;
    for wanted in [
        "Moeed Yusuf",
        "Nikolay Patrushev",
        "Moscow",
        "Afghanistan",
        "Pakistan",
        "Russia",
        "TASS",
        "UN",
        "SCO",
    ] {
        assert!(
            article
                .entities
                .iter()
                .any(|e| e.name == wanted || e.aliases.iter().any(|a| a == wanted)),
            "no entity for {wanted}: {:#?}",
            article.entities
        );
    }
    assert!(article.entities.iter().all(|e| e.suggested));
    assert!(article.events.iter().all(|e| e.suggested));
    let patrushev = article.entity("nikolay-patrushev").expect("Patrushev");
    assert!(patrushev.aliases.iter().any(|a| a == "Patrushev"));
    let yusuf = article.entity("moeed-yusuf").expect("Yusuf");
    assert!(yusuf.aliases.iter().any(|a| a == "NSA"));
}

#[test]
fn the_result_validates_and_round_trips() {
    let article = seed().article;
    assert!(validate(&article).is_empty());
    for id in article.ids() {
        assert!(is_valid_id(id), "id {id:?}");
    }
    let json = serde_json::to_string(&article).unwrap();
    assert_eq!(briefing::validate::load_article(&json).unwrap(), article);
    assert!(json.contains("\"suggested\":true"));
}

proptest! {
    /// Any of the seed's lines, in order, make a valid article or are refused for what
    /// they are (no title, no paragraphs); never an article that does not validate.
    #[test]
    fn any_lines_of_the_seed_make_a_valid_article_or_a_clear_refusal(
        lines in proptest::sample::subsequence(SEED.lines().collect::<Vec<_>>(), 0..=SEED.lines().count())
    ) {
        match convert_text(&lines.join("\n"), &ConvertOptions::default()) {
            Ok(conversion) => {
                let problems = validate(&conversion.article);
                prop_assert!(problems.is_empty(), "{}", describe_problems(&problems));
                for id in conversion.article.ids() {
                    prop_assert!(is_valid_id(id), "id {id:?}");
                }
            }
            Err(error @ ConvertError::Invalid(_)) => prop_assert!(false, "{error}"),
            Err(_) => {}
        }
    }
}

fn command() -> Command {
    Command::new(env!("CARGO_BIN_EXE_briefing-convert"))
}

#[test]
fn the_command_converts_the_seed() {
    let output = command().arg(SEED_PATH).output().expect("runs");
    assert!(output.status.success(), "{output:?}");
    let json = String::from_utf8(output.stdout).expect("UTF-8 JSON");
    let article = briefing::validate::load_article(&json).expect("valid article");
    assert_eq!(article.site, "Global Village Space");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("December 1 (year not stated)"), "{stderr}");

    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("convert-seed.json");
    let output = command()
        .args(["-", "--id", "seed", "--site", "Ignored", "-o"])
        .arg(&path)
        .stdin(std::fs::File::open(SEED_PATH).unwrap())
        .output()
        .expect("runs");
    assert!(output.status.success(), "{output:?}");
    assert!(output.stdout.is_empty());
    let article =
        briefing::validate::load_article(&std::fs::read_to_string(&path).unwrap()).unwrap();
    assert_eq!(
        (article.id.as_str(), article.site.as_str()),
        ("seed", "Global Village Space")
    );
}

#[test]
fn the_command_refuses_bad_input_clearly() {
    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("not-utf8.txt");
    std::fs::write(&path, b"Title\n\nCaf\xe9 au lait.").unwrap();
    let output = command().arg(&path).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(output.stdout.is_empty());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("input is not UTF-8 text (first bad byte at offset 10)"),
        "{stderr}"
    );

    let output = command().arg("--bogus").output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("unknown option --bogus"));

    let output = command()
        .arg("/nonexistent/briefing.txt")
        .output()
        .expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("cannot read"));

    let empty = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("empty.txt");
    std::fs::write(&empty, "\n \n").unwrap();
    let output = command().arg(&empty).output().expect("runs");
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&output.stderr).contains("the text is empty"));
}
