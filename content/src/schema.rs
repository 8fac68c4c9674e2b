//! How a few values read in the API's OpenAPI document where the type's own schema would say
//! something else than its JSON: a residence time carries no offset (`2026-12-10T14:00:00`, not
//! RFC 3339's `date-time`), and chrono writes weekdays as `Mon` … `Sun`. Fields name these with
//! `#[schema(value_type = …)]`.

use utoipa::openapi::schema::{ObjectBuilder, Schema, SchemaFormat, Type};
use utoipa::openapi::RefOr;
use utoipa::{PartialSchema, ToSchema};

/// A date and time in the residence's zone (Europe/Zurich), without an offset.
pub struct LocalDateTime;

impl PartialSchema for LocalDateTime {
    fn schema() -> RefOr<Schema> {
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::Custom("partial-date-time".into())))
            .pattern(Some(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$"))
            .description(Some("Residence time (Europe/Zurich), without an offset"))
            .examples(["2026-12-10T14:00:00"])
            .into()
    }
}

impl ToSchema for LocalDateTime {}

/// A day of the week, as chrono writes it.
#[derive(ToSchema)]
#[allow(dead_code)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}
