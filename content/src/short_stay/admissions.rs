//! What the admissions office is told when a request for a stay comes: its number, the dates,
//! who asks (as a kind, never a name) and why, and where to read it. Who asked and how to reach
//! them stay in the editor, behind its login: the message crosses servers that are not the
//! residence's. In French and in German, one after the other: the office of a home in bilingual
//! Valais may read either, and the address is the office's, not a person's with a language.

use crate::format::date_in_words;
use crate::letter::Letter;
use crate::text::Lang;

use super::StayRequest;

/// The message announcing request `id`.
pub fn admissions_letter(id: i64, request: &StayRequest) -> Letter {
    let subject = format!("{} / {}", subject(id, request, Lang::Fr), subject(id, request, Lang::De));
    let body = format!("{}\n---\n\n{}", body(id, request, Lang::Fr), body(id, request, Lang::De));
    Letter { subject, body }
}

fn subject(id: i64, request: &StayRequest, lang: Lang) -> String {
    let from = date_in_words(request.from, lang);
    match lang {
        Lang::De => format!("Anfrage für einen Kurzaufenthalt Nr. {id}, ab {from}"),
        Lang::Fr | Lang::En => format!("Demande de court séjour n° {id}, dès le {from}"),
    }
}

fn body(id: i64, request: &StayRequest, lang: Lang) -> String {
    let (from, to) = (date_in_words(request.from, lang), date_in_words(request.to, lang));
    let asker = request.asker.label(lang);
    let flexibility = request.flexibility.label(lang).to_lowercase();
    let reason = request.reason.label(lang);
    match lang {
        Lang::De => format!(
            "Die Anfrage für einen Kurzaufenthalt Nr. {id} ist eingegangen.\n\n\
             Angefragt von: {asker}\n\
             Gewünschte Daten: vom {from} bis {to} ({flexibility})\n\
             Grund: {reason}\n\n\
             Die Anfrage und die Kontaktangaben stehen im Editor, Seite «Kurzaufenthalt», unter «Anfragen für Kurzaufenthalte».\n\
             Diese Nachricht enthält keine Personendaten.\n"
        ),
        Lang::Fr | Lang::En => format!(
            "La demande de court séjour n° {id} est arrivée.\n\n\
             Demandé par : {asker}\n\
             Dates souhaitées : du {from} au {to} ({flexibility})\n\
             Raison : {reason}\n\n\
             La demande et les coordonnées sont dans l'éditeur, page « Court séjour », sous « Demandes de court séjour ».\n\
             Ce message ne contient aucune donnée personnelle.\n"
        ),
    }
}
