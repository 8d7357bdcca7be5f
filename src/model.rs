//! The article format: what Briefing reads, as plain serde types.
//!
//! Pure data, no `web-sys`: the same types are used by the viewer, by native
//! tests and to generate the JSON Schema shipped in `static/articles/`.

use serde::{Deserialize, Serialize};

/// One news story, with the entities it names and the dated events it reports or assumes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Article {
    /// Stable identifier, used in storage keys and links.
    pub id: String,
    /// The site or publication that carried the story.
    pub site: String,
    /// Headline, word for word.
    pub title: String,
    /// Where this copy of the story was read, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// BCP 47 language tag of the text.
    #[serde(default = "default_language")]
    pub language: String,
    /// The date printed on the page copy that was read. It is not the publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub copy_date: Option<CopyDate>,
    /// When the story was published, with how that is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Published>,
    /// The years the article's dates may fall in, when not 1000 to 2999: an article about
    /// other times says so here, and dates outside the range are refused as likely typos.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub years: Option<YearRange>,
    /// The text, in reading order. The first section may have no heading (the lead).
    pub sections: Vec<Section>,
    /// The timeline's lanes, in display order, the story's own events first (the JSON-LD
    /// export's `about` names who takes part in them); one or more when there are events.
    /// A file without lanes whose events all name `meeting` or `backdrop` is of the older
    /// format and is read with the lanes it uses supplied.
    #[serde(default)]
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(length(max = crate::validate::MAX_LANES))
    )]
    pub lanes: Vec<Lane>,
    /// People, organisations, places and topics the story names.
    #[serde(default)]
    pub entities: Vec<Entity>,
    /// Dated events the story reports or assumes.
    #[serde(default)]
    pub events: Vec<Event>,
    /// The event the story itself reports, and what to call it: the timeline draws it as
    /// its focus and says how far each other event is from it ("15 weeks before the talks").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub focus: Option<Focus>,
}

/// The story's own event, named for the timeline's distances.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Focus {
    /// The id of one of the article's events.
    pub event: String,
    /// What to call it after "before" and "after", e.g. "the talks".
    #[cfg_attr(
        not(target_arch = "wasm32"),
        schemars(length(min = 1, max = crate::validate::MAX_FOCUS_NAME_CHARS))
    )]
    pub name: String,
}

fn default_language() -> String {
    "en".to_owned()
}

/// Curated data serialises as before, without `"suggested": false`.
fn is_false(value: &bool) -> bool {
    !*value
}

/// The date a page copy carried, as printed and as a calendar date.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CopyDate {
    /// The date as the page shows it, e.g. "Thursday, February 15, 2024".
    pub text: String,
    /// The same date as `YYYY-MM-DD`.
    pub date: String,
    /// Why this date is not the publication date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Publication date, possibly a range, with its provenance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Published {
    /// Earliest possible date, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub from: String,
    /// Latest possible date, when only a range is known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    pub basis: Provenance,
}

/// Years from `from` to `to`, both included, as numbers (`{"from": 1, "to": 9999}`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct YearRange {
    pub from: u16,
    pub to: u16,
}

/// A headed part of the text.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Section {
    /// Unique among sections; used for deep links and the open/closed memory.
    pub id: String,
    /// Heading as printed. `None` for the lead, the paragraphs before the first heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    pub blocks: Vec<Block>,
}

/// One block of a section: a paragraph of text or a link to a related story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum Block {
    Paragraph {
        /// Unique among paragraphs; events point at it.
        id: String,
        text: String,
    },
    /// A "Read More: ..." line: a link to another story, not part of the text.
    Related {
        /// The linked story's headline.
        title: String,
        /// The linked story, when known. Only http and https are followed.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        url: Option<String>,
    },
}

/// Something the story names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Entity {
    pub id: String,
    /// Display name.
    pub name: String,
    pub kind: EntityKind,
    /// Every form in which the text names it, matched case-sensitively as whole words.
    pub aliases: Vec<String>,
    /// One line: role, and for people their term in office.
    pub description: String,
    /// A page that identifies it, e.g. Wikidata or Wikipedia.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub same_as: Option<String>,
    /// Found automatically by the text converter, not curated; the viewer says so.
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
    /// For a suggested entity: why the converter thought it a name of this kind, in a
    /// few words ("a title next to the name: “Secretary of State”"); the sidebar shows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggested_because: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum EntityKind {
    Person,
    Organisation,
    Place,
    Topic,
}

impl EntityKind {
    pub const ALL: [EntityKind; 4] = [
        EntityKind::Person,
        EntityKind::Organisation,
        EntityKind::Place,
        EntityKind::Topic,
    ];

    /// Stable lower-case name, used in CSS classes and ids.
    pub fn slug(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Organisation => "organisation",
            EntityKind::Place => "place",
            EntityKind::Topic => "topic",
        }
    }

    /// Heading for a group of entities of this kind.
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::Person => "Person",
            EntityKind::Organisation => "Organisation",
            EntityKind::Place => "Place",
            EntityKind::Topic => "Topic",
        }
    }

    pub fn plural_label(self) -> &'static str {
        match self {
            EntityKind::Person => "People",
            EntityKind::Organisation => "Organisations",
            EntityKind::Place => "Places",
            EntityKind::Topic => "Topics",
        }
    }
}

/// A dated happening the story reports or assumes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub id: String,
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, matching `precision`.
    pub date: String,
    pub precision: Precision,
    /// The id of the event's lane, one of the article's `lanes`.
    pub lane: String,
    /// A short label for the timeline.
    pub label: String,
    /// Ids of the entities involved.
    #[serde(default)]
    pub entities: Vec<String>,
    /// The sentence of the article that reports or assumes the event, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sentence: Option<SentenceRef>,
    /// How the date is known.
    pub basis: Provenance,
    /// Found automatically by the text converter, not curated; the viewer says so.
    #[serde(default, skip_serializing_if = "is_false")]
    pub suggested: bool,
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Precision {
    Year,
    Month,
    Day,
}

/// One row of the timeline, such as the story's own events or the background it assumes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Lane {
    /// Unique among lanes; events name their lane by it.
    pub id: String,
    /// The lane's name as the timeline, the event list and the exports show it.
    pub label: String,
    /// One line on what the lane holds; shown under the timeline's legend.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

/// The lanes of the format before articles declared them, as (id, label): the labels are
/// neutral, since the file does not say what its lanes were about.
pub const LEGACY_LANES: [(&str, &str); 2] = [("meeting", "The story"), ("backdrop", "Background")];

/// A sentence inside one paragraph, quoted exactly.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SentenceRef {
    /// Id of the paragraph that holds the sentence.
    pub paragraph: String,
    /// The sentence, exactly as it stands in that paragraph.
    pub text: String,
}

/// How a date is known: said by the article, reasoned from it, or taken from elsewhere.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    pub kind: ProvenanceKind,
    /// For `stated`: the words of the article that give the date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
    /// For `inferred`, or for what a stated date leaves open (such as the year): the reasoning.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reasoning: Option<String>,
    /// For `external`, and as support for the others: where the date comes from.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<Source>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProvenanceKind {
    /// The article gives the date.
    Stated,
    /// The date is reasoned from the article and what is known about it.
    Inferred,
    /// The date comes from a source outside the article.
    External,
}

impl ProvenanceKind {
    pub fn label(self) -> &'static str {
        match self {
            ProvenanceKind::Stated => "Stated in the article",
            ProvenanceKind::Inferred => "Inferred",
            ProvenanceKind::External => "From an outside source",
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            ProvenanceKind::Stated => "stated",
            ProvenanceKind::Inferred => "inferred",
            ProvenanceKind::External => "external",
        }
    }
}

/// A document outside the article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(not(target_arch = "wasm32"), derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Who published it, e.g. "Dawn".
    pub name: String,
    /// Only http and https links are accepted.
    pub url: String,
}

impl Article {
    /// Reads a file of the older format, which had no `lanes` and the two fixed lanes
    /// `meeting` and `backdrop`: when the article declares no lanes and every event names
    /// one of those two, the lanes its events use are supplied, in the old order, with
    /// neutral labels and a description that says Briefing named them. Any other article
    /// is left as it is (and validation names what is missing).
    pub fn supply_legacy_lanes(&mut self) {
        let legacy = |id: &str| LEGACY_LANES.iter().any(|(legacy, _)| *legacy == id);
        if !self.lanes.is_empty()
            || self.events.is_empty()
            || !self.events.iter().all(|event| legacy(&event.lane))
        {
            return;
        }
        self.lanes = LEGACY_LANES
            .iter()
            .filter(|(id, _)| self.events.iter().any(|event| event.lane == *id))
            .map(|(id, label)| Lane {
                id: (*id).to_owned(),
                label: (*label).to_owned(),
                description: Some(format!(
                    "Named by Briefing: this file marks these events “{id}” and declares no \
                     lanes (the format before articles declared their lanes)."
                )),
            })
            .collect();
    }

    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.entities.iter().find(|entity| entity.id == id)
    }

    /// Every id the article gives: its own, and each lane's, section's, paragraph's,
    /// entity's and event's (all follow one grammar, `crate::ids`).
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.id.as_str())
            .chain(self.lanes.iter().map(|lane| lane.id.as_str()))
            .chain(self.sections.iter().map(|section| section.id.as_str()))
            .chain(self.paragraphs().map(|(_, id, _)| id))
            .chain(self.entities.iter().map(|entity| entity.id.as_str()))
            .chain(self.events.iter().map(|event| event.id.as_str()))
    }

    /// Every paragraph with the id of the section that holds it, in reading order.
    pub fn paragraphs(&self) -> impl Iterator<Item = (&str, &str, &str)> {
        self.sections.iter().flat_map(|section| {
            section.blocks.iter().filter_map(move |block| match block {
                Block::Paragraph { id, text } => {
                    Some((section.id.as_str(), id.as_str(), text.as_str()))
                }
                Block::Related { .. } => None,
            })
        })
    }
}
