//! A modal dialog on the browser's `<dialog>` element, which follows the APG dialog
//! pattern: `showModal` makes the rest of the page inert and moves focus into the
//! dialog, Escape closes it; focus goes back to where it was when it opened.

use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct DialogProps {
    /// Unique in the page: the dialog's element id.
    pub id: AttrValue,
    pub open: bool,
    /// The dialog's heading, which also names it.
    pub title: AttrValue,
    /// Called when the dialog closes itself (Escape, or a form with `method="dialog"`).
    pub on_close: Callback<()>,
    #[prop_or_default]
    pub children: Html,
}

#[component]
pub fn Dialog(props: &DialogProps) -> Html {
    let node = use_node_ref();
    let opener = use_mut_ref(|| None::<web_sys::HtmlElement>);
    {
        let (node, opener) = (node.clone(), opener.clone());
        use_effect_with(props.open, move |open| {
            if let Some(dialog) = node.cast::<web_sys::HtmlDialogElement>() {
                if *open && !dialog.open() {
                    *opener.borrow_mut() = web_sys::window()
                        .and_then(|w| w.document())
                        .and_then(|d| d.active_element())
                        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
                    let _ = dialog.show_modal();
                } else if !*open && dialog.open() {
                    dialog.close();
                }
            }
            if !*open {
                if let Some(opener) = opener.borrow_mut().take() {
                    if opener.is_connected() {
                        let _ = opener.focus();
                    }
                }
            }
        });
    }
    let title_id = format!("{}-title", props.id);
    let on_close = props.on_close.clone();
    let onclose = Callback::from(move |_: Event| on_close.emit(()));
    html! {
        <dialog ref={node} id={props.id.clone()} class="editor-dialog" aria-labelledby={title_id.clone()} {onclose}>
            <h2 id={title_id}>{ &props.title }</h2>
            { props.children.clone() }
        </dialog>
    }
}

/// The props of a dialog that makes something from the words selected in the text.
#[derive(Properties, PartialEq)]
pub struct FromSelectionProps {
    pub open: bool,
    pub selection: Option<super::selection::TextSelection>,
    pub on_close: Callback<()>,
}

/// For a dialog that makes something with one edit (a new entity, a new event): emit the
/// returned callback just before sending the edit. The dialog then closes once the article
/// has changed (the edit was accepted), and stays open, with the refusal shown at its
/// field, when the edit is refused. A dialog closed otherwise forgets the wait, so that a
/// later edit elsewhere closes nothing.
#[hook]
pub fn use_close_when_made(
    open: bool,
    field: &'static str,
    on_close: Callback<()>,
) -> Callback<()> {
    let editing = super::use_editing();
    let waiting = use_mut_ref(|| None::<u64>);
    {
        let waiting = waiting.clone();
        use_effect_with(open, move |open| {
            if !*open {
                *waiting.borrow_mut() = None;
            }
        });
    }
    {
        let waiting = waiting.clone();
        let revision = editing.state.revision;
        let refused = editing.state.problem(field).is_some();
        use_effect_with((revision, refused), move |(revision, refused)| {
            let mut waiting = waiting.borrow_mut();
            if let Some(before) = *waiting {
                if *revision != before {
                    *waiting = None;
                    on_close.emit(());
                } else if *refused {
                    *waiting = None;
                }
            }
        });
    }
    let revision = editing.state.revision;
    Callback::from(move |()| *waiting.borrow_mut() = Some(revision))
}
