//! The page's shape: chrome lines, the date line, the title, headings, paragraphs,
//! "Read More" lines, and the sections they make.

use super::dates::{whole_line_date, DateMention};
use super::ids::{slug, Ids};
use super::lexicon::MINOR_WORDS;
use super::{non_blank, ConvertError};
use crate::model::{Block, CopyDate, Section};

/// The page as read, before sections and suggestions.
pub(super) struct Page {
    pub(super) site: Option<String>,
    pub(super) copy_date: Option<CopyDate>,
    pub(super) title: String,
    pub(super) items: Vec<Item>,
}

pub(super) enum Item {
    Heading(String),
    Paragraph(String),
    Related(String),
}

pub(super) fn read_page(text: &str, warnings: &mut Vec<String>) -> Result<Page, ConvertError> {
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
fn page_date(line: &str, mention: &DateMention) -> Option<CopyDate> {
    let date = mention.date().filter(|date| date.day.is_some())?;
    Some(CopyDate {
        text: line.to_owned(),
        date: date.iso(),
        note: Some("The date shown on this copy of the page, not the publication date.".to_owned()),
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::convert;

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
}
