//! Menus of the day: déjeuner, dîner and souper (Swiss usage), their dishes and alternatives, and the
//! 14 allergens that Swiss food law requires to be declared.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::ErrorCode;
use crate::item::Content;
use crate::schedule::{DateRange, Week};
use crate::text::{Lang, Text};
use crate::validate::{Validator, TITLE};

mod allergen;
mod origin;
pub use allergen::Allergen;
pub use origin::{Country, Origin, Product};

/// The three meals of a Swiss day.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum MealKind {
    /// Breakfast.
    Dejeuner,
    /// Lunch, the main meal.
    Diner,
    /// The evening meal.
    Souper,
}

impl MealKind {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (MealKind::Dejeuner, Lang::Fr) => "Déjeuner",
            (MealKind::Dejeuner, Lang::De) => "Frühstück",
            (MealKind::Dejeuner, Lang::En) => "Breakfast",
            (MealKind::Diner, Lang::Fr) => "Dîner",
            (MealKind::Diner, Lang::De) => "Mittagessen",
            (MealKind::Diner, Lang::En) => "Lunch",
            (MealKind::Souper, Lang::Fr) => "Souper",
            (MealKind::Souper, Lang::De) => "Abendessen",
            (MealKind::Souper, Lang::En) => "Supper",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Dish {
    pub name: Text,
    #[serde(default)]
    pub allergens: Vec<Allergen>,
    /// Where its meat or fish comes from; none for a dish without either.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub origins: Vec<Origin>,
}

/// A meal's courses and alternatives; only the main course is required.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct Meal {
    pub kind: MealKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub starter: Option<Dish>,
    pub main: Dish,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dessert: Option<Dish>,
    /// The vegetarian alternative to the main course.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vegetarian: Option<Dish>,
    /// The texture-adapted (minced or mixed) version, for residents with swallowing difficulties.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub texture_adapted: Option<Dish>,
}

impl Meal {
    /// Each dish with the name of its course, in serving order.
    pub fn dishes(&self) -> impl Iterator<Item = (Course, &Dish)> {
        [
            (Course::Starter, self.starter.as_ref()),
            (Course::Main, Some(&self.main)),
            (Course::Vegetarian, self.vegetarian.as_ref()),
            (Course::TextureAdapted, self.texture_adapted.as_ref()),
            (Course::Dessert, self.dessert.as_ref()),
        ]
        .into_iter()
        .filter_map(|(course, dish)| dish.map(|dish| (course, dish)))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Course {
    Starter,
    Main,
    Vegetarian,
    TextureAdapted,
    Dessert,
}

impl Course {
    /// The course's field name in the contract: `starter`, `main`, `vegetarian`…
    pub fn name(self) -> &'static str {
        match self {
            Course::Starter => "starter",
            Course::Main => "main",
            Course::Vegetarian => "vegetarian",
            Course::TextureAdapted => "texture_adapted",
            Course::Dessert => "dessert",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        use Course::*;
        match (self, lang) {
            (Starter, Lang::Fr) => "Entrée",
            (Starter, Lang::De) => "Vorspeise",
            (Starter, Lang::En) => "Starter",
            (Main, Lang::Fr) => "Plat",
            (Main, Lang::De) => "Hauptgang",
            (Main, Lang::En) => "Main course",
            (Vegetarian, Lang::Fr) => "Végétarien",
            (Vegetarian, Lang::De) => "Vegetarisch",
            (Vegetarian, Lang::En) => "Vegetarian",
            (TextureAdapted, Lang::Fr) => "Texture adaptée",
            (TextureAdapted, Lang::De) => "Angepasste Konsistenz",
            (TextureAdapted, Lang::En) => "Texture-adapted",
            (Dessert, Lang::Fr) => "Dessert",
            (Dessert, Lang::De) => "Dessert",
            (Dessert, Lang::En) => "Dessert",
        }
    }
}

/// The menu of one day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct DayMenu {
    pub date: NaiveDate,
    pub meals: Vec<Meal>,
}

impl DayMenu {
    pub fn meal(&self, kind: MealKind) -> Option<&Meal> {
        self.meals.iter().find(|meal| meal.kind == kind)
    }

    /// The kitchen's starting point for `week`: each menu of the week before, moved seven days
    /// on, for the days of `week` that have no menu yet (`planned`).
    pub fn copied_into(week: Week, previous: &[DayMenu], planned: &[DayMenu]) -> Vec<DayMenu> {
        let last_week = week.previous().range();
        previous
            .iter()
            .filter(|menu| last_week.contains(menu.date))
            .map(|menu| DayMenu { date: menu.date + chrono::Duration::days(7), meals: menu.meals.clone() })
            .filter(|copy| !planned.iter().any(|menu| menu.date == copy.date))
            .collect()
    }
}

impl Content for DayMenu {
    const COLLECTION: &'static str = "menus";
    const UNIQUE: Option<&'static str> = Some("date");

    fn check(&self, v: &mut Validator) {
        v.date("date", self.date);
        v.at("meals", |v| {
            v.check(!self.meals.is_empty(), ErrorCode::Required);
            for (index, meal) in self.meals.iter().enumerate() {
                v.at(format!("[{index}]"), |v| {
                    if self.meals[..index].iter().any(|other| other.kind == meal.kind) {
                        v.at("kind", |v| v.fail(ErrorCode::Duplicate));
                    }
                    for (course, dish) in meal.dishes() {
                        v.at(course.name(), |v| check_dish(dish, v));
                    }
                });
            }
        });
    }

    fn span(&self) -> Option<DateRange> {
        Some(DateRange::day(self.date))
    }
}

fn check_dish(dish: &Dish, v: &mut Validator) {
    v.text("name", &dish.name, TITLE);
    v.at("allergens", |v| {
        for (index, allergen) in dish.allergens.iter().enumerate() {
            if dish.allergens[..index].contains(allergen) {
                v.at(format!("[{index}]"), |v| v.fail(ErrorCode::Duplicate));
            }
        }
    });
    v.at("origins", |v| {
        // A dish that declares fish declares where the fish comes from.
        let fish_declared = dish.origins.iter().any(|origin| origin.product == Product::Fish);
        v.check(!dish.allergens.contains(&Allergen::Fish) || fish_declared, ErrorCode::Required);
        for (index, origin) in dish.origins.iter().enumerate() {
            if dish.origins[..index].iter().any(|other| other.product == origin.product) {
                v.at(format!("[{index}].product"), |v| v.fail(ErrorCode::Duplicate));
            }
        }
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copying_last_week_fills_only_the_days_without_a_menu() {
        let day = |text: &str| text.parse::<NaiveDate>().unwrap();
        let menu = |date: &str, dish: &str| DayMenu {
            date: day(date),
            meals: vec![Meal {
                kind: MealKind::Diner,
                starter: None,
                main: Dish { name: Text::fr(dish), allergens: vec![Allergen::Milk], origins: vec![] },
                dessert: None,
                vegetarian: None,
                texture_adapted: None,
            }],
        };
        let week = Week::containing(day("2026-11-30"));
        let last_week = [menu("2026-11-23", "Raclette"), menu("2026-11-24", "Rösti"), menu("2026-11-16", "Too old")];
        let planned = [menu("2026-12-01", "Fondue")];
        let copies = DayMenu::copied_into(week, &last_week, &planned);
        assert_eq!(copies, [menu("2026-11-30", "Raclette")], "Tuesday is planned already; older weeks are not copied");
    }
    use crate::parse::parse;

    fn dish(name: &str, allergens: &[Allergen]) -> Dish {
        Dish { name: Text::fr(name), allergens: allergens.to_vec(), origins: vec![] }
    }

    fn perch() -> Dish {
        Dish { origins: vec![Origin { product: Product::Fish, country: Country::CH }], ..dish("Filet de perche", &[Allergen::Fish, Allergen::Milk]) }
    }

    fn menu() -> DayMenu {
        DayMenu {
            date: "2026-11-24".parse().unwrap(),
            meals: vec![Meal {
                kind: MealKind::Diner,
                starter: Some(dish("Soupe à l'orge", &[Allergen::Gluten, Allergen::Celery])),
                main: perch(),
                dessert: None,
                vegetarian: Some(dish("Risotto aux bolets", &[Allergen::Milk])),
                texture_adapted: None,
            }],
        }
    }

    #[test]
    fn every_allergen_of_swiss_law_has_a_label_in_each_language() {
        assert_eq!(Allergen::ALL.len(), 14);
        for allergen in Allergen::ALL {
            for lang in Lang::ALL {
                assert!(!allergen.label(lang).is_empty());
            }
        }
        assert_eq!(Allergen::Nuts.label(Lang::De), "Schalenfrüchte");
    }

    #[test]
    fn unknown_allergen_is_rejected_with_its_place() {
        let json = serde_json::to_string(&menu()).unwrap().replace("\"celery\"", "\"cumin\"");
        let error = parse::<DayMenu>(&json).unwrap_err();
        assert_eq!(error.errors[0].field, "meals[0].starter.allergens[1]");
        assert_eq!(error.errors[0].code, ErrorCode::UnknownValue { value: "cumin".into() });
    }

    #[test]
    fn a_dish_with_fish_says_where_the_fish_comes_from() {
        let mut menu = menu();
        menu.validate().unwrap();
        menu.meals[0].main.origins.clear();
        assert!(menu.validate().unwrap_err().has("meals[0].main.origins", &ErrorCode::Required));
    }

    #[test]
    fn one_origin_per_kind_of_meat_and_unknown_countries_are_rejected() {
        let mut menu = menu();
        menu.meals[0].main.origins.push(Origin { product: Product::Fish, country: Country::FR });
        assert!(menu.validate().unwrap_err().has("meals[0].main.origins[1].product", &ErrorCode::Duplicate));
        let json = serde_json::to_string(&self::menu()).unwrap().replace("\"CH\"", "\"XX\"");
        let error = parse::<DayMenu>(&json).unwrap_err();
        assert_eq!(error.errors[0].field, "meals[0].main.origins[0].country");
        assert_eq!(error.errors[0].code, ErrorCode::UnknownValue { value: "XX".into() });
    }

    #[test]
    fn origins_read_in_words() {
        let origin = Origin { product: Product::Beef, country: Country::CH };
        assert_eq!(origin.label(Lang::Fr), "Bœuf (Suisse)");
        assert_eq!(origin.label(Lang::De), "Rind (Schweiz)");
        assert_eq!(Product::ALL.len(), 10);
        assert!(Country::ALL.iter().all(|c| Lang::ALL.iter().all(|l| !c.label(*l).is_empty())));
        // The names are tables in the enums' order: the first, the last and one between.
        assert_eq!(
            [Country::CH.label(Lang::Fr), Country::GB.label(Lang::De), Country::CL.label(Lang::En)],
            ["Suisse", "Vereinigtes Königreich", "Chile"]
        );
        assert_eq!([Product::Beef.label(Lang::De), Product::Poultry.label(Lang::Fr), Product::Fish.label(Lang::En)], ["Rind", "Volaille", "Fish"]);
    }

    #[test]
    fn two_dinners_on_one_day_are_rejected() {
        let mut menu = menu();
        menu.meals.push(menu.meals[0].clone());
        assert!(menu.validate().unwrap_err().has("meals[1].kind", &ErrorCode::Duplicate));
    }

    #[test]
    fn dish_without_a_name_is_rejected() {
        let mut menu = menu();
        menu.meals[0].vegetarian = Some(dish("", &[]));
        assert!(menu.validate().unwrap_err().has("meals[0].vegetarian.name.fr", &ErrorCode::Required));
    }

    #[test]
    fn dishes_come_in_serving_order_with_the_alternative_after_the_main() {
        let courses: Vec<Course> = menu().meals[0].dishes().map(|(course, _)| course).collect();
        assert_eq!(courses, [Course::Starter, Course::Main, Course::Vegetarian]);
    }

    #[test]
    fn malformed_menu_json_is_an_error_not_a_panic() {
        let error = parse::<DayMenu>("{\"date\": \"2026-11-24\", \"meals\": [").unwrap_err();
        assert!(matches!(error.errors[0].code, ErrorCode::Malformed { .. }));
    }
}
