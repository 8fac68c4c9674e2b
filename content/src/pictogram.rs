//! The pictograms drawn beside the words, as signage for people living with dementia asks (a
//! picture beside each kind of thing, for those who read little, or read the other language):
//! which one stands for each kind of activity, meal, programme topic and info topic, and for the
//! kiosk's tiles. One set for every screen and the printed week: Lucide's (ISC licence), whose
//! files are in `assets/pictograms/` (`scripts/pictograms` copies them from the npm package).
//! The screens draw them as images beside the word, hidden from screen readers: the word is
//! there.

use crate::activity::Category;
use crate::menu::MealKind;
use crate::page::PageSlug;
use crate::programme::Topic;
use crate::screen::Tile;

/// A pictogram, by the name of its file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pictogram(&'static str);

impl Pictogram {
    /// The kiosk's home.
    pub const HOME: Pictogram = Pictogram("house");
    pub const ANNOUNCEMENTS: Pictogram = Pictogram("megaphone");

    pub fn name(self) -> &'static str {
        self.0
    }

    /// Where the site serves it.
    pub fn address(self) -> String {
        format!("/pictograms/{}.svg", self.0)
    }

    /// Every pictogram the screens draw: the files the site serves.
    pub fn all() -> Vec<Pictogram> {
        let mut all = vec![Pictogram::HOME, Pictogram::ANNOUNCEMENTS];
        all.extend(Category::ALL.map(Pictured::pictogram));
        all.extend([MealKind::Dejeuner, MealKind::Diner, MealKind::Souper].map(Pictured::pictogram));
        all.extend(Topic::ALL.map(Pictured::pictogram));
        all.extend(PageSlug::ALL.map(Pictured::pictogram));
        all.extend(Tile::ALL.map(Pictured::pictogram));
        all.sort_by_key(|p| p.0);
        all.dedup();
        all
    }
}

/// What has a pictogram of its own.
pub trait Pictured: Copy {
    fn pictogram(self) -> Pictogram;
}

impl Pictured for Category {
    fn pictogram(self) -> Pictogram {
        Pictogram(match self {
            Category::Movement => "person-standing",
            Category::Music => "music",
            Category::Memory => "puzzle",
            Category::Worship => "church",
            Category::Outing => "bus",
            Category::Creative => "palette",
            Category::Social => "coffee",
        })
    }
}

impl Pictured for MealKind {
    fn pictogram(self) -> Pictogram {
        Pictogram(match self {
            MealKind::Dejeuner => "croissant",
            MealKind::Diner => "utensils",
            MealKind::Souper => "soup",
        })
    }
}

impl Pictured for Topic {
    fn pictogram(self) -> Pictogram {
        Pictogram(match self {
            Topic::Falls => "footprints",
            Topic::Memory => "brain",
            Topic::Nutrition => "apple",
            Topic::CarersSupport => "hand-heart",
            Topic::Health => "heart-pulse",
        })
    }
}

impl Pictured for PageSlug {
    fn pictogram(self) -> Pictogram {
        Pictogram(match self {
            PageSlug::Admissions => "door-open",
            PageSlug::ShortStay => "bed",
            PageSlug::MedicalCare => "stethoscope",
            PageSlug::Partners => "handshake",
        })
    }
}

impl Pictured for Tile {
    fn pictogram(self) -> Pictogram {
        Pictogram(match self {
            Tile::Today => "calendar-days",
            Tile::Activities => "calendar-range",
            Tile::Menus => "utensils",
            Tile::Programmes => "heart-pulse",
            Tile::Info => "info",
        })
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    #[test]
    fn every_pictogram_is_a_file_of_the_set_shipped_with_its_licence() {
        let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("../assets/pictograms");
        assert!(folder.join("LICENSE").is_file(), "the set's licence beside its files");
        for pictogram in Pictogram::all() {
            let svg = std::fs::read_to_string(folder.join(format!("{}.svg", pictogram.name()))).unwrap_or_default();
            assert!(svg.contains("<svg") && svg.contains("lucide"), "{} is Lucide's", pictogram.name());
        }
    }

    #[test]
    fn each_kind_of_activity_has_a_pictogram_of_its_own() {
        let mut names: Vec<&str> = Category::ALL.map(|c| c.pictogram().name()).to_vec();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), Category::ALL.len());
    }
}
