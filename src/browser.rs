//! The few places the viewer touches the browser directly: storage, scrolling and focus,
//! the reduced-motion setting, and showing a panic on the page.

use crate::link::ViewLink;
use crate::options::{Host, ParentOrigin};
use crate::remember;
use crate::settings::ReadingSettings;
use crate::source::{article_from_text, classify_file, FileContent, OpenError, Opened};
use crate::tools::{ToolRequest, ToolResponse};
use crate::trust::ArticleUrl;
use crate::validate::MAX_ARTICLE_BYTES;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ScrollBehavior, ScrollIntoViewOptions, ScrollLogicalPosition};

/// The page's local storage, if the browser lets the viewer have it: it may refuse
/// (private modes, a third-party iframe, `file://`), and the viewer then simply forgets
/// between visits, which is better than failing. (Through `web_sys` on purpose: gloo's
/// storage throws where storage is refused.)
fn local_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Section ids the reader left open last time in the article `name`
/// ([`remember::article_name`]), if the browser remembers any.
pub fn load_open_sections(host: Host, name: &str) -> Option<Vec<String>> {
    let stored = local_storage()?
        .get_item(&remember::open_sections_key(host, name))
        .ok()??;
    remember::decode_open_sections(&stored)
}

/// Remembers open sections, where storage is allowed and the value is small enough,
/// and forgets the articles used longest ago.
pub fn save_open_sections(host: Host, name: &str, open: &[String]) {
    let Some(storage) = local_storage() else {
        return;
    };
    let key = remember::open_sections_key(host, name);
    let Some(value) = remember::encode_open_sections(open) else {
        let _ = storage.remove_item(&key);
        return;
    };
    let _ = storage.set_item(&key, &value);
    let recent_key = remember::recent_key(host);
    let recent = storage.get_item(&recent_key).ok().flatten();
    let (recent, dropped) = remember::touch(recent.as_deref(), name);
    let _ = storage.set_item(&recent_key, &recent);
    for old in dropped {
        let _ = storage.remove_item(&remember::open_sections_key(host, &old));
    }
    // Keys of earlier versions, one per article id and unbounded, go too (on the
    // viewer's own site only: a host page's keys are not the viewer's to judge).
    if host != Host::Element {
        let legacy: Vec<String> = (0..storage.length().unwrap_or(0))
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|key| remember::is_legacy_key(key))
            .collect();
        for key in legacy {
            let _ = storage.remove_item(&key);
        }
    }
}

/// The reader's display settings from the last visit, or the defaults.
pub fn load_settings(host: Host) -> ReadingSettings {
    local_storage()
        .and_then(|storage| {
            storage
                .get_item(&remember::settings_key(host))
                .ok()
                .flatten()
        })
        .filter(|json| json.len() <= remember::MAX_VALUE_BYTES)
        .map(|json| ReadingSettings::from_json(&json))
        .unwrap_or_default()
}

pub fn save_settings(host: Host, settings: &ReadingSettings) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(&remember::settings_key(host), &settings.to_json());
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
    copy_text(&format!("{base}{}", link.merge_into(&current_query()))).await
}

/// Puts `text` on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let promise = window.navigator().clipboard().write_text(text);
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

/// `address` (from `?article=` or an element's attribute) as the browser parses it,
/// relative to the page; `None` when it is not a valid URL.
pub fn parse_article_url(address: &str) -> Option<ArticleUrl> {
    let base = web_sys::window()?.location().href().ok()?;
    let url = web_sys::Url::new_with_base(address, &base).ok()?;
    if !matches!(url.protocol().as_str(), "http:" | "https:") {
        return None;
    }
    Some(ArticleUrl {
        href: url.href(),
        origin: url.origin(),
        host: url.host(),
    })
}

/// The origin the viewer's page was served from.
pub fn own_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

/// Whether the viewer's page is shown inside another page's frame.
pub fn is_framed() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    match window.top() {
        Ok(Some(top)) => !js_sys::Object::is(&top, &window),
        // A top window the viewer may not even look at is another page's.
        _ => true,
    }
}

/// Sets the page's title; returns the one it replaced.
pub fn set_title(title: &str) -> Option<String> {
    let document = web_sys::window()?.document()?;
    let before = document.title();
    document.set_title(title);
    Some(before)
}

/// Fetches an article over HTTP, refusing failures and error statuses, and counting the
/// bytes as they arrive: past [`MAX_ARTICLE_BYTES`] the request is aborted, whatever
/// `Content-Length` said (a compressed or chunked answer may say nothing true).
pub async fn fetch_article(url: &ArticleUrl) -> Result<crate::model::Article, OpenError> {
    let network = |error: wasm_bindgen::JsValue| OpenError::Network {
        host: url.host.clone(),
        detail: js_error_text(&error, "the request failed"),
    };
    let window = web_sys::window().ok_or_else(|| network("no window".into()))?;
    let controller = web_sys::AbortController::new().map_err(network)?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    let response: web_sys::Response =
        wasm_bindgen_futures::JsFuture::from(window.fetch_with_str_and_init(&url.href, &init))
            .await
            .map_err(network)?
            .unchecked_into();
    if !response.ok() {
        return Err(OpenError::Http {
            host: url.host.clone(),
            status: response.status(),
            status_text: response.status_text(),
        });
    }
    let mut bytes = Vec::new();
    if let Some(body) = response.body() {
        let reader: web_sys::ReadableStreamDefaultReader = body.get_reader().unchecked_into();
        loop {
            let chunk = wasm_bindgen_futures::JsFuture::from(reader.read())
                .await
                .map_err(network)?;
            let field = |name: &str| js_sys::Reflect::get(&chunk, &name.into()).ok();
            if field("done")
                .and_then(|done| done.as_bool())
                .unwrap_or(true)
            {
                break;
            }
            let Some(value) = field("value").and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
            else {
                break;
            };
            let start = bytes.len();
            let end = start + value.length() as usize;
            if end > MAX_ARTICLE_BYTES {
                controller.abort();
                return Err(OpenError::OverLimit {
                    limit: MAX_ARTICLE_BYTES,
                });
            }
            bytes.resize(end, 0);
            value.copy_to(&mut bytes[start..]);
        }
    }
    let text = std::str::from_utf8(&bytes).map_err(|error| OpenError::NotUtf8 {
        offset: error.valid_up_to(),
    })?;
    article_from_text(text)
}

/// A JavaScript error's message, or what it says as a string, or else `fallback`.
pub fn js_error_text(error: &wasm_bindgen::JsValue, fallback: &str) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| fallback.to_owned())
}

/// Posts the height of an element to the parent page, as
/// `{ type: "briefing:height", height }`, so a host page can size an iframe to fit: at
/// once, when the page has loaded, whenever the element's size changes, and when
/// [`HeightReporter::post`] is called (after each render of the viewer), but only when
/// the height changed. Several triggers, because Chromium throttles the rendering of an
/// off-screen cross-origin frame and its `ResizeObserver` does not fire there.
/// Stops when dropped.
pub struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _on_resize: wasm_bindgen::closure::Closure<dyn FnMut()>,
    _on_load: gloo::events::EventListener,
    post: std::rc::Rc<dyn Fn()>,
}

impl HeightReporter {
    /// Starts reporting to the parent page, if there is one and the target is usable:
    /// only to the origin the host named, or to any when it named none.
    pub fn start(element: &web_sys::Element, target: &ParentOrigin) -> Option<Self> {
        let target = match target {
            ParentOrigin::Any => "*".to_owned(),
            ParentOrigin::Only(origin) => origin.clone(),
            ParentOrigin::Invalid(_) => return None,
        };
        let window = web_sys::window()?;
        let parent = window.parent().ok().flatten()?;
        let load_target = web_sys::EventTarget::from(window.clone());
        let measured = element.clone();
        let last = std::cell::Cell::new(f64::NAN);
        let post: std::rc::Rc<dyn Fn()> = std::rc::Rc::new(move || {
            // The content's own bottom edge, not the document's scroll height, which
            // never drops below the frame's current height and so could only grow.
            let scrolled = window.scroll_y().unwrap_or(0.0);
            let height = (measured.get_bounding_client_rect().bottom() + scrolled).ceil();
            if height == last.get() {
                return;
            }
            last.set(height);
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"type".into(), &"briefing:height".into());
            let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
            let _ = parent.post_message(&message, &target);
        });
        let on_resize = {
            let post = post.clone();
            wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || post())
        };
        let observer = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok()?;
        observer.observe(element);
        let on_load = {
            let post = post.clone();
            gloo::events::EventListener::new(&load_target, "load", move |_| post())
        };
        post();
        Some(HeightReporter {
            observer,
            _on_resize: on_resize,
            _on_load: on_load,
            post,
        })
    }

    /// Posts the height now, if it changed since the last post.
    pub fn post(&self) {
        (self.post)();
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
            name: crate::text::echo(&file.name()),
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

/// Resolves in a later task, after the browser has had the chance to paint and to handle
/// input: long work split at these points never holds the page for all of it at once.
pub async fn next_task() {
    gloo::timers::future::TimeoutFuture::new(0).await;
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
