//! What a page loads from the server and keeps up to date (a calendar, the screens, a list):
//! the last answer, kept on screen when a later load fails, and the failure said above it, as
//! the kiosk does. Never an empty list for a load that did not happen.

use std::future::Future;

use leptos::prelude::*;

use crate::api::EditorError;
use crate::i18n::ui;

pub struct Loaded<T: Send + Sync + 'static> {
    /// The last answer; `None` until the first.
    pub value: RwSignal<Option<T>>,
    /// The last load failed: the value shown may be out of date.
    pub failed: RwSignal<bool>,
}

// Signals are Copy whatever `T` is; a derive would ask `T: Copy`.
impl<T: Send + Sync + 'static> Clone for Loaded<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Loaded<T> {}

impl<T: Send + Sync + 'static> Loaded<T> {
    pub fn new() -> Self {
        Loaded { value: RwSignal::new(None), failed: RwSignal::new(false) }
    }

    /// Loads (again) from `fetch`.
    pub fn load(self, fetch: impl Future<Output = Result<T, EditorError>> + 'static) {
        leptos::task::spawn_local(async move {
            match fetch.await {
                Ok(now) => {
                    self.value.try_set(Some(now));
                    self.failed.try_set(false);
                }
                Err(_) => {
                    self.failed.try_set(true);
                }
            }
        });
    }
}

/// "Could not load", where a list or a calendar would be.
#[component]
pub fn LoadFailed() -> impl IntoView {
    view! { <p class="status problem" role="alert">{ui().load_failed}</p> }
}

/// "Could not load": shown while the last load of `failed` failed.
#[component]
pub fn LoadProblem(failed: RwSignal<bool>) -> impl IntoView {
    view! { <Show when=move || failed.get()><LoadFailed/></Show> }
}
