//! Reading an article from JSON and checking it, with errors that say where and what.

use crate::dates::PartialDate;
use crate::model::{Article, Block, Provenance, ProvenanceKind};
use std::collections::HashSet;
use std::fmt;

/// Larger articles are refused before parsing, so a huge file cannot freeze the tab.
pub const MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;

/// One thing wrong with an article, at a JSON path such as `events[2].date`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path, self.message)
    }
}

/// Why an article could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum LoadError {
    #[error("The article is {size} bytes; the limit is {limit} bytes.")]
    TooLarge { size: usize, limit: usize },
    #[error("The article is not valid JSON of the article format, at {path} (line {line}, column {column}): {message}")]
    Json {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("The article has {} problem(s): {}", .0.len(), describe_problems(.0))]
    Invalid(Vec<Problem>),
}

/// Problems as one line: "path: message; path: message".
pub fn describe_problems(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(Problem::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Parses and validates an article.
pub fn load_article(json: &str) -> Result<Article, LoadError> {
    if json.len() > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            size: json.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    // serde would read a list as a struct, field by field; say plainly what is expected.
    let start = json.len() - json.trim_start().len();
    if !json[start..].starts_with('{') {
        let before = &json[..start];
        return Err(LoadError::Json {
            path: "(top level)".to_owned(),
            line: before.matches('\n').count() + 1,
            column: before
                .rsplit('\n')
                .next()
                .map_or(0, |last| last.chars().count())
                + 1,
            message: "the article must be a JSON object, {...}".to_owned(),
        });
    }
    // Parse once; only a failure pays for finding the JSON path of the error.
    let article: Article = serde_json::from_str(json).map_err(|error| LoadError::Json {
        path: json_path_at(json, error.line(), error.column()),
        line: error.line(),
        column: error.column(),
        message: strip_position(&error.to_string()),
    })?;
    let problems = validate(&article);
    if problems.is_empty() {
        Ok(article)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// The JSON path (`sections[0].blocks[2].text`) of the value being read when serde_json
/// stopped at `line` and `column` (1-based line; bytes read on that line): a linear scan
/// of the text up to there that keeps the stack of open objects and arrays. Text after
/// a complete document is "(after the document)", the document itself "(top level)".
pub fn json_path_at(json: &str, line: usize, column: usize) -> String {
    let line_start = if line <= 1 {
        0
    } else {
        json.match_indices('\n')
            .nth(line - 2)
            .map_or(json.len(), |(i, _)| i + 1)
    };
    let end = (line_start + column).min(json.len());
    let scan = PathScan::new(&json.as_bytes()[..end]);
    let path = scan.path();
    // serde reads an internally tagged enum (a block) whole before it checks it, so its
    // errors come out after the array that holds it: find the block at fault.
    match scan.just_closed_array {
        Some(array) if path.ends_with("blocks") => match first_bad_block(&json[array]) {
            Some(index) => format!("{path}[{index}]"),
            None => path,
        },
        _ => path,
    }
}

/// Index of the first element of a JSON array that is not a valid block.
fn first_bad_block(array: &str) -> Option<usize> {
    let values: Vec<serde_json::Value> = serde_json::from_str(array).ok()?;
    values
        .into_iter()
        .position(|value| serde_json::from_value::<Block>(value).is_err())
}

/// One open container: an array with the index of its current element, or an object
/// with the key of its current member.
enum Open {
    Array { start: usize, index: usize },
    Object(Option<String>),
}

/// Where a scan of JSON text stopped: the open containers, in order.
struct PathScan {
    stack: Vec<Open>,
    closed_document: bool,
    /// The byte range of the array that the scan's last character closed, if it did.
    just_closed_array: Option<std::ops::Range<usize>>,
}

impl PathScan {
    /// Scans `bytes`, which may end inside a character.
    fn new(bytes: &[u8]) -> Self {
        let mut scan = PathScan {
            stack: Vec::new(),
            closed_document: false,
            just_closed_array: None,
        };
        let mut expecting_key = false;
        let mut i = 0;
        while i < bytes.len() {
            let byte = bytes[i];
            if !byte.is_ascii_whitespace() {
                scan.just_closed_array = None;
            }
            match byte {
                b'"' => {
                    let start = i + 1;
                    i += 1;
                    while i < bytes.len() && bytes[i] != b'"' {
                        i += if bytes[i] == b'\\' { 2 } else { 1 };
                    }
                    if expecting_key {
                        if let Some(Open::Object(key)) = scan.stack.last_mut() {
                            let raw = String::from_utf8_lossy(&bytes[start..i.min(bytes.len())]);
                            *key = Some(
                                serde_json::from_str(&format!("\"{raw}\""))
                                    .unwrap_or_else(|_| raw.into_owned()),
                            );
                        }
                        expecting_key = false;
                    }
                }
                b'{' => {
                    scan.stack.push(Open::Object(None));
                    expecting_key = true;
                }
                b'[' => scan.stack.push(Open::Array { start: i, index: 0 }),
                b'}' | b']' => {
                    if let Some(Open::Array { start, .. }) = scan.stack.pop() {
                        scan.just_closed_array = Some(start..i + 1);
                    }
                    scan.closed_document = scan.stack.is_empty();
                    expecting_key = false;
                }
                b',' => match scan.stack.last_mut() {
                    Some(Open::Array { index, .. }) => *index += 1,
                    Some(Open::Object(_)) => expecting_key = true,
                    None => {}
                },
                _ => {}
            }
            i += 1;
        }
        scan
    }

    fn path(&self) -> String {
        let mut path = String::new();
        for open in &self.stack {
            match open {
                Open::Array { index, .. } => path.push_str(&format!("[{index}]")),
                Open::Object(Some(key)) => {
                    if !path.is_empty() {
                        path.push('.');
                    }
                    path.push_str(key);
                }
                Open::Object(None) => {}
            }
        }
        match (path.is_empty(), self.closed_document) {
            (false, _) => path,
            (true, true) => "(after the document)".to_owned(),
            (true, false) => "(top level)".to_owned(),
        }
    }
}

/// serde_json appends " at line L column C"; the error already carries both.
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(index) => message[..index].to_owned(),
        None => message.to_owned(),
    }
}

/// Only plain web links are followed; anything else (`javascript:`, `data:`) is refused.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > lower.find("//").map_or(0, |i| i + 2)
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

struct Checker {
    problems: Vec<Problem>,
}

impl Checker {
    fn fail(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    fn non_empty(&mut self, path: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.fail(path, "must not be empty");
        }
    }

    fn web_link(&mut self, path: impl Into<String>, url: &str) {
        if !is_web_link(url) {
            self.fail(path, format!("\"{url}\" is not an http or https link"));
        }
    }

    fn unique<'a>(&mut self, seen: &mut HashSet<&'a str>, path: String, id: &'a str) {
        self.non_empty(path.clone(), id);
        if !seen.insert(id) {
            self.fail(path, format!("duplicate id \"{id}\""));
        }
    }

    fn provenance(&mut self, path: &str, basis: &Provenance) {
        let has = |value: &Option<String>| value.as_deref().is_some_and(|v| !v.trim().is_empty());
        match basis.kind {
            ProvenanceKind::Stated if !has(&basis.quote) => self.fail(
                format!("{path}.quote"),
                "a stated date needs the article's words",
            ),
            ProvenanceKind::Inferred if !has(&basis.reasoning) => self.fail(
                format!("{path}.reasoning"),
                "an inferred date needs its reasoning",
            ),
            ProvenanceKind::External if basis.sources.is_empty() => self.fail(
                format!("{path}.sources"),
                "an outside date needs at least one source",
            ),
            _ => {}
        }
        for (index, source) in basis.sources.iter().enumerate() {
            self.non_empty(format!("{path}.sources[{index}].name"), &source.name);
            self.web_link(format!("{path}.sources[{index}].url"), &source.url);
        }
    }

    fn date(&mut self, path: String, text: &str) -> Option<PartialDate> {
        PartialDate::parse(text)
            .map_err(|error| self.fail(path, error.to_string()))
            .ok()
    }
}

/// Every problem in an article that parsed: empty texts, duplicate ids, references that
/// do not resolve, dates that do not exist, unsafe links, and provenance without support.
pub fn validate(article: &Article) -> Vec<Problem> {
    let mut check = Checker {
        problems: Vec::new(),
    };
    check.non_empty("id", &article.id);
    check.non_empty("site", &article.site);
    check.non_empty("title", &article.title);
    if let Some(url) = &article.url {
        check.web_link("url", url);
    }
    if let Some(copy) = &article.copy_date {
        check.non_empty("copy_date.text", &copy.text);
        if let Some(date) = check.date("copy_date.date".into(), &copy.date) {
            if date.day.is_none() {
                check.fail(
                    "copy_date.date",
                    "the date of a copy must be a full YYYY-MM-DD date",
                );
            }
        }
    }
    if let Some(published) = &article.published {
        let from = check.date("published.from".into(), &published.from);
        if let Some(to_text) = &published.to {
            let to = check.date("published.to".into(), to_text);
            if let (Some(from), Some(to)) = (from, to) {
                if to.first_day() < from.first_day() {
                    check.fail("published.to", "ends before published.from");
                }
            }
        }
        check.provenance("published.basis", &published.basis);
    }

    if article.sections.is_empty() {
        check.fail("sections", "the article has no sections");
    }
    let mut section_ids = HashSet::new();
    let mut paragraph_texts = std::collections::HashMap::new();
    for (s, section) in article.sections.iter().enumerate() {
        check.unique(&mut section_ids, format!("sections[{s}].id"), &section.id);
        if let Some(heading) = &section.heading {
            check.non_empty(format!("sections[{s}].heading"), heading);
        } else if s > 0 {
            check.fail(
                format!("sections[{s}].heading"),
                "only the first section (the lead) may have no heading",
            );
        }
        if !section
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Paragraph { .. }))
        {
            check.fail(
                format!("sections[{s}].blocks"),
                "the section has no paragraph",
            );
        }
        for (b, block) in section.blocks.iter().enumerate() {
            let path = format!("sections[{s}].blocks[{b}]");
            match block {
                Block::Paragraph { id, text } => {
                    check.non_empty(format!("{path}.id"), id);
                    check.non_empty(format!("{path}.text"), text);
                    if paragraph_texts.insert(id.as_str(), text.as_str()).is_some() {
                        check.fail(format!("{path}.id"), format!("duplicate id \"{id}\""));
                    }
                }
                Block::Related { title, url } => {
                    check.non_empty(format!("{path}.title"), title);
                    if let Some(url) = url {
                        check.web_link(format!("{path}.url"), url);
                    }
                }
            }
        }
    }

    let mut entity_ids = HashSet::new();
    for (e, entity) in article.entities.iter().enumerate() {
        check.unique(&mut entity_ids, format!("entities[{e}].id"), &entity.id);
        check.non_empty(format!("entities[{e}].name"), &entity.name);
        check.non_empty(format!("entities[{e}].description"), &entity.description);
        if entity.aliases.is_empty() {
            check.fail(format!("entities[{e}].aliases"), "needs at least one alias");
        }
        for (a, alias) in entity.aliases.iter().enumerate() {
            check.non_empty(format!("entities[{e}].aliases[{a}]"), alias);
        }
        if let Some(url) = &entity.same_as {
            check.web_link(format!("entities[{e}].same_as"), url);
        }
    }

    let mut event_ids = HashSet::new();
    for (v, event) in article.events.iter().enumerate() {
        let path = format!("events[{v}]");
        check.unique(&mut event_ids, format!("{path}.id"), &event.id);
        check.non_empty(format!("{path}.label"), &event.label);
        if let Err(error) = PartialDate::parse_with_precision(&event.date, event.precision) {
            check.fail(format!("{path}.date"), error.to_string());
        }
        for (r, entity) in event.entities.iter().enumerate() {
            if !entity_ids.contains(entity.as_str()) {
                check.fail(
                    format!("{path}.entities[{r}]"),
                    format!("no entity has the id \"{entity}\""),
                );
            }
        }
        if let Some(sentence) = &event.sentence {
            match paragraph_texts.get(sentence.paragraph.as_str()) {
                None => check.fail(
                    format!("{path}.sentence.paragraph"),
                    format!("no paragraph has the id \"{}\"", sentence.paragraph),
                ),
                Some(text)
                    if sentence.text.trim().is_empty()
                        || !text.contains(sentence.text.as_str()) =>
                {
                    check.fail(
                        format!("{path}.sentence.text"),
                        format!(
                            "is not found word for word in paragraph \"{}\"",
                            sentence.paragraph
                        ),
                    )
                }
                Some(_) => {}
            }
        }
        check.provenance(&format!("{path}.basis"), &event.basis);
    }
    check.problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn minimal() -> serde_json::Value {
        json!({
            "id": "a", "site": "S", "title": "T",
            "sections": [{"id": "lead", "blocks": [{"type": "paragraph", "id": "p1", "text": "Moscow talks."}]}],
            "entities": [{"id": "moscow", "name": "Moscow", "kind": "place", "aliases": ["Moscow"], "description": "Capital of Russia"}],
            "events": [{"id": "talks", "date": "2021-12-01", "precision": "day", "lane": "meeting", "label": "Talks",
                        "entities": ["moscow"], "sentence": {"paragraph": "p1", "text": "Moscow talks."},
                        "basis": {"kind": "stated", "quote": "Moscow talks"}}]
        })
    }

    fn problems_of(value: serde_json::Value) -> Vec<String> {
        match load_article(&value.to_string()) {
            Ok(_) => vec![],
            Err(LoadError::Invalid(problems)) => problems.iter().map(Problem::to_string).collect(),
            Err(other) => vec![other.to_string()],
        }
    }

    #[test]
    fn a_minimal_article_loads() {
        assert_eq!(problems_of(minimal()), Vec::<String>::new());
    }

    #[test]
    fn malformed_json_names_line_and_column() {
        let error = load_article("{\n  \"id\": \"a\",\n  oops\n}").unwrap_err();
        match error {
            LoadError::Json { line, column, .. } => assert_eq!((line, column), (3, 3)),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn wrong_shape_names_the_json_path() {
        let mut value = minimal();
        value["events"][0]["precision"] = json!("week");
        let message = load_article(&value.to_string()).unwrap_err().to_string();
        assert!(message.contains("events[0].precision"), "{message}");
        assert!(message.contains("unknown variant `week`"), "{message}");

        let mut value = minimal();
        value["sections"][0]["blocks"][0]
            .as_object_mut()
            .unwrap()
            .remove("text");
        let message = load_article(&value.to_string()).unwrap_err().to_string();
        assert!(
            message.contains("sections[0].blocks[0]") && message.contains("missing field `text`"),
            "{message}"
        );
    }

    #[test]
    fn unknown_references_and_duplicates_are_named() {
        let mut value = minimal();
        value["events"][0]["entities"] = json!(["moscow", "kabul"]);
        value["events"][0]["sentence"]["paragraph"] = json!("p9");
        let duplicate = value["entities"][0].clone();
        value["entities"].as_array_mut().unwrap().push(duplicate);
        assert_eq!(
            problems_of(value),
            vec![
                "entities[1].id: duplicate id \"moscow\"",
                "events[0].entities[1]: no entity has the id \"kabul\"",
                "events[0].sentence.paragraph: no paragraph has the id \"p9\"",
            ]
        );
    }

    #[test]
    fn impossible_dates_are_refused() {
        for (date, expected) in [
            (
                "2021-02-30",
                "events[0].date: 2021-02-30 is not a real date",
            ),
            ("2021-13-01", "events[0].date: month 13 does not exist"),
        ] {
            let mut value = minimal();
            value["events"][0]["date"] = json!(date);
            assert_eq!(problems_of(value), vec![expected]);
        }
    }

    #[test]
    fn provenance_needs_its_support() {
        let mut value = minimal();
        value["events"][0]["basis"] = json!({"kind": "external"});
        assert_eq!(
            problems_of(value),
            vec!["events[0].basis.sources: an outside date needs at least one source"]
        );
        let mut value = minimal();
        value["events"][0]["basis"] = json!({"kind": "inferred", "reasoning": " "});
        assert_eq!(
            problems_of(value),
            vec!["events[0].basis.reasoning: an inferred date needs its reasoning"]
        );
    }

    #[test]
    fn sentences_must_be_quoted_exactly() {
        let mut value = minimal();
        value["events"][0]["sentence"]["text"] = json!("Moscow talk.");
        assert_eq!(
            problems_of(value),
            vec!["events[0].sentence.text: is not found word for word in paragraph \"p1\""]
        );
    }

    #[test]
    fn empty_sections_and_unsafe_links_are_refused() {
        let mut value = minimal();
        value["sections"].as_array_mut().unwrap().push(
            json!({"id": "s2", "heading": "H", "blocks": [
                {"type": "related", "title": "x", "url": "javascript:alert(1)"}
            ]}),
        );
        assert_eq!(
            problems_of(value),
            vec![
                "sections[1].blocks: the section has no paragraph",
                "sections[1].blocks[0].url: \"javascript:alert(1)\" is not an http or https link",
            ]
        );
    }

    #[test]
    fn web_links_are_only_http_and_https() {
        assert!(is_web_link("https://example.org/a"));
        assert!(is_web_link("HTTP://example.org"));
        for bad in [
            "javascript:alert(1)",
            "data:text/html,x",
            "https://",
            "https://a b",
            "//example.org",
            "ftp://x",
            "",
        ] {
            assert!(!is_web_link(bad), "{bad}");
        }
    }

    #[test]
    fn oversized_and_deeply_nested_input_fails_cleanly() {
        let huge = " ".repeat(MAX_ARTICLE_BYTES + 1);
        assert!(matches!(
            load_article(&huge),
            Err(LoadError::TooLarge { .. })
        ));
        let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
        assert!(matches!(load_article(&deep), Err(LoadError::Json { .. })));
        let deep = format!(
            "{{\"id\": \"a\", \"site\": {}{}}}",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert!(matches!(load_article(&deep), Err(LoadError::Json { .. })));
    }

    #[test]
    fn a_list_is_not_an_article() {
        assert_eq!(
            load_article("\n  [1, 2]").unwrap_err().to_string(),
            "The article is not valid JSON of the article format, at (top level) (line 2, column 3): \
             the article must be a JSON object, {...}"
        );
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn loading_never_panics_on_arbitrary_text(text in "\\PC{0,300}") {
            let _ = load_article(&text);
        }

        #[test]
        fn loading_never_panics_on_a_damaged_article(cut in 0usize..30_000, byte in 0u8..128) {
            // Replace one character of the real article: most results fail to parse,
            // some parse but fail validation; none may panic.
            let mut text = crate::BUILTIN_ARTICLE_JSON.to_owned();
            let at = (0..=cut.min(text.len() - 1)).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
            let end = (at + 1..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
            text.replace_range(at..end, &char::from(byte).to_string());
            if let Ok(article) = load_article(&text) {
                proptest::prop_assert!(validate(&article).is_empty());
            }
        }
    }

    #[test]
    fn the_path_of_an_error_names_keys_and_indexes() {
        let json = r#"{"a": [1, {"b\u0041": [true, "x"]}], "c": 2}"#;
        let at = |needle: &str| {
            let end = json.find(needle).unwrap() + needle.len();
            json_path_at(json, 1, end)
        };
        assert_eq!(at(r#""x""#), "a[1].bA[1]");
        assert_eq!(at("true"), "a[1].bA[0]");
        assert_eq!(at("]}"), "a[1]");
        assert_eq!(at(r#""c": 2"#), "c");
        assert_eq!(json_path_at(json, 1, 0), "(top level)");
        assert_eq!(json_path_at(json, 1, json.len()), "(after the document)");
        assert_eq!(json_path_at("{\n \"k\": [\n 1,\n 2", 4, 2), "k[1]");
    }

    #[test]
    fn trailing_text_is_an_error() {
        let text = format!("{} extra", minimal());
        assert!(matches!(load_article(&text), Err(LoadError::Json { .. })));
    }
}
