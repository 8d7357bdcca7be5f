//! The editor's form fields: a label, the control, and the problem with what was last
//! typed into it, tied together for screen readers.

use super::use_editing;
use yew::prelude::*;

fn problem_id(field: &str) -> String {
    format!("problem-{}", field.replace([':', ' '], "-"))
}

#[derive(Properties, PartialEq)]
pub struct ProblemProps {
    pub field: AttrValue,
}

/// The refusal of the last edit made from `field`, if it stands.
#[component]
pub fn FieldProblem(props: &ProblemProps) -> Html {
    let editing = use_editing();
    match editing.state.problem(&props.field) {
        Some(problem) => html! {
            <p class="field-problem" id={problem_id(&props.field)}>{ problem }</p>
        },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
pub struct TextFieldProps {
    pub label: AttrValue,
    /// The value the article holds; what the author typed stays while it is refused.
    pub value: AttrValue,
    /// Where a refusal is shown (see [`super::state::FieldKey`]).
    pub field: AttrValue,
    pub on_input: Callback<String>,
    #[prop_or_default]
    pub multiline: bool,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub placeholder: Option<AttrValue>,
    #[prop_or_default]
    pub input_type: Option<AttrValue>,
}

/// A labelled text box whose every keystroke is an edit.
#[component]
pub fn TextField(props: &TextFieldProps) -> Html {
    let editing = use_editing();
    let id = format!("field-{}", props.field.replace([':', ' '], "-"));
    let invalid = editing.state.problem(&props.field).is_some();
    let hint_id = format!("{id}-hint");
    let described = [
        props.hint.as_ref().map(|_| hint_id.clone()),
        invalid.then(|| problem_id(&props.field)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let on_input = props.on_input.clone();
    let oninput = Callback::from(move |event: InputEvent| {
        let value = event
            .target_dyn_into::<web_sys::HtmlInputElement>()
            .map(|input| input.value())
            .or_else(|| {
                event
                    .target_dyn_into::<web_sys::HtmlTextAreaElement>()
                    .map(|area| area.value())
            });
        if let Some(value) = value {
            on_input.emit(value);
        }
    });
    let aria_invalid = invalid.then_some("true");
    html! {
        <div class="field">
            <label for={id.clone()}>{ &props.label }</label>
            if props.multiline {
                <textarea {id} rows="3" value={props.value.clone()} {oninput} aria-invalid={aria_invalid} aria-describedby={described} placeholder={props.placeholder.clone()} />
            } else {
                <input {id} type={props.input_type.clone().unwrap_or(AttrValue::Static("text"))} value={props.value.clone()} {oninput} aria-invalid={aria_invalid} aria-describedby={described} placeholder={props.placeholder.clone()} />
            }
            if let Some(hint) = &props.hint {
                <p class="field-hint" id={hint_id}>{ hint }</p>
            }
            <FieldProblem field={props.field.clone()} />
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct ChoiceFieldProps {
    pub label: AttrValue,
    /// (value, label) pairs.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub value: AttrValue,
    pub field: AttrValue,
    pub on_change: Callback<String>,
}

/// A labelled list box; a choice is an edit.
#[component]
pub fn ChoiceField(props: &ChoiceFieldProps) -> Html {
    let id = format!("field-{}", props.field.replace([':', ' '], "-"));
    let on_change = props.on_change.clone();
    let onchange = Callback::from(move |event: Event| {
        if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
            on_change.emit(select.value());
        }
    });
    html! {
        <div class="field">
            <label for={id.clone()}>{ &props.label }</label>
            <select {id} {onchange}>
                { for props.options.iter().map(|(value, label)| html! {
                    <option value={value.clone()} selected={*value == props.value}>{ label }</option>
                }) }
            </select>
            <FieldProblem field={props.field.clone()} />
        </div>
    }
}

/// Moves focus to the element with `id`. A button that is disabled (a section moved to
/// the top) hands focus to the first one beside it that is not.
pub fn focus_element(id: &str) {
    let Some(element) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    let target = if element.has_attribute("disabled") {
        element
            .parent_element()
            .and_then(|p| p.query_selector("button:not([disabled])").ok().flatten())
    } else {
        Some(element)
    };
    if let Some(target) =
        target.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
    {
        let _ = target.focus();
    }
}

/// [`focus_element`] once the change under way has been rendered (a macrotask runs after
/// Yew's render), so that focus follows an item that moved or goes on to the next one
/// when its own button is gone.
pub fn focus_when_rendered(id: String) {
    gloo::timers::callback::Timeout::new(0, move || focus_element(&id)).forget();
}

#[derive(Properties, PartialEq)]
pub struct DisclosureProps {
    /// The id of the element it shows and hides.
    pub controls: AttrValue,
    pub open: bool,
    pub on_toggle: Callback<()>,
    /// What it opens, for screen readers: "Edit Moscow".
    pub label: AttrValue,
    #[prop_or_default]
    pub id: Option<AttrValue>,
}

/// A button that shows or hides one item's form (APG disclosure): "Edit", open or not,
/// with `aria-expanded` saying which.
#[component]
pub fn Disclosure(props: &DisclosureProps) -> Html {
    let on_toggle = props.on_toggle.clone();
    html! {
        <button type="button" id={props.id.clone()} aria-expanded={props.open.to_string()} aria-controls={props.controls.clone()}
            aria-label={props.label.clone()} onclick={Callback::from(move |_: MouseEvent| on_toggle.emit(()))}>
            { "Edit" }
        </button>
    }
}
