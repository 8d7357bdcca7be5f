//! What the converter suggested, to accept or reject one by one or a group at once.
//! Accepted items lose the "suggested" flag; rejected ones are removed (an entity with
//! the events' references to it). Focus goes on to the next suggestion.

use super::fields::{focus_when_rendered, FieldProblem};
use super::use_editing;
use crate::edit::{Edit, Group, Item};
use crate::model::EntityKind;
use yew::prelude::*;

/// A suggested item as the list shows it.
#[derive(Clone, PartialEq)]
struct Suggestion {
    item: Item,
    what: String,
    why: Option<String>,
}

impl Suggestion {
    fn key(&self) -> String {
        match &self.item {
            Item::Entity(id) => format!("entity-{id}"),
            Item::Event(id) => format!("event-{id}"),
        }
    }
}

#[component]
pub fn SuggestionsPart() -> Html {
    let editing = use_editing();
    let article = editing.article();
    let suggestions: Vec<Suggestion> = article
        .entities
        .iter()
        .filter(|e| e.suggested)
        .map(|e| Suggestion {
            item: Item::Entity(e.id.clone()),
            what: format!("{} · {}", e.name, e.kind.label()),
            why: e.suggested_because.clone(),
        })
        .chain(article.events.iter().filter(|e| e.suggested).map(|e| {
            Suggestion {
                item: Item::Event(e.id.clone()),
                what: format!("{} · {}", e.date, e.label),
                why: e
                    .sentence
                    .as_ref()
                    .map(|s| format!("the sentence “{}”", crate::text::shorten(&s.text, 120))),
            }
        }))
        .collect();
    if suggestions.is_empty() {
        return html! { <p class="field-hint">{ "Nothing here is suggested: every entity and event is the author’s." }</p> };
    }
    let group_button = |group: Group, accept: bool| {
        let editing = editing.clone();
        Callback::from(move |_: MouseEvent| {
            let edit = if accept {
                Edit::AcceptAll { group }
            } else {
                Edit::RejectAll { group }
            };
            editing.apply(edit, "suggestions");
        })
    };
    let mut groups: Vec<(Group, String, usize)> = EntityKind::ALL
        .into_iter()
        .map(|kind| {
            let count = article
                .entities
                .iter()
                .filter(|e| e.suggested && e.kind == kind)
                .count();
            (
                Group::EntitiesOfKind(kind),
                kind.plural_label().to_owned(),
                count,
            )
        })
        .collect();
    groups.push((
        Group::Events,
        "Events".to_owned(),
        article.events.iter().filter(|e| e.suggested).count(),
    ));
    let decide = |index: usize, accept: bool| {
        let editing = editing.clone();
        let item = suggestions[index].item.clone();
        // Focus goes on to the next suggestion's button of the same kind, or the previous.
        let next = suggestions
            .get(index + 1)
            .or_else(|| index.checked_sub(1).and_then(|i| suggestions.get(i)))
            .map(|s| format!("{}-{}", if accept { "accept" } else { "reject" }, s.key()));
        Callback::from(move |_: MouseEvent| {
            let edit = if accept {
                Edit::Accept { item: item.clone() }
            } else {
                Edit::Reject { item: item.clone() }
            };
            editing.apply(edit, "suggestions");
            focus_when_rendered(next.clone().unwrap_or_else(|| "editor-title".to_owned()));
        })
    };
    html! {
        <>
            <ul class="editor-list group-actions" aria-label="Suggestions by group">
                { for groups.iter().filter(|(_, _, count)| *count > 0).map(|(group, label, count)| html! {
                    <li class="item-line">
                        <span>{ format!("{label}: {count} suggested") }</span>
                        <span class="item-actions">
                            <button type="button" onclick={group_button(*group, true)} aria-label={format!("Accept all {count} suggested {}", label.to_lowercase())}>{ "Accept all" }</button>
                            <button type="button" onclick={group_button(*group, false)} aria-label={format!("Reject all {count} suggested {}", label.to_lowercase())}>{ "Reject all" }</button>
                        </span>
                    </li>
                }) }
            </ul>
            <FieldProblem field="suggestions" />
            <ul class="editor-list" aria-label="Suggested entities and events">
                { for suggestions.iter().enumerate().map(|(index, s)| html! {
                    <li key={s.key()}>
                        <div class="item-line">
                            <span><strong>{ &s.what }</strong></span>
                            <span class="item-actions">
                                <button type="button" id={format!("accept-{}", s.key())} onclick={decide(index, true)} aria-label={format!("Accept {}", s.what)}>{ "Accept" }</button>
                                <button type="button" id={format!("reject-{}", s.key())} onclick={decide(index, false)} aria-label={format!("Reject {}", s.what)}>{ "Reject" }</button>
                            </span>
                        </div>
                        if let Some(why) = &s.why {
                            <p class="field-hint">{ format!("Suggested because {why}") }</p>
                        }
                    </li>
                }) }
            </ul>
        </>
    }
}
