//! Opening an article from somewhere other than the built-in copy, and saying plainly
//! what went wrong when that fails.

use crate::model::Article;
use crate::validate::{load_article, LoadError, MAX_ARTICLE_BYTES};

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OpenError {
    #[error("Could not reach {url}: {detail}. Check the address and your connection; the server must also allow cross-origin requests (CORS).")]
    Network { url: String, detail: String },
    #[error("{url} answered HTTP {status} {status_text}.")]
    Http {
        url: String,
        status: u16,
        status_text: String,
    },
    #[error("The article is {size} bytes; Briefing opens articles up to {limit} bytes.")]
    TooLarge { size: usize, limit: usize },
    #[error("This is not a Briefing article: it is not JSON (it begins \"{start}\").")]
    NotJson { start: String },
    #[error("{0}")]
    Invalid(#[from] LoadError),
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
    fn invalid_articles_keep_their_detailed_message() {
        let error = article_from_text("{\"id\": 1}").unwrap_err();
        assert!(
            error.to_string().contains("at id (line 1, column 8)"),
            "{error}"
        );
    }
}
