import fs from 'node:fs';
import { createSecureContext } from 'node:tls';
import { randomUUID } from 'node:crypto';
import { Command, CommanderError } from 'commander';
import { isLoopbackHost } from '../contract/plain-http';
import { ignoreClosedPipes } from '../core/closed-pipes';
import { migrateStore } from './migrate-store';
import { openServerStore, withoutPassword, type StoreChoice } from './open-server-store';
import type { ServerStore } from './server-store';
import { jsonLines } from './request-log';
import { hashToken, newToken, startSyncServer } from './sync-server';

/**
 * `release-desk server …` (the CLI forwards to this process): run the team server, or manage member tokens.
 * Every failure is one `release-desk: ` line on stderr and a non-zero exit, as in the CLI.
 */
const program = new Command('release-desk server')
  .description('Run the Release Desk team server, or manage its member tokens.')
  .option('--port <port>', 'port to listen on', '7420')
  .option('--host <address>', 'address to listen on (0.0.0.0 for the whole network: needs --tls-cert and --tls-key)', '127.0.0.1')
  // Not a commander "required" option: the token subcommands have their own --data, and the check would trip them.
  .option('--data <dir>', 'folder for the server database (created if missing)')
  .option('--store <url>', 'a PostgreSQL database instead (postgres://USER@HOST/DB, default $RELEASE_DESK_SERVER_STORE), shared by several server nodes')
  .option('--tls-cert <file>', 'PEM certificate (with its chain) for HTTPS')
  .option('--tls-key <file>', 'PEM private key of --tls-cert')
  .option('--log <format>', 'one line per request on stdout: json, or none', 'json')
  .option('--insecure-http', 'serve plain HTTP on a non-loopback --host (only behind a proxy that does TLS)')
  .enablePositionalOptions()
  .exitOverride()
  .configureOutput({ outputError: () => {} })
  .action(async (opts: ServeOptions) => {
    const port = Number(opts.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`--port must be a whole number from 0 to 65535, not "${opts.port}"`);
    if (!['json', 'none'].includes(opts.log)) throw new Error(`--log must be json or none, not "${opts.log}"`);
    const tls = readTls(opts);
    const { store, where } = await openServerStore(opts);
    const server = await startSyncServer({ store, port, host: opts.host, tls, log: opts.log === 'json' ? jsonLines(process.stdout) : undefined }).catch(async (error: unknown) => {
      await store.close();
      throw error;
    });
    console.log(`Release Desk team server on ${server.url} (data in ${where}, ${(await store.members()).filter((m) => !m.revokedAt).length} member tokens)`);
    if (!tls && !isLoopbackHost(opts.host)) {
      process.stderr.write(`release-desk: warning: plain HTTP on ${opts.host} (--insecure-http): tokens and changes are readable on the network unless a proxy in front of this server does TLS.\n`);
    }
    // A load balancer's stop (SIGTERM): drain, so that no request in flight is cut off.
    const stop = () => void server.drain().then(() => store.close()).then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });

const token = program.command('token').description('Issue, revoke and list member tokens.');
token
  .command('add')
  .description('Issue a token for a member, bound to a person id of the workspace; prints it once.')
  .option('--data <dir>', 'the server data folder')
  .option('--store <url>', 'or the PostgreSQL database (default $RELEASE_DESK_SERVER_STORE)')
  .requiredOption('--name <name>', 'who the token is for (unique)')
  .requiredOption('--person <person-id>', 'the person id in the workspace this member signs as')
  .option('--admin', 'may give people roles and bring in a workspace history')
  .action((opts: StoreChoice & { name: string; person: string; admin?: boolean }) =>
    withStore(opts, async (store) => {
      if ((await store.members()).some((m) => m.name === opts.name && !m.revokedAt)) throw new Error(`there is already a member called "${opts.name}"`);
      const secret = newToken();
      await store.addMember({ id: randomUUID(), name: opts.name, personId: opts.person, admin: Boolean(opts.admin) }, hashToken(secret));
      console.log(secret);
      console.error(`Token for ${opts.name} (person ${opts.person}${opts.admin ? ', admin' : ''}). It is shown only now: only its hash is stored.`);
    }),
  );
token
  .command('revoke')
  .description('Revoke a member token: the next request with it is refused.')
  .option('--data <dir>', 'the server data folder')
  .option('--store <url>', 'or the PostgreSQL database (default $RELEASE_DESK_SERVER_STORE)')
  .requiredOption('--name <name>', 'member name or id')
  .action((opts: StoreChoice & { name: string }) =>
    withStore(opts, async (store) => {
      const member = await store.revokeMember(opts.name);
      if (!member) throw new Error(`there is no member called "${opts.name}"`);
      console.log(`Revoked the token of ${member.name}.`);
    }),
  );
token
  .command('list')
  .description('List members (never their tokens).')
  .option('--data <dir>', 'the server data folder')
  .option('--store <url>', 'or the PostgreSQL database (default $RELEASE_DESK_SERVER_STORE)')
  .action((opts: StoreChoice) =>
    withStore(opts, async (store) => {
      for (const m of await store.members()) console.log(`${m.name}\tperson ${m.personId}${m.admin ? '\tadmin' : ''}\t${m.revokedAt ? `revoked ${m.revokedAt}` : 'active'}`);
    }),
  );

program
  .command('migrate-store')
  .description("Move an SQLite server's data (--from DIR) into an empty PostgreSQL database (--to URL), checking counts and hashes.")
  .requiredOption('--from <dir>', 'the SQLite server data folder (the server stopped)')
  .requiredOption('--to <url>', 'the PostgreSQL database, postgres://USER@HOST/DB')
  .action(async (opts: { from: string; to: string }) => {
    if (!/^postgres(ql)?:\/\//.test(opts.to)) throw new Error(`--to must be a PostgreSQL URL (postgres://USER@HOST/DB), not "${withoutPassword(opts.to)}"`);
    const report = await migrateStore(opts.from, opts.to, (done, total) => process.stderr.write(`\rcopied ${done} of ${total} changes`));
    process.stderr.write('\n');
    console.log(
      `Moved ${report.changes} changes, ${report.members} members and ${report.devices} devices to ${withoutPassword(opts.to)}; counts and the hash over every change (${report.hash.slice(0, 16)}…) match. Start the server with --store.`,
    );
  });

interface ServeOptions extends StoreChoice {
  port: string;
  log: string;
  host: string;
  tlsCert?: string;
  tlsKey?: string;
  insecureHttp?: boolean;
}

/**
 * The certificate and key for HTTPS, or none: then only loopback, where nothing crosses a network, unless
 * --insecure-http says a proxy in front does TLS. Member tokens are bearer secrets; in clear text anyone on the way
 * could copy one and sign off as its member.
 */
function readTls(opts: ServeOptions): { cert: Buffer; key: Buffer } | undefined {
  if (opts.tlsCert === undefined && opts.tlsKey === undefined) {
    if (!isLoopbackHost(opts.host) && !opts.insecureHttp) {
      throw new Error(
        `refusing plain HTTP on ${opts.host}: member tokens and every change would cross the network unencrypted; give --tls-cert FILE --tls-key FILE, or --insecure-http if a proxy in front of this server does TLS`,
      );
    }
    return undefined;
  }
  if (opts.tlsCert === undefined || opts.tlsKey === undefined) throw new Error('--tls-cert and --tls-key go together: the certificate and its private key');
  if (opts.insecureHttp) throw new Error('--insecure-http and --tls-cert contradict each other: choose one');
  const read = (flag: string, file: string) => {
    try {
      return fs.readFileSync(file);
    } catch (error) {
      throw new Error(`cannot read ${flag} ${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  const tls = { cert: read('--tls-cert', opts.tlsCert), key: read('--tls-key', opts.tlsKey) };
  try {
    // The same check https.createServer makes, here so that a wrong file is named before anything listens.
    createSecureContext(tls);
  } catch (error) {
    throw new Error(`--tls-cert and --tls-key cannot serve HTTPS (${error instanceof Error ? error.message : String(error)}): give a PEM certificate and the private key that belongs to it`);
  }
  return tls;
}

async function withStore(choice: StoreChoice, fn: (store: ServerStore) => Promise<void>): Promise<void> {
  const { store } = await openServerStore(choice);
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

ignoreClosedPipes();
try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (!(error instanceof CommanderError && error.exitCode === 0)) {
    const message = (error instanceof Error ? error.message : String(error)).replace(/^error: /, '').replace(/\s*\n\s*/g, ' ');
    process.stderr.write(`release-desk: ${message}\n`);
    process.exitCode = error instanceof CommanderError ? 2 : 1;
  }
}
