//! The binary run as a command: its output as text and as parsed JSON.

use serde_json::Value;
use std::process::{Command, Output};

/// Runs the binary with `args` and `env`, never on the user's own cache or colour setting.
pub fn alliances_env(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_alliances"));
    // Never the user's own cache.
    cmd.args(args)
        .env_remove("NO_COLOR")
        .env("XDG_CACHE_HOME", env!("CARGO_TARGET_TMPDIR"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("the binary runs")
}

pub fn alliances(args: &[&str]) -> Output {
    alliances_env(args, &[])
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("UTF-8 output")
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("UTF-8 output")
}

pub fn json(args: &[&str]) -> Value {
    let out = alliances(args);
    assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: {e}"))
}

pub fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

pub fn ids(array: &Value) -> Vec<String> {
    array
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["id"].as_str().unwrap().to_string())
        .collect()
}
