/**
 * Epoch milliseconds of an event's ISO timestamp, as Date.parse reads it. The form serving systems
 * send (`toISOString()`: `2026-11-28T14:05:09.123Z`, or without the fraction) is read digit by
 * digit, five times faster than Date.parse, which cost a sixth of validating an event; any other
 * form goes to Date.parse.
 */
export function parseTimestamp(text: string): number {
  const n = text.length;
  if ((n !== 24 && n !== 20) || text.charCodeAt(n - 1) !== 90 /* Z */) return Date.parse(text);
  if (text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45 || text.charCodeAt(10) !== 84 || text.charCodeAt(13) !== 58 || text.charCodeAt(16) !== 58) return Date.parse(text);
  if (n === 24 && text.charCodeAt(19) !== 46) return Date.parse(text);
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  const hour = digits(text, 11, 2);
  const minute = digits(text, 14, 2);
  const second = digits(text, 17, 2);
  const ms = n === 24 ? digits(text, 20, 3) : 0;
  // Date.parse takes days 1–31 in any month (30 February is 2 March); hour 24 goes to it.
  if (!(year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= 31 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59 && ms >= 0)) return Date.parse(text);
  return ((daysFromCivil(year, month) + day - 1) * 24 + hour) * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}

/** The number the `count` decimal digits at `from` spell, or -1 if one is not a digit. */
function digits(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

/** Days from 1970-01-01 to the first of the month (proleptic Gregorian; Howard Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5);
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}
