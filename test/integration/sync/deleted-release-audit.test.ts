import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { ReleaseAuditEntry } from '../../../electron/contract/readiness-entities';
import { tempDir } from '../../helpers/temp-workspace';
import { call, comparableExport, editApart, giveKey, openWorkspace, seedTeam, signoffCount } from './sync-scenario';

/** A delete is a tombstone that syncs like any change; the deleted release's sign-offs stay in the audit everywhere. */
describe('a release deleted on one device', () => {
  const cleanups: Array<() => void> = [];
  afterEach(() => cleanups.splice(0).reverse().forEach((c) => c()));

  it('is deleted on the other after sync, and both still show its sign-offs in the audit; undo syncs too', async () => {
    const t = tempDir('release-desk-tombstone-');
    const a = openWorkspace(t.dir, 'a');
    const b = openWorkspace(t.dir, 'b');
    cleanups.push(t.cleanup, () => a.close(), () => b.close());
    const folder = `${t.dir}/shared`;
    fs.mkdirSync(folder);
    const sync = async () => {
      for (const s of [a, b, a]) await call(s, 'sync.now', { target: { folder } });
    };
    const ids = await seedTeam(a);
    await sync();
    await giveKey(a, b, ids.samId, sync);
    await editApart(a, b, ids); // one sign-off on each device
    await sync();

    await call(a, 'releases.delete', { id: ids.releaseId });
    await sync();
    for (const s of [a, b]) {
      expect((await s.client()['releases.get']({ id: ids.releaseId })).ok).toBe(false);
      expect(signoffCount(s)).toBe(2);
      const audit = await call<ReleaseAuditEntry[]>(s, 'audit.release', { releaseId: ids.releaseId });
      expect(audit.filter((e) => e.kind === 'halt').map((e) => e.comment).sort()).toEqual(['Pen test report pending', 'UAT defect PAY-12 open']);
    }
    expect(comparableExport(b)).toEqual(comparableExport(a));

    await call(b, 'releases.restore', { id: ids.releaseId });
    await sync();
    expect(await call<{ version: string }>(a, 'releases.get', { id: ids.releaseId })).toMatchObject({ version: '2.4.0' });
    expect(comparableExport(b)).toEqual(comparableExport(a));
  });
});
