//! What the viewer asks of its tools module: converting plain text and writing the data
//! in other formats. A reader needs none of it to read, so the browser build runs it in a
//! second WebAssembly module, in a Web Worker loaded the first time a tool is used
//! (`src/bin/briefing-tools.rs`); the messages are these plain serde types.

use crate::document::Document;
use crate::export;
use crate::source::{article_from_plain_text, article_from_text};
use serde::{Deserialize, Serialize};

/// The files a reader can download from the viewer.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ExportFormat {
    /// The article itself, as Briefing JSON that opens again.
    Article,
    TimelineJs,
    EntitiesCsv,
    EventsCsv,
    JsonLd,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToolRequest {
    /// Plain text to an article; `id` comes from the file name.
    Convert { id: Option<String>, text: String },
    /// The article (Briefing JSON) written in another format.
    Export {
        format: ExportFormat,
        article_json: String,
    },
}

/// A file to hand to the reader.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExportedFile {
    pub name: String,
    pub mime: String,
    pub content: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ToolResponse {
    /// The converted article as Briefing JSON, with notes on how it was made.
    Converted {
        article_json: String,
        notes: Vec<String>,
    },
    File(ExportedFile),
    /// What went wrong, as a sentence for the reader.
    Failed(String),
}

/// Carries out one request (in the worker; natively in tests).
pub fn handle(request: ToolRequest) -> ToolResponse {
    match request {
        ToolRequest::Convert { id, text } => match article_from_plain_text(id, &text) {
            Ok(opened) => match serde_json::to_string(&opened.article) {
                Ok(article_json) => ToolResponse::Converted {
                    article_json,
                    notes: opened.notes,
                },
                Err(error) => ToolResponse::Failed(error.to_string()),
            },
            Err(error) => ToolResponse::Failed(error.to_string()),
        },
        ToolRequest::Export {
            format,
            article_json,
        } => match article_from_text(&article_json) {
            Ok(article) => ToolResponse::File(export_file(format, &Document::new(article))),
            Err(error) => ToolResponse::Failed(error.to_string()),
        },
    }
}

/// File name, MIME type and content of an article in one format.
pub fn export_file(format: ExportFormat, document: &Document) -> ExportedFile {
    let id = &document.article.id;
    let (name, mime, content) = match format {
        ExportFormat::Article => (
            format!("{id}.json"),
            "application/json",
            pretty(&document.article),
        ),
        ExportFormat::TimelineJs => (
            format!("{id}.timeline.json"),
            "application/json",
            pretty(&export::timelinejs(document)),
        ),
        ExportFormat::EntitiesCsv => (
            format!("{id}-entities.csv"),
            "text/csv",
            export::entities_csv(document),
        ),
        ExportFormat::EventsCsv => (
            format!("{id}-events.csv"),
            "text/csv",
            export::events_csv(document),
        ),
        ExportFormat::JsonLd => (
            format!("{id}.jsonld"),
            "application/ld+json",
            pretty(&export::json_ld(&document.article)),
        ),
    };
    ExportedFile {
        name,
        mime: mime.to_owned(),
        content,
    }
}

/// Indented JSON, as people read and diff it.
fn pretty(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converted_text_comes_back_as_an_article_that_opens() {
        let text = include_str!("../tests/fixtures/seed-article.txt");
        let ToolResponse::Converted {
            article_json,
            notes,
        } = handle(ToolRequest::Convert {
            id: Some("seed".into()),
            text: text.into(),
        })
        else {
            panic!("the seed text converts");
        };
        let article = article_from_text(&article_json).expect("the converted article opens");
        assert_eq!(article.id, "seed");
        assert!(
            notes[0].starts_with("Converted from plain text"),
            "{notes:?}"
        );
    }

    #[test]
    fn a_saved_article_opens_again_identically() {
        let ToolResponse::File(file) = handle(ToolRequest::Export {
            format: ExportFormat::Article,
            article_json: crate::BUILTIN_ARTICLE_JSON.into(),
        }) else {
            panic!("the built-in article exports");
        };
        assert_eq!(file.name, "nsa-moscow-2021-12-01.json");
        assert_eq!(
            article_from_text(&file.content).unwrap(),
            crate::builtin_article()
        );
    }

    #[test]
    fn bad_requests_fail_with_a_sentence() {
        let ToolResponse::Failed(message) = handle(ToolRequest::Export {
            format: ExportFormat::EventsCsv,
            article_json: "{".into(),
        }) else {
            panic!("a broken article cannot be exported");
        };
        assert!(message.contains("not valid JSON"), "{message}");
        assert!(matches!(
            handle(ToolRequest::Convert {
                id: None,
                text: String::new()
            }),
            ToolResponse::Failed(_)
        ));
    }
}
