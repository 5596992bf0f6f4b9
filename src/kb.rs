//! The knowledge base: alliances, the organisations in them, their focus areas, the artifacts
//! their members built, and the sources every fact comes from.
//!
//! The types (in `model`) are the RON schema (see `assets/kb/`): one file may hold any of the five
//! collections, and a knowledge base is the merge of its files. Nothing in `kb` knows about the
//! terminal.

pub mod cache;
pub mod country;
pub mod date;
pub mod definition;
pub mod embedded;
mod entity;
pub mod ids;
pub mod index;
pub mod load;
pub mod locate;
mod model;
mod parsed;
pub mod path;
pub mod problem;
mod recover;
pub mod refs;
pub mod related;
mod resolve;
pub mod time;
pub mod validate;

pub use date::Date;
pub use entity::{Entity, EntityKind};
pub use index::{Index, Ix};
pub use load::{LoadError, load_embedded, load_path};
pub use model::*;
pub use parsed::{ParsedFile, Text};
pub use problem::Problem;
pub use resolve::resolve;
pub use time::Day;

/// A late day, for tests of the knowledge base as it stands today (fixed, so that no test
/// depends on the clock).
#[cfg(test)]
pub const TEST_DAY: Day = Day {
    year: 2026,
    month: 12,
    day: 2,
};

/// The built-in knowledge base and its index, for tests.
#[cfg(test)]
pub fn embedded() -> (Kb, Index) {
    let kb = load_embedded().expect("the built-in knowledge base is valid");
    let index = Index::new(&kb);
    (kb, index)
}

impl std::fmt::Display for Summary {
    /// `9 alliances, 177 organizations, 172 memberships, …`, thousands grouped.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let counts = [
            (self.alliances, "alliance", "alliances"),
            (self.organizations, "organization", "organizations"),
            (self.memberships, "membership", "memberships"),
            (self.focus_areas, "focus area", "focus areas"),
            (self.artifacts, "artifact", "artifacts"),
            (self.sources, "source", "sources"),
        ];
        for (i, (n, one, many)) in counts.into_iter().enumerate() {
            let sep = if i == 0 { "" } else { ", " };
            write!(f, "{sep}{}", crate::text::count(n, one, many))?;
        }
        Ok(())
    }
}
