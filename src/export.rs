//! Tables of text that leave the program: a row of headings and rows of cells, written as CSV
//! or as a Markdown table, for a file, the clipboard or standard output.
//!
//! Every cell is the knowledge base's text with its control characters taken out (line breaks
//! and tabs become spaces; escapes, other controls and bidirectional overrides are dropped), so
//! a written file never carries an escape sequence. In CSV a cell that a spreadsheet would run
//! as a formula (it starts with `=`, `+`, `-` or `@`) is written with a `'` before it, the
//! guard spreadsheets themselves use for text that looks like a formula.

use crate::text;
use std::borrow::Cow;

/// How a table is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Format {
    Csv,
    Markdown,
}

impl Format {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Markdown => "md",
        }
    }

    /// `CSV`, `Markdown`.
    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Markdown => "Markdown",
        }
    }
}

/// A table of text: headings and rows of cells, as many cells in each row as headings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sheet {
    pub headings: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Sheet {
    pub fn new(headings: &[&str]) -> Self {
        Sheet {
            headings: headings.iter().map(ToString::to_string).collect(),
            rows: Vec::new(),
        }
    }

    /// Adds a row; missing cells are empty, extra cells are dropped.
    pub fn push(&mut self, mut row: Vec<String>) {
        row.resize(self.headings.len(), String::new());
        self.rows.push(row);
    }

    /// The table in `format`.
    pub fn render(&self, format: Format) -> String {
        match format {
            Format::Csv => self.csv(),
            Format::Markdown => self.markdown(),
        }
    }

    /// The table as CSV (RFC 4180 quoting, by the `csv` crate), a heading row first.
    pub fn csv(&self) -> String {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(Vec::new());
        let cell = |c: &String| defuse(&clean(c)).into_owned();
        // Writing to memory cannot fail, and every record has as many fields as the first.
        let _ = writer.write_record(self.headings.iter().map(cell));
        for row in &self.rows {
            let _ = writer.write_record(row.iter().map(cell));
        }
        let bytes = writer.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// The table as a Markdown (GitHub) table: pipes and backslashes in cells escaped.
    pub fn markdown(&self) -> String {
        let line = |cells: &mut dyn Iterator<Item = String>| {
            let mut s = String::from("|");
            for cell in cells {
                s.push(' ');
                s.push_str(&cell);
                s.push_str(" |");
            }
            s.push('\n');
            s
        };
        let cell = |c: &String| markdown_cell(&clean(c));
        let mut s = line(&mut self.headings.iter().map(cell));
        s.push_str(&line(&mut self.headings.iter().map(|_| "---".to_string())));
        for row in &self.rows {
            s.push_str(&line(&mut row.iter().map(cell)));
        }
        s
    }
}

/// `s` without control characters: line breaks and tabs become spaces, every other character
/// a terminal would act on (escapes, C0 and C1 controls, DEL, bidirectional overrides) is
/// dropped. Borrowed when there is nothing to take out.
pub fn clean(s: &str) -> Cow<'_, str> {
    if !s.chars().any(text::is_unsafe) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .filter_map(|c| match c {
                '\n' | '\r' | '\t' => Some(' '),
                c if text::is_unsafe(c) => None,
                c => Some(c),
            })
            .collect(),
    )
}

/// A CSV cell that a spreadsheet would take for a formula, with a `'` before it.
fn defuse(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A Markdown table cell: `|` and `\` escaped, so the cell stays one cell and shows as typed.
fn markdown_cell(cell: &str) -> String {
    let mut s = String::with_capacity(cell.len());
    for c in cell.chars() {
        if matches!(c, '|' | '\\') {
            s.push('\\');
        }
        s.push(c);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet() -> Sheet {
        let mut s = Sheet::new(&["Name", "Country"]);
        s.push(vec!["IBM".into(), "US United States".into()]);
        s.push(vec!["Hugging Face, Inc.".into(), "FR \"France\"".into()]);
        s
    }

    #[test]
    fn csv_quotes_what_needs_quoting_and_nothing_else() {
        assert_eq!(
            sheet().csv(),
            "Name,Country\r\nIBM,US United States\r\n\"Hugging Face, Inc.\",\"FR \"\"France\"\"\"\r\n"
        );
    }

    #[test]
    fn markdown_is_a_table_with_a_separator_row() {
        assert_eq!(
            sheet().markdown(),
            "| Name | Country |\n| --- | --- |\n| IBM | US United States |\n\
             | Hugging Face, Inc. | FR \"France\" |\n"
        );
    }

    #[test]
    fn a_pipe_stays_inside_its_markdown_cell() {
        let mut s = Sheet::new(&["A"]);
        s.push(vec!["x | y \\ z".into()]);
        assert!(s.markdown().ends_with("| x \\| y \\\\ z |\n"));
    }

    #[test]
    fn no_control_character_reaches_a_cell() {
        let mut s = Sheet::new(&["Name"]);
        s.push(vec![
            "Evil\x1b]52;c;aGk=\x07 Corp\nLine\u{202e}two\u{9b}".into(),
        ]);
        for out in [s.csv(), s.markdown()] {
            assert!(
                !out.chars()
                    .any(|c| text::is_unsafe(c) && c != '\r' && c != '\n'),
                "{out:?}"
            );
            assert!(out.contains("Evil]52;c;aGk= Corp Linetwo"), "{out:?}");
        }
    }

    #[test]
    fn formula_cells_are_written_as_text_in_csv() {
        let mut s = Sheet::new(&["Name", "Count"]);
        for cell in ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)"] {
            s.push(vec![cell.into(), "3".into()]);
        }
        let csv = s.csv();
        let mut rows = csv::Reader::from_reader(csv.as_bytes());
        let firsts: Vec<String> = rows.records().map(|r| r.unwrap()[0].to_string()).collect();
        assert_eq!(firsts, ["'=HYPERLINK(\"x\")", "'+1", "'-2", "'@SUM(A1)"]);
    }

    #[test]
    fn a_short_row_is_filled_and_a_long_one_cut() {
        let mut s = Sheet::new(&["A", "B"]);
        s.push(vec!["1".into()]);
        s.push(vec!["1".into(), "2".into(), "3".into()]);
        assert_eq!(s.csv(), "A,B\r\n1,\r\n1,2\r\n");
    }
}
