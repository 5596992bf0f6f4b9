//! Writes a synthetic knowledge base of realistic shape, for trying the explorer and the
//! commands at scale:
//!
//! ```sh
//! cargo run --release --example generate -- --orgs 1000000 --out /tmp/kb-1m
//! alliances check --kb /tmp/kb-1m
//! ```
//!
//! The same `--orgs` always writes the same data.

#[path = "../benches/synth/mod.rs"]
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn usage() -> ExitCode {
    eprintln!("usage: generate --orgs N --out DIR [--per-file N]");
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let mut orgs: Option<usize> = None;
    let mut out: Option<PathBuf> = None;
    let mut per_file = 10_000;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let value = args.next();
        match (arg.as_str(), value) {
            ("--orgs", Some(v)) => orgs = v.replace('_', "").parse().ok(),
            ("--out", Some(v)) => out = Some(PathBuf::from(v)),
            ("--per-file", Some(v)) => match v.parse() {
                Ok(n) if n > 0 => per_file = n,
                _ => return usage(),
            },
            _ => return usage(),
        }
    }
    let (Some(orgs), Some(out)) = (orgs, out) else {
        return usage();
    };
    if orgs == 0 {
        return usage();
    }
    let start = std::time::Instant::now();
    let kb = synth::generate(orgs);
    match synth::write_ron(&kb, &out, per_file) {
        Ok(bytes) => {
            let s = kb.summary();
            println!(
                "wrote {} ({:.1} MB in {:.1} s): {s}",
                out.display(),
                bytes as f64 / 1e6,
                start.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: cannot write {}: {e}", out.display());
            ExitCode::from(1)
        }
    }
}
