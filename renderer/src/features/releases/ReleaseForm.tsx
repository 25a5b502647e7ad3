import { Alert, MultiSelect, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { useMemo, type FormEvent } from 'react';
import { DateTimeField } from '../../shared/DateTimeField';
import { instantToWallClock } from '../../shared/dates';
import { RELEASE_STATUSES, RELEASE_STATUS_LABELS, type Release, type ReleaseStatus } from '../../../../electron/contract/entities';
import { FormFooter } from '../../shared/FormFooter';
import { notifySaved } from '../../shared/notify';
import { TimeZoneSelect } from '../../shared/TimeZoneSelect';
import { useFormState } from '../../shared/use-form-state';
import { useWorkspaceStore } from '../workspace/workspace-store';
import {
  blankReleaseForm,
  changedFields,
  releaseFormFrom,
  planningDraftFrom,
  releaseInputFrom,
  validateReleaseForm,
  type ReleaseFormValues,
} from './release-form-values';
import { PlanningCollisions } from './PlanningCollisions';
import { useFormPlanning } from './planning-store';
import { useReleasesStore } from './releases-store';

const STATUS_OPTIONS = RELEASE_STATUSES.map((s) => ({ value: s, label: RELEASE_STATUS_LABELS[s] }));

export function ReleaseForm({ release, onDone }: { release?: Release; onDone(): void }) {
  const { people, systems, environments, info } = useWorkspaceStore();
  const create = useReleasesStore((s) => s.create);
  const update = useReleasesStore((s) => s.update);
  const { values, errors, saving, set, submit } = useFormState<ReleaseFormValues>(
    () => (release ? releaseFormFrom(release) : blankReleaseForm(info?.settings.defaultTimeZone ?? 'UTC', info?.currentPersonId ?? null)),
    validateReleaseForm,
  );

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    const saved = await submit((formValues) => {
      const input = releaseInputFrom(formValues);
      return release ? update(release.id, changedFields(releaseInputFrom(releaseFormFrom(release)), input)) : create(input);
    });
    if (!saved) return;
    notifySaved(`${saved.name} ${saved.version} ${release ? 'updated' : 'planned'}.`);
    onDone();
  };

  const noReferenceData = systems.length === 0 || environments.length === 0;
  const draft = useMemo(() => planningDraftFrom(values, release?.id), [values, release?.id]);

  return (
    <form onSubmit={save} onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])} noValidate>
      <Stack gap="sm">
        {noReferenceData && (
          <Alert color="yellow" variant="light">
            A release needs at least one system and one environment. Add them in Settings first.
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label="Name" required data-autofocus value={values.name} error={errors.name} onChange={(e) => set('name')(e.currentTarget.value)} />
          <TextInput label="Version" required value={values.version} error={errors.version} onChange={(e) => set('version')(e.currentTarget.value)} />
        </SimpleGrid>
        <MultiSelect
          label="Systems"
          required
          searchable
          placeholder={values.systemIds.length ? undefined : 'Pick the systems this release changes'}
          data={systems.map((s) => ({ value: s.id, label: s.name }))}
          value={values.systemIds}
          error={errors.systemIds}
          onChange={set('systemIds')}
          nothingFoundMessage="No such system"
        />
        <MultiSelect
          label="Environments"
          required
          searchable
          placeholder={values.environmentIds.length ? undefined : 'Pick where it is deployed'}
          data={environments.map((e) => ({ value: e.id, label: e.name }))}
          value={values.environmentIds}
          error={errors.environmentIds}
          onChange={set('environmentIds')}
          nothingFoundMessage="No such environment"
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <DateTimeField label="Window start" required value={values.windowStart} error={errors.windowStart} onChange={set('windowStart')} />
          <DateTimeField label="Window end" required value={values.windowEnd} openOn={values.windowStart} error={errors.windowEnd} onChange={set('windowEnd')} />
        </SimpleGrid>
        <TimeZoneSelect
          label="Time zone of the window"
          description="The start and end above are wall-clock times in this zone."
          value={values.timeZone}
          error={errors.timeZone}
          onChange={set('timeZone')}
        />
        <PlanningCollisions
          draft={draft}
          missing="Choose systems, environments and the window (start before end) to check it for collisions."
          store={useFormPlanning}
          useSlotLabel="Use this slot"
          onUseSlot={(start, end) => {
            set('windowStart')(instantToWallClock(start, values.timeZone));
            set('windowEnd')(instantToWallClock(end, values.timeZone));
          }}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <Select
            label="Status"
            data={STATUS_OPTIONS}
            value={values.status}
            error={errors.status}
            onChange={(status) => status && set('status')(status as ReleaseStatus)}
            allowDeselect={false}
          />
          <Select
            label="Owner"
            clearable
            searchable
            placeholder="Nobody yet"
            data={people.map((p) => ({ value: p.id, label: p.name }))}
            value={values.ownerId}
            error={errors.ownerId}
            onChange={set('ownerId')}
          />
        </SimpleGrid>
        <Textarea
          label="Description"
          autosize
          minRows={2}
          maxRows={6}
          value={values.description}
          error={errors.description}
          onChange={(e) => set('description')(e.currentTarget.value)}
        />
        <FormFooter error={errors.form} saving={saving} submitLabel={release ? 'Save changes' : 'Plan release'} onCancel={onDone} />
      </Stack>
    </form>
  );
}
