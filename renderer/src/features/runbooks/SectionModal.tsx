import { Autocomplete, Button, Group, Modal, Stack } from '@mantine/core';
import { useEffect, useState } from 'react';
import { everySectionWhileChosen } from './section-options';

interface SectionModalProps {
  /** The steps to move; null: closed. */
  stepIds: string[] | null;
  /** Every section to offer (sectionOptions). */
  sections: string[];
  onClose(): void;
  onSubmit(section: string): void;
}

/** "Indent into a section": the selected steps join a section (one of the suggestions, or a new name). */
export function SectionModal({ stepIds, sections, onClose, onSubmit }: SectionModalProps) {
  const [section, setSection] = useState('');
  useEffect(() => setSection(''), [stepIds]);
  const count = stepIds?.length ?? 0;
  return (
    <Modal opened={stepIds !== null} onClose={onClose} title={`Put ${count === 1 ? 'the step' : `${count} steps`} into a section`}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (section.trim()) onSubmit(section.trim());
        }}
      >
        <Stack gap="sm">
          <Autocomplete label="Section" data-autofocus data={sections} filter={everySectionWhileChosen} value={section} onChange={setSection} placeholder="Deploy" />
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!section.trim()}>
              Move
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
