//! Finding where the text names each entity.
//!
//! Aliases match case-sensitively, as whole words (a word character is a Unicode
//! letter, digit, combining mark or `_`), longest alias first, with no two mentions overlapping.
//! Offsets are byte offsets into the Rust string, so slicing is always safe.

use crate::model::Entity;
use crate::text::is_word_char;
use std::collections::{BTreeMap, HashMap};

/// One place where the text names an entity: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// Index into the entity list the finder was built from.
    pub entity: usize,
}

/// Finds every alias of every entity in one pass over the text.
///
/// Aliases are indexed by their first word, so the text is scanned once, word by word,
/// and only aliases that start with the word at hand are compared. (A general
/// multi-pattern matcher such as `aho-corasick` does the same job but adds about
/// 60 KB to the WebAssembly; this index is a few hundred bytes of code.)
pub struct MentionFinder {
    /// First word of an alias (or its first character, when that is not a word
    /// character) to the aliases that start with it, as (alias, entity index).
    by_first_word: HashMap<String, Vec<(String, usize)>>,
    /// Aliases that start with a character that is not a word character.
    by_first_symbol: HashMap<char, Vec<(String, usize)>>,
}

/// Length in bytes of the run of word characters at the start of `text`.
fn word_len(text: &str) -> usize {
    text.char_indices()
        .find(|&(_, c)| !is_word_char(c))
        .map_or(text.len(), |(i, _)| i)
}

impl MentionFinder {
    pub fn new(entities: &[Entity]) -> Self {
        let mut by_first_word: HashMap<String, Vec<(String, usize)>> = HashMap::new();
        let mut by_first_symbol: HashMap<char, Vec<(String, usize)>> = HashMap::new();
        for (index, entity) in entities.iter().enumerate() {
            for alias in entity
                .aliases
                .iter()
                .filter(|alias| !alias.trim().is_empty())
            {
                let first_word = &alias[..word_len(alias)];
                let entry = (alias.clone(), index);
                match alias.chars().next() {
                    Some(symbol) if first_word.is_empty() => {
                        by_first_symbol.entry(symbol).or_default().push(entry)
                    }
                    _ => by_first_word
                        .entry(first_word.to_owned())
                        .or_default()
                        .push(entry),
                }
            }
        }
        MentionFinder {
            by_first_word,
            by_first_symbol,
        }
    }

    /// All mentions in `text`, in reading order.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut candidates = Vec::new();
        let mut push_matches = |start: usize, aliases: &[(String, usize)]| {
            for (alias, entity) in aliases {
                let end = start + alias.len();
                if text[start..].starts_with(alias.as_str()) && is_whole_word(text, start, end) {
                    candidates.push(Mention {
                        start,
                        end,
                        entity: *entity,
                    });
                }
            }
        };
        let mut previous_is_word = false;
        for (start, c) in text.char_indices() {
            let is_word = is_word_char(c);
            if is_word && !previous_is_word {
                let word = &text[start..start + word_len(&text[start..])];
                if let Some(aliases) = self.by_first_word.get(word) {
                    push_matches(start, aliases);
                }
            } else if !is_word {
                if let Some(aliases) = self.by_first_symbol.get(&c) {
                    push_matches(start, aliases);
                }
            }
            previous_is_word = is_word;
        }
        // Longest first; among equals, the earlier one.
        candidates.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));

        // Claimed spans keyed by start; each new mention must not overlap a neighbour.
        let mut claimed: BTreeMap<usize, Mention> = BTreeMap::new();
        for candidate in candidates {
            let overlaps_before = claimed
                .range(..candidate.end)
                .next_back()
                .is_some_and(|(_, m)| m.end > candidate.start);
            if !overlaps_before {
                claimed.insert(candidate.start, candidate);
            }
        }
        claimed.into_values().collect()
    }
}

/// True when `text[start..end]` is not part of a longer word on either side.
fn is_whole_word(text: &str, start: usize, end: usize) -> bool {
    let found = &text[start..end];
    let starts_with_word = found.chars().next().is_some_and(is_word_char);
    let ends_with_word = found.chars().next_back().is_some_and(is_word_char);
    let before_ok =
        !starts_with_word || !text[..start].chars().next_back().is_some_and(is_word_char);
    let after_ok = !ends_with_word || !text[end..].chars().next().is_some_and(is_word_char);
    before_ok && after_ok
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityKind;

    fn entity(id: &str, aliases: &[&str]) -> Entity {
        Entity {
            id: id.to_owned(),
            name: aliases[0].to_owned(),
            kind: EntityKind::Place,
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            description: String::new(),
            same_as: None,
            suggested: false,
            suggested_because: None,
        }
    }

    fn found<'t>(text: &'t str, entities: &[Entity]) -> Vec<(&'t str, usize)> {
        MentionFinder::new(entities)
            .find(text)
            .into_iter()
            .map(|m| (&text[m.start..m.end], m.entity))
            .collect()
    }

    #[test]
    fn matches_whole_words_only() {
        let entities = [entity("russia", &["Russia"])];
        assert_eq!(
            found(
                "Russia-Pakistan ties; a Russian view; Russias; (Russia).",
                &entities
            ),
            vec![("Russia", 0), ("Russia", 0)]
        );
    }

    #[test]
    fn longest_alias_wins_and_nothing_overlaps() {
        let entities = [
            entity("council", &["Russian Security Council"]),
            entity(
                "patrushev",
                &["Russian Security Council Chief", "Patrushev"],
            ),
        ];
        assert_eq!(
            found(
                "the Russian Security Council Chief, Patrushev, said",
                &entities
            ),
            vec![("Russian Security Council Chief", 1), ("Patrushev", 1)]
        );
    }

    #[test]
    fn longer_alias_claims_text_before_an_earlier_shorter_one() {
        let entities = [
            entity("a", &["New York"]),
            entity("b", &["York Times"]),
            entity("c", &["The York Times Co"]),
        ];
        assert_eq!(
            found("New York Times Co", &entities),
            vec![("York Times", 1)]
        );
        assert_eq!(
            found("The York Times Co", &entities),
            vec![("The York Times Co", 2)]
        );
    }

    #[test]
    fn is_case_sensitive() {
        let entities = [entity("energy", &["energy"])];
        assert_eq!(found("Energy and energy.", &entities), vec![("energy", 0)]);
    }

    #[test]
    fn handles_non_ascii_text_and_boundaries() {
        let entities = [
            entity("karachi", &["Karāchī"]),
            entity("rights", &["women’s rights"]),
        ];
        assert_eq!(
            found("In Karāchī, women’s rights; Karāchīs; éKarāchī.", &entities),
            vec![("Karāchī", 0), ("women’s rights", 1)]
        );
        // A letter with a combining accent continues the word.
        let entities = [entity("cafe", &["cafe"])];
        assert_eq!(found("cafe\u{301} cafe", &entities).len(), 1);
    }

    #[test]
    fn aliases_may_start_or_end_with_symbols() {
        let entities = [
            entity("quote", &["“productive and successful,”"]),
            entity("cpp", &["C++"]),
        ];
        assert_eq!(
            found(
                "calling them “productive and successful,” in C++.",
                &entities
            ),
            vec![("“productive and successful,”", 0), ("C++", 1)]
        );
    }

    #[test]
    fn a_word_inside_a_longer_word_run_is_not_a_start() {
        let entities = [
            entity("nsa", &["NSA"]),
            entity("level", &["NSA level meeting"]),
        ];
        assert_eq!(
            found("xNSA; the NSA level meeting", &entities),
            vec![("NSA level meeting", 1)]
        );
    }

    #[test]
    fn empty_aliases_and_no_entities_find_nothing() {
        assert!(found("anything", &[]).is_empty());
        assert!(found("anything", &[entity("x", &["", "  "])]).is_empty());
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn never_panics_and_mentions_are_ordered_disjoint_words(
            text in "\\PC{0,200}",
            aliases in proptest::collection::vec("\\PC{1,8}", 0..6),
        ) {
            let entities: Vec<Entity> = aliases.iter().map(|a| entity("e", &[a.as_str()])).collect();
            let mentions = MentionFinder::new(&entities).find(&text);
            for pair in mentions.windows(2) {
                proptest::prop_assert!(pair[0].end <= pair[1].start);
            }
            for m in &mentions {
                proptest::prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                proptest::prop_assert!(entities[m.entity].aliases.iter().any(|a| a == &text[m.start..m.end]));
            }
        }
    }
}
