//! Every intent a user can express. Keys map to these through the key map; mouse and terminal
//! events are turned into them by the event loop; `App::update` carries them out.

use serde::Deserialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    /// Close the open overlay.
    Close,
    Down,
    Up,
    First,
    Last,
    PageDown,
    PageUp,
    NextPane,
    PreviousPane,
    /// Open the highlighted item, or follow the highlighted link.
    Open,
    Back,
    Forward,
    NextSection,
    PreviousSection,
    /// Open the member search.
    Search,
    /// Open go-to-anything.
    GoTo,
    /// Mark (or unmark) the selected alliance for comparison.
    Mark,
    /// Compare the two marked alliances.
    Compare,
    /// Show the knowledge base as of the article's date, or as of today again.
    ToggleDay,
    /// Type the day to show the knowledge base as of.
    TypeDay,
    /// In a prompt: delete the character before the cursor.
    DeleteChar,
    /// In a prompt: delete the word before the cursor.
    DeleteWord,
    /// In a prompt: clear the query.
    ClearQuery,
    /// Stop the explorer and return to the shell; `fg` resumes it.
    Suspend,

    // Not bound to keys: produced by the event loop.
    /// A character typed into a prompt.
    #[serde(skip)]
    Type(char),
    /// The terminal now has this many columns and rows.
    #[serde(skip)]
    Resize {
        cols: u16,
        rows: u16,
    },
    /// A left click at a cell.
    #[serde(skip)]
    Click {
        col: u16,
        row: u16,
    },
    /// A second click at the same cell soon after the first.
    #[serde(skip)]
    DoubleClick {
        col: u16,
        row: u16,
    },
    /// The wheel turned towards the user over a cell.
    #[serde(skip)]
    ScrollDown {
        col: u16,
        row: u16,
    },
    /// The wheel turned away from the user over a cell.
    #[serde(skip)]
    ScrollUp {
        col: u16,
        row: u16,
    },
}

impl Action {
    /// A word or two for the hint bar.
    pub fn hint(self) -> &'static str {
        match self {
            Action::Down | Action::Up => "move",
            Action::PageDown | Action::PageUp => "page",
            Action::NextPane | Action::PreviousPane => "pane",
            Action::NextSection | Action::PreviousSection => "section",
            Action::Search => "search",
            Action::GoTo => "go to",
            Action::Mark => "mark",
            Action::Compare => "compare",
            Action::ToggleDay => "as of",
            Action::TypeDay => "date",
            Action::DeleteWord => "delete word",
            Action::ClearQuery => "clear",
            other => other.describe(),
        }
    }

    /// What the action does, for the help overlay.
    pub fn describe(self) -> &'static str {
        match self {
            Action::Quit => "quit",
            Action::Help => "help",
            Action::Close => "close",
            Action::Down => "down",
            Action::Up => "up",
            Action::First => "first",
            Action::Last => "last",
            Action::PageDown => "page down",
            Action::PageUp => "page up",
            Action::NextPane => "next pane",
            Action::PreviousPane => "previous pane",
            Action::Open => "open",
            Action::Back => "back",
            Action::Forward => "forward",
            Action::NextSection => "next section",
            Action::PreviousSection => "previous section",
            Action::Search => "search members",
            Action::GoTo => "go to anything",
            Action::Mark => "mark for compare",
            Action::Compare => "compare marked",
            Action::ToggleDay => "as of the article / today",
            Action::TypeDay => "as of a date you type",
            Action::DeleteChar => "delete a character",
            Action::DeleteWord => "delete a word",
            Action::ClearQuery => "clear the query",
            Action::Suspend => "suspend (fg resumes)",
            Action::Type(_) => "type",
            Action::Resize { .. } => "resize",
            Action::Click { .. } => "select",
            Action::DoubleClick { .. } => "open",
            Action::ScrollDown { .. } => "scroll down",
            Action::ScrollUp { .. } => "scroll up",
        }
    }
}
