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
    /// For an iframe: the page its height may be posted to (`?embed=https://host.example`).
    pub parent: ParentOrigin,
    /// Author mode (`?edit`): the editor opens with the article.
    pub edit: bool,
}

/// The origin an iframe posts its height to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParentOrigin {
    /// None was named (`?embed`): any parent may read the height.
    Any,
    /// `scheme://host[:port]`: only a parent page of this origin receives it.
    Only(String),
    /// Something was named that is not an origin: the height goes nowhere.
    Invalid(String),
}

impl ParentOrigin {
    /// `?embed`'s value: empty or a flag means any parent; otherwise it must be an
    /// `http` or `https` origin (a trailing `/` is allowed).
    fn parse(value: &str) -> Self {
        let value = value.trim();
        if value.is_empty()
            || matches!(
                value.to_ascii_lowercase().as_str(),
                "1" | "true" | "yes" | "on"
            )
        {
            return ParentOrigin::Any;
        }
        let origin = value.trim_end_matches('/');
        let lower = origin.to_ascii_lowercase();
        let authority = lower
            .strip_prefix("https://")
            .or_else(|| lower.strip_prefix("http://"));
        match authority {
            Some(authority)
                if !authority.is_empty()
                    && authority.chars().all(|c| {
                        c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']')
                    }) =>
            {
                ParentOrigin::Only(lower)
            }
            _ => ParentOrigin::Invalid(crate::text::echo(value)),
        }
    }
}

impl Default for ViewerOptions {
    fn default() -> Self {
        ViewerOptions {
            article_url: None,
            show_sidebar: true,
            show_timeline: true,
            compact: false,
            host: Host::Page,
            parent: ParentOrigin::Any,
            edit: false,
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
                "edit" => options.edit = parse_flag(&value),
                "embed" if parse_flag(&value) => {
                    options.host = Host::Frame;
                    options.parent = ParentOrigin::parse(&value);
                }
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
            parent: ParentOrigin::Any,
            edit: false,
        }
    }
}

/// `existing` (a query string) with author mode on (`edit`) or off, other parameters
/// kept. Returns `""` or a string starting with `?`.
pub fn query_with_edit(existing: &str, on: bool) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(existing.trim_start_matches('?').as_bytes()) {
        if key != "edit" {
            query.append_pair(&key, &value);
        }
    }
    if on {
        query.append_key_only("edit");
    }
    let query = query.finish();
    if query.is_empty() {
        query
    } else {
        format!("?{query}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_mode_is_named_in_the_address_and_taken_out_again() {
        assert!(ViewerOptions::from_query("?edit").edit);
        assert!(ViewerOptions::from_query("?entity=x&edit=1").edit);
        assert!(!ViewerOptions::from_query("?edit=off").edit);
        assert!(!ViewerOptions::from_query("?entity=x").edit);
        assert_eq!(query_with_edit("?entity=x", true), "?entity=x&edit");
        assert_eq!(query_with_edit("?entity=x&edit", false), "?entity=x");
        assert_eq!(query_with_edit("?edit=1", false), "");
        assert_eq!(query_with_edit("", true), "?edit");
    }

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
                parent: ParentOrigin::Any,
                edit: false,
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
                parent: ParentOrigin::Any,
                edit: false,
            }
        );
        let options = ViewerOptions::from_attributes(None, None, None);
        assert!(options.show_sidebar && options.show_timeline && !options.compact);
    }

    #[test]
    fn an_iframe_posts_its_height_only_to_the_origin_it_names() {
        let parent = |query: &str| ViewerOptions::from_query(query).parent;
        assert_eq!(parent("?embed"), ParentOrigin::Any);
        assert_eq!(parent("?embed=1"), ParentOrigin::Any);
        assert_eq!(
            parent("?embed=https%3A%2F%2FHost.example%2F"),
            ParentOrigin::Only("https://host.example".into())
        );
        assert_eq!(
            parent("?embed=http://127.0.0.2:8080"),
            ParentOrigin::Only("http://127.0.0.2:8080".into())
        );
        let options = ViewerOptions::from_query("?embed=https://host.example");
        assert_eq!(options.host, Host::Frame);
        for bad in [
            "javascript:alert(1)",
            "https://host.example/page",
            "ftp://host.example",
            "https://",
        ] {
            assert!(
                matches!(
                    parent(&format!("?embed={}", bad.replace(':', "%3A"))),
                    ParentOrigin::Invalid(_)
                ),
                "{bad}"
            );
        }
        // What is repeated of a bad value is cut.
        let ParentOrigin::Invalid(shown) = parent(&format!("?embed={}", "x".repeat(500))) else {
            panic!("a long value is no origin");
        };
        assert!(shown.chars().count() <= crate::text::ECHO_CHARS);
    }
}
