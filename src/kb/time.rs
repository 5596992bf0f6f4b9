//! Time: the day a screen or a command is "as of", and what held on a day. A membership, a
//! lead or a parent holds from its `since` to its `until`; an alliance has the name and the
//! standing its history gives it on that day; facts, outputs and events dated after it are
//! not yet known.
//!
//! Dates in the files have year, month or day precision. A period starts on the first day of
//! its `since` (`2024` is from 2024-01-01) and lasts to the last day of its `until` (`until:
//! "2020-07"` holds on 2020-07-31, not on 2020-08-01).

use super::date::{Date, Ymd};
use super::{Alliance, Event, EventKind, Member, State, Tie};
use std::fmt;

/// A calendar day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Day {
    /// The date of the article the built-in knowledge base starts from (the AI Alliance's
    /// launch, 2023-12-05).
    pub const ARTICLE: Day = Day {
        year: 2023,
        month: 12,
        day: 5,
    };

    /// Today, in UTC, from the system clock.
    pub fn today() -> Day {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Day::from_days_since_epoch((secs / 86_400) as i64)
    }

    /// The civil date `days` days after 1970-01-01 (Howard Hinnant's algorithm).
    fn from_days_since_epoch(days: i64) -> Day {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)).clamp(0, 9999) as u16;
        Day { year, month, day }
    }

    /// A day as typed: `2023-12-05`; `2019` or `2020-07` mean the last day of that period
    /// (what was true by then), `today` and `article` the two days the explorer offers.
    pub fn parse(text: &str) -> Result<Day, String> {
        match text.trim() {
            "today" => return Ok(Day::today()),
            "article" => return Ok(Day::ARTICLE),
            _ => {}
        }
        let ymd = Date::new(text.trim()).parse()?;
        Ok(Day::last_of(ymd))
    }

    /// The first day of a period.
    pub fn first_of(d: Ymd) -> Day {
        Day {
            year: d.year,
            month: d.month.unwrap_or(1),
            day: d.day.unwrap_or(1),
        }
    }

    /// The last day of a period.
    pub fn last_of(d: Ymd) -> Day {
        let month = d.month.unwrap_or(12);
        Day {
            year: d.year,
            month,
            day: d
                .day
                .unwrap_or_else(|| super::date::days_in_month(d.year, month)),
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Date {
    /// The first day of the period the date names (malformed dates have none).
    pub fn first_day(&self) -> Option<Day> {
        self.parse().ok().map(Day::first_of)
    }

    /// The last day of the period the date names.
    pub fn last_day(&self) -> Option<Day> {
        self.parse().ok().map(Day::last_of)
    }

    /// Whether the period it names has begun by `day`.
    pub fn by(&self, day: Day) -> bool {
        self.first_day().is_none_or(|d| d <= day)
    }
}

/// Whether a period from `since` to `until` (either open) holds on `day`.
pub fn holds(since: Option<&Date>, until: Option<&Date>, day: Day) -> bool {
    since.is_none_or(|s| s.by(day)) && until.is_none_or(|u| u.last_day().is_none_or(|e| day <= e))
}

/// Whether a period ended before `day`.
pub fn ended_by(until: Option<&Date>, day: Day) -> bool {
    until.is_some_and(|u| u.last_day().is_some_and(|e| e < day))
}

impl Member {
    /// Whether it was a member on `day`: from its `since` (or the alliance's founding, when it
    /// gives none) to its `until`.
    pub fn held_on(&self, founded: Option<&Date>, day: Day) -> bool {
        self.held_from(founded.and_then(Date::first_day), day)
    }

    /// The same, with the first day of the alliance already worked out (no date is read for a
    /// member without dates of its own).
    fn held_from(&self, start: Option<Day>, day: Day) -> bool {
        let from = match &self.since {
            Some(since) => since.first_day(),
            None => start,
        };
        from.is_none_or(|f| f <= day)
            && self
                .until
                .as_deref()
                .is_none_or(|u| u.last_day().is_none_or(|e| day <= e))
    }

    /// Whether it had left by `day`.
    pub fn left_by(&self, day: Day) -> bool {
        ended_by(self.until.as_deref(), day)
    }
}

impl super::Organization {
    /// The name it had on `day`: a former name it still had then (the one that ended first
    /// after the day), or its name.
    pub fn name_on(&self, day: Day) -> &str {
        self.formerly
            .iter()
            .filter_map(|f| Some((f.until.as_ref()?.last_day()?, f.name.as_str())))
            .filter(|&(end, _)| day <= end)
            .min_by_key(|&(end, _)| end)
            .map_or(&self.name, |(_, name)| name)
    }
}

impl Tie {
    /// Whether the tie held on `day` (from `since`, or `founded` when it gives none).
    pub fn held_on(&self, founded: Option<&Date>, day: Day) -> bool {
        holds(self.since.as_ref().or(founded), self.until.as_ref(), day)
    }
}

/// How an alliance stood on a day.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum StateOn<'a> {
    /// Not founded yet (its founding date is later).
    NotYet,
    /// Going, with the latest look at it if it says more (dormant) and is not later.
    Going(Option<State>),
    /// An event ended it, or made it another: the event says which.
    Changed(&'a Event),
}

impl StateOn<'_> {
    /// `active`, `dormant`, `ended`, `renamed`, `merged`, or `not founded`.
    pub fn label(&self) -> &'static str {
        match self {
            StateOn::NotYet => "not founded",
            StateOn::Going(state) => state.unwrap_or(State::Active).label(),
            StateOn::Changed(e) => match e.event {
                EventKind::Renamed => State::Renamed.label(),
                EventKind::Merged => State::Merged.label(),
                _ => State::Ended.label(),
            },
        }
    }
}

impl Alliance {
    /// Its leads on `day` (none before it was founded).
    pub fn leads_on(&self, day: Day) -> impl Iterator<Item = &Tie> {
        let open = self.founded_by(day);
        self.leads
            .iter()
            .filter(move |l| open && l.held_on(self.founded.as_ref(), day))
    }

    /// Whether it existed on `day` (founded by then, or founding date unknown).
    pub fn founded_by(&self, day: Day) -> bool {
        self.founded.as_ref().is_none_or(|f| f.by(day))
    }

    /// Its members on `day`, with their positions (none before it was founded).
    pub fn members_on(&self, day: Day) -> impl Iterator<Item = (usize, &Member)> {
        let start = self.founded.as_ref().and_then(Date::first_day);
        let open = self.founded_by(day);
        self.members
            .iter()
            .enumerate()
            .filter(move |(_, m)| open && m.held_from(start, day))
    }

    /// How many members it had on `day`.
    pub fn size_on(&self, day: Day) -> usize {
        self.members_on(day).count()
    }

    /// Its events up to `day`, oldest first.
    pub fn history_by(&self, day: Day) -> impl Iterator<Item = &Event> {
        self.history.iter().filter(move |e| e.date.by(day))
    }

    /// The name it had on `day`: the latest name a renaming gave it by then, or its name.
    pub fn name_on(&self, day: Day) -> &str {
        self.history_by(day)
            .filter(|e| e.event == EventKind::Renamed)
            .filter_map(|e| e.name.as_deref())
            .last()
            .unwrap_or(&self.name)
    }

    /// How it stood on `day`.
    pub fn state_on(&self, day: Day) -> StateOn<'_> {
        if !self.founded_by(day) {
            return StateOn::NotYet;
        }
        let last_change = self
            .history_by(day)
            .filter(|e| {
                matches!(
                    e.event,
                    EventKind::Ended | EventKind::Merged | EventKind::Renamed
                )
            })
            .last();
        let restarted = last_change.is_some_and(|change| {
            self.history_by(day).any(|e| {
                e.event == EventKind::Relaunched && e.date.first_day() > change.date.first_day()
            })
        });
        match last_change {
            Some(change) if !restarted => StateOn::Changed(change),
            _ => StateOn::Going(
                self.standing
                    .as_ref()
                    .filter(|s| s.as_of.by(day))
                    .map(|s| s.state),
            ),
        }
    }

    /// Whether one of its leads is `org`, on `day`.
    pub fn led_by_on(&self, org: &str, day: Day) -> bool {
        self.leads
            .iter()
            .any(|l| l.org == org && l.held_on(self.founded.as_ref(), day))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    #[test]
    fn days_are_read_as_the_end_of_the_period_they_name() {
        assert_eq!(day("2023-12-05"), Day::ARTICLE);
        assert_eq!(day("article"), Day::ARTICLE);
        assert_eq!(day("2019"), day("2019-12-31"));
        assert_eq!(day("2024-02"), day("2024-02-29"));
        assert_eq!(day("2023-02").day, 28);
        assert!(Day::parse("2023-13").is_err());
        assert!(Day::parse("yesterday").is_err());
        assert_eq!(Day::ARTICLE.to_string(), "2023-12-05");
    }

    #[test]
    fn the_civil_calendar_is_right_across_leap_years() {
        assert_eq!(Day::from_days_since_epoch(0).to_string(), "1970-01-01");
        assert_eq!(Day::from_days_since_epoch(19_696).to_string(), "2023-12-05");
        assert_eq!(Day::from_days_since_epoch(11_016).to_string(), "2000-02-29");
        assert!(Day::today() > Day::ARTICLE);
    }

    #[test]
    fn an_organisation_has_the_name_it_had_on_the_day() {
        let org: crate::kb::Organization = crate::kb::load::ron_options().from_str(
            r#"(id: "g", name: "Google DeepMind", kind: company,
                formerly: [(name: "DeepMind", until: "2023-04-20"), (name: "DeepMind Technologies", until: "2014")])"#,
        )
        .unwrap();
        assert_eq!(org.name_on(day("2013")), "DeepMind Technologies");
        assert_eq!(org.name_on(day("2016")), "DeepMind");
        assert_eq!(org.name_on(day("2023-04-20")), "DeepMind");
        assert_eq!(org.name_on(Day::ARTICLE), "Google DeepMind");
    }

    #[test]
    fn a_period_holds_from_the_start_of_since_to_the_end_of_until() {
        let d = |s: &str| Date::new(s);
        let (since, until) = (d("2018-06-14"), d("2020-07"));
        assert!(!holds(Some(&since), Some(&until), day("2018-06-13")));
        assert!(holds(Some(&since), Some(&until), day("2018-06-14")));
        assert!(holds(Some(&since), Some(&until), day("2020-07-31")));
        assert!(!holds(Some(&since), Some(&until), day("2020-08-01")));
        assert!(holds(Some(&d("2024")), None, day("2024-01-01")));
        assert!(holds(None, None, day("1900")));
        assert!(ended_by(Some(&until), Day::ARTICLE));
        assert!(!ended_by(None, Day::ARTICLE));
    }
}
