import { Group, Stack, Switch, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { EnvironmentPreparedView } from '../../../../electron/contract/meetings-entities';
import { notifyFailed } from '../../shared/notify';
import { useMeetingsStore } from './meetings-store';

function EnvironmentLine({ env, releases }: { env: EnvironmentPreparedView; releases: string }) {
  const setPrepared = useMeetingsStore((s) => s.setPrepared);
  const [note, setNote] = useState(env.note);
  useEffect(() => setNote(env.note), [env.note]);
  const save = async (prepared: boolean, text: string) => {
    const r = await setPrepared({ environmentId: env.environmentId, prepared, note: text });
    if (!r.ok) notifyFailed(`Could not record ${env.name}`, r.error.message);
  };
  return (
    <Group wrap="nowrap" align="flex-start" gap="md" data-testid={`environment-${env.name}`}>
      <Switch
        checked={env.prepared}
        onChange={(e) => save(e.currentTarget.checked, note)}
        label={<Text fw={500}>{env.name}</Text>}
        description={env.prepared ? 'Prepared' : 'Not prepared'}
        w={200}
        color="teal"
      />
      <Stack gap={2} style={{ flex: 1 }}>
        <TextInput
          aria-label={`Note on ${env.name}`}
          placeholder="Note: what is ready or missing (saved when you leave the field)"
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          onBlur={() => note !== env.note && save(env.prepared, note)}
          size="xs"
        />
        <Text size="xs" c="dimmed">
          For {releases}
          {env.by && ` · recorded by ${env.by.name}`}
        </Text>
      </Stack>
    </Group>
  );
}

/** Whether each target environment of the releases in range is prepared, as the meeting records it. */
export function EnvironmentsPrepared({ environments, releaseNames }: { environments: EnvironmentPreparedView[]; releaseNames: Map<string, string> }) {
  if (environments.length === 0) return <Text size="sm" c="dimmed">No release in range targets an environment.</Text>;
  return (
    <Stack gap="sm">
      {environments.map((env) => (
        <EnvironmentLine key={env.environmentId} env={env} releases={env.releaseIds.map((id) => releaseNames.get(id) ?? id).join(', ')} />
      ))}
    </Stack>
  );
}
