import { TextInput } from '@mantine/core';
import { PersonCreate, type Person, type PersonRole } from '../../../../electron/contract/entities';
import { useFormState, validateWith } from '../../shared/use-form-state';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { EditorModal } from './EditorModal';
import { RolePicker } from './RolePicker';

interface PersonValues {
  name: string;
  email: string;
  roles: PersonRole[];
}

export function PersonEditor({ person, onClose }: { person?: Person; onClose(): void }) {
  const { createPerson, updatePerson } = useWorkspaceStore();
  const { values, errors, saving, set, submit } = useFormState<PersonValues>(
    { name: person?.name ?? '', email: person?.email ?? '', roles: person?.roles ?? [] },
    validateWith(PersonCreate),
  );
  const save = () => submit((v) => (person ? updatePerson(person.id, v) : createPerson(v)));
  return (
    <EditorModal noun="person" existing={person} saving={saving} error={errors.form} onClose={onClose} onSave={save}>
      <TextInput label="Name" required data-autofocus value={values.name} error={errors.name} onChange={(e) => set('name')(e.currentTarget.value)} />
      <TextInput label="Email" type="email" value={values.email} error={errors.email} onChange={(e) => set('email')(e.currentTarget.value)} />
      <RolePicker value={values.roles} onChange={set('roles')} error={errors.roles} />
    </EditorModal>
  );
}
