//! The entities: each one's name, kind, description and aliases, merging two into one,
//! and removing one. Only the open entity's form is rendered, so a long list stays light.

use super::fields::{focus_when_rendered, ChoiceField, Disclosure, FieldProblem, TextField};
use super::use_editing;
use crate::edit::Edit;
use crate::model::{Entity, EntityKind};
use yew::prelude::*;

/// The kinds as a list box's options.
pub fn kind_options() -> Vec<(AttrValue, AttrValue)> {
    EntityKind::ALL
        .into_iter()
        .map(|k| (AttrValue::Static(k.slug()), AttrValue::Static(k.label())))
        .collect()
}

pub fn kind_from_slug(slug: &str) -> Option<EntityKind> {
    EntityKind::ALL.into_iter().find(|k| k.slug() == slug)
}

#[component]
pub fn EntitiesPart() -> Html {
    let editing = use_editing();
    let open = use_state_eq(|| None::<String>);
    {
        // A new entity's form opens.
        let open = open.clone();
        let created = editing.state.created.clone();
        let is_entity = created
            .as_ref()
            .is_some_and(|id| editing.article().entities.iter().any(|e| &e.id == id));
        use_effect_with((created, is_entity), move |(created, is_entity)| {
            if *is_entity {
                open.set(created.clone());
            }
        });
    }
    // After a merge, the entity kept is the one to go on with.
    let on_merged = {
        let open = open.clone();
        Callback::from(move |into: String| {
            focus_when_rendered(disclosure_id(&into));
            open.set(Some(into));
        })
    };
    let mut entities: Vec<&Entity> = editing.article().entities.iter().collect();
    entities.sort_by_key(|e| (e.kind, e.name.to_lowercase()));
    html! {
        <ul class="editor-list" aria-label="Entities">
            { for entities.into_iter().map(|entity| {
                let is_open = open.as_deref() == Some(entity.id.as_str());
                let form_id = format!("entity-form-{}", entity.id);
                let on_toggle = {
                    let (open, id) = (open.clone(), entity.id.clone());
                    Callback::from(move |()| open.set((open.as_deref() != Some(id.as_str())).then(|| id.clone())))
                };
                html! {
                    <li key={entity.id.clone()}>
                        <div class="item-line">
                            <span>
                                <strong>{ &entity.name }</strong>{ format!(" · {}", entity.kind.label()) }
                                if entity.suggested { <span class="suggested-tag">{ " · suggested" }</span> }
                            </span>
                            <Disclosure id={disclosure_id(&entity.id)} controls={form_id.clone()} open={is_open} {on_toggle} label={format!("Edit {}", entity.name)} />
                        </div>
                        if is_open {
                            <EntityForm entity={entity.clone()} id={form_id} on_merged={on_merged.clone()} />
                        }
                    </li>
                }
            }) }
        </ul>
    }
}

fn disclosure_id(entity: &str) -> String {
    format!("edit-entity-{entity}")
}

#[derive(Properties, PartialEq)]
struct EntityFormProps {
    entity: Entity,
    id: AttrValue,
    /// Called with the id of the entity this one was merged into.
    on_merged: Callback<String>,
}

#[component]
fn EntityForm(props: &EntityFormProps) -> Html {
    let editing = use_editing();
    let entity = &props.entity;
    let key = |what: &str| format!("entity:{}:{what}", entity.id);
    let new_alias = use_state(String::new);
    let merge_into = use_state(|| None::<String>);
    let typed = |make: fn(String, String) -> Edit, field: String| {
        let (editing, id) = (editing.clone(), entity.id.clone());
        Callback::from(move |value: String| editing.typed(make(id.clone(), value), field.clone()))
    };
    let on_name = typed(
        |entity, name| Edit::RenameEntity { entity, name },
        key("name"),
    );
    let on_description = typed(
        |entity, description| Edit::SetEntityDescription {
            entity,
            description,
        },
        key("description"),
    );
    let on_kind = {
        let (editing, id, field) = (editing.clone(), entity.id.clone(), key("kind"));
        Callback::from(move |slug: String| {
            if let Some(kind) = kind_from_slug(&slug) {
                editing.apply(
                    Edit::SetEntityKind {
                        entity: id.clone(),
                        kind,
                    },
                    field.clone(),
                );
            }
        })
    };
    let remove_alias = |alias: &str| {
        let (editing, id, alias, field) = (
            editing.clone(),
            entity.id.clone(),
            alias.to_owned(),
            key("aliases"),
        );
        Callback::from(move |_: MouseEvent| {
            editing.apply(
                Edit::RemoveAlias {
                    entity: id.clone(),
                    alias: alias.clone(),
                },
                field.clone(),
            );
            focus_when_rendered(format!("new-alias-{id}"));
        })
    };
    let on_add_alias = {
        let (editing, id, new_alias, field) = (
            editing.clone(),
            entity.id.clone(),
            new_alias.clone(),
            key("aliases"),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            editing.apply(
                Edit::AddAlias {
                    entity: id.clone(),
                    alias: new_alias.trim().to_owned(),
                },
                field.clone(),
            );
        })
    };
    let others: Vec<&Entity> = editing
        .article()
        .entities
        .iter()
        .filter(|e| e.id != entity.id)
        .collect();
    let chosen_into = (*merge_into)
        .clone()
        .filter(|id| others.iter().any(|e| &e.id == id))
        .or_else(|| others.first().map(|e| e.id.clone()));
    let on_merge_choice = {
        let merge_into = merge_into.clone();
        Callback::from(move |event: Event| {
            if let Some(select) = event.target_dyn_into::<web_sys::HtmlSelectElement>() {
                merge_into.set(Some(select.value()));
            }
        })
    };
    let on_merge = {
        let (editing, from, into) = (editing.clone(), entity.id.clone(), chosen_into.clone());
        let on_merged = props.on_merged.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(into) = &into {
                // The kept entity's form opens, and says there why a merge was refused.
                editing.apply(
                    Edit::MergeEntities {
                        into: into.clone(),
                        from: from.clone(),
                    },
                    format!("entity:{into}:merge"),
                );
                on_merged.emit(into.clone());
            }
        })
    };
    let on_remove = {
        let (editing, id, field) = (editing.clone(), entity.id.clone(), key("remove"));
        Callback::from(move |_: MouseEvent| {
            editing.apply(Edit::RemoveEntity { entity: id.clone() }, field.clone());
            focus_when_rendered("entities-part".to_owned());
        })
    };
    let on_new_alias = {
        let new_alias = new_alias.clone();
        Callback::from(move |event: InputEvent| {
            if let Some(input) = event.target_dyn_into::<web_sys::HtmlInputElement>() {
                new_alias.set(input.value());
            }
        })
    };
    let merge_id = format!("merge-into-{}", entity.id);
    let alias_input_id = format!("new-alias-{}", entity.id);
    html! {
        <div class="item-form" id={props.id.clone()}>
            <p class="field-hint">{ format!("Id: {}", entity.id) }
                if let Some(because) = &entity.suggested_because { { format!(" · suggested because {because}") } }
            </p>
            <TextField label="Name" value={entity.name.clone()} field={key("name")} on_input={on_name} />
            <ChoiceField label="Kind" options={kind_options()} value={entity.kind.slug()} field={key("kind")} on_change={on_kind} />
            <TextField label="Description" multiline=true value={entity.description.clone()} field={key("description")} on_input={on_description} />
            <fieldset>
                <legend>{ "Aliases: the words that mark it in the text" }</legend>
                <ul class="alias-list">
                    { for entity.aliases.iter().map(|alias| html! {
                        <li key={alias.clone()}>
                            { alias }{ " " }
                            <button type="button" onclick={remove_alias(alias)} aria-label={format!("Remove the alias “{alias}”")}>{ "Remove" }</button>
                        </li>
                    }) }
                </ul>
                <form class="item-actions" onsubmit={on_add_alias}>
                    <label for={alias_input_id.clone()}>{ "New alias" }</label>
                    <input id={alias_input_id} value={(*new_alias).clone()} oninput={on_new_alias} />
                    <button type="submit">{ "Add alias" }</button>
                </form>
                <FieldProblem field={key("aliases")} />
            </fieldset>
            if !others.is_empty() {
                <div class="item-actions">
                    <label for={merge_id.clone()}>{ "Merge into" }</label>
                    <select id={merge_id} onchange={on_merge_choice}>
                        { for others.iter().map(|e| html! {
                            <option value={e.id.clone()} selected={chosen_into.as_deref() == Some(e.id.as_str())}>{ format!("{} ({})", e.name, e.id) }</option>
                        }) }
                    </select>
                    <button type="button" onclick={on_merge}>{ "Merge" }</button>
                </div>
                <FieldProblem field={key("merge")} />
            }
            <div class="item-actions">
                <button type="button" onclick={on_remove}>{ format!("Remove {}", entity.name) }</button>
            </div>
            <FieldProblem field={key("remove")} />
        </div>
    }
}
