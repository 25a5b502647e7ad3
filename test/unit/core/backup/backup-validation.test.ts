import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../../../../electron/contract/api-result';
import { WorkspaceSession } from '../../../../electron/core';
import { exportWorkspace } from '../../../../electron/core/backup/export-workspace';
import { parseBackup, restoreBackup } from '../../../../electron/core/backup/import-workspace';
import { createDemoWorkspace } from '../../../../electron/core/demo/demo-workspace';
import { changeLogCount, tempDir } from '../../../helpers/temp-workspace';

type Json = Record<string, unknown> & { changeLog: Array<Record<string, unknown>>; workspace: Record<string, Array<Record<string, unknown>>> };

describe('importing a bad backup', () => {
  let cleanup = () => {};
  afterEach(() => cleanup());

  function setup() {
    const t = tempDir();
    const source = WorkspaceSession.open(path.join(t.dir, 'a.releasedesk'));
    const target = WorkspaceSession.open(path.join(t.dir, 'b.releasedesk'));
    cleanup = () => (source.close(), target.close(), t.cleanup());
    createDemoWorkspace(source.store, { releases: 12, today: '2026-11-23' });
    const good = () => JSON.parse(JSON.stringify(exportWorkspace(source.store))) as Json;
    return { source, target, good };
  }

  function failureOf(fn: () => unknown): ApiFailure {
    try {
      fn();
    } catch (error) {
      if (error instanceof ApiFailure) return error;
      throw error;
    }
    throw new Error('expected a failure');
  }

  it.each([
    ['a value of the wrong type', (f: Json) => (f.changeLog[3].value = 42), 'changeLog[3]'],
    ['a broken clock stamp', (f: Json) => (f.changeLog[7].hlc = 'yesterday'), 'changeLog[7].hlc'],
    ['an unknown field', (f: Json) => (f.changeLog[0].field = 'colour'), 'changeLog[0]'],
    ['an invalid release in the workspace section', (f: Json) => (f.workspace.releases[2].status = 'shipped'), 'workspace.releases[2].status'],
    ['a missing section', (f: Json) => Reflect.deleteProperty(f, 'workspace'), 'workspace'],
    ['a duplicated change', (f: Json) => f.changeLog.push({ ...f.changeLog[5] }), `changeLog[`],
  ])('names the problem and its JSON path: %s', (_what, damage, where) => {
    const { target, good } = setup();
    const file = good();
    damage(file);
    const error = failureOf(() => restoreBackup(target.store, parseBackup(file)));
    expect(error.code).toBe('invalid_input');
    expect(error.field).toContain(where);
    expect(error.message).toContain(where);
    expect(changeLogCount(target)).toBe(0);
  });

  it('refuses another format or a newer version by name', () => {
    const { good } = setup();
    expect(failureOf(() => parseBackup({ ...good(), format: 'something-else' })).message).toMatch(/not a Release Desk workspace backup/);
    expect(failureOf(() => parseBackup({ ...good(), formatVersion: 2 })).message).toMatch(/newer Release Desk/);
    expect(failureOf(() => parseBackup([])).message).toMatch(/not a JSON object/);
  });

  it('rolls back everything when the change log does not rebuild the workspace section', () => {
    const { target, good } = setup();
    const file = good();
    file.workspace.releases[0].description = 'Not what the history says.';
    const error = failureOf(() => restoreBackup(target.store, parseBackup(file)));
    expect(error.message).toMatch(/workspace\.releases\[0\]\.description/);
    expect(changeLogCount(target)).toBe(0);
    expect(target.store.reader.count('release')).toBe(0);
  });

  it('refuses a workspace that is not empty and leaves it as it was', () => {
    const { source, good } = setup();
    const before = changeLogCount(source);
    expect(failureOf(() => restoreBackup(source.store, parseBackup(good()))).code).toBe('conflict');
    expect(changeLogCount(source)).toBe(before);
  });
});
