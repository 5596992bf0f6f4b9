//! The views of the whole field and the path screen at 120×40 and 80×24, rendered into a
//! TestBackend and compared with reviewed snapshots; one without colour.

mod common;

use alliances::action::Action;
use alliances::kb::Entity;
use alliances::ui::Theme;
use common::{app, lines, press, screen, shot, type_text};
use insta::assert_snapshot;
use ratatui::style::{Color, Modifier};

const SIZES: [(u16, u16); 2] = [(120, 40), (80, 24)];

/// The explorer at `cols`×`rows` after `actions`, then `filter` typed and taken if any.
fn view(cols: u16, rows: u16, actions: &[Action], filter: &str) -> alliances::app::App {
    let mut a = app(cols, rows);
    press(&mut a, actions);
    if !filter.is_empty() {
        press(&mut a, &[Action::Filter]);
        type_text(&mut a, filter);
        press(&mut a, &[Action::Open]);
    }
    a
}

#[test]
fn organisations() {
    for (cols, rows) in SIZES {
        let a = view(cols, rows, &[Action::ViewOrganizations], "");
        assert_snapshot!(format!("organisations_{cols}x{rows}"), shot(&a));
    }
}

#[test]
fn german_organisations() {
    for (cols, rows) in SIZES {
        let a = view(cols, rows, &[Action::ViewOrganizations], "country:de");
        let screen = shot(&a);
        assert!(screen.contains("(21/185)"), "{screen}");
        assert_snapshot!(format!("german_organisations_{cols}x{rows}"), screen);
    }
}

#[test]
fn organisations_by_number_of_alliances() {
    let a = view(
        120,
        40,
        &[
            Action::ViewOrganizations,
            Action::SortNext,
            Action::SortNext,
            Action::SortNext,
        ],
        "",
    );
    let screen = shot(&a);
    assert!(
        screen.contains("Organisations · by alliances, most first"),
        "{screen}"
    );
    assert_snapshot!(screen);
}

#[test]
fn focus_areas() {
    for (cols, rows) in SIZES {
        let a = view(cols, rows, &[Action::ViewFocusAreas], "");
        assert_snapshot!(format!("focus_areas_{cols}x{rows}"), shot(&a));
    }
}

#[test]
fn claims() {
    for (cols, rows) in SIZES {
        let a = view(cols, rows, &[Action::ViewClaims], "");
        assert_snapshot!(format!("claims_{cols}x{rows}"), shot(&a));
    }
}

#[test]
fn wrong_claims() {
    for (cols, rows) in SIZES {
        let a = view(cols, rows, &[Action::ViewClaims], "verdict:wrong");
        assert_snapshot!(format!("wrong_claims_{cols}x{rows}"), shot(&a));
    }
}

#[test]
fn a_filter_with_an_unknown_field() {
    let mut a = view(100, 24, &[Action::ViewOrganizations, Action::Filter], "");
    type_text(&mut a, "cuntry:de");
    let screen = shot(&a);
    assert!(screen.contains("unknown field `cuntry:`"), "{screen}");
    assert_snapshot!(screen);
}

/// The path from Meta to the Scottish AI Alliance, its second step selected.
fn path(cols: u16, rows: u16) -> alliances::app::App {
    let mut a = app(cols, rows);
    let meta = a.index().org(a.kb(), "meta").unwrap();
    a.jump(Entity::Org(meta));
    press(&mut a, &[Action::Path]);
    type_text(&mut a, "scottish ai alliance");
    press(&mut a, &[Action::Open, Action::Down, Action::Down]);
    a
}

#[test]
fn path_screen() {
    for (cols, rows) in SIZES {
        let a = path(cols, rows);
        let screen = shot(&a);
        assert!(screen.contains("Meta → Scottish AI Alliance"), "{screen}");
        assert_snapshot!(format!("path_{cols}x{rows}"), screen);
    }
}

#[test]
fn the_organisations_view_without_colour() {
    let a = view(80, 24, &[Action::ViewOrganizations], "country:de");
    let terminal = screen(&a, &Theme::plain());
    let buf = terminal.backend().buffer();
    for cell in buf.content() {
        assert_eq!((cell.fg, cell.bg), (Color::Reset, Color::Reset));
    }
    // The selected row is marked and in reverse video; the sorted column's arrow is there.
    let text = lines(&a);
    let y = text
        .iter()
        .position(|l| l.contains("▶ Baden-Württemberg "))
        .expect("the selected row");
    assert!(buf[(4, y as u16)].modifier.contains(Modifier::REVERSED));
    assert!(text.iter().any(|l| l.contains("Name ↑")));
    assert_snapshot!(terminal.backend().to_string());
}
