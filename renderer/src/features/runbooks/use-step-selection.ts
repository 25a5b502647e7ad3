import { useCallback, useEffect, useState } from 'react';
import type { StepView } from '../../../../electron/contract/runbook-entities';

/**
 * The table's focus row and multi-selection, by step id so that they survive the re-read after every edit (a step
 * moved up keeps its focus). Shift extends from the anchor, Ctrl/Cmd toggles one step.
 */
export function useStepSelection(steps: readonly StepView[]) {
  const [focusId, setFocusId] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [anchorId, setAnchorId] = useState<string | null>(null);

  // Drop ids of steps that are gone (deleted here or by a sync).
  useEffect(() => {
    const ids = new Set(steps.map((s) => s.id));
    if (focusId && !ids.has(focusId)) setFocusId(steps[0]?.id ?? null);
    if ([...selected].some((id) => !ids.has(id))) setSelected(new Set([...selected].filter((id) => ids.has(id))));
  }, [steps, focusId, selected]);

  const indexOf = useCallback((id: string | null) => steps.findIndex((s) => s.id === id), [steps]);

  const range = (fromId: string, toId: string) => {
    const [a, b] = [indexOf(fromId), indexOf(toId)].sort((x, y) => x - y);
    return new Set(steps.slice(a, b + 1).map((s) => s.id));
  };

  /** A click, or the arrow keys: plain moves the selection, shift extends it, toggle adds or removes one step. */
  const focus = (id: string, how: { extend?: boolean; toggle?: boolean } = {}) => {
    setFocusId(id);
    if (how.extend && (anchorId ?? focusId)) setSelected(range((anchorId ?? focusId)!, id));
    else if (how.toggle) {
      const next = new Set(selected);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      setSelected(next);
      setAnchorId(id);
    } else {
      setSelected(new Set([id]));
      setAnchorId(id);
    }
  };

  /** What the keyboard acts on: the selection, or the focus row when nothing is selected. */
  const targets = (): string[] => {
    const ids = selected.size > 0 ? selected : focusId ? new Set([focusId]) : new Set<string>();
    return steps.filter((s) => ids.has(s.id)).map((s) => s.id);
  };

  return {
    focusId,
    selected,
    focus,
    targets,
    selectAll: () => setSelected(new Set(steps.map((s) => s.id))),
    clear: () => setSelected(focusId ? new Set([focusId]) : new Set()),
  };
}

export type StepSelection = ReturnType<typeof useStepSelection>;
