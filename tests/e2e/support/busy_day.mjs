// A busy day at the residence, today (the server's today, whatever the day of the week): six
// more activities, one of them with a long title, and three more announcements, one urgent, on
// top of the demo's. More than a kiosk screen holds, so that fitting and paging are tested on it.
import { staffApi } from './staff.mjs';

const ACTIVITIES = [
  ['08:30', '09:00', 'Lecture du journal', 'Zeitungslesen', 'Salon du 1er étage', 'Salon im 1. Stock', 'social'],
  ['09:15', '09:45', 'Étirements au réveil', 'Dehnen am Morgen', 'Salle polyvalente', 'Mehrzwecksaal', 'movement'],
  ['11:00', '11:45', 'Lecture à voix haute : contes et légendes du Valais', 'Vorlesen: Sagen und Legenden aus dem Wallis', 'Bibliothèque, 1er étage', 'Bibliothek, 1. Stock', 'memory'],
  ['13:30', '14:15', 'Jeux de cartes : jass, belote et rami avec les bénévoles de la paroisse', 'Kartenspiele: Jass, Belote und Rommé mit den Freiwilligen der Pfarrei', 'Cafétéria', 'Cafeteria', 'social'],
  ['16:30', '18:00', 'Film : « Heidi » (1952)', 'Film: «Heidi» (1952)', 'Salle polyvalente', 'Mehrzwecksaal', 'social'],
  ['19:00', '20:00', 'Veillée musicale avec l\u2019accordéoniste de Chippis', 'Musikabend mit dem Akkordeonisten aus Chippis', 'Cafétéria', 'Cafeteria', 'music'],
];

const ANNOUNCEMENTS = [
  ['urgent', 'Ascenseur B en panne ce matin : prenez l\u2019ascenseur A, le personnel vous aide.', 'Lift B heute Morgen defekt: Bitte Lift A benützen, das Personal hilft Ihnen.'],
  ['important', 'Vaccination contre la grippe jeudi matin au cabinet médical, sur rendez-vous à la réception.', 'Grippeimpfung am Donnerstagmorgen in der Arztpraxis, mit Termin am Empfang.'],
  ['normal', 'Le marché de Noël des résidents est ouvert tous les après-midi à la cafétéria : bricolages, biscuits et confitures maison au profit de l\u2019animation.', 'Der Weihnachtsmarkt der Bewohnerinnen und Bewohner ist jeden Nachmittag in der Cafeteria offen: Basteleien, Guetzli und hausgemachte Konfitüren zugunsten der Aktivierung.'],
];

/** Adds the busy day's content to the server. */
export async function makeBusyDay(server) {
  const api = await staffApi(server);
  const today = server.today();
  const tomorrow = new Date(Date.parse(`${today}T12:00:00Z`) + 86400e3).toISOString().slice(0, 10);
  for (const [starts, ends, fr, de, placeFr, placeDe, category] of ACTIVITIES) {
    await api.create('activities', {
      title: { fr, de }, place: { fr: placeFr, de: placeDe }, category,
      registration_required: false, wheelchair_accessible: true,
      starts_at: `${today}T${starts}:00`, ends_at: `${today}T${ends}:00`,
    });
  }
  for (const [priority, fr, de] of ANNOUNCEMENTS) {
    await api.create('announcements', {
      text: { fr, de }, priority, shown_from: `${today}T00:00:00`, shown_until: `${tomorrow}T00:00:00`,
    });
  }
}
