//! Menus by week: the week's days and their dîner and souper at a glance; a day opens its form
//! (main course and vegetarian alternative, each with the 14 allergens as checkboxes and the
//! origin of its meat or fish); the week before can be copied as a starting point.

use chrono::NaiveDate;
use leptos::prelude::*;
use plantzette_content::format::{day_heading, week_span};
use plantzette_content::staff::Stored;
use plantzette_content::{Allergen, Country, DayMenu, Dish, Item, Lang, Meal, MealKind, Origin, Product, Week};
use plantzette_web::clock::residence_now;

use crate::api;
use crate::components::form::{Form, TextFields};
use crate::components::saving::{use_saving, FormFooter};
use crate::fields::{Reader, TextInputs};
use crate::i18n::{lang, ui};

/// The meals the kitchen plans day by day (breakfast is the same every day).
const PLANNED: [MealKind; 2] = [MealKind::Diner, MealKind::Souper];

#[component]
pub fn MenusPage() -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let form = Form::new();
    let week = RwSignal::new(Week::containing(residence_now().date()));
    let menus = LocalResource::new(api::list::<DayMenu>);
    let open = RwSignal::new(None::<(NaiveDate, Option<Item<DayMenu>>)>);
    let live = move |menus: &[Stored<DayMenu>]| menus.iter().filter(|m| m.deleted_at.is_none()).map(|m| m.item.clone()).collect::<Vec<_>>();
    let copy_last_week = move |_| {
        leptos::task::spawn_local(async move {
            let Some(Ok(stored)) = menus.get() else { return };
            let contents: Vec<DayMenu> = live(&stored).into_iter().map(|item| item.content).collect();
            for copy in DayMenu::copied_into(week.get_untracked(), &contents, &contents) {
                if form.report(api::create(form.session, &copy).await).is_none() {
                    break;
                }
            }
            menus.refetch();
            form.status.set(None);
            form.copied.set(true);
        });
    };
    view! {
        <h2>{ui.menus}</h2>
        <div class="week-nav">
            <button type="button" class="button secondary" on:click=move |_| { open.set(None); week.update(|w| *w = w.previous()) }>{ui.previous_week}</button>
            <h3>{move || format!("{} {}", ui.week_of, week_span(week.get().monday(), week.get().sunday(), lang))}</h3>
            <button type="button" class="button secondary" on:click=move |_| { open.set(None); week.update(|w| *w = w.next()) }>{ui.next_week}</button>
        </div>
        <button type="button" class="button" on:click=copy_last_week>{ui.copy_last_week}</button>
        <p class="status saved" role="status">{move || form.copied.get().then_some(ui.copied)}</p>
        <Suspense fallback=move || view! { <p>{ui.loading}</p> }>
            {move || Suspend::new(async move {
                let stored = match menus.await {
                    Ok(stored) => stored,
                    Err(_) => return view! { <p class="status problem" role="alert">{ui.network}</p> }.into_any(),
                };
                let items = live(&stored);
                view! {
                    <table class="menu-week">
                        <thead><tr><th scope="col">{ui.date}</th>{PLANNED.map(|kind| view! { <th scope="col">{kind.label(lang)}</th> }).collect_view()}<th></th></tr></thead>
                        <tbody>
                            {week.get().range().days().map(|day| {
                                let item = items.iter().find(|m| m.content.date == day).cloned();
                                let dish = |kind: MealKind| item.as_ref().and_then(|m| m.content.meal(kind)).map(|meal| meal.main.name.get(lang).to_string()).unwrap_or_else(|| ui.no_menu.into());
                                let cells = PLANNED.map(|kind| view! { <td>{dish(kind)}</td> });
                                let edit = move |_| { form.errors.set(Vec::new()); form.status.set(None); open.set(Some((day, item.clone()))) };
                                view! { <tr><th scope="row">{day_heading(day, lang)}</th>{cells.collect_view()}<td><button type="button" class="button" on:click=edit>{ui.edit}</button></td></tr> }
                            }).collect_view()}
                        </tbody>
                    </table>
                }.into_any()
            })}
        </Suspense>
        {move || open.get().map(|(day, item)| view! { <DayForm day item form on_saved=Callback::new(move |_| menus.refetch())/> })}
    }
}

/// One dish's inputs.
#[derive(Clone, Copy)]
struct DishInputs {
    name: TextInputs,
    allergens: RwSignal<Vec<Allergen>>,
    origins: RwSignal<Vec<Origin>>,
}

impl DishInputs {
    fn new(dish: Option<&Dish>) -> DishInputs {
        DishInputs {
            name: TextInputs::new(dish.map(|d| &d.name)),
            allergens: RwSignal::new(dish.map(|d| d.allergens.clone()).unwrap_or_default()),
            origins: RwSignal::new(dish.map(|d| d.origins.clone()).unwrap_or_default()),
        }
    }

    fn load(&self, dish: Option<&Dish>) {
        self.name.load(dish.map(|d| &d.name));
        self.allergens.set(dish.map(|d| d.allergens.clone()).unwrap_or_default());
        self.origins.set(dish.map(|d| d.origins.clone()).unwrap_or_default());
    }

    fn dish(&self) -> Dish {
        Dish { name: self.name.text(), allergens: self.allergens.get_untracked(), origins: self.origins.get_untracked() }
    }

    fn is_empty(&self) -> bool {
        self.name.is_empty()
    }
}

#[component]
fn DayForm(day: NaiveDate, item: Option<Item<DayMenu>>, form: Form, on_saved: Callback<()>) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let opened = item.as_ref().map(|i| (i.id, i.version));
    let menu = item.map(|i| i.content);
    let meal = |kind| menu.as_ref().and_then(|m| m.meal(kind)).cloned();
    let kept = StoredValue::new(menu.clone());
    // Where each planned meal is in the menu as sent (after the loaded ones, if new), for the
    // server's field errors.
    let loaded_kinds: Vec<MealKind> = menu.iter().flat_map(|m| m.meals.iter().map(|meal| meal.kind)).collect();
    let mut next_new = loaded_kinds.len();
    let place_of = PLANNED.map(|kind| {
        loaded_kinds.iter().position(|k| *k == kind).unwrap_or_else(|| {
            next_new += 1;
            next_new - 1
        })
    });
    let inputs = PLANNED.map(|kind| {
        let meal = meal(kind);
        (kind, DishInputs::new(meal.as_ref().map(|m| &m.main)), DishInputs::new(meal.as_ref().and_then(|m| m.vegetarian.as_ref())))
    });
    // The inputs are applied onto the menu as loaded: the other courses and meals stay as they
    // were, in their order; a meal whose main course is emptied is taken out.
    let read = move |_: &mut Reader| {
        let mut menu = kept.get_value().unwrap_or(DayMenu { date: day, meals: Vec::new() });
        for (kind, main, vegetarian) in &inputs {
            let at = menu.meals.iter().position(|m| m.kind == *kind);
            match (at, main.is_empty()) {
                (Some(at), true) => {
                    menu.meals.remove(at);
                }
                (Some(at), false) => {
                    let meal = &mut menu.meals[at];
                    meal.main = main.dish();
                    meal.vegetarian = (!vegetarian.is_empty()).then(|| vegetarian.dish());
                }
                (None, true) => {}
                (None, false) => menu.meals.push(Meal {
                    kind: *kind,
                    starter: None,
                    main: main.dish(),
                    dessert: None,
                    vegetarian: (!vegetarian.is_empty()).then(|| vegetarian.dish()),
                    texture_adapted: None,
                }),
            }
        }
        Some(menu)
    };
    let load = move |theirs: DayMenu| {
        for (kind, main, vegetarian) in inputs {
            let meal = theirs.meal(kind);
            main.load(meal.map(|m| &m.main));
            vegetarian.load(meal.and_then(|m| m.vegetarian.as_ref()));
        }
        kept.set_value(Some(theirs));
    };
    let saving = use_saving(form, opened, read, load, move || on_saved.run(()));
    view! {
        <form class="editor-form" on:submit=move |ev| { ev.prevent_default(); saving.save.run(()); }>
            <h3>{day_heading(day, lang)}</h3>
            {inputs.into_iter().zip(place_of).map(|((kind, main, vegetarian), index)| view! {
                <fieldset class="meal-inputs">
                    <legend>{kind.label(lang)}</legend>
                    <DishFields form index dish="main" label=ui.main_course inputs=main/>
                    <DishFields form index dish="vegetarian" label=ui.vegetarian inputs=vegetarian/>
                </fieldset>
            }).collect_view()}
            <FormFooter form saving/>
        </form>
    }
}

/// A dish's name in French, German and English and its allergens; `index` is its meal's place in the
/// menu as sent, for the server's field errors (`meals[0].main.name.fr`).
#[component]
fn DishFields(form: Form, index: usize, dish: &'static str, label: &'static str, inputs: DishInputs) -> impl IntoView {
    let ui = ui();
    let lang = lang();
    let path = |rest: &str| format!("meals[{index}].{dish}.{rest}");
    let id = format!("meal-{index}-{dish}");
    view! {
        <div class="dish-inputs">
            <TextFields form id=id label field=path("name") inputs=inputs.name/>
            <fieldset class="allergens">
                <legend>{format!("{} – {label}", ui.allergens)}</legend>
                {Allergen::ALL.into_iter().map(|allergen| {
                    let checked = move || inputs.allergens.with(|list| list.contains(&allergen));
                    let toggle = move |ev| {
                        let on = event_target_checked(&ev);
                        inputs.allergens.update(|list| {
                            list.retain(|a| *a != allergen);
                            if on { list.push(allergen); }
                            // Sorted as chosen, not as read: an unchanged dish is saved unchanged.
                            list.sort();
                        });
                    };
                    view! { <label class="check"><input type="checkbox" prop:checked=checked on:change=toggle/>{allergen.label(lang)}</label> }
                }).collect_view()}
            </fieldset>
            <OriginFields form field=path("origins") id=format!("meal-{index}-{dish}-origin") label origins=inputs.origins/>
        </div>
    }
}

/// A select of one of a vocabulary's words (`choices`), named in the editor's language.
#[component]
fn VocabularySelect<T, C, P>(id: String, choices: &'static [T], name: fn(T, Lang) -> &'static str, chosen: C, on_choose: P) -> impl IntoView
where
    T: Copy + PartialEq + Send + Sync + 'static,
    C: Fn() -> Option<T> + Copy + Send + Sync + 'static,
    P: Fn(T) + 'static,
{
    let lang = lang();
    view! {
        <select id=id on:change=move |ev| {
            if let Some(choice) = event_target_value(&ev).parse::<usize>().ok().and_then(|i| choices.get(i).copied()) {
                on_choose(choice);
            }
        }>
            {choices.iter().copied().enumerate().map(|(i, choice)| view! {
                <option value=i.to_string() selected=move || chosen() == Some(choice)>{name(choice, lang)}</option>
            }).collect_view()}
        </select>
    }
}

/// Where the dish's meat or fish comes from: a kind and a country per row, as many rows as kinds.
#[component]
fn OriginFields(form: Form, field: String, id: String, label: &'static str, origins: RwSignal<Vec<Origin>>) -> impl IntoView {
    let ui = ui();
    let error_id = format!("{id}-error");
    let described_by = error_id.clone();
    let message_field = field.clone();
    let add = move |_| origins.update(|list| list.push(Origin { product: Product::Beef, country: Country::CH }));
    let rows = move || {
        (0..origins.with(Vec::len))
            .map(|row| {
                let chosen = move || origins.with(|list| list.get(row).copied());
                let set = move |change: &dyn Fn(&mut Origin)| origins.update(|list| if let Some(origin) = list.get_mut(row) { change(origin) });
                let product_id = format!("{id}-{row}-product");
                let country_id = format!("{id}-{row}-country");
                view! {
                    <div class="origin-row">
                        <label for=product_id.clone()>{ui.meat_or_fish}</label>
                        <VocabularySelect id=product_id choices=&Product::ALL name=Product::label
                            chosen=move || chosen().map(|o| o.product) on_choose=move |product| set(&|origin| origin.product = product)/>
                        <label for=country_id.clone()>{ui.country}</label>
                        <VocabularySelect id=country_id choices=&Country::ALL name=Country::label
                            chosen=move || chosen().map(|o| o.country) on_choose=move |country| set(&|origin| origin.country = country)/>
                        <button type="button" class="button secondary" on:click=move |_| origins.update(|list| { if row < list.len() { list.remove(row); } })>
                            {ui.remove_origin}
                        </button>
                    </div>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="origins" class:invalid=move || form.error_at(&field).is_some() aria-describedby=described_by>
            <legend>{format!("{} – {label}", ui.origin)}</legend>
            {rows}
            <button type="button" class="button secondary" on:click=add>{ui.add_origin}</button>
            <p class="field-error" id=error_id>{move || form.error_at(&message_field)}</p>
        </fieldset>
    }
}
