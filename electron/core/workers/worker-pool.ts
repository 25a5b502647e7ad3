import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ApiResult } from '../../contract/api-result';
import type { WorkProgress } from '../../contract/work-contract';
import type { WorkReply, WorkTask } from './work-messages';

export interface WorkerPoolOptions {
  /** Threads at most (default: one fewer than the cores, at least two so an export need not wait for a verify, at most four). */
  size?: number;
  /**
   * The worker's script. The Electron build passes its bundled one; by default it is the source beside this file,
   * run through tsx as the web shell, the CLI and the tests run the core.
   */
  script?: URL;
}

/** A module that loads a TypeScript worker script through tsx's API (for the web shell, the CLI and the tests). */
function tsBootstrap(source: string): URL {
  const api = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const code = `import { tsImport } from ${JSON.stringify(api)}; await tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(code)}`);
}

/** Why the pool could not run a task at all (the worker could not open the file): the caller runs it itself. */
export class WorkerUnavailable extends Error {}

interface Job {
  task: WorkTask;
  onProgress: (progress: WorkProgress) => void;
  resolve: (result: ApiResult<unknown>) => void;
  reject: (error: Error) => void;
}

const CANCELLED: ApiResult<never> = { ok: false, error: { code: 'cancelled', message: 'Cancelled.' } };

/**
 * Worker threads for long reads (contract/work-contract.ts), shared by everything a process serves: each worker
 * opens the workspace file itself, read-only (WAL lets readers run beside the writer), runs the call through the
 * same dispatch, and posts progress and the answer back. Writes never happen here: they stay on the main thread's
 * one mutation path. Cancelling a running job ends its thread; a new one starts when work comes.
 */
export class WorkerPool {
  private readonly size: number;
  private readonly script: URL;
  /** The source run through tsx, or null for a built script. */
  private readonly tsSource: string | null;
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, Job>();
  private readonly queue: Job[] = [];
  private count = 0;
  private closed = false;

  constructor(options: WorkerPoolOptions = {}) {
    this.size = options.size ?? Math.min(4, Math.max(2, os.availableParallelism() - 1));
    const source = new URL('./workspace-worker.ts', import.meta.url);
    this.script = options.script ?? source;
    this.tsSource = this.script === source ? this.script.href : null;
    if (!fs.existsSync(fileURLToPath(this.script))) throw new Error(`The worker script ${this.script.href} is missing.`);
  }

  /** Runs one task; resolves with its ApiResult (a cancelled one: code `cancelled`), rejects with WorkerUnavailable. */
  run(task: WorkTask, onProgress: (progress: WorkProgress) => void = () => {}): Promise<ApiResult<unknown>> {
    if (this.closed) return Promise.reject(new WorkerUnavailable('The worker pool is closed.'));
    return new Promise((resolve, reject) => {
      this.queue.push({ task, onProgress, resolve, reject });
      this.next();
    });
  }

  /** Starts the threads ahead of the first long calls, so those do not wait for the core to load. */
  warm(): void {
    while (!this.closed && this.count < this.size) {
      const worker = this.spawn();
      worker.unref();
      this.idle.push(worker);
    }
  }

  /** Stops the job with this id, queued or running; false when there is none. */
  cancel(jobId: string): boolean {
    const queued = this.queue.findIndex((j) => j.task.jobId === jobId);
    if (queued >= 0) {
      this.queue.splice(queued, 1)[0].resolve(CANCELLED);
      return true;
    }
    for (const [worker, job] of this.running) {
      if (job.task.jobId !== jobId) continue;
      this.running.delete(worker);
      this.count--;
      void worker.terminate();
      job.resolve(CANCELLED);
      this.next();
      return true;
    }
    return false;
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.resolve(CANCELLED);
    for (const job of this.running.values()) job.resolve(CANCELLED);
    const all = [...this.idle, ...this.running.keys()];
    this.idle.length = 0;
    this.running.clear();
    this.count = 0;
    await Promise.all(all.map((w) => w.terminate()));
  }

  private next(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.count < this.size ? this.spawn() : undefined);
      if (!worker) return;
      const job = this.queue.shift()!;
      this.running.set(worker, job);
      worker.ref();
      worker.postMessage(job.task);
    }
  }

  private spawn(): Worker {
    // Loader hooks (tsx, vitest) do not reach worker threads: a source script is loaded through tsx's API.
    const worker = new Worker(this.tsSource ? tsBootstrap(this.tsSource) : this.script, { execArgv: [] });
    this.count++;
    worker.on('message', (reply: WorkReply) => {
      const job = this.running.get(worker);
      if (!job || reply.jobId !== job.task.jobId) return;
      if (reply.type === 'progress') return job.onProgress({ jobId: reply.jobId, done: reply.done, total: reply.total });
      this.running.delete(worker);
      // An idle worker must not keep the process alive (a CLI or a test that is done).
      worker.unref();
      this.idle.push(worker);
      if (reply.type === 'unavailable') job.reject(new WorkerUnavailable(reply.message));
      else job.resolve(reply.result);
      this.next();
    });
    const lost = (why: string) => {
      const job = this.running.get(worker);
      this.running.delete(worker);
      const i = this.idle.indexOf(worker);
      if (i >= 0) this.idle.splice(i, 1);
      if (job || i >= 0) this.count--;
      job?.resolve({ ok: false, error: { code: 'internal', message: `The work stopped unfinished: ${why}` } });
      this.next();
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => lost(`The worker stopped (exit code ${code}).`));
    return worker;
  }
}
