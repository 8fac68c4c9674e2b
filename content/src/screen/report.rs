//! What a screen reports every minute and on a change: what it shows, and its errors.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::text::Lang;

/// One error as a screen reports it; longer ones are cut, not refused (a screen cannot retype).
pub const ERROR_TEXT: usize = 300;
/// Errors in one report; the earlier ones beyond are dropped.
pub const ERRORS_PER_REPORT: usize = 20;

/// A screen's report, every minute and on change.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, ToSchema)]
pub struct ScreenReport {
    /// The content version it last heard of; none before its first.
    pub content_version: Option<i64>,
    pub app_build: String,
    pub language: Lang,
    pub uptime_seconds: u64,
    /// Errors since its last report.
    #[serde(default)]
    pub errors: Vec<String>,
    /// The alarm it shows.
    #[serde(default)]
    pub alarm: Option<i64>,
}

impl ScreenReport {
    /// Kept as sent, but within bounds: a screen in trouble must still be heard.
    pub fn bounded(mut self) -> ScreenReport {
        cut(&mut self.app_build, 40);
        // The latest are kept: the last of them is the screen's last error.
        let beyond = self.errors.len().saturating_sub(ERRORS_PER_REPORT);
        self.errors.drain(..beyond);
        for error in &mut self.errors {
            cut(error, ERROR_TEXT);
        }
        self
    }
}

/// `text` cut to `chars` characters (never inside one: `String::truncate` would panic there).
fn cut(text: &mut String, chars: usize) {
    if let Some((at, _)) = text.char_indices().nth(chars) {
        text.truncate(at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_keeps_its_latest_twenty_errors_of_three_hundred_characters_at_most() {
        let report = ScreenReport {
            content_version: Some(3),
            // Multi-byte characters across the cut, as a broken or hostile screen may send.
            app_build: "€".repeat(100),
            language: Lang::De,
            uptime_seconds: 60,
            errors: (0..50).map(|n| format!("{n} {}", "é".repeat(1000))).collect(),
            alarm: None,
        }
        .bounded();
        assert_eq!(report.errors.len(), ERRORS_PER_REPORT);
        assert_eq!(report.errors[0].chars().count(), ERROR_TEXT);
        assert!(report.errors[0].starts_with("30 ") && report.errors.last().unwrap().starts_with("49 "), "the latest are kept");
        assert_eq!(report.app_build.chars().count(), 40);
    }
}
