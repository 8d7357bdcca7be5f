//! Plain text of a common news-page shape to an [`Article`].
//!
//! The shape: optional page-chrome lines ("| Welcome to Global Village Space"), a date
//! line, the title, then paragraphs separated by blank lines, short heading lines and
//! "Read More: <headline>" lines. The text is kept word for word.
//!
//! Entities and dated events are *suggested* by plain rules (capitalised runs, titles
//! next to names, a small built-in list of places and international bodies, date
//! patterns), never by a model, and each carries `suggested: true`. A date without a
//! year ("December 1") gets no event, since that would invent a year: it is reported in
//! [`Conversion::partial_dates`] instead.
//!
//! Pure: no I/O and no `web-sys`; `src/bin/briefing-convert.rs` is the command around it.

use crate::mentions::MentionFinder;
use crate::model::{
    Article, Block, CopyDate, Entity, EntityKind, Event, Lane, Precision, Provenance,
    ProvenanceKind, Section, SentenceRef,
};
use crate::validate::{validate, Problem, MAX_ARTICLE_BYTES};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use time::{Date, Month};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Longer texts are refused: the JSON holds the text plus ids, entities and escapes, and
/// must stay under the viewer's limit.
pub const MAX_TEXT_BYTES: usize = MAX_ARTICLE_BYTES / 2;

/// What the caller knows that the text may not say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConvertOptions {
    /// The article id; by default a slug of the title.
    pub id: Option<String>,
    /// The site name when no "Welcome to …" line names it.
    pub default_site: String,
}

impl Default for ConvertOptions {
    fn default() -> Self {
        ConvertOptions {
            id: None,
            default_site: "Unknown site".to_owned(),
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
    #[error("the converted article does not validate, which is a bug in the converter: {}", list(.0))]
    Invalid(Vec<Problem>),
}

fn list(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(Problem::to_string)
        .collect::<Vec<_>>()
        .join("; ")
}

/// Converts the text of a news page. Never panics; an `Ok` article always validates.
pub fn convert_text(text: &str, options: &ConvertOptions) -> Result<Conversion, ConvertError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(ConvertError::TooLarge {
            size: text.len(),
            limit: MAX_TEXT_BYTES,
        });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
                "no \"Welcome to …\" line names the site; using \"{site}\""
            ));
            site.to_owned()
        }
    };
    let id = match options.id.as_deref().and_then(non_blank) {
        Some(id) => id.to_owned(),
        None => article_id(&page.title),
    };
    let mut article = Article {
        id,
        site,
        title: page.title,
        url: None,
        language: "en".to_owned(),
        copy_date: page.copy_date,
        published: None,
        sections,
        entities: Vec::new(),
        events: Vec::new(),
    };
    article.entities = suggest_entities(&article);
    let (events, partial_dates) = suggest_events(&article, &mut warnings);
    article.events = events;
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

fn non_blank(text: &str) -> Option<&str> {
    Some(text.trim()).filter(|t| !t.is_empty())
}

/// A slug of the title, short enough for storage keys and links.
fn article_id(title: &str) -> String {
    let mut id = slug(title);
    if id.len() > 60 {
        let cut = id[..60].rfind('-').unwrap_or(60);
        id.truncate(cut);
    }
    if id.is_empty() {
        "article".to_owned()
    } else {
        id
    }
}

// ---------------------------------------------------------------------------------------
// Layout: chrome, date line, title, and the body's blocks.

/// The page as read, before sections and suggestions.
struct Page {
    site: Option<String>,
    copy_date: Option<CopyDate>,
    title: String,
    items: Vec<Item>,
}

enum Item {
    Heading(String),
    Paragraph(String),
    Related(String),
}

fn read_page(text: &str, warnings: &mut Vec<String>) -> Result<Page, ConvertError> {
    // `trim` also removes U+00A0, which pages leave at the ends of paragraphs.
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut site = None;
    let mut copy_date = None;
    let mut title = None;
    let mut body_start = lines.len();
    for (index, &line) in lines.iter().enumerate() {
        if line.is_empty() {
            continue;
        }
        if is_chrome(line) {
            site = site.or_else(|| welcome_site(line));
        } else if let Some(date) = whole_line_date(line) {
            if copy_date.is_none() {
                copy_date = page_date(line, &date, warnings);
            }
        } else {
            title = Some(line.to_owned());
            body_start = index + 1;
            break;
        }
    }
    let title = title.ok_or(ConvertError::NoTitle)?;
    // Some pages print the date under the title instead of above it.
    if copy_date.is_none() {
        if let Some(offset) = lines[body_start..].iter().position(|l| !l.is_empty()) {
            let line = lines[body_start + offset];
            if let Some(date) = whole_line_date(line).filter(|d| d.day.is_some()) {
                copy_date = page_date(line, &date, warnings);
                body_start += offset + 1;
            }
        }
    }

    let mut blocks: Vec<Vec<&str>> = lines[body_start..]
        .split(|line| line.is_empty())
        .filter(|block| !block.is_empty())
        .map(<[&str]>::to_vec)
        .collect();
    // Without any blank line, each line is a paragraph rather than one wrapped paragraph.
    if blocks.len() == 1 {
        blocks = blocks[0].iter().map(|&line| vec![line]).collect();
    }
    let mut items = Vec::new();
    for block in blocks {
        let alone = block.len() == 1;
        let mut pending: Vec<&str> = Vec::new();
        for line in block {
            match read_more(line) {
                Some(headline) => {
                    flush(&mut pending, false, &mut items);
                    match non_blank(headline) {
                        Some(headline) => items.push(Item::Related(headline.to_owned())),
                        None => warnings.push(format!("\"{line}\" names no story; left out")),
                    }
                }
                None => pending.push(line),
            }
        }
        flush(&mut pending, alone, &mut items);
    }
    Ok(Page {
        site,
        copy_date,
        title,
        items,
    })
}

/// Lines of one block become a paragraph, or a heading when a short line stands alone.
fn flush(lines: &mut Vec<&str>, alone: bool, items: &mut Vec<Item>) {
    if lines.is_empty() {
        return;
    }
    let text = lines.join(" ");
    lines.clear();
    items.push(if alone && is_heading(&text) {
        Item::Heading(text)
    } else {
        Item::Paragraph(text)
    });
}

fn is_chrome(line: &str) -> bool {
    line.starts_with('|') || line.starts_with("Welcome to")
}

/// "| Welcome to Global Village Space" names the site.
fn welcome_site(line: &str) -> Option<String> {
    let rest = line.trim_start_matches(['|', ' ', '\t', '\u{a0}']);
    let name = rest.strip_prefix("Welcome to")?.split('|').next()?;
    non_blank(name.trim_end_matches(['.', '!'])).map(str::to_owned)
}

/// The headline of a "Read More: …" line (any case, with ":" or a dash).
fn read_more(line: &str) -> Option<&str> {
    let head = line.get(..9)?;
    if !head.eq_ignore_ascii_case("read more") {
        return None;
    }
    line[9..]
        .trim_start()
        .strip_prefix([':', '-', '–', '—'])
        .map(str::trim)
}

/// Function words a heading may keep in lower case: "Concern over Afghanistan".
const MINOR_WORDS: &[&str] = &[
    "a", "about", "after", "against", "amid", "an", "and", "as", "at", "before", "between",
    "but", "by", "for", "from", "in", "into", "of", "on", "or", "over", "the", "to", "under",
    "up", "via", "vs", "with", "without",
];

/// A short line in title case with no final punctuation: "Bilateral Cooperation".
fn is_heading(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=8).contains(&words.len())
        && line.chars().count() <= 70
        && line.chars().next().is_some_and(char::is_uppercase)
        && line.chars().next_back().is_some_and(char::is_alphanumeric)
        && words.iter().all(|word| {
            word.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || MINOR_WORDS.contains(word)
        })
        && whole_line_date(line).is_none()
}

fn page_date(line: &str, date: &DateMention, warnings: &mut Vec<String>) -> Option<CopyDate> {
    match (date.year, date.day, date.is_real()) {
        (Some(_), Some(_), true) => Some(CopyDate {
            text: line.to_owned(),
            date: date.iso(),
            note: Some(
                "The date shown on this copy of the page, not the publication date.".to_owned(),
            ),
        }),
        _ => {
            warnings.push(format!(
                "the date line \"{line}\" is not a full, real date; it is not used as the page date"
            ));
            None
        }
    }
}

/// Headings with no paragraph before the next heading would make empty sections, which
/// the format refuses, so they stay paragraphs. Links before the first paragraph join
/// the first headed section.
fn build_sections(
    mut items: Vec<Item>,
    warnings: &mut Vec<String>,
) -> Result<Vec<Section>, ConvertError> {
    let mut has_paragraph = false;
    for item in items.iter_mut().rev() {
        match item {
            Item::Paragraph(_) => has_paragraph = true,
            Item::Related(_) => {}
            Item::Heading(_) if has_paragraph => has_paragraph = false,
            Item::Heading(text) => {
                warnings.push(format!(
                    "\"{text}\" looks like a heading but no paragraph follows it; kept as a paragraph"
                ));
                *item = Item::Paragraph(std::mem::take(text));
                has_paragraph = true;
            }
        }
    }

    let mut ids = HashSet::from(["lead".to_owned()]);
    let mut sections = vec![Section {
        id: "lead".to_owned(),
        heading: None,
        blocks: Vec::new(),
    }];
    let mut paragraphs = 0;
    for item in items {
        let block = match item {
            Item::Heading(heading) => {
                sections.push(Section {
                    id: unique_id(&slug(&heading), "section", &mut ids),
                    heading: Some(heading),
                    blocks: Vec::new(),
                });
                continue;
            }
            Item::Paragraph(text) => {
                paragraphs += 1;
                Block::Paragraph {
                    id: format!("p{paragraphs}"),
                    text,
                }
            }
            Item::Related(title) => Block::Related { title, url: None },
        };
        if let Some(section) = sections.last_mut() {
            section.blocks.push(block);
        }
    }
    if paragraphs == 0 {
        return Err(ConvertError::NoParagraphs);
    }
    let lead = sections.remove(0);
    if lead
        .blocks
        .iter()
        .any(|b| matches!(b, Block::Paragraph { .. }))
    {
        sections.insert(0, lead);
    } else if let Some(first) = sections.first_mut() {
        if !lead.blocks.is_empty() {
            warnings.push(
                "\"Read More\" links come before any paragraph; they open the first section"
                    .to_owned(),
            );
            first.blocks.splice(0..0, lead.blocks);
        }
    }
    Ok(sections)
}

// ---------------------------------------------------------------------------------------
// Words and sentences.

/// Same rule as the mention finder, so what is a whole word here is one there.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining_mark(c)
}

/// Byte ranges of the runs of word characters.
fn words(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (index, c) in text.char_indices() {
        match (is_word_char(c), start) {
            (true, None) => start = Some(index),
            (false, Some(s)) => {
                out.push((s, index));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, text.len()));
    }
    out
}

fn is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

fn is_comma(gap: &str) -> bool {
    gap.trim() == ","
}

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "Capt", "Co", "Col", "Corp", "Dr", "Gen", "Gov", "Inc", "Jr", "Lt", "Ltd", "Mr", "Mrs", "Ms",
    "No", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "etc", "vs",
];

/// Characters that may follow a sentence's final stop: closing quotes and brackets.
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

/// Byte ranges of the sentences, without surrounding white space.
fn sentences(text: &str) -> Vec<(usize, usize)> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        let Some(s) = start else {
            if !c.is_whitespace() {
                start = Some(at);
            }
            i += 1;
            continue;
        };
        if matches!(c, '.' | '!' | '?') {
            let mut j = i + 1;
            while j < chars.len() && CLOSERS.contains(&chars[j].1) {
                j += 1;
            }
            let mut k = j;
            while k < chars.len() && chars[k].1.is_whitespace() {
                k += 1;
            }
            let ends = (j == chars.len() || k > j)
                && !(c == '.' && is_abbreviation(&text[s..at]))
                && (k == chars.len() || !chars[k].1.is_lowercase());
            if ends {
                let end = chars.get(j).map_or(text.len(), |&(e, _)| e);
                out.push((s, end));
                start = None;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    if let Some(s) = start {
        out.push((s, s + text[s..].trim_end().len()));
    }
    out
}

/// True when the text before a full stop ends with an initial or a known abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word = before.rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
        || ABBREVIATIONS.contains(&word)
}

/// Longest event label, in characters.
const LABEL_CHARS: usize = 80;

/// The sentence cut to at most [`LABEL_CHARS`] characters at a word boundary, with "…".
fn excerpt(sentence: &str) -> String {
    if sentence.chars().count() <= LABEL_CHARS {
        return sentence.to_owned();
    }
    // One character is left for the "…".
    let limit = sentence
        .char_indices()
        .nth(LABEL_CHARS - 1)
        .map_or(sentence.len(), |(i, _)| i);
    let cut = sentence[..limit]
        .rfind(char::is_whitespace)
        .filter(|&i| i > 0)
        .unwrap_or(limit);
    format!("{}…", sentence[..cut].trim_end())
}

/// Lower-case ASCII words joined by hyphens; accents are dropped ("Karāchī" → "karachi").
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.nfd() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if matches!(c, '\'' | '’') || is_combining_mark(c) {
            // "Women’s" → "womens".
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

fn unique_id(base: &str, fallback: &str, taken: &mut HashSet<String>) -> String {
    let base = if base.is_empty() { fallback } else { base };
    let mut id = base.to_owned();
    let mut n = 2;
    while !taken.insert(id.clone()) {
        id = format!("{base}-{n}");
        n += 1;
    }
    id
}

// ---------------------------------------------------------------------------------------
// Dates.

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// Words before a month named alone that make it a date: "in December", not "May".
const MONTH_CUES: &[&str] = &[
    "after", "before", "by", "during", "early", "from", "in", "last", "late", "mid", "next",
    "of", "since", "this", "till", "until",
];

/// A date in the text, `text[start..end]`, as precise as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct DateMention {
    start: usize,
    end: usize,
    year: Option<i32>,
    month: Option<u8>,
    day: Option<u8>,
}

impl DateMention {
    /// False for dates that do not exist, such as "February 30".
    fn is_real(&self) -> bool {
        let month = self.month.and_then(|m| Month::try_from(m).ok());
        match (month, self.day) {
            // A leap year, since "February 29" without a year may be real.
            (Some(month), Some(day)) => {
                Date::from_calendar_date(self.year.unwrap_or(2000), month, day).is_ok()
            }
            _ => true,
        }
    }

    fn iso(&self) -> String {
        let year = self.year.unwrap_or_default();
        match (self.month, self.day) {
            (Some(month), Some(day)) => format!("{year:04}-{month:02}-{day:02}"),
            (Some(month), None) => format!("{year:04}-{month:02}"),
            _ => format!("{year:04}"),
        }
    }

    fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }
}

fn month_number(word: &str) -> Option<u8> {
    MONTHS
        .iter()
        .position(|&m| m == word)
        .and_then(|i| u8::try_from(i + 1).ok())
}

/// "1", "01", "1st", "15th": a day of the month.
fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(char::is_alphabetic);
    let suffix = &word[digits.len()..];
    let ok = (1..=2).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    let day: u8 = digits.parse().ok().filter(|_| ok)?;
    (1..=31).contains(&day).then_some(day)
}

fn year_number(word: &str) -> Option<i32> {
    let year: i32 = (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()?;
    (1000..=2999).contains(&year).then_some(year)
}

/// Every date in the forms news pages use: "Thursday, February 15, 2024",
/// "February 15, 2024", "15 February 2024", "December 1", "1 December", "December 2021",
/// "in December" and "2021".
fn find_dates(text: &str) -> Vec<DateMention> {
    let words = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match date_at(text, &words, i) {
            Some((date, next)) => {
                found.push(date);
                i = next;
            }
            None => i += 1,
        }
    }
    found
}

/// The date that starts at word `i`, and the index of the word after it.
fn date_at(text: &str, words: &[(usize, usize)], i: usize) -> Option<(DateMention, usize)> {
    let word = |k: usize| words.get(k).map_or("", |&(s, e)| &text[s..e]);
    let gap = |k: usize| match (words.get(k), words.get(k + 1)) {
        (Some(&(_, e)), Some(&(s, _))) => &text[e..s],
        _ => "",
    };
    let spaced = |k: usize| is_space(gap(k));
    let spaced_or_comma = |k: usize| is_space(gap(k)) || is_comma(gap(k));
    let date = |last: usize, year, month, day| {
        let mention = DateMention {
            start: words[i].0,
            end: words[last].1,
            year,
            month,
            day,
        };
        Some((mention, last + 1))
    };

    let weekday = WEEKDAYS.contains(&word(i)) && spaced_or_comma(i);
    let first = if weekday { i + 1 } else { i };
    if let Some(month) = month_number(word(first)) {
        if spaced(first) {
            if let Some(day) = day_number(word(first + 1)) {
                if spaced_or_comma(first + 1) {
                    if let Some(year) = year_number(word(first + 2)) {
                        return date(first + 2, Some(year), Some(month), Some(day));
                    }
                }
                return date(first + 1, None, Some(month), Some(day));
            }
        }
        if !weekday && spaced_or_comma(first) {
            if let Some(year) = year_number(word(first + 1)) {
                return date(first + 1, Some(year), Some(month), None);
            }
        }
        let cued = i > 0 && spaced(i - 1) && MONTH_CUES.contains(&word(i - 1));
        return if cued && !weekday {
            date(first, None, Some(month), None)
        } else {
            None
        };
    }
    if let Some(day) = day_number(word(first)) {
        if spaced(first) {
            if let Some(month) = month_number(word(first + 1)) {
                if spaced_or_comma(first + 1) {
                    if let Some(year) = year_number(word(first + 2)) {
                        return date(first + 2, Some(year), Some(month), Some(day));
                    }
                }
                return date(first + 1, None, Some(month), Some(day));
            }
        }
    }
    let year = year_number(word(i)).filter(|&y| (1900..=2099).contains(&y));
    if weekday || year.is_none() || !year_stands_alone(text, words[i]) {
        return None;
    }
    date(i, year, None, None)
}

/// A four-digit number is a year unless it is money, a percentage or part of a longer
/// number ("$2000", "2000%", "1,2000", "2021-22").
fn year_stands_alone(text: &str, (start, end): (usize, usize)) -> bool {
    let mut before = text[..start].chars().rev();
    let mut after = text[end..].chars();
    let number_joint = |joint: Option<char>, digit: Option<char>| {
        joint.is_some_and(|c| ".,:/-".contains(c)) && digit.is_some_and(|c| c.is_ascii_digit())
    };
    let (b1, b2) = (before.next(), before.next());
    let (a1, a2) = (after.next(), after.next());
    !b1.is_some_and(|c| "$£€¥#".contains(c))
        && !number_joint(b1, b2)
        && a1 != Some('%')
        && !number_joint(a1, a2)
}

/// The date that is the whole line, if it is one.
fn whole_line_date(line: &str) -> Option<DateMention> {
    match find_dates(line).as_slice() {
        [date] if date.start == 0 && date.end == line.len() => Some(*date),
        _ => None,
    }
}

