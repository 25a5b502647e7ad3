import { Checkbox, Modal, Select, SegmentedControl, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DateTimeField } from '../../shared/DateTimeField';
import { useMemo } from 'react';
import { DEPLOYMENT_RESULTS, DEPLOYMENT_RESULT_LABELS, DeploymentRecordInput, type DeploymentResult } from '../../../../electron/contract/outcomes-entities';
import { FormFooter } from '../../shared/FormFooter';
import { instantToWallClock, viewerTimeZone, wallClockToInstant } from '../../shared/dates';
import { notifySaved } from '../../shared/notify';
import { useFormState, validateWith } from '../../shared/use-form-state';
import { useReleasesStore } from '../releases/releases-store';
import { useNameLookups } from '../workspace/use-name-lookups';
import { useMetricsStore } from './metrics-store';

interface Values {
  releaseId: string | null;
  environmentId: string | null;
  deployedAt: string | null;
  result: DeploymentResult;
  note: string;
  rework: boolean;
  withIncident: boolean;
  incidentTitle: string;
  incidentStartedAt: string | null;
  incidentRestoredAt: string | null;
}

const instant = (wallClock: string | null) => (wallClock ? wallClockToInstant(wallClock, viewerTimeZone()) : '');

function toInput(v: Values) {
  return {
    releaseId: v.releaseId ?? '',
    environmentId: v.environmentId ?? '',
    deployedAt: instant(v.deployedAt),
    result: v.result,
    note: v.note,
    rework: v.rework,
    incidents: v.withIncident
      ? [{ title: v.incidentTitle, startedAt: instant(v.incidentStartedAt), restoredAt: v.incidentRestoredAt ? instant(v.incidentRestoredAt) : null }]
      : [],
  };
}

const check = validateWith(DeploymentRecordInput);

/** Record a deployment by hand: the release, where, when (your time zone) and how it went, with an optional incident. */
export function RecordDeploymentModal({ opened, onClose, releaseId }: { opened: boolean; onClose(): void; releaseId?: string }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Record deployment" size="lg">
      {opened && <RecordDeploymentForm onClose={onClose} releaseId={releaseId} />}
    </Modal>
  );
}

function RecordDeploymentForm({ onClose, releaseId }: { onClose(): void; releaseId?: string }) {
  const releases = useReleasesStore((s) => s.releases);
  const record = useMetricsStore((s) => s.recordDeployment);
  const names = useNameLookups();
  const now = instantToWallClock(new Date().toISOString(), viewerTimeZone()).slice(0, 16) + ':00';
  const { values, errors, saving, set, submit } = useFormState<Values>(
    () => ({
      releaseId: releaseId ?? null,
      environmentId: null,
      deployedAt: now,
      result: 'succeeded',
      note: '',
      rework: false,
      withIncident: false,
      incidentTitle: '',
      incidentStartedAt: null,
      incidentRestoredAt: null,
    }),
    (v) => {
      const errors = check(toInput(v));
      if (!v.releaseId) errors.releaseId = 'Choose the release that was deployed.';
      if (!v.environmentId) errors.environmentId = 'Choose the environment it was deployed to.';
      return errors;
    },
  );
  const release = releases.find((r) => r.id === values.releaseId);
  const releaseOptions = useMemo(() => [...releases].reverse().map((r) => ({ value: r.id, label: `${r.name} ${r.version}` })), [releases]);
  const environmentOptions = (release?.environmentIds ?? []).map((id) => ({ value: id, label: names.environments.get(id) ?? id }));

  return (
    <form
      noValidate
      onSubmit={async (event) => {
        event.preventDefault();
        const saved = await submit((v) => record(DeploymentRecordInput.parse(toInput(v))));
        if (saved) {
          notifySaved(`Deployment of ${release?.name} ${release?.version} recorded.`);
          onClose();
        }
      }}
    >
      <Stack gap="sm">
        <Select label="Release" required searchable data={releaseOptions} value={values.releaseId} onChange={set('releaseId')} error={errors.releaseId} nothingFoundMessage="No such release" />
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="Environment"
            required
            data={environmentOptions}
            value={values.environmentId}
            onChange={set('environmentId')}
            error={errors.environmentId}
            placeholder={release ? 'Where it was deployed' : 'Choose the release first'}
            disabled={!release}
          />
          <DateTimeField label="Deployed at" description={`Your time (${viewerTimeZone()})`} required value={values.deployedAt} onChange={set('deployedAt')} error={errors.deployedAt} />
        </SimpleGrid>
        <Stack gap={4}>
          <Text size="sm" fw={500}>
            Result
          </Text>
          <SegmentedControl
            aria-label="Result"
            value={values.result}
            onChange={(v) => set('result')(v as DeploymentResult)}
            data={DEPLOYMENT_RESULTS.map((r) => ({ value: r, label: DEPLOYMENT_RESULT_LABELS[r] }))}
          />
        </Stack>
        <Textarea label="Note" autosize minRows={1} value={values.note} onChange={(e) => set('note')(e.currentTarget.value)} error={errors.note} />
        <Checkbox
          label="Rework: not planned, made to fix a user-facing defect"
          description="Counts toward the rework rate (DORA 2024)."
          checked={values.rework}
          onChange={(e) => set('rework')(e.currentTarget.checked)}
        />
        <Checkbox label="It caused an incident" checked={values.withIncident} onChange={(e) => set('withIncident')(e.currentTarget.checked)} />
        {values.withIncident && (
          <Stack gap="xs" pl="md" style={{ borderLeft: '2px solid var(--mantine-color-red-4)' }}>
            <TextInput label="Incident" required placeholder="Checkout error rate above SLO" value={values.incidentTitle} onChange={(e) => set('incidentTitle')(e.currentTarget.value)} />
            <SimpleGrid cols={2} spacing="sm">
              <DateTimeField label="Started at" required value={values.incidentStartedAt} onChange={set('incidentStartedAt')} />
              <DateTimeField label="Restored at" description="Leave empty while it is open" clearable value={values.incidentRestoredAt} onChange={set('incidentRestoredAt')} />
            </SimpleGrid>
            {errors.incidents && (
              <Text size="sm" c="red">
                {errors.incidents}
              </Text>
            )}
          </Stack>
        )}
        <FormFooter error={errors.form} saving={saving} submitLabel="Record deployment" onCancel={onClose} />
      </Stack>
    </form>
  );
}
