import type { Change } from '../../electron/core/changes/change';
import { GENESIS_LINK, linkOf } from '../../electron/core/trust/chain-link';
import { newDeviceKey, type DeviceKeyPair } from '../../electron/core/trust/device-key';
import { formatHlc } from '../../electron/core/store/hlc';
import { recordId } from '../../electron/core/trust/record-id';
import { SIGNATURE_FIELD, signWrite } from '../../electron/core/trust/write-signature';
import { isAppendOnly, signerOf, type EntityName } from '../../electron/core/store/entity-tables';
import type { WorkspaceStore } from '../../electron/core/store/workspace-store';
import type Database from 'better-sqlite3';

/**
 * An attacker's (or a modified client's) toolkit: writes changes by hand, as anyone who knows the documented formats
 * can, with a device key of its own — or with a real device's key, to play a member who bypasses the app's checks.
 * Chains are linked correctly unless told otherwise, so what is tested is the rule, not a sloppy forgery.
 */
export class Forger {
  private seq = 0;
  private link = GENESIS_LINK;
  private counter = 0;

  constructor(
    readonly workspaceId: string,
    readonly key: DeviceKeyPair = newDeviceKey(),
    chain: { seq: number; link: string } = { seq: 0, link: GENESIS_LINK },
  ) {
    this.seq = chain.seq;
    this.link = chain.link;
  }

  get deviceId(): string {
    return this.key.deviceId;
  }

  /** A stamp of this device at `at` (ISO), unique within the forger. */
  stamp(at: string, deviceId = this.deviceId): string {
    return formatHlc({ millis: Date.parse(at), counter: this.counter++ }, deviceId);
  }

  /**
   * One write: its fields as changes, signed with this forger's key where the entity is signed (or as `sign` says),
   * chained after this forger's last change. Append-only records get the id their stamp gives unless `rowId` is given.
   */
  write(
    entity: EntityName,
    fields: Record<string, unknown>,
    options: { rowId?: string; author: string; at?: string; hlc?: string; sign?: 'own' | 'none' | DeviceKeyPair; signedFields?: Record<string, unknown>; workspaceId?: string; deviceId?: string },
  ): Change[] {
    const hlc = options.hlc ?? this.stamp(options.at ?? new Date().toISOString(), options.deviceId);
    const rowId = options.rowId ?? (isAppendOnly(entity) ? recordId(entity, hlc) : `row-${this.counter++}`);
    const changes = Object.entries(fields).map(([field, value]) => this.change({ hlc, author: options.author, entity, rowId, field, value, deviceId: options.deviceId }));
    const sign = options.sign ?? 'own';
    if (signerOf(entity) && sign !== 'none') {
      const key = sign === 'own' ? this.key : sign;
      const signature = signWrite(key, options.workspaceId ?? this.workspaceId, { entity, rowId, hlc, author: options.author, fields: options.signedFields ?? fields });
      changes.push(this.change({ hlc, author: options.author, entity, rowId, field: SIGNATURE_FIELD, value: signature, deviceId: options.deviceId }));
    }
    return changes;
  }

  /** One change, chained after the last. */
  change(c: { hlc: string; author: string; entity: string; rowId: string; field: string; value: unknown; deviceId?: string; oldValue?: unknown; prevHlc?: string | null }): Change {
    const change: Change = {
      hlc: c.hlc,
      deviceId: c.deviceId ?? this.deviceId,
      author: c.author,
      entity: c.entity,
      rowId: c.rowId,
      field: c.field,
      value: c.value,
      oldValue: c.oldValue ?? null,
      prevHlc: c.prevHlc ?? null,
      chainSeq: this.seq + 1,
      link: '',
    };
    change.link = linkOf(this.link, change);
    this.seq = change.chainSeq;
    this.link = change.link;
    return change;
  }
}

/**
 * A modified client of a real device: that device's own key, continuing its own chain, so what it writes is exactly
 * what the laptop could send if the app's checks were bypassed (or what a thief holding it could).
 */
export function modifiedClient(store: WorkspaceStore): Forger {
  return new Forger(store.workspaceId!, store.deviceKey, store.chainHead(store.deviceId));
}

/** Changes written straight into a workspace file's change log, behind the store's back (the store must be closed). */
export function logBehindTheStore(db: Database.Database, changes: readonly Change[]): void {
  const log = db.prepare('INSERT INTO change_log (hlc, device_id, author, entity, row_id, field, value, old_value, prev_hlc, chain_seq, link) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  for (const c of changes) log.run(c.hlc, c.deviceId, c.author, c.entity, c.rowId, c.field, JSON.stringify(c.value), JSON.stringify(c.oldValue), c.prevHlc, c.chainSeq, c.link);
}
