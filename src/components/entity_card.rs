use crate::context::use_viewer;
use crate::dom_ids;
use crate::state::EntityCard;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct EntityCardViewProps {
    pub card: Option<EntityCard>,
}

/// A preview card, like Wikipedia's page previews: the entity's name, kind,
/// description, mention count and events. Always in the page (marked mentions name it
/// with `aria-describedby`), shown only while a mention is hovered or focused.
#[component]
pub fn EntityCardView(props: &EntityCardViewProps) -> Html {
    let document = use_viewer().document;
    let node = use_node_ref();
    {
        // Placed through the CSSOM: the pages' Content Security Policy refuses style
        // attributes.
        let node = node.clone();
        // Whole pixels as integers: float formatting would add kilobytes to the WebAssembly.
        let place = props
            .card
            .map(|card| (card.top.round() as i32, card.left.round() as i32));
        use_effect_with(place, move |place| {
            if let (Some((top, left)), Some(element)) =
                (*place, node.cast::<web_sys::HtmlElement>())
            {
                let style = element.style();
                let _ = style.set_property("top", &format!("{top}px"));
                let _ = style.set_property("left", &format!("{left}px"));
            }
        });
    }
    let Some(card) = props.card else {
        return html! { <div id={dom_ids::ENTITY_CARD} class="entity-card" role="tooltip" hidden=true ref={node}></div> };
    };
    let entity = &document.article.entities[card.entity];
    let count = document.entity_mentions[card.entity].len();
    let events = &document.entity_events[card.entity];
    html! {
        <div id={dom_ids::ENTITY_CARD} class={classes!("entity-card", format!("kind-{}", entity.kind.slug()))} role="tooltip" ref={node}>
            <p class="card-name"><bdi>{ &entity.name }</bdi></p>
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
