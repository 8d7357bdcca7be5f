//! Plain text of a news page, as a reader copies it, to an [`Article`].
//!
//! The page's shape is read line by line: site, navigation, share and copyright lines,
//! kickers, bylines, captions and datelines are used, not shown; a date line before the
//! title is the date of the copy, a publication line (or a date under the title) the
//! stated publication date; then the title, header lines, paragraphs, headings and
//! "Read More" lines. The text is kept word for word, but for the first paragraph's
//! dateline.
//!
//! Entities and dated events are *suggested* by plain rules (capitalised runs, titles
//! next to names, a small built-in gazetteer, date patterns), never by a model, and each
//! carries `suggested: true`; entities say why in `suggested_because`. Dates with a year
//! are stated; relative dates and dates without a year are inferred from a stated
//! publication date, with their reasoning, or, with none, reported in
//! [`Conversion::partial_dates`] and the warnings: no year is ever invented.
//!
//! Pure: no I/O and no `web-sys`; `src/bin/briefing-convert.rs` is the command around it.
//!
//! This module holds the public API and the order of the steps: `page` reads the page's
//! shape, `entities` and `events` make the suggestions, helped by `text` (words and
//! sentences), `dates` (dates in text, absolute and relative), `names` (where a name may
//! be), `lexicon` (word lists and the gazetteer, `gazetteer.txt`) and `ids` (slugs);
//! `eval` scores conversions against the hand-checked evaluation set.

mod dates;
mod entities;
pub mod eval;
mod events;
pub(crate) mod ids;
mod lexicon;
mod names;
mod page;
pub(crate) mod text;

use crate::ids::MAX_ID_CHARS;
use crate::model::Article;
use crate::text::echo;
use crate::text::without_hiding_chars;
use crate::validate::{describe_problems, validate, Problem, MAX_ARTICLE_BYTES};
use entities::suggest_entities;
use events::suggest_events;
use ids::article_id;
use page::{build_sections, read_page};
use std::fmt;

/// Longer texts are refused: the JSON holds the text plus ids, entities and escapes, and
/// must stay under the viewer's limit.
pub const MAX_TEXT_BYTES: usize = MAX_ARTICLE_BYTES / 2;

/// What the caller knows that the text may not say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConvertOptions {
    /// The article id; a slug of it when it does not follow the id grammar
    /// ([`crate::ids`]), and by default a slug of the title.
    pub id: Option<String>,
    /// The site name when no "Welcome to …" line names it.
    pub default_site: String,
    /// Suggest names and dates even when the text does not read as English (the rules
    /// and word lists are English, so elsewhere they guess).
    pub assume_english: bool,
}

impl Default for ConvertOptions {
    fn default() -> Self {
        ConvertOptions {
            id: None,
            default_site: "Unknown site".to_owned(),
            assume_english: false,
        }
    }
}

/// The article, with what the converter noticed but could not put in it.
#[derive(Clone, Debug, PartialEq)]
pub struct Conversion {
    pub article: Article,
    /// Dates the text gives without a year; they have no event.
    pub partial_dates: Vec<PartialDateMention>,
    pub warnings: Vec<String>,
}

/// A date written without a year, such as "December 1".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PartialDateMention {
    /// The words of the text, e.g. "December 1".
    pub text: String,
    /// 1 to 12.
    pub month: u8,
    pub day: Option<u8>,
    /// Id of the paragraph that holds it.
    pub paragraph: String,
}

impl fmt::Display for PartialDateMention {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} (year not stated), in paragraph {}",
            self.text, self.paragraph
        )
    }
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    #[error("the text is empty")]
    Empty,
    #[error("the text is {size} bytes; the limit is {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("the text has no title: every line is page chrome or a date")]
    NoTitle,
    #[error("the text has no paragraphs after the title")]
    NoParagraphs,
    /// More of something than an article may have (see `crate::validate`'s limits).
    #[error("the text makes {count} {what}; an article has at most {limit}")]
    TooMany {
        what: &'static str,
        count: usize,
        limit: usize,
    },
    #[error("the converted article does not validate, which is a bug in the converter: {}", describe_problems(.0))]
    Invalid(Vec<Problem>),
}

/// Converts the text of a news page. Never panics; an `Ok` article always validates.
pub fn convert_text(text: &str, options: &ConvertOptions) -> Result<Conversion, ConvertError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(ConvertError::TooLarge {
            size: text.len(),
            limit: MAX_TEXT_BYTES,
        });
    }
    // Characters that hide or reorder text are no part of a news story, and validation
    // refuses them in titles and names.
    let cleaned = without_hiding_chars(text.strip_prefix('\u{feff}').unwrap_or(text));
    let text = cleaned.as_str();
    if text.trim().is_empty() {
        return Err(ConvertError::Empty);
    }
    let mut warnings = Vec::new();
    let page = read_page(text, &mut warnings)?;
    let sections = build_sections(page.items, &mut warnings)?;
    let site = match page.site {
        Some(site) => site,
        None => {
            let site = non_blank(&options.default_site).unwrap_or("Unknown site");
            warnings.push(format!(
                "no site name on the page (a \"Welcome to …\" line or a masthead); using \"{site}\""
            ));
            site.to_owned()
        }
    };
    let given_id = options.id.as_deref().and_then(non_blank);
    let id = article_id(given_id, &page.title);
    if let Some(given) = given_id.filter(|given| *given != id) {
        warnings.push(format!(
            "an id is lower-case letters, digits, \"-\", \".\" and \"_\", at most {MAX_ID_CHARS} characters; \"{}\" is not, so the id is \"{id}\"",
            echo(given)
        ));
    }
    // The converter's rules and word lists are English; on other text they would guess.
    let english = options.assume_english || looks_english(&sections);
    let mut article = Article {
        id,
        site,
        title: page.title,
        url: None,
        language: if english { "en" } else { "und" }.to_owned(),
        copy_date: page.copy_date,
        published: page.published,
        years: None,
        sections,
        lanes: events::lanes(),
        entities: Vec::new(),
        events: Vec::new(),
        focus: None,
    };
    let mut partial_dates = Vec::new();
    if english {
        article.entities = suggest_entities(&article, &mut warnings);
        let (events, partial) = suggest_events(&article, &mut warnings);
        article.events = events;
        partial_dates = partial;
    } else {
        warnings.push(
            "the text does not read as English, and the converter reads English only: it suggested no names and no dates, and the language is marked unknown (\"und\")"
                .to_owned(),
        );
    }
    let problems = validate(&article);
    if !problems.is_empty() {
        return Err(ConvertError::Invalid(problems));
    }
    Ok(Conversion {
        article,
        partial_dates,
        warnings,
    })
}

/// Common English words; in English prose roughly one word in four is one of them.
const ENGLISH_FUNCTION_WORDS: [&str; 16] = [
    "the", "and", "of", "to", "in", "a", "is", "that", "for", "on", "with", "was", "said", "by",
    "at", "it",
];

/// Whether the paragraphs read as English: at least one word in twenty is a common English
/// function word (short texts, under 20 words, are given the benefit of the doubt).
fn looks_english(sections: &[crate::model::Section]) -> bool {
    let (mut words, mut function_words) = (0usize, 0usize);
    for section in sections {
        for block in &section.blocks {
            if let crate::model::Block::Paragraph { text, .. } = block {
                for word in text
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| !w.is_empty())
                {
                    words += 1;
                    if ENGLISH_FUNCTION_WORDS.contains(&word.to_lowercase().as_str()) {
                        function_words += 1;
                    }
                }
            }
        }
    }
    words < 20 || function_words * 20 >= words
}

fn non_blank(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// At most this many suggested entities, and as many events: a story names far fewer,
/// and the viewer's mention finder slows down with thousands of names.
const MAX_SUGGESTIONS: usize = 200;

/// Converts with the default options, for the tests of each part.
#[cfg(test)]
fn convert(text: &str) -> Conversion {
    convert_text(text, &ConvertOptions::default()).expect("converts")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_that_is_not_english_gets_no_suggestions_and_says_why() {
        let russian = "Встреча в Москве\n\nСоветник по национальной безопасности Пакистана Моид Юсуф встретился в Москве с секретарём Совета безопасности России Николаем Патрушевым. Стороны обсудили положение в Афганистане и сотрудничество в борьбе с терроризмом, сообщило посольство 1 декабря 2021 года.";
        let conversion = convert(russian);
        assert!(conversion.article.entities.is_empty() && conversion.article.events.is_empty());
        assert_eq!(conversion.article.language, "und");
        assert!(
            conversion
                .warnings
                .iter()
                .any(|w| w.contains("reads English only")),
            "{:?}",
            conversion.warnings
        );
        let seed = convert(include_str!("../../tests/fixtures/seed-article.txt"));
        assert_eq!(seed.article.language, "en");
        assert!(!seed.article.entities.is_empty());
    }

    #[test]
    fn large_texts_stay_within_the_article_limits_or_say_which_they_pass() {
        // A long paragraph is cut, and names past the mention limit are not suggested.
        let sentence = "Moscow and Russia met Pakistan in Kabul with Afghanistan, said Russia. ";
        let paragraph = sentence.repeat(5);
        let text = format!(
            "Talks in Moscow\n\n{}\n\n{}",
            sentence.repeat(200),
            [paragraph.as_str(); 900].join("\n\n")
        );
        let conversion = convert(&text);
        assert!(crate::validate::validate(&conversion.article).is_empty());
        assert!(
            conversion
                .warnings
                .iter()
                .any(|w| w.contains("at most 20,000 mentions")),
            "{:?}",
            conversion.warnings
        );
        // Too many paragraphs in one section is said plainly.
        let many = format!(
            "Talks in Moscow\n\n{}",
            ["Moscow talks."; 1_200].join("\n\n")
        );
        assert_eq!(
            convert_text(&many, &ConvertOptions::default())
                .unwrap_err()
                .to_string(),
            "the text makes 1200 paragraphs and links in one section; an article has at most 1000"
        );
    }

    #[test]
    fn options_give_the_id_and_the_default_site() {
        let options = ConvertOptions {
            id: Some("my-story".into()),
            default_site: "Dawn".into(),
            assume_english: false,
        };
        let conversion = convert_text("Title\n\nText.", &options).unwrap();
        assert_eq!(conversion.article.id, "my-story");
        assert_eq!(conversion.article.site, "Dawn");
        assert!(conversion.warnings[0].contains("\"Dawn\""));
        assert_eq!(convert("Title\n\nText.").article.site, "Unknown site");
    }

    #[test]
    fn a_given_id_outside_the_grammar_becomes_a_slug_with_a_warning() {
        let options = ConvertOptions {
            id: Some("My Story".into()),
            ..ConvertOptions::default()
        };
        let conversion = convert_text("Title\n\nText.", &options).unwrap();
        assert_eq!(conversion.article.id, "my-story");
        assert!(conversion
            .warnings
            .iter()
            .any(|w| w.contains("\"My Story\" is not, so the id is \"my-story\"")));
    }

    #[test]
    fn refuses_texts_without_a_story() {
        let convert = |text: &str| convert_text(text, &ConvertOptions::default());
        assert_eq!(convert(" \n\u{a0}\n"), Err(ConvertError::Empty));
        assert_eq!(
            convert("| Welcome to X\n\nFebruary 15, 2024"),
            Err(ConvertError::NoTitle)
        );
        assert_eq!(
            convert("Title\n\nRead More: x"),
            Err(ConvertError::NoParagraphs)
        );
        assert!(matches!(
            convert(&"a".repeat(MAX_TEXT_BYTES + 1)),
            Err(ConvertError::TooLarge { .. })
        ));
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn line() -> impl Strategy<Value = String> {
            prop_oneof![
                Just(String::new()),
                Just("| Welcome to Site".to_owned()),
                Just("Thursday, February 15, 2024".to_owned()),
                Just("Read More: Another story".to_owned()),
                Just("Read More:".to_owned()),
                Just(
                    "The Prime Minister, Imran Khan, met PM Khan in Moscow on 1 December 2021."
                        .to_owned()
                ),
                Just(
                    "NSA talks with the UN and SCO in Russia-Pakistan and Afghan terms, May 2020."
                        .to_owned()
                ),
                "[A-Z][a-z]{0,6}( (of|and|[A-Z][a-z]{0,6})){0,4}",
                // Headings and names with accents, in other scripts, and too long for an id.
                "[A-ZÀ-ÖА-Я][a-zß-öа-я\u{301}]{0,12}( [A-ZÀ-ÖА-Я][a-zß-öа-я]{0,30}){0,7}",
                "[A-Za-z0-9 ,.:;’“”\u{a0}\u{301}-]{0,60}",
                "\\PC{0,40}",
            ]
        }

        /// The conversion, if the converter made one; a failed test case if it made an
        /// article that does not validate or has an id outside the grammar. Refusing a
        /// text for what it is (empty, too large, no title, no paragraphs) passes.
        fn made(
            result: Result<Conversion, ConvertError>,
        ) -> Result<Option<Conversion>, TestCaseError> {
            let conversion = match result {
                Ok(conversion) => conversion,
                Err(error @ ConvertError::Invalid(_)) => {
                    return Err(TestCaseError::fail(error.to_string()))
                }
                Err(_) => return Ok(None),
            };
            let problems = validate(&conversion.article);
            prop_assert!(problems.is_empty(), "{}", describe_problems(&problems));
            for id in conversion.article.ids() {
                prop_assert!(crate::ids::is_valid_id(id), "id {id:?}");
            }
            Ok(Some(conversion))
        }

        proptest! {
            #[test]
            fn never_panics_and_never_makes_an_invalid_article(
                // Lines of any printable text, so that some are titles and paragraphs.
                text in "(\\PC{0,40}\n{1,2}){0,8}",
                id in proptest::option::of("\\PC{0,120}"),
            ) {
                // Whatever the text, the suggestion rules run too.
                let options = ConvertOptions { id, assume_english: true, ..ConvertOptions::default() };
                made(convert_text(&text, &options))?;
            }

            #[test]
            fn page_shaped_texts_convert_to_valid_articles(lines in proptest::collection::vec(line(), 0..24)) {
                let text = lines.join("\n");
                let options = ConvertOptions { assume_english: true, ..ConvertOptions::default() };
                let Some(conversion) = made(convert_text(&text, &options))? else {
                    return Ok(());
                };
                let json = serde_json::to_string(&conversion.article).unwrap();
                prop_assert!(crate::validate::load_article(&json).is_ok());
                // Every alias is named somewhere the viewer looks for mentions.
                let document = crate::document::Document::new(conversion.article.clone());
                for (index, entity) in conversion.article.entities.iter().enumerate() {
                    prop_assert!(entity.suggested);
                    prop_assert!(!document.entity_mentions[index].is_empty());
                }
                prop_assert!(conversion.article.events.iter().all(|e| e.suggested));
            }
        }
    }
}
