import { READINESS_STATE_LABELS, type ReadinessState } from '../../contract/readiness-entities';
import { isDecisionKind, type StepKind } from '../../contract/runbook-entities';
import type { HandlerContext } from '../api/handler-context';
import type { Change } from '../changes/change';
import type { Happening } from '../domain/live-notifications';
import { peopleNames } from '../people/people-queries';
import { readRunbookView } from '../runbooks/runbook-view';

/**
 * The facts the notification decision needs from changes that just arrived: sign-offs, step executions, and the
 * steps those executions let start (a step is next now and waits on a step this batch settled).
 */
export function receivedHappenings(ctx: HandlerContext, changes: readonly Change[]): Happening[] {
  const { reader } = ctx.store;
  const names = peopleNames(ctx.store);
  const releaseName = (id: unknown) => {
    const release = reader.get('release', String(id), { deleted: true });
    return release ? `${String(release.name)} ${String(release.version)}` : 'a release';
  };
  const idsOf = (entity: 'signoff' | 'stepExecution') => [...new Set(changes.filter((c) => c.entity === entity).map((c) => c.rowId))];
  const present = <T>(row: T | undefined): row is T => row !== undefined;
  const out: Happening[] = [];
  for (const s of idsOf('signoff').map((id) => reader.get('signoff', id, { deleted: true })).filter(present)) {
    const by = String(s.personId);
    const release = reader.get('release', String(s.releaseId), { deleted: true });
    out.push({
      kind: 'signoff',
      action: String(s.action),
      by,
      byName: names.name(by),
      stateLabel: READINESS_STATE_LABELS[s.state as ReadinessState] ?? String(s.state),
      release: releaseName(s.releaseId),
      releaseOwnerId: release?.ownerId ? String(release.ownerId) : null,
    });
  }
  const settledBy = new Map<string, string>();
  const runbooks = new Set<string>();
  for (const x of idsOf('stepExecution').map((id) => reader.get('stepExecution', id, { deleted: true })).filter(present)) {
    const by = String(x.personId);
    const step = reader.get('runbookStep', String(x.stepId), { deleted: true });
    out.push({ kind: 'execution', action: String(x.action), by, byName: names.name(by), step: String(step?.title ?? 'a step'), release: releaseName(x.releaseId) });
    settledBy.set(String(x.stepId), by);
    runbooks.add(String(x.runbookId));
  }
  for (const runbookId of runbooks) {
    let view;
    try {
      view = readRunbookView(ctx, runbookId);
    } catch {
      continue; // A runbook not here (yet): nothing to say about its steps.
    }
    const byId = new Map(view.steps.map((s) => [s.id, s]));
    for (const id of view.execution.nextStepIds) {
      const step = byId.get(id);
      const cause = step?.dependsOn.find((d) => settledBy.has(d));
      if (!step || !cause) continue;
      const by = settledBy.get(cause)!;
      out.push({ kind: 'next', by, byName: names.name(by), step: step.title, stepOwnerId: step.ownerPersonId, checkpoint: isDecisionKind(step.kind as StepKind), release: view.release ? `${view.release.name} ${view.release.version}` : view.runbook.name });
    }
  }
  return out;
}
