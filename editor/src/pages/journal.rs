//! The audit log: the latest changes, who made them and when (residence time).

use leptos::prelude::*;
use plantzette_content::schedule::residence_time;

use crate::api;
use crate::components::loaded::LoadFailed;
use crate::i18n::ui;

#[component]
pub fn JournalPage() -> impl IntoView {
    let ui = ui();
    let entries = LocalResource::new(api::audit);
    view! {
        <h2>{ui.journal}</h2>
        <Suspense fallback=move || view! { <p>{ui.loading}</p> }>
            {move || Suspend::new(async move {
                match entries.await {
                    Ok(entries) => view! {
                        <table class="journal">
                            <thead><tr><th scope="col">{ui.when}</th><th scope="col">{ui.who}</th><th scope="col">{ui.what}</th></tr></thead>
                            <tbody>
                                {entries.into_iter().map(|entry| {
                                    let when = residence_time(entry.at.and_utc()).format("%d.%m.%Y %H:%M").to_string();
                                    let what = format!("{} {} #{} (v{})", entry.action, entry.collection.unwrap_or_default(), entry.item_id.unwrap_or_default(), entry.version.unwrap_or_default());
                                    view! { <tr><td>{when}</td><td>{entry.login}</td><td>{what}</td></tr> }
                                }).collect_view()}
                            </tbody>
                        </table>
                    }.into_any(),
                    Err(_) => view! { <LoadFailed/> }.into_any(),
                }
            })}
        </Suspense>
    }
}
