use crate::browser;
use crate::document::DocumentHandle;
use crate::dom_ids;
use crate::search::SearchHit;
use crate::state::{FocusRequest, FocusTarget};
use yew::prelude::*;

/// Carries out the view state's focus request after the render that asked for it:
/// scrolls to what it names, and moves focus there when the reader is not typing or
/// stepping elsewhere.
#[hook]
pub fn use_focus_requests(
    document: DocumentHandle,
    container: NodeRef,
    focus: Option<FocusRequest>,
) {
    use_effect_with(focus, move |focus| {
        let (Some(request), Some(container)) = (focus, container.cast::<web_sys::Element>()) else {
            return;
        };
        match &request.target {
            // The reader keeps focus in the sidebar to step on; the text only scrolls.
            FocusTarget::Mention(id) => browser::bring_into_view(&container, id, false),
            FocusTarget::Sentence => {
                browser::bring_into_view(&container, dom_ids::CHOSEN_SENTENCE, true)
            }
            FocusTarget::Section(index) => {
                let id = dom_ids::section_toggle(&document.article.sections[*index].id);
                browser::bring_into_view(&container, &id, true)
            }
            // Focus stays in the search box, so the reader can type on or press Enter.
            FocusTarget::SearchHit(index) => {
                browser::bring_into_view(&container, &SearchHit::dom_id(*index), false)
            }
        }
    });
}
