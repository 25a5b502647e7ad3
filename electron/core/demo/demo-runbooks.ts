import { StepCreate, type StepKind } from '../../contract/runbook-entities';
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

interface DemoRunbookContext {
  releases: readonly DemoRelease[];
  people: ReadonlyArray<{ id: string; name: string }>;
  productionId: string;
  today: string;
}

/** One step of a demo plan: `ref` names it for `after`; `owner` is a demo person's name. */
interface DemoStep {
  ref: string;
  title: string;
  section: string;
  kind?: StepKind;
  minutes: number;
  after?: string[];
  /** Minutes from the window's start (negative: before it opens). */
  at?: number;
  owner?: string;
  team?: string;
  command?: string;
  description?: string;
  /** Go/no-go steps: who decides (demo people's names) and on what. */
  approvers?: string[];
  criteria?: string;
  pointOfNoReturn?: boolean;
}

/** A release-weekend cutover of the Payments API with a Customer DB migration: what a real war-room plan holds. */
const CUTOVER: readonly DemoStep[] = [
  { ref: 'announce', title: 'Announce the maintenance window to customers and support', section: 'Pre-checks', kind: 'communication', minutes: 10, at: -120, owner: 'Priya Natarajan', description: 'Status page, #support and the customer newsletter banner. Use the template **Planned maintenance tonight**, with the window in the customers’ time zone.' },
  { ref: 'signoffs', title: 'Readiness gate: the four readiness states', section: 'Pre-checks', kind: 'readiness-gate', minutes: 5, at: -90, owner: 'Priya Natarajan', approvers: ['Priya Natarajan'], criteria: 'No readiness state is halted by its empowered role.', description: 'When it blocks, the readiness board names who halted which state, and why.' },
  { ref: 'freeze', title: 'Freeze merges to the release branch', section: 'Pre-checks', minutes: 5, at: -60, owner: 'Daniel Kim', command: 'gh api -X PUT repos/northwind/payments-api/branches/release/protection --input freeze.json' },
  { ref: 'backup', title: 'Verify last night’s Customer DB backup restored on the standby', section: 'Pre-checks', minutes: 15, at: -55, after: ['freeze'], owner: 'Lukas Hoffmann', team: 'DBA team', command: 'pgbackrest --stanza=customer info\npgbackrest --stanza=customer verify' },
  { ref: 'disk', title: 'Check disk space and replication lag', section: 'Pre-checks', minutes: 10, at: -55, after: ['freeze'], owner: 'Rahul Mehta', command: "psql -c 'SELECT client_addr, replay_lag FROM pg_stat_replication;'" },
  { ref: 'batch-off', title: 'Pause batch jobs and the nightly warehouse load', section: 'Pre-checks', minutes: 10, at: -30, after: ['backup', 'disk'], owner: 'Emma Schneider', command: 'kubectl -n payments patch cronjob settlement-export -p \'{"spec":{"suspend":true}}\'' },
  { ref: 'go-start', title: 'Go/no-go: start the cutover', section: 'Pre-checks', kind: 'checkpoint', minutes: 5, after: ['announce', 'signoffs', 'batch-off'], owner: 'Priya Natarajan', approvers: ['Priya Natarajan', 'Lukas Hoffmann'], criteria: 'Every pre-check is done, the backup restored on the standby, and the on-call engineers and the DBA are on the bridge.', description: 'A no-go here aborts the release: nothing has changed in production yet.' },
  { ref: 'status-page', title: 'Set the status page to "maintenance in progress"', section: 'Communication', kind: 'communication', minutes: 5, after: ['go-start'], owner: 'Priya Natarajan' },
  { ref: 'maintenance-on', title: 'Switch the Web Shop to maintenance mode', section: 'Deploy', minutes: 5, after: ['go-start'], owner: 'Daniel Kim', pointOfNoReturn: true, command: 'kubectl -n shop set env deploy/web-shop MAINTENANCE_MODE=on' },
  { ref: 'drain', title: 'Drain traffic from payments-api', section: 'Deploy', minutes: 10, after: ['maintenance-on'], owner: 'Rahul Mehta', command: 'kubectl -n payments scale deploy/payments-api --replicas=0' },
  { ref: 'migrate', title: 'Run the consent-history migration on Customer DB', section: 'Deploy', minutes: 40, after: ['drain'], owner: 'Lukas Hoffmann', team: 'DBA team', command: 'flyway -configFiles=prod.conf -target=2026.12.1 migrate', description: 'Adds `consent_history` and back-fills 4.2 M rows in batches of 50,000. Expected 30–40 minutes.' },
  { ref: 'migrate-check', title: 'Verify migration row counts and constraints', section: 'Deploy', minutes: 10, after: ['migrate'], owner: 'Lukas Hoffmann', team: 'DBA team', command: "psql -f checks/consent_history_counts.sql" },
  { ref: 'deploy-api', title: 'Deploy payments-api to production', section: 'Deploy', minutes: 25, after: ['migrate-check'], owner: 'Daniel Kim', command: 'helm upgrade payments-api charts/payments-api -n payments -f values/prod.yaml --set image.tag=$VERSION --wait' },
  { ref: 'deploy-orders', title: 'Roll out the orders-service payment client config', section: 'Deploy', minutes: 15, after: ['migrate-check'], owner: 'Emma Schneider', command: 'kubectl -n orders apply -f config/payment-client.yaml' },
  { ref: 'workers', title: 'Restart settlement workers', section: 'Deploy', minutes: 10, after: ['deploy-api', 'deploy-orders'], owner: 'Rahul Mehta', command: 'kubectl -n payments rollout restart deploy/settlement-worker' },
  { ref: 'smoke', title: 'Smoke test: checkout with the test cards', section: 'Verify', minutes: 20, after: ['workers'], owner: 'Emma Schneider', description: 'Visa 3DS, Mastercard, PayPal sandbox; one refund each.' },
  { ref: 'dashboards', title: 'Check error rates and latency dashboards', section: 'Verify', minutes: 15, after: ['workers'], owner: 'Rahul Mehta', description: 'p95 under 400 ms, 5xx under 0.1 % for 10 minutes.' },
  { ref: 'callbacks', title: 'Verify payment provider callbacks arrive', section: 'Verify', minutes: 10, after: ['smoke'], owner: 'Sofia Martinez' },
  { ref: 'business', title: 'Business check by the product owner', section: 'Verify', minutes: 20, after: ['smoke', 'dashboards'], owner: 'Jonas Weber' },
  { ref: 'go-open', title: 'Go/no-go: open the shop to customers', section: 'Verify', kind: 'checkpoint', minutes: 5, after: ['callbacks', 'business'], owner: 'Priya Natarajan', approvers: ['Priya Natarajan', 'Jonas Weber'], criteria: 'Smoke tests pass; p95 under 400 ms and 5xx under 0.1 % for 10 minutes; payment callbacks arrive; the product owner accepts.', description: 'No-go moves the war room to the rollback section.' },
  { ref: 'maintenance-off', title: 'Switch maintenance mode off', section: 'Verify', minutes: 5, after: ['go-open'], owner: 'Daniel Kim', command: 'kubectl -n shop set env deploy/web-shop MAINTENANCE_MODE-' },
  { ref: 'batch-on', title: 'Resume batch jobs and the warehouse load', section: 'Verify', minutes: 10, after: ['maintenance-off'], owner: 'Emma Schneider' },
  { ref: 'all-clear', title: 'Announce completion to customers and support', section: 'Communication', kind: 'communication', minutes: 10, after: ['maintenance-off'], owner: 'Priya Natarajan' },
  { ref: 'rb-announce', title: 'Announce the rollback to stakeholders', section: 'Rollback', kind: 'communication', minutes: 5, after: ['go-open'], owner: 'Priya Natarajan' },
  { ref: 'rb-api', title: 'Roll back payments-api to the previous release', section: 'Rollback', kind: 'rollback', minutes: 20, after: ['rb-announce'], owner: 'Daniel Kim', command: 'helm rollback payments-api -n payments --wait' },
  { ref: 'rb-db', title: 'Revert the consent-history migration', section: 'Rollback', kind: 'rollback', minutes: 45, after: ['rb-api'], owner: 'Lukas Hoffmann', team: 'DBA team', command: 'flyway -configFiles=prod.conf undo' },
  { ref: 'rb-verify', title: 'Verify the previous version is healthy', section: 'Rollback', kind: 'rollback', minutes: 15, after: ['rb-db'], owner: 'Rahul Mehta' },
];

/** The shape most teams start from: kept small, owned by teams, to be filled in per release. */
const TEMPLATE: readonly DemoStep[] = [
  { ref: 'announce', title: 'Announce the maintenance window', section: 'Pre-checks', kind: 'communication', minutes: 10, at: -120, team: 'Release management' },
  { ref: 'backup', title: 'Verify backups', section: 'Pre-checks', minutes: 15, at: -60, team: 'DBA team' },
  { ref: 'go-start', title: 'Go/no-go: start', section: 'Pre-checks', kind: 'checkpoint', minutes: 5, after: ['announce', 'backup'], team: 'Release management', criteria: 'Every pre-check is done and the on-call engineers are on the bridge.' },
  { ref: 'deploy', title: 'Deploy', section: 'Deploy', minutes: 30, after: ['go-start'], team: 'Engineering', pointOfNoReturn: true },
  { ref: 'smoke', title: 'Smoke tests', section: 'Verify', minutes: 20, after: ['deploy'], team: 'QA' },
  { ref: 'go-open', title: 'Go/no-go: open to customers', section: 'Verify', kind: 'checkpoint', minutes: 5, after: ['smoke'], team: 'Release management' },
  { ref: 'all-clear', title: 'Announce completion', section: 'Communication', kind: 'communication', minutes: 10, after: ['go-open'], team: 'Release management' },
  { ref: 'rollback', title: 'Roll back to the previous release', section: 'Rollback', kind: 'rollback', minutes: 30, after: ['go-open'], team: 'Engineering' },
];

function writeSteps(w: MutationWriter, random: SeededRandom, runbookId: string, steps: readonly DemoStep[], people: DemoRunbookContext['people']): void {
  const ids = new Map(steps.map((s) => [s.ref, random.uuid()]));
  steps.forEach((s, index) => {
    const fields = StepCreate.parse({
      runbookId,
      title: s.title,
      description: s.description ?? '',
      command: s.command ?? '',
      ownerPersonId: s.owner ? (people.find((p) => p.name === s.owner)?.id ?? null) : null,
      ownerTeam: s.team ?? '',
      kind: s.kind ?? 'task',
      section: s.section,
      durationMinutes: s.minutes,
      dependsOn: (s.after ?? []).map((ref) => ids.get(ref)!),
      fixedStartOffsetMinutes: s.at ?? null,
      externalRef: String(index + 1),
      approverIds: (s.approvers ?? []).flatMap((name) => people.filter((p) => p.name === name).map((p) => p.id)),
      criteria: s.criteria ?? '',
      pointOfNoReturn: s.pointOfNoReturn ?? false,
    });
    const { afterStepId: _after, ...row } = fields;
    w.insert('runbookStep', ids.get(s.ref)!, { ...row, position: index + 1 });
  });
}

/**
 * A cutover plan for the next release weekend going to production, made from the workspace's template, so the
 * runbook screens, the war-room PDF and the calendar's runbook-owner check have something real to show.
 */
export function writeDemoRunbooks(w: MutationWriter, random: SeededRandom, demo: DemoRunbookContext): void {
  const templateId = random.uuid();
  w.insert('runbook', templateId, { name: 'Standard release weekend', description: 'Start here for a production release weekend.', releaseId: null, templateId: null });
  writeSteps(w, random, templateId, TEMPLATE, demo.people);

  const now = Date.parse(`${demo.today}T12:00:00Z`);
  const candidates = demo.releases.filter(
    (r) =>
      Date.parse(r.windowStart) > now &&
      r.status !== 'cancelled' &&
      r.environmentIds.includes(demo.productionId) &&
      Date.parse(r.windowEnd) - Date.parse(r.windowStart) >= 4 * 3_600_000,
  );
  // The plan deploys payments-api: a Payments API release if one is coming, else the next one.
  const release = candidates.find((r) => r.name === 'Payments API') ?? candidates[0];
  if (!release) return;
  const runbookId = random.uuid();
  w.insert('runbook', runbookId, {
    name: `${release.name} ${release.version} cutover`,
    description: 'The war-room plan for the release weekend. Pre-checks start two hours before the window opens.',
    releaseId: release.id,
    templateId,
  });
  writeSteps(w, random, runbookId, CUTOVER, demo.people);
}
