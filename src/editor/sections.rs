//! The sections: each heading, the order, and where a heading falls (a paragraph moved
//! across the boundary to the section before or after).

use super::fields::{focus_when_rendered, FieldProblem, TextField};
use super::use_editing;
use crate::edit::Edit;
use crate::model::{Block, Section};
use yew::prelude::*;

/// The first words of a block, to say which paragraph a move takes.
fn block_start(block: Option<&Block>) -> String {
    match block {
        Some(Block::Paragraph { text, .. }) => format!("“{}”", crate::text::shorten(text, 60)),
        Some(Block::Related { title, .. }) => {
            format!("the link “{}”", crate::text::shorten(title, 60))
        }
        None => "nothing".to_owned(),
    }
}

#[component]
pub fn SectionsPart() -> Html {
    let editing = use_editing();
    let sections = &editing.article().sections;
    let count = sections.len();
    html! {
        <ol class="editor-list" aria-label="Sections">
            { for sections.iter().enumerate().map(|(index, section)| html! {
                <li key={section.id.clone()}>
                    <SectionForm section={section.clone()} {index} {count} />
                </li>
            }) }
        </ol>
    }
}

#[derive(Properties, PartialEq)]
struct SectionFormProps {
    section: Section,
    index: usize,
    count: usize,
}

#[component]
fn SectionForm(props: &SectionFormProps) -> Html {
    let editing = use_editing();
    let (section, index, count) = (&props.section, props.index, props.count);
    let field = |what: &str| format!("section:{}:{what}", section.id);
    let on_heading = {
        let (editing, id, first, field) = (
            editing.clone(),
            section.id.clone(),
            index == 0,
            field("heading"),
        );
        Callback::from(move |text: String| {
            // Only the lead, first, may go without a heading.
            let heading = (!(first && text.trim().is_empty())).then_some(text);
            editing.typed(
                Edit::SetHeading {
                    section: id.clone(),
                    heading,
                },
                field.clone(),
            );
        })
    };
    let button = |edit: Edit, focus: String| {
        let (editing, field) = (editing.clone(), field("moves"));
        Callback::from(move |_: MouseEvent| {
            editing.apply(edit.clone(), field.clone());
            focus_when_rendered(focus.clone());
        })
    };
    let id = &section.id;
    let up = format!("section-up-{id}");
    let down = format!("section-down-{id}");
    let heading_label = if index == 0 {
        "Heading (the lead may have none)".to_owned()
    } else {
        format!("Heading of section {}", index + 1)
    };
    html! {
        <div class="item-form">
            <TextField label={heading_label} value={section.heading.clone().unwrap_or_default()} field={field("heading")} on_input={on_heading} />
            <p class="field-hint">{ format!("{} blocks, from {}", section.blocks.len(), block_start(section.blocks.first())) }</p>
            <div class="item-actions">
                <button type="button" id={up.clone()} disabled={index == 0}
                    onclick={button(Edit::MoveSection { section: id.clone(), to: index.saturating_sub(1) }, up.clone())}>{ "Move up" }</button>
                <button type="button" id={down.clone()} disabled={index + 1 == count}
                    onclick={button(Edit::MoveSection { section: id.clone(), to: index + 1 }, down.clone())}>{ "Move down" }</button>
                <button type="button" disabled={index + 1 == count || section.blocks.is_empty()}
                    title={format!("Moves {} into the next section", block_start(section.blocks.last()))}
                    onclick={button(Edit::MoveLastBlockToNext { section: id.clone() }, format!("section-last-{id}"))}
                    id={format!("section-last-{id}")}>{ "Last block to next section" }</button>
                <button type="button" disabled={index == 0 || section.blocks.is_empty()}
                    title={format!("Moves {} into the section before", block_start(section.blocks.first()))}
                    onclick={button(Edit::MoveFirstBlockToPrevious { section: id.clone() }, format!("section-first-{id}"))}
                    id={format!("section-first-{id}")}>{ "First block to previous section" }</button>
            </div>
            <FieldProblem field={field("moves")} />
        </div>
    }
}
