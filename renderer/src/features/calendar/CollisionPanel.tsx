import { Button, Group, Loader, ScrollArea, Stack, Text, ThemeIcon } from '@mantine/core';
import { useState } from 'react';
import { IconCircleCheck } from '@tabler/icons-react';
import type { Collision } from '../../../../electron/contract/calendar-entities';
import { COLLISION_LIMIT, useCalendarStore } from './calendar-store';
import { CollisionItem } from './CollisionItem';

/** A busy quarter can hold hundreds; the first ones are drawn at once and the rest on request. */
const FIRST = 100;

/** The collisions of the period on screen, open ones first; accepted ones stay listed, greyed, with their reason. */
export function CollisionPanel({ collisions }: { collisions: Collision[] }) {
  const focusedKey = useCalendarStore((s) => s.focusedKey);
  const computing = useCalendarStore((s) => s.collisionsLoading);
  const cut = useCalendarStore((s) => s.collisions.length >= COLLISION_LIMIT);
  const [all, setAll] = useState(false);
  const open = collisions.filter((c) => !c.accepted);
  const accepted = collisions.filter((c) => c.accepted);

  return (
    <Stack gap="xs" h="100%" miw={0} data-testid="collision-panel">
      <Group justify="space-between" gap="xs">
        <Text fw={600} size="sm">
          Collisions
        </Text>
        <Text size="xs" c="dimmed" data-testid="collision-count">
          {computing ? 'checking…' : `${open.length}${cut ? '+' : ''} open${accepted.length ? ` · ${accepted.length} accepted` : ''}`}
        </Text>
      </Group>
      {cut && (
        <Text size="xs" c="dimmed">
          The first {COLLISION_LIMIT.toLocaleString('en-US')} collisions of this period, by start; zoom in or filter to see the rest.
        </Text>
      )}
      {computing ? (
        <Group gap="xs" py="md" justify="center">
          <Loader size="xs" />
          <Text size="sm" c="dimmed">
            Checking this period for collisions…
          </Text>
        </Group>
      ) : collisions.length === 0 ? (
        <Stack align="center" gap={6} py="lg" px="sm">
          <ThemeIcon variant="light" color="teal" size="lg" radius="xl">
            <IconCircleCheck size={20} />
          </ThemeIcon>
          <Text size="sm" fw={500}>
            No collisions in this period
          </Text>
          <Text size="xs" c="dimmed" ta="center">
            Two releases on the same environment and system at once, a release in a freeze or outside a required
            maintenance window, or planned before a release it needs: each would show here with its reason.
          </Text>
        </Stack>
      ) : (
        <ScrollArea style={{ flex: 1 }} offsetScrollbars type="auto">
          <Stack gap={6}>
            {[...open, ...accepted].slice(0, all ? undefined : FIRST).map((c) => (
              <CollisionItem key={c.key} collision={c} focused={c.key === focusedKey} />
            ))}
            {!all && collisions.length > FIRST && (
              <Button variant="subtle" size="xs" onClick={() => setAll(true)}>
                Show all {collisions.length}
              </Button>
            )}
          </Stack>
        </ScrollArea>
      )}
    </Stack>
  );
}
