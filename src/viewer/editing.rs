//! Author mode from the viewer's side: the "Edit" button and `?edit` open the editor
//! module (loaded then, see [`crate::editor_client`]) on the article on screen, and each
//! change the author makes there comes back as an article, shown as the author's copy.

use super::opening::{OpenStatus, Opening, Shown};
use crate::browser;
use crate::editor::bridge::{CHANGE_EVENT, DONE_EVENT};
use crate::editor_client;
use crate::options::{query_with_edit, Host, ViewerOptions};
use crate::trust::Source;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub struct EditMode {
    /// The editor is open.
    pub active: bool,
    /// Opens it ("Edit").
    pub on_edit: Callback<MouseEvent>,
}

fn detail_text(event: &web_sys::Event, name: &str) -> Option<String> {
    let detail = event.dyn_ref::<web_sys::CustomEvent>()?.detail();
    js_sys::Reflect::get(&detail, &name.into())
        .ok()?
        .as_string()
}

/// Ends edit mode: "Edit" shows again, and the address no longer names it.
fn leave_edit_mode(active: UseStateHandle<bool>) -> impl Fn() {
    move || {
        active.set(false);
        browser::set_query(&query_with_edit(&browser::current_query(), false), true);
    }
}

/// Edit mode for the page's viewer (never inside another page or a frame).
#[hook]
pub fn use_edit_mode(options: &ViewerOptions, opening: &Opening) -> EditMode {
    let on_page = options.host == Host::Page;
    let active = use_state_eq(|| on_page && options.edit);
    let asked = use_state_eq(|| 0u32);
    {
        // The author's changes, and the end of editing.
        let (shown, status, active) = (
            opening.shown.clone(),
            opening.status.clone(),
            active.clone(),
        );
        use_effect_with(on_page, move |on_page| {
            let window = web_sys::window().filter(|_| *on_page);
            let listeners = window.map(|window| {
                let changed =
                    gloo::events::EventListener::new(&window, CHANGE_EVENT, move |event| {
                        let (Some(json), Some(of)) =
                            (detail_text(event, "article"), detail_text(event, "of"))
                        else {
                            return;
                        };
                        match crate::validate::load_article(&json) {
                            Ok(article) => shown.set(Some(Shown::draft(article, of))),
                            Err(error) => status.set(OpenStatus::Failed(format!(
                                "The editor’s change could not be shown: {error}"
                            ))),
                        }
                    });
                let leave = leave_edit_mode(active);
                let done = gloo::events::EventListener::new(&window, DONE_EVENT, move |_| leave());
                (changed, done)
            });
            move || drop(listeners)
        });
    }
    {
        // Opens the editor when edit mode starts, and on another article opened while it
        // is on (the author's own changes are the editor's already).
        let (shown, status, failed) = (
            (*opening.shown).clone(),
            opening.status.clone(),
            leave_edit_mode(active.clone()),
        );
        let opened_elsewhere = shown
            .as_ref()
            .filter(|s| !matches!(s.source, Source::Draft(_)))
            .map(|s| Rc::as_ptr(&s.document.0) as usize);
        use_effect_with(
            (*active, *asked, opened_elsewhere),
            move |(active, _, _)| {
                let Some(shown) = shown.filter(|_| *active) else {
                    return;
                };
                // Without an editor the page leaves edit mode, so "Edit" can be tried again.
                let fail = {
                    let status = status.clone();
                    move |message: String| {
                        status.set(OpenStatus::Failed(message));
                        failed();
                    }
                };
                if !editor_client::is_available() {
                    fail("This one-file copy of Briefing has no editor: open Briefing from its site to edit.".to_owned());
                    return;
                }
                let Ok(json) = serde_json::to_string(&shown.document.article) else {
                    return;
                };
                let described = shown.source.described();
                status.set(OpenStatus::Opening("Opening the editor…".to_owned()));
                wasm_bindgen_futures::spawn_local(async move {
                    match editor_client::open(&json, &described).await {
                        Ok(()) => status.set(OpenStatus::Idle),
                        Err(message) => fail(message),
                    }
                });
            },
        );
    }
    let on_edit = {
        let (active, asked) = (active.clone(), asked.clone());
        Callback::from(move |_: MouseEvent| {
            active.set(true);
            asked.set(*asked + 1);
            browser::set_query(&query_with_edit(&browser::current_query(), true), true);
        })
    };
    EditMode {
        active: *active,
        on_edit,
    }
}
