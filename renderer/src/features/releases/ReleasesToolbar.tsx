import { ActionIcon, Button, Chip, CloseButton, Group, MultiSelect, Select, TextInput, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconCalendarDown, IconLayoutRows, IconSearch } from '@tabler/icons-react';
import { useRef } from 'react';
import { RELEASE_STATUSES, RELEASE_STATUS_LABELS, type ReleaseStatus } from '../../../../electron/contract/entities';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { activeFilterCount, useReleasesViewStore, type ReleaseGrouping } from './releases-view-store';

const STATUS_OPTIONS = RELEASE_STATUSES.map((s) => ({ value: s, label: RELEASE_STATUS_LABELS[s] }));
const GROUPINGS = [
  { value: 'none', label: 'No grouping' },
  { value: 'status', label: 'By status' },
  { value: 'environment', label: 'By environment' },
];

export function ReleasesToolbar() {
  const { search, filters, grouping, setSearch, setFilters, clearFilters, setGrouping, scrollToToday } = useReleasesViewStore();
  const { people, systems, environments } = useWorkspaceStore();
  const me = useWorkspaceStore((s) => s.people.find((p) => p.id === s.info?.currentPersonId) ?? null);
  const searchRef = useRef<HTMLInputElement>(null);
  // "/" jumps to search, as in most list-heavy tools; "T" goes back to today.
  useHotkeys([
    ['/', () => searchRef.current?.focus()],
    ['t', scrollToToday],
  ]);
  const options = (items: readonly { id: string; name: string }[]) => items.map((i) => ({ value: i.id, label: i.name }));
  const filterCount = activeFilterCount(filters);

  const filterProps = { size: 'xs', w: 128, clearable: true, searchable: true, hidePickedOptions: true } as const;

  return (
    <Group gap="xs" mb="sm" wrap="wrap" align="center">
      <TextInput
        ref={searchRef}
        size="xs"
        w={210}
        placeholder="Search releases  ( / )"
        aria-label="Search releases"
        leftSection={<IconSearch size={14} />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        onKeyDown={(e) => e.key === 'Escape' && setSearch('')}
        rightSection={search ? <CloseButton size="xs" aria-label="Clear search" onClick={() => setSearch('')} /> : undefined}
      />
      <MultiSelect
        {...filterProps}
        aria-label="Filter by status"
        placeholder={filters.statuses.length ? undefined : 'Status'}
        data={STATUS_OPTIONS}
        value={filters.statuses}
        onChange={(v) => setFilters({ statuses: v as ReleaseStatus[] })}
      />
      <MultiSelect
        {...filterProps}
        aria-label="Filter by environment"
        placeholder={filters.environmentIds.length ? undefined : 'Environment'}
        data={options(environments)}
        value={filters.environmentIds}
        onChange={(v) => setFilters({ environmentIds: v })}
      />
      <MultiSelect
        {...filterProps}
        aria-label="Filter by system"
        placeholder={filters.systemIds.length ? undefined : 'System'}
        data={options(systems)}
        value={filters.systemIds}
        onChange={(v) => setFilters({ systemIds: v })}
      />
      <MultiSelect
        {...filterProps}
        aria-label="Filter by owner"
        placeholder={filters.ownerIds.length ? undefined : 'Owner'}
        data={options(people)}
        value={filters.ownerIds}
        onChange={(v) => setFilters({ ownerIds: v })}
      />
      <Tooltip label={me ? `Releases ${me.name} owns` : 'Choose who you are (top right, "You are") to see the releases you own'} withArrow>
        <div>
          <Chip size="xs" checked={filters.mine} disabled={!me} onChange={(mine) => setFilters({ mine })}>
            My releases
          </Chip>
        </div>
      </Tooltip>
      <Chip size="xs" checked={filters.thisWeek} onChange={(thisWeek) => setFilters({ thisWeek })}>
        This week
      </Chip>
      {(filterCount > 0 || search) && (
        <Button size="xs" variant="subtle" onClick={clearFilters}>
          Clear all
        </Button>
      )}
      <Tooltip label="Back to today's releases (T)" withArrow>
        <ActionIcon size={30} variant="default" ml="auto" aria-label="Today" onClick={scrollToToday}>
          <IconCalendarDown size={16} />
        </ActionIcon>
      </Tooltip>
      <Select
        size="xs"
        w={145}
        aria-label="Group releases"
        leftSection={<IconLayoutRows size={14} />}
        data={GROUPINGS}
        value={grouping}
        onChange={(g) => g && setGrouping(g as ReleaseGrouping)}
        allowDeselect={false}
      />
    </Group>
  );
}
