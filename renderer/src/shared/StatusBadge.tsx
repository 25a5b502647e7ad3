import { Badge } from '@mantine/core';
import { RELEASE_STATUS_LABELS, type ReleaseStatus } from '../../../electron/contract/entities';

/** Colour helps scanning, the label carries the meaning (readable without colour vision and in print). */
const STATUS_COLORS: Record<ReleaseStatus, string> = {
  planned: 'gray',
  'in-readiness': 'blue',
  go: 'teal',
  'in-progress': 'orange',
  released: 'green',
  'rolled-back': 'red',
  aborted: 'yellow',
  cancelled: 'gray',
};

export function StatusBadge({ status }: { status: ReleaseStatus }) {
  return (
    <Badge color={STATUS_COLORS[status]} variant={status === 'cancelled' ? 'outline' : 'light'} radius="sm" size="sm" style={{ textTransform: 'none' }}>
      {RELEASE_STATUS_LABELS[status]}
    </Badge>
  );
}
