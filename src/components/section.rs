use super::{CopyLinkButton, PassageText};
use crate::context::use_viewer;
use crate::document::{MentionAt, SentenceSpan};
use crate::dom_ids;
use crate::index::{EntityIx, PassageIx, SectionIx};
use crate::link::ViewLink;
use crate::model::Block;
use crate::search::{SearchHit, SearchResults};
use crate::state::Action;
use crate::validate::is_web_link;
use gloo::events::EventListener;
use std::ops::Range;
use std::rc::Rc;
use yew::prelude::*;
use yew::virtual_dom::VTag;

/// Heading shown for the lead, which the article prints without one.
pub const LEAD_HEADING: &str = "Introduction";

/// The search hits that fall in one section: a range of indexes into all hits.
#[derive(Clone, Debug, PartialEq)]
pub struct SectionHits {
    pub results: Rc<SearchResults>,
    pub range: Range<usize>,
}

#[derive(Properties, PartialEq)]
pub struct SectionViewProps {
    pub index: SectionIx,
    pub open: bool,
    pub chosen_entity: Option<EntityIx>,
    pub current_mention: Option<MentionAt>,
    /// Where the chosen event's sentence is, when it is in this section.
    pub sentence: Option<SentenceSpan>,
    /// The search hits in this section, if any.
    pub hits: Option<SectionHits>,
    /// The current search hit, when it is in this section.
    pub current_hit: Option<usize>,
}

/// One section as a WAI-ARIA disclosure: a button in the heading shows or hides the
/// body; hidden text stays findable with the browser's find-in-page (`until-found`).
#[component]
pub fn SectionView(props: &SectionViewProps) -> Html {
    let viewer = use_viewer();
    let document = &viewer.document;
    let index = props.index;
    let section = &document.article.sections[index];
    let body_ref = use_node_ref();
    {
        // The browser fires `beforematch` when find-in-page reveals hidden text.
        let dispatch = viewer.dispatch.clone();
        use_effect_with(body_ref.clone(), move |body_ref| {
            let listener = body_ref.get().map(|body| {
                EventListener::new(&body, "beforematch", move |_| {
                    dispatch.emit(Action::RevealSection(index))
                })
            });
            move || drop(listener)
        });
    }
    let onclick = viewer
        .dispatch
        .reform(move |_: MouseEvent| Action::ToggleSection(index));
    let on_link = {
        let dispatch = viewer.dispatch.clone();
        // A real link (it can be copied or opened in a new tab); a plain click stays in the page.
        Callback::from(move |event: MouseEvent| {
            if !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.button() != 0) {
                event.prevent_default();
                dispatch.emit(Action::LinkSection(index));
            }
        })
    };
    let section_link = ViewLink {
        section: Some(section.id.clone()),
        ..ViewLink::default()
    };
    let link_href = section_link.merge_into("");
    let heading_id = dom_ids::section_heading(&section.id);
    let body_id = dom_ids::section_body(&section.id);
    let (heading_text, is_lead) = match &section.heading {
        Some(heading) => (heading.clone(), false),
        None => (LEAD_HEADING.to_owned(), true),
    };
    let passages = document.section_passages[index].clone();
    let hits: &[SearchHit] = props
        .hits
        .as_ref()
        .map_or(&[], |h| &h.results.hits[h.range.clone()]);
    let hit_offset = props.hits.as_ref().map_or(0, |h| h.range.start);
    let mut next_hit = 0;

    let blocks = section.blocks.iter().zip(passages.map(PassageIx)).map(|(block, passage)| {
        let current_ordinal = props
            .current_mention
            .filter(|at| at.passage == passage)
            .map(|at| at.ordinal);
        let sentence = props
            .sentence
            .filter(|span| span.passage == passage)
            .map(|span| span.start..span.end);
        // Hits come in reading order: this passage's are the next run of them.
        let first_hit = next_hit;
        while next_hit < hits.len() && hits[next_hit].passage == passage {
            next_hit += 1;
        }
        let hits: Vec<_> = (first_hit..next_hit)
            .map(|i| (hits[i].range.clone(), hit_offset + i))
            .collect();
        let current_hit = props
            .current_hit
            .filter(|hit| hits.iter().any(|(_, index)| index == hit));
        // Only passages that name the chosen entity see it, so the others keep equal
        // props and are not rendered again when the reader chooses.
        let chosen_entity = props.chosen_entity.filter(|&entity| {
            document.passages[passage]
                .mentions
                .iter()
                .any(|m| EntityIx(m.entity) == entity)
        });
        let text = |text: &str| html! {
            <PassageText
                {passage}
                text={AttrValue::from(text.to_owned())}
                {chosen_entity}
                {current_ordinal}
                sentence={sentence.clone()}
                hits={hits.clone()}
                {current_hit}
            />
        };
        match block {
            Block::Paragraph { id, text: body } => html! {
                <p id={dom_ids::paragraph(id)} dir="auto">{ text(body) }</p>
            },
            Block::Related { title, url } => html! {
                <p class="related" dir="auto">
                    <span class="related-label">{ "Read more: " }</span>
                    if let Some(url) = url.as_ref().filter(|u| is_web_link(u)) {
                        <a href={url.clone()} rel="noopener noreferrer" target="_blank">{ text(title) }</a>
                    } else {
                        <cite class="related-title">{ text(title) }</cite>
                    }
                </p>
            },
        }
    });

    // Built by hand: the `html!` macro treats `hidden` as a boolean and cannot say `until-found`.
    let mut body = VTag::new("div");
    body.add_attribute("id", body_id.clone());
    body.add_attribute("class", "section-body");
    if !props.open {
        body.add_attribute("hidden", "until-found");
    }
    body.node_ref = body_ref;
    body.add_children(blocks);
    let body = Html::from(body);

    html! {
        <section id={dom_ids::section(&section.id)} class="article-section" aria-labelledby={heading_id.clone()}>
            // The heading's links sit beside it, shown on hover and focus (as on GitHub's
            // and Wikipedia's headings), so nothing stands between a heading and its text.
            <div class="section-head">
                <h2 id={heading_id} class={classes!("section-heading", is_lead.then_some("lead-heading"))}>
                    <button
                        type="button"
                        id={dom_ids::section_toggle(&section.id)}
                        class="section-toggle"
                        aria-expanded={props.open.to_string()}
                        aria-controls={body_id.clone()}
                        {onclick}
                    >
                        <span class="toggle-icon" aria-hidden="true"></span>
                        { heading_text.clone() }
                    </button>
                </h2>
                if viewer.can_link {
                    <span class="section-links">
                        <a class="section-link" href={link_href} onclick={on_link}
                            aria-label={format!("Link to this section: {heading_text}")}>{ "#" }</a>
                        <CopyLinkButton
                            link={section_link}
                            label={format!("Copy link to this section: {heading_text}")}
                        />
                    </span>
                }
            </div>
            { body }
        </section>
    }
}
