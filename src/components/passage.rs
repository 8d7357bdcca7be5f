use crate::app::{DocumentHandle, CHOSEN_SENTENCE_ID};
use crate::document::MentionAt;
use crate::segments::pieces;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PassageTextProps {
    pub document: DocumentHandle,
    pub passage: usize,
    pub text: AttrValue,
    pub chosen_entity: Option<usize>,
    /// Ordinal (within this passage) of the mention the reader stepped to.
    pub current_ordinal: Option<usize>,
    /// Byte range of the chosen event's sentence, when it is in this passage.
    pub sentence: Option<(usize, usize)>,
}

/// A passage's text with its mentions: marked and coloured by kind for the chosen
/// entity, plain spans otherwise; the chosen event's sentence is highlighted.
#[component]
pub fn PassageText(props: &PassageTextProps) -> Html {
    let document = &props.document;
    let text = props.text.as_str();
    let mentions = &document.passages[props.passage].mentions;
    let mut top: Vec<Html> = Vec::new();
    let mut in_sentence: Vec<Html> = Vec::new();

    let flush_sentence = |top: &mut Vec<Html>, in_sentence: &mut Vec<Html>| {
        if !in_sentence.is_empty() {
            let children = std::mem::take(in_sentence);
            top.push(html! {
                <mark id={CHOSEN_SENTENCE_ID} class="chosen-sentence" tabindex="-1">{ for children }</mark>
            });
        }
    };

    for piece in pieces(text.len(), mentions, props.sentence.map(|(s, e)| s..e)) {
        let slice = text[piece.range.clone()].to_owned();
        let node = match piece.mention {
            None => html! { { slice } },
            Some(ordinal) => {
                let entity_index = mentions[ordinal].entity;
                let entity = &document.article.entities[entity_index];
                let id = piece.mention_start.then(|| {
                    MentionAt {
                        passage: props.passage,
                        ordinal,
                    }
                    .dom_id()
                });
                let kind = format!("kind-{}", entity.kind.slug());
                if props.chosen_entity == Some(entity_index) {
                    let current = (props.current_ordinal == Some(ordinal)).then_some("current");
                    html! {
                        <mark {id} class={classes!("mention", "marked", kind, current)} data-entity-id={entity.id.clone()}>{ slice }</mark>
                    }
                } else {
                    html! {
                        <span {id} class={classes!("mention", kind)} data-entity-id={entity.id.clone()}>{ slice }</span>
                    }
                }
            }
        };
        if piece.in_sentence {
            in_sentence.push(node);
        } else {
            flush_sentence(&mut top, &mut in_sentence);
            top.push(node);
        }
    }
    flush_sentence(&mut top, &mut in_sentence);
    html! { <>{ for top }</> }
}
