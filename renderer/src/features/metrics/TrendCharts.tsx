import { SimpleGrid } from '@mantine/core';
import type { MetricsView } from '../../../../electron/contract/outcomes-entities';
import { formatHours, formatHoursShort } from './metric-format';
import { TrendChart, type TrendColumn } from './TrendChart';

const count = (v: number | null) => (v === null ? '—' : String(v));
const hours = (v: number | null) => formatHours(v);
const percent = (v: number | null) => (v === null ? '—' : `${v} %`);

/** The four keys by week or month. Rates are charted in percent so the axis reads as people say it. */
export function TrendCharts({ view }: { view: MetricsView }) {
  const rows = view.trend.map(({ start, label, summary: s }) => ({
    start,
    label,
    deployments: s.deploymentFrequency.deployments,
    failures: s.changeFailureRate.failures,
    leadTime: s.leadTime.medianHours,
    changes: s.leadTime.changes,
    failureRate: s.changeFailureRate.rate === null ? null : Math.round(s.changeFailureRate.rate * 1000) / 10,
    productionDeployments: s.changeFailureRate.deployments,
    restore: s.failedDeploymentRecoveryTime.medianHours,
    restored: s.failedDeploymentRecoveryTime.restored,
    open: s.failedDeploymentRecoveryTime.open,
  }));
  const col = (key: string, label: string, format: TrendColumn['format']): TrendColumn => ({ key, label, format });
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
      <TrendChart title="Deployment frequency" kind="bar" rows={rows} color="blue.6" columns={[col('deployments', 'Deployments', count), col('failures', 'Failures', count)]} />
      <TrendChart
        title="Lead time for changes (median)"
        kind="line"
        rows={rows}
        color="violet.6"
        axisFormat={formatHoursShort}
        columns={[col('leadTime', 'Median lead time', hours), col('changes', 'Changes', count)]}
      />
      <TrendChart
        title="Change failure rate"
        kind="line"
        rows={rows}
        color="red.6"
        columns={[col('failureRate', 'Failure rate', percent), col('productionDeployments', 'Deployments', count)]}
      />
      <TrendChart
        title="Failed deployment recovery time (median)"
        kind="line"
        rows={rows}
        color="orange.6"
        axisFormat={formatHoursShort}
        columns={[col('restore', 'Median recovery time', hours), col('restored', 'Restored', count), col('open', 'Still open', count)]}
      />
    </SimpleGrid>
  );
}
