//! The root component: owns the one view state, persists what should survive a reload,
//! and carries out focus requests after each render.

use crate::browser;
use crate::components::{ArticleView, EntitySidebar, Masthead, TimelinePanel};
use crate::document::Document;
use crate::link::ViewLink;
use crate::state::{Action, FocusTarget, ViewState};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

/// Id of the element that wraps the chosen event's sentence.
pub const CHOSEN_SENTENCE_ID: &str = "chosen-sentence";

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

/// Id of a section's toggle button, the target of links to the section.
pub fn section_toggle_id(section_id: &str) -> String {
    format!("toggle-{section_id}")
}

/// A shared, read-only document whose props compare by identity, not by content.
#[derive(Clone, Debug)]
pub struct DocumentHandle(pub Rc<Document>);

impl PartialEq for DocumentHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for DocumentHandle {
    type Target = Document;

    fn deref(&self) -> &Document {
        &self.0
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
    pub document: DocumentHandle,
}

fn initial_state(document: &DocumentHandle) -> ViewState {
    let article = &document.article;
    let remembered = browser::load_open_sections(&article.id).map(|ids| {
        ids.iter()
            .filter_map(|id| article.sections.iter().position(|s| &s.id == id))
            .collect::<BTreeSet<usize>>()
    });
    // A deep link in the address bar decides what is chosen and in view from the start.
    ViewState::new(document.0.clone(), remembered)
        .apply(Action::Restore(ViewLink::parse(&browser::current_query())))
}

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let document = props.document.clone();
        move || initial_state(&document)
    });
    let dispatch = |make: fn(usize) -> Action| {
        let state = state.clone();
        Callback::from(move |index: usize| state.dispatch(make(index)))
    };
    let on_toggle_section = dispatch(Action::ToggleSection);
    let on_link_section = dispatch(Action::LinkSection);
    let on_reveal_section = dispatch(Action::RevealSection);
    let on_choose_entity = dispatch(Action::ChooseEntity);
    let on_choose_event = dispatch(Action::ChooseEvent);
    let on_action = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    {
        let article = props.document.article.clone();
        use_effect_with(state.open_sections.clone(), move |open| {
            let ids: Vec<String> = open
                .iter()
                .map(|&s| article.sections[s].id.clone())
                .collect();
            browser::save_open_sections(&article.id, &ids);
        });
    }
    {
        let document = props.document.clone();
        use_effect_with(state.focus.clone(), move |focus| {
            if let Some(request) = focus {
                match &request.target {
                    // The reader keeps focus in the sidebar to step on; the text only scrolls.
                    FocusTarget::Mention(id) => browser::bring_into_view(id, false),
                    FocusTarget::Sentence => browser::bring_into_view(CHOSEN_SENTENCE_ID, true),
                    FocusTarget::Section(index) => {
                        let id = section_toggle_id(&document.article.sections[*index].id);
                        browser::bring_into_view(&id, true)
                    }
                }
            }
        });
    }
    {
        // Back and Forward show what the address now names.
        let state = state.clone();
        use_effect_with((), move |_| {
            let listener = browser::on_history_change(move || {
                state.dispatch(Action::Restore(ViewLink::parse(&browser::current_query())))
            });
            move || drop(listener)
        });
    }
    {
        // Each choice becomes a history entry; the first sync only tidies the loaded
        // address (dropping ids the article does not have) without adding an entry.
        let synced_once = use_mut_ref(|| false);
        use_effect_with(state.link(), move |link| {
            let current = browser::current_query();
            let wanted = link.merge_into(&current);
            if wanted != current {
                browser::set_query(&wanted, !*synced_once.borrow());
            }
            *synced_once.borrow_mut() = true;
        });
    }

    let document = props.document.clone();
    html! {
        <div class="briefing">
            <a class="skip-link" href="#article">{ "Skip to the article" }</a>
            <Masthead document={document.clone()} />
            <div class="reading">
                <ArticleView
                    document={document.clone()}
                    open_sections={state.open_sections.clone()}
                    chosen_entity={state.chosen_entity}
                    current_mention={state.chosen_entity.and_then(|e| document.entity_mentions[e].get(state.mention_cursor).copied())}
                    chosen_event={state.chosen_event}
                    on_toggle_section={on_toggle_section}
                    on_link_section={on_link_section}
                    on_reveal_section={on_reveal_section}
                    on_action={on_action.clone()}
                    notice={state.notice.clone()}
                />
                <EntitySidebar
                    document={document.clone()}
                    chosen_entity={state.chosen_entity}
                    mention_cursor={state.mention_cursor}
                    involved={state.involved_entities().to_vec()}
                    hidden_kinds={state.hidden_kinds.clone()}
                    on_choose={on_choose_entity.clone()}
                    on_action={on_action.clone()}
                />
            </div>
            <TimelinePanel
                document={document}
                chosen_event={state.chosen_event}
                chosen_entity={state.chosen_entity}
                on_choose={on_choose_event}
                on_choose_entity={on_choose_entity}
                on_action={on_action}
            />
        </div>
    }
}

/// Shows what went wrong instead of the viewer, when even the built-in article fails.
#[derive(Properties, PartialEq)]
pub struct LoadFailureProps {
    pub message: AttrValue,
}

#[component]
pub fn LoadFailure(props: &LoadFailureProps) -> Html {
    html! {
        <main id="article" class="load-failure">
            <h1>{ "This article could not be shown" }</h1>
            <p role="alert">{ props.message.clone() }</p>
        </main>
    }
}

/// Entry point of the browser build: installs the panic message and mounts the viewer.
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        browser::show_fatal_error(&info.to_string());
    }));
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("briefing"))
    else {
        browser::show_fatal_error(
            "the page has no element with the id \"briefing\" to show the viewer in",
        );
        return;
    };
    match crate::validate::load_article(crate::BUILTIN_ARTICLE_JSON) {
        Ok(article) => {
            let document = DocumentHandle(Rc::new(Document::new(article)));
            yew::Renderer::<App>::with_root_and_props(root, AppProps { document }).render();
        }
        Err(error) => {
            yew::Renderer::<LoadFailure>::with_root_and_props(
                root,
                LoadFailureProps {
                    message: error.to_string().into(),
                },
            )
            .render();
        }
    }
}
