import { ADMIN_ROLE, type PersonRole } from '../../contract/entities';
import { writeKey } from '../changes/change-key';

/**
 * One write that bears on who may sign what: a device-key record (root, request, enrol, revoke) or a write of a
 * person's identity (name, email, roles, deletion). `signatureOk` says the write's own signature checked out.
 */
export interface TrustWrite {
  entity: 'deviceKey' | 'person';
  rowId: string;
  hlc: string;
  /** The signing device (the device the stamp names) and the write's place in that device's chain. */
  deviceId: string;
  chainSeq: number;
  author: string;
  fields: Record<string, unknown>;
  signatureOk: boolean;
}

export interface Enrolment {
  id: string;
  keyDeviceId: string;
  publicKey: string;
  personId: string;
  label: string;
  hlc: string;
  enrolledBy: string;
}

export interface Revocation {
  id: string;
  keyDeviceId: string;
  /** '' revokes the key for every person it was enrolled for. */
  personId: string;
  throughSeq: number;
  hlc: string;
  reason: string;
  revokedBy: string;
}

/** A key asking to be enrolled for a person: an enrolment not made yet. */
export type KeyRequest = Omit<Enrolment, 'enrolledBy'>;

export interface Root {
  id: string;
  deviceId: string;
  publicKey: string;
  personId: string;
  label: string;
  hlc: string;
}

interface RoleEvent {
  hlc: string;
  roles?: PersonRole[];
  deleted?: boolean;
}

/**
 * Who may sign what, derived from the signed records alone, so every device that holds the same records reaches the
 * same answer whatever order they arrived in (docs/sync.md, "Signed records"):
 * - the root: the workspace's first key (a self-signed `root` record; a device pins the first root it sees);
 * - a key counts for a person from its enrolment (signed by an admin) on; a revocation (signed by an admin or the key
 *   itself) ends it after a place in the key's own chain — records it wrote up to there stay valid, later ones do
 *   not, whatever their stamps say, so a stolen key cannot back-date records past its revocation;
 * - admin authority: the root key, or a key enrolled for a person who held the admin role at the time;
 * - people's roles at a time: their admin-signed identity writes up to that time.
 * Time is the hybrid-logical-clock stamp: a device's stamps after it learned of an enrolment order after it.
 */
export class TrustView {
  readonly root: Root | null;
  readonly enrolments: Enrolment[] = [];
  readonly revocations: Revocation[] = [];
  readonly requests: KeyRequest[] = [];
  /** Person writes (by write key) that count: admin-signed. */
  readonly validPersonWrites = new Set<string>();
  private readonly roleEvents = new Map<string, RoleEvent[]>();

  private lastHlc = '';

  constructor(writes: readonly TrustWrite[], pinnedRoot: string | null) {
    const sorted = [...writes].filter((w) => w.signatureOk).sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    this.root = pickRoot(sorted, pinnedRoot);
    // Revocations reach back by chain place, not by time: repeat until the set of revocations that count is stable.
    let revocationIds = '';
    for (let pass = 0; pass < 5; pass++) {
      this.derive(sorted);
      const ids = this.revocations.map((r) => r.id).join(',');
      if (ids === revocationIds) break;
      revocationIds = ids;
    }
  }

  get workspaceId(): string | null {
    return this.root?.deviceId ?? null;
  }

  /**
   * Takes in writes newer than every write it holds (a device's own new writes, the usual case), without deriving
   * everything again. Returns false when it cannot (an older write, a root, a revocation, which may reach back):
   * the caller derives a new view.
   */
  extend(writes: readonly TrustWrite[]): boolean {
    const sorted = writes.filter((w) => w.signatureOk).sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
    if (sorted.some((w) => w.hlc <= this.lastHlc || (w.entity === 'deviceKey' && (w.fields.action === 'revoke' || w.fields.action === 'root')))) return false;
    const revocations: Revocation[] = [];
    for (const w of sorted) this.process(w, revocations);
    return true;
  }

  private derive(sorted: readonly TrustWrite[]): void {
    this.enrolments.length = 0;
    this.requests.length = 0;
    this.validPersonWrites.clear();
    this.roleEvents.clear();
    this.lastHlc = '';
    const revocations: Revocation[] = [];
    for (const w of sorted) this.process(w, revocations);
    this.revocations.length = 0;
    this.revocations.push(...revocations);
  }

  /** One write, in stamp order; `revocations` collects the revocations that count in this pass. */
  private process(w: TrustWrite, revocations: Revocation[]): void {
    this.lastHlc = w.hlc;
    const f = w.fields;
    if (w.entity === 'person') {
      if (!this.adminAt(w.deviceId, w.hlc, w.chainSeq)) return;
      this.validPersonWrites.add(writeKey(w));
      const event: RoleEvent = { hlc: w.hlc };
      if (Array.isArray(f.roles)) event.roles = f.roles as PersonRole[];
      if (typeof f._deleted === 'boolean') event.deleted = f._deleted;
      if (event.roles || event.deleted !== undefined) {
        const events = this.roleEvents.get(w.rowId) ?? [];
        events.push(event);
        this.roleEvents.set(w.rowId, events);
      }
      return;
    }
    const action = f.action;
    const keyDeviceId = String(f.keyDeviceId ?? '');
    if (action === 'request' && w.deviceId === keyDeviceId) {
      this.requests.push({ id: w.rowId, keyDeviceId, publicKey: String(f.publicKey), personId: String(f.personId), label: String(f.label ?? ''), hlc: w.hlc });
    } else if (action === 'enrol' && this.adminAt(w.deviceId, w.hlc, w.chainSeq)) {
      this.enrolments.push({ id: w.rowId, keyDeviceId, publicKey: String(f.publicKey), personId: String(f.personId), label: String(f.label ?? ''), hlc: w.hlc, enrolledBy: w.author });
    } else if (action === 'revoke' && (w.deviceId === keyDeviceId || this.adminAt(w.deviceId, w.hlc, w.chainSeq))) {
      revocations.push({ id: w.rowId, keyDeviceId, personId: String(f.personId ?? ''), throughSeq: Number(f.throughSeq ?? 0), hlc: w.hlc, reason: String(f.reason ?? ''), revokedBy: w.author });
    }
  }

  /** Why `deviceId` may not sign as `personId` at `hlc` (its `chainSeq`-th change), in words; null when it may. */
  enrolmentProblem(deviceId: string, personId: string, hlc: string, chainSeq: number): string | null {
    const revoked = this.revokedFor(deviceId, personId, chainSeq);
    if (revoked) return `its key was revoked on ${revoked.hlc.slice(0, 10)}${revoked.reason ? ` (${revoked.reason})` : ''}`;
    const enrolled = this.enrolments.filter((e) => e.keyDeviceId === deviceId && e.personId === personId);
    if (enrolled.length === 0) return 'it is signed by no enrolled key of that person';
    if (!enrolled.some((e) => e.hlc <= hlc)) return 'it was signed before that key was enrolled';
    return null;
  }

  adminAt(deviceId: string, hlc: string, chainSeq: number): boolean {
    if (this.root?.deviceId === deviceId && !this.revokedFor(deviceId, '', chainSeq)) return true;
    return this.enrolments.some(
      (e) => e.keyDeviceId === deviceId && e.hlc <= hlc && !this.revokedFor(deviceId, e.personId, chainSeq) && this.rolesAt(e.personId, hlc).includes(ADMIN_ROLE),
    );
  }

  /** The roles a person held just before `hlc`, by admin-signed writes only. */
  rolesAt(personId: string, hlc: string): PersonRole[] {
    let roles: PersonRole[] = [];
    for (const e of this.roleEvents.get(personId) ?? []) {
      if (e.hlc >= hlc) break;
      if (e.roles) roles = e.roles;
      if (e.deleted === true) roles = [];
    }
    return roles;
  }

  /** Whether the persons a device signs for: enrolled and not revoked (for the UI and `keys list`). */
  personsOf(deviceId: string): string[] {
    return [...new Set(this.enrolments.filter((e) => e.keyDeviceId === deviceId && !this.revokedFor(deviceId, e.personId, Number.MAX_SAFE_INTEGER)).map((e) => e.personId))];
  }

  private revokedFor(deviceId: string, personId: string, chainSeq: number): Revocation | undefined {
    return this.revocations.find((r) => r.keyDeviceId === deviceId && (r.personId === '' || r.personId === personId) && chainSeq > r.throughSeq);
  }
}

/** The pinned root when there is one, else the earliest root record (the one a new device will pin). */
function pickRoot(sorted: readonly TrustWrite[], pinned: string | null): Root | null {
  const roots = sorted.filter((w) => w.entity === 'deviceKey' && w.fields.action === 'root' && w.deviceId === w.fields.keyDeviceId);
  const chosen = pinned ? roots.find((w) => w.deviceId === pinned) : roots[0];
  if (!chosen) return null;
  const f = chosen.fields;
  return { id: chosen.rowId, deviceId: chosen.deviceId, publicKey: String(f.publicKey), personId: String(f.personId ?? ''), label: String(f.label ?? ''), hlc: chosen.hlc };
}
