//! The reader's view state, changed only through [`Action`]s: one place for
//! open sections, the chosen entity and event, kind filters, the search, the
//! entity card, reading settings and scroll requests.

use crate::document::Document;
use crate::index::{EntityIx, EventIx, SectionIx};
use crate::link::ViewLink;
use crate::model::EntityKind;
use crate::search::{search, SearchHit, SearchResults};
use crate::settings::ReadingSettings;
use std::collections::BTreeSet;
use std::rc::Rc;

/// Something in the page the view should bring into sight and focus.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FocusTarget {
    /// A mention of the chosen entity, by its element id.
    Mention(String),
    /// The chosen event's sentence in the text.
    Sentence,
    /// A section's heading.
    Section(SectionIx),
    /// A search hit, by its index among all hits; focus stays in the search box.
    SearchHit(usize),
}

/// The preview card for an entity, where the pointer or focus put it (pixels from the
/// top left of the viewer).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct EntityCard {
    pub entity: EntityIx,
    pub top: f64,
    pub left: f64,
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
    pub open_sections: BTreeSet<SectionIx>,
    pub chosen_entity: Option<EntityIx>,
    /// Which of the chosen entity's mentions is current, for stepping.
    pub mention_cursor: usize,
    pub chosen_event: Option<EventIx>,
    /// Kinds the reader has filtered out of the sidebar and the text.
    pub hidden_kinds: BTreeSet<EntityKind>,
    /// The section a link points at, if any.
    pub linked_section: Option<SectionIx>,
    pub focus: Option<FocusRequest>,
    /// A message for the reader about something that could not be done, such as a
    /// link that names an entity this article does not have.
    pub notice: Option<String>,
    /// The text in the search box, and what it matches.
    pub query: String,
    pub search: Rc<SearchResults>,
    /// Which hit is current, for stepping.
    pub search_cursor: usize,
    pub card: Option<EntityCard>,
    pub settings: ReadingSettings,
    /// The outcome of the last "copy link", for a status message.
    pub copy_status: Option<String>,
    /// Showing the pre-rendered default view until [`Action::Resume`] brings back what
    /// the reader had; until then nothing is saved or written to the address bar.
    pub pending_resume: bool,
}

/// What the browser remembers and the address names, applied on start.
#[derive(Clone, Debug, PartialEq)]
pub struct Resume {
    pub open_sections: Option<BTreeSet<SectionIx>>,
    pub settings: ReadingSettings,
    /// `None` where the viewer must not read the address (an element in another page).
    pub link: Option<ViewLink>,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    ToggleSection(SectionIx),
    /// The browser's find-in-page revealed text in a collapsed section.
    RevealSection(SectionIx),
    ExpandAll,
    CollapseAll,
    /// Choosing the chosen entity again clears the choice.
    ChooseEntity(EntityIx),
    ClearEntity,
    /// Moves to the next (+1) or previous (-1) mention, wrapping around.
    StepMention(isize),
    /// Choosing the chosen event again clears the choice.
    ChooseEvent(EventIx),
    ClearEvent,
    /// Brings the chosen event's sentence into view again.
    GoToSentence,
    ToggleKind(EntityKind),
    /// Points at a section: opens it and brings it into view.
    LinkSection(SectionIx),
    /// Shows what a link names (on load, and on Back and Forward).
    Restore(ViewLink),
    /// Runs a search as the reader types; an empty query clears it.
    Search(String),
    /// Moves to the next (+1) or previous (-1) search hit, wrapping around.
    StepSearch(isize),
    ShowCard(EntityCard),
    HideCard,
    ChangeSettings(ReadingSettings),
    /// Marks every entity's mentions in the text (true), or only the chosen one's.
    ShowAllNames(bool),
    /// A link was copied to the clipboard, or could not be (with the reason).
    LinkCopied(Result<(), String>),
    Resume(Resume),
    /// The same article, changed (by the author, in edit mode): what the reader had
    /// open and chosen stays where it still exists.
    Replace(Rc<Document>),
}

impl ViewState {
    /// A fresh view of a document; `open_sections` of `None` opens every section.
    pub fn new(document: Rc<Document>, open_sections: Option<BTreeSet<SectionIx>>) -> Self {
        let count = document.article.sections.len();
        let open_sections = match open_sections {
            Some(open) => open.into_iter().filter(|s| s.0 < count).collect(),
            None => (0..count).map(SectionIx).collect(),
        };
        ViewState {
            document,
            open_sections,
            chosen_entity: None,
            mention_cursor: 0,
            chosen_event: None,
            hidden_kinds: BTreeSet::new(),
            linked_section: None,
            focus: None,
            notice: None,
            query: String::new(),
            search: Rc::new(SearchResults::default()),
            search_cursor: 0,
            card: None,
            settings: ReadingSettings::default(),
            copy_status: None,
            pending_resume: false,
        }
    }

    /// Runs `query`, opens the sections that hold hits and brings the first into view.
    fn run_search(&mut self, query: &str) {
        self.query = query.to_owned();
        self.search = Rc::new(search(&self.document, query));
        self.search_cursor = 0;
        let document = self.document.clone();
        self.open_sections.extend(
            self.search
                .hits
                .iter()
                .map(|hit| document.passages[hit.passage].section),
        );
        self.focus_current_hit();
    }

    fn focus_current_hit(&mut self) {
        if let Some(SearchHit { passage, .. }) = self.search.hits.get(self.search_cursor) {
            self.open_sections
                .insert(self.document.passages[*passage].section);
            self.request_focus(FocusTarget::SearchHit(self.search_cursor));
        }
    }

    /// What a link to the current view names.
    pub fn link(&self) -> ViewLink {
        let article = &self.document.article;
        ViewLink {
            section: self.linked_section.map(|s| article.sections[s].id.clone()),
            entity: self.chosen_entity.map(|e| article.entities[e].id.clone()),
            event: self.chosen_event.map(|e| article.events[e].id.clone()),
            query: Some(self.query.trim().to_owned()).filter(|q| !q.is_empty()),
        }
    }

    fn restore(&mut self, link: &ViewLink) {
        let document = self.document.clone();
        let article = &document.article;
        let section = link
            .section
            .as_ref()
            .and_then(|id| article.sections.iter().position(|s| &s.id == id))
            .map(SectionIx);
        let entity = link
            .entity
            .as_ref()
            .and_then(|id| document.entity_index(id));
        let event = link.event.as_ref().and_then(|id| document.event_index(id));
        let mut unknown = Vec::new();
        for (what, id, found) in [
            ("section", &link.section, section.is_some()),
            ("entity", &link.entity, entity.is_some()),
            ("event", &link.event, event.is_some()),
        ] {
            if let Some(id) = id.as_ref().filter(|_| !found) {
                unknown.push(format!("{what} \"{}\"", crate::text::echo(id)));
            }
        }
        self.notice = (!unknown.is_empty()).then(|| {
            format!(
                "This link names {} that this article does not have.",
                unknown.join(" and ")
            )
        });

        self.linked_section = section;
        self.chosen_entity = entity;
        self.mention_cursor = 0;
        self.chosen_event = event;
        if let Some(section) = section {
            self.open_sections.insert(section);
            self.request_focus(FocusTarget::Section(section));
        }
        if let Some(entity) = entity {
            self.hidden_kinds.remove(&article.entities[entity].kind);
            self.open_sections
                .extend(document.sections_mentioning(entity));
            self.focus_current_mention();
        }
        self.focus_sentence();
    }

    /// Moves the view onto a changed copy of its article, by ids: sections, the chosen
    /// entity and event, and the linked section stay chosen where they still exist; new
    /// sections are open; the search runs again, without moving focus.
    fn replace(&mut self, document: Rc<Document>) {
        let old = &self.document.article;
        let new = &document.article;
        let section_id = |s: &SectionIx| old.sections.get(s.0).map(|s| s.id.as_str());
        let open_ids: BTreeSet<&str> = self.open_sections.iter().filter_map(section_id).collect();
        let old_ids: BTreeSet<&str> = old.sections.iter().map(|s| s.id.as_str()).collect();
        self.open_sections = new
            .sections
            .iter()
            .enumerate()
            .filter(|(_, s)| open_ids.contains(s.id.as_str()) || !old_ids.contains(s.id.as_str()))
            .map(|(i, _)| SectionIx(i))
            .collect();
        self.linked_section = self
            .linked_section
            .as_ref()
            .and_then(section_id)
            .and_then(|id| new.sections.iter().position(|s| s.id == id))
            .map(SectionIx);
        let entity_id = self.chosen_entity.map(|e| old.entities[e.0].id.clone());
        let event_id = self.chosen_event.map(|e| old.events[e.0].id.clone());
        self.chosen_entity = entity_id.and_then(|id| document.entity_index(&id));
        let mentions = self
            .chosen_entity
            .map_or(0, |e| document.entity_mentions[e].len());
        self.mention_cursor = self.mention_cursor.min(mentions.saturating_sub(1));
        self.chosen_event = event_id.and_then(|id| document.event_index(&id));
        self.card = None;
        self.focus = None;
        self.document = document;
        self.search = Rc::new(search(&self.document, &self.query));
        self.search_cursor = self
            .search_cursor
            .min(self.search.hits.len().saturating_sub(1));
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
        next.notice = None;
        let sections = self.document.article.sections.len();
        match action {
            Action::ToggleSection(section) if section.0 < sections => {
                if !next.open_sections.remove(&section) {
                    next.open_sections.insert(section);
                }
            }
            Action::RevealSection(section) if section.0 < sections => {
                next.open_sections.insert(section);
            }
            Action::ExpandAll => next.open_sections = (0..sections).map(SectionIx).collect(),
            Action::CollapseAll => next.open_sections.clear(),
            Action::ChooseEntity(entity) if entity.0 < self.document.article.entities.len() => {
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
            Action::ChooseEvent(event) if event.0 < self.document.article.events.len() => {
                if self.chosen_event == Some(event) {
                    next.chosen_event = None;
                } else {
                    next.chosen_event = Some(event);
                    next.focus_sentence();
                }
            }
            Action::ClearEvent => next.chosen_event = None,
            Action::GoToSentence => next.focus_sentence(),
            Action::LinkSection(section) if section.0 < sections => {
                next.linked_section = Some(section);
                next.open_sections.insert(section);
                next.request_focus(FocusTarget::Section(section));
            }
            Action::Restore(link) => {
                next.restore(&link);
                let query = link.query.unwrap_or_default();
                if query != self.query {
                    next.run_search(&query);
                }
            }
            Action::Search(query) => next.run_search(&query),
            Action::Resume(resume) => {
                next.pending_resume = false;
                if let Some(open) = resume.open_sections {
                    let count = self.document.article.sections.len();
                    next.open_sections = open.into_iter().filter(|s| s.0 < count).collect();
                }
                next.settings = resume.settings;
                if let Some(link) = resume.link {
                    next = next.apply(Action::Restore(link));
                }
            }
            Action::StepSearch(delta) => {
                let count = self.search.hits.len() as isize;
                if count > 0 {
                    next.search_cursor =
                        (self.search_cursor as isize + delta).rem_euclid(count) as usize;
                    next.focus_current_hit();
                }
            }
            Action::ShowCard(card) if card.entity.0 < self.document.article.entities.len() => {
                next.card = Some(card)
            }
            Action::HideCard => next.card = None,
            Action::ChangeSettings(settings) => next.settings = settings,
            Action::ShowAllNames(on) => next.settings.all_names = on,
            Action::LinkCopied(outcome) => {
                next.copy_status = Some(match outcome {
                    Ok(()) => "Link copied".to_owned(),
                    Err(reason) => format!("The link could not be copied: {reason}"),
                })
            }
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
            Action::Replace(document) => next.replace(document),
            // Indexes out of range come only from stale input; they change nothing.
            Action::ToggleSection(_)
            | Action::RevealSection(_)
            | Action::LinkSection(_)
            | Action::ShowCard(_)
            | Action::ChooseEntity(_)
            | Action::ChooseEvent(_) => {}
        }
        next
    }

    /// The section that holds what the current focus request points at, so that it is
    /// in the page even while a long article is still being added.
    pub fn focus_section(&self) -> Option<SectionIx> {
        let document = &self.document;
        let passage = match &self.focus.as_ref()?.target {
            FocusTarget::Section(section) => return Some(*section),
            FocusTarget::Sentence => {
                return document
                    .sentence_location(self.chosen_event?)
                    .map(|(section, _)| section)
            }
            FocusTarget::Mention(_) => {
                document.entity_mentions[self.chosen_entity?]
                    .get(self.mention_cursor)?
                    .passage
            }
            FocusTarget::SearchHit(index) => self.search.hits.get(*index)?.passage,
        };
        Some(document.passages[passage].section)
    }

    /// Entities involved in the chosen event.
    pub fn involved_entities(&self) -> &[EntityIx] {
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

    fn entity(state: &ViewState, id: &str) -> EntityIx {
        state.document.entity_index(id).unwrap()
    }

    #[test]
    fn a_changed_article_keeps_what_was_open_and_chosen_by_id() {
        let before = state()
            .apply(Action::ToggleSection(SectionIx(1)))
            .apply(Action::Search("Moscow".to_owned()));
        let patrushev = entity(&before, "nikolay-patrushev");
        let before = before.apply(Action::ChooseEntity(patrushev));
        let mut article = before.document.article.clone();
        // The author removes the first entity and moves the second section to the end.
        article.entities.remove(0);
        let moved = article.sections.remove(1);
        article.sections.push(moved);
        let after = before.apply(Action::Replace(Rc::new(Document::new(article))));
        let last = SectionIx(after.document.article.sections.len() - 1);
        assert!(
            after.open_sections.contains(&last),
            "the open section moved and stays open"
        );
        assert_eq!(
            after
                .chosen_entity
                .map(|e| after.document.article.entities[e.0].id.as_str()),
            Some("nikolay-patrushev")
        );
        assert_eq!(after.query, "Moscow");
        assert!(!after.search.hits.is_empty());
        assert_eq!(
            after.focus, None,
            "a change by the author does not move focus"
        );
    }

    #[test]
    fn sections_toggle_and_expand_collapse_all() {
        let s = state().apply(Action::ToggleSection(SectionIx(1)));
        assert_eq!(s.open_sections, BTreeSet::from([SectionIx(1)]));
        let s = s.apply(Action::ToggleSection(SectionIx(1)));
        assert!(s.open_sections.is_empty());
        let s = s.apply(Action::ExpandAll);
        assert_eq!(s.open_sections.len(), 4);
        assert!(s.apply(Action::CollapseAll).open_sections.is_empty());
        let unchanged = state().apply(Action::ToggleSection(SectionIx(99)));
        assert!(unchanged.open_sections.is_empty() && unchanged.focus.is_none());
    }

    #[test]
    fn a_link_restores_what_it_names_and_the_view_links_back() {
        let link = ViewLink {
            section: Some("the-backdrop".into()),
            entity: Some("tass".into()),
            event: Some("moscow-meeting".into()),
            query: Some("Patrushev".into()),
        };
        let s = state().apply(Action::Restore(link.clone()));
        assert_eq!(s.search.hits.len(), 3);
        assert_eq!(s.link(), link);
        assert!(s.open_sections.contains(&SectionIx(3)) && s.open_sections.contains(&SectionIx(0)));
        assert_eq!(s.focus.as_ref().unwrap().target, FocusTarget::SearchHit(0));
        assert_eq!(s.notice, None);
        // Back to a link that names nothing clears the choices.
        let cleared = s.apply(Action::Restore(ViewLink::default()));
        assert_eq!(cleared.link(), ViewLink::default());
    }

    #[test]
    fn a_link_to_unknown_ids_says_so_and_keeps_the_rest() {
        let link = ViewLink {
            entity: Some("nobody".into()),
            event: Some("moscow-meeting".into()),
            ..ViewLink::default()
        };
        let s = state().apply(Action::Restore(link));
        assert_eq!(s.chosen_entity, None);
        assert!(s.chosen_event.is_some());
        assert_eq!(
            s.notice.as_deref(),
            Some("This link names entity \"nobody\" that this article does not have.")
        );
        assert_eq!(s.apply(Action::ExpandAll).notice, None);
    }

    #[test]
    fn a_search_opens_the_sections_with_hits_and_steps_through_them() {
        let s = state().apply(Action::Search("afghanistan".into()));
        let count = s.search.hits.len();
        assert!(count >= 5, "{count}");
        let sections: BTreeSet<SectionIx> = s
            .search
            .hits
            .iter()
            .map(|hit| s.document.passages[hit.passage].section)
            .collect();
        assert!(sections.is_subset(&s.open_sections));
        assert_eq!(s.focus.as_ref().unwrap().target, FocusTarget::SearchHit(0));
        let back = s.apply(Action::StepSearch(-1));
        assert_eq!(back.search_cursor, count - 1);
        assert_eq!(
            back.focus.as_ref().unwrap().target,
            FocusTarget::SearchHit(count - 1)
        );
        assert_eq!(back.apply(Action::StepSearch(1)).search_cursor, 0);
        let cleared = s.apply(Action::Search(String::new()));
        assert!(cleared.search.hits.is_empty());
        assert_eq!(cleared.link().query, None);
        assert_eq!(s.link().query.as_deref(), Some("afghanistan"));
    }

    #[test]
    fn linking_a_section_opens_and_focuses_it() {
        let s = state().apply(Action::LinkSection(SectionIx(2)));
        assert!(s.open_sections.contains(&SectionIx(2)));
        assert_eq!(
            s.focus.as_ref().unwrap().target,
            FocusTarget::Section(SectionIx(2))
        );
        assert_eq!(
            s.link().section.as_deref(),
            Some("concern-over-afghanistan")
        );
    }

    #[test]
    fn choosing_an_entity_opens_its_sections_and_focuses_the_first_mention() {
        let s = state();
        let patrushev = entity(&s, "nikolay-patrushev");
        let s = s.apply(Action::ChooseEntity(patrushev));
        assert_eq!(s.chosen_entity, Some(patrushev));
        let expected: BTreeSet<SectionIx> = s
            .document
            .sections_mentioning(patrushev)
            .into_iter()
            .collect();
        assert_eq!(s.open_sections, expected);
        assert!(
            expected.contains(&SectionIx(0)) && expected.contains(&SectionIx(2)),
            "{expected:?}"
        );
        let first = s.document.entity_mentions[patrushev][0].dom_id();
        assert_eq!(
            s.focus.as_ref().unwrap().target,
            FocusTarget::Mention(first)
        );
    }

    #[test]
    fn the_focus_names_the_section_that_must_be_in_the_page() {
        let s = state();
        assert_eq!(s.focus_section(), None);
        assert_eq!(
            s.apply(Action::LinkSection(SectionIx(2))).focus_section(),
            Some(SectionIx(2))
        );
        let patrushev = entity(&s, "nikolay-patrushev");
        let chosen = s
            .apply(Action::ChooseEntity(patrushev))
            .apply(Action::StepMention(-1));
        let last = *s.document.entity_mentions[patrushev].last().unwrap();
        assert_eq!(
            chosen.focus_section(),
            Some(s.document.passages[last.passage].section)
        );
        let meeting = s.document.event_index("moscow-meeting").unwrap();
        assert_eq!(
            s.apply(Action::ChooseEvent(meeting)).focus_section(),
            Some(SectionIx(0))
        );
        let searched = s
            .apply(Action::Search("Taliban".into()))
            .apply(Action::StepSearch(-1));
        let hit = searched.search.hits.last().unwrap();
        assert_eq!(
            searched.focus_section(),
            Some(s.document.passages[hit.passage].section)
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
        assert!(s.open_sections.contains(&SectionIx(0)));
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

    #[test]
    fn showing_all_names_keeps_the_choice_and_the_other_settings() {
        let s = state();
        let yusuf = entity(&s, "moeed-yusuf");
        let s = s
            .apply(Action::ChangeSettings(ReadingSettings {
                theme: crate::settings::Theme::Dark,
                ..ReadingSettings::default()
            }))
            .apply(Action::ChooseEntity(yusuf))
            .apply(Action::ShowAllNames(true));
        assert!(s.settings.all_names);
        assert_eq!(s.settings.theme, crate::settings::Theme::Dark);
        assert_eq!(s.chosen_entity, Some(yusuf));
        assert!(!s.apply(Action::ShowAllNames(false)).settings.all_names);
    }
}
