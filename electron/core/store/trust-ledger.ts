import type Database from 'better-sqlite3';
import { rowToChange, type ChangeRow } from '../changes/change-row';
import { writeKey } from '../changes/change-key';
import { groupWrites, type Write } from '../changes/rules/writes';
import { isTrustWrite, toTrustWrite } from '../changes/rules/judge';
import { writeProblem } from '../changes/rules/check-write';
import { TrustView, type TrustWrite } from '../trust/trust-view';

/**
 * The signed records that say who may sign what (device keys, people's identity writes), as this workspace holds
 * them, and the TrustView derived from them. Loaded from the change log once, with every signature checked again (a
 * file edited behind the store's back cannot smuggle a grant in), then kept up to date as records are written here
 * or merged from elsewhere.
 */
export class TrustLedger {
  private writes: TrustWrite[] | null = null;
  private writeKeys: Set<string> | null = null;
  private view: TrustView | null = null;

  constructor(
    private readonly db: Database.Database,
    private readonly pinnedRoot: () => string | null,
  ) {}

  /** Trust writes as the rules take them: only those whose signatures hold. */
  known(): readonly TrustWrite[] {
    if (!this.writes) this.writes = this.load();
    return this.writes;
  }

  current(): TrustView {
    if (!this.view) this.view = new TrustView(this.known(), this.pinnedRoot());
    return this.view;
  }

  /** Records just written or merged here (their signatures already checked on the way in); returns how many are new. */
  add(writes: readonly Write[]): number {
    const trust = writes.filter((w) => isTrustWrite(w) && !this.keys().has(w.key));
    if (trust.length === 0) return 0;
    const added = trust.map((w) => toTrustWrite(w, true));
    (this.known() as TrustWrite[]).push(...added);
    for (const w of added) this.keys().add(writeKey(w));
    if (this.view && !this.view.extend(added)) this.view = null;
    return trust.length;
  }

  /** Forget what was added since the last commit (a rolled-back write). */
  reset(): void {
    this.writes = null;
    this.writeKeys = null;
    this.view = null;
  }

  private keys(): Set<string> {
    if (!this.writeKeys) this.writeKeys = new Set(this.known().map(writeKey));
    return this.writeKeys;
  }

  private load(): TrustWrite[] {
    const rows = this.db.prepare("SELECT * FROM change_log WHERE entity IN ('deviceKey', 'person') ORDER BY hlc, field").all() as ChangeRow[];
    const writes = groupWrites(rows.map(rowToChange));
    // The root proves itself; every other record is checked against the root this device pinned.
    const root = writes.find((w) => w.entity === 'deviceKey' && w.fields.action === 'root' && (this.pinnedRoot() ?? w.deviceId) === w.deviceId && writeProblem(w, null) === null);
    const workspaceId = root?.deviceId ?? null;
    return writes.map((w) => toTrustWrite(w, writeProblem(w, workspaceId) === null));
  }
}
