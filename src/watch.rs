//! Watching a knowledge base's files, and reloading them in the background when they change.
//!
//! The platform's file events (inotify, FSEvents, ReadDirectoryChanges, through `notify`) tell
//! at once that a file changed, with nothing to do in between; they are gathered until the
//! files have been quiet for a moment (debounced). Reads are not changes: inotify reports a
//! file being opened, and the watcher's own reads must not look like edits. A slower
//! look at the files backs them up, for filesystems whose events do not arrive (network
//! mounts) or a platform where they cannot be had: their sizes, modification times and inodes
//! every few seconds, and their contents (a digest of each file) every half-minute or so, so
//! that an edit that puts the modification time back is seen as well. Each look's cadence
//! grows with what it costs, so that a hundred thousand files keep an idle explorer idle.
//!
//! What decides is the content, as for the cache: a change is acted on once the files have
//! stopped changing (debounced), and only if a file's bytes changed, or a file came or went.
//! The watcher only reads; it never writes to the files.

use crate::kb::cache::{self, Cache};
use crate::kb::{self, LoadError, Problem};
use crate::loaded::Loaded;
use notify::{EventKind, RecursiveMode, Watcher};
use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

/// What a reload produced: the new knowledge base ready to explore, or why it is invalid.
pub type Reloaded = Result<Box<Loaded>, Vec<Problem>>;

/// How long the files must stay unchanged before they are read.
const SETTLE: Duration = Duration::from_millis(150);
/// Events are gathered for at most this long: files that never stop changing are read anyway.
const GATHER_AT_MOST: Duration = Duration::from_secs(2);

/// The least time between two looks at the files' stamps, and the share of the time they
/// may take: when events arrive (the looks only back them up: 1% of a core), and when they
/// cannot be had (the looks are all there is: 5%).
const STAMPS_WITH_EVENTS: (Duration, u32) = (Duration::from_secs(5), 100);
const STAMPS_WITHOUT_EVENTS: (Duration, u32) = (Duration::from_millis(250), 20);
/// The least time between two reads of every file's contents, and their share of the time
/// (1% of a core).
const CONTENTS: (Duration, u32) = (Duration::from_secs(30), 100);

/// One file's identity and state.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stamp {
    len: u64,
    modified: Option<SystemTime>,
    inode: u64,
}

/// The stamps of every file of a knowledge base at one moment, in path order.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Fingerprint(Vec<(PathBuf, Stamp)>);

/// The state of every file of the knowledge base (empty when it cannot be read).
pub fn fingerprint(path: &Path) -> Fingerprint {
    let files = match kb::load::ron_files(path) {
        Ok(files) => files,
        Err(_) => return Fingerprint::default(),
    };
    Fingerprint(
        files
            .into_iter()
            .filter_map(|f| {
                let meta = std::fs::metadata(&f).ok()?;
                let stamp = Stamp {
                    len: meta.len(),
                    modified: meta.modified().ok(),
                    inode: inode(&meta),
                };
                Some((f, stamp))
            })
            .collect(),
    )
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
    reload_knowing(path, cache, &|_| None)
}

/// Like [`reload`], with the digests of the files the watcher has just read.
fn reload_knowing(
    path: &Path,
    cache: Option<&Cache>,
    known: &dyn Fn(&Path) -> Option<u128>,
) -> Reloaded {
    match kb::load::load_path_knowing(path, cache, known, &mut |_| {}) {
        Ok(kb) => Ok(Box::new(Loaded::new(kb))),
        Err(LoadError::Invalid(problems)) => Err(problems),
        Err(LoadError::Usage(message)) => {
            Err(vec![Problem::whole(&path.display().to_string(), message)])
        }
    }
}

/// Each file's stamp and the digest of its bytes: what the watcher last saw.
#[derive(Debug, Default)]
struct Seen(BTreeMap<PathBuf, (Stamp, Option<u128>)>);

impl Seen {
    /// Takes in `now`, reading the files whose stamps changed, that are new, or that are in
    /// `read` (all of them when `read` is `None`); true if a file came, went or changed its
    /// bytes.
    fn update(&mut self, now: Fingerprint, read: Option<&HashSet<PathBuf>>) -> bool {
        let mut changed = now.0.len() != self.0.len();
        let mut next = BTreeMap::new();
        for (path, stamp) in now.0 {
            let before = self.0.remove(&path);
            let reread = read.is_none_or(|r| r.contains(&path));
            let digest = match before {
                Some((old, digest)) if old == stamp && !reread => digest,
                Some((_, old)) => {
                    // A file that cannot be read is a change once, not at every look.
                    let digest = cache::digest_file(&path, &mut |_| {}).ok();
                    changed |= digest != old;
                    digest
                }
                None => {
                    changed = true;
                    cache::digest_file(&path, &mut |_| {}).ok()
                }
            };
            next.insert(path, (stamp, digest));
        }
        changed |= !self.0.is_empty();
        self.0 = next;
        changed
    }

    fn fingerprint(&self) -> Fingerprint {
        Fingerprint(
            self.0
                .iter()
                .map(|(p, (s, _))| (p.clone(), s.clone()))
                .collect(),
        )
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

/// Like [`spawn`], for files as they were when `before` was taken: a change made since then
/// is reloaded at once.
pub fn spawn_since(
    path: PathBuf,
    cache: Option<Cache>,
    before: Fingerprint,
    on_change: impl Fn(Reloaded) -> bool + Send + 'static,
) {
    watch_with(path, cache, before, Looks::default(), on_change);
}

/// How the files are watched: with the platform's events or by looking alone, and the least
/// time between two looks at their stamps and at their contents.
#[derive(Debug, Clone, Copy)]
struct Looks {
    events: bool,
    contents_every: Duration,
}

impl Default for Looks {
    fn default() -> Self {
        Looks {
            events: true,
            contents_every: CONTENTS.0,
        }
    }
}

fn watch_with(
    path: PathBuf,
    cache: Option<Cache>,
    before: Fingerprint,
    looks: Looks,
    on_change: impl Fn(Reloaded) -> bool + Send + 'static,
) {
    thread::spawn(move || {
        let (tx, events) = mpsc::channel();
        // Kept alive for as long as the thread watches.
        let (watcher, watched) = looks.events.then(|| listen(&path, tx)).flatten().unzip();
        // Event paths as the files are listed: under the knowledge base's own path (events
        // name the folder by its real path, or as it was given).
        let as_listed = |event: PathBuf| -> PathBuf {
            match &watched {
                Some((folder, given, real)) => event
                    .strip_prefix(real)
                    .or_else(|_| event.strip_prefix(given))
                    .map_or_else(|_| event.clone(), |rest| folder.join(rest)),
                None => event,
            }
        };

        let mut seen = Seen::default();
        let started = Instant::now();
        seen.update(fingerprint(&path), None);
        let mut cadence = Cadence::new(watcher.is_some(), started.elapsed());
        cadence.contents_every = looks.contents_every;
        // Edits made since `before` (during the first load) are taken at once.
        let mut changed = seen.fingerprint() != before;
        loop {
            // Events are gathered until the files have been quiet for a moment; a change found
            // by looking waits for the same quiet below.
            let mut quiet = false;
            if !changed {
                match events.recv_timeout(cadence.wait()) {
                    Ok(first) => {
                        // An event with no paths (the platform lost some) means every file.
                        let mut all = first.is_empty();
                        let mut paths: HashSet<PathBuf> = first.into_iter().collect();
                        let gathering = Instant::now();
                        while gathering.elapsed() < GATHER_AT_MOST
                            && let Ok(more) = events.recv_timeout(SETTLE)
                        {
                            all |= more.is_empty();
                            paths.extend(more);
                        }
                        let read: HashSet<PathBuf> = paths.into_iter().map(&as_listed).collect();
                        changed = seen.update(fingerprint(&path), (!all).then_some(&read));
                        quiet = true;
                    }
                    Err(RecvTimeoutError::Timeout) => {}
                    Err(RecvTimeoutError::Disconnected) => {
                        // The events stopped: the looks are all there is now.
                        cadence.events = false;
                        thread::sleep(cadence.wait());
                    }
                }
                if !changed && cadence.contents_due() {
                    let t = Instant::now();
                    changed = seen.update(fingerprint(&path), None);
                    cadence.contents_done(t.elapsed());
                } else if !changed && cadence.stamps_due() {
                    let t = Instant::now();
                    changed = seen.update(fingerprint(&path), Some(&HashSet::new()));
                    cadence.stamps_done(t.elapsed());
                }
                if !changed {
                    continue;
                }
            }
            // Wait for the writes to finish.
            while !quiet {
                thread::sleep(SETTLE);
                let now = fingerprint(&path);
                quiet = now == seen.fingerprint();
                seen.update(now, Some(&HashSet::new()));
            }
            changed = false;
            let known = |file: &Path| seen.0.get(file).and_then(|(_, digest)| *digest);
            if !on_change(reload_knowing(&path, cache.as_ref(), &known)) {
                drop(watcher);
                return;
            }
        }
    });
}

/// Listens to the platform's file events under `path` (its folder, for a file), sending the
/// paths of each change (reads left out); gives the folder watched as written and as the
/// events name it (its real path). `None` where events cannot be had.
fn listen(
    path: &Path,
    tx: mpsc::Sender<Vec<PathBuf>>,
) -> Option<(notify::RecommendedWatcher, (PathBuf, PathBuf, PathBuf))> {
    let config = notify::Config::default().with_follow_symlinks(false);
    let mut watcher = notify::RecommendedWatcher::new(
        move |result: notify::Result<notify::Event>| {
            let Ok(event) = result else { return };
            if event.need_rescan() {
                let _ = tx.send(Vec::new());
            } else if !matches!(event.kind, EventKind::Access(_))
                && event.paths.iter().any(|p| about_the_files(p))
            {
                let _ = tx.send(event.paths);
            }
        },
        config,
    )
    .ok()?;
    // A single file is watched through its folder: editors save by renaming a new file over it.
    let (base, mode) = if path.is_dir() {
        (path.to_path_buf(), RecursiveMode::Recursive)
    } else {
        let folder = path.parent().unwrap_or(Path::new(""));
        (folder.to_path_buf(), RecursiveMode::NonRecursive)
    };
    let watched = if base.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        base.clone()
    };
    watcher.watch(&watched, mode).ok()?;
    let real = std::fs::canonicalize(&watched).unwrap_or_else(|_| watched.clone());
    Some((watcher, (base, watched, real)))
}

/// Whether an event's path can be about the knowledge base's files: a `.ron` file, or a
/// folder (made, removed or renamed with its files), not a hidden one (an editor's swap file,
/// a `.git` folder).
fn about_the_files(path: &Path) -> bool {
    let hidden = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
    let ron = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"));
    !hidden && (ron || path.is_dir() || (path.extension().is_none() && !path.exists()))
}

/// When to look at the files again: stamps often, contents seldom, each no more often than
/// its share of the time allows.
struct Cadence {
    /// Whether the platform's events arrive.
    events: bool,
    contents_every: Duration,
    stamps_cost: Duration,
    contents_cost: Duration,
    stamps_at: Instant,
    contents_at: Instant,
}

impl Cadence {
    fn new(events: bool, first_read: Duration) -> Self {
        let now = Instant::now();
        Cadence {
            events,
            contents_every: CONTENTS.0,
            stamps_cost: first_read / 8,
            contents_cost: first_read,
            stamps_at: now,
            contents_at: now,
        }
    }

    fn stamps_interval(&self) -> Duration {
        let (least, share) = if self.events {
            STAMPS_WITH_EVENTS
        } else {
            STAMPS_WITHOUT_EVENTS
        };
        least.max(self.stamps_cost * share)
    }

    fn contents_interval(&self) -> Duration {
        self.contents_every.max(self.contents_cost * CONTENTS.1)
    }

    /// How long to wait for events before the next look is due.
    fn wait(&self) -> Duration {
        let now = Instant::now();
        let stamps = (self.stamps_at + self.stamps_interval()).saturating_duration_since(now);
        let contents = (self.contents_at + self.contents_interval()).saturating_duration_since(now);
        stamps.min(contents).max(Duration::from_millis(10))
    }

    fn stamps_due(&self) -> bool {
        self.stamps_at.elapsed() >= self.stamps_interval()
    }

    fn contents_due(&self) -> bool {
        self.contents_at.elapsed() >= self.contents_interval()
    }

    fn stamps_done(&mut self, cost: Duration) {
        self.stamps_cost = cost;
        self.stamps_at = Instant::now();
    }

    fn contents_done(&mut self, cost: Duration) {
        self.contents_cost = cost;
        self.contents_at = Instant::now();
        // A read of the contents looks at the stamps too.
        self.stamps_at = self.contents_at;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn the_contents_decide_a_touch_is_no_change_an_edit_that_hides_its_time_is_one() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kb.ron");
        std::fs::write(&file, KB).unwrap();
        let mut seen = Seen::default();
        assert!(seen.update(fingerprint(dir.path()), None));
        // New times, same bytes: nothing changed.
        let later = SystemTime::now() + Duration::from_secs(60);
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(later)
            .unwrap();
        assert!(!seen.update(fingerprint(dir.path()), Some(&HashSet::new())));
        // Same size, the time put back: only reading the bytes sees it.
        edit_hiding_the_time(&file, &KB.replace("\"A\"", "\"B\""));
        assert!(!seen.update(fingerprint(dir.path()), Some(&HashSet::new())));
        assert!(seen.update(fingerprint(dir.path()), None));
        // A file that comes or goes is a change.
        std::fs::write(dir.path().join("more.ron"), KB).unwrap();
        assert!(seen.update(fingerprint(dir.path()), Some(&HashSet::new())));
        std::fs::remove_file(dir.path().join("more.ron")).unwrap();
        assert!(seen.update(fingerprint(dir.path()), Some(&HashSet::new())));
    }

    /// Writes `text` over `file` and puts its modification time back.
    fn edit_hiding_the_time(file: &Path, text: &str) {
        let before = std::fs::metadata(file).unwrap().modified().unwrap();
        std::fs::write(file, text).unwrap();
        std::fs::File::options()
            .write(true)
            .open(file)
            .unwrap()
            .set_modified(before)
            .unwrap();
    }

    #[test]
    fn an_edit_in_place_that_puts_the_time_back_is_reloaded_with_events_and_without() {
        for events in [true, false] {
            let dir = tempfile::tempdir().unwrap();
            let file = dir.path().join("kb.ron");
            std::fs::write(&file, KB).unwrap();
            let (tx, rx) = mpsc::channel();
            // With events, they alone see it (the contents are not read again for an hour).
            let looks = Looks {
                events,
                contents_every: Duration::from_secs(if events { 3600 } else { 1 }),
            };
            let before = fingerprint(dir.path());
            watch_with(dir.path().to_path_buf(), None, before, looks, move |r| {
                tx.send(r).is_ok()
            });
            std::thread::sleep(Duration::from_millis(300));
            edit_hiding_the_time(&file, &KB.replace("\"A\"", "\"B\""));
            let reloaded = rx
                .recv_timeout(Duration::from_secs(20))
                .unwrap_or_else(|_| panic!("no reload (events: {events})"))
                .expect("valid");
            assert_eq!(reloaded.kb.organizations[0].name, "B", "events: {events}");
        }
    }

    #[test]
    fn events_about_other_files_are_not_the_knowledge_base_s() {
        let dir = tempfile::tempdir().unwrap();
        assert!(about_the_files(&dir.path().join("kb.ron")));
        assert!(about_the_files(&dir.path().join("KB.RON")));
        let folder = dir.path().join("more");
        std::fs::create_dir(&folder).unwrap();
        assert!(about_the_files(&folder));
        assert!(about_the_files(&dir.path().join("gone-folder")));
        assert!(!about_the_files(&dir.path().join(".kb.ron.swp")));
        assert!(!about_the_files(&dir.path().join("kb.ron~")));
        assert!(!about_the_files(&dir.path().join("notes.txt")));
        assert!(!about_the_files(&dir.path().join(".git")));
    }

    #[test]
    #[cfg(unix)]
    fn a_file_that_cannot_be_read_is_one_change_not_one_per_look() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("kb.ron");
        std::fs::write(&file, KB).unwrap();
        let mut seen = Seen::default();
        seen.update(fingerprint(dir.path()), None);
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o000)).unwrap();
        // Root reads anything: the test says nothing then.
        if std::fs::read(&file).is_ok() {
            return;
        }
        assert!(seen.update(fingerprint(dir.path()), None));
        assert!(!seen.update(fingerprint(dir.path()), None));
    }

    #[test]
    fn looks_grow_rarer_as_they_cost_more() {
        let mut c = Cadence::new(true, Duration::from_millis(1));
        assert_eq!(c.stamps_interval(), Duration::from_secs(5));
        assert_eq!(c.contents_interval(), Duration::from_secs(30));
        c.stamps_done(Duration::from_millis(200));
        c.contents_done(Duration::from_secs(2));
        assert_eq!(c.stamps_interval(), Duration::from_secs(20));
        assert_eq!(c.contents_interval(), Duration::from_secs(200));
        assert!(!c.stamps_due() && !c.contents_due());
        // Without events, looking is all there is: more often, at a larger share.
        c.events = false;
        assert_eq!(c.stamps_interval(), Duration::from_secs(4));
    }
}
