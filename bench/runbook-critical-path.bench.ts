import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { createHandlerContext } from '../electron/core/api/handler-context';
import { scheduleRunbook, type PlanStep } from '../electron/core/domain/runbooks';
import { readRunbookView } from '../electron/core/runbooks/runbook-view';
import { WorkspaceStore } from '../electron/core/store/workspace-store';
import { median, type Figure } from './measure';

/**
 * Issue 4: the critical path of a 5,000-step runbook, target under 20 ms. The plan is shaped like a big cutover:
 * 50 sections of 100 steps; inside a section most steps wait for one or two of the previous 10 (fan-in), every tenth
 * step is a checkpoint waiting for up to 6 recent steps, each section's first step waits for the previous section's
 * last, some pre-checks have fixed starts, and the last section is rollback. Figures: the pure schedule (forward
 * and backward pass, critical path), and the whole `readRunbookView` from a real workspace file (reading 5,000
 * steps from SQLite, schedule, execution state with 1,000 records, people, release and readiness).
 */
const STEPS = 5000;
const RUNS = 25;
/** Runs not timed first: the figure is for the steady state of a running app, not the JIT's first look at the code. */
const WARMUP = 3;

function seeded(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function bigPlan(count = STEPS): PlanStep[] {
  const rand = seeded(4);
  const steps: PlanStep[] = [];
  for (let i = 0; i < count; i++) {
    const section = Math.floor(i / 100);
    const first = i % 100 === 0;
    const deps = new Set<string>();
    if (first && i > 0) deps.add(`s${i - 1}`);
    if (!first) {
      const fanIn = i % 10 === 0 ? 2 + Math.floor(rand() * 5) : 1 + Math.floor(rand() * 2);
      for (let k = 0; k < fanIn; k++) deps.add(`s${i - 1 - Math.floor(rand() * Math.min(10, i % 100))}`);
    }
    steps.push({
      id: `s${i}`,
      title: `Step ${i + 1}`,
      kind: section === 49 ? 'rollback' : i % 10 === 0 ? 'checkpoint' : 'task',
      section: section === 49 ? 'Rollback' : `Section ${section + 1}`,
      position: i + 1,
      durationMinutes: i % 10 === 0 ? 5 : 5 + Math.floor(rand() * 40),
      dependsOn: [...deps],
      fixedStartOffsetMinutes: section === 0 && i % 7 === 0 ? -120 + i : null,
    });
  }
  return steps;
}

export function viewWorkspace(steps: readonly PlanStep[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-bench-runbook-'));
  const store = WorkspaceStore.open(path.join(dir, 'bench.releasedesk'));
  const ids = new Map(steps.map((s) => [s.id, randomUUID()]));
  store.mutate('p1', (w) => {
    w.insert('person', 'p1', { name: 'Priya Natarajan', email: '', roles: ['release-coordinator'] });
    w.insert('release', 'r1', {
      name: 'Payments', version: '9.0.0', systemIds: [], environmentIds: [], windowStart: '2026-12-05T21:00:00.000Z', windowEnd: '2026-12-07T21:00:00.000Z',
      timeZone: 'Europe/Berlin', status: 'go', ownerId: 'p1', description: '',
    });
    w.insert('runbook', 'rb1', { name: 'Big cutover', description: '', releaseId: 'r1', templateId: null });
    for (const s of steps) {
      w.insert('runbookStep', ids.get(s.id)!, {
        runbookId: 'rb1', position: s.position, title: s.title, description: '', command: '', ownerPersonId: 'p1', ownerTeam: '', kind: s.kind,
        section: s.section, durationMinutes: s.durationMinutes, dependsOn: s.dependsOn.map((d) => ids.get(d)!), fixedStartOffsetMinutes: s.fixedStartOffsetMinutes, externalRef: '',
      });
    }
    // The first 500 steps started and done: 1,000 execution records.
    for (const s of steps.slice(0, 500)) {
      for (const action of ['start', 'complete'] as const) {
        w.insert('stepExecution', randomUUID(), { runbookId: 'rb1', releaseId: 'r1', stepId: ids.get(s.id)!, action, reason: '', personId: 'p1', at: '2026-12-05T21:10:00.000Z', deviceId: 'bench' });
      }
    }
  });
  return { store, cleanup: () => (store.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

export async function benchRunbookCriticalPath(): Promise<Figure[]> {
  const steps = bigPlan();
  const edges = steps.reduce((n, s) => n + s.dependsOn.length, 0);
  const pure: number[] = [];
  let pathLength = 0;
  for (let i = 0; i < WARMUP; i++) scheduleRunbook(steps, 48 * 60);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const schedule = scheduleRunbook(steps, 48 * 60);
    pure.push(performance.now() - t0);
    pathLength = schedule.criticalPath.length;
  }
  const { store, cleanup } = viewWorkspace(steps);
  const views: number[] = [];
  try {
    const ctx = createHandlerContext(store);
    const now = new Date('2026-12-06T03:00:00Z');
    for (let i = 0; i < WARMUP + 7; i++) {
      const t0 = performance.now();
      readRunbookView(ctx, 'rb1', now);
      if (i >= WARMUP) views.push(performance.now() - t0);
    }
  } finally {
    cleanup();
  }
  return [
    { name: 'critical path, 5,000 steps (target < 20 ms)', value: median(pure), unit: 'ms', note: `${edges} dependencies, critical path of ${pathLength} steps` },
    { name: 'readRunbookView, 5,000 steps + 1,000 records', value: median(views), unit: 'ms', note: 'SQLite read, schedule, execution state, release and readiness' },
  ];
}

// Run on its own: npx tsx bench/runbook-critical-path.bench.ts
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printFigures } = await import('./measure');
  printFigures('Runbooks', await benchRunbookCriticalPath());
}
