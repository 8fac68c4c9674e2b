//! Calls `tick` every `every` (none: not at all), armed again whenever the pace changes: a
//! kiosk's pace comes from its settings, which staff change while it runs.
//!
//! ```ignore
//! use_interval(move || settings.with(|s| Some(Duration::from_secs(s.highlight_seconds.into()))), turn);
//! ```

use std::time::Duration;

use leptos::prelude::*;

pub fn use_interval(every: impl Fn() -> Option<Duration> + 'static, tick: impl Fn() + Copy + 'static) {
    let armed = StoredValue::new(None::<IntervalHandle>);
    Effect::watch(
        every,
        move |every, _, _| {
            if let Some(previous) = armed.get_value() {
                previous.clear();
            }
            armed.set_value(every.and_then(|every| set_interval_with_handle(tick, every).ok()));
        },
        true,
    );
}
