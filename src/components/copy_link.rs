use crate::link::ViewLink;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CopyLinkButtonProps {
    pub link: ViewLink,
    /// Accessible name, e.g. "Copy link to Nikolay Patrushev".
    pub label: AttrValue,
    pub on_copy: Callback<ViewLink>,
}

/// A small button that copies a deep link; the viewer says "Link copied" when done.
#[component]
pub fn CopyLinkButton(props: &CopyLinkButtonProps) -> Html {
    let onclick = {
        let (link, on_copy) = (props.link.clone(), props.on_copy.clone());
        Callback::from(move |_: MouseEvent| on_copy.emit(link.clone()))
    };
    html! {
        <button type="button" class="copy-link" aria-label={props.label.clone()} title={props.label.clone()} {onclick}>
            { "Copy link" }
        </button>
    }
}
