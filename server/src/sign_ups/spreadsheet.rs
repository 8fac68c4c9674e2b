//! An event's list as a spreadsheet for staff, in their language (the editor's): the words of
//! the status and attendance, not their codes. A course's roster has a column of attendance per
//! session ("Présence 14.01.").

use plantzette_content::sign_up::EventList;
use plantzette_content::Lang;

/// The file's name before the event's key: "inscriptions", "anmeldungen".
pub fn file_name(lang: Lang) -> &'static str {
    match lang {
        Lang::De => "anmeldungen",
        Lang::Fr | Lang::En => "inscriptions",
    }
}

/// The list as Excel opens it with its accents: UTF-8 with a byte-order mark, `;` between
/// fields (the list separator of Swiss French and German Excel), every field quoted, and a field
/// that Excel would read as a formula made text.
pub fn csv(list: &EventList, lang: Lang) -> String {
    let field = |value: &str| format!("\"{}\"", inert(value).replace('"', "\"\""));
    let header = match lang {
        Lang::De => ["Status", "Rang", "Name", "Telefon", "E-Mail", "Personen", "Sprache", "Bemerkung", "Anwesenheit", "Angemeldet von"],
        Lang::En => ["Status", "Rank", "Name", "Phone", "E-mail", "People", "Language", "Note", "Attendance", "Signed up by"],
        Lang::Fr => ["Statut", "Rang", "Nom", "Téléphone", "E-mail", "Personnes", "Langue", "Remarque", "Présence", "Inscrit par"],
    };
    let mut header: Vec<String> = header.iter().map(|h| h.to_string()).collect();
    if !list.sessions.is_empty() {
        let attendance = header.remove(8);
        let columns = list.sessions.iter().map(|s| format!("{attendance} {}", s.starts_at.format("%d.%m.")));
        header.splice(8..8, columns);
    }
    let mut out = format!("\u{feff}{}\r\n", header.iter().map(|h| field(h)).collect::<Vec<_>>().join(";"));
    for entry in &list.entries {
        let mut row = vec![
            entry.status.label(lang).to_string(),
            entry.position.map(|p| p.to_string()).unwrap_or_default(),
            entry.name.clone().unwrap_or_default(),
            entry.phone.clone().unwrap_or_default(),
            entry.email.clone().unwrap_or_default(),
            entry.people.to_string(),
            entry.lang.code().to_string(),
            entry.note.clone().unwrap_or_default(),
            entry.attendance.map(|a| a.label(lang).to_string()).unwrap_or_default(),
            entry.by_staff.clone().unwrap_or_default(),
        ];
        if !list.sessions.is_empty() {
            let label = |a: &Option<_>| a.map(|a: plantzette_content::sign_up::Attendance| a.label(lang).to_string()).unwrap_or_default();
            let per_session: Vec<String> = (0..list.sessions.len()).map(|i| label(entry.attended.get(i).unwrap_or(&None))).collect();
            row.splice(8..9, per_session);
        }
        out.push_str(&row.iter().map(|value| field(value)).collect::<Vec<_>>().join(";"));
        out.push_str("\r\n");
    }
    out
}

/// `value` as no spreadsheet reads a formula, however it splits the line (`;` as Swiss Excel,
/// `,` or a tab as others, quotes or not): a `'` before a formula's first character (`=`, `+`,
/// `-`, `@`) at the start and after each separator inside.
fn inert(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 1);
    let mut at_start = true;
    for c in value.chars() {
        if at_start && matches!(c, '=' | '+' | '-' | '@') {
            out.push('\'');
        }
        out.push(c);
        at_start = matches!(c, ',' | ';' | '\t' | '\r' | '\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn no_cell_reads_as_a_formula_whatever_the_separator() {
        assert_eq!(inert("Marie Favre"), "Marie Favre");
        assert_eq!(inert("=1+1"), "'=1+1");
        assert_eq!(inert("Rey,=cmd|' /C calc'!A0"), "Rey,'=cmd|' /C calc'!A0");
        assert_eq!(inert("a;@SUM(1)\t-2"), "a;'@SUM(1)\t'-2");
        assert_eq!(inert("027 455-12-34"), "027 455-12-34", "a dash inside a number stays");
    }
}
