import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WorkspaceSession } from '../../electron/core';
import type { ApiResult } from '../../electron/contract/api-result';
import type { Change } from '../../electron/core/changes/change';

/** A fresh directory under the OS temp folder, removed by the returned cleanup. */
export function tempDir(prefix = 'release-desk-test-'): { dir: string; cleanup: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** A real workspace file in a temp dir, with the API session over it. */
export function tempSession(options?: Parameters<typeof WorkspaceSession.open>[1]): { session: WorkspaceSession; file: string; cleanup: () => void } {
  const { dir, cleanup } = tempDir();
  const file = path.join(dir, 'test.releasedesk');
  const session = WorkspaceSession.open(file, options);
  return {
    session,
    file,
    cleanup: () => {
      session.close();
      cleanup();
    },
  };
}

/** Unwraps an ok result, failing the test with the error's message otherwise. */
export function valueOf<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.code}: ${result.error.message}`);
  return result.value;
}

/** Creates the minimum a release needs: one system, one environment. */
export async function seedBasics(session: WorkspaceSession) {
  const system = valueOf(await session.client()['systems.create']({ name: 'Payments API' }));
  const environment = valueOf(await session.client()['environments.create']({ name: 'Production', isProduction: true }));
  const person = valueOf(await session.client()['people.create']({ name: 'Priya Natarajan', roles: ['release-coordinator'] }));
  // Priya signs on this device: it holds an enrolled key of hers (the device is the new workspace's root).
  valueOf(await session.client()['keys.enrol']({ deviceId: session.store.deviceId, personId: person.id }));
  return { systemId: system.id, environmentId: environment.id, personId: person.id };
}

export function releaseInput(basics: { systemId: string; environmentId: string }, overrides: Record<string, unknown> = {}) {
  return {
    name: 'Payments',
    version: '2.4.0',
    systemIds: [basics.systemId],
    environmentIds: [basics.environmentId],
    windowStart: '2026-12-05T22:00:00+01:00',
    windowEnd: '2026-12-06T02:00:00+01:00',
    timeZone: 'Europe/Berlin',
    ...overrides,
  };
}

export function changeLogCount(session: WorkspaceSession): number {
  return session.store.changeCount();
}

/** Enrols this workspace's device for people (it is the workspace's root in a fresh test workspace): they may sign here. */
export async function enrolHere(session: WorkspaceSession, personIds: readonly string[]): Promise<void> {
  for (const personId of personIds) valueOf(await session.client()['keys.enrol']({ deviceId: session.store.deviceId, personId }));
}

/** Every change one workspace holds, as a sync delivery would carry them. */
export function changesOf(session: WorkspaceSession): Change[] {
  return session.store.reader.changeLog().map(({ seq: _seq, member: _member, ...change }) => change);
}

/**
 * A second device of the same team: a fresh workspace that first receives everything `of` holds (so it takes the
 * same root), and whose key `of` (the root's device) enrols for `personIds`, as an admin would.
 */
export async function teammateSession(of: WorkspaceSession, personIds: readonly string[], options?: Parameters<typeof tempSession>[0]): Promise<ReturnType<typeof tempSession>> {
  const mate = tempSession(options);
  mate.session.store.receive(changesOf(of));
  for (const personId of personIds) valueOf(await mate.session.client()['keys.request']({ personId }));
  of.store.receive(changesOf(mate.session));
  for (const personId of personIds) valueOf(await of.client()['keys.enrol']({ deviceId: mate.session.store.deviceId, personId }));
  mate.session.store.receive(changesOf(of));
  return mate;
}
