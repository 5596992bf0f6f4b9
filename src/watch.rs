//! Watching a knowledge base's files, and reloading them in the background when they change.
//!
//! Polling the files' sizes, modification times and inodes sees every way an editor saves,
//! including writing a new file and renaming it over the old one, with no platform-specific
//! notification code. A change is acted on once the files have stopped changing (debounced).
//! The watcher only reads; it never writes to the files.

use crate::kb::cache::Cache;
use crate::kb::{self, LoadError, Problem};
use crate::loaded::Loaded;
use std::path::{Path, PathBuf};
use std::thread;
use std::time::{Duration, SystemTime};

/// What a reload produced: the new knowledge base ready to explore, or why it is invalid.
pub type Reloaded = Result<Box<Loaded>, Vec<Problem>>;

/// How often the files are looked at.
const POLL: Duration = Duration::from_millis(250);
/// How long the files must stay unchanged before they are read.
const SETTLE: Duration = Duration::from_millis(150);

/// One file's identity and state.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    path: PathBuf,
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

/// The state of every file of a knowledge base at one moment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint(Vec<Stamp>);

/// The state of every file of the knowledge base (empty when it cannot be read).
pub fn fingerprint(path: &Path) -> Fingerprint {
    Fingerprint(stamps(path))
}

fn stamps(path: &Path) -> Vec<Stamp> {
    let files = match kb::load::ron_files(path) {
        Ok(files) => files,
        Err(_) => return Vec::new(),
    };
    files
        .into_iter()
        .filter_map(|f| {
            let meta = std::fs::metadata(&f).ok()?;
            Some(Stamp {
                len: meta.len(),
                modified: meta.modified().ok(),
                inode: inode(&meta),
                path: f,
            })
        })
        .collect()
}

#[cfg(unix)]
fn inode(meta: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_: &std::fs::Metadata) -> u64 {
    0
}

/// Loads, validates and indexes the knowledge base at `path` (through `cache` if given).
pub fn reload(path: &Path, cache: Option<&Cache>) -> Reloaded {
    match kb::load::load_path_with(path, cache, &mut |_| {}) {
        Ok(kb) => Ok(Box::new(Loaded::new(kb))),
        Err(LoadError::Invalid(problems)) => Err(problems),
        Err(LoadError::Usage(message)) => {
            Err(vec![Problem::whole(&path.display().to_string(), message)])
        }
    }
}

/// Starts a thread that watches `path` and calls `on_change` with each reload, until
/// `on_change` returns false.
pub fn spawn(
    path: PathBuf,
    cache: Option<Cache>,
    on_change: impl Fn(Reloaded) -> bool + Send + 'static,
) {
    let seen = fingerprint(&path);
    spawn_since(path, cache, seen, on_change);
}

/// Like [`spawn`], for files as they were when `seen` was taken: a change made since then is
/// reloaded at once.
pub fn spawn_since(
    path: PathBuf,
    cache: Option<Cache>,
    seen: Fingerprint,
    on_change: impl Fn(Reloaded) -> bool + Send + 'static,
) {
    thread::spawn(move || {
        let mut seen = seen;
        loop {
            thread::sleep(POLL);
            let mut now = fingerprint(&path);
            if now == seen {
                continue;
            }
            // Wait for the writes to finish.
            loop {
                thread::sleep(SETTLE);
                let again = fingerprint(&path);
                if again == now {
                    break;
                }
                now = again;
            }
            seen = now;
            if !on_change(reload(&path, cache.as_ref())) {
                return;
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::mpsc;

    const KB: &str = r#"(organizations: [(id: "a", name: "A", kind: company)])"#;

    #[test]
    fn an_edit_is_reloaded_and_a_rename_over_the_file_is_seen() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kb.ron");
        std::fs::write(&file, KB).unwrap();
        let (tx, rx) = mpsc::channel();
        spawn(dir.path().to_path_buf(), None, move |r| tx.send(r).is_ok());
        std::thread::sleep(Duration::from_millis(300));
        std::fs::write(&file, KB.replace("\"A\"", "\"Renamed\"")).unwrap();
        let first = rx
            .recv_timeout(Duration::from_secs(10))
            .expect("a reload")
            .expect("valid");
        assert_eq!(first.kb.organizations[0].name, "Renamed");
        // An editor's save: a new file renamed over the old one.
        let tmp = dir.path().join(".kb.ron.swp");
        std::fs::write(&tmp, "(organizations: [").unwrap();
        std::fs::rename(&tmp, &file).unwrap();
        let broken = rx.recv_timeout(Duration::from_secs(10)).expect("a reload");
        let Err(problems) = broken else {
            panic!("the broken file was accepted")
        };
        assert!(problems[0].file.ends_with("kb.ron"), "{problems:?}");
        assert!(problems[0].line >= 1);
    }
}
