import { describe, expect, it } from 'vitest';
import { parseTimestamp } from './event-timestamp';

describe('event timestamps', () => {
  it('reads every ISO form as Date.parse does', () => {
    const texts = [
      '2026-11-28T14:05:09.123Z', '2026-11-28T14:05:09Z', '1970-01-01T00:00:00.000Z', '1969-12-31T23:59:59.999Z', '2000-02-29T12:00:00Z', '2100-03-01T00:00:00Z',
      '2026-02-30T00:00:00Z', '2026-04-31T00:00:00Z', '2026-11-28T24:00:00Z', '2026-11-28T23:59:60Z', '2026-13-01T00:00:00Z', '2026-00-10T00:00:00Z', '2026-11-00T00:00:00Z',
      '2026-11-28T10:00:00.5Z', '2026-11-28T10:00:00.123456Z', '2026-11-28T10:00Z', '2026-11-28T10:00:00', '2026-11-28T10:00:00+02:00', '2026-11-28', 'yesterday', '',
      '2026-11-28T1a:00:00Z', '2026-11-28T10:00:00.1a3Z', '2026/11/28T10:00:00Z', '+02026-11-28T10:00:00Z',
    ];
    // Every month boundary of four centuries, at random times of day.
    for (let year = 1900; year <= 2300; year += 7) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 28, 29, 30, 31]) {
          const at = Date.UTC(year, month - 1, 1) + (day - 1) * 86_400_000 + Math.floor(Math.random() * 86_400_000);
          const iso = new Date(at).toISOString();
          texts.push(iso, iso.replace(/\.\d{3}Z$/, 'Z'), `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}T00:00:00Z`);
        }
      }
    }
    for (const text of texts) expect([text, parseTimestamp(text)]).toEqual([text, Date.parse(text)]);
  });
});
