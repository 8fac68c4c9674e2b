//! A kind's stored items as a list, each with Edit and Delete (or Restore, once deleted), and a
//! New button; and the content page around it, which shows the list or the item opened.

use leptos::prelude::*;
use plantzette_content::staff::Stored;
use plantzette_content::{Content, Item};

use crate::api;
use crate::components::form::Form;
use crate::components::loaded::LoadFailed;
use crate::i18n::ui;

/// The page's state: the list, and the item open in the form (`Some(None)`: a new one).
pub struct Editing<T: Send + Sync + 'static> {
    pub items: LocalResource<Result<Vec<Stored<T>>, api::EditorError>>,
    pub open: RwSignal<Option<Option<Item<T>>>>,
    pub form: Form,
}

// Signals are Copy whatever `T` is; a derive would ask `T: Copy`.
impl<T: Send + Sync + 'static> Clone for Editing<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Editing<T> {}

impl<T: Content + Send + Sync + 'static> Editing<T> {
    pub fn new() -> Self {
        Editing { items: LocalResource::new(api::list::<T>), open: RwSignal::new(None), form: Form::new() }
    }

    pub fn close(&self) {
        self.open.set(None);
        self.items.refetch();
    }
}

/// The list, with `describe` naming each item in a line.
#[component]
pub fn ItemList<T, D>(editing: Editing<T>, describe: D) -> impl IntoView
where
    T: Content + Send + Sync + 'static,
    D: Fn(&T) -> String + Copy + Send + Sync + 'static,
{
    let ui = ui();
    let form = editing.form;
    let row = move |stored: Stored<T>| {
        let Stored { item, deleted_at, .. } = stored;
        let label = describe(&item.content);
        let (id, version) = (item.id, item.version);
        let actions = if deleted_at.is_some() {
            let restore = move |_| {
                form.act(api::restore::<T>(form.session, id), move |done| {
                    if done {
                        editing.items.refetch()
                    }
                })
            };
            view! { <span class="badge">{ui.deleted}</span><button type="button" class="button secondary" on:click=restore>{ui.restore}</button> }
                .into_any()
        } else {
            let delete = move |_| {
                form.act(api::delete::<T>(form.session, id, version), move |done| {
                    if done {
                        editing.items.refetch()
                    }
                })
            };
            let edit = move |_| {
                form.errors.set(Vec::new());
                form.status.set(None);
                editing.open.set(Some(Some(item.clone())));
            };
            view! {
                <button type="button" class="button" on:click=edit>{ui.edit}</button>
                <button type="button" class="button secondary" on:click=delete>{ui.delete}</button>
            }
            .into_any()
        };
        view! { <li class:deleted=deleted_at.is_some()><span class="item-label">{label}</span>{actions}</li> }
    };
    let new_item = move |_| {
        form.errors.set(Vec::new());
        form.status.set(None);
        editing.open.set(Some(None));
    };
    view! {
        <button type="button" class="button" on:click=new_item>{ui.new_item}</button>
        <Suspense fallback=move || view! { <p>{ui.loading}</p> }>
            {move || Suspend::new(async move {
                match editing.items.await {
                    Ok(items) if items.is_empty() => view! { <p>{ui.nothing_yet}</p> }.into_any(),
                    Ok(items) => view! { <ul class="items">{items.into_iter().map(row).collect_view()}</ul> }.into_any(),
                    Err(_) => view! { <LoadFailed/> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A content page: its title, then the list, or the form of the item opened from it.
#[component]
pub fn ContentPage<T, D, F, V>(title: &'static str, editing: Editing<T>, describe: D, form: F) -> impl IntoView
where
    T: Content + Send + Sync + 'static,
    D: Fn(&T) -> String + Copy + Send + Sync + 'static,
    F: Fn(Option<Item<T>>) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <h2>{title}</h2>
        {move || match editing.open.get() {
            Some(item) => form(item).into_any(),
            None => view! { <ItemList editing describe/> }.into_any(),
        }}
    }
}
