//! What search engines and link previews read in the page's `<head>`, generated from
//! the article: title, description, canonical link, Open Graph and Twitter card tags,
//! and schema.org `NewsArticle` JSON-LD.

use crate::export::{escape_html, json_ld};
use crate::model::Article;
use crate::text::shorten;

/// The first paragraph, cut at a word near 200 characters, for descriptions.
pub fn description(article: &Article) -> String {
    let first = article
        .paragraphs()
        .next()
        .map_or(article.title.as_str(), |(_, _, text)| text);
    // 200 characters, then the "…".
    shorten(first, 201)
}

/// JSON for a `<script>` element: `<`, `>` and `&` written as `\u003c`, `\u003e` and
/// `\u0026` (the same JSON), so no text can end the element early (`</script>`) or put the
/// parser in a state where a later `</script>` does not end it (`<!--<script>`).
fn script_safe_json(value: &serde_json::Value) -> String {
    // Outside strings, JSON never has these characters, so replacing them everywhere only
    // touches strings, where the escapes mean the same.
    serde_json::to_string(value)
        .unwrap_or_default()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// Tags for the `<head>`. `page_url` is the page's address (absolute when known, so
/// previews can link back), used for the canonical link and `og:url`.
pub fn head_tags(article: &Article, page_url: &str) -> String {
    let title = escape_html(&article.title);
    let site = escape_html(&article.site);
    let description = escape_html(&description(article));
    let url = escape_html(page_url);
    let data = script_safe_json(&json_ld(article));
    let published = article
        .published
        .as_ref()
        .map(|p| {
            format!(
                "\n    <meta property=\"article:published_time\" content=\"{}\">",
                escape_html(&p.from)
            )
        })
        .unwrap_or_default();
    format!(
        r#"<title>{title} · Briefing</title>
    <meta name="description" content="{description}">
    <link rel="canonical" href="{url}">
    <meta property="og:type" content="article">
    <meta property="og:title" content="{title}">
    <meta property="og:description" content="{description}">
    <meta property="og:site_name" content="{site} (read in Briefing)">
    <meta property="og:url" content="{url}">{published}
    <meta name="twitter:card" content="summary">
    <meta name="twitter:title" content="{title}">
    <meta name="twitter:description" content="{description}">
    <script type="application/ld+json">{data}</script>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Block;

    #[test]
    fn the_head_names_the_article_and_parses_as_json_ld() {
        let article = crate::builtin_article();
        let tags = head_tags(&article, "https://example.github.io/briefing/");
        assert!(tags.starts_with(
            "<title>Strong future: NSA meets Russian counterpart in Moscow · Briefing</title>"
        ));
        assert!(
            tags.contains(r#"<link rel="canonical" href="https://example.github.io/briefing/">"#)
        );
        assert!(tags.contains(r#"<meta property="article:published_time" content="2021-12-01">"#));
        assert!(
            !tags.contains("2024-02-15"),
            "the copy date is not a publication date"
        );
        let start = tags.find(r#"<script type="application/ld+json">"#).unwrap() + 35;
        let end = tags[start..].find("</script>").unwrap() + start;
        let data: serde_json::Value = serde_json::from_str(&tags[start..end]).unwrap();
        assert_eq!(data["@type"], "NewsArticle");
        assert_eq!(data["headline"], article.title);
        assert_eq!(data["publisher"]["name"], "Global Village Space");
        assert!(data["mentions"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["name"] == "Nikolay Patrushev"));
    }

    #[test]
    fn json_ld_cannot_end_or_hide_its_script_element() {
        let mut article = crate::builtin_article();
        article.title = "<!--<script> </script><b>Tom & Jerry</b>".into();
        let tags = head_tags(&article, "/");
        let start = tags.find(r#"<script type="application/ld+json">"#).unwrap() + 35;
        let data = &tags[start..];
        let end = data.find("</script>").unwrap();
        assert_eq!(
            end,
            data.len() - "</script>".len(),
            "one script element, ended once"
        );
        let json = &data[..end];
        assert!(!json.contains(['<', '>', '&']), "{json}");
        assert!(json.contains(r"\u003c!--\u003cscript\u003e"), "{json}");
        let parsed: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(parsed["headline"], article.title);
    }

    #[test]
    fn descriptions_are_short_and_escaped() {
        let mut article = crate::builtin_article();
        assert!(description(&article).starts_with("The National Security Advisor expressed"));
        article.title = "<b>\"x\"</b>".into();
        let tags = head_tags(&article, "/");
        assert!(tags.contains("&lt;b&gt;&quot;x&quot;&lt;/b&gt;"));
        if let Block::Paragraph { text, .. } = &mut article.sections[0].blocks[0] {
            *text = "word ".repeat(100);
        }
        let short = description(&article);
        assert!(
            short.chars().count() <= 201 && short.ends_with('…'),
            "{short}"
        );
    }
}
