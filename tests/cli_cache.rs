//! The cache of parsed knowledge bases through the real binary: a second run is served from
//! it, an edited file is never served stale, a damaged entry is ignored, `--no-cache` leaves
//! it alone.

use std::path::Path;
use std::process::{Command, Output};

fn alliances(cache: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_alliances"))
        .args(args)
        .env("XDG_CACHE_HOME", cache)
        .env("NO_COLOR", "1")
        .output()
        .expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// Cache entries, by name.
fn entries(cache: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(cache.join("alliances"))
        .map(|d| {
            d.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// A knowledge base of a few megabytes (big enough to be cached) in two files.
fn kb(dir: &Path) {
    use std::fmt::Write;
    let mut orgs = String::from("(organizations: [\n");
    for i in 0..12_000 {
        let _ = writeln!(
            orgs,
            "  (id: \"org-{i}\", name: \"Organisation {i}\", kind: company, country: \"DE\", note: \"One of the organisations of a knowledge base big enough to be cached.\"),"
        );
    }
    orgs.push_str("])\n");
    std::fs::write(dir.join("organizations.ron"), orgs).unwrap();
    std::fs::write(
        dir.join("alliances.ron"),
        r#"(alliances: [(id: "big-ai-alliance", name: "Big AI Alliance", kind: industry, scope: international, summary: "Many members.", members: [(org: "org-1"), (org: "org-2")])])"#,
    )
    .unwrap();
}

#[test]
fn a_second_run_reads_the_cache_and_an_edit_is_never_served_stale() {
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    kb(data.path());
    let path = data.path().to_str().unwrap();
    let first = stdout(&alliances(cache.path(), &["--kb", path, "check"]));
    assert!(first.contains("12,000 organizations"), "{first}");
    let stored = entries(cache.path());
    assert_eq!(stored.len(), 1, "{stored:?}");
    // The same files: the same entry, the same answers; the entry is read (a read marks it
    // as recently used).
    let entry = cache.path().join("alliances").join(&stored[0]);
    let used = || std::fs::metadata(&entry).unwrap().modified().unwrap();
    let written = used();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let second = stdout(&alliances(cache.path(), &["--kb", path, "check"]));
    assert_eq!(second, first);
    assert_eq!(entries(cache.path()), stored);
    assert!(used() > written);
    let show = |cache: &Path| stdout(&alliances(cache, &["--kb", path, "show", "org-7"]));
    assert!(show(cache.path()).contains("Organisation 7"));
    // An edit of one name, keeping the size and the modification time: another entry, and
    // the new name.
    let file = data.path().join("organizations.ron");
    let modified = std::fs::metadata(&file).unwrap().modified().unwrap();
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replace("\"Organisation 7\"", "\"Organisatiön7\"");
    assert_eq!(edited.len(), text.len());
    std::fs::write(&file, edited).unwrap();
    std::fs::File::options()
        .append(true)
        .open(&file)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert!(show(cache.path()).contains("Organisatiön7"));
    assert_eq!(entries(cache.path()).len(), 2);
}

#[test]
fn a_damaged_entry_is_ignored_and_no_cache_leaves_the_cache_alone() {
    let data = tempfile::tempdir().unwrap();
    let cache = tempfile::tempdir().unwrap();
    kb(data.path());
    let path = data.path().to_str().unwrap();
    let fresh = stdout(&alliances(cache.path(), &["--kb", path, "list", "--json"]));
    let stored = entries(cache.path());
    let entry = cache.path().join("alliances").join(&stored[0]);
    let mut bytes = std::fs::read(&entry).unwrap();
    let n = bytes.len();
    bytes[n / 2] ^= 0xff;
    std::fs::write(&entry, bytes).unwrap();
    let after = stdout(&alliances(cache.path(), &["--kb", path, "list", "--json"]));
    assert_eq!(after, fresh);

    let untouched = tempfile::tempdir().unwrap();
    let plain = stdout(&alliances(
        untouched.path(),
        &["--kb", path, "--no-cache", "list", "--json"],
    ));
    assert_eq!(plain, fresh);
    assert!(entries(untouched.path()).is_empty());
}
