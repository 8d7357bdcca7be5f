use super::passage::ENTITY_CARD_ID;
use crate::app::DocumentHandle;
use crate::state::EntityCard;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntityCardViewProps {
    pub document: DocumentHandle,
    pub card: Option<EntityCard>,
}

/// A preview card, like Wikipedia's page previews: the entity's name, kind,
/// description, mention count and events. Always in the page (marked mentions name it
/// with `aria-describedby`), shown only while a mention is hovered or focused.
#[component]
pub fn EntityCardView(props: &EntityCardViewProps) -> Html {
    let Some(card) = props.card else {
        return html! { <div id={ENTITY_CARD_ID} class="entity-card" role="tooltip" hidden=true></div> };
    };
    let document = &props.document;
    let entity = &document.article.entities[card.entity];
    let count = document.entity_mentions[card.entity].len();
    let events = &document.entity_events[card.entity];
    // Whole pixels as integers: float formatting would add kilobytes to the WebAssembly.
    let style = format!(
        "top: {}px; left: {}px",
        card.top.round() as i32,
        card.left.round() as i32
    );
    html! {
        <div id={ENTITY_CARD_ID} class={classes!("entity-card", format!("kind-{}", entity.kind.slug()))} role="tooltip" {style}>
            <p class="card-name">{ &entity.name }</p>
            <p class="card-kind">{ entity.kind.label() }{ format!(" · {count} mention{}", if count == 1 { "" } else { "s" }) }</p>
            <p class="card-description">{ &entity.description }</p>
            if !events.is_empty() {
                <ul class="card-events">
                    { for events.iter().map(|&event| html! {
                        <li>{ format!("{}: {}", document.event_dates[event], document.article.events[event].label) }</li>
                    }) }
                </ul>
            }
        </div>
    }
}
