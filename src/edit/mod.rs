//! Author mode's core: the edits an author makes to an article, as a pure reducer with
//! undo and redo. No `web-sys`; tested natively (`tests/edit.rs`).
//!
//! A [`Draft`] holds a valid article. [`Draft::apply`] takes one [`Edit`] (serde
//! serialisable, so an editor can send edits to a Web Worker as JSON), checks what the
//! edit itself needs (the entity exists, the quote is in the text, the link is a web
//! link…), makes the change, and then runs the same [`validate`] that opening a file
//! runs.
//!
//! **An edit that would make the article invalid is refused**, and the article is left
//! exactly as it was: the error is [`EditError::Invalid`] with the validation's problems
//! (each a JSON path and a message), or a more specific error when the edit's own check
//! finds the fault first. The article in a draft is therefore valid after every step,
//! so it can be saved, shown or exported at any time, and undo never has to step over an
//! invalid state. No edit in this set needs an invalid intermediate state: where one
//! change in the model takes several steps (a merge, a removal with its references),
//! one edit does them all.
//!
//! Undo keeps, for each accepted edit, the smallest change that takes it back:
//! the entity or event as it was, the place of an added one, the section edit that
//! reverses a section edit, the old title and dates; only edits that reach across the
//! lists keep a copy of the entities or events. No step keeps a copy of the text. Making
//! that change gives the change that makes the edit again, so undo and redo are one swap,
//! undoing all edits gives back the original article exactly and redoing them all the
//! final one. At most [`MAX_UNDO`] edits are kept; older ones are dropped. An edit that
//! changes nothing is accepted but not recorded.
//!
//! The same checks as opening a file means the size limit too: an edit that would make
//! the saved JSON larger than a file may be is refused, so what is saved always opens.
//!
//! Every edit is linear in the size of the article: finding its target, checking it,
//! keeping what undo needs, validating and measuring the saved size are each one pass.

mod apply;
mod undo;

use crate::model::{Article, CopyDate, EntityKind, Precision, Provenance, Published, SentenceRef};
use crate::text::thousands;
use crate::validate::{
    describe_problems, load_article, validate, LoadError, Problem, MAX_ARTICLE_BYTES,
};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;
use undo::Change;

pub use apply::{propose_entity, propose_event_id};

/// The most edits undo remembers; the oldest are dropped past it. Each step holds at
/// most a copy of the entity and event lists (most hold one item), never of the text, so
/// memory stays well within this many copies of the article (an article is at most
/// 5 MB, and a news story about 30 KB).
pub const MAX_UNDO: usize = 200;

/// One change an author makes. Entities, events and sections are named by id.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case", deny_unknown_fields)]
pub enum Edit {
    // ---- Entities -------------------------------------------------------------------
    /// A new entity from words selected in the text: its first alias is the words; name
    /// and id are proposed from them ([`propose_entity`]) unless given.
    CreateEntity {
        words: String,
        kind: EntityKind,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        name: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        description: Option<String>,
    },
    /// Words of the text (such as a selection) as one more alias of an entity.
    AddAlias {
        entity: String,
        alias: String,
    },
    RemoveAlias {
        entity: String,
        alias: String,
    },
    /// Removes the entity and every event's reference to it.
    RemoveEntity {
        entity: String,
    },
    /// A new display name; the id and the aliases stay.
    RenameEntity {
        entity: String,
        name: String,
    },
    SetEntityKind {
        entity: String,
        kind: EntityKind,
    },
    SetEntityDescription {
        entity: String,
        description: String,
    },
    /// `from` becomes part of `into`: its name and aliases become aliases of `into` and
    /// events that name it name `into`, without duplicates; `from` is removed.
    MergeEntities {
        into: String,
        from: String,
    },
    /// A suggested item becomes curated: it loses the `suggested` flag (and an entity
    /// its `suggested_because`).
    Accept {
        item: Item,
    },
    /// A suggested item is removed (an entity with the events' references to it).
    Reject {
        item: Item,
    },
    /// Every suggested item of the group is accepted.
    AcceptAll {
        group: Group,
    },
    /// Every suggested item of the group is rejected.
    RejectAll {
        group: Group,
    },

    // ---- Events ---------------------------------------------------------------------
    /// A new event reported by a sentence of a paragraph (selected in the text). The
    /// precision follows the date unless given; the label is the sentence, shortened,
    /// the lane the first one and the id proposed from the date, unless given.
    AddEvent {
        sentence: SentenceRef,
        date: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        precision: Option<Precision>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        lane: Option<String>,
        #[serde(default)]
        entities: Vec<String>,
        basis: Provenance,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        id: Option<String>,
    },
    SetEventLabel {
        event: String,
        label: String,
    },
    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; the precision follows the date unless given.
    SetEventDate {
        event: String,
        date: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        precision: Option<Precision>,
    },
    SetEventLane {
        event: String,
        lane: String,
    },
    /// The entities involved, by id, in order; a repeated id is kept once.
    SetEventEntities {
        event: String,
        entities: Vec<String>,
    },
    /// How the date is known: a stated date's quote must be in the article's text, an
    /// inferred one needs reasoning, an outside one a source with a name and a web link.
    SetEventBasis {
        event: String,
        basis: Provenance,
    },
    RemoveEvent {
        event: String,
    },

    // ---- Sections and metadata ------------------------------------------------------
    /// The heading of a section; `None` only for the first (the lead).
    SetHeading {
        section: String,
        heading: Option<String>,
    },
    /// Moves a section to position `to` (0 is the first).
    MoveSection {
        section: String,
        to: usize,
    },
    /// The last block of the section becomes the first of the next one: the heading
    /// boundary after it moves up one block.
    MoveLastBlockToNext {
        section: String,
    },
    /// The first block of the section becomes the last of the previous one: the heading
    /// boundary before it moves down one block.
    MoveFirstBlockToPrevious {
        section: String,
    },
    SetTitle {
        title: String,
    },
    SetSite {
        site: String,
    },
    SetCopyDate {
        copy_date: Option<CopyDate>,
    },
    /// The publication date and its provenance, checked as an event's is.
    SetPublished {
        published: Option<Published>,
    },
}

impl Edit {
    /// The field a typed edit writes (its kind and the item's id), for
    /// [`Draft::apply_typing`]; `None` for edits that are not typed.
    fn field(&self) -> Option<(std::mem::Discriminant<Edit>, &str)> {
        let item = match self {
            Edit::RenameEntity { entity, .. } | Edit::SetEntityDescription { entity, .. } => {
                entity.as_str()
            }
            Edit::SetEventLabel { event, .. }
            | Edit::SetEventDate { event, .. }
            | Edit::SetEventBasis { event, .. } => event.as_str(),
            Edit::SetHeading { section, .. } => section.as_str(),
            Edit::SetTitle { .. }
            | Edit::SetSite { .. }
            | Edit::SetCopyDate { .. }
            | Edit::SetPublished { .. } => "",
            _ => return None,
        };
        Some((std::mem::discriminant(self), item))
    }
}

/// The sentence (or sentences) of a paragraph that hold the words at `start..end` (byte
/// offsets), split as the converter splits sentences: what an event made from a
/// selection quotes. `None` when the range is not inside the paragraph's text.
pub fn sentence_around(paragraph: &str, start: usize, end: usize) -> Option<&str> {
    if start > end
        || end > paragraph.len()
        || !paragraph.is_char_boundary(start)
        || !paragraph.is_char_boundary(end)
    {
        return None;
    }
    let sentences = crate::convert::text::sentences(paragraph);
    let first = sentences.iter().find(|&&(_, e)| e > start)?.0.min(start);
    let last = sentences
        .iter()
        .rev()
        .find(|&&(s, _)| s < end.max(start + 1))
        .map_or(end, |&(_, e)| e.max(end));
    Some(paragraph[first..last].trim())
}

/// Where selected `words` are in a paragraph's text, as a byte range, given the text
/// before the selection in the page (`before`, whose length is where it starts when the
/// page shows the text as it is). White space around the words is left out; when the
/// page's text differs, the occurrence nearest that place is taken. `None` when the
/// words are not in the paragraph.
pub fn locate_words(paragraph: &str, before: &str, words: &str) -> Option<std::ops::Range<usize>> {
    let trimmed = words.trim();
    if trimmed.is_empty() {
        return None;
    }
    let guess = before.len() + (words.len() - words.trim_start().len());
    if paragraph
        .get(guess..)
        .is_some_and(|rest| rest.starts_with(trimmed))
    {
        return Some(guess..guess + trimmed.len());
    }
    paragraph
        .match_indices(trimmed)
        .map(|(at, _)| at)
        .min_by_key(|at| at.abs_diff(guess))
        .map(|at| at..at + trimmed.len())
}

/// A suggested entity or event, by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Item {
    Entity(String),
    Event(String),
}

/// Suggested items to accept or reject at once.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Group {
    /// Every suggested entity.
    Entities,
    /// The suggested entities of one kind.
    EntitiesOfKind(EntityKind),
    /// Every suggested event.
    Events,
}

/// Why an edit was refused; the article is unchanged. The message is for the author.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("No entity has the id “{0}”")]
    NoEntity(String),
    #[error("No event has the id “{0}”")]
    NoEvent(String),
    #[error("No section has the id “{0}”")]
    NoSection(String),
    #[error("No paragraph has the id “{0}”")]
    NoParagraph(String),
    #[error("No lane has the id “{0}”")]
    NoLane(String),
    #[error("The article has no lanes, and an event needs one")]
    NoLanes,
    #[error("An entity with id “{0}” already exists")]
    EntityExists(String),
    #[error("An event with id “{0}” already exists")]
    EventExists(String),
    #[error(
        "“{0}” is not an id: ids are lower-case letters a-z, digits, “-”, “.” and “_”, at most 100 characters"
    )]
    BadId(String),
    #[error("No words are selected")]
    NothingSelected,
    #[error("The words “{0}” are not in the text as whole words")]
    WordsNotInText(String),
    #[error("The words “{0}” are in the text only inside longer names of other entities, which the text marks instead")]
    WordsInsideLongerNames(String),
    #[error("“{alias}” is already an alias of {name} ({entity})")]
    AliasTaken {
        alias: String,
        entity: String,
        name: String,
    },
    #[error("“{alias}” is not an alias of {entity}")]
    NoAlias { alias: String, entity: String },
    #[error("“{alias}” is the last alias of {entity}, and an entity needs at least one")]
    LastAlias { alias: String, entity: String },
    #[error("An entity cannot be merged with itself ({0})")]
    MergeWithItself(String),
    #[error("{0} is not a suggestion")]
    NotSuggested(String),
    #[error("The sentence is not in paragraph “{0}”")]
    SentenceNotInParagraph(String),
    #[error("A stated date needs the article’s words that give it")]
    NoQuote,
    #[error("The quote “{0}” is not in the text")]
    QuoteNotInText(String),
    #[error("An inferred date needs its reasoning")]
    NoReasoning,
    #[error(
        "A date from an outside source needs the source, with its name and an http or https link"
    )]
    NoSource,
    #[error("A source needs a name")]
    SourceWithoutName,
    #[error("“{0}” is not an http or https link")]
    NotWebLink(String),
    #[error("The date is wrong: {0}")]
    Date(String),
    #[error("There is no section after “{0}”")]
    NoNextSection(String),
    #[error("There is no section before “{0}”")]
    NoPreviousSection(String),
    #[error("Section “{0}” has no block to move")]
    EmptySection(String),
    #[error("There is no position {to}: the article has {count} sections")]
    NoPosition { to: usize, count: usize },
    /// The change would break a rule of the format; the problems are validation's, with
    /// the paths of the article as the edit would have made it (a new entity is
    /// `entities[<count>]`).
    #[error("The edit would make the article invalid: {}", describe_problems(.0))]
    Invalid(Vec<Problem>),
    /// Saved, the article would be larger than a file may be.
    #[error("The edit would make the article {} bytes long saved; the limit is {} bytes", thousands(*.size), thousands(*.limit))]
    TooLarge { size: usize, limit: usize },
    #[error("There is nothing to undo")]
    NothingToUndo,
    #[error("There is nothing to redo")]
    NothingToRedo,
}

/// What an accepted edit (or an undo or redo) did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied {
    /// For the author, e.g. "Renamed entity moscow" or "Undid: Renamed entity moscow".
    pub summary: String,
    /// The id of what the edit made (an entity or an event), for the editor to select.
    pub created: Option<String>,
    /// False when the edit changed nothing; such an edit is not recorded for undo.
    pub changed: bool,
}

/// What opening the article as a file would check once parsed: validation, and (so that
/// what is saved opens) the size limit.
fn check(article: &Article) -> Result<(), EditError> {
    let problems = validate(article);
    if !problems.is_empty() {
        return Err(EditError::Invalid(problems));
    }
    let size = saved_size(article);
    if size > MAX_ARTICLE_BYTES {
        return Err(EditError::TooLarge {
            size,
            limit: MAX_ARTICLE_BYTES,
        });
    }
    Ok(())
}

/// The length in bytes of the article as [`Draft::save`] writes it, counted without
/// keeping the text.
fn saved_size(article: &Article) -> usize {
    struct Count(usize);
    impl std::io::Write for Count {
        fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
            self.0 += bytes.len();
            Ok(bytes.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }
    let mut count = Count(0);
    serde_json::to_writer_pretty(&mut count, article).expect("an article serialises");
    count.0
}

/// One recorded edit: the edit, its summary, and the change that takes it back (on the
/// undo stack) or makes it again (on the redo stack).
#[derive(Clone, Debug)]
struct Step {
    edit: Edit,
    summary: String,
    change: Change,
}

/// An article being edited, always valid, with its undo and redo history.
#[derive(Clone, Debug)]
pub struct Draft {
    article: Article,
    undo: VecDeque<Step>,
    redo: Vec<Step>,
}

impl Draft {
    /// A draft of an article, which must be valid (as every opened file is); otherwise
    /// the problems, as opening it as a file would report them.
    pub fn new(article: Article) -> Result<Draft, LoadError> {
        let problems = validate(&article);
        if !problems.is_empty() {
            return Err(LoadError::Invalid(problems));
        }
        Ok(Draft {
            article,
            undo: VecDeque::new(),
            redo: Vec::new(),
        })
    }

    /// Opens article JSON the way the viewer opens a file ([`load_article`]).
    pub fn open(json: &str) -> Result<Draft, LoadError> {
        let article = load_article(json)?;
        Ok(Draft {
            article,
            undo: VecDeque::new(),
            redo: Vec::new(),
        })
    }

    pub fn article(&self) -> &Article {
        &self.article
    }

    pub fn into_article(self) -> Article {
        self.article
    }

    /// The article as JSON, indented, ready to save; [`Draft::open`] reads it back.
    pub fn save(&self) -> String {
        serde_json::to_string_pretty(&self.article).expect("an article serialises")
    }

    /// Applies one edit, or refuses it and leaves the article as it was.
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let done = apply::apply(&mut self.article, &edit)?;
        if let Err(error) = check(&self.article) {
            done.undo.make(&mut self.article);
            return Err(error);
        }
        let changed = !done.undo.is_nothing(&self.article);
        if changed {
            if self.undo.len() == MAX_UNDO {
                self.undo.pop_front();
            }
            self.undo.push_back(Step {
                edit,
                summary: done.summary.clone(),
                change: done.undo,
            });
            self.redo.clear();
        }
        Ok(Applied {
            summary: done.summary,
            created: done.created,
            changed,
        })
    }

    /// Applies an edit typed into a field: while the author keeps typing into the same
    /// field (the same kind of edit of the same item, with nothing undone since), the
    /// keystrokes are one step for undo, which takes back the whole run of typing.
    pub fn apply_typing(&mut self, edit: Edit) -> Result<Applied, EditError> {
        let continues = self.redo.is_empty()
            && edit.field().is_some()
            && self
                .undo
                .back()
                .is_some_and(|last| last.edit.field() == edit.field());
        if !continues {
            return self.apply(edit);
        }
        let done = apply::apply(&mut self.article, &edit)?;
        if let Err(error) = check(&self.article) {
            done.undo.make(&mut self.article);
            return Err(error);
        }
        let last = self.undo.back_mut().expect("checked above");
        let changed = !done.undo.is_nothing(&self.article);
        if last.change.is_nothing(&self.article) {
            // Typed back to what the field held before the run: nothing left to undo.
            self.undo.pop_back();
        } else {
            last.edit = edit;
            last.summary = done.summary.clone();
        }
        Ok(Applied {
            summary: done.summary,
            created: done.created,
            changed,
        })
    }

    /// Takes back the last recorded edit.
    pub fn undo(&mut self) -> Result<Applied, EditError> {
        let Step {
            edit,
            summary,
            change,
        } = self.undo.pop_back().ok_or(EditError::NothingToUndo)?;
        let redo = change.make(&mut self.article);
        let message = format!("Undid: {summary}");
        self.redo.push(Step {
            edit,
            summary,
            change: redo,
        });
        Ok(Applied {
            summary: message,
            created: None,
            changed: true,
        })
    }

    /// Makes again the last edit undone.
    pub fn redo(&mut self) -> Result<Applied, EditError> {
        let Step {
            edit,
            summary,
            change,
        } = self.redo.pop().ok_or(EditError::NothingToRedo)?;
        let undo = change.make(&mut self.article);
        let message = format!("Redid: {summary}");
        self.undo.push_back(Step {
            edit,
            summary,
            change: undo,
        });
        Ok(Applied {
            summary: message,
            created: None,
            changed: true,
        })
    }

    /// How many edits undo can take back.
    pub fn undo_depth(&self) -> usize {
        self.undo.len()
    }

    /// How many undone edits redo can make again.
    pub fn redo_depth(&self) -> usize {
        self.redo.len()
    }

    /// The edit undo would take back, for a button's label.
    pub fn next_undo(&self) -> Option<(&Edit, &str)> {
        self.undo.back().map(|s| (&s.edit, s.summary.as_str()))
    }

    /// The edit redo would make again.
    pub fn next_redo(&self) -> Option<(&Edit, &str)> {
        self.redo.last().map(|s| (&s.edit, s.summary.as_str()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Undo keeps small changes: the item an edit changed, the place of one it added, the
    /// edit that reverses a section edit; never a copy of the text.
    #[test]
    fn undo_keeps_the_smallest_change_not_the_text() {
        let mut draft = Draft::new(crate::builtin_article()).unwrap();
        let edits = [
            Edit::MoveLastBlockToNext {
                section: "lead".to_owned(),
            },
            Edit::SetHeading {
                section: "lead".to_owned(),
                heading: Some("Lead".to_owned()),
            },
            Edit::RenameEntity {
                entity: "moscow".to_owned(),
                name: "Moskva".to_owned(),
            },
            Edit::RemoveEvent {
                event: "nsa-tweet".to_owned(),
            },
            Edit::SetTitle {
                title: "Talks".to_owned(),
            },
        ];
        for edit in edits {
            draft.apply(edit).unwrap();
        }
        let kept: Vec<&Change> = draft.undo.iter().map(|step| &step.change).collect();
        assert!(matches!(
            kept[..],
            [
                Change::Section(_),
                Change::Section(_),
                Change::Entity(..),
                Change::InsertEvent(..),
                Change::Meta(_),
            ]
        ));
        assert_eq!(
            *kept[0],
            Change::Section(Box::new(Edit::MoveFirstBlockToPrevious {
                section: "bilateral-cooperation".to_owned()
            }))
        );
    }
}
