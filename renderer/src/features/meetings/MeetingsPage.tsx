import { IconUsersGroup } from '@tabler/icons-react';
import { FeaturePlaceholder } from '../../shared/FeaturePlaceholder';

export function MeetingsPage() {
  return (
    <FeaturePlaceholder
      title="Meetings"
      icon={<IconUsersGroup size={32} />}
      summary="The weekly release coordination meeting, prepared for you."
      coming={[
        'An agenda of the releases in the coming date range with the readiness of each',
        'Collisions, dependency violations and environments prepared',
        'Decisions and action items recorded with the meeting',
      ]}
      meanwhile="filter the Releases screen by status and group it by environment to walk through what is coming."
    />
  );
}
