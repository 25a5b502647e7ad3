import { Table } from '@mantine/core';
import type { System } from '../../../../electron/contract/entities';
import { OptionalText } from '../../shared/OptionalText';
import { nameIndex, useWorkspaceStore } from '../workspace/workspace-store';
import { RowActions } from './RowActions';
import { EmptyRow, SettingsSection } from './SettingsSection';
import { SystemEditor } from './SystemEditor';
import { useEditorTarget } from './use-editor-target';

export function SystemsSection() {
  const { systems, deleteSystem } = useWorkspaceStore();
  const editor = useEditorTarget<System>();
  const names = nameIndex(systems);

  return (
    <>
      <SettingsSection
        title="Systems"
        description="Applications and services that releases change. Dependencies drive the dependency checks on the calendar."
        addLabel="Add system"
        onAdd={editor.openCreate}
        empty={systems.length === 0 ? <EmptyRow>No systems yet. Add the applications and services your releases change.</EmptyRow> : undefined}
      >
        <Table verticalSpacing="xs" highlightOnHover data-testid="systems-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="22%">Name</Table.Th>
              <Table.Th>Description</Table.Th>
              <Table.Th w="28%">Depends on</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {systems.map((system) => (
              <Table.Tr key={system.id}>
                <Table.Td fw={500}>{system.name}</Table.Td>
                <Table.Td>
                  <OptionalText text={system.description} lineClamp={2} />
                </Table.Td>
                <Table.Td>
                  <OptionalText text={system.dependsOn.map((id) => names.get(id) ?? 'Unknown').join(', ')} empty="Nothing" />
                </Table.Td>
                <Table.Td>
                  <RowActions
                    name={system.name}
                    deleteConsequence="Systems that depend on it stop depending on it. A system that releases still use cannot be deleted."
                    onEdit={() => editor.openEdit(system)}
                    onDelete={() => deleteSystem(system.id)}
                  />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </SettingsSection>
      {editor.isOpen && <SystemEditor system={editor.editing} onClose={editor.close} />}
    </>
  );
}
