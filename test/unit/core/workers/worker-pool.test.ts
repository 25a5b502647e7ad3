import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkerPool, type WorkspaceSession } from '../../../../electron/core';
import type { WorkProgress } from '../../../../electron/contract/work-contract';
import { releaseInput, seedBasics, tempSession, valueOf } from '../../../helpers/temp-workspace';

/**
 * Long reads on worker threads (issue 17): the same answers as on the main thread, writes made on the main thread
 * seen at once, progress for a named job, and a cancel that stops a running call.
 */
let session: WorkspaceSession;
let cleanup: () => void;
let pool: WorkerPool;
let basics: Awaited<ReturnType<typeof seedBasics>>;

beforeAll(async () => {
  ({ session, cleanup } = tempSession());
  basics = await seedBasics(session);
  pool = new WorkerPool({ size: 1 });
});
afterAll(async () => {
  await pool.close();
  cleanup();
});

const range = { from: '2026-12-01T00:00:00Z', to: '2027-01-01T00:00:00Z' };

describe('worker pool', () => {
  it('lists the collisions a write just made, in a worker, as the main thread would', async () => {
    valueOf(await session.dispatch('releases.create', releaseInput(basics, { name: 'Payments', windowStart: '2026-12-05T21:00:00Z', windowEnd: '2026-12-05T23:00:00Z' })));
    valueOf(await session.dispatch('releases.create', releaseInput(basics, { name: 'Ledger', windowStart: '2026-12-05T22:00:00Z', windowEnd: '2026-12-06T01:00:00Z' })));
    const here = valueOf(await session.dispatch('collisions.list', range));
    session.useWorkers(pool);
    const progress: WorkProgress[] = [];
    const stop = session.onProgress((p) => progress.push(p));
    const there = valueOf(await session.dispatch('collisions.list', range, { jobId: 'job-collisions' }));
    expect(there).toEqual(here);
    expect(there).toHaveLength(1);

    valueOf(await session.dispatch('releases.create', releaseInput(basics, { name: 'Cards', windowStart: '2026-12-05T21:30:00Z', windowEnd: '2026-12-05T22:30:00Z' })));
    expect(valueOf(await session.dispatch('collisions.list', range))).toHaveLength(3);

    const release = (valueOf(await session.dispatch('releases.list', {})) as Array<{ id: string }>)[0];
    const runbook = valueOf(await session.dispatch('runbooks.create', { releaseId: release.id, name: 'Weekend' })) as { id: string };
    const pdf = valueOf(await session.dispatch('runbooks.export', { runbookId: runbook.id, format: 'pdf' }, { jobId: 'job-pdf-1' })) as { content: string };
    expect(Buffer.from(pdf.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    expect(progress.filter((p) => p.jobId === 'job-pdf-1').at(-1)).toEqual({ jobId: 'job-pdf-1', done: 2, total: 2 });
    stop();
  });

  it('stops a running call on work.cancel and keeps answering afterwards', async () => {
    session.useWorkers(pool);
    const running = session.dispatch('workspace.verify', {}, { jobId: 'job-verify-1' });
    const cancelled = valueOf(await session.dispatch('work.cancel', { jobId: 'job-verify-1' }));
    expect(cancelled).toEqual({ cancelled: true });
    const answer = await running;
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(answer.error.code).toBe('cancelled');
    expect(valueOf(await session.dispatch('work.cancel', { jobId: 'job-verify-1' }))).toEqual({ cancelled: false });
    expect(valueOf(await session.dispatch('workspace.verify', {})) as { ok: boolean }).toMatchObject({ ok: true });
  });
});
