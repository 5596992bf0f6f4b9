//! The panel that says what is wrong with the knowledge base's files after an edit, while the
//! explorer keeps showing the last good data.

use super::draw::{put, scrollbar};
use super::theme::Theme;
use crate::kb::Problem;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Clear, Widget};

pub struct ProblemsPanel<'a> {
    pub problems: &'a [Problem],
    pub theme: &'a Theme,
}

impl ProblemsPanel<'_> {
    /// Where the panel goes: the lower part of the body, as tall as its problems need, at most
    /// half of the body.
    pub fn area(&self, body: Rect) -> Rect {
        let want = (self.problems.len() * 2 + 2) as u16;
        let height = want.min(body.height / 2).max(4.min(body.height));
        Rect {
            y: body.bottom().saturating_sub(height),
            height,
            ..body
        }
    }
}

impl Widget for ProblemsPanel<'_> {
    fn render(self, body: Rect, buf: &mut Buffer) {
        if self.problems.is_empty() {
            return;
        }
        let area = self.area(body);
        if area.is_empty() {
            return;
        }
        Clear.render(area, buf);
        let n = self.problems.len();
        let title = format!(
            " {} in the knowledge base's files: showing the last good data until they are fixed ",
            crate::text::count(n, "problem", "problems")
        );
        let block = Block::bordered()
            .border_type(BorderType::Double)
            .border_style(self.theme.wrong)
            .title(Line::styled(title, self.theme.wrong));
        let inner = crate::app::layout::inner(area);
        block.render(area, buf);
        let mut y = inner.y;
        for p in self.problems {
            if y >= inner.bottom() {
                break;
            }
            put(buf, inner.x, y, inner.width, &p.headline(), self.theme.text);
            y += 1;
            if let Some(snippet) = &p.snippet
                && y < inner.bottom()
            {
                let line = format!("  {} | {}", p.line, snippet.trim());
                put(buf, inner.x, y, inner.width, &line, self.theme.dim);
                y += 1;
            }
        }
        scrollbar(area, buf, n * 2, 0, usize::from(inner.height), self.theme);
    }
}
