//! The demo week's menus: dîner and souper each day, Valais cooking, allergens and the origin of
//! meat and fish declared.

use plantzette_content::Allergen::{self, *};
use plantzette_content::{Country, DayMenu, Dish, Meal, MealKind, Origin, Product};

use super::{fr_de, Plan};

fn dish(fr: &str, de: &str, allergens: &[Allergen]) -> Dish {
    Dish { name: fr_de(fr, de), allergens: allergens.to_vec(), origins: vec![] }
}

/// A dish of meat or fish, with where each comes from.
fn with_origins(dish: Dish, origins: &[(Product, Country)]) -> Dish {
    Dish { origins: origins.iter().map(|&(product, country)| Origin { product, country }).collect(), ..dish }
}

/// The minced version of the day's main course, for residents with swallowing difficulties.
fn minced(main: &Dish) -> Dish {
    Dish {
        name: fr_de(&format!("{} (haché)", main.name.fr), &format!("{} (gehackt)", main.name.de.as_deref().unwrap_or(&main.name.fr))),
        allergens: main.allergens.clone(),
        origins: main.origins.clone(),
    }
}

fn diner(starter: Dish, main: Dish, vegetarian: Dish, dessert: Dish) -> Meal {
    Meal {
        kind: MealKind::Diner,
        texture_adapted: Some(minced(&main)),
        starter: Some(starter),
        main,
        dessert: Some(dessert),
        vegetarian: Some(vegetarian),
    }
}

fn souper(main: Dish, vegetarian: Option<Dish>, dessert: Option<Dish>) -> Meal {
    Meal { kind: MealKind::Souper, starter: None, texture_adapted: None, main, dessert, vegetarian }
}

pub fn menus(plan: &Plan) -> Vec<DayMenu> {
    let salad = || dish("Salade verte, sauce au yogourt", "Grüner Salat mit Joghurtsauce", &[Milk, Mustard]);
    let days = [
        (
            diner(
                dish("Soupe à l'orge valaisanne", "Walliser Gerstensuppe", &[Gluten, Celery]),
                with_origins(dish("Émincé de porc, rösti", "Schweinsgeschnetzeltes mit Rösti", &[Milk]), &[(Product::Pork, Country::CH)]),
                dish("Rösti aux champignons", "Rösti mit Pilzen", &[Milk]),
                dish("Compote de pommes", "Apfelkompott", &[]),
            ),
            souper(
                with_origins(
                    dish("Assiette valaisanne, pain de seigle", "Walliser Teller mit Roggenbrot", &[Gluten, Milk, Sulphites]),
                    &[(Product::Beef, Country::CH), (Product::Pork, Country::CH)],
                ),
                Some(dish("Fromages du Valais et pain de seigle", "Walliser Käse und Roggenbrot", &[Gluten, Milk])),
                None,
            ),
        ),
        (
            diner(
                salad(),
                with_origins(
                    dish("Filets de perche, pommes nature", "Egli-Filets mit Salzkartoffeln", &[Fish, Milk, Eggs]),
                    &[(Product::Fish, Country::PL)],
                ),
                dish("Gratin de légumes", "Gemüsegratin", &[Milk, Eggs]),
                dish("Crème caramel", "Caramelköpfli", &[Milk, Eggs]),
            ),
            souper(
                dish("Potage aux légumes, tartine au fromage", "Gemüsesuppe und Käseschnitte", &[Gluten, Milk, Celery]),
                None,
                Some(dish("Yogourt nature", "Naturjoghurt", &[Milk])),
            ),
        ),
        (
            diner(
                dish("Bouillon aux vermicelles", "Bouillon mit Fideli", &[Gluten, Celery, Eggs]),
                with_origins(dish("Poulet rôti, polenta crémeuse", "Brathähnchen mit cremiger Polenta", &[Milk]), &[(Product::Poultry, Country::CH)]),
                dish("Polenta aux légumes grillés", "Polenta mit grilliertem Gemüse", &[Milk]),
                dish("Tarte aux abricots", "Aprikosenwähe", &[Gluten, Eggs, Milk]),
            ),
            souper(
                dish("Cholera valaisanne", "Walliser Cholera", &[Gluten, Milk, Eggs]),
                Some(dish("Salade de lentilles", "Linsensalat", &[Mustard])),
                None,
            ),
        ),
        (
            diner(
                salad(),
                with_origins(
                    dish("Ragoût de bœuf, purée de pommes de terre", "Rindsragout mit Kartoffelstock", &[Milk, Celery, Sulphites]),
                    &[(Product::Beef, Country::CH)],
                ),
                dish("Risotto aux bolets", "Steinpilzrisotto", &[Milk, Sulphites]),
                dish("Salade de fruits", "Fruchtsalat", &[]),
            ),
            souper(dish("Croûte au fromage", "Käseschnitte", &[Gluten, Milk, Sulphites]), None, Some(dish("Poire", "Birne", &[]))),
        ),
        (
            diner(
                dish("Crème de carottes", "Karottencremesuppe", &[Milk, Celery]),
                with_origins(
                    dish("Truite du Rhône au beurre, riz", "Rhone-Forelle in Butter mit Reis", &[Fish, Milk]),
                    &[(Product::Fish, Country::CH)],
                ),
                dish("Galettes de quinoa, sauce au séré", "Quinoa-Plätzchen mit Quarksauce", &[Eggs, Milk, Gluten]),
                dish("Mousse au chocolat", "Schokoladenmousse", &[Milk, Eggs, Soy]),
            ),
            souper(dish("Birchermüesli", "Birchermüesli", &[Milk, Nuts, Gluten]), None, None),
        ),
        (
            diner(
                salad(),
                dish("Raclette, pommes de terre en robe des champs", "Raclette mit Gschwellti", &[Milk]),
                dish("Raclette, légumes vinaigrés", "Raclette mit Essiggemüse", &[Milk, Mustard, Sulphites]),
                dish("Sorbet à l'abricot", "Aprikosensorbet", &[]),
            ),
            souper(dish("Soupe de pois, pain", "Erbsensuppe mit Brot", &[Gluten, Celery]), None, Some(dish("Pomme cuite", "Bratapfel", &[]))),
        ),
        (
            diner(
                dish("Consommé au porto", "Consommé mit Portwein", &[Celery, Sulphites]),
                with_origins(
                    dish("Rôti de veau, nouilles au beurre", "Kalbsbraten mit Butternudeln", &[Gluten, Eggs, Milk]),
                    &[(Product::Veal, Country::CH)],
                ),
                dish("Nouilles aux champignons", "Nudeln mit Pilzen", &[Gluten, Eggs, Milk]),
                dish("Forêt-Noire", "Schwarzwäldertorte", &[Gluten, Eggs, Milk]),
            ),
            souper(
                with_origins(
                    dish("Assiette de charcuterie et cornichons", "Aufschnittteller mit Essiggurken", &[Mustard, Sulphites]),
                    &[(Product::Pork, Country::CH), (Product::Beef, Country::AT)],
                ),
                Some(dish("Œufs brouillés sur toast", "Rührei auf Toast", &[Eggs, Gluten, Milk])),
                None,
            ),
        ),
    ];
    days.into_iter().enumerate().map(|(offset, (diner, souper))| DayMenu { date: plan.day(offset as i64), meals: vec![diner, souper] }).collect()
}
