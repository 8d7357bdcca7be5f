//! The article's events: a list with a form for each one opened, and the dialog that
//! makes a new event from the sentence around selected words.
//!
//! Only the forms of open rows are rendered, so an article with a thousand events keeps
//! a light list. Field keys: `event:<id>:label`, `event:<id>:date`,
//! `event:<id>:precision`, `event:<id>:lane`, `event:<id>:entities`, `event:<id>:basis`,
//! `event:<id>:remove`; the dialog's is `new-event`.

use super::dialog::{use_close_when_made, Dialog, FromSelectionProps};
use super::fields::{ChoiceField, Disclosure, FieldProblem, TextField};
use super::provenance::ProvenanceFields;
use super::selection::{paragraph_text, TextSelection};
use super::use_editing;
use crate::edit::{sentence_around, Edit};
use crate::model::{Article, Entity, Precision, Provenance, ProvenanceKind, SentenceRef};
use std::collections::BTreeSet;
use yew::prelude::*;

/// The field key of one part of an event's form.
pub fn event_field(event: &str, part: &str) -> String {
    format!("event:{event}:{part}")
}

/// The precision choice's value: `""` ("From the date") or the precision's name.
pub fn precision_value(precision: Option<Precision>) -> &'static str {
    match precision {
        None => "",
        Some(Precision::Year) => "year",
        Some(Precision::Month) => "month",
        Some(Precision::Day) => "day",
    }
}

/// The precision a choice's value names; `None` follows the date.
pub fn precision_of(value: &str) -> Option<Precision> {
    match value {
        "year" => Some(Precision::Year),
        "month" => Some(Precision::Month),
        "day" => Some(Precision::Day),
        _ => None,
    }
}

/// The precision choices; the first follows the date, whose precision is `now`.
fn precision_options(now: Precision) -> Vec<(AttrValue, AttrValue)> {
    [
        (
            None,
            format!("From the date (now {})", precision_value(Some(now))),
        ),
        (Some(Precision::Year), "Year".to_owned()),
        (Some(Precision::Month), "Month".to_owned()),
        (Some(Precision::Day), "Day".to_owned()),
    ]
    .into_iter()
    .map(|(p, label)| (precision_value(p).into(), label.into()))
    .collect()
}

fn lane_options(article: &Article) -> Vec<(AttrValue, AttrValue)> {
    article
        .lanes
        .iter()
        .map(|lane| (lane.id.clone().into(), lane.label.clone().into()))
        .collect()
}

/// The lane's label, or its id when the article has no such lane.
pub fn lane_label<'a>(article: &'a Article, lane: &'a str) -> &'a str {
    article
        .lanes
        .iter()
        .find(|l| l.id == lane)
        .map_or(lane, |l| l.label.as_str())
}

/// Whether `words` stand in `text` as whole words (not inside a longer word).
fn has_words(text: &str, words: &str) -> bool {
    if words.is_empty() {
        return false;
    }
    text.match_indices(words).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + words.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// The ids of the entities the sentence names (by name or alias, as whole words and in
/// the text's case), in the article's order.
pub fn entities_named_in(article: &Article, sentence: &str) -> Vec<String> {
    article
        .entities
        .iter()
        .filter(|entity| {
            std::iter::once(&entity.name)
                .chain(&entity.aliases)
                .any(|words| has_words(sentence, words))
        })
        .map(|entity| entity.id.clone())
        .collect()
}

/// The involved entities with one checked or unchecked: a new one goes last, each
/// stays once.
pub fn toggle_entity(involved: &[String], entity: &str, checked: bool) -> Vec<String> {
    let mut next: Vec<String> = involved
        .iter()
        .filter(|id| id.as_str() != entity)
        .cloned()
        .collect();
    if checked {
        next.push(entity.to_owned());
    }
    next
}

/// The entities sorted by name, for the checkboxes.
fn entities_by_name(article: &Article) -> Vec<&Entity> {
    let mut entities: Vec<&Entity> = article.entities.iter().collect();
    entities.sort_by_cached_key(|e| e.name.to_lowercase());
    entities
}

/// The sentence around the selected words, from the article's paragraph.
pub fn selected_sentence(article: &Article, selection: &TextSelection) -> Option<String> {
    let text = paragraph_text(article, &selection.paragraph)?;
    sentence_around(text, selection.start, selection.end).map(str::to_owned)
}

/// What the new-event dialog holds.
#[derive(Clone, Debug, PartialEq)]
pub struct NewEventForm {
    pub date: String,
    pub label: String,
    pub lane: Option<String>,
    pub entities: Vec<String>,
    pub basis: Provenance,
}

impl NewEventForm {
    /// The form as a new selection opens it: the first lane, the entities the sentence
    /// names, and a date stated by the selected words.
    pub fn proposed(article: &Article, selection: &TextSelection) -> Self {
        let sentence = selected_sentence(article, selection).unwrap_or_default();
        NewEventForm {
            date: String::new(),
            label: String::new(),
            lane: article.lanes.first().map(|l| l.id.clone()),
            entities: entities_named_in(article, &sentence),
            basis: Provenance {
                kind: ProvenanceKind::Stated,
                quote: Some(selection.words.clone()),
                reasoning: None,
                sources: Vec::new(),
            },
        }
    }

    /// The edit "Create" sends; a blank label lets the sentence be the label.
    pub fn edit(&self, selection: &TextSelection, sentence: &str) -> Edit {
        Edit::AddEvent {
            sentence: SentenceRef {
                paragraph: selection.paragraph.clone(),
                text: sentence.to_owned(),
            },
            date: self.date.trim().to_owned(),
            precision: None,
            label: Some(self.label.trim().to_owned()).filter(|l| !l.is_empty()),
            lane: self.lane.clone(),
            entities: self.entities.clone(),
            basis: self.basis.clone(),
            id: None,
        }
    }
}

#[derive(Properties, PartialEq)]
struct EntityChecksProps {
    /// Unique in the page; the checkboxes' ids start with it.
    id: AttrValue,
    legend: AttrValue,
    checked: Vec<String>,
    on_toggle: Callback<(String, bool)>,
}

/// A fieldset of checkboxes, one per entity, in a box that scrolls.
#[component]
fn EntityChecks(props: &EntityChecksProps) -> Html {
    let editing = use_editing();
    let article = editing.article();
    html! {
        <fieldset class="entity-checks">
            <legend>{ &props.legend }</legend>
            <div class="checkbox-list">
                { for entities_by_name(article).into_iter().map(|entity| {
                    let id = format!("{}~{}", props.id, entity.id);
                    let checked = props.checked.contains(&entity.id);
                    let onchange = {
                        let (on_toggle, entity) = (props.on_toggle.clone(), entity.id.clone());
                        Callback::from(move |event: Event| {
                            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                                on_toggle.emit((entity.clone(), input.checked()));
                            }
                        })
                    };
                    html! {
                        <div class="choice" key={entity.id.clone()}>
                            <input type="checkbox" id={id.clone()} {checked} {onchange} />
                            <label for={id}>{ &entity.name }</label>
                        </div>
                    }
                }) }
                if article.entities.is_empty() {
                    <p class="field-hint">{ "The article has no entities yet." }</p>
                }
            </div>
        </fieldset>
    }
}

/// The article's events, each with an "Edit" button that opens its form.
#[component]
pub fn EventsPart() -> Html {
    let editing = use_editing();
    let open = use_state_eq(BTreeSet::<String>::new);
    {
        // A just-made event shows its form.
        let (open, state) = (open.clone(), editing.state.clone());
        use_effect_with(
            (editing.state.revision, editing.state.created.clone()),
            move |(_, created)| {
                if let Some(created) = created {
                    if state.article().events.iter().any(|e| &e.id == created) {
                        let mut next = (*open).clone();
                        next.insert(created.clone());
                        open.set(next);
                    }
                }
            },
        );
    }
    let article = editing.article();
    if article.events.is_empty() {
        return html! {
            <p class="field-hint">{ "No events yet: select words in the text and press “New event from this sentence…”." }</p>
        };
    }
    html! {
        <ul class="editor-list events-list" aria-label="Events">
            { for article.events.iter().map(|event| {
                let is_open = open.contains(&event.id);
                let form_id = format!("edit-event-{}-form", event.id);
                let on_toggle = {
                    let (open, id) = (open.clone(), event.id.clone());
                    Callback::from(move |()| {
                        let mut next = (*open).clone();
                        if !next.remove(&id) {
                            next.insert(id.clone());
                        }
                        open.set(next);
                    })
                };
                html! {
                    <li key={event.id.clone()} class="event-row">
                        <div class="item-line">
                            <span>
                                <strong>{ &event.date }</strong>{ " · " }{ &event.label }
                                <span class="item-details">
                                    { lane_label(article, &event.lane) }{ " · " }
                                    <span class={classes!("event-basis", format!("basis-{}", event.basis.kind.slug()))}>{ event.basis.kind.label() }</span>
                                    if event.suggested { { " · suggested" } }
                                </span>
                            </span>
                            <Disclosure controls={form_id.clone()} open={is_open} on_toggle={on_toggle} label={format!("Edit {}: {}", event.date, event.label)} />
                        </div>
                        if is_open {
                            <EventForm id={form_id} event={event.id.clone()} fresh={editing.state.created.as_deref() == Some(event.id.as_str())} />
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

#[derive(Properties, PartialEq)]
struct EventFormProps {
    /// The form's element id.
    id: AttrValue,
    /// The event's id.
    event: AttrValue,
    /// The event was just made: its form is brought into view when it opens.
    #[prop_or_default]
    fresh: bool,
}

/// One event's form; every change is an edit.
#[component]
fn EventForm(props: &EventFormProps) -> Html {
    let editing = use_editing();
    let precision = use_state_eq(|| None::<Precision>);
    let node = use_node_ref();
    {
        // A new event's form opens inside a part that may be closed: open it, and show it.
        let (node, fresh) = (node.clone(), props.fresh);
        use_effect_with((), move |()| {
            if let (true, Some(form)) = (fresh, node.cast::<web_sys::Element>()) {
                if let Ok(Some(part)) = form.closest("details") {
                    let _ = part.set_attribute("open", "");
                }
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                form.scroll_into_view_with_scroll_into_view_options(&options);
            }
        });
    }
    let Some(event) = editing
        .article()
        .events
        .iter()
        .find(|e| e.id == *props.event)
    else {
        return html! {};
    };
    let id = event.id.clone();
    let key = |part: &str| AttrValue::from(event_field(&id, part));
    let on_label = {
        let (editing, id) = (editing.clone(), id.clone());
        Callback::from(move |label: String| {
            let field = event_field(&id, "label");
            editing.typed(
                Edit::SetEventLabel {
                    event: id.clone(),
                    label,
                },
                field,
            );
        })
    };
    let on_date = {
        let (editing, id, precision) = (editing.clone(), id.clone(), precision.clone());
        Callback::from(move |date: String| {
            let field = event_field(&id, "date");
            editing.typed(
                Edit::SetEventDate {
                    event: id.clone(),
                    date: date.trim().to_owned(),
                    precision: *precision,
                },
                field,
            );
        })
    };
    let on_precision = {
        let (editing, id, date, precision) = (
            editing.clone(),
            id.clone(),
            event.date.clone(),
            precision.clone(),
        );
        Callback::from(move |value: String| {
            let chosen = precision_of(&value);
            precision.set(chosen);
            editing.apply(
                Edit::SetEventDate {
                    event: id.clone(),
                    date: date.clone(),
                    precision: chosen,
                },
                event_field(&id, "precision"),
            );
        })
    };
    let on_lane = {
        let (editing, id) = (editing.clone(), id.clone());
        Callback::from(move |lane: String| {
            editing.apply(
                Edit::SetEventLane {
                    event: id.clone(),
                    lane,
                },
                event_field(&id, "lane"),
            );
        })
    };
    let on_entity = {
        let (editing, id, involved) = (editing.clone(), id.clone(), event.entities.clone());
        Callback::from(move |(entity, checked): (String, bool)| {
            editing.apply(
                Edit::SetEventEntities {
                    event: id.clone(),
                    entities: toggle_entity(&involved, &entity, checked),
                },
                event_field(&id, "entities"),
            );
        })
    };
    let on_basis = {
        let (editing, id) = (editing.clone(), id.clone());
        Callback::from(move |(basis, typed): (Provenance, bool)| {
            let edit = Edit::SetEventBasis {
                event: id.clone(),
                basis,
            };
            let field = event_field(&id, "basis");
            if typed {
                editing.typed(edit, field);
            } else {
                editing.apply(edit, field);
            }
        })
    };
    let on_remove = {
        let (editing, id) = (editing.clone(), id.clone());
        Callback::from(move |_: MouseEvent| {
            editing.apply(
                Edit::RemoveEvent { event: id.clone() },
                event_field(&id, "remove"),
            );
        })
    };
    let article = editing.article();
    html! {
        <div class="event-form" id={props.id.clone()} ref={node}>
            <TextField label="Label" field={key("label")} value={event.label.clone()} on_input={on_label} />
            <TextField label="Date" field={key("date")} value={event.date.clone()} on_input={on_date} hint="YYYY, YYYY-MM or YYYY-MM-DD" />
            <ChoiceField label="Precision" field={key("precision")} options={precision_options(event.precision)} value={precision_value(*precision)} on_change={on_precision} />
            <ChoiceField label="Lane" field={key("lane")} options={lane_options(article)} value={event.lane.clone()} on_change={on_lane} />
            <EntityChecks id={format!("edit-event-{id}-entity")} legend="Involved entities" checked={event.entities.clone()} on_toggle={on_entity} />
            <FieldProblem field={key("entities")} />
            <ProvenanceFields provenance={event.basis.clone()} prefix={format!("event:{id}")} on_change={on_basis} />
            <div class="field">
                <p class="field-label">{ "From the sentence" }</p>
                if let Some(sentence) = &event.sentence {
                    <blockquote class="event-sentence">{ &sentence.text }</blockquote>
                } else {
                    <p class="field-hint">{ "No sentence of the article: the date is known from elsewhere." }</p>
                }
            </div>
            <button type="button" class="danger" onclick={on_remove}>{ "Remove event" }</button>
            <FieldProblem field={key("remove")} />
        </div>
    }
}

/// A new event from the sentence around the selected words: its date, label, lane,
/// entities and how the date is known.
#[component]
pub fn NewEventDialog(props: &FromSelectionProps) -> Html {
    let editing = use_editing();
    let form = use_state(|| None::<NewEventForm>);
    let expect_made = use_close_when_made(props.open, "new-event", props.on_close.clone());
    {
        // Opening proposes the form from the selection.
        let (form, state) = (form.clone(), editing.state.clone());
        use_effect_with(
            (props.open, props.selection.clone()),
            move |(open, selection)| {
                if let (true, Some(selection)) = (open, selection) {
                    form.set(Some(NewEventForm::proposed(state.article(), selection)));
                }
            },
        );
    }
    let article = editing.article();
    let sentence = props
        .selection
        .as_ref()
        .and_then(|s| selected_sentence(article, s));
    let current = (*form).clone().or_else(|| {
        props
            .selection
            .as_ref()
            .map(|s| NewEventForm::proposed(article, s))
    });
    let update = {
        let (form, current) = (form.clone(), current.clone());
        move |change: fn(&mut NewEventForm, String)| {
            let (form, current) = (form.clone(), current.clone());
            Callback::from(move |value: String| {
                if let Some(mut next) = current.clone() {
                    change(&mut next, value);
                    form.set(Some(next));
                }
            })
        }
    };
    let text_input = |on: Callback<String>| {
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                on.emit(input.value());
            }
        })
    };
    let on_date = text_input(update(|f, v| f.date = v));
    let on_label = text_input(update(|f, v| f.label = v));
    let on_lane = {
        let on = update(|f, v| f.lane = Some(v));
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                on.emit(select.value());
            }
        })
    };
    let on_entity = {
        let (form, current) = (form.clone(), current.clone());
        Callback::from(move |(entity, checked): (String, bool)| {
            if let Some(mut next) = current.clone() {
                next.entities = toggle_entity(&next.entities, &entity, checked);
                form.set(Some(next));
            }
        })
    };
    let on_basis = {
        let (form, current) = (form.clone(), current.clone());
        Callback::from(move |(basis, _typed): (Provenance, bool)| {
            if let Some(mut next) = current.clone() {
                next.basis = basis;
                form.set(Some(next));
            }
        })
    };
    let on_create = {
        let (editing, selection, sentence, current, expect_made) = (
            editing.clone(),
            props.selection.clone(),
            sentence.clone(),
            current.clone(),
            expect_made.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (Some(selection), Some(sentence), Some(form)) = (&selection, &sentence, &current)
            else {
                return;
            };
            expect_made.emit(());
            editing.apply(form.edit(selection, sentence), "new-event");
        })
    };
    let cancel = {
        let on_close = props.on_close.clone();
        Callback::from(move |_: MouseEvent| on_close.emit(()))
    };
    let body = match (&current, &sentence) {
        (Some(form), Some(sentence)) => html! {
            <>
                <figure class="new-event-sentence">
                    <figcaption>{ "From the sentence" }</figcaption>
                    <blockquote><q>{ sentence.clone() }</q></blockquote>
                </figure>
                <div class="field">
                    <label for="new-event-date">{ "Date (required)" }</label>
                    <input id="new-event-date" value={form.date.clone()} oninput={on_date} required=true autofocus=true aria-describedby="new-event-date-hint" />
                    <p class="field-hint" id="new-event-date-hint">{ "YYYY, YYYY-MM or YYYY-MM-DD" }</p>
                </div>
                <div class="field">
                    <label for="new-event-label">{ "Label (optional)" }</label>
                    <input id="new-event-label" value={form.label.clone()} oninput={on_label} placeholder="Left empty, the sentence, shortened" />
                </div>
                <div class="field">
                    <label for="new-event-lane">{ "Lane" }</label>
                    <select id="new-event-lane" onchange={on_lane}>
                        { for article.lanes.iter().map(|lane| html! {
                            <option value={lane.id.clone()} selected={form.lane.as_deref() == Some(lane.id.as_str())}>{ &lane.label }</option>
                        }) }
                    </select>
                </div>
                <EntityChecks id="new-event-entity" legend="Involved entities" checked={form.entities.clone()} on_toggle={on_entity} />
                <ProvenanceFields provenance={form.basis.clone()} prefix="new-event" on_change={on_basis} />
            </>
        },
        _ => html! {
            <p>{ "Select words in one paragraph of the text first." }</p>
        },
    };
    html! {
        <Dialog id="new-event-dialog" open={props.open} title="New event" on_close={props.on_close.clone()}>
            <form onsubmit={on_create} novalidate=true>
                { body }
                <FieldProblem field="new-event" />
                <div class="dialog-actions">
                    <button type="submit" class="primary" disabled={sentence.is_none()}>{ "Create" }</button>
                    <button type="button" onclick={cancel}>{ "Cancel" }</button>
                </div>
            </form>
        </Dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> Article {
        crate::builtin_article()
    }

    /// A selection of `words` in the first paragraph that holds them.
    fn select(article: &Article, words: &str) -> TextSelection {
        let (paragraph, text) = article
            .paragraphs()
            .find(|(_, _, text)| text.contains(words))
            .map(|(_, id, text)| (id.to_owned(), text))
            .expect("the words are in the text");
        let start = text.find(words).unwrap();
        TextSelection {
            words: words.to_owned(),
            paragraph,
            start,
            end: start + words.len(),
        }
    }

    #[test]
    fn entities_are_found_by_whole_name_or_alias_in_the_texts_case() {
        let article = article();
        let named = entities_named_in(
            &article,
            "Moeed Yusuf met Patrushev; the NSAs and nsa said nothing.",
        );
        assert_eq!(named, vec!["moeed-yusuf", "nikolay-patrushev"]);
        assert_eq!(
            entities_named_in(&article, "The NSA spoke."),
            vec!["moeed-yusuf"]
        );
        assert!(entities_named_in(&article, "Nobody here.").is_empty());
    }

    #[test]
    fn toggling_an_entity_adds_it_last_once_and_removes_it() {
        let involved = vec!["a".to_owned(), "b".to_owned()];
        assert_eq!(toggle_entity(&involved, "c", true), ["a", "b", "c"]);
        assert_eq!(toggle_entity(&involved, "a", true), ["b", "a"]);
        assert_eq!(toggle_entity(&involved, "a", false), ["b"]);
        assert_eq!(toggle_entity(&involved, "z", false), ["a", "b"]);
    }

    #[test]
    fn the_precision_choice_round_trips() {
        for precision in [
            None,
            Some(Precision::Year),
            Some(Precision::Month),
            Some(Precision::Day),
        ] {
            assert_eq!(precision_of(precision_value(precision)), precision);
        }
        assert_eq!(precision_of("week"), None);
        let options = precision_options(Precision::Month);
        assert_eq!(options[0], ("".into(), "From the date (now month)".into()));
        assert_eq!(options[3], ("day".into(), "Day".into()));
    }

    #[test]
    fn lanes_are_named_by_their_label() {
        let article = article();
        assert_eq!(lane_label(&article, "backdrop"), "Afghanistan backdrop");
        assert_eq!(lane_label(&article, "nowhere"), "nowhere");
        assert_eq!(
            event_field("moscow-meeting", "basis"),
            "event:moscow-meeting:basis"
        );
    }

    #[test]
    fn a_new_event_from_a_selection_is_proposed_and_accepted_by_the_reducer() {
        let article = article();
        let selection = select(&article, "Moeed Yusuf");
        let sentence = selected_sentence(&article, &selection).unwrap();
        assert!(sentence.contains("Moeed Yusuf"));
        assert!(sentence.len() > "Moeed Yusuf".len());
        let mut form = NewEventForm::proposed(&article, &selection);
        assert_eq!(form.lane.as_deref(), Some("meeting"));
        assert!(form.entities.contains(&"moeed-yusuf".to_owned()));
        assert_eq!(form.basis.kind, ProvenanceKind::Stated);
        assert_eq!(form.basis.quote.as_deref(), Some("Moeed Yusuf"));

        let mut draft = crate::edit::Draft::new(article).unwrap();
        // No date: refused, and nothing added.
        let before = draft.article().events.len();
        assert!(matches!(
            draft.apply(form.edit(&selection, &sentence)),
            Err(crate::edit::EditError::Date(_))
        ));
        assert_eq!(draft.article().events.len(), before);

        form.date = " 2021-12-01 ".to_owned();
        form.label = "   ".to_owned();
        let applied = draft.apply(form.edit(&selection, &sentence)).unwrap();
        let created = applied.created.unwrap();
        let event = draft
            .article()
            .events
            .iter()
            .find(|e| e.id == created)
            .unwrap();
        assert_eq!(event.date, "2021-12-01");
        assert_eq!(event.precision, Precision::Day);
        assert_eq!(event.sentence.as_ref().unwrap().text, sentence);
        assert_eq!(
            event.label,
            crate::text::shorten(&sentence, 80),
            "a blank label lets the sentence be the label"
        );
        assert_eq!(event.entities, form.entities);
    }
}
