import { Table } from '@mantine/core';
import type { Person } from '../../../../electron/contract/entities';
import { OptionalText } from '../../shared/OptionalText';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { PersonEditor } from './PersonEditor';
import { RoleBadges } from './RoleBadges';
import { RowActions } from './RowActions';
import { EmptyRow, SettingsSection } from './SettingsSection';
import { useEditorTarget } from './use-editor-target';

export function PeopleSection() {
  const { people, deletePerson } = useWorkspaceStore();
  const editor = useEditorTarget<Person>();

  return (
    <>
    <SettingsSection
      title="People"
      description="Who works on releases. Owners and authors are people; the four empowered roles sign off readiness."
      addLabel="Add person"
      onAdd={editor.openCreate}
      empty={people.length === 0 ? <EmptyRow>Nobody yet. Add yourself first, then pick yourself under “You are” at the top.</EmptyRow> : undefined}
    >
      <Table verticalSpacing="xs" highlightOnHover data-testid="people-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Email</Table.Th>
            <Table.Th>Roles</Table.Th>
            <Table.Th w={90} />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {people.map((person) => (
            <Table.Tr key={person.id}>
              <Table.Td fw={500}>{person.name}</Table.Td>
              <Table.Td>
                <OptionalText text={person.email} />
              </Table.Td>
              <Table.Td>
                <RoleBadges roles={person.roles} />
              </Table.Td>
              <Table.Td>
                <RowActions
                  name={person.name}
                  deleteConsequence="They are removed from lists and pickers; history keeps their name."
                  onEdit={() => editor.openEdit(person)}
                  onDelete={() => deletePerson(person.id)}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SettingsSection>
    {editor.isOpen && <PersonEditor person={editor.editing} onClose={editor.close} />}
    </>
  );
}
