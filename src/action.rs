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

    // Not bound to keys: produced by the event loop.
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
    /// What the action does, for the help overlay and the hint bar.
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
            Action::Resize { .. } => "resize",
            Action::Click { .. } => "select",
            Action::DoubleClick { .. } => "open",
            Action::ScrollDown { .. } => "scroll down",
            Action::ScrollUp { .. } => "scroll up",
        }
    }
}
