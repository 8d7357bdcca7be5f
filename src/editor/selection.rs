//! Words selected in the article's text, and what an author makes of them: a new
//! entity, an alias of one, or an event from their sentence.
//!
//! A selection is made with the pointer, with the keyboard where the browser offers a
//! caret in the page (F7, caret browsing), or by finding words here, which selects them
//! in the text. Keys, outside text fields: F finds words; while words are selected, N
//! makes a new entity, A an alias, E an event.

use super::dialog::{use_close_when_made, Dialog, FromSelectionProps};
use super::entities::kind_from_slug;
use super::events::NewEventDialog;
use super::fields::{focus_element, FieldProblem};
use super::state::EditorAction;
use super::use_editing;
use crate::dom_ids;
use crate::edit::{locate_words, propose_entity, Edit};
use crate::model::{Article, EntityKind};
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Words selected in one paragraph, placed in the article's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextSelection {
    pub words: String,
    /// The paragraph's id in the article.
    pub paragraph: String,
    /// Byte offsets of the words in the paragraph's text.
    pub start: usize,
    pub end: usize,
}

/// What the page's selection says, before it is placed in the article.
#[derive(Clone, Debug, PartialEq, Eq)]
struct PageSelection {
    words: String,
    paragraph: String,
    /// The paragraph's text before the selection, as the page shows it.
    before: String,
}

/// The text of the paragraph with this id.
pub(super) fn paragraph_text<'a>(article: &'a Article, paragraph: &str) -> Option<&'a str> {
    article
        .paragraphs()
        .find(|(_, id, _)| *id == paragraph)
        .map(|(_, _, text)| text)
}

impl PageSelection {
    fn place(&self, article: &Article) -> Option<TextSelection> {
        let text = paragraph_text(article, &self.paragraph)?;
        let range = locate_words(text, &self.before, &self.words)?;
        Some(TextSelection {
            words: text[range.clone()].to_owned(),
            paragraph: self.paragraph.clone(),
            start: range.start,
            end: range.end,
        })
    }
}

/// The page's selection, when it lies within one paragraph of the article.
fn read_page_selection() -> Option<PageSelection> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let selection = window.get_selection().ok()??;
    if selection.is_collapsed() || selection.range_count() == 0 {
        return None;
    }
    let range = selection.get_range_at(0).ok()?;
    let paragraph_of = |node: web_sys::Node| -> Option<web_sys::Element> {
        let element = match node.dyn_into::<web_sys::Element>() {
            Ok(element) => element,
            Err(node) => node.parent_element()?,
        };
        element.closest("#article p[id^='paragraph-']").ok()?
    };
    let start = paragraph_of(range.start_container().ok()?)?;
    let end = paragraph_of(range.end_container().ok()?)?;
    if start != end {
        return None;
    }
    let before = document.create_range().ok()?;
    before.set_start(&start, 0).ok()?;
    before
        .set_end(&range.start_container().ok()?, range.start_offset().ok()?)
        .ok()?;
    Some(PageSelection {
        words: String::from(range.to_string()),
        paragraph: start.id().strip_prefix("paragraph-")?.to_owned(),
        before: String::from(before.to_string()),
    })
}

/// The last words selected in the article's text. Selecting elsewhere (in the panel's
/// own fields) keeps them; a click in the text that selects nothing clears them.
#[hook]
fn use_page_selection() -> Option<PageSelection> {
    let selected = use_state_eq(|| None::<PageSelection>);
    {
        let selected = selected.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .and_then(|w| w.document())
                .map(|document| {
                    gloo::events::EventListener::new(&document, "selectionchange", move |_| {
                        if let Some(found) = read_page_selection() {
                            selected.set(Some(found));
                        } else if selection_is_collapsed_in_article() {
                            selected.set(None);
                        }
                    })
                });
            move || drop(listener)
        });
    }
    (*selected).clone()
}

fn selection_is_collapsed_in_article() -> bool {
    let Some(selection) = web_sys::window().and_then(|w| w.get_selection().ok().flatten()) else {
        return false;
    };
    selection.is_collapsed()
        && selection
            .anchor_node()
            .and_then(|node| node.parent_element())
            .and_then(|element| element.closest("#article").ok().flatten())
            .is_some()
}

/// Selects a paragraph's bytes `start..end` in the page and brings them into view.
fn select_in_page(paragraph: &str, text: &str, start: usize, end: usize) -> Option<()> {
    let window = web_sys::window()?;
    let document = window.document()?;
    let element = document.get_element_by_id(&dom_ids::paragraph(paragraph))?;
    // DOM offsets count UTF-16 code units.
    let (from, to) = (
        text[..start].encode_utf16().count() as u32,
        text[..end].encode_utf16().count() as u32,
    );
    let range = document.create_range().ok()?;
    let (mut seen, mut started) = (0u32, false);
    for node in text_nodes(&element) {
        let length = node
            .text_content()
            .map_or(0, |t| t.encode_utf16().count() as u32);
        if !started && from <= seen + length {
            range.set_start(&node, from - seen).ok()?;
            started = true;
        }
        if started && to <= seen + length {
            range.set_end(&node, to - seen).ok()?;
            let selection = window.get_selection().ok()??;
            selection.remove_all_ranges().ok()?;
            selection.add_range(&range).ok()?;
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            element.scroll_into_view_with_scroll_into_view_options(&options);
            return Some(());
        }
        seen += length;
    }
    None
}

/// The text nodes under `node`, in document order.
fn text_nodes(node: &web_sys::Node) -> Vec<web_sys::Node> {
    let mut found = Vec::new();
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else {
            continue;
        };
        if child.node_type() == web_sys::Node::TEXT_NODE {
            found.push(child);
        } else {
            found.extend(text_nodes(&child));
        }
    }
    found
}

/// The next place `words` stand in the article after `after` (paragraph id and byte
/// offset), wrapping around; exact case first, then any case.
fn find_words(
    article: &Article,
    words: &str,
    after: Option<(&str, usize)>,
) -> Option<(String, usize, usize)> {
    let words = words.trim();
    if words.is_empty() {
        return None;
    }
    let paragraphs: Vec<(&str, &str)> = article
        .paragraphs()
        .map(|(_, id, text)| (id, text))
        .collect();
    if paragraphs.is_empty() {
        return None;
    }
    let lower = words.to_lowercase();
    let hits = |text: &str| -> Vec<usize> {
        let exact: Vec<usize> = text.match_indices(words).map(|(at, _)| at).collect();
        let text_lower = text.to_lowercase();
        // Any case only where lower-casing keeps every byte offset.
        if !exact.is_empty() || lower.len() != words.len() || text_lower.len() != text.len() {
            return exact;
        }
        text_lower.match_indices(&lower).map(|(at, _)| at).collect()
    };
    let start_at = after
        .and_then(|(id, _)| paragraphs.iter().position(|(p, _)| *p == id))
        .unwrap_or(0);
    let count = paragraphs.len();
    for step in 0..=count {
        let (id, text) = paragraphs[(start_at + step) % count];
        let min = match after {
            Some((after_id, offset)) if step == 0 && after_id == id => offset + 1,
            _ => 0,
        };
        if let Some(at) = hits(text).into_iter().find(|&at| at >= min) {
            return Some((id.to_owned(), at, at + words.len()));
        }
    }
    None
}

/// Which dialog the selection tools show.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Open {
    None,
    Entity,
    Event,
}

#[derive(Properties, PartialEq)]
pub struct SelectionToolsProps {}

/// The selection and what can be made of it.
#[component]
pub fn SelectionTools(_props: &SelectionToolsProps) -> Html {
    let editing = use_editing();
    let page_selection = use_page_selection();
    let selection = page_selection
        .as_ref()
        .and_then(|s| s.place(editing.article()));
    let open = use_state_eq(|| Open::None);
    let find = use_state(String::new);
    let alias_of = use_state(|| None::<String>);
    {
        // Outside text fields: F to find words; with words selected, N, E and A.
        let (open, has_selection) = (open.clone(), selection.is_some());
        use_effect_with(has_selection, move |has_selection| {
            let has_selection = *has_selection;
            let listener = super::bridge::on_page_keys(move |key| {
                if key.ctrl_key()
                    || key.meta_key()
                    || key.alt_key()
                    || super::bridge::editor_hidden()
                {
                    return;
                }
                let in_field = key
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|e| {
                        matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                            || e.closest("dialog[open]").ok().flatten().is_some()
                    });
                if in_field {
                    return;
                }
                match (key.key().as_str(), has_selection) {
                    ("f" | "F", _) => focus_element("find-words"),
                    ("n" | "N", true) => open.set(Open::Entity),
                    ("e" | "E", true) => open.set(Open::Event),
                    ("a" | "A", true) => focus_element("alias-of"),
                    _ => return,
                }
                key.prevent_default();
            });
            move || drop(listener)
        });
    }
    let on_find = {
        let (editing, find, selection) = (editing.clone(), find.clone(), selection.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let article = editing.article();
            let after = selection.as_ref().map(|s| (s.paragraph.as_str(), s.start));
            let message = match find_words(article, &find, after) {
                Some((paragraph, start, end)) => {
                    let text = paragraph_text(article, &paragraph).unwrap_or_default();
                    match select_in_page(&paragraph, text, start, end) {
                        Some(()) => None,
                        None => Some(format!(
                            "“{}” is in a part of the text that is not shown: open its section.",
                            find.trim()
                        )),
                    }
                }
                None => Some(format!("“{}” is not in the text.", find.trim())),
            };
            editing.dispatch.emit(EditorAction::Tell(
                message.unwrap_or_else(|| format!("Selected “{}” in the text", find.trim())),
            ));
        })
    };
    let on_find_input = {
        let find = find.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                find.set(input.value());
            }
        })
    };
    let article = editing.article();
    let mut entities: Vec<(&str, &str)> = article
        .entities
        .iter()
        .map(|e| (e.id.as_str(), e.name.as_str()))
        .collect();
    entities.sort_by_key(|(_, name)| name.to_lowercase());
    let chosen_alias_of = (*alias_of)
        .clone()
        .filter(|id| entities.iter().any(|(e, _)| e == id))
        .or_else(|| entities.first().map(|(id, _)| (*id).to_owned()));
    let on_alias_of = {
        let alias_of = alias_of.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                alias_of.set(Some(select.value()));
            }
        })
    };
    let on_add_alias = {
        let (editing, selection, entity) =
            (editing.clone(), selection.clone(), chosen_alias_of.clone());
        Callback::from(move |_: MouseEvent| {
            if let (Some(selection), Some(entity)) = (&selection, &entity) {
                editing.apply(
                    Edit::AddAlias {
                        entity: entity.clone(),
                        alias: selection.words.clone(),
                    },
                    "selection",
                );
            }
        })
    };
    let show = |which: Open| {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(which))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |()| open.set(Open::None))
    };
    let none_selected = selection.is_none();
    html! {
        <section class="editor-selection" aria-labelledby="selection-title">
            <h3 id="selection-title">{ "Selected in the text" }</h3>
            <p class="selected-words" aria-live="polite">
                if let Some(selection) = &selection {
                    { format!("“{}”", crate::text::shorten(&selection.words, 160)) }
                } else {
                    { "Nothing yet: select words in the article, or find them." }
                }
            </p>
            <form class="find-words" onsubmit={on_find} role="search" aria-label="Find words to select">
                <label for="find-words">{ "Find words in the text" }</label>
                <input id="find-words" type="search" value={(*find).clone()} oninput={on_find_input} aria-keyshortcuts="F" />
                <button type="submit">{ "Select next" }</button>
            </form>
            <div class="selection-actions">
                <button type="button" onclick={show(Open::Entity)} disabled={none_selected} aria-keyshortcuts="N">{ "New entity…" }</button>
                <button type="button" onclick={show(Open::Event)} disabled={none_selected} aria-keyshortcuts="E">{ "New event from this sentence…" }</button>
                <div class="alias-of">
                    <label for="alias-of">{ "Add as alias of" }</label>
                    <select id="alias-of" onchange={on_alias_of} aria-keyshortcuts="A">
                        { for entities.iter().map(|(id, name)| html! {
                            <option value={id.to_string()} selected={chosen_alias_of.as_deref() == Some(*id)}>{ format!("{name} ({id})") }</option>
                        }) }
                    </select>
                    <button type="button" onclick={on_add_alias} disabled={none_selected || chosen_alias_of.is_none()}>{ "Add alias" }</button>
                </div>
            </div>
            <FieldProblem field="selection" />
            <p class="field-hint">{ "Keys outside text fields: F find words; with words selected, N new entity, A alias, E event. Ctrl+Z undoes, Shift+Ctrl+Z redoes, Ctrl+S saves." }</p>
            <NewEntityDialog open={*open == Open::Entity} selection={selection.clone()} on_close={close.clone()} />
            <NewEventDialog open={*open == Open::Event} {selection} on_close={close} />
        </section>
    }
}

/// A new entity from the selected words: kind, and the name and id proposed from them.
#[component]
fn NewEntityDialog(props: &FromSelectionProps) -> Html {
    let editing = use_editing();
    let kind = use_state_eq(|| EntityKind::Person);
    let name = use_state_eq(String::new);
    let id = use_state_eq(String::new);
    let expect_made = use_close_when_made(props.open, "new-entity", props.on_close.clone());
    {
        // Opening proposes a name and an id from the words.
        let (name, id, article) = (name.clone(), id.clone(), editing.state.clone());
        use_effect_with(
            (props.open, props.selection.clone()),
            move |(open, selection)| {
                if let (true, Some(selection)) = (open, selection) {
                    let (proposed_name, proposed_id) =
                        propose_entity(article.article(), &selection.words);
                    name.set(proposed_name);
                    id.set(proposed_id);
                }
            },
        );
    }
    let on_create = {
        let (editing, kind, name, id, selection, expect_made) = (
            editing.clone(),
            kind.clone(),
            name.clone(),
            id.clone(),
            props.selection.clone(),
            expect_made.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(selection) = &selection else { return };
            expect_made.emit(());
            editing.apply(
                Edit::CreateEntity {
                    words: selection.words.clone(),
                    kind: *kind,
                    name: Some(name.trim().to_owned()).filter(|n| !n.is_empty()),
                    id: Some(id.trim().to_owned()).filter(|i| !i.is_empty()),
                    description: None,
                },
                "new-entity",
            );
        })
    };
    let text_input = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                state.set(input.value());
            }
        })
    };
    let on_kind = {
        let kind = kind.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                if let Some(chosen) = kind_from_slug(&select.value()) {
                    kind.set(chosen);
                }
            }
        })
    };
    let cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    html! {
        <Dialog id="new-entity-dialog" open={props.open} title="New entity" on_close={props.on_close.clone()}>
            <form onsubmit={on_create}>
                <p>{ "From the words " }<q>{ props.selection.as_ref().map(|s| s.words.clone()).unwrap_or_default() }</q></p>
                <div class="field">
                    <label for="new-entity-kind">{ "Kind" }</label>
                    <select id="new-entity-kind" onchange={on_kind} autofocus=true>
                        { for EntityKind::ALL.into_iter().map(|k| html! {
                            <option value={k.slug()} selected={k == *kind}>{ k.label() }</option>
                        }) }
                    </select>
                </div>
                <div class="field">
                    <label for="new-entity-name">{ "Name" }</label>
                    <input id="new-entity-name" value={(*name).clone()} oninput={text_input(&name)} />
                </div>
                <div class="field">
                    <label for="new-entity-id">{ "Id" }</label>
                    <input id="new-entity-id" value={(*id).clone()} oninput={text_input(&id)} aria-describedby="new-entity-id-hint" />
                    <p class="field-hint" id="new-entity-id-hint">{ "Lower-case letters, digits and - . _; used in links." }</p>
                </div>
                <FieldProblem field="new-entity" />
                <div class="dialog-actions">
                    <button type="submit" class="primary">{ "Create" }</button>
                    <button type="button" onclick={cancel}>{ "Cancel" }</button>
                </div>
            </form>
        </Dialog>
    }
}
