//! Words and sentences: byte ranges into a passage's text.

use super::lexicon::ABBREVIATIONS;
use crate::text::is_word_char;

/// Byte ranges of the runs of word characters.
pub(super) fn words(text: &str) -> Vec<(usize, usize)> {
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

pub(super) fn is_space(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(char::is_whitespace)
}

pub(super) fn is_comma(gap: &str) -> bool {
    gap.trim() == ","
}

/// Characters that may follow a sentence's final stop: closing quotes and brackets.
const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];

/// Byte ranges of the sentences, without surrounding white space.
pub(crate) fn sentences(text: &str) -> Vec<(usize, usize)> {
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

pub(super) fn first_is(word: &str, test: fn(char) -> bool) -> bool {
    word.chars().next().is_some_and(test)
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
