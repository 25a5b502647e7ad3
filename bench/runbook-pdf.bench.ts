import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { WorkspaceSession } from '../electron/core';
import { median, medianMs, type Figure } from './measure';

/**
 * PDF export of a 1,000-step runbook (issue 4: target under 2 s, with its peak memory). The runbook is what a big
 * release weekend looks like: 10 sections, a chain of dependencies with parallel branches, notes on half the steps,
 * commands on a third, a rollback section. The time is `runbooks.export` end to end (view, schedule, PDF bytes).
 *
 * Peak memory is measured in a child process that opens the workspace and exports once: its maxRSS (the kernel's
 * high-water mark, via process.resourceUsage) after the export, less its RSS just before, is what the export added
 * at its peak; a sampler cannot see inside pdfmake's synchronous layout, the kernel can.
 */
const STEPS = 1000;
const RUNS = 5;
const SECTIONS = ['Pre-checks', 'Freeze', 'Database', 'Backend', 'Frontend', 'Integrations', 'Verify', 'Communication', 'Handover', 'Rollback'];

function planCsv(): string {
  const lines = ['ID,Section,Task,Owner,Duration,Predecessors,Notes,Command,Kind'];
  for (let i = 1; i <= STEPS; i++) {
    const section = SECTIONS[Math.min(SECTIONS.length - 1, Math.floor(((i - 1) / STEPS) * SECTIONS.length))];
    const deps = i === 1 ? '' : i % 7 === 0 && i > 3 ? `"${i - 1}, ${i - 3}"` : String(i - 1);
    const notes = i % 2 === 0 ? `"Check the dashboard for service ${i}; page the on-call engineer if error rate > 1%."` : '';
    const command = i % 3 === 0 ? `"kubectl -n prod rollout status deploy/service-${i} --timeout=10m"` : '';
    const kind = section === 'Rollback' ? 'rollback' : i % 50 === 0 ? 'go/no-go' : '';
    lines.push(`${i},${section},Step ${i}: update service ${i},Team ${i % 12},${5 + (i % 6) * 5},${deps},${notes},${command},${kind}`);
  }
  return `${lines.join('\n')}\n`;
}

async function call(session: WorkspaceSession, method: string, input: unknown): Promise<any> {
  const result = await session.dispatch(method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value;
}

/** A workspace with one 1,000-step runbook (also for screenshots of the export in progress); returns its id. */
export async function seedRunbookWorkspace(file: string): Promise<string> {
  const session = WorkspaceSession.open(file);
  try {
    const system = await call(session, 'systems.create', { name: 'Core banking' });
    const environment = await call(session, 'environments.create', { name: 'Production', isProduction: true });
    const release = await call(session, 'releases.create', {
      name: 'Core banking',
      version: '12.0',
      systemIds: [system.id],
      environmentIds: [environment.id],
      windowStart: '2027-03-06T20:00:00+01:00',
      windowEnd: '2027-03-08T06:00:00+01:00',
      timeZone: 'Europe/Berlin',
    });
    const runbook = await call(session, 'runbooks.create', { releaseId: release.id, name: 'Core banking 12.0 migration weekend' });
    const content = Buffer.from(planCsv()).toString('base64');
    const imported = await call(session, 'runbooks.importSteps', { runbookId: runbook.id, fileName: 'plan.csv', encoding: 'base64', content, dryRun: false });
    if (imported.imported !== STEPS) throw new Error(`imported ${imported.imported} of ${STEPS} steps: ${JSON.stringify([...imported.fileErrors, ...imported.rows.flatMap((r: { errors: unknown[] }) => r.errors)].slice(0, 3))}`);
    return runbook.id;
  } finally {
    session.close();
  }
}

/** In the child: one export, and what it added to the process's memory at its peak. */
async function child(file: string, runbookId: string): Promise<void> {
  const session = WorkspaceSession.open(file);
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const exported = await call(session, 'runbooks.export', { runbookId, format: 'pdf' });
  const coldMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const coldCpuMs = (cpu.user + cpu.system) / 1000;
  const maxRssKb = process.resourceUsage().maxRSS;
  session.close();
  process.stdout.write(JSON.stringify({ rssBefore: before.rss, maxRss: maxRssKb * 1024, coldMs, coldCpuMs, bytes: Buffer.from(exported.content, 'base64').length }));
}

export async function benchRunbookPdf(): Promise<{ figures: Figure[]; notes: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-desk-bench-pdf-'));
  try {
    const file = path.join(dir, 'bench.releasedesk');
    const runbookId = await seedRunbookWorkspace(file);
    const session = WorkspaceSession.open(file);
    let pdfBytes = 0;
    let pages = 0;
    const cpu: number[] = [];
    // One export before timing: the first loads fonts and warms the JIT, which every later export in a session skips.
    await call(session, 'runbooks.export', { runbookId, format: 'pdf' });
    const wall = await medianMs(RUNS, () => process.cpuUsage(), async (started) => {
      const exported = await call(session, 'runbooks.export', { runbookId, format: 'pdf' });
      const used = process.cpuUsage(started);
      cpu.push((used.user + used.system) / 1000);
      const bytes = Buffer.from(exported.content, 'base64');
      pdfBytes = bytes.length;
      pages = (bytes.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    });
    session.close();

    const self = fileURLToPath(import.meta.url);
    const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', self, '--child', file, runbookId], { encoding: 'utf8', timeout: 120_000 });
    if (run.status !== 0) throw new Error(`the memory child failed: ${run.stderr}`);
    const memory = JSON.parse(run.stdout) as { rssBefore: number; maxRss: number; coldMs: number; coldCpuMs: number };
    const mb = (n: number) => n / 1024 / 1024;
    return {
      figures: [
        { name: `PDF export, ${STEPS} steps (median of ${RUNS})`, value: wall.median, unit: 'ms', note: 'target < 2000 ms' },
        { name: 'CPU time of one export (median)', value: median(cpu), unit: 'ms', note: 'user + system: less swayed by other processes on the cores' },
        { name: 'first export in a fresh process', value: memory.coldMs, unit: 'ms', note: `what \`release-desk export runbook\` pays (JIT cold, fonts loaded); CPU ${memory.coldCpuMs.toFixed(0)} ms` },
        { name: 'peak RSS added by one export', value: mb(memory.maxRss - memory.rssBefore), unit: 'MB', note: `child process: peak ${mb(memory.maxRss).toFixed(0)} MB, ${mb(memory.rssBefore).toFixed(0)} MB before` },
        { name: 'PDF size', value: pdfBytes / 1024, unit: 'KB', note: `${pages} pages` },
      ],
      notes: [
        'Time is runbooks.export end to end: reading the runbook and its schedule, laying out and writing the PDF.',
        `Load average when measured: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores (wall time stretches with it; CPU time less so).`,
      ],
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at >= 0) await child(process.argv[at + 1], process.argv[at + 2]);
