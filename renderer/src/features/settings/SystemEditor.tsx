import { MultiSelect } from '@mantine/core';
import { SystemCreate, type System } from '../../../../electron/contract/entities';
import { useFormState, validateWith } from '../../shared/use-form-state';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { EditorModal } from './EditorModal';
import { NameAndDescription } from './NameAndDescription';

interface SystemValues {
  name: string;
  description: string;
  dependsOn: string[];
}

export function SystemEditor({ system, onClose }: { system?: System; onClose(): void }) {
  const { systems, createSystem, updateSystem } = useWorkspaceStore();
  const { values, errors, saving, set, submit } = useFormState<SystemValues>(
    { name: system?.name ?? '', description: system?.description ?? '', dependsOn: system?.dependsOn ?? [] },
    validateWith(SystemCreate),
  );
  const save = () => submit((v) => (system ? updateSystem(system.id, v) : createSystem(v)));
  // A system cannot depend on itself; the core refuses longer cycles with a message naming them.
  const others = systems.filter((s) => s.id !== system?.id).map((s) => ({ value: s.id, label: s.name }));
  return (
    <EditorModal noun="system" existing={system} saving={saving} error={errors.form} onClose={onClose} onSave={save}>
      <NameAndDescription values={values} errors={errors} onName={set('name')} onDescription={set('description')} />
      <MultiSelect
        label="Depends on"
        description="Releases of this system may need releases of these first."
        searchable
        data={others}
        value={values.dependsOn}
        error={errors.dependsOn}
        onChange={set('dependsOn')}
        nothingFoundMessage="No other system"
      />
    </EditorModal>
  );
}
