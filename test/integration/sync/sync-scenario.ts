import path from 'node:path';
import { WorkspaceSession } from '../../../electron/core';
import { exportWorkspace } from '../../../electron/core/backup/export-workspace';
import { releaseInput, valueOf } from '../../helpers/temp-workspace';

/** The Done-when scenario's pieces: two workspaces on this machine, edited apart. */
export async function call<T = Record<string, unknown>>(session: WorkspaceSession, method: string, input: unknown): Promise<T> {
  return valueOf(await session.dispatch(method, input)) as T;
}

export function openWorkspace(dir: string, name: string): WorkspaceSession {
  return WorkspaceSession.open(path.join(dir, `${name}.releasedesk`));
}

/** Workspace A's starting records: a product owner, a security architect, a release. */
export async function seedTeam(a: WorkspaceSession) {
  const priya = await call<{ id: string }>(a, 'people.create', { name: 'Priya Natarajan', roles: ['product-owner', 'release-coordinator'] });
  const sam = await call<{ id: string }>(a, 'people.create', { name: 'Sam Okafor', roles: ['security-architect'] });
  const system = await call<{ id: string }>(a, 'systems.create', { name: 'Payments API' });
  const environment = await call<{ id: string }>(a, 'environments.create', { name: 'Production', isProduction: true });
  const release = await call<{ id: string }>(
    a,
    'releases.create',
    releaseInput({ systemId: system.id, environmentId: environment.id }, { windowStart: '2027-03-05T22:00:00+01:00', windowEnd: '2027-03-06T02:00:00+01:00' }),
  );
  // Priya signs on A, the workspace's first device (its root), which enrols its own key for her.
  await call(a, 'keys.enrol', { deviceId: a.store.deviceId, personId: priya.id });
  return { priyaId: priya.id, samId: sam.id, releaseId: release.id };
}

/**
 * How a teammate gets a key, as in Settings → Keys: B asks for one for the person, the request travels, the admin's
 * device (A) enrols it, and the enrolment travels back. `sync` syncs both devices once (each step runs it twice, so
 * what one device published reaches the other whichever syncs first).
 */
export async function giveKey(admin: WorkspaceSession, mate: WorkspaceSession, personId: string, sync: () => Promise<void>) {
  await call(mate, 'keys.request', { personId });
  await sync();
  await sync();
  await call(admin, 'keys.enrol', { deviceId: mate.store.deviceId, personId });
  await sync();
  await sync();
}

/** Both edit the same field apart, and each records a sign-off (a halt needs only its empowered role and a reason). */
export async function editApart(a: WorkspaceSession, b: WorkspaceSession, ids: { priyaId: string; samId: string; releaseId: string }) {
  await call(a, 'releases.update', { id: ids.releaseId, changes: { description: 'Card vault migration (edited on A)' } });
  await call(b, 'releases.update', { id: ids.releaseId, changes: { description: 'Card vault + 3DS (edited on B)' } });
  await call(a, 'readiness.signoff', { releaseId: ids.releaseId, state: 'product', action: 'halt', comment: 'UAT defect PAY-12 open', asPersonId: ids.priyaId });
  await call(b, 'readiness.signoff', { releaseId: ids.releaseId, state: 'security', action: 'halt', comment: 'Pen test report pending', asPersonId: ids.samId });
}

export function comparableExport(session: WorkspaceSession): string {
  const { exportedAt: _ignored, ...rest } = exportWorkspace(session.store);
  return JSON.stringify(rest, null, 2);
}

export function signoffCount(session: WorkspaceSession): number {
  return session.store.reader.count('signoff');
}
