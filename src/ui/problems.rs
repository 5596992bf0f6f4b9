//! The panel that says what is wrong with the knowledge base's files after an edit, while the
//! explorer keeps showing the last good data: each problem whole, as `check` prints it (its
//! place and message, wrapped, then the offending line with a caret under the column), from
//! the problem the panel is scrolled to.

use super::draw::{put, scrollbar};
use super::theme::Theme;
use crate::kb::Problem;
use crate::text;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

pub struct ProblemsPanel<'a> {
    pub problems: &'a [Problem],
    /// The first problem shown.
    pub first: usize,
    /// The key that shows the next problem, for the title.
    pub next_key: &'a str,
    pub theme: &'a Theme,
}

impl Widget for ProblemsPanel<'_> {
    /// Draws the panel into `area` (see [`crate::app::layout::problems_panel`]).
    fn render(self, area: Rect, buf: &mut Buffer) {
        if self.problems.is_empty() || area.is_empty() {
            return;
        }
        Clear.render(area, buf);
        let n = self.problems.len();
        let more = if n > 1 {
            format!(" · {} next", self.next_key)
        } else {
            String::new()
        };
        let title = format!(
            " {} in the knowledge base's files · the last good data meanwhile{more} ",
            text::count(n, "problem", "problems")
        );
        let block = Block::bordered()
            .border_type(BorderType::Double)
            .border_style(self.theme.wrong)
            .title(Line::styled(title, self.theme.wrong));
        let inner = crate::app::layout::inner(area);
        block.render(area, buf);
        let width = usize::from(inner.width).max(1);
        let mut y = inner.y;
        let first = self.first.min(n - 1);
        'problems: for p in &self.problems[first..] {
            let shown = p.to_string();
            let mut lines = shown.lines();
            // The headline wrapped whole; the quoted line and its caret as they are, cut.
            let headline = lines.next().unwrap_or_default();
            for part in text::wrap(headline, width) {
                if y >= inner.bottom() {
                    break 'problems;
                }
                put(buf, inner.x, y, inner.width, &part, self.theme.text);
                y += 1;
            }
            for line in lines {
                if y >= inner.bottom() {
                    break 'problems;
                }
                put(buf, inner.x, y, inner.width, line, self.theme.dim);
                y += 1;
            }
        }
        scrollbar(area, buf, n, first, 1, self.theme);
    }
}
