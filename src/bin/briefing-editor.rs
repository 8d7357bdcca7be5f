//! The editor module: a third WebAssembly binary, with author mode's panel
//! (`briefing::editor`), loaded by the viewer the first time an author presses "Edit", so
//! that no reader downloads it. Trunk builds it like the tools module
//! (`data-type="worker"`, wasm-bindgen's `no-modules` glue), but it runs in the page: the
//! viewer adds its glue as a script, starts it, and calls [`open_editor`].

use wasm_bindgen::prelude::*;

fn main() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        briefing::browser::show_fatal_error(&info.to_string());
    }));
}

/// Opens the editor on the article (JSON) the viewer shows, a copy of `base_label`.
#[wasm_bindgen]
pub fn open_editor(article_json: String, base_label: String) -> Result<(), JsValue> {
    briefing::editor::open(&article_json, &base_label).map_err(|error| JsValue::from_str(&error))
}
