import { describe, expect, it } from 'vitest';
import { parseStart, type StartContext } from '../../../../electron/core/runbooks/import/start-times';

// Payments 2.4.0: the window opens Sat 5 Dec 2026 22:00 in Berlin (21:00Z).
const anchorMs = Date.parse('2026-12-05T21:00:00Z');
const berlin: StartContext = { anchorMs, zone: 'Europe/Berlin', previousMs: null };
const offset = (raw: string, context: StartContext = berlin) => {
  const parsed = parseStart(raw, context);
  return parsed.ok ? parsed.value.offsetMinutes : parsed.message;
};

describe('start cells', () => {
  it('reads a bare time in the release zone, nearest the window start or the row above', () => {
    expect(offset('22:00')).toBe(0);
    expect(offset('21:30')).toBe(-30);
    expect(offset('10:30 pm')).toBe(30);
    expect(offset('22.45 Uhr')).toBe(45);
    // Past midnight: nearest the row above (23:30), so the next day.
    expect(offset('00:15', { ...berlin, previousMs: Date.parse('2026-12-05T22:30:00Z') })).toBe(135);
  });

  it('reads dates and times in the release zone, and instants with an offset as given', () => {
    expect(offset('2026-12-05 22:30')).toBe(30);
    expect(offset('05.12.2026 21:45')).toBe(-15);
    expect(offset('12/06/2026 01:00')).toMatch(/could be 12\/6 as day\/month or month\/day/);
    expect(offset('13/12/2026 22:00')).toBe(8 * 1440);
    expect(offset('2026-12-05T21:30:00Z')).toBe(30);
    expect(offset('2026-12-05T22:30:00+01:00')).toBe(30);
  });

  it('reads weekday times as the first such weekday on or after the window opens, in the release zone', () => {
    // The window opens on a Saturday: "Sat" is that day, "Sun" the next; the time of day is the row's own.
    expect(offset('Sat 22:00')).toBe(0);
    expect(offset('Saturday 21:30')).toBe(-30);
    expect(offset('Sun 01:30')).toBe(210);
    expect(offset('sun, 1:30 am')).toBe(210);
    expect(offset('Fri 18:00')).toBe(6 * 1440 - 240);
    expect(offset('Mon 06:00')).toBe(2 * 1440 - 960);
    // An early-morning window (01:00 Sunday in Berlin, Saturday 24:00Z) counts days in the release zone, not UTC.
    const sunday = { anchorMs: Date.parse('2026-12-06T00:00:00Z'), zone: 'Europe/Berlin', previousMs: null };
    expect(offset('Sun 02:00', sunday)).toBe(60);
    expect(offset('Sat 23:00', sunday)).toBe(6 * 1440 + 22 * 60);
  });

  it('reads D+n as days from the window\'s first day, and a weekday before a date only when they agree', () => {
    expect(offset('D 21:30')).toBe(-30);
    expect(offset('D+1 02:00')).toBe(240);
    expect(offset('D+1, 2:00')).toBe(240);
    expect(offset('D-1 18:00')).toBe(-1680);
    expect(offset('Sat 05.12.2026 22:30')).toBe(30);
    expect(offset('Sun 05.12.2026 22:30')).toBe('"Sun 05.12.2026 22:30" says Sunday, but that date is a Saturday.');
    expect(offset('Sat 25:00')).toBe('"Sat 25:00" is not a time of day.');
  });

  it('reads T-minus notation and leaves an empty cell to the dependencies', () => {
    expect(offset('T+90')).toBe(90);
    expect(offset('T-0:30')).toBe(-30);
    expect(offset('+1h')).toBe(60);
    expect(offset('')).toBeNull();
  });

  it('reads wall-clock times across a DST change in the release zone', () => {
    // The window opens Sat 24 Oct 2026 22:00 CEST (20:00Z); clocks go back at 03:00 CEST on Sunday.
    const october: StartContext = { anchorMs: Date.parse('2026-10-24T20:00:00Z'), zone: 'Europe/Berlin', previousMs: Date.parse('2026-10-25T00:00:00Z') };
    // 04:00 CET is 03:00Z: seven hours after the window start.
    expect(offset('04:00', october)).toBe(7 * 60);
  });

  it('refuses what it cannot read, saying how to write it', () => {
    expect(offset('after lunch')).toMatch(/"after lunch" is not a start time: write a time \("22:30"\)/);
    expect(offset('25:00')).toMatch(/not a time of day/);
    expect(offset('2026-12-05')).toMatch(/has a date but no time/);
    expect(offset('2026-02-30 10:00')).toMatch(/not a date and time/);
    expect(offset('2027-03-01 10:00')).toMatch(/more than 28 days after/);
  });
});
