import { ActionIcon, Button, Group, Loader, SegmentedControl, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconZoomIn, IconZoomOut } from '@tabler/icons-react';
import { periodLabel, TIMELINE_ZOOMS, type CalendarView, type TimelineZoom } from './calendar-range';
import { useCalendarStore } from './calendar-store';

const VIEWS = [
  { value: 'month', label: 'Month' },
  { value: 'week', label: 'Week' },
  { value: 'timeline', label: 'Timeline' },
];
const ZOOM_LABELS: Record<TimelineZoom, string> = { day: 'Day', week: 'Week', month: 'Month', quarter: 'Quarter' };

/** Period navigation, the view switch and, on the timeline, its zoom. */
export function CalendarToolbar() {
  const { view, zoom, anchor, loading, step, goTo, setView, setZoom, zoomBy } = useCalendarStore();

  return (
    <Group gap="xs" wrap="nowrap" justify="space-between">
      <Group gap={6} wrap="nowrap">
        <Tooltip label="Previous (←)">
          <ActionIcon variant="default" size="md" aria-label="Previous period" onClick={() => step(-1)}>
            <IconChevronLeft size={16} />
          </ActionIcon>
        </Tooltip>
        <Button variant="default" size="xs" onClick={() => goTo(new Date())}>
          Today
        </Button>
        <Tooltip label="Next (→)">
          <ActionIcon variant="default" size="md" aria-label="Next period" onClick={() => step(1)}>
            <IconChevronRight size={16} />
          </ActionIcon>
        </Tooltip>
        <Text fw={600} size="lg" ml={6} miw={220} data-testid="calendar-period">
          {periodLabel(view, zoom, anchor)}
        </Text>
        {loading && <Loader size={14} aria-label="Loading the calendar" />}
      </Group>
      <Group gap="xs" wrap="nowrap">
        {view === 'timeline' && (
          <Group gap={4} wrap="nowrap">
            <ActionIcon variant="default" size="md" aria-label="Zoom in" disabled={zoom === 'day'} onClick={() => zoomBy(-1)}>
              <IconZoomIn size={16} />
            </ActionIcon>
            <SegmentedControl
              size="xs"
              aria-label="Timeline zoom"
              data={TIMELINE_ZOOMS.map((z) => ({ value: z, label: ZOOM_LABELS[z] }))}
              value={zoom}
              onChange={(z) => setZoom(z as TimelineZoom)}
            />
            <ActionIcon variant="default" size="md" aria-label="Zoom out" disabled={zoom === 'quarter'} onClick={() => zoomBy(1)}>
              <IconZoomOut size={16} />
            </ActionIcon>
          </Group>
        )}
        <SegmentedControl size="xs" aria-label="Calendar view" data={VIEWS} value={view} onChange={(v) => setView(v as CalendarView)} />
      </Group>
    </Group>
  );
}
