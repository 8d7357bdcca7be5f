//! How a date is known, as a form: stated in the article (the words that give it),
//! inferred (the reasoning) or from an outside source (its name and link). Used by the
//! events and by the publication date.
//!
//! The form keeps what the author typed for every kind, so switching kinds back and
//! forth loses nothing; what is sent is the [`Provenance`] of the chosen kind. Reasoning
//! and complete sources support any kind, so they are kept when the kind changes (a
//! stated date whose reasoning explains the year keeps it).

use super::fields::{FieldProblem, TextField};
use super::use_editing;
use crate::model::{Provenance, ProvenanceKind, Source};
use yew::prelude::*;

/// What the provenance form holds: the chosen kind and every field typed for any kind.
#[derive(Clone, Debug, PartialEq)]
pub struct ProvenanceDraft {
    pub kind: ProvenanceKind,
    pub quote: String,
    pub reasoning: String,
    /// The first source, as the name and link fields show it.
    pub source_name: String,
    pub source_url: String,
    /// Sources after the first, kept as they are (the form edits only the first).
    pub more_sources: Vec<Source>,
}

/// One field of the provenance form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ProvenanceField {
    Quote,
    Reasoning,
    SourceName,
    SourceUrl,
}

fn is_web_link(url: &str) -> bool {
    let url = url.trim();
    url.starts_with("http://") || url.starts_with("https://")
}

impl ProvenanceDraft {
    pub fn of(provenance: &Provenance) -> Self {
        let first = provenance.sources.first();
        ProvenanceDraft {
            kind: provenance.kind,
            quote: provenance.quote.clone().unwrap_or_default(),
            reasoning: provenance.reasoning.clone().unwrap_or_default(),
            source_name: first.map(|s| s.name.clone()).unwrap_or_default(),
            source_url: first.map(|s| s.url.clone()).unwrap_or_default(),
            more_sources: provenance.sources.iter().skip(1).cloned().collect(),
        }
    }

    /// The same form with one field changed.
    #[must_use]
    pub fn with(mut self, field: ProvenanceField, value: String) -> Self {
        match field {
            ProvenanceField::Quote => self.quote = value,
            ProvenanceField::Reasoning => self.reasoning = value,
            ProvenanceField::SourceName => self.source_name = value,
            ProvenanceField::SourceUrl => self.source_url = value,
        }
        self
    }

    /// The provenance the form says. A stated date carries its quote; reasoning, when
    /// given, goes with any kind. An outside date carries every source typed (so a
    /// missing name or a wrong link is refused with its reason); the other kinds keep
    /// only complete sources as support, so a half-typed source left under "From an
    /// outside source" does not block them.
    pub fn provenance(&self) -> Provenance {
        let kind = self.kind;
        let quote = (kind == ProvenanceKind::Stated)
            .then(|| self.quote.trim().to_owned())
            .filter(|q| !q.is_empty());
        let reasoning = Some(self.reasoning.trim().to_owned()).filter(|r| !r.is_empty());
        let first = Source {
            name: self.source_name.trim().to_owned(),
            url: self.source_url.trim().to_owned(),
        };
        let sources = std::iter::once(first)
            .chain(self.more_sources.iter().cloned())
            .filter(|s| {
                if kind == ProvenanceKind::External {
                    !(s.name.is_empty() && s.url.is_empty())
                } else {
                    !s.name.trim().is_empty() && is_web_link(&s.url)
                }
            })
            .collect();
        Provenance {
            kind,
            quote,
            reasoning,
            sources,
        }
    }

    /// What the provenance keeps that the chosen kind's fields do not show, for a line
    /// under them ("Kept with it: the reasoning; 2 sources (Geo News, Dawn)").
    pub fn kept_beside(&self) -> Option<String> {
        let provenance = self.provenance();
        let mut kept = Vec::new();
        if self.kind != ProvenanceKind::Inferred && provenance.reasoning.is_some() {
            kept.push("the reasoning (shown under “Inferred”)".to_owned());
        }
        let hidden: Vec<&str> = match self.kind {
            ProvenanceKind::External => provenance
                .sources
                .iter()
                .skip(1)
                .map(|s| s.name.as_str())
                .collect(),
            _ => provenance.sources.iter().map(|s| s.name.as_str()).collect(),
        };
        if !hidden.is_empty() {
            let what = if self.kind == ProvenanceKind::External {
                "more sources"
            } else {
                "sources"
            };
            let count = hidden.len();
            let noun = if count == 1 {
                what.trim_end_matches('s')
            } else {
                what
            };
            kept.push(format!("{count} {noun} ({})", hidden.join(", ")));
        }
        (!kept.is_empty()).then(|| format!("Kept with it: {}.", kept.join("; ")))
    }
}

/// The id-safe form of a field key.
fn dom_key(key: &str) -> String {
    key.replace([':', ' '], "-")
}

#[derive(Properties, PartialEq)]
pub struct ProvenanceFieldsProps {
    /// The provenance the article holds (or the dialog proposes).
    pub provenance: Provenance,
    /// Field keys start with it: `"event:<id>"` gives `"event:<id>:basis"`, where a
    /// refusal of the provenance is shown.
    pub prefix: AttrValue,
    /// The provenance the form now says, and whether it was typed (a keystroke) rather
    /// than chosen (a kind).
    pub on_change: Callback<(Provenance, bool)>,
}

#[component]
pub fn ProvenanceFields(props: &ProvenanceFieldsProps) -> Html {
    let editing = use_editing();
    let draft = use_state_eq(|| ProvenanceDraft::of(&props.provenance));
    {
        // The article changed it (undo, another item): show what it holds now.
        let draft = draft.clone();
        use_effect_with(props.provenance.clone(), move |provenance| {
            if draft.provenance() != *provenance {
                draft.set(ProvenanceDraft::of(provenance));
            }
        });
    }
    let key = format!("{}:basis", props.prefix);
    let dom = dom_key(&key);
    let choose = |kind: ProvenanceKind| {
        let (draft, on_change) = (draft.clone(), props.on_change.clone());
        Callback::from(move |_: Event| {
            let next = ProvenanceDraft {
                kind,
                ..(*draft).clone()
            };
            draft.set(next.clone());
            // Sent even when the kind's fields are empty: the refusal says what is missing.
            on_change.emit((next.provenance(), false));
        })
    };
    let typed = |field: ProvenanceField| {
        let (draft, on_change) = (draft.clone(), props.on_change.clone());
        Callback::from(move |value: String| {
            let next = (*draft).clone().with(field, value);
            draft.set(next.clone());
            on_change.emit((next.provenance(), true));
        })
    };
    let field_key = |part: &str| AttrValue::from(format!("{key}:{part}"));
    let problem = editing
        .state
        .problem(&key)
        .map(|_| format!("problem-{dom}"));
    html! {
        <fieldset class="provenance" aria-describedby={problem}>
            <legend>{ "How is this date known?" }</legend>
            <div class="provenance-kinds">
                { for [ProvenanceKind::Stated, ProvenanceKind::Inferred, ProvenanceKind::External].into_iter().map(|kind| {
                    let id = format!("field-{dom}-kind-{}", kind.slug());
                    html! {
                        <div class="choice">
                            <input type="radio" id={id.clone()} name={format!("field-{dom}-kind")} value={kind.slug()} checked={draft.kind == kind} onchange={choose(kind)} />
                            <label for={id}>{ kind.label() }</label>
                        </div>
                    }
                }) }
            </div>
            { match draft.kind {
                ProvenanceKind::Stated => html! {
                    <TextField label="Quote" field={field_key("quote")} value={draft.quote.clone()} on_input={typed(ProvenanceField::Quote)} hint="The article’s words that give the date, exactly as they stand." />
                },
                ProvenanceKind::Inferred => html! {
                    <TextField label="Reasoning" field={field_key("reasoning")} value={draft.reasoning.clone()} on_input={typed(ProvenanceField::Reasoning)} multiline=true hint="How the date follows from the article and what is known about it." />
                },
                ProvenanceKind::External => html! {
                    <>
                        <TextField label="Source’s name" field={field_key("source-name")} value={draft.source_name.clone()} on_input={typed(ProvenanceField::SourceName)} placeholder="e.g. Dawn" />
                        <TextField label="Link to the source" field={field_key("source-url")} value={draft.source_url.clone()} on_input={typed(ProvenanceField::SourceUrl)} input_type="url" hint="An http or https link." placeholder="https://" />
                    </>
                },
            } }
            if let Some(kept) = draft.kept_beside() {
                <p class="field-hint">{ kept }</p>
            }
            <FieldProblem field={key.clone()} />
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(name: &str, url: &str) -> Source {
        Source {
            name: name.to_owned(),
            url: url.to_owned(),
        }
    }

    #[test]
    fn a_stated_date_keeps_its_quote_and_its_supporting_reasoning_and_sources() {
        let original = Provenance {
            kind: ProvenanceKind::Stated,
            quote: Some("December 1".to_owned()),
            reasoning: Some("The year follows from the NSA's term.".to_owned()),
            sources: vec![
                source("Dawn", "https://dawn.com/a"),
                source("Geo", "https://geo.tv/b"),
            ],
        };
        let draft = ProvenanceDraft::of(&original);
        assert_eq!(draft.provenance(), original);
        assert_eq!(
            draft.kept_beside().as_deref(),
            Some("Kept with it: the reasoning (shown under “Inferred”); 2 sources (Dawn, Geo).")
        );
    }

    #[test]
    fn switching_kinds_back_and_forth_loses_nothing_typed() {
        let draft = ProvenanceDraft::of(&Provenance {
            kind: ProvenanceKind::Stated,
            quote: Some("on Wednesday".to_owned()),
            reasoning: None,
            sources: vec![],
        });
        let inferred = ProvenanceDraft {
            kind: ProvenanceKind::Inferred,
            ..draft.clone()
        };
        // Nothing typed for an inferred date yet: sent without reasoning, to be refused.
        assert_eq!(
            inferred.provenance(),
            Provenance {
                kind: ProvenanceKind::Inferred,
                quote: None,
                reasoning: None,
                sources: vec![],
            }
        );
        let inferred = inferred.with(ProvenanceField::Reasoning, "  From the term. ".to_owned());
        assert_eq!(
            inferred.provenance().reasoning.as_deref(),
            Some("From the term.")
        );
        let back = ProvenanceDraft {
            kind: ProvenanceKind::Stated,
            ..inferred
        };
        let stated = back.provenance();
        assert_eq!(stated.quote.as_deref(), Some("on Wednesday"));
        assert_eq!(stated.reasoning.as_deref(), Some("From the term."));
    }

    #[test]
    fn an_outside_date_sends_what_was_typed_and_other_kinds_only_complete_sources() {
        let draft = ProvenanceDraft::of(&Provenance {
            kind: ProvenanceKind::Inferred,
            quote: None,
            reasoning: Some("Because.".to_owned()),
            sources: vec![],
        })
        .with(ProvenanceField::SourceName, "Dawn".to_owned());
        // Inferred: the half-typed source (no link) stays out.
        assert!(draft.provenance().sources.is_empty());
        let external = ProvenanceDraft {
            kind: ProvenanceKind::External,
            ..draft
        };
        // External: it goes in, so the refusal names the missing link.
        assert_eq!(external.provenance().sources, vec![source("Dawn", "")]);
        let external = external.with(
            ProvenanceField::SourceUrl,
            " https://dawn.com/x ".to_owned(),
        );
        assert_eq!(
            external.provenance().sources,
            vec![source("Dawn", "https://dawn.com/x")]
        );
        let inferred = ProvenanceDraft {
            kind: ProvenanceKind::Inferred,
            ..external
        };
        assert_eq!(
            inferred.provenance().sources,
            vec![source("Dawn", "https://dawn.com/x")]
        );
        assert_eq!(inferred.provenance().quote, None);
    }

    #[test]
    fn an_empty_outside_source_is_left_out_so_the_refusal_says_a_source_is_needed() {
        let draft = ProvenanceDraft::of(&Provenance {
            kind: ProvenanceKind::External,
            quote: None,
            reasoning: None,
            sources: vec![],
        });
        assert_eq!(draft.provenance().sources, vec![]);
        assert_eq!(draft.kept_beside(), None);
    }

    #[test]
    fn the_drafts_provenance_is_accepted_by_the_reducer_and_an_empty_kind_refused() {
        let mut draft = crate::edit::Draft::new(crate::builtin_article()).unwrap();
        let event = draft.article().events[0].clone();
        let form = ProvenanceDraft::of(&event.basis);
        let inferred = ProvenanceDraft {
            kind: ProvenanceKind::Inferred,
            reasoning: String::new(),
            ..form.clone()
        };
        let refused = draft.apply(crate::edit::Edit::SetEventBasis {
            event: event.id.clone(),
            basis: inferred.provenance(),
        });
        assert_eq!(refused, Err(crate::edit::EditError::NoReasoning));
        let stated = ProvenanceDraft {
            kind: ProvenanceKind::Stated,
            quote: String::new(),
            ..form
        };
        let refused = draft.apply(crate::edit::Edit::SetEventBasis {
            event: event.id.clone(),
            basis: stated.provenance(),
        });
        assert_eq!(refused, Err(crate::edit::EditError::NoQuote));
        let stated = stated.with(ProvenanceField::Quote, "Moeed Yusuf".to_owned());
        let accepted = draft
            .apply(crate::edit::Edit::SetEventBasis {
                event: event.id.clone(),
                basis: stated.provenance(),
            })
            .unwrap();
        assert!(accepted.changed);
        assert_eq!(draft.article().events[0].basis, stated.provenance());
    }
}
