//! Finding dates in text, as precise as written.

use super::lexicon::MONTH_CUES;
use super::text::{is_comma, is_space, words};
use crate::dates::PartialDate;
use time::{Date, Duration, Month, Weekday};

/// A date in the text, `text[start..end]`, as precise as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct DateMention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) year: Option<i32>,
    pub(super) month: Option<Month>,
    pub(super) day: Option<u8>,
}

impl DateMention {
    /// The date as articles hold it, when the text gives its year and the date exists.
    pub(super) fn date(&self) -> Option<PartialDate> {
        self.in_year(self.year?)
    }

    /// False for dates that do not exist, such as "February 30"; a date without a year
    /// is tried in a leap year, since "February 29" may be real.
    pub(super) fn is_real(&self) -> bool {
        self.in_year(self.year.unwrap_or(2000)).is_some()
    }

    /// Checked by the same parser as validation, so an event's date always passes it.
    fn in_year(&self, year: i32) -> Option<PartialDate> {
        let date = PartialDate {
            year,
            month: self.month,
            day: self.day,
        };
        PartialDate::parse(&date.iso()).ok()
    }
}

/// The month a word names, in the English names the viewer shows (`time::Month`'s), also
/// in capitals ("OCTOBER").
fn month_named(word: &str) -> Option<Month> {
    word.parse().ok().or_else(|| {
        let mut chars = word.chars();
        let first = chars.next()?;
        let rest = chars.as_str();
        (rest.len() >= 2 && rest.chars().all(|c| c.is_ascii_uppercase()))
            .then(|| format!("{first}{}", rest.to_ascii_lowercase()).parse().ok())
            .flatten()
    })
}

/// The month of an abbreviation news style writes with a full stop: "Oct." in
/// "Oct. 4, 2024".
pub(super) fn month_abbreviated(word: &str) -> Option<Month> {
    Some(match word {
        "Jan" => Month::January,
        "Feb" => Month::February,
        "Mar" => Month::March,
        "Apr" => Month::April,
        "Jun" => Month::June,
        "Jul" => Month::July,
        "Aug" => Month::August,
        "Sep" | "Sept" => Month::September,
        "Oct" => Month::October,
        "Nov" => Month::November,
        "Dec" => Month::December,
        _ => return None,
    })
}

/// A day and a month written as numbers, with a four-digit year: "8/26/2016" or
/// "26/8/2016". Only when the order is plain: in "5/6/2016" either may be the month.
fn numeric_date(day_or_month: u8, other: u8) -> Option<(Month, u8)> {
    let (month, day) = match (day_or_month, other) {
        (a, b) if a == b || (a <= 12 && b > 12) => (a, b),
        (a, b) if a > 12 && b <= 12 => (b, a),
        _ => return None,
    };
    Some((Month::try_from(month).ok()?, day))
}

/// "1", "01", "1st", "15th": a day of the month.
fn day_number(word: &str) -> Option<u8> {
    let digits = word.trim_end_matches(char::is_alphabetic);
    let suffix = &word[digits.len()..];
    let ok = (1..=2).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "" | "st" | "nd" | "rd" | "th");
    let day: u8 = digits.parse().ok().filter(|_| ok)?;
    (1..=31).contains(&day).then_some(day)
}

fn year_number(word: &str) -> Option<i32> {
    let year: i32 = (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()?;
    (1000..=2999).contains(&year).then_some(year)
}

/// Every date in the forms news pages use: "Thursday, February 15, 2024",
/// "February 15, 2024", "15 February 2024", "December 1", "1 December", "December 2021",
/// "in December" and "2021".
pub(super) fn find_dates(text: &str) -> Vec<DateMention> {
    let words = words(text);
    let mut found = Vec::new();
    let mut i = 0;
    while i < words.len() {
        match date_at(text, &words, i) {
            Some((date, next)) => {
                found.push(date);
                i = next;
            }
            None => i += 1,
        }
    }
    found
}

/// The date that starts at word `i`, and the index of the word after it.
fn date_at(text: &str, words: &[(usize, usize)], i: usize) -> Option<(DateMention, usize)> {
    let word = |k: usize| words.get(k).map_or("", |&(s, e)| &text[s..e]);
    let gap = |k: usize| match (words.get(k), words.get(k + 1)) {
        (Some(&(_, e)), Some(&(s, _))) => &text[e..s],
        _ => "",
    };
    // "Oct. 4": an abbreviated month is followed by its full stop.
    let abbreviated = |k: usize| {
        month_abbreviated(word(k)).is_some() && gap(k).strip_prefix('.').is_some_and(is_space)
    };
    let spaced = |k: usize| is_space(gap(k)) || abbreviated(k);
    let spaced_or_comma = |k: usize| is_space(gap(k)) || is_comma(gap(k));
    let date = |last: usize, year, month, day| {
        let mention = DateMention {
            start: words[i].0,
            end: words[last].1,
            year,
            month,
            day,
        };
        Some((mention, last + 1))
    };

    let weekday = word(i).parse::<Weekday>().is_ok() && spaced_or_comma(i);
    let first = if weekday { i + 1 } else { i };
    if let (Some(a), Some(b), "/", "/") = (
        day_number(word(first)),
        day_number(word(first + 1)),
        gap(first),
        gap(first + 1),
    ) {
        let year = year_number(word(first + 2));
        return match (numeric_date(a, b), year) {
            (Some((month, day)), Some(year)) => date(first + 2, Some(year), Some(month), Some(day)),
            _ => None,
        };
    }
    let month = month_named(word(first)).or_else(|| {
        month_abbreviated(word(first)).filter(|_| abbreviated(first) || gap(first) == ".")
    });
    if let Some(month) = month {
        if spaced(first) {
            if let Some(day) = day_number(word(first + 1)) {
                // "June 28-29, 2017": a range of days dates from its first.
                let range = matches!(gap(first + 1), "-" | "–")
                    && day_number(word(first + 2)).is_some_and(|end| end > day)
                    && spaced_or_comma(first + 2);
                if range {
                    if let Some(year) = year_number(word(first + 3)) {
                        return date(first + 3, Some(year), Some(month), Some(day));
                    }
                }
                if spaced_or_comma(first + 1) {
                    if let Some(year) = year_number(word(first + 2)) {
                        return date(first + 2, Some(year), Some(month), Some(day));
                    }
                }
                return date(first + 1, None, Some(month), Some(day));
            }
        }
        if !weekday && spaced_or_comma(first) {
            if let Some(year) = year_number(word(first + 1)) {
                return date(first + 1, Some(year), Some(month), None);
            }
        }
        let cued = i > 0 && spaced(i - 1) && MONTH_CUES.contains(&word(i - 1));
        return if cued && !weekday {
            date(first, None, Some(month), None)
        } else {
            None
        };
    }
    if let Some(day) = day_number(word(first)) {
        if spaced(first) {
            if let Some(month) = month_named(word(first + 1)) {
                if spaced_or_comma(first + 1) {
                    if let Some(year) = year_number(word(first + 2)) {
                        return date(first + 2, Some(year), Some(month), Some(day));
                    }
                }
                return date(first + 1, None, Some(month), Some(day));
            }
        }
    }
    let year = year_number(word(i)).filter(|&y| (1900..=2099).contains(&y));
    if weekday || year.is_none() || !year_stands_alone(text, words[i]) {
        return None;
    }
    date(i, year, None, None)
}

/// A four-digit number is a year unless it is money, a percentage or part of a longer
/// number ("$2000", "2000%", "1,2000", "2021-22").
fn year_stands_alone(text: &str, (start, end): (usize, usize)) -> bool {
    let mut before = text[..start].chars().rev();
    let mut after = text[end..].chars();
    let number_joint = |joint: Option<char>, digit: Option<char>| {
        joint.is_some_and(|c| ".,:/-".contains(c)) && digit.is_some_and(|c| c.is_ascii_digit())
    };
    let (b1, b2) = (before.next(), before.next());
    let (a1, a2) = (after.next(), after.next());
    !b1.is_some_and(|c| "$£€¥#".contains(c))
        && !number_joint(b1, b2)
        && a1 != Some('%')
        && !number_joint(a1, a2)
}

/// The date that is the whole line, if it is one.
pub(super) fn whole_line_date(line: &str) -> Option<DateMention> {
    match find_dates(line).as_slice() {
        [date] if date.start == 0 && date.end == line.len() => Some(*date),
        _ => None,
    }
}

/// A date given relative to when the story was written: "on Wednesday", "yesterday",
/// "last week", "this month".
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Relative {
    Weekday(Weekday),
    /// Days after the publication date: -1 for "yesterday".
    Day(i64),
    /// Weeks after the publication week.
    Week(i64),
    Month(i64),
    Year(i64),
}

/// A relative date in the text, `text[start..end]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct RelativeMention {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) relative: Relative,
    /// Written of the future ("will meet on Monday", "next week").
    pub(super) ahead: bool,
}

/// Every relative date: weekdays (outside full dates such as "Thursday, February 15,
/// 2024"), "today", "yesterday", "tomorrow", "tonight", and "last", "this" or "next"
/// with "week", "month" or "year".
pub(super) fn find_relative(text: &str, dates: &[DateMention]) -> Vec<RelativeMention> {
    let words = words(text);
    let word = |k: usize| words.get(k).map_or("", |&(s, e)| &text[s..e]);
    let mut found = Vec::new();
    for (i, &(start, end)) in words.iter().enumerate() {
        // Dates come in order: the one starting last at or before this word holds it, if any.
        let before_it = dates.partition_point(|d| d.start <= start);
        if before_it > 0 && end <= dates[before_it - 1].end {
            continue;
        }
        let lower = word(i).to_lowercase();
        let before = if i > 0 {
            word(i - 1).to_lowercase()
        } else {
            String::new()
        };
        let opener = |w: &str| {
            matches!(
                w,
                "on" | "last" | "next" | "this" | "since" | "until" | "by"
            )
        };
        let (relative, first) = match lower.as_str() {
            "today" | "tonight" => (Relative::Day(0), i),
            "yesterday" => (Relative::Day(-1), i),
            "tomorrow" => (Relative::Day(1), i),
            "week" | "month" | "year" => {
                let step = match before.as_str() {
                    "last" | "past" => -1,
                    "this" => 0,
                    "next" | "coming" => 1,
                    _ => continue,
                };
                let relative = match lower.as_str() {
                    "week" => Relative::Week(step),
                    "month" => Relative::Month(step),
                    _ => Relative::Year(step),
                };
                (relative, i - 1)
            }
            _ => match word(i).parse::<Weekday>() {
                Ok(weekday) => (Relative::Weekday(weekday), i - usize::from(opener(&before))),
                Err(_) => continue,
            },
        };
        let ahead = before == "next"
            || before == "coming"
            || (matches!(relative, Relative::Weekday(_) | Relative::Day(0))
                && future_tense(lead_in(text, start)));
        found.push(RelativeMention {
            start: words[first].0,
            end,
            relative,
            ahead,
        });
    }
    found
}

/// How far back a date's sentence is read for its tense, in bytes: enough for "will meet
/// again on", and a bound, so many dates in one long sentence stay linear.
const LEAD_IN_BYTES: usize = 120;

/// The words of the sentence just before `start`, at most [`LEAD_IN_BYTES`] of them.
pub(super) fn lead_in(text: &str, start: usize) -> &str {
    let mut from = start.saturating_sub(LEAD_IN_BYTES);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let window = &text[from..start];
    window
        .rfind(['.', '!', '?'])
        .map_or(window, |at| &window[at + 1..])
}

/// "will", "is due to", "is to" before a weekday: the story looks ahead.
pub(super) fn future_tense(before: &str) -> bool {
    let words: Vec<&str> = before.split_whitespace().collect();
    words.iter().any(|w| matches!(*w, "will" | "’ll" | "'ll" | "shall"))
        || words.windows(2).any(|pair| {
            matches!(pair, [a, b] if matches!(*a, "is" | "are") && matches!(*b, "due" | "scheduled" | "expected" | "set" | "to"))
        })
}

/// A relative date, resolved against the publication date: the date, and the reasoning
/// in one line. `None` when it spans two months or more than the format can hold.
pub(super) fn resolve(
    mention: &RelativeMention,
    words: &str,
    published: Date,
) -> Option<(PartialDate, String)> {
    let day = |date: Date| PartialDate {
        year: date.year(),
        month: Some(date.month()),
        day: Some(date.day()),
    };
    let long = |date: Date| format!("{} {}", date.weekday(), day(date));
    let anchor = long(published);
    let (date, how) = match mention.relative {
        Relative::Weekday(weekday) if weekday == published.weekday() && !mention.ahead => {
            (day(published), "the publication day".to_owned())
        }
        Relative::Weekday(weekday) => {
            let step = if mention.ahead { 1 } else { -1 };
            let mut date = published;
            for _ in 0..7 {
                date = date.checked_add(Duration::days(step))?;
                if date.weekday() == weekday {
                    break;
                }
            }
            let side = if mention.ahead { "after" } else { "before" };
            (
                day(date),
                format!("the {weekday} {side} the publication date"),
            )
        }
        Relative::Day(offset) => {
            let date = published.checked_add(Duration::days(offset))?;
            let how = match offset {
                0 => "the publication day",
                -1 => "the day before the publication date",
                _ => "the day after the publication date",
            };
            (day(date), how.to_owned())
        }
        Relative::Week(offset) => {
            let monday = published
                .checked_sub(Duration::days(
                    published.weekday().number_days_from_monday().into(),
                ))?
                .checked_add(Duration::weeks(offset))?;
            let sunday = monday.checked_add(Duration::days(6))?;
            if (monday.year(), monday.month()) != (sunday.year(), sunday.month()) {
                return None;
            }
            let date = PartialDate {
                year: monday.year(),
                month: Some(monday.month()),
                day: None,
            };
            let how = format!(
                "the week of {} to {}, which lies in {date}",
                day(monday),
                day(sunday)
            );
            return Some((
                date,
                format!("“{words}”: {how}, counted from the publication date ({anchor})."),
            ));
        }
        Relative::Month(offset) => {
            let index = i64::from(published.year()) * 12 + i64::from(u8::from(published.month()))
                - 1
                + offset;
            let year = i32::try_from(index.div_euclid(12)).ok()?;
            let month = Month::try_from(u8::try_from(index.rem_euclid(12) + 1).ok()?).ok()?;
            let date = PartialDate {
                year,
                month: Some(month),
                day: None,
            };
            (
                date,
                "the month".to_owned()
                    + match offset {
                        0 => " of the publication date",
                        -1 => " before the publication date",
                        _ => " after the publication date",
                    },
            )
        }
        Relative::Year(offset) => {
            let date = PartialDate {
                year: published.year().checked_add(i32::try_from(offset).ok()?)?,
                month: None,
                day: None,
            };
            (
                date,
                "the year".to_owned()
                    + match offset {
                        0 => " of the publication date",
                        -1 => " before the publication date",
                        _ => " after the publication date",
                    },
            )
        }
    };
    let shown = match date.day {
        Some(_) => long(date.first_day()),
        None => date.to_string(),
    };
    Some((date, format!("“{words}”: {how} ({anchor}), {shown}.")))
}

/// A date without a year ("December 1", "in June"), placed in the year that puts it on
/// or before the publication date, or after it when the story looks ahead.
pub(super) fn resolve_partial(
    mention: &DateMention,
    words: &str,
    ahead: bool,
    published: Date,
) -> Option<(PartialDate, String)> {
    let month = mention.month?;
    let key = (u8::from(month), mention.day.unwrap_or(1));
    let now = (u8::from(published.month()), published.day());
    let year = match (ahead, key <= now) {
        (false, true) | (true, false) => published.year(),
        (false, false) => published.year() - 1,
        (true, true) if mention.day.is_none() && key.0 == now.0 => published.year(),
        (true, true) => published.year() + 1,
    };
    let date = PartialDate {
        year,
        month: Some(month),
        day: mention.day,
    };
    PartialDate::parse(&date.iso()).ok()?;
    let side = if ahead { "after" } else { "on or before" };
    let anchor = format!(
        "{} {}",
        published.weekday(),
        PartialDate {
            year: published.year(),
            month: Some(published.month()),
            day: Some(published.day()),
        }
    );
    Some((
        date,
        format!("“{words}” has no year: the first such date {side} the publication date ({anchor}) is in {year}."),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words, year, month and day of each date found.
    type Found<'t> = (&'t str, Option<i32>, Option<u8>, Option<u8>);

    fn dates(text: &str) -> Vec<Found<'_>> {
        find_dates(text)
            .into_iter()
            .map(|d| (&text[d.start..d.end], d.year, d.month.map(u8::from), d.day))
            .collect()
    }

    #[test]
    fn finds_dates_in_the_forms_news_pages_use() {
        assert_eq!(
            dates("on Thursday, February 15, 2024 and February 15, 2024 or 1 December 2021."),
            [
                ("Thursday, February 15, 2024", Some(2024), Some(2), Some(15)),
                ("February 15, 2024", Some(2024), Some(2), Some(15)),
                ("1 December 2021", Some(2021), Some(12), Some(1)),
            ]
        );
        assert_eq!(
            dates("on December 1 in Moscow, 1st December, in December 2021, in May, since 2019."),
            [
                ("December 1", None, Some(12), Some(1)),
                ("1st December", None, Some(12), Some(1)),
                ("December 2021", Some(2021), Some(12), None),
                ("May", None, Some(5), None),
                ("2019", Some(2019), None, None),
            ]
        );
        // A bare month needs a cue; money, shares and number ranges are not years.
        assert!(dates("May I ask? $2000, 2000%, 1,2021 and 2021-22; 1850 troops").is_empty());
        // Capitals, abbreviations with their full stop, and plain numeric dates.
        assert_eq!(
            dates("OCTOBER 15, 2023; Oct. 4, 2024; Jan 5; 8/26/2016; 26/8/2016; 5/6/2016; June 28-29, 2017"),
            [
                ("OCTOBER 15, 2023", Some(2023), Some(10), Some(15)),
                ("Oct. 4, 2024", Some(2024), Some(10), Some(4)),
                ("8/26/2016", Some(2016), Some(8), Some(26)),
                ("26/8/2016", Some(2016), Some(8), Some(26)),
                ("June 28-29, 2017", Some(2017), Some(6), Some(28)),
            ]
        );
    }
}
