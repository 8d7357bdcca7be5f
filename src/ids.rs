//! The grammar of ids: every id in an article (the article's own, and each section's,
//! paragraph's, entity's and event's) is lower-case ASCII letters, digits, `-`, `.` and
//! `_`, at most [`MAX_ID_CHARS`] characters. Ids become DOM ids, storage keys, file names
//! and parts of links, and this is what is safe and short in all of them.

/// The longest id, in characters (which are bytes too, since ids are ASCII).
pub const MAX_ID_CHARS: usize = 100;

/// True when `id` is not empty, has only lower-case ASCII letters, digits, `-`, `.` and
/// `_`, and is at most [`MAX_ID_CHARS`] characters long.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= MAX_ID_CHARS && id.chars().all(is_id_char)
}

/// A character an id may have: a lower-case ASCII letter, a digit, `-`, `.` or `_`.
pub fn is_id_char(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | '-' | '.' | '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_ascii_letters_digits_and_three_marks_make_an_id() {
        for id in ["nsa-moscow-2021-12-01", "p1", "lead", "v1.2_final", "7"] {
            assert!(is_valid_id(id), "{id}");
        }
        for id in [
            "",
            "Lead",
            "two words",
            "karāchī",
            "россия",
            "a/b",
            "a#b",
            "a\u{0}",
        ] {
            assert!(!is_valid_id(id), "{id:?}");
        }
    }

    #[test]
    fn ids_are_at_most_a_hundred_characters() {
        assert!(is_valid_id(&"a".repeat(MAX_ID_CHARS)));
        assert!(!is_valid_id(&"a".repeat(MAX_ID_CHARS + 1)));
    }
}
