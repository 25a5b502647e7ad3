import { Switch } from '@mantine/core';
import { EnvironmentCreate, type Environment } from '../../../../electron/contract/entities';
import { useFormState, validateWith } from '../../shared/use-form-state';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { EditorModal } from './EditorModal';
import { NameAndDescription } from './NameAndDescription';

interface EnvironmentValues {
  name: string;
  description: string;
  requiresMaintenanceWindow: boolean;
  isProduction: boolean;
}

export function EnvironmentEditor({ environment, onClose }: { environment?: Environment; onClose(): void }) {
  const { createEnvironment, updateEnvironment } = useWorkspaceStore();
  const { values, errors, saving, set, submit } = useFormState<EnvironmentValues>(
    {
      name: environment?.name ?? '',
      description: environment?.description ?? '',
      requiresMaintenanceWindow: environment?.requiresMaintenanceWindow ?? false,
      isProduction: environment?.isProduction ?? false,
    },
    validateWith(EnvironmentCreate),
  );
  const save = () => submit((v) => (environment ? updateEnvironment(environment.id, v) : createEnvironment(v)));
  return (
    <EditorModal noun="environment" existing={environment} saving={saving} error={errors.form} onClose={onClose} onSave={save}>
      <NameAndDescription values={values} errors={errors} onName={set('name')} onDescription={set('description')} />
      <Switch
        label="Production"
        description="Releases here reach customers."
        checked={values.isProduction}
        onChange={(e) => set('isProduction')(e.currentTarget.checked)}
      />
      <Switch
        label="Requires a maintenance window"
        description="A release here must fall inside a maintenance window; the calendar flags it otherwise."
        checked={values.requiresMaintenanceWindow}
        onChange={(e) => set('requiresMaintenanceWindow')(e.currentTarget.checked)}
      />
    </EditorModal>
  );
}
