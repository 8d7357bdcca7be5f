//! Briefing: read one news story closely, with collapsible sections, an entity sidebar
//! and a timeline that says where each date comes from.
//!
//! Pure logic (`model`, `dates`, `validate`, `edit`, `mentions`, `segments`, `timeline`,
//! `document`, `state`, `trust`, `remember`, `editor::state`) has no `web-sys` and is tested
//! natively; `viewer` (the root), `components`, `context`, `hooks` and `browser` are the
//! Yew front end, and `editor` the author mode's panel, built into a module of its own.

pub mod browser;
pub mod components;
pub mod context;
pub mod convert;
pub mod dates;
pub mod document;
pub mod dom_ids;
pub mod edit;
pub mod editor;
pub mod editor_client;
pub mod export;
pub mod hooks;
pub mod ids;
pub mod index;
pub mod language;
pub mod link;
pub mod mentions;
pub mod meta;
pub mod model;
pub mod options;
pub mod remember;
pub mod search;
pub mod segments;
pub mod settings;
pub mod source;
pub mod state;
pub mod text;
pub mod timeline;
pub mod tools;
pub mod tools_client;
pub mod trust;
pub mod validate;
pub mod viewer;

/// Id of the built-in article; its JSON ships as `articles/<id>.json`.
pub const BUILTIN_ARTICLE_ID: &str = "nsa-moscow-2021-12-01";

/// The built-in article, compiled in so that it shows with no extra request; `build.rs`
/// stores it without the whitespace of the shipped file.
pub const BUILTIN_ARTICLE_JSON: &str =
    include_str!(concat!(env!("OUT_DIR"), "/builtin-article.json"));

/// The built-in article, parsed and validated.
///
/// # Panics
/// Never in a released build: native tests load the same file and fail if it is invalid.
pub fn builtin_article() -> model::Article {
    validate::load_article(BUILTIN_ARTICLE_JSON).expect("the built-in article is valid")
}
