//! Ids the converter makes: ASCII slugs of titles, headings and names, made unique, in
//! the grammar of [`crate::ids`].

use crate::ids::is_valid_id;
use crate::text::is_combining_mark;
use std::collections::{HashMap, HashSet};

/// The longest slug, in characters: readable in a link, with room for a "-2" suffix
/// within [`crate::ids::MAX_ID_CHARS`].
const SLUG_CHARS: usize = 60;

/// The article's id: the one given when it is valid, otherwise a slug of it, of the
/// title, or "article", in that order.
pub(super) fn article_id(given: Option<&str>, title: &str) -> String {
    if let Some(id) = given.filter(|id| is_valid_id(id)) {
        return id.to_owned();
    }
    [given.map(slug), Some(slug(title))]
        .into_iter()
        .flatten()
        .find(|id| !id.is_empty())
        .unwrap_or_else(|| "article".to_owned())
}

/// Lower-case ASCII words joined by hyphens, at most [`SLUG_CHARS`] long: accents are
/// dropped ("Karāchī’s" → "karachis"), and words in other scripts are left out, so the
/// slug of "Россия" is empty and the caller falls back to a generic id.
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    let words =
        text.split(|c: char| !(c.is_alphanumeric() || is_apostrophe(c) || is_combining_mark(c)));
    for word in words.filter_map(ascii_word) {
        if out.is_empty() {
            // A first word longer than a slug is cut inside it.
            out = word;
            out.truncate(SLUG_CHARS);
        } else if out.len() + 1 + word.len() <= SLUG_CHARS {
            out.push('-');
            out.push_str(&word);
        } else {
            break;
        }
    }
    out
}

/// "Women’s" → "womens": an apostrophe does not split a word.
fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// The word in lower-case ASCII letters and digits, or `None` when it has a letter that
/// is not a Latin one with accents. Each character counts as its canonical decomposition
/// (NFD) would: a letter with accents as its base letter, accents dropped.
fn ascii_word(word: &str) -> Option<String> {
    let mut out = String::new();
    for c in word.chars() {
        if !fold(c, &mut out) {
            return None;
        }
    }
    Some(out).filter(|word| !word.is_empty())
}

/// The ASCII spelling of a Latin letter that does not decompose into a letter and accents.
fn undecomposed_latin(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' | 'ẞ' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        'ø' | 'Ø' => "o",
        'đ' | 'Đ' | 'ð' | 'Ð' => "d",
        'þ' | 'Þ' => "th",
        'ł' | 'Ł' => "l",
        'ı' => "i",
        _ => return None,
    })
}

/// Adds the ASCII spelling of `c` to `out`; false when it has none.
fn fold(c: char, out: &mut String) -> bool {
    if c.is_ascii_alphanumeric() {
        out.push(c.to_ascii_lowercase());
    } else if is_combining_mark(c) || is_apostrophe(c) {
        // Dropped.
    } else if let Some(spelling) = undecomposed_latin(c) {
        out.push_str(spelling);
    } else {
        match decomposed_base(c) {
            Some(b'&') => out.push_str("ae"),
            Some(base) => out.push(char::from(base)),
            None => return false,
        }
    }
    true
}

/// The lower-case base letter of a letter whose decomposition is an ASCII letter (or
/// "æ", written `&`) and accents: "Ḗ" → `e`.
fn decomposed_base(c: char) -> Option<u8> {
    let c = u32::from(c);
    BASES.iter().find_map(|&(first, bases)| {
        let base = *bases
            .as_bytes()
            .get(usize::try_from(c.checked_sub(first)?).ok()?)?;
        (base != b'.').then_some(base)
    })
}

/// The base letters of the code points from the first one on, `.` where there is none.
/// The test `letters_fold_as_their_decompositions` checks every character against its
/// decomposition by the `unicode-normalization` crate, whose tables would cost the
/// WebAssembly module about a hundred kilobytes.
#[rustfmt::skip]
const BASES: [(u32, &str); 3] = [
    (0xC0, "aaaaaa.ceeeeiiii.nooooo..uuuuy..aaaaaa.ceeeeiiii.nooooo..uuuuy.yaaaaaaccccccccdd\
         ..eeeeeeeeeegggggggghh..iiiiiiiii...jjkk.llllll....nnnnnn...oooooo..rrrrrrssssss\
         sstttt..uuuuuuuuuuuuwwyyyzzzzzz.................................oo.............u\
         u............................aaiioouuuuuuuuuu.aaaa&&..ggkkoooo..j...gg..nnaa&&oo\
         aaaaeeeeiiiioooorrrruuuusstt..hh......aaeeooooooooyy............................"),
    (0x1E00, "aabbbbbbccddddddddddeeeeeeeeeeffgghhhhhhhhhhiiiikkkkkkllllllllmmmmmmnnnnnnnnoooo\
         oooopppprrrrrrrrssssssssssttttttttuuuuuuuuuuvvvvwwwwwwwwwwxxxxyyzzzzzzhtwy......\
         aaaaaaaaaaaaaaaaaaaaaaaaeeeeeeeeeeeeeeeeiiiioooooooooooooooooooooooouuuuuuuuuuuu\
         uuyyyyyyyy......"),
    (0x212A, "ka"),
];

/// Hands out unique ids: "lead", "lead-2", …
#[derive(Default)]
pub(super) struct Ids {
    taken: HashSet<String>,
    /// The last number tried for each base, so many equal bases stay cheap.
    last: HashMap<String, usize>,
}

impl Ids {
    /// `base`, or `fallback` when `base` is empty, with a number added if it is taken.
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
        assert_eq!(slug("Karāchī’s Women  & Men!"), "karachis-women-men");
        let mut ids = Ids::default();
        assert_eq!(ids.unique("a-2", "x"), "a-2");
        assert_eq!(ids.unique("a", "x"), "a");
        assert_eq!(ids.unique("a", "x"), "a-3");
        assert_eq!(ids.unique("", "x"), "x");
        assert_eq!(convert("!!!\n\nText.").article.id, "article");
    }

    #[test]
    fn slugs_are_ascii_latin_letters_without_accents() {
        // Decomposed accents, as some pages write them, are dropped too.
        assert_eq!(slug("Kara\u{304}chi\u{304} Łódź"), "karachi-lodz");
        assert_eq!(slug("Straße Ærø İstanbul"), "strasse-aero-istanbul");
        // Words in other scripts are left out; with nothing left, the slug is empty.
        assert_eq!(slug("Russia (Россия)"), "russia");
        assert_eq!(slug("Россия ٣"), "");
    }

    /// What a character adds to a slug word, worked out from its decomposition with the
    /// `unicode-normalization` crate, as the converter did before it had its own table.
    fn fold_by_decomposition(c: char) -> Option<String> {
        use unicode_normalization::char::is_combining_mark;
        use unicode_normalization::UnicodeNormalization;
        let mut out = String::new();
        for c in c.nfd() {
            match c {
                _ if c.is_ascii_alphanumeric() => out.push(c.to_ascii_lowercase()),
                _ if is_combining_mark(c) || is_apostrophe(c) => {}
                _ => out.push_str(undecomposed_latin(c)?),
            }
        }
        Some(out)
    }

    #[test]
    fn letters_fold_as_their_decompositions() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let mut folded = String::new();
            let ours = fold(c, &mut folded).then_some(folded);
            assert_eq!(
                ours,
                fold_by_decomposition(c),
                "{c:?} (U+{:04X})",
                u32::from(c)
            );
        }
    }

    #[test]
    fn long_slugs_are_cut_at_a_word() {
        assert_eq!(slug(&"word ".repeat(30)), ["word"; 12].join("-"));
        assert_eq!(slug(&"x".repeat(200)), "x".repeat(SLUG_CHARS));
    }

    #[test]
    fn the_article_id_is_the_given_one_a_slug_of_it_or_of_the_title() {
        assert_eq!(article_id(Some("my_story.v2"), "Title"), "my_story.v2");
        assert_eq!(article_id(Some("My Story"), "Title"), "my-story");
        assert_eq!(article_id(Some("Россия"), "Moscow Talks"), "moscow-talks");
        assert_eq!(article_id(None, "Россия"), "article");
        assert_eq!(article_id(None, &"Ж".repeat(40)), "article");
    }

    #[test]
    fn texts_in_other_scripts_get_generic_ids() {
        let article =
            convert("Россия\n\nТекст.\n\nЗаголовок Раздела\n\nИван Петров и Москва.").article;
        assert_eq!(article.id, "article");
        let ids: Vec<&str> = article.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(ids, ["lead", "section-1"]);
        let ids: Vec<&str> = article.entities.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["entity-1", "entity-2"]);
    }
}
