//! Between the editor and the viewer, which live in two WebAssembly modules: window
//! events carry each changed article to the viewer, and the editor's own page-wide
//! behaviour (the leave warning, the undo keys, the panel's actions) sits here.

use super::state::{EditorAction, EditorState};
use super::use_editing;
use crate::browser;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Fired on `window` with `{article, of}` (the article's JSON and what it is a copy of)
/// after every change the author makes.
pub const CHANGE_EVENT: &str = "briefing-editor-change";
/// Fired on `window` when the author closes the editor.
pub const DONE_EVENT: &str = "briefing-editor-done";

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn fire(name: &str, detail: &JsValue) {
    let Some(window) = window() else { return };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// Marks the page as editing (`data-editing` on `<html>`), which makes room for the
/// panel beside the viewer.
pub fn mark_page_editing(on: bool) {
    let Some(root) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    if on {
        let _ = root.set_attribute("data-editing", "");
    } else {
        let _ = root.remove_attribute("data-editing");
    }
}

/// Articles whose JSON is longer than this reach the viewer a moment after the last
/// keystroke rather than with each one: the viewer reads and analyses the whole article
/// again, which at a few megabytes takes longer than the gap between keys.
const SEND_AT_ONCE_BYTES: usize = 200_000;
const SEND_DELAY_MS: u32 = 250;

fn send_to_viewer(json: String, of: &str) {
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"article".into(), &json.into());
    let _ = js_sys::Reflect::set(&detail, &"of".into(), &of.into());
    fire(CHANGE_EVENT, &detail);
}

/// Sends every changed article to the viewer (a long one once typing pauses). An article
/// the viewer handed over itself (nothing unsaved) is not sent back.
#[hook]
pub fn use_article_to_viewer(state: UseReducerHandle<EditorState>) {
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    use_effect_with(state.revision, move |_| {
        if !state.unsaved {
            return;
        }
        let Ok(json) = serde_json::to_string(state.article()) else {
            return;
        };
        let of = state.base_label.clone();
        // Replacing the timer cancels the send it would have made.
        *pending.borrow_mut() = if json.len() <= SEND_AT_ONCE_BYTES {
            send_to_viewer(json, &of);
            None
        } else {
            Some(gloo::timers::callback::Timeout::new(
                SEND_DELAY_MS,
                move || send_to_viewer(json, &of),
            ))
        };
    });
}

/// While there are unsaved changes, leaving the page asks first.
#[hook]
pub fn use_leave_warning(unsaved: bool) {
    use_effect_with(unsaved, move |unsaved| {
        let listener = (*unsaved).then(window).flatten().map(|window| {
            gloo::events::EventListener::new_with_options(
                &window,
                "beforeunload",
                gloo::events::EventListenerOptions::enable_prevent_default(),
                |event| {
                    event.prevent_default();
                    if let Some(event) = event.dyn_ref::<web_sys::BeforeUnloadEvent>() {
                        event.set_return_value("");
                    }
                },
            )
        });
        move || drop(listener)
    });
}

/// True when `target` is a text field outside the editor (the viewer's search box),
/// whose own undo keys the editor leaves alone.
fn is_field_outside_editor(target: Option<web_sys::EventTarget>) -> bool {
    let Some(element) = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else {
        return false;
    };
    matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA")
        && element
            .closest(&format!("#{}", super::HOST_ID))
            .ok()
            .flatten()
            .is_none()
}

/// True while the editor's panel is closed (or not there).
pub fn editor_hidden() -> bool {
    window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(super::HOST_ID))
        .is_none_or(|host| host.has_attribute("hidden"))
}

fn click_save() {
    if let Some(save) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(SAVE_ID))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        save.click();
    }
}

const SAVE_ID: &str = "editor-save";

/// Ctrl+Z (⌘Z) undoes, Shift+Ctrl+Z (⇧⌘Z) and Ctrl+Y redo, anywhere but in the
/// viewer's own text fields, while the editor is open; Ctrl+S (⌘S) saves.
#[hook]
pub fn use_editor_keys(dispatch: Callback<EditorAction>) {
    use_effect_with((), move |_| {
        let listener = on_page_keys(move |key| {
            if !(key.ctrl_key() || key.meta_key()) || key.alt_key() || editor_hidden() {
                return;
            }
            let action = match key.key().to_lowercase().as_str() {
                "z" if key.shift_key() => EditorAction::Redo,
                "z" => EditorAction::Undo,
                "y" if !key.shift_key() => EditorAction::Redo,
                "s" if !key.shift_key() => {
                    // The browser would save the page; the author means the article.
                    key.prevent_default();
                    click_save();
                    return;
                }
                _ => return,
            };
            if is_field_outside_editor(key.target()) {
                return;
            }
            key.prevent_default();
            dispatch.emit(action);
        });
        move || drop(listener)
    });
}

/// Calls `on_key` for every key pressed in the page, which may prevent its default (gloo's
/// listeners are passive unless told); dropping the listener stops it.
pub fn on_page_keys(
    mut on_key: impl FnMut(&web_sys::KeyboardEvent) + 'static,
) -> Option<gloo::events::EventListener> {
    let document = window()?.document()?;
    Some(gloo::events::EventListener::new_with_options(
        &document,
        "keydown",
        gloo::events::EventListenerOptions::enable_prevent_default(),
        move |event| {
            if let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() {
                on_key(key);
            }
        },
    ))
}

/// Closes the panel; the viewer keeps showing the author's copy.
fn close_editor() {
    if let Some(host) = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(super::HOST_ID))
    {
        let _ = host.set_attribute("hidden", "");
    }
    mark_page_editing(false);
    fire(DONE_EVENT, &JsValue::NULL);
}

/// Undo, redo, save, copy and done.
#[component]
pub fn EditorActions() -> Html {
    let editing = use_editing();
    let state = &editing.state;
    let draft = &state.draft;
    let undo = {
        let dispatch = editing.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(EditorAction::Undo))
    };
    let redo = {
        let dispatch = editing.dispatch.clone();
        Callback::from(move |_: MouseEvent| dispatch.emit(EditorAction::Redo))
    };
    let file_name = format!("{}.json", state.article().id);
    let save = {
        let (editing, file_name) = (editing.clone(), file_name.clone());
        Callback::from(move |_: MouseEvent| {
            let json = editing.state.draft.save();
            let action = match browser::download(&file_name, "application/json", &json) {
                Ok(()) => EditorAction::Saved(format!("Saved as {file_name}")),
                Err(reason) => EditorAction::Tell(format!("Could not save: {reason}.")),
            };
            editing.dispatch.emit(action);
        })
    };
    let copy = {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| {
            let (json, dispatch) = (editing.state.draft.save(), editing.dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                dispatch.emit(match browser::copy_text(&json).await {
                    Ok(()) => EditorAction::Saved("Copied the article’s JSON".to_owned()),
                    Err(reason) => EditorAction::Tell(format!("Could not copy: {reason}.")),
                });
            });
        })
    };
    let problems = state.problems.len();
    let save_label = match problems {
        0 => "Save".to_owned(),
        1 => "Save (1 problem)".to_owned(),
        n => format!("Save ({n} problems)"),
    };
    let undo_hint = draft.next_undo().map_or_else(
        || "Nothing to undo".to_owned(),
        |(_, s)| format!("Undo: {s}"),
    );
    let redo_hint = draft.next_redo().map_or_else(
        || "Nothing to redo".to_owned(),
        |(_, s)| format!("Redo: {s}"),
    );
    html! {
        <div class="editor-actions">
            <button type="button" onclick={undo} disabled={draft.undo_depth() == 0} title={undo_hint.clone()} aria-keyshortcuts="Control+Z Meta+Z">{ "Undo" }</button>
            <button type="button" onclick={redo} disabled={draft.redo_depth() == 0} title={redo_hint} aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y">{ "Redo" }</button>
            <button type="button" id={SAVE_ID} class="primary" onclick={save} aria-keyshortcuts="Control+S Meta+S" aria-describedby={(problems > 0).then_some("editor-save-note")}>{ save_label }</button>
            <button type="button" onclick={copy}>{ "Copy JSON" }</button>
            <button type="button" onclick={Callback::from(|_: MouseEvent| close_editor())}>{ "Done" }</button>
            if problems > 0 {
                <p id="editor-save-note" class="editor-note">{ "A field with a problem keeps its last valid value in the saved file." }</p>
            }
            if state.unsaved {
                <p class="editor-note">{ format!("Not saved: “Save” downloads {file_name}.") }</p>
            }
            <p class="editor-note" role={matches!(state.kept, Some(Err(_))).then_some("alert")}>
                { match &state.kept {
                    Some(Ok(())) => "Your changes are kept in this browser as you make them.".to_owned(),
                    Some(Err(reason)) => format!("This browser did not keep your changes ({reason}). They are here until you leave the page: save them."),
                    None => String::new(),
                } }
            </p>
        </div>
    }
}
