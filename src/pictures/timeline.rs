//! What happened when: alliances founded, renamed, merged or ended, members joining and
//! leaving, outputs published, oldest first, each with the entity it opens.

use crate::kb::{Date, Day, Entity, Index, Ix, Kb};

/// What kind of thing happened.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Mark {
    Founded,
    Joined,
    Left,
    Output,
    /// Relaunched, renamed, merged, ended: a dated event of the alliance's history.
    Event,
}

impl Mark {
    pub const ALL: [Mark; 5] = [
        Mark::Founded,
        Mark::Joined,
        Mark::Left,
        Mark::Output,
        Mark::Event,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Mark::Founded => "founded",
            Mark::Joined => "joined",
            Mark::Left => "left",
            Mark::Output => "output",
            Mark::Event => "event",
        }
    }
}

/// Where a dated thing is written in the knowledge base.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// An alliance's `founded`.
    Founded(Ix),
    /// An event of an alliance's history.
    History(Ix, usize),
    /// A member's `since` (true) or `until` (false).
    Member(Ix, usize, bool),
    /// An output of an alliance.
    Output(Ix, usize),
}

/// One dated thing: small, so that a million of them cost little; its words are worked out
/// when shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Happening {
    /// Its first day, for ordering and placing on the axis.
    pub day: Day,
    pub mark: Mark,
    pub alliance: Ix,
    /// What Enter opens: the organisation that joined or left, else the alliance.
    pub opens: Entity,
    pub origin: Origin,
}

impl Happening {
    /// The date as the knowledge base writes it (`2023-12`, `2024-02-08`).
    pub fn date<'a>(&self, kb: &'a Kb) -> Option<&'a Date> {
        let al = kb.alliances.get(self.alliance)?;
        match self.origin {
            Origin::Founded(_) => al.founded.as_ref(),
            Origin::History(_, i) => al.history.get(i).map(|e| &e.date),
            Origin::Member(_, m, true) => al.members.get(m)?.since.as_ref(),
            Origin::Member(_, m, false) => al.members.get(m)?.until.as_deref(),
            Origin::Output(_, i) => al.outputs.get(i)?.date.as_ref(),
        }
    }

    /// In words: `IBM joined AI Alliance`, `European AI Alliance renamed: Apply AI Alliance`.
    pub fn text(&self, kb: &Kb) -> String {
        let Some(al) = kb.alliances.get(self.alliance) else {
            return String::new();
        };
        let org = |o: &Entity| match o {
            Entity::Org(o) => kb.organizations[*o].name.as_str(),
            _ => "",
        };
        match self.origin {
            Origin::Founded(_) => format!("{} founded", al.name),
            Origin::History(_, i) => {
                let e = &al.history[i];
                match &e.name {
                    Some(name) => format!("{} {}: {name}", al.name, e.event.label()),
                    None => format!("{} {}", al.name, e.event.label()),
                }
            }
            Origin::Member(_, _, true) => format!("{} joined {}", org(&self.opens), al.name),
            Origin::Member(_, _, false) => format!("{} left {}", org(&self.opens), al.name),
            Origin::Output(_, i) => format!("{}: {}", al.name, al.outputs[i].title),
        }
    }
}

/// Every dated thing up to `day`, oldest first.
pub fn happenings(kb: &Kb, index: &Index, day: Day) -> Vec<Happening> {
    let mut out = Vec::new();
    let mut add = |date: &Date, mark: Mark, alliance: Ix, opens: Entity, origin: Origin| {
        if let Some(first) = date.first_day().filter(|&d| d <= day) {
            out.push(Happening {
                day: first,
                mark,
                alliance,
                opens,
                origin,
            });
        }
    };
    for (a, al) in kb.alliances.iter().enumerate() {
        let me = Entity::Alliance(a);
        let mut founded = false;
        for (i, e) in al.history.iter().enumerate() {
            let mark = if e.event == crate::kb::EventKind::Founded {
                founded = true;
                Mark::Founded
            } else {
                Mark::Event
            };
            add(&e.date, mark, a, me, Origin::History(a, i));
        }
        if !founded && let Some(date) = &al.founded {
            add(date, Mark::Founded, a, me, Origin::Founded(a));
        }
        for (i, m) in al.members.iter().enumerate() {
            let Some(o) = index.org(kb, &m.org) else {
                continue;
            };
            if let Some(since) = &m.since {
                add(
                    since,
                    Mark::Joined,
                    a,
                    Entity::Org(o),
                    Origin::Member(a, i, true),
                );
            }
            if let Some(until) = m.until.as_deref() {
                add(
                    until,
                    Mark::Left,
                    a,
                    Entity::Org(o),
                    Origin::Member(a, i, false),
                );
            }
        }
        for (i, output) in al.outputs.iter().enumerate() {
            if let Some(date) = &output.date {
                add(date, Mark::Output, a, me, Origin::Output(a, i));
            }
        }
    }
    out.sort_by(|x, y| {
        x.day
            .cmp(&y.day)
            .then(x.alliance.cmp(&y.alliance))
            .then(x.mark.cmp(&y.mark))
    });
    out
}

/// What a timeline's filter keeps: words of the text, `in:ALLIANCE` (id or name), `kind:MARK`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    words: Vec<String>,
    alliance: Option<Ix>,
    mark: Option<Mark>,
}

impl Filter {
    /// Reads a filter, or says what is wrong with it.
    pub fn parse(kb: &Kb, index: &Index, text: &str) -> Result<Filter, String> {
        let mut f = Filter::default();
        for word in text.split_whitespace() {
            match word.split_once(':') {
                Some(("in", id)) => {
                    let id = id.trim_matches('"');
                    let found =
                        crate::kb::resolve(kb, index, id, &[crate::kb::EntityKind::Alliance])
                            .map_err(|why| format!("in:{id}: {why}"))?;
                    f.alliance = found.first().map(|e| e.ix());
                }
                Some(("kind", kind)) => {
                    match Mark::ALL
                        .iter()
                        .find(|m| m.label() == kind.to_ascii_lowercase())
                    {
                        Some(&m) => f.mark = Some(m),
                        None => {
                            return Err(format!(
                                "kind:{kind}: expected founded, joined, left, output or event"
                            ));
                        }
                    }
                }
                Some((field, _)) => {
                    return Err(format!(
                        "{field}: the timeline's filter takes in: and kind:"
                    ));
                }
                None => f.words.push(crate::text::fold(word)),
            }
        }
        Ok(f)
    }

    pub fn keeps(&self, kb: &Kb, h: &Happening) -> bool {
        self.alliance.is_none_or(|a| a == h.alliance)
            && self.mark.is_none_or(|m| m == h.mark)
            && (self.words.is_empty() || {
                let text = crate::text::fold(&h.text(kb));
                self.words.iter().all(|w| text.contains(w.as_str()))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_timeline_is_in_order_and_the_filter_keeps_one_alliance() {
        let (kb, index) = crate::kb::embedded();
        let all = happenings(&kb, &index, Day::today());
        assert!(all.windows(2).all(|w| w[0].day <= w[1].day));
        let ai = index.alliance(&kb, "ai-alliance").unwrap();
        assert!(
            all.iter()
                .any(|h| h.alliance == ai && h.mark == Mark::Founded)
        );
        let f = Filter::parse(&kb, &index, "in:ai-alliance kind:founded").unwrap();
        let kept: Vec<&Happening> = all.iter().filter(|h| f.keeps(&kb, h)).collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].date(&kb).unwrap().to_string(), "2023-12-05");
        assert_eq!(kept[0].text(&kb), "AI Alliance founded");
        assert!(Filter::parse(&kb, &index, "kind:party").is_err());
        assert!(Filter::parse(&kb, &index, "in:nowhere").is_err());
        // As of the article, nothing after it.
        let then = happenings(&kb, &index, Day::ARTICLE);
        assert!(then.iter().all(|h| h.day <= Day::ARTICLE));
        assert!(then.len() < all.len());
    }
}

/// A day as a month number (the axis's unit).
pub fn month(d: Day) -> i32 {
    i32::from(d.year) * 12 + i32::from(d.month) - 1
}

/// Columns a month takes when the axis is zoomed to months.
pub const MONTH_COLS: f64 = 4.0;

/// Where an axis of `cols` columns over the months `start..=end` begins and how many columns
/// a month takes: the whole span fits the width, or (by month) a month takes
/// [`MONTH_COLS`] and the window keeps the month `at` in view.
pub fn window(start: i32, end: i32, at: i32, cols: usize, by_month: bool) -> (f64, f64) {
    let cols = cols.max(1) as f64;
    let span = f64::from((end - start + 1).max(1));
    if !by_month {
        return (f64::from(start), cols / span);
    }
    let shown = cols / MONTH_COLS;
    let first = (f64::from(at) - shown / 2.0)
        .min(f64::from(end) + 1.0 - shown)
        .max(f64::from(start));
    (first, MONTH_COLS)
}

/// The column of month `m` on an axis from `window`, if it is within `cols`.
pub fn column(m: i32, (first, per): (f64, f64), cols: usize) -> Option<usize> {
    let c = ((f64::from(m) - first) * per).floor();
    (c >= 0.0 && c < cols as f64).then_some(c as usize)
}

#[cfg(test)]
mod window_tests {
    use super::*;

    #[test]
    fn the_whole_span_fits_and_months_keep_the_cursor_in_view() {
        let (start, end) = (2016 * 12, 2026 * 12 + 11);
        let w = window(start, end, start, 118, false);
        assert_eq!(column(start, w, 118), Some(0));
        assert_eq!(column(end, w, 118), Some(117));
        let at = 2023 * 12 + 11;
        let w = window(start, end, at, 40, true);
        assert!(column(at, w, 40).is_some());
        assert!(column(at + 12, w, 40).is_none());
    }
}
