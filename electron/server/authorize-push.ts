import { EMPOWERED_ROLE_FOR, READINESS_STATES, READINESS_STATE_LABELS, type ReadinessState } from '../contract/readiness-entities';
import { ROLE_LABELS } from '../contract/entities';
import { DELETED_FIELD, isAppendOnly, isEntityName } from '../core/store/entity-tables';
import type { SyncChange } from '../core/sync/sync-change';
import type { RefusedChange } from '../core/sync/server-protocol';
import type { Member, ServerStore } from './server-store';

/**
 * The rules the server enforces on changes it has not stored yet (what it already holds, others pushed and passed):
 * - a sign-off names the pushing member's own person (an admin, who brings a workspace's history in, may push
 *   others'), and that person holds the empowered role for its state as the server knows the roles before this
 *   push, so a push cannot grant a role and use it at once;
 * - only an admin member may give a person roles;
 * - append-only records (sign-offs, ticks, decisions, ...) are never changed once stored.
 */
export function refusedChanges(store: ServerStore, member: Member, fresh: readonly SyncChange[]): RefusedChange[] {
  const refused: RefusedChange[] = [];
  const refuse = (c: SyncChange, reason: string) => refused.push({ entity: c.entity, rowId: c.rowId, field: c.field, hlc: c.hlc, reason });

  const signoffs = new Map<string, SyncChange[]>();
  for (const c of fresh) {
    if (c.entity === 'signoff') signoffs.set(c.rowId, [...(signoffs.get(c.rowId) ?? []), c]);
    if (isEntityName(c.entity) && isAppendOnly(c.entity) && (c.field === DELETED_FIELD || store.hasOtherChange(c.entity, c.rowId, c.field, c.hlc))) {
      refuse(c, `${c.entity} records are append-only: ${c.rowId} was already written and cannot change.`);
    }
    if (c.entity === 'person' && c.field === 'roles' && !member.admin && grantsRoles(c.value, store.latestValue('person', c.rowId, 'roles'))) {
      refuse(c, `${member.name} may not give people roles: only an admin member of the team server may.`);
    }
  }

  for (const [rowId, changes] of signoffs) {
    const field = (name: string) => changes.find((c) => c.field === name)?.value ?? store.latestValue('signoff', rowId, name);
    const state = field('state') as ReadinessState | undefined;
    const personId = field('personId') as string | undefined;
    const reason = signoffProblem(store, member, state, personId);
    if (reason) for (const c of changes) refuse(c, reason);
  }
  return dedupe(refused);
}

function signoffProblem(store: ServerStore, member: Member, state: ReadinessState | undefined, personId: string | undefined): string | null {
  if (!state || !READINESS_STATES.includes(state) || !personId) return 'a sign-off must arrive with its readiness state and person.';
  const label = READINESS_STATE_LABELS[state];
  if (personId !== member.personId && !member.admin) return `${member.name} may not record a sign-off of ${label} readiness in another person's name.`;
  const roles = store.latestValue('person', personId, 'roles');
  const deleted = store.latestValue('person', personId, DELETED_FIELD) === true;
  const role = EMPOWERED_ROLE_FOR[state];
  if (deleted || !Array.isArray(roles) || !roles.includes(role)) {
    const who = personId === member.personId ? member.name : `person ${personId}`;
    return `${who} may not sign off ${label} readiness: only a person holding the ${ROLE_LABELS[role]} role may, and ${who} does not.`;
  }
  return null;
}

function grantsRoles(next: unknown, current: unknown): boolean {
  const before = new Set(Array.isArray(current) ? current : []);
  return Array.isArray(next) && next.some((role) => !before.has(role));
}

function dedupe(list: RefusedChange[]): RefusedChange[] {
  const seen = new Set<string>();
  return list.filter((r) => {
    const key = [r.entity, r.rowId, r.field, r.hlc].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
