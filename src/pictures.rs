//! Pictures of the whole field, as data: the overlap of alliances (a matrix), what happened
//! when (a timeline) and where the members are (a map). The explorer's picture views draw
//! them; the `matrix`, `timeline` and `map` commands print them. They know the knowledge base
//! and nothing of the terminal.

pub mod map;
pub mod matrix;
pub mod timeline;
