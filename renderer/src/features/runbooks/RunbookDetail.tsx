import { Alert, Tabs } from '@mantine/core';
import { useInterval } from '@mantine/hooks';
import { IconChartDots3, IconPlayerPlay, IconTable } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import type { RunbookView } from '../../../../electron/contract/runbook-entities';
import { ExecutionView } from './ExecutionView';
import { RunbookHeader } from './RunbookHeader';
import { useRunbooksStore } from './runbooks-store';
import { StepsPanel } from './StepsPanel';
import { timeFormat } from './step-times';
import { Timeline, TimelineLegend } from './Timeline';

export type RunbookTab = 'steps' | 'timeline' | 'execution';

/** Seconds between re-reads while the timeline or the execution view is open: others' records arrive by sync. */
const POLL_SECONDS = 5;

export function RunbookDetail({ view, tab, onTab }: { view: RunbookView; tab: RunbookTab; onTab(tab: RunbookTab): void }) {
  const refresh = useRunbooksStore((s) => s.refresh);
  const format = useMemo(() => timeFormat(view), [view]);
  const [now, setNow] = useState(() => Date.now());
  const poll = useInterval(() => {
    setNow(Date.now());
    void refresh();
  }, POLL_SECONDS * 1000);
  useEffect(() => {
    if (tab === 'steps') return poll.stop();
    poll.start();
    return poll.stop;
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tab]);
  const isTemplate = view.release === null;

  return (
    <div style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, minWidth: 0 }}>
      <RunbookHeader view={view} format={format} />
      <Tabs value={tab} onChange={(t) => t && onTab(t as RunbookTab)} keepMounted={false} style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
        <Tabs.List mb="sm">
          <Tabs.Tab value="steps" leftSection={<IconTable size={16} />}>
            Steps
          </Tabs.Tab>
          <Tabs.Tab value="timeline" leftSection={<IconChartDots3 size={16} />}>
            Timeline
          </Tabs.Tab>
          <Tabs.Tab value="execution" leftSection={<IconPlayerPlay size={16} />} disabled={isTemplate} title={isTemplate ? 'A template is not executed: create a release runbook from it' : undefined}>
            Execution
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="steps" style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
          <StepsPanel view={view} format={format} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, gap: 8 }}>
          {view.steps.length === 0 ? (
            <Alert color="gray" variant="light">The timeline draws the steps once there are some: add them on the Steps tab, or import a spreadsheet.</Alert>
          ) : (
            <>
              <TimelineLegend />
              <Timeline view={view} format={format} now={now} />
            </>
          )}
        </Tabs.Panel>
        <Tabs.Panel value="execution" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          {view.steps.length === 0 ? (
            <Alert color="gray" variant="light">Nothing to execute yet: add steps on the Steps tab first.</Alert>
          ) : (
            <ExecutionView view={view} format={format} now={now} />
          )}
        </Tabs.Panel>
      </Tabs>
    </div>
  );
}
