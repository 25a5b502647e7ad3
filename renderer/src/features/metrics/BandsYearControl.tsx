import { Group, SegmentedControl, Text } from '@mantine/core';
import { DORA_REPORT_YEARS, type DoraReportYear } from '../../../../electron/contract/outcomes-entities';
import { useMetricsStore } from './metrics-store';

/**
 * Which DORA report's performance bands the figures are placed in. It changes no figure, only how each is judged,
 * so it sits with the figures rather than with the filters that choose the deployments.
 */
export function BandsYearControl({ thresholds }: { thresholds: string }) {
  const reportYear = useMetricsStore((s) => s.filters.reportYear);
  const setFilters = useMetricsStore((s) => s.setFilters);
  return (
    <Group justify="space-between" gap="xs">
      <Text size="sm" c="dimmed">
        Performance bands by {thresholds}; rework rate has no bands.
      </Text>
      <Group gap="xs">
        <Text size="sm" id="bands-year-label">
          DORA report
        </Text>
        <SegmentedControl
          size="xs"
          aria-labelledby="bands-year-label"
          value={String(reportYear)}
          onChange={(v) => void setFilters({ reportYear: Number(v) as DoraReportYear })}
          data={DORA_REPORT_YEARS.map((y) => ({ value: String(y), label: String(y) }))}
        />
      </Group>
    </Group>
  );
}
