import { afterEach, describe, expect, it } from 'vitest';
import type { WorkspaceSession } from '../../../../electron/core';
import { ApiFailure } from '../../../../electron/contract/api-result';
import type { Change } from '../../../../electron/core/changes/change';
import { exportWorkspace } from '../../../../electron/core/backup/export-workspace';
import { parseBackup, restoreBackup } from '../../../../electron/core/backup/import-workspace';
import { recordId } from '../../../../electron/core/trust/record-id';
import { Forger, modifiedClient } from '../../../helpers/forge';
import { changeLogCount, releaseInput, seedBasics, valueOf } from '../../../helpers/temp-workspace';
import { tempSessions } from './temp-sessions';

type Backup = ReturnType<typeof exportWorkspace>;

/**
 * Whoever edits a JSON backup (docs/sync.md, "Threat model"): the change log goes through the rules every change
 * from elsewhere passes, all or nothing, so a forged, rewritten, deleted or unsigned sign-off imports nothing, and the
 * error names the record and why.
 */
describe('a JSON backup edited by hand', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  /** Priya (release coordinator) halted Organization readiness; the backup is taken, then edited. */
  async function backupWithHalt() {
    const opened = tempSessions('source', 'target');
    cleanup = opened.cleanup;
    const [source, target] = opened.sessions;
    const basics = await seedBasics(source);
    const release = valueOf(await source.client()['releases.create'](releaseInput(basics)));
    valueOf(await source.client()['readiness.signoff']({ releaseId: release.id, state: 'organization', action: 'halt', comment: 'Change freeze', asPersonId: basics.personId }));
    const haltId = source.store.reader.list('signoff').find((s) => s.action === 'halt')!.id;
    const backup = JSON.parse(JSON.stringify(exportWorkspace(source.store))) as Backup;
    return { source, target, backup, haltId, releaseId: release.id, priya: basics.personId };
  }

  function refusal(target: WorkspaceSession, backup: Backup): ApiFailure {
    try {
      restoreBackup(target.store, parseBackup(backup));
    } catch (error) {
      if (error instanceof ApiFailure) return error;
      throw error;
    }
    throw new Error('the backup was imported');
  }

  /** A record's fields as the backup's change log holds them. */
  function fieldsOf(backup: Backup, rowId: string): Record<string, unknown> {
    return Object.fromEntries(backup.changeLog.filter((c) => c.rowId === rowId && c.field !== '_sig').map((c) => [c.field, c.value]));
  }

  function expectNothingImported(target: WorkspaceSession) {
    expect(changeLogCount(target)).toBe(0);
    expect(target.store.reader.count('signoff')).toBe(0);
  }

  it('a sign-off by a person without the role, signed with the laptop key enrolled for her', async () => {
    const { source, target, backup, releaseId, priya } = await backupWithHalt();
    const forged = modifiedClient(source.store).write(
      'signoff',
      { releaseId, state: 'security', action: 'assert', personId: priya, comment: '', waivedIssues: [], withdrawsId: null, deviceId: source.store.deviceId },
      { author: priya },
    );
    backup.changeLog.push(...forged);
    const error = refusal(target, backup);
    expect(error.field).toBe(`changeLog[${backup.changeLog.length - forged.length}]`);
    expect(error.message).toBe(
      `changeLog[${backup.changeLog.length - forged.length}]: the signoff record ${forged[0].rowId} was not imported: Priya Natarajan did not hold the Security architect role for Security readiness at the time (${forged.length - 1} more changes could not be imported); nothing was imported.`,
    );
    expectNothingImported(target);
  });

  it('a rewritten sign-off: the halt\'s comment edited in the change log', async () => {
    const { target, backup, haltId } = await backupWithHalt();
    const index = backup.changeLog.findIndex((c) => c.rowId === haltId && c.field === 'comment');
    backup.changeLog[index].value = 'No freeze after all';
    const error = refusal(target, backup);
    expect(error.message).toMatch(new RegExp(`^changeLog\\[\\d+\\]: the signoff record ${haltId} was not imported: its signature does not match what it says \\(edited after it was written, or written for another workspace\\)`));
    expectNothingImported(target);
  });

  it('a rewritten sign-off: a second write of the halt under a later stamp', async () => {
    const { source, target, backup, haltId } = await backupWithHalt();
    const laptop = modifiedClient(source.store);
    const rewrite = laptop.change({ hlc: laptop.stamp(new Date().toISOString()), author: 'device:editor', entity: 'signoff', rowId: haltId, field: 'action', value: 'assert' });
    backup.changeLog.push(rewrite);
    const error = refusal(target, backup);
    expect(error.message).toBe(
      `changeLog[${backup.changeLog.length - 1}]: the signoff record ${haltId} was not imported: signoff records are append-only: record ${haltId} is not the one written at this stamp, so this would change a record after it was written; nothing was imported.`,
    );
    expectNothingImported(target);
  });

  it('a deleted sign-off: a tombstone for the halt', async () => {
    const { source, target, backup, haltId } = await backupWithHalt();
    const laptop = modifiedClient(source.store);
    const halt = backup.changeLog.find((c) => c.rowId === haltId)!;
    backup.changeLog.push(laptop.change({ hlc: halt.hlc, author: halt.author, entity: 'signoff', rowId: haltId, field: '_deleted', value: true }));
    const error = refusal(target, backup);
    expect(error.message).toMatch(new RegExp(`the signoff record ${haltId} was not imported: signoff records are append-only: they are never deleted \\(\\d+ more changes could not be imported\\); nothing was imported\\.$`));
    expectNothingImported(target);
  });

  it('an unsigned sign-off: the halt without its signature, or a new one never signed', async () => {
    const { source, target, backup, haltId, releaseId, priya } = await backupWithHalt();
    const withoutSignature = { ...backup, changeLog: backup.changeLog.filter((c) => !(c.rowId === haltId && c.field === '_sig')) };
    expect(refusal(target, withoutSignature).message).toMatch(new RegExp(`the signoff record ${haltId} was not imported: its signature is missing or malformed`));
    expectNothingImported(target);

    const neverSigned = modifiedClient(source.store).write(
      'signoff',
      { releaseId, state: 'organization', action: 'assert', personId: priya, comment: 'Freeze lifted', waivedIssues: [], withdrawsId: null, deviceId: source.store.deviceId },
      { author: priya, sign: 'none' },
    );
    const error = refusal(target, { ...backup, changeLog: [...backup.changeLog, ...neverSigned] as Change[] });
    expect(error.message).toMatch(new RegExp(`the signoff record ${neverSigned[0].rowId} was not imported: its signature is missing or malformed`));
    expectNothingImported(target);
  });

  it('a halt moved to another release, a role grant by a key that is no admin\'s, a record from another workspace', async () => {
    const { source, target, backup, haltId, priya } = await backupWithHalt();
    const laptop = modifiedClient(source.store);
    const hlc = laptop.stamp(new Date().toISOString());
    const moved = backup.changeLog.filter((c) => c.rowId === haltId).map((c) => ({ ...c, hlc, rowId: recordId('signoff', hlc), value: c.field === 'releaseId' ? 'another-release' : c.value }));
    const stranger = new Forger(source.store.workspaceId!);
    const grant = stranger.write('person', { roles: ['admin', 'security-architect'] }, { rowId: priya, author: priya });
    const elsewhere = new Forger('another-workspace').write('signoff', { ...fieldsOf(backup, haltId), comment: 'From elsewhere' }, { author: priya });
    const cases: Array<[string, Change[], RegExp]> = [
      ['moved', moved, /its signature does not match what it says/],
      ['grant', grant, /it changes what only a workspace admin may change, and its key holds no admin authority/],
      ['elsewhere', elsewhere, /its signature does not match what it says \(edited after it was written, or written for another workspace\)/],
    ];
    for (const [what, changes, reason] of cases) {
      const error = refusal(target, { ...backup, changeLog: [...backup.changeLog, ...changes] as Change[] });
      expect(error.message, what).toMatch(new RegExp(`^changeLog\\[\\d+\\]: the (signoff|person) record ${changes[0].rowId} was not imported: ${reason.source}`));
      expectNothingImported(target);
    }
  });

  it('the untouched backup imports, with the halt verified', async () => {
    const { target, backup, releaseId } = await backupWithHalt();
    restoreBackup(target.store, parseBackup(backup));
    const gate = valueOf(await target.client()['readiness.gate']({ releaseId }));
    expect(gate).toMatchObject({ decision: 'halted', signoffs: [{ verified: true }] });
  });
});
