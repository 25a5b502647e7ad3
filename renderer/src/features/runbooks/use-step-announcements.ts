import { useEffect, useRef } from 'react';
import type { RunbookView, StepStatus } from '../../../../electron/contract/runbook-entities';
import { announce } from '../../shared/announcer';

/** What a screen reader says when a step reaches one of these states; running and pending are not news. */
const SAID: Partial<Record<StepStatus, string>> = { done: 'completed', failed: 'failed', skipped: 'skipped', go: 'decided go', 'no-go': 'decided no-go' };

/**
 * Announces steps that finish while the execution is on screen, whoever recorded them (this device, or another one
 * through sync). The first view of a runbook is not news: only changes after it are said.
 */
export function useStepAnnouncements(view: RunbookView): void {
  const seen = useRef<{ runbookId: string; statuses: Map<string, StepStatus> } | null>(null);
  useEffect(() => {
    const before = seen.current?.runbookId === view.runbook.id ? seen.current.statuses : null;
    seen.current = { runbookId: view.runbook.id, statuses: new Map(view.steps.map((s) => [s.id, s.status])) };
    if (!before) return;
    const changed = view.steps.flatMap((step, i) => {
      const said = SAID[step.status];
      return said && before.get(step.id) !== step.status ? [{ sentence: `Step ${i + 1} ${said}: ${step.title}.`, urgent: step.status === 'failed' || step.status === 'no-go' }] : [];
    });
    if (changed.length === 0) return;
    announce(changed.map((c) => c.sentence).join(' '), changed.some((c) => c.urgent) ? 'assertive' : 'polite');
  }, [view]);
}
