import { describe, expect, it } from 'vitest';
import { expandOccurrences, recurrenceRuleProblem } from '../../../../electron/core/domain/calendar/recurrence';

const base = { start: '2026-12-05T21:00:00Z', end: '2026-12-06T05:00:00Z', timeZone: 'Europe/Berlin', exceptionDates: [] as string[] };
const starts = (w: Parameters<typeof expandOccurrences>[0], from: string, to: string) =>
  expandOccurrences(w, Date.parse(from), Date.parse(to)).map((o) => new Date(o.start).toISOString());

describe('recurrence', () => {
  it('a one-off window is its own single occurrence when it overlaps the range', () => {
    expect(starts({ ...base, rrule: null }, '2026-12-06T00:00:00Z', '2026-12-07T00:00:00Z')).toEqual(['2026-12-05T21:00:00.000Z']);
    expect(starts({ ...base, rrule: null }, '2026-12-06T05:00:00Z', '2026-12-07T00:00:00Z')).toEqual([]);
  });

  it('skips exception dates (local dates in the window zone) and honours COUNT and UNTIL', () => {
    const weekly = { ...base, rrule: 'FREQ=WEEKLY', exceptionDates: ['2026-12-26'] };
    expect(starts(weekly, '2026-12-01T00:00:00Z', '2027-01-10T00:00:00Z')).toEqual([
      '2026-12-05T21:00:00.000Z',
      '2026-12-12T21:00:00.000Z',
      '2026-12-19T21:00:00.000Z',
      '2027-01-02T21:00:00.000Z',
      '2027-01-09T21:00:00.000Z',
    ]);
    expect(starts({ ...base, rrule: 'FREQ=WEEKLY;COUNT=2' }, '2026-12-01T00:00:00Z', '2027-02-01T00:00:00Z')).toHaveLength(2);
    // UNTIL is an instant: the 19 Dec occurrence starts at 21:00Z, so an UNTIL of 21:00Z includes it.
    expect(starts({ ...base, rrule: 'FREQ=WEEKLY;UNTIL=20261219T210000Z' }, '2026-12-01T00:00:00Z', '2027-02-01T00:00:00Z')).toHaveLength(3);
  });

  it('returns only occurrences overlapping the range, including one that started before it', () => {
    const daily = { ...base, rrule: 'FREQ=DAILY' };
    expect(starts(daily, '2027-03-10T01:00:00Z', '2027-03-10T02:00:00Z')).toEqual(['2027-03-09T21:00:00.000Z']);
  });

  it('explains rules it cannot use', () => {
    expect(recurrenceRuleProblem('FREQ=WEEKLY;BYDAY=SA', base)).toBeNull();
    expect(recurrenceRuleProblem('FREQ=HOURLY', base)).toMatch(/FREQ=HOURLY is not allowed/);
    expect(recurrenceRuleProblem('FREQ=WEEKLY;BYDAY=XX', base)).toMatch(/not valid.*BYDAY/);
    expect(recurrenceRuleProblem('FREQ=WEEKLY;COUNT=2;UNTIL=20270101T000000Z', base)).toMatch(/COUNT or UNTIL/);
    expect(recurrenceRuleProblem('FREQ=DAILY;BYHOUR=3', base)).toMatch(/BYHOUR/);
    expect(recurrenceRuleProblem('BYDAY=SA', base)).toMatch(/needs a FREQ/);
  });
});
