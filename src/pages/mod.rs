//! Two route trees over the same components: `phone`, every page a family opens on a phone or a
//! PC, rendered by the server; and `kiosk`, the lobby screen's, drawn in the browser.

#[cfg(feature = "csr")]
pub mod kiosk;
#[cfg(feature = "ssr")]
pub mod phone;
