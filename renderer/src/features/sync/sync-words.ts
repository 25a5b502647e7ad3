import type { SyncStatus } from '../../../../electron/contract/sync-entities';
import { fromNow } from '../../shared/dates';

/** The header's one-line summary of sync, in words. */
export function syncSummary(status: SyncStatus | null): { label: string; color: string; tone: 'off' | 'ok' | 'busy' | 'warn' | 'error' } {
  if (!status || status.settings.mode === 'off') return { label: 'Sync off', color: 'gray', tone: 'off' };
  if (status.running) {
    const p = status.progress;
    const pct = p && p.total > 0 ? ` ${Math.min(100, Math.round((p.done / p.total) * 100))}%` : '';
    return { label: `Syncing${pct}…`, color: 'blue', tone: 'busy' };
  }
  if (status.lastError) return { label: 'Sync failed', color: 'red', tone: 'error' };
  if (status.openConflicts > 0) return { label: `${status.openConflicts} conflict${status.openConflicts === 1 ? '' : 's'}`, color: 'orange', tone: 'warn' };
  if (status.held.length > 0) return { label: `${status.held.length} held back`, color: 'orange', tone: 'warn' };
  const when = status.lastSyncedAt ? `Synced ${fromNow(status.lastSyncedAt)}` : 'Not synced yet';
  return { label: status.waiting > 0 ? `${when} · ${status.waiting} waiting` : when, color: 'teal', tone: 'ok' };
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
