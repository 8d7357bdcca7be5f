use crate::context::use_viewer;
use crate::link::ViewLink;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyLinkButtonProps {
    pub link: ViewLink,
    /// Accessible name, e.g. "Copy link to Nikolay Patrushev".
    pub label: AttrValue,
}

/// A small button that copies a deep link; the viewer says "Link copied" when done.
#[component]
pub fn CopyLinkButton(props: &CopyLinkButtonProps) -> Html {
    let link = props.link.clone();
    let onclick = use_viewer()
        .copy_link
        .reform(move |_: MouseEvent| link.clone());
    html! {
        <button type="button" class="copy-link" aria-label={props.label.clone()} title={props.label.clone()} {onclick}>
            { "Copy link" }
        </button>
    }
}
