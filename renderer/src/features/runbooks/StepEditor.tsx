import { Autocomplete, Checkbox, Drawer, Group, MultiSelect, SegmentedControl, Select, Stack, Tabs, Text, Textarea, TextInput } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { isDecisionKind, STEP_KIND_LABELS, STEP_KINDS, type RunbookView, type StepKind } from '../../../../electron/contract/runbook-entities';
import { apiFieldErrors, type FieldErrors } from '../../shared/field-errors';
import { FormFooter } from '../../shared/FormFooter';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { CopyCommandButton } from './CommandBlock';
import { formatDuration, parseDuration } from './duration';
import { SafeMarkdown } from './SafeMarkdown';
import { everySectionWhileChosen, sectionOptions } from './section-options';
import { formValues, parseOffset, toStepFields, type StepFormValues } from './step-form-values';
import type { TimeFormat } from './step-times';
import { useRunbooksStore } from './runbooks-store';
import dayjs from 'dayjs';

/** A new step is placed after a step, in a section, and (added below a step) waits for it. */
export type StepEditorTarget = { mode: 'edit'; stepId: string } | { mode: 'create'; afterStepId: string | null; section: string; dependsOn: string[] };

interface StepEditorProps {
  target: StepEditorTarget | null;
  view: RunbookView;
  format: TimeFormat;
  onClose(): void;
  /** Told the id of the step saved (new or edited): the drawer then closes and the table focuses that step. */
  onSaved(stepId: string): void;
}

/** Edits one step (or writes a new one) in a drawer beside the table, so the plan stays in sight. */
export function StepEditor({ target, view, format, onClose, onSaved }: StepEditorProps) {
  const step = target?.mode === 'edit' ? (view.steps.find((s) => s.id === target.stepId) ?? null) : null;
  const number = step ? view.steps.indexOf(step) + 1 : null;
  return (
    <Drawer
      opened={target !== null}
      onClose={onClose}
      position="right"
      size={560}
      returnFocus={false}
      // The title names the dialog (aria-labelledby); an aria-label here would land on Mantine's role-less root.
      title={<Text fw={600}>{step ? `Step ${number}` : 'New step'}</Text>}
    >
      {target && <StepForm key={target.mode === 'edit' ? target.stepId : `new:${target.afterStepId}`} target={target} view={view} format={format} onClose={onClose} onSaved={onSaved} />}
    </Drawer>
  );
}

function StepForm({ target, view, format, onClose, onSaved }: Required<Omit<StepEditorProps, 'target'>> & { target: StepEditorTarget }) {
  const people = useWorkspaceStore((s) => s.people);
  const { createStep, updateStep } = useRunbooksStore();
  const step = target.mode === 'edit' ? (view.steps.find((s) => s.id === target.stepId) ?? null) : null;
  const [values, setValues] = useState<StepFormValues>(() =>
    formValues(step, target.mode === 'create' ? { section: target.section, dependsOn: target.dependsOn } : { section: 'Deploy' }),
  );
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  useEffect(() => setErrors({}), [target]);

  const set = <K extends keyof StepFormValues>(field: K, errorKey: string = field) => (value: StepFormValues[K]) => {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors(({ [errorKey]: _fixed, form: _general, ...rest }) => rest);
  };

  const sections = useMemo(() => sectionOptions(view.steps), [view.steps]);
  const otherSteps = view.steps
    .map((s, i) => ({ value: s.id, label: `${i + 1}. ${s.title}` }))
    .filter((o) => o.value !== step?.id);

  const minutes = parseDuration(values.duration);
  const offset = parseOffset(values.fixedStart);
  const fixedAt = offset !== null ? dayjs(view.anchor).add(offset, 'minute').toISOString() : null;

  const save = async () => {
    const { fields, errors: found } = toStepFields(values);
    if (Object.keys(found).length > 0) return setErrors(found);
    setSaving(true);
    const result =
      step !== null
        ? await updateStep(step.id, fields)
        : await createStep({ ...fields, afterStepId: target.mode === 'create' ? target.afterStepId : null });
    setSaving(false);
    if (!result.ok) return setErrors(apiFieldErrors(result.error));
    onSaved(result.value.id);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void save();
      }}
    >
      <Stack gap="sm">
        <TextInput label="Title" withAsterisk data-autofocus value={values.title} onChange={(e) => set('title')(e.currentTarget.value)} error={errors.title} />
        <Group grow align="flex-start">
          <Select
            label="Kind"
            data={STEP_KINDS.map((k) => ({ value: k, label: STEP_KIND_LABELS[k] }))}
            value={values.kind}
            onChange={(k) => k && set('kind')(k as StepKind)}
            allowDeselect={false}
            error={errors.kind}
          />
          <Autocomplete
            label="Section"
            withAsterisk
            data={sections}
            filter={everySectionWhileChosen}
            value={values.section}
            onChange={set('section')}
            error={errors.section}
            description="Pick one or type a new name"
          />
        </Group>
        <Group grow align="flex-start">
          <Select
            label="Owner"
            placeholder="A person…"
            searchable
            clearable
            data={people.map((p) => ({ value: p.id, label: p.name }))}
            value={values.ownerPersonId}
            onChange={set('ownerPersonId')}
            error={errors.ownerPersonId}
            nothingFoundMessage="Nobody by that name"
          />
          <TextInput
            label="…or a team"
            placeholder="DBA team"
            disabled={values.ownerPersonId !== null}
            value={values.ownerPersonId ? '' : values.ownerTeam}
            onChange={(e) => set('ownerTeam')(e.currentTarget.value)}
            error={errors.ownerTeam}
          />
        </Group>
        <Group grow align="flex-start">
          <TextInput
            label="Duration"
            withAsterisk
            value={values.duration}
            onChange={(e) => set('duration', 'durationMinutes')(e.currentTarget.value)}
            error={errors.durationMinutes}
            description={minutes !== null ? `= ${formatDuration(minutes)}` : '"90", "1h 30m" or "01:30"'}
          />
          <Stack gap={4}>
            <Text size="sm" fw={500}>
              Start
            </Text>
            <SegmentedControl
              size="xs"
              value={values.startMode}
              onChange={(m) => set('startMode', 'fixedStartOffsetMinutes')(m as 'after' | 'fixed')}
              data={[
                { value: 'after', label: 'After dependencies' },
                { value: 'fixed', label: 'Fixed start' },
              ]}
            />
          </Stack>
        </Group>
        {values.startMode === 'fixed' && (
          <TextInput
            label="Fixed start, from the window start"
            value={values.fixedStart}
            onChange={(e) => set('fixedStart', 'fixedStartOffsetMinutes')(e.currentTarget.value)}
            error={errors.fixedStartOffsetMinutes}
            description={fixedAt ? `Starts ${format.short(fixedAt)} · negative is before the window opens ("-30")` : 'Minutes, or "1h 30m"; "-30" is before the window opens'}
          />
        )}
        <MultiSelect
          label="Depends on"
          description="Steps that must be done (or skipped) before this one starts"
          data={otherSteps}
          value={values.dependsOn}
          onChange={set('dependsOn')}
          searchable
          clearable
          error={errors.dependsOn}
          nothingFoundMessage="No such step"
          data-testid="depends-on"
        />
        {isDecisionKind(values.kind) ? (
          <>
            <MultiSelect
              label="Approvers"
              description="Who decides go or no-go here: named on the step and in the PDF"
              data={people.map((p) => ({ value: p.id, label: p.name }))}
              value={values.approverIds}
              onChange={set('approverIds')}
              searchable
              clearable
              error={errors.approverIds}
              nothingFoundMessage="Nobody by that name"
            />
            <Textarea
              label="Go criteria"
              description={values.kind === 'readiness-gate' ? 'Besides the readiness gate, which blocks Go by itself until it says go' : 'What must hold for a go, in words'}
              placeholder="p95 under 400 ms and 5xx under 0.1 % for 10 minutes"
              autosize
              minRows={2}
              maxRows={6}
              value={values.criteria}
              onChange={(e) => set('criteria')(e.currentTarget.value)}
              error={errors.criteria}
            />
          </>
        ) : (
          values.kind !== 'rollback' && (
            <Checkbox
              label="Point of no return"
              description="Once this step starts, production has changed: a no-go after it needs the rollback, and Abort is no longer offered"
              checked={values.pointOfNoReturn}
              onChange={(e) => set('pointOfNoReturn')(e.currentTarget.checked)}
            />
          )
        )}
        <Tabs defaultValue="write" variant="outline">
          <Tabs.List>
            <Tabs.Tab value="write">Description</Tabs.Tab>
            <Tabs.Tab value="preview" disabled={values.description.trim() === ''}>
              Preview
            </Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="write" pt="xs">
            <Textarea
              aria-label="Description"
              autosize
              minRows={3}
              maxRows={10}
              placeholder="Notes in Markdown: **bold**, lists, `code`, links"
              value={values.description}
              onChange={(e) => set('description')(e.currentTarget.value)}
              error={errors.description}
            />
          </Tabs.Panel>
          <Tabs.Panel value="preview" pt="xs">
            <SafeMarkdown text={values.description} />
          </Tabs.Panel>
        </Tabs>
        <Textarea
          label="Command"
          autosize
          minRows={2}
          maxRows={8}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
          placeholder="kubectl rollout status deploy/payments-api"
          rightSection={values.command.trim() !== '' ? <CopyCommandButton command={values.command} /> : undefined}
          rightSectionProps={{ style: { alignItems: 'flex-start', paddingTop: 4 } }}
          value={values.command}
          onChange={(e) => set('command')(e.currentTarget.value)}
          error={errors.command}
        />
        {/* In a text area Enter is a new line: Ctrl+Enter saves from anywhere in the form. */}
        <FormFooter error={errors.form} saving={saving} submitLabel={step ? 'Save step' : 'Add step'} onCancel={onClose} />
      </Stack>
    </form>
  );
}
