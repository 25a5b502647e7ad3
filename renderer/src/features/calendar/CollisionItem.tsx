import { Badge, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconCheck, IconArrowBackUp } from '@tabler/icons-react';
import { useState } from 'react';
import { COLLISION_KIND_LABELS, type Collision } from '../../../../electron/contract/calendar-entities';
import { formatInstant, formatWindow } from '../../shared/dates';
import { notifyFailed } from '../../shared/notify';
import { useNameLookups } from '../workspace/use-name-lookups';
import { useCalendarStore } from './calendar-store';
import { CollisionSentence } from './CollisionSentence';

/**
 * One collision, one card per pair of releases: its kind, the environments it happens on, its sentence in the
 * viewer's zone (the planned zone on hover), and accept-with-reason (or withdraw); clicking it shows it on the calendar.
 */
export function CollisionItem({ collision, focused }: { collision: Collision; focused: boolean }) {
  const names = useNameLookups();
  const accept = useCalendarStore((s) => s.accept);
  const unaccept = useCalendarStore((s) => s.unaccept);
  const focus = useCalendarStore((s) => s.focusCollision);
  const [accepting, setAccepting] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const accepted = collision.accepted;

  const save = async () => {
    if (!reason.trim()) return setError('Say why this collision is acceptable; the reason is kept in the audit.');
    setBusy(true);
    const result = await accept(collision.key, reason.trim());
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    setAccepting(false);
    setReason('');
  };

  const withdraw = async () => {
    const result = await unaccept(collision.key);
    if (!result.ok) notifyFailed('Could not withdraw the acceptance', result.error.message);
  };

  return (
    <Paper
      withBorder
      p="xs"
      radius="sm"
      data-testid="collision-item"
      data-accepted={accepted ? 'true' : 'false'}
      onClick={() => focus(focused ? null : collision)}
      style={{
        cursor: 'pointer',
        opacity: accepted ? 0.65 : 1,
        borderLeft: `3px solid var(--mantine-color-${accepted ? 'gray-5' : 'red-6'})`,
        outline: focused ? '2px solid var(--mantine-primary-color-filled)' : undefined,
      }}
    >
      <Stack gap={4}>
        <Group justify="space-between" gap={4} wrap="wrap">
          <Group gap={4} wrap="wrap">
            <Badge size="xs" radius="sm" variant={accepted ? 'outline' : 'light'} color={accepted ? 'gray' : 'red'} style={{ textTransform: 'none', flex: 'none' }}>
              {COLLISION_KIND_LABELS[collision.kind]}
            </Badge>
            {collision.environmentIds.map((id) => (
              <Badge key={id} size="xs" radius="sm" variant="default" style={{ textTransform: 'none' }} data-testid="collision-environment">
                {names.environments.get(id) ?? id}
              </Badge>
            ))}
          </Group>
          <Text size="xs" c="dimmed">
            {formatWindow(collision.start, collision.end)}
          </Text>
        </Group>
        <CollisionSentence collision={collision} />
        {accepted && (
          <Text size="xs" c="dimmed">
            Accepted by {accepted.byName || 'someone'}
            {accepted.at ? ` on ${formatInstant(accepted.at)}` : ''}: “{accepted.reason}”
          </Text>
        )}
        {accepting ? (
          <Stack gap={4} onClick={(e) => e.stopPropagation()}>
            <Textarea
              size="xs"
              autosize
              minRows={2}
              data-autofocus
              label="Why is this acceptable?"
              placeholder="Both teams agreed to deploy together"
              value={reason}
              error={error}
              onChange={(e) => setReason(e.currentTarget.value)}
              onKeyDown={getHotkeyHandler([
                ['mod+Enter', () => void save()],
                ['Escape', () => setAccepting(false)],
              ])}
            />
            <Group gap="xs" justify="flex-end">
              <Button size="compact-xs" variant="subtle" onClick={() => setAccepting(false)}>
                Cancel
              </Button>
              <Button size="compact-xs" loading={busy} onClick={() => void save()}>
                Accept collision
              </Button>
            </Group>
          </Stack>
        ) : (
          <Group gap="xs" justify="flex-end" onClick={(e) => e.stopPropagation()}>
            {accepted ? (
              <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconArrowBackUp size={12} />} onClick={() => void withdraw()}>
                Withdraw acceptance
              </Button>
            ) : (
              <Button size="compact-xs" variant="light" leftSection={<IconCheck size={12} />} onClick={() => setAccepting(true)}>
                Accept…
              </Button>
            )}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
