//! The figures `scripts/bench-peers.sh` sets beside other tools' on the same data. Not a
//! criterion bench: it prints `name=value` lines.
//!
//! ```sh
//! cargo bench --bench peers -- --orgs 1000000 --names target/bench-data/names.txt
//! ```
//!
//! - `keystroke_ms_<query>`: a member search typed letter by letter, as in the explorer (each
//!   letter narrows the last results, on every core): the mean time per letter, the median of
//!   several typings; `first_letter_ms`: the worst letter, the first (it searches every name).
//! - `ron_load_ms`, `cached_load_ms`: opening the folder by parsing and validating its RON, and
//!   from the binary cache (finding the entry included).
//! - `frame_us`: drawing the explorer's start screen at 200×60.
//!
//! It also writes every organisation's names, one per line, for `fzf --filter`.

mod synth;

use alliances::app::App;
use alliances::kb::EntityKind;
use alliances::kb::cache::Cache;
use alliances::kb::load::load_path_with;
use alliances::keymap::Keymap;
use alliances::loaded::Loaded;
use alliances::search::{Haystack, Searcher};
use alliances::ui::{self, Theme};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

/// Queries typed one letter at a time: a common word, a scattered fuzzy query, an accented
/// name typed without accents, a rare name.
pub const QUERIES: &[&str] = &["univ", "qdl", "ecole", "telekom"];

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1e3)
}

fn main() {
    let mut orgs = 1_000_000;
    let mut names = PathBuf::from("target/bench-data/names.txt");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--orgs" => orgs = args.next().and_then(|v| v.parse().ok()).expect("--orgs N"),
            "--names" => names = args.next().map(PathBuf::from).expect("--names FILE"),
            _ => {} // cargo bench adds --bench
        }
    }
    let dir = synth::folder(orgs);
    println!("kb={}", dir.display());

    // Opening: RON against the cache (both without the index, which they share).
    let cache_dir = tempfile::tempdir().unwrap();
    let cache = Cache::new(cache_dir.path());
    load_path_with(&dir, Some(&cache), &mut |_| {}).unwrap();
    let time = |f: &dyn Fn()| {
        median(
            (0..3)
                .map(|_| {
                    let t = Instant::now();
                    f();
                    t.elapsed()
                })
                .collect(),
        )
    };
    let ron = time(&|| drop(black_box(load_path_with(&dir, None, &mut |_| {}).unwrap())));
    let cached = time(&|| {
        drop(black_box(
            load_path_with(&dir, Some(&cache), &mut |_| {}).unwrap(),
        ))
    });
    println!("ron_load_ms={}", ms(ron));
    println!("cached_load_ms={}", ms(cached));

    let kb = load_path_with(&dir, Some(&cache), &mut |_| {}).unwrap();
    let mut out = std::io::BufWriter::new(std::fs::File::create(&names).unwrap());
    for o in &kb.organizations {
        writeln!(out, "{}", o.name).unwrap();
        for aka in &o.aka {
            writeln!(out, "{aka}").unwrap();
        }
    }
    out.flush().unwrap();
    println!("names={}", names.display());

    // Typing in the member search.
    let haystack = Haystack::everything(&kb);
    let mut worst_first = Duration::ZERO;
    for query in QUERIES {
        let mut per_letter = Vec::new();
        for _ in 0..5 {
            let mut searcher = Searcher::within(EntityKind::Org);
            let mut typed = String::new();
            let start = Instant::now();
            for (i, c) in query.chars().enumerate() {
                typed.push(c);
                let t = Instant::now();
                black_box(searcher.search(&haystack, &typed));
                if i == 0 {
                    worst_first = worst_first.max(t.elapsed());
                }
            }
            per_letter.push(start.elapsed() / query.chars().count() as u32);
        }
        println!("keystroke_ms_{query}={}", ms(median(per_letter)));
    }
    println!("first_letter_ms={}", ms(worst_first));
    drop(haystack);

    // A frame of the start screen.
    let area = Rect::new(0, 0, 200, 60);
    let app = App::with(Loaded::new(kb), Keymap::default(), "bench", area);
    let theme = Theme::colored();
    let mut buf = Buffer::empty(area);
    let frames: Vec<Duration> = (0..200)
        .map(|_| {
            buf.reset();
            let t = Instant::now();
            ui::render(&app, &theme, area, &mut buf);
            t.elapsed()
        })
        .collect();
    println!("frame_us={:.1}", median(frames).as_secs_f64() * 1e6);
}
