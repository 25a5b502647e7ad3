import { IconCalendarEvent } from '@tabler/icons-react';
import { FeaturePlaceholder } from '../../shared/FeaturePlaceholder';

export function CalendarPage() {
  return (
    <FeaturePlaceholder
      title="Calendar"
      icon={<IconCalendarEvent size={32} />}
      summary="Release, maintenance and freeze windows across environments, with collisions shown and explained."
      coming={[
        'See every release window on a week or month view, per environment',
        'Book maintenance windows and freeze / blackout windows',
        'Spot collisions: shared environments and systems, freezes, missing maintenance windows, dependency order',
      ]}
      meanwhile="plan windows on the Releases screen; each release shows its window in your time zone."
    />
  );
}
