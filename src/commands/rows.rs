//! What the listing commands share: the filter and order read as the explorer reads them, a
//! mistake said with the terms expected (exit 2), and a count of the rows on standard error.

use super::Context;
use crate::listing::{self, Filter, Listing, Order, SortKey};
use crate::search::{Haystack, Searcher};
use std::io::{self, Write};

/// The order asked for: a key's name (`--sort`), and whether reversed.
#[derive(Debug, Clone, Default)]
pub struct OrderArg {
    pub key: Option<String>,
    pub reverse: bool,
}

impl OrderArg {
    pub fn new(key: &Option<String>, reverse: bool) -> Self {
        OrderArg {
            key: key.clone(),
            reverse,
        }
    }
}

/// The rows of `listing` that `filter` keeps, in the order asked for; `None` (after saying
/// why on `err`) when the filter or the order cannot be read.
pub fn rows(
    cx: &Context,
    listing: Listing,
    filter: &str,
    order: OrderArg,
    err: &mut dyn Write,
) -> io::Result<Option<Vec<u32>>> {
    let scope = cx.scope();
    let parsed = match Filter::parse(&scope, listing, filter) {
        Ok(f) => f,
        Err(e) => {
            writeln!(err, "error: {e}")?;
            return Ok(None);
        }
    };
    let mut sort = Order::of(listing);
    if let Some(key) = &order.key {
        match SortKey::parse(listing, key) {
            Ok(key) => sort.key = key,
            Err(why) => {
                writeln!(err, "error: {why}")?;
                return Ok(None);
            }
        }
    }
    sort.reverse = order.reverse;
    let hits: Option<Vec<u32>> = match listing.kind() {
        Some(kind) if !parsed.text.is_empty() => {
            let haystack = Haystack::new(cx.kb, &[kind]);
            let found = Searcher::within(kind).search(&haystack, &parsed.text);
            Some(
                found
                    .hits
                    .iter()
                    .map(|h| haystack.entry(h.entry).ix() as u32)
                    .collect(),
            )
        }
        _ => None,
    };
    Ok(Some(listing::rows(
        &scope,
        listing,
        &parsed,
        sort,
        hits.as_deref(),
        None,
    )))
}

/// `21/185 organisations · 20 tied to an alliance` on standard error when it is a terminal's,
/// or when nothing matched.
pub fn summary(
    cx: &Context,
    listing: Listing,
    shown: usize,
    note: Option<&str>,
    err: &mut dyn Write,
) -> io::Result<()> {
    let total = listing.total(cx.kb, cx.index);
    if shown == 0 {
        writeln!(err, "no {} matches", listing.one())?;
    } else if cx.paint.color() {
        let mut line = listing::columns::count(shown, total, listing);
        if let Some(note) = note {
            line.push_str(&format!(" · {note}"));
        }
        writeln!(err, "{line}")?;
    }
    Ok(())
}
