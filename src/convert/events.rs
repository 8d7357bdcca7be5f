//! Dated events suggested from the dates in the text.
//!
//! A date with its year is *stated*. With a stated publication date, a relative date
//! ("on Wednesday", "yesterday", "last week", "this month") and a date without a year
//! ("on June 25") are resolved against it and *inferred*, with their reasoning. Without
//! one, nothing anchors them: dates without a year are reported as partial, relative ones
//! in a warning, and neither gets an event, so no year is ever invented.
//!
//! Lanes: the converter declares two ([`lanes`]). An event is reported in the story
//! ([`REPORTED`]) unless it ended more than [`BACKDROP_DAYS`] days before the story's
//! time, the publication date or, without one, the latest date the text gives; then it is
//! background the story refers to ([`BACKGROUND`]).

use super::dates::{find_dates, find_relative, future_tense, lead_in, resolve, resolve_partial};
use super::ids::Ids;
use super::text::sentences;
use super::{PartialDateMention, MAX_SUGGESTIONS};
use crate::dates::PartialDate;
use crate::mentions::MentionFinder;
use crate::model::{Article, Event, Lane, Precision, Provenance, ProvenanceKind, SentenceRef};
use crate::text::shorten;
use std::collections::{HashMap, HashSet};
use time::{Date, Duration};

/// Longest event label, in characters.
const LABEL_CHARS: usize = 80;

/// How long before the story's time an event may end and still be the story's own.
pub(super) const BACKDROP_DAYS: i64 = 31;

/// The id of the lane of events the story reports.
const REPORTED: &str = "reported";
/// The id of the lane of events the story refers to as background.
const BACKGROUND: &str = "background";

/// The lanes of a converted article, the story's own events first.
pub(super) fn lanes() -> Vec<Lane> {
    [
        (REPORTED, "Reported in the story"),
        (BACKGROUND, "Background the story refers to"),
    ]
    .into_iter()
    .map(|(id, label)| Lane {
        id: id.to_owned(),
        label: label.to_owned(),
        description: None,
    })
    .collect()
}

/// The sentence cut to at most [`LABEL_CHARS`] characters at a word boundary, with "…".
fn excerpt(sentence: &str) -> String {
    shorten(sentence, LABEL_CHARS)
}

/// A date found in a paragraph, before it becomes an event.
struct Found {
    start: usize,
    end: usize,
    date: PartialDate,
    basis: Provenance,
}

fn stated(quote: &str) -> Provenance {
    Provenance {
        kind: ProvenanceKind::Stated,
        quote: Some(quote.to_owned()),
        reasoning: None,
        sources: Vec::new(),
    }
}

fn inferred(reasoning: String) -> Provenance {
    Provenance {
        kind: ProvenanceKind::Inferred,
        quote: None,
        reasoning: Some(reasoning),
        sources: Vec::new(),
    }
}

/// The publication date, when the article states it to the day.
fn publication_day(article: &Article) -> Option<Date> {
    let published = article.published.as_ref()?;
    let date = PartialDate::parse(&published.from).ok()?;
    date.day.map(|_| date.first_day())
}

/// The dates of one paragraph, in reading order.
fn dates_in(
    text: &str,
    paragraph: &str,
    published: Option<Date>,
    partial: &mut Vec<PartialDateMention>,
    warnings: &mut Vec<String>,
) -> Vec<Found> {
    let mentions = find_dates(text);
    let mut found = Vec::new();
    for mention in &mentions {
        let quote = &text[mention.start..mention.end];
        if !mention.is_real() {
            warnings.push(format!(
                "\"{quote}\" in paragraph {paragraph} is not a real date; no event was made"
            ));
            continue;
        }
        let (start, end) = (mention.start, mention.end);
        if let Some(date) = mention.date() {
            found.push(Found {
                start,
                end,
                date,
                basis: stated(quote),
            });
            continue;
        }
        let Some(month) = mention.month else {
            continue;
        };
        let ahead = future_tense(lead_in(text, start));
        match published.and_then(|day| resolve_partial(mention, quote, ahead, day)) {
            Some((date, reasoning)) => found.push(Found {
                start,
                end,
                date,
                basis: inferred(reasoning),
            }),
            None => partial.push(PartialDateMention {
                text: quote.to_owned(),
                month: month.into(),
                day: mention.day,
                paragraph: paragraph.to_owned(),
            }),
        }
    }
    for mention in find_relative(text, &mentions) {
        let words = &text[mention.start..mention.end];
        match published {
            None => warnings.push(format!(
                "\"{words}\" in paragraph {paragraph} is not dated: the text states no publication date to count from"
            )),
            Some(day) => match resolve(&mention, words, day) {
                Some((date, reasoning)) => found.push(Found {
                    start: mention.start,
                    end: mention.end,
                    date,
                    basis: inferred(reasoning),
                }),
                None => warnings.push(format!(
                    "\"{words}\" in paragraph {paragraph} spans two months; no event was made"
                )),
            },
        }
    }
    found.sort_by_key(|found| found.start);
    found
}

/// Events for stated and inferred dates; dates that nothing anchors are reported.
pub(super) fn suggest_events(
    article: &Article,
    warnings: &mut Vec<String>,
) -> (Vec<Event>, Vec<PartialDateMention>) {
    let finder = MentionFinder::new(&article.entities);
    let published = publication_day(article);
    let mut ids = Ids::default();
    let mut seen = HashSet::new();
    let mut left_out = 0;
    let mut events: Vec<Event> = Vec::new();
    let mut partial = Vec::new();
    for (_, paragraph, text) in article.paragraphs() {
        let sentences = sentences(text);
        // Entity ids named in each sentence, by the sentence's start.
        let mut named: HashMap<usize, Vec<String>> = HashMap::new();
        for found in dates_in(text, paragraph, published, &mut partial, warnings) {
            let (start, end) = sentences[..sentences.partition_point(|&(s, _)| s <= found.start)]
                .last()
                .copied()
                .filter(|&(_, e)| found.end <= e)
                .unwrap_or((found.start, found.end));
            let sentence = &text[start..end];
            let iso = found.date.iso();
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
                precision: found.date.precision(),
                lane: REPORTED.to_owned(),
                label: excerpt(sentence),
                entities,
                sentence: Some(SentenceRef {
                    paragraph: paragraph.to_owned(),
                    text: sentence.to_owned(),
                }),
                basis: found.basis,
                suggested: true,
            });
        }
    }
    if left_out > 0 {
        warnings.push(format!(
            "{left_out} more dated sentences were found; only the first {MAX_SUGGESTIONS} are suggested as events"
        ));
    }
    assign_lanes(&mut events, published);
    (events, partial)
}

/// The last day a date may stand for.
fn last_day(date: &PartialDate) -> Date {
    let first = date.first_day();
    let days = match (date.month, date.day) {
        (_, Some(_)) => 0,
        (Some(month), None) => u16::from(time::util::days_in_month(month, date.year)) - 1,
        (None, _) => time::util::days_in_year(date.year) - 1,
    };
    first + Duration::days(days.into())
}

/// Background is what ended more than [`BACKDROP_DAYS`] before the story's time.
fn assign_lanes(events: &mut [Event], published: Option<Date>) {
    let dates: Vec<Option<PartialDate>> = events
        .iter()
        .map(|event| PartialDate::parse(&event.date).ok())
        .collect();
    let latest = dates
        .iter()
        .flatten()
        .filter(|date| date.precision() != Precision::Year || published.is_some())
        .map(PartialDate::first_day)
        .max();
    let Some(now) = published.or(latest) else {
        return;
    };
    let cutoff = now - Duration::days(BACKDROP_DAYS);
    for (event, date) in events.iter_mut().zip(dates) {
        if date.is_some_and(|date| last_day(&date) < cutoff) {
            event.lane = BACKGROUND.to_owned();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::convert::{convert, Conversion};

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

    /// Each event's date, precision, kind of basis and lane.
    fn dated(conversion: &Conversion) -> Vec<(&str, Precision, ProvenanceKind, &str)> {
        (conversion.article.events.iter())
            .map(|e| (e.date.as_str(), e.precision, e.basis.kind, e.lane.as_str()))
            .collect()
    }

    #[test]
    fn relative_dates_are_inferred_from_the_publication_date() {
        use Precision::{Day, Month, Year};
        use ProvenanceKind::{Inferred, Stated};
        let text = "Talks in the capital\nPublished September 15, 2021\n\n\
                    The envoy arrived on Wednesday. On Monday, aides met. They will meet again \
                    on Friday. Yesterday the talks stalled. Last week the border closed. This \
                    month has been hard. A deal was signed on June 25. It began in 2001.";
        let conversion = convert(text);
        assert_eq!(
            dated(&conversion),
            [
                ("2021-09-15", Day, Inferred, REPORTED),
                ("2021-09-13", Day, Inferred, REPORTED),
                ("2021-09-17", Day, Inferred, REPORTED),
                ("2021-09-14", Day, Inferred, REPORTED),
                ("2021-09", Month, Inferred, REPORTED),
                ("2021-09", Month, Inferred, REPORTED),
                ("2021-06-25", Day, Inferred, BACKGROUND),
                ("2001", Year, Stated, BACKGROUND),
            ]
        );
        let lanes: Vec<(&str, &str)> = (conversion.article.lanes.iter())
            .map(|lane| (lane.id.as_str(), lane.label.as_str()))
            .collect();
        assert_eq!(
            lanes,
            [
                ("reported", "Reported in the story"),
                ("background", "Background the story refers to")
            ]
        );
        let events = &conversion.article.events;
        assert_eq!(
            events[0].basis.reasoning.as_deref(),
            Some("“on Wednesday”: the publication day (Wednesday 15 September 2021), Wednesday 15 September 2021.")
        );
        assert_eq!(
            events[1].basis.reasoning.as_deref(),
            Some("“On Monday”: the Monday before the publication date (Wednesday 15 September 2021), Monday 13 September 2021.")
        );
        assert!(events[6]
            .basis
            .reasoning
            .as_deref()
            .unwrap()
            .contains("has no year"));
        assert!(conversion.partial_dates.is_empty());
    }

    #[test]
    fn without_a_publication_date_relative_dates_are_not_dated() {
        let conversion = convert("Title\n\nThey met on Wednesday and again on June 25.");
        assert!(conversion.article.events.is_empty());
        assert_eq!(conversion.partial_dates.len(), 1);
        assert!(conversion
            .warnings
            .iter()
            .any(|w| w.contains("\"on Wednesday\"") && w.contains("no publication date")));
        // A week across two months has no date at a precision the format holds.
        let conversion = convert("Title\nPublished 2 September 2021\n\nThis week they met.");
        assert!(conversion.article.events.is_empty());
        assert!(conversion
            .warnings
            .iter()
            .any(|w| w.contains("spans two months")));
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
