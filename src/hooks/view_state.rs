use crate::browser;
use crate::document::DocumentHandle;
use crate::index::SectionIx;
use crate::link::ViewLink;
use crate::options::{Host, ViewerOptions};
use crate::state::{Action, Resume, ViewState};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// What the browser remembers of the reader's last visit, and what the address names.
fn saved_view(document: &DocumentHandle, options: &ViewerOptions, storage_name: &str) -> Resume {
    let article = &document.article;
    Resume {
        open_sections: browser::load_open_sections(options.host, storage_name).map(|ids| {
            ids.iter()
                .filter_map(|id| article.sections.iter().position(|s| &s.id == id))
                .map(SectionIx)
                .collect::<BTreeSet<SectionIx>>()
        }),
        settings: browser::load_settings(options.host),
        // An element in another page leaves that page's address alone.
        link: (options.host != Host::Element).then(|| ViewLink::parse(&browser::current_query())),
    }
}

fn initial_state(
    document: &DocumentHandle,
    options: &ViewerOptions,
    storage_name: &str,
    prerendered: bool,
) -> ViewState {
    let state = ViewState::new(document.0.clone(), None);
    if prerendered {
        ViewState {
            pending_resume: true,
            ..state
        }
    } else {
        state.apply(Action::Resume(saved_view(document, options, storage_name)))
    }
}

/// The one view state of an article, resumed from what the browser remembers and what
/// the address names. A pre-rendered page starts exactly as the pre-rendered HTML, so
/// hydration matches it, and resumes only after hydration.
#[hook]
pub fn use_view_state(
    document: DocumentHandle,
    options: ViewerOptions,
    storage_name: AttrValue,
    prerendered: bool,
) -> UseReducerHandle<ViewState> {
    let state = use_reducer({
        let (document, options, storage_name) =
            (document.clone(), options.clone(), storage_name.clone());
        move || initial_state(&document, &options, &storage_name, prerendered)
    });
    {
        // After hydration: bring back what the reader had, now that the page matches.
        let state = state.clone();
        use_effect_with((), move |_| {
            if state.pending_resume {
                state.dispatch(Action::Resume(saved_view(
                    &document,
                    &options,
                    &storage_name,
                )));
            }
        });
    }
    state
}
