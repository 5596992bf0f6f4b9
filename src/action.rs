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
    /// Narrow the focused list with a filter.
    Filter,
    /// Clears the filter of the focused list; with no filter, goes back.
    ClearFilter,
    /// The focused pane fills the body, or shares it again.
    Zoom,
    /// The problems panel shows the next problem first.
    NextProblem,
    /// Put the focused list in its next order.
    SortNext,
    /// Reverse the focused list's order.
    SortReverse,
    /// Find the shortest chain of links from what is selected to an entity chosen next.
    Path,
    /// Switch to the alliance view.
    ViewAlliances,
    /// Switch to the table of organisations.
    ViewOrganizations,
    /// Switch to the table of focus areas.
    ViewFocusAreas,
    /// Switch to the table of the article's claims.
    ViewClaims,
    /// Switch to the overlap matrix.
    ViewMatrix,
    /// Switch to the timeline.
    ViewTimeline,
    /// Switch to the world map.
    ViewMap,
    /// In a picture: its next mode (the matrix's columns, the timeline's zoom, the map's
    /// alliance).
    Mode,
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
    /// Copy something about the highlighted item: its name, id, address, a citation, the list.
    Copy,
    /// Open the highlighted address (a website, a source) in the browser.
    OpenLink,
    /// Write what the focused pane shows to a file, as CSV or Markdown.
    Write,
    /// Open the file where the highlighted item is written in an editor.
    Edit,

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
            Action::Filter => "filter",
            Action::ClearFilter => "clear filter",
            Action::Zoom => "zoom",
            Action::NextProblem => "next problem",
            Action::SortNext => "sort",
            Action::SortReverse => "reverse",
            Action::Path => "path",
            Action::ViewAlliances => "alliances",
            Action::ViewOrganizations => "organisations",
            Action::ViewFocusAreas => "focus areas",
            Action::ViewClaims => "claims",
            Action::ViewMatrix => "matrix",
            Action::ViewTimeline => "timeline",
            Action::ViewMap => "map",
            Action::Mode => "mode",
            Action::ToggleDay => "as of",
            Action::TypeDay => "date",
            Action::Copy => "copy",
            Action::OpenLink => "open link",
            Action::Write => "write",
            Action::Edit => "edit",
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
            Action::Filter => "filter the list (country:de, kind:…, in:…)",
            Action::ClearFilter => "clear the list's filter, or go back",
            Action::Zoom => "zoom the focused pane to the whole body, or back",
            Action::NextProblem => "the next problem of the files (after a reload)",
            Action::SortNext => "next order of the list",
            Action::SortReverse => "reverse the order",
            Action::Path => "path from here to…",
            Action::ViewAlliances => "view: alliances",
            Action::ViewOrganizations => "view: organisations",
            Action::ViewFocusAreas => "view: focus areas",
            Action::ViewClaims => "view: the article's claims",
            Action::ViewMatrix => "view: the overlap matrix",
            Action::ViewTimeline => "view: the timeline",
            Action::ViewMap => "view: the world map",
            Action::Mode => "a picture's next mode (columns, zoom, alliance)",
            Action::ToggleDay => "as of the article / today",
            Action::TypeDay => "as of a date you type",
            Action::DeleteChar => "delete a character",
            Action::DeleteWord => "delete a word",
            Action::ClearQuery => "clear the query",
            Action::Suspend => "suspend (fg resumes)",
            Action::Copy => "copy name, id, link, citation or list",
            Action::OpenLink => "open the website or source in the browser",
            Action::Write => "write the list to a CSV or Markdown file",
            Action::Edit => "edit where it is written ($EDITOR)",
            Action::Type(_) => "type",
            Action::Resize { .. } => "resize",
            Action::Click { .. } => "select",
            Action::DoubleClick { .. } => "open",
            Action::ScrollDown { .. } => "scroll down",
            Action::ScrollUp { .. } => "scroll up",
        }
    }
}
