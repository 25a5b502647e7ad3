import { Alert, Button, Center, Loader } from '@mantine/core';
import { IconListCheck, IconPlus } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { EmptyCard } from '../../shared/EmptyCard';
import { PageHeader } from '../../shared/PageHeader';
import { NewRunbookModal } from './NewRunbookModal';
import { RunbookDetail, type RunbookTab } from './RunbookDetail';
import { RunbookPicker, type PickerTab } from './RunbookPicker';
import { useRunbooksStore } from './runbooks-store';

/** Runbooks: a picker on the left, the open runbook's steps, timeline or live execution on the right. */
export function RunbooksPage() {
  const { list, templates, loaded, loadError, openId, view, viewError, loadList, open } = useRunbooksStore();
  const [creating, setCreating] = useState(false);
  const [pickerTab, setPickerTab] = useState<PickerTab>('releases');
  const [releaseFilter, setReleaseFilter] = useState<string | null>(null);
  const [tab, setTab] = useState<RunbookTab>('steps');
  useEffect(() => void loadList(), [loadList]);
  useEffect(() => {
    // Open the first runbook when none is open yet (or the open one was deleted elsewhere).
    const all = [...list, ...templates];
    if (!loaded || all.length === 0) return;
    if (!openId || !all.some((r) => r.id === openId)) void open(list[0]?.id ?? templates[0].id);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded, list, templates]);
  useEffect(() => {
    if (view?.release === null && tab === 'execution') setTab('steps');
  }, [view, tab]);

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New runbook
    </Button>
  );
  const empty = loaded && list.length === 0 && templates.length === 0;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: 'calc(100dvh - var(--app-shell-header-height) - 2 * var(--mantine-spacing-md))' }}>
      <PageHeader title="Runbooks" description="The plan for a release weekend: steps, owners, dependencies and the critical path; run live in the war room." actions={newButton} />
      {loadError && (
        <Alert color="red" variant="light" mb="sm" title="Could not load the runbooks">
          {loadError}
        </Alert>
      )}
      {empty ? (
        <EmptyCard
          icon={<IconListCheck size={32} />}
          title="No runbook yet"
          description="Create a runbook for a release (empty, or from a template), then add its steps or import your cutover spreadsheet. A template is a runbook without a release, reused for every weekend."
        >
          {newButton}
        </EmptyCard>
      ) : (
        <div style={{ display: 'flex', gap: 'var(--mantine-spacing-md)', flex: 1, minHeight: 0 }}>
          <div style={{ width: 212, flexShrink: 0, display: 'flex', flexDirection: 'column', minHeight: 0 }}>
            <RunbookPicker tab={pickerTab} onTab={setPickerTab} releaseFilter={releaseFilter} onReleaseFilter={setReleaseFilter} />
          </div>
          {viewError ? (
            <Alert color="red" variant="light" title="Could not open the runbook" style={{ flex: 1, alignSelf: 'flex-start' }}>
              {viewError}
            </Alert>
          ) : view ? (
            <RunbookDetail view={view} tab={tab} onTab={setTab} />
          ) : (
            <Center style={{ flex: 1 }}>{loaded ? <Loader size="sm" aria-label="Loading runbook" /> : null}</Center>
          )}
        </div>
      )}
      <NewRunbookModal opened={creating} onClose={() => setCreating(false)} releaseId={releaseFilter} />
    </div>
  );
}
