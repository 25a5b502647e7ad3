import { describe, expect, it } from 'vitest';
import { expandOccurrences } from '../../../../electron/core/domain/calendar/recurrence';
import { fromLocalMs, toLocalMs } from '../../../../electron/core/domain/calendar/zoned-time';

const HOUR = 3_600_000;
const berlin = (local: string) => fromLocalMs(Date.parse(`${local}Z`), 'Europe/Berlin');
const iso = (ms: number) => new Date(ms).toISOString();

describe('time zones and DST (docs/calendar.md, "Recurrence and DST")', () => {
  it('a window across the spring-forward night has its real length', () => {
    // 01:00–04:00 local on 2026-03-29: the clocks jump from 02:00 to 03:00, so two hours pass.
    expect((berlin('2026-03-29T04:00:00') - berlin('2026-03-29T01:00:00')) / HOUR).toBe(2);
  });

  it('a window across the fall-back night has its real length', () => {
    // 01:00–04:00 local on 2026-10-25: 02:00–03:00 happens twice, so four hours pass.
    expect((berlin('2026-10-25T04:00:00') - berlin('2026-10-25T01:00:00')) / HOUR).toBe(4);
  });

  it('a local time in the spring-forward gap moves forward by the gap (RFC 5545 §3.3.5)', () => {
    expect(iso(berlin('2026-03-29T02:30:00'))).toBe('2026-03-29T01:30:00.000Z'); // 03:30 CEST
    expect(iso(toLocalMs(berlin('2026-03-29T02:30:00'), 'Europe/Berlin'))).toBe('2026-03-29T03:30:00.000Z');
  });

  it('a local time in the repeated fall-back hour is the first of the two', () => {
    expect(iso(berlin('2026-10-25T02:30:00'))).toBe('2026-10-25T00:30:00.000Z'); // 02:30 CEST, not CET
  });

  it('a weekly 02:30 window happens at 03:30 on the day without 02:30, and at 02:30 local otherwise', () => {
    const window = { start: '2026-03-15T01:30:00Z', end: '2026-03-15T02:30:00Z', timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY', exceptionDates: [] };
    const occurrences = expandOccurrences(window, Date.parse('2026-03-14T00:00:00Z'), Date.parse('2026-04-06T00:00:00Z'));
    const local = occurrences.map((o) => [iso(toLocalMs(o.start, 'Europe/Berlin')).slice(0, 16), iso(toLocalMs(o.end, 'Europe/Berlin')).slice(11, 16)]);
    expect(local).toEqual([
      ['2026-03-15T02:30', '03:30'],
      ['2026-03-22T02:30', '03:30'],
      ['2026-03-29T03:30', '04:30'], // shifted by the gap, same length
      ['2026-04-05T02:30', '03:30'],
    ]);
  });

  it('a weekly Saturday 22:00–06:00 window stays at 22:00–06:00 local across both changes', () => {
    const window = { start: '2026-01-03T21:00:00Z', end: '2026-01-04T05:00:00Z', timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;BYDAY=SA', exceptionDates: [] };
    const lengths = (from: string, to: string) =>
      expandOccurrences(window, Date.parse(from), Date.parse(to)).map((o) => [iso(toLocalMs(o.start, 'Europe/Berlin')).slice(0, 16), (o.end - o.start) / HOUR]);
    expect(lengths('2026-03-21T00:00:00Z', '2026-04-05T00:00:00Z')).toEqual([
      ['2026-03-21T22:00', 8],
      ['2026-03-28T22:00', 7],
      ['2026-04-04T22:00', 8],
    ]);
    expect(lengths('2026-10-24T00:00:00Z', '2026-11-01T00:00:00Z')).toEqual([
      ['2026-10-24T22:00', 9],
      ['2026-10-31T22:00', 8],
    ]);
  });

  it('works the same in the southern hemisphere and in zones with half-hour offsets', () => {
    // Australia/Sydney leaves DST on 2026-04-05 at 03:00 → 02:00; Asia/Kolkata has no DST at +05:30.
    const sydney = (local: string) => fromLocalMs(Date.parse(`${local}Z`), 'Australia/Sydney');
    expect((sydney('2026-04-05T04:00:00') - sydney('2026-04-05T01:00:00')) / HOUR).toBe(4);
    expect(iso(fromLocalMs(Date.parse('2026-06-01T12:00:00Z'), 'Asia/Kolkata'))).toBe('2026-06-01T06:30:00.000Z');
  });
});
