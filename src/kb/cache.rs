//! A binary copy of a validated knowledge base, so that opening the same files again skips the
//! RON parser and the validator.
//!
//! An entry is named by a key computed from the files' names and contents (not their dates):
//! an edited file gives another key, so it is never served stale. The entry is written to a
//! temporary file and renamed into place, so a reader never sees half of one; every chunk of
//! it carries a checksum, and an entry that does not read back whole is ignored (the files are
//! parsed instead) and replaced. That is also why an entry is not synced to disk before the
//! rename: a crash that leaves it short or garbled only costs the next open a parse. The oldest
//! entries beyond [`KEEP`] are removed.
//!
//! Layout: a header (magic, format, key, the size of each collection), then chunks (length,
//! checksum, a postcard-encoded part of the knowledge base), then a zero length and a seal (a
//! digest of the key and of every chunk's checksum, in order).
//!
//! The cache folder is trusted as the knowledge base's own files are: it is the user's. What
//! is checked is what damage, a copy or a mix-up would break: each chunk whole (its checksum),
//! the entry whole and of the knowledge base it is named for (the seal: an entry copied from
//! another knowledge base with its key rewritten, or spliced from two entries, is refused),
//! and the counts of the header. An entry refused is ignored: the files are parsed, and the
//! entry written again. An entry forged with care (its checksums and seal computed again) is
//! beyond these checks, as a forged knowledge-base file would be. `check` also checks that
//! every reference of what it reads resolves (see [`super::refs`]); the explorer and the other
//! commands do not, as at a million organisations it adds about half to the read (0.4 s to
//! 0.7–0.8 s, measured).

use super::{Alliance, Artifact, FocusArea, Kb, Organization, Source};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, mpsc};
use xxhash_rust::xxh3::{Xxh3, xxh3_64, xxh3_128};

const MAGIC: &[u8; 16] = b"alliances-cache\n";
/// Changes whenever the layout or the knowledge-base schema changes.
const FORMAT: u32 = 2;
const EXTENSION: &str = "kbc";
/// Entries kept: the knowledge bases opened last.
pub const KEEP: usize = 4;
/// Below this size parsing is about as fast as reading a cache entry: nothing is cached.
pub const MIN_BYTES: u64 = 1 << 20;

/// Items per chunk: a chunk is decoded as a whole, by one of several threads.
const ALLIANCES_PER_CHUNK: usize = 256;
const ITEMS_PER_CHUNK: usize = 4096;
/// A chunk longer than this is damage, not data.
const MAX_CHUNK: usize = 1 << 30;

/// What identifies a knowledge base's files: their names and contents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key(u128);

impl std::fmt::Display for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:032x}", self.0)
    }
}

/// Builds a [`Key`] from each file's name and the digest of its contents, in path order.
#[derive(Clone)]
pub struct KeyBuilder(Xxh3);

impl Default for KeyBuilder {
    fn default() -> Self {
        let mut h = Xxh3::new();
        h.update(MAGIC);
        h.update(&FORMAT.to_le_bytes());
        h.update(env!("CARGO_PKG_VERSION").as_bytes());
        KeyBuilder(h)
    }
}

impl KeyBuilder {
    /// Adds a file: `name` relative to the knowledge base's root, `digest` of its bytes.
    pub fn file(&mut self, name: &str, digest: u128) {
        self.0.update(&(name.len() as u64).to_le_bytes());
        self.0.update(name.as_bytes());
        self.0.update(&digest.to_le_bytes());
    }

    pub fn finish(&self) -> Key {
        Key(self.0.digest128())
    }
}

/// The digest of a file's bytes.
pub fn digest(bytes: &[u8]) -> u128 {
    xxh3_128(bytes)
}

/// The digest of a file, read in blocks; `read` is told how many bytes went by.
pub fn digest_file(path: &Path, read: &mut dyn FnMut(u64)) -> io::Result<u128> {
    let mut file = super::load::open_regular(path)?;
    let mut h = Xxh3::new();
    let mut buf = vec![0; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            return Ok(h.digest128());
        }
        h.update(&buf[..n]);
        read(n as u64);
    }
}

/// A folder of cache entries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
    /// Whether what is read is checked to have every reference resolve (see the module's
    /// notes: `check` does, the explorer and the other commands trust a sealed entry).
    verify_references: bool,
}

impl Cache {
    pub fn new(dir: impl Into<PathBuf>) -> Self {
        Cache {
            dir: dir.into(),
            verify_references: false,
        }
    }

    /// The same cache, checking that every reference of what is read resolves.
    pub fn verifying_references(self) -> Self {
        Cache {
            verify_references: true,
            ..self
        }
    }

    /// `$XDG_CACHE_HOME/alliances`, or `~/.cache/alliances`; none without either variable.
    pub fn from_env() -> Option<Self> {
        let absolute = |v: std::ffi::OsString| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
        let base = std::env::var_os("XDG_CACHE_HOME")
            .and_then(absolute)
            .or_else(|| {
                std::env::var_os("HOME")
                    .and_then(absolute)
                    .map(|h| h.join(".cache"))
            })?;
        Some(Cache::new(base.join("alliances")))
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the entry for `key` is.
    pub fn path(&self, key: Key) -> PathBuf {
        self.dir.join(format!("{key}.{EXTENSION}"))
    }

    /// The knowledge base stored under `key`, if there is a whole one; `read` is told how
    /// many bytes of the entry went by, and first how long it is.
    pub fn load(&self, key: Key, read: &mut dyn FnMut(Step)) -> Option<Kb> {
        let path = self.path(key);
        let file = File::open(&path).ok()?;
        let len = file.metadata().ok()?.len();
        read(Step::Length(len));
        let kb = decode(BufReader::with_capacity(1 << 20, file), key, len, read)?;
        if self.verify_references && super::refs::dangling(&kb).is_some() {
            return None;
        }
        // Recently used entries are the last to go.
        if let Ok(f) = File::options().append(true).open(&path) {
            let _ = f.set_modified(std::time::SystemTime::now());
        }
        Some(kb)
    }

    /// Stores `kb` under `key`, then removes the oldest entries beyond [`KEEP`].
    pub fn store(&self, key: Key, kb: &Kb) -> io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let tmp = self.dir.join(format!(".{key}.{}.tmp", std::process::id()));
        let written = File::create(&tmp).and_then(|f| {
            let mut out = BufWriter::with_capacity(1 << 20, f);
            encode(&mut out, key, kb)?;
            out.into_inner().map_err(|e| e.into_error()).map(drop)
        });
        let placed = written.and_then(|()| std::fs::rename(&tmp, self.path(key)));
        if placed.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        placed?;
        self.evict();
        Ok(())
    }

    /// Keeps the [`KEEP`] most recently used entries; removes temporary files left by a
    /// writer that stopped (an hour old).
    fn evict(&self) {
        let Ok(entries) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let now = std::time::SystemTime::now();
        let mut kept = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(modified) = entry.metadata().and_then(|m| m.modified()) else {
                continue;
            };
            let name = entry.file_name().to_string_lossy().into_owned();
            if name.starts_with('.') && name.ends_with(".tmp") {
                let old = now
                    .duration_since(modified)
                    .is_ok_and(|d| d.as_secs() > 3600);
                if old {
                    let _ = std::fs::remove_file(&path);
                }
            } else if path.extension().is_some_and(|e| e == EXTENSION) {
                kept.push((modified, path));
            }
        }
        kept.sort_by_key(|k| std::cmp::Reverse(k.0));
        for (_, path) in kept.into_iter().skip(KEEP) {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// How far reading an entry has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// The entry's size in bytes.
    Length(u64),
    /// This many more bytes were read.
    Read(u64),
}

/// A part of a knowledge base, encoded as a [`Kb`] with these lists.
#[derive(Serialize)]
struct Part<'a> {
    alliances: &'a [Alliance],
    organizations: &'a [Organization],
    focus_areas: &'a [FocusArea],
    artifacts: &'a [Artifact],
    sources: &'a [Source],
}

fn counts(kb: &Kb) -> [u64; 5] {
    [
        kb.alliances.len(),
        kb.organizations.len(),
        kb.focus_areas.len(),
        kb.artifacts.len(),
        kb.sources.len(),
    ]
    .map(|n| n as u64)
}

fn encode(out: &mut impl Write, key: Key, kb: &Kb) -> io::Result<()> {
    out.write_all(MAGIC)?;
    out.write_all(&FORMAT.to_le_bytes())?;
    out.write_all(&key.0.to_le_bytes())?;
    for n in counts(kb) {
        out.write_all(&n.to_le_bytes())?;
    }
    let empty = Part {
        alliances: &[],
        organizations: &[],
        focus_areas: &[],
        artifacts: &[],
        sources: &[],
    };
    let mut seal = Seal::new(key);
    let mut chunk = |part: Part<'_>| -> io::Result<()> {
        let bytes = postcard::to_stdvec(&part).map_err(io::Error::other)?;
        let sum = xxh3_64(&bytes);
        seal.chunk(sum);
        out.write_all(&(bytes.len() as u32).to_le_bytes())?;
        out.write_all(&sum.to_le_bytes())?;
        out.write_all(&bytes)
    };
    for alliances in kb.alliances.chunks(ALLIANCES_PER_CHUNK) {
        chunk(Part { alliances, ..empty })?;
    }
    for organizations in kb.organizations.chunks(ITEMS_PER_CHUNK) {
        chunk(Part {
            organizations,
            ..empty
        })?;
    }
    for focus_areas in kb.focus_areas.chunks(ITEMS_PER_CHUNK) {
        chunk(Part {
            focus_areas,
            ..empty
        })?;
    }
    for artifacts in kb.artifacts.chunks(ITEMS_PER_CHUNK) {
        chunk(Part { artifacts, ..empty })?;
    }
    for sources in kb.sources.chunks(ITEMS_PER_CHUNK) {
        chunk(Part { sources, ..empty })?;
    }
    out.write_all(&0u32.to_le_bytes())?;
    out.write_all(&seal.finish().to_le_bytes())
}

/// The digest that seals an entry: its key and every chunk's checksum, in order.
struct Seal(Xxh3);

impl Seal {
    fn new(key: Key) -> Self {
        let mut h = Xxh3::new();
        h.update(&key.0.to_le_bytes());
        Seal(h)
    }

    fn chunk(&mut self, sum: u64) {
        self.0.update(&sum.to_le_bytes());
    }

    fn finish(&self) -> u64 {
        self.0.digest()
    }
}

fn read_array<const N: usize>(r: &mut impl Read) -> Option<[u8; N]> {
    let mut buf = [0; N];
    r.read_exact(&mut buf).ok()?;
    Some(buf)
}

/// Reads an entry: this thread reads the chunks in order, the others decode them, and the
/// parts are appended in order as they come back.
fn decode(mut r: impl Read, key: Key, len: u64, read: &mut dyn FnMut(Step)) -> Option<Kb> {
    if &read_array::<16>(&mut r)? != MAGIC
        || u32::from_le_bytes(read_array(&mut r)?) != FORMAT
        || u128::from_le_bytes(read_array(&mut r)?) != key.0
    {
        return None;
    }
    let mut want = [0u64; 5];
    for n in &mut want {
        *n = u64::from_le_bytes(read_array(&mut r)?);
    }
    // Every item takes at least a byte: a larger count is damage, not a reason to allocate.
    let room = |n: u64| n.min(len) as usize;
    let mut kb = Kb {
        alliances: Vec::with_capacity(room(want[0])),
        organizations: Vec::with_capacity(room(want[1])),
        focus_areas: Vec::with_capacity(room(want[2])),
        artifacts: Vec::with_capacity(room(want[3])),
        sources: Vec::with_capacity(room(want[4])),
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().clamp(1, 8));
    let (work_tx, work_rx) = mpsc::sync_channel::<(usize, Vec<u8>)>(threads * 2);
    let work_rx = Mutex::new(work_rx);
    let (done_tx, done_rx) = mpsc::channel::<(usize, Option<Kb>)>();
    let whole = std::thread::scope(|s| {
        for _ in 0..threads {
            let (work_rx, done_tx) = (&work_rx, done_tx.clone());
            s.spawn(move || {
                loop {
                    let next = work_rx.lock().ok().and_then(|rx| rx.recv().ok());
                    let Some((seq, bytes)) = next else { break };
                    let part = postcard::from_bytes::<Kb>(&bytes).ok();
                    if done_tx.send((seq, part)).is_err() {
                        break;
                    }
                }
            });
        }
        drop(done_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0;
        let mut sent = 0;
        let mut ok = true;
        let mut seal = Seal::new(key);
        loop {
            let Some(header) = read_array::<4>(&mut r) else {
                ok = false;
                break;
            };
            let n = u32::from_le_bytes(header) as usize;
            if n == 0 {
                ok &= read_array::<8>(&mut r).map(u64::from_le_bytes) == Some(seal.finish());
                break;
            }
            let Some(sum) = read_array::<8>(&mut r) else {
                ok = false;
                break;
            };
            let mut bytes = vec![0; n.min(MAX_CHUNK)];
            if n > MAX_CHUNK || r.read_exact(&mut bytes).is_err() {
                ok = false;
                break;
            }
            if xxh3_64(&bytes) != u64::from_le_bytes(sum) {
                ok = false;
                break;
            }
            seal.chunk(u64::from_le_bytes(sum));
            read(Step::Read(n as u64 + 12));
            if work_tx.send((sent, bytes)).is_err() {
                ok = false;
                break;
            }
            sent += 1;
            // Append what is decoded so far, so parts do not pile up.
            while let Ok((seq, part)) = done_rx.try_recv() {
                pending.insert(seq, part);
            }
            ok &= append_in_order(&mut kb, &mut pending, &mut next);
        }
        drop(work_tx);
        for (seq, part) in done_rx.iter() {
            pending.insert(seq, part);
            ok &= append_in_order(&mut kb, &mut pending, &mut next);
        }
        ok && next == sent
    });
    (whole && counts(&kb) == want).then_some(kb)
}

/// Appends the decoded parts that are next in order; false if one of them did not decode.
fn append_in_order(
    kb: &mut Kb,
    pending: &mut BTreeMap<usize, Option<Kb>>,
    next: &mut usize,
) -> bool {
    let mut ok = true;
    while let Some(part) = pending.remove(next) {
        match part {
            Some(part) => kb.merge(part),
            None => ok = false,
        }
        *next += 1;
    }
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Kb {
        crate::kb::load_embedded().expect("the built-in knowledge base is valid")
    }

    fn key(n: u128) -> Key {
        Key(n)
    }

    #[test]
    fn an_entry_reads_back_as_the_same_knowledge_base() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let kb = sample();
        cache.store(key(1), &kb).unwrap();
        let mut read = 0;
        let mut total = 0;
        let back = cache.load(key(1), &mut |s| match s {
            Step::Length(n) => total = n,
            Step::Read(n) => read += n,
        });
        assert_eq!(back.as_ref(), Some(&kb));
        assert!(read > 0 && read <= total, "{read} of {total}");
        assert_eq!(
            cache.load(key(2), &mut |_| {}),
            None,
            "another key is a miss"
        );
    }

    #[test]
    fn a_damaged_entry_is_ignored() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        cache.store(key(7), &sample()).unwrap();
        let path = cache.path(key(7));
        let mut bytes = std::fs::read(&path).unwrap();
        let middle = bytes.len() / 2;
        bytes[middle] ^= 0x55;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(cache.load(key(7), &mut |_| {}), None);
        bytes.truncate(middle);
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(cache.load(key(7), &mut |_| {}), None);
        std::fs::write(&path, b"").unwrap();
        assert_eq!(cache.load(key(7), &mut |_| {}), None);
        // What a crash before the data reached the disk may leave: zeros.
        std::fs::write(&path, vec![0u8; middle * 2]).unwrap();
        assert_eq!(cache.load(key(7), &mut |_| {}), None);
    }

    /// The offset of an entry's key in its header.
    const KEY_AT: usize = 16 + 4;

    #[test]
    fn an_entry_copied_under_another_key_or_spliced_from_two_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let one = sample();
        let mut other = sample();
        other.organizations.truncate(40);
        other.alliances.clear();
        other.artifacts.clear();
        cache.store(key(1), &one).unwrap();
        cache.store(key(2), &other).unwrap();
        // Another knowledge base's entry, its header's key rewritten to this one's.
        let mut copied = std::fs::read(cache.path(key(2))).unwrap();
        copied[KEY_AT..KEY_AT + 16].copy_from_slice(&key(1).0.to_le_bytes());
        std::fs::write(cache.path(key(1)), &copied).unwrap();
        assert_eq!(cache.load(key(1), &mut |_| {}), None);
        // Two entries spliced: the header and first chunks of one, the rest of the other.
        cache.store(key(1), &one).unwrap();
        let first = std::fs::read(cache.path(key(1))).unwrap();
        let second = std::fs::read(cache.path(key(2))).unwrap();
        let header = KEY_AT + 16 + 5 * 8;
        let chunk_len = |b: &[u8], at: usize| {
            u32::from_le_bytes(b[at..at + 4].try_into().unwrap()) as usize + 12
        };
        let cut = header + chunk_len(&first, header);
        let mut spliced = first[..cut].to_vec();
        spliced.extend_from_slice(&second[header..]);
        std::fs::write(cache.path(key(1)), &spliced).unwrap();
        assert_eq!(cache.load(key(1), &mut |_| {}), None);
    }

    #[test]
    fn check_reads_only_an_entry_whose_references_resolve() {
        let dir = tempfile::tempdir().unwrap();
        let mut broken = sample();
        broken.alliances[0].members[0].org = "nobody".into();
        Cache::new(dir.path()).store(key(3), &broken).unwrap();
        assert!(Cache::new(dir.path()).load(key(3), &mut |_| {}).is_some());
        let verifying = Cache::new(dir.path()).verifying_references();
        assert_eq!(verifying.load(key(3), &mut |_| {}), None);
    }

    #[test]
    fn only_the_latest_entries_are_kept() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::new(dir.path());
        let kb = Kb::default();
        for k in 0..(KEEP as u128 + 3) {
            cache.store(key(k), &kb).unwrap();
            // Distinct modification times, oldest first.
            let when =
                std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1000 + k as u64);
            File::options()
                .append(true)
                .open(cache.path(key(k)))
                .unwrap()
                .set_modified(when)
                .unwrap();
        }
        cache.store(key(99), &kb).unwrap();
        let mut names: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), KEEP, "{names:?}");
        assert!(names.contains(&format!("{}.kbc", key(99))));
        assert!(!names.contains(&format!("{}.kbc", key(0))));
    }

    #[test]
    fn the_key_follows_names_and_contents() {
        let k = |files: &[(&str, &[u8])]| {
            let mut b = KeyBuilder::default();
            for (name, bytes) in files {
                b.file(name, digest(bytes));
            }
            b.finish()
        };
        let base = k(&[("a.ron", b"(alliances: [])"), ("b.ron", b"()")]);
        assert_eq!(base, k(&[("a.ron", b"(alliances: [])"), ("b.ron", b"()")]));
        assert_ne!(base, k(&[("a.ron", b"(alliances: [ ])"), ("b.ron", b"()")]));
        assert_ne!(base, k(&[("c.ron", b"(alliances: [])"), ("b.ron", b"()")]));
        assert_ne!(base, k(&[("a.ron", b"(alliances: [])")]));
    }
}
