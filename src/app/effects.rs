//! Getting answers out: what the explorer asks of the world outside it (the clipboard, the
//! browser, a file, an editor), and the menus that lead there. The state says what it wants as
//! an [`Effect`]; the event loop carries it out and says back how it went
//! ([`App::effect_done`]).
//!
//! What `y`, `o`, `w` and `e` act on is the highlighted item: the selected line of the details
//! (a member, the website, a source, a fact, a claim) or the selected row of a list, else what
//! the screen is about.

use super::input::Asking;
use super::{App, Open, Overlay, Pane, doc_cursor};
use crate::doc::{Item, cite};
use crate::export::{Format, Sheet};
use crate::kb::definition::Written;
use crate::kb::{Entity, EntityKind};
use std::path::PathBuf;

/// What the explorer asks the event loop to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put text on the clipboard; `what` names it for the status line (`the name`).
    Copy { text: String, what: String },
    /// Open an http or https address in the browser.
    Open(String),
    /// Write a file; `replace` once the user agreed to replace one that is there.
    Write {
        path: PathBuf,
        contents: String,
        /// What it holds in words (`organisations (country:de)`).
        what: String,
        replace: bool,
    },
    /// Open an editor where this is written in the knowledge base's files.
    Edit(Written),
}

/// How an effect went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Done {
    /// Done, or why not: the status line says it.
    Said(String),
    /// A file to write is there already: ask before replacing it.
    Exists(PathBuf),
}

/// A menu of choices, each with its key (lazygit's copy menu is the model).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Menu {
    pub title: String,
    pub choices: Vec<Choice>,
    pub selected: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    pub key: char,
    pub label: String,
    /// What it holds, shown beside it (the start of it).
    pub preview: String,
    then: Then,
}

/// What a choice does.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Then {
    Copy(String),
    WriteAs(Format),
    Replace,
}

/// A table waiting to be written: its rows, what it is, its format once chosen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingWrite {
    sheet: Sheet,
    stem: String,
    what: String,
    format: Option<Format>,
    path: Option<PathBuf>,
}

/// Only these schemes are opened.
fn openable(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && !url.contains(char::is_whitespace)
}

/// `organisations-country-de`: words of a title fit for a file name.
fn slug(s: &str) -> String {
    let folded = crate::text::fold(s);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    let out: String = out.chars().take(60).collect();
    if out.is_empty() {
        "alliances".into()
    } else {
        out.trim_end_matches('-').to_string()
    }
}

/// A list pane in words, for a file name.
fn pane_words(pane: Pane) -> &'static str {
    match pane {
        Pane::Shared => "in both",
        Pane::OnlyFirst => "only in the first",
        Pane::OnlySecond => "only in the second",
        Pane::Side => "focus areas",
        _ => "links",
    }
}

impl App {
    /// What the explorer wants done outside it, oldest first; the event loop takes them.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// How an effect went.
    pub fn effect_done(&mut self, done: Done) {
        match done {
            Done::Said(message) => {
                self.status = Some(message);
                self.pending_write = None;
            }
            Done::Exists(path) => {
                let Some(pending) = &mut self.pending_write else {
                    return;
                };
                pending.path = Some(path.clone());
                self.overlay = Overlay::Menu(Menu {
                    title: format!("{} is there already", path.display()),
                    choices: vec![Choice {
                        key: 'r',
                        label: "Replace it".into(),
                        preview: format!("with {}", pending.what),
                        then: Then::Replace,
                    }],
                    selected: 0,
                });
                self.status = Some("Esc keeps the file as it is".into());
            }
        }
    }

    /// The open menu, if there is one.
    pub fn menu(&self) -> Option<&Menu> {
        match &self.overlay {
            Overlay::Menu(m) => Some(m),
            _ => None,
        }
    }

    /// What `y`, `o`, `w` and `e` act on.
    pub fn highlighted(&self) -> Option<Item> {
        let pane = self.screen.focus();
        let data = self.data();
        let state = self.screen.state();
        let chosen = if pane == Pane::Details {
            let c = self.screen.focused_cursor();
            doc_cursor::visible_item(&self.page.doc, &c, self.pane_height(pane))
        } else {
            match state.open(pane, &data, &self.page) {
                Open::Jump(e) => Some(Item::Entity(e)),
                Open::Claim(a, c) => Some(Item::Claim(a, c)),
                Open::Compare(..) | Open::Filtered(..) | Open::Focus(_) | Open::Nothing => None,
            }
        };
        chosen.or_else(|| state.subject(&data).map(Item::Entity))
    }

    /// The web address of an item: an entity's website, a source's address, the first source
    /// with one of a fact or a claim.
    fn url_of(&self, item: Item) -> Option<String> {
        let kb = &self.loaded.kb;
        let index = &self.loaded.index;
        let first_source = |ids: &[crate::kb::Str]| {
            ids.iter()
                .filter_map(|id| index.source(kb, id))
                .find_map(|s| kb.sources[s].url.as_deref().map(str::to_string))
        };
        match item {
            Item::Entity(e) | Item::Website(e) => match e {
                Entity::Alliance(a) => kb.alliances[a].website.as_deref().map(str::to_string),
                Entity::Org(o) => kb.organizations[o].website.as_deref().map(str::to_string),
                Entity::Focus(f) => first_source(&kb.focus_areas[f].sources),
                Entity::Artifact(t) => first_source(&kb.artifacts[t].sources),
            },
            Item::Source(s) => kb.sources.get(s)?.url.as_deref().map(str::to_string),
            Item::Fact(a, i) => first_source(&kb.alliances.get(a)?.facts.get(i)?.sources),
            Item::Claim(a, c) => first_source(&kb.alliances.get(a)?.claims.get(c)?.sources),
        }
    }

    /// `y`: the copy menu for the highlighted item.
    pub(super) fn copy_menu(&mut self) {
        let Some(item) = self.highlighted() else {
            self.status =
                Some("Nothing to copy here: move to an entity, a source or a fact".into());
            return;
        };
        let (kb, index, day) = (&self.loaded.kb, &self.loaded.index, self.day);
        let mut choices = Vec::new();
        let mut add = |key: char, label: &str, text: String| {
            if !text.is_empty() {
                choices.push(Choice {
                    key,
                    label: label.to_string(),
                    preview: text.lines().next().unwrap_or("").to_string(),
                    then: Then::Copy(text),
                });
            }
        };
        let title;
        match item {
            Item::Entity(e) | Item::Website(e) => {
                title = e.name_on(kb, day).to_string();
                add('n', "name", title.clone());
                add('i', "id", e.id(kb).to_string());
            }
            Item::Source(s) => {
                let source = &kb.sources[s];
                title = source.title.to_string();
                add('n', "title", title.clone());
                add('i', "id", source.id.to_string());
            }
            Item::Fact(a, i) => {
                let fact = &kb.alliances[a].facts[i];
                title = format!("{}: {}", kb.alliances[a].name_on(day), fact.topic);
                add('x', "the fact", fact.text.to_string());
            }
            Item::Claim(a, c) => {
                let claim = &kb.alliances[a].claims[c];
                title = format!("{}: a claim of the article", kb.alliances[a].name_on(day));
                add('x', "the article's words", claim.article.to_string());
            }
        }
        add('u', "link", self.url_of(item).unwrap_or_default());
        if let Some(c) = cite::cite(kb, index, item, day) {
            add('c', "citation", c.text);
            add('m', "citation (Markdown)", c.markdown);
        }
        // On a page whose highlighted line is another entity, the page's own entity too.
        if let Some(page) = self.screen.state().subject(&self.data())
            && item != Item::Entity(page)
        {
            add('N', "page's name", page.name_on(kb, day).to_string());
            add('I', "page's id", page.id(kb).to_string());
            if let Some(c) = cite::cite(kb, index, Item::Entity(page), day) {
                add('C', "page's citation", c.text);
            }
        }
        if let Some((_, _, sheet)) = self.focused_sheet() {
            let rows = sheet.rows.len();
            let label = format!("list as Markdown ({rows} rows)");
            add('t', &label, sheet.markdown());
        }
        self.overlay = Overlay::Menu(Menu {
            title: format!("Copy — {}", crate::text::sanitize(&title)),
            choices,
            selected: 0,
        });
    }

    /// `o`: opens the highlighted item's web address.
    pub(super) fn open_link(&mut self) {
        let Some(url) = self.highlighted().and_then(|item| self.url_of(item)) else {
            self.status = Some("No web address here: move to a website or a source".into());
            return;
        };
        if !openable(&url) {
            self.status = Some(format!(
                "Not opened: only http and https addresses are ({})",
                crate::text::sanitize(&url)
            ));
            return;
        }
        self.status = Some(format!("Opening {}", crate::text::sanitize(&url)));
        self.effects.push(Effect::Open(url));
    }

    /// `e`: an editor where the highlighted item is written.
    pub(super) fn edit(&mut self) {
        let Some(item) = self.highlighted() else {
            self.status = Some("Nothing to edit here".into());
            return;
        };
        let kb = &self.loaded.kb;
        let written = match item {
            Item::Entity(e) | Item::Website(e) => {
                let kind = match e {
                    Entity::Alliance(_) => EntityKind::Alliance,
                    Entity::Org(_) => EntityKind::Org,
                    Entity::Focus(_) => EntityKind::Focus,
                    Entity::Artifact(_) => EntityKind::Artifact,
                };
                Written::Entity(kind, e.id(kb).to_string())
            }
            Item::Source(s) => Written::Source(kb.sources[s].id.to_string()),
            Item::Fact(a, i) => Written::Fact(kb.alliances[a].id.to_string(), i),
            Item::Claim(a, c) => Written::Claim(kb.alliances[a].id.to_string(), c),
        };
        self.effects.push(Effect::Edit(written));
    }

    /// What the focused pane shows as a table: a file name stem for it, what it is in words,
    /// and its rows.
    pub fn focused_sheet(&self) -> Option<(String, String, Sheet)> {
        let pane = self.screen.focus();
        let data = self.data();
        let state = self.screen.state();
        let kb = &self.loaded.kb;
        if let Some(listed) = state.listing().filter(|l| l.pane == pane) {
            let sheet = crate::listing::columns::sheet(&data.scope(), listed.listing, data.rows);
            let mut what = listed.listing.label().to_lowercase();
            let filter = &listed.narrowing.filter;
            if !filter.is_empty() {
                what.push_str(&format!(" ({filter})"));
            }
            let stem = slug(&format!("{} {filter}", listed.listing.label()));
            return Some((stem, what, sheet));
        }
        if pane == Pane::Details {
            return match state.subject(&data)? {
                Entity::Alliance(a) => Some((
                    format!("{}-members", kb.alliances[a].id),
                    format!("the members of {}", kb.alliances[a].name_on(self.day)),
                    crate::doc::alliance::member_sheet(kb, &self.loaded.index, a, self.day),
                )),
                e => {
                    let page = crate::doc::page(kb, &self.loaded.index, e, 80, self.day);
                    (!page.links.is_empty()).then(|| {
                        (
                            format!("{}-links", slug(e.id(kb))),
                            format!("the links of {}", e.name_on(kb, self.day)),
                            crate::doc::entity::link_sheet(kb, &page.links),
                        )
                    })
                }
            };
        }
        let rows = self.page.rows(pane);
        if rows.is_empty() {
            return None;
        }
        let title = state.title(&data);
        let what = format!("{title} ({})", pane_words(pane));
        Some((slug(&what), what, crate::doc::entity::link_sheet(kb, rows)))
    }

    /// `w`: asks how to write what the focused pane shows.
    pub(super) fn write_menu(&mut self) {
        let Some((stem, what, sheet)) = self.focused_sheet() else {
            self.status = Some("Nothing to write here: move to a list".into());
            return;
        };
        let rows = sheet.rows.len();
        self.overlay = Overlay::Menu(Menu {
            title: format!("Write {} ({rows} rows) as", crate::text::sanitize(&what)),
            choices: [Format::Csv, Format::Markdown]
                .into_iter()
                .map(|f| Choice {
                    key: f.extension().chars().next().unwrap_or('c'),
                    label: f.label().to_string(),
                    preview: format!("{stem}.{}", f.extension()),
                    then: Then::WriteAs(f),
                })
                .collect(),
            selected: 0,
        });
        self.pending_write = Some(PendingWrite {
            sheet,
            stem,
            what,
            format: None,
            path: None,
        });
    }

    /// Keys in a menu: a choice's key or Enter takes it; Esc closes.
    pub(super) fn update_menu(&mut self, action: crate::action::Action) {
        use crate::action::Action;
        let Overlay::Menu(menu) = &mut self.overlay else {
            return;
        };
        let n = menu.choices.len();
        let chosen = match action {
            Action::Down => {
                menu.selected = (menu.selected + 1).min(n.saturating_sub(1));
                None
            }
            Action::Up => {
                menu.selected = menu.selected.saturating_sub(1);
                None
            }
            Action::Open => menu.choices.get(menu.selected).cloned(),
            Action::Type(c) => {
                let found = menu.choices.iter().find(|choice| choice.key == c).cloned();
                if found.is_none() {
                    self.status = Some(format!("No choice `{c}` here"));
                }
                found
            }
            Action::Close => {
                self.overlay = Overlay::None;
                self.pending_write = None;
                None
            }
            _ => None,
        };
        if let Some(choice) = chosen {
            self.overlay = Overlay::None;
            self.choose(choice);
        }
    }

    fn choose(&mut self, choice: Choice) {
        match choice.then {
            Then::Copy(text) => {
                self.effects.push(Effect::Copy {
                    text,
                    what: format!("the {}", choice.label),
                });
            }
            Then::WriteAs(format) => {
                let Some(pending) = &mut self.pending_write else {
                    return;
                };
                pending.format = Some(format);
                let name = format!("{}.{}", pending.stem, format.extension());
                self.ask(Asking::WritePath, name);
            }
            Then::Replace => self.write_pending(true),
        }
    }

    /// Enter on the file name: writes there.
    pub(super) fn take_write_path(&mut self, text: &str) -> Result<(), String> {
        let path = text.trim();
        if path.is_empty() {
            return Err("a file name, such as organisations.csv".into());
        }
        if let Some(pending) = &mut self.pending_write {
            pending.path = Some(PathBuf::from(path));
        }
        self.write_pending(false);
        Ok(())
    }

    fn write_pending(&mut self, replace: bool) {
        let Some(pending) = &self.pending_write else {
            return;
        };
        let (Some(format), Some(path)) = (pending.format, pending.path.clone()) else {
            return;
        };
        self.effects.push(Effect::Write {
            path,
            contents: pending.sheet.render(format),
            what: pending.what.clone(),
            replace,
        });
    }

    /// Forgets the table once written (or not).
    pub(super) fn cancel_write(&mut self) {
        self.pending_write = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::action::Action;
    use crate::keymap::Keymap;
    use ratatui::layout::Rect;

    fn app() -> App {
        let kb = crate::kb::load_embedded().unwrap();
        App::new(kb, Keymap::default(), "built-in", Rect::new(0, 0, 120, 40))
    }

    fn type_keys(a: &mut App, keys: &str) {
        for c in keys.chars() {
            a.update(Action::Type(c));
        }
    }

    #[test]
    fn the_copy_menu_of_an_organisation_copies_its_name() {
        let mut a = app();
        a.update(Action::ViewOrganizations);
        a.update(Action::Filter);
        type_keys(&mut a, "'IBM");
        a.update(Action::Open);
        a.update(Action::Copy);
        let menu = a.menu().expect("a menu");
        assert!(menu.title.contains("IBM"), "{}", menu.title);
        let keys: Vec<char> = menu.choices.iter().map(|c| c.key).collect();
        // IBM has no website in the knowledge base: no link to copy.
        assert_eq!(keys, ['n', 'i', 'c', 'm', 't']);
        type_keys(&mut a, "n");
        assert!(a.menu().is_none());
        assert_eq!(
            a.take_effects(),
            [Effect::Copy {
                text: "IBM".into(),
                what: "the name".into()
            }]
        );
    }

    #[test]
    fn a_citation_of_a_claim_names_its_source_s_address() {
        let mut a = app();
        a.update(Action::ViewClaims);
        a.update(Action::Copy);
        let menu = a.menu().unwrap();
        let cite = menu.choices.iter().find(|c| c.key == 'c').unwrap();
        let Then::Copy(text) = &cite.then else {
            panic!("{cite:?}")
        };
        assert!(text.contains("The article (December 2023) says"), "{text}");
        assert!(text.contains("https://"), "{text}");
    }

    #[test]
    fn o_opens_only_web_addresses() {
        assert!(openable("https://thealliance.ai"));
        assert!(openable("HTTP://example.org/a"));
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "ftp://x",
            "https://a b",
        ] {
            assert!(!openable(bad), "{bad}");
        }
        let mut a = app();
        a.update(Action::OpenLink);
        assert_eq!(
            a.take_effects(),
            [Effect::Open("https://thealliance.ai".into())]
        );
    }

    #[test]
    fn w_writes_the_filtered_list_under_a_name_that_says_what_it_is() {
        let mut a = app();
        a.update(Action::ViewOrganizations);
        a.update(Action::Filter);
        type_keys(&mut a, "country:de");
        a.update(Action::Open);
        a.update(Action::Write);
        type_keys(&mut a, "c");
        assert_eq!(
            a.input().map(|i| i.text.as_str()),
            Some("organisations-country-de.csv")
        );
        a.update(Action::Open);
        let effects = a.take_effects();
        let [
            Effect::Write {
                path,
                contents,
                replace: false,
                ..
            },
        ] = effects.as_slice()
        else {
            panic!("{effects:?}")
        };
        assert_eq!(path, &PathBuf::from("organisations-country-de.csv"));
        assert!(contents.starts_with("ID,Name,Kind,Country"), "{contents}");
        assert!(
            contents.contains("deutsche-telekom,Deutsche Telekom"),
            "{contents}"
        );
        assert!(!contents.contains("ibm,"), "{contents}");
        // The file is there already: asked, then replaced.
        a.effect_done(Done::Exists(path.clone()));
        assert!(a.menu().unwrap().title.contains("is there already"));
        type_keys(&mut a, "r");
        assert!(matches!(
            a.take_effects().as_slice(),
            [Effect::Write { replace: true, .. }]
        ));
    }

    #[test]
    fn e_asks_for_the_place_of_the_highlighted_entity() {
        let mut a = app();
        a.update(Action::Edit);
        assert_eq!(
            a.take_effects(),
            [Effect::Edit(Written::Entity(
                EntityKind::Alliance,
                "ai-alliance".into()
            ))]
        );
    }

    #[test]
    fn file_names_are_plain_words() {
        assert_eq!(slug("Organisations country:de"), "organisations-country-de");
        assert_eq!(slug("Universität / «x»"), "universitat-x");
        assert_eq!(slug("***"), "alliances");
    }
}
