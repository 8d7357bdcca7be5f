use crate::browser;
use crate::link::ViewLink;
use crate::state::{Action, ViewState};
use yew::prelude::*;

/// Back and Forward show what the address now names (when the viewer owns the address).
#[hook]
pub fn use_history(owns_address_bar: bool, dispatcher: UseReducerDispatcher<ViewState>) {
    use_effect_with(owns_address_bar, move |&owns| {
        let listener = owns
            .then(|| {
                browser::on_history_change(move || {
                    dispatcher.dispatch(Action::Restore(ViewLink::parse(&browser::current_query())))
                })
            })
            .flatten();
        move || drop(listener)
    });
}

/// Keeps the address naming what the view shows. Each choice becomes a history entry;
/// the first sync only tidies the loaded address (dropping ids the article does not
/// have) without adding an entry. Typing a search refines one entry rather than adding
/// one per keystroke.
///
/// The address is written when the browser is next idle, after the frame that shows the
/// choice: writing history can hold the page up for milliseconds (more in a long
/// article), and nothing on screen waits for it. Links are written in the order the view
/// named them.
#[hook]
pub fn use_address_sync(link: ViewLink, owns_address_bar: bool, pending_resume: bool) {
    let sync = use_mut_ref(AddressSync::default);
    use_effect_with((link, pending_resume), move |(link, pending_resume)| {
        if !owns_address_bar || *pending_resume {
            return;
        }
        let first_waiting = {
            let mut sync = sync.borrow_mut();
            sync.waiting.push(link.clone());
            sync.waiting.len() == 1
        };
        if first_waiting {
            when_idle(move || sync.borrow_mut().write());
        }
    });
}

/// What [`use_address_sync`] has written, and what waits to be.
#[derive(Default)]
struct AddressSync {
    previous: Option<ViewLink>,
    waiting: Vec<ViewLink>,
}

impl AddressSync {
    /// Writes the waiting links, in order, as the view named them.
    fn write(&mut self) {
        for link in std::mem::take(&mut self.waiting) {
            let current = browser::current_query();
            let wanted = link.merge_into(&current);
            let refines_search = self.previous.as_ref().is_some_and(|before| {
                before.query.is_some()
                    && link.query.is_some()
                    && ViewLink {
                        query: None,
                        ..before.clone()
                    } == ViewLink {
                        query: None,
                        ..link.clone()
                    }
            });
            if wanted != current {
                browser::set_query(&wanted, self.previous.is_none() || refines_search);
            }
            self.previous = Some(link);
        }
    }
}

/// Runs `work` once the browser is idle (at the latest after 200 ms), or after the
/// current task where it cannot say when it is idle.
fn when_idle(work: impl FnOnce() + 'static) {
    use wasm_bindgen::{closure::Closure, JsCast, JsValue};
    let Some(window) = web_sys::window() else {
        return;
    };
    let work = Closure::once_into_js(work);
    let idle = js_sys::Reflect::get(&window, &JsValue::from_str("requestIdleCallback"))
        .ok()
        .and_then(|request| request.dyn_into::<js_sys::Function>().ok());
    if let Some(request) = idle {
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str("timeout"), &JsValue::from(200));
        if request.call2(&window, &work, &options).is_ok() {
            return;
        }
    }
    let _ = window.set_timeout_with_callback(work.unchecked_ref());
}
