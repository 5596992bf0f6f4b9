//! The checks of time: a period ends after it starts, a history is in order, a renaming names
//! the new name, a merger the alliance it went into, a standing agrees with the history.

use super::{At, Checker, Target};
use crate::kb::{Alliance, Date, Day, EventKind, Member, State};

impl Checker<'_, '_> {
    /// `since` and `until` well formed, and `until` not before `since`.
    pub(super) fn period(&mut self, at: At<'_>, since: Option<&Date>, until: Option<&Date>) {
        self.date(at.field("since"), since);
        self.date(at.field("until"), until);
        if let (Some(s), Some(u)) = (since, until)
            && let (Some(start), Some(end)) = (s.first_day(), u.last_day())
            && end < start
        {
            self.report(
                at.field("until"),
                format!("`until` {u} is before `since` {s}: a period ends after it starts"),
            );
        }
    }

    /// The events in date order, each naming what it must; the standing dated and agreeing.
    pub(super) fn history(&mut self, at: At<'_>, a: &Alliance) {
        let mut last: Option<(Day, usize)> = None;
        for (k, e) in a.history.iter().enumerate() {
            let eat = at.item("history", k);
            self.date(eat.field("date"), Some(&e.date));
            if let Some(day) = e.date.first_day() {
                if let Some((before, j)) = last
                    && day < before
                {
                    self.report(
                        eat.field("date"),
                        format!(
                            "history out of order: {} comes before the date of event {j} ({})",
                            e.date, a.history[j].date
                        ),
                    );
                }
                last = Some((day, k));
            }
            match e.event {
                EventKind::Renamed if e.name.is_none() && e.successor.is_none() => self.report(
                    eat.field("event"),
                    "a renaming names the new name (`name: \"…\"`) or the alliance it became (`successor: \"id\"`)".into(),
                ),
                EventKind::Merged if e.successor.is_none() => self.report(
                    eat.field("event"),
                    "a merger names the alliance it went into: `successor: \"id\"`".into(),
                ),
                _ => {}
            }
            if let Some(successor) = &e.successor {
                if *successor == a.id {
                    self.report(
                        eat.field("successor"),
                        format!("alliance `{}` cannot be its own successor", a.id),
                    );
                } else {
                    self.reference(eat.field("successor"), successor, Target::Alliance);
                }
            }
            self.sources(eat, &e.sources);
        }
        if let Some(st) = &a.standing {
            let sat = at.field("standing");
            self.date(sat.field("as_of"), Some(&st.as_of));
            self.date(sat.field("last_seen"), st.last_seen.as_ref());
            let needs = match st.state {
                State::Renamed => Some(EventKind::Renamed),
                State::Merged => Some(EventKind::Merged),
                State::Ended => Some(EventKind::Ended),
                State::Active | State::Dormant => None,
            };
            if let Some(kind) = needs
                && !a.history.iter().any(|e| e.event == kind)
            {
                self.report(
                    sat.field("state"),
                    format!(
                        "a standing of `{}` needs the `{}` event in `history` that says when (and, for a renaming or merger, into what)",
                        st.state.label(),
                        kind.label()
                    ),
                );
            }
            self.sources(sat, &st.sources);
        }
    }
}

/// Whether two member entries' periods share a day (an open end reaches as far as it can).
pub(super) fn overlap(a: &Member, b: &Member) -> bool {
    let start = |m: &Member| m.since.as_ref().and_then(Date::first_day);
    let end = |m: &Member| m.until.as_deref().and_then(Date::last_day);
    let before =
        |end: Option<Day>, start: Option<Day>| matches!((end, start), (Some(e), Some(s)) if e < s);
    !before(end(a), start(b)) && !before(end(b), start(a))
}
