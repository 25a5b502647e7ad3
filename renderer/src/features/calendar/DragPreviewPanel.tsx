import { Badge, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { IconAlertTriangleFilled, IconCircleCheck } from '@tabler/icons-react';
import { COLLISION_KIND_LABELS } from '../../../../electron/contract/calendar-entities';
import { formatWindow } from '../../shared/dates';
import { useCalendarStore } from './calendar-store';

/** While a release is dragged: the collisions it would be in at the times under the pointer, asked of the core. */
export function DragPreviewPanel() {
  const preview = useCalendarStore((s) => s.dragPreview);
  const byKeyboard = useCalendarStore((s) => s.keyMove !== null);
  const name = useCalendarStore((s) => s.occurrences.find((o) => o.kind === 'release' && o.sourceId === preview?.releaseId)?.name);
  if (!preview) return null;
  const collisions = preview.collisions;

  return (
    <Paper
      shadow="md"
      withBorder
      p="xs"
      radius="sm"
      w={420}
      role="status"
      aria-live="polite"
      data-testid="drag-preview"
      style={{ position: 'absolute', right: 12, bottom: 12, zIndex: 20, pointerEvents: 'none' }}
    >
      <Stack gap={4}>
        <Text size="xs" c="dimmed">
          Moving {name ?? 'the release'} to <b>{formatWindow(preview.start, preview.end)}</b>
        </Text>
        {collisions === null ? (
          <Group gap={6}>
            <Loader size={12} />
            <Text size="sm">Checking collisions…</Text>
          </Group>
        ) : preview.error ? (
          <Text size="sm" c="red">
            {preview.error}
          </Text>
        ) : collisions.length === 0 ? (
          <Group gap={6} c="teal">
            <IconCircleCheck size={16} />
            <Text size="sm">No collisions at the new time</Text>
          </Group>
        ) : (
          <>
            <Group gap={6} c="red">
              <IconAlertTriangleFilled size={14} />
              <Text size="sm" fw={600}>
                {collisions.length === 1 ? '1 collision' : `${collisions.length} collisions`} at the new time
              </Text>
            </Group>
            {collisions.slice(0, 4).map((c) => (
              <Text key={c.key} size="xs">
                <Badge size="xs" color="red" variant="light" radius="sm" mr={4} style={{ textTransform: 'none' }}>
                  {COLLISION_KIND_LABELS[c.kind]}
                </Badge>
                {c.sentence}
              </Text>
            ))}
            {collisions.length > 4 && (
              <Text size="xs" c="dimmed">
                and {collisions.length - 4} more
              </Text>
            )}
          </>
        )}
        {byKeyboard && (
          <Text size="xs" c="dimmed">
            Enter saves the move (you can undo it); Esc puts it back.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
