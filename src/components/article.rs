use super::{ProvenanceNote, SectionHits, SectionView};
use crate::context::use_viewer;
use crate::dates::date_range_text;
use crate::document::MentionAt;
use crate::hooks::use_progressive_count;
use crate::index::{EntityIx, EventIx, PassageIx, SectionIx};
use crate::search::SearchResults;
use crate::state::Action;
use std::collections::BTreeSet;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ArticleViewProps {
    pub open_sections: BTreeSet<SectionIx>,
    pub chosen_entity: Option<EntityIx>,
    pub current_mention: Option<MentionAt>,
    pub chosen_event: Option<EventIx>,
    /// Something the reader should know, such as a link that named nothing.
    pub notice: Option<String>,
    pub search: Rc<SearchResults>,
    pub current_hit: Option<usize>,
    /// Shown over the page (the entity card, the copy status), kept in this landmark.
    pub overlays: Html,
    /// A section that must be in the page now (what the focus points at), even while a
    /// long article is still being added.
    pub reveal_section: Option<SectionIx>,
    /// Render every section at once (to hydrate the pre-rendered page).
    pub all_at_once: bool,
}

/// Sections added per render while a long article is built up.
const SECTIONS_PER_STEP: usize = 24;

/// The article: title, when it was published and how that is known, and its sections.
#[component]
pub fn ArticleView(props: &ArticleViewProps) -> Html {
    let viewer = use_viewer();
    let document = &viewer.document;
    let article = &document.article;
    let shown = use_progressive_count(
        article.sections.len(),
        SECTIONS_PER_STEP,
        props.all_at_once,
        props.reveal_section.map_or(0, |section| section.0 + 1),
    );
    // Counting the words of a long article takes a while: once per article, not per render.
    let reading_minutes = use_memo(viewer.document.clone(), |document| {
        document.reading_minutes()
    });
    let sentence = props
        .chosen_event
        .and_then(|event| document.sentence_range(event));
    // Each section gets only what concerns it, so a choice re-renders only the sections
    // whose marks change, however long the article.
    let mut sections_with_entity = vec![false; article.sections.len()];
    if let Some(entity) = props.chosen_entity {
        for section in document.sections_mentioning(entity) {
            sections_with_entity[section] = true;
        }
    }
    let mut section_hits = vec![None; article.sections.len()];
    let hits = &props.search.hits;
    let mut first = 0;
    while first < hits.len() {
        let section = document.passages[hits[first].passage].section;
        let end = first
            + hits[first..]
                .iter()
                .take_while(|hit| document.passages[hit.passage].section == section)
                .count();
        section_hits[section] = Some(SectionHits {
            results: props.search.clone(),
            range: first..end,
        });
        first = end;
    }
    let action = |action: Action| viewer.dispatch.reform(move |_: MouseEvent| action.clone());
    html! {
        <main id="article" class="article" tabindex="-1" lang={article.language.clone()}>
            { props.overlays.clone() }
            <article>
                <header class="article-header">
                    <h1 dir="auto">{ &article.title }</h1>
                    <p class="reading-time" dir="auto">{ format!("{} min read", *reading_minutes) }</p>
                    if let Some(published) = &article.published {
                        <details class="published">
                            <summary>
                                { "Published " }
                                <time datetime={published.from.clone()}>
                                    { date_range_text(&published.from, published.to.as_deref()) }
                                </time>
                                { format!(" ({})", published.basis.kind.label().to_lowercase()) }
                            </summary>
                            <ProvenanceNote basis={published.basis.clone()} />
                        </details>
                    }
                </header>
                <div class="notice" role="status">
                    if let Some(notice) = &props.notice {
                        <p>{ notice }</p>
                    }
                </div>
                <div class="section-controls" role="group" aria-label="Sections">
                    <button type="button" onclick={action(Action::ExpandAll)}>{ "Expand all" }</button>
                    <button type="button" onclick={action(Action::CollapseAll)}>{ "Collapse all" }</button>
                </div>
                // The sections are a list of their own (a fragment), not children beside the
                // header: only a list whose children all have keys is matched by key, so
                // adding sections at the end keeps those already there instead of
                // re-creating every one.
                <>{ for section_hits.into_iter().enumerate().take(shown).map(|(index, hits)| {
                    let index = SectionIx(index);
                    let in_section = |passage: PassageIx| document.passages[passage].section == index;
                    let current_hit = props.current_hit.filter(|&hit| {
                        hits.as_ref().is_some_and(|h| h.range.contains(&hit))
                    });
                    html! {
                        <SectionView
                            key={article.sections[index].id.clone()}
                            {index}
                            open={props.open_sections.contains(&index)}
                            chosen_entity={props.chosen_entity.filter(|_| sections_with_entity[index])}
                            current_mention={props.current_mention.filter(|at| in_section(at.passage))}
                            sentence={sentence.filter(|span| in_section(span.passage))}
                            {hits}
                            {current_hit}
                        />
                    }
                }) }</>
            </article>
        </main>
    }
}
