//! How dates, times and prices read in each language, the Swiss way: 24-hour times, "CHF 80.–".

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike, Weekday};

use crate::text::Lang;

pub fn weekday_name(day: Weekday, lang: Lang) -> &'static str {
    let index = day.num_days_from_monday() as usize;
    match lang {
        Lang::Fr => ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"][index],
        Lang::De => ["Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"][index],
        Lang::En => ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][index],
    }
}

fn month_name(month: u32, lang: Lang) -> &'static str {
    let index = month as usize - 1;
    match lang {
        Lang::Fr => ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"][index],
        Lang::De => ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"][index],
        Lang::En => ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"][index],
    }
}

/// "mardi 24 novembre 2026", "Dienstag, 24. November 2026", "Tuesday 24 November 2026".
pub fn long_date(date: NaiveDate, lang: Lang) -> String {
    let weekday = weekday_name(date.weekday(), lang);
    let separator = if lang == Lang::De { ", " } else { " " };
    format!("{weekday}{separator}{}", date_in_words(date, lang))
}

/// "24 novembre 2026", "24. November 2026", "24 November 2026": the date without its weekday.
pub fn date_in_words(date: NaiveDate, lang: Lang) -> String {
    format!("{} {}", day_and_month(date, lang), date.year())
}

/// "1er décembre", "14. Dezember", "14 December": a date within the coming weeks.
pub fn day_and_month(date: NaiveDate, lang: Lang) -> String {
    let (day, month) = (date.day(), month_name(date.month(), lang));
    match lang {
        Lang::Fr => format!("{} {month}", if day == 1 { "1er".to_string() } else { day.to_string() }),
        Lang::De => format!("{day}. {month}"),
        Lang::En => format!("{day} {month}"),
    }
}

/// "mardi 24 novembre" without the year, for headings within a week.
pub fn day_heading(date: NaiveDate, lang: Lang) -> String {
    let full = long_date(date, lang);
    full.trim_end_matches(&format!(" {}", date.year())).to_string()
}

/// "lun.", "Mo", "Mon": a weekday where seven stand in a row.
pub fn weekday_short(day: Weekday, lang: Lang) -> &'static str {
    let index = day.num_days_from_monday() as usize;
    match lang {
        Lang::Fr => ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."][index],
        Lang::De => ["Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"][index],
        Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][index],
    }
}

/// "lun. 30", "Mo 30.", "Mon 30": a day of the week on a button small enough for seven in a row.
pub fn short_day(date: NaiveDate, lang: Lang) -> String {
    let (weekday, day) = (weekday_short(date.weekday(), lang), date.day());
    match lang {
        Lang::Fr => format!("{weekday} {day}"),
        Lang::De => format!("{weekday} {day}."),
        Lang::En => format!("{weekday} {day}"),
    }
}

/// A week's span, as short as reads well: "16 – 22 novembre 2026", "30 novembre – 6 décembre 2026",
/// "16.–22. November 2026", "16–22 November 2026".
pub fn week_span(monday: NaiveDate, sunday: NaiveDate, lang: Lang) -> String {
    let year = sunday.year();
    let (first, last) = (monday.day(), sunday.day());
    let month = |date: NaiveDate| month_name(date.month(), lang);
    let first_day = |day: u32| {
        if lang == Lang::Fr && day == 1 {
            "1er".to_string()
        } else {
            day.to_string()
        }
    };
    let same_month = monday.month() == sunday.month();
    match (lang, same_month) {
        (Lang::Fr, true) => format!("{} – {last} {} {year}", first_day(first), month(sunday)),
        (Lang::Fr, false) => format!("{} {} – {last} {} {year}", first_day(first), month(monday), month(sunday)),
        (Lang::De, true) => format!("{first}.–{last}. {} {year}", month(sunday)),
        (Lang::De, false) => format!("{first}. {} – {last}. {} {year}", month(monday), month(sunday)),
        (Lang::En, true) => format!("{first}–{last} {} {year}", month(sunday)),
        (Lang::En, false) => format!("{first} {} – {last} {} {year}", month(monday), month(sunday)),
    }
}

/// "14:30", the 24-hour time, of a time or of a date and time. Written out rather than with
/// chrono's `format`: its strftime machinery would cost the app's bundle several kilobytes.
pub fn time(at: impl Timelike) -> String {
    format!("{:02}:{:02}", at.hour(), at.minute())
}

/// Reads "14:30" (or "7:05"), as staff and kiosk settings write a time of day.
pub fn parse_time(text: &str) -> Option<NaiveTime> {
    let (hours, minutes) = text.trim().split_once(':')?;
    let number = |part: &str, digits: std::ops::RangeInclusive<usize>| -> Option<u32> {
        (digits.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())).then(|| part.parse().ok()).flatten()
    };
    NaiveTime::from_hms_opt(number(hours, 1..=2)?, number(minutes, 2..=2)?, 0)
}

/// "14:00–15:30".
pub fn time_span(starts: impl Timelike, ends: impl Timelike) -> String {
    format!("{}–{}", time(starts), time(ends))
}

/// "CHF 80.–" for whole francs, "CHF 12.50" otherwise; zero is "free" in words.
pub fn price(centimes: u32, lang: Lang) -> String {
    match (centimes, lang) {
        (0, Lang::Fr) => "Gratuit".into(),
        (0, Lang::De) => "Kostenlos".into(),
        (0, Lang::En) => "Free".into(),
        (c, _) if c % 100 == 0 => format!("CHF {}.–", c / 100),
        (c, _) => format!("CHF {}.{:02}", c / 100, c % 100),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDateTime;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    #[test]
    fn short_days_name_the_weekday_and_the_date() {
        assert_eq!(short_day(date("2026-11-30"), Lang::Fr), "lun. 30");
        assert_eq!(short_day(date("2026-12-03"), Lang::De), "Do 3.");
        assert_eq!(short_day(date("2026-12-06"), Lang::En), "Sun 6");
    }

    #[test]
    fn long_dates_read_naturally_in_each_language() {
        assert_eq!(long_date(date("2026-11-24"), Lang::Fr), "mardi 24 novembre 2026");
        assert_eq!(long_date(date("2026-12-01"), Lang::Fr), "mardi 1er décembre 2026");
        assert_eq!(long_date(date("2026-11-24"), Lang::De), "Dienstag, 24. November 2026");
        assert_eq!(day_heading(date("2026-11-24"), Lang::En), "Tuesday 24 November");
        assert_eq!(date_in_words(date("2026-12-01"), Lang::Fr), "1er décembre 2026");
        assert_eq!(date_in_words(date("2026-12-01"), Lang::De), "1. Dezember 2026");
    }

    #[test]
    fn week_spans_name_the_month_once_when_they_can() {
        let (monday, sunday) = (date("2026-11-16"), date("2026-11-22"));
        assert_eq!(week_span(monday, sunday, Lang::Fr), "16 – 22 novembre 2026");
        assert_eq!(week_span(monday, sunday, Lang::De), "16.–22. November 2026");
        assert_eq!(week_span(monday, sunday, Lang::En), "16–22 November 2026");
        let (monday, sunday) = (date("2026-11-30"), date("2026-12-06"));
        assert_eq!(week_span(monday, sunday, Lang::Fr), "30 novembre – 6 décembre 2026");
        assert_eq!(week_span(monday, sunday, Lang::De), "30. November – 6. Dezember 2026");
    }

    #[test]
    fn week_across_the_new_year_is_named_by_its_sunday_s_year() {
        assert_eq!(week_span(date("2026-12-28"), date("2027-01-03"), Lang::Fr), "28 décembre – 3 janvier 2027");
    }

    #[test]
    fn times_use_the_24_hour_clock() {
        let at = NaiveDateTime::parse_from_str("2026-11-24 14:05", "%Y-%m-%d %H:%M").unwrap();
        assert_eq!(time(at), "14:05");
        assert_eq!(time(at.time()), "14:05");
        assert_eq!(time(NaiveTime::from_hms_opt(7, 0, 0).unwrap()), "07:00");
    }

    #[test]
    fn a_time_of_day_is_read_as_written() {
        assert_eq!(parse_time("07:00"), NaiveTime::from_hms_opt(7, 0, 0));
        assert_eq!(parse_time(" 6:30 "), NaiveTime::from_hms_opt(6, 30, 0));
        assert_eq!(parse_time("23:59"), NaiveTime::from_hms_opt(23, 59, 0));
        for wrong in ["24:00", "12:60", "12", "12:5", "1230", "ab:cd", "+1:30", "", "12:30:00"] {
            assert_eq!(parse_time(wrong), None, "{wrong:?}");
        }
    }

    #[test]
    fn prices_follow_swiss_usage() {
        assert_eq!(price(8000, Lang::Fr), "CHF 80.–");
        assert_eq!(price(1250, Lang::De), "CHF 12.50");
        assert_eq!(price(0, Lang::De), "Kostenlos");
    }
}
