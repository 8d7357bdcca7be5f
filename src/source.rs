//! Opening an article from somewhere other than the built-in copy, and saying plainly
//! what went wrong when that fails.

use crate::convert::{convert_text, ConvertOptions};
use crate::model::Article;
use crate::validate::{load_article, LoadError, MAX_ARTICLE_BYTES};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    /// Messages name the host only, not the whole address (which anyone can make long).
    #[error("Could not reach {host}: {detail}. Check the address and your connection; the server must also allow cross-origin requests (CORS), and use https unless this site was built to trust it.")]
    Network { host: String, detail: String },
    #[error("{host} answered HTTP {status} {status_text}.")]
    Http {
        host: String,
        status: u16,
        status_text: String,
    },
    #[error("The article is {size} bytes; Briefing opens articles up to {limit} bytes.")]
    TooLarge { size: usize, limit: usize },
    /// Counted as it arrived, whatever the server said its size was.
    #[error("The article is larger than {limit} bytes, the most Briefing opens; its download was stopped there.")]
    OverLimit { limit: usize },
    #[error("This is not a Briefing article: it is not JSON (it begins \"{start}\").")]
    NotJson { start: String },
    #[error("{0}")]
    Invalid(#[from] LoadError),
    #[error("Could not read {name}: {detail}.")]
    Read { name: String, detail: String },
    #[error("The file is not UTF-8 text (the first bad byte is at offset {offset}).")]
    NotUtf8 { offset: usize },
    #[error("This text could not be turned into an article: {0}")]
    Convert(String),
    /// The tools module (which converts text) could not be loaded or stopped.
    #[error("{0}")]
    Tools(String),
}

/// An opened article, with what the reader should know about how it was made.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub article: Article,
    /// For converted text: automatic suggestions, dates without a year, and warnings.
    pub notes: Vec<String>,
}

/// What a file the reader chose or dropped holds, before anything is made of it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FileContent<'a> {
    /// Briefing JSON: `.json`, or any text that starts with `{`.
    Json(&'a str),
    /// Plain text (`.txt` and the rest), to convert, with an article id from the file name.
    Text { id: Option<String>, text: &'a str },
}

/// Checks a file's size and encoding and tells JSON from plain text.
pub fn classify_file<'a>(name: &str, bytes: &'a [u8]) -> Result<FileContent<'a>, OpenError> {
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Err(OpenError::TooLarge {
            size: bytes.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let text = std::str::from_utf8(bytes).map_err(|error| OpenError::NotUtf8 {
        offset: error.valid_up_to(),
    })?;
    let body = text.trim_start_matches('\u{feff}');
    let lower = name.to_ascii_lowercase();
    let looks_like_json = body.trim_start().starts_with('{');
    if lower.ends_with(".json") || (!lower.ends_with(".txt") && looks_like_json) {
        return Ok(FileContent::Json(body));
    }
    let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem);
    Ok(FileContent::Text {
        id: Some(stem.to_owned()).filter(|s| !s.trim().is_empty()),
        text: body,
    })
}

/// Converts plain text into an article with suggestions, and notes on how it was made.
pub fn article_from_plain_text(id: Option<String>, text: &str) -> Result<Opened, OpenError> {
    let options = ConvertOptions {
        id,
        ..ConvertOptions::default()
    };
    let conversion =
        convert_text(text, &options).map_err(|error| OpenError::Convert(error.to_string()))?;
    let mut notes = vec![format!(
        "Converted from plain text: the {} entities and {} dated events marked “suggested” were found automatically, not curated.",
        conversion.article.entities.len(),
        conversion.article.events.len()
    )];
    notes.extend(conversion.partial_dates.iter().map(|date| {
        format!("The text gives “{date}” with no year; it is not placed on the timeline.")
    }));
    notes.extend(conversion.warnings);
    Ok(Opened {
        article: conversion.article,
        notes,
    })
}

/// Opens a file the reader chose or dropped: Briefing JSON, or plain text converted with
/// suggestions (see [`classify_file`]).
pub fn article_from_file(name: &str, bytes: &[u8]) -> Result<Opened, OpenError> {
    match classify_file(name, bytes)? {
        FileContent::Json(json) => Ok(Opened {
            article: article_from_text(json)?,
            notes: Vec::new(),
        }),
        FileContent::Text { id, text } => article_from_plain_text(id, text),
    }
}

/// Reads an article from text that should be JSON in Briefing's format.
pub fn article_from_text(text: &str) -> Result<Article, OpenError> {
    if text.len() > MAX_ARTICLE_BYTES {
        return Err(OpenError::TooLarge {
            size: text.len(),
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let body = text.trim_start_matches('\u{feff}').trim_start();
    if !body.starts_with('{') && !body.starts_with('[') {
        let start: String = body.chars().take(40).collect();
        return Err(OpenError::NotJson { start });
    }
    Ok(load_article(body)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_error_pages_are_not_json() {
        let error =
            article_from_text("<!DOCTYPE html><html><body>Not found</body></html>").unwrap_err();
        assert_eq!(
            error.to_string(),
            "This is not a Briefing article: it is not JSON (it begins \"<!DOCTYPE html><html><body>Not found</bo\")."
        );
    }

    #[test]
    fn the_built_in_article_opens_even_with_a_byte_order_mark() {
        let text = format!("\u{feff}{}", crate::BUILTIN_ARTICLE_JSON);
        assert_eq!(
            article_from_text(&text).unwrap().id,
            "nsa-moscow-2021-12-01"
        );
    }

    #[test]
    fn oversized_text_is_refused_before_parsing() {
        let text = format!("{{\"x\": \"{}\"}}", "a".repeat(MAX_ARTICLE_BYTES));
        assert!(matches!(
            article_from_text(&text),
            Err(OpenError::TooLarge { .. })
        ));
    }

    #[test]
    fn files_open_by_kind_and_refuse_bytes_that_are_not_utf8() {
        let json = article_from_file("a.json", crate::BUILTIN_ARTICLE_JSON.as_bytes()).unwrap();
        assert!(json.notes.is_empty());
        let seed = include_str!("../tests/fixtures/seed-article.txt");
        let text = article_from_file("seed.txt", seed.as_bytes()).unwrap();
        assert_eq!(
            text.article.title,
            "Strong future: NSA meets Russian counterpart in Moscow"
        );
        assert!(
            text.notes[0].starts_with("Converted from plain text"),
            "{:?}",
            text.notes
        );
        assert!(
            text.notes
                .iter()
                .any(|n| n.contains("December 1") && n.contains("no year")),
            "{:?}",
            text.notes
        );
        assert_eq!(
            article_from_file("x.txt", b"Title\n\nText \xff here").unwrap_err(),
            OpenError::NotUtf8 { offset: 12 }
        );
        assert!(matches!(
            article_from_file("x.json", b"<html>"),
            Err(OpenError::NotJson { .. })
        ));
    }

    #[test]
    fn invalid_articles_keep_their_detailed_message() {
        let error = article_from_text("{\"id\": 1}").unwrap_err();
        assert!(
            error.to_string().contains("at id (line 1, column 8)"),
            "{error}"
        );
    }
}
