//! alliances: a terminal explorer for a knowledge base of AI alliances.
//!
//! The library holds everything testable: the knowledge base and its index ([`kb`]), the
//! command line ([`cli`]) and text measurement ([`text`]). The binary only wires them together.

pub mod action;
pub mod app;
pub mod cli;
pub mod commands;
pub mod completion;
pub mod config;
pub mod doc;
pub mod export;
pub mod kb;
pub mod keymap;
pub mod listing;
pub mod loaded;
pub mod manual;
pub mod memory;
pub mod pictures;
pub mod progress;
pub mod search;
pub mod suggest;
pub mod system;
pub mod text;
pub mod tui;
pub mod ui;
pub mod watch;
