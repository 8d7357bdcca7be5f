//! The reader's view state, changed only through [`Action`]s: one place for
//! open sections, the chosen entity and event, kind filters and scroll requests.

use crate::document::Document;
use crate::model::EntityKind;
use std::collections::BTreeSet;
use std::rc::Rc;

/// Something in the page the view should bring into sight and focus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// A mention of the chosen entity, by its element id.
    Mention(String),
    /// The chosen event's sentence in the text.
    Sentence,
}

/// A request to move focus; `serial` changes with every request, so repeating one
/// (choosing the same event twice) still scrolls.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FocusRequest {
    pub target: FocusTarget,
    pub serial: u32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ViewState {
    pub document: Rc<Document>,
    /// Indexes of the open sections.
    pub open_sections: BTreeSet<usize>,
    pub chosen_entity: Option<usize>,
    /// Which of the chosen entity's mentions is current, for stepping.
    pub mention_cursor: usize,
    pub chosen_event: Option<usize>,
    /// Kinds the reader has filtered out of the sidebar and the text.
    pub hidden_kinds: BTreeSet<EntityKind>,
    pub focus: Option<FocusRequest>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    ToggleSection(usize),
    /// The browser's find-in-page revealed text in a collapsed section.
    RevealSection(usize),
    ExpandAll,
    CollapseAll,
    /// Choosing the chosen entity again clears the choice.
    ChooseEntity(usize),
    ClearEntity,
    /// Moves to the next (+1) or previous (-1) mention, wrapping around.
    StepMention(isize),
    /// Choosing the chosen event again clears the choice.
    ChooseEvent(usize),
    ClearEvent,
    /// Brings the chosen event's sentence into view again.
    GoToSentence,
    ToggleKind(EntityKind),
}

impl ViewState {
    /// A fresh view of a document; `open_sections` of `None` opens every section.
    pub fn new(document: Rc<Document>, open_sections: Option<BTreeSet<usize>>) -> Self {
        let count = document.article.sections.len();
        let open_sections = match open_sections {
            Some(open) => open.into_iter().filter(|&s| s < count).collect(),
            None => (0..count).collect(),
        };
        ViewState {
            document,
            open_sections,
            chosen_entity: None,
            mention_cursor: 0,
            chosen_event: None,
            hidden_kinds: BTreeSet::new(),
            focus: None,
        }
    }

    fn request_focus(&mut self, target: FocusTarget) {
        let serial = self.focus.as_ref().map_or(0, |f| f.serial.wrapping_add(1));
        self.focus = Some(FocusRequest { target, serial });
    }

    fn focus_current_mention(&mut self) {
        let Some(entity) = self.chosen_entity else {
            return;
        };
        let mentions = &self.document.entity_mentions[entity];
        if let Some(at) = mentions.get(self.mention_cursor) {
            let section = self.document.passages[at.passage].section;
            let id = at.dom_id();
            self.open_sections.insert(section);
            self.request_focus(FocusTarget::Mention(id));
        }
    }

    fn focus_sentence(&mut self) {
        let Some(event) = self.chosen_event else {
            return;
        };
        if let Some((section, _)) = self.document.sentence_location(event) {
            self.open_sections.insert(section);
            self.request_focus(FocusTarget::Sentence);
        }
    }

    /// The state after an action; the old state is left as it was.
    pub fn apply(&self, action: Action) -> ViewState {
        let mut next = self.clone();
        let sections = self.document.article.sections.len();
        match action {
            Action::ToggleSection(section) if section < sections => {
                if !next.open_sections.remove(&section) {
                    next.open_sections.insert(section);
                }
            }
            Action::RevealSection(section) if section < sections => {
                next.open_sections.insert(section);
            }
            Action::ExpandAll => next.open_sections = (0..sections).collect(),
            Action::CollapseAll => next.open_sections.clear(),
            Action::ChooseEntity(entity) if entity < self.document.article.entities.len() => {
                if self.chosen_entity == Some(entity) {
                    next.chosen_entity = None;
                } else {
                    next.chosen_entity = Some(entity);
                    next.mention_cursor = 0;
                    next.hidden_kinds
                        .remove(&self.document.article.entities[entity].kind);
                    next.open_sections
                        .extend(self.document.sections_mentioning(entity));
                    next.focus_current_mention();
                }
            }
            Action::ClearEntity => next.chosen_entity = None,
            Action::StepMention(delta) => {
                if let Some(entity) = self.chosen_entity {
                    let count = self.document.entity_mentions[entity].len() as isize;
                    if count > 0 {
                        next.mention_cursor =
                            (self.mention_cursor as isize + delta).rem_euclid(count) as usize;
                        next.focus_current_mention();
                    }
                }
            }
            Action::ChooseEvent(event) if event < self.document.article.events.len() => {
                if self.chosen_event == Some(event) {
                    next.chosen_event = None;
                } else {
                    next.chosen_event = Some(event);
                    next.focus_sentence();
                }
            }
            Action::ClearEvent => next.chosen_event = None,
            Action::GoToSentence => next.focus_sentence(),
            Action::ToggleKind(kind) => {
                if !next.hidden_kinds.remove(&kind) {
                    next.hidden_kinds.insert(kind);
                    let chosen_kind = self
                        .chosen_entity
                        .map(|e| self.document.article.entities[e].kind);
                    if chosen_kind == Some(kind) {
                        next.chosen_entity = None;
                    }
                }
            }
            // Indexes out of range come only from stale input; they change nothing.
            Action::ToggleSection(_)
            | Action::RevealSection(_)
            | Action::ChooseEntity(_)
            | Action::ChooseEvent(_) => {}
        }
        next
    }

    /// Whether the text should mark this entity's mentions.
    pub fn is_marked(&self, entity: usize) -> bool {
        self.chosen_entity == Some(entity)
    }

    /// Entities involved in the chosen event.
    pub fn involved_entities(&self) -> &[usize] {
        self.chosen_event
            .map(|event| self.document.event_entities[event].as_slice())
            .unwrap_or(&[])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::builtin_article;

    fn state() -> ViewState {
        ViewState::new(
            Rc::new(Document::new(builtin_article())),
            Some(BTreeSet::new()),
        )
    }

    fn entity(state: &ViewState, id: &str) -> usize {
        state.document.entity_index(id).unwrap()
    }

    #[test]
    fn sections_toggle_and_expand_collapse_all() {
        let s = state().apply(Action::ToggleSection(1));
        assert_eq!(s.open_sections, BTreeSet::from([1]));
        let s = s.apply(Action::ToggleSection(1));
        assert!(s.open_sections.is_empty());
        let s = s.apply(Action::ExpandAll);
        assert_eq!(s.open_sections.len(), 4);
        assert!(s.apply(Action::CollapseAll).open_sections.is_empty());
        assert_eq!(state().apply(Action::ToggleSection(99)), state());
    }

    #[test]
    fn choosing_an_entity_opens_its_sections_and_focuses_the_first_mention() {
        let s = state();
        let patrushev = entity(&s, "nikolay-patrushev");
        let s = s.apply(Action::ChooseEntity(patrushev));
        assert_eq!(s.chosen_entity, Some(patrushev));
        let expected: BTreeSet<usize> = s
            .document
            .sections_mentioning(patrushev)
            .into_iter()
            .collect();
        assert_eq!(s.open_sections, expected);
        assert!(
            expected.contains(&0) && expected.contains(&2),
            "{expected:?}"
        );
        let first = s.document.entity_mentions[patrushev][0].dom_id();
        assert_eq!(
            s.focus.as_ref().unwrap().target,
            FocusTarget::Mention(first)
        );
    }

    #[test]
    fn stepping_wraps_around_the_mentions() {
        let s = state();
        let patrushev = entity(&s, "nikolay-patrushev");
        let count = s.document.entity_mentions[patrushev].len();
        let s = s
            .apply(Action::ChooseEntity(patrushev))
            .apply(Action::StepMention(-1));
        assert_eq!(s.mention_cursor, count - 1);
        let s = s.apply(Action::StepMention(1));
        assert_eq!(s.mention_cursor, 0);
    }

    #[test]
    fn choosing_the_meeting_event_opens_the_lead_and_focuses_its_sentence() {
        let s = state();
        let meeting = s.document.event_index("moscow-meeting").unwrap();
        let s = s.apply(Action::ChooseEvent(meeting));
        assert!(s.open_sections.contains(&0));
        assert_eq!(s.focus.as_ref().unwrap().target, FocusTarget::Sentence);
        let again = s.apply(Action::GoToSentence);
        assert_ne!(again.focus, s.focus, "a repeated request must be a new one");
        assert_eq!(s.apply(Action::ChooseEvent(meeting)).chosen_event, None);
    }

    #[test]
    fn hiding_a_kind_clears_a_chosen_entity_of_that_kind() {
        let s = state();
        let yusuf = entity(&s, "moeed-yusuf");
        let s = s
            .apply(Action::ChooseEntity(yusuf))
            .apply(Action::ToggleKind(EntityKind::Person));
        assert_eq!(s.chosen_entity, None);
        assert!(s.hidden_kinds.contains(&EntityKind::Person));
        let s = s.apply(Action::ChooseEntity(yusuf));
        assert!(
            !s.hidden_kinds.contains(&EntityKind::Person),
            "choosing shows its kind again"
        );
    }
}
