//! Timeline layout maths: a proportional time axis, month ticks, and label placement
//! for the wide (horizontal) and narrow (vertical) drawings.
//!
//! Positions are fractions of the axis (0.0 at the start, 1.0 at the end), so the
//! drawing scales with CSS and needs no measuring in the browser.

use crate::dates::{month_tick_label, PartialDate};
use time::{Date, Month};

/// Wide drawing: the narrowest the axis gets, in rem: the drawing turns vertical below a
/// 52rem timeline, where the drawing's column is 33.5rem (2fr of 50.5rem, the list's
/// 17rem taken out) less 0.75rem of padding on each side (static/briefing.css). A label
/// reserves its width at this axis, so on any wider axis it takes less than it reserves.
pub const MIN_AXIS_REM: f64 = 32.0;
/// Wide drawing: the labels' font size, in rem (`.marker` in static/briefing.css).
pub const LABEL_FONT_REM: f64 = 0.8;
/// Wide drawing: the estimated width of a character, in em. The stylesheet sizes each
/// label box in `ch` (the width of "0": 0.64em in DejaVu Sans, 0.56em in Liberation Sans
/// and Arial), and text averages narrower than its digits (spaces, "i", "l" and "t"
/// are narrow), so a label wraps into no more lines than the layout counts.
pub const CHAR_EM: f64 = 0.64;
/// Wide drawing: a label wraps into at most this many lines; a row is this tall.
pub const MAX_LABEL_LINES: usize = 3;
/// Wide drawing: a label takes at most this share of the narrowest axis, wrapping into
/// more lines (up to [`MAX_LABEL_LINES`]) to stay within it, so that with its marker it
/// fits on the roomier side of its date. (Only a label of over 80 characters or with a
/// word of over 35 can be wider; it runs from its date to the roomier side.)
pub const MAX_LABEL_SPAN: f64 = 0.45;
/// Wide drawing, in rem: the marker's dot and the gap before the text, then the room
/// kept clear on each side of a label.
const DOT_REM: f64 = 1.2;
const CLEAR_REM: f64 = 0.5;
/// Narrow drawing: consecutive labels in a lane stay at least this far apart.
pub const NARROW_LABEL_GAP: f64 = 0.08;

#[derive(Clone, Debug, PartialEq)]
pub struct Tick {
    pub position: f64,
    pub label: String,
    /// `YYYY-MM` of the month the tick starts.
    pub iso: String,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlacedEvent {
    pub event: usize,
    /// The index of the event's lane among the article's lanes.
    pub lane: usize,
    /// Where the date falls on the axis.
    pub position: f64,
    /// Wide drawing: the stacking row within the lane, so labels do not collide.
    pub row: usize,
    /// Wide drawing: the label runs leftwards from the marker (near the axis end).
    pub label_before: bool,
    /// Wide drawing: the label box's width in characters (CSS `ch`), wide enough for
    /// the date and label wrapped into at most [`MAX_LABEL_LINES`] lines.
    pub label_chars: usize,
    /// Narrow drawing: where the label sits, pushed apart from its neighbours.
    pub narrow_position: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineLayout {
    pub ticks: Vec<Tick>,
    pub events: Vec<PlacedEvent>,
    /// Rows needed per lane in the wide drawing, one entry per lane, in the article's order.
    pub rows: Vec<usize>,
    /// Indexes into `events` of each lane's events, one entry per lane, in the article's order.
    pub lane_events: Vec<Vec<usize>>,
}

fn first_of_month(date: Date) -> Date {
    date.replace_day(1).expect("day 1 exists in every month")
}

/// The first of the month `months` after `date`'s, or the last representable day
/// when that lies past year 9999 (a valid "9999-12" event must not crash the layout).
fn add_months(date: Date, months: u32) -> Date {
    let total = date.year() * 12 + i32::from(u8::from(date.month())) - 1 + months as i32;
    Month::try_from((total.rem_euclid(12) + 1) as u8)
        .ok()
        .and_then(|month| Date::from_calendar_date(total.div_euclid(12), month, 1).ok())
        .unwrap_or(Date::MAX)
}

/// The narrowest box, in characters, in which `words` (their lengths in characters)
/// wrap into at most `lines` lines, breaking greedily at spaces as browsers do.
fn wrapped_width(words: &[usize], lines: usize) -> usize {
    let fits = |width: usize| {
        let mut used = 1;
        let mut line = 0;
        for &word in words {
            if line == 0 {
                line = word;
            } else if line + 1 + word <= width {
                line += 1 + word;
            } else {
                used += 1;
                line = word;
            }
        }
        used <= lines
    };
    let (mut low, mut high) = (
        words.iter().copied().max().unwrap_or(0),
        words.iter().sum::<usize>() + words.len().saturating_sub(1),
    );
    // The least width that fits, by bisection: `high` always fits.
    while low < high {
        let middle = (low + high) / 2;
        if fits(middle) {
            high = middle;
        } else {
            low = middle + 1;
        }
    }
    high
}

/// A width in rem as a share of the narrowest axis.
fn axis_share(rem: f64) -> f64 {
    rem / MIN_AXIS_REM
}

/// A label box `chars` characters wide, as a share of the narrowest axis.
fn label_share(chars: usize) -> f64 {
    axis_share(chars as f64 * CHAR_EM * LABEL_FONT_REM)
}

/// The wide drawing's label of a date and a text: its width in characters, wrapped into
/// the fewest lines (up to [`MAX_LABEL_LINES`]) that keep it within [`MAX_LABEL_SPAN`].
pub fn label_chars(date: &str, label: &str) -> usize {
    let words: Vec<usize> = date
        .split_whitespace()
        .chain(label.split_whitespace())
        .map(|word| word.chars().count())
        .collect();
    (1..MAX_LABEL_LINES)
        .map(|lines| wrapped_width(&words, lines))
        .find(|&chars| label_share(chars) <= MAX_LABEL_SPAN)
        .unwrap_or_else(|| wrapped_width(&words, MAX_LABEL_LINES))
}

/// Lays out events (given as parsed dates, labels and lane indexes, in article order) in
/// `lane_count` lanes; a lane index past the last lane counts as the last lane.
pub fn layout_timeline(
    dates: &[PartialDate],
    labels: &[&str],
    lanes: &[usize],
    lane_count: usize,
) -> TimelineLayout {
    if dates.is_empty() {
        return TimelineLayout::default();
    }
    let lane_count = lane_count.max(1);
    let first = dates
        .iter()
        .map(PartialDate::first_day)
        .min()
        .expect("non-empty");
    let last = dates
        .iter()
        .map(|d| d.midpoint_day())
        .fold(f64::MIN, f64::max);
    // The axis runs from the first of the earliest month to the first of the month after the last date.
    let start = first_of_month(first);
    let last_date = Date::from_julian_day(last.ceil() as i32).unwrap_or(first);
    let end = add_months(first_of_month(last_date), 1);
    let start_day = f64::from(start.to_julian_day());
    let span = (f64::from(end.to_julian_day()) - start_day).max(1.0);
    let position = |day: f64| ((day - start_day) / span).clamp(0.0, 1.0);

    let months = (end.year() - start.year()) * 12 + i32::from(u8::from(end.month()))
        - i32::from(u8::from(start.month()));
    let step = [1, 2, 3, 6, 12, 24, 60, 120, 600, 1200]
        .into_iter()
        .find(|step| months / step <= 12)
        .unwrap_or(12_000);
    let mut ticks = Vec::new();
    let mut tick = start;
    while tick <= end {
        ticks.push(Tick {
            position: position(f64::from(tick.to_julian_day())),
            label: if step >= 12 {
                tick.year().to_string()
            } else {
                month_tick_label(tick, tick == start)
            },
            iso: format!("{:04}-{:02}", tick.year(), u8::from(tick.month())),
        });
        let next = add_months(tick, step as u32);
        if next <= tick {
            break;
        }
        tick = next;
    }

    let mut events: Vec<PlacedEvent> = dates
        .iter()
        .zip(labels)
        .zip(lanes)
        .enumerate()
        .map(|(event, ((date, label), &lane))| {
            let position = position(date.midpoint_day());
            let label_chars = label_chars(&date.short(), label);
            // After the marker if the label fits there, else before it if it fits
            // there, else on the roomier side.
            let span = wide_span(label_chars);
            let label_before = position + span > 1.0 && (position >= span || position > 0.5);
            PlacedEvent {
                event,
                lane: lane.min(lane_count - 1),
                position,
                row: 0,
                label_before,
                label_chars,
                narrow_position: position,
            }
        })
        .collect();
    events.sort_by(|a, b| {
        a.position
            .total_cmp(&b.position)
            .then(a.event.cmp(&b.event))
    });

    // Each lane's events in position order, in one pass, however many lanes there are.
    let mut by_lane: Vec<Vec<usize>> = vec![Vec::new(); lane_count];
    for (i, placed) in events.iter().enumerate() {
        by_lane[placed.lane].push(i);
    }
    let mut rows = vec![0; lane_count];
    for (lane, in_lane) in by_lane.iter().enumerate() {
        // Wide: each label goes in the first row where the last label has ended.
        let mut row_ends = RowEnds::new(in_lane.len());
        let mut used_rows = 0;
        for &i in in_lane {
            let placed = &mut events[i];
            let (from, to) = wide_extent(placed);
            let row = row_ends.first_ended_by(from);
            row_ends.set(row, to);
            placed.row = row;
            used_rows = used_rows.max(row + 1);
        }
        rows[lane] = used_rows;

        let positions: Vec<f64> = in_lane.iter().map(|&i| events[i].position).collect();
        for (&i, spread) in in_lane
            .iter()
            .zip(spread_apart(&positions, NARROW_LABEL_GAP))
        {
            events[i].narrow_position = spread;
        }
    }
    events.sort_by_key(|placed| placed.event);
    let mut lane_events = vec![Vec::new(); lane_count];
    for (index, placed) in events.iter().enumerate() {
        lane_events[placed.lane].push(index);
    }
    TimelineLayout {
        ticks,
        events,
        rows,
        lane_events,
    }
}

/// How much of the narrowest axis a marker with a label `label_chars` wide takes, from
/// its date on: the dot, the label, and the room kept clear after it.
fn wide_span(label_chars: usize) -> f64 {
    axis_share(DOT_REM + CLEAR_REM) + label_share(label_chars)
}

/// The stretch of the narrowest axis that a placed marker and its label take, with room
/// kept clear on both sides: no other label in its row may overlap it.
pub fn wide_extent(placed: &PlacedEvent) -> (f64, f64) {
    let span = wide_span(placed.label_chars);
    let behind = axis_share(CLEAR_REM);
    if placed.label_before {
        (placed.position - span, placed.position + behind)
    } else {
        (placed.position - behind, placed.position + span)
    }
}

/// Where the last label of each row ends, for finding the first row free at a point in
/// logarithmic time (a scan of the rows would make many events at one date quadratic).
/// A min-tree over `rows` rows, all empty at first; `rows` is enough when it is the number
/// of labels to place, since each label takes at most one new row.
struct RowEnds {
    /// `tree[1]` is the root; the rows are the leaves, from `tree[leaves]` on.
    tree: Vec<f64>,
    leaves: usize,
}

impl RowEnds {
    fn new(rows: usize) -> Self {
        let leaves = rows.max(1).next_power_of_two();
        RowEnds {
            tree: vec![f64::MIN; 2 * leaves],
            leaves,
        }
    }

    /// The first row whose last label ends at or before `from` (an empty row, if none).
    fn first_ended_by(&self, from: f64) -> usize {
        let mut node = 1;
        while node < self.leaves {
            node = if self.tree[2 * node] <= from {
                2 * node
            } else {
                2 * node + 1
            };
        }
        node - self.leaves
    }

    fn set(&mut self, row: usize, end: f64) {
        let mut node = row + self.leaves;
        self.tree[node] = end;
        while node > 1 {
            node /= 2;
            self.tree[node] = self.tree[2 * node].min(self.tree[2 * node + 1]);
        }
    }
}

/// A fraction of the axis as a CSS percentage number with two decimals, "37.25",
/// written without float formatting (which would add kilobytes to the WebAssembly).
pub fn css_percent(fraction: f64) -> String {
    let hundredths = (fraction.clamp(0.0, 1.0) * 10_000.0).round() as u32;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

/// Moves sorted positions in 0..=1 apart so that neighbours are at least `gap` apart,
/// moving each as little as this simple two-pass scheme allows and keeping the order.
pub fn spread_apart(sorted: &[f64], gap: f64) -> Vec<f64> {
    let count = sorted.len();
    if count == 0 {
        return Vec::new();
    }
    let gap = if count > 1 {
        gap.min(1.0 / (count - 1) as f64)
    } else {
        gap
    };
    let mut spread = sorted.to_vec();
    for i in 1..count {
        spread[i] = spread[i].max(spread[i - 1] + gap);
    }
    if spread[count - 1] > 1.0 {
        spread[count - 1] = 1.0;
        for i in (0..count - 1).rev() {
            spread[i] = spread[i].min(spread[i + 1] - gap);
        }
    }
    spread
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The lanes of these tests, as indexes.
    const FIRST: usize = 0;
    const SECOND: usize = 1;

    /// Lays out events all labelled with one short word.
    fn short_labels(dates: &[PartialDate], lanes: &[usize], lane_count: usize) -> TimelineLayout {
        layout_timeline(dates, &vec!["Talks"; dates.len()], lanes, lane_count)
    }

    fn dates(texts: &[&str]) -> Vec<PartialDate> {
        texts
            .iter()
            .map(|t| PartialDate::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn positions_are_proportional_to_time() {
        let layout = short_labels(
            &dates(&["2021-08-01", "2021-09-01", "2021-10-01"]),
            &[FIRST; 3],
            2,
        );
        // The axis runs 1 Aug to 1 Nov (92 days); 1 Sep is 31 days in.
        let positions: Vec<f64> = layout.events.iter().map(|e| e.position).collect();
        assert_eq!(positions[0], 0.0);
        assert!((positions[1] - 31.0 / 92.0).abs() < 1e-9);
        assert!((positions[2] - 61.0 / 92.0).abs() < 1e-9);
    }

    #[test]
    fn ticks_mark_each_month_of_a_short_span() {
        let layout = short_labels(&dates(&["2021-05-17", "2021-12-19"]), &[FIRST, SECOND], 2);
        let labels: Vec<&str> = layout.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(
            labels,
            ["May 2021", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan 2022"]
        );
        assert_eq!(layout.ticks.first().unwrap().position, 0.0);
        assert_eq!(layout.ticks.last().unwrap().position, 1.0);
        assert_eq!(layout.ticks[3].iso, "2021-08");
    }

    #[test]
    fn long_spans_get_coarser_ticks() {
        let layout = short_labels(&dates(&["1990", "2021-12-01"]), &[SECOND; 2], 2);
        assert!(layout.ticks.len() <= 13, "{}", layout.ticks.len());
        assert!(layout.ticks.iter().all(|t| t.label.len() == 4));
    }

    #[test]
    fn close_events_stack_in_rows_per_lane() {
        let layout = short_labels(
            &dates(&[
                "2021-08-15",
                "2021-08-17",
                "2021-08-18",
                "2021-12-20",
                "2021-08-16",
            ]),
            &[SECOND, SECOND, SECOND, SECOND, FIRST],
            2,
        );
        let rows: Vec<usize> = layout.events.iter().map(|e| e.row).collect();
        assert_eq!(rows, [0, 1, 2, 0, 0]);
        assert_eq!(layout.rows, [1, 3]);
        // The last event sits at the end of the axis, so its label runs leftwards.
        assert!(layout.events[3].label_before);
    }

    #[test]
    fn many_events_on_one_date_stack_in_linear_rows_quickly() {
        // All on one day: each needs its own row. Scanning the rows for each label (as
        // the layout once did) makes this quadratic: 150,000 events took half a minute.
        let count = 150_000;
        let started = std::time::Instant::now();
        let layout = short_labels(
            &dates(&["2021-12-01"]).repeat(count),
            &vec![FIRST; count],
            2,
        );
        let seconds = started.elapsed().as_secs_f64();
        assert_eq!(layout.rows, [count, 0]);
        assert!(layout.events.iter().enumerate().all(|(i, e)| e.row == i));
        // A generous bound for a debug build on a busy machine.
        assert!(seconds < 5.0, "took {seconds} s");
    }

    #[test]
    fn a_label_takes_the_first_free_row_not_the_last() {
        // Rows 0 and 1 are taken near the start; the third label, past both, goes back to row 0.
        let layout = short_labels(
            &dates(&["2021-01-01", "2021-01-02", "2021-12-01", "2021-06-01"]),
            &[FIRST; 4],
            2,
        );
        let rows: Vec<usize> = layout.events.iter().map(|e| e.row).collect();
        assert_eq!(rows, [0, 1, 0, 0]);
        assert_eq!(layout.rows, [2, 0]);
    }

    #[test]
    fn narrow_labels_keep_their_order_and_distance() {
        let spread = spread_apart(&[0.1, 0.11, 0.12, 0.5, 0.99, 1.0], 0.05);
        assert_eq!(spread.len(), 6);
        for pair in spread.windows(2) {
            assert!(pair[1] - pair[0] >= 0.05 - 1e-9, "{spread:?}");
        }
        assert_eq!(spread[0], 0.1);
        assert_eq!(spread[3], 0.5);
        assert_eq!(*spread.last().unwrap(), 1.0);
        assert!(spread.iter().all(|p| (0.0..=1.0).contains(p)));
        // Too many to fit at the requested gap: they share the axis evenly.
        let crowded = spread_apart(&[0.5; 30], 0.06);
        assert!(crowded.iter().all(|p| (0.0..=1.0 + 1e-9).contains(p)));
    }

    #[test]
    fn css_percentages_have_two_decimals() {
        assert_eq!(css_percent(0.0), "0.00");
        assert_eq!(css_percent(0.372_54), "37.25");
        assert_eq!(css_percent(0.999_99), "100.00");
        assert_eq!(css_percent(1.5), "100.00");
        assert_eq!(css_percent(f64::NAN), "0.00");
    }

    #[test]
    fn dates_at_the_ends_of_the_calendar_do_not_break_the_layout() {
        let layout = short_labels(
            &dates(&["0000-01-01", "9999-12-31", "9999"]),
            &[FIRST; 3],
            2,
        );
        assert!(!layout.ticks.is_empty() && layout.ticks.len() <= 14);
        assert!(layout
            .events
            .iter()
            .all(|e| (0.0..=1.0).contains(&e.position)));
        let layout = short_labels(&dates(&["9999-12"]), &[SECOND], 2);
        assert_eq!(layout.events[0].lane, SECOND);
    }

    #[test]
    fn each_of_three_lanes_gets_its_rows_and_events() {
        // Two close events in the first lane, one in the second, three close ones in the
        // third; an index past the last lane counts as the last.
        let layout = short_labels(
            &dates(&[
                "2021-08-15",
                "2021-08-16",
                "2021-08-15",
                "2021-08-15",
                "2021-08-16",
                "2021-08-17",
            ]),
            &[0, 0, 1, 2, 2, 7],
            3,
        );
        assert_eq!(layout.rows, [2, 1, 3]);
        assert_eq!(layout.lane_events, [vec![0, 1], vec![2], vec![3, 4, 5]]);
        let lanes: Vec<usize> = layout.events.iter().map(|e| e.lane).collect();
        assert_eq!(lanes, [0, 0, 1, 2, 2, 2]);
        let rows: Vec<usize> = layout.events.iter().map(|e| e.row).collect();
        assert_eq!(rows, [0, 1, 0, 0, 1, 2]);
        // A lane with no events still has its (empty) entry.
        let layout = short_labels(&dates(&["2021-08-15"]), &[1], 3);
        assert_eq!(layout.rows, [0, 1, 0]);
        assert_eq!(layout.lane_events, [vec![], vec![0], vec![]]);
    }

    #[test]
    fn no_events_means_an_empty_layout() {
        assert_eq!(layout_timeline(&[], &[], &[], 2), TimelineLayout::default());
    }

    #[test]
    fn single_event_gets_a_one_month_axis() {
        let layout = short_labels(&dates(&["2021-12-01"]), &[FIRST], 2);
        assert_eq!(layout.ticks.len(), 2);
        assert_eq!(layout.events[0].position, 0.0);
    }
}

/// Tests of the wide drawing's label placement with labels of real lengths.
#[cfg(test)]
mod label_tests {
    use super::*;

    /// The built-in article's events: date, lane, label.
    const BUILT_IN: [(&str, usize, &str); 12] = [
        ("2021-05-17", 0, "Moeed Yusuf appointed NSA"),
        (
            "2021-06-23",
            0,
            "Yusuf meets Patrushev at SCO meeting in Dushanbe",
        ),
        ("2021-12-01", 0, "Yusuf and Patrushev hold talks in Moscow"),
        ("2021-12-01", 0, "TASS reports Patrushev’s closing remarks"),
        (
            "2021-12-01",
            0,
            "NSA tweets about “productive and successful” talks",
        ),
        ("2021-08-15", 1, "Taliban take Kabul"),
        (
            "2021-08-17",
            1,
            "US freezes about $9.5bn of Afghan central bank assets",
        ),
        (
            "2021-08-18",
            1,
            "IMF suspends Afghanistan’s access to its resources",
        ),
        ("2021-08-30", 1, "US withdrawal from Afghanistan completed"),
        (
            "2021-09-24",
            1,
            "Imran Khan urges the world at the UN to avert a crisis in Afghanistan",
        ),
        (
            "2021-11-17",
            1,
            "UN envoy Lyons warns the Security Council of rising extremism",
        ),
        (
            "2021-12-19",
            1,
            "OIC foreign ministers meet on Afghanistan in Islamabad",
        ),
    ];

    /// `count` events over a year and a half in three lanes, with labels of 1 to 10
    /// words, several on each day, deterministically.
    fn many(count: usize) -> (Vec<PartialDate>, Vec<String>, Vec<usize>) {
        let words = [
            "Talks",
            "in",
            "Moscow",
            "on",
            "Afghanistan",
            "and",
            "security",
            "UN",
        ];
        let dates = (0..count)
            .map(|i| {
                let day = (i * 7919) % 540;
                let date = Date::from_julian_day(2_459_300 + day as i32).unwrap();
                PartialDate::parse(&format!(
                    "{:04}-{:02}-{:02}",
                    date.year(),
                    u8::from(date.month()),
                    date.day()
                ))
                .unwrap()
            })
            .collect();
        let labels = (0..count)
            .map(|i| {
                (0..1 + i % 10)
                    .map(|w| words[(i + w * 3) % words.len()])
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        let lanes = (0..count).map(|i| i % 3).collect();
        (dates, labels, lanes)
    }

    fn lay_out(dates: &[PartialDate], labels: &[String], lanes: &[usize]) -> TimelineLayout {
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        layout_timeline(dates, &labels, lanes, 3)
    }

    fn built_in() -> TimelineLayout {
        let dates: Vec<PartialDate> = BUILT_IN
            .iter()
            .map(|(date, _, _)| PartialDate::parse(date).unwrap())
            .collect();
        let labels: Vec<&str> = BUILT_IN.iter().map(|(_, _, label)| *label).collect();
        let lanes: Vec<usize> = BUILT_IN.iter().map(|(_, lane, _)| *lane).collect();
        layout_timeline(&dates, &labels, &lanes, 2)
    }

    /// Every pair of neighbouring labels in one row of one lane that overlap on the
    /// narrowest axis.
    fn overlaps(layout: &TimelineLayout) -> Vec<(usize, usize)> {
        let mut placed: Vec<&PlacedEvent> = layout.events.iter().collect();
        placed.sort_by(|a, b| {
            (a.lane, a.row)
                .cmp(&(b.lane, b.row))
                .then(wide_extent(a).0.total_cmp(&wide_extent(b).0))
        });
        placed
            .windows(2)
            .filter(|pair| {
                (pair[0].lane, pair[0].row) == (pair[1].lane, pair[1].row)
                    && wide_extent(pair[0]).1 > wide_extent(pair[1]).0
            })
            .map(|pair| (pair[0].event, pair[1].event))
            .collect()
    }

    #[test]
    fn wrapping_finds_the_narrowest_box_for_the_lines() {
        // "15 Aug Taliban take Kabul": words of 2, 3, 7, 4 and 5 characters.
        let words = [2, 3, 7, 4, 5];
        assert_eq!(wrapped_width(&words, 1), 25);
        // "15 Aug Taliban" / "take Kabul".
        assert_eq!(wrapped_width(&words, 2), 14);
        // "15 Aug" / "Taliban" / "take Kabul".
        assert_eq!(wrapped_width(&words, 3), 10);
        // A word longer than the rest together sets the width.
        assert_eq!(wrapped_width(&[30, 1, 1], 2), 30);
    }

    #[test]
    fn labels_take_the_fewest_lines_that_keep_them_narrow() {
        // Short: one line, date and label.
        assert_eq!(label_chars("15 Aug", "Taliban take Kabul"), 25);
        for (_, _, label) in BUILT_IN {
            let chars = label_chars("24 Sep", label);
            assert!(label_share(chars) <= MAX_LABEL_SPAN, "{label}: {chars}");
            let words: Vec<usize> = format!("24 Sep {label}")
                .split_whitespace()
                .map(|w| w.chars().count())
                .collect();
            assert!(wrapped_width(&words, MAX_LABEL_LINES) <= chars, "{label}");
        }
        // The longest label wraps, narrower than on one line.
        let long = BUILT_IN[9].2;
        assert!(label_chars("24 Sep", long) < long.chars().count() / 2 + 8);
    }

    #[test]
    fn no_two_labels_in_a_row_overlap() {
        let layout = built_in();
        assert_eq!(overlaps(&layout), []);
        let (dates, labels, lanes) = many(1_200);
        let layout = lay_out(&dates, &labels, &lanes);
        assert_eq!(overlaps(&layout), []);
        // Labels stay on the axis: the roomier side always holds one.
        for placed in &layout.events {
            let (from, to) = wide_extent(placed);
            let clear = axis_share(CLEAR_REM) + 1e-9;
            assert!(from >= -clear && to <= 1.0 + clear, "{placed:?}");
        }
    }

    #[test]
    fn the_check_for_overlaps_finds_them() {
        // Two labels put in one row by hand overlap: the check above can fail.
        let mut layout = built_in();
        let (a, b) = (layout.lane_events[1][1], layout.lane_events[1][2]);
        layout.events[b].row = layout.events[a].row;
        assert_eq!(overlaps(&layout).len(), 1);
    }

    #[test]
    fn same_day_events_get_different_rows() {
        let layout = built_in();
        let mut rows: Vec<usize> = layout.events[2..5].iter().map(|e| e.row).collect();
        rows.sort_unstable();
        rows.dedup();
        assert_eq!(rows.len(), 3, "{rows:?}");
        // Even one-letter labels on one day never share a row.
        let dates = vec![PartialDate::parse("2021-12-01").unwrap(); 4];
        let layout = layout_timeline(&dates, &["a"; 4], &[0; 4], 1);
        let rows: Vec<usize> = layout.events.iter().map(|e| e.row).collect();
        assert_eq!(rows, [0, 1, 2, 3]);
    }

    #[test]
    fn labels_near_the_end_run_before_their_marker() {
        let layout = built_in();
        // 19 December, at the end of the axis.
        assert!(layout.events[11].label_before);
        // 17 May, at its start.
        assert!(!layout.events[0].label_before);
    }

    #[test]
    fn laying_out_grows_about_linearly_with_the_events() {
        // 1,200 events (the 100x article) and a hundred times as many: a quadratic
        // layout would take ten thousand times as long; n log n about two hundred times.
        let time = |count: usize| {
            let (dates, labels, lanes) = many(count);
            (0..3)
                .map(|_| {
                    let started = std::time::Instant::now();
                    let layout = lay_out(&dates, &labels, &lanes);
                    assert_eq!(layout.events.len(), count);
                    started.elapsed().as_secs_f64()
                })
                .fold(f64::MAX, f64::min)
        };
        let small = time(1_200);
        let large = time(120_000);
        assert!(
            large < small * 1_000.0,
            "{small} s for 1,200, {large} s for 120,000"
        );
    }
}
