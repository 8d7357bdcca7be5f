//! What the viewer remembers between visits, kept small: the keys it uses in the page's
//! local storage, the bound on each value, and which articles are forgotten first.
//!
//! Every key starts with one prefix: `briefing.` on the viewer's own site, and
//! `briefing-viewer.` when a `<briefing-viewer>` element writes into its host page's
//! storage. Open sections are kept per article, under a key made from the article's
//! source and id, so an article that reuses another's id never reads or overwrites its
//! state; only the most recent [`MAX_ARTICLES`] articles are kept.

use crate::options::Host;

/// At most this many articles have their open sections remembered.
pub const MAX_ARTICLES: usize = 20;

/// The longest value stored under one key, in bytes; longer ones are not stored.
pub const MAX_VALUE_BYTES: usize = 400;

/// The prefix of every key, by where the viewer runs.
pub fn prefix(host: Host) -> &'static str {
    match host {
        Host::Page | Host::Frame => "briefing.",
        Host::Element => "briefing-viewer.",
    }
}

/// The key of the reading settings.
pub fn settings_key(host: Host) -> String {
    format!("{}reading-settings", prefix(host))
}

/// The key of the list of remembered articles, most recent last.
pub fn recent_key(host: Host) -> String {
    format!("{}recent-articles", prefix(host))
}

/// A short fixed-length name for an article from `source` (see
/// [`crate::trust::Source::identity`]) with id `id`: 64-bit FNV-1a, in hex.
pub fn article_name(source: &str, id: &str) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in source.bytes().chain([0]).chain(id.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{hash:016x}")
}

/// The key of one article's open sections.
pub fn open_sections_key(host: Host, name: &str) -> String {
    format!("{}open-sections.{name}", prefix(host))
}

/// Whether `key` is one that earlier versions wrote on the viewer's own site, one per
/// article id of any length (`briefing.open-sections.<id>`), to be removed.
pub fn is_legacy_key(key: &str) -> bool {
    key.strip_prefix("briefing.open-sections.")
        .is_some_and(|rest| {
            !(rest.len() == 16 && rest.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f')))
        })
}

/// The value stored for open sections, or `None` when it would be over the bound.
pub fn encode_open_sections(ids: &[String]) -> Option<String> {
    serde_json::to_string(ids)
        .ok()
        .filter(|json| json.len() <= MAX_VALUE_BYTES)
}

/// Open sections as stored; anything else (oversized, not a list of strings) is `None`.
pub fn decode_open_sections(value: &str) -> Option<Vec<String>> {
    (value.len() <= MAX_VALUE_BYTES)
        .then(|| serde_json::from_str(value).ok())
        .flatten()
}

/// The remembered-articles list after `name` was used: it moves to the end, and the
/// oldest beyond [`MAX_ARTICLES`] are returned to be forgotten.
pub fn touch(stored: Option<&str>, name: &str) -> (String, Vec<String>) {
    let mut names: Vec<String> = stored
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default();
    names.retain(|n| n != name);
    names.push(name.to_owned());
    let excess = names.len().saturating_sub(MAX_ARTICLES);
    let dropped: Vec<String> = names.drain(..excess).collect();
    (serde_json::to_string(&names).unwrap_or_default(), dropped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_id_from_another_source_has_another_key() {
        let id = crate::BUILTIN_ARTICLE_ID;
        let builtin = article_name("builtin", id);
        let elsewhere = article_name("url:https://elsewhere.example/a.json", id);
        assert_ne!(builtin, elsewhere);
        assert_eq!(builtin, article_name("builtin", id), "stable");
        // The separator keeps ("ab", "c") apart from ("a", "bc").
        assert_ne!(article_name("ab", "c"), article_name("a", "bc"));
        assert_eq!(
            open_sections_key(Host::Page, &builtin),
            format!("briefing.open-sections.{builtin}")
        );
    }

    #[test]
    fn keys_are_short_whatever_the_id_and_namespaced_in_a_host_page() {
        let name = article_name(&"u".repeat(10_000), &"i".repeat(10_000));
        assert_eq!(name.len(), 16);
        assert!(
            open_sections_key(Host::Element, &name).starts_with("briefing-viewer.open-sections.")
        );
        assert_eq!(
            settings_key(Host::Element),
            "briefing-viewer.reading-settings"
        );
        assert_eq!(settings_key(Host::Frame), "briefing.reading-settings");
        assert_eq!(recent_key(Host::Page), "briefing.recent-articles");
    }

    #[test]
    fn keys_of_earlier_versions_are_recognised() {
        assert!(is_legacy_key(
            "briefing.open-sections.nsa-moscow-2021-12-01"
        ));
        assert!(is_legacy_key(&format!(
            "briefing.open-sections.{}",
            "x".repeat(5000)
        )));
        let current = open_sections_key(Host::Page, &article_name("builtin", "a"));
        assert!(!is_legacy_key(&current));
        assert!(!is_legacy_key("briefing.reading-settings"));
        assert!(!is_legacy_key("briefing-viewer.open-sections.x"));
        assert!(!is_legacy_key("someone-else.open-sections.x"));
    }

    #[test]
    fn values_over_the_bound_are_neither_written_nor_read() {
        let few = vec!["lead".to_owned(), "the-backdrop".to_owned()];
        let stored = encode_open_sections(&few).unwrap();
        assert_eq!(decode_open_sections(&stored), Some(few));
        let many: Vec<String> = (0..100).map(|i| format!("section-{i}")).collect();
        assert_eq!(encode_open_sections(&many), None);
        let planted = serde_json::to_string(&many).unwrap();
        assert_eq!(decode_open_sections(&planted), None);
        assert_eq!(decode_open_sections("{\"not\": \"a list\"}"), None);
    }

    #[test]
    fn the_oldest_articles_are_forgotten_past_the_count() {
        let mut list: Option<String> = None;
        let mut dropped_all = Vec::new();
        for i in 0..MAX_ARTICLES + 3 {
            let (next, dropped) = touch(list.as_deref(), &format!("{i:016x}"));
            assert!(next.len() <= MAX_VALUE_BYTES, "{}", next.len());
            dropped_all.extend(dropped);
            list = Some(next);
        }
        assert_eq!(
            dropped_all,
            ["0000000000000000", "0000000000000001", "0000000000000002"]
        );
        // Using an article again makes it the most recent: it is not the next dropped.
        let (list, dropped) = touch(list.as_deref(), "0000000000000003");
        assert!(dropped.is_empty());
        let (_, dropped) = touch(Some(&list), "new");
        assert_eq!(dropped, ["0000000000000004"]);
        // A damaged list starts afresh.
        assert_eq!(touch(Some("garbage"), "a"), ("[\"a\"]".to_owned(), vec![]));
    }
}
