//! The article's data as downloads (written by the tools module, loaded on the first
//! download), in a menu of the toolbar; and the page's footer: the offline file and the
//! format.

use super::opening::OpenStatus;
use crate::browser;
use crate::document::{Document, DocumentHandle};
use crate::tools::{ExportFormat, ToolRequest, ToolResponse};
use yew::prelude::*;

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

#[derive(Properties, PartialEq)]
pub struct DownloadsMenuProps {
    pub document: DocumentHandle,
    /// Says how a download goes, where the opening status shows.
    pub on_status: Callback<OpenStatus>,
}

/// "Download": the article as Briefing JSON, TimelineJS JSON, CSV and JSON-LD, in a
/// disclosure of the toolbar.
#[component]
pub fn DownloadsMenu(props: &DownloadsMenuProps) -> Html {
    let offer = |format: ExportFormat| {
        let (document, on_status) = (props.document.clone(), props.on_status.clone());
        Callback::from(move |_: MouseEvent| {
            let (document, on_status) = (document.clone(), on_status.clone());
            on_status.emit(OpenStatus::Opening("Preparing the download…".to_owned()));
            wasm_bindgen_futures::spawn_local(async move {
                on_status.emit(match download(format, &document).await {
                    Ok(()) => OpenStatus::Idle,
                    Err(reason) => OpenStatus::Failed(reason),
                });
            });
        })
    };
    html! {
        <details class="downloads-menu menu">
            <summary>{ "Download" }</summary>
            <div class="downloads menu-panel" role="group" aria-label="Download the data">
                <button type="button" onclick={offer(ExportFormat::Article)}>{ "Briefing JSON" }</button>
                <button type="button" onclick={offer(ExportFormat::TimelineJs)}>{ "TimelineJS JSON" }</button>
                <button type="button" onclick={offer(ExportFormat::EntitiesCsv)}>{ "Entities CSV" }</button>
                <button type="button" onclick={offer(ExportFormat::EventsCsv)}>{ "Events CSV" }</button>
                <button type="button" onclick={offer(ExportFormat::JsonLd)}>{ "JSON-LD" }</button>
            </div>
        </details>
    }
}

/// Links relative to the viewer's own site, so only on a page of its own.
#[component]
pub fn SiteFooter() -> Html {
    html! {
        <footer class="site-footer">
            <a href="briefing.html" download="briefing.html">{ "Download for offline reading" }</a>
            { " (one HTML file that opens from disk) · " }
            <a href={format!("articles/{}.json", crate::BUILTIN_ARTICLE_ID)}>{ "The built-in article as JSON" }</a>
            { " · " }
            <a href="articles/article.schema.json">{ "Its JSON Schema" }</a>
        </footer>
    }
}
