//! The few places the viewer touches the browser directly: storage, scrolling and focus,
//! the reduced-motion setting, and showing a panic on the page.

use crate::link::ViewLink;
use crate::settings::ReadingSettings;
use crate::source::{article_from_text, classify_file, FileContent, OpenError, Opened};
use crate::tools::{ToolRequest, ToolResponse};
use crate::validate::MAX_ARTICLE_BYTES;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

fn open_sections_key(article_id: &str) -> String {
    format!("briefing.open-sections.{article_id}")
}

/// The page's local storage, if the browser lets the viewer have it: it may refuse
/// (private modes, a third-party iframe, `file://`), and the viewer then simply forgets
/// between visits, which is better than failing.
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Section ids the reader left open last time, if the browser remembers any.
pub fn load_open_sections(article_id: &str) -> Option<Vec<String>> {
    let stored = local_storage()?
        .get_item(&open_sections_key(article_id))
        .ok()??;
    serde_json::from_str(&stored).ok()
}

/// Remembers open sections, where storage is allowed.
pub fn save_open_sections(article_id: &str, open: &[String]) {
    if let (Some(storage), Ok(value)) = (local_storage(), serde_json::to_string(open)) {
        let _ = storage.set_item(&open_sections_key(article_id), &value);
    }
}

const SETTINGS_KEY: &str = "briefing.reading-settings";

/// The reader's display settings from the last visit, or the defaults.
pub fn load_settings() -> ReadingSettings {
    local_storage()
        .and_then(|storage| storage.get_item(SETTINGS_KEY).ok().flatten())
        .map(|json| ReadingSettings::from_json(&json))
        .unwrap_or_default()
}

pub fn save_settings(settings: &ReadingSettings) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(SETTINGS_KEY, &settings.to_json());
    }
}

/// Puts the theme on the page's root element, so the whole page takes its colours.
pub fn set_page_theme(theme: &str) {
    if let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = root.set_attribute("data-theme", theme);
    }
}

/// Calls `on_slash` when the reader presses "/" outside a text field, and keeps the
/// browser from typing it; dropping the listener stops it.
pub fn on_slash_key(on_slash: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let document = web_sys::window()?.document()?;
    let options = gloo::events::EventListenerOptions::enable_prevent_default();
    Some(gloo::events::EventListener::new_with_options(
        &document,
        "keydown",
        options,
        move |event| {
            let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let typing = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| {
                    matches!(t.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                        || t.closest("[contenteditable]").ok().flatten().is_some()
                });
            if key.key() == "/" && !typing && !key.ctrl_key() && !key.meta_key() && !key.alt_key() {
                event.prevent_default();
                on_slash();
            }
        },
    ))
}

/// Copies the full address of a deep link (this page with the link's query).
pub async fn copy_link(link: &ViewLink) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let location = window.location();
    let base = format!(
        "{}{}",
        location.origin().map_err(|_| "no address")?,
        location.pathname().map_err(|_| "no address")?
    );
    let url = format!("{base}{}", link.merge_into(&current_query()));
    let promise = window.navigator().clipboard().write_text(&url);
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| "the browser refused access to the clipboard".to_owned())
}

/// Offers `content` as a file download named `file_name`.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not prepare the file")?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)
        .map_err(|_| "could not prepare the file")?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "could not start the download")?
        .unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoked once the click has been handled; revoking at once can cancel the download.
    gloo::timers::callback::Timeout::new(0, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

pub fn prefers_reduced_motion() -> bool {
    web_sys::window()
        .and_then(|w| {
            w.match_media("(prefers-reduced-motion: reduce)")
                .ok()
                .flatten()
        })
        .is_some_and(|query| query.matches())
}

/// Scrolls an element to the middle of the view, smoothly unless the reader asked
/// for reduced motion, and optionally moves keyboard focus to it.
pub fn bring_into_view(container: &web_sys::Element, element_id: &str, move_focus: bool) {
    let selector = format!("#{}", web_sys::css::escape(element_id));
    let Some(element) = container.query_selector(&selector).ok().flatten() else {
        return;
    };
    let options = ScrollIntoViewOptions::new();
    options.set_block(ScrollLogicalPosition::Center);
    options.set_behavior(if prefers_reduced_motion() {
        ScrollBehavior::Instant
    } else {
        ScrollBehavior::Smooth
    });
    element.scroll_into_view_with_scroll_into_view_options(&options);
    if move_focus {
        if let Ok(html) = element.dyn_into::<HtmlElement>() {
            let focus = web_sys::FocusOptions::new();
            focus.set_prevent_scroll(true);
            let _ = html.focus_with_options(&focus);
        }
    }
}

/// The page's query string, `""` or starting with `?`.
pub fn current_query() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Puts a new query string in the address bar: a new history entry that Back undoes,
/// or (`replace`) a correction of the current one.
pub fn set_query(query: &str, replace: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let path = window.location().pathname().unwrap_or_default();
    let url = format!("{path}{query}");
    let _ = if replace {
        history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    } else {
        history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
    };
}

/// Calls `on_change` when the reader goes Back or Forward; dropping the listener stops it.
pub fn on_history_change(on_change: impl Fn() + 'static) -> Option<gloo::events::EventListener> {
    let window = web_sys::window()?;
    Some(gloo::events::EventListener::new(
        &window,
        "popstate",
        move |_| on_change(),
    ))
}

/// Fetches an article over HTTP, refusing failures, error statuses and oversized bodies.
pub async fn fetch_article(url: &str) -> Result<crate::model::Article, OpenError> {
    let response = gloo_net::http::Request::get(url)
        .send()
        .await
        .map_err(|error| OpenError::Network {
            url: url.to_owned(),
            detail: error.to_string(),
        })?;
    if !response.ok() {
        return Err(OpenError::Http {
            url: url.to_owned(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|length| length.parse::<usize>().ok());
    if let Some(size) = declared.filter(|&size| size > MAX_ARTICLE_BYTES) {
        return Err(OpenError::TooLarge {
            size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let text = response.text().await.map_err(|error| OpenError::Network {
        url: url.to_owned(),
        detail: error.to_string(),
    })?;
    article_from_text(&text)
}

/// Posts the height of an element to the parent page whenever it changes, as
/// `{ type: "briefing:height", height }`, so a host page can size an iframe to fit.
/// Stops when dropped.
pub struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _on_resize: wasm_bindgen::closure::Closure<dyn FnMut()>,
}

impl HeightReporter {
    pub fn start(element: &web_sys::Element) -> Option<Self> {
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten()?;
        let measured = element.clone();
        let on_resize = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
            // The content's own bottom edge, not the document's scroll height, which
            // never drops below the frame's current height and so could only grow.
            let scrolled = window.scroll_y().unwrap_or(0.0);
            let height = (measured.get_bounding_client_rect().bottom() + scrolled).ceil();
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"briefing:height".into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            // Only a height is sent, so any parent may read it; the host checks our origin.
            let _ = parent.post_message(&message, "*");
        });
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        Some(HeightReporter {
            observer,
            _on_resize: on_resize,
        })
    }
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Reads a file the reader chose or dropped and opens it as an article.
pub async fn read_article_file(file: &web_sys::File) -> Result<Opened, OpenError> {
    let size = file.size() as usize;
    if size > MAX_ARTICLE_BYTES {
        return Err(OpenError::TooLarge {
            size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    let blob = gloo::file::Blob::from(web_sys::Blob::from(file.clone()));
    let bytes = gloo::file::futures::read_as_bytes(&blob)
        .await
        .map_err(|error| OpenError::Read {
            name: file.name(),
            detail: error.to_string(),
        })?;
    match classify_file(&file.name(), &bytes)? {
        FileContent::Json(json) => Ok(Opened {
            article: article_from_text(json)?,
            notes: Vec::new(),
        }),
        // The converter lives in the tools module, loaded now if this is its first use.
        FileContent::Text { id, text } => {
            let request = ToolRequest::Convert {
                id,
                text: text.to_owned(),
            };
            match crate::tools_client::run(request).await {
                Ok(ToolResponse::Converted {
                    article_json,
                    notes,
                }) => Ok(Opened {
                    article: article_from_text(&article_json)?,
                    notes,
                }),
                Ok(ToolResponse::Failed(reason)) => Err(OpenError::Convert(reason)),
                Ok(ToolResponse::File(_)) => Err(OpenError::Convert(
                    "the tools answered with a file instead of an article".to_owned(),
                )),
                Err(reason) => Err(OpenError::Tools(reason)),
            }
        }
    }
}

/// Shows a panic as a message at the top of the page, so the reader is not left with
/// a frozen page and no word of what happened.
pub fn show_fatal_error(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = document.body() else { return };
    if let Ok(alert) = document.create_element("div") {
        alert.set_id("fatal-error");
        alert.set_class_name("fatal-error");
        let _ = alert.set_attribute("role", "alert");
        alert.set_text_content(Some(&format!(
            "Briefing stopped because of an internal error, and the page no longer responds. \
             Reload the page to start again. Details: {message}"
        )));
        let _ = body.prepend_with_node_1(&alert);
    }
}
