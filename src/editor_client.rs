//! Loading the editor module (`src/bin/briefing-editor.rs`) the first time an author
//! presses "Edit", and handing it the article on screen. A reader never loads it.
//!
//! The module's glue is wasm-bindgen's `no-modules` kind (Trunk builds it as a worker):
//! added as a script, it defines `wasm_bindgen`, which starts the module and then holds
//! its exports; `static/briefing-editor-loader.js`, added after it, hands that to the
//! viewer as `window.briefingEditorGlue`.

use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Where the editor's styles, glue, loader and module are, beside the page.
const STYLES_URL: &str = "briefing-editor.css";
const GLUE_URL: &str = "briefing-editor.js";
const LOADER_URL: &str = "briefing-editor-loader.js";
const MODULE_URL: &str = "briefing-editor_bg.wasm";

/// Set to `false` by a build that has no editor (the one-file viewer).
const AVAILABLE_FLAG: &str = "briefingEditor";

thread_local! {
    /// The started module's exports.
    static EDITOR: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

/// False where the build left the editor out (the one-file viewer, which opens from disk).
pub fn is_available() -> bool {
    js_sys::Reflect::get(&js_sys::global(), &AVAILABLE_FLAG.into())
        .map_or(true, |flag| flag.as_bool() != Some(false))
}

fn reason(error: &JsValue) -> String {
    crate::browser::js_error_text(error, "no reason given")
}

/// Adds a script (`tag` "script") or a stylesheet ("link") to the page's head and waits
/// until it has loaded.
async fn add_to_head(tag: &str, url: &str) -> Result<(), String> {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let element: web_sys::HtmlElement = document
        .create_element(tag)
        .map_err(|_| format!("could not add {url}"))?
        .unchecked_into();
    let loaded = js_sys::Promise::new(&mut |resolve, reject| {
        element.set_onload(Some(&resolve));
        element.set_onerror(Some(&reject));
    });
    let set = |name: &str, value: &str| element.set_attribute(name, value);
    let _ = if tag == "link" {
        set("rel", "stylesheet").and_then(|()| set("href", url))
    } else {
        set("src", url)
    };
    document
        .head()
        .ok_or("no head")?
        .append_child(&element)
        .map_err(|_| format!("could not add {url}"))?;
    wasm_bindgen_futures::JsFuture::from(loaded)
        .await
        .map(|_| ())
        .map_err(|_| format!("{url} could not be loaded"))
}

/// The started editor module, loading it the first time.
async fn editor() -> Result<JsValue, String> {
    if let Some(editor) = EDITOR.with(|e| e.borrow().clone()) {
        return Ok(editor);
    }
    add_to_head("link", STYLES_URL).await?;
    add_to_head("script", GLUE_URL).await?;
    add_to_head("script", LOADER_URL).await?;
    let glue = js_sys::Reflect::get(&js_sys::global(), &"briefingEditorGlue".into())
        .ok()
        .and_then(|g| g.dyn_into::<js_sys::Function>().ok())
        .ok_or("the editor’s script did not define the editor")?;
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"module_or_path".into(), &MODULE_URL.into());
    let started = glue
        .call1(&JsValue::NULL, &options)
        .map_err(|error| reason(&error))?;
    wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(started))
        .await
        .map_err(|error| format!("the editor’s module could not start ({})", reason(&error)))?;
    EDITOR.with(|e| *e.borrow_mut() = Some(glue.clone().into()));
    Ok(glue.into())
}

/// Opens the editor on `article_json`, a copy of `described` ("the file “story.txt”").
pub async fn open(article_json: &str, described: &str) -> Result<(), String> {
    let editor = editor()
        .await
        .map_err(|error| format!("The editor could not be loaded: {error}."))?;
    let open = js_sys::Reflect::get(&editor, &"open_editor".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("The editor could not be loaded: it has no way in.")?;
    open.call2(&JsValue::NULL, &article_json.into(), &described.into())
        .map(|_| ())
        .map_err(|error| format!("The editor could not open the article: {}.", reason(&error)))
}
