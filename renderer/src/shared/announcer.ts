import { create } from 'zustand';

/**
 * What a screen reader should say without anyone moving focus: a step completing, a collision appearing, a sync
 * failing (issue 17). One pair of live regions for the whole app (LiveAnnouncer), so two features announcing at once
 * do not talk over each other from regions of their own.
 */
interface AnnouncerState {
  polite: string;
  assertive: string;
}

export const useAnnouncerStore = create<AnnouncerState>(() => ({ polite: '', assertive: '' }));

/**
 * Says the message: politely (after what is being read) or, for what needs attention now, assertively. The region is
 * emptied first so that the same sentence twice (a second step with the same title) is read twice.
 */
export function announce(message: string, urgency: 'polite' | 'assertive' = 'polite'): void {
  useAnnouncerStore.setState({ [urgency]: '' });
  setTimeout(() => useAnnouncerStore.setState({ [urgency]: message }), 50);
}
