use super::CopyLinkButton;
use crate::context::use_viewer;
use crate::dom_ids;
use crate::hooks::use_progressive_count;
use crate::index::EntityIx;
use crate::link::ViewLink;
use crate::model::EntityKind;
use crate::state::Action;
use std::collections::BTreeSet;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntitySidebarProps {
    pub chosen_entity: Option<EntityIx>,
    pub mention_cursor: usize,
    /// Entities involved in the chosen event.
    pub involved: Vec<EntityIx>,
    pub hidden_kinds: BTreeSet<EntityKind>,
    /// Entities whose names match the search.
    pub search_matches: Vec<EntityIx>,
    /// Every name is marked in the text (the reading setting).
    pub all_names: bool,
    /// Render every entity at once (to hydrate the pre-rendered page).
    pub all_at_once: bool,
}

/// Entities per chunk of the list (see [`EntityChunk`]).
const ENTITIES_PER_CHUNK: usize = 100;
/// Chunks added per render while a long list is built up.
const CHUNKS_PER_STEP: usize = 3;

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
    let viewer = use_viewer();
    let document = &viewer.document;
    let entities = &document.article.entities;
    let action = |action: Action| viewer.dispatch.reform(move |_: MouseEvent| action.clone());

    let filters = EntityKind::ALL.iter().zip(&document.entities_by_kind).map(|(&kind, members)| {
        let count = members.len();
        let onchange = viewer.dispatch.reform(move |_: Event| Action::ToggleKind(kind));
        html! {
            <label class={classes!("kind-filter", format!("kind-{}", kind.slug()))}>
                <input type="checkbox" checked={!props.hidden_kinds.contains(&kind)} {onchange} />
                <span class="kind-swatch" aria-hidden="true"></span>
                { format!("{} ({count})", kind.plural_label()) }
            </label>
        }
    });

    let all_names = {
        let on = !props.all_names;
        viewer
            .dispatch
            .reform(move |_: Event| Action::ShowAllNames(on))
    };

    let stepper = props.chosen_entity.map_or_else(Html::default, |chosen| {
        let entity = &entities[chosen];
        let count = document.entity_mentions[chosen].len();
        let name = html! { <bdi>{ &entity.name }</bdi> };
        let status = if count == 0 {
            html! { <>{ name }{ " is not named on its own in the text." }</> }
        } else {
            html! { <>{ format!("Mention {} of {count} of ", props.mention_cursor + 1) }{ name }</> }
        };
        html! {
            <div class="mention-stepper" role="group" aria-label={format!("Mentions of {}", entity.name)}>
                <p class="mention-status" aria-live="polite">{ status }</p>
                <button type="button" onclick={action(Action::StepMention(-1))} disabled={count < 2}>{ "Previous" }</button>
                <button type="button" onclick={action(Action::StepMention(1))} disabled={count < 2}>{ "Next" }</button>
                <button type="button" onclick={action(Action::ClearEntity)}>{ "Clear" }</button>
                if viewer.can_link {
                    <CopyLinkButton
                        link={ViewLink { entity: Some(entity.id.clone()), ..ViewLink::default() }}
                        label={format!("Copy link to {}", entity.name)}
                    />
                }
            </div>
        }
    });

    // The list is cut into chunks that are components of their own: a choice re-renders
    // only the chunks whose entities change, and a long list is added a few chunks per
    // render; a chunk that holds what the reader is pointed at is there at once.
    let chunk_count: usize = document
        .entities_by_kind
        .iter()
        .map(|members| members.len().div_ceil(ENTITIES_PER_CHUNK))
        .sum();
    // A list that fits in the first step's chunks is rendered whole at once.
    let short = entities.len() <= ENTITIES_PER_CHUNK * CHUNKS_PER_STEP;
    let shown_chunks =
        use_progressive_count(chunk_count, CHUNKS_PER_STEP, props.all_at_once || short, 0);
    let mut ordinal = 0;
    let groups = EntityKind::ALL
        .iter()
        .zip(&document.entities_by_kind)
        .filter(|(kind, _)| !props.hidden_kinds.contains(kind))
        .map(|(&kind, members)| {
            let chunks = members
                .chunks(ENTITIES_PER_CHUNK)
                .enumerate()
                .filter_map(|(index, chunk)| {
                    // Chunks are sorted, so membership is a binary search.
                    let in_chunk = |entity: &EntityIx| chunk.binary_search(entity).is_ok();
                    let within = |entities: &[EntityIx]| -> Vec<EntityIx> {
                        entities.iter().copied().filter(in_chunk).collect()
                    };
                    let chosen = props.chosen_entity.filter(in_chunk);
                    let (involved, matches) =
                        (within(&props.involved), within(&props.search_matches));
                    let wanted = chosen.is_some() || !involved.is_empty() || !matches.is_empty();
                    let in_page = ordinal < shown_chunks || wanted;
                    ordinal += 1;
                    in_page.then(|| {
                        html! {
                            <EntityChunk
                                key={format!("{}-{index}", kind.slug())}
                                {kind}
                                {index}
                                {chosen}
                                {involved}
                                {matches}
                                stepper={chosen.map(|_| stepper.clone())}
                            />
                        }
                    })
                })
                .collect::<Vec<_>>();
            let heading_id = dom_ids::entity_group_heading(kind);
            html! {
                <section key={kind.slug()} class="entity-group" aria-labelledby={heading_id.clone()}>
                    <h3 id={heading_id}>{ kind.plural_label() }</h3>
                    <ul>{ for chunks }</ul>
                </section>
            }
        })
        .collect::<Vec<_>>();

    html! {
        <aside id={dom_ids::SIDEBAR} class="sidebar" aria-labelledby="sidebar-heading">
            <h2 id="sidebar-heading">{ "Who and what the story names" }</h2>
            <fieldset class="kind-filters">
                <legend>{ "Show" }</legend>
                { for filters }
                // The swatches beside the kinds are the legend of the marks: colour and
                // underline, so colour is not the only cue.
                <label class="all-names">
                    <input type="checkbox" role="switch" checked={props.all_names} onchange={all_names} />
                    { "Mark all names in the text" }
                </label>
            </fieldset>
            // A keyed list of its own, so hiding a kind removes its group and leaves the
            // others as they are (children are matched by key only when all have one).
            <>{ for groups }</>
        </aside>
    }
}

#[derive(Properties, PartialEq)]
struct EntityChunkProps {
    kind: EntityKind,
    /// Which chunk of the kind's entities.
    index: usize,
    /// The chosen entity, when it is in this chunk.
    chosen: Option<EntityIx>,
    /// This chunk's entities involved in the chosen event.
    involved: Vec<EntityIx>,
    /// This chunk's entities whose names match the search.
    matches: Vec<EntityIx>,
    stepper: Option<Html>,
}

/// A run of [`ENTITIES_PER_CHUNK`] entities of one kind.
#[component]
fn EntityChunk(props: &EntityChunkProps) -> Html {
    let document = use_viewer().document;
    let members = document.entities_of_kind(props.kind);
    let start = props.index * ENTITIES_PER_CHUNK;
    let chunk = &members[start..(start + ENTITIES_PER_CHUNK).min(members.len())];
    let items = chunk.iter().map(|&index| {
        let chosen = props.chosen == Some(index);
        html! {
            <EntityItem
                key={document.article.entities[index].id.clone()}
                {index}
                {chosen}
                involved={props.involved.contains(&index)}
                matches={props.matches.contains(&index)}
                stepper={props.stepper.clone().filter(|_| chosen)}
            />
        }
    });
    html! { <>{ for items }</> }
}

#[derive(Properties, PartialEq)]
struct EntityItemProps {
    index: EntityIx,
    chosen: bool,
    /// Involved in the chosen event.
    involved: bool,
    /// Its name matches the search.
    matches: bool,
    /// The mention stepper, under the chosen entity.
    stepper: Option<Html>,
}

/// One entity in the sidebar; a component of its own, so that a choice re-renders only
/// the items whose state changes.
#[component]
fn EntityItem(props: &EntityItemProps) -> Html {
    let viewer = use_viewer();
    let index = props.index;
    let entity = &viewer.document.article.entities[index];
    let onclick = viewer
        .dispatch
        .reform(move |_: MouseEvent| Action::ChooseEntity(index));
    let count = viewer.document.entity_mentions[index].len();
    let (chosen, involved, matches) = (props.chosen, props.involved, props.matches);
    html! {
        <li class={classes!("entity", format!("kind-{}", entity.kind.slug()), chosen.then_some("chosen"), involved.then_some("involved"), matches.then_some("search-match"))}>
            <button type="button" class="entity-button" aria-pressed={chosen.to_string()} data-entity-id={entity.id.clone()} {onclick}>
                <span class="entity-name"><bdi>{ &entity.name }</bdi></span>
                <span class="entity-count" dir="auto">{ mentions_text(count) }</span>
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
