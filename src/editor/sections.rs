//! Placeholder while the sections part is written.
use yew::prelude::*;

#[component]
pub fn SectionsPart() -> Html {
    html! {}
}
