import { READINESS_STATE_LABELS, type ReadinessState } from '../../contract/readiness-entities';
import type { ExecutionAction } from '../../contract/runbook-entities';
import type { Change } from '../changes/change';
import { peopleNames } from '../people/people-queries';
import { isEntityName } from '../store/entity-tables';
import type { WorkspaceStore } from '../store/workspace-store';

/** What a person did to a step, in the active voice ("Amara completed Deploy on Payments API 3.0.2"). */
const EXECUTION_VERBS: Record<ExecutionAction, string> = {
  start: 'started',
  complete: 'completed',
  fail: 'failed',
  skip: 'skipped',
  go: 'called go at',
  'no-go': 'called no-go at',
  rehearse: 'rehearsed',
  reopen: 'reopened',
  override: 'overrode',
  abort: 'aborted at',
  'end-failed': 'ended the execution as failed at',
};

const SIGNOFF_VERBS: Record<string, string> = { assert: 'asserted', halt: 'halted', withdraw: 'withdrew a sign-off of' };

/** Bookkeeping of the sync itself, not news to a person. */
const UNSPOKEN = new Set(['chainSeal']);

/** An entity's name for a person ("runbookStep" → "runbook step"). */
const entityWords = (entity: string) => entity.replace(/([A-Z])/g, ' $1').toLowerCase();

/**
 * What changes from the other devices did, one sentence per record, in the words the screens use: sign-offs and
 * step executions say who did what on which release; other records say who changed which fields.
 */
export function describeChanges(store: WorkspaceStore, changes: readonly Change[]): string[] {
  const names = peopleNames(store);
  const { reader } = store;
  const releaseName = (id: unknown) => {
    const release = reader.get('release', String(id), { deleted: true });
    return release ? `${String(release.name)} ${String(release.version)}` : 'a release';
  };
  const byRecord = new Map<string, Change[]>();
  for (const change of changes) {
    if (UNSPOKEN.has(change.entity)) continue;
    const key = `${change.entity}\u0000${change.rowId}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), change]);
  }
  const sentences: string[] = [];
  for (const group of byRecord.values()) {
    const { entity, rowId, author } = group[0];
    const signoff = entity === 'signoff' ? reader.get('signoff', rowId, { deleted: true }) : undefined;
    const execution = entity === 'stepExecution' ? reader.get('stepExecution', rowId, { deleted: true }) : undefined;
    // Any other record is named by its name or title, whichever it has.
    const row: Record<string, unknown> | undefined = isEntityName(entity) ? reader.get(entity, rowId, { deleted: true }) : undefined;
    if (signoff) {
      const state = READINESS_STATE_LABELS[signoff.state] ?? signoff.state;
      sentences.push(`${names.name(signoff.personId)} ${SIGNOFF_VERBS[signoff.action] ?? signoff.action} ${state} on ${releaseName(signoff.releaseId)}`);
    } else if (execution) {
      const step = reader.get('runbookStep', execution.stepId, { deleted: true });
      const verb = EXECUTION_VERBS[execution.action] ?? execution.action;
      sentences.push(`${names.name(execution.personId)} ${verb} ${step?.title ?? 'a step'} on ${releaseName(execution.releaseId)}`);
    } else {
      const fields = [...new Set(group.map((c) => c.field).filter((f) => !f.startsWith('_')))];
      const what = entity === 'release' ? releaseName(rowId) : row && typeof row.name === 'string' ? `${entityWords(entity)} ${row.name}` : row && typeof row.title === 'string' ? `${entityWords(entity)} ${row.title}` : `a ${entityWords(entity)}`;
      const deleted = group.some((c) => c.field === '_deleted' && c.value === true);
      sentences.push(deleted ? `${names.name(author)} deleted ${what}` : `${names.name(author)} changed ${what}${fields.length ? ` (${fields.slice(0, 4).join(', ')}${fields.length > 4 ? ', …' : ''})` : ''}`);
    }
  }
  return sentences;
}
