import type { Change } from '../change';
import { writeKey } from '../change-key';
import { isAppendOnly, isEntityName, signerOf, type EntityName } from '../../store/entity-tables';
import { MAX_CLOCK_DRIFT_MS, parseHlc } from '../../store/hlc';
import { TrustView, type TrustWrite } from '../../trust/trust-view';
import { authorityProblem, type AuthorityFacts } from './check-authority';
import { changeProblem } from './check-change';
import { writeProblem } from './check-write';
import type { HeldChange, Verdict } from './held';
import { groupWrites, type Write } from './writes';

export interface JudgeContext extends AuthorityFacts {
  /** The receiver's trusted time, in ms: a change stamped more than five minutes beyond it is held. */
  now: number;
  /** The root key this receiver pinned (null: none yet; the first root it sees will be). */
  pinnedRoot: string | null;
  /** The signed trust records already merged here (device keys, people's identity writes). */
  knownTrustWrites: readonly TrustWrite[];
  /**
   * Whether this very write (all its changes, the same signature) is already here: it passed then, and its signature is
   * not checked again. A change that differs is caught as an equivocation when it is merged.
   */
  alreadyHere?: (w: Write) => boolean;
}

export interface Judgement {
  accepted: Change[];
  held: HeldChange[];
  /** Who may sign what, with what this batch adds. */
  trust: TrustView;
}

/**
 * The one set of rules every change from outside passes before it can touch a table, on every path: a folder file,
 * a team-server push (server side) and pull (client side), a JSON backup, the held changes tried again. Pure: it reads
 * only what the context gives. A change that fails is held with its reason in words; it never stops the rest.
 */
export function judgeChanges(changes: readonly Change[], ctx: JudgeContext): Judgement {
  const held: HeldChange[] = [];
  const hold = (list: readonly Change[], verdict: Verdict) => list.forEach((change) => held.push({ change, ...verdict }));
  const bound = new Date(ctx.now + MAX_CLOCK_DRIFT_MS).toISOString();

  const passing: Change[] = [];
  for (const c of changes) {
    const problem = changeProblem(c) ?? futureProblem(c, bound, ctx.now);
    if (problem) hold([c], problem);
    else passing.push(c);
  }

  // A record that must be whole and signed stands or falls as one write.
  const writes = groupWrites(passing);
  const failedWrites = new Map<string, Verdict>();
  for (const h of held) if (isEntityName(h.change.entity) && strict(h.change.entity)) failedWrites.set(writeKey(h.change), h);
  const live: Write[] = [];
  for (const w of writes) {
    const failing = strict(w.entity) ? failedWrites.get(w.key) : undefined;
    if (failing) hold(w.changes, { kind: failing.kind, reason: failing.reason });
    else live.push(w);
  }

  // The root decides which workspace signatures belong to: a root record proves itself; then every other write.
  const roots = live.filter((w) => w.entity === 'deviceKey' && w.fields.action === 'root');
  const rootsOk = roots.filter((w) => writeProblem(w, null) === null);
  const batchTrust = (w: Write, ok: boolean) => toTrustWrite(w, ok);
  const preliminary = new TrustView([...ctx.knownTrustWrites, ...rootsOk.map((w) => batchTrust(w, true))], ctx.pinnedRoot);
  const workspaceId = preliminary.workspaceId;

  const signedOk: Write[] = [];
  for (const w of live) {
    if (w.signature !== undefined && ctx.alreadyHere?.(w)) {
      signedOk.push(w);
      continue;
    }
    const problem = writeProblem(w, workspaceId);
    if (problem) hold(w.changes, problem);
    else signedOk.push(w);
  }

  const trust = new TrustView(
    [...ctx.knownTrustWrites, ...signedOk.filter(isTrustWrite).map((w) => batchTrust(w, true))],
    ctx.pinnedRoot ?? preliminary.root?.deviceId ?? null,
  );
  const facts = withBatch(ctx, signedOk);
  const accepted: Change[] = [];
  for (const w of signedOk) {
    const problem = authorityProblem(w, trust, facts);
    if (problem) hold(w.changes, problem);
    else accepted.push(...w.changes);
  }
  return { accepted, held, trust };
}

/** Append-only and signed records are judged whole; ordinary edits field by field. */
function strict(entity: EntityName): boolean {
  return isAppendOnly(entity) || signerOf(entity) !== undefined;
}

export function isTrustWrite(w: { entity: string }): boolean {
  return w.entity === 'deviceKey' || w.entity === 'person';
}

export function toTrustWrite(w: Write, signatureOk: boolean): TrustWrite {
  return { entity: w.entity as TrustWrite['entity'], rowId: w.rowId, hlc: w.hlc, deviceId: w.deviceId, chainSeq: w.chainSeq, author: w.author, fields: w.fields, signatureOk };
}

function futureProblem(c: Change, bound: string, now: number): Verdict | null {
  // Stamps sort as strings and start with their ISO instant: one comparison finds the few that need parsing.
  if (c.hlc.slice(0, bound.length) <= bound) return null;
  const ahead = parseHlc(c.hlc).millis - now;
  return { kind: 'future', reason: `it is stamped ${formatAhead(ahead)} ahead of this device's clock (device ${c.deviceId}); one of the two clocks is wrong. It is held until this clock reaches it` };
}

export function formatAhead(ms: number): string {
  const hours = ms / 3_600_000;
  return Math.round(hours) >= 48 ? `${Math.round(hours / 24)} days` : hours >= 1 ? `${Math.round(hours)} hours` : `${Math.round(ms / 60_000)} minutes`;
}

/** People and checklist items the batch itself brings count too. */
function withBatch(ctx: AuthorityFacts, writes: readonly Write[]): AuthorityFacts {
  const names = new Map<string, string>();
  const states = new Map<string, string>();
  for (const w of writes) {
    if (w.entity === 'person' && typeof w.fields.name === 'string') names.set(w.rowId, w.fields.name);
    if (w.entity === 'checklistItem' && typeof w.fields.state === 'string') states.set(w.rowId, w.fields.state);
  }
  return {
    personName: (id) => names.get(id) ?? ctx.personName(id),
    checklistItemState: (id) => ctx.checklistItemState(id) ?? states.get(id),
  };
}
