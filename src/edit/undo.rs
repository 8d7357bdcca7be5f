//! What undo keeps of an edit: the smallest change that takes the article back, which,
//! made, gives the change that takes it forward again (so undo and redo are one swap).
//!
//! An edit of one entity or event keeps that item as it was; adding or removing one
//! keeps its place (and a removed one itself); a section edit keeps the section edit
//! that reverses it, never the text; only edits that reach across the lists (removing an
//! entity with its references, a merge, accepting or rejecting all) keep a copy of the
//! entity or event list. No undo step holds a copy of the text.

use super::apply::apply;
use super::Edit;
use crate::model::{Article, CopyDate, Entity, Event, Published};

/// The article-level fields the metadata edits change.
#[derive(Clone, Debug, PartialEq)]
pub(super) struct Meta {
    pub title: String,
    pub site: String,
    pub copy_date: Option<CopyDate>,
    pub published: Option<Published>,
}

impl Meta {
    pub(super) fn of(article: &Article) -> Meta {
        Meta {
            title: article.title.clone(),
            site: article.site.clone(),
            copy_date: article.copy_date.clone(),
            published: article.published.clone(),
        }
    }
}

/// A change that, made to the article, gives back an earlier state of it.
#[derive(Clone, Debug, PartialEq)]
pub(super) enum Change {
    /// Put back these title, site and dates.
    Meta(Box<Meta>),
    /// Make this section edit (one that reverses a section edit).
    Section(Box<Edit>),
    /// Put back this entity at this index.
    Entity(usize, Box<Entity>),
    /// Put back this event at this index.
    Event(usize, Box<Event>),
    /// Insert this entity at this index.
    InsertEntity(usize, Box<Entity>),
    /// Remove the entity at this index.
    RemoveEntity(usize),
    /// Insert this event at this index.
    InsertEvent(usize, Box<Event>),
    /// Remove the event at this index.
    RemoveEvent(usize),
    /// Put back these entities.
    Entities(Vec<Entity>),
    /// Put back these events.
    Events(Vec<Event>),
    /// Put back these entities and events.
    EntitiesAndEvents(Vec<Entity>, Vec<Event>),
}

impl Change {
    /// Makes the change and returns the one that reverses it.
    ///
    /// # Panics
    /// When the change does not fit the article: changes are only made to the state
    /// they were recorded against, which undo and redo, as stacks, guarantee.
    pub(super) fn make(self, article: &mut Article) -> Change {
        use std::mem::replace;
        match self {
            Change::Meta(meta) => {
                let Meta {
                    title,
                    site,
                    copy_date,
                    published,
                } = *meta;
                Change::Meta(Box::new(Meta {
                    title: replace(&mut article.title, title),
                    site: replace(&mut article.site, site),
                    copy_date: replace(&mut article.copy_date, copy_date),
                    published: replace(&mut article.published, published),
                }))
            }
            Change::Section(edit) => {
                apply(article, &edit)
                    .expect("a recorded section edit fits the state it was recorded against")
                    .undo
            }
            Change::Entity(index, entity) => {
                let old = replace(&mut article.entities[index], *entity);
                Change::Entity(index, Box::new(old))
            }
            Change::Event(index, event) => {
                let old = replace(&mut article.events[index], *event);
                Change::Event(index, Box::new(old))
            }
            Change::InsertEntity(index, entity) => {
                article.entities.insert(index, *entity);
                Change::RemoveEntity(index)
            }
            Change::RemoveEntity(index) => {
                Change::InsertEntity(index, Box::new(article.entities.remove(index)))
            }
            Change::InsertEvent(index, event) => {
                article.events.insert(index, *event);
                Change::RemoveEvent(index)
            }
            Change::RemoveEvent(index) => {
                Change::InsertEvent(index, Box::new(article.events.remove(index)))
            }
            Change::Entities(entities) => {
                Change::Entities(replace(&mut article.entities, entities))
            }
            Change::Events(events) => Change::Events(replace(&mut article.events, events)),
            Change::EntitiesAndEvents(entities, events) => Change::EntitiesAndEvents(
                replace(&mut article.entities, entities),
                replace(&mut article.events, events),
            ),
        }
    }

    /// True when making the change would leave the article as it is: the edit it
    /// reverses changed nothing.
    pub(super) fn is_nothing(&self, article: &Article) -> bool {
        match self {
            Change::Meta(meta) => **meta == Meta::of(article),
            Change::Section(edit) => match &**edit {
                Edit::SetHeading { section, heading } => article
                    .sections
                    .iter()
                    .any(|s| s.id == *section && s.heading == *heading),
                Edit::MoveSection { section, to } => {
                    article.sections.get(*to).is_some_and(|s| s.id == *section)
                }
                _ => false,
            },
            Change::Entity(index, entity) => article.entities[*index] == **entity,
            Change::Event(index, event) => article.events[*index] == **event,
            Change::InsertEntity(..)
            | Change::RemoveEntity(_)
            | Change::InsertEvent(..)
            | Change::RemoveEvent(_) => false,
            Change::Entities(entities) => *entities == article.entities,
            Change::Events(events) => *events == article.events,
            Change::EntitiesAndEvents(entities, events) => {
                *entities == article.entities && *events == article.events
            }
        }
    }
}
