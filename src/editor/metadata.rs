//! Placeholder while the metadata part is written.
use yew::prelude::*;

#[component]
pub fn MetadataPart() -> Html {
    html! {}
}
