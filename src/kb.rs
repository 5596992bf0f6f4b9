//! The knowledge base: alliances, the organisations in them, their focus areas, the artifacts
//! their members built, and the sources every fact comes from.
//!
//! The types (in `model`) are the RON schema (see `assets/kb/`): one file may hold any of the five
//! collections, and a knowledge base is the merge of its files. Nothing in `kb` knows about the
//! terminal.

pub mod cache;
pub mod country;
pub mod date;
pub mod embedded;
pub mod ids;
pub mod index;
pub mod load;
mod locate;
mod model;
pub mod path;
pub mod problem;
pub mod validate;

pub use date::Date;
pub use index::Index;
pub use load::{LoadError, load_embedded, load_path};
pub use model::*;
pub use problem::Problem;
