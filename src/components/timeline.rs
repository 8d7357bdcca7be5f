use super::{CopyLinkButton, ProvenanceNote};
use crate::app::DocumentHandle;
use crate::link::ViewLink;
use crate::model::{Lane, Precision};
use crate::state::Action;
use crate::timeline::css_percent;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelinePanelProps {
    pub document: DocumentHandle,
    pub chosen_event: Option<usize>,
    pub chosen_entity: Option<usize>,
    pub on_choose: Callback<usize>,
    pub on_choose_entity: Callback<usize>,
    pub on_action: Callback<Action>,
    /// Events whose labels match the search.
    pub search_matches: Vec<usize>,
    pub can_link: bool,
    pub on_copy_link: Callback<ViewLink>,
}

/// The data attributes that carry the drawing's positions, and the custom properties
/// the stylesheet reads them from.
const POSITIONS: [(&str, &str); 4] = [
    ("data-pos", "--pos"),
    ("data-row", "--row"),
    ("data-narrow-pos", "--narrow-pos"),
    ("data-rows", "--rows"),
];

/// Copies each positioned element's data attributes into its style's custom properties.
fn place(drawing: &web_sys::Element) {
    use wasm_bindgen::JsCast;
    let Ok(elements) = drawing.query_selector_all("[data-pos], [data-rows]") else {
        return;
    };
    for index in 0..elements.length() {
        let Some(element) = elements
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            continue;
        };
        let style = element.style();
        for (attribute, property) in POSITIONS {
            if let Some(value) = element.get_attribute(attribute) {
                let _ = style.set_property(property, &value);
            }
        }
    }
}

fn precision_note(precision: Precision) -> Option<&'static str> {
    match precision {
        Precision::Day => None,
        Precision::Month => Some("known to the month"),
        Precision::Year => Some("known to the year"),
    }
}

/// The timeline: a proportional drawing in two lanes (for the eye and the mouse), an
/// ordered list of the same events (for everyone, and the keyboard path), and the
/// chosen event's details with where its date comes from.
#[component]
pub fn TimelinePanel(props: &TimelinePanelProps) -> Html {
    let drawing = use_node_ref();
    {
        // Positions go in through the CSSOM, not style attributes, so the pages'
        // Content Security Policy can refuse every inline style.
        let drawing = drawing.clone();
        use_effect_with(props.document.clone(), move |_| {
            if let Some(drawing) = drawing.cast::<web_sys::Element>() {
                place(&drawing);
            }
        });
    }
    let document = &props.document;
    let article = &document.article;
    if article.events.is_empty() {
        return html! {
            <section class="timeline" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">{ "Timeline" }</h2>
                <p>{ "This article has no dated events." }</p>
            </section>
        };
    }
    let involves_chosen = |event: usize| {
        props
            .chosen_entity
            .is_some_and(|entity| document.event_entities[event].contains(&entity))
    };
    let choose = |event: usize| {
        let on_choose = props.on_choose.clone();
        Callback::from(move |_: MouseEvent| on_choose.emit(event))
    };
    let layout = &document.timeline;

    let ticks = layout.ticks.iter().map(|tick| {
        html! {
            <span class="tick" data-pos={css_percent(tick.position)}>
                <span class="tick-label">{ &tick.label }</span>
            </span>
        }
    });
    let lanes = Lane::ALL.iter().enumerate().map(|(lane_index, &lane)| {
        let markers = layout.events.iter().filter(|placed| placed.lane == lane).map(|placed| {
            let event = &article.events[placed.event];
            let date = document.event_dates[placed.event];
            let class = classes!(
                "marker",
                format!("basis-{}", event.basis.kind.slug()),
                (props.chosen_event == Some(placed.event)).then_some("chosen"),
                involves_chosen(placed.event).then_some("involves-entity"),
                placed.label_before.then_some("label-before"),
            );
            html! {
                <>
                    <span class="narrow-tick" data-pos={css_percent(placed.position)}></span>
                    <button type="button" tabindex="-1" {class} data-pos={css_percent(placed.position)} data-row={placed.row.to_string()} data-narrow-pos={css_percent(placed.narrow_position)} data-event-id={event.id.clone()} onclick={choose(placed.event)}>
                        <span class="marker-dot"></span>
                        <span class="marker-text">
                            <span class="marker-date">{ date.short() }</span>
                            <span class="marker-label">{ &event.label }</span>
                        </span>
                    </button>
                </>
            }
        });
        html! {
            <div class={classes!("lane", format!("lane-{}", lane.slug()))} data-rows={layout.rows[lane_index].max(1).to_string()}>
                <span class="lane-label">{ lane.label() }</span>
                <div class="lane-track">{ for markers }</div>
            </div>
        }
    });

    let items = document.chronology.iter().map(|&index| {
        let event = &article.events[index];
        let date = document.event_dates[index];
        let chosen = props.chosen_event == Some(index);
        let involves = involves_chosen(index);
        let matches = props.search_matches.contains(&index);
        html! {
            <li class={classes!("timeline-item", format!("lane-{}", event.lane.slug()), chosen.then_some("chosen"), involves.then_some("involves-entity"), matches.then_some("search-match"))}>
                <button type="button" class="event-button" aria-pressed={chosen.to_string()} data-event-id={event.id.clone()} onclick={choose(index)}>
                    <time datetime={date.iso()}>{ date.to_string() }</time>
                    <span class="event-label">{ &event.label }</span>
                    if matches {
                        <span class="search-match-tag">{ "matches the search" }</span>
                    }
                    if event.suggested {
                        <span class="suggested-tag">{ "suggested, found automatically" }</span>
                    }
                    <span class={classes!("event-basis", format!("basis-{}", event.basis.kind.slug()))}>
                        <span class="basis-icon" aria-hidden="true"></span>
                        { event.basis.kind.label() }
                        { format!(" · {}", event.lane.label()) }
                    </span>
                    if involves {
                        if let Some(entity) = props.chosen_entity {
                            <span class="event-involves">{ format!("Involves {}", article.entities[entity].name) }</span>
                        }
                    }
                </button>
            </li>
        }
    });

    let details = props.chosen_event.map(|index| {
        let event = &article.events[index];
        let date = document.event_dates[index];
        let involved = document.event_entities[index].iter().map(|&entity| {
            let on_choose_entity = props.on_choose_entity.clone();
            let onclick = Callback::from(move |_: MouseEvent| on_choose_entity.emit(entity));
            let pressed = props.chosen_entity == Some(entity);
            html! {
                <li>
                    <button type="button" class="involved-entity" aria-pressed={pressed.to_string()} {onclick}>
                        { &article.entities[entity].name }
                    </button>
                </li>
            }
        });
        let on_action = props.on_action.clone();
        let go_to_sentence = Callback::from(move |_: MouseEvent| on_action.emit(Action::GoToSentence));
        let on_action = props.on_action.clone();
        let close = Callback::from(move |_: MouseEvent| on_action.emit(Action::ClearEvent));
        html! {
            <div class="event-details" data-event-id={event.id.clone()}>
                <h3>{ &event.label }</h3>
                <p class="event-date">
                    <time datetime={date.iso()}>{ date.to_string() }</time>
                    if let Some(note) = precision_note(event.precision) {
                        { format!(" ({note})") }
                    }
                    { format!(" · {}", event.lane.label()) }
                </p>
                <ProvenanceNote basis={event.basis.clone()} />
                if !document.event_entities[index].is_empty() {
                    <p class="involved-heading">{ "Involved:" }</p>
                    <ul class="involved-list">{ for involved }</ul>
                }
                if event.sentence.is_some() {
                    <button type="button" class="go-to-sentence" onclick={go_to_sentence}>{ "Show the sentence in the article" }</button>
                } else {
                    <p class="no-sentence">{ "No sentence of the article reports this; it is background the story assumes or follows." }</p>
                }
                <button type="button" class="close-details" onclick={close}>{ "Close details" }</button>
                if props.can_link {
                    <CopyLinkButton
                        link={ViewLink { event: Some(event.id.clone()), ..ViewLink::default() }}
                        label="Copy link to this event"
                        on_copy={props.on_copy_link.clone()}
                    />
                }
            </div>
        }
    });

    html! {
        <section class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{ "Timeline" }</h2>
            <p class="timeline-legend">
                { "What the story reports and the background it assumes. " }
                <span class="legend-item basis-stated"><span class="basis-icon" aria-hidden="true"></span>{ "stated in the article" }</span>
                <span class="legend-item basis-inferred"><span class="basis-icon" aria-hidden="true"></span>{ "inferred" }</span>
                <span class="legend-item basis-external"><span class="basis-icon" aria-hidden="true"></span>{ "from an outside source" }</span>
            </p>
            <div class="timeline-body">
                <div class="timeline-drawing" aria-hidden="true" ref={drawing}>
                    <div class="axis">{ for ticks }</div>
                    { for lanes }
                </div>
                <div class="timeline-side">
                    <h3 id="timeline-list-heading" class="visually-hidden">{ "Events in date order" }</h3>
                    <ol class="timeline-list" aria-labelledby="timeline-list-heading">{ for items }</ol>
                    <div class="event-details-region" aria-live="polite">{ for details }</div>
                </div>
            </div>
        </section>
    }
}
