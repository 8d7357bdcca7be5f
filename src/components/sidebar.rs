use super::CopyLinkButton;
use crate::app::DocumentHandle;
use crate::link::ViewLink;
use crate::model::EntityKind;
use crate::state::Action;
use std::collections::BTreeSet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntitySidebarProps {
    pub document: DocumentHandle,
    pub chosen_entity: Option<usize>,
    pub mention_cursor: usize,
    /// Entities involved in the chosen event.
    pub involved: Vec<usize>,
    pub hidden_kinds: BTreeSet<EntityKind>,
    pub on_choose: Callback<usize>,
    pub on_action: Callback<Action>,
    /// Entities whose names match the search.
    pub search_matches: Vec<usize>,
    pub can_link: bool,
    pub on_copy_link: Callback<ViewLink>,
}

fn mentions_text(count: usize) -> String {
    match count {
        0 => "not named on its own in the text".to_owned(),
        1 => "1 mention".to_owned(),
        n => format!("{n} mentions"),
    }
}

/// The entity sidebar: kind filters, the chosen entity's mention stepper, and every
/// entity grouped by kind with its mention count and description.
#[component]
pub fn EntitySidebar(props: &EntitySidebarProps) -> Html {
    let document = &props.document;
    let entities = &document.article.entities;
    let action = |action: Action| {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };

    let filters = EntityKind::ALL.iter().map(|&kind| {
        let count = entities.iter().filter(|e| e.kind == kind).count();
        let onchange = {
            let on_action = props.on_action.clone();
            Callback::from(move |_: Event| on_action.emit(Action::ToggleKind(kind)))
        };
        html! {
            <label class={classes!("kind-filter", format!("kind-{}", kind.slug()))}>
                <input type="checkbox" checked={!props.hidden_kinds.contains(&kind)} {onchange} />
                <span class="kind-swatch" aria-hidden="true"></span>
                { format!("{} ({count})", kind.plural_label()) }
            </label>
        }
    });

    let stepper = props.chosen_entity.map_or_else(Html::default, |chosen| {
        let entity = &entities[chosen];
        let count = document.entity_mentions[chosen].len();
        let status = if count == 0 {
            format!("{} is not named on its own in the text.", entity.name)
        } else {
            format!("Mention {} of {count} of {}", props.mention_cursor + 1, entity.name)
        };
        html! {
            <div class="mention-stepper" role="group" aria-label={format!("Mentions of {}", entity.name)}>
                <p class="mention-status" aria-live="polite">{ status }</p>
                <button type="button" onclick={action(Action::StepMention(-1))} disabled={count < 2}>{ "Previous" }</button>
                <button type="button" onclick={action(Action::StepMention(1))} disabled={count < 2}>{ "Next" }</button>
                <button type="button" onclick={action(Action::ClearEntity)}>{ "Clear" }</button>
                if props.can_link {
                    <CopyLinkButton
                        link={ViewLink { entity: Some(entity.id.clone()), ..ViewLink::default() }}
                        label={format!("Copy link to {}", entity.name)}
                        on_copy={props.on_copy_link.clone()}
                    />
                }
            </div>
        }
    });

    // Flags by entity index, so each item is decided in constant time.
    let flags = |indexes: &[usize]| {
        let mut flags = vec![false; entities.len()];
        for &index in indexes {
            flags[index] = true;
        }
        flags
    };
    let (involved, matches) = (flags(&props.involved), flags(&props.search_matches));
    let groups = EntityKind::ALL
        .iter()
        .filter(|kind| !props.hidden_kinds.contains(kind))
        .map(|&kind| {
            let items = entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.kind == kind)
                .map(|(index, entity)| {
                    let chosen = props.chosen_entity == Some(index);
                    html! {
                        <EntityItem
                            key={entity.id.clone()}
                            document={document.clone()}
                            {index}
                            {chosen}
                            involved={involved[index]}
                            matches={matches[index]}
                            on_choose={props.on_choose.clone()}
                            stepper={chosen.then(|| stepper.clone())}
                        />
                    }
                });
            let heading_id = format!("entities-{}", kind.slug());
            html! {
                <section class="entity-group" aria-labelledby={heading_id.clone()}>
                    <h3 id={heading_id}>{ kind.plural_label() }</h3>
                    <ul>{ for items }</ul>
                </section>
            }
        });

    html! {
        <aside class="sidebar" aria-labelledby="sidebar-heading">
            <h2 id="sidebar-heading">{ "Who and what the story names" }</h2>
            <fieldset class="kind-filters">
                <legend>{ "Show" }</legend>
                { for filters }
            </fieldset>
            { for groups }
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct EntityItemProps {
    document: DocumentHandle,
    index: usize,
    chosen: bool,
    /// Involved in the chosen event.
    involved: bool,
    /// Its name matches the search.
    matches: bool,
    on_choose: Callback<usize>,
    /// The mention stepper, under the chosen entity.
    stepper: Option<Html>,
}

/// One entity in the sidebar; a component of its own, so that a choice re-renders only
/// the items whose state changes.
#[component]
fn EntityItem(props: &EntityItemProps) -> Html {
    let index = props.index;
    let entity = &props.document.article.entities[index];
    let onclick = props.on_choose.reform(move |_: MouseEvent| index);
    let count = props.document.entity_mentions[index].len();
    let (chosen, involved, matches) = (props.chosen, props.involved, props.matches);
    html! {
        <li class={classes!("entity", format!("kind-{}", entity.kind.slug()), chosen.then_some("chosen"), involved.then_some("involved"), matches.then_some("search-match"))}>
            <button type="button" class="entity-button" aria-pressed={chosen.to_string()} data-entity-id={entity.id.clone()} {onclick}>
                <span class="entity-name">{ &entity.name }</span>
                <span class="entity-count">{ mentions_text(count) }</span>
                if matches {
                    <span class="search-match-tag">{ "matches the search" }</span>
                }
                if entity.suggested {
                    <span class="suggested-tag">{ "suggested" }</span>
                }
                if involved {
                    <span class="entity-involved">{ "in the chosen event" }</span>
                }
            </button>
            <p class="entity-description">{ &entity.description }</p>
            if let Some(because) = entity.suggested_because.as_ref().filter(|_| entity.suggested) {
                <p class="entity-because">{ format!("Suggested because of {because}.") }</p>
            }
            if let Some(stepper) = &props.stepper {
                { stepper.clone() }
            }
        </li>
    }
}
