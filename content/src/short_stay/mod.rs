//! Short-stay beds and the requests for them. Staff keep a calendar: each bed's days free,
//! reserved or closed, eight weeks ahead, and extra beds opened for a period when the hospitals
//! are congested. The public and partners see free beds by day and free periods by bed, never a
//! person (`Availability`); a family, a doctor or the hospital's discharge service asks for a stay
//! with `StayRequest`, which holds nothing about health: the CMS calls back.

mod admissions;
mod availability;
mod beds;
mod replacing;
mod request;
mod request_entry;

pub use admissions::*;
pub use availability::*;
pub use beds::*;
pub use replacing::*;
pub use request::*;
pub use request_entry::*;

#[cfg(test)]
mod tests;
