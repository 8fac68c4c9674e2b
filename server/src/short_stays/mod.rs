//! Short-stay beds (`plantzette_content::short_stay`) as stored and used: the calendar staff keep
//! (`calendar.rs`), the requests for a stay (`requests.rs`), what the public and partners do with
//! them whichever adapter they come through (`public.rs`), and the hourly tidying (`jobs.rs`).

mod calendar;
mod jobs;
mod public;
mod requests;

pub use calendar::*;
pub use jobs::*;
pub use public::*;
pub use requests::*;

use crate::audit::Change;

/// The audit log's names for beds and requests.
const BEDS: &str = "short_stay_beds";
const REQUESTS: &str = "stay_requests";

fn audited(action: &'static str, collection: &'static str, id: i64, body: String) -> Change {
    Change { action, collection: Some(collection), item_id: Some(id), version: None, body: Some(body) }
}
