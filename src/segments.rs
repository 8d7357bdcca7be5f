//! Cutting a passage into runs for rendering: plain text, mentions, search hits and
//! the stretch that is the chosen event's sentence, so that marks nest without
//! overlapping.

use crate::mentions::Mention;
use std::ops::Range;

/// A run of a passage's text with one rendering.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    /// Byte range in the passage text.
    pub range: Range<usize>,
    /// Index into the passage's mentions, when the run is (part of) a mention.
    pub mention: Option<usize>,
    /// The run lies inside the highlighted sentence.
    pub in_sentence: bool,
    /// First run of its mention (where its element id goes when split by the sentence).
    pub mention_start: bool,
    /// The search hit the run is (part of), by the hit's index among all hits.
    pub search_hit: Option<usize>,
    /// First run of its search hit.
    pub hit_start: bool,
}

/// Splits `0..len` at every mention edge, search hit edge and at the sentence's edges.
/// `mentions` must be sorted and disjoint, as [`crate::mentions::MentionFinder`] gives them;
/// so must `hits` (ranges with their global hit index), as [`crate::search`] gives them.
pub fn pieces(
    len: usize,
    mentions: &[Mention],
    sentence: Option<Range<usize>>,
    hits: &[(Range<usize>, usize)],
) -> Vec<Piece> {
    let sentence = sentence.filter(|s| s.start < s.end && s.end <= len);
    let mut cuts = vec![0, len];
    for mention in mentions {
        cuts.push(mention.start);
        cuts.push(mention.end);
    }
    if let Some(s) = &sentence {
        cuts.push(s.start);
        cuts.push(s.end);
    }
    for (hit, _) in hits {
        cuts.push(hit.start);
        cuts.push(hit.end);
    }
    cuts.retain(|&cut| cut <= len);
    cuts.sort_unstable();
    cuts.dedup();

    let mut result = Vec::new();
    let mut mention_index = 0;
    // Both lists are sorted and disjoint, so one cursor each keeps this linear.
    let mut hit_index = 0;
    for window in cuts.windows(2) {
        let range = window[0]..window[1];
        while mention_index < mentions.len() && mentions[mention_index].end <= range.start {
            mention_index += 1;
        }
        let mention = mentions
            .get(mention_index)
            .filter(|m| m.start <= range.start && range.end <= m.end)
            .map(|_| mention_index);
        let in_sentence = sentence
            .as_ref()
            .is_some_and(|s| s.start <= range.start && range.end <= s.end);
        let mention_start = mention.is_some_and(|i| mentions[i].start == range.start);
        while hit_index < hits.len() && hits[hit_index].0.end <= range.start {
            hit_index += 1;
        }
        let hit = hits
            .get(hit_index)
            .filter(|(hit, _)| hit.start <= range.start && range.end <= hit.end);
        result.push(Piece {
            search_hit: hit.map(|(_, index)| *index),
            hit_start: hit.is_some_and(|(hit, _)| hit.start == range.start),
            range,
            mention,
            in_sentence,
            mention_start,
        });
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(start: usize, end: usize) -> Mention {
        Mention {
            start,
            end,
            entity: 0,
        }
    }

    #[test]
    fn plain_text_is_one_piece() {
        assert_eq!(
            pieces(5, &[], None, &[]),
            vec![Piece {
                range: 0..5,
                mention: None,
                in_sentence: false,
                mention_start: false,
                search_hit: None,
                hit_start: false,
            }]
        );
        assert!(pieces(0, &[], None, &[]).is_empty());
    }

    #[test]
    fn mentions_and_sentence_cut_the_text() {
        // "ab CD ef. GH ij" with mentions CD (3..5) and GH (10..12), sentence 0..9.
        let got = pieces(15, &[mention(3, 5), mention(10, 12)], Some(0..9), &[]);
        let summary: Vec<(Range<usize>, Option<usize>, bool)> = got
            .into_iter()
            .map(|p| (p.range, p.mention, p.in_sentence))
            .collect();
        assert_eq!(
            summary,
            vec![
                (0..3, None, true),
                (3..5, Some(0), true),
                (5..9, None, true),
                (9..10, None, false),
                (10..12, Some(1), false),
                (12..15, None, false),
            ]
        );
    }

    #[test]
    fn a_mention_crossing_the_sentence_edge_is_split_and_starts_once() {
        let got = pieces(10, &[mention(2, 6)], Some(4..10), &[]);
        let starts: Vec<bool> = got
            .iter()
            .filter(|p| p.mention == Some(0))
            .map(|p| p.mention_start)
            .collect();
        assert_eq!(starts, [true, false]);
    }

    #[test]
    fn search_hits_cut_across_mentions() {
        // Hit 7 covers "b CD" (2..5), overlapping mention CD (3..5) from outside.
        let got = pieces(8, &[mention(3, 5)], None, &[(2..5, 7)]);
        let hits: Vec<(Option<usize>, bool)> =
            got.iter().map(|p| (p.search_hit, p.hit_start)).collect();
        assert_eq!(
            hits,
            [
                (None, false),
                (Some(7), true),
                (Some(7), false),
                (None, false)
            ]
        );
        let ranges: Vec<Range<usize>> = got.iter().map(|p| p.range.clone()).collect();
        assert_eq!(ranges, [0..2, 2..3, 3..5, 5..8]);
        assert_eq!(got[2].mention, Some(0));
    }

    #[test]
    fn an_out_of_range_sentence_is_ignored() {
        assert!(pieces(5, &[], Some(3..9), &[])
            .iter()
            .all(|p| !p.in_sentence));
    }
}
