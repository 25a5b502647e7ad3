import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, cli, expectOneLineError } from '../../helpers/cli-process';
import { tempDir } from '../../helpers/temp-workspace';

/** What a terminal would act on: escape sequences, other C0/C1 controls, DEL, bidirectional overrides. */
const TERMINAL_CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
/** A title change, a screen clear, a cursor move up, a colour, a carriage return, an 8-bit CSI, a right-to-left override. */
const HOSTILE = '\u001b]0;owned\u0007\u001b[2J\u001b[1A\u001b[31m\r\u009b31m\u202e';

/** The CLI as a pipeline runs it: `release-desk … | reader`, with the CLI's own exit code (bash's PIPESTATUS). */
function piped(args: string[], reader: string) {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const run = spawnSync('bash', ['-c', `${quoted} | ${reader}; echo "cli-exit=\${PIPESTATUS[0]}" >&2`], { encoding: 'utf8', timeout: 90_000 });
  return { stdout: run.stdout, stderr: run.stderr.replace(/cli-exit=\d+\n$/, ''), code: Number(/cli-exit=(\d+)/.exec(run.stderr)?.[1]) };
}

describe('what the CLI writes to a terminal or a pipe', { timeout: 180_000 }, () => {
  let dir = '';
  let cleanup = () => {};
  let db = '';
  let releaseId = '';
  beforeAll(() => {
    ({ dir, cleanup } = tempDir('release-desk-terminal-'));
    db = path.join(dir, 'demo.releasedesk');
    expect(cli('demo', '--db', db, '--releases', '400').code).toBe(0);
    const releases = JSON.parse(cli('list', 'releases', '--db', db, '--json').stdout) as Array<{ id: string; status: string }>;
    releaseId = releases.find((r) => r.status === 'planned')?.id ?? releases[releases.length - 1].id;
  });
  afterAll(() => cleanup());

  it('`gate … | head -1` and a reader that closes at once: no EPIPE stack, and the exit code is still the decision', () => {
    const full = cli('gate', '--db', db, '--release', releaseId);
    expect(full.stdout.trim().split('\n').length).toBeGreaterThan(1);
    for (const reader of ['head -1', 'true']) {
      const run = piped(['gate', '--db', db, '--release', releaseId], reader);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(full.code);
    }
    expect(piped(['gate', '--db', db, '--release', releaseId], 'head -1').stdout).toBe(`${full.stdout.split('\n')[0]}\n`);
  });

  it('a large output cut short by `head -1`: quiet, exit 0', () => {
    for (const args of [['list', 'releases', '--db', db, '--json'], ['list', 'releases', '--db', db]]) {
      const run = piped(args, 'head -1');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
    }
  });

  it('an .ics summary with escape sequences and a line break is echoed as plain text on one line', () => {
    const ics = path.join(dir, 'holidays.ics');
    fs.writeFileSync(
      ics,
      [
        'BEGIN:VCALENDAR',
        'VERSION:2.0',
        'PRODID:-//test//EN',
        'BEGIN:VEVENT',
        'UID:1@test',
        'DTSTAMP:20261101T000000Z',
        'DTSTART:20261224T000000Z',
        'DTEND:20261226T000000Z',
        `SUMMARY:Holiday ${HOSTILE}freeze\\nrelease-desk: all clear`,
        'END:VEVENT',
        'END:VCALENDAR',
        '',
      ].join('\r\n'),
    );
    const run = cli('import', 'calendar', '--db', db, '--file', ics, '--kind', 'freeze', '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).not.toMatch(TERMINAL_CONTROLS);
    expect(run.stdout).toMatch(/^ {2}Holiday freeze release-desk: all clear: 2026-12-24/m);
    expect(run.stdout).not.toMatch(/^release-desk: all clear/m);

    const json = cli('import', 'calendar', '--db', db, '--file', ics, '--kind', 'freeze', '--dry-run', '--json');
    expect(json.stdout).not.toMatch(TERMINAL_CONTROLS);
    // --json keeps the data exact, escaped.
    expect((JSON.parse(json.stdout) as { windows: Array<{ name: string }> }).windows[0].name).toBe(`Holiday ${HOSTILE}freeze\nrelease-desk: all clear`);
  });

  it('a runbook import preview and the errors quoting spreadsheet cells carry no escape sequences', async () => {
    // Spreadsheet writers drop control characters, but the XML of a crafted workbook can hold them: put them back.
    const parts = unzipSync(
      await writeXlsxFile([
        [{ value: 'Task' }, { value: 'Owner' }, { value: 'Minutes' }],
        [{ value: 'Deploy TITLE' }, { value: 'Ana OWNER' }, { value: 30 }],
        [{ value: 'Verify' }, { value: 'Ben' }, { value: 'DURATION' }],
      ]).toBuffer(),
    );
    const hostile = (xml: Uint8Array, duration: string) =>
      strToU8(Buffer.from(xml).toString('utf8').replace('TITLE', HOSTILE).replace('OWNER', '\u001b[8m').replace('DURATION', duration));
    const workbook = (duration: string) => Buffer.from(zipSync({ ...parts, 'xl/sharedStrings.xml': hostile(parts['xl/sharedStrings.xml'], duration) }));

    const preview = path.join(dir, 'preview.xlsx');
    fs.writeFileSync(preview, workbook('15'));
    const ok = cli('import', 'runbook', '--db', db, '--release', releaseId, '--file', preview, '--dry-run');
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toMatch(/^2 +1 +Deploy +Ana +/m);
    expect(ok.stdout).not.toMatch(TERMINAL_CONTROLS);

    const bad = path.join(dir, 'bad.xlsx');
    fs.writeFileSync(bad, workbook('\u001b[2Jsoon'));
    const run = cli('import', 'runbook', '--db', db, '--release', releaseId, '--file', bad, '--dry-run');
    expectOneLineError(run, 2, /bad\.xlsx has 1 error/);
    expect(run.stdout).toMatch(/"soon" is not a duration/);
    expect(run.stdout + run.stderr).not.toMatch(TERMINAL_CONTROLS);
  });
});
