//! The row of views, filters, orders and the path screen, driven by actions as keys would.

use super::super::*;
use super::Tab;
use crate::listing::{Filter, Listing, Order, Scope, SortKey};

fn app() -> App {
    let kb = crate::kb::load_embedded().unwrap();
    let mut a = App::new(kb, Keymap::default(), "built-in", Rect::new(0, 0, 120, 40));
    a.set_day(crate::kb::TEST_DAY);
    a
}

fn press(a: &mut App, actions: &[Action]) {
    for &action in actions {
        let mut next = Some(action);
        while let Some(action) = next {
            next = a.update(action);
        }
    }
}

fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        a.update(Action::Type(c));
    }
}

/// Types `text` as the filter of the screen's list and takes it.
fn filter(a: &mut App, text: &str) {
    press(a, &[Action::Filter, Action::ClearQuery]);
    type_text(a, text);
    press(a, &[Action::Open]);
}

/// The ids of the screen's rows.
fn ids(a: &App) -> Vec<String> {
    let Some(Tab::List(listing)) = a.tab() else {
        panic!("a list")
    };
    let data = a.data();
    let scope = data.scope();
    a.rows()
        .iter()
        .map(|&r| scope.entity(listing, r).unwrap().id(a.kb()).to_string())
        .collect()
}

/// What the listing's own functions keep of the field terms `text`, in the default order.
fn expected(a: &App, listing: Listing, text: &str) -> Vec<String> {
    let scope = Scope {
        kb: a.kb(),
        index: a.index(),
        day: a.day(),
    };
    let f = Filter::parse(&scope, listing, text).unwrap();
    assert!(f.text.is_empty(), "only field terms here");
    crate::listing::rows(&scope, listing, &f, Order::of(listing), None, None)
        .into_iter()
        .map(|r| scope.entity(listing, r).unwrap().id(a.kb()).to_string())
        .collect()
}

#[test]
fn number_keys_switch_views_and_history_walks_through_them() {
    let mut a = app();
    assert_eq!(a.tab(), Some(Tab::List(Listing::Alliances)));
    press(&mut a, &[Action::ViewOrganizations]);
    assert_eq!(a.tab(), Some(Tab::List(Listing::Organizations)));
    assert!(matches!(a.screen().view, View::Table(_)));
    assert_eq!(a.rows().len(), a.kb().organizations.len());
    let tabs = a.tabs();
    assert_eq!(
        tabs.iter()
            .map(|t| (t.0.as_str(), t.1[0], t.2))
            .collect::<Vec<_>>(),
        [
            ("1", "Alliances", false),
            ("2", "Organisations", true),
            ("3", "Focus areas", false),
            ("4", "Claims", false),
            ("5", "Matrix", false),
            ("6", "Timeline", false),
            ("7", "Map", false)
        ]
    );
    press(&mut a, &[Action::ViewFocusAreas]);
    assert_eq!(a.rows().len(), a.kb().focus_areas.len());
    press(&mut a, &[Action::ViewClaims]);
    assert_eq!(a.rows().len(), a.index().claim_count());
    // Back walks the views in reverse, forward again.
    press(&mut a, &[Action::Back]);
    assert_eq!(a.tab(), Some(Tab::List(Listing::FocusAreas)));
    press(&mut a, &[Action::Back, Action::Back]);
    assert_eq!(a.tab(), Some(Tab::List(Listing::Alliances)));
    assert!(matches!(a.screen().view, View::Alliances(_)));
    press(&mut a, &[Action::Forward]);
    assert_eq!(a.tab(), Some(Tab::List(Listing::Organizations)));
}

#[test]
fn a_view_is_found_again_as_it_was_left() {
    let mut a = app();
    press(&mut a, &[Action::ViewOrganizations]);
    filter(&mut a, "country:jp");
    press(&mut a, &[Action::Down, Action::Down]);
    let left = a.screen().clone();
    press(&mut a, &[Action::ViewClaims, Action::ViewOrganizations]);
    assert_eq!(a.screen().clone(), left);
    assert_eq!(
        a.list_title().unwrap(),
        format!("Organisations ({}/185)", a.rows().len())
    );
}

#[test]
fn the_organisations_filter_keeps_what_the_listing_keeps_and_enter_opens_one() {
    let mut a = app();
    press(&mut a, &[Action::ViewOrganizations]);
    for text in [
        "country:de",
        "kind:university",
        "in:ai-alliance",
        "in:ai-alliance role:lead",
        "status:unverified",
        "alliances:>1",
    ] {
        filter(&mut a, text);
        assert_eq!(
            ids(&a),
            expected(&a, Listing::Organizations, text),
            "{text}"
        );
        assert!(!a.rows().is_empty(), "{text}");
        assert_eq!(a.list_caption(), Some(format!("filter {text}")));
    }
    filter(&mut a, "in:ai-alliance role:lead");
    assert_eq!(ids(&a), ["ibm", "meta"]);
    // Enter opens the selected organisation's own screen; back returns to the filtered list.
    press(&mut a, &[Action::Down]);
    let before = a.screen().clone();
    press(&mut a, &[Action::Open]);
    let meta = a.index().org(a.kb(), "meta").unwrap();
    assert!(matches!(&a.screen().view, View::Entity(e) if e.entity == Entity::Org(meta)));
    press(&mut a, &[Action::Back]);
    assert_eq!(a.screen().clone(), before);
    assert_eq!(ids(&a), ["ibm", "meta"]);
}

#[test]
fn the_filter_narrows_as_it_is_typed_and_esc_clears_it() {
    let mut a = app();
    press(&mut a, &[Action::ViewOrganizations, Action::Filter]);
    type_text(&mut a, "univ");
    let typed = a.rows().len();
    assert!(typed > 0 && typed < a.kb().organizations.len());
    // The matched letters of the visible names are highlighted.
    assert!(!a.list_highlights().is_empty());
    assert_eq!(a.list_highlights()[0].len(), 4);
    // Esc in the line clears the filter.
    press(&mut a, &[Action::Close]);
    assert_eq!(a.rows().len(), a.kb().organizations.len());
    // Esc on a filtered list clears it too.
    filter(&mut a, "country:de");
    assert!(a.rows().len() < a.kb().organizations.len());
    press(&mut a, &[Action::ClearFilter]);
    assert_eq!(a.rows().len(), a.kb().organizations.len());
    assert_eq!(a.list_caption(), None);
}

#[test]
fn an_unknown_term_is_said_and_the_line_stays_with_the_last_good_rows() {
    let mut a = app();
    press(&mut a, &[Action::ViewOrganizations]);
    filter(&mut a, "country:jp");
    press(&mut a, &[Action::Filter]);
    type_text(&mut a, " univ");
    let readable = a.rows().to_vec();
    // `univ:` is no field.
    type_text(&mut a, ":");
    let why = a.filter_error().expect("an error").to_string();
    assert!(why.contains("unknown field `univ:`"), "{why}");
    assert!(why.contains("expected one of country:"), "{why}");
    // Enter does not take it: the line stays, the rows are the last good ones.
    press(&mut a, &[Action::Open]);
    assert!(a.input().is_some_and(|i| i.error.is_some()));
    assert_eq!(a.rows(), readable.as_slice());
    assert!(!readable.is_empty());
    press(&mut a, &[Action::Close]);
    assert_eq!(a.rows().len(), a.kb().organizations.len());
}

#[test]
fn the_claims_view_filters_by_verdict_and_opens_the_alliance_at_its_claim() {
    let mut a = app();
    press(&mut a, &[Action::ViewClaims]);
    filter(&mut a, "verdict:wrong");
    let wrong: Vec<(Ix, usize)> = (0..a.index().claim_count())
        .filter_map(|r| a.index().claim(r))
        .filter(|&(al, c)| a.kb().alliances[al].claims[c].verdict == crate::kb::Verdict::Wrong)
        .collect();
    assert!(!wrong.is_empty());
    assert_eq!(a.rows().len(), wrong.len());
    let (al, c) = a.index().claim(a.rows()[0] as usize).unwrap();
    // Enter opens the alliance, its details scrolled to the claim.
    press(&mut a, &[Action::Open]);
    assert!(matches!(a.screen().view, View::Alliances(_)));
    assert_eq!(a.selected_alliance(), Some(al));
    let line = a.page().doc.claim_line(c).expect("the claim on the page");
    assert_eq!(a.screen().focus(), Pane::Details);
    assert_eq!(a.screen().cursor(Pane::Details).unwrap().offset, line);
}

#[test]
fn sort_keys_cycle_reverse_and_show_in_the_title() {
    let mut a = app();
    press(&mut a, &[Action::ViewOrganizations]);
    let name_order = a.rows().to_vec();
    let keys: Vec<SortKey> = SortKey::of(Listing::Organizations).to_vec();
    for key in &keys[1..] {
        press(&mut a, &[Action::SortNext]);
        assert!(
            a.list_title()
                .unwrap()
                .contains(&format!("by {},", key.label())),
            "{:?}",
            a.list_title()
        );
        assert_ne!(a.rows(), name_order.as_slice(), "{key:?}");
    }
    press(&mut a, &[Action::SortNext]);
    assert_eq!(a.rows(), name_order.as_slice());
    assert_eq!(a.list_title().unwrap(), "Organisations (185)");
    press(&mut a, &[Action::SortReverse]);
    let mut reversed = name_order.clone();
    reversed.reverse();
    assert_eq!(a.rows(), reversed.as_slice());
    assert_eq!(
        a.list_title().unwrap(),
        "Organisations · by name, Z to A (185)"
    );
    // The alliances list sorts too, and keeps the selected alliance selected.
    press(&mut a, &[Action::ViewAlliances]);
    let selected = a.selected_alliance();
    press(&mut a, &[Action::SortNext]);
    assert_eq!(a.selected_alliance(), selected);
    assert_eq!(
        a.list_title().unwrap(),
        "Alliances · by founded, oldest first (9)"
    );
    let pai = a.index().alliance(a.kb(), "partnership-on-ai").unwrap();
    assert_eq!(a.rows()[0] as usize, pai, "the oldest first");
}

#[test]
fn the_path_screen_shows_the_chain_the_command_finds_and_opens_each_step() {
    let mut a = app();
    let meta = Entity::Org(a.index().org(a.kb(), "meta").unwrap());
    let scottish = Entity::Alliance(a.index().alliance(a.kb(), "scottish-ai-alliance").unwrap());
    a.jump(meta);
    press(&mut a, &[Action::Path]);
    type_text(&mut a, "scottish ai alliance");
    // The first result is the alliance, above the organisation of the same name.
    press(&mut a, &[Action::Open]);
    let View::Path(p) = &a.screen().view else {
        panic!("no path screen: {:?}", a.screen().view);
    };
    assert_eq!((p.from, p.to), (meta, scottish));
    let steps = crate::kb::path::shortest(
        a.kb(),
        a.index(),
        meta,
        scottish,
        a.day(),
        crate::kb::path::Via::default(),
    )
    .unwrap();
    let rows = a.page().rows(Pane::List).to_vec();
    assert_eq!(rows[0].target, meta);
    assert_eq!(
        rows[1..].iter().map(|r| r.target).collect::<Vec<_>>(),
        steps
            .iter()
            .filter(|s| !matches!(s.link, crate::kb::path::Link::Same { .. }))
            .map(|s| s.node)
            .collect::<Vec<_>>()
    );
    assert_eq!(rows.last().unwrap().target, scottish);
    assert!(rows[1].label.contains("founding member"), "{:?}", rows[1]);
    // Each step's page starts with why it is linked.
    press(&mut a, &[Action::Down]);
    let first: String = a
        .page()
        .doc
        .segments(a.kb(), 0)
        .into_iter()
        .map(|(t, _)| t)
        .collect();
    assert!(first.starts_with("Step 1 of"), "{first}");
    // Enter opens a step; back returns to the path.
    let path = a.screen().clone();
    press(&mut a, &[Action::Open]);
    assert!(matches!(a.screen().view, View::Alliances(_)));
    press(&mut a, &[Action::Back]);
    assert_eq!(a.screen().clone(), path);
}

#[test]
fn a_path_starts_only_from_an_alliance_or_an_organisation() {
    let mut a = app();
    press(&mut a, &[Action::ViewFocusAreas, Action::Path]);
    assert!(a.finder().is_none());
    assert!(
        a.status()
            .contains("Paths join alliances and organisations"),
        "{}",
        a.status()
    );
}
