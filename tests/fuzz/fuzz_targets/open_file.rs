//! Any bytes, opened as a file named `.json` or `.txt`: parsing, validation, text
//! conversion, then the analysis the viewer runs (mention finding, timeline layout).
//! The converter must never make an article that does not validate.
#![no_main]

use briefing::convert::{convert_text, ConvertError, ConvertOptions};
use briefing::document::Document;
use briefing::source::{article_from_file, OpenError};
use briefing::validate::{describe_problems, validate};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = if selector % 2 == 0 { "story.json" } else { "story.txt" };
    match article_from_file(name, bytes) {
        Ok(opened) => {
            let problems = validate(&opened.article);
            assert!(problems.is_empty(), "{}", describe_problems(&problems));
            let document = Document::new(opened.article);
            for passage in &document.passages {
                for pair in passage.mentions.windows(2) {
                    assert!(pair[0].end <= pair[1].start, "mentions overlap");
                }
            }
        }
        // The message does not say which refusal it was: ask the converter again, with
        // the id the file's name gives, whether it made an article that does not validate.
        Err(OpenError::Convert(_)) => {
            let text = std::str::from_utf8(bytes).expect("only text is converted");
            let options = ConvertOptions {
                id: Some("story".to_owned()),
                assume_english: true,
                ..ConvertOptions::default()
            };
            let result = convert_text(text.trim_start_matches('\u{feff}'), &options);
            if let Err(error @ ConvertError::Invalid(_)) = result {
                panic!("{error}");
            }
        }
        Err(_) => {}
    }
});
