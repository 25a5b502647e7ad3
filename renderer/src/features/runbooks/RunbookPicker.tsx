import { Badge, Group, NavLink, ScrollArea, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { formatInstant } from '../../shared/dates';
import { formatDuration } from './duration';
import { PHASE_LOOK } from './StepBadges';
import { useRunbooksStore } from './runbooks-store';

export type PickerTab = 'releases' | 'templates';

interface RunbookPickerProps {
  tab: PickerTab;
  onTab(tab: PickerTab): void;
  releaseFilter: string | null;
  onReleaseFilter(releaseId: string | null): void;
}

/** Release runbooks by window start (filterable by release), templates on their own tab. */
export function RunbookPicker({ tab, onTab, releaseFilter, onReleaseFilter }: RunbookPickerProps) {
  const { list, templates, releases, openId, open } = useRunbooksStore();
  const shown = tab === 'templates' ? templates : releaseFilter ? list.filter((r) => r.releaseId === releaseFilter) : list;
  const releasesWithRunbooks = releases.filter((r) => list.some((b) => b.releaseId === r.id));

  return (
    <Stack gap="xs" h="100%" data-testid="runbook-picker">
      <SegmentedControl
        size="xs"
        fullWidth
        value={tab}
        onChange={(v) => onTab(v as PickerTab)}
        data={[
          { value: 'releases', label: `Releases (${list.length})` },
          { value: 'templates', label: `Templates (${templates.length})` },
        ]}
      />
      {tab === 'releases' && (
        <Select
          size="xs"
          aria-label="Filter by release"
          placeholder="All releases"
          data={releasesWithRunbooks.map((r) => ({ value: r.id, label: `${r.name} ${r.version}` }))}
          value={releaseFilter}
          onChange={onReleaseFilter}
          clearable
          searchable
        />
      )}
      <ScrollArea style={{ flex: 1 }}>
        <Stack gap={2}>
          {shown.length === 0 && (
            <Text size="sm" c="dimmed" p="xs">
              {tab === 'templates'
                ? 'No template yet. Save a good runbook as a template (its menu), or create an empty template with New runbook.'
                : 'No runbook here yet. Create one with New runbook.'}
            </Text>
          )}
          {shown.map((r) => {
            const phase = r.phase === 'not-started' ? null : PHASE_LOOK[r.phase];
            return (
              <NavLink
                key={r.id}
                component="button"
                active={r.id === openId}
                onClick={() => open(r.id)}
                label={<Text size="sm" fw={500} truncate>{r.name}</Text>}
                description={
                  <Stack gap={2}>
                    <Text size="xs" c="dimmed" truncate>
                      {r.releaseId ? `${r.releaseName} · ${r.windowStart ? formatInstant(r.windowStart) : ''}` : 'Template'}
                    </Text>
                    <Group gap={4}>
                      <Badge size="xs" variant="default" radius="sm" style={{ textTransform: 'none' }}>
                        {r.stepCount} steps
                      </Badge>
                      {phase && (
                        <Badge size="xs" variant="light" color={phase.color} radius="sm" style={{ textTransform: 'none' }}>
                          {phase.label}
                        </Badge>
                      )}
                      {r.overrunMinutes > 0 && (
                        <Badge size="xs" variant="light" color="red" radius="sm" style={{ textTransform: 'none' }}>
                          {formatDuration(r.overrunMinutes)} over
                        </Badge>
                      )}
                    </Group>
                  </Stack>
                }
                style={{ borderRadius: 'var(--mantine-radius-sm)' }}
              />
            );
          })}
        </Stack>
      </ScrollArea>
    </Stack>
  );
}
