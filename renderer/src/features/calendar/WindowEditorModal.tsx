import { Center, Loader, Modal, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { WINDOW_KIND_LABELS, type Window } from '../../../../electron/contract/calendar-entities';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { notifyWithUndo } from '../../shared/undo-notification';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { useCalendarStore } from './calendar-store';
import { blankWindowForm, windowFormFrom } from './window-form-values';
import { WindowForm } from './WindowForm';

/** Creates a maintenance or freeze window, or edits the one clicked on the calendar (any occurrence edits the series). */
export function WindowEditorModal() {
  const target = useCalendarStore((s) => s.windowEditor);
  const { openWindowEditor, getWindow, saveWindow, deleteWindow, restoreWindow } = useCalendarStore();
  const defaultZone = useWorkspaceStore((s) => s.info?.settings.defaultTimeZone ?? 'UTC');
  const [existing, setExisting] = useState<Window | null>(null);
  const [error, setError] = useState<string | null>(null);
  const close = () => openWindowEditor({ mode: 'closed' });
  const editId = target.mode === 'edit' ? target.windowId : null;

  useEffect(() => {
    setExisting(null);
    setError(null);
    if (!editId) return;
    void getWindow(editId).then((r) => (r.ok ? setExisting(r.value) : setError(r.error.message)));
  }, [editId, getWindow]);

  const remove = async (window: Window) => {
    const result = await deleteWindow(window.id);
    if (!result.ok) return notifyFailed(`Could not delete ${window.name}`, result.error.message);
    close();
    notifyWithUndo('Window deleted', `${window.name} is gone from the calendar; its history is kept.`, async () => {
      const back = await restoreWindow(window);
      if (back.ok) notifySaved(`${window.name} is back.`);
      else notifyFailed(`Could not bring back ${window.name}`, back.error.message);
    });
  };

  const title =
    target.mode === 'create' ? `New ${WINDOW_KIND_LABELS[target.kind].toLowerCase()}` : existing ? `Edit ${existing.name}` : 'Window';

  const body = () => {
    if (target.mode === 'create') {
      return (
        <WindowForm
          initial={blankWindowForm(target.kind, defaultZone, target.start, target.end)}
          onSave={async (input) => {
            const r = await saveWindow(null, input);
            if (r.ok) notifySaved(`${r.value.name} added to the calendar.`);
            return r;
          }}
          onDone={close}
        />
      );
    }
    if (error) return <Text c="red">{error}</Text>;
    if (!existing) return <Center h={120}><Loader size="sm" /></Center>;
    return (
      <WindowForm
        key={existing.id}
        initial={windowFormFrom(existing)}
        existing={existing}
        onSave={async (input) => {
          const r = await saveWindow(existing.id, input);
          if (r.ok) notifySaved(`${r.value.name} updated.`);
          return r;
        }}
        onDelete={() => void remove(existing)}
        onDone={close}
      />
    );
  };

  return (
    <Modal opened={target.mode !== 'closed'} onClose={close} title={title} size="lg" styles={{ title: { fontWeight: 600 } }}>
      {target.mode !== 'closed' && body()}
    </Modal>
  );
}
