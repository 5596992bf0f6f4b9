//! Property tests: damaged knowledge-base files never make the loader panic and every problem
//! has a position; random keys, clicks and terminal sizes never make the explorer panic or
//! lose track of what it shows.

use alliances::action::Action;
use alliances::app::App;
use alliances::kb;
use alliances::keymap::Keymap;
use alliances::ui::{self, Theme};
use proptest::prelude::*;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

const VALID: &str = include_str!("data/valid-minimal.ron");
const PAI: &str = include_str!("../assets/kb/partnership-on-ai.ron");

/// One damage done to a file's text.
#[derive(Debug, Clone)]
enum Mutation {
    Insert(usize, char),
    Delete(usize, usize),
    Duplicate(usize, usize),
    Truncate(usize),
    Replace(usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let interesting = prop::sample::select(vec![
        '(', ')', '[', ']', '{', '}', ':', ',', '"', '\\', ' ', '\n', 'é', '名', '\u{1b}', '\u{0}',
        '#', '/', '*', 'x', '1', '-',
    ]);
    prop_oneof![
        (any::<usize>(), interesting.clone()).prop_map(|(i, c)| Mutation::Insert(i, c)),
        (any::<usize>(), 1..40usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<usize>(), 1..80usize).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), interesting).prop_map(|(i, c)| Mutation::Replace(i, c)),
    ]
}

/// A character boundary of `s` chosen by `i`.
fn boundary(s: &str, i: usize) -> usize {
    let mut at = i % (s.len() + 1);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn apply(text: &str, mutations: &[Mutation]) -> String {
    let mut s = text.to_string();
    for m in mutations {
        match *m {
            Mutation::Insert(i, c) => {
                let at = boundary(&s, i);
                s.insert(at, c);
            }
            Mutation::Delete(i, n) | Mutation::Duplicate(i, n) => {
                let from = boundary(&s, i);
                let to = boundary(&s, (from + n).min(s.len()));
                if matches!(m, Mutation::Delete(..)) {
                    s.replace_range(from..to, "");
                } else {
                    let copy = s[from..to].to_string();
                    s.insert_str(to, &copy);
                }
            }
            Mutation::Truncate(i) => {
                let at = boundary(&s, i);
                s.truncate(at);
            }
            Mutation::Replace(i, c) => {
                let at = boundary(&s, i);
                if let Some(old) = s[at..].chars().next() {
                    s.replace_range(at..at + old.len_utf8(), &c.to_string());
                }
            }
        }
    }
    s
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn damaged_files_never_panic_and_every_problem_has_a_position(
        which in 0..2usize,
        mutations in prop::collection::vec(mutation(), 1..6),
    ) {
        let original = [VALID, PAI][which];
        let text = apply(original, &mutations);
        let lines = text.split('\n').count();
        let files = vec![("damaged.ron".to_string(), text.clone().into_bytes())];
        match kb::load::load_files(files) {
            Ok(_) => {}
            Err(problems) => {
                prop_assert!(!problems.is_empty());
                for p in &problems {
                    prop_assert_eq!(&p.file, "damaged.ron");
                    prop_assert!(p.line >= 1 && p.line <= lines + 1, "line {} of {}: {}", p.line, lines, p.message);
                    prop_assert!(p.col >= 1, "{:?}", p);
                    prop_assert!(!p.message.is_empty());
                    // Rendering the problem never panics either.
                    let _ = p.to_string();
                }
            }
        }
    }

    #[test]
    fn random_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let _ = kb::load::load_files(vec![("noise.ron".to_string(), bytes)]);
    }
}

fn action() -> impl Strategy<Value = Action> {
    use Action::*;
    let keys = prop::sample::select(vec![
        Down,
        Up,
        First,
        Last,
        PageDown,
        PageUp,
        NextPane,
        PreviousPane,
        Zoom,
        ClearFilter,
        NextProblem,
        Open,
        Back,
        Forward,
        NextSection,
        PreviousSection,
        Help,
        Close,
        Search,
        GoTo,
        Mark,
        Compare,
        DeleteChar,
        DeleteWord,
        ClearQuery,
    ]);
    prop_oneof![
        6 => keys,
        2 => prop::sample::select(vec!['a', 'i', 'n', 'e', ' ', '\'', '^', '$', '!', 'é', '名']).prop_map(Type),
        1 => (0..220u16, 0..90u16).prop_map(|(cols, rows)| Resize { cols, rows }),
        1 => Just(Resize { cols: 1, rows: 1 }),
        1 => (0..200u16, 0..60u16).prop_map(|(col, row)| Click { col, row }),
        1 => (0..200u16, 0..60u16).prop_map(|(col, row)| DoubleClick { col, row }),
        1 => (0..200u16, 0..60u16).prop_map(|(col, row)| ScrollDown { col, row }),
        1 => (0..200u16, 0..60u16).prop_map(|(col, row)| ScrollUp { col, row }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 120, ..ProptestConfig::default() })]

    #[test]
    fn random_keys_at_random_sizes_keep_the_explorer_consistent(
        (cols, rows) in (1..200u16, 1..70u16),
        actions in prop::collection::vec(action(), 1..60),
    ) {
        let kb = kb::load_embedded().unwrap();
        let mut app = App::new(kb, Keymap::default(), "built-in", Rect::new(0, 0, cols, rows));
        let theme = Theme::colored();
        for action in actions {
            if action == Action::Quit {
                continue;
            }
            let mut next = Some(action);
            while let Some(a) = next {
                next = app.update(a);
            }
            let wrong = app.invariants();
            prop_assert!(wrong.is_empty(), "after {:?}: {:?}", action, wrong);
            let area = app.size();
            let mut buf = Buffer::empty(area);
            ui::render(&app, &theme, area, &mut buf);
        }
    }
}
