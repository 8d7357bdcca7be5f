//! Small text helpers shared by the pure modules and the view: what a word character is,
//! and cutting text to a length a reader can take in.

/// Letters, digits, `_`, and combining marks, which continue the letter before them.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || is_combining_mark(c)
}

/// True for combining marks (general category M: Mn, Mc, Me), as the
/// `unicode-normalization` crate's `is_combining_mark` answers; a test checks every
/// character against it. A range table of 1.3 kB, where the crate's hash tables take
/// about 15 kB: the crate stays out of the WebAssembly modules.
pub fn is_combining_mark(c: char) -> bool {
    let c = u32::from(c);
    if c < 0x300 {
        return false;
    }
    // The last range that starts at or before `c`.
    let after = MARKS.partition_point(|&range| range >> 8 <= c);
    after > 0 && c - (MARKS[after - 1] >> 8) <= MARKS[after - 1] & 0xFF
}

/// The ranges of combining marks, each its first code point shifted left by 8 and the
/// number of code points after the first (less than 256). Made by the test
/// `the_marks_are_those_of_unicode_normalization`, which prints the table when it differs.
#[rustfmt::skip]
const MARKS: [u32; 333] = [
    0x03006F, 0x048306, 0x05912C, 0x05BF00, 0x05C101, 0x05C401, 0x05C702, 0x06100A, 0x064B14,
    0x067000, 0x06D606, 0x06DF05, 0x06E701, 0x06EA03, 0x071100, 0x07301A, 0x07A60A, 0x07EB08,
    0x07FD00, 0x081603, 0x081B08, 0x082502, 0x082904, 0x085902, 0x089708, 0x08CA17, 0x08E320,
    0x093A02, 0x093E11, 0x095106, 0x096201, 0x098102, 0x09BC00, 0x09BE06, 0x09C701, 0x09CB02,
    0x09D700, 0x09E201, 0x09FE00, 0x0A0102, 0x0A3C00, 0x0A3E04, 0x0A4701, 0x0A4B02, 0x0A5100,
    0x0A7001, 0x0A7500, 0x0A8102, 0x0ABC00, 0x0ABE07, 0x0AC702, 0x0ACB02, 0x0AE201, 0x0AFA05,
    0x0B0102, 0x0B3C00, 0x0B3E06, 0x0B4701, 0x0B4B02, 0x0B5304, 0x0B6201, 0x0B8200, 0x0BBE04,
    0x0BC602, 0x0BCA03, 0x0BD700, 0x0C0004, 0x0C3C00, 0x0C3E06, 0x0C4602, 0x0C4A03, 0x0C5501,
    0x0C6201, 0x0C8102, 0x0CBC00, 0x0CBE06, 0x0CC602, 0x0CCA03, 0x0CD501, 0x0CE201, 0x0CF300,
    0x0D0003, 0x0D3B01, 0x0D3E06, 0x0D4602, 0x0D4A03, 0x0D5700, 0x0D6201, 0x0D8102, 0x0DCA00,
    0x0DCF05, 0x0DD600, 0x0DD807, 0x0DF201, 0x0E3100, 0x0E3406, 0x0E4707, 0x0EB100, 0x0EB408,
    0x0EC806, 0x0F1801, 0x0F3500, 0x0F3700, 0x0F3900, 0x0F3E01, 0x0F7113, 0x0F8601, 0x0F8D0A,
    0x0F9923, 0x0FC600, 0x102B13, 0x105603, 0x105E02, 0x106202, 0x106706, 0x107103, 0x10820B,
    0x108F00, 0x109A03, 0x135D02, 0x171203, 0x173202, 0x175201, 0x177201, 0x17B41F, 0x17DD00,
    0x180B02, 0x180F00, 0x188501, 0x18A900, 0x19200B, 0x19300B, 0x1A1704, 0x1A5509, 0x1A601C,
    0x1A7F00, 0x1AB040, 0x1B0004, 0x1B3410, 0x1B6B08, 0x1B8002, 0x1BA10C, 0x1BE60D, 0x1C2413,
    0x1CD002, 0x1CD414, 0x1CED00, 0x1CF400, 0x1CF702, 0x1DC03F, 0x20D020, 0x2CEF02, 0x2D7F00,
    0x2DE01F, 0x302A05, 0x309901, 0xA66F03, 0xA67409, 0xA69E01, 0xA6F001, 0xA80200, 0xA80600,
    0xA80B00, 0xA82304, 0xA82C00, 0xA88001, 0xA8B411, 0xA8E011, 0xA8FF00, 0xA92607, 0xA9470C,
    0xA98003, 0xA9B30D, 0xA9E500, 0xAA290D, 0xAA4300, 0xAA4C01, 0xAA7B02, 0xAAB000, 0xAAB202,
    0xAAB701, 0xAABE01, 0xAAC100, 0xAAEB04, 0xAAF501, 0xABE307, 0xABEC01, 0xFB1E00, 0xFE000F,
    0xFE200F, 0x101FD00, 0x102E000, 0x1037604, 0x10A0102, 0x10A0501, 0x10A0C03, 0x10A3802,
    0x10A3F00, 0x10AE501, 0x10D2403, 0x10D6904, 0x10EAB01, 0x10ECB04, 0x10EF00F, 0x10F460A,
    0x10F8203, 0x1100002, 0x110380E, 0x1107000, 0x1107301, 0x1107F03, 0x110B00A, 0x110C200,
    0x1110002, 0x111270D, 0x1114501, 0x1117300, 0x1118002, 0x111B30D, 0x111C903, 0x111CE01,
    0x1122C0B, 0x1123E00, 0x1124100, 0x112DF0B, 0x1130003, 0x1133B01, 0x1133E06, 0x1134701,
    0x1134B02, 0x1135700, 0x1136201, 0x1136606, 0x1137004, 0x113B808, 0x113C200, 0x113C500,
    0x113C703, 0x113CC04, 0x113D200, 0x113E101, 0x1143511, 0x1145E00, 0x114B013, 0x115AF06,
    0x115B808, 0x115DC01, 0x1163010, 0x116AB0C, 0x1171D0E, 0x1182C0E, 0x1193005, 0x1193701,
    0x1193B03, 0x1194000, 0x1194201, 0x119D106, 0x119DA06, 0x119E400, 0x11A0109, 0x11A3306,
    0x11A3B03, 0x11A4700, 0x11A510A, 0x11A8A0F, 0x11B6007, 0x11C2F07, 0x11C3807, 0x11C9215,
    0x11CA90D, 0x11D3105, 0x11D3A00, 0x11D3C01, 0x11D3F06, 0x11D4700, 0x11D8A04, 0x11D9001,
    0x11D9304, 0x11DF000, 0x11EF303, 0x11F0001, 0x11F0300, 0x11F3406, 0x11F3E04, 0x11F5A00,
    0x1344000, 0x134470E, 0x1611E11, 0x16AF004, 0x16B3006, 0x16F4F00, 0x16F5136, 0x16F8F03,
    0x16FE400, 0x16FF001, 0x1BC9D01, 0x1CF002D, 0x1CF3016, 0x1D12701, 0x1D16504, 0x1D16D05,
    0x1D17B07, 0x1D18506, 0x1D1AA03, 0x1D24202, 0x1D25002, 0x1D25B01, 0x1D25F00, 0x1D28001,
    0x1DA0036, 0x1DA3B31, 0x1DA7500, 0x1DA8400, 0x1DA9B04, 0x1DAA10E, 0x1E00006, 0x1E00810,
    0x1E01B06, 0x1E02301, 0x1E02604, 0x1E08F00, 0x1E13006, 0x1E2AE00, 0x1E2EC03, 0x1E4EC03,
    0x1E5EE01, 0x1E6E300, 0x1E6E600, 0x1E6EE01, 0x1E6F500, 0x1E8D006, 0x1E94406, 0xE0100EF,
];

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
    fn the_marks_are_those_of_unicode_normalization() {
        let mut ranges: Vec<(u32, u32)> = Vec::new();
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            if unicode_normalization::char::is_combining_mark(c) {
                match ranges.last_mut() {
                    Some((_, end)) if *end + 1 == u32::from(c) => *end += 1,
                    _ => ranges.push((u32::from(c), u32::from(c))),
                }
            }
        }
        let table: Vec<u32> = ranges.iter().map(|&(s, e)| s << 8 | (e - s)).collect();
        let listed: Vec<String> = table.iter().map(|r| format!("0x{r:06X}")).collect();
        assert!(
            table == MARKS && ranges.iter().all(|&(s, e)| e - s < 256 && s >= 0x300),
            "MARKS should be [{}]",
            listed.join(", ")
        );
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(
                is_combining_mark(c),
                unicode_normalization::char::is_combining_mark(c),
                "{c:?}"
            );
        }
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
