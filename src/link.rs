//! Deep links: what a reader points at (a section, an entity, an event, a search), kept in the
//! page's query string so that a link survives reload and sharing with no server help.
//!
//! Other query parameters (embedding options, for instance) are kept as they are.

/// The parts of the view that a link names, by id.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewLink {
    pub section: Option<String>,
    pub entity: Option<String>,
    pub event: Option<String>,
    /// A search in the text.
    pub query: Option<String>,
}

const KEYS: [&str; 4] = ["section", "entity", "event", "q"];

impl ViewLink {
    /// Reads a query string, with or without its leading `?`. Empty values count as absent.
    pub fn parse(query: &str) -> Self {
        let mut link = ViewLink::default();
        for (key, value) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
            let value = (!value.is_empty()).then(|| value.into_owned());
            match key.as_ref() {
                "section" => link.section = value,
                "entity" => link.entity = value,
                "event" => link.event = value,
                "q" => link.query = value.filter(|q| !q.trim().is_empty()),
                _ => {}
            }
        }
        link
    }

    /// The query string for this link, keeping every other parameter of `existing`.
    /// Returns `""` or a string starting with `?`.
    pub fn merge_into(&self, existing: &str) -> String {
        let mut query = form_urlencoded::Serializer::new(String::new());
        for (key, value) in form_urlencoded::parse(existing.trim_start_matches('?').as_bytes()) {
            if !KEYS.contains(&key.as_ref()) {
                query.append_pair(&key, &value);
            }
        }
        for (key, value) in KEYS
            .iter()
            .zip([&self.section, &self.entity, &self.event, &self.query])
        {
            if let Some(value) = value {
                query.append_pair(key, value);
            }
        }
        let query = query.finish();
        if query.is_empty() {
            query
        } else {
            format!("?{query}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_it_writes() {
        let link = ViewLink {
            section: Some("the-backdrop".into()),
            entity: Some("nikolay-patrushev".into()),
            event: Some("moscow-meeting".into()),
            query: None,
        };
        let query = link.merge_into("");
        assert_eq!(
            query,
            "?section=the-backdrop&entity=nikolay-patrushev&event=moscow-meeting"
        );
        assert_eq!(ViewLink::parse(&query), link);
    }

    #[test]
    fn keeps_other_parameters_and_replaces_its_own() {
        let link = ViewLink {
            entity: Some("tass".into()),
            ..ViewLink::default()
        };
        assert_eq!(
            link.merge_into("?compact=1&entity=un&panels=timeline"),
            "?compact=1&panels=timeline&entity=tass"
        );
        assert_eq!(ViewLink::default().merge_into("?entity=un"), "");
    }

    #[test]
    fn a_search_is_part_of_the_link() {
        let link = ViewLink {
            query: Some("Russia Pakistan".into()),
            ..ViewLink::default()
        };
        // Flags are written back with an empty value, which reads the same.
        assert_eq!(link.merge_into("?embed"), "?embed=&q=Russia+Pakistan");
        assert_eq!(ViewLink::parse("?q=Russia+Pakistan"), link);
        assert_eq!(ViewLink::parse("?q=+"), ViewLink::default());
    }

    #[test]
    fn odd_values_are_encoded_and_decoded() {
        let link = ViewLink {
            event: Some("a&b=c d/é".into()),
            ..ViewLink::default()
        };
        let query = link.merge_into("");
        assert_eq!(query, "?event=a%26b%3Dc+d%2F%C3%A9");
        assert_eq!(ViewLink::parse(&query), link);
    }

    #[test]
    fn empty_values_and_garbage_are_ignored() {
        assert_eq!(
            ViewLink::parse("?entity=&x=%zz&section"),
            ViewLink::default()
        );
        assert_eq!(ViewLink::parse(""), ViewLink::default());
    }
}
