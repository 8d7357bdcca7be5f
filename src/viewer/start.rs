//! The entry points: mounting the viewer in the browser, and pre-rendering its default
//! view at build time.

use super::{Viewer, ViewerProps};
use crate::browser;
use crate::options::{Host, ViewerOptions};

/// Entry point of the browser build: installs the panic message and mounts the viewer
/// into `#briefing`. Without that element (the script was loaded by a page that uses
/// `<briefing-viewer>`), it mounts nothing: the element does that.
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        browser::show_fatal_error(&info.to_string());
    }));
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("briefing"))
    else {
        return;
    };
    let mut options = ViewerOptions::from_query(&browser::current_query());
    // A page that frames the full viewer gets the embedded one: no file opening and no
    // downloads inside someone else's page.
    if options.host == Host::Page && browser::is_framed() {
        options.host = Host::Frame;
    }
    // The build pre-renders the default view; hydrate it when that is what is asked for,
    // otherwise (another article, embedding options) render afresh.
    if root.has_attribute("data-prerendered") && options == ViewerOptions::default() {
        let props = ViewerProps {
            options,
            prerendered: true,
        };
        yew::Renderer::<Viewer>::with_root_and_props(root, props).hydrate();
    } else {
        root.set_inner_html("");
        let props = ViewerProps {
            options,
            prerendered: false,
        };
        yew::Renderer::<Viewer>::with_root_and_props(root, props).render();
    }
}

/// The default view as HTML, for build-time pre-rendering (the `prerender` command).
#[cfg(feature = "ssr")]
pub async fn render_default_view() -> String {
    let props = ViewerProps {
        options: ViewerOptions::default(),
        prerendered: true,
    };
    yew::LocalServerRenderer::<Viewer>::with_props(props)
        .render()
        .await
}
