import type { DeploymentResult } from '../../contract/outcomes-entities';
import { reviewId } from '../outcomes/outcome-records';
import type { MutationWriter } from '../store/mutation-writer';
import type { SeededRandom } from './seeded-random';

interface DemoRelease {
  id: string;
  name: string;
  version: string;
  status: string;
  windowStart: string;
  windowEnd: string;
  environmentIds: readonly string[];
}

interface DemoOutcomeContext {
  releases: readonly DemoRelease[];
  environments: ReadonlyArray<{ id: string; name: string; isProduction: boolean }>;
  people: ReadonlyArray<{ id: string; name: string; roles: readonly string[] }>;
  today: string;
}

const HOUR = 3_600_000;
const SUBJECTS = ['Fix rounding in totals', 'Add retry to provider client', 'Upgrade logging library', 'Tighten input validation', 'Cache lookups', 'Remove feature flag', 'Add metrics for slow queries', 'Update translations', 'Refactor error handling', 'Bump dependency versions'];
const INCIDENTS = ['Checkout error rate above SLO', 'Elevated latency on sign-in', 'Payment provider timeouts', 'Stale prices shown', 'Push notifications delayed'];
const iso = (ms: number) => new Date(ms).toISOString();
const hex = (random: SeededRandom) => Array.from({ length: 40 }, () => random.int(0, 15).toString(16)).join('');

/**
 * Outcomes of the demo quarter's finished releases, so the metrics screen has real figures: a staging rehearsal
 * and a production deployment per release, the commits each carried, incidents (one still open) and a few
 * post-release reviews. Deterministic with the demo's seed; written inside the demo's single mutation.
 */
export function writeDemoOutcomes(w: MutationWriter, random: SeededRandom, demo: DemoOutcomeContext): void {
  const now = Date.parse(`${demo.today}T12:00:00Z`);
  const production = new Set(demo.environments.filter((e) => e.isProduction).map((e) => e.id));
  const authors = demo.people.filter((p) => p.roles.includes('engineer') || p.roles.includes('release-manager')).map((p) => p.name);
  const coordinator = demo.people.find((p) => p.roles.includes('release-coordinator'))!;
  let openIncidentLeft = true;
  const finished = demo.releases.filter((r) => (r.status === 'released' || r.status === 'rolled-back') && Date.parse(r.windowEnd) <= now);
  for (const release of [...finished].reverse()) {
    const start = Date.parse(release.windowStart);
    const productionId = release.environmentIds.find((id) => production.has(id));
    for (const environmentId of release.environmentIds) {
      const isProduction = environmentId === productionId;
      const at = isProduction ? start + random.int(1, 3) * HOUR : start - random.int(2, 5) * 24 * HOUR;
      const result: DeploymentResult =
        release.status === 'rolled-back' && isProduction ? 'rolled-back' : random.weighted([['succeeded', 14], ['fixed-forward', 2], ['failed', 1]] as const);
      const deploymentId = random.uuid();
      // A second patch (x.y.2) in production is an unplanned fix of a user-facing defect: rework, for the rework rate.
      const rework = isProduction && /\.[2-9]\d*$/.test(release.version);
      w.insert('deployment', deploymentId, { releaseId: release.id, environmentId, deployedAt: iso(at), result, source: random.pick(['pipeline', 'manual'] as const), note: '', rework });
      const incident = isProduction && (result !== 'succeeded' || random.next() < 0.3);
      if (!incident) continue;
      const startedAt = at + random.int(10, 180) * 60_000;
      const stillOpen = openIncidentLeft && result === 'succeeded';
      if (stillOpen) openIncidentLeft = false;
      w.insert('incident', random.uuid(), {
        deploymentId,
        releaseId: release.id,
        title: random.pick(INCIDENTS),
        reference: `INC-${random.int(1000, 9999)}`,
        startedAt: iso(startedAt),
        restoredAt: stillOpen ? null : iso(startedAt + random.weighted([[random.int(15, 55), 3], [random.int(60, 600), 4], [random.int(700, 2400), 2]] as const) * 60_000),
      });
    }
    const changeCount = random.int(1, 5);
    for (let i = 0; i < changeCount; i++) {
      const committedAt = start - random.int(6, 24 * 12) * HOUR;
      w.insert('releaseChange', random.uuid(), { releaseId: release.id, sha: hex(random), subject: random.pick(SUBJECTS), author: random.pick(authors), committedAt: iso(committedAt) });
    }
  }
  for (const release of finished.slice(-3)) {
    const closed = release.status === 'rolled-back' || random.next() < 0.5;
    w.insert('postReleaseReview', reviewId(release.id), {
      releaseId: release.id,
      wentWell: 'Runbook steps ran on time; the go/no-go checkpoint was quick.',
      didNotGoWell: release.status === 'rolled-back' ? 'Error rates rose after the switch-over and we rolled back.' : 'Smoke tests took longer than planned.',
      actionItems: [{ text: 'Automate the post-deployment smoke tests', ownerId: coordinator.id, done: false }],
      closedAt: closed ? iso(Math.min(now, Date.parse(release.windowEnd) + 3 * 24 * HOUR)) : null,
      closedBy: closed ? coordinator.id : null,
    });
  }
}
