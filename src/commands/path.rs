//! `alliances path A B`: the shortest chain of links between two alliances or organisations.

use super::{Context, Format, Outcome, Sgr, write_json};
use crate::export::Sheet;
use crate::kb::path::{Link, Via, shortest};
use crate::kb::{Entity, EntityKind, resolve};
use serde::Serialize;
use std::io::{self, Write};

#[derive(Debug, Serialize)]
struct PathDoc {
    from: NodeOut,
    to: NodeOut,
    steps: Vec<StepOut>,
}

#[derive(Debug, Serialize)]
struct NodeOut {
    #[serde(rename = "type")]
    kind: &'static str,
    id: String,
    name: String,
}

#[derive(Debug, Serialize)]
struct StepOut {
    #[serde(flatten)]
    node: NodeOut,
    /// How the previous node leads here.
    link: LinkOut,
}

#[derive(Debug, Serialize)]
struct LinkOut {
    kind: &'static str,
    text: String,
}

pub fn run(
    cx: &Context,
    from: &str,
    to: &str,
    via: Via,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> io::Result<Outcome> {
    let kinds = [EntityKind::Alliance, EntityKind::Org];
    let mut ends = Vec::new();
    for id in [from, to] {
        match resolve(cx.kb, cx.index, id, &kinds) {
            Ok(found) => ends.push(found[0]),
            Err(message) => {
                writeln!(err, "error: {message}")?;
                return Ok(Outcome::Failure);
            }
        }
    }
    let (a, b) = (ends[0], ends[1]);
    let Some(steps) = shortest(cx.kb, cx.index, a, b, cx.day, via) else {
        writeln!(
            err,
            "error: no chain of members, leads or declared links connects {} and {}",
            cx.paint.paint(&node(cx, a).name, Sgr::Plain),
            cx.paint.paint(&node(cx, b).name, Sgr::Plain)
        )?;
        return Ok(Outcome::Failure);
    };
    // An organisation that is an alliance is one entity: its "same" link is not a step.
    let steps: Vec<StepOut> = steps
        .iter()
        .filter(|s| !matches!(s.link, Link::Same { .. }))
        .map(|s| StepOut {
            node: node(cx, s.node),
            link: LinkOut {
                kind: match s.link {
                    Link::Member { .. } => "member",
                    Link::Parent { .. } => "parent",
                    Link::Same { .. } | Link::Declared { .. } => "declared",
                    Link::Focus { .. } => "focus",
                },
                text: s.link.describe(cx.kb),
            },
        })
        .collect();
    if let Format::Sheet(f) = format {
        let mut sheet = Sheet::new(&["Step", "Type", "ID", "Name", "Link"]);
        let start = node(cx, a);
        sheet.push(vec![
            "0".into(),
            start.kind.into(),
            start.id,
            start.name,
            String::new(),
        ]);
        for (i, s) in steps.into_iter().enumerate() {
            sheet.push(vec![
                (i + 1).to_string(),
                s.node.kind.into(),
                s.node.id,
                s.node.name,
                s.link.text,
            ]);
        }
        return super::write_sheet(&sheet, f, out);
    }
    if format == Format::Json {
        return write_json(
            &PathDoc {
                from: node(cx, a),
                to: node(cx, b),
                steps,
            },
            out,
        );
    }
    let start = node(cx, a);
    writeln!(
        out,
        "{}  {}",
        cx.paint.paint(&start.name, Sgr::Bold),
        cx.paint.paint(start.kind, Sgr::Dim)
    )?;
    let names: Vec<_> = steps
        .iter()
        .map(|s| super::name_cell(&s.node.name))
        .collect();
    let cols = names
        .iter()
        .map(|n| crate::text::width(n))
        .max()
        .unwrap_or(0);
    for (s, name) in steps.iter().zip(&names) {
        let name = crate::text::fit(name, cols);
        writeln!(
            out,
            "  → {}  {}",
            cx.paint.paint(&name, Sgr::Bold),
            cx.paint.paint(&s.link.text, Sgr::Dim)
        )?;
    }
    writeln!(out, "{}", crate::text::count(steps.len(), "link", "links"))?;
    Ok(Outcome::Success)
}

fn node(cx: &Context, node: Entity) -> NodeOut {
    NodeOut {
        kind: node.kind().label(),
        id: node.id(cx.kb).to_string(),
        name: node.name_on(cx.kb, cx.day).to_string(),
    }
}
