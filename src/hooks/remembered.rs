use crate::browser;
use crate::document::DocumentHandle;
use crate::index::SectionIx;
use crate::options::Host;
use crate::settings::ReadingSettings;
use std::collections::BTreeSet;
use yew::prelude::*;

/// Remembers which sections are open, under the article's `storage_name`, each time
/// that changes (not while a pre-rendered page waits to resume).
#[hook]
pub fn use_remembered_open_sections(
    document: DocumentHandle,
    host: Host,
    storage_name: AttrValue,
    open_sections: BTreeSet<SectionIx>,
    pending_resume: bool,
) {
    use_effect_with(open_sections, move |open| {
        if pending_resume {
            return;
        }
        let ids: Vec<String> = open
            .iter()
            .map(|&s| document.article.sections[s].id.clone())
            .collect();
        browser::save_open_sections(host, &storage_name, &ids);
    });
}

/// Remembers the reading settings and applies them to the viewer's element (and, for a
/// page of its own, the page's background).
#[hook]
pub fn use_reading_settings(
    settings: ReadingSettings,
    host: Host,
    container: NodeRef,
    pending_resume: bool,
) {
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
                let all_names = if settings.all_names { "on" } else { "off" };
                let _ = container.set_attribute("data-all-names", all_names);
            }
            // The page's own background follows the theme too, beyond the viewer's edges.
            if host != Host::Element {
                browser::set_page_theme(settings.theme.slug());
            }
        },
    );
}
