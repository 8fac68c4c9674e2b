//! Shows fetched content once it is there: a loading notice before, and, if it fails, a notice
//! that says what happened with a button to try again. The previous content stays on screen
//! while a new request is under way, and stays when a later request fails (the server down, an
//! unreadable answer): a screen never goes blank once it has shown something.
//!
//! Every kind of content goes through one view (`crate::kiosk::fetch` holds the one resource type),
//! typed again only where it is drawn: Leptos builds its suspense machinery once per type.

use std::sync::Arc;

use leptos::either::EitherOf3;
use leptos::prelude::*;

use leptos_router::components::A;

use crate::i18n::ui;
use crate::kiosk::address::scroll_to_fragment;
use crate::kiosk::fetch::{typed, AnyContent, AnyFetch, Fetch};
use crate::kiosk::{self, is_kiosk};
use plantzette_web::RequestError;

#[component]
pub fn Fetched<T, R, V>(resource: Fetch<T>, render: R) -> impl IntoView
where
    T: Clone + 'static,
    R: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    any_fetched(resource.resource, Arc::new(move |content| render(typed(content)).into_any()))
}

/// `Fetched` for any type of content (built once).
fn any_fetched(resource: AnyFetch, render: Arc<dyn Fn(&AnyContent) -> AnyView + Send + Sync>) -> AnyView {
    let ui = ui();
    let last_good = StoredValue::new_local(None::<AnyContent>);
    view! {
        <Transition fallback=move || view! { <p class="notice loading" role="status">{ui.loading}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match (resource.await, last_good.get_value()) {
                        (Ok(content), _) => {
                            let view = render(&content);
                            last_good.set_value(Some(content));
                            request_animation_frame(scroll_to_fragment);
                            EitherOf3::A(view)
                        }
                        // The failure is in the console log; the next change or poll tries again.
                        // An item deleted meanwhile is not shown from an older copy.
                        (Err(error), Some(previous)) if !matches!(error, RequestError::NotFound) => EitherOf3::B(view! {
                            <p class="notice" role="status">{ui.showing_last_content}</p>
                            {render(&previous)}
                        }),
                        (Err(error), _) => EitherOf3::C(view! { <ErrorNotice error on_retry=move || resource.refetch()/> }),
                    }
                })
            }}
        </Transition>
    }
    .into_any()
}

#[component]
fn ErrorNotice(error: RequestError, on_retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let ui = ui();
    let message = match &error {
        RequestError::NotFound => {
            let home = if is_kiosk() { kiosk::HOME } else { "/" };
            return view! {
                <div class="notice" role="status">
                    <h1>{ui.not_found}</h1>
                    <p>{ui.item_not_found}</p>
                    <p><A href=home attr:class="button">{ui.back_home}</A></p>
                </div>
            }
            .into_any();
        }
        // A new install: nothing is wrong, there is nothing yet; shown as soon as it is published.
        RequestError::Refused { body, .. } if body.code() == "not_set_up" => {
            return view! {
                <div class="notice" role="status">
                    <h1>{ui.not_set_up}</h1>
                    <p>{ui.not_set_up_text}</p>
                </div>
            }
            .into_any();
        }
        RequestError::Network(_) => ui.error_network,
        RequestError::Refused { .. } => ui.error_server,
        RequestError::Unreadable(_) => ui.error_unreadable,
    };
    view! {
        <div class="notice error" role="alert">
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>{ui.retry}</button>
        </div>
    }
    .into_any()
}
