//! Any aliases for any entities, and any text: the mentions found are in order, do not
//! overlap, are exactly an alias of their entity, and are whole words. The finder must
//! be linear: run with `-timeout=1` so that an input which makes it slow is reported.
#![no_main]

use briefing::mentions::MentionFinder;
use briefing::model::{Entity, EntityKind};
use briefing::text::is_word_char;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (Vec<Vec<String>>, String)| {
    let (alias_lists, text) = input;
    let entities: Vec<Entity> = alias_lists
        .into_iter()
        .map(|aliases| Entity {
            id: "e".into(),
            name: "E".into(),
            kind: EntityKind::Topic,
            aliases,
            description: String::new(),
            same_as: None,
            suggested: false,
        })
        .collect();
    let mentions = MentionFinder::new(&entities).find(&text);
    for pair in mentions.windows(2) {
        assert!(pair[0].end <= pair[1].start, "mentions overlap or are out of order");
    }
    for mention in &mentions {
        let found = &text[mention.start..mention.end];
        assert!(
            entities[mention.entity].aliases.iter().any(|alias| alias == found),
            "{found:?} is not an alias of its entity"
        );
        let before = text[..mention.start].chars().next_back();
        let after = text[mention.end..].chars().next();
        let starts_word = found.chars().next().is_some_and(is_word_char);
        let ends_word = found.chars().next_back().is_some_and(is_word_char);
        assert!(!(starts_word && before.is_some_and(is_word_char)), "{found:?} starts inside a word");
        assert!(!(ends_word && after.is_some_and(is_word_char)), "{found:?} ends inside a word");
    }
});
