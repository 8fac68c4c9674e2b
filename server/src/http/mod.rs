//! What every HTTP adapter shares (the API, the families' pages, the prints): reading a JSON
//! body and its `If-Match`, query dates, ETags and the read cache in front of everything, and the
//! day's bounds on what one address may send.

pub mod body;
pub mod daily_limits;
pub mod etag;
pub mod query;
pub mod read_cache;
