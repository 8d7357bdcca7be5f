//! Placeholder while the events part is written.
use super::selection::TextSelection;
use yew::prelude::*;

#[component]
pub fn EventsPart() -> Html {
    html! {}
}

#[derive(Properties, PartialEq)]
pub struct NewEventDialogProps {
    pub open: bool,
    pub selection: Option<TextSelection>,
    pub on_close: Callback<()>,
}

#[component]
pub fn NewEventDialog(_props: &NewEventDialogProps) -> Html {
    html! {}
}
