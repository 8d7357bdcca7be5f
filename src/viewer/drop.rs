//! Dropping a file anywhere on the viewer opens it, as "Open article…" does.

use yew::prelude::*;

/// Whether a file is being dragged over the viewer, and the handlers for its element:
/// all `None` when dropping is not `enabled` (the viewer is in someone else's page).
pub struct FileDrop {
    pub dragging: bool,
    pub ondragover: Option<Callback<DragEvent>>,
    pub ondragleave: Option<Callback<DragEvent>>,
    pub ondrop: Option<Callback<DragEvent>>,
}

#[hook]
pub fn use_file_drop(enabled: bool, on_file: Callback<web_sys::File>) -> FileDrop {
    let dragging = use_state(|| false);
    if !enabled {
        return FileDrop {
            dragging: *dragging,
            ondragover: None,
            ondragleave: None,
            ondrop: None,
        };
    }
    let over = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            // Without this the browser would open the dropped file itself.
            event.prevent_default();
            dragging.set(true);
        })
    };
    let leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let drop = {
        let dragging = dragging.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            dragging.set(false);
            if let Some(file) = event
                .data_transfer()
                .and_then(|d| d.files())
                .and_then(|f| f.get(0))
            {
                on_file.emit(file);
            }
        })
    };
    FileDrop {
        dragging: *dragging,
        ondragover: Some(over),
        ondragleave: Some(leave),
        ondrop: Some(drop),
    }
}
