import type { Change } from '../core/changes/change';
import { changeKey } from '../core/changes/change-key';
import type { HeldChange } from '../core/changes/rules/held';
import { judgeChanges } from '../core/changes/rules/judge';
import type { RefusedChange } from '../core/sync/server-protocol';
import type { Member, ServerStore } from './server-store';

export interface PushVerdict {
  /** Changes not stored yet that passed every rule. */
  fresh: Change[];
  duplicates: number;
  refused: RefusedChange[];
}

/**
 * Every rule a push passes before the server stores anything of it. First the same rules every device applies to
 * every change it receives (changes/rules/judge.ts: the value fits its field, append-only records written once,
 * signatures, enrolments, roles), judged against what the server holds; then what only the server can know:
 * - members are who the server says they are: a member's push carries only changes of its own devices (a device is
 *   bound to the member that first pushed for it), written by its own person (or by its device with no person
 *   chosen); an admin member may bring in others' history, but never changes of a device bound to another member;
 * - a device's chain only grows: a new change at a place of its chain the server already holds is a copy of the
 *   device (a workspace file copied, or put back from an older copy) and is refused;
 * - a change under an identity already stored with other content is refused.
 */
export async function judgePush(store: ServerStore, member: Member, deviceId: string, changes: readonly Change[], now: number): Promise<PushVerdict> {
  const refused: RefusedChange[] = [];
  const refuse = (c: Change, reason: string) => refused.push({ entity: c.entity, rowId: c.rowId, field: c.field, hlc: c.hlc, reason });

  const pusher = await store.device(deviceId);
  if (pusher && pusher.memberId !== member.id) {
    for (const c of changes) refuse(c, `device ${deviceId} belongs to another member of this server; ${member.name} may not push for it`);
    return { fresh: [], duplicates: 0, refused };
  }

  const stored = await store.stored(changes);
  let duplicates = 0;
  const candidates: Change[] = [];
  for (const c of changes) {
    const here = stored.get(changeKey(c));
    if (!here) candidates.push(c);
    else if (here.value === JSON.stringify(c.value ?? null) && here.author === c.author && here.link === c.link) duplicates++;
    else refuse(c, 'a different change with the same identity (record, field and stamp) is already stored: its device wrote two versions of one change');
  }

  const devices = new Map<string, { memberId: string; chainSeq: number } | undefined>();
  const placed = new Map<string, Map<number, string>>();
  for (const id of new Set(candidates.map((c) => c.deviceId))) {
    devices.set(id, await store.device(id));
    placed.set(id, await store.linksAt(id, candidates.filter((c) => c.deviceId === id).map((c) => c.chainSeq)));
  }
  const memberChecked: Change[] = [];
  for (const c of candidates) {
    const owner = devices.get(c.deviceId);
    if (!member.admin && c.deviceId !== deviceId) refuse(c, `${member.name} may push only the changes of their own device, not of device ${c.deviceId}`);
    else if (owner && owner.memberId !== member.id) refuse(c, `device ${c.deviceId} belongs to another member of this server`);
    else if (!member.admin && c.author !== member.personId && !c.author.startsWith('device:')) refuse(c, `it is written in the name of person ${c.author}, and ${member.name} signs in as person ${member.personId}`);
    else if ((placed.get(c.deviceId)?.get(c.chainSeq) ?? c.link) !== c.link) {
      refuse(c, `device ${c.deviceId} already sent another change at place ${c.chainSeq} of its chain: is this a copy of a workspace file? Release Desk gives a copied file a new device; open the copy again with this version`);
    } else memberChecked.push(c);
  }

  const judged = judgeChanges(memberChecked, await judgeContext(store, memberChecked, now));
  for (const h of judged.held) refuse(h.change, reasonFor(h));
  const refusedKeys = new Set(refused.map(changeKey));
  return { fresh: memberChecked.filter((c) => !refusedKeys.has(changeKey(c))), duplicates, refused };
}

async function judgeContext(store: ServerStore, changes: readonly Change[], now: number) {
  const personIds = changes.flatMap((c) => [c.author, ...(c.field === 'personId' && typeof c.value === 'string' ? [c.value] : [])]);
  const itemIds = changes.filter((c) => c.entity === 'checklistWaiver' && c.field === 'itemId' && typeof c.value === 'string').map((c) => c.value as string);
  const [names, states, knownTrustWrites, pinnedRoot] = await Promise.all([
    store.latestValues('person', 'name', personIds),
    store.latestValues('checklistItem', 'state', itemIds),
    store.trustWrites(),
    store.root(),
  ]);
  return {
    now,
    pinnedRoot,
    knownTrustWrites,
    personName: (id: string) => (typeof names.get(id) === 'string' ? (names.get(id) as string) : `person ${id}`),
    checklistItemState: (id: string) => (typeof states.get(id) === 'string' ? (states.get(id) as string) : undefined),
  };
}

function reasonFor(h: HeldChange): string {
  return h.kind === 'future' ? h.reason.replace("this device's clock", "the team server's clock") : h.reason;
}
