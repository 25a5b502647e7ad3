import type { Release } from '../../contract/entities';
import type { ReadinessState } from '../../contract/readiness-entities';
import type { HandlerContext } from '../api/handler-context';
import { hlcInstant } from '../changes/change';
import type { ReleaseManagementFacts, RunbookRunFacts } from '../domain/metrics';
import { toRunbook } from '../runbooks/runbook-records';
import { runbookFacts } from '../runbooks/runbook-view';
import { readSignedRows } from '../store/signed-records';
import { loadDeployments } from './outcome-records';

/**
 * What the release-management figures are computed from (domain/metrics/release-management.ts): each release with
 * its runbook run, production deployments and when its status last changed; the halts that count; acceptances.
 */
export function loadReleaseManagementFacts(ctx: HandlerContext): ReleaseManagementFacts {
  const { reader } = ctx.store;
  const releases = reader.list('release');
  const production = new Set(reader.list('environment').filter((e) => Boolean(e.isProduction)).map((e) => e.id));
  const deployments = new Map<string, Array<{ at: number; result: ReturnType<typeof loadDeployments>[number]['result'] }>>();
  for (const d of loadDeployments(ctx)) {
    if (!production.has(d.environmentId)) continue;
    deployments.set(d.releaseId, [...(deployments.get(d.releaseId) ?? []), { at: Date.parse(d.deployedAt), result: d.result }]);
  }
  // One query for every release's last status change, instead of one history read per release.
  const statusAt = new Map([...reader.lastChanged('release', 'status')].map(([id, hlc]) => [id, Date.parse(hlcInstant(hlc))]));
  const runs = runsByRelease(ctx);
  const signoffs = readSignedRows(ctx.store, 'signoff', reader.list('signoff').filter((s) => s.action === 'halt')).filter((s) => s.trust.verified);
  return {
    releases: releases.map((r) => ({
      id: r.id,
      label: `${r.name} ${r.version}`,
      systemIds: r.systemIds,
      environmentIds: r.environmentIds,
      ownerId: r.ownerId,
      windowStart: Date.parse(r.windowStart),
      windowEnd: Date.parse(r.windowEnd),
      status: r.status,
      statusAt: statusAt.get(r.id) ?? null,
      run: runs.get(r.id) ?? null,
      productionDeployments: (deployments.get(r.id) ?? []).sort((a, b) => a.at - b.at),
    })),
    halts: signoffs.map(({ row, written }) => ({ releaseId: String(row.releaseId), state: row.state as ReadinessState, at: Date.parse(written.at) })),
    acceptances: reader.list('collisionAcceptance').map((a) => ({ collisionKey: String(a.collisionKey), at: Date.parse(a.createdAt) })),
  };
}

/** Per release, the run of its runbook that was not a rehearsal (the one that ran last, if several did). */
function runsByRelease(ctx: HandlerContext): Map<string, RunbookRunFacts> {
  const out = new Map<string, RunbookRunFacts>();
  for (const runbook of ctx.store.reader.list('runbook').map(toRunbook)) {
    if (runbook.releaseId === null) continue;
    const { execution, records, schedule } = runbookFacts(ctx, runbook);
    if (execution.phase === 'not-started' || execution.rehearsal || records.length === 0) continue;
    const times = records.map((r) => r.at);
    const run: RunbookRunFacts = {
      runbookName: runbook.name,
      phase: execution.phase,
      startedAt: Math.min(...times),
      lastAt: Math.max(...times),
      plannedMinutes: schedule.start === null || schedule.end === null ? null : schedule.end - schedule.start,
      noGoAt: records.filter((r) => r.action === 'no-go' || r.action === 'abort').map((r) => r.at),
    };
    const seen = out.get(runbook.releaseId);
    if (!seen || seen.lastAt < run.lastAt) out.set(runbook.releaseId, run);
  }
  return out;
}
