//! Shows fetched content once it is there: a loading notice before, and, if it fails, a notice
//! that says what happened with a button to try again. The previous content stays on screen
//! while a new request is under way, and stays when a later request fails (the server down, an
//! unreadable answer): a screen never goes blank once it has shown something.

use leptos::either::EitherOf3;
use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::address::scroll_to_fragment;
use crate::i18n::ui;

pub type Fetch<T> = LocalResource<Result<T, ApiError>>;

#[component]
pub fn Fetched<T, R, V>(resource: Fetch<T>, render: R) -> impl IntoView
where
    T: Clone + Send + Sync + 'static,
    R: Fn(T) -> V + Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let ui = ui();
    let last_good = StoredValue::new(None::<T>);
    view! {
        <Transition fallback=move || view! { <p class="notice loading" role="status">{ui.loading}</p> }>
            {move || {
                let render = render.clone();
                Suspend::new(async move {
                    match (resource.await, last_good.get_value()) {
                        (Ok(data), _) => {
                            last_good.set_value(Some(data.clone()));
                            request_animation_frame(scroll_to_fragment);
                            EitherOf3::A(render(data))
                        }
                        // The failure is in the console log; the next change or poll tries again.
                        (Err(_), Some(previous)) => EitherOf3::B(view! {
                            <p class="notice" role="status">{ui.showing_last_content}</p>
                            {render(previous)}
                        }),
                        (Err(error), None) => EitherOf3::C(view! { <ErrorNotice error on_retry=move || resource.refetch()/> }),
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
