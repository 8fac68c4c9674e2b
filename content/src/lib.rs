//! The content contract of the Résidence Plantzette: what the server stores and serves and what the
//! app renders, with its validation and its date and schedule logic. Native and wasm alike.

pub mod activity;
pub mod announcement;
pub mod api;
pub mod contact;
pub mod error;
pub mod events;
pub mod format;
pub mod highlight;
pub mod item;
pub mod letter;
pub mod menu;
pub mod page;
pub mod parse;
pub mod photo;
pub mod pictogram;
pub mod programme;
pub mod residence;
pub mod schedule;
pub mod schema;
pub mod screen;
pub mod short_stay;
pub mod sign_up;
pub mod staff;
pub mod text;
pub mod validate;

pub use activity::{Activity, ActivityInfo, Category, Occurrence, Recurrence};
pub use announcement::{Announcement, Priority};
pub use api::{Listing, Today, UpcomingSession};
pub use error::{ContentError, ErrorCode, FieldError};
pub use highlight::Highlight;
pub use item::{Content, Item};
pub use menu::{Allergen, Country, DayMenu, Dish, Meal, MealKind, Origin, Product};
pub use page::{InfoPage, PageSlug};
pub use parse::{parse, Rules, Valid};
pub use programme::{Audience, Contact, Enrolment, Price, Programme, Session, Topic};
pub use residence::{Address, Residence, VisitingHours, VisitsState, VisitsStatus};
pub use schedule::{DateRange, RangeError, Week};
pub use text::{Lang, Localized, Text};
