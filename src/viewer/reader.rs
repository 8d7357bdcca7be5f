//! One article's view: owns its view state, gives its components the shared context,
//! and lays out the toolbar, the text, the sidebar and the timeline.

use crate::browser;
use crate::components::{
    ArticleView, EntityCardView, EntitySidebar, Masthead, ReadingControls, SearchBox, TimelinePanel,
};
use crate::context::ViewerContext;
use crate::document::DocumentHandle;
use crate::dom_ids;
use crate::hooks::{
    use_address_sync, use_focus_requests, use_history, use_reading_settings,
    use_remembered_open_sections, use_slash_to_search, use_view_state,
};
use crate::language::text_direction;
use crate::link::ViewLink;
use crate::options::{Host, ViewerOptions};
use crate::state::Action;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    pub document: DocumentHandle,
    pub options: ViewerOptions,
    /// The viewer's outermost element: ids are looked up inside it, which also works
    /// inside a shadow root, where `document.getElementById` cannot see.
    pub container: NodeRef,
    /// The page was pre-rendered at build time: start exactly as the pre-rendered HTML
    /// (every section open, default settings, nothing chosen), so hydration matches it,
    /// and only then apply what the browser remembers and what the address names.
    pub prerendered: bool,
    /// The name the article's remembered state is kept under, from its source and id
    /// ([`crate::remember::article_name`]).
    pub storage_name: AttrValue,
    /// The page's tools (opening another article, downloads), first in the toolbar.
    pub page_tools: Html,
}

#[component]
pub fn Reader(props: &ReaderProps) -> Html {
    let (options, container) = (&props.options, &props.container);
    let state = use_view_state(
        props.document.clone(),
        options.clone(),
        props.storage_name.clone(),
        props.prerendered,
    );
    {
        // The same article changed by its author: the view moves onto it in place.
        let (dispatcher, viewed) = (state.dispatcher(), state.document.clone());
        use_effect_with(props.document.clone(), move |document| {
            if !Rc::ptr_eq(&document.0, &viewed) {
                dispatcher.dispatch(Action::Replace(document.0.clone()));
            }
        });
    }
    // What is on screen is the state's document, which the state's indexes belong to.
    let document = &DocumentHandle(state.document.clone());
    let pending_resume = state.pending_resume;
    let owns_address_bar = options.host != Host::Element;
    let dispatcher = state.dispatcher();
    // Made once per article (the dispatcher never changes), so the context stays equal.
    let copy_link = use_callback(dispatcher.clone(), |link: ViewLink, d| {
        let dispatcher = d.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let copied = browser::copy_link(&link).await;
            dispatcher.dispatch(Action::LinkCopied(copied));
        });
    });
    let context = ViewerContext {
        document: document.clone(),
        dispatch: dispatcher.to_callback(),
        can_link: owns_address_bar,
        copy_link,
    };
    use_remembered_open_sections(
        document.clone(),
        options.host,
        props.storage_name.clone(),
        state.open_sections.clone(),
        pending_resume,
    );
    use_focus_requests(document.clone(), container.clone(), state.focus.clone());
    use_reading_settings(
        state.settings,
        options.host,
        container.clone(),
        pending_resume,
    );
    use_slash_to_search(owns_address_bar, container.clone());
    use_history(owns_address_bar, dispatcher);
    use_address_sync(state.link(), owns_address_bar, pending_resume);

    let toolbar = html! {
        <section class="toolbar" aria-label="Tools">
            { props.page_tools.clone() }
            <ReadingControls settings={state.settings} />
            <SearchBox
                query={AttrValue::from(state.query.clone())}
                results={state.search.clone()}
                cursor={state.search_cursor}
            />
        </section>
    };
    // Inside the main landmark, though shown over the page: the card and the status.
    let overlays = html! {
        <>
            <EntityCardView card={state.card} />
            <div class="copy-status" role="status">
                if let Some(status) = &state.copy_status {
                    <p>{ status }</p>
                }
            </div>
        </>
    };
    html! {
        <ContextProvider<ViewerContext> {context}>
            { toolbar }
            if !options.compact {
                <Masthead />
                // On narrow screens the panels stand one under another: this bar reaches
                // them without scrolling past the whole article.
                if options.show_sidebar || options.show_timeline {
                    <nav class="panel-bar" aria-label="Parts of the page">
                        <a href="#article">{ "Article" }</a>
                        if options.show_sidebar {
                            <a href={format!("#{}", dom_ids::SIDEBAR)}>{ format!("Names ({})", document.article.entities.len()) }</a>
                        }
                        if options.show_timeline {
                            <a href={format!("#{}", dom_ids::TIMELINE)}>{ format!("Timeline ({})", document.article.events.len()) }</a>
                        }
                    </nav>
                }
            }
            // The article's language sets the direction of the text and the sidebar beside
            // it, so a right-to-left story reads, and is laid out, right to left.
            // Kinds filtered out of the sidebar are not marked when every name is.
            <div
                class={classes!("reading", state.hidden_kinds.iter().map(|kind| format!("hide-kind-{}", kind.slug())).collect::<Vec<_>>())}
                lang={document.article.language.clone()}
                dir={text_direction(&document.article.language)}
            >
                <ArticleView
                    open_sections={state.open_sections.clone()}
                    chosen_entity={state.chosen_entity}
                    current_mention={state.chosen_entity.and_then(|e| document.entity_mentions[e].get(state.mention_cursor).copied())}
                    chosen_event={state.chosen_event}
                    notice={state.notice.clone()}
                    search={state.search.clone()}
                    current_hit={(!state.search.hits.is_empty()).then_some(state.search_cursor)}
                    {overlays}
                    reveal_section={state.focus_section()}
                    all_at_once={props.prerendered}
                />
                if options.show_sidebar {
                    <EntitySidebar
                        chosen_entity={state.chosen_entity}
                        mention_cursor={state.mention_cursor}
                        involved={state.involved_entities().to_vec()}
                        hidden_kinds={state.hidden_kinds.clone()}
                        search_matches={state.search.entities.clone()}
                        all_names={state.settings.all_names}
                        all_at_once={props.prerendered}
                    />
                }
                if options.show_timeline {
                    <TimelinePanel
                        chosen_event={state.chosen_event}
                        chosen_entity={state.chosen_entity}
                        search_matches={state.search.events.clone()}
                        all_at_once={props.prerendered}
                    />
                }
            </div>
        </ContextProvider<ViewerContext>>
    }
}
