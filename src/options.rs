//! How a viewer is set up: which article, which panels, compact or not, and where it
//! lives (its own page, an iframe, or a custom element in someone else's page).
//! The same options come from the query string (`?article=...&panels=...&compact`)
//! or from the attributes of `<briefing-viewer>`.

/// Where the viewer runs, which decides what it may touch outside itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Host {
    /// Its own page: it keeps deep links in the address bar.
    Page,
    /// Inside an iframe (`?embed`): its own address bar too, and it tells the parent
    /// page its height so the frame can grow to fit.
    Frame,
    /// A `<briefing-viewer>` element in another page: it leaves that page's address alone.
    Element,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ViewerOptions {
    /// An article to fetch instead of the built-in one.
    pub article_url: Option<String>,
    pub show_sidebar: bool,
    pub show_timeline: bool,
    /// A tighter layout for embedding: one column, smaller type, no page header.
    pub compact: bool,
    pub host: Host,
}

impl Default for ViewerOptions {
    fn default() -> Self {
        ViewerOptions {
            article_url: None,
            show_sidebar: true,
            show_timeline: true,
            compact: false,
            host: Host::Page,
        }
    }
}

/// "sidebar,timeline", "timeline", "none"...: which panels to show beside the article.
/// Returns (sidebar, timeline); unknown names are ignored.
fn parse_panels(value: &str) -> (bool, bool) {
    let names: Vec<&str> = value.split([',', ' ']).map(str::trim).collect();
    (names.contains(&"sidebar"), names.contains(&"timeline"))
}

/// A flag is on when present, unless it says "false", "0", "no" or "off".
fn parse_flag(value: &str) -> bool {
    !matches!(
        value.trim().to_ascii_lowercase().as_str(),
        "false" | "0" | "no" | "off"
    )
}

impl ViewerOptions {
    /// Options from the page's query string; `?embed` marks an iframe.
    pub fn from_query(query: &str) -> Self {
        let mut options = ViewerOptions::default();
        for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            match key.as_ref() {
                "article" if !value.trim().is_empty() => {
                    options.article_url = Some(value.trim().to_owned())
                }
                "panels" => (options.show_sidebar, options.show_timeline) = parse_panels(&value),
                "compact" => options.compact = parse_flag(&value),
                "embed" if parse_flag(&value) => options.host = Host::Frame,
                _ => {}
            }
        }
        options
    }

    /// Options from a `<briefing-viewer>` element's attributes (absent ones are `None`).
    pub fn from_attributes(
        article: Option<&str>,
        panels: Option<&str>,
        compact: Option<&str>,
    ) -> Self {
        let (show_sidebar, show_timeline) = panels.map_or((true, true), parse_panels);
        ViewerOptions {
            article_url: article
                .map(str::trim)
                .filter(|url| !url.is_empty())
                .map(str::to_owned),
            show_sidebar,
            show_timeline,
            compact: compact.is_some_and(parse_flag),
            host: Host::Element,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_show_everything_on_a_page() {
        assert_eq!(ViewerOptions::from_query(""), ViewerOptions::default());
        assert_eq!(
            ViewerOptions::from_query("?entity=tass"),
            ViewerOptions::default()
        );
    }

    #[test]
    fn the_query_sets_panels_compact_article_and_frame() {
        let options = ViewerOptions::from_query(
            "?embed&panels=timeline&compact&article=https%3A%2F%2Fexample.org%2Fa.json",
        );
        assert_eq!(
            options,
            ViewerOptions {
                article_url: Some("https://example.org/a.json".into()),
                show_sidebar: false,
                show_timeline: true,
                compact: true,
                host: Host::Frame,
            }
        );
        let options = ViewerOptions::from_query("?panels=none&compact=false&embed=0");
        assert!(!options.show_sidebar && !options.show_timeline && !options.compact);
        assert_eq!(options.host, Host::Page);
    }

    #[test]
    fn attributes_set_the_same_options_for_an_element() {
        let options = ViewerOptions::from_attributes(Some(" a.json "), Some("sidebar"), Some(""));
        assert_eq!(
            options,
            ViewerOptions {
                article_url: Some("a.json".into()),
                show_sidebar: true,
                show_timeline: false,
                compact: true,
                host: Host::Element,
            }
        );
        let options = ViewerOptions::from_attributes(None, None, None);
        assert!(options.show_sidebar && options.show_timeline && !options.compact);
    }
}
