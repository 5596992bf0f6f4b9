//! Screens at fixed sizes, rendered into a TestBackend and compared with reviewed snapshots.

mod common;

use alliances::action::Action;
use alliances::app::App;
use alliances::kb::Entity;
use alliances::kb::{self, Kb};
use alliances::keymap::Keymap;
use alliances::ui::Theme;
use common::{app, day, press, screen, shot, type_text};
use insta::assert_snapshot;
use ratatui::layout::Rect;
use ratatui::style::Modifier;

/// Moves the detail cursor to the link that leads to `target`.
fn select_link(app: &mut App, target: Entity) {
    assert!(app.select_link_to(target), "no link to {target:?}");
}

#[test]
fn start_screen() {
    assert_snapshot!(shot(&app(110, 32)));
}

#[test]
fn start_screen_at_80_by_24() {
    assert_snapshot!(shot(&app(80, 24)));
}

#[test]
fn details_with_members() {
    let mut a = app(110, 32);
    press(
        &mut a,
        &[
            Action::Open,
            Action::NextSection,
            Action::Down,
            Action::Down,
        ],
    );
    assert_snapshot!(shot(&a));
}

#[test]
fn focus_area_selected() {
    let mut a = app(110, 32);
    press(&mut a, &[Action::PreviousPane, Action::Down]);
    assert_snapshot!(shot(&a));
}

#[test]
fn member_view() {
    let mut a = app(110, 32);
    press(&mut a, &[Action::Open]);
    let nvidia = a.index().org(a.kb(), "nvidia").unwrap();
    select_link(&mut a, Entity::Org(nvidia));
    press(&mut a, &[Action::Open]);
    assert_snapshot!(shot(&a));
}

#[test]
fn related_alliances_in_the_details() {
    let mut a = app(110, 32);
    press(&mut a, &[Action::Open]);
    let pai = a.index().alliance(a.kb(), "partnership-on-ai").unwrap();
    select_link(&mut a, Entity::Alliance(pai));
    assert_snapshot!(shot(&a));
}

#[test]
fn help_overlay() {
    let mut a = app(100, 30);
    press(&mut a, &[Action::Help]);
    assert_snapshot!(shot(&a));
}

#[test]
fn tiny_terminal() {
    assert_snapshot!(shot(&app(20, 6)));
}

#[test]
fn long_cjk_name() {
    let mut a = app(100, 28);
    let gtaa = a
        .index()
        .alliance(a.kb(), "global-telco-ai-alliance")
        .unwrap();
    // The list is by name: move down to it.
    while a.selected_alliance() != Some(gtaa) {
        press(&mut a, &[Action::Down]);
    }
    assert_snapshot!(shot(&a));
}

#[test]
fn a_long_cjk_alliance_name_is_cut_by_width() {
    let text = r#"(
        alliances: [(id: "cjk", name: "世界人工知能連盟 글로벌 텔코 AI 얼라이언스 🤖 Ελληνικά École", kind: industry,
                     scope: international, founded: "2024", summary: "名前が長い同盟。", members: [(org: "o")])],
        organizations: [(id: "o", name: "組織 😀 Société générale d'électricité", kind: company, country: "JP")],
    )"#;
    let kb = kb::load::load_files([("cjk.ron".to_string(), text.as_bytes().to_vec())]).unwrap();
    let mut a = App::new(kb, Keymap::default(), "cjk.ron", Rect::new(0, 0, 80, 16));
    a.set_day(day());
    assert_snapshot!(shot(&a));
}

#[test]
fn the_selection_is_visible_without_colour() {
    let a = app(80, 24);
    let terminal = screen(&a, &Theme::plain());
    let buf = terminal.backend().buffer();
    // Row 3, under the header and the row of views, is the first alliance: marked and in
    // reverse video; no cell has a colour.
    let row: String = (0..30).map(|x| buf[(x, 3)].symbol().to_string()).collect();
    assert!(row.contains("▶ AI Alliance"), "{row}");
    assert!(buf[(3, 3)].modifier.contains(Modifier::REVERSED));
    for cell in buf.content() {
        assert_eq!(cell.fg, ratatui::style::Color::Reset);
        assert_eq!(cell.bg, ratatui::style::Color::Reset);
    }
}

#[test]
fn every_size_down_to_one_by_one_renders() {
    let mut a = app(80, 24);
    for (w, h) in [
        (1, 1),
        (2, 1),
        (1, 2),
        (10, 3),
        (49, 11),
        (50, 12),
        (51, 13),
        (300, 100),
    ] {
        press(&mut a, &[Action::Resize { cols: w, rows: h }]);
        let t = screen(&a, &Theme::colored());
        assert_eq!(t.backend().buffer().area, Rect::new(0, 0, w, h));
    }
}

#[test]
fn an_empty_knowledge_base_renders() {
    let mut a = App::new(
        Kb::default(),
        Keymap::default(),
        "empty.ron",
        Rect::new(0, 0, 60, 14),
    );
    a.set_day(day());
    assert_snapshot!(shot(&a));
}

#[test]
fn search_popup_with_highlighted_matches() {
    let mut a = app(100, 28);
    press(&mut a, &[Action::Search]);
    type_text(&mut a, "tele");
    let terminal = screen(&a, &Theme::colored());
    assert_snapshot!(terminal.backend().to_string());
    // The first result matched through its other name "Telekom": those characters are
    // highlighted, the rest of the row is not.
    let buf = terminal.backend().buffer();
    let row = (0..buf.area.height)
        .find(|&y| {
            let line: String = (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect();
            line.contains("▶ Deutsche Telekom (Telekom)")
        })
        .expect("the first result");
    let line: String = (0..buf.area.width)
        .map(|x| buf[(x, row)].symbol().to_string())
        .collect();
    let start = line.chars().position(|c| c == '(').unwrap() as u16 + 1;
    let name = line.chars().position(|c| c == 'D').unwrap() as u16;
    assert!(!buf[(name, row)].modifier.contains(Modifier::UNDERLINED));
    for x in start..start + 4 {
        assert!(
            buf[(x, row)].modifier.contains(Modifier::UNDERLINED),
            "column {x} of {line}"
        );
    }
    assert!(
        !buf[(start + 4, row)]
            .modifier
            .contains(Modifier::UNDERLINED)
    );
}

#[test]
fn go_to_anything_popup() {
    let mut a = app(100, 24);
    press(&mut a, &[Action::GoTo]);
    type_text(&mut a, "ai all");
    assert_snapshot!(shot(&a));
}

#[test]
fn a_search_matching_another_name() {
    let mut a = app(100, 16);
    press(&mut a, &[Action::Search]);
    type_text(&mut a, "ecole");
    assert_snapshot!(shot(&a));
}

#[test]
fn compare_view() {
    let a = compared(120, 30, "ai-alliance", "partnership-on-ai");
    assert_snapshot!(shot(&a));
}

/// The explorer with `first` and `second` marked and compared.
fn compared(cols: u16, rows: u16, first: &str, second: &str) -> App {
    let mut a = app(cols, rows);
    for id in [first, second] {
        let target = a.index().alliance(a.kb(), id).unwrap();
        press(&mut a, &[Action::First]);
        while a.selected_alliance() != Some(target) {
            press(&mut a, &[Action::Down]);
        }
        press(&mut a, &[Action::Mark]);
    }
    press(&mut a, &[Action::Compare]);
    a
}

#[test]
fn compare_view_of_alliances_with_no_member_in_common() {
    let a = compared(100, 12, "ai-alliance", "united-ai-alliance");
    let screen = shot(&a);
    assert!(screen.contains("No organisation is in both"), "{screen}");
    assert_snapshot!(screen);
}

#[test]
fn marked_alliances_in_the_list() {
    let mut a = app(100, 20);
    press(
        &mut a,
        &[Action::Mark, Action::Down, Action::Down, Action::Mark],
    );
    assert_snapshot!(shot(&a));
}

/// The explorer on a terminal of 100×24 while `/data/registry` loads, as far as `progress`
/// after `elapsed`.
fn loading(progress: alliances::kb::load::Progress, elapsed: std::time::Duration) -> App {
    let mut a = App::loading(
        Keymap::default(),
        "/data/registry",
        Rect::new(0, 0, 100, 24),
        None,
    );
    a.set_day(day());
    a.load_progress(progress, elapsed);
    a
}

#[test]
fn a_big_knowledge_base_loading_in_the_background() {
    use alliances::kb::load::{Phase, Progress};
    use std::time::Duration;
    let progress = Progress {
        phase: Phase::Reading,
        bytes_done: 412_000_000,
        bytes_total: 702_000_000,
        files_done: 62,
        files_total: 106,
    };
    assert_snapshot!(shot(&loading(progress, Duration::from_millis(2_600))));
}

#[test]
fn a_big_knowledge_base_validating_shows_a_sweeping_bar_and_a_moving_clock() {
    use alliances::kb::load::{Phase, Progress};
    use std::time::Duration;
    let progress = Progress {
        phase: Phase::Validating,
        bytes_done: 0,
        bytes_total: 0,
        files_done: 0,
        files_total: 0,
    };
    let mut a = loading(progress, Duration::from_millis(4_100));
    // Nothing new from the load for a while: the clock still moves, and so does the bar.
    a.load_tick(Duration::from_millis(5_500));
    assert_snapshot!(shot(&a));
}

#[test]
fn a_rebound_quit_key_is_shown_as_rebound_on_every_screen_that_names_it() {
    let keymap = Keymap::with_overrides(r#"(browse: { quit: ["x"] })"#, "keymap.ron").unwrap();
    let kb = kb::load_embedded().unwrap();
    let mut a = App::new(kb, keymap.clone(), "built-in", Rect::new(0, 0, 100, 24));
    a.set_day(day());
    assert!(shot(&a).contains("x quit"), "{}", shot(&a));
    let small = App::new(
        kb::load_embedded().unwrap(),
        keymap.clone(),
        "built-in",
        Rect::new(0, 0, 30, 8),
    );
    let screen = shot(&small);
    assert!(
        screen.contains("x quits") && !screen.contains("q quits"),
        "{screen}"
    );
    let mut loading = App::loading(keymap, "/data", Rect::new(0, 0, 100, 24), None);
    loading.set_day(day());
    let screen = shot(&loading);
    assert!(
        screen.contains("x quits · ? help") && !screen.contains("q quits"),
        "{screen}"
    );
}

/// The screens of small and middling terminals: the details never thinner than 40 columns,
/// fewer panes instead, the focused one among them, and the others said on the border.
#[test]
fn small_terminals_show_fewer_panes() {
    for (cols, rows) in [(60, 15), (80, 24), (100, 30)] {
        let mut a = app(cols, rows);
        assert_snapshot!(format!("alliances_{cols}x{rows}"), shot(&a));
        // The details, on the member rows: names give way before kind, country and tag.
        press(&mut a, &[Action::NextPane, Action::NextSection]);
        assert_snapshot!(format!("details_{cols}x{rows}"), shot(&a));
    }
}

#[test]
fn z_zooms_the_focused_pane_to_the_whole_body() {
    let mut a = app(110, 32);
    press(&mut a, &[Action::NextPane, Action::Zoom]);
    assert_snapshot!(shot(&a));
    // Tab moves the zoom along; z again shows every pane.
    press(&mut a, &[Action::NextPane]);
    let zoomed_side = a.areas().unwrap();
    assert_eq!(zoomed_side.panes.len(), 1);
    assert_eq!(zoomed_side.panes[0].pane, alliances::app::Pane::Side);
    press(&mut a, &[Action::Zoom]);
    assert_eq!(a.areas().unwrap().panes.len(), 3);
}

/// The start screen and a member search in each theme, with the style of every cell: the
/// light theme has no yellow, cyan or light grey text, the dark one no dark grey text.
#[test]
fn both_themes() {
    use alliances::ui::theme::Brightness;
    for brightness in [Brightness::Dark, Brightness::Light] {
        let theme = Theme::for_background(brightness);
        let mut a = app(80, 24);
        press(&mut a, &[Action::NextPane]);
        assert_snapshot!(
            format!("theme_{brightness:?}").to_lowercase(),
            common::styled_shot(&a, &theme)
        );
        press(&mut a, &[Action::Search]);
        type_text(&mut a, "ibm");
        assert_snapshot!(
            format!("theme_{brightness:?}_search").to_lowercase(),
            common::styled_shot(&a, &theme)
        );
    }
}

/// After a reload that found mistakes: each whole, with its caret line, and `P` for the next.
#[test]
fn the_problems_panel_shows_each_problem_whole_and_scrolls() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/many-mistakes.ron");
    let Err(kb::LoadError::Invalid(problems)) = kb::load_path(&path) else {
        panic!("the file has mistakes");
    };
    let mut a = app(100, 30);
    let problems: Vec<_> = problems
        .into_iter()
        .map(|mut p| {
            p.file = "many-mistakes.ron".into();
            p
        })
        .collect();
    let n = problems.len();
    a.set_problems(problems);
    assert_snapshot!(shot(&a));
    press(&mut a, &[Action::NextProblem]);
    assert_eq!(a.problem_at(), 1);
    let lines = common::lines(&a);
    assert!(
        lines
            .iter()
            .any(|l| l.contains("many-mistakes.ron:5:40: unknown organization kind `compnay`")),
        "{lines:#?}"
    );
    // It wraps round to the first.
    for _ in 1..n {
        press(&mut a, &[Action::NextProblem]);
    }
    assert_eq!(a.problem_at(), 0);
}
