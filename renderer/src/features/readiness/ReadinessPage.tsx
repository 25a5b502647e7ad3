import { Alert, Anchor, Button, Drawer, Group, Loader, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { IconShieldCheck } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { READINESS_POLICY_LABELS, READINESS_POLICY_RULES } from '../../../../electron/contract/entities';
import { EmptyCard } from '../../shared/EmptyCard';
import { useNavigationStore } from '../../shell/navigation-store';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { PageHeader } from '../../shared/PageHeader';
import { ReadinessBoard } from './ReadinessBoard';
import { ReleaseReadinessPanel } from './ReleaseReadinessPanel';
import { useReadinessStore } from './readiness-store';

export function ReadinessPage() {
  const { range, board, collisions, boardLoading, boardError, loadBoard, setRange } = useReadinessStore();
  const [openId, setOpenId] = useState<string | null>(null);
  const [picked, setPicked] = useState<[string | null, string | null]>([dayjs(range.from).format('YYYY-MM-DD'), dayjs(range.to).subtract(1, 'day').format('YYYY-MM-DD')]);
  useEffect(() => void loadBoard(), [loadBoard]);

  const applyRange = (value: [string | null, string | null]) => {
    setPicked(value);
    const [from, to] = value;
    // The picker names whole days; the board's range ends after the last picked day.
    if (from && to) void setRange(dayjs(from).startOf('day').toISOString(), dayjs(to).add(1, 'day').startOf('day').toISOString());
  };
  const open = board.find((r) => r.release.id === openId);
  const policy = useWorkspaceStore((s) => s.info?.settings.readinessPolicy ?? 'presumptive');
  const go = useNavigationStore((s) => s.go);

  return (
    <>
      <PageHeader
        title="Readiness"
        description={
          <span data-testid="readiness-policy">
            <Text span fw={600} c="var(--mantine-color-text)">
              {READINESS_POLICY_LABELS[policy]}:
            </Text>{' '}
            {READINESS_POLICY_RULES[policy]}. Click a release to assert, halt or review its checklist.{' '}
            <Anchor component="button" type="button" size="sm" onClick={() => go('settings')}>
              Change the policy in Settings
            </Anchor>
          </span>
        }
        actions={
          <Group gap="xs" align="flex-end">
            {boardLoading && <Loader size="xs" aria-label="Loading" />}
            <DatePickerInput type="range" label="Releases between" value={picked} onChange={applyRange} w={280} allowSingleDateInRange valueFormat="D MMM YYYY" />
            <Button variant="default" onClick={() => applyRange([dayjs().format('YYYY-MM-DD'), dayjs().add(13, 'day').format('YYYY-MM-DD')])}>
              Next 14 days
            </Button>
          </Group>
        }
      />
      {boardError && (
        <Alert color="red" title="Could not load the readiness board" mb="md">
          {boardError}
        </Alert>
      )}
      {!boardError && board.length === 0 && !boardLoading ? (
        <EmptyCard
          icon={<IconShieldCheck size={32} />}
          title="No release in this range"
          description="No release has a window between these dates. Pick a wider range, or plan a release on the Releases screen."
        />
      ) : (
        <ReadinessBoard rows={board} collisions={collisions} onOpen={setOpenId} />
      )}
      <Drawer
        opened={Boolean(open)}
        onClose={() => setOpenId(null)}
        position="right"
        size={620}
        title={open && `${open.release.name} ${open.release.version}`}
        styles={{ title: { fontWeight: 600, fontSize: 'var(--mantine-font-size-lg)' } }}
      >
        {open && (
          <>
            <Text size="sm" c="dimmed" mb="sm">
              Readiness of this release; the same panel is in its detail on the Releases screen.
            </Text>
            <ReleaseReadinessPanel releaseId={open.release.id} />
          </>
        )}
      </Drawer>
    </>
  );
}
