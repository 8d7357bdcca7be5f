//! Dated events suggested from the dates in the text.

use super::dates::find_dates;
use super::ids::Ids;
use super::text::sentences;
use super::{PartialDateMention, MAX_SUGGESTIONS};
use crate::mentions::MentionFinder;
use crate::model::{Article, Event, Lane, Provenance, ProvenanceKind, SentenceRef};
use crate::text::shorten;
use std::collections::{HashMap, HashSet};

/// Longest event label, in characters.
const LABEL_CHARS: usize = 80;

/// The sentence cut to at most [`LABEL_CHARS`] characters at a word boundary, with "…".
fn excerpt(sentence: &str) -> String {
    shorten(sentence, LABEL_CHARS)
}

/// Events for dates with a year; dates without one are reported, not dated.
pub(super) fn suggest_events(
    article: &Article,
    warnings: &mut Vec<String>,
) -> (Vec<Event>, Vec<PartialDateMention>) {
    let finder = MentionFinder::new(&article.entities);
    let mut ids = Ids::default();
    let mut seen = HashSet::new();
    let mut left_out = 0;
    let mut events: Vec<Event> = Vec::new();
    let mut partial = Vec::new();
    for (_, paragraph, text) in article.paragraphs() {
        let sentences = sentences(text);
        // Entity ids named in each sentence, by the sentence's start.
        let mut named: HashMap<usize, Vec<String>> = HashMap::new();
        for found in find_dates(text) {
            let quote = &text[found.start..found.end];
            if !found.is_real() {
                warnings.push(format!(
                    "\"{quote}\" in paragraph {paragraph} is not a real date; no event was made"
                ));
                continue;
            }
            let Some(date) = found.date() else {
                if let Some(month) = found.month {
                    partial.push(PartialDateMention {
                        text: quote.to_owned(),
                        month: month.into(),
                        day: found.day,
                        paragraph: paragraph.to_owned(),
                    });
                }
                continue;
            };
            let (start, end) = sentences[..sentences.partition_point(|&(s, _)| s <= found.start)]
                .last()
                .copied()
                .filter(|&(_, e)| found.end <= e)
                .unwrap_or((found.start, found.end));
            let sentence = &text[start..end];
            let iso = date.iso();
            // The same date twice in one sentence is one event.
            if !seen.insert((iso.clone(), paragraph, start)) {
                continue;
            }
            if events.len() == MAX_SUGGESTIONS {
                left_out += 1;
                continue;
            }
            let entities = named
                .entry(start)
                .or_insert_with(|| {
                    let mut ids: Vec<String> = Vec::new();
                    for mention in finder.find(sentence) {
                        let id = &article.entities[mention.entity].id;
                        if !ids.contains(id) {
                            ids.push(id.clone());
                        }
                    }
                    ids
                })
                .clone();
            events.push(Event {
                id: ids.unique(&format!("event-{iso}"), "event"),
                date: iso,
                precision: date.precision(),
                lane: Lane::Meeting,
                label: excerpt(sentence),
                entities,
                sentence: Some(SentenceRef {
                    paragraph: paragraph.to_owned(),
                    text: sentence.to_owned(),
                }),
                basis: Provenance {
                    kind: ProvenanceKind::Stated,
                    quote: Some(quote.to_owned()),
                    reasoning: None,
                    sources: Vec::new(),
                },
                suggested: true,
            });
        }
    }
    if left_out > 0 {
        warnings.push(format!(
            "{left_out} more dated sentences were found; only the first {MAX_SUGGESTIONS} are suggested as events"
        ));
    }
    (events, partial)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::convert;
    use crate::model::Precision;

    #[test]
    fn partial_dates_are_reported_and_get_no_event() {
        let conversion =
            convert("Title\n\nThey met on December 1 in Moscow. They met in 2021 again.");
        assert_eq!(
            conversion.partial_dates,
            [PartialDateMention {
                text: "December 1".into(),
                month: 12,
                day: Some(1),
                paragraph: "p1".into()
            }]
        );
        assert_eq!(
            conversion.partial_dates[0].to_string(),
            "December 1 (year not stated), in paragraph p1"
        );
        let events = &conversion.article.events;
        assert_eq!(events.len(), 1);
        let event = &events[0];
        assert_eq!(
            (event.date.as_str(), event.precision),
            ("2021", Precision::Year)
        );
        assert_eq!(
            event.sentence.as_ref().unwrap().text,
            "They met in 2021 again."
        );
        assert_eq!(event.basis.quote.as_deref(), Some("2021"));
        assert!(event.suggested);
    }

    #[test]
    fn events_quote_their_sentence_and_name_its_entities() {
        let text = "Title\n\nDr. Smith arrived. The talks in Moscow on February 15, 2024 went on \
                    for a long time, and many more words follow here to make a long sentence. \
                    February 30, 2024 is not a day.";
        let conversion = convert(text);
        let event = &conversion.article.events[0];
        assert_eq!(event.date, "2024-02-15");
        assert!(event
            .sentence
            .as_ref()
            .unwrap()
            .text
            .starts_with("The talks in Moscow"));
        assert!(event.label.chars().count() <= LABEL_CHARS && event.label.ends_with('…'));
        assert_eq!(event.entities, ["moscow"]);
        assert_eq!(conversion.article.events.len(), 1);
        assert!(conversion
            .warnings
            .iter()
            .any(|w| w.contains("February 30, 2024")));
    }
}
