use crate::model::Provenance;
use crate::validate::is_web_link;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ProvenanceNoteProps {
    pub basis: Provenance,
}

/// Where a date comes from: the article's words, the reasoning, the outside sources.
#[component]
pub fn ProvenanceNote(props: &ProvenanceNoteProps) -> Html {
    let basis = &props.basis;
    html! {
        <div class={classes!("provenance", format!("basis-{}", basis.kind.slug()))}>
            <p class="provenance-kind"><span class="basis-icon" aria-hidden="true"></span>{ basis.kind.label() }</p>
            if let Some(quote) = &basis.quote {
                <blockquote class="provenance-quote"><p>{ format!("“{quote}”") }</p></blockquote>
            }
            if let Some(reasoning) = &basis.reasoning {
                <p class="provenance-reasoning">{ reasoning }</p>
            }
            if !basis.sources.is_empty() {
                <ul class="provenance-sources">
                    { for basis.sources.iter().map(|source| html! {
                        <li>
                            if is_web_link(&source.url) {
                                <a href={source.url.clone()} rel="noopener noreferrer" target="_blank"><bdi>{ &source.name }</bdi></a>
                            } else {
                                <bdi>{ &source.name }</bdi>
                            }
                        </li>
                    }) }
                </ul>
            }
        </div>
    }
}
