import { Alert, Badge, Button, Group, Loader, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconAlertTriangleFilled, IconCalendarSearch, IconCircleCheck } from '@tabler/icons-react';
import { useEffect } from 'react';
import { COLLISION_KIND_LABELS, type PlanningDraft } from '../../../../electron/contract/calendar-entities';
import { CollisionSentence } from '../calendar/CollisionSentence';
import type { PlanningStore } from './planning-store';

interface Props {
  /** What is being planned, or null while the form lacks a window (or systems and environments). */
  draft: PlanningDraft | null;
  /** Why there is no draft yet, in words: what to fill in. */
  missing: string;
  store: PlanningStore;
  /** Takes the proposed slot: into the form's fields, or as a move of the release (with Undo). */
  onUseSlot(windowStart: string, windowEnd: string): void;
  useSlotLabel: string;
}

/**
 * The collisions of the window being chosen, live, as dragging on the calendar shows them, and the next free slot:
 * the earliest window of the same length on the same environments with none (inside a maintenance window where one
 * is required).
 */
export function PlanningCollisions({ draft, missing, store, onUseSlot, useSlotLabel }: Props) {
  const { collisions, checking, error, slot, findingSlot, check, findSlot, clearSlot } = store();
  useEffect(() => check(draft), [draft, check]);
  // A form opened again starts clean, not with the last one's answers.
  useEffect(() => () => check(null), [check]);
  const open = (collisions ?? []).filter((c) => !c.accepted);
  const accepted = (collisions ?? []).filter((c) => c.accepted);

  const status = () => {
    if (!draft) return <Text size="sm" c="dimmed">{missing}</Text>;
    if (checking || collisions === null) {
      if (error) return <Text size="sm" c="red">{error}</Text>;
      return (
        <Group gap={6}>
          <Loader size={12} />
          <Text size="sm">Checking this window for collisions…</Text>
        </Group>
      );
    }
    if (collisions.length === 0) {
      return (
        <Group gap={6} c="teal" wrap="nowrap">
          <IconCircleCheck size={16} style={{ flex: 'none' }} />
          <Text size="sm">No collisions in this window.</Text>
        </Group>
      );
    }
    return (
      <Stack gap={6}>
        {open.length > 0 && (
          <Group gap={6} c="red" wrap="nowrap">
            <IconAlertTriangleFilled size={14} style={{ flex: 'none' }} />
            <Text size="sm" fw={600}>
              {open.length === 1 ? '1 collision' : `${open.length} collisions`} in this window
              {accepted.length > 0 ? ` (and ${accepted.length} accepted)` : ''}
            </Text>
          </Group>
        )}
        {[...open, ...accepted].map((c) => (
          <Group key={c.key} gap={6} align="flex-start" wrap="nowrap" opacity={c.accepted ? 0.7 : 1}>
            <Badge size="xs" radius="sm" color={c.accepted ? 'gray' : 'red'} variant={c.accepted ? 'outline' : 'light'} style={{ flex: 'none', textTransform: 'none', marginTop: 3 }}>
              {c.accepted ? 'Accepted' : COLLISION_KIND_LABELS[c.kind]}
            </Badge>
            <CollisionSentence collision={c} size="sm" style={{ minWidth: 0 }} />
          </Group>
        ))}
      </Stack>
    );
  };

  return (
    <Paper withBorder p="xs" radius="sm" data-testid="planning-collisions" aria-live="polite">
      <Stack gap={8}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Text size="sm" fw={600}>
            Collisions
          </Text>
          <Tooltip label={missing} disabled={draft !== null} withArrow>
            <Button
              size="compact-sm"
              variant="light"
              leftSection={<IconCalendarSearch size={14} />}
              loading={findingSlot}
              disabled={!draft}
              onClick={() => draft && void findSlot(draft)}
            >
              Next free slot
            </Button>
          </Tooltip>
        </Group>
        {status()}
        {slot && (
          <Alert color={slot.found ? 'teal' : 'yellow'} variant="light" p="xs" data-testid="free-slot" withCloseButton closeButtonLabel="Dismiss" onClose={clearSlot}>
            <Stack gap={6}>
              <Text size="sm">{slot.sentence}</Text>
              {slot.found && slot.windowStart && slot.windowEnd && Date.parse(slot.windowStart) !== Date.parse(draft?.windowStart ?? '') && (
                <Group>
                  <Button
                    size="compact-sm"
                    onClick={() => {
                      onUseSlot(slot.windowStart!, slot.windowEnd!);
                      clearSlot();
                    }}
                  >
                    {useSlotLabel}
                  </Button>
                </Group>
              )}
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
