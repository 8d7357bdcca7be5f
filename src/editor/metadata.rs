//! The article's title, site, the date printed on the copy that was read, and the
//! publication date with how it is known.
//!
//! Field keys: `title`, `site`, `copy-date:text`, `copy-date:date`, `copy-date:note`,
//! `copy-date` (adding or removing it), `published:from`, `published:to`,
//! `published:basis`, `published` (adding or removing it).

use super::fields::{FieldProblem, TextField};
use super::provenance::ProvenanceFields;
use super::use_editing;
use crate::edit::Edit;
use crate::model::{CopyDate, Provenance, ProvenanceKind, Published};
use yew::prelude::*;

/// A copy date from its fields; a blank note is none.
pub fn copy_date_of(text: &str, date: &str, note: &str) -> CopyDate {
    CopyDate {
        text: text.trim().to_owned(),
        date: date.trim().to_owned(),
        note: Some(note.trim().to_owned()).filter(|n| !n.is_empty()),
    }
}

/// A publication date from its fields; a blank end is none (a single date).
pub fn published_of(from: &str, to: &str, basis: Provenance) -> Published {
    Published {
        from: from.trim().to_owned(),
        to: Some(to.trim().to_owned()).filter(|t| !t.is_empty()),
        basis,
    }
}

/// The fields of a copy date or publication date being added, before it is sent.
#[derive(Clone, Debug, PartialEq)]
struct Adding {
    first: String,
    second: String,
    third: String,
    basis: Provenance,
}

impl Default for Adding {
    fn default() -> Self {
        Adding {
            first: String::new(),
            second: String::new(),
            third: String::new(),
            basis: Provenance {
                kind: ProvenanceKind::Stated,
                quote: None,
                reasoning: None,
                sources: Vec::new(),
            },
        }
    }
}

/// A local field of a form being added: each keystroke changes `state`.
fn set_part(
    state: &UseStateHandle<Option<Adding>>,
    change: fn(&mut Adding, String),
) -> Callback<String> {
    let state = state.clone();
    Callback::from(move |value: String| {
        let mut next = (*state).clone().unwrap_or_default();
        change(&mut next, value);
        state.set(Some(next));
    })
}

#[component]
pub fn MetadataPart() -> Html {
    html! {
        <div class="metadata">
            <TitleAndSite />
            <CopyDateFields />
            <PublishedFields />
        </div>
    }
}

#[component]
fn TitleAndSite() -> Html {
    let editing = use_editing();
    let on_title = {
        let editing = editing.clone();
        Callback::from(move |title: String| editing.typed(Edit::SetTitle { title }, "title"))
    };
    let on_site = {
        let editing = editing.clone();
        Callback::from(move |site: String| editing.typed(Edit::SetSite { site }, "site"))
    };
    let article = editing.article();
    html! {
        <>
            <TextField label="Title" field="title" value={article.title.clone()} on_input={on_title} hint="The headline, word for word." />
            <TextField label="Site" field="site" value={article.site.clone()} on_input={on_site} hint="The site or publication that carried the story." />
        </>
    }
}

#[derive(Properties, PartialEq)]
struct OptionalDateProps {
    class: AttrValue,
    legend: AttrValue,
    /// Where adding or removing it says why it was refused.
    field: AttrValue,
    /// "copy date", "publication date": in the buttons.
    what: AttrValue,
    /// Said when the article has none.
    absent: AttrValue,
    /// The fields of the date the article has.
    present: Option<Html>,
    /// The date being added, before it is sent.
    adding: UseStateHandle<Option<Adding>>,
    /// Its fields, while it is.
    adding_fields: Option<Html>,
    which: OptionalKind,
}

/// The dates an article may lack.
#[derive(Clone, Copy, PartialEq)]
enum OptionalKind {
    Copy,
    Published,
}

impl OptionalKind {
    /// The edit that sets the date from the fields being added, or (`None`) removes it.
    fn edit(self, adding: Option<&Adding>) -> Edit {
        match self {
            OptionalKind::Copy => Edit::SetCopyDate {
                copy_date: adding.map(|form| copy_date_of(&form.first, &form.second, &form.third)),
            },
            OptionalKind::Published => Edit::SetPublished {
                published: adding
                    .map(|form| published_of(&form.first, &form.second, form.basis.clone())),
            },
        }
    }
}

/// A date the article may have or not: its fields and "Remove"; or, without one, a line
/// saying so and "Add", which shows the fields of one to add (sent only with the second
/// "Add", since an empty date would only be refused).
#[component]
fn OptionalDate(props: &OptionalDateProps) -> Html {
    let editing = use_editing();
    let adding = props.adding.clone();
    let on_add = {
        let (editing, adding, which, field) = (
            editing.clone(),
            adding.clone(),
            props.which,
            props.field.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let form = (*adding).clone().unwrap_or_default();
            editing.apply(which.edit(Some(&form)), field.to_string());
        })
    };
    let on_remove = {
        let (adding, which, field) = (adding.clone(), props.which, props.field.clone());
        Callback::from(move |_: MouseEvent| {
            adding.set(None);
            editing.apply(which.edit(None), field.to_string());
        })
    };
    let start = {
        let adding = adding.clone();
        Callback::from(move |_: MouseEvent| adding.set(Some(Adding::default())))
    };
    let cancel = Callback::from(move |_: MouseEvent| adding.set(None));
    let what = &props.what;
    let body = match (&props.present, &props.adding_fields) {
        (Some(present), _) => html! {
            <>
                { present.clone() }
                <button type="button" onclick={on_remove}>{ format!("Remove the {what}") }</button>
            </>
        },
        (None, Some(fields)) => html! {
            <>
                { fields.clone() }
                <button type="button" class="primary" onclick={on_add}>{ format!("Add the {what}") }</button>
                <button type="button" onclick={cancel}>{ "Cancel" }</button>
            </>
        },
        (None, None) => html! {
            <>
                <p class="field-hint">{ &props.absent }</p>
                <button type="button" onclick={start}>{ format!("Add a {what}") }</button>
            </>
        },
    };
    html! {
        <fieldset class={props.class.clone()}>
            <legend>{ &props.legend }</legend>
            { body }
            <FieldProblem field={props.field.clone()} />
        </fieldset>
    }
}

#[component]
fn CopyDateFields() -> Html {
    let editing = use_editing();
    let adding = use_state(|| None::<Adding>);
    let article = editing.article();
    let present = article.copy_date.as_ref().map(|copy| {
        let typed = |change: fn(&mut CopyDate, String), field: &'static str| {
            let (editing, copy) = (editing.clone(), copy.clone());
            Callback::from(move |value: String| {
                let mut next = copy.clone();
                change(&mut next, value);
                let next = copy_date_of(
                    &next.text,
                    &next.date,
                    next.note.as_deref().unwrap_or_default(),
                );
                editing.typed(
                    Edit::SetCopyDate {
                        copy_date: Some(next),
                    },
                    field,
                );
            })
        };
        html! {
            <>
                <TextField label="As printed" field="copy-date:text" value={copy.text.clone()} on_input={typed(|c, v| c.text = v, "copy-date:text")} hint={TEXT_HINT} />
                <TextField label="Date" field="copy-date:date" value={copy.date.clone()} on_input={typed(|c, v| c.date = v, "copy-date:date")} hint="YYYY-MM-DD" />
                <TextField label="Note" field="copy-date:note" value={copy.note.clone().unwrap_or_default()} on_input={typed(|c, v| c.note = Some(v), "copy-date:note")} multiline=true hint={NOTE_HINT} />
            </>
        }
    });
    let adding_fields = (*adding).as_ref().map(|form| {
        html! {
            <>
                <TextField label="As printed" field="copy-date:text" value={form.first.clone()} on_input={set_part(&adding, |a, v| a.first = v)} hint={TEXT_HINT} />
                <TextField label="Date" field="copy-date:date" value={form.second.clone()} on_input={set_part(&adding, |a, v| a.second = v)} hint="YYYY-MM-DD" />
                <TextField label="Note" field="copy-date:note" value={form.third.clone()} on_input={set_part(&adding, |a, v| a.third = v)} multiline=true hint={NOTE_HINT} />
            </>
        }
    });
    html! {
        <OptionalDate class="copy-date" legend="Date on the copy that was read" field="copy-date" what="copy date"
            absent="The article records no date printed on the copy that was read."
            {present} {adding} {adding_fields} which={OptionalKind::Copy} />
    }
}

const TEXT_HINT: &str = "The date as the page shows it, e.g. “Thursday, February 15, 2024”.";
const NOTE_HINT: &str = "Why this is not the publication date (optional).";
const FROM_HINT: &str = "YYYY, YYYY-MM or YYYY-MM-DD: the earliest it may be.";
const TO_HINT: &str = "The latest it may be, when only a range is known.";

#[component]
fn PublishedFields() -> Html {
    let editing = use_editing();
    let adding = use_state(|| None::<Adding>);
    let article = editing.article();
    let present = article.published.as_ref().map(|published| {
        let typed = |change: fn(&mut Published, String), field: &'static str| {
            let (editing, published) = (editing.clone(), published.clone());
            Callback::from(move |value: String| {
                let mut next = published.clone();
                change(&mut next, value);
                let next = published_of(
                    &next.from,
                    next.to.as_deref().unwrap_or_default(),
                    next.basis,
                );
                editing.typed(
                    Edit::SetPublished {
                        published: Some(next),
                    },
                    field,
                );
            })
        };
        let on_basis = {
            let (editing, published) = (editing.clone(), published.clone());
            Callback::from(move |(basis, typed): (Provenance, bool)| {
                let edit = Edit::SetPublished {
                    published: Some(Published {
                        basis,
                        ..published.clone()
                    }),
                };
                if typed {
                    editing.typed(edit, "published:basis");
                } else {
                    editing.apply(edit, "published:basis");
                }
            })
        };
        html! {
            <>
                <TextField label="From" field="published:from" value={published.from.clone()} on_input={typed(|p, v| p.from = v, "published:from")} hint={FROM_HINT} />
                <TextField label="To (optional)" field="published:to" value={published.to.clone().unwrap_or_default()} on_input={typed(|p, v| p.to = Some(v), "published:to")} hint={TO_HINT} />
                <ProvenanceFields provenance={published.basis.clone()} prefix="published" on_change={on_basis} />
            </>
        }
    });
    let adding_fields = (*adding).as_ref().map(|form| {
        let on_basis = {
            let adding = adding.clone();
            Callback::from(move |(basis, _typed): (Provenance, bool)| {
                let mut next = (*adding).clone().unwrap_or_default();
                next.basis = basis;
                adding.set(Some(next));
            })
        };
        html! {
            <>
                <TextField label="From" field="published:from" value={form.first.clone()} on_input={set_part(&adding, |a, v| a.first = v)} hint={FROM_HINT} />
                <TextField label="To (optional)" field="published:to" value={form.second.clone()} on_input={set_part(&adding, |a, v| a.second = v)} hint={TO_HINT} />
                <ProvenanceFields provenance={form.basis.clone()} prefix="published" on_change={on_basis} />
            </>
        }
    });
    html! {
        <OptionalDate class="published" legend="Publication date" field="published" what="publication date"
            absent="The article records no publication date."
            {present} {adding} {adding_fields} which={OptionalKind::Published} />
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edit::{Draft, EditError};

    #[test]
    fn a_copy_date_is_trimmed_and_a_blank_note_is_none() {
        let copy = copy_date_of(" Thursday, February 15, 2024 ", "2024-02-15 ", "  ");
        assert_eq!(copy.text, "Thursday, February 15, 2024");
        assert_eq!(copy.date, "2024-02-15");
        assert_eq!(copy.note, None);
        assert_eq!(
            copy_date_of("x", "2024-02-15", " header ").note.as_deref(),
            Some("header")
        );
    }

    #[test]
    fn a_copy_date_needs_a_full_date_and_can_be_removed() {
        let mut draft = Draft::new(crate::builtin_article()).unwrap();
        let refused = draft.apply(Edit::SetCopyDate {
            copy_date: Some(copy_date_of("February 2024", "2024-02", "")),
        });
        assert!(matches!(refused, Err(EditError::Invalid(_))), "{refused:?}");
        draft.apply(Edit::SetCopyDate { copy_date: None }).unwrap();
        assert_eq!(draft.article().copy_date, None);
        draft
            .apply(Edit::SetCopyDate {
                copy_date: Some(copy_date_of("15 Feb 2024", "2024-02-15", "")),
            })
            .unwrap();
        assert_eq!(
            draft.article().copy_date.as_ref().map(|c| c.text.as_str()),
            Some("15 Feb 2024")
        );
    }

    #[test]
    fn a_publication_date_without_an_end_is_a_single_date_and_is_checked() {
        let stated = Provenance {
            kind: ProvenanceKind::Stated,
            quote: Some("Moeed Yusuf".to_owned()),
            reasoning: None,
            sources: vec![],
        };
        let published = published_of(" 2021-12-01", " ", stated.clone());
        assert_eq!(published.from, "2021-12-01");
        assert_eq!(published.to, None);
        assert_eq!(
            published_of("2021-12-01", "2021-12-02", stated.clone())
                .to
                .as_deref(),
            Some("2021-12-02")
        );

        let mut draft = Draft::new(crate::builtin_article()).unwrap();
        draft
            .apply(Edit::SetPublished {
                published: Some(published),
            })
            .unwrap();
        assert_eq!(
            draft.article().published.as_ref().map(|p| &p.basis),
            Some(&stated)
        );
        // The form's default for a new one, with nothing typed: refused with the reason.
        let empty = Adding::default();
        let refused = draft.apply(Edit::SetPublished {
            published: Some(published_of("2021", "", empty.basis)),
        });
        assert_eq!(refused, Err(EditError::NoQuote));
    }
}
