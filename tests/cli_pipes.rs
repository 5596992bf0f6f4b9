//! Output that cannot be written (a pipe closed by `head`, a full disk) ends a command
//! cleanly: a closed pipe is success, a full disk an error message, never a panic.

use std::process::{Command, Stdio};

const COMMANDS: [&[&str]; 9] = [
    &["completions", "fish"],
    &["completions", "zsh"],
    &["completions", "bash"],
    &["man"],
    &["export"],
    &["list"],
    &["matrix"],
    &["timeline"],
    &["orgs"],
];

#[test]
fn a_closed_pipe_is_not_a_crash() {
    for args in COMMANDS {
        let mut child = Command::new(env!("CARGO_BIN_EXE_alliances"))
            .args(args)
            .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes away before reading anything, as `| head -c0` does.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(
            out.status.code(),
            Some(0),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn a_full_disk_is_an_error_message() {
    let Ok(full) = std::fs::OpenOptions::new().write(true).open("/dev/full") else {
        return;
    };
    for args in COMMANDS {
        let out = Command::new(env!("CARGO_BIN_EXE_alliances"))
            .args(args)
            .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"))
            .stdout(full.try_clone().unwrap())
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.starts_with("error:") && !err.contains("panicked"),
            "{args:?}: {err}"
        );
    }
}
