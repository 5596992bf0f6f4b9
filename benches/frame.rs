//! Drawing one frame of the explorer (the whole screen into a buffer, as the terminal backend
//! receives it) at 80×24 and 200×60, over 1k and 1M organisations: the start screen, an
//! organisation's view, the member search with results, the Organisations view whole and
//! filtered, and the three pictures (matrix, timeline, map).

mod synth;

use alliances::action::Action;
use alliances::app::App;
use alliances::keymap::Keymap;
use alliances::loaded::Loaded;
use alliances::ui::{self, Theme};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::hint::black_box;

fn press(app: &mut App, actions: &[Action]) {
    for &a in actions {
        let mut next = Some(a);
        while let Some(action) = next {
            next = app.update(action);
        }
    }
}

/// Waits for the search thread's answer.
fn settle(app: &mut App) {
    while app.busy() {
        app.poll();
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    app.poll();
}

fn frames(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    let theme = Theme::colored();
    for (name, orgs) in [("1k", 1_000), ("1m", 1_000_000)] {
        let loaded = Loaded::new(synth::generate(orgs));
        let mut app = App::with(loaded, Keymap::default(), "bench", Rect::new(0, 0, 80, 24));
        for (cols, rows) in [(80u16, 24u16), (200, 60)] {
            let area = Rect::new(0, 0, cols, rows);
            press(&mut app, &[Action::Resize { cols, rows }]);
            let mut buf = Buffer::empty(area);
            let mut bench = |screen: &str, app: &App| {
                group.bench_function(
                    BenchmarkId::new(format!("{name}/{screen}"), format!("{cols}x{rows}")),
                    |b| {
                        b.iter(|| {
                            buf.reset();
                            ui::render(black_box(app), &theme, area, &mut buf);
                        })
                    },
                );
            };
            bench("start", &app);
            press(&mut app, &[Action::Search]);
            for c in "univ".chars() {
                press(&mut app, &[Action::Type(c)]);
            }
            settle(&mut app);
            bench("search", &app);
            press(&mut app, &[Action::Open]);
            bench("organisation", &app);
            press(&mut app, &[Action::Back]);
            // The Organisations view, whole then filtered (its rows worked out first).
            press(&mut app, &[Action::ViewOrganizations]);
            settle(&mut app);
            bench("organisations", &app);
            press(&mut app, &[Action::Filter]);
            for c in "univ".chars() {
                press(&mut app, &[Action::Type(c)]);
            }
            press(&mut app, &[Action::Open]);
            settle(&mut app);
            bench("organisations filtered", &app);
            press(&mut app, &[Action::ClearFilter]);
            settle(&mut app);
            // The pictures: the matrix, the timeline, the map.
            for (view, picture) in [
                (Action::ViewMatrix, "matrix"),
                (Action::ViewTimeline, "timeline"),
                (Action::ViewMap, "map"),
            ] {
                press(&mut app, &[view]);
                bench(picture, &app);
            }
            press(&mut app, &[Action::ViewAlliances]);
            settle(&mut app);
        }
    }
    group.finish();
}

criterion_group!(benches, frames);
criterion_main!(benches);
