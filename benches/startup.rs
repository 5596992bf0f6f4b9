//! Start-up to the first frame on the built-in knowledge base, in process: decoding the
//! compiled knowledge base (against parsing and validating its RON), indexing it, building the
//! app and drawing the first screen. `scripts/bench-peers.sh` times the whole process in a real
//! terminal against `fzf`.

use alliances::app::App;
use alliances::keymap::Keymap;
use alliances::loaded::Loaded;
use alliances::ui::{self, Theme};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::hint::black_box;

fn first_frame(kb: alliances::kb::Kb) -> Buffer {
    let area = Rect::new(0, 0, 120, 40);
    let app = App::with(Loaded::new(kb), Keymap::default(), "built-in", area);
    let mut buf = Buffer::empty(area);
    ui::render(&app, &Theme::colored(), area, &mut buf);
    buf
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group.bench_function("built-in kb decoded", |b| {
        b.iter(|| black_box(alliances::kb::load_embedded().unwrap()))
    });
    group.bench_function("built-in kb parsed from RON", |b| {
        b.iter(|| black_box(alliances::kb::load::load_embedded_ron().unwrap()))
    });
    group.bench_function("first frame", |b| {
        b.iter(|| black_box(first_frame(alliances::kb::load_embedded().unwrap())))
    });
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
