import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { expect } from 'vitest';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export { BIN, expectOneLineError, runCli } from '../../helpers/cli-process';
import { BIN } from '../../helpers/cli-process';

/** Real processes for the fault and CLI tests: the team server module and the CLI, as a user runs them. */
const ROOT = path.resolve(__dirname, '../../..');
const SERVER_MAIN = path.join(ROOT, 'electron/server/main.ts');
const TSX_LOADER = pathToFileURL(createRequire(__filename).resolve('tsx')).href;

export interface Running {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function track(child: ChildProcess): Running {
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

/** The CLI in its own process (the bin script registers tsx, as for a user). */
export function spawnCli(args: string[], env: NodeJS.ProcessEnv = {}): Running {
  return track(spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** The team server module forked directly, so that the test holds the server's own pid and can SIGKILL it. */
export function startServerProcess(dataDir: string, port: number, args: string[] = []): Promise<Running & { url: string }> {
  return startServerNode(['--data', dataDir], port, args);
}

/** A server process on the store its arguments name (--data DIR or --store URL): one node of several, or the only one. */
export async function startServerNode(store: string[], port: number, args: string[] = []): Promise<Running & { url: string }> {
  const running = track(spawn(process.execPath, ['--import', TSX_LOADER, SERVER_MAIN, '--port', String(port), ...store, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] }));
  const url = await waitFor(() => /team server on (https?:\/\/\S+)/.exec(running.stdout())?.[1], 30_000, () => `server did not start: ${running.stderr()}`);
  return { ...running, url };
}

export async function waitFor<T>(probe: () => T | undefined | null | false, timeoutMs: number, what: () => string): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out: ${what()}`);
    await new Promise((r) => setTimeout(r, 3));
  }
}

/** A loopback port nobody listens on now, so a restarted server can come back on the same URL. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Times `GET url` on a new connection every 20 ms from a process of its own, so the figures are the server's and not
 * the test process's event loop. `whileDown: 'count'` times a refused probe too (a server restarting); 'fail' ends
 * the prober on the first one, so its report never comes.
 */
export async function startHealthProber(url: string, dir: string, whileDown: 'count' | 'fail') {
  const file = path.join(dir, 'prober.mjs');
  fs.writeFileSync(
    file,
    `import http from 'node:http';
const latencies = [];
let stop = false;
process.stdin.on('data', () => (stop = true));
process.stdout.write('ready\\n');
while (!stop) {
  const started = performance.now();
  await new Promise((resolve, reject) => http.get(process.argv[2], { agent: false }, (res) => res.resume().on('end', resolve)).on('error', process.argv[3] === 'fail' ? reject : resolve));
  latencies.push(performance.now() - started);
  await new Promise((resolve) => setTimeout(resolve, 20));
}
process.stdout.write(JSON.stringify(latencies) + '\\n');
`,
  );
  const prober = spawn(process.execPath, [file, url, whileDown], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  prober.stdout.on('data', (d: Buffer) => (out += d.toString()));
  await waitFor(() => out.startsWith('ready'), 10_000, () => 'prober did not start');
  return {
    kill: () => void prober.kill(),
    /** Ends the probing; the latencies in ms, sorted. */
    async stop(): Promise<number[]> {
      prober.stdin.end('stop\n');
      await waitFor(() => out.includes('['), 10_000, () => 'prober did not report');
      return (JSON.parse(out.slice(out.indexOf('['))) as number[]).sort((a, b) => a - b);
    },
  };
}
