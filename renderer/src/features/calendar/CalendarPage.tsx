import { Alert, Box, Button, Group, Stack, Text } from '@mantine/core';
import { IconSettings } from '@tabler/icons-react';
import { useEffect, useMemo, useRef } from 'react';
import { EmptyCard } from '../../shared/EmptyCard';
import { PageHeader } from '../../shared/PageHeader';
import { viewerTimeZone } from '../../shared/dates';
import { useNavigationStore } from '../../shell/navigation-store';
import { ReleaseDetailDrawer } from '../releases/ReleaseDetailDrawer';
import { ReleaseFormModal } from '../releases/ReleaseFormModal';
import { useReleasesStore } from '../releases/releases-store';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { CalendarActions } from './CalendarActions';
import { applyCalendarFilters, collisionsBySource, toCalendarEvents, visibleCollisions } from './calendar-events';
import { CalendarFiltersBar } from './CalendarFiltersBar';
import { periodLabel, visiblePeriod } from './calendar-range';
import { useCalendarStore } from './calendar-store';
import { CalendarToolbar } from './CalendarToolbar';
import { CollisionPanel } from './CollisionPanel';
import { DragPreviewPanel } from './DragPreviewPanel';
import { MonthWeekCalendar } from './MonthWeekCalendar';
import { TimelineView } from './TimelineView';
import { useCalendarActions } from './use-calendar-actions';
import { useCalendarKeys } from './use-calendar-keys';
import { WindowEditorModal } from './WindowEditorModal';

// Start fetching the period as soon as this screen's code arrives, while React is still mounting it: on a first
// visit that overlaps the request with the mount instead of queueing it behind the first render.
void useCalendarStore.getState().load();

const count = (n: number, one: string, many: string) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

export function CalendarPage() {
  const { view, zoom, anchor, occurrences, collisions, filters, search, loaded, loadError, load, clearFilters } = useCalendarStore();
  const environments = useWorkspaceStore((s) => s.environments);
  const needsSetup = useWorkspaceStore((s) => s.loaded && (s.systems.length === 0 || s.environments.length === 0));
  const go = useNavigationStore((s) => s.go);
  const searchRef = useRef<HTMLInputElement>(null);
  const { onMove, onOpen, onKey } = useCalendarActions();
  useCalendarKeys(searchRef);

  // Returning to the screen shows the last period at once and refreshes it (the first visit is already loading).
  useEffect(() => {
    if (!useCalendarStore.getState().loading) void load();
  }, [load]);
  // Releases planned, edited or deleted in the form and drawer (or moved here) show at once.
  useEffect(() => useReleasesStore.subscribe((s, p) => void (s.releases !== p.releases && useCalendarStore.getState().load())), []);

  const filtered = useMemo(() => applyCalendarFilters(occurrences, filters, search), [occurrences, filters, search]);
  const events = useMemo(() => toCalendarEvents(filtered, collisionsBySource(collisions)), [filtered, collisions]);
  const period = useMemo(() => visiblePeriod(view, zoom, anchor), [view, zoom, anchor]);
  // The fetch reaches a day past each edge; the list keeps to what the view shows.
  const listed = useMemo(
    () => visibleCollisions(collisions, events).filter((c) => Date.parse(c.end) > period.start.getTime() && Date.parse(c.start) < period.end.getTime()),
    [collisions, events, period],
  );
  const rows = useMemo(
    () => (filters.environmentIds.length ? environments.filter((e) => filters.environmentIds.includes(e.id)) : environments),
    [environments, filters.environmentIds],
  );
  const releases = events.filter((e) => e.occurrence.kind === 'release').length;

  if (needsSetup) {
    return (
      <>
        <PageHeader title="Calendar" />
        <EmptyCard
          icon={<IconSettings size={30} />}
          title="Set up your workspace first"
          description="The calendar shows releases on environments. Add at least one system and one environment in Settings, then plan releases and windows here."
        >
          <Group justify="center" mt="md">
            <Button leftSection={<IconSettings size={16} />} onClick={() => go('settings')}>
              Open Settings
            </Button>
          </Group>
        </EmptyCard>
      </>
    );
  }

  const notice = () => {
    if (loadError) return <Alert color="red" title="Could not load the calendar">{loadError}</Alert>;
    if (!loaded) return null;
    if (occurrences.length === 0) {
      return (
        <Alert color="gray" variant="light" p="xs" data-testid="calendar-empty">
          Nothing is planned in {periodLabel(view, zoom, anchor)}. Plan a release with <b>New release</b>, add a maintenance or
          freeze window with <b>New window</b>, or press <b>→</b> to look further ahead.
        </Alert>
      );
    }
    if (events.length === 0) {
      return (
        <Alert color="gray" variant="light" p="xs">
          <Group justify="space-between">
            <Text size="sm">Nothing in this period matches the search and filters.</Text>
            <Button size="compact-xs" variant="light" onClick={clearFilters}>
              Clear all
            </Button>
          </Group>
        </Alert>
      );
    }
    return null;
  };

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100dvh - var(--app-shell-header-height) - 2 * var(--mantine-spacing-md))' }}>
      <PageHeader
        title="Calendar"
        description={
          <Text span size="sm" c="dimmed" data-testid="calendar-summary">
            {count(releases, 'release', 'releases')} · {count(events.length - releases, 'window', 'windows')}
            {view === 'month' ? ' (maintenance windows show in the week and timeline views)' : ''} · times in {viewerTimeZone()}{' '}
            (hover for the planned zone)
          </Text>
        }
        actions={<CalendarActions />}
      />
      <Stack gap="xs" mb="xs">
        <CalendarToolbar />
        <CalendarFiltersBar ref={searchRef} />
        {notice()}
      </Stack>
      <Group align="stretch" gap="md" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
        <Box style={{ flex: 1, minWidth: 0, position: 'relative' }}>
          {view === 'timeline' ? (
            <TimelineView events={events} environments={rows} onMove={onMove} onOpen={onOpen} onKey={onKey} />
          ) : (
            <MonthWeekCalendar view={view} events={events} onMove={onMove} onOpen={onOpen} onKey={onKey} />
          )}
          <DragPreviewPanel />
        </Box>
        <Box w={360} style={{ flex: 'none', minHeight: 0 }}>
          <CollisionPanel collisions={listed} />
        </Box>
      </Group>
      <ReleaseFormModal />
      <ReleaseDetailDrawer />
      <WindowEditorModal />
    </div>
  );
}
