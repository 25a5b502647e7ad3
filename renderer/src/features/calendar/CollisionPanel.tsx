import { Button, Group, Loader, ScrollArea, SegmentedControl, Stack, Text, ThemeIcon } from '@mantine/core';
import { useState } from 'react';
import { IconCircleCheck } from '@tabler/icons-react';
import type { Collision } from '../../../../electron/contract/calendar-entities';
import { COLLISION_LIMIT, useCalendarStore } from './calendar-store';
import { useCollisionAnnouncements } from './use-collision-announcements';
import { CollisionItem } from './CollisionItem';

/** A busy quarter can hold hundreds; the first ones are drawn at once and the rest on request. */
const FIRST = 100;

type Shown = 'coming' | 'past' | 'accepted';

/** Which list a collision belongs in: accepted ones apart; the others by whether they are still to come. */
export function collisionList(collision: Collision, now: number): Shown {
  if (collision.accepted) return 'accepted';
  return Date.parse(collision.end) > now ? 'coming' : 'past';
}

/**
 * The collisions of the period on screen, one card per pair of releases. By default the coming ones, which a
 * planner can still do something about; past and accepted ones are one click away.
 */
export function CollisionPanel({ collisions }: { collisions: Collision[] }) {
  useCollisionAnnouncements();
  const focusedKey = useCalendarStore((s) => s.focusedKey);
  const computing = useCalendarStore((s) => s.collisionsLoading);
  const cut = useCalendarStore((s) => s.collisions.length >= COLLISION_LIMIT);
  const [all, setAll] = useState(false);
  const [shown, setShown] = useState<Shown>('coming');
  const now = Date.now();
  const lists: Record<Shown, Collision[]> = { coming: [], past: [], accepted: [] };
  for (const c of collisions) lists[collisionList(c, now)].push(c);
  const open = lists.coming;
  const listed = lists[shown];
  const none: Record<Shown, string> = {
    coming: 'No coming collisions in this period',
    past: 'No past collisions in this period',
    accepted: 'No accepted collisions in this period',
  };

  return (
    <Stack gap="xs" h="100%" miw={0} data-testid="collision-panel">
      <Group justify="space-between" gap="xs">
        <Text fw={600} size="sm">
          Collisions
        </Text>
        <Text size="xs" c="dimmed" data-testid="collision-count">
          {computing ? 'checking…' : `${open.length}${cut ? '+' : ''} coming`}
        </Text>
      </Group>
      <SegmentedControl
        size="xs"
        fullWidth
        value={shown}
        onChange={(v) => setShown(v as Shown)}
        aria-label="Which collisions"
        data={[
          { value: 'coming', label: `Coming (${lists.coming.length})` },
          { value: 'past', label: `Past (${lists.past.length})` },
          { value: 'accepted', label: `Accepted (${lists.accepted.length})` },
        ]}
      />
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
      ) : listed.length === 0 ? (
        <Stack align="center" gap={6} py="lg" px="sm">
          <ThemeIcon variant="light" color="teal" size="lg" radius="xl">
            <IconCircleCheck size={20} />
          </ThemeIcon>
          <Text size="sm" fw={500}>
            {none[shown]}
          </Text>
          <Text size="xs" c="dimmed" ta="center">
            {shown === 'coming'
              ? 'Two releases on the same environment and system at once, a release in a freeze or outside a required maintenance window, or planned before a release it needs: each would show here with its reason.'
              : shown === 'past'
                ? 'Collisions whose time has passed, not accepted: kept here for the record.'
                : 'A collision someone accepted, with their reason, shows here.'}
          </Text>
        </Stack>
      ) : (
        <ScrollArea style={{ flex: 1 }} offsetScrollbars type="auto">
          <Stack gap={6}>
            {listed.slice(0, all ? undefined : FIRST).map((c) => (
              <CollisionItem key={c.key} collision={c} focused={c.key === focusedKey} />
            ))}
            {!all && listed.length > FIRST && (
              <Button variant="subtle" size="xs" onClick={() => setAll(true)}>
                Show all {listed.length}
              </Button>
            )}
          </Stack>
        </ScrollArea>
      )}
    </Stack>
  );
}
