use yew::prelude::*;

/// Marks the viewer's outermost element `data-live` once the viewer runs: the pre-rendered
/// first view shows before the viewer's wasm has started (`static/briefing-start.js`), and
/// what waits for the viewer (the end-to-end tests, say) can tell the two apart.
#[hook]
pub fn use_live_marker(container: NodeRef) {
    use_effect_with((), move |_| {
        if let Some(element) = container.cast::<web_sys::Element>() {
            let _ = element.set_attribute("data-live", "");
        }
    });
}
