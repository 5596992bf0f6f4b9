//! A line typed at the bottom of the screen, for a value the explorer asks for (the day to
//! show the knowledge base as of). Typed letters are text; Enter takes the value, Esc leaves
//! everything as it was; a value that cannot be taken is said beside it, and the line stays.

use super::{App, Overlay};
use crate::action::Action;
use crate::kb::Day;

/// What the line asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asking {
    /// The day every screen is as of.
    Day,
    /// The filter of the screen's list (applied as it is typed).
    Filter,
    /// The file to write a table to.
    WritePath,
}

impl Asking {
    /// What the line says before the text.
    pub fn label(self) -> &'static str {
        match self {
            Asking::Day => "As of: ",
            Asking::Filter => "Filter: ",
            Asking::WritePath => "Write to: ",
        }
    }

    /// What the line says after the text while it is empty or wrong.
    pub fn hint(self) -> &'static str {
        match self {
            Asking::Day => "YYYY-MM-DD, YYYY-MM or YYYY (its end), article, today",
            Asking::Filter => {
                "words, country:de kind:university in:ai-alliance role:lead verdict:wrong status:unverified alliances:>1 · Enter keeps · Esc clears"
            }
            Asking::WritePath => {
                "a file name (in the current folder unless a path) · Enter writes · Esc cancels"
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    pub asking: Asking,
    pub text: String,
    /// Why the last Enter did not take the text.
    pub error: Option<String>,
}

impl Input {
    pub fn new(asking: Asking, text: impl Into<String>) -> Self {
        Input {
            asking,
            text: text.into(),
            error: None,
        }
    }

    /// Edits the text; true if the action was an edit.
    fn edit(&mut self, action: Action) -> bool {
        match action {
            Action::Type(c) => self.text.push(c),
            Action::DeleteChar => {
                self.text.pop();
            }
            Action::DeleteWord => {
                let kept = self.text.trim_end().rfind(' ').map_or(0, |i| i + 1);
                self.text.truncate(kept);
            }
            Action::ClearQuery => self.text.clear(),
            _ => return false,
        }
        self.error = None;
        true
    }
}

impl App {
    /// Asks for a value on the bottom line, starting with `text`.
    pub(super) fn ask(&mut self, asking: Asking, text: impl Into<String>) {
        self.overlay = Overlay::Input(Input::new(asking, text));
    }

    /// The line being typed, when there is one.
    pub fn input(&self) -> Option<&Input> {
        match &self.overlay {
            Overlay::Input(input) => Some(input),
            _ => None,
        }
    }

    pub(super) fn update_input(&mut self, action: Action) {
        let Overlay::Input(input) = &mut self.overlay else {
            return;
        };
        if input.edit(action) {
            if input.asking == Asking::Filter {
                let text = input.text.clone();
                self.set_filter(&text);
            }
            return;
        }
        match action {
            Action::Close => {
                match input.asking {
                    Asking::Filter => self.set_filter(""),
                    Asking::WritePath => self.cancel_write(),
                    Asking::Day => {}
                }
                self.overlay = Overlay::None;
            }
            Action::Open => match input.asking {
                Asking::Day => match Day::parse(&input.text) {
                    Ok(day) => {
                        let today = input.text.trim() == "today";
                        self.overlay = Overlay::None;
                        if today {
                            self.set_today();
                        } else {
                            self.set_day(day);
                        }
                        self.status =
                            Some(format!("Showing the knowledge base {}", self.day_caption()));
                    }
                    Err(why) => input.error = Some(why),
                },
                Asking::WritePath => {
                    let text = input.text.clone();
                    self.overlay = Overlay::None;
                    if let Err(why) = self.take_write_path(&text) {
                        self.ask(Asking::WritePath, text);
                        if let Overlay::Input(input) = &mut self.overlay {
                            input.error = Some(why);
                        }
                    }
                }
                // A filter that cannot be read stays on the line, with why.
                Asking::Filter => match self.rows.error() {
                    Some(why) => input.error = Some(why.to_string()),
                    None => self.overlay = Overlay::None,
                },
            },
            _ => {}
        }
    }

    /// `t`: the article's date, or back to today.
    pub(super) fn toggle_day(&mut self) {
        if self.day == Day::ARTICLE {
            self.set_today();
        } else {
            self.set_day(Day::ARTICLE);
        }
        self.status = Some(format!("Showing the knowledge base {}", self.day_caption()));
    }

    /// `as of today (2026-12-02)`, `as of the article (2023-12-05)`, `as of 2019-12-31`.
    pub fn day_caption(&self) -> String {
        if self.day == Day::ARTICLE {
            format!("as of the article ({})", self.day)
        } else if self.today {
            format!("as of today ({})", self.day)
        } else {
            format!("as of {}", self.day)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keymap::Keymap;
    use ratatui::layout::Rect;

    fn app() -> App {
        let kb = crate::kb::load_embedded().unwrap();
        App::new(kb, Keymap::default(), "built-in", Rect::new(0, 0, 100, 30))
    }

    #[test]
    fn t_goes_to_the_article_s_date_and_back_to_today() {
        let mut a = app();
        assert_eq!(a.day(), Day::today());
        a.update(Action::ToggleDay);
        assert_eq!(a.day(), Day::ARTICLE);
        assert!(
            a.status().contains("as of the article (2023-12-05)"),
            "{}",
            a.status()
        );
        a.update(Action::ToggleDay);
        assert_eq!(a.day(), Day::today());
    }

    #[test]
    fn a_typed_day_is_taken_on_enter_and_a_wrong_one_is_said() {
        let mut a = app();
        a.update(Action::TypeDay);
        assert!(a.input().is_some());
        for c in "2019-13".chars() {
            a.update(Action::Type(c));
        }
        a.update(Action::Open);
        let error = a.input().and_then(|i| i.error.clone()).expect("an error");
        assert!(error.contains("month must be 01 to 12"), "{error}");
        a.update(Action::DeleteChar);
        a.update(Action::DeleteChar);
        a.update(Action::DeleteChar);
        a.update(Action::Open);
        assert!(a.input().is_none());
        assert_eq!(a.day().to_string(), "2019-12-31");
        assert_eq!(a.day_caption(), "as of 2019-12-31");
        // Esc leaves the day as it was.
        a.update(Action::TypeDay);
        a.update(Action::Type('x'));
        a.update(Action::Close);
        assert_eq!(a.day().to_string(), "2019-12-31");
    }
}
