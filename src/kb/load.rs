//! Reading knowledge-base files: the embedded default, a `.ron` file, or a folder of them.
//!
//! Every file is parsed, then all files are validated together; every problem found is reported
//! at once, each with its file, line and column. Nothing here panics on any input.

use super::cache::{self, Cache, Key, KeyBuilder};
use super::parsed::{ParsedFile, Text};
use super::problem::Problem;
use super::{Kb, embedded, recover, validate};
use crate::suggest;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;

/// Why a knowledge base could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The command line names something that cannot be a knowledge base (exit code 2).
    #[error("{0}")]
    Usage(String),
    /// The files hold invalid data (exit code 1).
    #[error("{} problem(s) in the knowledge base", .0.len())]
    Invalid(Vec<Problem>),
}

impl LoadError {
    /// The process exit code for this error.
    pub fn exit_code(&self) -> u8 {
        match self {
            LoadError::Usage(_) => 2,
            LoadError::Invalid(_) => 1,
        }
    }
}

/// How far a load has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub bytes_done: u64,
    pub bytes_total: u64,
    pub files_done: usize,
    pub files_total: usize,
}

impl Progress {
    /// How much of the step is done, for a step that counts bytes.
    pub fn fraction(&self) -> Option<f64> {
        (self.phase.counts_bytes() && self.bytes_total > 0)
            .then(|| (self.bytes_done as f64 / self.bytes_total as f64).clamp(0.0, 1.0))
    }

    fn start(phase: Phase, bytes_total: u64, files_total: usize) -> Self {
        Progress {
            phase,
            bytes_done: 0,
            bytes_total,
            files_done: 0,
            files_total,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Walking the folders for `.ron` files (folders read, files found).
    Finding,
    /// Reading the files to find their cache entry.
    Checking,
    /// Reading the cache entry (bytes of the entry).
    Cached,
    /// Parsing the files (bytes of the files).
    Reading,
    Validating,
    /// Writing the cache entry.
    Storing,
    Indexing,
}

impl Phase {
    /// Whether the step counts bytes (of the files, or of the cache entry) as it goes.
    pub fn counts_bytes(self) -> bool {
        matches!(self, Phase::Checking | Phase::Cached | Phase::Reading)
    }

    pub fn label(self) -> &'static str {
        match self {
            Phase::Finding => "finding the files",
            Phase::Checking => "checking the cache",
            Phase::Cached => "reading the cache",
            Phase::Reading => "reading the files",
            Phase::Validating => "validating",
            Phase::Storing => "writing the cache",
            Phase::Indexing => "indexing",
        }
    }
}

/// The knowledge base that ships inside the binary.
pub fn load_embedded() -> Result<Kb, Vec<Problem>> {
    // The compiled form when there is one (the tests check it matches the files).
    match postcard::from_bytes::<Kb>(embedded::COMPILED) {
        Ok(kb) if !embedded::COMPILED.is_empty() => Ok(kb),
        _ => load_embedded_ron(),
    }
}

/// The knowledge base that ships inside the binary, parsed and validated from its RON files.
pub fn load_embedded_ron() -> Result<Kb, Vec<Problem>> {
    let files = embedded::FILES;
    let mut slots: Vec<Option<Result<ParsedFile, Problem>>> = files.iter().map(|_| None).collect();
    in_parallel(
        files.len(),
        &|i| {
            let (name, text) = files[i];
            parse_str_file(&format!("assets/kb/{name}"), text).map(|mut file| {
                file.text = Text::Static(text);
                file
            })
        },
        &mut |i, result| slots[i] = Some(result),
    );
    let (mut parsed, mut problems) = (Vec::new(), Vec::new());
    for result in slots.into_iter().flatten() {
        match result {
            Ok(file) => parsed.push(file),
            Err(p) => problems.push(p),
        }
    }
    finish(parsed, problems)
}

/// Runs `work` for every number below `n` on every core (this thread too), and gives each
/// result to `done`, on this thread, as it comes.
fn in_parallel<R: Send>(
    n: usize,
    work: &(dyn Fn(usize) -> R + Sync),
    done: &mut dyn FnMut(usize, R),
) {
    let helpers = std::thread::available_parallelism()
        .map_or(1, |c| c.get())
        .min(n)
        .saturating_sub(1);
    let next = AtomicUsize::new(0);
    let claim = || Some(next.fetch_add(1, Ordering::Relaxed)).filter(|&i| i < n);
    let (tx, rx) = mpsc::channel();
    std::thread::scope(|s| {
        for _ in 0..helpers {
            let tx = tx.clone();
            let claim = &claim;
            s.spawn(move || {
                while let Some(i) = claim() {
                    if tx.send((i, work(i))).is_err() {
                        break;
                    }
                }
            });
        }
        drop(tx);
        while let Some(i) = claim() {
            let result = work(i);
            done(i, result);
            while let Ok((i, result)) = rx.try_recv() {
                done(i, result);
            }
        }
        for (i, result) in rx {
            done(i, result);
        }
    });
}

/// A `.ron` file, or every `.ron` file under a folder (in path order), without a cache.
pub fn load_path(path: &Path) -> Result<Kb, LoadError> {
    load_path_with(path, None, &mut |_| {})
}

/// Like [`load_path`], through `cache` when the files are big enough to gain from one
/// (see [`cache::MIN_BYTES`]), telling `progress` how far it has got. Files are parsed on
/// every core; each file's text is dropped once parsed.
pub fn load_path_with(
    path: &Path,
    cache: Option<&Cache>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Kb, LoadError> {
    load_path_knowing(path, cache, &|_| None, progress)
}

/// Like [`load_path_with`], with the digests of some files known already (`known`, by path):
/// those are not read to find the cache entry (a watcher that has just read them says so).
pub fn load_path_knowing(
    path: &Path,
    cache: Option<&Cache>,
    known: &dyn Fn(&Path) -> Option<u128>,
    progress: &mut dyn FnMut(Progress),
) -> Result<Kb, LoadError> {
    let files = ron_files_with(path, &mut |folders, found| {
        progress(Progress {
            phase: Phase::Finding,
            bytes_done: 0,
            bytes_total: 0,
            files_done: found,
            files_total: folders,
        })
    })?;
    let sizes: Vec<u64> = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .collect();
    // Names relative to the knowledge base, so that a moved folder keeps its cache entry.
    let names: Vec<String> = files
        .iter()
        .map(|f| {
            f.strip_prefix(path)
                .ok()
                .filter(|p| !p.as_os_str().is_empty())
                .or_else(|| f.file_name().map(Path::new))
                .unwrap_or(f)
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let bytes_total = sizes.iter().sum();
    let cache = cache.filter(|_| bytes_total >= cache::MIN_BYTES);
    if let Some(cache) = cache {
        let mut state = Progress::start(Phase::Checking, bytes_total, files.len());
        progress(state);
        let mut key = KeyBuilder::default();
        let mut readable = true;
        for ((file, name), size) in files.iter().zip(&names).zip(&sizes) {
            let digest = match known(file) {
                Some(digest) => {
                    state.bytes_done += size;
                    Ok(digest)
                }
                None => cache::digest_file(file, &mut |n| {
                    state.bytes_done += n;
                    progress(state);
                }),
            };
            match digest {
                Ok(digest) => key.file(name, digest),
                Err(_) => readable = false,
            }
            state.files_done += 1;
        }
        if readable {
            let mut state = Progress::start(Phase::Cached, 0, 1);
            let found = cache.load(key.finish(), &mut |step| {
                match step {
                    cache::Step::Length(n) => state.bytes_total = n,
                    cache::Step::Read(n) => state.bytes_done += n,
                }
                progress(state);
            });
            if let Some(kb) = found {
                return Ok(kb);
            }
        }
    }
    let mut state = Progress::start(Phase::Reading, bytes_total, files.len());
    progress(state);
    let (parsed, problems, key) = parse_files(&files, &names, &sizes, &mut |size| {
        state.bytes_done += size;
        state.files_done += 1;
        progress(state);
    });
    progress(Progress {
        phase: Phase::Validating,
        ..state
    });
    let kb = finish(parsed, problems).map_err(LoadError::Invalid)?;
    crate::memory::give_back();
    if let Some(cache) = cache {
        progress(Progress {
            phase: Phase::Storing,
            ..state
        });
        // A cache that cannot be written only makes the next open slower.
        let _ = cache.store(key, &kb);
    }
    Ok(kb)
}

/// Reads and parses `files` on every core; `done` is told the size of each file parsed.
/// Gives the parsed files and the problems in path order, and the files' cache key.
fn parse_files(
    files: &[PathBuf],
    names: &[String],
    sizes: &[u64],
    done: &mut dyn FnMut(u64),
) -> (Vec<ParsedFile>, Vec<Problem>, Key) {
    let mut slots: Vec<Option<(u128, Result<ParsedFile, Problem>)>> =
        (0..files.len()).map(|_| None).collect();
    in_parallel(files.len(), &|i| read_file(&files[i]), &mut |i, result| {
        done(sizes[i]);
        slots[i] = Some(result);
    });
    let mut parsed = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    let mut key = KeyBuilder::default();
    for (slot, name) in slots.into_iter().zip(names) {
        let Some((digest, result)) = slot else {
            continue;
        };
        key.file(name, digest);
        match result {
            Ok(p) => parsed.push(p),
            Err(p) => problems.push(p),
        }
    }
    (parsed, problems, key.finish())
}

/// Opens a file for reading only if it is a regular file (or a link to one): a FIFO, a socket
/// or a device would block the open or the reads, so they are refused.
pub fn open_regular(path: &Path) -> std::io::Result<std::fs::File> {
    let meta = std::fs::metadata(path)?;
    if !meta.is_file() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            "not a regular file",
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            format!(
                "{} is more than a knowledge-base file may be ({})",
                crate::text::bytes(meta.len()),
                crate::text::bytes(MAX_FILE_BYTES)
            ),
        ));
    }
    std::fs::File::open(path)
}

/// The most one knowledge-base file may hold: far above any real one (a million
/// organisations take about 200 MB), so that a mistaken path cannot fill the memory.
pub const MAX_FILE_BYTES: u64 = 8 << 30;

/// The bytes of a regular file (see [`open_regular`]).
pub fn read_regular(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    open_regular(path)?.read_to_end(&mut bytes)?;
    Ok(bytes)
}

/// One file read and parsed, with the digest of its bytes.
fn read_file(file: &Path) -> (u128, Result<ParsedFile, Problem>) {
    let name = file.display().to_string();
    match read_regular(file) {
        Ok(bytes) => {
            let digest = cache::digest(&bytes);
            let parsed = parse_file(&name, bytes).map(|mut p| {
                p.kb.shrink_to_fit();
                p.text = Text::File(file.to_path_buf());
                p
            });
            (digest, parsed)
        }
        Err(e) => (
            0,
            Err(Problem::whole(&name, format!("cannot read the file: {e}"))),
        ),
    }
}

/// The files a path stands for: itself, or the `.ron` files under it.
pub fn ron_files(path: &Path) -> Result<Vec<PathBuf>, LoadError> {
    ron_files_with(path, &mut |_, _| {})
}

/// Like [`ron_files`], telling `walked` how many folders have been read and files found as it
/// goes (a folder tree can be big). A folder is read once, by device and inode: a link back to
/// a folder the walk is inside is a loop, reported; a second way to a folder already read is
/// not followed.
pub fn ron_files_with(
    path: &Path,
    walked: &mut dyn FnMut(usize, usize),
) -> Result<Vec<PathBuf>, LoadError> {
    let meta = std::fs::metadata(path).map_err(|e| {
        LoadError::Usage(format!(
            "cannot open knowledge base {}: {}",
            path.display(),
            io_reason(&e)
        ))
    })?;
    if meta.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    if !meta.is_dir() {
        return Err(LoadError::Usage(format!(
            "cannot open knowledge base {}: not a regular file or a folder",
            path.display()
        )));
    }
    let mut files = Vec::new();
    // Each folder with the folders it lies in, by device and inode.
    let mut pending = vec![(path.to_path_buf(), Vec::new())];
    let mut seen = std::collections::HashSet::new();
    let mut folders = 0;
    while let Some((dir, mut within)) = pending.pop() {
        if let Some(id) = folder_id(&dir) {
            if within.contains(&id) {
                return Err(LoadError::Invalid(vec![Problem::whole(
                    &dir.display().to_string(),
                    "this folder is a link to a folder it lies in (a loop): remove the link or point --kb elsewhere",
                )]));
            }
            if !seen.insert(id) {
                continue;
            }
            within.push(id);
        }
        folders += 1;
        walked(folders, files.len());
        let entries = std::fs::read_dir(&dir).map_err(|e| {
            LoadError::Usage(format!(
                "cannot read folder {}: {}",
                dir.display(),
                io_reason(&e)
            ))
        })?;
        for entry in entries.flatten() {
            let p = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden {
                continue;
            }
            if p.is_dir() {
                if within.len() < 16 {
                    pending.push((p, within.clone()));
                }
            } else if p.extension().is_some_and(|e| e.eq_ignore_ascii_case("ron")) {
                files.push(p);
            }
        }
    }
    if files.is_empty() {
        return Err(LoadError::Invalid(vec![Problem::whole(
            &path.display().to_string(),
            "no .ron files in this folder: expected knowledge-base files such as alliances.ron",
        )]));
    }
    files.sort();
    Ok(files)
}

/// A folder's device and inode, where the platform has them.
fn folder_id(dir: &Path) -> Option<(u64, u64)> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(dir).ok().map(|m| (m.dev(), m.ino()))
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        None
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Parses and validates named file contents as one knowledge base.
pub fn load_files<I>(files: I) -> Result<Kb, Vec<Problem>>
where
    I: IntoIterator<Item = (String, Vec<u8>)>,
{
    let mut parsed = Vec::new();
    let mut problems = Vec::new();
    for (name, bytes) in files {
        match parse_file(&name, bytes) {
            Ok(file) => parsed.push(file),
            Err(p) => problems.push(p),
        }
    }
    finish(parsed, problems)
}

/// The most problems one load lists; the rest are counted.
pub const LISTED: usize = 500;

/// Validates parsed files together and merges them into one knowledge base. `problems` are
/// those of the files that could not be read at all.
fn finish(mut parsed: Vec<ParsedFile>, mut problems: Vec<Problem>) -> Result<Kb, Vec<Problem>> {
    // References into a file that could not be read would all look unknown: check them only
    // when every file was read (items that could not be read give their ids).
    let complete = problems.is_empty();
    for file in &mut parsed {
        problems.append(&mut file.problems);
    }
    problems.extend(validate::validate(&parsed, complete));
    if !problems.is_empty() {
        // Every file's problems in the order of the files, then of their lines.
        problems.sort_by(|a, b| (&a.file, a.line, a.col).cmp(&(&b.file, b.line, b.col)));
        // A mistake repeated a million times is listed a few hundred times, then counted.
        if problems.len() > LISTED {
            let more = problems.len() - LISTED;
            let file = problems[LISTED].file.clone();
            problems.truncate(LISTED);
            problems.push(Problem::whole(
                &file,
                format!(
                    "and {} more problems, not listed: fix these first",
                    crate::text::number(more)
                ),
            ));
        }
        return Err(problems);
    }
    Ok(Kb::merge_all(parsed.into_iter().map(|f| f.kb)))
}

/// A file's text as it is read: a byte order mark at its start is dropped (some editors write
/// one), and a carriage return that ends a line on its own (old Mac line endings) is read as a
/// line feed, so that comments end and lines are counted where an editor shows them.
pub fn normalize(mut text: String) -> String {
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    if text.contains('\r') {
        let mut bytes = text.into_bytes();
        for i in 0..bytes.len() {
            if bytes[i] == b'\r' && bytes.get(i + 1) != Some(&b'\n') {
                bytes[i] = b'\n';
            }
        }
        // One ASCII byte for another: still UTF-8.
        text = String::from_utf8(bytes).unwrap_or_default();
    }
    text
}

/// Reads one file's bytes as a knowledge-base file.
pub fn parse_file(name: &str, bytes: Vec<u8>) -> Result<ParsedFile, Problem> {
    let text = match String::from_utf8(bytes) {
        Ok(text) => normalize(text),
        Err(e) => return Err(not_utf8(name, e)),
    };
    let mut file = parse_str_file(name, &text)?;
    file.text = Text::Owned(text);
    Ok(file)
}

/// Reads one file's text as a knowledge-base file (the result does not keep the text).
fn parse_str_file(name: &str, text: &str) -> Result<ParsedFile, Problem> {
    if text.trim().is_empty() {
        return Err(Problem::at(
            name,
            text,
            1,
            1,
            "the file is empty: expected a knowledge base such as `(alliances: [...], organizations: [...])`",
        ));
    }
    let parsed = |kb, problems, skipped| ParsedFile {
        name: name.to_string(),
        text: Text::Static(""),
        kb,
        problems,
        skipped,
    };
    match parse_str(text) {
        Ok(kb) => Ok(parsed(kb, Vec::new(), Default::default())),
        Err(e) => {
            let start = e.span.start;
            let mut message = describe(&e.code, !names_a_collection(text));
            let end = e.span.end;
            let at_end = text[offset_of(text, end.line, end.col)..].trim().is_empty();
            if at_end && !message.starts_with("unexpected end") && !message.starts_with("the file")
            {
                message = format!("unexpected end of file: {message}");
            }
            let (line, col) = settled_place(text, start.line, start.col);
            // Read item by item, every mistake is found; unless the file's outline itself is
            // broken, or reading it so misses the mistake the whole read found.
            let foreign = !names_a_collection(text);
            if !foreign
                && let Some(r) = recover::recover(name, text)
                && r.problems.iter().any(|p| (p.line, p.col) == (line, col))
            {
                return Ok(parsed(r.kb, r.problems, r.skipped));
            }
            Err(Problem::at(name, text, line, col, message))
        }
    }
}

/// Where a mistake the parser reports at `line:col` of `text` is seen: past the spaces and
/// comments it had read when it gave up.
pub fn settled_place(text: &str, line: usize, col: usize) -> (usize, usize) {
    line_col(text, recover::settle(text, offset_of(text, line, col)))
}

/// The 1-based line and column (in characters) of byte `at` of `text`.
pub(super) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (
        1 + before.matches('\n').count(),
        1 + before[line_start..].chars().count(),
    )
}

/// The byte offset of a 1-based line and column (in characters), or the end of the text.
pub(super) fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let Some(start) = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .try_fold(0usize, |acc, n| acc.checked_add(n))
    else {
        return text.len();
    };
    let rest = &text[start.min(text.len())..];
    start
        + rest
            .char_indices()
            .nth(col.saturating_sub(1))
            .map_or(rest.len(), |(i, _)| i)
}

/// The RON options every knowledge-base file is read with: optional fields need no `Some(…)`.
pub fn ron_options() -> ron::Options {
    ron::Options::default().with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
}

/// Whether the text mentions any collection of a knowledge base as a field.
fn names_a_collection(text: &str) -> bool {
    [
        "alliances",
        "organizations",
        "focus_areas",
        "artifacts",
        "sources",
    ]
    .iter()
    .any(|c| {
        text.match_indices(c).any(|(i, _)| {
            let before = text[..i].chars().next_back();
            let after = text[i + c.len()..].trim_start().chars().next();
            !before.is_some_and(|b| b.is_alphanumeric() || b == '_') && after == Some(':')
        })
    })
}

fn parse_str(text: &str) -> Result<Kb, ron::error::SpannedError> {
    ron_options().from_str(text)
}

fn not_utf8(name: &str, e: std::string::FromUtf8Error) -> Problem {
    let bytes = e.as_bytes();
    let valid = e.utf8_error().valid_up_to();
    let prefix = std::str::from_utf8(&bytes[..valid]).unwrap_or_default();
    let line = 1 + prefix.matches('\n').count();
    let line_start = prefix.rfind('\n').map_or(0, |i| i + 1);
    let col = 1 + prefix[line_start..].chars().count();
    Problem {
        file: name.to_string(),
        line,
        col,
        message: format!(
            "the file is not valid UTF-8 (byte 0x{:02X}): expected UTF-8 text; re-save it as UTF-8",
            bytes[valid]
        ),
        snippet: Some(prefix[line_start..].to_string()),
    }
}

/// A person's description of a RON parse error: what was expected where.
/// `foreign`: the file names none of the knowledge base's collections.
pub fn describe(code: &ron::Error, foreign: bool) -> String {
    use ron::Error as E;
    match code {
        E::NoSuchStructField {
            expected,
            found,
            outer,
        } => {
            let top = outer.as_deref() == Some("Kb");
            let mut msg = format!(
                "unknown field `{found}` in {}: expected one of {}",
                struct_label(outer.as_deref()),
                expected.join(", ")
            );
            if top && foreign {
                msg.push_str(
                    "; this file has none of them, so it does not look like an alliances knowledge base (RON written for another program?)",
                );
            } else {
                msg.push_str(&suggest::did_you_mean(found, expected.iter().copied()));
            }
            msg
        }
        E::MissingStructField { field, outer } => {
            format!("missing field `{field}` in {}", struct_label(outer.as_deref()))
        }
        E::DuplicateStructField { field, outer } => format!(
            "field `{field}` is given twice in {}",
            struct_label(outer.as_deref())
        ),
        E::NoSuchEnumVariant {
            expected,
            found,
            outer,
        } => {
            let what = outer.as_deref().map_or("value", enum_label);
            format!(
                "unknown {what} `{found}`: expected one of {}{}",
                expected.join(", "),
                suggest::did_you_mean(found, expected.iter().copied()),
            )
        }
        E::ExpectedNamedStructLike("Kb") | E::ExpectedNamedStructLike("") => {
            "expected `(` opening the knowledge base: `(alliances: [...], organizations: [...], focus_areas: [...], artifacts: [...], sources: [...])`".into()
        }
        E::ExpectedNamedStructLike(name) => {
            format!("expected `(` opening {}", struct_label(Some(name)))
        }
        E::ExpectedStructName(name) => {
            format!("expected `(` opening {}", struct_label(Some(name)))
        }
        E::ExpectedDifferentStructName { expected, found } => format!(
            "expected {} but found a `{found}`",
            struct_label(Some(expected))
        ),
        E::ExpectedString => "expected a string in double quotes".into(),
        E::ExpectedStringEnd => "expected the closing `\"` of this string".into(),
        E::ExpectedArray => "expected `[` opening a list".into(),
        E::ExpectedArrayEnd => "expected `,` or the closing `]` of this list".into(),
        E::ExpectedStructLikeEnd => "expected `,` or the closing `)`".into(),
        E::ExpectedComma => "expected `,` between two items".into(),
        E::ExpectedMapColon => "expected `:` after the field name".into(),
        E::ExpectedBoolean => "expected `true` or `false`".into(),
        E::Eof => "unexpected end of file: a bracket or string is not closed".into(),
        E::TrailingCharacters => {
            "unexpected text after the end of the knowledge base: expected the end of the file".into()
        }
        E::ExceededRecursionLimit => {
            "the data is nested too deeply (more than 128 levels): expected a knowledge base a few levels deep".into()
        }
        E::InvalidValueForType { expected, found } => {
            format!("expected {expected} but found {found}")
        }
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            match chars.next() {
                Some(first) => first.to_lowercase().chain(chars).collect(),
                None => "invalid RON".into(),
            }
        }
    }
}

fn struct_label(name: Option<&str>) -> &'static str {
    match name {
        Some("Kb") | None => "the knowledge base (top level)",
        Some("Alliance") => "an alliance",
        Some("Member") => "a member",
        Some("Absence") => "an absence",
        Some("LocalName") => "a name",
        Some("Fact") => "a fact",
        Some("Output") => "an output",
        Some("Related") => "a related link",
        Some("Claim") => "a claim",
        Some("Organization") => "an organization",
        Some("FocusArea") => "a focus area",
        Some("Artifact") => "an artifact",
        Some("Source") => "a source",
        Some(_) => "a struct",
    }
}

fn enum_label(name: &str) -> &'static str {
    match name {
        "AllianceKind" => "alliance kind",
        "Scope" => "scope",
        "Role" => "role",
        "Status" => "status",
        "OutputKind" => "output kind",
        "Verdict" => "verdict",
        "OrgKind" => "organization kind",
        "ArtifactKind" => "artifact kind",
        _ => "value",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The file, or its first problem.
    fn parse(text: &str) -> Result<ParsedFile, Problem> {
        match parse_file("t.ron", text.as_bytes().to_vec()) {
            Ok(mut f) if !f.problems.is_empty() => Err(f.problems.remove(0)),
            other => other,
        }
    }

    #[test]
    fn optional_fields_need_no_some() {
        let f = parse(r#"(sources: [(id: "s1", title: "T", url: "https://x", date: "2023")])"#)
            .unwrap();
        assert_eq!(f.kb.sources[0].url.as_deref(), Some("https://x"));
    }

    #[test]
    fn unknown_field_names_the_expected_fields_and_a_suggestion() {
        let p = parse(r#"(sources: [(id: "s1", titel: "T")])"#).unwrap_err();
        assert_eq!((p.line, p.col), (1, 23));
        assert_eq!(
            p.message,
            "unknown field `titel` in a source: expected one of id, title, url, where, date, read; did you mean `title`?"
        );
    }

    #[test]
    fn foreign_ron_is_a_schema_error() {
        let p = parse("(entities: {1: (components: {})})").unwrap_err();
        assert!(
            p.message.contains("unknown field `entities`"),
            "{}",
            p.message
        );
        assert!(p.message.contains("another program"), "{}", p.message);
        // A misspelt collection in a real knowledge base gets a suggestion instead.
        let p = parse("(source: [], alliances: [])").unwrap_err();
        assert!(
            p.message.ends_with("did you mean `sources`?"),
            "{}",
            p.message
        );
        // A foreign file whose first field resembles a collection is still foreign.
        let p = parse("(resources: {}, entities: {})").unwrap_err();
        assert!(p.message.contains("another program"), "{}", p.message);
    }

    #[test]
    fn bad_enum_value_suggests_the_closest() {
        let p = parse(r#"(organizations: [(id: "x", name: "X", kind: compnay)])"#).unwrap_err();
        assert!(
            p.message
                .starts_with("unknown organization kind `compnay`: expected one of company, "),
            "{}",
            p.message
        );
        assert!(
            p.message.ends_with("; did you mean `company`?"),
            "{}",
            p.message
        );
    }

    #[test]
    fn not_utf8_points_at_the_first_bad_byte() {
        let mut bytes = b"(\n  sources: [(id: \"s".to_vec();
        bytes.push(0xFF);
        let p = parse_file("t.ron", bytes).unwrap_err();
        assert_eq!((p.line, p.col), (2, 20));
        assert!(p.message.contains("not valid UTF-8"));
    }

    #[test]
    fn empty_and_comment_only_files_are_rejected() {
        assert!(parse("").unwrap_err().message.contains("empty"));
        assert!(parse("  \n\t").unwrap_err().message.contains("empty"));
        let p = parse("// nothing here\n").unwrap_err();
        assert!(
            p.message
                .contains("expected `(` opening the knowledge base"),
            "{}",
            p.message
        );
    }

    #[test]
    fn a_truncated_file_says_so() {
        let p = parse("(alliances: [").unwrap_err();
        assert!(
            p.message.starts_with("unexpected end of file: "),
            "{}",
            p.message
        );
        assert_eq!(offset_of("ab\ncd", 2, 2), 4);
        assert_eq!(offset_of("ab", 9, 9), 2);
    }

    #[test]
    fn a_byte_order_mark_and_old_mac_line_endings_are_read() {
        let bom = "\u{FEFF}(organizations: [(id: \"a\", name: \"A\", kind: company)])";
        assert_eq!(parse(bom).unwrap().kb.organizations.len(), 1);
        let cr = "// a comment\r(organizations: [\r  (id: \"a\", name: \"A\", kind: compnay)])\r";
        let p = parse(cr).unwrap_err();
        assert_eq!((p.line, p.col), (3, 30), "{}", p.message);
        assert!(
            p.message.contains("unknown organization kind"),
            "{}",
            p.message
        );
    }

    #[test]
    fn a_mistake_after_an_opening_parenthesis_is_placed_on_itself() {
        let p = parse("(\n\n    $organizations: [])").unwrap_err();
        assert_eq!((p.line, p.col), (3, 5), "{}", p.message);
        let p = parse("(\n  // note\n  /* and */ 12: [])").unwrap_err();
        assert_eq!((p.line, p.col), (3, 13), "{}", p.message);
    }

    #[test]
    fn every_mistake_of_a_file_is_found_in_one_read() {
        let text = r#"(
    organizations: [
        (id: "acme", name: "Acme", kind: company, country: "XX"),
        (id: "ibm", name: "IBM", kind: "company", colour: "red"),
        (id: "sap", name: "SAP", kind: "compnay"),
        (id: "x", name: "X", kind: company, titel: "Mr"),
    ],
    alliances: [(
        id: "a", name: "A", kind: industri, scope: international, summary: "s",
        members: [(org: "acmee"), (org: "ibm"), (org: "sap")],
    )],
)"#;
        let problems = load_files([("t.ron".to_string(), text.as_bytes().to_vec())]).unwrap_err();
        let found: Vec<(usize, usize, &str)> = problems
            .iter()
            .map(|p| (p.line, p.col, p.message.as_str()))
            .collect();
        let at = |line, col| {
            found
                .iter()
                .find(|f| (f.0, f.1) == (line, col))
                .map(|f| f.2)
                .unwrap_or_else(|| panic!("nothing at {line}:{col}: {found:#?}"))
        };
        assert!(at(3, 60).starts_with("unknown country code \"XX\""));
        assert_eq!(
            at(4, 40),
            "`\"company\"` is quoted: kind takes a name from a list, written without quotes (`kind: company`)"
        );
        assert!(at(4, 51).starts_with("unknown field `colour` in an organization"));
        assert!(at(5, 40).starts_with("unknown organization kind `compnay`"));
        assert!(at(5, 40).ends_with("(written without quotes)"));
        // A misspelt field is one mistake, not also a missing one.
        assert!(at(6, 45).starts_with("unknown field `titel`"));
        assert!(at(9, 35).starts_with("unknown alliance kind `industri`"));
        // The item after mended ones is placed right, and a reference to an item that could
        // not be read is not unknown.
        assert_eq!(
            at(10, 25),
            "unknown organization `acmee`; did you mean `acme`?"
        );
        assert_eq!(found.len(), 7, "{found:#?}");
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let deep = "(alliances: ".to_string() + &"[".repeat(200_000) + &"]".repeat(200_000) + ")";
        let p = parse(&deep).unwrap_err();
        assert!(p.line >= 1 && p.col >= 1);
    }
}
