//! Placeholder.
use yew::prelude::*;

#[component]
pub fn EntitiesPart() -> Html {
    html! {}
}
