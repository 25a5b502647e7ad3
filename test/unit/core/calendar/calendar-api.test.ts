import ICAL from 'ical.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../../electron/core';
import { changeLogCount, releaseInput, seedBasics, tempSession, valueOf } from '../../../helpers/temp-workspace';

type Basics = Awaited<ReturnType<typeof seedBasics>>;
let session: WorkspaceSession;
let cleanup: () => void;
let basics: Basics;

beforeEach(async () => {
  ({ session, cleanup } = tempSession());
  basics = await seedBasics(session);
});
afterEach(() => cleanup());

const call = async <T = any>(method: string, input: unknown) => valueOf(await session.dispatch(method, input)) as T;

const maintenance = (over: Record<string, unknown> = {}) => ({
  kind: 'maintenance',
  name: 'Saturday patch window',
  reason: 'Weekly patching',
  slaNote: '99.9 % outside the window',
  start: '2026-11-07T22:00:00+01:00',
  end: '2026-11-08T06:00:00+01:00',
  timeZone: 'Europe/Berlin',
  rrule: 'FREQ=WEEKLY;BYDAY=SA',
  environmentIds: [basics.environmentId],
  ...over,
});

describe('windows API', () => {
  it('creates, expands, updates and deletes a recurring window through the mutation path', async () => {
    const before = changeLogCount(session);
    const window = await call('windows.create', maintenance({ exceptionDates: ['2026-12-26'] }));
    expect(window).toMatchObject({ kind: 'maintenance', start: '2026-11-07T21:00:00.000Z', rrule: 'FREQ=WEEKLY;BYDAY=SA', exceptionDates: ['2026-12-26'] });
    expect(changeLogCount(session)).toBeGreaterThan(before);

    const occurrences = await call<any[]>('windows.occurrences', { from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' });
    expect(occurrences.map((o) => o.start)).toEqual(['2026-12-05T21:00:00.000Z', '2026-12-12T21:00:00.000Z', '2026-12-19T21:00:00.000Z']);

    await call('windows.update', { id: window.id, changes: { name: 'Sat patching' } });
    expect((await call('windows.get', { id: window.id })).name).toBe('Sat patching');
    await call('windows.delete', { id: window.id });
    expect(await call('windows.list', {})).toEqual([]);
  });

  it('refuses bad windows naming the field, and writes nothing', async () => {
    const before = changeLogCount(session);
    const cases: Array<[Record<string, unknown>, string]> = [
      [maintenance({ end: '2026-11-07T20:00:00+01:00' }), 'end'],
      [maintenance({ rrule: 'FREQ=MINUTELY' }), 'rrule'],
      [maintenance({ rrule: 'FREQ=WEEKLY;BYDAY=XX' }), 'rrule'],
      [maintenance({ rrule: 'not a rule' }), 'rrule'],
      [maintenance({ timeZone: 'Mars/Olympus' }), 'timeZone'],
      [maintenance({ exceptionDates: ['2026-02-30'] }), 'exceptionDates.0'],
      [maintenance({ environmentIds: ['nope'] }), 'environmentIds.0'],
      [maintenance({ systemIds: [basics.systemId] }), 'systemIds'],
      [maintenance({ rrule: null, exceptionDates: ['2026-12-26'] }), 'exceptionDates'],
      [maintenance({ kind: 'holiday' }), 'kind'],
      [maintenance({ name: '  ' }), 'name'],
    ];
    for (const [input, field] of cases) {
      const result = await session.dispatch('windows.create', input);
      expect(result.ok, field).toBe(false);
      if (!result.ok) expect(result.error.field, JSON.stringify(result.error)).toBe(field);
    }
    expect(changeLogCount(session)).toBe(before);
  });
});

describe('collisions API', () => {
  it('lists collisions with sentences, accepts one with a reason kept in the audit', async () => {
    const shop = await call('systems.create', { name: 'Web Shop', dependsOn: [basics.systemId] });
    await call('environments.update', { id: basics.environmentId, changes: { requiresMaintenanceWindow: true } });
    await call('windows.create', maintenance());
    const payments = await call('releases.create', releaseInput(basics, { windowStart: '2026-12-05T22:00:00+01:00', windowEnd: '2026-12-05T23:30:00+01:00' }));
    const webShop = await call('releases.create', releaseInput(basics, { name: 'Web Shop', version: '5.1', systemIds: [shop.id], windowStart: '2026-12-05T22:30:00+01:00', windowEnd: '2026-12-06T07:00:00+01:00' }));
    await call('releaseNeeds.set', { releaseId: webShop.id, needsReleaseIds: [payments.id] });
    await call('windows.create', { kind: 'freeze', name: 'Board meeting', start: '2026-12-06T06:30:00+01:00', end: '2026-12-06T08:00:00+01:00', timeZone: 'Europe/Berlin' });

    await call('workspace.setViewerTimeZone', { timeZone: 'Europe/Berlin' });
    const collisions = await call<any[]>('collisions.list', {});
    expect(collisions.map((c) => c.kind).sort()).toEqual(['dependency', 'double-booking', 'freeze', 'outside-maintenance']);
    const double = collisions.find((c) => c.kind === 'double-booking');
    expect(double.sentence).toBe('Payments 2.4.0 and Web Shop 5.1 both book Production on Sat 5 Dec 2026 22:30–23:30, and Web Shop depends on Payments API.');
    expect(double).toMatchObject({ timeZone: 'Europe/Berlin', plannedZone: 'Europe/Berlin', plannedTimes: 'Sat 5 Dec 2026 22:30–23:30 (Europe/Berlin)' });
    // A viewer in Kolkata reads the same collision in Kolkata's time; the planned zone's times stay beside it.
    await call('workspace.setViewerTimeZone', { timeZone: 'Asia/Kolkata' });
    const kolkata = (await call<any[]>('collisions.list', {})).find((c) => c.kind === 'double-booking');
    await call('workspace.setViewerTimeZone', { timeZone: 'Europe/Berlin' });
    expect(kolkata.sentence).toBe('Payments 2.4.0 and Web Shop 5.1 both book Production on Sun 6 Dec 2026 03:00–04:00, and Web Shop depends on Payments API.');
    expect(kolkata.plannedTimes).toBe('Sat 5 Dec 2026 22:30–23:30 (Europe/Berlin)');

    const before = changeLogCount(session);
    expect((await session.client()['collisions.accept']({ key: double.key, reason: '' })).ok).toBe(false);
    expect(changeLogCount(session)).toBe(before);
    const accepted = await call('collisions.accept', { key: double.key, reason: 'Both teams agreed to deploy together' });
    expect(accepted.accepted).toMatchObject({ reason: 'Both teams agreed to deploy together' });
    expect((await call<any[]>('collisions.list', {})).find((c) => c.key === double.key).accepted.reason).toBe('Both teams agreed to deploy together');

    // Moving the release away makes it a different plan: the collision (and its acceptance) no longer applies.
    await call('releases.update', { id: webShop.id, changes: { windowStart: '2026-12-12T22:30:00+01:00', windowEnd: '2026-12-12T23:30:00+01:00' } });
    expect((await call<any[]>('collisions.list', {})).map((c) => c.kind)).toEqual([]);
  });

  it('refuses a needs link to an unknown release or to itself', async () => {
    const a = await call('releases.create', releaseInput(basics));
    const unknown = await session.client()['releaseNeeds.set']({ releaseId: a.id, needsReleaseIds: ['missing'] });
    expect(!unknown.ok && unknown.error.field).toBe('needsReleaseIds.0');
    const self = await session.client()['releaseNeeds.set']({ releaseId: a.id, needsReleaseIds: [a.id] });
    expect(!self.ok && self.error.field).toBe('needsReleaseIds.0');
  });
});

describe('iCalendar', () => {
  it('exports events that an independent parser (ical.js) reads back with zones, recurrences and rising SEQUENCE', async () => {
    const release = await call('releases.create', releaseInput(basics, { ownerId: basics.personId }));
    const window = await call('windows.create', maintenance({ exceptionDates: ['2026-11-28'] }));
    await call('windows.create', { kind: 'freeze', name: 'Year end', reason: 'Peak', start: '2026-12-20T00:00:00Z', end: '2027-01-04T00:00:00Z', timeZone: 'UTC' });

    const first = await call('calendar.exportIcs', {});
    expect(first.events).toBe(3);
    const again = await call('calendar.exportIcs', {});
    expect(again.ics).toBe(first.ics);

    const root = new ICAL.Component(ICAL.parse(first.ics) as unknown as unknown[]);
    expect(root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'))).toEqual(['Europe/Berlin']);
    for (const zone of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(zone);
    const events = new Map(root.getAllSubcomponents('vevent').map((v) => [String(v.getFirstPropertyValue('uid')), v]));
    expect(events.size).toBe(3);
    expect(events.has(`release-${release.id}@release-desk`) && events.has(`window-${window.id}@release-desk`)).toBe(true);

    const releaseEvent = new ICAL.Event(events.get(`release-${release.id}@release-desk`)!);
    expect(releaseEvent.startDate.toJSDate().toISOString()).toBe('2026-12-05T21:00:00.000Z');
    expect(events.get(`release-${release.id}@release-desk`)!.getFirstProperty('dtstart')!.getParameter('tzid')).toBe('Europe/Berlin');
    expect(releaseEvent.description).toMatch(/Status: Planned\. Owner: Priya Natarajan\./);
    expect(releaseEvent.sequence).toBe(0);

    const windowEvent = new ICAL.Event(events.get(`window-${window.id}@release-desk`)!);
    expect(windowEvent.isRecurring()).toBe(true);
    const iterator = windowEvent.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next; next = iterator.next()) {
      const iso = next.toJSDate().toISOString();
      if (iso >= '2027-04-05') break;
      if (iso >= '2027-03-20') starts.push(iso);
      if (iso.startsWith('2026-11-28')) throw new Error('the exception date was exported as an occurrence');
    }
    // Saturday 22:00 Berlin on both sides of the 2027-03-28 change: 21:00Z, then 20:00Z.
    expect(starts).toEqual(['2027-03-20T21:00:00.000Z', '2027-03-27T21:00:00.000Z', '2027-04-03T20:00:00.000Z']);

    await call('releases.update', { id: release.id, changes: { name: 'Payments core' } });
    await call('releases.update', { id: release.id, changes: { status: 'in-readiness' } });
    const later = new ICAL.Component(ICAL.parse((await call('calendar.exportIcs', {})).ics) as unknown as unknown[]);
    const updated = later.getAllSubcomponents('vevent').find((v) => v.getFirstPropertyValue('uid') === `release-${release.id}@release-desk`)!;
    expect(updated.getFirstPropertyValue('sequence')).toBe(2);
  });

  it('imports what it exported (a round trip), previewing first and writing only on import', async () => {
    await call('windows.create', maintenance({ exceptionDates: ['2026-11-28'] }));
    const { ics } = await call('calendar.exportIcs', {});
    const before = changeLogCount(session);
    const preview = await call('calendar.previewIcsImport', { ics, kind: 'freeze' });
    expect(changeLogCount(session)).toBe(before);
    expect(preview.windows).toEqual([
      expect.objectContaining({ kind: 'freeze', name: 'Maintenance: Saturday patch window', start: '2026-11-07T21:00:00.000Z', end: '2026-11-08T05:00:00.000Z', timeZone: 'Europe/Berlin', rrule: 'FREQ=WEEKLY;BYDAY=SA', exceptionDates: ['2026-11-28'] }),
    ]);
    const done = await call('calendar.importIcs', { ics, kind: 'freeze', environmentId: basics.environmentId });
    expect(done.created).toHaveLength(1);
    expect(done.created[0].environmentIds).toEqual([basics.environmentId]);
  });

  it('imports all-day holidays in the workspace zone and refuses a malformed file, importing nothing', async () => {
    const holidays = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example//Holidays//EN', 'BEGIN:VEVENT', 'UID:xmas@example.com', 'DTSTART;VALUE=DATE:20261225', 'DTEND;VALUE=DATE:20261227', 'SUMMARY:Christmas', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    await call('settings.update', { defaultTimeZone: 'Europe/Berlin' });
    const preview = await call('calendar.previewIcsImport', { ics: holidays, kind: 'freeze' });
    expect(preview.windows[0]).toMatchObject({ name: 'Christmas', start: '2026-12-24T23:00:00.000Z', end: '2026-12-26T23:00:00.000Z', timeZone: 'Europe/Berlin' });

    const before = changeLogCount(session);
    const broken = holidays.replace('BEGIN:VEVENT\r\nUID:xmas@example.com\r\nDTSTART;VALUE=DATE:20261225', 'BEGIN:VEVENT\r\nUID:xmas@example.com\r\nDTSTART;VALUE=DATE:2026-12-25x');
    const twoEvents = holidays.replace('END:VCALENDAR', 'BEGIN:VEVENT\r\nUID:bad\r\nSUMMARY:No start\r\nEND:VEVENT\r\nEND:VCALENDAR');
    for (const [ics, pattern] of [
      ['this is not a calendar', /not valid iCalendar/],
      [broken, /Event 1 \("Christmas"\) has a malformed DTSTART \(expected/],
      [holidays.replace('END:VEVENT\r\n', ''), /not valid iCalendar: .*did not end/],
      [twoEvents, /Event 2 \("No start"\) has no start \(DTSTART\)/],
      ['BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n', /no events/],
    ] as const) {
      const result = await session.client()['calendar.importIcs']({ ics, kind: 'freeze' });
      expect(result.ok, String(pattern)).toBe(false);
      if (!result.ok) {
        expect(result.error.field).toBe('ics');
        expect(result.error.message).toMatch(pattern);
      }
    }
    expect(changeLogCount(session)).toBe(before);
    expect((await session.dispatch('calendar.importIcs', { ics: holidays, kind: 'holiday' })).ok).toBe(false);
  });
});
