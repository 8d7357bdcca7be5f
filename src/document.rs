//! An article made ready to show: mentions found, counted and indexed, events in date order.
//!
//! Built once when an article loads, so rendering and state changes never search text.

use crate::dates::PartialDate;
use crate::index::{EntityIx, EventIx, PassageIx, SectionIx};
use crate::mentions::{Mention, MentionFinder};
use crate::model::{Article, Block, EntityKind};
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// A run of text the reader sees and that can name entities: a paragraph or a related link.
#[derive(Clone, Debug, PartialEq)]
pub struct Passage {
    /// The section that holds it.
    pub section: SectionIx,
    /// Index of its block within that section.
    pub block: usize,
    /// The paragraph id, for related links `None`.
    pub paragraph_id: Option<String>,
    pub mentions: Vec<Mention>,
}

/// Where one mention is: passage index and the mention's position in that passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MentionAt {
    pub passage: PassageIx,
    pub ordinal: usize,
}

/// Where an event's sentence is: its passage and the byte range within that passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SentenceSpan {
    pub passage: PassageIx,
    pub start: usize,
    pub end: usize,
}

impl MentionAt {
    /// Id of the mention's element in the page.
    pub fn dom_id(&self) -> String {
        crate::dom_ids::mention(self.passage.0, self.ordinal)
    }
}

/// A shared, read-only document whose props compare by identity, not by content.
#[derive(Clone, Debug)]
pub struct DocumentHandle(pub Rc<Document>);

impl PartialEq for DocumentHandle {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::ops::Deref for DocumentHandle {
    type Target = Document;

    fn deref(&self) -> &Document {
        &self.0
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Document {
    pub article: Article,
    /// Passages in reading order: each section's blocks, paragraphs and related links alike.
    pub passages: Vec<Passage>,
    /// For each section, the indexes of its passages (one per block, in order).
    pub section_passages: Vec<Range<usize>>,
    /// For each entity, every mention in reading order.
    pub entity_mentions: Vec<Vec<MentionAt>>,
    /// Entity indexes by kind, in the order of [`EntityKind::ALL`], each in article order.
    pub entities_by_kind: [Vec<EntityIx>; 4],
    /// For each entity, the events that involve it.
    pub entity_events: Vec<Vec<EventIx>>,
    /// For each event, its entities as indexes.
    pub event_entities: Vec<Vec<EntityIx>>,
    /// For each event, the parsed date.
    pub event_dates: Vec<PartialDate>,
    /// For each event, the index of its lane among the article's lanes.
    pub event_lanes: Vec<usize>,
    /// Event indexes sorted by date, then by article order.
    pub chronology: Vec<EventIx>,
}

impl Document {
    /// Analyses a validated article (see [`crate::validate::load_article`]).
    pub fn new(article: Article) -> Self {
        let finder = MentionFinder::new(&article.entities);
        let mut passages = Vec::new();
        let mut section_passages = Vec::with_capacity(article.sections.len());
        for (section_index, section) in article.sections.iter().enumerate() {
            section_passages.push(passages.len()..passages.len() + section.blocks.len());
            for (block_index, block) in section.blocks.iter().enumerate() {
                let (paragraph_id, text) = match block {
                    Block::Paragraph { id, text } => (Some(id.clone()), text),
                    Block::Related { title, .. } => (None, title),
                };
                passages.push(Passage {
                    section: SectionIx(section_index),
                    block: block_index,
                    paragraph_id,
                    mentions: finder.find(text),
                });
            }
        }

        let mut entity_mentions = vec![Vec::new(); article.entities.len()];
        for (passage_index, passage) in passages.iter().enumerate() {
            for (ordinal, mention) in passage.mentions.iter().enumerate() {
                entity_mentions[mention.entity].push(MentionAt {
                    passage: PassageIx(passage_index),
                    ordinal,
                });
            }
        }

        let entity_index: HashMap<&str, EntityIx> = article
            .entities
            .iter()
            .enumerate()
            .map(|(index, entity)| (entity.id.as_str(), EntityIx(index)))
            .collect();
        let event_entities: Vec<Vec<EntityIx>> = article
            .events
            .iter()
            .map(|event| {
                event
                    .entities
                    .iter()
                    .filter_map(|id| entity_index.get(id.as_str()).copied())
                    .collect()
            })
            .collect();
        let mut entity_events = vec![Vec::new(); article.entities.len()];
        for (event, entities) in event_entities.iter().enumerate() {
            for &entity in entities {
                entity_events[entity.0].push(EventIx(event));
            }
        }

        // Validation guarantees the dates parse; an unvalidated one falls to year 0 visibly.
        let event_dates: Vec<PartialDate> = article
            .events
            .iter()
            .map(|event| {
                PartialDate::parse(&event.date).unwrap_or(PartialDate {
                    year: 0,
                    month: None,
                    day: None,
                })
            })
            .collect();
        let mut chronology: Vec<EventIx> = (0..article.events.len()).map(EventIx).collect();
        chronology.sort_by(|&a, &b| {
            event_dates[a]
                .midpoint_day()
                .total_cmp(&event_dates[b].midpoint_day())
                .then(a.cmp(&b))
        });
        // Validation guarantees every event's lane is declared; an unvalidated one falls
        // to the first lane.
        let lane_index: HashMap<&str, usize> = article
            .lanes
            .iter()
            .enumerate()
            .map(|(index, lane)| (lane.id.as_str(), index))
            .collect();
        let event_lanes: Vec<usize> = article
            .events
            .iter()
            .map(|event| lane_index.get(event.lane.as_str()).copied().unwrap_or(0))
            .collect();

        let entities_by_kind = EntityKind::ALL.map(|kind| {
            (0..article.entities.len())
                .filter(|&e| article.entities[e].kind == kind)
                .map(EntityIx)
                .collect()
        });

        Document {
            article,
            passages,
            entities_by_kind,
            section_passages,
            entity_mentions,
            entity_events,
            event_entities,
            event_dates,
            event_lanes,
            chronology,
        }
    }

    /// Minutes to read the text at 230 words a minute, at least one.
    pub fn reading_minutes(&self) -> usize {
        let words: usize = self
            .article
            .paragraphs()
            .map(|(_, _, text)| text.split_whitespace().count())
            .sum();
        words.div_ceil(230).max(1)
    }

    /// The text of a passage: a paragraph's text or a related link's title.
    pub fn passage_text(&self, passage: PassageIx) -> &str {
        let Passage { section, block, .. } = self.passages[passage];
        match &self.article.sections[section].blocks[block] {
            Block::Paragraph { text, .. } => text,
            Block::Related { title, .. } => title,
        }
    }

    /// Indexes of the sections that hold mentions of an entity.
    pub fn sections_mentioning(&self, entity: EntityIx) -> Vec<SectionIx> {
        let mut sections: Vec<SectionIx> = self.entity_mentions[entity]
            .iter()
            .map(|at| self.passages[at.passage].section)
            .collect();
        sections.dedup();
        sections
    }

    /// The section and passage that hold an event's sentence, if it has one.
    pub fn sentence_location(&self, event: EventIx) -> Option<(SectionIx, PassageIx)> {
        let sentence = self.article.events[event].sentence.as_ref()?;
        self.passages
            .iter()
            .position(|p| p.paragraph_id.as_deref() == Some(sentence.paragraph.as_str()))
            .map(|passage| (self.passages[passage].section, PassageIx(passage)))
    }

    /// The passage and byte range of an event's sentence, for highlighting it.
    pub fn sentence_range(&self, event: EventIx) -> Option<SentenceSpan> {
        let (_, passage) = self.sentence_location(event)?;
        let quoted = &self.article.events[event].sentence.as_ref()?.text;
        let start = self.passage_text(passage).find(quoted.as_str())?;
        Some(SentenceSpan {
            passage,
            start,
            end: start + quoted.len(),
        })
    }

    /// Indexes of the entities of one kind, in article order.
    pub fn entities_of_kind(&self, kind: EntityKind) -> &[EntityIx] {
        let at = EntityKind::ALL
            .iter()
            .position(|&k| k == kind)
            .unwrap_or_default();
        &self.entities_by_kind[at]
    }

    /// The label of an event's lane, or the lane id the event names when the article
    /// declares no lanes (validation makes sure it does).
    pub fn lane_label(&self, event: EventIx) -> &str {
        match self.article.lanes.get(self.event_lanes[event.0]) {
            Some(lane) => &lane.label,
            None => &self.article.events[event].lane,
        }
    }

    pub fn entity_index(&self, id: &str) -> Option<EntityIx> {
        self.article
            .entities
            .iter()
            .position(|e| e.id == id)
            .map(EntityIx)
    }

    pub fn event_index(&self, id: &str) -> Option<EventIx> {
        self.article
            .events
            .iter()
            .position(|e| e.id == id)
            .map(EventIx)
    }
}
