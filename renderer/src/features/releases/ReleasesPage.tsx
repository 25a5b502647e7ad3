import { Alert, Button, Group, Kbd, Text } from '@mantine/core';
import { IconFilterOff, IconPlus, IconRocket, IconSettings } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { EmptyCard } from '../../shared/EmptyCard';
import { PageHeader } from '../../shared/PageHeader';
import { useNavigationStore } from '../../shell/navigation-store';
import { useNameLookups } from '../workspace/use-name-lookups';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { applyFilters, currentWeek, toReleaseRows } from './release-rows';
import { ReleaseDetailDrawer } from './ReleaseDetailDrawer';
import { ReleaseFormModal } from './ReleaseFormModal';
import { useReleasesStore } from './releases-store';
import { useReleasesViewStore } from './releases-view-store';
import { ReleasesTable } from './ReleasesTable';
import { ReleasesToolbar } from './ReleasesToolbar';

const plural = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'release' : 'releases'}`;

export function ReleasesPage() {
  const { releases, loaded, loadError, load, checks } = useReleasesStore();
  const currentPersonId = useWorkspaceStore((s) => s.info?.currentPersonId ?? null);
  const { search, filters, grouping, selectedId, select, openCreate, clearFilters } = useReleasesViewStore();
  const environments = useWorkspaceStore((s) => s.environments);
  const needsSetup = useWorkspaceStore((s) => s.systems.length === 0 || s.environments.length === 0);
  const go = useNavigationStore((s) => s.go);
  const names = useNameLookups();
  const [shown, setShown] = useState(0);

  useEffect(() => {
    void load();
  }, [load]);

  const rows = useMemo(() => toReleaseRows(releases, names, checks), [releases, names, checks]);
  const filtered = useMemo(() => applyFilters(rows, filters, { currentPersonId, week: currentWeek() }), [rows, filters, currentPersonId]);
  const narrowed = search.trim() !== '' || filtered.length !== rows.length;

  const newRelease = (
    <Button leftSection={<IconPlus size={16} />} rightSection={<Kbd size="xs">N</Kbd>} onClick={openCreate}>
      New release
    </Button>
  );

  const body = () => {
    if (loadError) return <Alert color="red" title="Could not load releases">{loadError}</Alert>;
    if (!loaded) return null;
    if (releases.length === 0) {
      return needsSetup ? (
        <EmptyCard
          icon={<IconSettings size={30} />}
          title="Set up your workspace first"
          description="A release changes systems and books environments. Add at least one system and one environment in Settings (people too, to name owners), then plan your first release here."
        >
          <Group justify="center" mt="md"><Button leftSection={<IconSettings size={16} />} onClick={() => go('settings')}>Open Settings</Button></Group>
        </EmptyCard>
      ) : (
        <EmptyCard
          icon={<IconRocket size={30} />}
          title="No releases yet"
          description={<>Press <Kbd size="xs">N</Kbd> or click New release to plan the first one.</>}
        >
          <Group justify="center" mt="md">{newRelease}</Group>
        </EmptyCard>
      );
    }
    return (
      <>
        <ReleasesToolbar />
        {shown === 0 && narrowed && (
          <EmptyCard
            icon={<IconFilterOff size={30} />}
            title="No release matches"
            description="Nothing fits this search and these filters."
          >
            <Group justify="center" mt="md"><Button variant="default" onClick={clearFilters}>Clear search and filters</Button></Group>
          </EmptyCard>
        )}
        <div style={{ display: shown === 0 && narrowed ? 'none' : 'flex', flex: 1, minHeight: 0 }}>
          <ReleasesTable
            rows={filtered}
            search={search}
            grouping={grouping}
            environments={environments}
            selectedId={selectedId}
            onOpen={select}
            onCountChange={setShown}
          />
        </div>
      </>
    );
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100dvh - var(--app-shell-header-height) - 2 * var(--mantine-spacing-md))' }}>
      <PageHeader
        title="Releases"
        description={
          <Text span size="sm" c="dimmed" data-testid="releases-count">
            {narrowed ? `${plural(shown)} of ${releases.length.toLocaleString('en-US')}` : plural(releases.length)}
          </Text>
        }
        actions={newRelease}
      />
      {body()}
      <ReleaseFormModal />
      <ReleaseDetailDrawer />
    </div>
  );
}

