import type Database from 'better-sqlite3';
import BetterSqlite3 from 'better-sqlite3';
import fs from 'node:fs';
import { ApiFailure } from '../../contract/api-result';
import { compareChanges, type Change, type LoggedChange } from '../changes/change';
import { authorityProblem, type AuthorityFacts } from '../changes/rules/check-authority';
import { RETRIED_KINDS, type HeldChange } from '../changes/rules/held';
import { isTrustWrite, judgeChanges } from '../changes/rules/judge';
import { groupWrites } from '../changes/rules/writes';
import { HeldChanges } from './held-changes';
import { HybridLogicalClock, parseHlc } from './hlc';
import { migrate, schemaVersion } from './migrate';
import { openDatabase } from './open-database';
import { MutationWriter } from './mutation-writer';
import { RemoteApplier } from './remote-apply';
import { StatementCache } from './statement-cache';
import { registerDatabase } from './database-handle';
import { EntityReader } from './entity-reader';
import { ConflictIndex } from './conflict-index';
import { ConflictRecords } from './conflict-records';
import { SyncLedger } from './sync-ledger';
import { StoreQueries } from './queries/store-queries';
import { TrustLedger } from './trust-ledger';
import type { EntityName } from './entity-tables';
import { KeyStore } from '../trust/key-store';
import type { DeviceKeyPair } from '../trust/device-key';
import type { TrustView } from '../trust/trust-view';
import type { WorkspaceChange } from '../../contract/change-feed';
import { checkIncomingChains } from '../trust/chain-check';
import { deviceLabel } from '../trust/device-label';

/** How far ahead of the device's own clock a reference clock may move it, unless the store is opened with another bound. */
export const DEFAULT_MAX_CLOCK_FOLLOW_MS = 24 * 3600 * 1000;

/** Device-local facts that never sync: which device this is, its clock, who is using it, the root it pinned. */
type MetaKey = 'device_id' | 'hlc' | 'current_person_id' | 'created_at' | 'root';

export interface ReceiveResult {
  /** New to this device, now in its change log. */
  received: number;
  /** Of those, written to their rows (the newest of their field). */
  applied: number;
  /** Of those, older than a change of the same field already here: kept in the log and the audit, not shown. */
  superseded: number;
  /** Already here. */
  duplicates: number;
  /** Held back, with reasons (docs/sync.md, "Held changes"). */
  held: number;
  /** Devices whose chains did not follow in this delivery, in words (checked on every merge; `verify` says where). */
  chainProblems: string[];
}

export interface ReceiveOptions {
  /** Runs inside the transaction, after the merge: a transport advances its cursor here. */
  afterApply?: () => void;
  /** A backup restore takes all or nothing: any change the rules hold fails the whole receive. */
  strict?: boolean;
}

export class ReceiveRefused extends Error {
  constructor(readonly held: readonly HeldChange[]) {
    super(`${held.length} change${held.length === 1 ? '' : 's'} would be held: ${held[0]?.reason ?? ''}`);
  }
}

export interface OpenOptions {
  /** This device's wall clock; tests and the sync bench give devices skewed clocks. */
  now?: () => number;
  /** Where device keys live (default: beside the app's data, see trust/key-store.ts). */
  keys?: KeyStore;
  /** How far ahead a reference clock may move this device's (default 24 hours). */
  maxClockFollowMs?: number;
  /**
   * For a worker thread reading beside the process that writes: the connection cannot write, and a file this device
   * does not already hold the key for is refused instead of becoming a new device (the writer decides that).
   */
  readOnly?: boolean;
}

/**
 * A workspace: one SQLite file. The store owns the connection; domain tables are written only by `mutate` (local
 * edits) and `applyRemote` (sync and backup restore), both of which append to the change log in the same
 * transaction as the write.
 *
 * The device: a workspace acts as the device whose key this machine holds for it (trust/key-store.ts). A file
 * opened where no key for its device id exists — another machine, a copy beside the original, a restored older
 * copy — becomes a new device before it writes anything; its history stays under the old id, so the copy and the
 * original converge like any two devices instead of hiding each other's changes.
 */
export class WorkspaceStore {
  readonly reader: EntityReader;
  readonly trust: TrustLedger;
  readonly held: HeldChanges;
  /** Set when this file's root differs from the root this device pinned: somebody rewrote the workspace. */
  readonly rootChanged: { pinned: string; found: string | null } | null;
  /** Set when the file was opened as a copy and so became a new device. */
  readonly becameNewDevice: { previousDeviceId: string } | null;
  private readonly clock: HybridLogicalClock;
  private readonly writer: MutationWriter;
  private readonly applier: RemoteApplier;
  private readonly conflicts: ConflictIndex;
  readonly conflictRecords: ConflictRecords;
  readonly ledger: SyncLedger;
  readonly queries: StoreQueries;
  private readonly saveClock: Database.Statement;
  private readonly storedWrite: Database.Statement;
  private readonly linkAt: Database.Statement;
  private readonly sql: StatementCache;
  private clockOffset = 0;
  private mutating = false;
  private readonly listeners = new Set<(change: WorkspaceChange) => void>();

  readonly #db: Database.Database;

  private constructor(
    db: Database.Database,
    readonly path: string,
    private readonly device: DeviceKeyPair,
    private readonly keys: KeyStore,
    previousDeviceId: string | null,
    private readonly wallClock: () => number = Date.now,
    private readonly maxClockFollowMs = DEFAULT_MAX_CLOCK_FOLLOW_MS,
  ) {
    this.#db = db;
    registerDatabase(this, db);
    this.sql = new StatementCache(db);
    this.becameNewDevice = previousDeviceId ? { previousDeviceId } : null;
    this.ensureMeta('created_at', () => new Date().toISOString());
    const saved = this.getMeta('hlc');
    this.clock = new HybridLogicalClock(this.deviceId, saved ? parseHlc(saved) : undefined, () => this.now());
    this.saveClock = db.prepare(`INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
    this.linkAt = db.prepare('SELECT link FROM change_log WHERE device_id = ? AND chain_seq = ? LIMIT 1').pluck();
    this.storedWrite = db.prepare("SELECT count(*) AS n, max(CASE WHEN field = '_sig' THEN value END) AS sig FROM change_log WHERE entity = ? AND row_id = ? AND hlc = ?");
    this.trust = new TrustLedger(db, () => this.getMeta('root') ?? null);
    this.writer = new MutationWriter(db, this.clock, () => this.device, () => this.workspaceId ?? this.deviceId);
    this.reader = new EntityReader(db);
    this.applier = new RemoteApplier(db);
    this.conflicts = new ConflictIndex(db);
    this.conflictRecords = new ConflictRecords(db);
    this.ledger = new SyncLedger(db);
    this.queries = new StoreQueries(db);
    this.held = new HeldChanges(db);
    const pinned = keys.find(this.deviceId)?.root ?? null;
    const found = this.trust.current().root?.deviceId ?? null;
    this.rootChanged = pinned && pinned !== found ? { pinned, found } : null;
    if (found && !this.getMeta('root')) this.setMeta('root', found);
  }

  get deviceId(): string {
    return this.device.deviceId;
  }

  /** The workspace's identity: its root key's device id; null until it has a root. */
  get workspaceId(): string | null {
    return this.trust.current().workspaceId;
  }

  get deviceKey(): DeviceKeyPair {
    return this.device;
  }

  /** This device's idea of now: its wall clock, moved forward to the team's reference clock when sync learned it lags. */
  now(): number {
    return this.wallClock() + this.clockOffset;
  }

  /**
   * Sync tells the store the time of a reference clock it trusts (the team server's, a network drive's). A device
   * whose clock lags days behind then stamps and judges changes by the team's time, so it converges instead of
   * refusing everyone's changes as "from the future". Only ever moves forward: a clock cannot run backwards.
   * Bounded: a reference further ahead of this device's own clock than the bound (a server, or someone between it
   * and this device, saying it is 2036) is not followed, and the answer is a warning in words naming `source`.
   */
  followReferenceClock(referenceMs: number, source = 'The reference clock'): string | null {
    const own = this.wallClock();
    const lead = referenceMs - own;
    if (lead > this.maxClockFollowMs) {
      const minute = (ms: number) => `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
      const hours = Math.round(this.maxClockFollowMs / 3_600_000);
      return `${source} says it is ${minute(referenceMs)} while this device's clock says ${minute(own)}: more than ${hours} hour${hours === 1 ? '' : 's'} ahead, so this device did not follow it. Check the date and time of this device and of the other clock.`;
    }
    this.clockOffset = Math.max(this.clockOffset, lead);
    return null;
  }

  static open(file: string, options: OpenOptions = {}): WorkspaceStore {
    const db = openDatabase(file, { readOnly: options.readOnly });
    try {
      migrate(db);
      const keys = options.keys ?? new KeyStore();
      const { key, previous } = resolveDevice(db, file, keys, options.readOnly ?? false);
      return new WorkspaceStore(db, file, key, keys, previous, options.now, options.maxClockFollowMs);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * The one mutation path. Everything `fn` writes through `write` commits together with its change-log entries, or
   * not at all; what it reads through `read` is read inside the same transaction, so a handler's checks and its
   * writes see one state of the workspace. `fn` cannot await: mutations run one at a time, and anything learnt
   * before an await (a file read, a network call) is checked again inside `fn`. Signed writes must pass the same
   * rules a change from elsewhere passes (changes/rules/): a device cannot write here what every other device would
   * refuse.
   */
  mutate<T>(author: string, fn: (write: MutationWriter, read: EntityReader) => T): T {
    if (this.mutating) throw new Error('A mutation cannot start inside another one: write everything through the outer one.');
    this.mutating = true;
    try {
      const result = this.#db.transaction(() => {
        this.writer.begin(author);
        if (!this.trust.current().root) this.writeRoot(author);
        const result = fn(this.writer, this.reader);
        if (isPromiseLike(result)) throw new Error('A mutation cannot await: do the async work first, then check and write in one synchronous mutation.');
        if (this.writer.changed) {
          this.checkSignedWrites();
          this.saveClock.run(this.clock.tick());
          this.conflicts.refreshOpen(new Date(this.now()).toISOString());
        }
        return result;
      })();
      if (this.writer.changed) this.publish('local', this.writer.entities);
      return result;
    } catch (error) {
      this.writer.rollback();
      this.trust.reset();
      throw error;
    } finally {
      this.mutating = false;
    }
  }

  /**
   * Tells `listener` what changed after each committed write (a local edit or a merge): the change feed open screens
   * follow (contract/change-feed.ts). Returns the unsubscribe function.
   */
  subscribe(listener: (change: WorkspaceChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private publish(source: WorkspaceChange['source'], entities: Iterable<string>): void {
    const change: WorkspaceChange = { source, entities: [...new Set(entities)].slice(0, 100) };
    if (change.entities.length === 0) return;
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // A listener that fails (a closed window, a dropped stream) must not undo or stop a committed write.
      }
    }
  }

  /**
   * The one way in for changes made elsewhere (a folder file, a server page, a backup, held changes tried again), in
   * ONE transaction: the rules judge every change (changes/rules/judge.ts), what fails is held with its reason, the
   * rest merges last-writer-wins per field, the conflicts it reveals are found, and `afterApply` moves the
   * transport's cursor. A failure anywhere leaves the workspace as it was.
   */
  receive(changes: readonly Change[], options: ReceiveOptions = {}): ReceiveResult {
    try {
      const merged = new Set<string>();
      const result = this.#db.transaction(() => {
        const result = this.merge(changes, options.strict === true, false, merged);
        options.afterApply?.();
        return result;
      })();
      this.publish('sync', merged);
      return result;
    } catch (error) {
      this.trust.reset();
      throw error;
    }
  }

  /** Held changes that later records, a newer version or the clock may mend, tried again (each sync starts so). */
  retryHeld(): ReceiveResult {
    const merged = new Set<string>();
    const result = this.#db.transaction(() => this.merge(this.held.take(RETRIED_KINDS), false, true, merged))();
    this.publish('sync', merged);
    return result;
  }

  /** `merged` collects the entities of the changes that merged (for the change feed). */
  private merge(changes: readonly Change[], strict: boolean, retrying: boolean, merged: Set<string>): ReceiveResult {
    const total: ReceiveResult = { received: 0, applied: 0, superseded: 0, duplicates: 0, held: 0, chainProblems: [] };
    const at = new Date(this.now()).toISOString();
    let batch = changes;
    for (let round = 0; round < 6 && batch.length > 0; round++) {
      const judgement = judgeChanges(batch, {
        now: this.now(),
        pinnedRoot: this.getMeta('root') ?? null,
        knownTrustWrites: this.trust.known(),
        alreadyHere: (w) => {
          const here = this.storedWrite.get(w.entity, w.rowId, w.hlc) as { n: number; sig: string | null };
          return here.n === w.changes.length && here.sig === JSON.stringify(w.signature ?? null);
        },
        ...this.facts(),
      });
      if (strict && judgement.held.length) throw new ReceiveRefused(judgement.held);
      const accepted = [...judgement.accepted].sort(compareChanges);
      if (round === 0) total.chainProblems.push(...checkIncomingChains(accepted, (device, seq) => this.linkAt.get(device, seq) as string | undefined).map((p) => p.message));
      const result = this.applier.apply(this.clock, accepted);
      if (result.received > 0) for (const c of accepted) merged.add(c.entity);
      const equivocal: HeldChange[] = result.equivocal.map((change) => ({
        change,
        kind: 'refused',
        reason: 'a different change with the same identity (record, field and stamp) is already here: its device wrote two versions of one change',
      }));
      if (strict && equivocal.length) throw new ReceiveRefused(equivocal);
      total.received += result.received;
      total.applied += result.applied;
      total.superseded += result.superseded;
      total.duplicates += result.duplicates;
      // Changes held again on another try were counted when they first arrived.
      if (round === 0 && !retrying) total.held += judgement.held.length + equivocal.length;
      this.held.release(accepted);
      this.held.hold([...judgement.held, ...equivocal], at);
      this.conflicts.refresh(new Set(result.contested), at);
      const newTrust = this.trust.add(groupWrites(accepted.filter(isTrustWrite)));
      const root = this.trust.current().root?.deviceId;
      if (root && !this.getMeta('root')) this.pinRoot(root);
      // A new enrolment, role or root can mend what was held as unverified: try those again, until nothing moves.
      batch = newTrust > 0 ? this.held.take(['unverified']) : [];
    }
    this.saveClock.run(this.clock.tick());
    return total;
  }

  private facts(): AuthorityFacts {
    return {
      personName: (id: string) => String(this.reader.get('person', id)?.name ?? id),
      checklistItemState: (id: string) => (this.reader.get('checklistItem', id)?.state as string | undefined) || undefined,
    };
  }

  /**
   * Signs the head of this device's hash chain, as a `chainSeal` record, when the device wrote anything since its
   * last seal. Every publish (a folder file, a server push) does this first, so what a device published can be
   * checked to the last link by anyone, and rebuilt by nobody without its key.
   */
  seal(): void {
    const sealed = (this.#db
      .prepare("SELECT max(CAST(value AS INTEGER)) FROM change_log WHERE entity = 'chainSeal' AND field = 'throughSeq' AND device_id = ?")
      .pluck()
      .get(this.deviceId) as number | null) ?? 0;
    const unsealed = this.#db.prepare("SELECT 1 FROM change_log WHERE device_id = ? AND chain_seq > ? AND entity != 'chainSeal' LIMIT 1").get(this.deviceId, sealed);
    if (!unsealed) return;
    this.mutate(`device:${this.deviceId}`, (w) => w.append('chainSeal', { throughSeq: w.head.seq, throughLink: w.head.link }));
  }

  /** Pins the workspace root (the first one this device sees) here and beside the device key. */
  pinRoot(root: string): void {
    if (this.getMeta('root') === root) return;
    this.setMeta('root', root);
    this.keys.note(this.deviceId, { root });
  }

  /** The trust view as the rules and readers see it now. */
  trustView(): TrustView {
    return this.trust.current();
  }

  history(entity: EntityName, rowId: string): LoggedChange[] {
    return this.reader.history(entity, rowId);
  }

  getMeta(key: MetaKey): string | undefined {
    const row = this.sql.get('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: MetaKey, value: string | null): void {
    if (value === null) this.sql.get('DELETE FROM meta WHERE key = ?').run(key);
    else this.sql.get('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  /** Several store calls (e.g. a restore's receive and its check) that commit together or not at all. */
  atomically<T>(fn: () => T): T {
    return this.#db.transaction(fn)();
  }

  get schemaVersion(): number {
    return schemaVersion(this.#db);
  }

  /** The last place of a device's chain this workspace holds (0 when it holds none). */
  chainHeadOf(deviceId: string): number {
    return (this.sql.get('SELECT coalesce(max(chain_seq), 0) AS seq FROM change_log WHERE device_id = ?').get(deviceId) as { seq: number }).seq;
  }

  /** The newest link of a device's chain this workspace holds: where a write by that device would continue. */
  chainHead(deviceId: string): { seq: number; link: string } | undefined {
    return this.sql.get('SELECT chain_seq AS seq, link FROM change_log WHERE device_id = ? ORDER BY chain_seq DESC LIMIT 1').get(deviceId) as
      | { seq: number; link: string }
      | undefined;
  }

  /** Moves everything written so far from the write-ahead log into the file itself, so a copy of the file alone holds it. */
  checkpoint(): void {
    this.#db.pragma('wal_checkpoint(TRUNCATE)');
  }

  /** SQLite's own check of the file's structure: 'ok', or what is broken in its words. */
  integrityCheck(): string {
    return this.#db.pragma('integrity_check', { simple: true }) as string;
  }

  /** How many changes this workspace's history holds, from every device. */
  changeCount(): number {
    return (this.sql.get('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
  }

  get isOpen(): boolean {
    return this.#db.open;
  }

  /**
   * SQLite's counter of commits made by other connections to this file: a read-only copy (a worker's) whose in-memory
   * views (trust, caches) were built before another connection wrote must be opened again to see it.
   */
  otherWrites(): number {
    return this.#db.pragma('data_version', { simple: true }) as number;
  }

  close(): void {
    if (!this.#db.open) return;
    // A reader's idea of the chain head is the writer's business to note, not its own.
    if (!this.#db.readonly) this.keys.note(this.deviceId, { lastSeq: this.writer.head.seq });
    this.#db.close();
  }

  /** A workspace with no root yet takes this device's key as its root, with its first write. */
  private writeRoot(author: string): void {
    this.writer.append('deviceKey', {
      action: 'root',
      keyDeviceId: this.deviceId,
      publicKey: this.device.publicKey,
      personId: author.startsWith('device:') ? '' : author,
      label: deviceLabel(),
      throughSeq: 0,
      reason: '',
    });
    this.trust.add(this.writer.signedWrites());
    this.pinRoot(this.deviceId);
  }

  private checkSignedWrites(): void {
    const writes = this.writer.signedWrites();
    if (writes.length === 0) return;
    this.trust.add(writes);
    const trust = this.trust.current();
    const facts = {
      personName: (id: string) => String(this.reader.get('person', id)?.name ?? id),
      checklistItemState: (id: string) => this.reader.get('checklistItem', id)?.state as string | undefined,
    };
    for (const w of writes) {
      const problem = authorityProblem(w, trust, facts);
      if (problem) throw new ApiFailure('forbidden', `Not written: ${problem.reason}.`);
    }
  }

  private ensureMeta(key: MetaKey, make: () => string): string {
    const existing = this.getMeta(key);
    if (existing !== undefined) return existing;
    const value = make();
    this.setMeta(key, value);
    return value;
  }
}

/**
 * Which device this file acts as: the one named in its meta, when this machine holds that device's key for this
 * file; else a new device. A file whose key points elsewhere is a copy when the file there still holds the same device
 * (else it was moved, and the key follows it); a file whose chain is behind what the device is known to have written
 * is an older copy put back.
 */
function resolveDevice(db: Database.Database, file: string, keys: KeyStore, readOnly: boolean): { key: DeviceKeyPair; previous: string | null } {
  const real = fs.realpathSync(file);
  const id = (db.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() as string | undefined) ?? null;
  if (id) {
    const entry = keys.find(id);
    const head = (db.prepare('SELECT coalesce(max(chain_seq), 0) FROM change_log WHERE device_id = ?').pluck().get(id) as number) ?? 0;
    if (entry && head >= entry.lastSeq) {
      if (entry.workspace === real) return { key: entry.key, previous: null };
      if (readOnly) throw new Error(`${file} is read here as a device whose key this machine keeps for another file.`);
      if (!holdsDevice(entry.workspace, id)) {
        keys.note(id, { workspace: real });
        return { key: entry.key, previous: null };
      }
    }
  }
  if (readOnly) throw new Error(`${file} has no key of this machine's: the process that writes it decides which device it is.`);
  const key = keys.create(real);
  db.transaction(() => {
    db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(key.deviceId);
    // The new device has published nothing under its own id: its file numbers and server acknowledgements start over.
    db.prepare("DELETE FROM sync_state WHERE key LIKE '%:lastFile' OR key LIKE '%:pushedUpTo'").run();
  })();
  return { key, previous: id };
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

function holdsDevice(file: string, deviceId: string): boolean {
  if (!fs.existsSync(file)) return false;
  try {
    const other = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      return other.prepare("SELECT value FROM meta WHERE key = 'device_id'").pluck().get() === deviceId;
    } finally {
      other.close();
    }
  } catch {
    return false;
  }
}
