import { Button, Card, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, type FormEvent } from 'react';
import {
  READINESS_POLICIES,
  READINESS_POLICY_LABELS,
  READINESS_POLICY_RULES,
  WorkspaceSettings,
  type ReadinessPolicy,
} from '../../../../electron/contract/entities';
import { formatInstant } from '../../shared/dates';
import { notifySaved } from '../../shared/notify';
import { TimeZoneSelect } from '../../shared/TimeZoneSelect';
import { useFormState, validateWith } from '../../shared/use-form-state';
import { useWorkspaceStore } from '../workspace/workspace-store';

/** What each policy means for the people who use the board and the pipeline gate. */
const POLICY_DETAILS: Record<ReadinessPolicy, string> = {
  presumptive:
    'Every announced release candidate is presumed to go to production. A state nobody has asserted shows as “not asserted: presumed ready”: a reminder to its empowered role until the readiness deadline, an amber warning after it. The pipeline gate exits 0 and prints the warnings; “gate --require-all” still demands all four assertions.',
  explicit: 'An approval process: the board shows a release as pending and the pipeline gate exits 4 until every empowered role has asserted.',
};

export function WorkspaceSection() {
  const { info, updateSettings, settingsHistory, loadSettingsHistory } = useWorkspaceStore();
  const { values, errors, saving, set, submit } = useFormState<WorkspaceSettings>(
    info?.settings ?? { name: '', defaultTimeZone: 'UTC', readinessPolicy: 'presumptive' },
    validateWith(WorkspaceSettings),
  );
  useEffect(() => void loadSettingsHistory(), [loadSettingsHistory]);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (await submit(updateSettings)) notifySaved('Workspace settings saved.');
  };
  const lastPolicyChange = settingsHistory.find((entry) => entry.field === 'readinessPolicy');

  return (
    <Stack gap="sm" maw={720}>
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
            <Radio.Group
              label="Readiness policy"
              description="How the readiness board, the meeting agenda and the pipeline gate answer for every release."
              value={values.readinessPolicy}
              onChange={(value) => set('readinessPolicy')(value as ReadinessPolicy)}
              error={errors.readinessPolicy}
            >
              <Stack gap="xs" mt="xs">
                {READINESS_POLICIES.map((policy) => (
                  <Radio.Card key={policy} value={policy} radius="sm" p="sm" withBorder aria-label={READINESS_POLICY_LABELS[policy]}>
                    <Group wrap="nowrap" align="flex-start" gap="sm">
                      <Radio.Indicator mt={2} />
                      <div>
                        <Text fw={600} size="sm">
                          {READINESS_POLICY_LABELS[policy]}
                        </Text>
                        <Text size="sm">
                          {READINESS_POLICY_RULES[policy][0].toUpperCase() + READINESS_POLICY_RULES[policy].slice(1)}.
                        </Text>
                        <Text size="xs" c="dimmed" mt={2}>
                          {POLICY_DETAILS[policy]}
                        </Text>
                      </div>
                    </Group>
                  </Radio.Card>
                ))}
              </Stack>
            </Radio.Group>
            {lastPolicyChange && (
              <Text size="xs" c="dimmed" data-testid="policy-changed">
                Policy last set to {READINESS_POLICY_LABELS[lastPolicyChange.newValue as ReadinessPolicy]?.toLowerCase() ?? String(lastPolicyChange.newValue)} by{' '}
                {lastPolicyChange.authorName}, {formatInstant(lastPolicyChange.at)}.
              </Text>
            )}
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
