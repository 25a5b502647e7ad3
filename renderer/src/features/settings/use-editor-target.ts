import { useState } from 'react';

/**
 * Which record an editor modal is open for: `undefined` when closed, `null` for a new record, else the record.
 * Editors mount only while open, so each opening starts from fresh values.
 */
export function useEditorTarget<T>() {
  const [target, setTarget] = useState<T | null | undefined>(undefined);
  return {
    isOpen: target !== undefined,
    editing: target ?? undefined,
    openCreate: () => setTarget(null),
    openEdit: (item: T) => setTarget(item),
    close: () => setTarget(undefined),
  };
}
