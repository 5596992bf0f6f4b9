//! The panel shown while a big knowledge base loads in the background: what is being done,
//! a progress bar (a sweeping block for steps that count nothing), the bytes so far, the time
//! spent and the time left in the step.

use super::draw::{pane_block, put};
use super::theme::Theme;
use crate::app::{Loading, layout};
use crate::text::{bytes, seconds};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::style::Style;
use ratatui::widgets::{Clear, Widget};
use std::time::Duration;

pub struct LoadingPanel<'a> {
    /// Where the knowledge base comes from.
    pub origin: &'a str,
    pub loading: &'a Loading,
    /// The keys that work meanwhile, as the key map binds them (`q quits · ? help`).
    pub keys: &'a str,
    pub theme: &'a Theme,
}

/// For a step that counts nothing: a block that sweeps across `width` cells and back, once
/// every two seconds, so that the panel shows work going on.
pub fn busy_bar(width: usize, elapsed: Duration) -> String {
    const PERIOD_MS: u128 = 2_000;
    let block = (width / 6).max(1).min(width);
    let travel = width - block;
    if travel == 0 {
        return "█".repeat(block);
    }
    let phase = (elapsed.as_millis() % PERIOD_MS) as f64 / PERIOD_MS as f64;
    // Out and back: 0 → 1 → 0.
    let along = 1.0 - (2.0 * phase - 1.0).abs();
    let at = ((along * travel as f64).round() as usize).min(travel);
    format!(
        "{}{}{}",
        "░".repeat(at),
        "█".repeat(block),
        "░".repeat(travel - at)
    )
}

impl LoadingPanel<'_> {
    /// The lines under the bar: the amount done, then the time spent or left.
    fn lines(&self) -> (String, String) {
        let l = self.loading;
        let p = &l.progress;
        let phase = p.phase.label();
        let what = match l.fraction() {
            Some(_) => format!(
                "{phase}: {} of {}",
                bytes(p.bytes_done),
                bytes(p.bytes_total)
            ),
            None => format!("{phase}…"),
        };
        let when = match l.eta() {
            Some(left) => format!(
                "{} so far · about {} left in this step",
                seconds(l.elapsed),
                seconds(left)
            ),
            None => format!("{} so far", seconds(l.elapsed)),
        };
        (what, when)
    }
}

impl Widget for LoadingPanel<'_> {
    fn render(self, body: Rect, buf: &mut Buffer) {
        let area = body.centered(Constraint::Max(64), Constraint::Max(7));
        if area.height < 3 || area.width < 10 {
            return;
        }
        Clear.render(area, buf);
        pane_block("Loading", area, true, self.theme).render(area, buf);
        let inner = layout::inner(area);
        let (what, when) = self.lines();
        let width = usize::from(inner.width);
        let bar = match self.loading.fraction() {
            Some(f) => {
                let label = format!(" {:>3.0}%", f * 100.0);
                let cells = width.saturating_sub(label.len());
                let full = ((f * cells as f64).round() as usize).min(cells);
                format!("{}{}{label}", "█".repeat(full), "░".repeat(cells - full))
            }
            None => busy_bar(width, self.loading.elapsed),
        };
        let rows: [(&str, Style); 5] = [
            (self.origin, self.theme.title),
            (&what, self.theme.text),
            (&bar, self.theme.key),
            (&when, self.theme.dim),
            (self.keys, self.theme.dim),
        ];
        for (i, (line, style)) in rows.into_iter().enumerate() {
            let y = inner.y + i as u16;
            if y >= inner.bottom() {
                break;
            }
            put(buf, inner.x, y, inner.width, line, style);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_busy_bar_sweeps_out_and_back_within_its_width() {
        let at = |ms| busy_bar(12, Duration::from_millis(ms));
        assert_eq!(at(0), "██░░░░░░░░░░");
        assert_eq!(at(1_000), "░░░░░░░░░░██");
        assert_eq!(at(500), "░░░░░██░░░░░");
        assert_eq!(at(1_500), at(500));
        assert_eq!(at(2_000), at(0));
        for ms in (0..4_000).step_by(37) {
            assert_eq!(at(ms).chars().count(), 12);
        }
        assert_eq!(busy_bar(1, Duration::from_millis(700)), "█");
        assert_eq!(busy_bar(0, Duration::ZERO), "");
    }
}
