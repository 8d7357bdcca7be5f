use super::{CopyLinkButton, ProvenanceNote};
use crate::context::use_viewer;
use crate::dom_ids;
use crate::hooks::use_progressive_count;
use crate::index::{EntityIx, EventIx};
use crate::link::ViewLink;
use crate::model::Precision;
use crate::state::Action;
use crate::text::thousands;
use crate::timeline::{
    busiest_period, css_number, css_percent, distance_words, focus_period, full_period,
    layout_view, stretch_name, Period, TimelineLayout, View, MIN_PERIOD_DAYS,
};
use std::rc::Rc;
use yew::prelude::*;

/// A laid-out view of the timeline, compared by identity: chunks get it as a prop
/// without comparing a thousand placed events at each render.
#[derive(Clone)]
struct LayoutRef(Rc<TimelineLayout>);

impl PartialEq for LayoutRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The story's own event and what to call it, when the article names one.
fn story_focus(document: &crate::document::Document) -> Option<(EventIx, &str)> {
    let focus = document.article.focus.as_ref()?;
    Some((document.event_index(&focus.event)?, focus.name.as_str()))
}

/// Where the pointer is along the axis, as a share of it: across the wide drawing's
/// axis, down the narrow one's.
fn axis_share(axis: &web_sys::Element, event: &PointerEvent) -> f64 {
    let rect = axis.get_bounding_client_rect();
    let share = if rect.height() > rect.width() {
        (f64::from(event.client_y()) - rect.top()) / rect.height().max(1.0)
    } else {
        (f64::from(event.client_x()) - rect.left()) / rect.width().max(1.0)
    };
    share.clamp(0.0, 1.0)
}

/// Shows the brushed stretch of the axis, `from` and `to` as shares, or hides it.
fn show_brush(axis: &web_sys::Element, span: Option<(f64, f64)>) {
    use wasm_bindgen::JsCast;
    let Some(axis) = axis.dyn_ref::<web_sys::HtmlElement>() else {
        return;
    };
    match span {
        Some((from, to)) => {
            let style = axis.style();
            let _ = style.set_property("--brush-from", &css_percent(from.min(to)));
            let _ = style.set_property("--brush-to", &css_percent(from.max(to)));
            let _ = axis.set_attribute("data-brushing", "");
        }
        None => {
            let _ = axis.remove_attribute("data-brushing");
        }
    }
}

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

/// How far an event is from the story's own event, in words; `None` without a focus.
/// For the focus itself: that it is the story's own event.
fn focus_words(document: &crate::document::Document, event: EventIx) -> Option<String> {
    let (focus, name) = story_focus(document)?;
    Some(if focus == event {
        format!("The story's own event: {name}")
    } else {
        distance_words(
            &document.event_dates[event],
            &document.event_dates[focus],
            name,
        )
    })
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
    let axis = use_node_ref();
    let status = use_node_ref();
    let pointed = use_state_eq(|| None::<EventIx>);
    // The period shown: `None` for the whole timeline (as the pre-rendered page has it).
    let zoom = use_state_eq(|| None::<Period>);
    // Where a drag along the axis started, as a share of it.
    let brush = use_mut_ref(|| None::<f64>);
    let focus = story_focus(&viewer.document);
    let keep = focus.map(|(event, _)| event.0);
    let layout = use_memo(
        (viewer.document.clone(), *zoom, keep),
        |(document, period, keep)| {
            let labels: Vec<&str> = document
                .article
                .events
                .iter()
                .map(|event| event.label.as_str())
                .collect();
            layout_view(
                &document.event_dates,
                &labels,
                &document.event_lanes,
                document.article.lanes.len(),
                &View {
                    period: *period,
                    keep: *keep,
                    unclustered: false,
                },
            )
        },
    );
    let layout_ref = LayoutRef(layout.clone());
    // The presets, found in the data once per article (n log n).
    let presets = use_memo(viewer.document.clone(), |document| {
        let mut presets: Vec<(String, Period)> = Vec::new();
        if let Some((event, name)) = story_focus(document) {
            if let Some(around) = focus_period(&document.event_dates, event.0) {
                presets.push((format!("Around {name}"), around));
            }
        }
        if let Some((busiest, _)) = busiest_period(&document.event_dates) {
            presets.push((format!("Busiest {}", stretch_name(busiest)), busiest));
        }
        let full = full_period(&document.event_dates);
        presets.retain(|(_, p)| Some(*p) != full);
        presets.dedup_by_key(|(_, p)| *p);
        presets
    });
    {
        // Positions go in through the CSSOM, not style attributes, so the pages'
        // Content Security Policy can refuse every inline style.
        let drawing = drawing.clone();
        // The drawing's own sizes (how tall it is taken to be until first laid out; the
        // narrow axis's length), then the axis, the lanes, the focus's rule and the
        // clusters; each chunk of markers places its own.
        use_effect_with(layout_ref.clone(), move |_| {
            if let Some(drawing) = drawing.cast::<web_sys::HtmlElement>() {
                place_one(&drawing);
                place(
                    &drawing,
                    ".tick, .lane, .focus-rule, .lane-track > [data-pos]",
                );
            }
        });
    }
    {
        // Ctrl + wheel (and a trackpad's pinch, which browsers send as one) over the
        // drawing zooms about the pointer's date, instead of zooming the page.
        let (drawing, axis, zoom) = (drawing.clone(), axis.clone(), zoom.clone());
        let (period, full) = (layout.period, layout.full);
        use_effect_with(layout_ref.clone(), move |_| {
            use gloo::events::{EventListener, EventListenerOptions};
            use wasm_bindgen::JsCast;
            let listener = drawing.cast::<web_sys::Element>().map(|target| {
                EventListener::new_with_options(
                    &target,
                    "wheel",
                    EventListenerOptions::enable_prevent_default(),
                    move |event| {
                        let Some(wheel) = event.dyn_ref::<web_sys::WheelEvent>() else {
                            return;
                        };
                        let Some(axis) = axis.cast::<web_sys::Element>() else {
                            return;
                        };
                        if !wheel.ctrl_key() || wheel.delta_y() == 0.0 {
                            return;
                        }
                        wheel.prevent_default();
                        let rect = axis.get_bounding_client_rect();
                        let share = if rect.height() > rect.width() {
                            (f64::from(wheel.client_y()) - rect.top()) / rect.height().max(1.0)
                        } else {
                            (f64::from(wheel.client_x()) - rect.left()) / rect.width().max(1.0)
                        }
                        .clamp(0.0, 1.0);
                        zoom.set(
                            Some(period.scaled(share, wheel.delta_y() > 0.0, full))
                                .filter(|p| *p != full),
                        );
                    },
                )
            });
            move || drop(listener)
        });
    }
    let document = &viewer.document;
    let article = &document.article;
    let layout = &*layout;
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

    let full = layout.full;
    let period = layout.period;
    let zoom_to = |target: Option<Period>| {
        let zoom = zoom.clone();
        Callback::from(move |_: MouseEvent| {
            zoom.set(target.filter(|period| *period != full));
        })
    };
    let preset_buttons = presets.iter().map(|(name, target)| {
        let pressed = *zoom == Some(*target);
        html! {
            <button type="button" class="zoom-preset" aria-pressed={pressed.to_string()} onclick={zoom_to(Some(*target))}>
                { format!("{name} ({})", target.label()) }
            </button>
        }
    });
    let zoomed_in = period.zoomed_in(full);
    let zoomed_out = period.zoomed_out(full);
    let earlier = period.moved(false, full);
    let later = period.moved(true, full);
    let total = article.events.len();
    let showing = if zoom.is_none() {
        format!(
            "Showing {}, all {} event{}.",
            period.label(),
            thousands(total),
            if total == 1 { "" } else { "s" }
        )
    } else {
        format!(
            "Showing {}, {} of {} events.",
            period.label(),
            thousands(layout.in_view),
            thousands(total)
        )
    };
    let brushing = {
        let (axis, brush, zoom) = (axis.clone(), brush.clone(), zoom.clone());
        let down = {
            let (axis, brush) = (axis.clone(), brush.clone());
            Callback::from(move |event: PointerEvent| {
                let Some(element) = axis.cast::<web_sys::Element>() else {
                    return;
                };
                if event.button() != 0 {
                    return;
                }
                let at = axis_share(&element, &event);
                *brush.borrow_mut() = Some(at);
                let _ = element.set_pointer_capture(event.pointer_id());
                show_brush(&element, Some((at, at)));
            })
        };
        let moved = {
            let (axis, brush) = (axis.clone(), brush.clone());
            Callback::from(move |event: PointerEvent| {
                let (Some(from), Some(element)) =
                    (*brush.borrow(), axis.cast::<web_sys::Element>())
                else {
                    return;
                };
                show_brush(&element, Some((from, axis_share(&element, &event))));
            })
        };
        let up = {
            let (axis, brush) = (axis.clone(), brush.clone());
            Callback::from(move |event: PointerEvent| {
                let (Some(from), Some(element)) =
                    (brush.borrow_mut().take(), axis.cast::<web_sys::Element>())
                else {
                    return;
                };
                show_brush(&element, None);
                let to = axis_share(&element, &event);
                let rect = element.get_bounding_client_rect();
                let length = rect.width().max(rect.height());
                // A drag of a few pixels is a click, not a period.
                if (to - from).abs() * length >= 8.0 {
                    let target = period.part(from, to);
                    zoom.set(Some(target).filter(|p| *p != full));
                }
            })
        };
        let cancel = {
            let (axis, brush) = (axis.clone(), brush.clone());
            Callback::from(move |_: PointerEvent| {
                *brush.borrow_mut() = None;
                if let Some(element) = axis.cast::<web_sys::Element>() {
                    show_brush(&element, None);
                }
            })
        };
        (down, moved, up, cancel)
    };
    let (onpointerdown, onpointermove, onpointerup, onpointercancel) = brushing;
    let zoom_bar = html! {
        <div class="zoom-bar">
            <div class="zoom-presets" role="group" aria-label="Period shown in the drawing">
                <button type="button" class="zoom-preset" aria-pressed={zoom.is_none().to_string()} onclick={zoom_to(None)}>{ "All" }</button>
                { for preset_buttons }
            </div>
            <div class="zoom-steps" role="group" aria-label="Zoom and move">
                <button type="button" class="zoom-step" aria-label="Zoom in" title="Zoom in" disabled={period.days() <= MIN_PERIOD_DAYS} onclick={zoom_to(Some(zoomed_in))}>{ "+" }</button>
                <button type="button" class="zoom-step" aria-label="Zoom out" title="Zoom out" disabled={zoom.is_none()} onclick={zoom_to(Some(zoomed_out))}>{ "−" }</button>
                <button type="button" class="zoom-step" aria-label="Earlier" title="Earlier" disabled={earlier == period} onclick={zoom_to(Some(earlier))}>{ "←" }</button>
                <button type="button" class="zoom-step" aria-label="Later" title="Later" disabled={later == period} onclick={zoom_to(Some(later))}>{ "→" }</button>
            </div>
            <p class="zoom-status" aria-live="polite" tabindex="-1" ref={status.clone()}>
                { showing }
                <span class="zoom-hint">{ " With a mouse, drag along the dates of the drawing to zoom to a period." }</span>
            </p>
        </div>
    };

    let ticks = layout.ticks.iter().map(|tick| {
        html! {
            <span class="tick" data-pos={css_percent(tick.position)}>
                <span class="tick-label">{ &tick.label }</span>
            </span>
        }
    });
    let mut ordinal = 0;
    let focus_event = focus.map(|(event, _)| event);
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
                    layout={layout_ref.clone()}
                    focus={focus_event}
                />
            })
        }).collect::<Vec<_>>();
        let clusters = layout.lane_clusters[lane_index].iter().map(|&c| {
            let cluster = &layout.clusters[c];
            let holds = |event: Option<EventIx>| event.is_some_and(|e| cluster.events.contains(&e.0));
            let class = classes!(
                "marker",
                "cluster",
                cluster.label_before.then_some("label-before"),
                holds(props.chosen_event).then_some("chosen"),
                holds(*pointed).then_some("pointed"),
            );
            let onclick = {
                let (zoom, status, target) = (zoom.clone(), status.clone(), cluster.zoom);
                Callback::from(move |_: MouseEvent| {
                    zoom.set(Some(target).filter(|p| *p != full));
                    // The button goes with the zoom: the focus goes to what the drawing now shows.
                    if let Some(status) = status.cast::<web_sys::HtmlElement>() {
                        let _ = status.focus();
                    }
                })
            };
            html! {
                <>
                <span class="narrow-tick" aria-hidden="true" data-pos={css_percent(cluster.position)}></span>
                <button type="button" {class} data-pos={css_percent(cluster.position)} data-row={cluster.row.to_string()} data-label-chars={cluster.label_chars.to_string()} data-narrow-top={css_number(cluster.narrow_top)} {onclick}>
                    <span class="marker-dot" aria-hidden="true"></span>
                    <span class="marker-text">
                        <span class="marker-date">{ &cluster.date_text }</span>
                        <span class="marker-label">{ &cluster.label }</span>
                        <span class="visually-hidden">{ format!(" in {}: zoom to them", lane.label) }</span>
                    </span>
                </button>
                </>
            }
        }).collect::<Vec<_>>();
        html! {
            <div class="lane" data-lane={lane.id.clone()} data-rows={layout.rows[lane_index].max(1).to_string()}>
                <span class="lane-label" aria-hidden="true">{ &lane.label }</span>
                <div class="lane-track">
                    <span class="marker-chunks" aria-hidden="true">{ for chunks }</span>
                    { for clusters }
                </div>
            </div>
        }
    }).collect::<Vec<_>>();
    // A faint rule across the lanes at the story's own event, when it is in view.
    let focus_rule = focus_event
        .and_then(|event| layout.events.iter().find(|placed| placed.event == event.0))
        .map(|placed| {
            html! {
                <span class="focus-rule" aria-hidden="true" data-pos={css_percent(placed.position)}></span>
            }
        });

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
                        zoomed={*zoom}
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
                if let Some(words) = focus_words(document, index) {
                    <p class="event-distance">{ words }</p>
                }
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
            { zoom_bar }
            <div class="timeline-body">
                <div
                    class="timeline-drawing"
                    ref={drawing}
                    data-lanes={layout.rows.len().to_string()}
                    data-lane-rows={layout.rows.iter().map(|&rows| rows.max(1)).sum::<usize>().to_string()}
                    data-narrow-height={css_number(layout.narrow_height)}
                >
                    <div class="axis" aria-hidden="true" ref={axis} {onpointerdown} {onpointermove} {onpointerup} {onpointercancel}>{ for ticks }</div>
                    { for focus_rule }
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
    /// The view's layout.
    layout: LayoutRef,
    /// The story's own event: its marker stands out.
    focus: Option<EventIx>,
}

/// A run of [`EVENTS_PER_CHUNK`] markers of one lane in the drawing. It places its own
/// markers through the CSSOM when it comes into the page (or shows other markers); a
/// render that only changes their classes leaves them where they are.
#[component]
fn MarkerChunk(props: &MarkerChunkProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let which = (props.layout.clone(), props.lane_index, props.index);
        use_effect_with(which, move |_| {
            if let Some(chunk) = node.cast::<web_sys::Element>() {
                place(&chunk, "[data-pos]");
            }
        });
    }
    let layout = &*props.layout.0;
    let placed_events = &layout.lane_events[props.lane_index];
    let start = props.index * EVENTS_PER_CHUNK;
    let chunk = &placed_events[start..(start + EVENTS_PER_CHUNK).min(placed_events.len())];
    let markers = chunk.iter().map(|&p| {
        let event = EventIx(layout.events[p].event);
        html! {
            <Marker
                key={p}
                placed={p}
                layout={props.layout.clone()}
                chosen={props.marks.chosen == Some(event)}
                involved={props.marks.involved.contains(&event)}
                pointed={props.marks.pointed == Some(event)}
                focus={props.focus == Some(event)}
            />
        }
    });
    html! { <span class="marker-chunk" ref={node}>{ for markers }</span> }
}

#[derive(Properties, PartialEq)]
struct MarkerProps {
    /// The marker, as its index among the view's placed events.
    placed: usize,
    /// The view's layout.
    layout: LayoutRef,
    chosen: bool,
    /// The event involves the chosen entity.
    involved: bool,
    /// Its list item is pointed at or focused.
    pointed: bool,
    /// The story's own event: its marker stands out.
    focus: bool,
}

/// One event's marker in the drawing (and its tick in the narrow drawing); a component of
/// its own, so that a choice re-renders only the markers whose marks change.
#[component]
fn Marker(props: &MarkerProps) -> Html {
    let viewer = use_viewer();
    let document = &viewer.document;
    let placed = &props.layout.0.events[props.placed];
    let event = &document.article.events[placed.event];
    let date = document.event_dates[placed.event];
    let class = classes!(
        "marker",
        format!("basis-{}", event.basis.kind.slug()),
        props.chosen.then_some("chosen"),
        props.involved.then_some("involves-entity"),
        placed.label_before.then_some("label-before"),
        props.pointed.then_some("pointed"),
        props.focus.then_some("focus"),
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
    /// The period the drawing shows when zoomed: the items dated in it are marked.
    zoomed: Option<Period>,
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
        let in_view = props
            .zoomed
            .is_some_and(|period| period.contains(document.event_dates[index].midpoint_day()));
        html! {
            <TimelineItem
                key={article.events[index].id.clone()}
                {index}
                chosen={props.marks.chosen == Some(index)}
                {involves}
                matches={props.marks.matches.contains(&index)}
                {in_view}
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
    /// The drawing is zoomed to a period that holds the event.
    in_view: bool,
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
    let distance = focus_words(document, index);
    let onclick = viewer
        .dispatch
        .reform(move |_: MouseEvent| Action::ChooseEvent(index));
    let point = &props.point;
    let (onfocus, onblur) = (pointer(point, Some(index)), pointer(point, None));
    let (onmouseenter, onmouseleave) = (pointer(point, Some(index)), pointer(point, None));
    html! {
        <li class={classes!("timeline-item", chosen.then_some("chosen"), involves.then_some("involves-entity"), matches.then_some("search-match"), props.in_view.then_some("in-view"))} data-lane={event.lane.clone()}>
            <button type="button" class="event-button" aria-pressed={chosen.to_string()} data-event-id={event.id.clone()} {onclick} {onfocus} {onblur} {onmouseenter} {onmouseleave}>
                <time datetime={date.iso()}>{ date.to_string() }</time>
                <span class="event-label">{ &event.label }</span>
                if let Some(words) = distance {
                    <span class="event-distance">{ words }</span>
                }
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
