//! The viewer's root: the shell around one article's view ([`reader::Reader`]), with
//! opening articles, dropping files, the status and the footer, and the entry points
//! that mount or pre-render it.

mod downloads;
mod drop;
mod editing;
mod opening;
mod reader;
mod start;

use crate::components::{ArticleConsent, OpenBar};
use crate::hooks::{use_frame_height, use_live_marker, use_page_title};
use crate::options::{Host, ViewerOptions};
use downloads::{DownloadsMenu, SiteFooter};
use drop::use_file_drop;
use editing::use_edit_mode;
use opening::{use_opening, OpeningPanel, Wanted};
use reader::Reader;
use yew::prelude::*;

#[cfg(feature = "ssr")]
pub use start::render_default_view;
pub use start::start;

#[derive(Properties, PartialEq)]
pub struct ViewerProps {
    pub options: ViewerOptions,
    /// Hydrating build-time HTML (see [`reader::ReaderProps::prerendered`]).
    #[prop_or_default]
    pub prerendered: bool,
}

/// The root: opens the article the options ask for (the built-in one by default), lets
/// the reader open another from a file, and shows the article on screen with a
/// [`Reader`] of its own.
#[component]
pub fn Viewer(props: &ViewerProps) -> Html {
    let options = &props.options;
    let opening = use_opening(options);
    let edit_mode = use_edit_mode(options, &opening);
    let container = use_node_ref();
    use_frame_height(container.clone(), options.host, options.parent.clone());
    use_live_marker(container.clone());
    use_page_title(
        opening
            .shown
            .as_ref()
            .map(|shown| shown.source.page_title(&shown.document.article.title)),
        options.host,
    );
    let on_page = options.host == Host::Page;
    let drop = use_file_drop(on_page, opening.on_file.clone());
    let class = classes!(
        "briefing",
        options.compact.then_some("compact"),
        drop.dragging.then_some("dragging")
    );
    let shown = &*opening.shown;
    // The page's own tools, first in the toolbar: opening another article, and the
    // downloads of the one on screen.
    let page_tools = html! {
        if on_page {
            <OpenBar on_file={opening.on_file.clone()} />
            if let Some(shown) = shown {
                <DownloadsMenu document={shown.document.clone()} on_status={opening.status.setter()} />
                if !edit_mode.active {
                    <button type="button" class="edit-button" onclick={edit_mode.on_edit.clone()} title="Correct names, events, sections and dates, and save the article">{ "Edit" }</button>
                }
            }
        }
    };
    html! {
        <div {class} ref={container.clone()} ondragover={drop.ondragover} ondragleave={drop.ondragleave} ondrop={drop.ondrop}>
            <a class="skip-link" href="#article">{ "Skip to the article" }</a>
            if shown.is_none() && on_page {
                <section class="toolbar" aria-label="Tools">{ page_tools.clone() }</section>
            }
            <OpeningPanel
                status={(*opening.status).clone()}
                parent={options.parent.clone()}
                shown={shown.clone()}
            />
            if let Wanted::Ask(url) = &*opening.wanted {
                <ArticleConsent url={url.clone()} on_show={opening.on_show.clone()} on_decline={opening.on_decline.clone()} />
            }
            if let Some(shown) = shown {
                <Reader
                    // Keyed by the article and its source: the author's changes to it
                    // keep the reader's view (see `Action::Replace`).
                    key={shown.storage_name().to_string()}
                    document={shown.document.clone()}
                    options={options.clone()}
                    {container}
                    prerendered={props.prerendered}
                    storage_name={shown.storage_name()}
                    {page_tools}
                />
            }
            if on_page {
                <SiteFooter />
            }
        </div>
    }
}
