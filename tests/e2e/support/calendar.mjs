// Reading calendar files as a phone would: Mozilla's ical.js (Thunderbird's parser), which
// resolves each time through the file's own VTIMEZONE; and Sierre's wall clock, computed
// independently with Intl.
import ICAL from 'ical.js';

/** Parses an .ics text and returns its events, with their time zones registered. */
export function parseCalendar(text) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  for (const zone of calendar.getAllSubcomponents('vtimezone')) {
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  }
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
}

/** The UTC instant (ISO, to the second) of an ICAL.Time. */
export function utc(time) {
  return time.toJSDate().toISOString().replace('.000', '');
}

/** The wall-clock time in Zurich of an instant, independently of ical.js: "2026-11-22 15:00". */
export function zurichWallClock(date) {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Europe/Zurich', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The offset of Zurich from UTC at an instant, in hours (1 in winter, 2 in summer). */
export function zurichOffsetHours(date) {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: 'Europe/Zurich', timeZoneName: 'shortOffset' })
    .formatToParts(date).find((p) => p.type === 'timeZoneName').value;
  return Number(name.replace('GMT', '') || 0);
}

/** The instant of a wall-clock time in Sierre, "2026-11-24T10:05". */
export function sierreInstant(local) {
  const asIfUtc = new Date(`${local}:00Z`);
  return new Date(asIfUtc.getTime() - zurichOffsetHours(asIfUtc) * 3600e3);
}
