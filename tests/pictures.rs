//! The pictures of the field (matrix, timeline, map): what moving and Enter do, how they look
//! at 120×40 and 80×24 and without colour (reviewed snapshots), and that any size draws.

mod common;

use alliances::action::Action;
use alliances::app::View;
use alliances::ui::Theme;
use common::{app, press, screen, shot, type_text};
use insta::assert_snapshot;

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

fn plain(a: &alliances::app::App) -> String {
    screen(a, &Theme::plain()).backend().to_string()
}

#[test]
fn matrix_pictures() {
    for (cols, rows) in SIZES {
        let mut a = app(cols, rows);
        press(
            &mut a,
            &[
                Action::ViewMatrix,
                Action::NextPane,
                Action::NextPane,
                Action::NextPane,
                Action::NextPane,
            ],
        );
        let screen = shot(&a);
        assert!(
            screen.contains("AI Alliance × Partnership on AI: 5 organisations in both"),
            "{screen}"
        );
        assert!(
            screen.contains("IBM, Intel, Meta, Sony Group, University of Tokyo"),
            "{screen}"
        );
        assert_snapshot!(format!("matrix_{cols}x{rows}"), screen);
    }
    let mut a = app(120, 40);
    press(&mut a, &[Action::ViewMatrix, Action::Mode]);
    assert_snapshot!("matrix_focus_no_colour", plain(&a));
}

#[test]
fn enter_on_a_matrix_cell_compares_its_alliances_and_on_a_focus_cell_opens_the_area() {
    let mut a = app(120, 40);
    press(
        &mut a,
        &[
            Action::ViewMatrix,
            Action::NextPane,
            Action::NextPane,
            Action::NextPane,
            Action::NextPane,
            Action::Open,
        ],
    );
    let View::Compare(c) = &a.screen().view else {
        panic!("{:?}", a.screen().view)
    };
    assert_eq!(a.kb().alliances[c.a].id, "ai-alliance");
    assert_eq!(a.kb().alliances[c.b].id, "partnership-on-ai");
    assert_eq!(a.page().rows(alliances::app::Pane::Shared).len(), 5);
    // Back on the matrix, the same cell; then the focus areas.
    press(&mut a, &[Action::Back]);
    assert!(matches!(a.screen().view, View::Matrix(_)));
    press(&mut a, &[Action::Mode, Action::Open]);
    assert!(
        matches!(&a.screen().view, View::Entity(e) if matches!(e.entity, alliances::kb::Entity::Focus(_))),
        "{:?}",
        a.screen().view
    );
}

#[test]
fn timeline_pictures_zoom_and_filter() {
    for (cols, rows) in SIZES {
        let mut a = app(cols, rows);
        press(&mut a, &[Action::ViewTimeline]);
        let screen = shot(&a);
        assert!(screen.contains("Timeline (251/251)"), "{screen}");
        assert!(screen.contains("A the article (2023-12)"), "{screen}");
        assert_snapshot!(format!("timeline_{cols}x{rows}"), screen);
    }
    let mut a = app(120, 40);
    press(&mut a, &[Action::ViewTimeline, Action::Filter]);
    type_text(&mut a, "in:scottish-ai-alliance kind:output");
    press(&mut a, &[Action::Open, Action::Mode, Action::Last]);
    let screen = plain(&a);
    assert!(screen.contains("by month"), "{screen}");
    assert!(!screen.contains("joined"), "{screen}");
    assert_snapshot!("timeline_scotland_by_month_no_colour", screen);
    // Enter opens what the mark is about.
    press(&mut a, &[Action::First, Action::Open]);
    assert_eq!(
        a.breadcrumb().last().map(String::as_str),
        Some("Scottish AI Alliance")
    );
}

#[test]
fn map_pictures_and_enter_on_a_country_lists_its_organisations() {
    for (cols, rows) in SIZES {
        let mut a = app(cols, rows);
        press(&mut a, &[Action::ViewMap]);
        let screen = shot(&a);
        assert!(screen.contains("United States"), "{screen}");
        assert!(screen.contains("29 countries · 9 with none"), "{screen}");
        assert_snapshot!(format!("map_{cols}x{rows}"), screen);
    }
    let mut a = app(120, 40);
    press(&mut a, &[Action::ViewMap, Action::Down, Action::Open]);
    assert_eq!(a.tab().map(|t| t.label()), Some("Organisations"));
    let screen = shot(&a);
    assert!(
        screen.contains("(21/185)"),
        "Germany, second by count:\n{screen}"
    );
    // v goes through the alliances.
    let mut a = app(120, 40);
    press(&mut a, &[Action::ViewMap, Action::Mode]);
    let screen = plain(&a);
    assert!(
        screen.contains("Map: the organisations of AI Alliance"),
        "{screen}"
    );
    assert_snapshot!("map_of_the_ai_alliance_no_colour", screen);
}

#[test]
fn every_picture_draws_at_any_size() {
    for view in [Action::ViewMatrix, Action::ViewTimeline, Action::ViewMap] {
        for (cols, rows) in [(1, 1), (20, 6), (50, 12), (300, 80)] {
            let mut a = app(120, 40);
            press(
                &mut a,
                &[
                    view,
                    Action::Resize { cols, rows },
                    Action::Down,
                    Action::NextPane,
                ],
            );
            let screen = shot(&a);
            assert!(!screen.is_empty());
            assert!(
                a.invariants().is_empty(),
                "{view:?} {cols}x{rows}: {:?}",
                a.invariants()
            );
        }
    }
}
