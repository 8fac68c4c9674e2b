//! Any date an address can name, on every public query parameter and path that reads one: the
//! server answers (a 400 with a JSON error for what is no date of the contract), never a closed
//! connection or a 5xx. Property-based: proptest writes the dates, and shrinks a failure to its
//! simplest form.

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

use crate::helpers::spawn_app;

/// Where a date can be given, with `{}` standing for it.
const PLACES: [&str; 12] = [
    "/api/v1/activities?from={}",
    "/api/v1/activities?to={}",
    "/api/v1/menus?from={}&to={}",
    "/api/v1/programmes?from={}",
    "/api/v1/announcements?to={}",
    "/api/v1/today?date={}",
    "/api/v1/calendar/activities/1/{}.ics",
    "/print/week?from={}",
    "/print/week?from={}&size=a3&lang=fr+de",
    "/print/menus?from={}",
    "/print/today?from={}",
    "/print/today?from={}&lang=de",
];

/// Dates at the calendar's ends, around the contract's window, malformed, and any text.
fn dates() -> impl Strategy<Value = String> {
    prop_oneof![
        (any::<i32>(), 1u32..=12, 1u32..=31).prop_map(|(year, month, day)| format!("{year:+}-{month:02}-{day:02}")),
        (-262_144i32..=262_143, 0u32..=13, 0u32..=32).prop_map(|(year, month, day)| format!("{year}-{month:02}-{day:02}")),
        (2018i32..=2101, 1u32..=12, 1u32..=31).prop_map(|(year, month, day)| format!("{year:04}-{month:02}-{day:02}")),
        Just("+262142-12-31".to_string()),
        Just("-262143-01-01".to_string()),
        "[-+0-9]{1,9}-[0-9]{1,3}-[0-9]{1,3}",
        any::<String>(),
    ]
}

/// `text` as one query value or path segment.
fn encoded(text: &str) -> String {
    text.bytes().map(|byte| if byte.is_ascii_alphanumeric() || byte == b'-' { (byte as char).to_string() } else { format!("%{byte:02X}") }).collect()
}

#[test]
fn any_date_in_an_address_gets_an_answer_and_never_a_server_error() {
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let app = runtime.block_on(spawn_app());
    let mut runner = TestRunner::new(Config { cases: 300, failure_persistence: None, ..Config::default() });
    runner
        .run(&(0..PLACES.len(), dates()), |(place, date)| {
            let path = PLACES[place].replace("{}", &encoded(&date));
            let status = runtime.block_on(async { app.client.get(app.url(&path)).send().await.map(|response| response.status().as_u16()) });
            let status = status.map_err(|error| TestCaseError::fail(format!("GET {path}: no answer ({error})")))?;
            prop_assert!(status < 500, "GET {} answered {}", path, status);
            Ok(())
        })
        .unwrap();
}
