//! A meal as the menu board shows it: each course, its alternatives, and its allergens in words.

use leptos::prelude::*;
use plantzette_content::{Dish, Meal};

use crate::components::local_text::LocalText;
use crate::i18n::{use_lang, use_ui};

#[component]
pub fn MealCard(meal: Meal) -> impl IntoView {
    let lang = use_lang();
    let kind = meal.kind;
    view! {
        <section class="meal">
            <h3>{move || kind.label(lang.get())}</h3>
            <dl class="dishes">
                {meal
                    .dishes()
                    .map(|(course, dish)| {
                        view! {
                            <div class="dish">
                                <dt>{move || course.label(lang.get())}</dt>
                                <dd><DishLine dish=dish.clone()/></dd>
                            </div>
                        }
                    })
                    .collect_view()}
            </dl>
        </section>
    }
}

#[component]
fn DishLine(dish: Dish) -> impl IntoView {
    let ui = use_ui();
    let lang = use_lang();
    let allergens = dish.allergens.clone();
    let allergen_words = move || {
        if allergens.is_empty() {
            ui.get().no_allergens.to_string()
        } else {
            allergens.iter().map(|a| a.label(lang.get())).collect::<Vec<_>>().join(", ")
        }
    };
    view! {
        <span class="dish-name"><LocalText text=dish.name/></span>
        <span class="allergens">{move || ui.get().allergens}" : "{allergen_words}</span>
    }
}
