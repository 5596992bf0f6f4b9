//! A knowledge-base file once parsed: its name, where its text is (for quoting it in messages)
//! and what it holds. Loading makes these; validation reads them.

use super::Kb;
use std::path::PathBuf;

/// A parsed file: its name (as shown in messages), where its text is, and its content. A file
/// with mistakes is read item by item (see [`super::recover`]): `problems` are its mistakes,
/// `skipped` the items that could not be read.
#[derive(Debug, Clone)]
pub struct ParsedFile {
    pub name: String,
    pub text: Text,
    pub kb: Kb,
    pub problems: Vec<super::problem::Problem>,
    pub skipped: super::recover::Skipped,
}

/// Where a file's text is, for quoting it in messages. A file read from disk does not keep its
/// text once parsed (a knowledge base can be gigabytes): it is read again if a problem needs it.
#[derive(Debug, Clone)]
pub enum Text {
    Static(&'static str),
    Owned(String),
    File(PathBuf),
}

impl Text {
    pub fn get(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Text::Static(s) => (*s).into(),
            Text::Owned(s) => s.as_str().into(),
            Text::File(path) => super::load::read_regular(path)
                .map(|b| super::load::normalize(String::from_utf8_lossy(&b).into_owned()))
                .unwrap_or_default()
                .into(),
        }
    }
}
