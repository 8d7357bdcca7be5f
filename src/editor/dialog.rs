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
