//! Small text helpers shared by the pure modules and the view: what a word character is,
//! and cutting text to a length a reader can take in.

/// Letters, digits, `_`, and combining marks, which continue the letter before them.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || unicode_normalization::char::is_combining_mark(c)
}

/// The name of a character that can hide or reorder text around it (bidi controls and
/// zero-width characters), refused in ids, names, aliases, titles and links.
pub fn hiding_char_name(c: char) -> Option<&'static str> {
    Some(match c {
        '\u{061C}' => "ARABIC LETTER MARK",
        '\u{200B}' => "ZERO WIDTH SPACE",
        '\u{200C}' => "ZERO WIDTH NON-JOINER",
        '\u{200D}' => "ZERO WIDTH JOINER",
        '\u{200E}' => "LEFT-TO-RIGHT MARK",
        '\u{200F}' => "RIGHT-TO-LEFT MARK",
        '\u{202A}' => "LEFT-TO-RIGHT EMBEDDING",
        '\u{202B}' => "RIGHT-TO-LEFT EMBEDDING",
        '\u{202C}' => "POP DIRECTIONAL FORMATTING",
        '\u{202D}' => "LEFT-TO-RIGHT OVERRIDE",
        '\u{202E}' => "RIGHT-TO-LEFT OVERRIDE",
        '\u{2060}' => "WORD JOINER",
        '\u{2066}' => "LEFT-TO-RIGHT ISOLATE",
        '\u{2067}' => "RIGHT-TO-LEFT ISOLATE",
        '\u{2068}' => "FIRST STRONG ISOLATE",
        '\u{2069}' => "POP DIRECTIONAL ISOLATE",
        '\u{FEFF}' => "ZERO WIDTH NO-BREAK SPACE",
        _ => return None,
    })
}

/// True for characters that draw nothing: spaces, controls, the hiding characters, and
/// other invisible ones (soft hyphen, fillers, variation selectors, tags, blank braille).
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || hiding_char_name(c).is_some()
        || matches!(c,
            '\u{00AD}' | '\u{034F}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180E}' | '\u{2061}'..='\u{2064}' | '\u{206A}'..='\u{206F}' | '\u{2800}'
            | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FFA0}' | '\u{1D173}'..='\u{1D17A}'
            | '\u{E0000}'..='\u{E007F}' | '\u{E0100}'..='\u{E01EF}')
}

/// Text with the characters that hide or reorder it taken out, and lines that draw
/// nothing made empty: what the converter reads, so that what it makes validates.
pub fn without_hiding_chars(text: &str) -> String {
    text.split('\n')
        .map(|line| {
            if line.chars().all(is_invisible) {
                ""
            } else {
                line
            }
        })
        .flat_map(|line| {
            line.chars()
                .filter(|&c| hiding_char_name(c).is_none())
                .chain(['\n'])
        })
        .collect::<String>()
        .strip_suffix('\n')
        .map(str::to_owned)
        .unwrap_or_default()
}

/// How much of an address, a query or a file's value a message repeats: enough to
/// recognise it, not enough to let any input write the page.
pub const ECHO_CHARS: usize = 80;

/// `text` cut to at most `max_chars` characters, "…" included, at the last space
/// before the limit when there is one; text that fits is returned as it is.
pub fn shorten(text: &str, max_chars: usize) -> String {
    if text.chars().count() <= max_chars {
        return text.to_owned();
    }
    // One character is left for the "…".
    let limit = text
        .char_indices()
        .nth(max_chars.saturating_sub(1))
        .map_or(text.len(), |(i, _)| i);
    let cut = text[..limit]
        .rfind(char::is_whitespace)
        .filter(|&i| i > 0)
        .unwrap_or(limit);
    format!("{}…", text[..cut].trim_end())
}

/// A count with thousands separated by commas, as English text writes it: "1,000".
pub fn thousands(count: usize) -> String {
    let digits = count.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index) % 3 == 0 {
            out.push(',');
        }
        out.push(digit);
    }
    out
}

/// A value from outside (an address, a query, a file) as a message repeats it.
pub fn echo(value: &str) -> String {
    shorten(value, ECHO_CHARS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_text_is_kept_and_long_text_is_cut_at_a_space() {
        assert_eq!(shorten("Moscow talks", 20), "Moscow talks");
        assert_eq!(
            shorten("Moscow talks on Afghanistan", 17),
            "Moscow talks on…"
        );
        assert_eq!(shorten("Moscow talks on Afghanistan", 16), "Moscow talks…");
    }

    #[test]
    fn a_word_longer_than_the_limit_is_cut_inside_it() {
        let cut = shorten(&"x".repeat(500), ECHO_CHARS);
        assert_eq!(cut.chars().count(), ECHO_CHARS);
        assert!(cut.ends_with('…'));
    }

    #[test]
    fn hiding_characters_go_and_invisible_lines_become_empty() {
        assert_eq!(
            without_hiding_chars("Title\u{202E}\n\u{E0100}\u{200B}\nText\u{200D}s\n"),
            "Title\n\nTexts\n"
        );
        assert_eq!(without_hiding_chars("plain"), "plain");
    }

    #[test]
    fn counts_group_thousands() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(5_242_880), "5,242,880");
    }

    #[test]
    fn multi_byte_text_is_cut_at_a_character_boundary() {
        let cut = echo(&"Караčí ".repeat(40));
        assert!(
            cut.chars().count() <= ECHO_CHARS && cut.ends_with('…'),
            "{cut}"
        );
    }
}
