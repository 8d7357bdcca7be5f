//! Timeline layout maths: a proportional time axis, month ticks, and label placement
//! for the wide (horizontal) and narrow (vertical) drawings.
//!
//! Positions are fractions of the axis (0.0 at the start, 1.0 at the end), so the
//! drawing scales with CSS and needs no measuring in the browser.

use crate::dates::{month_tick_label, PartialDate};
use time::{Date, Month};

/// Wide drawing: at most the narrowest the axis gets, in rem: the drawing turns vertical
/// below a 52rem timeline, and the list stands beside it only from 70rem (2fr of 68.5rem,
/// less 0.75rem of padding on each side, is 44rem; static/briefing.css). A label reserves
/// its width at this axis, so on any wider axis it takes less than it reserves.
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
/// Narrow drawing, in rem: a lane's column is at least this wide (two lanes and the
/// axis fit a 360 px screen; the stylesheet keeps a lane so, and the drawing scrolls
/// sideways rather than narrow it further), its label text this much less (the marker's
/// offset, dot and gap), a label line this tall, and labels in a lane this far apart.
/// Labels are never cut: each reserves the lines it wraps into at the narrowest lane.
pub const NARROW_LANE_MIN_REM: f64 = 7.0;
const NARROW_TEXT_INSET_REM: f64 = 1.6;
pub const NARROW_LINE_REM: f64 = LABEL_FONT_REM * 1.25;
const NARROW_GAP_REM: f64 = 0.4;
/// Narrow drawing: the shortest the axis gets, in rem; it grows to hold every label.
pub const NARROW_MIN_HEIGHT_REM: f64 = 48.0;
/// Narrow drawing: labels dated up to this share of the axis get room to start at their
/// dates when the axis grows.
const NARROW_FREE_UNTIL: f64 = 0.85;

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
    /// Narrow drawing: the top of the label in rem from the axis start, pushed apart
    /// from its neighbours in the lane so that no two meet.
    pub narrow_top: f64,
}

/// A cluster: a lane's events too many for their stretch of the axis at this zoom, drawn
/// as one marker ("14 events") that zooms to them.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedCluster {
    pub lane: usize,
    /// The events, in date order.
    pub events: Vec<usize>,
    /// Their dates, as the marker shows them: "15 Aug – 30 Aug", or one date.
    pub date_text: String,
    /// "14 events".
    pub label: String,
    /// The period to zoom to: their dates, widened to at least [`MIN_PERIOD_DAYS`].
    pub zoom: Period,
    /// Where its first event falls on the axis; the rest as for [`PlacedEvent`].
    pub position: f64,
    pub row: usize,
    pub label_before: bool,
    pub label_chars: usize,
    pub narrow_top: f64,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct TimelineLayout {
    pub ticks: Vec<Tick>,
    /// The events drawn on their own (in the period, not in a cluster), in article order.
    pub events: Vec<PlacedEvent>,
    /// Rows needed per lane in the wide drawing, one entry per lane, in the article's order.
    pub rows: Vec<usize>,
    /// Indexes into `events` of each lane's events, one entry per lane, in the article's order.
    pub lane_events: Vec<Vec<usize>>,
    /// Narrow drawing: the axis's length in rem, long enough for every lane's labels.
    pub narrow_height: f64,
    /// The clusters, each lane's in position order.
    pub clusters: Vec<PlacedCluster>,
    /// Indexes into `clusters` of each lane's clusters, one entry per lane.
    pub lane_clusters: Vec<Vec<usize>>,
    /// The period the axis spans, and the whole timeline's.
    pub period: Period,
    pub full: Period,
    /// How many events are dated within the period (drawn or in clusters).
    pub in_view: usize,
}

/// A stretch of time in Julian days, from `start` (included) to `end` (excluded).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Period {
    pub start: i32,
    pub end: i32,
}

/// The shortest period the timeline zooms to, in days.
pub const MIN_PERIOD_DAYS: i32 = 7;
/// Clustering: a stretch of the axis this long (a share of it, whatever the zoom) ...
pub const CLUSTER_WINDOW: f64 = 1.0 / 12.0;
/// ... holding more than this many events of one lane is drawn as one cluster marker.
/// (The built-in story's busiest stretch, 15 to 30 August, holds four.)
pub const MAX_PER_STRETCH: usize = 4;
/// The period around the story's own event starts with the first event at most this many
/// months before it.
pub const FOCUS_MONTHS_BEFORE: u32 = 4;

fn day_date(day: i32) -> Date {
    Date::from_julian_day(day).unwrap_or(if day < 0 { Date::MIN } else { Date::MAX })
}

fn month_name(date: Date) -> &'static str {
    MONTH_NAMES[usize::from(u8::from(date.month())) - 1]
}

const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Period {
    /// Its length in days, at least one.
    pub fn days(self) -> i32 {
        (self.end - self.start).max(1)
    }

    pub fn contains(self, day: f64) -> bool {
        day >= f64::from(self.start) && day < f64::from(self.end)
    }

    /// The period `days` long (at least [`MIN_PERIOD_DAYS`], at most `within`'s length)
    /// around `centre` (a Julian day), moved to lie inside `within`.
    pub fn around(centre: f64, days: i32, within: Period) -> Period {
        let days = days.max(MIN_PERIOD_DAYS).min(within.days());
        let start = (centre - f64::from(days) / 2.0).round() as i32;
        let start = start.clamp(within.start, within.end - days);
        Period {
            start,
            end: start + days,
        }
    }

    fn centre(self) -> f64 {
        (f64::from(self.start) + f64::from(self.end)) / 2.0
    }

    /// Half as long, about the same middle.
    pub fn zoomed_in(self, within: Period) -> Period {
        Period::around(self.centre(), self.days() / 2, within)
    }

    /// Twice as long, about the same middle, inside `within`; all of `within` when that
    /// would leave less than a week of it out.
    pub fn zoomed_out(self, within: Period) -> Period {
        let days = self.days().saturating_mul(2);
        if days.saturating_add(MIN_PERIOD_DAYS) > within.days() {
            return within;
        }
        Period::around(self.centre(), days, within)
    }

    /// A fifth shorter (or a quarter longer, `out`), the day at `share` of it staying
    /// where it is: a wheel's step about the pointer. All of `within` when that would
    /// leave less than a week of it out.
    pub fn scaled(self, share: f64, out: bool, within: Period) -> Period {
        let days = if out {
            self.days().saturating_mul(5) / 4 + 1
        } else {
            self.days() * 4 / 5
        };
        if out && days.saturating_add(MIN_PERIOD_DAYS) > within.days() {
            return within;
        }
        let anchor = f64::from(self.start) + share.clamp(0.0, 1.0) * f64::from(self.days());
        let days = days.max(MIN_PERIOD_DAYS);
        Period::around(anchor + (0.5 - share) * f64::from(days), days, within)
    }

    /// Half its length earlier (or later), inside `within`.
    pub fn moved(self, later: bool, within: Period) -> Period {
        let step = f64::from(self.days() / 2);
        let centre = self.centre() + if later { step } else { -step };
        Period::around(centre, self.days(), within)
    }

    /// The period from the pair of shares of it `from` and `to` (in any order): the days
    /// they fall on, the last one whole.
    pub fn part(self, from: f64, to: f64) -> Period {
        let (low, high) = (from.min(to).clamp(0.0, 1.0), from.max(to).clamp(0.0, 1.0));
        let day = |share: f64| f64::from(self.start) + share * f64::from(self.days());
        let start = day(low).floor() as i32;
        let end = (day(high).floor() as i32 + 1).max(start + 1);
        Period::around((f64::from(start) + f64::from(end)) / 2.0, end - start, self)
    }

    /// How a reader says it: "Aug–Dec 2021", "Aug 2021", "Nov 2021 – Feb 2022",
    /// "9–15 Aug 2021", "9 Aug – 5 Sep 2021" or "1 Dec 2021".
    pub fn label(self) -> String {
        let first = day_date(self.start);
        let last = day_date(self.end - 1);
        let whole_months = first.day() == 1 && day_date(self.end).day() == 1;
        let whole_years = whole_months
            && first.month() == Month::January
            && day_date(self.end).month() == Month::January;
        if whole_years && first.year() != last.year() {
            format!("{}–{}", first.year(), last.year())
        } else if whole_months {
            let (a, b) = (month_name(first), month_name(last));
            if first.year() != last.year() {
                format!("{a} {} – {b} {}", first.year(), last.year())
            } else if first.month() == last.month() {
                format!("{a} {}", first.year())
            } else {
                format!("{a}–{b} {}", first.year())
            }
        } else if first.year() != last.year() {
            format!(
                "{} {} {} – {} {} {}",
                first.day(),
                month_name(first),
                first.year(),
                last.day(),
                month_name(last),
                last.year()
            )
        } else if first.month() != last.month() {
            format!(
                "{} {} – {} {} {}",
                first.day(),
                month_name(first),
                last.day(),
                month_name(last),
                last.year()
            )
        } else if first.day() != last.day() {
            format!(
                "{}–{} {} {}",
                first.day(),
                last.day(),
                month_name(last),
                last.year()
            )
        } else {
            format!("{} {} {}", last.day(), month_name(last), last.year())
        }
    }
}

/// The whole timeline's period: from the first of the earliest event's month to the first
/// of the month after the last date. `None` without events.
pub fn full_period(dates: &[PartialDate]) -> Option<Period> {
    let first = dates.iter().map(PartialDate::first_day).min()?;
    let last = dates
        .iter()
        .map(|d| d.midpoint_day())
        .fold(f64::MIN, f64::max);
    let start = first_of_month(first);
    let last_date = Date::from_julian_day(last.ceil() as i32).unwrap_or(first);
    let end = add_months(first_of_month(last_date), 1);
    let start = start.to_julian_day();
    Some(Period {
        start,
        end: end.to_julian_day().max(start + 1),
    })
}

/// The months from the month of `from` to the month of `to`.
fn months_between(from: Date, to: Date) -> i32 {
    (to.year() - from.year()) * 12 + i32::from(u8::from(to.month()))
        - i32::from(u8::from(from.month()))
}

/// The month step of ticks for `months` months: at most a dozen and one ticks.
fn month_step(months: i32) -> i32 {
    [1, 2, 3, 6, 12, 24, 60, 120, 600, 1200]
        .into_iter()
        .find(|step| months / step <= 12)
        .unwrap_or(12_000)
}

/// The axis ticks of a period: a tick a day, every other day, each Monday or every other
/// Monday for periods up to 14 weeks (at most 8, labelled "16 Aug"), else months or
/// years (at most 13; the first month named with its year, and each January).
pub fn ticks_for(period: Period) -> Vec<Tick> {
    let days = period.days();
    let position = |day: i32| (f64::from(day - period.start) / f64::from(days)).clamp(0.0, 1.0);
    let mut ticks = Vec::new();
    if days <= 14 * 7 {
        let step = match days {
            0..=7 => 1,
            8..=14 => 2,
            15..=56 => 7,
            _ => 14,
        };
        let mut day = period.start;
        if step >= 7 {
            let weekday = day_date(day).weekday().number_days_from_monday();
            day += (7 - i32::from(weekday)) % 7;
        }
        while day <= period.end {
            let date = day_date(day);
            ticks.push(Tick {
                position: position(day),
                label: format!("{} {}", date.day(), month_name(date)),
                iso: format!(
                    "{:04}-{:02}-{:02}",
                    date.year(),
                    u8::from(date.month()),
                    date.day()
                ),
            });
            day += step;
        }
        return ticks;
    }
    let first = day_date(period.start);
    let end = day_date(period.end);
    let mut tick = if first.day() == 1 {
        first
    } else {
        add_months(first_of_month(first), 1)
    };
    let step = month_step(months_between(first, end));
    if step >= 12 && tick.month() != Month::January {
        tick = add_months(tick, (13 - u32::from(u8::from(tick.month()))) % 12);
    }
    let opening = tick;
    while tick <= end {
        ticks.push(Tick {
            position: position(tick.to_julian_day()),
            label: if step >= 12 {
                tick.year().to_string()
            } else {
                month_tick_label(tick, tick == opening)
            },
            iso: format!("{:04}-{:02}", tick.year(), u8::from(tick.month())),
        });
        let next = add_months(tick, step as u32);
        if next <= tick {
            break;
        }
        tick = next;
    }
    ticks
}

/// The period around the story's own event (`focus`, an index into `dates`): from the
/// month of the first event at most [`FOCUS_MONTHS_BEFORE`] months before it to the end
/// of its month (of the next, when it falls in the last fortnight), within the whole
/// timeline. Linear.
pub fn focus_period(dates: &[PartialDate], focus: usize) -> Option<Period> {
    let full = full_period(dates)?;
    let date = dates.get(focus)?;
    let month = first_of_month(date.first_day());
    let bound = {
        let total =
            month.year() * 12 + i32::from(u8::from(month.month())) - 1 - FOCUS_MONTHS_BEFORE as i32;
        Month::try_from((total.rem_euclid(12) + 1) as u8)
            .ok()
            .and_then(|m| Date::from_calendar_date(total.div_euclid(12), m, 1).ok())
            .unwrap_or(Date::MIN)
    };
    let focus_day = date.midpoint_day();
    let earliest = dates
        .iter()
        .filter(|d| d.first_day() >= bound && d.midpoint_day() <= focus_day)
        .map(PartialDate::first_day)
        .min()
        .unwrap_or(month);
    let last_day = (2.0 * focus_day).round() as i32 - date.first_day().to_julian_day();
    let mut end = add_months(first_of_month(day_date(last_day)), 1);
    if end.to_julian_day() - last_day <= 14 && date.day.is_some() {
        end = add_months(end, 1);
    }
    let start = first_of_month(earliest).to_julian_day().max(full.start);
    let end = end.to_julian_day().min(full.end);
    Some(Period {
        start,
        end: end.max(start + 1),
    })
}

/// The busiest stretch of the timeline: the calendar month (or the span of its tick
/// step: two months, a quarter, a year...) holding the most events, the earliest of
/// equals; events known less precisely than the step are not counted. `None` when no
/// stretch holds two events. n log n.
pub fn busiest_period(dates: &[PartialDate]) -> Option<(Period, usize)> {
    let full = full_period(dates)?;
    let step = month_step(months_between(day_date(full.start), day_date(full.end)));
    let mut buckets: Vec<i32> = dates
        .iter()
        .filter(|d| d.month.is_some() || step >= 12)
        .map(|d| {
            let months = d.year * 12 + d.month.map_or(0, |m| i32::from(u8::from(m)) - 1);
            months.div_euclid(step)
        })
        .collect();
    buckets.sort_unstable();
    let mut best: Option<(i32, usize)> = None;
    let mut i = 0;
    while i < buckets.len() {
        let j = i + buckets[i..].partition_point(|&b| b == buckets[i]);
        if best.is_none_or(|(_, count)| j - i > count) {
            best = Some((buckets[i], j - i));
        }
        i = j;
    }
    let (bucket, count) = best.filter(|&(_, count)| count >= 2)?;
    let month = |total: i32| {
        Month::try_from((total.rem_euclid(12) + 1) as u8)
            .ok()
            .and_then(|m| Date::from_calendar_date(total.div_euclid(12), m, 1).ok())
    };
    let start = month(bucket * step)?.to_julian_day().max(full.start);
    let end = month((bucket + 1) * step)
        .map_or(full.end, |d| d.to_julian_day())
        .min(full.end);
    Some((Period { start, end }, count))
}

/// What the busiest stretch of [`busiest_period`] is called: "month", "3 months", "year".
pub fn stretch_name(period: Period) -> &'static str {
    let months = months_between(day_date(period.start), day_date(period.end));
    match months {
        0 | 1 => "month",
        2..=11 => "months",
        12 => "year",
        _ => "years",
    }
}

/// How far `date` is from the story's own event (`focus`, called `name`), in words, as
/// precisely as both dates are known: "15 weeks before the talks", "2 days after the
/// talks", "the same day as the talks"; for dates known to the month "about 3 months
/// before the talks" or "in the same month as the talks"; to the year, "2 years before".
pub fn distance_words(date: &PartialDate, focus: &PartialDate, name: &str) -> String {
    let side = |later: bool| if later { "after" } else { "before" };
    let count = |n: i32, unit: &str| {
        if n == 1 {
            format!("1 {unit}")
        } else {
            format!("{n} {unit}s")
        }
    };
    if date.day.is_some() && focus.day.is_some() {
        let days = date.first_day().to_julian_day() - focus.first_day().to_julian_day();
        if days == 0 {
            return format!("the same day as {name}");
        }
        let (from, to) = if days < 0 {
            (date.first_day(), focus.first_day())
        } else {
            (focus.first_day(), date.first_day())
        };
        let n = days.abs();
        let amount = if n < 14 {
            count(n, "day")
        } else if n < 16 * 7 {
            count(n / 7, "week")
        } else {
            // Whole calendar months, the last one complete.
            let months = months_between(from, to) - i32::from(to.day() < from.day());
            if months < 24 {
                count(months, "month")
            } else {
                count(months / 12, "year")
            }
        };
        return format!("{amount} {} {name}", side(days > 0));
    }
    if date.month.is_some() && focus.month.is_some() {
        let months = months_between(focus.first_day(), date.first_day());
        return match months.abs() {
            0 => format!("in the same month as {name}"),
            1 => format!("in the month {} {name}", side(months > 0)),
            n if n < 24 => format!("about {} {} {name}", count(n, "month"), side(months > 0)),
            n => format!(
                "about {} {} {name}",
                count(n / 12, "year"),
                side(months > 0)
            ),
        };
    }
    let years = date.year - focus.year;
    match years.abs() {
        0 => format!("in the same year as {name}"),
        1 => format!("in the year {} {name}", side(years > 0)),
        n => format!("about {} {} {name}", count(n, "year"), side(years > 0)),
    }
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

/// The narrow drawing's label of a date and a text: its height in rem, wrapped at the
/// narrowest lane (greedily, as the browser wraps; a word longer than a line takes lines
/// of its own).
pub fn narrow_label_height(date: &str, label: &str) -> f64 {
    let per_line = ((NARROW_LANE_MIN_REM - NARROW_TEXT_INSET_REM) / (CHAR_EM * LABEL_FONT_REM))
        .floor()
        .max(1.0) as usize;
    let mut lines = 1;
    let mut used = 0;
    for word in date.split_whitespace().chain(label.split_whitespace()) {
        let length = word.chars().count();
        let needed = if used == 0 { length } else { used + 1 + length };
        if needed <= per_line {
            used = needed;
        } else {
            lines += usize::from(used > 0) + (length.max(1) - 1) / per_line;
            used = (length - 1) % per_line + 1;
        }
    }
    lines as f64 * NARROW_LINE_REM
}

/// Stacks the labels of one lane (ideal tops and heights in rem, in date order) in an
/// axis `height` long: each as near its ideal as the labels before and after allow,
/// `gap` apart, none past either end when they fit at all (the caller makes the axis
/// long enough). Two passes, linear.
pub fn stack_labels(ideal: &[f64], heights: &[f64], gap: f64, height: f64) -> Vec<f64> {
    let mut tops: Vec<f64> = ideal
        .iter()
        .zip(heights)
        .map(|(&top, &tall)| top.clamp(0.0, (height - tall).max(0.0)))
        .collect();
    for i in 1..tops.len() {
        tops[i] = tops[i].max(tops[i - 1] + heights[i - 1] + gap);
    }
    if let (Some(&last), Some(&tall)) = (tops.last(), heights.last()) {
        let mut limit = (height - tall).max(0.0);
        if last > limit {
            for i in (0..tops.len()).rev() {
                if tops[i] <= limit {
                    break;
                }
                tops[i] = limit;
                if i > 0 {
                    limit = (tops[i] - gap - heights[i - 1]).max(0.0);
                }
            }
        }
    }
    tops
}

/// Lays out events (given as parsed dates, labels and lane indexes, in article order) in
/// `lane_count` lanes, the whole timeline at once with dense stretches clustered: the
/// default view ([`layout_view`] with no period and no event kept apart).
pub fn layout_timeline(
    dates: &[PartialDate],
    labels: &[&str],
    lanes: &[usize],
    lane_count: usize,
) -> TimelineLayout {
    layout_view(dates, labels, lanes, lane_count, &View::default())
}

/// What a view of the timeline shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct View {
    /// The period the axis spans: `None` for the whole timeline.
    pub period: Option<Period>,
    /// An event never put in a cluster (the story's own, drawn as the focus).
    pub keep: Option<usize>,
    /// Draw every event on its own, however dense (for tests of the row layout).
    pub unclustered: bool,
}

/// An event's position on the axis and its index.
type Dated = (f64, usize);

/// A marker to place: an event's or a cluster's, with what its label needs.
struct Mark {
    lane: usize,
    position: f64,
    label_chars: usize,
    narrow_height: f64,
    row: usize,
    label_before: bool,
    narrow_top: f64,
}

impl Mark {
    fn new(lane: usize, position: f64, date: &str, label: &str) -> Self {
        let label_chars = label_chars(date, label);
        // After the marker if the label fits there, else before it if it fits
        // there, else on the roomier side.
        let span = wide_span(label_chars);
        Mark {
            lane,
            position,
            label_chars,
            narrow_height: narrow_label_height(date, label),
            row: 0,
            label_before: position + span > 1.0 && (position >= span || position > 0.5),
            narrow_top: 0.0,
        }
    }
}

/// Lays out the events of a view: the axis spans its period (ticks chosen for its
/// length), the events dated outside it are left out, and in each lane a stretch of
/// [`CLUSTER_WINDOW`] holding more than [`MAX_PER_STRETCH`] events becomes one cluster
/// marker. Sorting is the dearest step: n log n.
pub fn layout_view(
    dates: &[PartialDate],
    labels: &[&str],
    lanes: &[usize],
    lane_count: usize,
    view: &View,
) -> TimelineLayout {
    let Some(full) = full_period(dates) else {
        return TimelineLayout::default();
    };
    let lane_count = lane_count.max(1);
    let period = view.period.unwrap_or(full);
    let start_day = f64::from(period.start);
    let span = f64::from(period.days());
    let position = |day: f64| ((day - start_day) / span).clamp(0.0, 1.0);
    let ticks = ticks_for(period);

    // The events in view, each lane's in position order, in one pass after one sort.
    let mut in_view: Vec<(f64, usize)> = dates
        .iter()
        .enumerate()
        .map(|(event, date)| (date.midpoint_day(), event))
        .filter(|&(day, _)| view.period.is_none() || period.contains(day))
        .map(|(day, event)| (position(day), event))
        .collect();
    in_view.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let lane_of = |event: usize| lanes.get(event).copied().unwrap_or(0).min(lane_count - 1);
    let mut by_lane: Vec<Vec<(f64, usize)>> = vec![Vec::new(); lane_count];
    for &(at, event) in &in_view {
        by_lane[lane_of(event)].push((at, event));
    }

    let mut marks: Vec<Mark> = Vec::new();
    // What each mark stands for: an event, or a cluster (an index into `clusters`).
    let mut mark_of: Vec<Result<usize, usize>> = Vec::new();
    let mut clusters: Vec<PlacedCluster> = Vec::new();
    let mut lane_marks: Vec<Vec<usize>> = vec![Vec::new(); lane_count];
    for (lane, in_lane) in by_lane.iter().enumerate() {
        let (kept, rest): (Vec<Dated>, Vec<Dated>) = in_lane
            .iter()
            .partition(|&&(_, event)| Some(event) == view.keep);
        let positions: Vec<f64> = rest.iter().map(|&(at, _)| at).collect();
        let groups = if view.unclustered {
            (0..rest.len()).map(|i| i..i + 1).collect()
        } else {
            stretches(&positions, CLUSTER_WINDOW)
        };
        let mut lane_list: Vec<usize> = Vec::new();
        for group in groups {
            if group.len() > MAX_PER_STRETCH {
                let events: Vec<usize> = rest[group.clone()].iter().map(|&(_, e)| e).collect();
                let (first, last) = (dates[events[0]], dates[events[events.len() - 1]]);
                let date_text = if first == last {
                    first.short()
                } else {
                    format!("{} – {}", first.short(), last.short())
                };
                let label = format!("{} events", events.len());
                let first_day = first.first_day().to_julian_day();
                let last_day =
                    (2.0 * last.midpoint_day()).round() as i32 - last.first_day().to_julian_day();
                let zoom = Period::around(
                    (f64::from(first_day) + f64::from(last_day) + 1.0) / 2.0,
                    last_day + 1 - first_day,
                    full,
                );
                let mark = Mark::new(lane, rest[group.start].0, &date_text, &label);
                lane_list.push(marks.len());
                mark_of.push(Err(clusters.len()));
                clusters.push(PlacedCluster {
                    lane,
                    events,
                    date_text,
                    label,
                    zoom,
                    position: mark.position,
                    row: 0,
                    label_before: false,
                    label_chars: mark.label_chars,
                    narrow_top: 0.0,
                });
                marks.push(mark);
            } else {
                for &(at, event) in &rest[group] {
                    lane_list.push(marks.len());
                    mark_of.push(Ok(event));
                    marks.push(Mark::new(lane, at, &dates[event].short(), labels[event]));
                }
            }
        }
        for (at, event) in kept {
            // In its place among the others: the lane's marks stay in position order.
            let index = lane_list.partition_point(|&m| marks[m].position <= at);
            lane_list.insert(index, marks.len());
            mark_of.push(Ok(event));
            marks.push(Mark::new(lane, at, &dates[event].short(), labels[event]));
        }
        lane_marks[lane] = lane_list;
    }
    let (rows, narrow_height) = place_marks(&mut marks, &lane_marks);

    let mut events: Vec<PlacedEvent> = Vec::new();
    for (mark, of) in marks.iter().zip(&mark_of) {
        match *of {
            Ok(event) => events.push(PlacedEvent {
                event,
                lane: mark.lane,
                position: mark.position,
                row: mark.row,
                label_before: mark.label_before,
                label_chars: mark.label_chars,
                narrow_top: mark.narrow_top,
            }),
            Err(cluster) => {
                let placed = &mut clusters[cluster];
                placed.row = mark.row;
                placed.label_before = mark.label_before;
                placed.narrow_top = mark.narrow_top;
            }
        }
    }
    events.sort_by_key(|placed| placed.event);
    let mut lane_events = vec![Vec::new(); lane_count];
    for (index, placed) in events.iter().enumerate() {
        lane_events[placed.lane].push(index);
    }
    let mut lane_clusters = vec![Vec::new(); lane_count];
    for (index, cluster) in clusters.iter().enumerate() {
        lane_clusters[cluster.lane].push(index);
    }
    TimelineLayout {
        ticks,
        events,
        rows,
        lane_events,
        narrow_height,
        clusters,
        lane_clusters,
        period,
        full,
        in_view: in_view.len(),
    }
}

/// Places the marks of each lane (`lane_marks`: indexes into `marks`, in position order):
/// rows in the wide drawing, tops in the narrow one. Returns the rows each lane needs and
/// the narrow axis's length in rem.
fn place_marks(marks: &mut [Mark], lane_marks: &[Vec<usize>]) -> (Vec<usize>, f64) {
    // Long enough for every lane's labels; and, within half as much again, for each
    // label and those after it to start at their dates (labels near the end excepted,
    // which would need an axis without end): fewer labels pushed away from their dates.
    let narrow_height = lane_marks
        .iter()
        .map(|in_lane| {
            let mut after = 0.0;
            let mut wanted: f64 = 0.0;
            for &i in in_lane.iter().rev() {
                after += marks[i].narrow_height + NARROW_GAP_REM;
                if marks[i].position <= NARROW_FREE_UNTIL {
                    wanted = wanted.max(after / (1.0 - marks[i].position));
                }
            }
            wanted.min(after * 1.5).max(after)
        })
        .fold(NARROW_MIN_HEIGHT_REM, f64::max);
    let mut rows = vec![0; lane_marks.len()];
    for (lane, in_lane) in lane_marks.iter().enumerate() {
        // Wide: each label goes in the first row where the last label has ended.
        let mut row_ends = RowEnds::new(in_lane.len());
        let mut used_rows = 0;
        for &i in in_lane {
            let mark = &mut marks[i];
            let (from, to) = extent(mark.position, mark.label_chars, mark.label_before);
            let row = row_ends.first_ended_by(from);
            row_ends.set(row, to);
            mark.row = row;
            used_rows = used_rows.max(row + 1);
        }
        rows[lane] = used_rows;

        // Narrow: the label's first line is centred on its date, then pushed apart.
        let ideal: Vec<f64> = in_lane
            .iter()
            .map(|&i| marks[i].position * narrow_height - NARROW_LINE_REM / 2.0)
            .collect();
        let heights: Vec<f64> = in_lane.iter().map(|&i| marks[i].narrow_height).collect();
        for (&i, top) in in_lane.iter().zip(stack_labels(
            &ideal,
            &heights,
            NARROW_GAP_REM,
            narrow_height,
        )) {
            marks[i].narrow_top = top;
        }
    }
    (rows, narrow_height)
}

/// Splits positions (in increasing order) into stretches: each starts at a position and
/// holds every following one within `window` of it. Linear. A lane of any length thus
/// has at most `1 / window + 1` stretches; with each drawn as at most
/// [`MAX_PER_STRETCH`] markers or one cluster, its markers are bounded whatever its events.
pub fn stretches(positions: &[f64], window: f64) -> Vec<std::ops::Range<usize>> {
    let mut found = Vec::new();
    let mut start = 0;
    for (i, &at) in positions.iter().enumerate() {
        if at > positions[start] + window {
            found.push(start..i);
            start = i;
        }
    }
    if start < positions.len() {
        found.push(start..positions.len());
    }
    found
}

/// How much of the narrowest axis a marker with a label `label_chars` wide takes, from
/// its date on: the dot, the label, and the room kept clear after it.
fn wide_span(label_chars: usize) -> f64 {
    axis_share(DOT_REM + CLEAR_REM) + label_share(label_chars)
}

/// The stretch of the narrowest axis that a placed marker and its label take, with room
/// kept clear on both sides: no other label in its row may overlap it.
pub fn wide_extent(placed: &PlacedEvent) -> (f64, f64) {
    extent(placed.position, placed.label_chars, placed.label_before)
}

fn extent(position: f64, label_chars: usize, label_before: bool) -> (f64, f64) {
    let span = wide_span(label_chars);
    let behind = axis_share(CLEAR_REM);
    if label_before {
        (position - span, position + behind)
    } else {
        (position - behind, position + span)
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
/// A length for CSS (rem, say) with two decimals, written without float formatting.
pub fn css_number(value: f64) -> String {
    let hundredths = (value.max(0.0) * 100.0).round() as u64;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

pub fn css_percent(fraction: f64) -> String {
    let hundredths = (fraction.clamp(0.0, 1.0) * 10_000.0).round() as u32;
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
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
        let layout = layout_view(
            &dates(&["2021-12-01"]).repeat(count),
            &vec!["Talks"; count],
            &vec![FIRST; count],
            2,
            &View {
                unclustered: true,
                ..View::default()
            },
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
    fn narrow_labels_keep_their_order_never_meet_and_stay_on_the_axis() {
        let heights = [2.0, 3.0, 1.0, 1.0, 2.0, 1.0];
        let ideal = [1.0, 1.5, 2.0, 20.0, 47.5, 48.0];
        let tops = stack_labels(&ideal, &heights, 0.5, 48.0);
        for i in 1..tops.len() {
            assert!(
                tops[i] >= tops[i - 1] + heights[i - 1] + 0.5 - 1e-9,
                "{tops:?}"
            );
        }
        assert_eq!(tops[0], 1.0, "the first keeps its place");
        assert_eq!(tops[3], 20.0, "one with room keeps its place");
        assert!(
            tops.iter()
                .zip(heights)
                .all(|(top, tall)| *top >= 0.0 && top + tall <= 48.0 + 1e-9),
            "{tops:?}"
        );
        // As many as the axis holds exactly: they fill it, in order.
        let full = stack_labels(&[10.0; 4], &[11.0; 4], 1.0, 47.0);
        assert_eq!(full, [0.0, 12.0, 24.0, 36.0]);
    }

    #[test]
    fn a_narrow_label_reserves_every_line_it_wraps_into() {
        let line = NARROW_LINE_REM;
        assert_eq!(narrow_label_height("1 Dec", "Talk"), line);
        // 10 characters to a line at the narrowest lane.
        assert_eq!(
            narrow_label_height("23 Jun", "Yusuf meets Patrushev at SCO meeting in Dushanbe"),
            7.0 * line
        );
        // A word longer than a line takes lines of its own.
        assert_eq!(narrow_label_height("", &"x".repeat(30)), 3.0 * line);
    }

    #[test]
    fn the_narrow_axis_grows_to_hold_every_label_of_a_lane() {
        let many: Vec<String> = (1..=28).map(|day| format!("2021-02-{day:02}")).collect();
        let refs: Vec<&str> = many.iter().map(String::as_str).collect();
        let labels = vec!["A label long enough to take three lines here"; refs.len()];
        let layout = layout_timeline(&dates(&refs), &labels, &vec![FIRST; refs.len()], 2);
        assert!(layout.narrow_height > NARROW_MIN_HEIGHT_REM);
        let mut placed: Vec<_> = layout.events.iter().collect();
        placed.sort_by(|a, b| a.narrow_top.total_cmp(&b.narrow_top));
        let tall = narrow_label_height("1 Feb", labels[0]);
        for pair in placed.windows(2) {
            assert!(pair[1].narrow_top >= pair[0].narrow_top + tall - 1e-9);
        }
        assert!(placed.last().unwrap().narrow_top + tall <= layout.narrow_height + 1e-9);
    }

    #[test]
    fn css_numbers_have_two_decimals_and_are_never_negative() {
        assert_eq!(css_number(48.0), "48.00");
        assert_eq!(css_number(1234.567), "1234.57");
        assert_eq!(css_number(-3.0), "0.00");
        assert_eq!(css_number(f64::NAN), "0.00");
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
        // December 2021, a tick each Monday.
        let labels: Vec<&str> = layout.ticks.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, ["6 Dec", "13 Dec", "20 Dec", "27 Dec"]);
        assert_eq!(layout.period.label(), "Dec 2021");
        assert_eq!(layout.events[0].position, 0.0);
    }
}

/// Tests of the wide drawing's label placement with labels of real lengths.
#[cfg(test)]
mod label_tests {
    use super::*;

    /// The built-in article's events: date, lane, label.
    pub(super) const BUILT_IN: [(&str, usize, &str); 12] = [
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
        let view = View {
            unclustered: true,
            ..View::default()
        };
        layout_view(dates, &labels, lanes, 3, &view)
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

/// Tests of zooming, the story's own event and clusters.
#[cfg(test)]
mod zoom_tests {
    use super::label_tests::BUILT_IN;
    use super::*;

    fn parse(text: &str) -> PartialDate {
        PartialDate::parse(text).unwrap()
    }

    fn day(text: &str) -> i32 {
        parse(text).first_day().to_julian_day()
    }

    fn period(from: &str, to: &str) -> Period {
        Period {
            start: day(from),
            end: day(to),
        }
    }

    /// The built-in story's events `copies` times over (as the 100x benchmark article
    /// makes them: the same dates), as dates, labels and lanes.
    fn built_in(copies: usize) -> (Vec<PartialDate>, Vec<String>, Vec<usize>) {
        let mut dates = Vec::new();
        let mut labels = Vec::new();
        let mut lanes = Vec::new();
        for copy in 1..=copies {
            for (date, lane, label) in BUILT_IN {
                dates.push(parse(date));
                labels.push(if copy == 1 {
                    label.to_owned()
                } else {
                    format!("{label} ({copy})")
                });
                lanes.push(lane);
            }
        }
        (dates, labels, lanes)
    }

    fn view_of(
        (dates, labels, lanes): &(Vec<PartialDate>, Vec<String>, Vec<usize>),
        view: View,
    ) -> TimelineLayout {
        let labels: Vec<&str> = labels.iter().map(String::as_str).collect();
        layout_view(dates, &labels, lanes, 2, &view)
    }

    /// The index of "Yusuf and Patrushev hold talks in Moscow".
    const TALKS: usize = 2;

    #[test]
    fn distances_from_the_focus_read_as_words() {
        let talks = parse("2021-12-01");
        let words = |date: &str| distance_words(&parse(date), &talks, "the talks");
        assert_eq!(words("2021-12-01"), "the same day as the talks");
        assert_eq!(words("2021-12-02"), "1 day after the talks");
        assert_eq!(words("2021-11-28"), "3 days before the talks");
        assert_eq!(words("2021-11-17"), "2 weeks before the talks");
        assert_eq!(words("2021-12-19"), "2 weeks after the talks");
        // 108 days: 15 whole weeks.
        assert_eq!(words("2021-08-15"), "15 weeks before the talks");
        // 23 June to 1 December: 5 whole months (23 November is 5, 23 December 6).
        assert_eq!(words("2021-06-23"), "5 months before the talks");
        assert_eq!(words("2021-05-17"), "6 months before the talks");
        assert_eq!(words("2019-11-30"), "2 years before the talks");
        // Known to the month: no days or weeks are invented.
        assert_eq!(words("2021-12"), "in the same month as the talks");
        assert_eq!(words("2021-11"), "in the month before the talks");
        assert_eq!(words("2021-09"), "about 3 months before the talks");
        assert_eq!(words("2022-03"), "about 3 months after the talks");
        // Known to the year.
        assert_eq!(words("2021"), "in the same year as the talks");
        assert_eq!(words("2020"), "in the year before the talks");
        assert_eq!(words("2018"), "about 3 years before the talks");
        // A focus known only to the month makes every distance as coarse.
        let month = parse("2021-12");
        assert_eq!(
            distance_words(&parse("2021-08-15"), &month, "the talks"),
            "about 4 months before the talks"
        );
    }

    #[test]
    fn periods_are_said_as_a_reader_says_them() {
        assert_eq!(period("2021-08-01", "2022-01-01").label(), "Aug–Dec 2021");
        assert_eq!(period("2021-08-01", "2021-09-01").label(), "Aug 2021");
        assert_eq!(
            period("2021-11-01", "2022-03-01").label(),
            "Nov 2021 – Feb 2022"
        );
        assert_eq!(period("2021-08-09", "2021-08-16").label(), "9–15 Aug 2021");
        assert_eq!(
            period("2021-08-09", "2021-09-06").label(),
            "9 Aug – 5 Sep 2021"
        );
        assert_eq!(
            period("2021-12-30", "2022-01-06").label(),
            "30 Dec 2021 – 5 Jan 2022"
        );
        assert_eq!(period("2021-12-01", "2021-12-02").label(), "1 Dec 2021");
    }

    #[test]
    fn short_periods_get_ticks_of_days_or_weeks_never_more_than_eight() {
        let labels =
            |p: Period| -> Vec<String> { ticks_for(p).into_iter().map(|t| t.label).collect() };
        // A week: a tick a day, the end included.
        assert_eq!(
            labels(period("2021-11-29", "2021-12-06")),
            ["29 Nov", "30 Nov", "1 Dec", "2 Dec", "3 Dec", "4 Dec", "5 Dec", "6 Dec"]
        );
        // Four weeks from a Wednesday: each Monday.
        assert_eq!(
            labels(period("2021-08-11", "2021-09-08")),
            ["16 Aug", "23 Aug", "30 Aug", "6 Sep"]
        );
        // Five months: months, the first with its year.
        assert_eq!(
            labels(period("2021-08-01", "2022-01-01")),
            ["Aug 2021", "Sep", "Oct", "Nov", "Dec", "Jan 2022"]
        );
        // From mid-month: the first whole month's tick names the year.
        assert_eq!(labels(period("2021-08-20", "2021-12-10"))[0], "Sep 2021");
        let start = day("2021-01-01");
        for days in 1..=400 {
            let ticks = ticks_for(Period {
                start,
                end: start + days,
            });
            let most = if days <= 98 { 8 } else { 13 };
            assert!(!ticks.is_empty() || days < 7, "{days} days: no ticks");
            assert!(ticks.len() <= most, "{days} days: {} ticks", ticks.len());
            assert!(ticks.windows(2).all(|w| w[0].position < w[1].position));
            assert!(ticks.iter().all(|t| (0.0..=1.0).contains(&t.position)));
        }
    }

    #[test]
    fn presets_come_from_the_data() {
        let (dates, _, _) = built_in(1);
        // The focus, 1 December, and the first event at most four months before it (15 August).
        let around = focus_period(&dates, TALKS).unwrap();
        assert_eq!(around, period("2021-08-01", "2022-01-01"));
        assert_eq!(around.label(), "Aug–Dec 2021");
        // August and December hold four events each: the earlier wins.
        let (busiest, count) = busiest_period(&dates).unwrap();
        assert_eq!((busiest.label().as_str(), count), ("Aug 2021", 4));
        assert_eq!(stretch_name(busiest), "month");
        // An event in the last fortnight of its month takes the next month too.
        let late = vec![
            parse("2021-10-01"),
            parse("2021-12-25"),
            parse("2022-01-03"),
        ];
        assert_eq!(
            focus_period(&late, 1).unwrap().label(),
            "Oct 2021 – Jan 2022"
        );
        // A long timeline's busiest stretch is as long as its tick step.
        let long: Vec<PartialDate> = ["1990", "2001-03", "2001-05-02", "2021-12-01"]
            .iter()
            .map(|d| parse(d))
            .collect();
        let (busiest, count) = busiest_period(&long).unwrap();
        assert_eq!((busiest.label().as_str(), count), ("2000–2004", 2));
        assert_eq!(stretch_name(busiest), "years");
        // One event a stretch: no busiest.
        assert_eq!(busiest_period(&long[..2]), None);
    }

    #[test]
    fn zooming_stays_inside_the_timeline_and_never_below_a_week() {
        let full = period("2021-05-01", "2022-01-01");
        let mut zoomed = full;
        for _ in 0..20 {
            zoomed = zoomed.zoomed_in(full);
            assert!(zoomed.start >= full.start && zoomed.end <= full.end);
        }
        assert_eq!(zoomed.days(), MIN_PERIOD_DAYS);
        for _ in 0..40 {
            zoomed = zoomed.moved(true, full);
        }
        assert_eq!(zoomed.end, full.end);
        for _ in 0..20 {
            zoomed = zoomed.zoomed_out(full);
        }
        assert_eq!(zoomed, full);
        // A wheel's steps keep the pointer's day in place, and come back out to the whole.
        let step = full.scaled(0.25, false, full);
        assert_eq!(step.days(), 196);
        let anchor = |p: Period| f64::from(p.start) + 0.25 * f64::from(p.days());
        assert!((anchor(step) - anchor(full)).abs() <= 1.0);
        let mut wheel = full;
        for _ in 0..30 {
            wheel = wheel.scaled(0.9, false, full);
        }
        assert_eq!(wheel.days(), MIN_PERIOD_DAYS);
        for _ in 0..30 {
            wheel = wheel.scaled(0.1, true, full);
        }
        assert_eq!(wheel, full);
        // In and out again is the whole timeline, though 245 days do not halve evenly.
        assert_eq!(full.zoomed_in(full).zoomed_out(full), full);
        // A brush from a fifth to two fifths of the axis, dragged either way.
        let part = full.part(0.4, 0.2);
        assert_eq!(part, full.part(0.2, 0.4));
        assert_eq!(part.label(), "19 Jun – 7 Aug 2021");
        // A click without a drag still gives a week.
        assert_eq!(full.part(0.5, 0.5).days(), MIN_PERIOD_DAYS);
    }

    #[test]
    fn a_zoomed_view_draws_only_its_period() {
        let data = built_in(1);
        let around = focus_period(&data.0, TALKS).unwrap();
        let layout = view_of(
            &data,
            View {
                period: Some(around),
                ..View::default()
            },
        );
        assert_eq!(layout.in_view, 10);
        assert_eq!(layout.events.len(), 10);
        assert!(layout.clusters.is_empty());
        assert!(layout.events.iter().all(|e| e.event >= 2));
        assert_eq!(layout.ticks[0].label, "Aug 2021");
        // 15 August sits half a month in.
        let kabul = layout.events.iter().find(|e| e.event == 5).unwrap();
        assert!((kabul.position - 14.0 / 153.0).abs() < 1e-9);
        // The whole timeline at once: every event, no cluster.
        let all = view_of(&data, View::default());
        assert_eq!((all.in_view, all.events.len()), (12, 12));
        assert!(all.clusters.is_empty());
        assert_eq!(all.period, all.full);
    }

    #[test]
    fn the_100x_timeline_is_clustered_to_a_bounded_number_of_markers() {
        let data = built_in(100);
        let view = View {
            keep: Some(TALKS),
            ..View::default()
        };
        let layout = view_of(&data, view);
        let markers = layout.events.len() + layout.clusters.len();
        // At most a dozen and one stretches a lane, each at most MAX_PER_STRETCH markers
        // or one cluster, and the kept event.
        let bound = 2 * ((1.0 / CLUSTER_WINDOW) as usize + 1) * MAX_PER_STRETCH + 1;
        assert!(markers <= bound, "{markers} markers");
        assert!(markers < 40, "{markers} markers for 1,200 events");
        // Every event is drawn once: alone or in exactly one cluster.
        let mut seen = vec![0; 1_200];
        for placed in &layout.events {
            seen[placed.event] += 1;
        }
        for cluster in &layout.clusters {
            assert!(cluster.events.len() > MAX_PER_STRETCH);
            assert_eq!(cluster.label, format!("{} events", cluster.events.len()));
            for &event in &cluster.events {
                seen[event] += 1;
                assert_eq!(data.2[event], cluster.lane);
                // Its zoom holds every one of its events.
                assert!(cluster.zoom.contains(data.0[event].midpoint_day()));
            }
        }
        assert!(seen.iter().all(|&n| n == 1));
        // The story's own event is drawn on its own, beside the cluster of 1 December.
        assert!(layout.events.iter().any(|e| e.event == TALKS));
        let december = layout
            .clusters
            .iter()
            .find(|c| c.date_text == "1 Dec")
            .unwrap();
        assert_eq!(december.events.len(), 299);
        // Zooming to a cluster spreads its events: August's four dates, 100 each, apart.
        let august = layout
            .clusters
            .iter()
            .find(|c| c.date_text == "15 Aug – 30 Aug")
            .unwrap();
        assert_eq!(august.events.len(), 400);
        let zoomed = view_of(
            &data,
            View {
                period: Some(august.zoom),
                ..view
            },
        );
        assert_eq!(zoomed.in_view, 400);
        // 15 August alone, 17 and 18 together (a day apart in a fortnight), 30 August.
        assert_eq!(
            zoomed.clusters.len(),
            3,
            "{:?}",
            zoomed
                .clusters
                .iter()
                .map(|c| &c.date_text)
                .collect::<Vec<_>>()
        );
        // Labels in one row never overlap.
        for lane in 0..2 {
            let mut spans: Vec<(usize, f64, f64)> = zoomed.lane_clusters[lane]
                .iter()
                .map(|&c| &zoomed.clusters[c])
                .map(|c| {
                    let (from, to) = extent(c.position, c.label_chars, c.label_before);
                    (c.row, from, to)
                })
                .chain(zoomed.lane_events[lane].iter().map(|&e| {
                    let (from, to) = wide_extent(&zoomed.events[e]);
                    (zoomed.events[e].row, from, to)
                }))
                .collect();
            spans.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
            assert!(spans
                .windows(2)
                .all(|w| w[0].0 != w[1].0 || w[0].2 <= w[1].1 + 1e-9));
        }
    }

    #[test]
    fn clustering_grows_about_linearly_with_the_events() {
        let time = |copies: usize| {
            let data = built_in(copies);
            (0..3)
                .map(|_| {
                    let started = std::time::Instant::now();
                    let layout = view_of(&data, View::default());
                    assert_eq!(layout.in_view, copies * 12);
                    assert!(layout.events.len() + layout.clusters.len() < 40);
                    started.elapsed().as_secs_f64()
                })
                .fold(f64::MAX, f64::min)
        };
        let small = time(100);
        let large = time(10_000);
        assert!(
            large < small * 1_000.0,
            "{small} s for 1,200, {large} s for 120,000"
        );
    }

    #[test]
    fn stretches_split_at_the_window() {
        assert_eq!(stretches(&[], 0.1), Vec::<std::ops::Range<usize>>::new());
        assert_eq!(
            stretches(&[0.0, 0.05, 0.1, 0.11, 0.5, 0.5, 0.95], 0.1),
            [0..3, 3..4, 4..6, 6..7]
        );
    }
}
