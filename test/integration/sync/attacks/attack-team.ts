import type { WorkspaceSession } from '../../../../electron/core';
import type { Change } from '../../../../electron/core/changes/change';
import type { ReadinessState, SignoffAction } from '../../../../electron/contract/readiness-entities';
import { changesOf } from '../../../helpers/temp-workspace';
import { call } from '../sync-scenario';

/**
 * The team the attacks are played against: the four empowered people of a release (docs/sync.md, "Threat model").
 * Priya is the workspace admin and product owner on device A (the workspace's root); Sam, the security architect,
 * signs on his own laptop B. Rosa and Olu have no device in these stories: only A's key is enrolled for them, which is
 * all an attacker needs to know exists.
 */
export const TEAM = {
  priya: { name: 'Priya Natarajan', email: 'priya@payments.example', roles: ['admin', 'product-owner'] },
  rosa: { name: 'Rosa Lindqvist', email: 'rosa@payments.example', roles: ['release-coordinator'] },
  sam: { name: 'Sam Okafor', email: 'sam@payments.example', roles: ['security-architect'] },
  olu: { name: 'Olu Adeyemi', email: 'olu@payments.example', roles: ['operations-coordinator'] },
} as const;
export type Member = keyof typeof TEAM;
export type TeamIds = Record<Member, string> & { releaseId: string; otherReleaseId: string; itemId: string; meetingId: string; runbookId: string; stepId: string };

/** Who is empowered for which readiness state, in this team. */
export const EMPOWERED: Record<ReadinessState, Member> = { product: 'priya', organization: 'rosa', security: 'sam', operation: 'olu' };

/**
 * Seeds workspace A: the four people, two releases, a required Product checklist item, a meeting and a runbook step,
 * and A's key enrolled for everyone it signs for. `explicit`: the readiness policy under which a release is pending
 * until all four states are asserted (under the default, presumptive policy an unasserted release already says go).
 */
export async function seedTeam(a: WorkspaceSession, options: { explicit?: boolean } = {}): Promise<TeamIds> {
  const ids: Partial<TeamIds> = {};
  for (const [key, person] of Object.entries(TEAM) as Array<[Member, (typeof TEAM)[Member]]>) {
    ids[key] = (await call<{ id: string }>(a, 'people.create', { ...person, roles: [...person.roles] })).id;
  }
  if (options.explicit) await call(a, 'settings.update', { readinessPolicy: 'explicit' });
  const system = await call<{ id: string }>(a, 'systems.create', { name: 'Payments API' });
  const environment = await call<{ id: string }>(a, 'environments.create', { name: 'Production', isProduction: true });
  const release = (version: string, day: number) =>
    call<{ id: string }>(a, 'releases.create', {
      name: 'Payments',
      version,
      systemIds: [system.id],
      environmentIds: [environment.id],
      windowStart: `2027-03-${String(day).padStart(2, '0')}T22:00:00+01:00`,
      windowEnd: `2027-03-${String(day + 1).padStart(2, '0')}T02:00:00+01:00`,
      timeZone: 'Europe/Berlin',
    });
  ids.releaseId = (await release('2.4.0', 5)).id;
  ids.otherReleaseId = (await release('2.5.0', 19)).id;
  const [item] = await call<Array<{ id: string }>>(a, 'checklists.instantiate', { releaseId: ids.releaseId, templateId: await productTemplate(a) });
  ids.itemId = item.id;
  const meeting = await call<{ meeting: { id: string } }>(a, 'meetings.create', { title: 'Release coordination', from: '2027-03-01T00:00:00.000Z', to: '2027-03-08T00:00:00.000Z', timeZone: 'Europe/Berlin' });
  ids.meetingId = meeting.meeting.id;
  const runbook = await call<{ id: string }>(a, 'runbooks.create', { name: 'Cutover', releaseId: ids.releaseId });
  ids.runbookId = runbook.id;
  ids.stepId = (await call<{ id: string }>(a, 'runbookSteps.create', { runbookId: runbook.id, title: 'Switch traffic', durationMinutes: 15 })).id;
  for (const personId of [ids.priya!, ids.rosa!, ids.olu!]) await call(a, 'keys.enrol', { deviceId: a.store.deviceId, personId });
  return ids as TeamIds;
}

async function productTemplate(a: WorkspaceSession): Promise<string> {
  const template = await call<{ id: string }>(a, 'checklists.templates.create', { name: 'Product sign-off', state: 'product', items: [{ title: 'UAT signed by the business', required: true }] });
  return template.id;
}

/** The fields of a sign-off record, as the app writes them. */
export function signoffFields(ids: TeamIds, who: Member, state: ReadinessState, action: SignoffAction, deviceId: string, comment = '') {
  return { releaseId: ids.releaseId, state, action, personId: ids[who], comment, waivedIssues: [], withdrawsId: null, deviceId };
}

/** The changes of one record as they sit in a workspace's log (what an attacker copies or replays). */
export function recordChanges(of: WorkspaceSession, rowId: string): Change[] {
  return changesOf(of).filter((c) => c.rowId === rowId);
}

export interface GateAnswer {
  decision: string;
  signoffs: Array<{ state: string; action: string; personId: string; by: string; verified: boolean; reason: string | null }>;
  lines: string[];
}

export const gateOf = (s: WorkspaceSession, releaseId: string) => call<GateAnswer>(s, 'readiness.gate', { releaseId });

export interface AuditEntry {
  kind: string;
  state: string | null;
  who: string;
  what: string;
  comment: string;
  member: string | null;
  verification: { status: string; reason: string | null };
}

export const auditOf = (s: WorkspaceSession, releaseId: string) => call<AuditEntry[]>(s, 'audit.release', { releaseId });

/**
 * What a workspace shows of the governance records the attacks aim at: the Product checklist item's tick and waiver,
 * the meeting's decision on the release, and the runbook step's status.
 */
export async function governanceSeen(s: WorkspaceSession, ids: TeamIds) {
  const readiness = await call<{ checklist: Array<{ id: string; ticked: boolean; waived: boolean }> }>(s, 'readiness.get', { releaseId: ids.releaseId });
  const item = readiness.checklist.find((i) => i.id === ids.itemId)!;
  const meeting = await call<{ agenda: Array<{ release: { id: string }; decision: unknown }> }>(s, 'meetings.get', { id: ids.meetingId });
  const runbook = await call<{ steps: Array<{ id: string; status: string }> }>(s, 'runbooks.get', { id: ids.runbookId });
  return {
    ticked: item.ticked,
    waived: item.waived,
    decision: meeting.agenda.find((a) => a.release.id === ids.releaseId)?.decision ?? null,
    step: runbook.steps.find((st) => st.id === ids.stepId)!.status,
  };
}
