//! The JavaScript entry point for `<briefing-viewer>`: the element's script (written by
//! the release build as `briefing-element.js`) calls [`mount_viewer`] for each element,
//! with a root inside the element's shadow root.
//!
//! Part of the viewer's binary, not the library: a `#[wasm_bindgen]` export in the
//! library would be kept in every binary that links it, the tools module's too, and pull
//! the whole viewer in with it.

use briefing::options::ViewerOptions;
use briefing::viewer::{Viewer, ViewerProps};
use wasm_bindgen::prelude::*;

/// A mounted viewer; `destroy()` removes it (when its element leaves the page).
#[wasm_bindgen]
pub struct ViewerHandle {
    app: Option<yew::AppHandle<Viewer>>,
}

#[wasm_bindgen]
impl ViewerHandle {
    pub fn destroy(&mut self) {
        if let Some(app) = self.app.take() {
            app.destroy();
        }
    }
}

/// Mounts a viewer into `root` with the element's attributes: `article` (a URL; the
/// built-in article when absent), `panels` ("sidebar,timeline", "timeline", "none"...)
/// and `compact`.
#[wasm_bindgen]
pub fn mount_viewer(
    root: web_sys::Element,
    article: Option<String>,
    panels: Option<String>,
    compact: Option<String>,
) -> ViewerHandle {
    let options =
        ViewerOptions::from_attributes(article.as_deref(), panels.as_deref(), compact.as_deref());
    let app = yew::Renderer::<Viewer>::with_root_and_props(
        root,
        ViewerProps {
            options,
            prerendered: false,
        },
    )
    .render();
    ViewerHandle { app: Some(app) }
}
