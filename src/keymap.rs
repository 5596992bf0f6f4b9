//! Key bindings: key event → action for each mode, and action → keys for the help overlay and
//! the hint bar. Declared once, in `assets/keymap.ron`; a user file may override any intent.

use crate::action::Action;
use crate::kb::Problem;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

/// The bindings that ship with the binary.
pub const DEFAULT: &str = include_str!("../assets/keymap.ron");

/// Where keys are read: each mode has its own bindings, tried before the global ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    Browse,
    Help,
    /// Typing a search or go-to query.
    Prompt,
}

impl Mode {
    pub const ALL: [Mode; 3] = [Mode::Browse, Mode::Prompt, Mode::Help];

    pub fn label(self) -> &'static str {
        match self {
            Mode::Browse => "Browsing",
            Mode::Help => "Help",
            Mode::Prompt => "Search and go-to",
        }
    }
}

/// One key with its modifiers, as written in the key map (`ctrl-u`, `G`, `pagedown`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
    pub alt: bool,
}

impl Key {
    /// The key of a terminal key event. Shift is part of the character (`G`), so it is dropped
    /// for characters; Shift-Tab arrives as BackTab.
    pub fn from_event(event: KeyEvent) -> Self {
        Key {
            code: event.code,
            ctrl: event.modifiers.contains(KeyModifiers::CONTROL),
            alt: event.modifiers.contains(KeyModifiers::ALT),
        }
    }

    /// Parses `j`, `G`, `?`, `ctrl-u`, `alt-x`, `pagedown`, `f1`…
    pub fn parse(spec: &str) -> Result<Key, String> {
        let mut rest = spec;
        let (mut ctrl, mut alt) = (false, false);
        loop {
            if let Some(r) = strip_prefix_ci(rest, "ctrl-") {
                ctrl = true;
                rest = r;
            } else if let Some(r) = strip_prefix_ci(rest, "alt-") {
                alt = true;
                rest = r;
            } else {
                break;
            }
        }
        let mut chars = rest.chars();
        let code = match (chars.next(), chars.next()) {
            (Some(c), None) => KeyCode::Char(if ctrl { c.to_ascii_lowercase() } else { c }),
            _ => match rest.to_ascii_lowercase().as_str() {
                "enter" | "return" => KeyCode::Enter,
                "esc" | "escape" => KeyCode::Esc,
                "tab" => KeyCode::Tab,
                "backtab" | "shift-tab" => KeyCode::BackTab,
                "backspace" => KeyCode::Backspace,
                "delete" | "del" => KeyCode::Delete,
                "space" => KeyCode::Char(' '),
                "up" => KeyCode::Up,
                "down" => KeyCode::Down,
                "left" => KeyCode::Left,
                "right" => KeyCode::Right,
                "home" => KeyCode::Home,
                "end" => KeyCode::End,
                "pageup" | "pgup" => KeyCode::PageUp,
                "pagedown" | "pgdn" => KeyCode::PageDown,
                f if f.starts_with('f') => match f[1..].parse::<u8>() {
                    Ok(n @ 1..=12) => KeyCode::F(n),
                    _ => return Err(unknown_key(spec)),
                },
                _ => return Err(unknown_key(spec)),
            },
        };
        Ok(Key { code, ctrl, alt })
    }
}

fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    (head.eq_ignore_ascii_case(prefix) && s.len() > prefix.len()).then(|| &s[prefix.len()..])
}

fn unknown_key(spec: &str) -> String {
    format!(
        "unknown key {spec:?}: expected a character or one of enter, esc, tab, backtab, backspace, delete, space, up, down, left, right, home, end, pageup, pagedown, f1-f12, with an optional ctrl- or alt- prefix"
    )
}

impl fmt::Display for Key {
    /// The short form shown in hints: `j`, `↓`, `Ctrl-u`, `PgDn`, `S-Tab`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.ctrl {
            f.write_str("Ctrl-")?;
        }
        if self.alt {
            f.write_str("Alt-")?;
        }
        match self.code {
            KeyCode::Char(' ') => f.write_str("Space"),
            KeyCode::Char(c) => write!(f, "{c}"),
            KeyCode::Enter => f.write_str("Enter"),
            KeyCode::Esc => f.write_str("Esc"),
            KeyCode::Tab => f.write_str("Tab"),
            KeyCode::BackTab => f.write_str("S-Tab"),
            KeyCode::Backspace => f.write_str("Bksp"),
            KeyCode::Delete => f.write_str("Del"),
            KeyCode::Up => f.write_str("↑"),
            KeyCode::Down => f.write_str("↓"),
            KeyCode::Left => f.write_str("←"),
            KeyCode::Right => f.write_str("→"),
            KeyCode::Home => f.write_str("Home"),
            KeyCode::End => f.write_str("End"),
            KeyCode::PageUp => f.write_str("PgUp"),
            KeyCode::PageDown => f.write_str("PgDn"),
            KeyCode::F(n) => write!(f, "F{n}"),
            other => write!(f, "{other:?}"),
        }
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spec = String::deserialize(d)?;
        Key::parse(&spec).map_err(serde::de::Error::custom)
    }
}

type Bindings = BTreeMap<Action, Vec<Key>>;

#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct KeymapFile {
    global: Bindings,
    browse: Bindings,
    help: Bindings,
    prompt: Bindings,
}

/// The bindings in effect.
#[derive(Debug, Clone)]
pub struct Keymap {
    global: Bindings,
    browse: Bindings,
    help: Bindings,
    prompt: Bindings,
}

impl Default for Keymap {
    fn default() -> Self {
        let file = parse(DEFAULT, "assets/keymap.ron").expect("the built-in key map is valid");
        Keymap {
            global: file.global,
            browse: file.browse,
            help: file.help,
            prompt: file.prompt,
        }
    }
}

fn parse(text: &str, name: &str) -> Result<KeymapFile, Problem> {
    ron::from_str(text).map_err(|e| {
        crate::config::ron_problem(name, text, &e, |code| {
            Some(match code {
                ron::Error::NoSuchEnumVariant {
                    expected, found, ..
                } => format!(
                    "unknown intent `{found}`: expected one of {}{}",
                    expected.join(", "),
                    crate::suggest::did_you_mean(found, expected.iter().copied())
                ),
                ron::Error::NoSuchStructField {
                    expected, found, ..
                } => format!(
                    "unknown mode `{found}`: expected one of {}{}",
                    expected.join(", "),
                    crate::suggest::did_you_mean(found, expected.iter().copied())
                ),
                ron::Error::ExpectedNamedStructLike(_) | ron::Error::ExpectedStructName(_) => {
                    "expected `(` opening the key map: `(browse: { quit: [\"q\", \"ctrl-q\"] })`"
                        .into()
                }
                ron::Error::ExpectedMap => {
                    "expected `{` opening the mode's intents: `browse: { quit: [\"q\"] }`".into()
                }
                ron::Error::ExpectedArray => {
                    "expected `[` opening the intent's keys: `quit: [\"q\", \"ctrl-q\"]`".into()
                }
                ron::Error::ExpectedString => {
                    "expected a key in double quotes, such as \"q\", \"G\", \"ctrl-u\" or \"pagedown\""
                        .into()
                }
                ron::Error::Message(m) => m.clone(),
                _ => return None,
            })
        })
    })
}

/// The modes as the key map file names them, with the global bindings first.
const SECTIONS: [(&str, Option<Mode>); 4] = [
    ("global", None),
    ("browse", Some(Mode::Browse)),
    ("prompt", Some(Mode::Prompt)),
    ("help", Some(Mode::Help)),
];

/// An intent as the key map file names it (`page_down`).
fn intent(action: Action) -> String {
    let mut out = String::new();
    for (i, c) in format!("{action:?}").chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                out.push('_');
            }
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

impl Keymap {
    /// The built-in bindings with the user's file laid over them, intent by intent. Every
    /// mistake of the file is reported at once: what cannot be read, a key bound to two
    /// intents of one mode, a binding that can never fire, a mode left with no way out.
    pub fn with_overrides(text: &str, name: &str) -> Result<Self, Vec<Problem>> {
        let user = parse(text, name).map_err(|p| vec![p])?;
        let mut map = Keymap::default();
        map.global.extend(user.global.clone());
        map.browse.extend(user.browse.clone());
        map.help.extend(user.help.clone());
        map.prompt.extend(user.prompt.clone());
        let found = map.mistakes(&user);
        if found.is_empty() {
            return Ok(map);
        }
        let wanted = found.iter().map(|(path, _)| path.clone()).collect();
        let places = crate::kb::locate::locate(text, &wanted);
        let mut problems: Vec<Problem> = found
            .into_iter()
            .map(|(path, message)| match places.get(&path) {
                Some(at) => Problem::at(name, text, at.line, at.col, message),
                None => Problem::whole(name, message),
            })
            .collect();
        problems.sort_by_key(|p| (p.line, p.col));
        problems.dedup();
        Err(problems)
    }

    /// What is wrong with these bindings, each with the path in the user's file (`user`) of
    /// the binding it is about (the built-in bindings have no mistakes of their own).
    fn mistakes(&self, user: &KeymapFile) -> Vec<(String, String)> {
        let users = |section: &str| -> &Bindings {
            match section {
                "global" => &user.global,
                "browse" => &user.browse,
                "prompt" => &user.prompt,
                _ => &user.help,
            }
        };
        let ours = |section: &str| -> &Bindings {
            match section {
                "global" => &self.global,
                "browse" => &self.browse,
                "prompt" => &self.prompt,
                _ => &self.help,
            }
        };
        // The place of a binding: the key in the user's list if the user wrote it, else the
        // intent or the section the user wrote, else the file.
        let place = |section: &str, action: Action, key: Option<Key>| -> String {
            let bindings = users(section);
            match (bindings.get(&action), key) {
                (Some(keys), Some(key)) => match keys.iter().position(|k| *k == key) {
                    Some(k) => format!("{section}.{}[{k}]", intent(action)),
                    None => format!("{section}.{}", intent(action)),
                },
                (Some(_), None) => format!("{section}.{}", intent(action)),
                (None, _) => section.to_string(),
            }
        };
        let from_user = |section: &str, action: Action| users(section).contains_key(&action);
        let mut found = Vec::new();
        for (section, mode) in SECTIONS {
            let label = mode.map_or("every mode", Mode::label);
            // Within one section, and against the global bindings (which a mode's own shadow).
            let mut seen: Vec<(Key, Action, &str)> = Vec::new();
            let against: &[&str] = if mode.is_some() {
                &["global", section]
            } else {
                &["global"]
            };
            for &s in against {
                for (&action, keys) in ours(s) {
                    for &key in keys {
                        if let Some(&(_, other, other_s)) =
                            seen.iter().find(|(k, a, _)| *k == key && *a != action)
                        {
                            // Reported at the user's binding of the two (the later one if both).
                            let (at_s, at_a) = if from_user(s, action) {
                                (s, action)
                            } else {
                                (other_s, other)
                            };
                            // A mode's own key shadows a global one in that mode: no
                            // conflict (the global key is not listed there).
                            let shadowing =
                                mode.is_some() && (s == "global") != (other_s == "global");
                            if from_user(at_s, at_a)
                                && !shadowing
                                && (s != "global" || mode.is_none())
                            {
                                found.push((
                                    place(at_s, at_a, Some(key)),
                                    format!(
                                        "`{key}` is bound to both {} and {} in {}: a key can do one thing in a mode; give one of them other keys",
                                        intent(other),
                                        intent(action),
                                        label.to_lowercase()
                                    ),
                                ));
                            }
                        }
                        seen.push((key, action, s));
                    }
                }
            }
            // In the prompt, characters typed without ctrl or alt are text.
            if mode == Some(Mode::Prompt) {
                for (&action, keys) in users("prompt") {
                    for &key in keys {
                        if matches!(key.code, KeyCode::Char(_)) && !key.ctrl && !key.alt {
                            found.push((
                                place("prompt", action, Some(key)),
                                format!(
                                    "`{key}` can never be {}: in a prompt, characters typed without ctrl or alt are text; use a key such as \"ctrl-{key}\"",
                                    intent(action)
                                ),
                            ));
                        }
                    }
                }
            }
            // A way out of every mode.
            if let Some(mode) = mode {
                let exits: &[Action] = match mode {
                    Mode::Browse => &[Action::Quit],
                    Mode::Help | Mode::Prompt => &[Action::Close, Action::Quit],
                };
                if exits.iter().all(|&a| self.keys(mode, a).is_empty()) {
                    let names: Vec<String> = exits.iter().map(|&a| intent(a)).collect();
                    let emptied = exits
                        .iter()
                        .find(|&&a| from_user(section, a))
                        .map_or_else(|| section.to_string(), |&a| place(section, a, None));
                    found.push((
                        emptied,
                        format!(
                            "nothing leaves {}: {} {} no key here or in global; bind one, such as [\"q\"]",
                            mode.label().to_lowercase(),
                            names.join(" and "),
                            if names.len() == 1 { "has" } else { "have" },
                        ),
                    ));
                }
            }
        }
        found
    }

    /// The built-in bindings, overridden by the user's key map file if there is one.
    pub fn load_user() -> Result<Self, Vec<Problem>> {
        let Some(path) = user_file() else {
            return Ok(Keymap::default());
        };
        match crate::config::read(&path, "a key map") {
            Ok(Some(text)) => Keymap::with_overrides(&text, &path.display().to_string()),
            Ok(None) => Ok(Keymap::default()),
            Err(problem) => Err(vec![problem]),
        }
    }

    fn mode(&self, mode: Mode) -> &Bindings {
        match mode {
            Mode::Browse => &self.browse,
            Mode::Help => &self.help,
            Mode::Prompt => &self.prompt,
        }
    }

    /// The action a key triggers in a mode: the mode's own bindings first, then the global ones.
    /// In a prompt, a character typed without ctrl or alt is always text.
    pub fn action(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        let key = Key::from_event(event);
        if mode == Mode::Prompt
            && let KeyCode::Char(c) = key.code
            && !key.ctrl
            && !key.alt
        {
            return Some(Action::Type(c));
        }
        let find = |b: &Bindings| {
            b.iter()
                .find(|(_, keys)| keys.contains(&key))
                .map(|(a, _)| *a)
        };
        find(self.mode(mode)).or_else(|| find(&self.global))
    }

    /// The keys bound to an action in a mode (global ones after the mode's own, but for those
    /// the mode binds to something else).
    pub fn keys(&self, mode: Mode, action: Action) -> Vec<Key> {
        let own = self.mode(mode);
        let mut keys: Vec<Key> = own.get(&action).cloned().unwrap_or_default();
        if let Some(global) = self.global.get(&action) {
            let shadowed = |k: &Key| own.iter().any(|(a, ks)| *a != action && ks.contains(k));
            keys.extend(
                global
                    .iter()
                    .filter(|k| !keys.contains(k) && !shadowed(k))
                    .copied()
                    .collect::<Vec<_>>(),
            );
        }
        keys
    }

    /// Every binding of a mode, in intent order, for the help overlay.
    pub fn bindings(&self, mode: Mode) -> Vec<(Action, Vec<Key>)> {
        let mut actions: Vec<Action> = self.mode(mode).keys().copied().collect();
        actions.extend(
            self.global
                .keys()
                .filter(|a| !actions.contains(a))
                .copied()
                .collect::<Vec<_>>(),
        );
        actions.sort();
        actions
            .into_iter()
            .map(|a| (a, self.keys(mode, a)))
            .collect()
    }

    /// The help overlay's rows: every binding of every mode, then what the mouse does.
    pub fn help_rows(&self) -> Vec<HelpRow> {
        let mut rows = Vec::new();
        for mode in Mode::ALL {
            rows.push(HelpRow::Heading(mode.label()));
            for (action, _) in self.bindings(mode) {
                rows.push(HelpRow::Binding(
                    self.label(mode, action),
                    action.describe(),
                ));
            }
            rows.push(HelpRow::Blank);
        }
        rows.push(HelpRow::Heading("Mouse"));
        for (what, does) in MOUSE {
            rows.push(HelpRow::Binding(what.to_string(), does));
        }
        rows
    }

    /// `j/↓` — the keys of an action joined for a hint.
    pub fn label(&self, mode: Mode, action: Action) -> String {
        self.keys(mode, action)
            .iter()
            .map(Key::to_string)
            .collect::<Vec<_>>()
            .join("/")
    }
}

/// A row of the help overlay.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HelpRow {
    Heading(&'static str),
    /// Keys, and what they do.
    Binding(String, &'static str),
    Blank,
}

/// What the mouse does (its buttons are not in the key map).
const MOUSE: [(&str, &str); 3] = [
    ("click", "select and focus the pane"),
    ("double-click", "open"),
    ("wheel", "scroll the pane under the pointer"),
];

/// `$XDG_CONFIG_HOME/alliances/keymap.ron`, or `~/.config/alliances/keymap.ron`.
pub fn user_file() -> Option<PathBuf> {
    crate::config::file("keymap.ron")
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyEventKind;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    #[test]
    fn the_shipped_key_map_parses_and_has_no_conflicts() {
        let map = Keymap::default();
        for mode in Mode::ALL {
            let mut seen: Vec<(Key, Action)> = Vec::new();
            for (action, keys) in map.mode(mode) {
                assert!(!keys.is_empty(), "{mode:?} {action:?} has no key");
                for key in keys {
                    if let Some((_, other)) = seen.iter().find(|(k, _)| k == key) {
                        panic!("{mode:?}: {key} is bound to {other:?} and {action:?}");
                    }
                    seen.push((*key, *action));
                }
            }
        }
    }

    #[test]
    fn dispatches_keys_per_mode_with_global_fallback() {
        let map = Keymap::default();
        let key = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(map.action(Mode::Browse, key('j')), Some(Action::Down));
        assert_eq!(map.action(Mode::Browse, key('q')), Some(Action::Quit));
        assert_eq!(map.action(Mode::Help, key('q')), Some(Action::Close));
        assert_eq!(
            map.action(Mode::Help, press(KeyCode::Char('c'), KeyModifiers::CONTROL)),
            Some(Action::Quit)
        );
        // Shift is part of the character.
        assert_eq!(
            map.action(Mode::Browse, press(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Last)
        );
        assert_eq!(
            map.action(Mode::Browse, press(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PreviousPane)
        );
        assert_eq!(map.action(Mode::Browse, key('x')), None);
        // In a prompt, letters are text, even those bound elsewhere.
        assert_eq!(map.action(Mode::Prompt, key('q')), Some(Action::Type('q')));
        assert_eq!(map.action(Mode::Prompt, key('j')), Some(Action::Type('j')));
        assert_eq!(
            map.action(
                Mode::Prompt,
                press(KeyCode::Char('n'), KeyModifiers::CONTROL)
            ),
            Some(Action::Down)
        );
        assert_eq!(
            map.action(
                Mode::Browse,
                press(KeyCode::Char('p'), KeyModifiers::CONTROL)
            ),
            Some(Action::GoTo)
        );
    }

    #[test]
    fn labels_for_hints() {
        let map = Keymap::default();
        assert_eq!(map.label(Mode::Browse, Action::Down), "j/↓");
        assert_eq!(map.label(Mode::Browse, Action::PageUp), "PgUp/Ctrl-u");
        assert_eq!(map.label(Mode::Browse, Action::Quit), "q/Ctrl-c");
    }

    #[test]
    fn a_user_file_overrides_only_the_intents_it_names() {
        let map = Keymap::with_overrides(r#"(browse: { quit: ["x"] })"#, "k.ron").unwrap();
        let key = |c| press(KeyCode::Char(c), KeyModifiers::NONE);
        assert_eq!(map.action(Mode::Browse, key('x')), Some(Action::Quit));
        assert_eq!(map.action(Mode::Browse, key('q')), None);
        assert_eq!(map.action(Mode::Browse, key('j')), Some(Action::Down));
    }

    #[test]
    fn a_bad_user_file_is_reported_with_its_position() {
        let first = |text: &str| Keymap::with_overrides(text, "k.ron").unwrap_err().remove(0);
        let p = first("(browse: {\n  qiut: [\"x\"] })");
        assert_eq!((p.line, p.col), (2, 3));
        assert!(p.message.contains("unknown intent `qiut`"), "{}", p.message);
        assert!(p.message.contains("did you mean `quit`?"), "{}", p.message);
        let p = first("(browse: { quit: [\"ctrl-\"] })");
        assert!(p.message.contains("unknown key \"ctrl-\""), "{}", p.message);
        // The parser's own words become the file's.
        let p = first("{browse: {}}");
        assert_eq!(
            p.message,
            "expected `(` opening the key map: `(browse: { quit: [\"q\", \"ctrl-q\"] })`"
        );
        let p = first("(browse: { quit: q })");
        assert!(
            p.message
                .starts_with("expected `[` opening the intent's keys"),
            "{}",
            p.message
        );
        let p = first("(\n\n   $browse: {})");
        assert_eq!((p.line, p.col), (3, 4), "{}", p.message);
    }

    #[test]
    fn a_key_bound_to_two_intents_or_a_mode_with_no_way_out_is_refused() {
        let problems = Keymap::with_overrides(
            "(\n  browse: {\n    quit: [\"j\"],\n  },\n  prompt: { close: [], quit: [], delete_word: [\"w\"] },\n  global: { quit: [] },\n)",
            "k.ron",
        )
        .unwrap_err();
        let found: Vec<(usize, usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.col, p.message.as_str()))
            .collect();
        assert_eq!(
            found,
            [
                (
                    3,
                    12,
                    "`j` is bound to both quit and down in browsing: a key can do one thing in a mode; give one of them other keys"
                ),
                (
                    5,
                    13,
                    "nothing leaves search and go-to: close and quit have no key here or in global; bind one, such as [\"q\"]"
                ),
                (
                    5,
                    48,
                    "`w` can never be delete_word: in a prompt, characters typed without ctrl or alt are text; use a key such as \"ctrl-w\""
                ),
            ],
            "{problems:#?}"
        );
        // A mode's own key shadows a global one there: `q` quits everywhere but closes help.
        let map =
            Keymap::with_overrides(r#"(global: { quit: ["q", "ctrl-c"] })"#, "k.ron").unwrap();
        let q = press(KeyCode::Char('q'), KeyModifiers::NONE);
        assert_eq!(map.action(Mode::Help, q), Some(Action::Close));
        assert_eq!(map.label(Mode::Help, Action::Quit), "Ctrl-c");
        // With quit left to the global `ctrl-c`, browsing still has a way out.
        assert!(Keymap::with_overrides("(browse: { quit: [] })", "k.ron").is_ok());
        let p = Keymap::with_overrides("(browse: { quit: [] }, global: { quit: [] })", "k.ron")
            .unwrap_err();
        assert!(
            p[0].message
                .starts_with("nothing leaves browsing: quit has no key"),
            "{p:#?}"
        );
        assert_eq!(intent(Action::PageDown), "page_down");
    }

    #[test]
    fn parses_key_names() {
        assert_eq!(
            Key::parse("ctrl-U").unwrap(),
            Key {
                code: KeyCode::Char('u'),
                ctrl: true,
                alt: false
            }
        );
        assert_eq!(Key::parse("PageDown").unwrap().code, KeyCode::PageDown);
        assert_eq!(Key::parse("f12").unwrap().code, KeyCode::F(12));
        assert!(Key::parse("f13").is_err());
        assert!(Key::parse("").is_err());
        assert_eq!(Key::parse("-").unwrap().code, KeyCode::Char('-'));
    }
}
