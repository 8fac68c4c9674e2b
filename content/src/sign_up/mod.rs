//! Signing up for a dated event: a prevention session or an occurrence of an activity "sur
//! inscription". What the form sends (`SignUp`) and its validation, the places an event offers
//! (`Places`), where a new sign-up stands (`decide`) and who moves up when a place is given back
//! (`promoted`). Pure logic: the server runs it inside one write transaction, so that two
//! sign-ups can never take the same place.
//!
//! Places count people: a senior coming with a carer takes two.

mod event;
mod form;
pub mod message;
mod places;
mod staff_list;
mod standing;

pub use event::*;
pub use form::*;
pub use places::*;
pub use staff_list::*;
pub use standing::*;

#[cfg(test)]
mod tests;
