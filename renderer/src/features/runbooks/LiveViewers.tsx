import { Avatar, Group, Text, Tooltip } from '@mantine/core';
import { useEffect } from 'react';
import { useLiveStore } from '../sync/live-store';

/** "Amara Okafor is viewing": who else has this runbook open right now; this device tells them it does too. */
export function LiveViewers({ runbookId }: { runbookId: string }) {
  const viewers = useLiveStore((s) => s.viewers);
  const viewing = useLiveStore((s) => s.viewing);
  const load = useLiveStore((s) => s.load);
  useEffect(() => {
    void load();
    viewing(runbookId);
    return () => viewing(null);
  }, [runbookId, viewing, load]);
  const here = [...new Map(viewers.filter((v) => v.runbookId === runbookId).map((v) => [v.personId, v])).values()];
  if (here.length === 0) return null;
  const names = here.map((v) => v.name);
  const words = names.length === 1 ? `${names[0]} is viewing` : names.length === 2 ? `${names[0]} and ${names[1]} are viewing` : `${names[0]}, ${names[1]} and ${names.length - 2} more are viewing`;
  return (
    <Group gap={6} data-testid="live-viewers" aria-live="polite">
      <Avatar.Group spacing="xs" aria-hidden>
        {here.slice(0, 4).map((v) => (
          <Tooltip key={v.personId} label={v.name}>
            <Avatar size="sm" radius="xl" color="teal" name={v.name} />
          </Tooltip>
        ))}
      </Avatar.Group>
      <Text size="sm" c="teal" fw={500}>
        {words}
      </Text>
    </Group>
  );
}
