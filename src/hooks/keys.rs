use crate::browser;
use crate::dom_ids;
use yew::prelude::*;

/// "/" focuses the search box, as in many sites' search; not in text fields, and only
/// for a viewer that has the page to itself (`enabled`).
#[hook]
pub fn use_slash_to_search(enabled: bool, container: NodeRef) {
    use_effect_with(enabled, move |&enabled| {
        let listener = enabled
            .then(|| {
                browser::on_slash_key(move || {
                    if let Some(container) = container.cast::<web_sys::Element>() {
                        browser::bring_into_view(&container, dom_ids::SEARCH_INPUT, true);
                    }
                })
            })
            .flatten();
        move || drop(listener)
    });
}
