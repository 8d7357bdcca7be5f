//! Component tests in headless Chromium (wasm-bindgen-test): the viewer mounted into a
//! real document, driven through its DOM. End-to-end paths live in `tests/e2e/`.
#![cfg(target_arch = "wasm32")]

use briefing::options::{Host, ViewerOptions};
use briefing::viewer::{Viewer, ViewerProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh element to mount into, so tests do not see each other's output.
fn fresh_root() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

/// Mounts a viewer as `<briefing-viewer>` does, so it leaves the runner's address alone.
fn mount_viewer_with(article_url: Option<&str>) -> Element {
    let _ = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear();
    let root = fresh_root();
    let options = ViewerOptions {
        article_url: article_url.map(str::to_owned),
        host: Host::Element,
        ..ViewerOptions::default()
    };
    yew::Renderer::<Viewer>::with_root_and_props(
        root.clone(),
        ViewerProps {
            options,
            prerendered: false,
        },
    )
    .render();
    root
}

fn mount_viewer() -> Element {
    mount_viewer_with(None)
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

/// Yields to the browser until `condition` holds; fails after a bounded number of turns.
async fn until(what: &str, condition: impl Fn() -> bool) {
    for _ in 0..200 {
        if condition() {
            return;
        }
        gloo::timers::future::TimeoutFuture::new(0).await;
    }
    panic!("timed out waiting until {what}");
}

fn click(element: &Element) {
    element.dyn_ref::<HtmlElement>().unwrap().click();
}

#[wasm_bindgen_test]
async fn renders_title_four_sections_sidebar_and_timeline() {
    let root = mount_viewer();
    until("the title shows", || count(&root, "h1") == 1).await;
    assert_eq!(
        find(&root, "h1").text_content().unwrap(),
        "Strong future: NSA meets Russian counterpart in Moscow"
    );
    assert_eq!(
        count(&root, "h2 > button.section-toggle[aria-expanded='true']"),
        4
    );
    assert_eq!(count(&root, "aside.sidebar button.entity-button"), 30);
    assert_eq!(count(&root, "ol.timeline-list > li"), 12);
}

#[wasm_bindgen_test]
async fn a_section_toggle_hides_its_body_until_found() {
    let root = mount_viewer();
    until("the sections show", || count(&root, ".section-toggle") == 4).await;
    let toggle = find(&root, "#heading-the-backdrop button");
    let body_id = toggle.get_attribute("aria-controls").unwrap();
    click(&toggle);
    until("the section closes", || {
        toggle.get_attribute("aria-expanded").as_deref() == Some("false")
    })
    .await;
    let body = find(&root, &format!("#{body_id}"));
    assert_eq!(body.get_attribute("hidden").as_deref(), Some("until-found"));
    click(&toggle);
    until("the section opens", || {
        body.get_attribute("hidden").is_none()
    })
    .await;
    assert_eq!(
        toggle.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
}

#[wasm_bindgen_test]
async fn choosing_an_entity_marks_its_mentions_and_events() {
    let root = mount_viewer();
    until("the sidebar shows", || count(&root, ".entity-button") > 0).await;
    click(&find(
        &root,
        ".entity-button[data-entity-id='nikolay-patrushev']",
    ));
    until("mentions are marked", || count(&root, "mark.marked") > 0).await;
    assert_eq!(
        count(&root, "mark.marked[data-entity-id='nikolay-patrushev']"),
        7
    );
    assert_eq!(
        count(&root, "mark.marked"),
        7,
        "only the chosen entity is marked"
    );
    assert!(count(&root, ".timeline-item.involves-entity") >= 3);
    assert_eq!(
        find(&root, ".mention-status").text_content().unwrap(),
        "Mention 1 of 7 of Nikolay Patrushev"
    );
    // Names are isolated, so a right-to-left name cannot reorder the words around it.
    assert_eq!(
        find(&root, ".mention-status bdi").text_content().unwrap(),
        "Nikolay Patrushev"
    );
    assert_eq!(count(&root, ".entity-name > bdi"), 30);
    assert!(count(&root, ".event-involves > bdi") >= 3);
}

#[wasm_bindgen_test]
async fn choosing_an_event_highlights_its_sentence() {
    let root = mount_viewer();
    until("the timeline shows", || count(&root, ".event-button") > 0).await;
    click(&find(
        &root,
        ".event-button[data-event-id='moscow-meeting']",
    ));
    until("the sentence is highlighted", || {
        count(&root, "#chosen-sentence") == 1
    })
    .await;
    let sentence = find(&root, "#chosen-sentence").text_content().unwrap();
    assert!(
        sentence.contains("led a six-member delegation"),
        "{sentence}"
    );
    assert!(find(&root, ".event-details")
        .text_content()
        .unwrap()
        .contains("Stated in the article"));
}

#[wasm_bindgen_test]
async fn an_article_that_cannot_be_fetched_is_reported_and_the_built_in_one_shown() {
    let root = mount_viewer_with(Some("/no-such-article.json"));
    until("the failure is reported", || {
        count(&root, ".opening-error[role='alert']") == 1
    })
    .await;
    let message = find(&root, ".opening-error").text_content().unwrap();
    assert!(message.contains("answered HTTP 404"), "{message}");
    assert!(
        !message.contains("/no-such-article.json"),
        "messages name the host, not the whole address: {message}"
    );
    assert!(
        message.contains("Showing the built-in article instead"),
        "{message}"
    );
    until("the built-in article shows", || count(&root, "h1") == 1).await;
}

#[wasm_bindgen_test]
fn a_fatal_error_is_shown_on_the_page() {
    briefing::browser::show_fatal_error("test message");
    let alert = document()
        .get_element_by_id("fatal-error")
        .expect("alert shown");
    assert_eq!(alert.get_attribute("role").as_deref(), Some("alert"));
    assert!(alert.text_content().unwrap().contains("Reload the page"));
}
