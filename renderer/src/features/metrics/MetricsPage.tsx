import { IconChartLine } from '@tabler/icons-react';
import { FeaturePlaceholder } from '../../shared/FeaturePlaceholder';

export function MetricsPage() {
  return (
    <FeaturePlaceholder
      title="Metrics"
      icon={<IconChartLine size={32} />}
      summary="DORA metrics computed from your release records."
      coming={['Deployment frequency', 'Lead time for changes', 'Change failure rate', 'Time to restore service']}
      meanwhile="keep release statuses current (Released, Rolled back): the metrics will be computed from them."
    />
  );
}
