//! Timeline layout maths: a proportional time axis, month ticks, and label placement
//! for the wide (horizontal) and narrow (vertical) drawings.
//!
//! Positions are fractions of the axis (0.0 at the start, 1.0 at the end), so the
//! drawing scales with CSS and needs no measuring in the browser.

use crate::dates::{month_tick_label, PartialDate};
use time::{Date, Month};

/// Wide drawing: a label takes about this share of the axis width.
pub const WIDE_LABEL_SPAN: f64 = 0.2;
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

/// Lays out events (given as parsed dates and lane indexes, in article order) in
/// `lane_count` lanes; a lane index past the last lane counts as the last lane.
pub fn layout_timeline(
    dates: &[PartialDate],
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
        .zip(lanes)
        .enumerate()
        .map(|(event, (date, &lane))| {
            let position = position(date.midpoint_day());
            PlacedEvent {
                event,
                lane: lane.min(lane_count - 1),
                position,
                row: 0,
                label_before: position + WIDE_LABEL_SPAN > 1.0,
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
            let (from, to) = if placed.label_before {
                (placed.position - WIDE_LABEL_SPAN, placed.position)
            } else {
                (placed.position, placed.position + WIDE_LABEL_SPAN)
            };
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

    fn dates(texts: &[&str]) -> Vec<PartialDate> {
        texts
            .iter()
            .map(|t| PartialDate::parse(t).unwrap())
            .collect()
    }

    #[test]
    fn positions_are_proportional_to_time() {
        let layout = layout_timeline(
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
        let layout = layout_timeline(&dates(&["2021-05-17", "2021-12-19"]), &[FIRST, SECOND], 2);
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
        let layout = layout_timeline(&dates(&["1990", "2021-12-01"]), &[SECOND; 2], 2);
        assert!(layout.ticks.len() <= 13, "{}", layout.ticks.len());
        assert!(layout.ticks.iter().all(|t| t.label.len() == 4));
    }

    #[test]
    fn close_events_stack_in_rows_per_lane() {
        let layout = layout_timeline(
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
        let layout = layout_timeline(
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
        let layout = layout_timeline(
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
        let layout = layout_timeline(
            &dates(&["0000-01-01", "9999-12-31", "9999"]),
            &[FIRST; 3],
            2,
        );
        assert!(!layout.ticks.is_empty() && layout.ticks.len() <= 14);
        assert!(layout
            .events
            .iter()
            .all(|e| (0.0..=1.0).contains(&e.position)));
        let layout = layout_timeline(&dates(&["9999-12"]), &[SECOND], 2);
        assert_eq!(layout.events[0].lane, SECOND);
    }

    #[test]
    fn each_of_three_lanes_gets_its_rows_and_events() {
        // Two close events in the first lane, one in the second, three close ones in the
        // third; an index past the last lane counts as the last.
        let layout = layout_timeline(
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
        let layout = layout_timeline(&dates(&["2021-08-15"]), &[1], 3);
        assert_eq!(layout.rows, [0, 1, 0]);
        assert_eq!(layout.lane_events, [vec![], vec![0], vec![]]);
    }

    #[test]
    fn no_events_means_an_empty_layout() {
        assert_eq!(layout_timeline(&[], &[], 2), TimelineLayout::default());
    }

    #[test]
    fn single_event_gets_a_one_month_axis() {
        let layout = layout_timeline(&dates(&["2021-12-01"]), &[FIRST], 2);
        assert_eq!(layout.ticks.len(), 2);
        assert_eq!(layout.events[0].position, 0.0);
    }
}
