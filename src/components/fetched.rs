//! Shows fetched content once it is there: a loading notice before, and, if it fails, a notice
//! that says what happened with a button to try again. The previous content stays on screen
//! while a new request is under way.

use leptos::either::Either;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::address::scroll_to_fragment;
use crate::i18n::ui;

pub type Fetch<T> = LocalResource<Result<T, ApiError>>;

#[component]
pub fn Fetched<T, R, V>(resource: Fetch<T>, render: R) -> impl IntoView
where
    T: Clone + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ui = ui();
    view! {
        <Transition fallback=move || view! { <p class="notice" role="status">{ui.loading}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match resource.await {
                        Ok(data) => {
                            request_animation_frame(scroll_to_fragment);
                            Either::Left(render(data))
                        }
                        Err(error) => Either::Right(view! { <ErrorNotice error on_retry=move || resource.refetch()/> }),
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn ErrorNotice(error: ApiError, on_retry: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let ui = ui();
    let message = match &error {
        ApiError::Network(_) => ui.error_network,
        ApiError::Status { .. } => ui.error_server,
        ApiError::Unreadable(_) => ui.error_unreadable,
    };
    view! {
        <div class="notice error" role="alert">
            <p>{message}</p>
            <button type="button" class="button" on:click=move |_| on_retry()>{ui.retry}</button>
        </div>
    }
}
