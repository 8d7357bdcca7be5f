use crate::context::use_viewer;
use crate::document::MentionAt;
use crate::dom_ids;
use crate::index::{EntityIx, PassageIx};
use crate::search::SearchHit;
use crate::segments::{pieces, Piece};
use crate::state::{Action, EntityCard};
use std::ops::Range;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PassageTextProps {
    pub passage: PassageIx,
    pub text: AttrValue,
    pub chosen_entity: Option<EntityIx>,
    /// Ordinal (within this passage) of the mention the reader stepped to.
    pub current_ordinal: Option<usize>,
    /// Byte range of the chosen event's sentence, when it is in this passage.
    pub sentence: Option<Range<usize>>,
    /// Search hits in this passage, with their index among all hits.
    pub hits: Vec<(Range<usize>, usize)>,
    pub current_hit: Option<usize>,
}

/// Where to show an entity's card: just below the mention, in the viewer's coordinates.
fn card_for(entity: EntityIx, event: &Event) -> Option<EntityCard> {
    let mention = event.target()?.dyn_into::<web_sys::Element>().ok()?;
    let mention = mention.closest(".mention").ok()??;
    let viewer = mention.closest(".briefing").ok()??;
    let (at, origin) = (
        mention.get_bounding_client_rect(),
        viewer.get_bounding_client_rect(),
    );
    Some(EntityCard {
        entity,
        top: at.bottom() - origin.top() + 6.0,
        left: (at.left() - origin.left()).max(0.0),
    })
}

/// A passage's text with its mentions (marked and coloured by kind for the chosen
/// entity, plain spans otherwise), search hits, and the chosen event's sentence.
/// Mentions show the entity's card on hover; marked ones also on keyboard focus.
#[component]
pub fn PassageText(props: &PassageTextProps) -> Html {
    let viewer = use_viewer();
    let document = &viewer.document;
    let text = props.text.as_str();
    let mentions = &document.passages[props.passage].mentions;
    let mut top: Vec<Html> = Vec::new();
    let mut in_sentence: Vec<Html> = Vec::new();

    let flush_sentence = |top: &mut Vec<Html>, in_sentence: &mut Vec<Html>| {
        if !in_sentence.is_empty() {
            let children = std::mem::take(in_sentence);
            top.push(html! {
                <mark id={dom_ids::CHOSEN_SENTENCE} class="chosen-sentence" tabindex="-1">{ for children }</mark>
            });
        }
    };
    let show_card = |entity: EntityIx| {
        let dispatch = viewer.dispatch.clone();
        Callback::from(move |event: Event| {
            if let Some(card) = card_for(entity, &event) {
                dispatch.emit(Action::ShowCard(card));
            }
        })
    };
    let hide_card = viewer.dispatch.reform(|_: Event| Action::HideCard);
    let escape_hides_card = {
        let dispatch = viewer.dispatch.clone();
        Callback::from(move |event: KeyboardEvent| {
            if event.key() == "Escape" {
                dispatch.emit(Action::HideCard);
            }
        })
    };

    let all = pieces(text.len(), mentions, props.sentence.clone(), &props.hits);
    // Runs of pieces that belong to the same mention (and the same side of the sentence
    // edge) become one element, so a search hit inside a name does not split its mark.
    let mut groups: Vec<&[Piece]> = Vec::new();
    let mut rest = all.as_slice();
    while let Some(first) = rest.first() {
        let len = rest
            .iter()
            .take_while(|p| {
                first.mention.is_some()
                    && p.mention == first.mention
                    && p.in_sentence == first.in_sentence
            })
            .count()
            .max(1);
        groups.push(&rest[..len]);
        rest = &rest[len..];
    }
    for group in groups {
        let inner: Vec<Html> = group
            .iter()
            .map(|piece| {
                let slice = text[piece.range.clone()].to_owned();
                match piece.search_hit {
                    Some(hit) => {
                        let id = piece.hit_start.then(|| SearchHit::dom_id(hit));
                        let current = (props.current_hit == Some(hit)).then_some("current");
                        html! { <mark {id} class={classes!("search-hit", current)}>{ slice }</mark> }
                    }
                    None => html! { { slice } },
                }
            })
            .collect();
        let first = &group[0];
        let node = match first.mention {
            None => html! { <>{ for inner }</> },
            Some(ordinal) => {
                let entity_index = EntityIx(mentions[ordinal].entity);
                let entity = &document.article.entities[entity_index];
                let id = first.mention_start.then(|| {
                    MentionAt {
                        passage: props.passage,
                        ordinal,
                    }
                    .dom_id()
                });
                let kind = format!("kind-{}", entity.kind.slug());
                let onmouseenter = show_card(entity_index).reform(Event::from);
                let onmouseleave = hide_card.reform(Event::from);
                if props.chosen_entity == Some(entity_index) {
                    let current = (props.current_ordinal == Some(ordinal)).then_some("current");
                    html! {
                        <mark {id} class={classes!("mention", "marked", kind, current)} data-entity-id={entity.id.clone()}
                            tabindex="0" aria-describedby={dom_ids::ENTITY_CARD}
                            {onmouseenter} {onmouseleave}
                            onfocus={show_card(entity_index).reform(Event::from)}
                            onblur={hide_card.reform(Event::from)}
                            onkeydown={escape_hides_card.clone()}
                        >{ for inner }</mark>
                    }
                } else {
                    html! {
                        <span {id} class={classes!("mention", kind)} data-entity-id={entity.id.clone()} {onmouseenter} {onmouseleave}>{ for inner }</span>
                    }
                }
            }
        };
        if first.in_sentence {
            in_sentence.push(node);
        } else {
            flush_sentence(&mut top, &mut in_sentence);
            top.push(node);
        }
    }
    flush_sentence(&mut top, &mut in_sentence);
    html! { <>{ for top }</> }
}
