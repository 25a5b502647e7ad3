import fs from 'node:fs';
import path from 'node:path';
import { constants, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkspaceSession } from '../../../electron/core';
import { cli, expectOneLineError, runCli } from '../../helpers/cli-process';
import { releaseInput, seedBasics, tempDir, valueOf } from '../../helpers/temp-workspace';

const MB = 1024 * 1024;

/**
 * Raw deflate that unpacks to `megabytes` MB (of spaces, which XML allows between tags) from about 1 KB per MB:
 * one fully flushed, so self-contained, segment repeated, then an empty final block. This is how zip bombs are made.
 */
function bombStream(megabytes: number): Buffer {
  const segment = deflateRawSync(Buffer.alloc(MB, 0x20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: megabytes }, () => segment), deflateRawSync(Buffer.alloc(0))]);
}

interface ZipPart {
  name: string;
  data: Buffer;
  method: 0 | 8;
  /** What the central directory says it unpacks to; the local header says the same unless `streamed`. */
  declaredSize: number;
  /** Sizes left out of the local header (a data descriptor follows the data), as Java and write-excel-file write. */
  streamed?: boolean;
  /** A local header that declares another size than the directory. */
  localDeclaredSize?: number;
}

/** A minimal zip writer (APPNOTE 4.3): a bomb needs sizes and headers that no zip library would write. */
function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    const flags = p.streamed ? 0x08 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(p.method, 8);
    local.writeUInt32LE(p.streamed ? 0 : p.data.length, 18);
    local.writeUInt32LE(p.streamed ? 0 : (p.localDeclaredSize ?? p.declaredSize), 22);
    local.writeUInt16LE(name.length, 26);
    const descriptor = Buffer.alloc(p.streamed ? 16 : 0);
    if (p.streamed) {
      descriptor.writeUInt32LE(0x08074b50, 0);
      descriptor.writeUInt32LE(p.data.length, 8);
      descriptor.writeUInt32LE(p.declaredSize, 12);
    }
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(p.method, 10);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(p.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.data, descriptor);
    centrals.push(central, name);
    offset += local.length + name.length + p.data.length + descriptor.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** A real workbook whose first sheet is replaced by `sheet`. */
async function workbookWith(sheet: Omit<ZipPart, 'name'>): Promise<Buffer> {
  const real = unzipSync(await writeXlsxFile([[{ value: 'Task' }], [{ value: 'Deploy' }]]).toBuffer());
  const parts: ZipPart[] = Object.entries(real).map(([name, data]) =>
    name === 'xl/worksheets/sheet1.xml' ? { name, ...sheet } : { name, data: Buffer.from(data), method: 0, declaredSize: data.length },
  );
  return zip(parts);
}

describe('an XLSX zip bomb is refused before it is inflated', { timeout: 180_000 }, () => {
  let dir = '';
  let cleanup = () => {};
  let db = '';
  let releaseId = '';
  /** Prints the process's peak memory when it exits, so the test sees what the real CLI process used. */
  let peakProbe = '';

  beforeAll(async () => {
    ({ dir, cleanup } = tempDir('release-desk-bomb-'));
    db = path.join(dir, 'bomb.releasedesk');
    const session = WorkspaceSession.open(db);
    releaseId = (valueOf(await session.client()['releases.create'](releaseInput(await seedBasics(session))))).id;
    session.close();
    peakProbe = path.join(dir, 'peak.mjs');
    fs.writeFileSync(peakProbe, "process.on('exit', () => process.stderr.write(`peak-rss-mb ${Math.round(process.resourceUsage().maxRSS / 1024)}\\n`));\n");
  });
  afterAll(() => cleanup());

  /** `import runbook --dry-run` in its own process; its error line and its peak memory in MB. */
  function importDryRun(file: string) {
    const run = runCli(['import', 'runbook', '--db', db, '--release', releaseId, '--file', file, '--dry-run'], { NODE_OPTIONS: `--import ${peakProbe}` });
    const peak = Number(/peak-rss-mb (\d+)/.exec(run.stderr)?.[1]);
    const stderr = run.stderr.replace(/peak-rss-mb \d+\n/, '');
    console.log(`${path.basename(file)}: ${fs.statSync(file).size} bytes, peak memory of the CLI process ${peak} MB`);
    return { ...run, stderr, peak };
  }

  it('a bomb that declares its size (1 MB that unpacks to 1 GB): refused from the zip directory alone', async () => {
    const data = bombStream(1024);
    const file = path.join(dir, 'declared.xlsx');
    fs.writeFileSync(file, await workbookWith({ data, method: 8, declaredSize: 1024 * MB }));
    expect(fs.statSync(file).size).toBeLessThan(1.5 * MB);
    const run = importDryRun(file);
    expectOneLineError(run, 2, /has 1 error/);
    expect(run.stdout).toMatch(/declared\.xlsx was not read: it would unpack to more than 64 MB, as zip bombs do/);
    expect(run.peak).toBeLessThan(400);
  });

  it('a bomb whose local header leaves its size out and whose directory lies about it: caught while inflating, slice by slice', async () => {
    const data = bombStream(1024);
    const file = path.join(dir, 'lying.xlsx');
    fs.writeFileSync(file, await workbookWith({ data, method: 8, declaredSize: 200_000, streamed: true }));
    const run = importDryRun(file);
    expectOneLineError(run, 2, /has 1 error/);
    expect(run.stdout).toMatch(/lying\.xlsx was not read: xl\/worksheets\/sheet1\.xml unpacks to more than the 200000 bytes it declares/);
    expect(run.peak).toBeLessThan(400);
  });

  it('a part compressed far beyond what spreadsheets are, and a local header that contradicts the directory', async () => {
    const dense = path.join(dir, 'dense.xlsx');
    fs.writeFileSync(dense, await workbookWith({ data: bombStream(40), method: 8, declaredSize: 40 * MB }));
    expect(importDryRun(dense).stdout).toMatch(/sheet1\.xml is compressed more than 200 to 1/);

    const contradicting = path.join(dir, 'contradicting.xlsx');
    fs.writeFileSync(contradicting, await workbookWith({ data: bombStream(1), method: 8, declaredSize: MB, localDeclaredSize: 4000 * MB }));
    expect(importDryRun(contradicting).stdout).toMatch(/sheet1\.xml declares two different sizes/);
  });

  it('an honest workbook written with data descriptors still imports', async () => {
    const file = path.join(dir, 'plan.xlsx');
    fs.writeFileSync(file, await writeXlsxFile([[{ value: 'Task' }, { value: 'Minutes' }], [{ value: 'Deploy' }, { value: 30 }]]).toBuffer());
    const run = cli('import', 'runbook', '--db', db, '--release', releaseId, '--file', file, '--dry-run');
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/Would import 1 step from plan\.xlsx/);
  });
});
