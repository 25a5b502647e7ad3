import { Button, Card, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { WorkspaceSettings } from '../../../../electron/contract/entities';
import { notifySaved } from '../../shared/notify';
import { TimeZoneSelect } from '../../shared/TimeZoneSelect';
import { useFormState, validateWith } from '../../shared/use-form-state';
import { useWorkspaceStore } from '../workspace/workspace-store';

export function WorkspaceSection() {
  const { info, updateSettings } = useWorkspaceStore();
  const { values, errors, saving, set, submit } = useFormState<WorkspaceSettings>(
    info?.settings ?? { name: '', defaultTimeZone: 'UTC' },
    validateWith(WorkspaceSettings),
  );
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit(updateSettings)) notifySaved('Workspace settings saved.');
  };

  return (
    <Stack gap="sm" maw={640}>
      <div>
        <Title order={3} fz="md">
          Workspace
        </Title>
        <Text size="sm" c="dimmed">
          Shared by everyone who syncs this workspace.
        </Text>
      </div>
      <Card withBorder radius="sm">
        <form onSubmit={save} noValidate>
          <Stack gap="sm">
            <TextInput label="Workspace name" required value={values.name} error={errors.name} onChange={(e) => set('name')(e.currentTarget.value)} />
            <TimeZoneSelect
              label="Default time zone"
              description="New releases start in this zone; each release can pick its own."
              value={values.defaultTimeZone}
              error={errors.defaultTimeZone}
              onChange={set('defaultTimeZone')}
            />
            {errors.form && <Text c="red" size="sm">{errors.form}</Text>}
            <Group justify="flex-end">
              <Button type="submit" loading={saving}>
                Save workspace
              </Button>
            </Group>
          </Stack>
        </form>
      </Card>
      {info && (
        <Text size="xs" c="dimmed">
          File: {info.path} · schema version {info.schemaVersion} · device {info.deviceId}
        </Text>
      )}
    </Stack>
  );
}
