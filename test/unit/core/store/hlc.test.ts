import { describe, expect, it } from 'vitest';
import { ClockDriftError, HybridLogicalClock, MAX_CLOCK_DRIFT_MS, parseHlc } from '../../../../electron/core/store/hlc';

describe('hybrid logical clock', () => {
  it('issues strictly increasing timestamps even when the wall clock stands still or goes back', () => {
    let wall = Date.parse('2026-11-23T09:00:00Z');
    const clock = new HybridLogicalClock('device-a', undefined, () => wall);
    const stamps = [clock.tick(), clock.tick()];
    wall -= 60_000; // the OS clock is corrected backwards
    stamps.push(clock.tick(), clock.tick());
    expect([...stamps].sort()).toEqual(stamps);
    expect(new Set(stamps).size).toBe(4);
  });

  it('orders local events after a remote event it has seen', () => {
    const wall = Date.parse('2026-11-23T09:00:00Z');
    const clock = new HybridLogicalClock('device-a', undefined, () => wall);
    const remote = { millis: wall + 1_000, counter: 7 };
    clock.receive(remote);
    const next = parseHlc(clock.tick());
    expect(next.millis).toBe(wall + 1_000);
    expect(next.counter).toBeGreaterThan(7);
  });

  it('refuses to follow a remote clock far in the future instead of letting it win every later write', () => {
    const wall = Date.parse('2026-11-23T09:00:00Z');
    const clock = new HybridLogicalClock('device-a', undefined, () => wall);
    expect(() => clock.receive({ millis: wall + MAX_CLOCK_DRIFT_MS + 1, counter: 0 })).toThrow(ClockDriftError);
    expect(parseHlc(clock.tick()).millis).toBe(wall);
  });

  it('round-trips its text form, with the device id as the last tie-break', () => {
    const clock = new HybridLogicalClock('dev-b', { millis: 0, counter: 0 }, () => Date.parse('2026-01-01T00:00:00Z'));
    const stamp = clock.tick();
    expect(stamp).toBe('2026-01-01T00:00:00.000Z-0000-dev-b');
    expect(parseHlc(stamp)).toEqual({ millis: Date.parse('2026-01-01T00:00:00Z'), counter: 0, deviceId: 'dev-b' });
  });
});
