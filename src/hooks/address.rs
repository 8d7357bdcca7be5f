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
#[hook]
pub fn use_address_sync(link: ViewLink, owns_address_bar: bool, pending_resume: bool) {
    let previous = use_mut_ref(|| None::<ViewLink>);
    use_effect_with((link, pending_resume), move |(link, pending_resume)| {
        if !owns_address_bar || *pending_resume {
            return;
        }
        let current = browser::current_query();
        let wanted = link.merge_into(&current);
        let refines_search = previous.borrow().as_ref().is_some_and(|before| {
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
            browser::set_query(&wanted, previous.borrow().is_none() || refines_search);
        }
        *previous.borrow_mut() = Some(link.clone());
    });
}
