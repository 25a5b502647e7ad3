import type { Release } from '../../contract/entities';
import type { HandlerContext } from '../api/handler-context';
import type { StepOwnership } from '../domain/calendar';
import { isRollbackStep, scheduleRunbook } from '../domain/runbooks';
import { loadSteps, toPlanStep, toRunbook } from './runbook-records';

const MINUTE = 60_000;

/**
 * What the collision finder needs of runbooks: for each person, each runbook they own steps in, collapsed to the
 * span of those steps' planned times. Times come from the release as given, so a release being dragged on the
 * calendar (collisions.preview) moves its runbook's steps with it. Rollback steps are left out: they run only after
 * a no-go, so planning someone on two of them is not a double booking.
 */
export function loadStepOwnerships(ctx: HandlerContext, releases: readonly Release[]): StepOwnership[] {
  const byId = new Map(releases.map((r) => [r.id, r]));
  const names = new Map(ctx.store.reader.list('person').map((p) => [p.id, String(p.name)]));
  const out: StepOwnership[] = [];
  for (const runbook of ctx.store.reader.list('runbook').map(toRunbook)) {
    const release = runbook.releaseId === null ? undefined : byId.get(runbook.releaseId);
    if (!release) continue;
    const steps = loadSteps(ctx, runbook.id);
    if (!steps.some((s) => s.ownerPersonId)) continue;
    const schedule = scheduleRunbook(steps.map(toPlanStep));
    const anchor = Date.parse(release.windowStart);
    const spans = new Map<string, { start: number; end: number }>();
    steps.forEach((step, i) => {
      if (!step.ownerPersonId || isRollbackStep(step) || !names.has(step.ownerPersonId)) return;
      const { start, finish } = schedule.steps[i];
      // A zero-minute step (a checkpoint) still occupies its owner at that moment.
      const s = anchor + start * MINUTE;
      const e = anchor + Math.max(finish, start + 1) * MINUTE;
      const span = spans.get(step.ownerPersonId);
      if (!span) spans.set(step.ownerPersonId, { start: s, end: e });
      else {
        span.start = Math.min(span.start, s);
        span.end = Math.max(span.end, e);
      }
    });
    for (const [personId, span] of spans) {
      out.push({ personId, personName: names.get(personId)!, runbookId: runbook.id, runbookName: runbook.name, releaseId: release.id, timeZone: release.timeZone, ...span });
    }
  }
  return out;
}
