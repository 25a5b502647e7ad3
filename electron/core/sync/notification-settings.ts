import { NOTIFICATION_KINDS, type NotificationKind } from '../domain/live-notifications';
import type { WorkspaceStore } from '../store/workspace-store';

/** This device's person ("You are"), or null. */
export const currentPersonId = (store: WorkspaceStore): string | null => store.getMeta('current_person_id') ?? null;

/**
 * The notifications a person chose, kept on this device for that person (never synced: what interrupts someone is
 * theirs to choose on each machine). All of them until the person chooses.
 */
export function enabledNotifications(store: WorkspaceStore, personId: string | null): NotificationKind[] {
  const saved = personId ? store.ledger.get(`notify:${personId}`) : undefined;
  if (!saved) return [...NOTIFICATION_KINDS];
  const kinds = JSON.parse(saved) as unknown;
  return Array.isArray(kinds) ? NOTIFICATION_KINDS.filter((k) => kinds.includes(k)) : [...NOTIFICATION_KINDS];
}

export function setEnabledNotifications(store: WorkspaceStore, personId: string, kinds: readonly NotificationKind[]): void {
  store.ledger.set(`notify:${personId}`, JSON.stringify(NOTIFICATION_KINDS.filter((k) => kinds.includes(k))));
}
