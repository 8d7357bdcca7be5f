use super::{CopyLinkButton, ProvenanceNote};
use crate::context::use_viewer;
use crate::dom_ids;
use crate::hooks::use_progressive_count;
use crate::index::{EntityIx, EventIx};
use crate::link::ViewLink;
use crate::model::Precision;
use crate::state::Action;
use crate::timeline::{css_number, css_percent};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TimelinePanelProps {
    pub chosen_event: Option<EventIx>,
    pub chosen_entity: Option<EntityIx>,
    /// Events whose labels match the search.
    pub search_matches: Vec<EventIx>,
    /// Render every event at once (to hydrate the pre-rendered page).
    pub all_at_once: bool,
}

/// Events per chunk of the drawing and of the list.
const EVENTS_PER_CHUNK: usize = 100;
/// Chunks added per render while a long timeline is built up.
const CHUNKS_PER_STEP: usize = 3;

/// What marks events: the chosen one, the one whose list item is pointed at or focused,
/// those involving the chosen entity, and those matching the search, as flags by event index.
struct EventMarks<'a> {
    chosen: Option<EventIx>,
    pointed: Option<EventIx>,
    involved: &'a [bool],
    matches: &'a [bool],
}

impl EventMarks<'_> {
    /// The marks of the events of one chunk.
    fn within(&self, events: &[EventIx]) -> ChunkMarks {
        ChunkMarks {
            chosen: self.chosen.filter(|chosen| events.contains(chosen)),
            pointed: self.pointed.filter(|pointed| events.contains(pointed)),
            involved: events
                .iter()
                .copied()
                .filter(|&e| self.involved[e])
                .collect(),
            matches: events
                .iter()
                .copied()
                .filter(|&e| self.matches[e])
                .collect(),
        }
    }
}

/// The marks of one chunk's events: its props, so a chunk whose marks did not change
/// is not rendered again.
#[derive(Clone, Debug, Default, PartialEq)]
struct ChunkMarks {
    chosen: Option<EventIx>,
    /// The event whose list item the pointer is over or the focus is on: its marker
    /// stands out, its label whole.
    pointed: Option<EventIx>,
    involved: Vec<EventIx>,
    matches: Vec<EventIx>,
}

impl ChunkMarks {
    /// The reader is pointed at one of these events: the chunk is in the page at once.
    fn wanted(&self) -> bool {
        self.chosen.is_some() || !self.involved.is_empty() || !self.matches.is_empty()
    }
}

/// The data attributes that carry the drawing's positions, and the custom properties
/// the stylesheet reads them from (static/briefing-start.js copies the same pairs on the
/// pre-rendered page before the viewer starts).
const POSITIONS: [(&str, &str); 8] = [
    ("data-pos", "--pos"),
    ("data-row", "--row"),
    ("data-label-chars", "--label-chars"),
    ("data-narrow-top", "--narrow-top"),
    ("data-narrow-height", "--narrow-height"),
    ("data-rows", "--rows"),
    ("data-lanes", "--lanes"),
    ("data-lane-rows", "--lane-rows"),
];

/// Copies the data attributes of the positioned elements in `root` that match `selector`
/// into their style's custom properties.
fn place(root: &web_sys::Element, selector: &str) {
    use wasm_bindgen::JsCast;
    let Ok(elements) = root.query_selector_all(selector) else {
        return;
    };
    for index in 0..elements.length() {
        if let Some(element) = elements
            .item(index)
            .and_then(|node| node.dyn_into::<web_sys::HtmlElement>().ok())
        {
            place_one(&element);
        }
    }
}

fn place_one(element: &web_sys::HtmlElement) {
    let style = element.style();
    for (attribute, property) in POSITIONS {
        if let Some(value) = element.get_attribute(attribute) {
            let _ = style.set_property(property, &value);
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

/// The timeline: a proportional drawing, a row per lane (for the eye and the mouse), an
/// ordered list of the same events (for everyone, and the keyboard path), and the
/// chosen event's details with where its date comes from.
#[component]
pub fn TimelinePanel(props: &TimelinePanelProps) -> Html {
    let viewer = use_viewer();
    let drawing = use_node_ref();
    let pointed = use_state_eq(|| None::<EventIx>);
    {
        // Positions go in through the CSSOM, not style attributes, so the pages'
        // Content Security Policy can refuse every inline style.
        let drawing = drawing.clone();
        // The axis and the lanes; each chunk of markers places its own.
        use_effect_with(viewer.document.clone(), move |_| {
            if let Some(drawing) = drawing.cast::<web_sys::HtmlElement>() {
                // The drawing's own sizes (how tall it is taken to be until first laid
                // out; the narrow axis's length), then the ticks and the lanes.
                place_one(&drawing);
                place(&drawing, ".tick, .lane");
            }
        });
    }
    let document = &viewer.document;
    let article = &document.article;
    let layout = &document.timeline;
    // The drawing and the list come in chunks that are components of their own (as the
    // sidebar does): a choice re-renders only the chunks whose events change, and a long
    // timeline is added a few chunks per render.
    let marker_chunks: usize = layout
        .lane_events
        .iter()
        .map(|events| events.len().div_ceil(EVENTS_PER_CHUNK))
        .sum();
    // A timeline that fits in the first step's chunks is rendered whole at once.
    let all_at_once = props.all_at_once || article.events.len() <= EVENTS_PER_CHUNK;
    let shown_markers = use_progressive_count(marker_chunks, CHUNKS_PER_STEP, all_at_once, 0);
    let shown_items = use_progressive_count(
        document.chronology.len().div_ceil(EVENTS_PER_CHUNK),
        CHUNKS_PER_STEP,
        all_at_once,
        0,
    );
    if article.events.is_empty() {
        return html! {
            <section id={dom_ids::TIMELINE} class="timeline" aria-labelledby="timeline-heading">
                <h2 id="timeline-heading">{ "Timeline" }</h2>
                <p>{ "This article has no dated events." }</p>
            </section>
        };
    }
    // Events involving the chosen entity and events matching the search, as flags.
    let mut involved = vec![false; article.events.len()];
    if let Some(entity) = props.chosen_entity {
        for &event in &document.entity_events[entity] {
            involved[event] = true;
        }
    }
    let mut matches = vec![false; article.events.len()];
    for &event in &props.search_matches {
        matches[event] = true;
    }
    let marks = EventMarks {
        chosen: props.chosen_event,
        pointed: *pointed,
        involved: &involved,
        matches: &matches,
    };

    let ticks = layout.ticks.iter().map(|tick| {
        html! {
            <span class="tick" data-pos={css_percent(tick.position)}>
                <span class="tick-label">{ &tick.label }</span>
            </span>
        }
    });
    let mut ordinal = 0;
    let lanes = article.lanes.iter().zip(&layout.lane_events).enumerate().map(|(lane_index, (lane, placed))| {
        let chunks = placed.chunks(EVENTS_PER_CHUNK).enumerate().filter_map(|(index, chunk)| {
            let events: Vec<EventIx> = chunk.iter().map(|&p| EventIx(layout.events[p].event)).collect();
            let chunk_marks = marks.within(&events);
            let in_page = ordinal < shown_markers || chunk_marks.wanted();
            ordinal += 1;
            in_page.then(|| html! {
                <MarkerChunk
                    key={index}
                    {lane_index}
                    {index}
                    marks={chunk_marks}
                />
            })
        }).collect::<Vec<_>>();
        html! {
            <div class="lane" data-lane={lane.id.clone()} data-rows={layout.rows[lane_index].max(1).to_string()}>
                <span class="lane-label">{ &lane.label }</span>
                <div class="lane-track">{ for chunks }</div>
            </div>
        }
    }).collect::<Vec<_>>();

    let items = document
        .chronology
        .chunks(EVENTS_PER_CHUNK)
        .enumerate()
        .filter_map(|(index, events)| {
            let chunk_marks = marks.within(events);
            (index < shown_items || chunk_marks.wanted()).then(|| {
                html! {
                    <ItemChunk
                        key={index}
                        {index}
                        // Only chunks with events that involve it name it, so choosing an
                        // entity re-renders only those chunks.
                        chosen_entity={props.chosen_entity.filter(|_| !chunk_marks.involved.is_empty())}
                        marks={chunk_marks}
                        point={pointed.setter()}
                    />
                }
            })
        })
        .collect::<Vec<_>>();

    let details = props.chosen_event.map(|index| {
        let event = &article.events[index];
        let date = document.event_dates[index];
        let involved = document.event_entities[index].iter().map(|&entity| {
            let onclick = viewer
                .dispatch
                .reform(move |_: MouseEvent| Action::ChooseEntity(entity));
            let pressed = props.chosen_entity == Some(entity);
            html! {
                <li>
                    <button type="button" class="involved-entity" aria-pressed={pressed.to_string()} {onclick}>
                        <bdi>{ &article.entities[entity].name }</bdi>
                    </button>
                </li>
            }
        });
        let go_to_sentence = viewer.dispatch.reform(|_: MouseEvent| Action::GoToSentence);
        let close = viewer.dispatch.reform(|_: MouseEvent| Action::ClearEvent);
        html! {
            <div class="event-details" data-event-id={event.id.clone()}>
                <h3>{ &event.label }</h3>
                <p class="event-date">
                    <time datetime={date.iso()}>{ date.to_string() }</time>
                    if let Some(note) = precision_note(event.precision) {
                        { format!(" ({note})") }
                    }
                    { format!(" · {}", document.lane_label(index)) }
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
                if viewer.can_link {
                    <CopyLinkButton
                        link={ViewLink { event: Some(event.id.clone()), ..ViewLink::default() }}
                        label="Copy link to this event"
                    />
                }
            </div>
        }
    });

    let described = article
        .lanes
        .iter()
        .filter_map(|lane| {
            lane.description.as_ref().map(|description| {
                html! {
                    <><dt>{ &lane.label }</dt><dd>{ description }</dd></>
                }
            })
        })
        .collect::<Vec<_>>();

    html! {
        <section id={dom_ids::TIMELINE} class="timeline" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{ "Timeline" }</h2>
            <p class="timeline-legend">
                { "What the story reports and the background it assumes. " }
                <span class="legend-item basis-stated"><span class="basis-icon" aria-hidden="true"></span>{ "stated in the article" }</span>
                <span class="legend-item basis-inferred"><span class="basis-icon" aria-hidden="true"></span>{ "inferred" }</span>
                <span class="legend-item basis-external"><span class="basis-icon" aria-hidden="true"></span>{ "from an outside source" }</span>
            </p>
            if !described.is_empty() {
                <dl class="lane-descriptions">{ for described }</dl>
            }
            <div class="timeline-body">
                <div
                    class="timeline-drawing"
                    aria-hidden="true"
                    ref={drawing}
                    data-lanes={layout.rows.len().to_string()}
                    data-lane-rows={layout.rows.iter().map(|&rows| rows.max(1)).sum::<usize>().to_string()}
                    data-narrow-height={css_number(layout.narrow_height)}
                >
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

#[derive(Properties, PartialEq)]
struct MarkerChunkProps {
    /// The lane, as its index among the article's lanes.
    lane_index: usize,
    /// Which chunk of the lane's events.
    index: usize,
    marks: ChunkMarks,
}

/// A run of [`EVENTS_PER_CHUNK`] markers of one lane in the drawing. It places its own
/// markers through the CSSOM when it comes into the page (or shows other markers); a
/// render that only changes their classes leaves them where they are.
#[component]
fn MarkerChunk(props: &MarkerChunkProps) -> Html {
    let viewer = use_viewer();
    let node = use_node_ref();
    {
        let node = node.clone();
        let which = (viewer.document.clone(), props.lane_index, props.index);
        use_effect_with(which, move |_| {
            if let Some(chunk) = node.cast::<web_sys::Element>() {
                place(&chunk, "[data-pos]");
            }
        });
    }
    let document = &viewer.document;
    let layout = &document.timeline;
    let placed_events = &layout.lane_events[props.lane_index];
    let start = props.index * EVENTS_PER_CHUNK;
    let chunk = &placed_events[start..(start + EVENTS_PER_CHUNK).min(placed_events.len())];
    let markers = chunk.iter().map(|&p| {
        let event = EventIx(layout.events[p].event);
        html! {
            <Marker
                key={p}
                placed={p}
                chosen={props.marks.chosen == Some(event)}
                involved={props.marks.involved.contains(&event)}
                pointed={props.marks.pointed == Some(event)}
            />
        }
    });
    html! { <span class="marker-chunk" ref={node}>{ for markers }</span> }
}

#[derive(Properties, PartialEq)]
struct MarkerProps {
    /// The marker, as its index among the drawing's placed events.
    placed: usize,
    chosen: bool,
    /// The event involves the chosen entity.
    involved: bool,
    /// Its list item is pointed at or focused.
    pointed: bool,
}

/// One event's marker in the drawing (and its tick in the narrow drawing); a component of
/// its own, so that a choice re-renders only the markers whose marks change.
#[component]
fn Marker(props: &MarkerProps) -> Html {
    let viewer = use_viewer();
    let document = &viewer.document;
    let placed = &document.timeline.events[props.placed];
    let event = &document.article.events[placed.event];
    let date = document.event_dates[placed.event];
    let class = classes!(
        "marker",
        format!("basis-{}", event.basis.kind.slug()),
        props.chosen.then_some("chosen"),
        props.involved.then_some("involves-entity"),
        placed.label_before.then_some("label-before"),
        props.pointed.then_some("pointed"),
    );
    let index = EventIx(placed.event);
    let onclick = viewer
        .dispatch
        .reform(move |_: MouseEvent| Action::ChooseEvent(index));
    html! {
        <>
            <span class="narrow-tick" data-pos={css_percent(placed.position)}></span>
            <button type="button" tabindex="-1" {class} data-pos={css_percent(placed.position)} data-row={placed.row.to_string()} data-label-chars={placed.label_chars.to_string()} data-narrow-top={css_number(placed.narrow_top)} data-event-id={event.id.clone()} {onclick}>
                <span class="marker-dot"></span>
                <span class="marker-text">
                    <span class="marker-date">{ date.short() }</span>
                    <span class="marker-label">{ &event.label }</span>
                </span>
            </button>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct ItemChunkProps {
    /// Which chunk of the events in date order.
    index: usize,
    marks: ChunkMarks,
    /// Named in the items of events that involve it.
    chosen_entity: Option<EntityIx>,
    /// Says which item the pointer is over or the focus is on, so that the drawing
    /// shows its marker.
    point: UseStateSetter<Option<EventIx>>,
}

/// A callback, for an event of any type, that says the list item of `event` (or none) is
/// pointed at or focused.
fn pointer<E: 'static>(
    point: &UseStateSetter<Option<EventIx>>,
    event: Option<EventIx>,
) -> Callback<E> {
    let point = point.clone();
    Callback::from(move |_: E| point.set(event))
}

/// A run of [`EVENTS_PER_CHUNK`] items of the list of events in date order.
#[component]
fn ItemChunk(props: &ItemChunkProps) -> Html {
    let viewer = use_viewer();
    let document = &viewer.document;
    let article = &document.article;
    let start = props.index * EVENTS_PER_CHUNK;
    let chronology = &document.chronology;
    let chunk = &chronology[start..(start + EVENTS_PER_CHUNK).min(chronology.len())];
    let items = chunk.iter().map(|&index| {
        let involves = props.marks.involved.contains(&index);
        html! {
            <TimelineItem
                key={article.events[index].id.clone()}
                {index}
                chosen={props.marks.chosen == Some(index)}
                {involves}
                matches={props.marks.matches.contains(&index)}
                chosen_entity={props.chosen_entity.filter(|_| involves)}
                point={props.point.clone()}
            />
        }
    });
    html! { <>{ for items }</> }
}

#[derive(Properties, PartialEq)]
struct TimelineItemProps {
    index: EventIx,
    chosen: bool,
    /// The event involves the chosen entity.
    involves: bool,
    /// Its label matches the search.
    matches: bool,
    /// The chosen entity, when the event involves it: the item names it.
    chosen_entity: Option<EntityIx>,
    point: UseStateSetter<Option<EventIx>>,
}

/// One event in the list; a component of its own, so that a choice re-renders only the
/// items whose marks change.
#[component]
fn TimelineItem(props: &TimelineItemProps) -> Html {
    let viewer = use_viewer();
    let document = &viewer.document;
    let article = &document.article;
    let index = props.index;
    let event = &article.events[index];
    let date = document.event_dates[index];
    let (chosen, involves, matches) = (props.chosen, props.involves, props.matches);
    let onclick = viewer
        .dispatch
        .reform(move |_: MouseEvent| Action::ChooseEvent(index));
    let point = &props.point;
    let (onfocus, onblur) = (pointer(point, Some(index)), pointer(point, None));
    let (onmouseenter, onmouseleave) = (pointer(point, Some(index)), pointer(point, None));
    html! {
        <li class={classes!("timeline-item", chosen.then_some("chosen"), involves.then_some("involves-entity"), matches.then_some("search-match"))} data-lane={event.lane.clone()}>
            <button type="button" class="event-button" aria-pressed={chosen.to_string()} data-event-id={event.id.clone()} {onclick} {onfocus} {onblur} {onmouseenter} {onmouseleave}>
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
                    { format!(" · {}", document.lane_label(index)) }
                </span>
                if involves {
                    if let Some(entity) = props.chosen_entity {
                        <span class="event-involves">{ "Involves " }<bdi>{ &article.entities[entity].name }</bdi></span>
                    }
                }
            </button>
        </li>
    }
}
