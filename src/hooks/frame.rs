use crate::browser;
use crate::options::{Host, ParentOrigin};
use yew::prelude::*;

/// In an iframe, tells the parent page how tall the content is, so the frame fits: when
/// its size is observed to change, and after every render (an off-screen frame may never
/// see its size observed).
#[hook]
pub fn use_frame_height(container: NodeRef, host: Host, parent: ParentOrigin) {
    let reporter = use_mut_ref(|| None::<browser::HeightReporter>);
    {
        let reporter = reporter.clone();
        use_effect_with((host, parent), move |(host, parent)| {
            *reporter.borrow_mut() = (*host == Host::Frame)
                .then(|| container.cast::<web_sys::Element>())
                .flatten()
                .and_then(|element| browser::HeightReporter::start(&element, parent));
            move || drop(reporter.borrow_mut().take())
        });
    }
    use_effect(move || {
        if let Some(reporter) = &*reporter.borrow() {
            reporter.post();
        }
    });
}
