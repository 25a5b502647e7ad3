import fs from 'node:fs';
import path from 'node:path';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../../electron/core';
import { Collision } from '../../../electron/contract/calendar-entities';
import { releaseInput, seedBasics, tempDir, valueOf } from '../../helpers/temp-workspace';
import { cli, runCli } from '../../helpers/cli-process';


describe('release-desk calendar commands', { timeout: 120_000 }, () => {
  let dir = '';
  let cleanup = () => {};
  let db = '';
  beforeAll(async () => {
    ({ dir, cleanup } = tempDir());
    db = path.join(dir, 'calendar.releasedesk');
    const session = WorkspaceSession.open(db);
    const basics = await seedBasics(session);
    const call = async (method: string, input: unknown) => valueOf(await session.dispatch(method, input)) as { id: string };
    const shop = await call('systems.create', { name: 'Web Shop', dependsOn: [basics.systemId] });
    await call('releases.create', releaseInput(basics, { windowStart: '2026-12-05T22:00:00+01:00', windowEnd: '2026-12-05T23:30:00+01:00' }));
    await call('releases.create', releaseInput(basics, { name: 'Web Shop', version: '5.1', systemIds: [shop.id], windowStart: '2026-12-05T22:30:00+01:00', windowEnd: '2026-12-06T00:30:00+01:00' }));
    session.close();
  });
  afterAll(() => cleanup());

  it('lists collisions as contract-shaped JSON and as sentences', () => {
    const json = cli('collisions', '--db', db, '--from', '2026-12-01', '--to', '2026-12-31', '--json');
    expect(json.code).toBe(0);
    const collisions = Collision.array().parse(JSON.parse(json.stdout));
    expect(collisions.map((c) => c.kind)).toEqual(['double-booking']);
    // Times in this machine's zone (the reader's), the zone the release was planned in beside them in brackets.
    const text = runCli(['collisions', '--db', db], { TZ: 'America/New_York' });
    expect(text.stdout.split('\n').slice(0, 2)).toEqual([
      "Times in America/New_York (this machine's zone); a release planned in another zone has its times there in brackets.",
      'Double booking: Payments 2.4.0 and Web Shop 5.1 both book Production on Sat 5 Dec 2026 16:30–17:30, and Web Shop depends on Payments API. [Planned as Sat 5 Dec 2026 22:30–23:30 (Europe/Berlin).]',
    ]);
    expect(cli('collisions', '--db', db, '--from', '2027-01-01', '--to', '2027-01-31').stdout.trim()).toBe('No collisions.');
  });

  it('imports a holiday calendar as freezes, then the release inside it collides; exports an .ics another parser reads', () => {
    const ics = path.join(dir, 'holidays.ics');
    fs.writeFileSync(ics, ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example//Holidays//EN', 'BEGIN:VEVENT', 'UID:nikolaus@example.com', 'DTSTART;TZID=Europe/Berlin:20261205T000000', 'DTEND;TZID=Europe/Berlin:20261207T000000', 'SUMMARY:Company weekend', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n'));
    const dry = cli('import', 'calendar', '--db', db, '--file', ics, '--kind', 'freeze', '--environment', 'production', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^Would create 1 freeze window/);
    const done = cli('import', 'calendar', '--db', db, '--file', ics, '--kind', 'freeze', '--environment', 'Production', '--json');
    expect(done.code).toBe(0);
    expect(JSON.parse(done.stdout).windows[0]).toMatchObject({ name: 'Company weekend', kind: 'freeze', timeZone: 'Europe/Berlin' });
    const kinds = (Collision.array().parse(JSON.parse(cli('collisions', '--db', db, '--json').stdout))).map((c) => c.kind);
    expect(kinds.sort()).toEqual(['double-booking', 'freeze', 'freeze']);

    const out = path.join(dir, 'calendar.ics');
    const exported = cli('export', 'calendar', '--db', db, '--format', 'ics', '--out', out, '--environment', 'Production', '--from', '2026-12-01', '--to', '2026-12-31');
    expect(exported.code).toBe(0);
    expect(exported.stdout).toMatch(/Exported 3 events/);
    const root = new ICAL.Component(ICAL.parse(fs.readFileSync(out, 'utf8')) as unknown as unknown[]);
    expect(root.getAllSubcomponents('vevent').map((v) => String(v.getFirstPropertyValue('summary'))).sort()).toEqual(['Freeze: Company weekend', 'Payments 2.4.0', 'Web Shop 5.1']);
  });

  it('fails with one line and exit code 2 for bad options or a malformed file, importing nothing', () => {
    const bad = path.join(dir, 'bad.ics');
    fs.writeFileSync(bad, 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:No start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n');
    const cases: Array<[string[], RegExp]> = [
      [['import', 'calendar', '--db', db, '--file', bad, '--kind', 'freeze'], /has no start \(DTSTART\)/],
      [['import', 'calendar', '--db', db, '--file', bad, '--kind', 'holiday'], /--kind must be freeze or maintenance/],
      [['export', 'calendar', '--db', db, '--format', 'pdf', '--out', path.join(dir, 'x.ics')], /--format must be ics/],
      [['collisions', '--db', db, '--from', 'tomorrow'], /--from must be a date/],
      [['collisions', '--db', db, '--environment', 'Moon'], /no environment named "Moon"/],
      [['collisions', '--db', db, '--from', '2026-12-31', '--to', '2026-12-01'], /range/],
    ];
    for (const [args, pattern] of cases) {
      const run = cli(...args);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(pattern);
    }
    const windows = JSON.parse(cli('collisions', '--db', db, '--json').stdout) as unknown[];
    expect(windows).toHaveLength(3);
  });
});
