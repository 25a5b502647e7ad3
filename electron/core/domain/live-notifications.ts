import type { LiveNotification } from '../../contract/live-feed';

export type NotificationKind = LiveNotification['kind'];
export const NOTIFICATION_KINDS: readonly NotificationKind[] = ['halt', 'your-step-next', 'checkpoint', 'no-go'];

/** What arrived from the other devices, as facts the decision needs (gathered from the workspace by the caller). */
export type Happening =
  | { kind: 'signoff'; action: string; by: string; byName: string; stateLabel: string; release: string; releaseOwnerId: string | null }
  | { kind: 'execution'; action: string; by: string; byName: string; step: string; release: string }
  /** A step that may start now because of what arrived: its owner, and whether it is a go/no-go checkpoint. */
  | { kind: 'next'; by: string; byName: string; step: string; stepOwnerId: string | null; checkpoint: boolean; release: string };

export interface Reader {
  /** The person this device acts as ("You are"), or null. */
  personId: string | null;
  /** Whether that person is a release coordinator (coordinates every release). */
  coordinates: boolean;
  /** The moments this person chose to be told of. */
  enabled: ReadonlySet<NotificationKind>;
}

/**
 * The moments a release manager must not miss, from what just arrived: a halt on a release they own or coordinate,
 * a step of theirs that may start now, a go/no-go checkpoint reached, a no-go. Never for their own actions, and only
 * those they chose. Pure: the shells only show what this returns.
 */
export function decideNotifications(happenings: readonly Happening[], reader: Reader): LiveNotification[] {
  const out: LiveNotification[] = [];
  const add = (n: LiveNotification) => {
    if (reader.enabled.has(n.kind) && !out.some((o) => o.kind === n.kind && o.body === n.body)) out.push(n);
  };
  for (const h of happenings) {
    if (reader.personId !== null && h.by === reader.personId) continue;
    if (h.kind === 'signoff' && h.action === 'halt' && reader.personId !== null && (h.releaseOwnerId === reader.personId || reader.coordinates)) {
      add({ kind: 'halt', title: `Halt on ${h.release}`, body: `${h.byName} halted ${h.stateLabel} on ${h.release}.` });
    }
    if (h.kind === 'execution' && h.action === 'no-go') {
      add({ kind: 'no-go', title: `No-go on ${h.release}`, body: `${h.byName} called no-go at ${h.step} on ${h.release}.` });
    }
    if (h.kind === 'next' && h.checkpoint) {
      add({ kind: 'checkpoint', title: `Go/no-go reached on ${h.release}`, body: `${h.step} is next: decide go or no-go.` });
    }
    if (h.kind === 'next' && reader.personId !== null && h.stepOwnerId === reader.personId) {
      add({ kind: 'your-step-next', title: `Your step is next on ${h.release}`, body: `${h.step} may start now (after ${h.byName}).` });
    }
  }
  return out;
}
