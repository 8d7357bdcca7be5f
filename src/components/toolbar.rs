use super::CopyLinkButton;
use crate::context::use_viewer;
use crate::dom_ids;
use crate::link::ViewLink;
use crate::search::SearchResults;
use crate::settings::{LineWidth, ReadingSettings, TextSize, Theme};
use crate::state::Action;
use crate::text::{echo, thousands};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct SearchBoxProps {
    pub query: AttrValue,
    pub results: Rc<SearchResults>,
    pub cursor: usize,
}

fn input_value(event: &InputEvent) -> String {
    event
        .target()
        .and_then(|target| target.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// Names listed under the search box at most; the rest are counted.
const NAMES_LISTED: usize = 20;

/// The first [`NAMES_LISTED`] names, each isolated (`<bdi>`) so that a right-to-left name
/// cannot reorder its neighbours, then "and N more".
fn names_list<'a, I: Copy>(indexes: &[I], name: impl Fn(I) -> &'a str) -> Html {
    let listed = indexes
        .iter()
        .take(NAMES_LISTED)
        .enumerate()
        .map(|(i, &index)| {
            html! { <>{ if i > 0 { ", " } else { "" } }<bdi>{ name(index) }</bdi></> }
        });
    let more = indexes.len().saturating_sub(NAMES_LISTED);
    html! {
        <>
            { for listed }
            if more > 0 {
                { format!(" and {} more", thousands(more)) }
            }
        </>
    }
}

/// Search within the article: every hit marked, counted and stepped through with
/// Enter and Shift+Enter or the arrow buttons (the down arrow is the form's submit
/// button); entities and events whose names match are listed too.
#[component]
pub fn SearchBox(props: &SearchBoxProps) -> Html {
    let viewer = use_viewer();
    let on_action = &viewer.dispatch;
    let oninput = on_action.reform(|event: InputEvent| Action::Search(input_value(&event)));
    let onkeydown = {
        let on_action = on_action.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Enter" {
                event.prevent_default();
                on_action.emit(Action::StepSearch(if event.shift_key() { -1 } else { 1 }));
            }
        })
    };
    let onsubmit = on_action.reform(|event: SubmitEvent| {
        event.prevent_default();
        Action::StepSearch(1)
    });
    let previous = on_action.reform(|_: MouseEvent| Action::StepSearch(-1));
    let clear = on_action.reform(|_: MouseEvent| Action::Search(String::new()));
    let count = props.results.hits.len();
    let query = props.query.trim();
    let total = if props.results.more_hits {
        format!("{}+", thousands(count))
    } else {
        thousands(count)
    };
    let status = match (query.is_empty(), count) {
        (true, _) => String::new(),
        (false, 0) => format!("No matches for “{}” in the text", echo(query)),
        (false, 1) => "1 of 1 match".to_owned(),
        (false, _) => format!("{} of {total} matches", thousands(props.cursor + 1)),
    };
    let article = &viewer.document.article;
    let entity_names = names_list(&props.results.entities, |e| &article.entities[e].name);
    let event_names = names_list(&props.results.events, |e| &article.events[e].label);
    html! {
        <form class="article-search" role="search" {onsubmit}>
            <label class="visually-hidden" for={dom_ids::SEARCH_INPUT}>{ "Search the article" }</label>
            <div class="search-row">
                <input id={dom_ids::SEARCH_INPUT} type="search" value={props.query.clone()} {oninput} {onkeydown}
                    autocomplete="off" aria-describedby="search-status" aria-keyshortcuts="/" placeholder="Search the article" />
                <button type="button" aria-label="Previous match" title="Previous match (Shift+Enter)" onclick={previous} disabled={count < 2}>{ "↑" }</button>
                <button type="submit" aria-label="Next match" title="Next match (Enter)" disabled={count < 2}>{ "↓" }</button>
                <button type="button" aria-label="Clear search" title="Clear search" onclick={clear} disabled={query.is_empty()}>{ "✕" }</button>
            </div>
            <p id="search-status" class="search-status" aria-live="polite" dir="auto">{ status }</p>
            if !props.results.entities.is_empty() || !props.results.events.is_empty() {
                <ul class="search-matches">
                    if !props.results.entities.is_empty() {
                        <li>{ "Entities: " }{ entity_names }</li>
                    }
                    if !props.results.events.is_empty() {
                        <li>{ "Events: " }{ event_names }</li>
                    }
                </ul>
            }
            if viewer.can_link && !query.is_empty() {
                <CopyLinkButton
                    link={ViewLink { query: Some(query.to_owned()), ..ViewLink::default() }}
                    label="Copy link to this search"
                />
            }
        </form>
    }
}

#[derive(Properties, PartialEq)]
pub struct ReadingControlsProps {
    pub settings: ReadingSettings,
}

/// Text size, line width and theme, as plain selects in a disclosure.
#[component]
pub fn ReadingControls(props: &ReadingControlsProps) -> Html {
    let settings = props.settings;
    let dispatch = use_viewer().dispatch;
    let select = |id: &'static str,
                  label: &'static str,
                  options: Vec<(&'static str, &'static str)>,
                  current: &'static str,
                  apply: fn(ReadingSettings, &str) -> ReadingSettings| {
        let on_action = dispatch.clone();
        let onchange = Callback::from(move |event: Event| {
            if let Some(select) = event
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok())
            {
                on_action.emit(Action::ChangeSettings(apply(settings, &select.value())));
            }
        });
        html! {
            <label class="setting">
                { label }
                <select {id} {onchange}>
                    { for options.into_iter().map(|(slug, text)| html! {
                        <option value={slug} selected={slug == current}>{ text }</option>
                    }) }
                </select>
            </label>
        }
    };
    html! {
        <details class="reading-controls menu">
            <summary>{ "Reading settings" }</summary>
            <div class="menu-panel">
            { select("text-size", "Text size", TextSize::ALL.iter().map(|c| (c.slug(), c.label())).collect(), settings.text_size.slug(),
                |s, v| ReadingSettings { text_size: TextSize::from_slug(v).unwrap_or(s.text_size), ..s }) }
            { select("line-width", "Line width", LineWidth::ALL.iter().map(|c| (c.slug(), c.label())).collect(), settings.line_width.slug(),
                |s, v| ReadingSettings { line_width: LineWidth::from_slug(v).unwrap_or(s.line_width), ..s }) }
            { select("theme", "Theme", Theme::ALL.iter().map(|c| (c.slug(), c.label())).collect(), settings.theme.slug(),
                |s, v| ReadingSettings { theme: Theme::from_slug(v).unwrap_or(s.theme), ..s }) }
            </div>
        </details>
    }
}
