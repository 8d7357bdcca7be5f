//! What an article's language tag says about how its text runs.

/// Primary language subtags of scripts written right to left: Arabic, Persian, Urdu,
/// Hebrew, Yiddish, Pashto, Sindhi, Uyghur, Dhivehi, Kurdish (Sorani) and Syriac.
const RIGHT_TO_LEFT: [&str; 11] = [
    "ar", "fa", "ur", "he", "yi", "ps", "sd", "ug", "dv", "ckb", "syr",
];

/// `"rtl"` for a BCP 47 tag whose language is written right to left, else `"ltr"`. A
/// script subtag decides where there is one ("az-Arab" is right to left, "ku-Latn" is not).
pub fn text_direction(language: &str) -> &'static str {
    let lower = language.trim().to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    let primary = subtags.next().unwrap_or_default();
    let script = subtags.find(|s| s.len() == 4 && s.chars().all(|c| c.is_ascii_alphabetic()));
    let rtl = match script {
        Some(script) => matches!(
            script,
            "arab" | "hebr" | "syrc" | "thaa" | "nkoo" | "adlm" | "rohg"
        ),
        None => RIGHT_TO_LEFT.contains(&primary),
    };
    if rtl {
        "rtl"
    } else {
        "ltr"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn right_to_left_languages_and_scripts() {
        for tag in ["ar", "fa-IR", "ur", "he", "HE-il", "az-Arab", "ckb"] {
            assert_eq!(text_direction(tag), "rtl", "{tag}");
        }
        for tag in ["en", "ru", "uk-UA", "ku-Latn", "sr-Cyrl", "", "x"] {
            assert_eq!(text_direction(tag), "ltr", "{tag}");
        }
    }
}
