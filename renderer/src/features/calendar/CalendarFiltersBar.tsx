import { Button, Chip, CloseButton, Group, MultiSelect, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { forwardRef } from 'react';
import { WINDOW_KINDS, type WindowKind } from '../../../../electron/contract/calendar-entities';
import { RELEASE_STATUSES, RELEASE_STATUS_LABELS, type ReleaseStatus } from '../../../../electron/contract/entities';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { useCalendarStore } from './calendar-store';
import type { CalendarFilters } from './calendar-events';

const KIND_CHIPS: Record<WindowKind, string> = { release: 'Releases', maintenance: 'Maintenance', freeze: 'Freezes' };

/** Search, the four filters of the issue (environment, system, status, owner) and which kinds of window to show. */
export const CalendarFiltersBar = forwardRef<HTMLInputElement>(function CalendarFiltersBar(_props, searchRef) {
  const { search, filters, setSearch, setFilters, clearFilters } = useCalendarStore();
  const { people, systems, environments } = useWorkspaceStore();
  const ids = (items: readonly { id: string; name: string }[]) => items.map((i) => ({ value: i.id, label: i.name }));
  const pickers: Array<{ key: keyof Omit<CalendarFilters, 'kinds'>; label: string; data: Array<{ value: string; label: string }> }> = [
    { key: 'environmentIds', label: 'Environment', data: ids(environments) },
    { key: 'systemIds', label: 'System', data: ids(systems) },
    { key: 'statuses', label: 'Status', data: RELEASE_STATUSES.map((s) => ({ value: s, label: RELEASE_STATUS_LABELS[s] })) },
    { key: 'ownerIds', label: 'Owner', data: ids(people) },
  ];
  const narrowed = search !== '' || Object.values(filters).some((v: readonly string[]) => v.length > 0);

  return (
    <Group gap="xs" wrap="wrap" align="center">
      <TextInput
        ref={searchRef}
        size="xs"
        w={220}
        placeholder="Search the calendar  ( / )"
        aria-label="Search the calendar"
        leftSection={<IconSearch size={14} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && (setSearch(''), e.currentTarget.blur())}
        rightSection={search ? <CloseButton size="xs" aria-label="Clear search" onClick={() => setSearch('')} /> : undefined}
      />
      {pickers.map((p) => (
        <MultiSelect
          key={p.key}
          size="xs"
          w={150}
          clearable
          searchable
          hidePickedOptions
          aria-label={`Filter by ${p.label.toLowerCase()}`}
          placeholder={filters[p.key].length ? undefined : p.label}
          data={p.data}
          value={filters[p.key]}
          onChange={(v) => setFilters({ [p.key]: p.key === 'statuses' ? (v as ReleaseStatus[]) : v })}
        />
      ))}
      <Chip.Group multiple value={filters.kinds.length ? filters.kinds : [...WINDOW_KINDS]} onChange={(v) => setFilters({ kinds: v.length === WINDOW_KINDS.length ? [] : (v as WindowKind[]) })}>
        <Group gap={4}>
          {WINDOW_KINDS.map((k) => (
            <Chip key={k} value={k} size="xs" variant="light">
              {KIND_CHIPS[k]}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      {narrowed && (
        <Button size="xs" variant="subtle" onClick={clearFilters}>
          Clear all
        </Button>
      )}
    </Group>
  );
});
