//! The editor's state: the draft with its undo history, what the author was last told,
//! and the typed inputs that were refused (each kept next to its field until a later
//! edit of that field is accepted). Changed only through [`EditorAction`]s; no
//! `web-sys`, tested natively.

use crate::edit::{Draft, Edit};
use crate::model::Article;
use std::collections::BTreeMap;

/// Where an edit comes from in the editor, so a refusal is shown next to it: `"title"`,
/// `"entity:<id>:name"`, `"event:<id>"`, `"selection"`…
pub type FieldKey = String;

#[derive(Clone, Debug)]
pub struct EditorState {
    pub draft: Draft,
    /// What the draft is a copy of, as the banner says it ("the file “story.txt”").
    pub base_label: String,
    /// The last thing done or refused, for the status line.
    pub status: Option<String>,
    /// Refused edits by the field they came from, with the reason.
    pub problems: BTreeMap<FieldKey, String>,
    /// Changed since it was last saved or copied.
    pub unsaved: bool,
    /// Counts changes to the article, so effects run once per change.
    pub revision: u64,
    /// The id of what the last edit made, to open its form.
    pub created: Option<String>,
    /// Whether the browser kept the last change (`None` before the first): a refusal
    /// (a full quota, storage turned off) says why; the draft stays in memory.
    pub kept: Option<Result<(), String>>,
}

#[derive(Clone, Debug)]
pub enum EditorAction {
    /// An edit from a button or a choice.
    Apply {
        edit: Edit,
        field: FieldKey,
    },
    /// An edit typed into a field: a run of typing is one step for undo.
    Type {
        edit: Edit,
        field: FieldKey,
    },
    Undo,
    Redo,
    /// Another article (or a kept draft) to edit; its history starts afresh.
    Replace {
        article: Box<Article>,
        base_label: String,
        unsaved: bool,
    },
    /// The article was saved or copied: nothing is unsaved.
    Saved(String),
    /// Something outside the draft to tell the author (a download, the clipboard).
    Tell(String),
    /// The browser kept the draft, or refused to, with the reason.
    Kept(Result<(), String>),
}

impl EditorState {
    /// # Errors
    /// The article's problems, when it is not valid (every opened article is).
    pub fn new(article: Article, base_label: String) -> Result<Self, String> {
        let draft = Draft::new(article).map_err(|error| error.to_string())?;
        Ok(EditorState {
            draft,
            base_label,
            status: None,
            problems: BTreeMap::new(),
            unsaved: false,
            revision: 0,
            created: None,
            kept: None,
        })
    }

    pub fn article(&self) -> &Article {
        self.draft.article()
    }

    pub fn problem(&self, field: &str) -> Option<&str> {
        self.problems.get(field).map(String::as_str)
    }

    #[must_use]
    pub fn apply(mut self, action: EditorAction) -> Self {
        match action {
            EditorAction::Apply { edit, field } => self.edit(edit, field, false),
            EditorAction::Type { edit, field } => self.edit(edit, field, true),
            EditorAction::Undo | EditorAction::Redo => {
                let undo = matches!(action, EditorAction::Undo);
                let outcome = if undo {
                    self.draft.undo()
                } else {
                    self.draft.redo()
                };
                match outcome {
                    Ok(applied) => {
                        // The fields show the article again, so no refusal stands.
                        self.problems.clear();
                        self.changed(applied.summary, None);
                    }
                    Err(error) => self.status = Some(error.to_string()),
                }
            }
            EditorAction::Replace {
                article,
                base_label,
                unsaved,
            } => match Draft::new(*article) {
                Ok(draft) => {
                    self.draft = draft;
                    self.base_label = base_label;
                    self.problems.clear();
                    self.unsaved = unsaved;
                    self.revision += 1;
                    self.created = None;
                }
                Err(error) => self.status = Some(error.to_string()),
            },
            EditorAction::Saved(message) => {
                self.unsaved = false;
                self.status = Some(message);
            }
            EditorAction::Tell(message) => self.status = Some(message),
            EditorAction::Kept(kept) => self.kept = Some(kept),
        }
        self
    }

    fn edit(&mut self, edit: Edit, field: FieldKey, typed: bool) {
        let outcome = if typed {
            self.draft.apply_typing(edit)
        } else {
            self.draft.apply(edit)
        };
        match outcome {
            Ok(applied) => {
                self.problems.remove(&field);
                if applied.changed {
                    self.changed(applied.summary, applied.created);
                } else {
                    self.status = Some(format!("{} (no change)", applied.summary));
                }
            }
            Err(error) => {
                let message = error.to_string();
                self.status = Some(format!("Not done: {message}"));
                self.problems.insert(field, message);
            }
        }
    }

    fn changed(&mut self, summary: String, created: Option<String>) {
        self.status = Some(summary);
        self.unsaved = true;
        self.revision += 1;
        self.created = created;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state() -> EditorState {
        EditorState::new(crate::builtin_article(), "this site’s article".to_owned()).unwrap()
    }

    #[test]
    fn a_refused_typed_edit_stays_next_to_its_field_until_that_field_takes_one() {
        let mut state = state();
        let title = state.article().title.clone();
        state = state.apply(EditorAction::Type {
            edit: Edit::SetTitle {
                title: String::new(),
            },
            field: "title".to_owned(),
        });
        assert_eq!(
            state.article().title,
            title,
            "the article keeps its last valid title"
        );
        assert!(state.problem("title").is_some());
        assert_eq!(state.revision, 0);
        assert!(!state.unsaved);
        state = state.apply(EditorAction::Type {
            edit: Edit::SetTitle {
                title: "Talks".to_owned(),
            },
            field: "title".to_owned(),
        });
        assert_eq!(state.problem("title"), None);
        assert_eq!(state.article().title, "Talks");
        assert!(state.unsaved);
        assert_eq!(state.revision, 1);
        state = state.apply(EditorAction::Saved("Saved".to_owned()));
        assert!(!state.unsaved);
        state = state.apply(EditorAction::Undo);
        assert_eq!(state.article().title, title);
        assert!(state.unsaved);
        state = state.apply(EditorAction::Undo);
        assert_eq!(state.status.as_deref(), Some("There is nothing to undo"));
    }
}
