//! Searching the article: case-insensitive matches in the text, and the entities and
//! events whose names or labels match, for the search box.

use crate::document::Document;
use crate::index::{EntityIx, EventIx, PassageIx};
use std::ops::Range;

/// One match in the text: `passage`'s text at `range`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SearchHit {
    pub passage: PassageIx,
    pub range: Range<usize>,
}

impl SearchHit {
    /// Id of the hit's element in the page, by its position among all hits.
    pub fn dom_id(index: usize) -> String {
        crate::dom_ids::search_hit(index)
    }
}

/// Hits marked in the text at most: a one-letter query in a long article would
/// otherwise put tens of thousands of marks in the page.
pub const MAX_SEARCH_HITS: usize = 1_000;

/// Everything a query matches, in reading order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchResults {
    /// The first [`MAX_SEARCH_HITS`] matches in the text.
    pub hits: Vec<SearchHit>,
    /// The text has more matches than `hits` holds.
    pub more_hits: bool,
    pub entities: Vec<EntityIx>,
    pub events: Vec<EventIx>,
}

fn fold(text: &str) -> String {
    text.chars().flat_map(char::to_lowercase).collect()
}

/// Non-overlapping, case-insensitive matches of `query` in `text`, as byte ranges of
/// `text`. Lower-casing can change lengths ("İ" becomes two characters), so matches are
/// found in the folded text and mapped back to whole characters of the original.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle = fold(query.trim());
    if needle.is_empty() {
        return Vec::new();
    }
    let mut folded = String::with_capacity(text.len());
    // For each byte of `folded`, the original character's start and end.
    let mut origin = Vec::with_capacity(text.len());
    for (start, c) in text.char_indices() {
        let end = start + c.len_utf8();
        for lower in c.to_lowercase() {
            folded.push(lower);
            origin.extend(std::iter::repeat_n((start, end), lower.len_utf8()));
        }
    }
    folded
        .match_indices(needle.as_str())
        .map(|(at, found)| origin[at].0..origin[at + found.len() - 1].1)
        .collect()
}

/// Runs a query over the whole article.
pub fn search(document: &Document, query: &str) -> SearchResults {
    if query.trim().is_empty() {
        return SearchResults::default();
    }
    let mut hits: Vec<SearchHit> = (0..document.passages.len())
        .map(PassageIx)
        .flat_map(|passage| {
            find_all(document.passage_text(passage), query)
                .into_iter()
                .map(move |range| SearchHit { passage, range })
        })
        .take(MAX_SEARCH_HITS + 1)
        .collect();
    let more_hits = hits.len() > MAX_SEARCH_HITS;
    hits.truncate(MAX_SEARCH_HITS);
    let article = &document.article;
    let entities = (0..article.entities.len())
        .filter(|&e| {
            let entity = &article.entities[e];
            std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .any(|name| !find_all(name, query).is_empty())
        })
        .map(EntityIx)
        .collect();
    let events = document
        .chronology
        .iter()
        .copied()
        .filter(|&e| !find_all(&article.events[e].label, query).is_empty())
        .collect();
    SearchResults {
        hits,
        more_hits,
        entities,
        events,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_ignore_case_and_do_not_overlap() {
        let text = "Afghanistan, AFGHANISTAN and afghan-istan; aaaa";
        assert_eq!(find_all(text, "afghanistan"), vec![0..11, 13..24]);
        assert_eq!(find_all(text, "aa"), vec![43..45, 45..47]);
        assert!(find_all(text, "  ").is_empty());
    }

    #[test]
    fn matches_map_back_to_whole_characters() {
        // "İ" lower-cases to "i̇" (two characters); "ß" stays one.
        let text = "İstanbul, Straße";
        let found = find_all(text, "i̇stanbul");
        assert_eq!(found, vec![0..9]);
        assert_eq!(&text[found[0].clone()], "İstanbul");
        assert_eq!(find_all(text, "STRASSE"), Vec::<Range<usize>>::new());
        assert_eq!(&text[find_all(text, "straße")[0].clone()], "Straße");
    }

    #[test]
    fn searching_the_article_finds_text_entities_and_events() {
        let document = Document::new(crate::builtin_article());
        let results = search(&document, "patrushev");
        assert_eq!(results.hits.len(), 3);
        let entity = document.entity_index("nikolay-patrushev").unwrap();
        assert_eq!(results.entities, vec![entity]);
        let labels: Vec<&str> = results
            .events
            .iter()
            .map(|&e| document.article.events[e].id.as_str())
            .collect();
        assert!(
            labels.contains(&"moscow-meeting") && labels.contains(&"tass-report"),
            "{labels:?}"
        );
        for hit in &results.hits {
            assert_eq!(
                document.passage_text(hit.passage)[hit.range.clone()].to_lowercase(),
                "patrushev"
            );
        }
        assert_eq!(search(&document, "  "), SearchResults::default());
        assert!(!results.more_hits);
    }

    #[test]
    fn hits_stop_at_the_cap_and_say_there_are_more() {
        let mut article = crate::builtin_article();
        if let crate::model::Block::Paragraph { text, .. } = &mut article.sections[0].blocks[0] {
            *text = "a ".repeat(MAX_SEARCH_HITS + 5);
        }
        let document = Document::new(article);
        let results = search(&document, "a");
        assert_eq!(results.hits.len(), MAX_SEARCH_HITS);
        assert!(results.more_hits);
        assert!(results.hits.iter().all(|hit| hit.passage == PassageIx(0)));
    }
}
