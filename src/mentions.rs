//! Finding where the text names each entity.
//!
//! Aliases match case-sensitively, as whole words (a word character is a Unicode
//! letter, digit, combining mark or `_`). At each place the longest alias that matches
//! is kept; where kept matches overlap, the longer wins, then the earlier, so no two
//! mentions overlap. Offsets are byte offsets into the Rust string, so slicing is always safe.
//!
//! The work is linear in the text and in the aliases, however the aliases overlap: an
//! article whose aliases are "a", "a a", "a a a"... must not make the finder compare
//! every alias at every word.

use crate::model::Entity;
use crate::text::is_word_char;
use std::collections::HashMap;

/// One place where the text names an entity: `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    /// Index into the entity list the finder was built from.
    pub entity: usize,
}

/// The longest alias that a state of the automaton ends with.
#[derive(Clone, Copy, Debug)]
struct AliasEnd {
    /// Length of the alias in bytes; the text it matches is exactly the alias.
    len: usize,
    entity: usize,
}

/// Finds every alias of every entity in one pass over the text.
///
/// Text and aliases are cut into tokens (a run of word characters, or one other
/// character), so matching token by token is matching whole words. The aliases, reversed,
/// form an Aho–Corasick automaton over tokens that reads the text backwards: after reading
/// the token at a place, its state names the longest alias that starts there. (The
/// `aho-corasick` crate matches bytes and adds about 60 KB to the WebAssembly; this is a
/// few hundred bytes of code.)
pub struct MentionFinder {
    /// Each distinct token of the aliases longer than one byte, numbered.
    token_ids: HashMap<String, u32>,
    /// The numbers of one-byte tokens (spaces, ASCII punctuation and one-letter words),
    /// by byte, [`NO_TOKEN`] for none: most tokens of a text, found without hashing.
    byte_tokens: [u32; 128],
    /// Moves of the automaton, state by state: `moves[move_start[s]..move_start[s + 1]]`
    /// are (token, next state) from state `s`, sorted by token. State 0 reads nothing.
    moves: Vec<(u32, u32)>,
    move_start: Vec<u32>,
    /// Per state: the longest proper suffix of its tokens that is also a state, where
    /// reading continues when a token has no move.
    fallback: Vec<u32>,
    /// Per state: the longest alias that its tokens end with, if any.
    longest: Vec<Option<AliasEnd>>,
}

/// In [`MentionFinder::byte_tokens`], a byte that no alias has as a token.
const NO_TOKEN: u32 = u32::MAX;

/// Byte ranges of the tokens of `text`, last first.
fn tokens_backwards(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().rev().peekable();
    std::iter::from_fn(move || {
        let (start, c) = chars.next()?;
        let end = start + c.len_utf8();
        if !is_word_char(c) {
            return Some((start, end));
        }
        let mut first = start;
        while let Some(&(before, c)) = chars.peek() {
            if !is_word_char(c) {
                break;
            }
            first = before;
            chars.next();
        }
        Some((first, end))
    })
}

impl MentionFinder {
    pub fn new(entities: &[Entity]) -> Self {
        let mut token_ids: HashMap<String, u32> = HashMap::new();
        let mut byte_tokens = [NO_TOKEN; 128];
        let mut token_count = 0;
        // Moves while the automaton is made; sorted into `moves` once it is.
        let mut move_map: HashMap<(u32, u32), u32> = HashMap::new();
        // Per state, as it is made: the state it was reached from, by which token, how deep.
        let mut parent: Vec<(u32, u32)> = vec![(0, 0)];
        let mut depth: Vec<usize> = vec![0];
        let mut alias_end: Vec<Option<AliasEnd>> = vec![None];
        for (entity, aliases) in entities.iter().enumerate() {
            for alias in aliases.aliases.iter().filter(|a| !a.trim().is_empty()) {
                let mut state = 0u32;
                for (start, end) in tokens_backwards(alias) {
                    let piece = &alias[start..end];
                    let known = match piece.as_bytes() {
                        &[byte] => &mut byte_tokens[usize::from(byte)],
                        _ => {
                            if !token_ids.contains_key(piece) {
                                token_ids.insert(piece.to_owned(), NO_TOKEN);
                            }
                            token_ids.get_mut(piece).expect("inserted if missing")
                        }
                    };
                    if *known == NO_TOKEN {
                        *known = token_count;
                        token_count += 1;
                    }
                    let token = *known;
                    state = *move_map.entry((state, token)).or_insert_with(|| {
                        parent.push((state, token));
                        depth.push(depth[state as usize] + 1);
                        alias_end.push(None);
                        (parent.len() - 1) as u32
                    });
                }
                // The same alias for two entities names the first.
                alias_end[state as usize].get_or_insert(AliasEnd {
                    len: alias.len(),
                    entity,
                });
            }
        }

        let mut sorted: Vec<(u32, u32, u32)> = move_map
            .into_iter()
            .map(|((state, token), next)| (state, token, next))
            .collect();
        sorted.sort_unstable();
        let mut move_start = vec![0u32; parent.len() + 1];
        for &(state, _, _) in &sorted {
            move_start[state as usize + 1] += 1;
        }
        for state in 0..parent.len() {
            move_start[state + 1] += move_start[state];
        }
        let mut finder = MentionFinder {
            token_ids,
            byte_tokens,
            moves: sorted
                .into_iter()
                .map(|(_, token, next)| (token, next))
                .collect(),
            move_start,
            fallback: vec![0; parent.len()],
            longest: alias_end,
        };

        // Breadth first, so a state's fallback (shallower) is settled before it.
        let mut by_depth: Vec<u32> = (1..parent.len() as u32).collect();
        by_depth.sort_by_key(|&state| depth[state as usize]);
        for state in by_depth {
            let (from, token) = parent[state as usize];
            let fallback = if from == 0 {
                0
            } else {
                finder.step(finder.fallback[from as usize], token)
            };
            finder.fallback[state as usize] = fallback;
            if finder.longest[state as usize].is_none() {
                finder.longest[state as usize] = finder.longest[fallback as usize];
            }
        }
        finder
    }

    /// The move from `state` on `token`, if there is one.
    fn next(&self, state: u32, token: u32) -> Option<u32> {
        let state = state as usize;
        let moves =
            &self.moves[self.move_start[state] as usize..self.move_start[state + 1] as usize];
        moves
            .binary_search_by_key(&token, |&(token, _)| token)
            .ok()
            .map(|index| moves[index].1)
    }

    /// The state after reading `token` in `state`.
    fn step(&self, mut state: u32, token: u32) -> u32 {
        loop {
            if let Some(next) = self.next(state, token) {
                return next;
            }
            if state == 0 {
                return 0;
            }
            state = self.fallback[state as usize];
        }
    }

    /// The number of a token of the text, if an alias has it.
    fn token(&self, piece: &str) -> Option<u32> {
        let token = match piece.as_bytes() {
            &[byte] => *self.byte_tokens.get(usize::from(byte))?,
            _ => *self.token_ids.get(piece)?,
        };
        (token != NO_TOKEN).then_some(token)
    }

    /// All mentions in `text`, in reading order.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        // The longest alias starting at each token, found reading backwards.
        let mut candidates = Vec::new();
        let mut state = 0;
        for (start, end) in tokens_backwards(text) {
            state = match self.token(&text[start..end]) {
                Some(token) => self.step(state, token),
                None => 0,
            };
            if let Some(alias) = self.longest[state as usize] {
                candidates.push(Mention {
                    start,
                    end: start + alias.len,
                    entity: alias.entity,
                });
            }
        }
        if candidates.is_empty() {
            return candidates;
        }
        candidates.reverse();

        // Longest first; among equals, the earlier one (the sort is stable). Every span
        // claimed before a candidate is at least as long, so if one overlaps the candidate
        // it covers the candidate's first or last byte: two lookups, not a search.
        let mut order: Vec<usize> = (0..candidates.len()).collect();
        order.sort_by_key(|&i| std::cmp::Reverse(candidates[i].end - candidates[i].start));
        let mut claimed = vec![false; text.len()];
        let mut kept = vec![false; candidates.len()];
        for i in order {
            let Mention { start, end, .. } = candidates[i];
            if !claimed[start] && !claimed[end - 1] {
                claimed[start..end].fill(true);
                kept[i] = true;
            }
        }
        candidates
            .into_iter()
            .zip(kept)
            .filter_map(|(mention, kept)| kept.then_some(mention))
            .collect()
    }
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
    fn at_one_place_only_the_longest_alias_counts() {
        // "A B C" is the longest alias at 0 and loses to the longer "B C D E"; the shorter
        // "A" at the same place is not tried instead (which keeps the work linear).
        let entities = [entity("a", &["A", "A B C"]), entity("b", &["B C D E"])];
        assert_eq!(found("A B C D E", &entities), vec![("B C D E", 1)]);
        // The same alias for two entities names the first.
        let entities = [entity("a", &["Kabul"]), entity("b", &["Kabul"])];
        assert_eq!(found("in Kabul", &entities), vec![("Kabul", 0)]);
    }

    #[test]
    fn overlapping_aliases_take_linear_work() {
        // 2,100 aliases that all start with the same words, 100 of them matching at every
        // word: comparing each alias at each word (as the finder once did) takes minutes
        // here and holds millions of candidates.
        let words = |n: usize| vec!["a"; n].join(" ");
        let mut entities = vec![entity("a", &["a"])];
        entities[0].aliases = (1..=100).map(words).collect();
        for k in 0..20 {
            entities.push(entity("b", &["b"]));
            entities[k + 1].aliases = (1..=100).map(|n| format!("{} b{k}", words(n))).collect();
        }
        let text = "a ".repeat(50_000);
        let started = std::time::Instant::now();
        let mentions = MentionFinder::new(&entities).find(&text);
        let seconds = started.elapsed().as_secs_f64();
        // 50,000 words in runs of the longest alias, 100 words each.
        assert_eq!(mentions.len(), 500);
        assert!(mentions
            .iter()
            .all(|m| m.end - m.start == 199 && m.entity == 0));
        // A generous bound for a debug build on a busy machine; the old way took minutes.
        assert!(seconds < 5.0, "took {seconds} s");
    }

    #[test]
    fn empty_aliases_and_no_entities_find_nothing() {
        assert!(found("anything", &[]).is_empty());
        assert!(found("anything", &[entity("x", &["", "  "])]).is_empty());
    }

    /// The rule written plainly, comparing every alias at every place: at each place the
    /// longest whole-word match (the first entity among equals), then longest first,
    /// earliest first, no overlaps.
    fn found_plainly(text: &str, entities: &[Entity]) -> Vec<Mention> {
        let word_before = |at: usize| text[..at].chars().next_back().is_some_and(is_word_char);
        let word_after = |at: usize| text[at..].chars().next().is_some_and(is_word_char);
        let mut candidates: Vec<Mention> = Vec::new();
        for (start, _) in text.char_indices() {
            let mut best: Option<Mention> = None;
            for (index, entity) in entities.iter().enumerate() {
                for alias in entity.aliases.iter().filter(|a| !a.trim().is_empty()) {
                    let end = start + alias.len();
                    let whole = text[start..].starts_with(alias.as_str())
                        && !(alias.starts_with(is_word_char) && word_before(start))
                        && !(alias.ends_with(is_word_char) && word_after(end));
                    if whole && best.is_none_or(|b| end > b.end) {
                        best = Some(Mention {
                            start,
                            end,
                            entity: index,
                        });
                    }
                }
            }
            candidates.extend(best);
        }
        let mut by_length = candidates.clone();
        by_length.sort_by_key(|m| (std::cmp::Reverse(m.end - m.start), m.start));
        let mut kept: Vec<Mention> = Vec::new();
        for m in by_length {
            if kept.iter().all(|k| k.end <= m.start || m.end <= k.start) {
                kept.push(m);
            }
        }
        kept.sort_by_key(|m| m.start);
        kept
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn finds_what_the_plain_rule_finds(
            text in "[ab .+é]{0,80}",
            aliases in proptest::collection::vec(proptest::collection::vec("[ab .+é]{1,7}", 1..4), 0..6),
        ) {
            let entities: Vec<Entity> = aliases
                .iter()
                .map(|list| {
                    let list: Vec<&str> = list.iter().map(String::as_str).collect();
                    entity("e", &list)
                })
                .collect();
            proptest::prop_assert_eq!(
                MentionFinder::new(&entities).find(&text),
                found_plainly(&text, &entities)
            );
        }

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
