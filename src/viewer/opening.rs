//! Opening an article: the one the options ask for (fetched, after asking the reader
//! when its site is not trusted), or one the reader opens from a file; and what the
//! viewer says about it while and after opening.

use crate::browser;
use crate::document::{Document, DocumentHandle};
use crate::options::{Host, ParentOrigin, ViewerOptions};
use crate::remember;
use crate::source::Opened;
use crate::text::echo;
use crate::trust::{self, ArticleUrl, Decision, Source};
use std::rc::Rc;
use yew::prelude::*;

/// The article on screen, where it came from, and notes on how it was made (for
/// converted text).
#[derive(Clone, PartialEq)]
pub struct Shown {
    pub document: DocumentHandle,
    notes: Vec<String>,
    pub source: Source,
}

impl Shown {
    /// An opened article analysed, each of the three long steps (reading and checking,
    /// which the caller has done; finding mentions; the first render) in a task of its
    /// own, so that a large article never holds the page for all of them at once.
    async fn analysed(opened: Opened, source: Source) -> Self {
        browser::next_task().await;
        let shown = Shown {
            document: DocumentHandle(Rc::new(Document::new(opened.article))),
            notes: opened.notes,
            source,
        };
        browser::next_task().await;
        shown
    }

    /// The author's edited copy of an article, from the editor.
    pub fn draft(article: crate::model::Article, of: String) -> Self {
        Shown {
            document: DocumentHandle(Rc::new(Document::new(article))),
            notes: Vec::new(),
            source: Source::Draft(of),
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
    pub fn storage_name(&self) -> AttrValue {
        remember::article_name(&self.source.identity(), &self.document.article.id).into()
    }
}

/// What the options ask to open, before anything is fetched.
#[derive(Clone, PartialEq)]
pub enum Wanted {
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

/// Whether an article is being opened, or the last attempt failed.
#[derive(Clone, PartialEq)]
pub enum OpenStatus {
    Idle,
    Opening(String),
    Failed(String),
}

/// What is wanted, what is shown and how opening goes, with the reader's ways to open.
pub struct Opening {
    pub wanted: UseStateHandle<Wanted>,
    /// `None` until the first article is there.
    pub shown: UseStateHandle<Option<Shown>>,
    pub status: UseStateHandle<OpenStatus>,
    /// Opens a file the reader chose or dropped.
    pub on_file: Callback<web_sys::File>,
    /// The reader agreed to see the article from an untrusted site.
    pub on_show: Callback<ArticleUrl>,
    /// The reader wants the built-in article instead.
    pub on_decline: Callback<()>,
}

/// Opens the article the options ask for (the built-in one by default), and those the
/// reader opens later. A failed open leaves the article on screen as it was and says
/// what went wrong.
#[hook]
pub fn use_opening(options: &ViewerOptions) -> Opening {
    let wanted = use_state(|| Wanted::from_options(options));
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
                            let next = Shown::analysed(opened, Source::Url(url)).await;
                            shown.set(Some(next));
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
                        let next = Shown::analysed(opened, Source::File(name)).await;
                        shown.set(Some(next));
                        status.set(OpenStatus::Idle);
                    }
                    Err(error) => status.set(OpenStatus::Failed(format!(
                        "Could not open {shown_name}. {error} The article on screen is unchanged."
                    ))),
                }
            });
        })
    };
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
    Opening {
        wanted,
        shown,
        status,
        on_file,
        on_show,
        on_decline,
    }
}

#[derive(Properties, PartialEq)]
pub struct OpeningPanelProps {
    pub status: OpenStatus,
    pub parent: ParentOrigin,
    pub shown: Option<Shown>,
}

/// Above the article: how opening (or a download) goes, and where the article on
/// screen comes from.
#[component]
pub fn OpeningPanel(props: &OpeningPanelProps) -> Html {
    let shown = props.shown.as_ref();
    html! {
        <section class="opening" aria-label="Opening articles">
            <div class="opening-status" role="status">
                if let OpenStatus::Opening(message) = &props.status {
                    <p>{ message }</p>
                }
            </div>
            if let OpenStatus::Failed(message) = &props.status {
                <p class="opening-error" role="alert">{ message }</p>
            }
            if let ParentOrigin::Invalid(named) = &props.parent {
                <p class="opening-error">{ format!("The embedding page named “{named}” as its origin, which is not one (it should look like https://host.example), so this frame does not report its height.") }</p>
            }
            if let Some((lead, name)) = shown.and_then(|shown| shown.source.banner_name()) {
                <p class="source-banner">
                    { trust::BANNER_START }{ lead }<span class="source-name">{ name }</span>{ trust::BANNER_END }
                </p>
            }
            if let Some(notes) = shown.map(|shown| &shown.notes).filter(|notes| !notes.is_empty()) {
                <ul class="opening-notes">
                    { for notes.iter().map(|note| html! { <li>{ note }</li> }) }
                </ul>
            }
        </section>
    }
}
