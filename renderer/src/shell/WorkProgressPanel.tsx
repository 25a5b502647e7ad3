import { Button, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useWorkStore, type RunningWork } from '../api/long-work';

/** Long calls shorter than this show no panel: a flash of a progress bar is noise. */
const SHOW_AFTER_MS = 400;

/**
 * Long work under way (exports, verify, wide collision lists): one row each with its progress and a Cancel, in a
 * corner where it covers nothing that acts. Announced politely to screen readers.
 */
export function WorkProgressPanel() {
  const running = useWorkStore((s) => s.running);
  return (
    <Stack gap="xs" pos="fixed" bottom={16} right={16} w={340} style={{ zIndex: 300 }} aria-live="polite">
      {running.map((work) => (
        <WorkRow key={work.jobId} work={work} />
      ))}
    </Stack>
  );
}

function WorkRow({ work }: { work: RunningWork }) {
  const cancel = useWorkStore((s) => s.cancel);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), SHOW_AFTER_MS);
    return () => clearTimeout(timer);
  }, []);
  if (!shown) return null;
  const known = work.total > 0;
  const percent = known ? Math.round((100 * work.done) / work.total) : 100;
  return (
    <Paper withBorder shadow="sm" p="sm" data-testid="work-progress">
      <Group justify="space-between" wrap="nowrap" gap="xs" mb={6}>
        <Text size="sm" truncate>
          {work.label}…
        </Text>
        <Button size="compact-sm" variant="default" onClick={() => void cancel(work.jobId)}>
          Cancel
        </Button>
      </Group>
      <Progress
        value={percent}
        animated={!known}
        striped={!known}
        aria-label={work.label}
        aria-valuetext={known ? `${percent} %` : 'Working'}
      />
    </Paper>
  );
}
