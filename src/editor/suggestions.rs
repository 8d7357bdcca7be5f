//! Placeholder.
use yew::prelude::*;

#[component]
pub fn SuggestionsPart() -> Html {
    html! {}
}
