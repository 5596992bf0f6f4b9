use super::*;
use crate::kb::load::{Phase, Progress};
use std::time::Duration;

fn app() -> App {
    let kb = crate::kb::load_embedded().unwrap();
    let mut a = App::new(kb, Keymap::default(), "built-in", Rect::new(0, 0, 120, 40));
    a.set_day(crate::kb::TEST_DAY);
    a
}

fn org(app: &App, id: &str) -> Ix {
    app.index().org(app.kb(), id).unwrap()
}

fn alliance(app: &App, id: &str) -> Ix {
    app.index().alliance(app.kb(), id).unwrap()
}

/// Moves the detail cursor to the link that leads to `target`.
fn select_link(app: &mut App, target: Entity) {
    assert!(app.select_link_to(target), "no link to {target:?}");
}

fn cursor(app: &App, pane: Pane) -> Cursor {
    *app.screen().cursor(pane).expect("a pane of the view")
}

/// The entity of an entity screen.
fn page_of(app: &App) -> Option<Entity> {
    match &app.screen().view {
        View::Entity(e) => Some(e.entity),
        _ => None,
    }
}

fn rows(app: &App, pane: Pane) -> &[crate::doc::LinkRow] {
    app.page().rows(pane)
}

#[test]
fn moving_in_the_list_changes_the_details_and_resets_them() {
    let mut a = app();
    assert_eq!(a.breadcrumb(), ["AI Alliance"]);
    a.update(Action::NextPane);
    // The selection starts on the first member (the website line is link 0).
    assert_eq!(cursor(&a, Pane::Details).selected, 1);
    a.update(Action::Down);
    assert_eq!(cursor(&a, Pane::Details).selected, 2);
    a.update(Action::PreviousPane);
    a.update(Action::Down);
    // The list is in name order: the European AI Alliance is the Apply AI Alliance since
    // 2025-10-08.
    assert_eq!(a.breadcrumb(), ["Apply AI Alliance"]);
    // The details start again at the top, on their first link to a page.
    assert_eq!(cursor(&a, Pane::Details).offset, 0);
    assert_eq!(
        Some(cursor(&a, Pane::Details).selected),
        a.doc().first_entity_link()
    );
    a.update(Action::Last);
    assert_eq!(cursor(&a, Pane::List).selected, a.kb().alliances.len() - 1);
    a.update(Action::Down);
    assert_eq!(cursor(&a, Pane::List).selected, a.kb().alliances.len() - 1);
}

#[test]
fn enter_on_a_member_opens_its_view_and_back_restores_the_identical_screen() {
    let mut a = app();
    a.update(Action::Open);
    assert_eq!(a.screen().focus(), Pane::Details);
    let nvidia = org(&a, "nvidia");
    select_link(&mut a, Entity::Org(nvidia));
    let before = a.screen().clone();
    a.update(Action::Open);
    assert_eq!(page_of(&a), Some(Entity::Org(nvidia)));
    assert_eq!(a.screen().focus(), Pane::List);
    assert_eq!(a.breadcrumb(), ["AI Alliance", "NVIDIA"]);
    let names: Vec<&str> = rows(&a, Pane::List)
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(names, ["United AI Alliance", "AI Alliance"]);
    a.update(Action::Back);
    assert_eq!(a.screen().clone(), before);
}

#[test]
fn history_walks_back_and_forward_and_a_new_jump_drops_forward() {
    let mut a = app();
    a.update(Action::Open);
    let nvidia = org(&a, "nvidia");
    select_link(&mut a, Entity::Org(nvidia));
    let on_link = a.screen().clone();
    a.update(Action::Open); // NVIDIA
    a.update(Action::Open); // United AI Alliance
    let united = alliance(&a, "united-ai-alliance");
    assert_eq!(a.selected_alliance(), Some(united));
    assert_eq!(a.screen().focus(), Pane::Details);
    assert_eq!(
        a.breadcrumb(),
        ["AI Alliance", "NVIDIA", "United AI Alliance"]
    );
    let at_united = a.screen().clone();
    a.update(Action::Back);
    a.update(Action::Back);
    assert_eq!(a.screen().clone(), on_link);
    a.update(Action::Forward);
    a.update(Action::Forward);
    assert_eq!(a.screen().clone(), at_united);
    a.update(Action::Forward);
    assert_eq!(a.status(), "Nothing to go forward to");
    // Back twice, then a new jump: forward is gone.
    a.update(Action::Back);
    a.update(Action::Back);
    a.update(Action::PreviousPane);
    a.update(Action::Down); // another alliance: not a jump
    a.update(Action::Open);
    a.update(Action::First); // its website
    a.update(Action::Down);
    a.update(Action::Open); // its first member: a jump
    a.update(Action::Forward);
    assert_eq!(a.status(), "Nothing to go forward to");
    a.update(Action::Back);
    a.update(Action::Back);
    assert_eq!(a.status(), "Nothing to go back to");
    assert!(matches!(a.screen().view, View::Alliances(_)));
}

#[test]
fn the_side_pane_opens_a_focus_area_with_the_alliances_sharing_it() {
    let mut a = app();
    a.update(Action::PreviousPane); // wraps to the side pane
    assert_eq!(a.screen().focus(), Pane::Side);
    a.update(Action::Last);
    a.update(Action::Open);
    let policy = a.index().focus(a.kb(), "ai-policy").unwrap();
    assert_eq!(page_of(&a), Some(Entity::Focus(policy)));
    let names: Vec<&str> = rows(&a, Pane::List)
        .iter()
        .map(|l| l.name.as_str())
        .collect();
    assert_eq!(
        names,
        ["AI Alliance", "EDSAFE AI Alliance", "Apply AI Alliance"]
    );
}

#[test]
fn related_alliances_are_followed_from_the_details() {
    let mut a = app();
    a.update(Action::Open);
    let pai = alliance(&a, "partnership-on-ai");
    select_link(&mut a, Entity::Alliance(pai));
    a.update(Action::Open);
    assert_eq!(a.selected_alliance(), Some(pai));
    assert_eq!(a.breadcrumb(), ["AI Alliance", "Partnership on AI"]);
}

#[test]
fn section_keys_jump_between_headings() {
    let mut a = app();
    a.update(Action::NextSection);
    assert_eq!(a.screen().focus(), Pane::Details);
    let first_heading = a.doc().sections()[0];
    assert_eq!(cursor(&a, Pane::Details).offset, first_heading);
    a.update(Action::NextSection);
    assert_eq!(cursor(&a, Pane::Details).offset, a.doc().sections()[1]);
    a.update(Action::PreviousSection);
    assert_eq!(cursor(&a, Pane::Details).offset, first_heading);
}

#[test]
fn help_opens_scrolls_and_closes() {
    let mut a = app();
    a.update(Action::Help);
    assert_eq!(a.mode(), Mode::Help);
    a.update(Action::Down);
    a.update(Action::Close);
    assert_eq!(a.mode(), Mode::Browse);
    let rows = a.keymap().help_rows();
    assert!(rows.contains(&crate::keymap::HelpRow::Binding("j/↓".into(), "down")));
    assert!(rows.contains(&crate::keymap::HelpRow::Binding(
        "Bksp/Ctrl-o/[".into(),
        "back"
    )));
}

#[test]
fn clicks_select_and_double_clicks_follow() {
    let mut a = app();
    let areas = a.areas().unwrap();
    let list = areas.pane(Pane::List).unwrap().inner;
    a.update(Action::Click {
        col: list.x + 2,
        row: list.y + 5,
    });
    assert_eq!(cursor(&a, Pane::List).selected, 2);
    assert_eq!(a.screen().focus(), Pane::List);
    let side = areas.pane(Pane::Side).unwrap().inner;
    let follow = a.update(Action::DoubleClick {
        col: side.x + 1,
        row: side.y,
    });
    assert_eq!(follow, Some(Action::Open));
    a.update(Action::Open);
    assert!(matches!(page_of(&a), Some(Entity::Focus(_))));
    // Clicking outside any pane does nothing.
    assert_eq!(a.update(Action::DoubleClick { col: 0, row: 0 }), None);
}

#[test]
fn the_wheel_scrolls_the_pane_under_the_pointer() {
    let mut a = app();
    let areas = a.areas().unwrap();
    let details = areas.pane(Pane::Details).unwrap().inner;
    a.update(Action::ScrollDown {
        col: details.x + 1,
        row: details.y + 1,
    });
    assert_eq!(cursor(&a, Pane::Details).offset, 3);
    assert_eq!(a.screen().focus(), Pane::List);
    let list = areas.pane(Pane::List).unwrap().inner;
    a.update(Action::ScrollDown {
        col: list.x + 1,
        row: list.y + 1,
    });
    assert_eq!(cursor(&a, Pane::List).selected, 3);
}

#[test]
fn resizing_keeps_the_selection_visible() {
    let mut a = app();
    a.update(Action::Last);
    a.update(Action::Resize { cols: 60, rows: 12 });
    let h = a.items_visible(Pane::List);
    let c = cursor(&a, Pane::List);
    assert!(c.selected >= c.offset && c.selected < c.offset + h);
    a.update(Action::Resize { cols: 1, rows: 1 });
    a.update(Action::Down);
    a.update(Action::Open);
    a.update(Action::Resize {
        cols: 120,
        rows: 40,
    });
    assert_eq!(cursor(&a, Pane::List).selected, a.kb().alliances.len() - 1);
}

#[test]
fn an_empty_knowledge_base_is_browsable() {
    let mut a = App::new(
        Kb::default(),
        Keymap::default(),
        "empty",
        Rect::new(0, 0, 80, 24),
    );
    for action in [
        Action::Down,
        Action::Open,
        Action::NextPane,
        Action::Open,
        Action::Last,
        Action::Back,
    ] {
        a.update(action);
    }
    assert_eq!(a.breadcrumb(), ["Alliances"]);
}

fn type_text(a: &mut App, text: &str) {
    for c in text.chars() {
        a.update(Action::Type(c));
    }
}

#[test]
fn member_search_opens_the_member_view_and_esc_changes_nothing() {
    let mut a = app();
    let before = a.screen().clone();
    a.update(Action::Search);
    assert_eq!(a.mode(), Mode::Prompt);
    type_text(&mut a, "qj");
    // Typed letters are text, not commands.
    assert!(!a.should_quit());
    assert_eq!(a.finder().unwrap().0.query, "qj");
    a.update(Action::Close);
    assert_eq!(a.screen().clone(), before);
    assert_eq!(a.mode(), Mode::Browse);

    a.update(Action::Search);
    type_text(&mut a, "nvidia");
    let (finder, haystack) = a.finder().unwrap();
    let first = finder.results.hits[0];
    assert_eq!(
        a.kb().organizations[haystack.entry(first.entry).ix()].id,
        "nvidia"
    );
    assert_eq!(finder.highlights[0], [0, 1, 2, 3, 4, 5]);
    a.update(Action::Open);
    let nvidia = org(&a, "nvidia");
    assert_eq!(page_of(&a), Some(Entity::Org(nvidia)));
    a.update(Action::Back);
    assert_eq!(a.screen().clone(), before);
}

#[test]
fn the_finder_edits_its_query_and_moves_in_results() {
    let mut a = app();
    a.update(Action::Search);
    type_text(&mut a, "univ of");
    let n = a.finder().unwrap().0.results.hits.len();
    a.update(Action::DeleteWord);
    assert_eq!(a.finder().unwrap().0.query, "univ ");
    assert!(a.finder().unwrap().0.results.hits.len() >= n);
    a.update(Action::DeleteChar);
    a.update(Action::Down);
    a.update(Action::Down);
    assert_eq!(a.finder().unwrap().0.cursor.selected, 2);
    a.update(Action::ClearQuery);
    let finder = a.finder().unwrap().0;
    assert_eq!(finder.query, "");
    assert_eq!(finder.results.hits.len(), a.kb().organizations.len());
    assert_eq!(finder.results.total, a.kb().organizations.len());
    assert_eq!(finder.cursor.selected, 0);
}

/// Waits for the search thread to answer the finder's query.
fn settle(a: &mut App) {
    let start = std::time::Instant::now();
    while a.finder().is_some_and(|f| f.0.searching) {
        assert!(start.elapsed() < Duration::from_secs(10), "no answer");
        a.poll();
        std::thread::sleep(Duration::from_millis(1));
    }
}

#[test]
fn a_search_on_the_search_thread_answers_the_latest_query_only() {
    let mut a = app();
    a.finders.search_in_background_from(0);
    a.update(Action::Search);
    settle(&mut a);
    type_text(&mut a, "nvid");
    // Typing does not wait: the finder shows it is searching.
    assert!(a.finder().unwrap().0.searching || a.finder().unwrap().0.results.query == "nvid");
    type_text(&mut a, "ia");
    settle(&mut a);
    let (finder, haystack) = a.finder().unwrap();
    assert_eq!(finder.results.query, "nvidia");
    let first = haystack.entry(finder.results.hits[0].entry);
    assert_eq!(a.kb().organizations[first.ix()].id, "nvidia");
    assert!(!finder.highlights.is_empty());
    assert!(!a.busy());
    a.update(Action::Open);
    assert_eq!(page_of(&a), Some(Entity::Org(org(&a, "nvidia"))));
}

#[test]
fn while_loading_the_explorer_shows_progress_then_opens_what_was_asked() {
    let keymap = Keymap::default();
    let mut a = App::loading(
        keymap,
        "big.ron",
        Rect::new(0, 0, 120, 40),
        Some("nvidia".into()),
    );
    assert!(a.busy());
    assert!(a.status().starts_with("Loading big.ron"), "{}", a.status());
    // Search waits for the data.
    a.update(Action::Search);
    assert!(a.finder().is_none());
    let mut progress = Progress {
        phase: Phase::Reading,
        bytes_done: 250,
        bytes_total: 1000,
        files_done: 1,
        files_total: 4,
    };
    a.load_progress(progress, Duration::from_secs(1));
    let state = *a.load_state().unwrap();
    assert_eq!(state.fraction(), Some(0.25));
    assert_eq!(state.eta(), Some(Duration::from_secs(3)));
    progress.phase = Phase::Validating;
    a.load_progress(progress, Duration::from_secs(5));
    assert_eq!(
        a.load_state().unwrap().phase_started,
        Duration::from_secs(5)
    );
    assert_eq!(a.load_state().unwrap().eta(), None);
    a.loaded(Loaded::new(crate::kb::load_embedded().unwrap()));
    assert!(a.load_state().is_none() && !a.busy());
    assert_eq!(page_of(&a), Some(Entity::Org(org(&a, "nvidia"))));
    assert!(a.invariants().is_empty(), "{:?}", a.invariants());
}

#[test]
fn a_failed_load_ends_the_explorer_with_the_reason() {
    let keymap = Keymap::default();
    let mut a = App::loading(keymap, "big.ron", Rect::new(0, 0, 120, 40), None);
    a.load_failed(LoadError::Usage("gone".into()));
    assert!(a.should_quit());
    assert!(matches!(a.take_failure(), Some(LoadError::Usage(m)) if m == "gone"));
}

#[test]
fn an_unknown_entity_to_open_after_loading_is_said_in_the_status_line() {
    let keymap = Keymap::default();
    let mut a = App::loading(
        keymap,
        "big.ron",
        Rect::new(0, 0, 120, 40),
        Some("nvidai".into()),
    );
    a.loaded(Loaded::new(crate::kb::load_embedded().unwrap()));
    assert!(matches!(a.screen().view, View::Alliances(_)));
    assert!(a.status().contains("nvidai"), "{}", a.status());
}

#[test]
fn go_to_anything_opens_an_alliance_by_name() {
    let mut a = app();
    a.update(Action::GoTo);
    type_text(&mut a, "partnership on ai");
    a.update(Action::Open);
    let pai = alliance(&a, "partnership-on-ai");
    assert_eq!(a.selected_alliance(), Some(pai));
    assert_eq!(a.screen().focus(), Pane::Details);
    a.update(Action::GoTo);
    type_text(&mut a, "pytorch");
    a.update(Action::Open);
    let pytorch = a.index().artifact(a.kb(), "pytorch").unwrap();
    assert_eq!(page_of(&a), Some(Entity::Artifact(pytorch)));
    assert_eq!(
        a.breadcrumb(),
        ["AI Alliance", "Partnership on AI", "PyTorch"]
    );
}

#[test]
fn marking_two_alliances_and_comparing_them() {
    let mut a = app();
    a.update(Action::Compare);
    assert!(
        a.status().starts_with("Mark two alliances"),
        "{}",
        a.status()
    );
    a.update(Action::Mark);
    let pai = alliance(&a, "partnership-on-ai");
    while a.selected_alliance() != Some(pai) {
        a.update(Action::Down);
    }
    a.update(Action::Mark);
    assert_eq!(a.marks(), [0, pai]);
    a.update(Action::Compare);
    assert!(matches!(&a.screen().view, View::Compare(c) if (c.a, c.b) == (0, pai)));
    assert_eq!(
        a.breadcrumb(),
        ["Partnership on AI", "AI Alliance ⇄ Partnership on AI"]
    );
    let names = |pane| {
        rows(&a, pane)
            .iter()
            .map(|r| r.name.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names(Pane::Shared),
        ["IBM", "Intel", "Meta", "Sony Group", "University of Tokyo"]
    );
    assert!(names(Pane::OnlyFirst).contains(&"AMD".to_string()));
    assert!(names(Pane::OnlySecond).contains(&"Amazon".to_string()));
    // IBM leads the AI Alliance and is a founding member of both (the Partnership on AI is
    // led by its CEO and board, not by its founding companies).
    assert_eq!(
        rows(&a, Pane::Shared)[0].label,
        "lead · founding / founding"
    );
    assert_eq!(rows(&a, Pane::Shared)[1].label, "founding / partner");
    // Enter on a shared organisation opens its member view; back returns to the comparison.
    a.update(Action::Open);
    assert_eq!(page_of(&a), Some(Entity::Org(org(&a, "ibm"))));
    a.update(Action::Back);
    assert!(matches!(&a.screen().view, View::Compare(c) if (c.a, c.b) == (0, pai)));
    a.update(Action::NextPane);
    assert_eq!(a.screen().focus(), Pane::OnlyFirst);
    a.update(Action::Down);
    a.update(Action::Open);
    assert!(matches!(page_of(&a), Some(Entity::Org(_))));
}

#[test]
fn a_third_mark_replaces_the_oldest_and_marking_again_unmarks() {
    let mut a = app();
    for _ in 0..3 {
        a.update(Action::Mark);
        a.update(Action::Down);
    }
    // The alliances at the second and third rows of the list (in name order).
    let (second, third) = (a.rows()[1] as Ix, a.rows()[2] as Ix);
    assert_eq!(a.marks(), [second, third]);
    a.update(Action::Up);
    a.update(Action::Mark);
    assert_eq!(a.marks(), [second]);
}

#[test]
fn a_reload_keeps_every_screen_on_the_same_entities() {
    let mut a = app();
    a.update(Action::Open);
    let nvidia = org(&a, "nvidia");
    select_link(&mut a, Entity::Org(nvidia));
    a.update(Action::Open);
    a.update(Action::Open); // United AI Alliance
    // The new data lists the alliances in another order and drops one organisation.
    let mut kb = crate::kb::load_embedded().unwrap();
    kb.alliances.reverse();
    kb.alliances[0].name = "United AI Alliance (renamed)".into();
    a.set_problems(vec![crate::kb::Problem::at("x.ron", "", 1, 1, "boom")]);
    a.reload(Loaded::new(kb));
    assert!(a.problems().is_empty());
    assert_eq!(
        a.breadcrumb(),
        ["AI Alliance", "NVIDIA", "United AI Alliance (renamed)"]
    );
    assert!(a.invariants().is_empty(), "{:?}", a.invariants());
    a.update(Action::Back);
    assert_eq!(
        page_of(&a),
        Some(Entity::Org(a.index().org(a.kb(), "nvidia").unwrap()))
    );
    // An entity that is gone leaves the history.
    let mut kb = crate::kb::load_embedded().unwrap();
    kb.organizations.retain(|o| o.id != "nvidia");
    for al in &mut kb.alliances {
        al.members.retain(|m| m.org != "nvidia");
        al.absent.retain(|m| m.org != "nvidia");
        al.leads.retain(|l| l.org != "nvidia");
    }
    a.reload(Loaded::new(kb));
    assert!(matches!(a.screen().view, View::Alliances(_)));
    assert!(a.invariants().is_empty(), "{:?}", a.invariants());
    // The status line says what went.
    assert_eq!(
        a.status(),
        "Reloaded: NVIDIA is no longer in the knowledge base"
    );
}

#[test]
fn a_reload_keeps_the_open_prompt_and_runs_its_query_on_the_new_data() {
    let mut a = app();
    a.update(Action::Search);
    for c in "zyxwvut".chars() {
        a.update(Action::Type(c));
    }
    let found = |a: &App| a.finder().map(|(f, _)| f.results.hits.len());
    assert_eq!(found(&a), Some(0));
    let mut kb = crate::kb::load_embedded().unwrap();
    kb.organizations[0].name = "Zyxwvut Org".into();
    a.reload(Loaded::new(kb));
    let (finder, haystack) = a.finder().expect("the prompt is still open");
    assert_eq!(finder.query, "zyxwvut");
    assert_eq!(finder.results.hits.len(), 1);
    assert_eq!(haystack.entry(finder.results.hits[0].entry), Entity::Org(0));
    // What is typed next is still text, not a command: `q` does not quit.
    a.update(Action::Type(' '));
    a.update(Action::Type('q'));
    assert!(!a.should_quit());
    assert_eq!(a.finder().unwrap().0.query, "zyxwvut q");
    // Problems after a reload: the panel says so, not the status line.
    a.set_problems(vec![crate::kb::Problem::at("x.ron", "", 1, 1, "boom")]);
    assert!(!a.status().contains("Reloaded"), "{}", a.status());
}

#[test]
fn a_paste_is_one_edit_of_the_prompt_and_never_runs_as_keys() {
    let mut a = app();
    // Browsing, a paste opens the member search with it: its `q` does not quit.
    a.paste("quantum\nIBM\t\u{1b}[31m");
    assert!(!a.should_quit());
    let (finder, _) = a.finder().expect("the member search opened");
    assert_eq!(finder.query, "quantum IBM [31m");
    // In the prompt, a paste is added to the query and searched once.
    a.update(Action::ClearQuery);
    a.paste(&"ibm ".repeat(300));
    let (finder, haystack) = a.finder().unwrap();
    assert_eq!(finder.query.len(), 1_024);
    assert_eq!(a.status(), "Pasted the first 1,024 characters");
    let first = haystack.entry(finder.results.hits[0].entry);
    assert_eq!(first, Entity::Org(org(&a, "ibm")));
    // In the filter line, it narrows the list once.
    a.update(Action::Close);
    a.update(Action::ViewOrganizations);
    a.update(Action::Filter);
    a.paste("country:de");
    assert_eq!(a.input().unwrap().text, "country:de");
    assert!(a.rows().len() < a.kb().organizations.len());
}
