//! The root component: owns the one view state, persists what should survive a reload,
//! and carries out focus requests after each render.

use crate::browser;
use crate::components::{
    ArticleConsent, ArticleView, EntityCardView, EntitySidebar, Masthead, OpenBar, ReadingControls,
    SearchBox, TimelinePanel,
};
use crate::context::ViewerContext;
use crate::document::{Document, DocumentHandle};
use crate::dom_ids;
use crate::language::text_direction;
use crate::link::ViewLink;
use crate::options::{Host, ParentOrigin, ViewerOptions};
use crate::remember;
use crate::search::SearchHit;
use crate::source::Opened;
use crate::state::{Action, FocusTarget, Resume, ViewState};
use crate::text::echo;
use crate::tools::{ExportFormat, ToolRequest, ToolResponse};
use crate::trust::{self, ArticleUrl, Decision, Source};
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

impl Reducible for ViewState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[derive(Properties, PartialEq)]
pub struct AppProps {
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
    /// ([`remember::article_name`]).
    pub storage_name: AttrValue,
}

/// What the browser remembers of the reader's last visit, and what the address names.
fn saved_view(document: &DocumentHandle, options: &ViewerOptions, storage_name: &str) -> Resume {
    let article = &document.article;
    Resume {
        open_sections: browser::load_open_sections(options.host, storage_name).map(|ids| {
            ids.iter()
                .filter_map(|id| article.sections.iter().position(|s| &s.id == id))
                .collect::<BTreeSet<usize>>()
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

#[component]
pub fn App(props: &AppProps) -> Html {
    let state = use_reducer({
        let document = props.document.clone();
        let options = props.options.clone();
        let storage_name = props.storage_name.clone();
        let prerendered = props.prerendered;
        move || initial_state(&document, &options, &storage_name, prerendered)
    });
    {
        // After hydration: bring back what the reader had, now that the page matches.
        let (state, document, options, storage_name) = (
            state.clone(),
            props.document.clone(),
            props.options.clone(),
            props.storage_name.clone(),
        );
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
    let pending_resume = state.pending_resume;
    let owns_address_bar = props.options.host != Host::Element;
    // Callbacks made once per viewer (the dispatcher never changes), so that children
    // whose data did not change compare equal and skip rendering on each action.
    let dispatcher = state.dispatcher();
    let copy_link = use_callback(dispatcher.clone(), |link: ViewLink, d| {
        let dispatcher = d.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let copied = browser::copy_link(&link).await;
            dispatcher.dispatch(Action::LinkCopied(copied));
        });
    });
    let context = ViewerContext {
        document: props.document.clone(),
        dispatch: dispatcher.to_callback(),
        can_link: owns_address_bar,
        copy_link,
    };

    {
        let article = props.document.article.clone();
        let (host, storage_name) = (props.options.host, props.storage_name.clone());
        use_effect_with(state.open_sections.clone(), move |open| {
            if pending_resume {
                return;
            }
            let ids: Vec<String> = open
                .iter()
                .map(|&s| article.sections[s].id.clone())
                .collect();
            browser::save_open_sections(host, &storage_name, &ids);
        });
    }
    {
        let document = props.document.clone();
        let container = props.container.clone();
        use_effect_with(state.focus.clone(), move |focus| {
            let (Some(request), Some(container)) = (focus, container.cast::<web_sys::Element>())
            else {
                return;
            };
            match &request.target {
                // The reader keeps focus in the sidebar to step on; the text only scrolls.
                FocusTarget::Mention(id) => browser::bring_into_view(&container, id, false),
                FocusTarget::Sentence => {
                    browser::bring_into_view(&container, dom_ids::CHOSEN_SENTENCE, true)
                }
                FocusTarget::Section(index) => {
                    let id = dom_ids::section_toggle(&document.article.sections[*index].id);
                    browser::bring_into_view(&container, &id, true)
                }
                // Focus stays in the search box, so the reader can type on or press Enter.
                FocusTarget::SearchHit(index) => {
                    browser::bring_into_view(&container, &SearchHit::dom_id(*index), false)
                }
            }
        });
    }
    {
        let settings = state.settings;
        let host = props.options.host;
        let container = props.container.clone();
        use_effect_with(
            (settings, pending_resume),
            move |(settings, pending_resume)| {
                if *pending_resume {
                    return;
                }
                browser::save_settings(host, settings);
                if let Some(container) = container.cast::<web_sys::Element>() {
                    let _ = container.set_attribute("data-theme", settings.theme.slug());
                    let _ = container.set_attribute("data-text-size", settings.text_size.slug());
                    let _ = container.set_attribute("data-line-width", settings.line_width.slug());
                }
                // The page's own background follows the theme too, beyond the viewer's edges.
                if host != Host::Element {
                    browser::set_page_theme(settings.theme.slug());
                }
            },
        );
    }
    {
        // "/" focuses the search box, as in many sites' search; not in text fields.
        let container = props.container.clone();
        use_effect_with(owns_address_bar, move |&owns| {
            let listener = owns
                .then(|| {
                    browser::on_slash_key(move || {
                        if let Some(container) = container.cast::<web_sys::Element>() {
                            browser::bring_into_view(&container, dom_ids::SEARCH_INPUT, true);
                        }
                    })
                })
                .flatten();
            move || drop(listener)
        });
    }
    {
        // Back and Forward show what the address now names.
        let state = state.clone();
        use_effect_with(owns_address_bar, move |&owns| {
            let listener = owns
                .then(|| {
                    browser::on_history_change(move || {
                        state.dispatch(Action::Restore(ViewLink::parse(&browser::current_query())))
                    })
                })
                .flatten();
            move || drop(listener)
        });
    }
    {
        // Each choice becomes a history entry; the first sync only tidies the loaded
        // address (dropping ids the article does not have) without adding an entry.
        // Typing a search refines one entry rather than adding one per keystroke.
        let previous = use_mut_ref(|| None::<ViewLink>);
        use_effect_with(
            (state.link(), pending_resume),
            move |(link, pending_resume)| {
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
            },
        );
    }

    let document = props.document.clone();
    let options = &props.options;
    let toolbar = html! {
        <div class="toolbar">
            <SearchBox
                query={AttrValue::from(state.query.clone())}
                results={state.search.clone()}
                cursor={state.search_cursor}
            />
            <ReadingControls settings={state.settings} />
        </div>
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
            if !options.compact {
                <Masthead />
            }
            // The article's language sets the direction of the text and the sidebar beside
            // it, so a right-to-left story reads, and is laid out, right to left.
            <div class="reading" lang={document.article.language.clone()} dir={text_direction(&document.article.language)}>
                <ArticleView
                    open_sections={state.open_sections.clone()}
                    chosen_entity={state.chosen_entity}
                    current_mention={state.chosen_entity.and_then(|e| document.entity_mentions[e].get(state.mention_cursor).copied())}
                    chosen_event={state.chosen_event}
                    notice={state.notice.clone()}
                    search={state.search.clone()}
                    current_hit={(!state.search.hits.is_empty()).then_some(state.search_cursor)}
                    {toolbar}
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
                        all_at_once={props.prerendered}
                    />
                }
            </div>
            if options.show_timeline {
                <TimelinePanel
                    chosen_event={state.chosen_event}
                    chosen_entity={state.chosen_entity}
                    search_matches={state.search.events.clone()}
                    all_at_once={props.prerendered}
                />
            }
        </ContextProvider<ViewerContext>>
    }
}

/// The article on screen, where it came from, and notes on how it was made (for
/// converted text).
#[derive(Clone, PartialEq)]
struct Shown {
    document: DocumentHandle,
    notes: Vec<String>,
    source: Source,
}

impl Shown {
    fn new(opened: Opened, source: Source) -> Self {
        Shown {
            document: DocumentHandle(Rc::new(Document::new(opened.article))),
            notes: opened.notes,
            source,
        }
    }

    fn builtin() -> Self {
        Shown {
            document: DocumentHandle(Rc::new(Document::new(crate::builtin_article()))),
            notes: Vec::new(),
            source: Source::Builtin,
        }
    }

    /// The name its remembered state is kept under.
    fn storage_name(&self) -> AttrValue {
        remember::article_name(&self.source.identity(), &self.document.article.id).into()
    }
}

/// What the options ask to open, before anything is fetched.
#[derive(Clone, PartialEq)]
enum Wanted {
    /// The built-in article: no address was given, or the reader declined another.
    Builtin,
    /// The address could not be used; the message says why.
    Unusable(String),
    /// An address on a site this deployment does not trust, waiting for the reader.
    Ask(ArticleUrl),
    /// An address to fetch.
    Fetch(ArticleUrl),
}

impl Wanted {
    fn from_options(options: &ViewerOptions) -> Self {
        let Some(address) = &options.article_url else {
            return Wanted::Builtin;
        };
        let Some(url) = browser::parse_article_url(address) else {
            return Wanted::Unusable(format!(
                "“{}” is not an http or https address, so no article can be opened from it. Showing the built-in article instead.",
                echo(address)
            ));
        };
        // Anyone can write an address, and so send a reader to any site's text under
        // this site's name; an element's attribute only the page that holds it.
        let decision = trust::decide(
            &url,
            &browser::own_origin(),
            &trust::parse_origins(trust::TRUSTED_ORIGINS),
            options.host == Host::Element,
        );
        match decision {
            Decision::Fetch => Wanted::Fetch(url),
            Decision::Ask => Wanted::Ask(url),
            Decision::RefuseHttp => Wanted::Unusable(format!(
                "{} serves articles over plain http, which this site accepts only from the sites it was built to trust. Showing the built-in article instead.",
                url.shown_host()
            )),
        }
    }
}

/// Has the tools module write the article in `format`, and hands the file to the reader.
async fn download(format: ExportFormat, document: &Document) -> Result<(), String> {
    let article_json = serde_json::to_string(&document.article)
        .map_err(|error| format!("Could not prepare the download: {error}."))?;
    match crate::tools_client::run(ToolRequest::Export {
        format,
        article_json,
    })
    .await
    {
        Ok(ToolResponse::File(file)) => browser::download(&file.name, &file.mime, &file.content)
            .map_err(|reason| format!("Could not download {}: {reason}.", file.name)),
        Ok(ToolResponse::Failed(reason)) => {
            Err(format!("Could not prepare the download: {reason}"))
        }
        Ok(ToolResponse::Converted { .. }) => {
            Err("Could not prepare the download: the tools answered with an article.".to_owned())
        }
        Err(reason) => Err(format!("Could not prepare the download. {reason}")),
    }
}

/// Whether an article is being opened, or the last attempt failed.
#[derive(Clone, PartialEq)]
enum OpenStatus {
    Idle,
    Opening(String),
    Failed(String),
}

#[derive(Properties, PartialEq)]
pub struct ViewerProps {
    pub options: ViewerOptions,
    /// Hydrating build-time HTML (see [`AppProps::prerendered`]).
    #[prop_or_default]
    pub prerendered: bool,
}

/// The root: opens the article the options ask for (the built-in one by default), lets
/// the reader open another from a file, and shows the article on screen with [`App`].
/// A failed open leaves the article on screen as it was and says what went wrong.
#[component]
pub fn Viewer(props: &ViewerProps) -> Html {
    let wanted = use_state(|| Wanted::from_options(&props.options));
    let shown =
        use_state(|| matches!(*wanted, Wanted::Builtin | Wanted::Unusable(_)).then(Shown::builtin));
    let status = use_state(|| match &*wanted {
        Wanted::Unusable(message) => OpenStatus::Failed(message.clone()),
        _ => OpenStatus::Idle,
    });
    {
        let (shown, status) = (shown.clone(), status.clone());
        use_effect_with((*wanted).clone(), move |wanted| {
            if let Wanted::Fetch(url) = wanted.clone() {
                status.set(OpenStatus::Opening(format!(
                    "Opening the article from {}…",
                    url.shown_host()
                )));
                wasm_bindgen_futures::spawn_local(async move {
                    match browser::fetch_article(&url).await {
                        Ok(article) => {
                            let opened = Opened {
                                article,
                                notes: Vec::new(),
                            };
                            shown.set(Some(Shown::new(opened, Source::Url(url))));
                            status.set(OpenStatus::Idle);
                        }
                        Err(error) => {
                            status.set(OpenStatus::Failed(format!(
                                "Could not open the article from {}. {error} Showing the built-in article instead.",
                                url.shown_host()
                            )));
                            if shown.is_none() {
                                shown.set(Some(Shown::builtin()));
                            }
                        }
                    }
                });
            }
        });
    }
    let on_file = {
        let (shown, status) = (shown.clone(), status.clone());
        Callback::from(move |file: web_sys::File| {
            let (shown, status) = (shown.clone(), status.clone());
            let name = file.name();
            let shown_name = echo(&name);
            status.set(OpenStatus::Opening(format!("Opening {shown_name}…")));
            wasm_bindgen_futures::spawn_local(async move {
                match browser::read_article_file(&file).await {
                    Ok(opened) => {
                        shown.set(Some(Shown::new(opened, Source::File(name))));
                        status.set(OpenStatus::Idle);
                    }
                    Err(error) => status.set(OpenStatus::Failed(format!(
                        "Could not open {shown_name}. {error} The article on screen is unchanged."
                    ))),
                }
            });
        })
    };
    let container = use_node_ref();
    let reporter = use_mut_ref(|| None::<browser::HeightReporter>);
    {
        // In an iframe, tell the parent page how tall the content is, so the frame fits.
        let (container, reporter) = (container.clone(), reporter.clone());
        use_effect_with(
            (props.options.host, props.options.parent.clone()),
            move |(host, parent)| {
                *reporter.borrow_mut() = (*host == Host::Frame)
                    .then(|| container.cast::<web_sys::Element>())
                    .flatten()
                    .and_then(|element| browser::HeightReporter::start(&element, parent));
                move || drop(reporter.borrow_mut().take())
            },
        );
    }
    {
        // And after every render: an off-screen frame may never see its size observed.
        let reporter = reporter.clone();
        use_effect(move || {
            if let Some(reporter) = &*reporter.borrow() {
                reporter.post();
            }
        });
    }
    {
        // The page's title names the article on screen (and where it came from); an
        // element leaves its host page's title alone.
        let title = shown
            .as_ref()
            .map(|shown| shown.source.page_title(&shown.document.article.title));
        use_effect_with((title, props.options.host), |(title, host)| {
            let replaced = title
                .as_deref()
                .filter(|_| *host != Host::Element)
                .and_then(browser::set_title);
            move || {
                if let Some(before) = replaced {
                    browser::set_title(&before);
                }
            }
        });
    }
    let on_show = {
        let wanted = wanted.clone();
        Callback::from(move |url: ArticleUrl| wanted.set(Wanted::Fetch(url)))
    };
    let on_decline = {
        let (wanted, shown) = (wanted.clone(), shown.clone());
        Callback::from(move |_: ()| {
            wanted.set(Wanted::Builtin);
            shown.set(Some(Shown::builtin()));
        })
    };
    let dragging = use_state(|| false);
    let on_page = props.options.host == Host::Page;
    let drop_handlers = on_page.then(|| {
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
            let (dragging, on_file) = (dragging.clone(), on_file.clone());
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
        (over, leave, drop)
    });
    let (ondragover, ondragleave, ondrop) = match drop_handlers {
        Some((over, leave, drop)) => (Some(over), Some(leave), Some(drop)),
        None => (None, None, None),
    };

    let options = props.options.clone();
    let class = classes!(
        "briefing",
        options.compact.then_some("compact"),
        (*dragging).then_some("dragging")
    );
    // Links relative to the viewer's own site; an element in another page has none.
    let footer = on_page.then(|| {
        let downloads = shown.as_ref().map(|shown| {
            let document = shown.document.clone();
            let status = status.clone();
            // The exports are written by the tools module, loaded on the first download.
            let offer = move |format: ExportFormat| {
                let (document, status) = (document.clone(), status.clone());
                Callback::from(move |_: MouseEvent| {
                    let (document, status) = (document.clone(), status.clone());
                    status.set(OpenStatus::Opening("Preparing the download…".to_owned()));
                    wasm_bindgen_futures::spawn_local(async move {
                        status.set(match download(format, &document).await {
                            Ok(()) => OpenStatus::Idle,
                            Err(reason) => OpenStatus::Failed(reason),
                        });
                    });
                })
            };
            html! {
                <div class="downloads" role="group" aria-label="Download the data">
                    { "Download: " }
                    <button type="button" onclick={offer(ExportFormat::Article)}>{ "Briefing JSON" }</button>
                    <button type="button" onclick={offer(ExportFormat::TimelineJs)}>{ "TimelineJS JSON" }</button>
                    <button type="button" onclick={offer(ExportFormat::EntitiesCsv)}>{ "Entities CSV" }</button>
                    <button type="button" onclick={offer(ExportFormat::EventsCsv)}>{ "Events CSV" }</button>
                    <button type="button" onclick={offer(ExportFormat::JsonLd)}>{ "JSON-LD" }</button>
                </div>
            }
        });
        html! {
            <footer class="site-footer">
                { for downloads }
                <a href="briefing.html" download="briefing.html">{ "Download for offline reading" }</a>
                { " (one HTML file that opens from disk) · " }
                <a href={format!("articles/{}.json", crate::BUILTIN_ARTICLE_ID)}>{ "The built-in article as JSON" }</a>
                { " · " }
                <a href="articles/article.schema.json">{ "Its JSON Schema" }</a>
            </footer>
        }
    });
    html! {
        <div {class} ref={container.clone()} {ondragover} {ondragleave} {ondrop}>
            <a class="skip-link" href="#article">{ "Skip to the article" }</a>
            <section class="opening" aria-label="Opening articles">
                if on_page {
                    <OpenBar on_file={on_file} />
                }
                <div class="opening-status" role="status">
                    if let OpenStatus::Opening(message) = &*status {
                        <p>{ message }</p>
                    }
                </div>
                if let OpenStatus::Failed(message) = &*status {
                    <p class="opening-error" role="alert">{ message }</p>
                }
                if let ParentOrigin::Invalid(named) = &options.parent {
                    <p class="opening-error">{ format!("The embedding page named “{named}” as its origin, which is not one (it should look like https://host.example), so this frame does not report its height.") }</p>
                }
                if let Some((lead, name)) = shown.as_ref().and_then(|shown| shown.source.banner_name()) {
                    <p class="source-banner">
                        { trust::BANNER_START }{ lead }<span class="source-name">{ name }</span>{ trust::BANNER_END }
                    </p>
                }
                if let Some(notes) = shown.as_ref().map(|shown| &shown.notes).filter(|notes| !notes.is_empty()) {
                    <ul class="opening-notes">
                        { for notes.iter().map(|note| html! { <li>{ note }</li> }) }
                    </ul>
                }
            </section>
            if let Wanted::Ask(url) = &*wanted {
                <ArticleConsent url={url.clone()} {on_show} {on_decline} />
            }
            if let Some(shown) = &*shown {
                <App
                    key={Rc::as_ptr(&shown.document.0) as usize}
                    document={shown.document.clone()}
                    options={options.clone()}
                    container={container.clone()}
                    prerendered={props.prerendered}
                    storage_name={shown.storage_name()}
                />
            }
            { for footer }
        </div>
    }
}

/// Entry point of the browser build: installs the panic message and mounts the viewer
/// into `#briefing`. Without that element (the script was loaded by a page that uses
/// `<briefing-viewer>`), it mounts nothing: the element does that.
pub fn start() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        browser::show_fatal_error(&info.to_string());
    }));
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("briefing"))
    else {
        return;
    };
    let mut options = ViewerOptions::from_query(&browser::current_query());
    // A page that frames the full viewer gets the embedded one: no file opening and no
    // downloads inside someone else's page.
    if options.host == Host::Page && browser::is_framed() {
        options.host = Host::Frame;
    }
    // The build pre-renders the default view; hydrate it when that is what is asked for,
    // otherwise (another article, embedding options) render afresh.
    if root.has_attribute("data-prerendered") && options == ViewerOptions::default() {
        let props = ViewerProps {
            options,
            prerendered: true,
        };
        yew::Renderer::<Viewer>::with_root_and_props(root, props).hydrate();
    } else {
        root.set_inner_html("");
        let props = ViewerProps {
            options,
            prerendered: false,
        };
        yew::Renderer::<Viewer>::with_root_and_props(root, props).render();
    }
}

/// The default view as HTML, for build-time pre-rendering (the `prerender` command).
#[cfg(feature = "ssr")]
pub async fn render_default_view() -> String {
    let props = ViewerProps {
        options: ViewerOptions::default(),
        prerendered: true,
    };
    yew::LocalServerRenderer::<Viewer>::with_props(props)
        .render()
        .await
}
