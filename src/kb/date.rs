//! ISO 8601 calendar dates of year, month or day precision: `2023`, `2023-12`, `2023-12-05`.
//!
//! A date is kept as the text the file holds, so that a malformed one can be reported with its
//! position by the validator together with every other problem, instead of stopping the parse.

use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Date(super::Str);

/// A date split into its parts; `month` and `day` are absent at coarser precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Ymd {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    pub fn new(text: impl Into<super::Str>) -> Self {
        Date(text.into())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The parts of the date, or why it is malformed.
    pub fn parse(&self) -> Result<Ymd, String> {
        parse(&self.0)
    }

    pub fn year(&self) -> Option<u16> {
        self.parse().ok().map(|d| d.year)
    }
}

impl fmt::Display for Date {
    /// The date as written, padded to a width when one is asked for (`{:<12}`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(&self.0)
    }
}

const EXPECTED: &str = "expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD";

fn parse(text: &str) -> Result<Ymd, String> {
    // A date with a time of day (`2023-12-05T10:00`): the day is what is kept.
    if let Some(at) = text.find(['T', 't', ' ', ':']).filter(|&at| at >= 4) {
        let day = &text[..at];
        return Err(match parse(day) {
            Ok(_) => format!(
                "malformed date {text:?}: a day, without a time: write {day:?} ({EXPECTED})"
            ),
            Err(_) => format!("malformed date {text:?}: {EXPECTED}"),
        });
    }
    let mut parts = text.split('-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4)
        .and_then(digits)
        .ok_or_else(|| format!("malformed date {text:?}: {EXPECTED}"))?;
    let month = match parts.next() {
        None => None,
        Some(m) => Some(
            two_digits(m)
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| format!("malformed date {text:?}: month must be 01 to 12"))?,
        ),
    };
    let day = match (parts.next(), month) {
        (None, _) => None,
        (Some(d), Some(m)) => {
            let last = days_in_month(year, m);
            Some(
                two_digits(d)
                    .filter(|d| (1..=last).contains(d))
                    .ok_or_else(|| format!("malformed date {text:?}: day must be 01 to {last}"))?,
            )
        }
        (Some(_), None) => unreachable!("a day is only read after a month"),
    };
    if parts.next().is_some() {
        return Err(format!("malformed date {text:?}: {EXPECTED}"));
    }
    Ok(Ymd { year, month, day })
}

fn digits(s: &str) -> Option<u16> {
    if s.bytes().all(|b| b.is_ascii_digit()) {
        s.parse().ok()
    } else {
        None
    }
}

fn two_digits(s: &str) -> Option<u8> {
    if s.len() == 2 {
        digits(s).map(|n| n as u8)
    } else {
        None
    }
}

pub(super) fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_with_a_time_says_to_leave_the_time_out() {
        let why = parse("2023-12-05T00:00").unwrap_err();
        assert_eq!(
            why,
            "malformed date \"2023-12-05T00:00\": a day, without a time: write \"2023-12-05\" (expected an ISO date: YYYY, YYYY-MM or YYYY-MM-DD)"
        );
        assert!(
            parse("2023-12-05 10:00")
                .unwrap_err()
                .contains("without a time")
        );
        assert!(
            parse("2023-13-05T1")
                .unwrap_err()
                .contains("expected an ISO date")
        );
    }

    #[test]
    fn accepts_the_three_precisions() {
        assert_eq!(
            Date::new("2023").parse(),
            Ok(Ymd {
                year: 2023,
                month: None,
                day: None
            })
        );
        assert_eq!(Date::new("2023-12").parse().unwrap().month, Some(12));
        assert_eq!(Date::new("2023-12-05").parse().unwrap().day, Some(5));
        assert_eq!(Date::new("2024-02-29").parse().unwrap().day, Some(29));
    }

    #[test]
    fn rejects_malformed_dates_with_the_reason() {
        for bad in [
            "",
            "23",
            "2023-1",
            "2023-13",
            "2023-00",
            "2023-02-30",
            "2023-12-05-01",
            "2023/12/05",
            "２０２３",
            "2023-12-5",
            "2023-02-29",
            "-2023",
        ] {
            let err = Date::new(bad).parse().unwrap_err();
            assert!(err.contains("malformed date"), "{bad}: {err}");
        }
        assert!(
            Date::new("2023-13")
                .parse()
                .unwrap_err()
                .contains("01 to 12")
        );
        assert!(
            Date::new("2023-04-31")
                .parse()
                .unwrap_err()
                .contains("01 to 30")
        );
    }

    #[test]
    fn dates_order_by_precision_then_value() {
        let a = Date::new("2023").parse().unwrap();
        let b = Date::new("2023-01").parse().unwrap();
        assert!(a < b);
    }
}
