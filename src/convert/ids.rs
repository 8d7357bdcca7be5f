//! Ids the converter makes: slugs of names, made unique.

use std::collections::{HashMap, HashSet};
use unicode_normalization::char::is_combining_mark;

/// A slug of the title, short enough for storage keys and links.
pub(super) fn article_id(title: &str) -> String {
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

/// Lower-case words joined by hyphens, letters kept as written ("Karāchī" → "karāchī").
/// (Dropping accents would need Unicode decomposition tables: tens of kilobytes of wasm.)
pub(super) fn slug(text: &str) -> String {
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
pub(super) struct Ids {
    taken: HashSet<String>,
    /// The last number tried for each base, so many equal bases stay cheap.
    last: HashMap<String, usize>,
}

impl Ids {
    pub(super) fn unique(&mut self, base: &str, fallback: &str) -> String {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::convert;

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
}
