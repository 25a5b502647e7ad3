import { useEffect, useRef } from 'react';
import { announce } from '../../shared/announcer';
import { useSyncStore } from './sync-store';

/**
 * Says a sync failure out loud when it happens (syncs run on a timer, unseen): the header's indicator turns red, which
 * a screen reader does not notice. The failure the app opened with is on the indicator already; only new ones are said.
 */
export function useSyncErrorAnnouncement(): void {
  const lastError = useSyncStore((s) => s.status?.lastError);
  const previous = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (lastError === undefined) return;
    const known = previous.current;
    previous.current = lastError;
    if (known !== undefined && lastError && lastError !== known) announce(`Sync failed: ${lastError}`, 'assertive');
  }, [lastError]);
}
