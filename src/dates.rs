//! Partial calendar dates (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`): parsing, checking and display.
//!
//! A date is only as precise as what is known: "December 2021" is never shown as
//! "1 December 2021", and no missing part is invented.

use crate::model::Precision;
use crate::text::echo;
use std::fmt;
use time::{Date, Month};

/// A calendar date known to a year, a month or a day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<Month>,
    pub day: Option<u8>,
}

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    #[error("\"{}\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD", echo(.0))]
    Shape(String),
    #[error("month {0} does not exist")]
    Month(u8),
    #[error("{year}-{month:02}-{day:02} is not a real date")]
    Day { year: i32, month: u8, day: u8 },
    #[error("\"{}\" has {found} precision but the event says {declared}", echo(.text))]
    PrecisionMismatch {
        text: String,
        found: &'static str,
        declared: &'static str,
    },
}

fn precision_name(precision: Precision) -> &'static str {
    match precision {
        Precision::Year => "year",
        Precision::Month => "month",
        Precision::Day => "day",
    }
}

fn parse_digits(part: &str, len: usize) -> Option<u32> {
    (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
        .then(|| part.parse().ok())
        .flatten()
}

impl PartialDate {
    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, rejecting dates that do not exist.
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let shape = || DateError::Shape(text.to_owned());
        let mut parts = text.split('-');
        let year = parts
            .next()
            .and_then(|p| parse_digits(p, 4))
            .ok_or_else(shape)? as i32;
        let month = match parts.next() {
            None => None,
            Some(part) => {
                let number = parse_digits(part, 2).ok_or_else(shape)? as u8;
                Some(Month::try_from(number).map_err(|_| DateError::Month(number))?)
            }
        };
        let day = match parts.next() {
            None => None,
            Some(part) => Some(parse_digits(part, 2).ok_or_else(shape)? as u8),
        };
        if parts.next().is_some() {
            return Err(shape());
        }
        if let (Some(month), Some(day)) = (month, day) {
            Date::from_calendar_date(year, month, day).map_err(|_| DateError::Day {
                year,
                month: month as u8,
                day,
            })?;
        }
        Ok(PartialDate { year, month, day })
    }

    /// Parses and checks that the text is exactly as precise as declared.
    pub fn parse_with_precision(text: &str, declared: Precision) -> Result<Self, DateError> {
        let date = Self::parse(text)?;
        if date.precision() != declared {
            return Err(DateError::PrecisionMismatch {
                text: text.to_owned(),
                found: precision_name(date.precision()),
                declared: precision_name(declared),
            });
        }
        Ok(date)
    }

    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// First day the date may stand for.
    pub fn first_day(&self) -> Date {
        let month = self.month.unwrap_or(Month::January);
        let day = self.day.unwrap_or(1);
        Date::from_calendar_date(self.year, month, day).expect("checked when parsed")
    }

    /// Middle of the span the date stands for, in days since the Julian epoch.
    /// Used to place partial dates fairly on a proportional axis.
    pub fn midpoint_day(&self) -> f64 {
        let first = self.first_day().to_julian_day() as f64;
        let last = match (self.month, self.day) {
            (_, Some(_)) => first,
            (Some(month), None) => {
                first + f64::from(time::util::days_in_month(month, self.year)) - 1.0
            }
            (None, _) => first + f64::from(time::util::days_in_year(self.year)) - 1.0,
        };
        (first + last) / 2.0
    }

    /// Compact form for tight spaces, next to an axis that names the years:
    /// "17 May", "May 2021" or "2021".
    pub fn short(&self) -> String {
        match (self.month, self.day) {
            (Some(month), Some(day)) => format!("{day} {}", &month.to_string()[..3]),
            _ => self.to_string(),
        }
    }

    /// Machine-readable form for `<time datetime>`: exactly as precise as known.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (Some(month), Some(day)) => format!("{:04}-{:02}-{:02}", self.year, month as u8, day),
            (Some(month), None) => format!("{:04}-{:02}", self.year, month as u8),
            _ => format!("{:04}", self.year),
        }
    }
}

impl fmt::Display for PartialDate {
    /// Reader-facing form: "1 December 2021", "December 2021" or "2021".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(month), Some(day)) => write!(f, "{day} {month} {}", self.year),
            (Some(month), None) => write!(f, "{month} {}", self.year),
            _ => write!(f, "{}", self.year),
        }
    }
}

/// Short axis label for the first of a month: "Aug" or, in January or where the
/// axis starts (`with_year`), "Jan 2022".
pub fn month_tick_label(date: Date, with_year: bool) -> String {
    let name = &date.month().to_string()[..3];
    if with_year || date.month() == Month::January {
        format!("{name} {}", date.year())
    } else {
        name.to_owned()
    }
}

/// "1–2 December 2021", "1 December 2021 – 3 January 2022", or one date.
pub fn date_range_text(from: &str, to: Option<&str>) -> String {
    let from_date = PartialDate::parse(from).ok();
    let to_date = to.and_then(|t| PartialDate::parse(t).ok());
    match (from_date, to_date) {
        (Some(a), Some(b))
            if a.day.is_some() && b.day.is_some() && a.month == b.month && a.year == b.year =>
        {
            format!("{}–{}", a.day.unwrap_or_default(), b)
        }
        (Some(a), Some(b)) => format!("{a} – {b}"),
        (Some(a), None) => a.to_string(),
        _ => from.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_each_precision() {
        assert_eq!(
            PartialDate::parse("2021").unwrap().precision(),
            Precision::Year
        );
        assert_eq!(
            PartialDate::parse("2021-12").unwrap().precision(),
            Precision::Month
        );
        assert_eq!(
            PartialDate::parse("2021-12-01").unwrap().precision(),
            Precision::Day
        );
    }

    #[test]
    fn rejects_dates_that_do_not_exist() {
        assert_eq!(
            PartialDate::parse("2021-02-30"),
            Err(DateError::Day {
                year: 2021,
                month: 2,
                day: 30
            })
        );
        assert_eq!(PartialDate::parse("2021-13"), Err(DateError::Month(13)));
        assert!(PartialDate::parse("2020-02-29").is_ok());
        assert!(PartialDate::parse("2021-02-29").is_err());
    }

    #[test]
    fn rejects_malformed_text() {
        for text in [
            "",
            "21-12-01",
            "2021-1-01",
            "2021-12-01-01",
            "2021/12/01",
            "２０２１",
            "2021-12-1x",
        ] {
            assert!(
                matches!(PartialDate::parse(text), Err(DateError::Shape(_))),
                "{text}"
            );
        }
    }

    #[test]
    fn a_long_wrong_date_is_cut_in_the_message() {
        let message = PartialDate::parse(&"2".repeat(10_000))
            .unwrap_err()
            .to_string();
        assert!(message.starts_with("\"2222"), "{message}");
        assert!(message.chars().count() < 150, "{message}");
        assert!(message.ends_with("2…\" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"));
    }

    #[test]
    fn precision_must_match_declaration() {
        let err = PartialDate::parse_with_precision("2021-12", Precision::Day).unwrap_err();
        assert_eq!(
            err.to_string(),
            "\"2021-12\" has month precision but the event says day"
        );
    }

    #[test]
    fn displays_only_what_is_known() {
        assert_eq!(
            PartialDate::parse("2021-12-01").unwrap().to_string(),
            "1 December 2021"
        );
        assert_eq!(
            PartialDate::parse("2021-12").unwrap().to_string(),
            "December 2021"
        );
        assert_eq!(PartialDate::parse("2021").unwrap().to_string(), "2021");
        assert_eq!(PartialDate::parse("2021-08").unwrap().iso(), "2021-08");
        assert_eq!(PartialDate::parse("2021-08-15").unwrap().short(), "15 Aug");
        assert_eq!(
            PartialDate::parse("2021-08").unwrap().short(),
            "August 2021"
        );
    }

    #[test]
    fn partial_dates_sit_in_the_middle_of_their_span() {
        let month = PartialDate::parse("2021-12").unwrap().midpoint_day();
        let first = PartialDate::parse("2021-12-01").unwrap().midpoint_day();
        assert_eq!(month - first, 15.0);
    }

    #[test]
    fn date_ranges_read_naturally() {
        assert_eq!(
            date_range_text("2021-12-01", Some("2021-12-02")),
            "1–2 December 2021"
        );
        assert_eq!(
            date_range_text("2021-12-31", Some("2022-01-01")),
            "31 December 2021 – 1 January 2022"
        );
        assert_eq!(date_range_text("2021-12", None), "December 2021");
    }

    #[test]
    fn tick_labels_name_the_year_in_january() {
        let date = Date::from_calendar_date(2022, Month::January, 1).unwrap();
        assert_eq!(month_tick_label(date, false), "Jan 2022");
        let date = Date::from_calendar_date(2021, Month::August, 1).unwrap();
        assert_eq!(month_tick_label(date, false), "Aug");
        assert_eq!(month_tick_label(date, true), "Aug 2021");
    }
}
