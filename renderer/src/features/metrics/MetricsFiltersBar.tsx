import { Button, Group, SegmentedControl, Select } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import type { TrendBucket } from '../../../../electron/contract/outcomes-entities';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { lastDays, useMetricsStore } from './metrics-store';

const PRESETS = [
  { label: '4 weeks', days: 28 },
  { label: 'Quarter', days: 91 },
  { label: '6 months', days: 182 },
  { label: 'Year', days: 364 },
];

/** Period (typed or a preset), trend granularity, and the system and environment the figures are about. */
export function MetricsFiltersBar() {
  const filters = useMetricsStore((s) => s.filters);
  const setFilters = useMetricsStore((s) => s.setFilters);
  const systems = useWorkspaceStore((s) => s.systems);
  const environments = useWorkspaceStore((s) => s.environments);
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <DateInput label="From" valueFormat="YYYY-MM-DD" w={130} value={filters.from} onChange={(v) => v && void setFilters({ from: v })} maxDate={filters.to} />
      <DateInput label="To" valueFormat="YYYY-MM-DD" w={130} value={filters.to} onChange={(v) => v && void setFilters({ to: v })} minDate={filters.from} />
      <Group gap={4}>
        {PRESETS.map((p) => (
          <Button key={p.label} size="xs" variant="subtle" onClick={() => void setFilters(lastDays(p.days))}>
            {p.label}
          </Button>
        ))}
      </Group>
      <SegmentedControl
        aria-label="Trend by"
        value={filters.bucket}
        onChange={(v) => void setFilters({ bucket: v as TrendBucket })}
        data={[
          { value: 'week', label: 'Weekly' },
          { value: 'month', label: 'Monthly' },
        ]}
      />
      <Select
        label="System"
        placeholder="All systems"
        clearable
        searchable
        w={180}
        data={systems.map((s) => ({ value: s.id, label: s.name }))}
        value={filters.systemId}
        onChange={(v) => void setFilters({ systemId: v })}
      />
      <Select
        label="Environment"
        placeholder="Production"
        clearable
        w={150}
        data={environments.map((e) => ({ value: e.id, label: e.name }))}
        value={filters.environmentId}
        onChange={(v) => void setFilters({ environmentId: v })}
      />

    </Group>
  );
}
