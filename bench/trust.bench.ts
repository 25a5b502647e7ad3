import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkspaceSession } from '../electron/core';
import { createDemoWorkspace } from '../electron/core/demo/demo-workspace';
import { newDeviceKey } from '../electron/core/trust/device-key';
import { signWrite } from '../electron/core/trust/write-signature';
import { medianMs, type Figure } from './measure';

const SIGNOFFS = 2_000;
const RELEASES = 10_000;

/**
 * What signed records cost: a signature alone, a sign-off through the API against an edit that is not signed, and
 * `verify` (every signature, chain and row) of a 10,000-release workspace.
 */
export async function benchTrust(): Promise<Figure[]> {
  const key = newDeviceKey();
  const write = { entity: 'signoff', rowId: 'r', hlc: '2026-11-30T10:00:00.000Z-0000-x', author: 'p', fields: { releaseId: 'r1', state: 'security', action: 'assert', personId: 'p', comment: 'Scan clean', waivedIssues: [], withdrawsId: null, deviceId: 'x' } };
  const sign = await medianMs(5, () => undefined, () => {
    for (let i = 0; i < SIGNOFFS; i++) signWrite(key, 'w', { ...write, rowId: `r${i}` });
  });

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-bench-trust-'));
  try {
    const file = path.join(dir, 'demo.releasedesk');
    const seeding = WorkspaceSession.open(file);
    createDemoWorkspace(seeding.store, { releases: RELEASES, today: '2026-11-23' });
    seeding.close();
    const session = WorkspaceSession.open(file);
    const releases = (await session.dispatch('releases.list', {})) as { ok: true; value: Array<{ id: string; status: string }> };
    const open = releases.value.filter((r) => !['released', 'cancelled', 'rolled-back'].includes(r.status)).slice(0, SIGNOFFS);
    const security = (await session.dispatch('people.list', {})) as { ok: true; value: Array<{ id: string; roles: string[] }> };
    const amara = security.value.find((p) => p.roles.includes('security-architect'))!;
    const call = async (method: string, input: unknown) => {
      const result = await session.dispatch(method, input);
      if (!result.ok) throw new Error(result.error.message);
    };
    const signoffs = await medianMs(3, () => undefined, async () => {
      for (const r of open) await call('readiness.signoff', { releaseId: r.id, state: 'security', action: 'assert', comment: 'Scan clean', asPersonId: amara.id });
    });
    const edits = await medianMs(3, () => undefined, async () => {
      for (const [i, r] of open.entries()) await call('releases.update', { id: r.id, changes: { description: `Edited ${i} ${Math.random()}` } });
    });
    const verify = await medianMs(3, () => undefined, async () => {
      const result = await session.dispatch('workspace.verify', {});
      if (!result.ok || !(result.value as { ok: boolean }).ok) throw new Error('verify found problems in an honest workspace');
    });
    const counts = ((await session.dispatch('workspace.verify', {})) as { ok: true; value: { counts: { changes: number } } }).value.counts;
    session.close();
    const per = (ms: number) => (ms * 1000) / open.length;
    return [
      { name: 'Ed25519 signature of one sign-off', value: (sign.median * 1000) / SIGNOFFS, unit: 'µs' },
      { name: `sign-off through the API (${open.length.toLocaleString('en')}, each a transaction)`, value: per(signoffs.median), unit: 'µs', note: 'signed, checked, then read back' },
      { name: 'release edit through the API (not signed), for comparison', value: per(edits.median), unit: 'µs' },
      { name: `verify a ${RELEASES.toLocaleString('en')}-release workspace`, value: verify.median, unit: 'ms', note: `${counts.changes.toLocaleString('en')} changes` },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
