//! Printed documents, rendered on the server from the same content as the app: the week's
//! programme (A4 landscape for the boards, A3 for the entrance poster), the week's menus (A4)
//! and today's orientation sheet (A4 portrait, very large print), in French, German or both
//! (`lang=fr+de`), each with a QR code to the same content on the family view.
//!
//! They are plain HTML and print CSS (`@page` sets the paper): a browser prints them as they
//! are, the editor previews and prints them, and the kiosk's bundle knows nothing of them.
//! `maud` writes the HTML at compile time, escaping every text.

mod menus;
mod pictogram;
mod sign_up_list;
mod today;
mod week;
mod words;

use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::get;
use axum::Router;
use chrono::NaiveDate;
use maud::{html, Markup, PreEscaped, DOCTYPE};
use plantzette_content::format::long_date;
use plantzette_content::schedule::residence_now;
use plantzette_content::{Lang, Text, Week};
use serde::Deserialize;

use crate::error::ApiError;
use crate::http::query::parse_date;
use crate::AppState;
use words::{words, Words};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/print/week", get(week::show))
        .route("/print/menus", get(menus::show))
        .route("/print/today", get(today::show))
        .route("/print/sign-up-list/{*event}", get(sign_up_list::show))
        .route("/print/print.css", get(stylesheet))
}

const STYLESHEET: &str = include_str!("print.css");

async fn stylesheet() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "text/css; charset=utf-8"), (header::CACHE_CONTROL, "no-cache")], STYLESHEET)
}

/// `?from=2026-11-30&lang=fr+de&size=a3`: the day, or any day of the week, wanted (today by
/// default), the languages, and the paper.
#[derive(Default, Deserialize)]
pub struct PrintParams {
    from: Option<String>,
    lang: Option<String>,
    size: Option<String>,
}

/// What a document is asked for: its day and week, its languages (the first leads), its paper.
pub struct Asked {
    pub day: NaiveDate,
    pub week: Week,
    pub langs: Vec<Lang>,
    pub paper: Paper,
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Paper {
    A4,
    A3,
}

impl Paper {
    fn name(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::A3 => "a3",
        }
    }
}

impl PrintParams {
    /// Reads the parameters; `papers` are those the document comes in (the first by default).
    pub fn read(&self, papers: &[Paper]) -> Result<Asked, ApiError> {
        let day = match &self.from {
            Some(text) => parse_date("from", text)?,
            None => residence_now().date(),
        };
        // `fr+de` arrives as "fr de": a `+` in a query is a space.
        let langs = match &self.lang {
            None => vec![Lang::Fr],
            Some(text) => text
                .split(['+', ' ', ','])
                .filter(|code| !code.is_empty())
                .map(|code| {
                    Lang::from_code(code).ok_or_else(|| ApiError::BadRequest(format!("`lang` has {code:?}: fr, de, en, or two joined by + (fr+de)")))
                })
                .collect::<Result<Vec<_>, _>>()?,
        };
        if langs.is_empty() || langs.len() > 2 {
            return Err(ApiError::BadRequest("`lang` is one language or two joined by + (fr+de)".into()));
        }
        let paper = match self.size.as_deref() {
            None => papers[0],
            Some(name) => *papers.iter().find(|paper| paper.name() == name).ok_or_else(|| {
                ApiError::BadRequest(format!("`size` is one of {}", papers.iter().map(|p| p.name()).collect::<Vec<_>>().join(", ")))
            })?,
        };
        Ok(Asked { day, week: Week::containing(day), langs, paper })
    }
}

impl Asked {
    /// A label in each language asked for: "Programme de la semaine / Wochenprogramm".
    fn label(&self, pick: impl Fn(&Words) -> &'static str) -> String {
        self.joined(|lang| pick(words(lang)).to_string())
    }

    /// Anything said in each language, joined.
    fn joined(&self, say: impl Fn(Lang) -> String) -> String {
        let mut said: Vec<String> = Vec::new();
        for lang in &self.langs {
            let text = say(*lang);
            if !said.contains(&text) {
                said.push(text);
            }
        }
        said.join(" / ")
    }

    /// A content text in each language asked for, the second set apart; a missing translation
    /// is not printed twice.
    fn text(&self, text: &Text) -> Markup {
        let mut shown: Vec<(&str, &str)> = Vec::new();
        for lang in &self.langs {
            let localized = text.localized(*lang);
            if !shown.iter().any(|(said, _)| *said == localized.text) {
                shown.push((localized.text, if localized.is_fallback { "fr" } else { lang.code() }));
            }
        }
        html! {
            @for (index, (said, lang)) in shown.iter().enumerate() {
                span.second[index > 0] lang=(lang) { (said) }
            }
        }
    }
}

/// The page around a document: its paper, its header (the residence, the title, the period,
/// the date of printing, and the QR code to the same content on a phone).
struct Sheet<'a> {
    asked: &'a Asked,
    /// `week-a4`, `menus-a4`, `today-a4`: the CSS page it prints on.
    page: String,
    residence: String,
    title: String,
    period: String,
    /// The family view's address of the same content, for its QR code; none for a staff's
    /// document.
    link: Option<String>,
    /// Whether the header says when it was printed (today's sheet is its own date).
    dated: bool,
}

impl Sheet<'_> {
    fn header(&self) -> Markup {
        let printed = self.dated.then(|| self.asked.joined(|lang| format!("{} {}", words(lang).printed_on, long_date(residence_now().date(), lang))));
        html! {
            header.sheet-header {
                div.titles {
                    p.residence { (self.residence) }
                    h1 { (self.title) }
                    p.period { (self.period) }
                    @if let Some(printed) = printed { p.printed { (printed) } }
                }
                @if let Some(link) = &self.link {
                    figure.qr {
                        (qr_code(link))
                        figcaption { (self.asked.label(|w| w.on_your_phone)) }
                    }
                }
            }
        }
    }

    fn render(&self, body: Markup) -> Markup {
        let lang = self.asked.langs[0];
        html! {
            (DOCTYPE)
            html lang=(lang.code()) {
                head {
                    meta charset="utf-8";
                    title { (self.title) " · " (self.residence) }
                    link rel="stylesheet" href="/print/print.css";
                    link rel="icon" href="/icons/icon.svg" type="image/svg+xml";
                }
                body.sheet.(self.page).two-languages[self.asked.langs.len() > 1] {
                    (body)
                }
            }
        }
    }
}

/// A QR code of `link` as SVG, dark on white, with its quiet zone; a link too long for a QR code
/// is printed as its address instead, for a reader to type.
fn qr_code(link: &str) -> Markup {
    match crate::qr::svg(link) {
        Some(svg) => PreEscaped(svg),
        None => html! { p.qr-address { (link) } },
    }
}

/// "Saison\u{a0}: ", "Jahreszeit: ": French sets a narrow space before its colon.
fn colon(lang: Lang) -> &'static str {
    if lang == Lang::Fr {
        "\u{a0}: "
    } else {
        ": "
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_link_too_long_for_a_qr_code_is_printed_as_its_address() {
        let short = qr_code("https://plantzette.example.ch/activities").into_string();
        assert!(short.starts_with("<svg"), "{short}");
        let long = format!("https://plantzette.example.ch/activities?{}", "x".repeat(4000));
        let printed = qr_code(&long).into_string();
        assert!(printed.contains("qr-address") && printed.contains(&long), "the address in place of the code");
    }
}
