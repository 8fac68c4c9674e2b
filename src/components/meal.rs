//! A meal as the menu board shows it: each course, its alternatives, its allergens in words and
//! the origin of its meat or fish.

use leptos::prelude::*;
use plantzette_content::{Dish, Meal};

use crate::components::local_text::LocalText;
use crate::components::pictogram::PictogramImage;
use crate::i18n::{lang, ui};
use plantzette_content::pictogram::Pictured;

/// A day's meals, side by side.
#[component]
pub fn MealCards(meals: Vec<Meal>) -> impl IntoView {
    view! { <div class="meals">{meals.into_iter().map(|meal| view! { <MealCard meal/> }).collect_view()}</div> }
}

#[component]
pub fn MealCard(meal: Meal) -> impl IntoView {
    let lang = lang();
    let kind = meal.kind;
    view! {
        <section class="meal">
            <h3><PictogramImage of=kind.pictogram()/>{kind.label(lang)}</h3>
            <dl class="dishes">
                {meal
                    .dishes()
                    .map(|(course, dish)| {
                        view! {
                            <div class=format!("dish course-{}", course.name())>
                                <dt>{course.label(lang)}</dt>
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
    let ui = ui();
    let lang = lang();
    let allergen_words = if dish.allergens.is_empty() {
        ui.no_allergens.to_string()
    } else {
        dish.allergens.iter().map(|a| a.label(lang)).collect::<Vec<_>>().join(", ")
    };
    let origins = (!dish.origins.is_empty()).then(|| dish.origins.iter().map(|o| o.label(lang)).collect::<Vec<_>>().join(", "));
    view! {
        <span class="dish-name"><LocalText text=dish.name/></span>
        <span class="allergens">{ui.allergens}{ui.colon}{allergen_words}</span>
        {origins.map(|words| view! { <span class="origins">{ui.origin}{ui.colon}{words}</span> })}
    }
}
