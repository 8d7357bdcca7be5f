//! Where an article came from, what the reader is told about it, and whether this
//! deployment trusts the site it came from enough to show it without asking first.
//!
//! The browser parses addresses (so a look-alike host shows as the punycode the browser
//! itself uses); this module only decides, from the parsed parts.

use crate::text::echo;

/// Origins a deployment trusts to serve articles, set when the site is built
/// (`BRIEFING_TRUSTED_ORIGINS`, space- or comma-separated, such as
/// `https://news.example https://data.example:8443`; a port of `*` matches any port).
/// The same list is added to the pages' `connect-src`.
pub const TRUSTED_ORIGINS: &str = match option_env!("BRIEFING_TRUSTED_ORIGINS") {
    Some(list) => list,
    None => "",
};

/// An article address as the browser parsed it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArticleUrl {
    /// The whole address, resolved against the page; what is fetched.
    pub href: String,
    /// `scheme://host[:port]`.
    pub origin: String,
    /// The host (and port, when not the scheme's default), punycode for non-ASCII names.
    pub host: String,
}

/// Where the article on screen came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The article this site ships with.
    Builtin,
    /// Fetched from an address (`?article=` or the element's `article` attribute).
    Url(ArticleUrl),
    /// A file the reader opened or dropped, by its name.
    File(String),
    /// The author's edited copy (edit mode) of what [`Source::described`] names.
    Draft(String),
}

/// The words around the name of an article's source in the banner.
pub const BANNER_START: &str = "Opened from ";
pub const BANNER_END: &str = ", not published by this site";

impl ArticleUrl {
    /// The host as messages show it (never the whole address, which anyone can make long).
    pub fn shown_host(&self) -> String {
        echo(&self.host)
    }
}

impl Source {
    /// How the banner names where an article this site did not publish came from: the
    /// words before the name, and the name (to be kept on one line where it fits, so a
    /// host is never split at a hyphen into a look-alike).
    pub fn banner_name(&self) -> Option<(&'static str, String)> {
        match self {
            Source::Builtin => None,
            Source::Url(url) => Some(("", url.shown_host())),
            Source::File(name) => Some(("the file ", format!("“{}”", echo(name)))),
            Source::Draft(of) => Some(("your edited copy of ", echo(of))),
        }
    }

    /// What the article is, for the editor and its drafts: "this site’s article", "the
    /// file “story.txt”"; an edited copy is a copy of what it was made from.
    pub fn described(&self) -> String {
        match self {
            Source::Builtin => "this site’s article".to_owned(),
            Source::Url(url) => format!("the article from {}", url.shown_host()),
            Source::File(name) => format!("the file “{}”", echo(name)),
            Source::Draft(of) => of.clone(),
        }
    }

    /// The page title for an article titled `title`: the source is named for any
    /// article this site did not publish, so a tab cannot pass for the site's own story.
    pub fn page_title(&self, title: &str) -> String {
        let title = crate::text::shorten(title, 120);
        match self {
            Source::Builtin => format!("{title} · Briefing"),
            Source::Url(url) => format!("{title} · from {} · Briefing", url.shown_host()),
            Source::File(name) => format!("{title} · from the file {} · Briefing", echo(name)),
            Source::Draft(_) => format!("{title} · your edited copy · Briefing"),
        }
    }

    /// Identifies the source in remembered state, so that two articles with the same
    /// id from different places never share it.
    pub fn identity(&self) -> String {
        match self {
            Source::Builtin => "builtin".to_owned(),
            Source::Url(url) => format!("url:{}", url.href),
            Source::File(name) => format!("file:{name}"),
            Source::Draft(of) => format!("draft:{of}"),
        }
    }
}

/// What to do with an article address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Fetch and show it.
    Fetch,
    /// Ask the reader first.
    Ask,
    /// Refuse it: plain http from an untrusted site, which the pages' policy blocks.
    RefuseHttp,
}

/// Whether an address is fetched at once, asked about, or refused. `chosen_by_page`:
/// the address comes from an element's attribute, which only the page holding the
/// element can write (and whose fetches that page's policy governs), not from an
/// address anyone can write.
pub fn decide(
    url: &ArticleUrl,
    own_origin: &str,
    trusted: &[String],
    chosen_by_page: bool,
) -> Decision {
    if chosen_by_page || is_trusted(&url.origin, own_origin, trusted) {
        Decision::Fetch
    } else if url.origin.starts_with("https://") {
        Decision::Ask
    } else {
        Decision::RefuseHttp
    }
}

/// The trusted origins in a list as [`TRUSTED_ORIGINS`] holds it, without trailing `/`.
pub fn parse_origins(list: &str) -> Vec<String> {
    list.split(|c: char| c == ',' || c.is_whitespace())
        .map(|origin| origin.trim_end_matches('/').to_ascii_lowercase())
        .filter(|origin| !origin.is_empty())
        .collect()
}

/// Whether `origin` (as the browser gives it) may be shown without asking first: the
/// viewer's own origin, or one the deployment lists (where `host:*` allows any port).
pub fn is_trusted(origin: &str, own_origin: &str, trusted: &[String]) -> bool {
    let origin = origin.to_ascii_lowercase();
    if origin == own_origin.to_ascii_lowercase() {
        return true;
    }
    trusted.iter().any(|entry| match entry.strip_suffix(":*") {
        Some(without_port) => {
            origin == without_port
                || origin
                    .strip_prefix(without_port)
                    .and_then(|rest| rest.strip_prefix(':'))
                    .is_some_and(|port| {
                        !port.is_empty() && port.bytes().all(|b| b.is_ascii_digit())
                    })
        }
        None => &origin == entry,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(href: &str, origin: &str, host: &str) -> ArticleUrl {
        ArticleUrl {
            href: href.into(),
            origin: origin.into(),
            host: host.into(),
        }
    }

    fn banner(source: &Source) -> Option<String> {
        source
            .banner_name()
            .map(|(lead, name)| format!("{BANNER_START}{lead}{name}{BANNER_END}"))
    }

    #[test]
    fn only_articles_from_elsewhere_get_a_banner_naming_the_host() {
        assert_eq!(banner(&Source::Builtin), None);
        let spoof = Source::Url(url(
            "https://xn--pple-43d.com/a.json",
            "https://xn--pple-43d.com",
            "xn--pple-43d.com",
        ));
        assert_eq!(
            banner(&spoof).unwrap(),
            "Opened from xn--pple-43d.com, not published by this site"
        );
        let file = Source::File(format!("{}.json", "n".repeat(300)));
        let banner = banner(&file).unwrap();
        assert!(banner.starts_with("Opened from the file “nnn"), "{banner}");
        assert!(banner.contains("…”"), "{banner}");
        assert!(banner.chars().count() < 140, "{banner}");
        // An edited copy, even of this site's own article, is never passed off as it.
        let draft = Source::Draft(Source::Builtin.described());
        assert_eq!(
            self::banner(&draft).unwrap(),
            "Opened from your edited copy of this site’s article, not published by this site"
        );
        assert_eq!(
            draft.page_title("Talks"),
            "Talks · your edited copy · Briefing"
        );
        assert_eq!(
            Source::Draft(file.described()).described(),
            file.described()
        );
    }

    #[test]
    fn the_page_title_names_where_the_article_came_from() {
        let title = "Strong future";
        assert_eq!(
            Source::Builtin.page_title(title),
            "Strong future · Briefing"
        );
        let source = Source::Url(url(
            "http://example.org:8080/a.json",
            "http://example.org:8080",
            "example.org:8080",
        ));
        assert_eq!(
            source.page_title(title),
            "Strong future · from example.org:8080 · Briefing"
        );
        assert!(source.page_title(&"t ".repeat(500)).chars().count() < 200);
    }

    #[test]
    fn the_same_id_from_another_source_is_another_article() {
        let a = Source::Url(url(
            "https://a.example/x.json",
            "https://a.example",
            "a.example",
        ));
        let b = Source::File("x.json".into());
        let identities = [Source::Builtin.identity(), a.identity(), b.identity()];
        assert_eq!(
            identities,
            ["builtin", "url:https://a.example/x.json", "file:x.json"]
        );
    }

    #[test]
    fn trusted_origins_are_the_own_one_and_those_listed() {
        let trusted =
            parse_origins(" https://News.example/, http://127.0.0.1:*\nhttps://b.example:8443 ");
        assert_eq!(
            trusted,
            [
                "https://news.example",
                "http://127.0.0.1:*",
                "https://b.example:8443"
            ]
        );
        let own = "https://me.github.io";
        assert!(is_trusted("https://me.github.io", own, &[]));
        assert!(is_trusted("https://news.example", own, &trusted));
        assert!(is_trusted("http://127.0.0.1:40123", own, &trusted));
        assert!(is_trusted("https://b.example:8443", own, &trusted));
        // A different scheme, port, host or a host that merely starts the same is not.
        assert!(!is_trusted("http://news.example", own, &trusted));
        assert!(!is_trusted("https://b.example", own, &trusted));
        assert!(!is_trusted("https://news.example.evil", own, &trusted));
        assert!(!is_trusted("http://127.0.0.10:80", own, &trusted));
        assert!(!is_trusted("http://127.0.0.1:80x", own, &trusted));
        assert!(!is_trusted("https://elsewhere.example", own, &trusted));
    }

    #[test]
    fn untrusted_https_is_asked_about_and_untrusted_http_refused() {
        let trusted = parse_origins("http://127.0.0.1:*");
        let own = "https://me.github.io";
        let at = |origin: &str| url(&format!("{origin}/a.json"), origin, "h");
        assert_eq!(
            decide(&at("https://me.github.io"), own, &trusted, false),
            Decision::Fetch
        );
        assert_eq!(
            decide(&at("http://127.0.0.1:8080"), own, &trusted, false),
            Decision::Fetch
        );
        assert_eq!(
            decide(&at("https://elsewhere.example"), own, &trusted, false),
            Decision::Ask
        );
        assert_eq!(
            decide(&at("http://elsewhere.example"), own, &trusted, false),
            Decision::RefuseHttp
        );
        // An element's page chose the article itself.
        assert_eq!(
            decide(&at("http://elsewhere.example"), own, &trusted, true),
            Decision::Fetch
        );
    }

    #[test]
    fn messages_name_the_host_only() {
        let long = url(
            &format!("https://example.org/{}", "a/".repeat(200)),
            "https://example.org",
            "example.org",
        );
        assert_eq!(long.shown_host(), "example.org");
    }
}
