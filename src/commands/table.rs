//! Rows of cells printed as a table: columns aligned by display width, counts on the right,
//! every cell made safe and cut to 80 columns.

use super::{Context, Sgr};
use crate::text;
use std::io::{self, Write};

/// The widest a cell is printed.
const CELL_COLS: usize = 80;

/// Prints `headings` then `rows`; the columns marked `numeric` are right-aligned.
pub fn print(
    cx: &Context,
    headings: &[&str],
    numeric: &[bool],
    rows: &[Vec<String>],
    out: &mut dyn Write,
) -> io::Result<()> {
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            row.iter()
                .map(|c| text::display(c, CELL_COLS).into_owned())
                .collect()
        })
        .collect();
    let mut widths: Vec<usize> = headings.iter().map(|h| text::width(h)).collect();
    for row in &cells {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(text::width(cell));
        }
    }
    let n = headings.len();
    let line = |cells: &[&str], style: Sgr| -> String {
        let mut s = String::new();
        for (i, (cell, w)) in cells.iter().zip(&widths).enumerate() {
            let padded = if numeric.get(i).copied().unwrap_or(false) {
                format!("{}{cell}", " ".repeat(w.saturating_sub(text::width(cell))))
            } else {
                text::fit(cell, *w)
            };
            s.push_str(&cx.paint.paint(&padded, style));
            if i + 1 < n {
                s.push_str("  ");
            }
        }
        s.trim_end().to_string()
    };
    writeln!(out, "{}", line(headings, Sgr::Bold))?;
    for row in &cells {
        let row: Vec<&str> = row.iter().map(String::as_str).collect();
        writeln!(out, "{}", line(&row, Sgr::Plain))?;
    }
    Ok(())
}
