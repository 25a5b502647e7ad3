import { Alert, Button, Group, List, Text } from '@mantine/core';
import { IconShieldX } from '@tabler/icons-react';
import { useState } from 'react';
import type { VerifyProblem } from '../../../../electron/contract/verify-contract';
import { notifyFailed, notifySaved } from '../../shared/notify';
import { useKeysStore } from '../keys/keys-store';
import { useWorkspaceStore } from '../workspace/workspace-store';
import { useVerifyStore } from './verify-store';

const SHOWN = 6;

const KIND_WORDS: Record<VerifyProblem['kind'], string> = {
  root: 'Root',
  signature: 'Signature',
  chain: 'Chain',
  seal: 'Seal',
  row: 'Row',
  'missing-row': 'Row',
};

/**
 * Shown when the workspace, checked as it opened, does not verify: what is wrong, in words, and where rows were
 * edited behind Release Desk's back, a Repair that rewrites them from the change log. Records that do not verify
 * count nowhere whatever this banner says; it is here so nobody works on unaware.
 */
export function VerifyBanner() {
  const { report, checkError, dismissed, repair, dismiss, check } = useVerifyStore();
  const [repairing, setRepairing] = useState(false);
  if (dismissed) return null;
  if (checkError) {
    return (
      <Alert color="orange" icon={<IconShieldX />} title="Could not check this workspace" mb="md" withCloseButton onClose={dismiss} data-testid="verify-banner">
        {checkError}
      </Alert>
    );
  }
  if (!report || report.ok) return null;
  const repairable = report.problems.filter((p) => p.repairable);
  const run = async () => {
    setRepairing(true);
    const result = await repair();
    setRepairing(false);
    if (!result.ok) return notifyFailed('Could not repair the workspace', result.error.message);
    // The screens remount on a repair (AppLayout); the data every screen shares is read again here.
    void useWorkspaceStore.getState().load();
    void useKeysStore.getState().load();
    const left = result.value.problems.length;
    notifySaved(left === 0 ? `Repaired ${repairable.length} row(s) from the change log: the workspace verifies again.` : `Repaired what the change log could mend; ${left} problem(s) remain.`);
  };
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconShieldX />}
      title={`This workspace does not verify: ${report.problems.length} problem${report.problems.length === 1 ? '' : 's'}`}
      mb="md"
      withCloseButton
      closeButtonLabel="Hide until the workspace is opened again"
      onClose={dismiss}
      data-testid="verify-banner"
    >
      <Text size="sm" mb={6}>
        Records that do not verify are kept and shown in red in the audit, but count nowhere: not on the board, in the gate or in a meeting.
      </Text>
      <List size="sm" spacing={2} mb="sm" data-testid="verify-problems">
        {report.problems.slice(0, SHOWN).map((p, i) => (
          <List.Item key={`${i}:${p.message}`}>
            <Text span fw={600} size="sm">
              {KIND_WORDS[p.kind]}:
            </Text>{' '}
            {p.message}
          </List.Item>
        ))}
      </List>
      {report.problems.length > SHOWN && (
        <Text size="sm" c="dimmed" mb="sm">
          … and {report.problems.length - SHOWN} more: “release-desk verify --db FILE” lists them all.
        </Text>
      )}
      <Group gap="xs">
        {repairable.length > 0 && (
          <Button color="red" size="xs" loading={repairing} onClick={() => void run()}>
            Repair {repairable.length} row{repairable.length === 1 ? '' : 's'} from the change log
          </Button>
        )}
        <Button variant="default" size="xs" onClick={() => void check()}>
          Check again
        </Button>
        <Text size="xs" c="dimmed" style={{ flex: 1, minWidth: 260 }}>
          {repairable.length > 0 && 'Repair rewrites rows edited, added or removed behind Release Desk’s back to what their change log says. '}
          {repairable.length < report.problems.length &&
            'Signature, chain and root problems cannot be mended here: the file’s history itself was altered, and the records concerned stay unverified. Compare with a teammate’s copy or a backup.'}
        </Text>
      </Group>
    </Alert>
  );
}
