import { Button, Group, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';

/**
 * A change that takes effect at once, with a way back: better than a confirmation dialog for work that is easy to
 * undo, because people stop reading "Are you sure?" and click through it.
 */
export function notifyWithUndo(title: string, message: string, undo: () => Promise<void>): void {
  const id = notifications.show({
    color: 'gray',
    title,
    autoClose: 10_000,
    message: (
      <Stack gap={6}>
        <Text size="sm">{message}</Text>
        <Group justify="flex-end">
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => {
              notifications.hide(id);
              void undo();
            }}
          >
            Undo
          </Button>
        </Group>
      </Stack>
    ),
  });
}
