import { Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { FormFooter } from '../../shared/FormFooter';
import { notifySaved } from '../../shared/notify';

interface EditorModalProps {
  /** What is edited, lower case: "person", "system", "environment". */
  noun: string;
  /** The record being edited; absent when adding a new one. */
  existing?: { name: string };
  saving: boolean;
  error?: string;
  onClose(): void;
  /** Saves and returns what was saved, or null when a field is at fault (the form then shows why). */
  onSave(): Promise<{ name: string } | null>;
  children: ReactNode;
}

/**
 * The frame every settings editor shares: a modal holding a form that Enter submits and Esc closes, which
 * confirms a save and closes itself.
 */
export function EditorModal({ noun, existing, saving, error, onClose, onSave, children }: EditorModalProps) {
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await onSave();
    if (!saved) return;
    notifySaved(`${saved.name} ${existing ? 'updated' : 'added'}.`);
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={existing ? `Edit ${existing.name}` : `Add ${noun}`} size={520} styles={{ title: { fontWeight: 600 } }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          {children}
          <FormFooter error={error} saving={saving} submitLabel={existing ? 'Save changes' : `Add ${noun}`} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
