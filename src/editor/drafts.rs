//! Drafts kept in the browser's local storage, one per article id, written a moment
//! after each change, and offered back when the editor opens again (after a reload or
//! a crash). A full quota or storage turned off is said, and the draft stays in memory.

use super::dialog::Dialog;
use super::state::{EditorAction, EditorState};
use super::use_editing;
use crate::model::Article;
use serde::{Deserialize, Serialize};
use yew::prelude::*;

/// Keys: the article's JSON under `DRAFT_PREFIX + id`, what it is under `INFO_PREFIX + id`.
const DRAFT_PREFIX: &str = "briefing-draft:";
const INFO_PREFIX: &str = "briefing-draft-info:";

/// How long after a change the draft is written: a run of typing is written once.
const WRITE_DELAY_MS: u32 = 400;

/// What the list of kept drafts shows without reading the articles.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct DraftInfo {
    id: String,
    title: String,
    /// What the draft is a copy of.
    of: String,
    /// When it was written, as the browser's clock gave it (ms since 1970).
    kept_at: f64,
}

fn storage() -> Result<web_sys::Storage, String> {
    web_sys::window()
        .ok_or("no window")?
        .local_storage()
        .map_err(|_| "storage is turned off for this page".to_owned())?
        .ok_or_else(|| "this browser offers no storage here".to_owned())
}

fn keep(article: &Article, of: &str) -> Result<(), String> {
    let storage = storage()?;
    let json = serde_json::to_string(article).map_err(|e| e.to_string())?;
    let info = DraftInfo {
        id: article.id.clone(),
        title: article.title.clone(),
        of: of.to_owned(),
        kept_at: js_sys::Date::now(),
    };
    let info = serde_json::to_string(&info).map_err(|e| e.to_string())?;
    let refused = |_| "the browser’s storage is full or refused it".to_owned();
    storage
        .set_item(&format!("{DRAFT_PREFIX}{}", article.id), &json)
        .map_err(refused)?;
    storage
        .set_item(&format!("{INFO_PREFIX}{}", article.id), &info)
        .map_err(refused)
}

fn kept_drafts() -> Vec<DraftInfo> {
    let Ok(storage) = storage() else {
        return Vec::new();
    };
    let count = storage.length().unwrap_or(0);
    let mut drafts: Vec<DraftInfo> = (0..count)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| key.starts_with(INFO_PREFIX))
        .filter_map(|key| storage.get_item(&key).ok().flatten())
        .filter_map(|info| serde_json::from_str(&info).ok())
        .collect();
    drafts.sort_by(|a, b| b.kept_at.total_cmp(&a.kept_at));
    drafts
}

fn load(id: &str) -> Result<Article, String> {
    let json = storage()?
        .get_item(&format!("{DRAFT_PREFIX}{id}"))
        .ok()
        .flatten()
        .ok_or("the draft is no longer kept")?;
    crate::validate::load_article(&json).map_err(|e| e.to_string())
}

fn discard(id: &str) {
    if let Ok(storage) = storage() {
        let _ = storage.remove_item(&format!("{DRAFT_PREFIX}{id}"));
        let _ = storage.remove_item(&format!("{INFO_PREFIX}{id}"));
    }
}

/// Writes the draft a moment after each change the author makes.
#[hook]
pub fn use_kept_draft(state: UseReducerHandle<EditorState>, dispatch: Callback<EditorAction>) {
    let pending = use_mut_ref(|| None::<gloo::timers::callback::Timeout>);
    use_effect_with(state.revision, move |_| {
        if state.unsaved {
            // Replacing the timer cancels the write it would have made.
            *pending.borrow_mut() = Some(gloo::timers::callback::Timeout::new(
                WRITE_DELAY_MS,
                move || dispatch.emit(EditorAction::Kept(keep(state.article(), &state.base_label))),
            ));
        }
    });
}

fn when(kept_at: f64) -> String {
    let date = js_sys::Date::new(&kept_at.into());
    String::from(date.to_locale_string("en-GB", &wasm_bindgen::JsValue::UNDEFINED))
}

/// On opening, the drafts this browser keeps (other than the article as it is on
/// screen), each to restore or discard.
#[component]
pub fn KeptDrafts() -> Html {
    let editing = use_editing();
    let offered = use_state(|| {
        let current = serde_json::to_string(editing.article()).unwrap_or_default();
        kept_drafts()
            .into_iter()
            .filter(|info| {
                storage()
                    .ok()
                    .and_then(|s| {
                        s.get_item(&format!("{DRAFT_PREFIX}{}", info.id))
                            .ok()
                            .flatten()
                    })
                    .is_some_and(|json| json != current)
            })
            .collect::<Vec<_>>()
    });
    let close = {
        let offered = offered.clone();
        Callback::from(move |()| offered.set(Vec::new()))
    };
    let restore = |info: &DraftInfo| {
        let (editing, offered, info) = (editing.clone(), offered.clone(), info.clone());
        Callback::from(move |_: MouseEvent| {
            let action = match load(&info.id) {
                Ok(article) => EditorAction::Replace {
                    article: Box::new(article),
                    base_label: info.of.clone(),
                    unsaved: true,
                },
                Err(reason) => {
                    EditorAction::Tell(format!("Could not restore the draft: {reason}."))
                }
            };
            editing.dispatch.emit(action);
            offered.set(Vec::new());
        })
    };
    let remove = |info: &DraftInfo| {
        let (offered, id) = (offered.clone(), info.id.clone());
        Callback::from(move |_: MouseEvent| {
            discard(&id);
            offered.set(offered.iter().filter(|d| d.id != id).cloned().collect());
        })
    };
    let not_now = {
        let close = close.clone();
        Callback::from(move |_: MouseEvent| close.emit(()))
    };
    html! {
        <Dialog id="kept-drafts-dialog" open={!offered.is_empty()} title="Drafts kept in this browser" on_close={close}>
            <p>{ "Changes you made before are kept here. Restore one to go on editing it, or discard it." }</p>
            <ul class="kept-drafts">
                { for offered.iter().map(|info| html! {
                    <li key={info.id.clone()}>
                        <p><strong>{ &info.title }</strong>{ format!(" — your copy of {}, kept {}", info.of, when(info.kept_at)) }</p>
                        <button type="button" class="primary" onclick={restore(info)}>{ format!("Restore “{}”", crate::text::shorten(&info.title, 40)) }</button>
                        <button type="button" onclick={remove(info)}>{ "Discard" }</button>
                    </li>
                }) }
            </ul>
            <div class="dialog-actions">
                <button type="button" onclick={not_now}>{ "Not now" }</button>
            </div>
        </Dialog>
    }
}
