//! Any bytes, opened as a file named `.json` or `.txt`: parsing, validation, text
//! conversion, then the analysis the viewer runs (mention finding, timeline layout).
#![no_main]

use briefing::document::Document;
use briefing::source::article_from_file;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&selector, bytes)) = data.split_first() else {
        return;
    };
    let name = if selector % 2 == 0 { "story.json" } else { "story.txt" };
    if let Ok(opened) = article_from_file(name, bytes) {
        assert!(briefing::validate::validate(&opened.article).is_empty());
        let document = Document::new(opened.article);
        for passage in &document.passages {
            for pair in passage.mentions.windows(2) {
                assert!(pair[0].end <= pair[1].start, "mentions overlap");
            }
        }
    }
});
