//! Compiles the built-in knowledge base (`assets/kb/`) to postcard, which the program decodes at
//! start-up in a fraction of the time the RON takes to parse. If a file does not parse, nothing
//! is compiled: the program then parses the RON itself and reports the problem with its place.
//! The test suite checks that both forms hold the same knowledge base, and that it is valid.

#![allow(dead_code)]

#[path = "src/kb/date.rs"]
mod date;
#[path = "src/kb/model.rs"]
mod model;

// `date.rs` names the strings `super::Str`.
use model::{Kb, Str};
use std::path::{Path, PathBuf};

fn main() {
    for watched in ["build.rs", "src/kb/model.rs", "src/kb/date.rs", "assets/kb"] {
        println!("cargo::rerun-if-changed={watched}");
    }
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    let compiled = compile(Path::new("assets/kb")).unwrap_or_default();
    std::fs::write(out.join("kb.postcard"), compiled).expect("OUT_DIR is writable");
}

/// The knowledge base of every `.ron` file in `dir` (in name order), encoded; none if a file
/// cannot be read or parsed.
fn compile(dir: &Path) -> Option<Vec<u8>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .ok()?
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "ron"))
        .collect();
    files.sort();
    let options =
        ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME);
    let mut parts = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(file).ok()?;
        parts.push(options.from_str::<Kb>(&text).ok()?);
    }
    postcard::to_stdvec(&Kb::merge_all(parts)).ok()
}
