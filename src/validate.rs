//! Reading an article from JSON and checking it, with errors that say where and what.
//!
//! Every limit on what an article may hold is here, so that the work any article can
//! cause (parsing, mention finding, layout, rendering) stays bounded; each refusal names
//! the limit.

use crate::dates::PartialDate;
use crate::ids::{is_id_char, is_valid_id, MAX_ID_CHARS};
use crate::mentions::MentionFinder;
use crate::model::{Article, Block, Provenance, ProvenanceKind, YearRange};
use crate::text::{echo, hiding_char_name, is_invisible, thousands};
use std::collections::{HashMap, HashSet};
use std::fmt;

// ---- Limits ---------------------------------------------------------------------------
// Generous for real news stories (the built-in one has 4 sections, 30 entities and 12
// events; the benchmark's synthetic article 100 times larger stays within them).

/// Larger articles are refused before parsing, so a huge file cannot freeze the tab.
pub const MAX_ARTICLE_BYTES: usize = 5 * 1024 * 1024;
/// Arrays and objects inside each other; a valid article needs 6.
pub const MAX_NESTING: usize = 32;
pub const MAX_SECTIONS: usize = 1_000;
/// Paragraphs and related links in one section.
pub const MAX_BLOCKS_PER_SECTION: usize = 1_000;
/// Paragraphs and related links in the whole article.
pub const MAX_BLOCKS: usize = 10_000;
/// Characters in one paragraph (a long news paragraph has about 1,000).
pub const MAX_PARAGRAPH_CHARS: usize = 10_000;
pub const MAX_ENTITIES: usize = 5_000;
pub const MAX_ALIASES_PER_ENTITY: usize = 50;
pub const MAX_ALIAS_CHARS: usize = 200;
pub const MAX_EVENTS: usize = 2_500;
/// Lanes of the timeline; each is a row of the drawing (the built-in article has 2).
pub const MAX_LANES: usize = 12;
/// The longest name of the story's own event (`focus.name`), in characters.
pub const MAX_FOCUS_NAME_CHARS: usize = 60;
/// Entities one event names.
pub const MAX_EVENT_ENTITIES: usize = 100;
/// Places where the text names an entity, in the whole article (the built-in one has 60).
/// The page marks each one, so this bounds the work of showing the text.
pub const MAX_MENTIONS: usize = 20_000;
/// Years a date may have unless the article's `years` says otherwise.
pub const DEFAULT_YEARS: YearRange = YearRange {
    from: 1000,
    to: 2999,
};
/// Problems a load error lists; the rest are counted.
pub const MAX_PROBLEMS_SHOWN: usize = 20;

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
    #[error("The article's JSON nests more than {limit} levels deep (line {line}, column {column}); the limit is {limit}.")]
    TooDeep {
        limit: usize,
        line: usize,
        column: usize,
    },
    #[error("The article is not valid JSON of the article format, at {path} (line {line}, column {column}): {message}")]
    Json {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("The article has {} problem(s): {}", thousands(.0.len()), describe_problems(.0))]
    Invalid(Vec<Problem>),
}

/// Problems as one line, "path: message; path: message", the first
/// [`MAX_PROBLEMS_SHOWN`] of them and then how many more.
pub fn describe_problems(problems: &[Problem]) -> String {
    let mut text = problems
        .iter()
        .take(MAX_PROBLEMS_SHOWN)
        .map(Problem::to_string)
        .collect::<Vec<_>>()
        .join("; ");
    if problems.len() > MAX_PROBLEMS_SHOWN {
        text.push_str(&format!(
            "; and {} more",
            thousands(problems.len() - MAX_PROBLEMS_SHOWN)
        ));
    }
    text
}

/// Where the JSON first nests deeper than [`MAX_NESTING`], as (line, column): one pass
/// over the bytes, before parsing, so the refusal names the limit.
fn too_deep_at(json: &str) -> Option<(usize, usize)> {
    let (mut depth, mut in_string, mut escaped) = (0usize, false, false);
    let (mut line, mut line_start) = (1, 0);
    for (index, byte) in json.bytes().enumerate() {
        if in_string {
            match byte {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match byte {
            b'"' => in_string = true,
            b'\n' => (line, line_start) = (line + 1, index + 1),
            b'[' | b'{' => {
                depth += 1;
                if depth > MAX_NESTING {
                    let column = json[line_start..index].chars().count() + 1;
                    return Some((line, column));
                }
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

/// Parses and validates an article.
pub fn load_article(json: &str) -> Result<Article, LoadError> {
    if json.len() > MAX_ARTICLE_BYTES {
        return Err(LoadError::TooLarge {
            size: json.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    if let Some((line, column)) = too_deep_at(json) {
        return Err(LoadError::TooDeep {
            limit: MAX_NESTING,
            line,
            column,
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
    let mut article: Article = serde_json::from_str(json).map_err(|error| LoadError::Json {
        path: json_path_at(json, error.line(), error.column()),
        line: error.line(),
        column: error.column(),
        message: cut_quoted(&strip_position(&error.to_string())),
    })?;
    article.supply_legacy_lanes();
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

/// serde repeats the offending value between backticks or double quotes (an unknown
/// variant, a wrong string); each is cut as [`echo`] cuts.
fn cut_quoted(message: &str) -> String {
    let mut cut = message.to_owned();
    for quote in ['`', '"'] {
        cut = cut
            .split(quote)
            .enumerate()
            .map(|(index, part)| {
                if index % 2 == 1 {
                    echo(part)
                } else {
                    part.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join(&quote.to_string());
    }
    cut
}

/// Only plain web links are followed; anything else (`javascript:`, `data:`) is refused,
/// and so is a link with characters that hide or reorder what a reader sees of it.
pub fn is_web_link(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > lower.find("//").map_or(0, |i| i + 2)
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || hiding_char_name(c).is_some())
}

/// The first character of a name that can hide or reorder text. The joiners U+200C and
/// U+200D are part of writing between two visible characters (Persian words, emoji
/// sequences) and are refused only where they join nothing.
fn hiding_char_in_name(value: &str) -> Option<char> {
    let chars: Vec<char> = value.chars().collect();
    chars.iter().enumerate().find_map(|(i, &c)| {
        let joins = |j: Option<usize>| {
            j.and_then(|j| chars.get(j))
                .is_some_and(|&n| !is_invisible(n))
        };
        let joiner_in_word =
            matches!(c, '\u{200C}' | '\u{200D}') && joins(i.checked_sub(1)) && joins(Some(i + 1));
        (hiding_char_name(c).is_some() && !joiner_in_word).then_some(c)
    })
}

/// "U+202E RIGHT-TO-LEFT OVERRIDE", or "U+00AD" for a character without a name here.
fn describe_char(c: char) -> String {
    match hiding_char_name(c) {
        Some(name) => format!("U+{:04X} {name}", c as u32),
        None => format!("U+{:04X}", c as u32),
    }
}

/// A value from the article as a message repeats it: cut to [`echo`]'s length, with
/// hiding characters written as their code ("[U+202E]") so they cannot garble the message.
fn shown(value: &str) -> String {
    // One character more than an echo keeps, so that a cut still shows as one.
    let visible: String = value
        .chars()
        .take(crate::text::ECHO_CHARS + 1)
        .map(|c| match hiding_char_name(c) {
            Some(_) => format!("[U+{:04X}]", c as u32),
            None => c.to_string(),
        })
        .collect();
    echo(&visible)
}

struct Checker {
    problems: Vec<Problem>,
    years: YearRange,
}

impl Checker {
    fn fail(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.into(),
            message: message.into(),
        });
    }

    /// Text a reader must see: at least one visible character.
    fn non_empty(&mut self, path: impl Into<String>, value: &str) {
        if value.trim().is_empty() {
            self.fail(path, "must not be empty");
        } else if !value.chars().any(|c| !is_invisible(c)) {
            let first = value.chars().find(|c| !c.is_whitespace()).unwrap_or(' ');
            self.fail(
                path,
                format!(
                    "has no visible character (only {} and the like)",
                    describe_char(first)
                ),
            );
        }
    }

    /// A name, alias or title: visible, and free of characters that hide or reorder text.
    fn name(&mut self, path: impl Into<String>, value: &str) {
        let path = path.into();
        if let Some(c) = hiding_char_in_name(value) {
            self.fail(
                path,
                format!(
                    "contains {}, which can hide or reorder text; it is not allowed in ids, \
                     names, aliases, titles and links",
                    describe_char(c)
                ),
            );
        } else {
            self.non_empty(path, value);
        }
    }

    fn web_link(&mut self, path: impl Into<String>, url: &str) {
        // A link has no letters to join: every hiding character is refused.
        let path = path.into();
        if let Some(c) = url.chars().find(|&c| hiding_char_name(c).is_some()) {
            self.fail(
                path,
                format!(
                    "contains {}, which can hide or reorder text; it is not allowed in ids, \
                     names, aliases, titles and links",
                    describe_char(c)
                ),
            );
        } else if !is_web_link(url) {
            self.fail(
                path,
                format!("\"{}\" is not an http or https link", shown(url)),
            );
        }
    }

    fn id(&mut self, path: impl Into<String>, id: &str) {
        if is_valid_id(id) {
            return;
        }
        let count = id.chars().count();
        let why = if id.is_empty() {
            "it is empty".to_owned()
        } else if let Some(c) = id.chars().find(|&c| !is_id_char(c)) {
            if c.is_whitespace() || c.is_control() || hiding_char_name(c).is_some() {
                format!("it contains {}", describe_char(c))
            } else {
                format!("it contains \"{c}\"")
            }
        } else {
            format!("it has {} characters", thousands(count))
        };
        self.fail(
            path,
            format!(
                "\"{}\" is not an id ({why}): ids are lower-case letters a-z, digits, \
                 \"-\", \".\" and \"_\", at most {MAX_ID_CHARS} characters",
                shown(id)
            ),
        );
    }

    fn unique<'a>(&mut self, seen: &mut HashSet<&'a str>, path: String, id: &'a str) {
        self.id(path.clone(), id);
        if !seen.insert(id) {
            self.fail(path, format!("duplicate id \"{}\"", shown(id)));
        }
    }

    /// At most `limit` of `what` in `path`.
    fn count(&mut self, path: &str, holder: &str, count: usize, what: &str, limit: usize) {
        if count > limit {
            self.fail(
                path,
                format!(
                    "{holder} has {} {what}; the limit is {}",
                    thousands(count),
                    thousands(limit)
                ),
            );
        }
    }

    /// At most [`MAX_MENTIONS`] mentions, counted as the page will find them; counting
    /// stops past the limit, so an article with a mention at every word costs little.
    fn mentions(&mut self, article: &Article) {
        let finder = MentionFinder::new(&article.entities);
        let mut mentions = 0;
        for block in article.sections.iter().flat_map(|section| &section.blocks) {
            let text = match block {
                Block::Paragraph { text, .. } => text,
                Block::Related { title, .. } => title,
            };
            mentions += finder.find(text).len();
            if mentions > MAX_MENTIONS {
                self.fail(
                    "entities",
                    format!(
                        "the text names the entities more than {} times; the limit is {}",
                        thousands(MAX_MENTIONS),
                        thousands(MAX_MENTIONS)
                    ),
                );
                return;
            }
        }
    }

    /// At most `limit` characters in the text at `path`.
    fn length(&mut self, path: String, what: &str, text: &str, limit: usize) {
        // Counting stops past the limit: a 5 MB text costs no more than a short one.
        if text.len() > limit && text.chars().nth(limit).is_some() {
            self.fail(
                path,
                format!(
                    "the {what} is {} characters long; the limit is {}",
                    thousands(text.chars().count()),
                    thousands(limit)
                ),
            );
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
            self.name(format!("{path}.sources[{index}].name"), &source.name);
            self.web_link(format!("{path}.sources[{index}].url"), &source.url);
        }
    }

    /// A date that exists, with a year in the article's range.
    fn date(
        &mut self,
        path: String,
        parsed: Result<PartialDate, crate::dates::DateError>,
    ) -> Option<PartialDate> {
        let date = parsed
            .map_err(|error| self.fail(path.clone(), error.to_string()))
            .ok()?;
        let YearRange { from, to } = self.years;
        if !(i32::from(from)..=i32::from(to)).contains(&date.year) {
            let (wide_from, wide_to) =
                (date.year.min(i32::from(from)), date.year.max(i32::from(to)));
            self.fail(
                path,
                format!(
                    "year {:04} is outside {from}–{to}; an article about other times can say so \
                     with \"years\": {{\"from\": {wide_from}, \"to\": {wide_to}}}",
                    date.year
                ),
            );
            return None;
        }
        Some(date)
    }
}

/// Every problem in an article that parsed: limits passed, empty or invisible texts,
/// ids that break the id grammar or repeat, references (to entities, paragraphs and
/// lanes) that do not resolve or repeat,
/// dates that do not exist or fall outside the article's years, unsafe links, characters
/// that hide text, and provenance without support.
pub fn validate(article: &Article) -> Vec<Problem> {
    let mut check = Checker {
        problems: Vec::new(),
        years: DEFAULT_YEARS,
    };
    if let Some(years) = article.years {
        if years.from > years.to || years.to > 9999 {
            check.fail(
                "years",
                format!(
                    "{}–{} is not a range of years: \"from\" comes first and years have at most four digits",
                    years.from, years.to
                ),
            );
        } else {
            check.years = years;
        }
    }
    check.id("id", &article.id);
    check.name("site", &article.site);
    check.name("title", &article.title);
    if let Some(url) = &article.url {
        check.web_link("url", url);
    }
    if let Some(copy) = &article.copy_date {
        check.non_empty("copy_date.text", &copy.text);
        if let Some(date) = check.date("copy_date.date".into(), PartialDate::parse(&copy.date)) {
            if date.day.is_none() {
                check.fail(
                    "copy_date.date",
                    "the date of a copy must be a full YYYY-MM-DD date",
                );
            }
        }
    }
    if let Some(published) = &article.published {
        let from = check.date("published.from".into(), PartialDate::parse(&published.from));
        if let Some(to_text) = &published.to {
            let to = check.date("published.to".into(), PartialDate::parse(to_text));
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
    check.count(
        "sections",
        "the article",
        article.sections.len(),
        "sections",
        MAX_SECTIONS,
    );
    let blocks: usize = article.sections.iter().map(|s| s.blocks.len()).sum();
    check.count(
        "sections",
        "the article",
        blocks,
        "paragraphs and related links",
        MAX_BLOCKS,
    );
    let mut section_ids = HashSet::new();
    let mut paragraph_texts = HashMap::new();
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
        check.count(
            &format!("sections[{s}].blocks"),
            "the section",
            section.blocks.len(),
            "paragraphs and related links",
            MAX_BLOCKS_PER_SECTION,
        );
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
                    check.id(format!("{path}.id"), id);
                    check.non_empty(format!("{path}.text"), text);
                    check.length(
                        format!("{path}.text"),
                        "paragraph",
                        text,
                        MAX_PARAGRAPH_CHARS,
                    );
                    if paragraph_texts.insert(id.as_str(), text.as_str()).is_some() {
                        check.fail(
                            format!("{path}.id"),
                            format!("duplicate id \"{}\"", shown(id)),
                        );
                    }
                }
                Block::Related { title, url } => {
                    check.name(format!("{path}.title"), title);
                    check.length(format!("{path}.title"), "title", title, MAX_PARAGRAPH_CHARS);
                    if let Some(url) = url {
                        check.web_link(format!("{path}.url"), url);
                    }
                }
            }
        }
    }

    check.count(
        "entities",
        "the article",
        article.entities.len(),
        "entities",
        MAX_ENTITIES,
    );
    let mut entity_ids = HashSet::new();
    for (e, entity) in article.entities.iter().enumerate() {
        check.unique(&mut entity_ids, format!("entities[{e}].id"), &entity.id);
        check.name(format!("entities[{e}].name"), &entity.name);
        check.non_empty(format!("entities[{e}].description"), &entity.description);
        if entity.aliases.is_empty() {
            check.fail(format!("entities[{e}].aliases"), "needs at least one alias");
        }
        check.count(
            &format!("entities[{e}].aliases"),
            "the entity",
            entity.aliases.len(),
            "aliases",
            MAX_ALIASES_PER_ENTITY,
        );
        for (a, alias) in entity.aliases.iter().enumerate() {
            check.name(format!("entities[{e}].aliases[{a}]"), alias);
            check.length(
                format!("entities[{e}].aliases[{a}]"),
                "alias",
                alias,
                MAX_ALIAS_CHARS,
            );
        }
        if let Some(url) = &entity.same_as {
            check.web_link(format!("entities[{e}].same_as"), url);
        }
    }

    check.mentions(article);

    check.count(
        "lanes",
        "the article",
        article.lanes.len(),
        "lanes",
        MAX_LANES,
    );
    let mut lane_ids = HashSet::new();
    for (l, lane) in article.lanes.iter().enumerate() {
        check.unique(&mut lane_ids, format!("lanes[{l}].id"), &lane.id);
        check.name(format!("lanes[{l}].label"), &lane.label);
        if let Some(description) = &lane.description {
            check.non_empty(format!("lanes[{l}].description"), description);
        }
    }
    if article.lanes.is_empty() && !article.events.is_empty() {
        check.fail(
            "lanes",
            "the article has events but declares no lanes: add \"lanes\": [{\"id\": \"…\", \
             \"label\": \"…\"}] with each lane its events name (a file of the older format, \
             whose events name only \"meeting\" and \"backdrop\", opens without it)",
        );
    }

    check.count(
        "events",
        "the article",
        article.events.len(),
        "events",
        MAX_EVENTS,
    );
    let mut event_ids = HashSet::new();
    for (v, event) in article.events.iter().enumerate() {
        let path = format!("events[{v}]");
        check.unique(&mut event_ids, format!("{path}.id"), &event.id);
        check.non_empty(format!("{path}.label"), &event.label);
        if !article.lanes.is_empty() && !lane_ids.contains(event.lane.as_str()) {
            check.fail(
                format!("{path}.lane"),
                format!("no lane has the id \"{}\"", shown(&event.lane)),
            );
        }
        check.date(
            format!("{path}.date"),
            PartialDate::parse_with_precision(&event.date, event.precision),
        );
        check.count(
            &format!("{path}.entities"),
            "the event",
            event.entities.len(),
            "entities",
            MAX_EVENT_ENTITIES,
        );
        let mut listed: HashMap<&str, usize> = HashMap::new();
        for (r, entity) in event.entities.iter().enumerate() {
            if let Some(first) = listed.insert(entity.as_str(), r) {
                listed.insert(entity.as_str(), first);
                check.fail(
                    format!("{path}.entities[{r}]"),
                    format!(
                        "\"{}\" is already listed at entities[{first}]",
                        shown(entity)
                    ),
                );
            } else if !entity_ids.contains(entity.as_str()) {
                check.fail(
                    format!("{path}.entities[{r}]"),
                    format!("no entity has the id \"{}\"", shown(entity)),
                );
            }
        }
        if let Some(sentence) = &event.sentence {
            match paragraph_texts.get(sentence.paragraph.as_str()) {
                None => check.fail(
                    format!("{path}.sentence.paragraph"),
                    format!("no paragraph has the id \"{}\"", shown(&sentence.paragraph)),
                ),
                Some(text)
                    if sentence.text.trim().is_empty()
                        || !text.contains(sentence.text.as_str()) =>
                {
                    check.fail(
                        format!("{path}.sentence.text"),
                        format!(
                            "is not found word for word in paragraph \"{}\"",
                            shown(&sentence.paragraph)
                        ),
                    )
                }
                Some(_) => {}
            }
        }
        check.provenance(&format!("{path}.basis"), &event.basis);
    }
    if let Some(focus) = &article.focus {
        if !event_ids.contains(focus.event.as_str()) {
            check.fail(
                "focus.event",
                format!("no event has the id \"{}\"", shown(&focus.event)),
            );
        }
        check.name("focus.name", &focus.name);
        check.length(
            "focus.name".into(),
            "name",
            &focus.name,
            MAX_FOCUS_NAME_CHARS,
        );
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
            "lanes": [{"id": "talks", "label": "The talks"}],
            "entities": [{"id": "moscow", "name": "Moscow", "kind": "place", "aliases": ["Moscow"], "description": "Capital of Russia"}],
            "events": [{"id": "talks", "date": "2021-12-01", "precision": "day", "lane": "talks", "label": "Talks",
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
    fn the_focus_names_an_event_and_a_short_visible_name() {
        let mut value = minimal();
        value["focus"] = json!({"event": "talks", "name": "the talks"});
        assert_eq!(problems_of(value.clone()), Vec::<String>::new());
        value["focus"] = json!({"event": "meeting", "name": "the\u{202E}talks"});
        let problems = problems_of(value.clone());
        assert_eq!(problems.len(), 2, "{problems:?}");
        assert!(problems[0].starts_with("focus.event: no event has the id \"meeting\""));
        assert!(
            problems[1].starts_with("focus.name: contains U+202E"),
            "{problems:?}"
        );
        value["focus"] = json!({"event": "talks", "name": " "});
        assert_eq!(
            problems_of(value.clone()),
            ["focus.name: must not be empty"]
        );
        value["focus"] = json!({"event": "talks", "name": "t".repeat(61)});
        assert_eq!(
            problems_of(value.clone()),
            ["focus.name: the name is 61 characters long; the limit is 60"]
        );
        value["focus"] = json!({"event": "talks"});
        assert!(problems_of(value)[0].contains("missing field `name`"));
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
    fn lanes_are_declared_once_named_visibly_and_used_by_id() {
        let mut value = minimal();
        value["lanes"] = json!([
            {"id": "talks", "label": "The talks"},
            {"id": "talks", "label": "\u{200B}"},
            {"id": "Background", "label": "Background", "description": " "},
        ]);
        value["events"][0]["lane"] = json!("background");
        assert_eq!(
            problems_of(value),
            vec![
                "lanes[1].id: duplicate id \"talks\"",
                "lanes[1].label: contains U+200B ZERO WIDTH SPACE, which can hide or reorder \
                 text; it is not allowed in ids, names, aliases, titles and links",
                "lanes[2].id: \"Background\" is not an id (it contains \"B\"): ids are \
                 lower-case letters a-z, digits, \"-\", \".\" and \"_\", at most 100 characters",
                "lanes[2].description: must not be empty",
                "events[0].lane: no lane has the id \"background\"",
            ]
        );
    }

    #[test]
    fn events_need_declared_lanes_unless_the_file_is_of_the_older_format() {
        // Lanes of the current format, but none declared: refused, saying how to fix it.
        let mut value = minimal();
        value.as_object_mut().unwrap().remove("lanes");
        let problems = problems_of(value.clone());
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0]
                .starts_with("lanes: the article has events but declares no lanes: add \"lanes\""),
            "{problems:?}"
        );
        // An article with no events needs no lanes.
        value["events"] = json!([]);
        assert_eq!(problems_of(value), Vec::<String>::new());
    }

    #[test]
    fn a_file_of_the_older_format_opens_with_its_lanes_supplied() {
        let mut value = minimal();
        value.as_object_mut().unwrap().remove("lanes");
        value["events"][0]["lane"] = json!("backdrop");
        let mut later = value["events"][0].clone();
        later["id"] = json!("later");
        later["lane"] = json!("meeting");
        value["events"].as_array_mut().unwrap().push(later);
        let article = load_article(&value.to_string()).unwrap();
        let lanes: Vec<(&str, &str)> = (article.lanes.iter())
            .map(|lane| (lane.id.as_str(), lane.label.as_str()))
            .collect();
        // The old order, whatever the order of the events; neutral labels.
        assert_eq!(
            lanes,
            [("meeting", "The story"), ("backdrop", "Background")]
        );
        assert_eq!(
            article.lanes[1].description.as_deref(),
            Some(
                "Named by Briefing: this file marks these events “backdrop” and declares no \
                 lanes (the format before articles declared their lanes)."
            )
        );
        // Saved again, it is of the current format and opens as it is.
        let saved = serde_json::to_string(&article).unwrap();
        assert_eq!(load_article(&saved).unwrap(), article);
        // Only the lanes the events use are supplied.
        value["events"].as_array_mut().unwrap().pop();
        let article = load_article(&value.to_string()).unwrap();
        assert_eq!(article.lanes.len(), 1);
        assert_eq!(article.lanes[0].label, "Background");
        // One event of another lane, and the file is not of the older format.
        value["events"][0]["lane"] = json!("talks");
        let problems = problems_of(value);
        assert!(
            problems[0].starts_with("lanes: the article has events but declares no lanes"),
            "{problems:?}"
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
        assert!(matches!(
            load_article(&deep),
            Err(LoadError::TooDeep { .. })
        ));
        let deep = format!(
            "{{\"id\": \"a\",\n \"site\": {}{}}}",
            "[".repeat(10_000),
            "]".repeat(10_000)
        );
        assert_eq!(
            load_article(&deep).unwrap_err().to_string(),
            "The article's JSON nests more than 32 levels deep (line 2, column 41); the limit is 32."
        );
        // Brackets inside strings do not count.
        let mut value = minimal();
        value["title"] = json!("[{".repeat(100));
        assert_eq!(problems_of(value), Vec::<String>::new());
    }

    #[test]
    fn each_limit_is_named_when_passed() {
        /// A change that passes one limit, and the problem it must cause.
        type Case = (Box<dyn Fn(&mut serde_json::Value)>, &'static str);
        let cases: Vec<Case> = vec![
            (
                Box::new(|v| {
                    let entity = v["entities"][0].clone();
                    let entities = v["entities"].as_array_mut().unwrap();
                    for n in 1..=MAX_ENTITIES {
                        let mut copy = entity.clone();
                        copy["id"] = json!(format!("e{n}"));
                        entities.push(copy);
                    }
                }),
                "entities: the article has 5,001 entities; the limit is 5,000",
            ),
            (
                Box::new(|v| {
                    v["entities"][0]["aliases"] =
                        json!((0..=MAX_ALIASES_PER_ENTITY).map(|n| format!("Moscow {n}")).collect::<Vec<_>>())
                }),
                "entities[0].aliases: the entity has 51 aliases; the limit is 50",
            ),
            (
                Box::new(|v| v["entities"][0]["aliases"][0] = json!("M".repeat(MAX_ALIAS_CHARS + 1))),
                "entities[0].aliases[0]: the alias is 201 characters long; the limit is 200",
            ),
            (
                Box::new(|v| {
                    let event = v["events"][0].clone();
                    let events = v["events"].as_array_mut().unwrap();
                    for n in 1..=MAX_EVENTS {
                        let mut copy = event.clone();
                        copy["id"] = json!(format!("v{n}"));
                        events.push(copy);
                    }
                }),
                "events: the article has 2,501 events; the limit is 2,500",
            ),
            (
                Box::new(|v| {
                    v["lanes"] = json!((0..=MAX_LANES)
                        .map(|l| json!({"id": format!("l{l}"), "label": "L"}))
                        .collect::<Vec<_>>());
                    v["events"][0]["lane"] = json!("l0");
                }),
                "lanes: the article has 13 lanes; the limit is 12",
            ),
            (
                Box::new(|v| {
                    let entity = v["entities"][0].clone();
                    let mut ids = Vec::new();
                    for n in 0..=MAX_EVENT_ENTITIES {
                        let mut copy = entity.clone();
                        copy["id"] = json!(format!("e{n}"));
                        v["entities"].as_array_mut().unwrap().push(copy);
                        ids.push(format!("e{n}"));
                    }
                    v["events"][0]["entities"] = json!(ids);
                }),
                "events[0].entities: the event has 101 entities; the limit is 100",
            ),
            (
                Box::new(|v| {
                    let section = v["sections"][0].clone();
                    for n in 1..=MAX_SECTIONS {
                        let mut copy = section.clone();
                        copy["id"] = json!(format!("s{n}"));
                        copy["heading"] = json!("H");
                        copy["blocks"][0]["id"] = json!(format!("p-{n}"));
                        v["sections"].as_array_mut().unwrap().push(copy);
                    }
                }),
                "sections: the article has 1,001 sections; the limit is 1,000",
            ),
            (
                Box::new(|v| {
                    let blocks = v["sections"][0]["blocks"].as_array_mut().unwrap();
                    for _ in 0..MAX_BLOCKS_PER_SECTION {
                        blocks.push(json!({"type": "related", "title": "More"}));
                    }
                }),
                "sections[0].blocks: the section has 1,001 paragraphs and related links; the limit is 1,000",
            ),
            (
                Box::new(|v| {
                    let blocks: Vec<_> = (0..MAX_BLOCKS / 10).map(|_| json!({"type": "related", "title": "More"})).collect();
                    for n in 1..=10 {
                        let section = json!({"id": format!("s{n}"), "heading": "H", "blocks": blocks.clone()});
                        v["sections"].as_array_mut().unwrap().push(section);
                    }
                }),
                "sections: the article has 10,001 paragraphs and related links; the limit is 10,000",
            ),
            (
                Box::new(|v| v["sections"][0]["blocks"][0]["text"] = json!(format!("Moscow talks. {}", "é".repeat(MAX_PARAGRAPH_CHARS)))),
                "sections[0].blocks[0].text: the paragraph is 10,014 characters long; the limit is 10,000",
            ),
            (
                Box::new(|v| {
                    let text = "Moscow ".repeat(MAX_MENTIONS / 20);
                    let blocks = v["sections"][0]["blocks"].as_array_mut().unwrap();
                    for p in 2..=21 {
                        blocks.push(json!({"type": "paragraph", "id": format!("p{p}"), "text": text}));
                    }
                }),
                "entities: the text names the entities more than 20,000 times; the limit is 20,000",
            ),
        ];
        for (change, expected) in cases {
            let mut value = minimal();
            change(&mut value);
            let problems = problems_of(value);
            assert!(
                problems.iter().any(|p| p == expected),
                "{expected}: {problems:?}"
            );
        }
    }

    #[test]
    fn an_event_may_not_name_an_entity_twice() {
        let mut value = minimal();
        value["events"][0]["entities"] = json!(["moscow", "moscow", "kabul", "moscow"]);
        assert_eq!(
            problems_of(value),
            vec![
                "events[0].entities[1]: \"moscow\" is already listed at entities[0]",
                "events[0].entities[2]: no entity has the id \"kabul\"",
                "events[0].entities[3]: \"moscow\" is already listed at entities[0]",
            ]
        );
    }

    #[test]
    fn ids_follow_the_id_grammar() {
        for (id, why) in [
            ("Lead", "it contains \"L\""),
            ("the lead", "it contains U+0020"),
            ("lead\u{202E}", "it contains U+202E RIGHT-TO-LEFT OVERRIDE"),
            ("léad", "it contains \"é\""),
            ("", "it is empty"),
        ] {
            let mut value = minimal();
            value["sections"][0]["id"] = json!(id);
            let shown = id.replace('\u{202E}', "[U+202E]");
            assert_eq!(
                problems_of(value),
                vec![format!(
                    "sections[0].id: \"{shown}\" is not an id ({why}): ids are lower-case letters a-z, \
                     digits, \"-\", \".\" and \"_\", at most 100 characters"
                )]
            );
        }
        let mut value = minimal();
        value["id"] = json!("a".repeat(MAX_ID_CHARS + 1));
        let problems = problems_of(value);
        assert!(
            problems[0].contains("(it has 101 characters)"),
            "{problems:?}"
        );
        assert!(problems[0].contains("aaa…\" is not an id"), "{problems:?}");
        for id in [
            "nsa-moscow-2021-12-01",
            "p1",
            "a.b_c",
            &"a".repeat(MAX_ID_CHARS),
        ] {
            assert!(is_valid_id(id), "{id}");
        }
    }

    #[test]
    fn joiners_inside_a_word_or_an_emoji_are_writing_not_hiding() {
        // Persian "می‌خواهم" needs U+200C; "👩‍💼" is joined by U+200D.
        for title in ["می\u{200C}خواهم", "Talks 👩\u{200D}💼 in Moscow"] {
            let mut value = minimal();
            value["title"] = json!(title);
            assert_eq!(problems_of(value), Vec::<String>::new(), "{title}");
        }
        for title in ["\u{200D}Moscow", "Moscow \u{200C}talks", "Moscow\u{200D}"] {
            let mut value = minimal();
            value["title"] = json!(title);
            let problems = problems_of(value);
            assert!(problems[0].contains("ZERO WIDTH"), "{title}: {problems:?}");
        }
    }

    #[test]
    fn texts_need_a_visible_character_and_names_no_hiding_ones() {
        let mut value = minimal();
        value["title"] = json!("\u{200B}");
        value["sections"][0]["blocks"][0]["text"] = json!("\u{2800}\u{00AD} ");
        assert_eq!(
            problems_of(value),
            vec![
                "title: contains U+200B ZERO WIDTH SPACE, which can hide or reorder text; it is \
                 not allowed in ids, names, aliases, titles and links",
                "sections[0].blocks[0].text: has no visible character (only U+2800 and the like)",
                "events[0].sentence.text: is not found word for word in paragraph \"p1\"",
            ]
        );
        let mut value = minimal();
        value["entities"][0]["name"] = json!("Mos\u{202E}woc");
        value["entities"][0]["aliases"][0] = json!("\u{2066}Moscow\u{2069}");
        value["entities"][0]["same_as"] = json!("https://example.org/\u{200F}");
        value["site"] = json!("S\u{061C}");
        assert_eq!(
            problems_of(value)
                .iter()
                .map(|p| p.split(", which").next().unwrap())
                .collect::<Vec<_>>(),
            vec![
                "site: contains U+061C ARABIC LETTER MARK",
                "entities[0].name: contains U+202E RIGHT-TO-LEFT OVERRIDE",
                "entities[0].aliases[0]: contains U+2066 LEFT-TO-RIGHT ISOLATE",
                "entities[0].same_as: contains U+200F RIGHT-TO-LEFT MARK",
            ]
        );
        assert!(!is_web_link("https://example.org/\u{202E}fdp.exe"));
        // Paragraph text may join letters as some scripts need.
        let mut value = minimal();
        let text = "Moscow talks. \u{0915}\u{094D}\u{200D}\u{0937}";
        value["sections"][0]["blocks"][0]["text"] = json!(text);
        assert_eq!(problems_of(value), Vec::<String>::new());
    }

    #[test]
    fn years_outside_1000_to_2999_need_the_article_to_say_so() {
        let mut value = minimal();
        value["events"][0]["date"] = json!("0000-12-01");
        assert_eq!(
            problems_of(value.clone()),
            vec![
                "events[0].date: year 0000 is outside 1000–2999; an article about other times \
                 can say so with \"years\": {\"from\": 0, \"to\": 2999}"
            ]
        );
        value["years"] = json!({"from": 0, "to": 2999});
        assert_eq!(problems_of(value.clone()), Vec::<String>::new());
        value["published"] = json!({"from": "3000", "basis": {"kind": "stated", "quote": "x"}});
        assert_eq!(
            problems_of(value.clone()),
            vec![
                "published.from: year 3000 is outside 0–2999; an article about other times \
                 can say so with \"years\": {\"from\": 0, \"to\": 3000}"
            ]
        );
        value["years"] = json!({"from": 2000, "to": 1999});
        assert!(problems_of(value)[0].starts_with("years: 2000–1999 is not a range of years"));
    }

    #[test]
    fn the_problem_list_shows_twenty_and_counts_the_rest() {
        let mut value = minimal();
        value["events"][0]["entities"] =
            json!((0..25).map(|n| format!("x{n}")).collect::<Vec<_>>());
        let message = load_article(&value.to_string()).unwrap_err().to_string();
        assert!(
            message.starts_with("The article has 25 problem(s): events[0].entities[0]"),
            "{message}"
        );
        assert!(
            message.contains("entities[19]: no entity has the id \"x19\"; and 5 more"),
            "{message}"
        );
        assert!(!message.contains("x20"), "{message}");
    }

    #[test]
    fn echoed_values_are_cut() {
        let long = format!("javascript:{}", "x".repeat(10_000));
        let mut value = minimal();
        value["url"] = json!(long);
        value["entities"][0]["id"] = json!("m".repeat(10_000));
        value["events"][0]["entities"] = json!(["m".repeat(10_000), "m".repeat(10_000)]);
        value["events"][0]["date"] = json!("2".repeat(10_000));
        let message = load_article(&value.to_string()).unwrap_err().to_string();
        assert!(message.len() < 2_000, "{} bytes: {message}", message.len());
        assert!(message.contains("\"javascript:xxx"), "{message}");
        assert!(
            message.contains("x…\" is not an http or https link"),
            "{message}"
        );

        let mut value = minimal();
        value["events"][0]["precision"] = json!("w".repeat(10_000));
        let message = load_article(&value.to_string()).unwrap_err().to_string();
        assert!(message.len() < 400, "{message}");
        assert!(message.contains("unknown variant `www"), "{message}");
        assert!(message.contains("w…`, expected"), "{message}");
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
