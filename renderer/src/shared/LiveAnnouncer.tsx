import { VisuallyHidden } from '@mantine/core';
import { useAnnouncerStore } from './announcer';

/** The app's live regions: in the page from the start, as screen readers only watch regions that already exist. */
export function LiveAnnouncer() {
  const polite = useAnnouncerStore((s) => s.polite);
  const assertive = useAnnouncerStore((s) => s.assertive);
  return (
    <VisuallyHidden>
      <div role="status" aria-live="polite" aria-atomic="true" data-testid="announcer-polite">
        {polite}
      </div>
      <div role="alert" aria-live="assertive" aria-atomic="true" data-testid="announcer-assertive">
        {assertive}
      </div>
    </VisuallyHidden>
  );
}
