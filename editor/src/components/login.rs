//! The login form: on the editor's front page, and inside a form whose session ended, so that
//! logging in again keeps what was typed.

use leptos::prelude::*;
use plantzette_content::staff::Credentials;

use crate::api::{self, EditorError};
use crate::i18n::ui;
use crate::session::use_session;

#[component]
pub fn LoginForm(#[prop(optional)] on_done: Option<Callback<()>>) -> impl IntoView {
    let ui = ui();
    let session = use_session();
    let login = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let problem = RwSignal::new(None::<&'static str>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let credentials = Credentials { login: login.get_untracked(), password: password.get_untracked() };
        leptos::task::spawn_local(async move {
            match api::log_in(credentials).await {
                Ok(info) => {
                    password.set(String::new());
                    problem.set(None);
                    session.0.set(Some(info));
                    if let Some(done) = on_done {
                        done.run(());
                    }
                }
                Err(EditorError::LoggedOut) => problem.set(Some(ui.wrong_login)),
                Err(EditorError::TooManyAttempts) => problem.set(Some(ui.too_many_attempts)),
                Err(_) => problem.set(Some(ui.network)),
            }
        });
    };
    view! {
        <form class="login" on:submit=submit>
            <label>
                {ui.login}
                <input type="text" name="username" autocomplete="username" required prop:value=move || login.get() on:input=move |ev| login.set(event_target_value(&ev))/>
            </label>
            <label>
                {ui.password}
                <input type="password" name="password" autocomplete="current-password" required prop:value=move || password.get() on:input=move |ev| password.set(event_target_value(&ev))/>
            </label>
            <p class="status problem" role="alert">{move || problem.get()}</p>
            <button type="submit" class="button">{ui.log_in}</button>
        </form>
    }
}
