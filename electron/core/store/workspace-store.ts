import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { HybridLogicalClock, parseHlc } from './hlc';
import { migrate } from './migrate';
import { openDatabase } from './open-database';
import { MutationWriter } from './mutation-writer';
import { RemoteApplier, type IncomingChange, type RemoteApplyOptions, type RemoteApplyResult } from './remote-apply';
import { EntityReader } from './entity-reader';
import { ConflictIndex } from './conflict-index';
import type { LoggedChange } from './change-record';
import type { EntityName } from './entity-tables';

/** How far ahead of the device's own clock a reference clock may move it, unless the store is opened with another bound. */
export const DEFAULT_MAX_CLOCK_FOLLOW_MS = 24 * 3600 * 1000;

/** Device-local facts that never sync: which device this is, its clock, who is using it. */
type MetaKey = 'device_id' | 'hlc' | 'current_person_id' | 'created_at';

/**
 * A workspace: one SQLite file. The store owns the connection; domain tables are written only by
 * `mutate` (local edits) and `applyRemote` (sync and backup restore), both of which append to the change log in the
 * same transaction as the write.
 */
export class WorkspaceStore {
  readonly deviceId: string;
  readonly reader: EntityReader;
  private readonly clock: HybridLogicalClock;
  private readonly writer: MutationWriter;
  private readonly applier: RemoteApplier;
  private readonly conflicts: ConflictIndex;
  private readonly saveClock: Database.Statement;

  private constructor(
    readonly db: Database.Database,
    readonly path: string,
    /** This device's wall clock; tests and the sync bench give devices skewed clocks through `open`'s options. */
    private readonly wallClock: () => number = Date.now,
    private readonly maxClockFollowMs = DEFAULT_MAX_CLOCK_FOLLOW_MS,
  ) {
    this.deviceId = this.ensureMeta('device_id', () => randomUUID().replace(/-/g, '').slice(0, 16));
    this.ensureMeta('created_at', () => new Date().toISOString());
    const saved = this.getMeta('hlc');
    this.clock = new HybridLogicalClock(this.deviceId, saved ? parseHlc(saved) : undefined, () => this.now());
    this.saveClock = db.prepare(`INSERT INTO meta (key, value) VALUES ('hlc', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value`);
    this.writer = new MutationWriter(db, this.clock, this.deviceId);
    this.reader = new EntityReader(db);
    this.applier = new RemoteApplier(db);
    this.conflicts = new ConflictIndex(db);
  }

  private clockOffset = 0;

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

  /** `maxClockFollowMs`: how far ahead a reference clock may move this device's (default 24 hours). */
  static open(file: string, options: { now?: () => number; maxClockFollowMs?: number } = {}): WorkspaceStore {
    const db = openDatabase(file);
    try {
      migrate(db);
      return new WorkspaceStore(db, file, options.now, options.maxClockFollowMs);
    } catch (error) {
      db.close();
      throw error;
    }
  }

  /**
   * The one mutation path. Everything `fn` writes through the writer commits together with its change-log entries,
   * or not at all.
   */
  mutate<T>(author: string, fn: (writer: MutationWriter) => T): T {
    return this.db.transaction(() => {
      this.writer.begin(author);
      const result = fn(this.writer);
      if (this.writer.changed) {
        this.saveClock.run(this.clock.tick());
        this.conflicts.refreshOpen(new Date(this.now()).toISOString());
      }
      return result;
    })();
  }

  /** Merge changes made elsewhere (sync, backup restore): last writer wins per field, by hybrid logical clock. */
  applyRemote(changes: readonly IncomingChange[], options?: RemoteApplyOptions): RemoteApplyResult {
    return this.db.transaction(() => {
      const result = this.applier.apply(this.clock, changes, options);
      this.saveClock.run(this.clock.tick());
      return result;
    })();
  }

  history(entity: EntityName, rowId: string): LoggedChange[] {
    return this.reader.history(entity, rowId);
  }

  getMeta(key: MetaKey): string | undefined {
    const row = this.db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined;
    return row?.value;
  }

  setMeta(key: MetaKey, value: string | null): void {
    if (value === null) this.db.prepare('DELETE FROM meta WHERE key = ?').run(key);
    else this.db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, value);
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private ensureMeta(key: MetaKey, make: () => string): string {
    const existing = this.getMeta(key);
    if (existing !== undefined) return existing;
    const value = make();
    this.setMeta(key, value);
    return value;
  }
}
