import { Alert, Button, Group, Modal, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { ApiResult } from '../../../../electron/contract/api-result';

export interface ActionDialogSpec {
  title: string;
  /** What the action means, in one or two sentences. */
  intro: string;
  submitLabel: string;
  submitColor?: string;
  textLabel: string;
  textRequired?: boolean;
  withWaivedIssues?: boolean;
  withEvidence?: boolean;
  onSubmit(values: { text: string; waivedIssues: string[]; evidence: string }): Promise<ApiResult<unknown>>;
}

/**
 * One dialog for every readiness action that takes words: assert (comment, waived issues), halt (reason), withdraw,
 * tick (evidence link) and waive (reason). The core's refusal — including its "forbidden" sentence — shows inside
 * the dialog, which stays open so nothing typed is lost.
 */
export function ActionDialog({ spec, onClose }: { spec: ActionDialogSpec | null; onClose(): void }) {
  const [text, setText] = useState('');
  const [waivedIssues, setWaivedIssues] = useState<string[]>([]);
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setText('');
    setWaivedIssues([]);
    setEvidence('');
    setError(null);
  }, [spec]);

  const submit = async () => {
    if (!spec) return;
    if (spec.textRequired && text.trim() === '') return setError({ message: `${spec.textLabel} is required.`, field: 'text' });
    setBusy(true);
    const result = await spec.onSubmit({ text: text.trim(), waivedIssues, evidence: evidence.trim() });
    setBusy(false);
    if (result.ok) onClose();
    else setError({ message: result.error.message, field: result.error.field });
  };

  return (
    <Modal opened={spec !== null} onClose={onClose} title={spec?.title} size="lg">
      {spec && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="sm">
            <Alert variant="light" color="gray" p="xs">
              {spec.intro}
            </Alert>
            <Textarea
              label={spec.textLabel}
              withAsterisk={spec.textRequired}
              autosize
              minRows={3}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              error={error?.field === 'text' || error?.field === 'comment' || error?.field === 'reason' ? error.message : undefined}
              data-autofocus
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) void submit();
              }}
            />
            {spec.withWaivedIssues && (
              <TagsInput
                label="Waived issues"
                description="Known issues accepted for this release; press Enter after each (e.g. PAY-1234 rounding in refunds)."
                value={waivedIssues}
                onChange={setWaivedIssues}
                clearable
              />
            )}
            {spec.withEvidence && (
              <TextInput
                label="Evidence link"
                description="Optional: a CI run, scan report or ticket (http:// or https://)."
                value={evidence}
                onChange={(e) => setEvidence(e.currentTarget.value)}
                error={error?.field === 'evidence' ? error.message : undefined}
              />
            )}
            {error && !['text', 'comment', 'reason', 'evidence'].includes(error.field ?? '') && (
              <Alert color="red" title="Not recorded" data-testid="action-error">
                {error.message}
              </Alert>
            )}
            <Group justify="flex-end" gap="xs">
              <Button variant="default" onClick={onClose}>
                Cancel
              </Button>
              <Button type="submit" color={spec.submitColor} loading={busy}>
                {spec.submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
