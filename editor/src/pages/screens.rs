//! The residence's screens and the alarm. Every staff member sees each screen's state (online,
//! silent since, old content, old build, last error) and may raise the alarm and see which
//! screens show it; administrators add a screen by the code it shows, set it up and remove it.
//! The page asks the server again every two seconds: a silence or a confirmation shows at once.

use std::time::Duration;

use leptos::prelude::*;
use leptos::task::spawn_local;
use plantzette_content::screen::{Adoption, DayHours, NewAlarm, Orientation, ScreenSettings, ScreenSetup, ScreenState, ScreenStatus, Screens, Tile};
use plantzette_content::staff::Role;
use plantzette_content::{ErrorCode, FieldError, Lang, Text};

use crate::api;
use crate::components::ask_once::AskOnce;
use crate::components::form::{CheckBox, Field, Form, TextFields, TextInput};
use crate::components::loaded::{LoadProblem, Loaded};
use crate::components::saving::SaveStatus;
use crate::fields::TextInputs;
use crate::i18n::{lang, ui};
use crate::session::use_session;

const REFRESH_EVERY: Duration = Duration::from_secs(2);

#[component]
pub fn ScreensPage() -> impl IntoView {
    let ui = ui();
    let loaded = Loaded::<Screens>::new();
    let refresh = move || loaded.load(api::screens());
    refresh();
    let screens = loaded.value;
    if let Ok(handle) = set_interval_with_handle(refresh, REFRESH_EVERY) {
        on_cleanup(move || handle.clear());
    }
    let is_admin = use_session().0.with_untracked(|info| info.as_ref().is_some_and(|i| i.user.role == Role::Admin));
    view! {
        <h2>{ui.screens}</h2>
        <LoadProblem failed=loaded.failed/>
        <AlarmPanel screens refresh/>
        <section aria-labelledby="screens-list">
            <h3 id="screens-list">{ui.residence_screens}</h3>
            <Show when=move || screens.with(|screens| screens.as_ref().is_some_and(|screens| screens.screens.is_empty()))>
                <p>{ui.no_screens}</p>
            </Show>
            // Keyed by screen: a refresh redraws what changed, and leaves a setup being edited alone.
            <ul class="items screens">
                <For each=move || screens.with(|screens| screens.iter().flat_map(|s| s.screens.iter().map(|screen| screen.id)).collect::<Vec<_>>()) key=|id| *id let:id>
                    <ScreenItem id screens is_admin refresh/>
                </For>
            </ul>
        </section>
        {is_admin.then(|| view! { <AdoptForm refresh/> })}
    }
}

/// The alarm: raised with a message (two ready-made ones), then how many screens show it.
#[component]
fn AlarmPanel(screens: RwSignal<Option<Screens>>, refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let ui = ui();
    let form = Form::new();
    let message = TextInputs::new(None);
    let presets = [
        (ui.alarm_evacuation, "Évacuation : suivez les indications du personnel.", "Evakuierung: Folgen Sie den Anweisungen des Personals."),
        (
            ui.alarm_visits,
            "Visites suspendues dès maintenant. Nous vous informerons dès qu\u{2019}elles reprennent.",
            "Besuche ab sofort ausgesetzt. Wir informieren Sie, sobald sie wieder möglich sind.",
        ),
    ];
    // Every screen of the residence at once, full screen: asked once more (`AskOnce`).
    let raise = Callback::new(move |()| {
        let alarm = NewAlarm { message: message.text() };
        if let Err(invalid) = alarm.validate() {
            form.unreadable(invalid.errors);
            return;
        }
        form.act(async move { api::raise_alarm(form.session, &alarm).await }, move |_| refresh());
    });
    let end = move |_| form.act(api::end_alarm(form.session), move |_| refresh());
    let on = move || screens.with(|screens| screens.as_ref().and_then(|screens| screens.alarm.clone()));
    view! {
        <section class="alarm-panel" aria-labelledby="alarm-heading" class:on=move || on().is_some()>
            <h3 id="alarm-heading">{ui.alarm}</h3>
            {move || match on() {
                Some(alarm) => {
                    let (shown, of, missing) = screens.with(|screens| {
                        let screens = screens.as_ref().expect("an alarm comes with its screens");
                        let missing: Vec<String> = screens.not_showing_alarm().map(|screen| screen.name.clone()).collect();
                        (screens.screens.len() - missing.len(), screens.screens.len(), missing)
                    });
                    view! {
                        <p class="alarm-on" role="status">
                            <strong>{ui.alarm_on_since}" "{alarm.raised_at.format("%H:%M").to_string()}</strong>
                            " · "{alarm.message.localized(lang()).text.to_string()}
                        </p>
                        <p class="alarm-shown" aria-live="polite">{format!("{shown} {} {of} {}", ui.screens_of, ui.screens_showing)}</p>
                        {(!missing.is_empty()).then(|| view! { <p>{ui.not_showing}" "{missing.join(", ")}</p> })}
                        <div class="form-actions"><button type="button" class="button" on:click=end>{ui.end_alarm}</button></div>
                    }
                    .into_any()
                }
                None => view! {
                    <form class="editor-form" on:submit=|ev| ev.prevent_default()>
                        <p>{ui.alarm_help}</p>
                        <div class="form-actions">
                            {presets.map(|(label, fr, de)| view! {
                                <button type="button" class="button secondary" on:click=move |_| message.load(Some(&Text { fr: fr.into(), de: Some(de.into()), en: None }))>{label}</button>
                            }).into_iter().collect_view()}
                        </div>
                        <TextFields form id="alarm-message" label=ui.alarm_message field="message" inputs=message multiline=true/>
                        <div class="form-actions"><AskOnce label=ui.raise_alarm question=ui.confirm_raise_alarm yes=ui.raise_alarm_for_good on_yes=raise danger=true/></div>
                    </form>
                }
                .into_any(),
            }}
            <SaveStatus form on_keep_mine=Callback::new(|_| ()) on_take_theirs=Callback::new(|_| ())/>
        </section>
    }
}

/// One screen: its name and place, its state, what is out of date, and its last error; for an
/// administrator, its settings and its removal.
#[component]
fn ScreenItem(id: i64, screens: RwSignal<Option<Screens>>, is_admin: bool, refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let editing = RwSignal::new(false);
    let form = Form::new();
    let status = Memo::new(move |_| screens.with(|screens| screens.iter().flat_map(|s| s.screens.iter()).find(|screen| screen.id == id).cloned()));
    let at = |time: chrono::NaiveDateTime| time.format("%d.%m.%Y %H:%M").to_string();
    let revoke = move |_| form.act(api::revoke_screen(form.session, id), move |_| refresh());
    let summary = move || {
        status.get().map(|screen| {
            let state = match (screen.state, screen.last_report_at) {
                (ScreenState::Silent | ScreenState::Resting, Some(last)) => format!("{} {}", screen.state.label(lang), at(last)),
                (state, _) => state.label(lang).to_string(),
            };
            view! {
                <p class="item-label"><strong>{screen.name.clone()}</strong>{(!screen.place.is_empty()).then(|| format!(" · {}", screen.place))}" · "{ui.screen_number}"\u{a0}"{screen.id}</p>
                <p class=format!("screen-state {}", if screen.state == ScreenState::Online { "online" } else { "problem" })>{state}</p>
                {screen.last_report_at.map(|last| view! { <p>{ui.last_seen}" "{at(last)}</p> })}
                {screen.old_content.then(|| view! { <p class="status problem">{ui.old_content}</p> })}
                {screen.old_build.then(|| view! { <p class="status problem">{ui.old_build}</p> })}
                {screen.last_error.clone().map(|error| view! {
                    <p class="screen-error">{ui.last_error}{screen.last_error_at.map(|when| format!(" ({})", at(when)))}{ui.colon}" "<code>{error}</code></p>
                })}
            }
        })
    };
    // The setup as it was when the form opened; a change made meanwhile by someone else is told
    // when this one is saved (412), as for content.
    let editor = move || {
        status.get_untracked().map(|screen| {
            let version = RwSignal::new(screen.version);
            let setup = ScreenSetup { name: screen.name, place: screen.place, settings: screen.settings };
            let on_saved = move || {
                editing.set(false);
                refresh();
            };
            view! {
                <SetupForm id_prefix=format!("screen-{id}") setup version on_saved save=move |setup: ScreenSetup, form: Form| async move {
                    form.report(api::set_up_screen(form.session, id, version.get_untracked(), &setup).await).is_some()
                }/>
            }
        })
    };
    view! {
        <li class="screen" class:silent=move || status.with(|screen| screen.as_ref().is_some_and(|screen| screen.state == ScreenState::Silent))>
            {summary}
            {is_admin.then(|| view! {
                <div class="form-actions">
                    <button type="button" class="button secondary" aria-expanded=move || editing.get().to_string() on:click=move |_| editing.update(|open| *open = !*open)>{ui.edit}</button>
                    <button type="button" class="button secondary" on:click=revoke>{ui.revoke_screen}</button>
                </div>
                <Show when=move || editing.get()>{editor}</Show>
                <SaveStatus form on_keep_mine=Callback::new(|_| ()) on_take_theirs=Callback::new(|_| ())/>
            })}
        </li>
    }
}

/// Adding the screen that shows a code.
#[component]
fn AdoptForm(refresh: impl Fn() + Copy + Send + Sync + 'static) -> impl IntoView {
    let ui = ui();
    let setup = ScreenSetup { name: String::new(), place: String::new(), settings: ScreenSettings::default() };
    let code = RwSignal::new(String::new());
    let on_saved = move || {
        code.set(String::new());
        refresh();
    };
    view! {
        <section aria-labelledby="adopt-heading">
            <h3 id="adopt-heading">{ui.adopt_screen}</h3>
            <p>{ui.adopt_help}</p>
            <SetupForm id_prefix="adopt".to_string() setup code on_saved save=move |setup: ScreenSetup, form: Form| async move {
                let adoption = Adoption { code: code.get_untracked(), setup };
                form.report(api::adopt_screen(form.session, &adoption).await).is_some()
            }/>
        </section>
    }
}

/// A screen's name, place and settings; with `code`, the pairing code first.
#[component]
fn SetupForm<S, F>(
    id_prefix: String,
    setup: ScreenSetup,
    #[prop(optional)] code: Option<RwSignal<String>>,
    /// The version of the setup being changed, kept up to date through a conflict.
    #[prop(optional)]
    version: Option<RwSignal<i64>>,
    on_saved: impl Fn() + Copy + Send + Sync + 'static,
    save: S,
) -> impl IntoView
where
    S: Fn(ScreenSetup, Form) -> F + Copy + Send + Sync + 'static,
    F: std::future::Future<Output = bool> + 'static,
{
    let ui = ui();
    let lang = lang();
    let form = Form::new();
    let name = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let hours = RwSignal::new(String::new());
    let idle = RwSignal::new(String::new());
    let highlight = RwSignal::new(String::new());
    let language = RwSignal::new(Lang::Fr);
    let orientation = RwSignal::new(Orientation::Auto);
    let tiles = Tile::ALL.map(|tile| (tile, RwSignal::new(false)));
    let load = move |setup: ScreenSetup| {
        name.set(setup.name);
        place.set(setup.place);
        let settings = setup.settings;
        hours.set(settings.hours.to_string());
        idle.set(settings.idle_seconds.to_string());
        highlight.set(settings.highlight_seconds.to_string());
        language.set(settings.language);
        orientation.set(settings.orientation);
        for (tile, on) in tiles {
            on.set(settings.tiles.contains(&tile));
        }
    };
    load(setup);
    let id_prefix = StoredValue::new(id_prefix);
    let id = move |field: &str| format!("{}-{field}", id_prefix.get_value());
    let send = move || {
        let mut unreadable = Vec::new();
        let hours = DayHours::parse(&hours.get_untracked());
        if hours.is_none() {
            unreadable.push(FieldError { field: "settings.hours".into(), code: ErrorCode::Malformed { detail: "HH:MM-HH:MM".into() } });
        }
        let number = |value: RwSignal<String>| value.get_untracked().trim().parse::<u32>().unwrap_or(0);
        let setup = ScreenSetup {
            name: name.get_untracked(),
            place: place.get_untracked(),
            settings: ScreenSettings {
                hours: hours.unwrap_or(DayHours::DEFAULT),
                idle_seconds: number(idle),
                language: language.get_untracked(),
                highlight_seconds: number(highlight),
                orientation: orientation.get_untracked(),
                tiles: tiles.iter().filter(|(_, on)| on.get_untracked()).map(|(tile, _)| *tile).collect(),
            },
        };
        unreadable.extend(setup.validate().err().map_or(vec![], |invalid| invalid.errors));
        if !unreadable.is_empty() {
            form.unreadable(unreadable);
            return;
        }
        spawn_local(async move {
            if save(setup, form).await {
                on_saved();
            }
        });
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        send();
    };
    // After someone else's change: save this one over it, or take theirs into the form.
    let keep_mine = Callback::new(move |theirs: i64| {
        if let Some(version) = version {
            version.set(theirs);
        }
        send();
    });
    let take_theirs = Callback::new(move |current: serde_json::Value| {
        if let Ok(theirs) = serde_json::from_value::<ScreenStatus>(current) {
            if let Some(version) = version {
                version.set(theirs.version);
            }
            load(ScreenSetup { name: theirs.name, place: theirs.place, settings: theirs.settings });
        }
        form.status.set(None);
    });
    view! {
        <form class="editor-form" on:submit=submit>
            {code.map(|code| view! { <TextInput form id=id("code") label=ui.screen_code.into() field="code" value=code/> })}
            <TextInput form id=id("name") label=ui.name.into() field="name" value=name/>
            <TextInput form id=id("place") label=ui.place.into() field="place" value=place/>
            <TextInput form id=id("hours") label=ui.day_hours.into() field="settings.hours" value=hours/>
            <TextInput form id=id("idle") label=ui.idle_seconds.into() field="settings.idle_seconds" value=idle kind="number"/>
            <Field form id=id("language") label=ui.screen_language.into() field="settings.language">
                <select id=id("language") on:change=move |ev| language.set(Lang::from_code(&event_target_value(&ev)).unwrap_or_default())>
                    {Lang::ALL.map(|l| view! { <option value=l.code() selected=move || language.get() == l>{l.native_name()}</option> }).into_iter().collect_view()}
                </select>
            </Field>
            <TextInput form id=id("highlight") label=ui.highlight_seconds.into() field="settings.highlight_seconds" value=highlight kind="number"/>
            <Field form id=id("orientation") label=ui.orientation.into() field="settings.orientation">
                <select id=id("orientation") on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    orientation.set(Orientation::ALL.into_iter().find(|o| o.as_str() == chosen).unwrap_or_default());
                }>
                    {Orientation::ALL.map(|o| view! { <option value=o.as_str() selected=move || orientation.get() == o>{o.label(lang)}</option> }).into_iter().collect_view()}
                </select>
            </Field>
            <fieldset class="field" class:invalid=move || form.error_at("settings.tiles").is_some()>
                <legend>{ui.tiles}</legend>
                {tiles.map(|(tile, on)| view! { <CheckBox label=tile.label(lang) value=on/> }).into_iter().collect_view()}
                <p class="field-error">{move || form.error_at("settings.tiles")}</p>
            </fieldset>
            <SaveStatus form on_keep_mine=keep_mine on_take_theirs=take_theirs/>
            <div class="form-actions"><button type="submit" class="button">{ui.save}</button></div>
        </form>
    }
}
