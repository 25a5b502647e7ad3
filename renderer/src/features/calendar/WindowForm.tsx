import { Button, Group, MultiSelect, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import type { ApiResult } from '../../../../electron/contract/api-result';
import { WINDOW_KIND_LABELS, type Window } from '../../../../electron/contract/calendar-entities';
import { FormFooter } from '../../shared/FormFooter';
import { DateTimeField } from '../../shared/DateTimeField';
import { TimeZoneSelect } from '../../shared/TimeZoneSelect';
import { useFormState } from '../../shared/use-form-state';
import { useWorkspaceStore } from '../workspace/workspace-store';
import type { WindowInput } from './calendar-store';
import { presetLabel, validateWindowForm, windowInputFrom, type RecurrencePreset, type WindowFormValues } from './window-form-values';

const PRESETS: RecurrencePreset[] = ['none', 'daily', 'weekly', 'weekdays', 'monthly', 'custom'];

interface Props {
  initial: WindowFormValues;
  existing?: Window;
  onSave(input: WindowInput): Promise<ApiResult<Window>>;
  onDelete?(): void;
  onDone(): void;
}

/** A maintenance or freeze window: when, in which zone, how it repeats and where it applies. */
export function WindowForm({ initial, existing, onSave, onDelete, onDone }: Props) {
  const { systems, environments } = useWorkspaceStore();
  const { values, errors, saving, set, submit } = useFormState<WindowFormValues>(initial, validateWindowForm);
  const isFreeze = values.kind === 'freeze';
  const ids = (items: readonly { id: string; name: string }[]) => items.map((i) => ({ value: i.id, label: i.name }));

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    const saved = await submit((v) => onSave(windowInputFrom(v)));
    if (saved) onDone();
  };

  return (
    <form onSubmit={save} onKeyDown={getHotkeyHandler([['mod+Enter', () => void save()]])} noValidate>
      <Stack gap="sm">
        <TextInput
          label="Name"
          required
          data-autofocus
          placeholder={isFreeze ? 'Year-end freeze' : 'Saturday night patch window'}
          value={values.name}
          error={errors.name}
          onChange={(e) => set('name')(e.currentTarget.value)}
        />
        <SimpleGrid cols={2} spacing="sm">
          <DateTimeField label="Start" required value={values.start} error={errors.start} onChange={set('start')} />
          <DateTimeField label="End" required value={values.end} openOn={values.start} error={errors.end} onChange={set('end')} />
        </SimpleGrid>
        <TimeZoneSelect
          label="Time zone of the window"
          description="Start, end and the repeat rule are wall-clock times in this zone, summer and winter."
          value={values.timeZone}
          error={errors.timeZone}
          onChange={set('timeZone')}
        />
        <SimpleGrid cols={2} spacing="sm">
          <Select
            label="Repeats"
            data={PRESETS.map((p) => ({ value: p, label: presetLabel(p, values) }))}
            value={values.preset}
            error={values.preset === 'custom' ? undefined : errors.rrule}
            onChange={(p) => p && set('preset')(p as RecurrencePreset)}
            allowDeselect={false}
          />
          {values.preset === 'custom' ? (
            <TextInput
              label="Recurrence rule"
              description="iCalendar RRULE without DTSTART"
              placeholder="FREQ=WEEKLY;BYDAY=SA;UNTIL=20271231T000000Z"
              value={values.customRule}
              error={errors.customRule ?? errors.rrule}
              onChange={(e) => set('customRule')(e.currentTarget.value)}
            />
          ) : (
            <DatePickerInput
              type="multiple"
              label="Skip these dates"
              description="Local dates whose occurrence does not happen"
              placeholder={values.preset === 'none' ? 'Only for repeating windows' : 'Pick dates'}
              disabled={values.preset === 'none'}
              clearable
              valueFormat="D MMM YYYY"
              value={values.exceptionDates}
              error={errors.exceptionDates}
              onChange={(dates) => set('exceptionDates')(dates.map(String))}
            />
          )}
        </SimpleGrid>
        <MultiSelect
          label="Environments"
          searchable
          placeholder={values.environmentIds.length ? undefined : 'Every environment'}
          description={isFreeze ? 'Leave empty for a company-wide freeze.' : 'Leave empty to allow changes on every environment.'}
          data={ids(environments)}
          value={values.environmentIds}
          error={errors.environmentIds}
          onChange={set('environmentIds')}
        />
        {isFreeze && (
          <MultiSelect
            label="Systems"
            searchable
            placeholder={values.systemIds.length ? undefined : 'Every system'}
            description="Only these systems are frozen; leave empty to freeze all."
            data={ids(systems)}
            value={values.systemIds}
            error={errors.systemIds}
            onChange={set('systemIds')}
          />
        )}
        <Textarea label="Reason" autosize minRows={2} maxRows={5} placeholder={isFreeze ? 'Black Friday: no changes to checkout' : 'Weekly OS patching'} value={values.reason} error={errors.reason} onChange={(e) => set('reason')(e.currentTarget.value)} />
        {!isFreeze && (
          <TextInput label="SLA note" placeholder="Customers notified 72 h ahead; 30 min max downtime" value={values.slaNote} error={errors.slaNote} onChange={(e) => set('slaNote')(e.currentTarget.value)} />
        )}
        {existing && onDelete && (
          <Group justify="space-between">
            <Text size="xs" c="dimmed">
              {WINDOW_KIND_LABELS[existing.kind]} · created {existing.createdAt.slice(0, 10)}
            </Text>
            <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} />} onClick={onDelete}>
              Delete window
            </Button>
          </Group>
        )}
        <FormFooter error={errors.form} saving={saving} submitLabel={existing ? 'Save changes' : `Add ${isFreeze ? 'freeze' : 'maintenance'} window`} onCancel={onDone} />
      </Stack>
    </form>
  );
}
