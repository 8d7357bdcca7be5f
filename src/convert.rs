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
use crate::text::{is_word_char, shorten};
use crate::validate::{describe_problems, validate, Problem, MAX_ARTICLE_BYTES};
use std::collections::{BTreeSet, HashMap, HashSet};
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;
use time::{Date, Month};
use unicode_normalization::char::is_combining_mark;
use EntityKind::{Organisation as Org, Place};

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
        years: None,
        sections,
        entities: Vec::new(),
        events: Vec::new(),
    };
    article.entities = suggest_entities(&article, &mut warnings);
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
        let end = (0..=60)
            .rev()
            .find(|&i| id.is_char_boundary(i))
            .unwrap_or(0);
        let cut = id[..end].rfind('-').unwrap_or(end);
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
            match page_date(line, &date) {
                Some(date) => copy_date = copy_date.or(Some(date)),
                None => warnings.push(format!(
                    "the date line \"{line}\" is not a full, real date; it is not the page date"
                )),
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
            if let Some(date) = whole_line_date(line).and_then(|d| page_date(line, &d)) {
                copy_date = Some(date);
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
#[rustfmt::skip]
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

/// The page date, when the line is a full, real date.
fn page_date(line: &str, date: &DateMention) -> Option<CopyDate> {
    (date.year.is_some() && date.day.is_some() && date.is_real()).then(|| CopyDate {
        text: line.to_owned(),
        date: date.iso(),
        note: Some("The date shown on this copy of the page, not the publication date.".to_owned()),
    })
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

    let mut ids = Ids::default();
    ids.unique("lead", "lead");
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
                    id: ids.unique(&slug(&heading), "section"),
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
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "Capt", "Co", "Col", "Corp", "Dr", "Gen", "Gov", "Inc", "Jr", "Lt", "Ltd", "Mr", "Mrs",
    "Ms", "No", "Prof", "Rep", "Rev", "Sen", "Sgt", "Sr", "St", "etc", "vs",
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
    let word = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
        || ABBREVIATIONS.contains(&word)
}

/// Longest event label, in characters.
const LABEL_CHARS: usize = 80;

/// The sentence cut to at most [`LABEL_CHARS`] characters at a word boundary, with "…".
fn excerpt(sentence: &str) -> String {
    shorten(sentence, LABEL_CHARS)
}

/// Lower-case words joined by hyphens, letters kept as written ("Karāchī" → "karāchī").
/// (Dropping accents would need Unicode decomposition tables: tens of kilobytes of wasm.)
fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
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

/// Hands out unique ids: "lead", "lead-2", …
#[derive(Default)]
struct Ids {
    taken: HashSet<String>,
    /// The last number tried for each base, so many equal bases stay cheap.
    last: HashMap<String, usize>,
}

impl Ids {
    fn unique(&mut self, base: &str, fallback: &str) -> String {
        let base = if base.is_empty() { fallback } else { base };
        let mut id = base.to_owned();
        let n = self.last.entry(base.to_owned()).or_insert(1);
        while !self.taken.insert(id.clone()) {
            *n += 1;
            id = format!("{base}-{n}");
        }
        id
    }
}

// ---------------------------------------------------------------------------------------
// Dates.

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

#[rustfmt::skip]
const WEEKDAYS: [&str; 7] = [
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
];

/// Words before a month named alone that make it a date: "in December", not "May".
#[rustfmt::skip]
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

/// Events for dates with a year; dates without one are reported, not dated.
fn suggest_events(
    article: &Article,
    warnings: &mut Vec<String>,
) -> (Vec<Event>, Vec<PartialDateMention>) {
    let finder = MentionFinder::new(&article.entities);
    let mut ids = Ids::default();
    let mut seen = HashSet::new();
    let mut left_out = 0;
    let mut events: Vec<Event> = Vec::new();
    let mut partial = Vec::new();
    for (_, paragraph, text) in article.paragraphs() {
        let sentences = sentences(text);
        // Entity ids named in each sentence, by the sentence's start.
        let mut named: HashMap<usize, Vec<String>> = HashMap::new();
        for date in find_dates(text) {
            let quote = &text[date.start..date.end];
            if !date.is_real() {
                warnings.push(format!(
                    "\"{quote}\" in paragraph {paragraph} is not a real date; no event was made"
                ));
                continue;
            }
            if date.year.is_none() {
                if let Some(month) = date.month {
                    partial.push(PartialDateMention {
                        text: quote.to_owned(),
                        month,
                        day: date.day,
                        paragraph: paragraph.to_owned(),
                    });
                }
                continue;
            }
            let (start, end) = sentences[..sentences.partition_point(|&(s, _)| s <= date.start)]
                .last()
                .copied()
                .filter(|&(_, e)| date.end <= e)
                .unwrap_or((date.start, date.end));
            let sentence = &text[start..end];
            let iso = date.iso();
            // The same date twice in one sentence is one event.
            if !seen.insert((iso.clone(), paragraph, start)) {
                continue;
            }
            if events.len() == MAX_SUGGESTIONS {
                left_out += 1;
                continue;
            }
            let entities = named
                .entry(start)
                .or_insert_with(|| {
                    let mut ids: Vec<String> = Vec::new();
                    for mention in finder.find(sentence) {
                        let id = &article.entities[mention.entity].id;
                        if !ids.contains(id) {
                            ids.push(id.clone());
                        }
                    }
                    ids
                })
                .clone();
            events.push(Event {
                id: ids.unique(&format!("event-{iso}"), "event"),
                date: iso,
                precision: date.precision(),
                lane: Lane::Meeting,
                label: excerpt(sentence),
                entities,
                sentence: Some(SentenceRef {
                    paragraph: paragraph.to_owned(),
                    text: sentence.to_owned(),
                }),
                basis: Provenance {
                    kind: ProvenanceKind::Stated,
                    quote: Some(quote.to_owned()),
                    reasoning: None,
                    sources: Vec::new(),
                },
                suggested: true,
            });
        }
    }
    if left_out > 0 {
        warnings.push(format!(
            "{left_out} more dated sentences were found; only the first {MAX_SUGGESTIONS} are suggested as events"
        ));
    }
    (events, partial)
}

// ---------------------------------------------------------------------------------------
// Entities.

/// Places and international bodies known by name: (name, kind, description, other names,
/// adjectives). An adjective ("Afghan") names its country only where it stands alone.
type Known = (
    &'static str,
    EntityKind,
    &'static str,
    &'static [&'static str],
    &'static [&'static str],
);

#[rustfmt::skip]
const KNOWN: &[Known] = &[
    ("Pakistan", Place, "Country in South Asia.", &[], &["Pakistani"]),
    ("Russia", Place, "Country in Eastern Europe and North Asia.", &["Russian Federation"], &["Russian"]),
    ("Afghanistan", Place, "Country in Central and South Asia.", &[], &["Afghan"]),
    ("India", Place, "Country in South Asia.", &[], &["Indian"]),
    ("China", Place, "Country in East Asia.", &[], &["Chinese"]),
    ("Iran", Place, "Country in West Asia.", &[], &["Iranian"]),
    ("United States", Place, "Country in North America.", &["US", "USA", "America", "United States of America"], &["American"]),
    ("United Kingdom", Place, "Country in Europe.", &["UK", "Britain", "Great Britain"], &["British"]),
    ("Tajikistan", Place, "Country in Central Asia.", &[], &["Tajik"]),
    ("Uzbekistan", Place, "Country in Central Asia.", &[], &["Uzbek"]),
    ("Turkmenistan", Place, "Country in Central Asia.", &[], &["Turkmen"]),
    ("Kazakhstan", Place, "Country in Central Asia.", &[], &["Kazakh"]),
    ("Kyrgyzstan", Place, "Country in Central Asia.", &[], &["Kyrgyz"]),
    ("Bangladesh", Place, "Country in South Asia.", &[], &["Bangladeshi"]),
    ("Sri Lanka", Place, "Country in South Asia.", &[], &["Sri Lankan"]),
    ("Saudi Arabia", Place, "Country in West Asia.", &[], &["Saudi"]),
    ("Qatar", Place, "Country in West Asia.", &[], &["Qatari"]),
    ("United Arab Emirates", Place, "Country in West Asia.", &["UAE"], &["Emirati"]),
    ("Turkey", Place, "Country in West Asia and Europe.", &["Türkiye"], &["Turkish"]),
    ("Israel", Place, "Country in West Asia.", &[], &["Israeli"]),
    ("Ukraine", Place, "Country in Eastern Europe.", &[], &["Ukrainian"]),
    ("Germany", Place, "Country in Europe.", &[], &["German"]),
    ("France", Place, "Country in Europe.", &[], &["French"]),
    ("Japan", Place, "Country in East Asia.", &[], &["Japanese"]),
    ("Egypt", Place, "Country in North Africa.", &[], &["Egyptian"]),
    ("Syria", Place, "Country in West Asia.", &[], &["Syrian"]),
    ("Iraq", Place, "Country in West Asia.", &[], &["Iraqi"]),
    ("Moscow", Place, "Capital of Russia.", &[], &[]),
    ("Islamabad", Place, "Capital of Pakistan.", &[], &[]),
    ("Kabul", Place, "Capital of Afghanistan.", &[], &[]),
    ("Dushanbe", Place, "Capital of Tajikistan.", &[], &[]),
    ("Beijing", Place, "Capital of China.", &[], &[]),
    ("Washington", Place, "Capital of the United States.", &[], &[]),
    ("New Delhi", Place, "Capital of India.", &[], &[]),
    ("Tehran", Place, "Capital of Iran.", &[], &[]),
    ("London", Place, "Capital of the United Kingdom.", &[], &[]),
    ("Tashkent", Place, "Capital of Uzbekistan.", &[], &[]),
    ("Doha", Place, "Capital of Qatar.", &[], &[]),
    ("Riyadh", Place, "Capital of Saudi Arabia.", &[], &[]),
    ("Ankara", Place, "Capital of Turkey.", &[], &[]),
    ("Kyiv", Place, "Capital of Ukraine.", &["Kiev"], &[]),
    ("Paris", Place, "Capital of France.", &[], &[]),
    ("Berlin", Place, "Capital of Germany.", &[], &[]),
    ("Brussels", Place, "Capital of Belgium, seat of European Union bodies.", &[], &[]),
    ("Geneva", Place, "City in Switzerland, seat of United Nations bodies.", &[], &[]),
    ("New York", Place, "City in the United States, seat of the United Nations.", &[], &[]),
    ("Karachi", Place, "Largest city of Pakistan.", &[], &[]),
    ("Lahore", Place, "City in Pakistan.", &[], &[]),
    ("Kandahar", Place, "City in Afghanistan.", &[], &[]),
    ("Central Asia", Place, "Region.", &[], &[]),
    ("South Asia", Place, "Region.", &[], &[]),
    ("Middle East", Place, "Region.", &[], &[]),
    ("Europe", Place, "Continent.", &[], &["European"]),
    ("Asia", Place, "Continent.", &[], &["Asian"]),
    ("United Nations", Org, "International organisation of sovereign states.", &["UN"], &[]),
    ("UN Security Council", Org, "United Nations body for international peace and security.", &["UNSC", "United Nations Security Council"], &[]),
    ("Shanghai Cooperation Organisation", Org, "Eurasian political, economic and security organisation.", &["SCO", "Shanghai Cooperation Organization"], &[]),
    ("Organisation of Islamic Cooperation", Org, "Organisation of states with Muslim majorities or large Muslim populations.", &["OIC", "Organization of Islamic Cooperation"], &[]),
    ("International Monetary Fund", Org, "International financial institution.", &["IMF"], &[]),
    ("World Bank", Org, "International development bank.", &[], &[]),
    ("Asian Development Bank", Org, "Regional development bank.", &["ADB"], &[]),
    ("NATO", Org, "North Atlantic military alliance.", &["North Atlantic Treaty Organization"], &[]),
    ("European Union", Org, "Political and economic union of European states.", &["EU"], &[]),
    ("World Health Organization", Org, "United Nations agency for public health.", &["WHO", "World Health Organisation"], &[]),
    ("Financial Action Task Force", Org, "Intergovernmental body against money laundering and terrorist financing.", &["FATF"], &[]),
    ("BRICS", Org, "Grouping of large emerging economies.", &[], &[]),
    ("ASEAN", Org, "Association of Southeast Asian Nations.", &[], &[]),
    ("SAARC", Org, "South Asian Association for Regional Cooperation.", &[], &[]),
];

/// Capitalised words that start sentences without naming anything.
#[rustfmt::skip]
const STOPWORDS: &[&str] = &[
    "A", "According", "Across", "After", "Against", "Also", "Although", "Amid", "Among", "An",
    "And", "As", "At", "Before", "Both", "But", "By", "Despite", "During", "Each", "Earlier",
    "Even", "Every", "Following", "For", "From", "Furthermore", "He", "Her", "Here", "His",
    "How", "However", "I", "If", "In", "It", "Its", "Last", "Later", "Many", "Meanwhile",
    "Moreover", "Most", "My", "Next", "No", "Not", "Now", "On", "Only", "Or", "Other", "Our",
    "Over", "Several", "She", "Since", "So", "Some", "Still", "Such", "That", "The", "Their",
    "Then", "There", "These", "They", "This", "Those", "Though", "Thus", "To", "Today", "Under",
    "Until", "We", "What", "When", "Where", "Which", "While", "Who", "Why", "With", "Without",
    "Yesterday", "Yet", "You", "Your",
];

/// Lower-case words that may join capitalised words into one name: "Embassy in Moscow".
const CONNECTORS: &[&str] = &["and", "for", "in", "of", "on", "the", "de", "al", "bin"];

/// Endings of common nouns, so "Extremism in Afghanistan" at a sentence start is not a name.
#[rustfmt::skip]
const COMMON_ENDINGS: &[&str] = &[
    "ism", "tion", "sion", "ment", "ness", "ity", "ance", "ence", "ship", "ly",
];

/// Titles before or beside a name: "PM Khan", "National Security Advisor, Moeed Yusuf".
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "Adviser", "Advisor", "Ambassador", "Chairman", "Chairperson", "Chairwoman", "Chancellor",
    "Chief", "Commander", "Commissioner", "Counterpart", "Director", "Dr", "Emir", "Envoy",
    "General", "Governor", "Head", "Judge", "Justice", "King", "Leader", "Mayor", "Minister",
    "Mr", "Mrs", "Ms", "PM", "Premier", "President", "Prince", "Professor", "Queen",
    "Secretary", "Senator", "Sheikh", "Speaker", "Spokesman", "Spokesperson", "Spokeswoman",
];

/// Words that make a run of capitalised words an organisation.
#[rustfmt::skip]
const ORGANISATION_WORDS: &[&str] = &[
    "Agency", "Alliance", "Army", "Assembly", "Association", "Authority", "Bank", "Board",
    "Bureau", "Cabinet", "Coalition", "Commission", "Committee", "Company", "Congress",
    "Consulate", "Corporation", "Council", "Court", "Department", "Directorate", "Embassy",
    "Federation", "Forces", "Foundation", "Front", "Fund", "Government", "Group", "Institute",
    "League", "Ministry", "Mission", "Movement", "Navy", "News", "Office", "Organisation",
    "Organization", "Parliament", "Party", "Police", "Post", "Senate", "Service", "Times",
    "Union", "University",
];

/// Words that make a run of capitalised words a place.
#[rustfmt::skip]
const PLACE_WORDS: &[&str] = &[
    "Airport", "Bay", "Border", "City", "Corridor", "Desert", "District", "Gulf", "Island",
    "Islands", "Lake", "Mountains", "Ocean", "Peninsula", "Port", "Province", "Region", "River",
    "Road", "Sea", "Square", "Strait", "Street", "Territory", "Valley",
];

/// All-capital words that are not organisations: titles, numerals, times, currencies.
#[rustfmt::skip]
const NOT_ORGANISATIONS: &[&str] = &[
    "AD", "AM", "BC", "CEO", "CET", "CJP", "COAS", "DG", "EST", "FM", "GMT", "ID", "II", "III",
    "INR", "IST", "IV", "IX", "MNA", "MP", "MPA", "MSK", "OK", "PKR", "PKT", "PM", "PST", "TV",
    "USD", "UTC", "VI", "VII", "VIII", "XI", "XII",
];

/// Words introducing a title after a name: "Moeed Yusuf, the National Security Advisor".
const DETERMINERS: &[&str] = &["a", "an", "her", "his", "its", "the", "their"];

fn first_is(word: &str, test: fn(char) -> bool) -> bool {
    word.chars().next().is_some_and(test)
}

fn is_title(word: &str) -> bool {
    TITLES.iter().any(|title| title.eq_ignore_ascii_case(word))
}

fn is_acronym(word: &str) -> bool {
    (2..=6).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase())
}

fn is_calendar_word(word: &str) -> bool {
    MONTHS.contains(&word) || WEEKDAYS.contains(&word)
}

/// Every name, other name and adjective in [`KNOWN`], to its index and whether it is an
/// adjective; built once, since every capitalised word is looked up.
fn known_names() -> &'static HashMap<&'static str, (usize, bool)> {
    static NAMES: OnceLock<HashMap<&'static str, (usize, bool)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names = HashMap::new();
        for (index, &(name, _, _, others, adjectives)) in KNOWN.iter().enumerate() {
            for name in std::iter::once(&name).chain(others) {
                names.insert(*name, (index, false));
            }
            for adjective in adjectives {
                names.insert(*adjective, (index, true));
            }
        }
        names
    })
}

/// Index into [`KNOWN`] of a name or other name.
fn known(name: &str) -> Option<usize> {
    match known_names().get(name) {
        Some(&(index, false)) => Some(index),
        _ => None,
    }
}

fn known_adjective(word: &str) -> Option<usize> {
    match known_names().get(word) {
        Some(&(index, true)) => Some(index),
        _ => None,
    }
}

/// "Russia-Pakistan": known names joined by hyphens, each found on its own.
fn known_compound(word: &str) -> bool {
    word.contains('-')
        && word
            .split('-')
            .all(|part| known(part).is_some() || known_adjective(part).is_some())
}

fn is_known_word(word: &str) -> bool {
    known(word).is_some() || known_adjective(word).is_some() || known_compound(word)
}

/// A word that may be part of a person's name: "Moeed", "Al-Hakim", "O’Brien".
fn is_name_word(word: &str) -> bool {
    first_is(word, char::is_uppercase)
        && word.chars().any(char::is_lowercase)
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'))
        && !STOPWORDS.contains(&word)
        && !is_title(word)
        && !ORGANISATION_WORDS.contains(&word)
        && !PLACE_WORDS.contains(&word)
        && !is_calendar_word(word)
        && !is_known_word(word)
}

/// First letters of the capitalised words: "National Security Advisor" → "NSA".
fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().next().filter(|c| c.is_uppercase()))
        .collect()
}

/// A paragraph or a related link's title, cut into words; hyphenated words are one word.
struct Passage<'a> {
    text: &'a str,
    words: Vec<(usize, usize)>,
    /// For each word, whether it starts a sentence.
    initial: Vec<bool>,
    /// A related link's title in headline case ("Pakistan Calls For Peace"), where
    /// capitals say nothing about names.
    headline: bool,
}

impl<'a> Passage<'a> {
    fn new(text: &'a str, related: bool) -> Self {
        let mut words: Vec<(usize, usize)> = Vec::new();
        for (start, end) in self::words(text) {
            match words.last_mut() {
                Some(last) if &text[last.1..start] == "-" => last.1 = end,
                _ => words.push((start, end)),
            }
        }
        let mut initial = vec![false; words.len()];
        for (start, end) in sentences(text) {
            let first = words.partition_point(|&(s, _)| s < start);
            if words.get(first).is_some_and(|&(s, _)| s < end) {
                initial[first] = true;
            }
        }
        let long: Vec<&str> = words
            .iter()
            .map(|&(s, e)| &text[s..e])
            .filter(|w| w.chars().count() > 3 && first_is(w, char::is_alphabetic))
            .collect();
        let capitalised = long
            .iter()
            .filter(|w| first_is(w, char::is_uppercase))
            .count();
        let headline = related && long.len() >= 3 && capitalised * 10 >= long.len() * 7;
        Passage {
            text,
            words,
            initial,
            headline,
        }
    }

    fn word(&self, i: usize) -> &'a str {
        let (start, end) = self.words[i];
        &self.text[start..end]
    }

    fn span(&self, range: &Range<usize>) -> &'a str {
        &self.text[self.words[range.start].0..self.words[range.end - 1].1]
    }

    fn gap_after(&self, i: usize) -> &'a str {
        match self.words.get(i + 1) {
            Some(&(next, _)) => &self.text[self.words[i].1..next],
            None => "",
        }
    }

    /// Only white space between word `i` and the next.
    fn spaced(&self, i: usize) -> bool {
        is_space(self.gap_after(i))
    }

    fn capitalised(&self, i: usize) -> bool {
        first_is(self.word(i), char::is_uppercase)
    }

    /// A word that may be part of a name: capitalised, and not a month or weekday.
    fn in_run(&self, i: usize) -> bool {
        i < self.words.len() && self.capitalised(i) && !is_calendar_word(self.word(i))
    }

    /// Runs of capitalised words, with connectors inside: "Pakistan Embassy in Moscow".
    fn runs(&self) -> Vec<Range<usize>> {
        let mut runs = Vec::new();
        let mut i = 0;
        while i < self.words.len() {
            if !self.in_run(i) {
                i += 1;
                continue;
            }
            let mut last = i;
            loop {
                if self.spaced(last) && self.in_run(last + 1) {
                    last += 1;
                    continue;
                }
                let mut k = last;
                while k - last < 2
                    && self.spaced(k)
                    && k + 1 < self.words.len()
                    && CONNECTORS.contains(&self.word(k + 1))
                {
                    k += 1;
                }
                if k > last && self.spaced(k) && self.in_run(k + 1) {
                    last = k + 1;
                    continue;
                }
                break;
            }
            runs.push(i..last + 1);
            i = last + 1;
        }
        runs
    }

    /// "National Security Advisor, Moeed Yusuf": the title before a name and a comma.
    fn title_before(&self, first: usize) -> Option<&'a str> {
        let title = first.checked_sub(1)?;
        if !is_comma(self.gap_after(title)) || !is_title(self.word(title)) {
            return None;
        }
        let mut start = title;
        while start > 0
            && title - start < 5
            && self.spaced(start - 1)
            && self.capitalised(start - 1)
            && !STOPWORDS.contains(&self.word(start - 1))
        {
            start -= 1;
        }
        Some(self.span(&(start..title + 1)))
    }

    /// "Moeed Yusuf, the National Security Advisor,": the title after a name.
    fn title_after(&self, last: usize) -> Option<&'a str> {
        if last + 1 >= self.words.len() || !is_comma(self.gap_after(last)) {
            return None;
        }
        let mut start = last + 1;
        if DETERMINERS.contains(&self.word(start)) && self.spaced(start) {
            start += 1;
        }
        for end in start..(start + 5).min(self.words.len()) {
            let word = self.word(end);
            if !self.capitalised(end) && !is_title(word) {
                return None;
            }
            if !self.spaced(end) {
                return is_title(word).then(|| self.span(&(start..end + 1)));
            }
        }
        None
    }
}

/// Why a draft entity is thought to be what it is, weakest first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Why {
    Unclear,
    NameShape,
    Capitals,
    Keyword(&'static str),
    Titled,
}

struct Draft {
    name: String,
    kind: EntityKind,
    why: Why,
    aliases: Vec<String>,
    titles: Vec<String>,
    merged: bool,
    /// How often the text names it, to keep the most named when there are too many.
    hits: usize,
}

/// Removes repeats, keeping the first of each.
fn dedup(list: &mut Vec<String>) {
    let mut seen = HashSet::new();
    list.retain(|item| seen.insert(item.clone()));
}

/// Words a text uses, to tell names from capitalised common words.
struct Lexicon<'a> {
    /// Words that start with a lower-case letter.
    lower: HashSet<&'a str>,
    /// Capitalised words seen where no sentence starts.
    mid_sentence: HashSet<&'a str>,
}

impl Lexicon<'_> {
    /// "Cooperation" at a sentence start, when "cooperation" is used elsewhere.
    fn is_common(&self, word: &str) -> bool {
        self.lower.contains(word.to_lowercase().as_str())
            || COMMON_ENDINGS.iter().any(|ending| word.ends_with(ending))
    }
}

/// What the passages name, gathered before it is sorted out.
#[derive(Default)]
struct Finds {
    drafts: Vec<Draft>,
    by_name: HashMap<String, usize>,
    /// Capitalised single words, and whether each started a sentence.
    singles: Vec<(String, bool)>,
    acronyms: Vec<String>,
    /// Indexes into [`KNOWN`] with the adjectives seen standing alone.
    adjectives: HashMap<usize, BTreeSet<String>>,
}

impl Finds {
    fn add(&mut self, name: &str, kind: EntityKind, why: Why) -> usize {
        if let Some(&index) = self.by_name.get(name) {
            let draft = &mut self.drafts[index];
            draft.hits += 1;
            if why > draft.why {
                draft.why = why;
                draft.kind = kind;
            }
            return index;
        }
        self.drafts.push(Draft {
            name: name.to_owned(),
            kind,
            why,
            aliases: vec![name.to_owned()],
            titles: Vec::new(),
            merged: false,
            hits: 1,
        });
        self.by_name.insert(name.to_owned(), self.drafts.len() - 1);
        self.drafts.len() - 1
    }

    fn person(&mut self, name: &str, title: Option<&str>, written: Option<&str>) {
        let why = if title.is_some() {
            Why::Titled
        } else {
            Why::NameShape
        };
        let index = self.add(name, EntityKind::Person, why);
        let draft = &mut self.drafts[index];
        draft.titles.extend(title.map(str::to_owned));
        draft.aliases.extend(written.map(str::to_owned));
    }

    fn scan(&mut self, passage: &Passage, lexicon: &Lexicon) {
        for run in passage.runs() {
            if passage.headline {
                // Only all-capital words keep their meaning in headline case.
                for i in run.filter(|&i| is_acronym(passage.word(i))) {
                    self.place(passage, i..i + 1, false);
                }
                continue;
            }
            let mut run = run;
            // Sentence-initial common words are not names: "The National Security
            // Advisor", "In the NSA", "Extremism in Afghanistan".
            if passage.initial[run.start] {
                let first = run.start;
                while !run.is_empty() && STOPWORDS.contains(&passage.word(run.start)) {
                    run.start += 1;
                }
                if run.start == first && run.len() > 1 && lexicon.is_common(passage.word(first)) {
                    run.start += 1;
                }
            }
            while !run.is_empty() && !passage.capitalised(run.start) {
                run.start += 1;
            }
            if !run.is_empty() {
                let initial = passage.initial[run.start];
                self.place(passage, run, initial);
            }
        }
    }

    /// Sorts one run of capitalised words into a name of some kind, or splits it.
    fn place(&mut self, passage: &Passage, run: Range<usize>, initial: bool) {
        if run.is_empty() {
            return;
        }
        let span = passage.span(&run);
        let words: Vec<&str> = run.clone().map(|i| passage.word(i)).collect();
        if known(span).is_some() {
            return;
        }
        if let [word] = words[..] {
            return self.place_word(passage, run.start, word, initial);
        }
        let alone = |w: &str| is_known_word(w) || is_acronym(w);
        // "and" joins only inside an organisation's name, "Food and Agriculture
        // Organization", not in "Russian President Vladimir Putin and the UN".
        if let Some(and) = words.iter().position(|w| *w == "and") {
            let organisation = words.last().is_some_and(|w| ORGANISATION_WORDS.contains(w))
                && words[..and].iter().all(|w| !is_title(w) && !alone(w));
            if !organisation {
                // Cut at every "and"; the lower-case words after one start no name.
                let mut piece_start = run.start;
                let ands = run.clone().filter(|&i| passage.word(i) == "and");
                for end in ands.chain([run.end]) {
                    let start = (piece_start..end)
                        .find(|&i| passage.capitalised(i))
                        .unwrap_or(end);
                    self.place(passage, start..end, initial && start == run.start);
                    piece_start = end + 1;
                }
                return;
            }
        }
        // A title before a name: "PM Khan", "Russian President Vladimir Putin".
        if let Some(t) = words.iter().rposition(|w| TITLES.contains(w)) {
            if t + 1 == words.len() {
                // A title alone ("National Security Advisor") may name someone nearby.
                return;
            }
            let names = &words[t + 1..];
            if names.len() <= 3 && names.iter().all(|w| is_name_word(w)) {
                let name = passage.span(&(run.start + t + 1..run.end));
                let title = passage.span(&(run.start..run.start + t + 1));
                return self.person(name, Some(title), Some(span));
            }
        }
        let keyword = words.iter().find_map(|w| {
            ORGANISATION_WORDS
                .iter()
                .find(|k| *k == w)
                .map(|k| (Org, *k))
                .or_else(|| PLACE_WORDS.iter().find(|k| *k == w).map(|k| (Place, *k)))
        });
        // Without a keyword, connectors, known names and acronyms split a run:
        // "Afghanistan in December", "Afghan Taliban", "NSA Moeed Yusuf".
        if keyword.is_none()
            && words
                .iter()
                .any(|w| first_is(w, char::is_lowercase) || alone(w))
        {
            let mut piece_start = run.start;
            for (i, word) in run.clone().zip(&words) {
                if first_is(word, char::is_lowercase) || alone(word) {
                    if piece_start < i {
                        self.place(passage, piece_start..i, initial && piece_start == run.start);
                    }
                    if alone(word) {
                        self.place(passage, i..i + 1, initial && i == run.start);
                    }
                    piece_start = i + 1;
                }
            }
            if piece_start < run.end {
                self.place(
                    passage,
                    piece_start..run.end,
                    initial && piece_start == run.start,
                );
            }
            return;
        }
        match keyword {
            Some((kind, word)) => {
                self.add(span, kind, Why::Keyword(word));
            }
            None if words.len() <= 4 && words.iter().all(|w| is_name_word(w)) => {
                let title = passage
                    .title_before(run.start)
                    .or_else(|| passage.title_after(run.end - 1));
                self.person(span, title, None);
            }
            None => {
                self.add(span, EntityKind::Topic, Why::Unclear);
            }
        }
    }

    fn place_word(&mut self, passage: &Passage, i: usize, word: &str, initial: bool) {
        if known_compound(word) {
            // Hyphenated adjectives stand alone too: "Afghan-Pakistan".
            for part in word.split('-') {
                if let Some(k) = known_adjective(part) {
                    self.adjectives
                        .entry(k)
                        .or_default()
                        .insert(part.to_owned());
                }
            }
        } else if let Some(k) = known_adjective(word) {
            self.adjectives
                .entry(k)
                .or_default()
                .insert(word.to_owned());
        } else if is_acronym(word) {
            if !NOT_ORGANISATIONS.contains(&word) {
                self.acronyms.push(word.to_owned());
            }
        } else if let Some(keyword) = ORGANISATION_WORDS.iter().find(|k| **k == word) {
            self.add(word, Org, Why::Keyword(keyword));
        } else if is_name_word(word) {
            match passage.title_before(i).or_else(|| passage.title_after(i)) {
                Some(title) => self.person(word, Some(title), None),
                None => self.singles.push((word.to_owned(), initial)),
            }
        }
    }

    /// Joins surnames, titles and acronyms to the names they stand for.
    fn resolve(&mut self, lexicon: &Lexicon) {
        // The last word of each full name, to its person; `None` when two people share it.
        let mut surnames: HashMap<String, Option<usize>> = HashMap::new();
        for (index, draft) in self.drafts.iter().enumerate() {
            let last = draft.name.rsplit(char::is_whitespace).next().unwrap_or("");
            if draft.kind == EntityKind::Person && last.len() < draft.name.len() {
                surnames
                    .entry(last.to_owned())
                    .and_modify(|owner| *owner = None)
                    .or_insert(Some(index));
            }
        }
        let owner = |word: &str| surnames.get(word).copied().flatten();
        // "Patrushev" is "Nikolay Patrushev"; other single words need to look like names.
        for (word, initial) in std::mem::take(&mut self.singles) {
            if lexicon.lower.contains(word.to_lowercase().as_str()) {
                continue;
            }
            if let Some(owner) = owner(&word) {
                self.drafts[owner].hits += 1;
                self.drafts[owner].aliases.push(word);
            } else if !initial || lexicon.mid_sentence.contains(word.as_str()) {
                self.add(&word, EntityKind::Topic, Why::Unclear);
            }
        }
        // "PM Khan" joins "Imran Khan" when the text names him in full.
        for index in 0..self.drafts.len() {
            let draft = &mut self.drafts[index];
            if draft.kind != EntityKind::Person || draft.name.contains(char::is_whitespace) {
                continue;
            }
            let Some(owner) = owner(&draft.name) else {
                continue;
            };
            draft.merged = true;
            let aliases = std::mem::take(&mut draft.aliases);
            let titles = std::mem::take(&mut draft.titles);
            let (hits, why) = (draft.hits, draft.why);
            let owner = &mut self.drafts[owner];
            owner.hits += hits;
            owner.why = owner.why.max(why);
            owner.aliases.extend(aliases);
            owner.titles.extend(titles);
        }
        self.drafts.retain(|draft| !draft.merged);
        self.by_name = (self.drafts.iter().enumerate())
            .map(|(index, draft)| (draft.name.clone(), index))
            .collect();

        // A title of several words names its person, when only one person has it.
        let mut holders: HashMap<String, usize> = HashMap::new();
        for draft in &mut self.drafts {
            dedup(&mut draft.titles);
            for title in &draft.titles {
                *holders.entry(title.clone()).or_default() += 1;
            }
        }
        for draft in &mut self.drafts {
            let names: Vec<String> = (draft.titles.iter())
                .filter(|t| holders.get(*t) == Some(&1) && t.contains(char::is_whitespace))
                .cloned()
                .collect();
            draft.aliases.extend(names);
        }

        // "NSA" names whoever is "National Security Advisor"; otherwise an organisation.
        let mut by_initials: HashMap<String, Option<usize>> = HashMap::new();
        for (index, draft) in self.drafts.iter().enumerate() {
            let mut own: HashSet<String> = (draft.aliases.iter())
                .filter(|alias| alias.contains(char::is_whitespace))
                .map(|alias| initials(alias))
                .collect();
            for initials in own.drain() {
                by_initials
                    .entry(initials)
                    .and_modify(|owner| *owner = None)
                    .or_insert(Some(index));
            }
        }
        let mut seen = HashSet::new();
        for acronym in std::mem::take(&mut self.acronyms) {
            if !seen.insert(acronym.clone()) {
                continue;
            }
            match by_initials.get(&acronym).copied().flatten() {
                Some(index) => self.drafts[index].aliases.push(acronym),
                None => {
                    self.add(&acronym, Org, Why::Capitals);
                }
            }
        }
    }
}

fn description(draft: &Draft) -> String {
    match draft.why {
        Why::Titled => {
            // A few are enough to say who this is.
            let titles: Vec<String> = (draft.titles.iter().take(3))
                .map(|t| format!("“{t}”"))
                .collect();
            format!("Person; titled {} in the text.", titles.join(" and "))
        }
        Why::NameShape => "Person, judging by the shape of the name.".to_owned(),
        Why::Keyword(word) => {
            let kind = if draft.kind == Place {
                "Place"
            } else {
                "Organisation"
            };
            format!("{kind}, judging by the word “{word}”.")
        }
        Why::Capitals => "Organisation, judging by its all-capitals name.".to_owned(),
        Why::Unclear => {
            "Named in the text; what kind of thing it is was not determined.".to_owned()
        }
    }
}

/// At most this many suggested entities, and as many events: a story names far fewer,
/// and the viewer's mention finder slows down with thousands of names.
const MAX_SUGGESTIONS: usize = 200;

/// At most this many forms of one name.
const MAX_ALIASES: usize = 12;

/// Suggested entities, each named at least once, in order of first mention.
fn suggest_entities(article: &Article, warnings: &mut Vec<String>) -> Vec<Entity> {
    let passages: Vec<Passage> = article
        .sections
        .iter()
        .flat_map(|section| &section.blocks)
        .map(|block| match block {
            Block::Paragraph { text, .. } => Passage::new(text, false),
            Block::Related { title, .. } => Passage::new(title, true),
        })
        .collect();
    let mut lexicon = Lexicon {
        lower: HashSet::new(),
        mid_sentence: HashSet::new(),
    };
    for passage in &passages {
        for i in 0..passage.words.len() {
            let word = passage.word(i);
            if first_is(word, char::is_lowercase) {
                lexicon.lower.insert(word);
            } else if !passage.initial[i] && !passage.headline {
                lexicon.mid_sentence.insert(word);
            }
        }
    }
    let mut finds = Finds::default();
    for passage in &passages {
        finds.scan(passage, &lexicon);
    }
    finds.resolve(&lexicon);
    if finds.drafts.len() > MAX_SUGGESTIONS {
        warnings.push(format!(
            "{} names found; only the {MAX_SUGGESTIONS} named most often are suggested",
            finds.drafts.len()
        ));
        // Stable, so among equals the first found stays.
        finds
            .drafts
            .sort_by_key(|draft| std::cmp::Reverse(draft.hits));
        finds.drafts.truncate(MAX_SUGGESTIONS);
    }
    for draft in &mut finds.drafts {
        dedup(&mut draft.aliases);
        draft.aliases.truncate(MAX_ALIASES);
    }

    let known = KNOWN
        .iter()
        .enumerate()
        .map(|(k, &(name, kind, description, others, _))| {
            let mut aliases = vec![name.to_owned()];
            aliases.extend(others.iter().map(|o| o.to_string()));
            aliases.extend(finds.adjectives.get(&k).into_iter().flatten().cloned());
            (name.to_owned(), kind, aliases, description.to_owned())
        });
    let drafted = finds
        .drafts
        .iter()
        .map(|d| (d.name.clone(), d.kind, d.aliases.clone(), description(d)));
    let mut taken = HashSet::new();
    let entities: Vec<Entity> = known
        .chain(drafted)
        .filter_map(|(name, kind, mut aliases, description)| {
            // Each form names one entity; the built-in list comes first.
            aliases.retain(|alias| taken.insert(alias.clone()));
            (!aliases.is_empty()).then(|| Entity {
                id: String::new(),
                name,
                kind,
                aliases,
                description,
                same_as: None,
                suggested: true,
            })
        })
        .collect();

    // Keep what the viewer's mention finder will find, longest form first, and nothing else.
    let finder = MentionFinder::new(&entities);
    let mut first: Vec<Option<(usize, usize)>> = vec![None; entities.len()];
    let mut used: Vec<HashSet<&str>> = vec![HashSet::new(); entities.len()];
    for (index, passage) in passages.iter().enumerate() {
        let text = passage.text;
        for mention in finder.find(text) {
            first[mention.entity].get_or_insert((index, mention.start));
            used[mention.entity].insert(&text[mention.start..mention.end]);
        }
    }
    let mut kept: Vec<((usize, usize), Entity)> = Vec::new();
    for (index, mut entity) in entities.into_iter().enumerate() {
        if let Some(at) = first[index] {
            entity
                .aliases
                .retain(|alias| used[index].contains(alias.as_str()));
            kept.push((at, entity));
        }
    }
    kept.sort_by_key(|(at, _)| *at);
    let mut ids = Ids::default();
    kept.into_iter()
        .map(|(_, mut entity)| {
            entity.id = ids.unique(&slug(&entity.name), "entity");
            entity
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(text: &str) -> Conversion {
        convert_text(text, &ConvertOptions::default()).expect("converts")
    }

    fn entity<'a>(article: &'a Article, name: &str) -> &'a Entity {
        article
            .entities
            .iter()
            .find(|e| e.name == name)
            .unwrap_or_else(|| panic!("no entity {name}: {:#?}", article.entities))
    }

    fn names(article: &Article) -> Vec<&str> {
        article.entities.iter().map(|e| e.name.as_str()).collect()
    }

    /// The words, year, month and day of each date found.
    type Found<'t> = (&'t str, Option<i32>, Option<u8>, Option<u8>);

    fn dates(text: &str) -> Vec<Found<'_>> {
        find_dates(text)
            .into_iter()
            .map(|d| (&text[d.start..d.end], d.year, d.month, d.day))
            .collect()
    }

    #[test]
    fn reads_chrome_date_title_headings_and_links() {
        let text = "| Welcome to Example News\n\nThursday, February 15, 2024\n\nA title: here\n\n\
                    First paragraph.\u{a0} \n\nSecond\nwrapped paragraph.\n\nThe Backdrop\n\n\
                    Third paragraph.\n\nRead More: Another story\n\nFourth paragraph.";
        let conversion = convert(text);
        let article = &conversion.article;
        assert_eq!(article.site, "Example News");
        assert_eq!(article.title, "A title: here");
        assert_eq!(article.id, "a-title-here");
        let copy = article.copy_date.as_ref().expect("copy date");
        assert_eq!(
            (copy.text.as_str(), copy.date.as_str()),
            ("Thursday, February 15, 2024", "2024-02-15")
        );
        assert!(copy
            .note
            .as_deref()
            .is_some_and(|n| n.contains("not the publication date")));
        let texts: Vec<&str> = article.paragraphs().map(|(_, _, t)| t).collect();
        assert_eq!(
            texts,
            [
                "First paragraph.",
                "Second wrapped paragraph.",
                "Third paragraph.",
                "Fourth paragraph."
            ]
        );
        assert_eq!(article.sections.len(), 2);
        assert_eq!(article.sections[1].id, "the-backdrop");
        assert_eq!(
            article.sections[1].blocks[1],
            Block::Related {
                title: "Another story".into(),
                url: None
            }
        );
        assert!(conversion.warnings.is_empty(), "{:?}", conversion.warnings);
    }

    #[test]
    fn options_give_the_id_and_the_default_site() {
        let options = ConvertOptions {
            id: Some("my-story".into()),
            default_site: "Dawn".into(),
        };
        let conversion = convert_text("Title\n\nText.", &options).unwrap();
        assert_eq!(conversion.article.id, "my-story");
        assert_eq!(conversion.article.site, "Dawn");
        assert!(conversion.warnings[0].contains("\"Dawn\""));
        assert_eq!(convert("Title\n\nText.").article.site, "Unknown site");
    }

    #[test]
    fn a_date_under_the_title_is_the_page_date_too() {
        let article = convert("Title\n\n15 February 2024\n\nText.").article;
        assert_eq!(article.copy_date.as_ref().unwrap().date, "2024-02-15");
        assert_eq!(article.paragraphs().count(), 1);
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph() {
        let article = convert("Title\nOne line.\nAnother line.\nRead More: x").article;
        assert_eq!(article.paragraphs().count(), 2);
        assert_eq!(article.sections[0].blocks.len(), 3);
    }

    #[test]
    fn headings_without_paragraphs_stay_paragraphs() {
        let conversion = convert("Title\n\nText.\n\nLonely Heading");
        let article = &conversion.article;
        assert_eq!(article.sections.len(), 1);
        assert_eq!(article.paragraphs().nth(1).unwrap().2, "Lonely Heading");
        assert!(conversion
            .warnings
            .iter()
            .any(|w| w.contains("Lonely Heading")));
    }

    #[test]
    fn links_before_any_paragraph_open_the_first_section() {
        let conversion = convert("Title\n\nRead More: x\n\nSome Heading\n\nText.");
        let article = &conversion.article;
        assert_eq!(article.sections.len(), 1);
        assert_eq!(article.sections[0].heading.as_deref(), Some("Some Heading"));
        assert!(matches!(
            article.sections[0].blocks[0],
            Block::Related { .. }
        ));
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

    #[test]
    fn finds_dates_in_the_forms_news_pages_use() {
        assert_eq!(
            dates("on Thursday, February 15, 2024 and February 15, 2024 or 1 December 2021."),
            [
                ("Thursday, February 15, 2024", Some(2024), Some(2), Some(15)),
                ("February 15, 2024", Some(2024), Some(2), Some(15)),
                ("1 December 2021", Some(2021), Some(12), Some(1)),
            ]
        );
        assert_eq!(
            dates("on December 1 in Moscow, 1st December, in December 2021, in May, since 2019."),
            [
                ("December 1", None, Some(12), Some(1)),
                ("1st December", None, Some(12), Some(1)),
                ("December 2021", Some(2021), Some(12), None),
                ("May", None, Some(5), None),
                ("2019", Some(2019), None, None),
            ]
        );
        // A bare month needs a cue; money, shares and number ranges are not years.
        assert!(dates("May I ask? $2000, 2000%, 1,2021 and 2021-22; 1850 troops").is_empty());
    }

    #[test]
    fn partial_dates_are_reported_and_get_no_event() {
        let conversion =
            convert("Title\n\nThey met on December 1 in Moscow. They met in 2021 again.");
        assert_eq!(
            conversion.partial_dates,
            [PartialDateMention {
                text: "December 1".into(),
                month: 12,
                day: Some(1),
                paragraph: "p1".into()
            }]
        );
        assert_eq!(
            conversion.partial_dates[0].to_string(),
            "December 1 (year not stated), in paragraph p1"
        );
        let events = &conversion.article.events;
        assert_eq!(events.len(), 1);
        let event = &events[0];
        assert_eq!(
            (event.date.as_str(), event.precision),
            ("2021", Precision::Year)
        );
        assert_eq!(
            event.sentence.as_ref().unwrap().text,
            "They met in 2021 again."
        );
        assert_eq!(event.basis.quote.as_deref(), Some("2021"));
        assert!(event.suggested);
    }

    #[test]
    fn events_quote_their_sentence_and_name_its_entities() {
        let text = "Title\n\nDr. Smith arrived. The talks in Moscow on February 15, 2024 went on \
                    for a long time, and many more words follow here to make a long sentence. \
                    February 30, 2024 is not a day.";
        let conversion = convert(text);
        let event = &conversion.article.events[0];
        assert_eq!(event.date, "2024-02-15");
        assert!(event
            .sentence
            .as_ref()
            .unwrap()
            .text
            .starts_with("The talks in Moscow"));
        assert!(event.label.chars().count() <= LABEL_CHARS && event.label.ends_with('…'));
        assert_eq!(event.entities, ["moscow"]);
        assert_eq!(conversion.article.events.len(), 1);
        assert!(conversion
            .warnings
            .iter()
            .any(|w| w.contains("February 30, 2024")));
    }

    #[test]
    fn titles_make_people_and_name_them() {
        let text = "Title\n\nThe National Security Advisor, Moeed Yusuf, met his Russian \
                    counterpart, Nikolay Patrushev. The NSA spoke. Patrushev agreed. \
                    Sergey Lavrov, the Foreign Minister, listened. PM Khan and President \
                    Vladimir Putin wrote.";
        let article = convert(text).article;
        let yusuf = entity(&article, "Moeed Yusuf");
        assert_eq!(yusuf.kind, EntityKind::Person);
        assert_eq!(
            yusuf.aliases,
            ["Moeed Yusuf", "National Security Advisor", "NSA"]
        );
        assert!(yusuf.description.contains("National Security Advisor"));
        let patrushev = entity(&article, "Nikolay Patrushev");
        assert_eq!(
            patrushev.aliases,
            ["Nikolay Patrushev", "Patrushev", "Russian counterpart"]
        );
        assert!(entity(&article, "Sergey Lavrov")
            .description
            .contains("Foreign Minister"));
        assert_eq!(entity(&article, "Khan").aliases, ["PM Khan"]);
        assert_eq!(
            entity(&article, "Vladimir Putin").aliases,
            ["President Vladimir Putin"]
        );
        assert!(article.entities.iter().all(|e| e.suggested));
    }

    #[test]
    fn a_short_title_joins_the_full_name() {
        let article = convert("Title\n\nImran Khan spoke. Later PM Khan left.").article;
        assert_eq!(names(&article), ["Imran Khan"]);
        assert_eq!(
            entity(&article, "Imran Khan").aliases,
            ["Imran Khan", "PM Khan"]
        );
    }

    #[test]
    fn known_places_bodies_and_acronyms() {
        let text = "Title\n\nRussia and Pakistan met in Moscow and Islamabad with the UN, SCO \
                    and TASS. Pakistan Embassy in Moscow spoke. Russia-Pakistan ties grew.";
        let article = convert(text).article;
        assert_eq!(
            names(&article),
            [
                "Russia",
                "Pakistan",
                "Moscow",
                "Islamabad",
                "United Nations",
                "Shanghai Cooperation Organisation",
                "TASS",
                "Pakistan Embassy in Moscow"
            ]
        );
        assert_eq!(entity(&article, "United Nations").aliases, ["UN"]);
        assert_eq!(entity(&article, "TASS").kind, EntityKind::Organisation);
        assert_eq!(
            entity(&article, "Pakistan Embassy in Moscow").kind,
            EntityKind::Organisation
        );
    }

    #[test]
    fn adjectives_name_countries_only_standing_alone() {
        let article = convert("Title\n\nAfghan funds. Russian President Vladimir Putin.").article;
        assert_eq!(entity(&article, "Afghanistan").aliases, ["Afghan"]);
        assert!(!names(&article).contains(&"Russia"));
    }

    #[test]
    fn capitalised_common_words_are_not_names() {
        let text = "Title\n\nCooperation was stressed. Furthermore, an Increased effort was \
                    increased. Resolve was shown. Extremism in Afghanistan grew. The Taliban \
                    posted on Twitter.";
        let article = convert(text).article;
        assert_eq!(names(&article), ["Afghanistan", "Taliban", "Twitter"]);
        assert_eq!(entity(&article, "Twitter").kind, EntityKind::Topic);
    }

    #[test]
    fn headline_case_passages_only_give_acronyms_and_known_names() {
        let article =
            convert("Title\n\nText.\n\nRead More: Pakistan Calls For Calm In NATO Talks").article;
        assert_eq!(names(&article), ["Pakistan", "NATO"]);
    }

    #[test]
    fn ids_are_unique_slugs() {
        assert_eq!(slug("Karāchī’s Women  & Men!"), "karāchīs-women-men");
        assert_eq!(slug("Россия"), "россия");
        assert_eq!(article_id(&"Ж".repeat(40)), "ж".repeat(30));
        let mut ids = Ids::default();
        assert_eq!(ids.unique("a-2", "x"), "a-2");
        assert_eq!(ids.unique("a", "x"), "a");
        assert_eq!(ids.unique("a", "x"), "a-3");
        assert_eq!(ids.unique("", "x"), "x");
        let article = convert("Россия\n\nТекст.").article;
        assert_eq!(article.id, "россия");
        assert_eq!(convert("!!!\n\nText.").article.id, "article");
    }

    #[test]
    fn sentences_respect_abbreviations_and_quotes() {
        let text = "Mr. Smith met U.S. envoys. “It went well.” Then they left! ok? Done";
        let found: Vec<&str> = sentences(text).iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            found,
            [
                "Mr. Smith met U.S. envoys.",
                "“It went well.”",
                "Then they left! ok?",
                "Done"
            ]
        );
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
                "[A-Za-z0-9 ,.:;’“”\u{a0}\u{301}-]{0,60}",
                "\\PC{0,40}",
            ]
        }

        proptest! {
            #[test]
            fn never_panics_and_ok_results_validate(text in "\\PC{0,300}") {
                if let Ok(conversion) = convert_text(&text, &ConvertOptions::default()) {
                    prop_assert!(validate(&conversion.article).is_empty());
                }
            }

            #[test]
            fn page_shaped_texts_convert_to_valid_articles(lines in proptest::collection::vec(line(), 0..24)) {
                let text = lines.join("\n");
                if let Ok(conversion) = convert_text(&text, &ConvertOptions::default()) {
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
}
