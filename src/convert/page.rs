//! The page's shape: chrome lines (site names, navigation, share and subscribe lines,
//! copyright footers), date, publication and byline lines, kicker lines ("READOUT"),
//! photo captions, the title, headings, paragraphs, "Read More" lines, and the sections
//! they make.
//!
//! Lines are sorted one by one by their own words ([`classify`]); the title is the first
//! line that stands alone in its block after the page's masthead; between the title and
//! the first paragraph come the header lines (standfirst, speaker, place, date).

use super::dates::{find_dates, whole_line_date, DateMention};
use super::ids::{slug, Ids};
use super::lexicon::{
    CAPTION_OPENERS, CHROME_LINES, CHROME_OPENERS, CREDIT_LINES, CREDIT_MARKS, KIND_LINES,
    MINOR_WORDS, PUBLICATION_OPENERS, RELATED_OPENERS, SPEAKER_WORDS, TIME_WORDS,
};
use super::text::words;
use super::{non_blank, ConvertError};
use crate::model::{Block, CopyDate, Provenance, ProvenanceKind, Published, Section};
use crate::validate::{MAX_BLOCKS, MAX_BLOCKS_PER_SECTION, MAX_PARAGRAPH_CHARS, MAX_SECTIONS};

/// The page as read, before sections and suggestions.
pub(super) struct Page {
    pub(super) site: Option<String>,
    pub(super) copy_date: Option<CopyDate>,
    pub(super) published: Option<Published>,
    pub(super) title: String,
    pub(super) items: Vec<Item>,
}

pub(super) enum Item {
    Heading(String),
    Paragraph(String),
    Related(String),
}

/// What one line of the page is, judged by its own words.
#[derive(Clone, Debug, PartialEq)]
enum Line<'a> {
    /// Navigation, share, subscribe, comment, copyright, time-ago and banner lines.
    Chrome,
    /// "| Welcome to Global Village Space".
    Welcome,
    /// A date alone, perhaps with a time and zone.
    Date(DateMention),
    /// "Published on …", "Updated: …", with the date's words.
    Publication {
        date: DateMention,
        updated: bool,
    },
    /// "By Web Desk", "Reuters", "By U.S. Mission Egypt | …".
    Byline,
    /// "READOUT", "Media Note".
    Kicker,
    /// A photo caption or credit.
    Caption,
    /// A "Read More: …" line and its headline, if it names one.
    Related(Option<&'a str>),
    Text,
}

fn lower_starts_with(line: &str, opener: &str) -> bool {
    line.get(..opener.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(opener))
}

/// After `opener`, the line ends or goes on with something other than a letter.
fn opens(line: &str, opener: &str) -> Option<usize> {
    let after = line.get(opener.len()..)?;
    (lower_starts_with(line, opener) && !after.starts_with(char::is_alphanumeric))
        .then_some(opener.len())
}

fn word_count(line: &str) -> usize {
    line.split_whitespace().count()
}

fn classify(line: &str) -> Line<'_> {
    if line.starts_with('|') || line.starts_with("Welcome to") {
        return Line::Welcome;
    }
    if let Some(headline) = related(line) {
        return Line::Related(headline);
    }
    if let Some(line) = publication(line).or_else(|| dated_source(line)) {
        return line;
    }
    if let Some(date) = date_line(line) {
        return Line::Date(date);
    }
    let lower = line.to_lowercase();
    let short = word_count(line) <= 8;
    if short && KIND_LINES.contains(&lower.trim_end_matches([':', '.'])) {
        return Line::Kicker;
    }
    if is_byline(line, &lower) {
        return Line::Byline;
    }
    if is_caption(line) {
        return Line::Caption;
    }
    let chrome_line = CHROME_LINES.contains(&lower.trim_end_matches([':', '.', '!']));
    let chrome_opener = chrome_line || CHROME_OPENERS.iter().any(|o| opens(line, o).is_some());
    let time_ago = short && (lower.ends_with(" ago") || lower.starts_with("updated:"));
    let breadcrumb = line.matches(" > ").count() >= 2 || line.matches(" » ").count() >= 2;
    if (chrome_opener && word_count(line) <= 16)
        || time_ago
        || breadcrumb
        || is_navigation(line)
        || lower.contains("all rights reserved")
        || line.starts_with("(C)")
        || is_time(line)
    {
        return Line::Chrome;
    }
    Line::Text
}

/// A caption or credit: a mark such as "Photo:" at the start of the line, or "©" or
/// "(AP Photo" among its last 80 bytes, where credits stand.
fn is_caption(line: &str) -> bool {
    CAPTION_OPENERS.iter().any(|mark| line.starts_with(mark))
        || CREDIT_MARKS
            .iter()
            .any(|mark| line.rfind(mark).is_some_and(|at| line.len() - at <= 80))
}

/// A menu: "Home Issues & Press Travel & Business Countries …", capitalised words from
/// "Home" on, with no lower-case word but "&" and "and" joining them.
fn is_navigation(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    words.len() >= 5
        && words[0] == "Home"
        && words
            .iter()
            .all(|w| w.starts_with(char::is_uppercase) || matches!(*w, "&" | "and" | "|"))
}

/// "Read More: headline" in any case, with ":" or a dash; `Some(None)` when it names none.
fn related(line: &str) -> Option<Option<&str>> {
    let length = RELATED_OPENERS.iter().find_map(|o| opens(line, o))?;
    let rest = line[length..].trim_start();
    let headline = rest.strip_prefix([':', '-', '–', '—', '|'])?;
    Some(non_blank(headline))
}

/// "By …" (up to a "|"), or an agency or desk credit alone.
fn is_byline(line: &str, lower: &str) -> bool {
    let credit = lower.trim_end_matches(['.', ':']);
    if CREDIT_LINES.contains(&credit) {
        return true;
    }
    let Some(rest) = ["By ", "BY ", "Written by ", "Reporting by ", "Editing by "]
        .iter()
        .find_map(|opener| line.strip_prefix(opener))
    else {
        return false;
    };
    let name = rest.split('|').next().unwrap_or("").trim();
    let words = word_count(name);
    (1..=8).contains(&words)
        && name.starts_with(char::is_uppercase)
        && !name.ends_with(['.', '!', '?'])
}

/// The rest of a line after a date: nothing, or a time and zone ("10:30 AM PKT").
fn only_time(rest: &str) -> bool {
    word_count(rest) <= 8
        && words(rest).iter().all(|&(s, e)| {
            let word = &rest[s..e];
            word.bytes().all(|b| b.is_ascii_digit())
                || TIME_WORDS.contains(&word)
                || (word.len() <= 5 && word.bytes().all(|b| b.is_ascii_uppercase()))
        })
}

/// A line that is only a time: "11:52 A.M. EDT".
fn is_time(line: &str) -> bool {
    line.contains(':') && line.starts_with(|c: char| c.is_ascii_digit()) && only_time(line)
}

/// A full date with a year at the start of `text`, and what follows it.
fn leading_date(text: &str) -> Option<(DateMention, &str)> {
    let date = *find_dates(text).first()?;
    let full = date.start == 0 && date.date().is_some_and(|d| d.day.is_some());
    full.then(|| (date, &text[date.end..]))
}

/// "Published on October 07, 2024", "Last updated: 8 May 2023 10:30 PKT".
fn publication(line: &str) -> Option<Line<'_>> {
    let (length, updated) = PUBLICATION_OPENERS
        .iter()
        .find_map(|&(opener, updated)| opens(line, opener).map(|length| (length, updated)))?;
    let rest = line[length..].trim_start_matches([':', ' ', '\t', '\u{a0}', '-', '–', '—']);
    let offset = line.len() - rest.len();
    let (mut date, after) = leading_date(rest)?;
    only_time(after).then(|| {
        date.start += offset;
        date.end += offset;
        Line::Publication { date, updated }
    })
}

/// "Voice of America’s immigration news - January 9, 2024 - 23:29", "By Jane Doe | March
/// 3, 2024 | 5 min read": short parts between separators, one of them a full date.
fn dated_source(line: &str) -> Option<Line<'_>> {
    const SEPARATORS: [&str; 4] = [" - ", " | ", " — ", " · "];
    let separator = SEPARATORS.iter().find(|s| line.contains(*s))?;
    let mut date = None;
    let mut offset = 0;
    for part in line.split(separator) {
        let trimmed = part.trim();
        let start = offset + (part.len() - part.trim_start().len());
        offset += part.len() + separator.len();
        if word_count(trimmed) > 8 {
            return None;
        }
        if date.is_none() {
            if let Some(mut found) = whole_line_date(trimmed).filter(|d| d.day.is_some()) {
                found.start += start;
                found.end += start;
                date = Some(found);
            }
        }
    }
    date.map(|date| Line::Publication {
        date,
        updated: false,
    })
}

/// A line that is a date, perhaps with a time and zone after it.
fn date_line(line: &str) -> Option<DateMention> {
    if let Some(date) = whole_line_date(line) {
        return Some(date);
    }
    let (date, after) = leading_date(line)?;
    (!after.trim().is_empty() && only_time(after)).then_some(date)
}

/// Capital letters only: "OFFICE OF THE SPOKESPERSON".
fn all_capitals(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
}

/// A line that reads as running text rather than a header line.
fn paragraph_like(line: &str) -> bool {
    line.trim_end_matches(['"', '\'', '”', '’', ')'])
        .ends_with(['.', '!', '?', ':', ';'])
        || word_count(line) > 12
}

/// The page's date, when the line is a full, real date.
fn page_date(line: &str, mention: &DateMention) -> Option<CopyDate> {
    let date = mention.date().filter(|date| date.day.is_some())?;
    Some(CopyDate {
        text: line.to_owned(),
        date: date.iso(),
        note: Some("The date shown on this copy of the page, not the publication date.".to_owned()),
    })
}

/// The publication date a line states, quoting its words.
fn stated(line: &str, mention: &DateMention) -> Option<Published> {
    let date = mention.date().filter(|date| date.day.is_some())?;
    Some(Published {
        from: date.iso(),
        to: None,
        basis: Provenance {
            kind: ProvenanceKind::Stated,
            quote: Some(line[mention.start..mention.end].to_owned()),
            reasoning: None,
            sources: Vec::new(),
        },
    })
}

/// A title that ends with its date: "Press Briefing by …, 8/26/2016".
fn title_date(title: &str) -> Option<Published> {
    let date = *find_dates(title).last()?;
    let before = title[..date.start].trim_end();
    (date.end == title.len() && before.ends_with(',')).then(|| stated(title, &date))?
}

/// One block of lines between blank lines, with each line's kind.
type Lines<'a> = Vec<(&'a str, Line<'a>)>;

/// Lines that stand for a block's content: text, and what marks a masthead.
fn content<'a>(block: &Lines<'a>) -> (Vec<&'a str>, bool) {
    let texts = (block.iter())
        .filter(|(_, kind)| *kind == Line::Text)
        .map(|(line, _)| *line)
        .collect();
    let furniture = block
        .iter()
        .any(|(_, kind)| matches!(kind, Line::Caption | Line::Chrome | Line::Byline));
    (texts, furniture)
}

/// A block that may hold the title: one text line, not a notice ending in a full stop.
fn title_block(block: &Lines) -> bool {
    let (texts, furniture) = content(block);
    let notice = |line: &str| line.ends_with('.') && word_count(line) > 12;
    matches!(texts[..], [line] if !furniture && !notice(line))
}

pub(super) fn read_page(text: &str, warnings: &mut Vec<String>) -> Result<Page, ConvertError> {
    // `trim` also removes U+00A0, which pages leave at the ends of paragraphs.
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let blocks: Vec<Lines> = lines
        .split(|line| line.is_empty())
        .filter(|block| !block.is_empty())
        .map(|block| block.iter().map(|&line| (line, classify(line))).collect())
        .collect();
    // Whether a later block may hold the title before any paragraph comes, so that a
    // masthead before it is skipped, but a title with a byline beside it is not.
    let mut title_later = vec![false; blocks.len() + 1];
    for index in (0..blocks.len()).rev() {
        let (texts, _) = content(&blocks[index]);
        title_later[index] = if title_block(&blocks[index]) && !paragraph_like(texts[0]) {
            true
        } else if texts.iter().any(|line| paragraph_like(line)) {
            false
        } else {
            title_later[index + 1]
        };
    }

    let mut page = Page {
        site: None,
        copy_date: None,
        published: None,
        title: String::new(),
        items: Vec::new(),
    };
    let mut masthead_site = None;
    let mut title_at = None;
    for (index, block) in blocks.iter().enumerate() {
        let (texts, furniture) = content(block);
        let masthead = texts.len() > 1
            && texts
                .iter()
                .all(|line| !paragraph_like(line) && word_count(line) <= 16);
        let skip = !texts.is_empty()
            && title_later[index + 1]
            && (masthead || furniture || !title_block(block));
        if texts.is_empty() || skip {
            for &(line, ref kind) in block {
                match kind {
                    Line::Welcome => page.site = page.site.take().or_else(|| welcome_site(line)),
                    Line::Date(date) => match page_date(line, date) {
                        Some(date) => page.copy_date = page.copy_date.take().or(Some(date)),
                        None => warnings.push(format!(
                            "the date line \"{line}\" is not a full, real date; it is not the page date"
                        )),
                    },
                    // "Published …" says what it is, wherever it stands.
                    Line::Publication {
                        date,
                        updated: false,
                    } if page.published.is_none() => page.published = stated(line, date),
                    _ => {}
                }
            }
            if skip && word_count(texts[0]) <= 6 {
                masthead_site = masthead_site.or(Some(texts[0]));
            }
            continue;
        }
        let at = block
            .iter()
            .position(|(_, kind)| *kind == Line::Text)
            .unwrap_or(0);
        title_at = Some((index, at));
        break;
    }
    let (title_block_index, title_line) = title_at.ok_or(ConvertError::NoTitle)?;
    page.title = blocks[title_block_index][title_line].0.to_owned();
    page.site = page.site.or(masthead_site.map(str::to_owned));

    // The title's own block goes on after it; the header runs until the first paragraph.
    let mut rest: Vec<Lines> = vec![blocks[title_block_index][title_line + 1..].to_vec()];
    rest.extend(blocks[title_block_index + 1..].iter().cloned());
    rest.retain(|block| !block.is_empty());
    // Without any blank line, each line is a paragraph rather than one wrapped paragraph.
    if let [block] = &rest[..] {
        rest = block.iter().map(|line| vec![line.clone()]).collect();
    }
    let mut header = true;
    let mut first_paragraph = true;
    for block in rest {
        let texts = content(&block).0;
        let alone = texts.len() == 1;
        // "Aboard Air Force One" / "En Route Huntington, West Virginia": short lines
        // without a stop are a list of lines, not a wrapped paragraph.
        let list = texts.len() > 1
            && texts
                .iter()
                .all(|line| !paragraph_like(line) && word_count(line) <= 8);
        let mut pending: Vec<&str> = Vec::new();
        for (line, kind) in block {
            match kind {
                // A header line: a standfirst, speaker or place, never joined to the next.
                Line::Text if header && all_capitals(line) => {}
                Line::Text if header && !alone && !paragraph_like(line) => {
                    flush(&mut pending, false, &mut page.items);
                    page.items.push(Item::Paragraph(line.to_owned()));
                }
                Line::Text if list => {
                    flush(&mut pending, false, &mut page.items);
                    page.items.push(Item::Paragraph(line.to_owned()));
                }
                Line::Text => {
                    header = false;
                    if first_paragraph {
                        first_paragraph = false;
                        pending.push(without_dateline(line));
                    } else {
                        pending.push(line);
                    }
                }
                Line::Related(headline) => {
                    flush(&mut pending, false, &mut page.items);
                    match headline {
                        Some(headline) => page.items.push(Item::Related(headline.to_owned())),
                        None => warnings.push(format!("\"{line}\" names no story; left out")),
                    }
                }
                Line::Publication { updated: true, .. } => {
                    flush(&mut pending, false, &mut page.items);
                    warnings.push(format!(
                        "\"{line}\" is when the page was updated, not published; it is not the publication date"
                    ));
                }
                Line::Publication { date, .. } | Line::Date(date) if page.published.is_none() => {
                    flush(&mut pending, false, &mut page.items);
                    page.published = stated(line, &date);
                }
                Line::Date(_) => pending.push(line),
                _ => flush(&mut pending, false, &mut page.items),
            }
        }
        flush(&mut pending, alone, &mut page.items);
    }
    if page.published.is_none() {
        page.published = title_date(&page.title);
    }
    Ok(page)
}

/// The paragraph without its dateline: "ISLAMABAD:", "MOSCOW (Reuters) -",
/// "WASHINGTON —", "BETHESDA, Md. (AP) —". A speaker's label ("MR. EARNEST:") stays.
fn without_dateline(paragraph: &str) -> &str {
    let separators = [": ", " - ", " — ", " – ", " -- ", " —", " –"];
    let Some((head, rest)) = separators
        .iter()
        .filter_map(|sep| paragraph.split_once(sep))
        .min_by_key(|(head, _)| head.len())
    else {
        return paragraph;
    };
    let place = head.split(" (").next().unwrap_or(head);
    let place = place.split(',').next().unwrap_or(place);
    let first = place.split([' ', '.', '/']).next().unwrap_or("");
    let dateline = !place.is_empty()
        && word_count(head) <= 6
        && place.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && place
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, ' ' | '/' | '.' | '-' | '\''))
        && !SPEAKER_WORDS.contains(&first)
        && !rest.trim().is_empty();
    if dateline {
        rest.trim_start()
    } else {
        paragraph
    }
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

/// "| Welcome to Global Village Space" names the site.
fn welcome_site(line: &str) -> Option<String> {
    let rest = line.trim_start_matches(['|', ' ', '\t', '\u{a0}']);
    let name = rest.strip_prefix("Welcome to")?.split('|').next()?;
    non_blank(name.trim_end_matches(['.', '!'])).map(str::to_owned)
}

/// A short line in title case with no final punctuation: "Bilateral Cooperation", or a
/// headline of up to 16 words: "U.S. Delegation to the … Meeting on a Pandemic Accord".
fn is_heading(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=16).contains(&words.len())
        && line.chars().count() <= 140
        && line.chars().next().is_some_and(char::is_uppercase)
        && line.chars().next_back().is_some_and(char::is_alphanumeric)
        && words.iter().all(|word| {
            word.trim_start_matches(['(', '“', '"', '‘', '\''])
                .chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                || MINOR_WORDS.contains(word)
        })
        && whole_line_date(line).is_none()
}

/// Headings with no paragraph before the next heading would make empty sections, which
/// the format refuses, so they stay paragraphs. Links before the first paragraph join
/// the first headed section.
pub(super) fn build_sections(
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
                // The lead is the first section, so headed sections count from 1.
                sections.push(Section {
                    id: ids.unique(&slug(&heading), &format!("section-{}", sections.len())),
                    heading: Some(heading),
                    blocks: Vec::new(),
                });
                continue;
            }
            // A paragraph longer than an article's may be becomes several.
            Item::Paragraph(text) => {
                let section = sections.last_mut().expect("the lead is always there");
                for part in split_long_paragraph(&text) {
                    paragraphs += 1;
                    section.blocks.push(Block::Paragraph {
                        id: format!("p{paragraphs}"),
                        text: part.to_owned(),
                    });
                }
                continue;
            }
            Item::Related(title) => Block::Related { title, url: None },
        };
        if let Some(section) = sections.last_mut() {
            section.blocks.push(block);
        }
    }
    let too_many = |what, count: usize, limit: usize| {
        (count > limit).then_some(ConvertError::TooMany { what, count, limit })
    };
    let blocks: usize = sections.iter().map(|s| s.blocks.len()).sum();
    let most_in_a_section = sections.iter().map(|s| s.blocks.len()).max().unwrap_or(0);
    if let Some(error) = too_many("sections", sections.len(), MAX_SECTIONS)
        .or_else(|| too_many("paragraphs and links", blocks, MAX_BLOCKS))
        .or_else(|| {
            too_many(
                "paragraphs and links in one section",
                most_in_a_section,
                MAX_BLOCKS_PER_SECTION,
            )
        })
    {
        return Err(error);
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

/// `text` cut into parts within [`MAX_PARAGRAPH_CHARS`], each ending at a sentence's end
/// where there is one before the limit, else at a space, else inside a word.
fn split_long_paragraph(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut rest = text.trim();
    while rest.chars().count() > MAX_PARAGRAPH_CHARS {
        let limit = rest
            .char_indices()
            .nth(MAX_PARAGRAPH_CHARS)
            .map_or(rest.len(), |(i, _)| i);
        let window = &rest[..limit];
        let cut = window
            .rfind(". ")
            .map(|i| i + 1)
            .or_else(|| window.rfind(char::is_whitespace))
            .filter(|&i| i > 0)
            .unwrap_or(limit);
        parts.push(rest[..cut].trim_end());
        rest = rest[cut..].trim_start();
    }
    if !rest.is_empty() {
        parts.push(rest);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::convert;

    #[test]
    fn a_paragraph_longer_than_the_limit_is_cut_at_sentences() {
        let sentence = "Moscow talks went on. ";
        let text = sentence.repeat(MAX_PARAGRAPH_CHARS / sentence.len() * 3);
        let parts = split_long_paragraph(&text);
        assert!(parts.len() >= 3, "{}", parts.len());
        for part in &parts {
            assert!(part.chars().count() <= MAX_PARAGRAPH_CHARS);
            assert!(part.ends_with('.'), "{}", &part[part.len() - 20..]);
        }
        assert_eq!(parts.concat().replace(' ', ""), text.replace(' ', ""));
        let word = "x".repeat(MAX_PARAGRAPH_CHARS + 5);
        assert_eq!(split_long_paragraph(&word).len(), 2);
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
    fn a_date_under_the_title_is_the_publication_date() {
        let article = convert("Title\n\n15 February 2024\n\nText.").article;
        assert_eq!(article.copy_date, None);
        let published = article.published.as_ref().unwrap();
        assert_eq!(published.from, "2024-02-15");
        assert_eq!(published.basis.kind, ProvenanceKind::Stated);
        assert_eq!(published.basis.quote.as_deref(), Some("15 February 2024"));
        assert_eq!(article.paragraphs().count(), 1);
    }

    #[test]
    fn news_page_furniture_is_used_not_shown() {
        let text = "Pakistan hosts regional talks\nPublished September 15, 2021 10:30 AM PKT\n\n\
                    By Web Desk\n\nISLAMABAD: The talks began on Wednesday.\n\n\
                    A view of the hall. Photo: Reuters\n\nAlso read: Another story\n\n\
                    Share this article\n\nMOSCOW (Reuters) - On Monday, officials met.\n\n\
                    Updated: September 16, 2021\n\nReuters\n\n\
                    © 2021 Example News. All rights reserved.";
        let conversion = convert(text);
        let article = &conversion.article;
        assert_eq!(article.title, "Pakistan hosts regional talks");
        let published = article.published.as_ref().expect("published");
        assert_eq!(published.from, "2021-09-15");
        assert_eq!(published.basis.quote.as_deref(), Some("September 15, 2021"));
        let texts: Vec<&str> = article.paragraphs().map(|(_, _, t)| t).collect();
        // Only the first paragraph's dateline goes; the text is otherwise kept.
        assert_eq!(
            texts,
            [
                "The talks began on Wednesday.",
                "MOSCOW (Reuters) - On Monday, officials met."
            ]
        );
        assert_eq!(article.sections.len(), 1);
        assert_eq!(article.sections[0].heading, None);
        assert!(article.sections[0].blocks.contains(&Block::Related {
            title: "Another story".into(),
            url: None
        }));
        assert!(conversion.warnings.iter().any(|w| w.contains("updated")));
    }

    #[test]
    fn mastheads_kickers_and_header_lines_are_not_the_title() {
        let text = "The Daily Example\nA hall in the city. © Someone\n\nReal Title Here\n\n\
                    READOUT\nOFFICE OF THE SPOKESPERSON\nOCTOBER 15, 2023\n\n\
                    Secretary Jane Doe\nRemarks to the Press Club\n\nMR. DOE: Thank you.";
        let article = convert(text).article;
        assert_eq!(article.site, "The Daily Example");
        assert_eq!(article.title, "Real Title Here");
        assert_eq!(article.published.as_ref().unwrap().from, "2023-10-15");
        let texts: Vec<&str> = article.paragraphs().map(|(_, _, t)| t).collect();
        assert_eq!(
            texts,
            [
                "Secretary Jane Doe",
                "Remarks to the Press Club",
                "MR. DOE: Thank you."
            ]
        );
        let dated = convert("Press Briefing by Jane Doe, 8/26/2016\n\nText.").article;
        assert_eq!(dated.published.unwrap().from, "2016-08-26");
        let first = convert("Posted on: 3 March 2024, 10:05\n\nTitle\n\nText.").article;
        assert_eq!(first.published.unwrap().from, "2024-03-03");
    }

    #[test]
    fn a_title_with_a_byline_beside_it_is_the_title() {
        let article =
            convert("Floods hit Sudan\nBy Web Desk\n\nRains fell.\n\nAid Arrives\n\nMore.").article;
        assert_eq!(article.title, "Floods hit Sudan");
        assert_eq!(article.sections[1].heading.as_deref(), Some("Aid Arrives"));
    }

    #[test]
    fn text_that_starts_like_chrome_stays_text() {
        let text = "Title\n\nHome prices rose sharply in May.\n\nShare prices fell\n\n\
                    Getty Images said it would appeal the ruling, which covers photographs taken \
                    over many years by its staff across the world.\n\nShare\n\n\
                    Home Issues & Press Travel & Business Countries";
        let article = convert(text).article;
        let texts: Vec<&str> = article.paragraphs().map(|(_, _, t)| t).collect();
        assert_eq!(texts.len(), 3, "{texts:?}");
        assert!(texts[2].starts_with("Getty Images said"));
    }

    #[test]
    fn dated_source_lines_and_lists_of_lines() {
        let text = "Title\n\nExample Radio news - January 9, 2024 - 23:29\nThe text begins.\n\n\
                    Aboard the plane\nEn Route Huntington, West Virginia\n\nMore text.";
        let article = convert(text).article;
        assert_eq!(article.published.as_ref().unwrap().from, "2024-01-09");
        let texts: Vec<&str> = article.paragraphs().map(|(_, _, t)| t).collect();
        assert_eq!(
            texts,
            [
                "The text begins.",
                "Aboard the plane",
                "En Route Huntington, West Virginia",
                "More text."
            ]
        );
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
}
