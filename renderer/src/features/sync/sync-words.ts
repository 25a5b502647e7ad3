import type { SyncStatus } from '../../../../electron/contract/sync-entities';
import { fromNow } from '../../shared/dates';

/** The header's one-line summary of sync, in words. */
export function syncSummary(status: SyncStatus | null, now = Date.now()): { label: string; color: string; tone: 'off' | 'ok' | 'live' | 'offline' | 'busy' | 'warn' | 'error' } {
  if (!status || status.settings.mode === 'off') return { label: 'Sync off', color: 'gray', tone: 'off' };
  if (status.running) {
    const p = status.progress;
    const pct = p && p.total > 0 ? ` ${Math.min(100, Math.round((p.done / p.total) * 100))}%` : '';
    return { label: `Syncing${pct}…`, color: 'blue', tone: 'busy' };
  }
  const waiting = status.waiting > 0 ? ` · ${status.waiting} waiting` : '';
  if (status.live.state === 'offline') {
    const since = status.live.offlineSince ? ` ${offlineFor(status.live.offlineSince, now)}` : '';
    return { label: `Offline${since}${waiting}`, color: 'orange', tone: 'offline' };
  }
  if (status.lastError) return { label: 'Sync failed', color: 'red', tone: 'error' };
  if (status.openConflicts > 0) return { label: `${status.openConflicts} conflict${status.openConflicts === 1 ? '' : 's'}`, color: 'orange', tone: 'warn' };
  if (status.held.length > 0) return { label: `${status.held.length} held back`, color: 'orange', tone: 'warn' };
  if (status.live.state === 'live' || status.live.state === 'watching') return { label: `Live${waiting}`, color: 'teal', tone: 'live' };
  const when = status.lastSyncedAt ? `Synced ${fromNow(status.lastSyncedAt)}` : 'Not synced yet';
  return { label: status.waiting > 0 ? `${when} · ${status.waiting} waiting` : when, color: 'teal', tone: 'ok' };
}

/** How long a device has been offline, as the header says it ("for 12 min", "for 3 h"). */
export function offlineFor(since: string, now = Date.now()): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(since)) / 60_000));
  if (minutes < 1) return 'for under a minute';
  if (minutes < 60) return `for ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? `for ${hours} h` : `for ${Math.floor(hours / 24)} days`;
}

/** What the popover says about following the others, in words. */
export function liveWords(status: SyncStatus): string | null {
  const live = status.live;
  if (live.state === 'live') return 'Live: changes from the team server show as they are made.';
  if (live.state === 'watching') return 'Live: the shared folder is watched; changes show as their files arrive.';
  if (live.state === 'connecting') return 'Connecting to the team server…';
  if (live.state === 'offline') {
    return `Offline ${live.offlineSince ? offlineFor(live.offlineSince) : ''}: ${live.reason ?? 'no connection'}. ${status.waiting} change${status.waiting === 1 ? '' : 's'} waiting; they go by themselves when the connection is back.`;
  }
  return null;
}

export const HELD_KIND_LABELS: Record<SyncStatus['held'][number]['kind'], string> = {
  invalid: 'Malformed',
  unknown: 'Not understood by this version',
  forged: 'Signature does not hold',
  refused: 'Breaks a rule',
  unverified: 'Signer not shown to be allowed yet',
  future: 'Stamped in the future',
  server: 'Refused by the team server',
};
