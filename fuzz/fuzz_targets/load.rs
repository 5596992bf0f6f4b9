//! Any bytes, read as knowledge-base files: never a panic, every problem has a position, and a
//! knowledge base that loads can be indexed, searched and drawn.
//!
//! A 0xFF byte (never part of UTF-8 text) separates files, so that the checks across files
//! (duplicate ids, references) are reached too. Seed it with the shipped files:
//!
//!     cargo +nightly fuzz run load fuzz/corpus/load assets/kb tests/data

#![no_main]

use alliances::app::App;
use alliances::keymap::Keymap;
use alliances::loaded::Loaded;
use alliances::kb::EntityKind;
use alliances::search::{Haystack, Searcher};
use alliances::ui::{self, Theme};
use libfuzzer_sys::fuzz_target;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

fuzz_target!(|data: &[u8]| {
    let files: Vec<(String, Vec<u8>)> = data
        .split(|&b| b == 0xFF)
        .take(4)
        .enumerate()
        .map(|(i, bytes)| (format!("file-{i}.ron"), bytes.to_vec()))
        .collect();
    let texts: Vec<usize> = files
        .iter()
        .map(|(_, bytes)| bytes.split(|&b| b == b'\n').count())
        .collect();
    match alliances::kb::load::load_files(files) {
        Err(problems) => {
            assert!(!problems.is_empty());
            for p in &problems {
                let lines = p
                    .file
                    .strip_prefix("file-")
                    .and_then(|rest| rest.strip_suffix(".ron"))
                    .and_then(|i| i.parse::<usize>().ok())
                    .map(|i| texts[i]);
                assert!(p.line >= 1 && p.col >= 1, "{p:?}");
                if let Some(lines) = lines {
                    assert!(p.line <= lines + 1, "line {} of {lines}: {p:?}", p.line);
                }
                assert!(!p.message.is_empty());
                let _ = p.to_string();
            }
        }
        Ok(kb) => {
            let haystack = Haystack::everything(&kb);
            let mut searcher = Searcher::within(EntityKind::Org);
            let every = searcher.search(&haystack, "").hits.len();
            assert_eq!(every, kb.organizations.len());
            let found = searcher.search(&haystack, "a").hits.len();
            assert!(found <= every);
            let area = Rect::new(0, 0, 80, 24);
            let app = App::with(Loaded::new(kb), Keymap::default(), "fuzz", area);
            for area in [area, Rect::new(0, 0, 1, 1), Rect::new(0, 0, 0, 0)] {
                let mut buf = Buffer::empty(area);
                ui::render(&app, &Theme::colored(), area, &mut buf);
            }
        }
    }
});
