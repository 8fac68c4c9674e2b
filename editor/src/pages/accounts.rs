//! Staff accounts, for administrators: who may edit, a new account with its role, and when the
//! server last took its daily backup.

use leptos::prelude::*;
use plantzette_content::staff::{BackupStatus, NewUser, Role, StaffUser};

use crate::api;
use crate::components::form::{Field, Form, TextInput};
use crate::components::saving::SaveStatus;
use crate::i18n::ui;

#[component]
pub fn AccountsPage() -> impl IntoView {
    let ui = ui();
    let form = Form::new();
    let accounts = LocalResource::new(api::users);
    let login = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let role = RwSignal::new(Role::Editor);
    let created = RwSignal::new(false);
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        created.set(false);
        let new =
            NewUser { login: login.get_untracked(), name: name.get_untracked(), role: role.get_untracked(), password: password.get_untracked() };
        if let Err(invalid) = new.validate() {
            form.unreadable(invalid.errors);
            return;
        }
        leptos::task::spawn_local(async move {
            if form.report(api::create_user(form.session, &new).await).is_some() {
                form.status.set(None);
                created.set(true);
                password.set(String::new());
                accounts.refetch();
            }
        });
    };
    let role_label = move |r: Role| if r == Role::Admin { ui.role_admin } else { ui.role_editor };
    view! {
        <h2>{ui.accounts}</h2>
        <LastBackup/>
        <Suspense fallback=move || view! { <p>{ui.loading}</p> }>
            {move || Suspend::new(async move {
                match accounts.await {
                    Ok(list) => view! {
                        <ul class="items">
                            {list.into_iter().map(|u: StaffUser| view! { <li><span class="item-label">{u.name}" ("{u.login}") · "{role_label(u.role)}</span></li> }).collect_view()}
                        </ul>
                    }.into_any(),
                    Err(_) => view! { <p class="status problem" role="alert">{ui.forbidden}</p> }.into_any(),
                }
            })}
        </Suspense>
        <form class="editor-form" on:submit=create>
            <h3>{ui.new_item}</h3>
            <TextInput form id="account-login".into() label=ui.login.into() field="login" value=login/>
            <TextInput form id="account-name".into() label=ui.name.into() field="name" value=name/>
            <Field form id="account-role".into() label=ui.role.into() field="role">
                <select id="account-role" on:change=move |ev| role.set(Role::parse(&event_target_value(&ev)).unwrap_or(Role::Editor))>
                    {[Role::Editor, Role::Admin].into_iter().map(|r| view! { <option value=r.as_str() selected=move || role.get() == r>{role_label(r)}</option> }).collect_view()}
                </select>
            </Field>
            <TextInput form id="account-password".into() label=ui.new_password.into() field="password" value=password kind="password"/>
            <p class="status saved" role="status">{move || created.get().then_some(ui.account_created)}</p>
            // Creating an account meets no conflict: the callbacks are never called.
            <SaveStatus form on_keep_mine=Callback::new(|_| ()) on_take_theirs=Callback::new(|_| ())/>
            <div class="form-actions"><button type="submit" class="button">{ui.save}</button></div>
        </form>
    }
}

/// "Last automatic backup: 01.12.2026 03:00", and a warning an administrator acts on when it is old.
#[component]
fn LastBackup() -> impl IntoView {
    let ui = ui();
    let status = LocalResource::new(api::backups);
    move || {
        let BackupStatus { last, overdue } = status.get()?.ok()?;
        let last = last.map_or_else(|| ui.no_backup_yet.to_string(), |at| at.format("%d.%m.%Y %H:%M").to_string());
        Some(view! {
            <p class="backup-status">{ui.last_backup}" "{last}</p>
            {overdue.then(|| view! { <p class="status problem" role="alert">{ui.backup_overdue}</p> })}
        })
    }
}
