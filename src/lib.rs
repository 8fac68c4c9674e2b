//! The Plantzette app: the residence's day, activities, menus, prevention programmes and practical
//! info, for the lobby kiosk and for families' phones. One crate of components, built three ways:
//!
//! - `csr`: the lobby kiosk, a single-page app in the browser (Trunk, `src/main.rs`): its pages
//!   (`pages::kiosk`) and what a screen that runs for months needs besides (`kiosk`);
//! - `ssr`: the families' pages, rendered by the server (`pages::phone`, which the server calls);
//! - `hydrate`: those pages' islands in the browser (`islands`), the only code a phone runs.
//!
//! Both route trees draw the content with the same `components`, in the words of `i18n`.

#[cfg(any(feature = "csr", feature = "ssr"))]
mod components;
#[cfg(any(feature = "csr", feature = "ssr"))]
pub mod i18n;
#[cfg(any(feature = "ssr", feature = "hydrate"))]
pub mod islands;
#[cfg(feature = "csr")]
mod kiosk;
#[cfg(any(feature = "csr", feature = "ssr"))]
pub mod pages;

#[cfg(feature = "csr")]
pub use pages::kiosk::App;
