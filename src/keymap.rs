//! Key bindings: key event → action for each mode, and action → keys for the help overlay and
//! the hint bar. Declared once, in `assets/keymap.ron`; a user file may override any intent.

use crate::action::Action;
use crate::kb::Problem;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

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
        let at = e.span.start;
        let message = match &e.code {
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
            other => other.to_string(),
        };
        Problem::at(name, text, at.line, at.col, message)
    })
}

impl Keymap {
    /// The built-in bindings with the user's file laid over them, intent by intent.
    pub fn with_overrides(text: &str, name: &str) -> Result<Self, Problem> {
        let user = parse(text, name)?;
        let mut map = Keymap::default();
        map.global.extend(user.global);
        map.browse.extend(user.browse);
        map.help.extend(user.help);
        map.prompt.extend(user.prompt);
        Ok(map)
    }

    /// The built-in bindings, overridden by the user's key map file if there is one.
    pub fn load_user() -> Result<Self, Problem> {
        match user_file() {
            Some(path) if path.is_file() => {
                let name = path.display().to_string();
                let text = std::fs::read_to_string(&path).map_err(|e| Problem {
                    file: name.clone(),
                    line: 1,
                    col: 1,
                    message: format!("cannot read the key map: {e}"),
                    snippet: None,
                })?;
                Keymap::with_overrides(&text, &name)
            }
            _ => Ok(Keymap::default()),
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

    /// The keys bound to an action in a mode (global ones after the mode's own).
    pub fn keys(&self, mode: Mode, action: Action) -> Vec<Key> {
        let mut keys: Vec<Key> = self.mode(mode).get(&action).cloned().unwrap_or_default();
        if let Some(global) = self.global.get(&action) {
            keys.extend(
                global
                    .iter()
                    .filter(|k| !keys.contains(k))
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
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".config")))?;
    Some(base.join("alliances").join("keymap.ron"))
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
        let p = Keymap::with_overrides("(browse: {\n  qiut: [\"x\"] })", "k.ron").unwrap_err();
        assert_eq!((p.line, p.col), (2, 3));
        assert!(p.message.contains("unknown intent `qiut`"), "{}", p.message);
        assert!(p.message.contains("did you mean `quit`?"), "{}", p.message);
        let p = Keymap::with_overrides("(browse: { quit: [\"ctrl-\"] })", "k.ron").unwrap_err();
        assert!(p.message.contains("unknown key \"ctrl-\""), "{}", p.message);
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
