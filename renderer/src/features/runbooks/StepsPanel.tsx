import { Button, Group, Text, Tooltip } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconFolder, IconListCheck, IconPlus, IconTrash } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import type { RunbookView } from '../../../../electron/contract/runbook-entities';
import { EmptyCard } from '../../shared/EmptyCard';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { notifyWithUndo } from '../../shared/undo-notification';
import { useRunbooksStore } from './runbooks-store';
import { sectionOptions } from './section-options';
import { SectionModal } from './SectionModal';
import { ShortcutFooter, ShortcutHelp } from './ShortcutHelp';
import { StepEditor, type StepEditorTarget } from './StepEditor';
import { planMove } from './step-moves';
import { StepTable, type FocusRequest, type StepTableActions } from './StepTable';
import type { TimeFormat } from './step-times';
import { useStepSelection } from './use-step-selection';

/** The step table with its toolbar, editor drawer and the keyboard's actions. */
export function StepsPanel({ view, format }: { view: RunbookView; format: TimeFormat }) {
  const { deleteSteps, restoreSteps, moveSteps } = useRunbooksStore();
  const selection = useStepSelection(view.steps);
  const [editing, setEditing] = useState<StepEditorTarget | null>(null);
  const [sectionFor, setSectionFor] = useState<string[] | null>(null);
  const [focusRequest, setFocusRequest] = useState<FocusRequest | null>(null);
  /** Back to the table after a drawer or dialog: on the given step, else the focus row. */
  const refocus = (stepId = selection.focusId) => stepId && setFocusRequest((r) => ({ stepId, seq: (r?.seq ?? 0) + 1 }));
  const sections = useMemo(() => sectionOptions(view.steps), [view.steps]);
  // With no step chosen a new one goes after the last forward step: never into the rollback section by default.
  const lastForward = [...view.steps].reverse().find((s) => !s.rollback) ?? null;

  const actions: StepTableActions = {
    edit: (stepId) => setEditing({ mode: 'edit', stepId }),
    /** Below a chosen step: in its section, waiting for it. With none chosen: after the last forward step, free. */
    addBelow: (stepId) => {
      const chosen = view.steps.find((s) => s.id === stepId);
      const after = chosen ?? lastForward;
      setEditing({ mode: 'create', afterStepId: after?.id ?? null, section: after?.section ?? 'Pre-checks', dependsOn: chosen ? [chosen.id] : [] });
    },
    async move(direction) {
      const plan = planMove(view.steps, new Set(selection.targets()), direction);
      if (!plan) return;
      const result = await moveSteps(plan);
      if (!result.ok) notifyFailed('Could not move the steps', result.error.message);
    },
    async remove(ids) {
      if (ids.length === 0) return;
      const result = await deleteSteps(ids);
      if (!result.ok) return notifyFailed('Could not delete', result.error.message);
      const what = ids.length === 1 ? `"${view.steps.find((s) => s.id === ids[0])?.title}"` : `${ids.length} steps`;
      notifyWithUndo('Deleted', `${what} and the dependencies on ${ids.length === 1 ? 'it' : 'them'} are gone.`, async () => {
        const back = await restoreSteps(result.value.ids);
        if (back.ok) notifySaved(`${what} restored.`);
        else notifyFailed('Could not restore', back.error.message);
      });
    },
    putIntoSection: (ids) => ids.length > 0 && setSectionFor(ids),
  };

  const targets = selection.targets();
  const addButton = (
    <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => actions.addBelow(selection.focusId)}>
      Add step
    </Button>
  );

  return (
    <>
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Group gap="xs">
          {addButton}
          <Tooltip label="Move up (Alt+↑)">
            <Button size="xs" variant="default" disabled={targets.length === 0} onClick={() => actions.move(-1)} aria-label="Move up" px={8}>
              <IconArrowUp size={14} />
            </Button>
          </Tooltip>
          <Tooltip label="Move down (Alt+↓)">
            <Button size="xs" variant="default" disabled={targets.length === 0} onClick={() => actions.move(1)} aria-label="Move down" px={8}>
              <IconArrowDown size={14} />
            </Button>
          </Tooltip>
          <Button size="xs" variant="default" leftSection={<IconFolder size={14} />} disabled={targets.length === 0} onClick={() => actions.putIntoSection(targets)}>
            Section…
          </Button>
          <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} disabled={targets.length === 0} onClick={() => actions.remove(targets)}>
            Delete{targets.length > 1 ? ` ${targets.length}` : ''}
          </Button>
        </Group>
        <Group gap="xs">
          {view.steps.length > 0 && (
            <Text size="xs" c="dimmed">
              {view.criticalPath.length} of {view.steps.length} steps on the critical path
            </Text>
          )}
          <ShortcutHelp />
        </Group>
      </Group>
      {view.steps.length === 0 ? (
        <EmptyCard
          icon={<IconListCheck size={32} />}
          title="No steps yet"
          description="Add the first step (pre-checks, deploy, verify, a go/no-go checkpoint, rollback), or import the cutover plan you keep in a spreadsheet with Import above."
        >
          {addButton}
        </EmptyCard>
      ) : (
        <>
          <div style={{ display: 'flex', flex: 1, minHeight: 0 }}>
            <StepTable steps={view.steps} format={format} selection={selection} actions={actions} focusRequest={focusRequest} />
          </div>
          <ShortcutFooter selected={selection.selected.size} />
        </>
      )}
      <StepEditor
        target={editing}
        view={view}
        format={format}
        onClose={() => {
          setEditing(null);
          refocus();
        }}
        onSaved={(id) => {
          setEditing(null);
          selection.focus(id);
          refocus(id);
        }}
      />
      <SectionModal
        stepIds={sectionFor}
        sections={sections}
        onClose={() => {
          setSectionFor(null);
          refocus();
        }}
        onSubmit={async (section) => {
          const ids = sectionFor ?? [];
          setSectionFor(null);
          const result = await moveSteps({ stepIds: ids, section });
          refocus();
          if (!result.ok) notifyFailed('Could not change the section', result.error.message);
        }}
      />
    </>
  );
}
