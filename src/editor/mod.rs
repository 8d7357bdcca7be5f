//! Author mode: correcting what the converter suggested, adding what it missed, and
//! saving the article, in a panel beside the viewer.
//!
//! The editor is a Yew app of its own in a third WebAssembly module
//! (`src/bin/briefing-editor.rs`), loaded the first time an author presses "Edit", so a
//! reader never downloads it. It renders into an `<aside>` it adds to the page, outside
//! the viewer's root, and talks to the viewer in article JSON ([`bridge`]): the viewer
//! hands it the article on screen, and it hands back every changed article, which the
//! viewer checks and shows as the author's copy. Each change is an [`crate::edit::Edit`]
//! applied to a [`crate::edit::Draft`] ([`state`]), kept in the browser as it is made
//! ([`drafts`]).

pub mod bridge;
mod dialog;
mod drafts;
mod entities;
mod events;
mod fields;
mod metadata;
mod provenance;
mod sections;
mod selection;
pub mod state;
mod suggestions;

use crate::model::Article;
use state::{EditorAction, EditorState};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The editor's state and the way to change it, for every part of the panel.
#[derive(Clone)]
pub struct Editing {
    pub state: UseReducerHandle<EditorState>,
    pub dispatch: Callback<EditorAction>,
}

impl PartialEq for Editing {
    fn eq(&self, other: &Self) -> bool {
        // The same state, not an equal one: each change makes a new one.
        std::ptr::eq(&*self.state, &*other.state) && self.dispatch == other.dispatch
    }
}

impl Editing {
    pub fn article(&self) -> &Article {
        self.state.article()
    }

    /// Sends an edit from a button or a choice; a refusal shows at `field`.
    pub fn apply(&self, edit: crate::edit::Edit, field: impl Into<String>) {
        self.dispatch.emit(EditorAction::Apply {
            edit,
            field: field.into(),
        });
    }

    /// Sends an edit typed into the field `field`.
    pub fn typed(&self, edit: crate::edit::Edit, field: impl Into<String>) {
        self.dispatch.emit(EditorAction::Type {
            edit,
            field: field.into(),
        });
    }
}

/// Use in the panel's components: the editor's state and dispatch.
#[hook]
pub fn use_editing() -> Editing {
    use_context::<Editing>().expect("editor components sit inside the editor")
}

/// What the viewer asked the editor to edit: an article and what it is a copy of.
#[derive(Clone, PartialEq)]
pub struct Start {
    pub article: Rc<Article>,
    pub base_label: String,
    /// Changes with every request, so the same article asked for again is taken again.
    pub serial: u32,
}

#[derive(Properties, PartialEq)]
pub struct EditorProps {
    pub start: Start,
}

impl Reducible for EditorState {
    type Action = EditorAction;

    fn reduce(self: Rc<Self>, action: EditorAction) -> Rc<Self> {
        Rc::new((*self).clone().apply(action))
    }
}

/// The editor's panel: its actions, the selection in the text, and the parts of the
/// article to correct.
#[component]
pub fn EditorPanel(props: &EditorProps) -> Html {
    let start = &props.start;
    let state = use_reducer({
        let start = start.clone();
        move || {
            EditorState::new((*start.article).clone(), start.base_label.clone())
                .expect("the viewer hands over only valid articles")
        }
    });
    {
        // Another article to edit, asked for while the panel is open.
        let (dispatch, shown) = (state.dispatcher(), state.clone());
        use_effect_with(start.clone(), move |start| {
            // The same article again (Edit pressed after Done) keeps the history.
            if start.serial > 0 && *start.article != *shown.article() {
                dispatch.dispatch(EditorAction::Replace {
                    article: Box::new((*start.article).clone()),
                    base_label: start.base_label.clone(),
                    unsaved: false,
                });
            }
        });
    }
    let editing = Editing {
        state: state.clone(),
        dispatch: {
            let dispatcher = state.dispatcher();
            Callback::from(move |action| dispatcher.dispatch(action))
        },
    };
    bridge::use_article_to_viewer(editing.state.clone());
    drafts::use_kept_draft(editing.state.clone(), editing.dispatch.clone());
    bridge::use_leave_warning(editing.state.unsaved);
    bridge::use_editor_keys(editing.dispatch.clone());
    let article = editing.article();
    let suggested = article.entities.iter().filter(|e| e.suggested).count()
        + article.events.iter().filter(|e| e.suggested).count();
    html! {
        <ContextProvider<Editing> context={editing.clone()}>
            <header class="editor-head">
                <h2 id="editor-title" tabindex="-1">{ "Editing" }</h2>
                <p class="editor-of">{ format!("Your copy of {}", editing.state.base_label) }</p>
                <bridge::EditorActions />
                <p class="editor-status" role="status">
                    if let Some(status) = &editing.state.status {
                        { status }
                    }
                </p>
            </header>
            <drafts::KeptDrafts />
            <selection::SelectionTools />
            <details class="editor-part" open={suggested > 0}>
                <summary>{ format!("Suggestions to check ({suggested})") }</summary>
                <suggestions::SuggestionsPart />
            </details>
            <details class="editor-part">
                <summary id="entities-part">{ format!("Entities ({})", article.entities.len()) }</summary>
                <entities::EntitiesPart />
            </details>
            <details class="editor-part">
                <summary>{ format!("Events ({})", article.events.len()) }</summary>
                <events::EventsPart />
            </details>
            <details class="editor-part">
                <summary>{ format!("Sections ({})", article.sections.len()) }</summary>
                <sections::SectionsPart />
            </details>
            <details class="editor-part">
                <summary>{ "Title, site and dates" }</summary>
                <metadata::MetadataPart />
            </details>
        </ContextProvider<Editing>>
    }
}

/// The id of the element the editor renders into.
pub const HOST_ID: &str = "briefing-editor";

thread_local! {
    static APP: RefCell<Option<(yew::AppHandle<EditorPanel>, u32)>> = const { RefCell::new(None) };
}

/// Opens the editor on an article (JSON, as the viewer holds it), described as
/// `base_label` ("the file “story.txt”"). Called again, it shows the panel again, and
/// takes the article when it is another one.
///
/// # Errors
/// When the article is not valid, or the page has no document.
pub fn open(article_json: &str, base_label: &str) -> Result<(), String> {
    let article = crate::validate::load_article(article_json).map_err(|e| e.to_string())?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let host = match document.get_element_by_id(HOST_ID) {
        Some(host) => host,
        None => {
            let host = document
                .create_element("aside")
                .map_err(|_| "could not add the editor")?;
            host.set_id(HOST_ID);
            host.set_class_name("editor");
            let _ = host.set_attribute("aria-labelledby", "editor-title");
            document
                .body()
                .ok_or("no body")?
                .append_child(&host)
                .map_err(|_| "could not add the editor")?;
            host
        }
    };
    let _ = host.remove_attribute("hidden");
    bridge::mark_page_editing(true);
    // The panel sits after the whole viewer in the page: focus goes to it, so that a
    // keyboard does not have to cross the article to reach it.
    fields::focus_when_rendered("editor-title".to_owned());
    APP.with(|app| {
        let mut app = app.borrow_mut();
        match app.as_mut() {
            Some((handle, serial)) => {
                *serial += 1;
                let start = Start {
                    article: Rc::new(article),
                    base_label: base_label.to_owned(),
                    serial: *serial,
                };
                handle.update(EditorProps { start });
            }
            None => {
                let start = Start {
                    article: Rc::new(article),
                    base_label: base_label.to_owned(),
                    serial: 0,
                };
                *app = Some((
                    yew::Renderer::<EditorPanel>::with_root_and_props(host, EditorProps { start })
                        .render(),
                    0,
                ));
            }
        }
    });
    Ok(())
}
