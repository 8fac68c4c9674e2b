//! What cannot be undone (a photo removed, someone's place given up, the alarm on every screen)
//! is asked once more: the button opens its question in its place, with yes and cancel.

use leptos::prelude::*;

use crate::i18n::ui;

/// `label` on the button; `question` and `yes` once it is pressed; `on_yes` when confirmed.
/// `danger`: the button that starts it is red (the alarm).
#[component]
pub fn AskOnce(
    label: &'static str,
    #[prop(into)] question: String,
    yes: &'static str,
    on_yes: Callback<()>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let ui = ui();
    let asking = RwSignal::new(false);
    let start = if danger { "button danger" } else { "button secondary" };
    view! {
        <Show when=move || asking.get() fallback=move || view! { <button type="button" class=start on:click=move |_| asking.set(true)>{label}</button> }>
            <div class="confirm" role="alert">
                <p>{question.clone()}</p>
                <button type="button" class="button" on:click=move |_| { asking.set(false); on_yes.run(()); }>{yes}</button>
                <button type="button" class="button secondary" on:click=move |_| asking.set(false)>{ui.cancel}</button>
            </div>
        </Show>
    }
}
