//! Every element id the viewer gives, in one place: links, focus requests, ARIA
//! relations and the tests all name elements by these. Article ids follow a grammar
//! (`crate::ids`), so two different ids never make the same element id.

use crate::model::EntityKind;

/// The search box, which `/` focuses.
pub const SEARCH_INPUT: &str = "search-input";
/// The entity preview card, which marked mentions name as their description.
pub const ENTITY_CARD: &str = "entity-card";
/// The entity sidebar, a target of the panel bar on narrow screens.
pub const SIDEBAR: &str = "names";
/// The timeline, a target of the panel bar on narrow screens.
pub const TIMELINE: &str = "timeline";
/// The element that wraps the chosen event's sentence.
pub const CHOSEN_SENTENCE: &str = "chosen-sentence";

/// A section's toggle button, the target of links to the section.
pub fn section_toggle(section_id: &str) -> String {
    format!("toggle-{section_id}")
}

/// A section's heading.
pub fn section_heading(section_id: &str) -> String {
    format!("heading-{section_id}")
}

/// A section's body, which its toggle controls.
pub fn section_body(section_id: &str) -> String {
    format!("section-body-{section_id}")
}

/// A section.
pub fn section(section_id: &str) -> String {
    format!("section-{section_id}")
}

/// A paragraph of the text.
pub fn paragraph(paragraph_id: &str) -> String {
    format!("paragraph-{paragraph_id}")
}

/// A mention, by its passage and its position among that passage's mentions.
pub fn mention(passage: usize, ordinal: usize) -> String {
    format!("mention-{passage}-{ordinal}")
}

/// A search hit, by its position among all hits.
pub fn search_hit(index: usize) -> String {
    format!("search-hit-{index}")
}

/// The heading of the sidebar's group of one kind.
pub fn entity_group_heading(kind: EntityKind) -> String {
    format!("entities-{}", kind.slug())
}
