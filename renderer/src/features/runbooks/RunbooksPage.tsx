import { IconListCheck } from '@tabler/icons-react';
import { FeaturePlaceholder } from '../../shared/FeaturePlaceholder';

export function RunbooksPage() {
  return (
    <FeaturePlaceholder
      title="Runbooks"
      icon={<IconListCheck size={32} />}
      summary="The ordered plan for executing a release, run live on the release weekend."
      coming={[
        'Write steps with owners, planned start, duration, dependencies and kind (task, go/no-go, communication, rollback)',
        'See the critical path and the planned finish',
        'Execute live: start, complete, fail, skip or roll back steps, planned versus actual',
        'Keep templates and export a runbook as PDF for the war room',
      ]}
      meanwhile="keep the plan in each release's description."
    />
  );
}
