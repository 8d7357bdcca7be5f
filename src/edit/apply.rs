//! Each edit's own checks and its change to the article, with the change that takes it
//! back. The caller ([`super::Draft`]) validates the result and makes that change when
//! validation refuses it.

use super::undo::{Change, Meta};
use super::{Edit, EditError, Group, Item};
use crate::convert::ids::slug;
use crate::dates::PartialDate;
use crate::ids::is_valid_id;
use crate::mentions::MentionFinder;
use crate::model::{
    Article, Block, Entity, EntityKind, Event, Precision, Provenance, ProvenanceKind, SentenceRef,
};
use crate::text::{echo, shorten};
use crate::validate::is_web_link;
use std::collections::HashSet;

/// Longest label proposed for an event, in characters (as the converter's).
const LABEL_CHARS: usize = 80;

/// What an edit did, before validation, and the change that takes it back.
pub(super) struct Done {
    pub summary: String,
    pub created: Option<String>,
    pub undo: Change,
}

fn done(summary: String, undo: Change) -> Result<Done, EditError> {
    Ok(Done {
        summary,
        created: None,
        undo,
    })
}

/// A name and an id for a new entity named by `words`: the words (trimmed) as the name,
/// and the converter's slug of them (or "entity" when they have no Latin letters), made
/// unique against every id of the article with "-2", "-3"…
pub fn propose_entity(article: &Article, words: &str) -> (String, String) {
    let name = words.trim().to_owned();
    let id = unique_id(article, &slug(&name), "entity");
    (name, id)
}

/// An id for a new event of `date`, "event-2021-12-01", unique against every id of the
/// article (the converter's form).
pub fn propose_event_id(article: &Article, date: &str) -> String {
    let base = if is_valid_id(&format!("event-{date}")) {
        format!("event-{date}")
    } else {
        String::new()
    };
    unique_id(article, &base, "event")
}

/// `base` (or `fallback` when empty), with a number added when an id of the article is
/// already that.
fn unique_id(article: &Article, base: &str, fallback: &str) -> String {
    let base = if base.is_empty() { fallback } else { base };
    let taken: HashSet<&str> = article.ids().collect();
    if !taken.contains(base) {
        return base.to_owned();
    }
    // At most one more number than there are ids: linear.
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .expect("an unused number exists")
}

fn entity_index(article: &Article, id: &str) -> Result<usize, EditError> {
    article
        .entities
        .iter()
        .position(|entity| entity.id == id)
        .ok_or_else(|| EditError::NoEntity(echo(id)))
}

fn event_index(article: &Article, id: &str) -> Result<usize, EditError> {
    article
        .events
        .iter()
        .position(|event| event.id == id)
        .ok_or_else(|| EditError::NoEvent(echo(id)))
}

fn section_index(article: &Article, id: &str) -> Result<usize, EditError> {
    article
        .sections
        .iter()
        .position(|section| section.id == id)
        .ok_or_else(|| EditError::NoSection(echo(id)))
}

/// Checks that the text (paragraphs and related links' titles, where the page marks
/// mentions) names `words` as whole words, and that as an alias they would mark at least
/// one place: where a longer alias of another entity covers them, that one is marked.
fn check_names_text(article: &Article, words: &str) -> Result<(), EditError> {
    let probe = Entity {
        id: "probe".to_owned(),
        name: words.to_owned(),
        kind: EntityKind::Topic,
        aliases: vec![words.to_owned()],
        description: String::new(),
        same_as: None,
        suggested: false,
        suggested_because: None,
    };
    let texts = || {
        article
            .sections
            .iter()
            .flat_map(|section| &section.blocks)
            .map(|block| match block {
                Block::Paragraph { text, .. } => text,
                Block::Related { title, .. } => title,
            })
    };
    let alone = MentionFinder::new(std::slice::from_ref(&probe));
    if !texts().any(|text| !alone.find(text).is_empty()) {
        return Err(EditError::WordsNotInText(echo(words)));
    }
    let mut entities = article.entities.clone();
    entities.push(probe);
    let probe = entities.len() - 1;
    let all = MentionFinder::new(&entities);
    if !texts().any(|text| all.find(text).iter().any(|m| m.entity == probe)) {
        return Err(EditError::WordsInsideLongerNames(echo(words)));
    }
    Ok(())
}

/// True when `quote` stands word for word in the article's text: its title, headings,
/// paragraphs, related links' titles or the copy's printed date.
fn quoted_in_text(article: &Article, quote: &str) -> bool {
    article.title.contains(quote)
        || article
            .copy_date
            .as_ref()
            .is_some_and(|copy| copy.text.contains(quote))
        || article.sections.iter().any(|section| {
            section
                .heading
                .as_deref()
                .is_some_and(|h| h.contains(quote))
                || section.blocks.iter().any(|block| match block {
                    Block::Paragraph { text, .. } => text.contains(quote),
                    Block::Related { title, .. } => title.contains(quote),
                })
        })
}

/// The checks on provenance that an author must hear in words, before validation: a
/// stated date's quote in the text (unless it is the quote already there, `kept_quote`,
/// such as a publication line the converter took from the page around the text), an
/// inferred date's reasoning, an outside date's source with a name and a web link.
fn check_basis(
    article: &Article,
    basis: &Provenance,
    kept_quote: Option<&str>,
) -> Result<(), EditError> {
    let has = |value: &Option<String>| value.as_deref().is_some_and(|v| !v.trim().is_empty());
    match basis.kind {
        ProvenanceKind::Stated => {
            let quote = basis.quote.as_deref().unwrap_or_default();
            if quote.trim().is_empty() {
                return Err(EditError::NoQuote);
            }
            if kept_quote != Some(quote) && !quoted_in_text(article, quote) {
                return Err(EditError::QuoteNotInText(echo(quote)));
            }
        }
        ProvenanceKind::Inferred if !has(&basis.reasoning) => return Err(EditError::NoReasoning),
        ProvenanceKind::External if basis.sources.is_empty() => return Err(EditError::NoSource),
        _ => {}
    }
    for source in &basis.sources {
        if source.name.trim().is_empty() {
            return Err(EditError::SourceWithoutName);
        }
        if !is_web_link(&source.url) {
            return Err(EditError::NotWebLink(echo(&source.url)));
        }
    }
    Ok(())
}

/// The date, and its precision: the one given, or the date's own.
fn check_date(date: &str, precision: Option<Precision>) -> Result<Precision, EditError> {
    let parsed = match precision {
        Some(precision) => PartialDate::parse_with_precision(date, precision),
        None => PartialDate::parse(date),
    };
    parsed
        .map(|date| date.precision())
        .map_err(|error| EditError::Date(error.to_string()))
}

/// The alias, trimmed, if it is words of the text that no entity has as an alias yet.
fn new_alias(article: &Article, alias: &str) -> Result<String, EditError> {
    let alias = alias.trim();
    if alias.is_empty() {
        return Err(EditError::NothingSelected);
    }
    if let Some(owner) = article
        .entities
        .iter()
        .find(|entity| entity.aliases.iter().any(|a| a == alias))
    {
        return Err(EditError::AliasTaken {
            alias: echo(alias),
            entity: owner.id.clone(),
            name: echo(&owner.name),
        });
    }
    check_names_text(article, alias)?;
    Ok(alias.to_owned())
}

/// Entity ids in order, each once, each an entity of the article.
fn involved(article: &Article, ids: &[String]) -> Result<Vec<String>, EditError> {
    let known: HashSet<&str> = article.entities.iter().map(|e| e.id.as_str()).collect();
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for id in ids {
        if !known.contains(id.as_str()) {
            return Err(EditError::NoEntity(echo(id)));
        }
        if seen.insert(id.as_str()) {
            out.push(id.clone());
        }
    }
    Ok(out)
}

/// Removes the entities `gone` says, and every event's reference to them.
fn remove_entities(article: &mut Article, gone: impl Fn(&Entity) -> bool) -> usize {
    let removed: HashSet<String> = article
        .entities
        .iter()
        .filter(|entity| gone(entity))
        .map(|entity| entity.id.clone())
        .collect();
    article
        .entities
        .retain(|entity| !removed.contains(&entity.id));
    for event in &mut article.events {
        event.entities.retain(|id| !removed.contains(id));
    }
    removed.len()
}

/// "entities", "suggested people"…: what a group names, for summaries.
fn group_name(group: Group) -> String {
    match group {
        Group::Entities => "entities".to_owned(),
        Group::EntitiesOfKind(kind) => kind.plural_label().to_lowercase(),
        Group::Events => "events".to_owned(),
    }
}

fn in_group(group: Group, entity: &Entity) -> bool {
    match group {
        Group::Entities => true,
        Group::EntitiesOfKind(kind) => entity.kind == kind,
        Group::Events => false,
    }
}

/// Checks `edit` against the article and makes its change, or refuses it with the
/// article untouched (every check comes before the first change). The result says how
/// to take the change back.
pub(super) fn apply(article: &mut Article, edit: &Edit) -> Result<Done, EditError> {
    match edit {
        Edit::CreateEntity {
            words,
            kind,
            name,
            id,
            description,
        } => {
            let alias = new_alias(article, words)?;
            let (proposed_name, proposed_id) = propose_entity(article, &alias);
            let id = match id {
                Some(id) => {
                    if !is_valid_id(id) {
                        return Err(EditError::BadId(echo(id)));
                    }
                    if article.entities.iter().any(|e| &e.id == id) {
                        return Err(EditError::EntityExists(id.clone()));
                    }
                    id.clone()
                }
                None => proposed_id,
            };
            let description = description
                .clone()
                .unwrap_or_else(|| format!("{}, named in the text as “{alias}”.", kind.label()));
            article.entities.push(Entity {
                id: id.clone(),
                name: name.clone().unwrap_or(proposed_name),
                kind: *kind,
                aliases: vec![alias],
                description,
                same_as: None,
                suggested: false,
                suggested_because: None,
            });
            Ok(Done {
                summary: format!("Added entity {id}"),
                created: Some(id),
                undo: Change::RemoveEntity(article.entities.len() - 1),
            })
        }
        Edit::AddAlias { entity, alias } => {
            let index = entity_index(article, entity)?;
            let alias = new_alias(article, alias)?;
            let undo = keep_entity(article, index);
            article.entities[index].aliases.push(alias.clone());
            done(format!("Added “{}” to {entity}", echo(&alias)), undo)
        }
        Edit::RemoveAlias { entity, alias } => {
            let index = entity_index(article, entity)?;
            let aliases = &article.entities[index].aliases;
            let at = aliases
                .iter()
                .position(|a| a == alias)
                .ok_or_else(|| EditError::NoAlias {
                    alias: echo(alias),
                    entity: entity.clone(),
                })?;
            if aliases.len() == 1 {
                return Err(EditError::LastAlias {
                    alias: echo(alias),
                    entity: entity.clone(),
                });
            }
            let undo = keep_entity(article, index);
            article.entities[index].aliases.remove(at);
            done(format!("Removed “{}” from {entity}", echo(alias)), undo)
        }
        Edit::RemoveEntity { entity } => {
            entity_index(article, entity)?;
            let undo = keep_entities_and_events(article);
            remove_entities(article, |e| &e.id == entity);
            done(format!("Removed entity {entity}"), undo)
        }
        Edit::RenameEntity { entity, name } => {
            let index = entity_index(article, entity)?;
            let undo = keep_entity(article, index);
            article.entities[index].name = name.clone();
            done(format!("Renamed {entity} “{}”", echo(name)), undo)
        }
        Edit::SetEntityKind { entity, kind } => {
            let index = entity_index(article, entity)?;
            let undo = keep_entity(article, index);
            article.entities[index].kind = *kind;
            done(format!("Made {entity} a {}", kind.slug()), undo)
        }
        Edit::SetEntityDescription {
            entity,
            description,
        } => {
            let index = entity_index(article, entity)?;
            let undo = keep_entity(article, index);
            article.entities[index].description = description.clone();
            done(format!("Described {entity}"), undo)
        }
        Edit::MergeEntities { into, from } => {
            let keep = entity_index(article, into)?;
            let gone = entity_index(article, from)?;
            if keep == gone {
                return Err(EditError::MergeWithItself(into.clone()));
            }
            let undo = keep_entities_and_events(article);
            let merged = article.entities.remove(gone);
            let keep = if gone < keep { keep - 1 } else { keep };
            let target = &mut article.entities[keep];
            for alias in std::iter::once(&merged.name).chain(&merged.aliases) {
                if !target.aliases.contains(alias) {
                    target.aliases.push(alias.clone());
                }
            }
            if target.same_as.is_none() {
                target.same_as = merged.same_as;
            }
            for event in &mut article.events {
                let mut seen = false;
                event.entities.retain_mut(|id| {
                    if *id == merged.id {
                        *id = into.clone();
                    }
                    if *id == *into {
                        let first = !seen;
                        seen = true;
                        first
                    } else {
                        true
                    }
                });
            }
            done(format!("Merged {from} into {into}"), undo)
        }
        Edit::Accept { item } => match item {
            Item::Entity(id) => {
                let index = entity_index(article, id)?;
                if !article.entities[index].suggested {
                    return Err(EditError::NotSuggested(format!("Entity {id}")));
                }
                let undo = keep_entity(article, index);
                let entity = &mut article.entities[index];
                entity.suggested = false;
                entity.suggested_because = None;
                done(format!("Accepted entity {id}"), undo)
            }
            Item::Event(id) => {
                let index = event_index(article, id)?;
                if !article.events[index].suggested {
                    return Err(EditError::NotSuggested(format!("Event {id}")));
                }
                let undo = keep_event(article, index);
                article.events[index].suggested = false;
                done(format!("Accepted event {id}"), undo)
            }
        },
        Edit::Reject { item } => match item {
            Item::Entity(id) => {
                let index = entity_index(article, id)?;
                if !article.entities[index].suggested {
                    return Err(EditError::NotSuggested(format!("Entity {id}")));
                }
                let undo = keep_entities_and_events(article);
                remove_entities(article, |e| &e.id == id);
                done(format!("Rejected entity {id}"), undo)
            }
            Item::Event(id) => {
                let index = event_index(article, id)?;
                if !article.events[index].suggested {
                    return Err(EditError::NotSuggested(format!("Event {id}")));
                }
                let removed = article.events.remove(index);
                done(
                    format!("Rejected event {id}"),
                    Change::InsertEvent(index, Box::new(removed)),
                )
            }
        },
        Edit::AcceptAll { group } => {
            let mut count = 0;
            let undo = if *group == Group::Events {
                let undo = Change::Events(article.events.clone());
                for event in article.events.iter_mut().filter(|e| e.suggested) {
                    event.suggested = false;
                    count += 1;
                }
                undo
            } else {
                let undo = Change::Entities(article.entities.clone());
                for entity in article.entities.iter_mut() {
                    if entity.suggested && in_group(*group, entity) {
                        entity.suggested = false;
                        entity.suggested_because = None;
                        count += 1;
                    }
                }
                undo
            };
            done(
                format!("Accepted {count} suggested {}", group_name(*group)),
                undo,
            )
        }
        Edit::RejectAll { group } => {
            let (count, undo) = if *group == Group::Events {
                let undo = Change::Events(article.events.clone());
                let before = article.events.len();
                article.events.retain(|e| !e.suggested);
                (before - article.events.len(), undo)
            } else {
                let undo = keep_entities_and_events(article);
                let count = remove_entities(article, |e| e.suggested && in_group(*group, e));
                (count, undo)
            };
            done(
                format!("Rejected {count} suggested {}", group_name(*group)),
                undo,
            )
        }

        Edit::AddEvent {
            sentence,
            date,
            precision,
            label,
            lane,
            entities,
            basis,
            id,
        } => {
            let text = sentence.text.trim();
            let paragraph = article
                .paragraphs()
                .find(|(_, id, _)| *id == sentence.paragraph)
                .map(|(_, _, text)| text)
                .ok_or_else(|| EditError::NoParagraph(echo(&sentence.paragraph)))?;
            if text.is_empty() || !paragraph.contains(text) {
                return Err(EditError::SentenceNotInParagraph(echo(&sentence.paragraph)));
            }
            let precision = check_date(date, *precision)?;
            let lane = match lane {
                Some(lane) if article.lanes.iter().any(|l| &l.id == lane) => lane.clone(),
                Some(lane) => return Err(EditError::NoLane(echo(lane))),
                None => article
                    .lanes
                    .first()
                    .map(|l| l.id.clone())
                    .ok_or(EditError::NoLanes)?,
            };
            let entities = involved(article, entities)?;
            check_basis(article, basis, None)?;
            let id = match id {
                Some(id) => {
                    if !is_valid_id(id) {
                        return Err(EditError::BadId(echo(id)));
                    }
                    if article.events.iter().any(|e| &e.id == id) {
                        return Err(EditError::EventExists(id.clone()));
                    }
                    id.clone()
                }
                None => propose_event_id(article, date),
            };
            let event = Event {
                id: id.clone(),
                date: date.clone(),
                precision,
                lane,
                label: label.clone().unwrap_or_else(|| shorten(text, LABEL_CHARS)),
                entities,
                sentence: Some(SentenceRef {
                    paragraph: sentence.paragraph.clone(),
                    text: text.to_owned(),
                }),
                basis: basis.clone(),
                suggested: false,
            };
            article.events.push(event);
            Ok(Done {
                summary: format!("Added event {id}"),
                created: Some(id),
                undo: Change::RemoveEvent(article.events.len() - 1),
            })
        }
        Edit::SetEventLabel { event, label } => {
            let index = event_index(article, event)?;
            let undo = keep_event(article, index);
            article.events[index].label = label.clone();
            done(format!("Relabelled event {event}"), undo)
        }
        Edit::SetEventDate {
            event,
            date,
            precision,
        } => {
            let index = event_index(article, event)?;
            let precision = check_date(date, *precision)?;
            let undo = keep_event(article, index);
            let target = &mut article.events[index];
            target.date = date.clone();
            target.precision = precision;
            done(format!("Dated event {event} {}", echo(date)), undo)
        }
        Edit::SetEventLane { event, lane } => {
            let index = event_index(article, event)?;
            if !article.lanes.iter().any(|l| &l.id == lane) {
                return Err(EditError::NoLane(echo(lane)));
            }
            let undo = keep_event(article, index);
            article.events[index].lane = lane.clone();
            done(format!("Moved event {event} to lane {lane}"), undo)
        }
        Edit::SetEventEntities { event, entities } => {
            let index = event_index(article, event)?;
            let entities = involved(article, entities)?;
            let undo = keep_event(article, index);
            article.events[index].entities = entities;
            done(format!("Changed who takes part in event {event}"), undo)
        }
        Edit::SetEventBasis { event, basis } => {
            let index = event_index(article, event)?;
            let kept = article.events[index].basis.quote.clone();
            check_basis(article, basis, kept.as_deref())?;
            let undo = keep_event(article, index);
            article.events[index].basis = basis.clone();
            done(
                format!(
                    "Made the date of event {event} {}",
                    basis.kind.label().to_lowercase()
                ),
                undo,
            )
        }
        Edit::RemoveEvent { event } => {
            let index = event_index(article, event)?;
            let removed = article.events.remove(index);
            done(
                format!("Removed event {event}"),
                Change::InsertEvent(index, Box::new(removed)),
            )
        }

        Edit::SetHeading { section, heading } => {
            let index = section_index(article, section)?;
            let old = std::mem::replace(&mut article.sections[index].heading, heading.clone());
            done(
                match heading {
                    Some(heading) => format!("Headed section {section} “{}”", echo(heading)),
                    None => format!("Took the heading off section {section}"),
                },
                Change::Section(Box::new(Edit::SetHeading {
                    section: section.clone(),
                    heading: old,
                })),
            )
        }
        Edit::MoveSection { section, to } => {
            let index = section_index(article, section)?;
            let count = article.sections.len();
            if *to >= count {
                return Err(EditError::NoPosition { to: *to, count });
            }
            let moved = article.sections.remove(index);
            article.sections.insert(*to, moved);
            done(
                format!("Moved section {section} to position {}", to + 1),
                Change::Section(Box::new(Edit::MoveSection {
                    section: section.clone(),
                    to: index,
                })),
            )
        }
        Edit::MoveLastBlockToNext { section } => {
            let index = section_index(article, section)?;
            if index + 1 == article.sections.len() {
                return Err(EditError::NoNextSection(section.clone()));
            }
            let block = article.sections[index]
                .blocks
                .pop()
                .ok_or_else(|| EditError::EmptySection(section.clone()))?;
            let next = &mut article.sections[index + 1];
            next.blocks.insert(0, block);
            done(
                format!("Moved the last block of {section} into {}", next.id),
                Change::Section(Box::new(Edit::MoveFirstBlockToPrevious {
                    section: next.id.clone(),
                })),
            )
        }
        Edit::MoveFirstBlockToPrevious { section } => {
            let index = section_index(article, section)?;
            if index == 0 {
                return Err(EditError::NoPreviousSection(section.clone()));
            }
            if article.sections[index].blocks.is_empty() {
                return Err(EditError::EmptySection(section.clone()));
            }
            let block = article.sections[index].blocks.remove(0);
            let previous = &mut article.sections[index - 1];
            previous.blocks.push(block);
            done(
                format!("Moved the first block of {section} into {}", previous.id),
                Change::Section(Box::new(Edit::MoveLastBlockToNext {
                    section: previous.id.clone(),
                })),
            )
        }
        Edit::SetTitle { title } => {
            let undo = keep_meta(article);
            article.title = title.clone();
            done("Changed the title".to_owned(), undo)
        }
        Edit::SetSite { site } => {
            let undo = keep_meta(article);
            article.site = site.clone();
            done("Changed the site".to_owned(), undo)
        }
        Edit::SetCopyDate { copy_date } => {
            if let Some(copy) = copy_date {
                check_date(&copy.date, None)?;
            }
            let undo = keep_meta(article);
            article.copy_date = copy_date.clone();
            done("Changed the date of the copy".to_owned(), undo)
        }
        Edit::SetPublished { published } => {
            if let Some(published) = published {
                check_date(&published.from, None)?;
                if let Some(to) = &published.to {
                    check_date(to, None)?;
                }
                let kept = article
                    .published
                    .as_ref()
                    .and_then(|p| p.basis.quote.clone());
                check_basis(article, &published.basis, kept.as_deref())?;
            }
            let undo = keep_meta(article);
            article.published = published.clone();
            done("Changed the publication date".to_owned(), undo)
        }
    }
}

fn keep_entity(article: &Article, index: usize) -> Change {
    Change::Entity(index, Box::new(article.entities[index].clone()))
}

fn keep_event(article: &Article, index: usize) -> Change {
    Change::Event(index, Box::new(article.events[index].clone()))
}

fn keep_entities_and_events(article: &Article) -> Change {
    Change::EntitiesAndEvents(article.entities.clone(), article.events.clone())
}

fn keep_meta(article: &Article) -> Change {
    Change::Meta(Box::new(Meta::of(article)))
}
