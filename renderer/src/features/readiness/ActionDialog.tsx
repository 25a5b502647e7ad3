import { Alert, Button, Group, Modal, Radio, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
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
  /** Text already in the box (a person edits it rather than typing the usual words again). */
  initialText?: string;
  /**
   * Mutually exclusive outcomes of the one action (a no-go that aborts or rolls back): the first is chosen at
   * first; each has its own submit button label and may put its own words in the box.
   */
  choices?: ActionChoice[];
  onSubmit(values: { text: string; waivedIssues: string[]; evidence: string; choice: string | null }): Promise<ApiResult<unknown>>;
}

export interface ActionChoice {
  value: string;
  label: string;
  description: string;
  submitLabel: string;
  submitColor?: string;
  initialText?: string;
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
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; field?: string } | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    const first = spec?.choices?.[0];
    setText(first?.initialText ?? spec?.initialText ?? '');
    setWaivedIssues([]);
    setEvidence('');
    setChoice(first?.value ?? null);
    setError(null);
  }, [spec]);
  const chosen = spec?.choices?.find((c) => c.value === choice) ?? null;
  const choose = (value: string) => {
    const next = spec?.choices?.find((c) => c.value === value);
    // Words a choice put in the box follow the choice; words the person typed stay.
    if (spec?.choices?.some((c) => (c.initialText ?? '') === text)) setText(next?.initialText ?? '');
    setChoice(value);
  };

  const submit = async () => {
    if (!spec) return;
    if (spec.textRequired && text.trim() === '') return setError({ message: `${spec.textLabel} is required.`, field: 'text' });
    setBusy(true);
    const result = await spec.onSubmit({ text: text.trim(), waivedIssues, evidence: evidence.trim(), choice });
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
            {spec.choices && (
              <Radio.Group value={choice} onChange={choose} label="What happens" data-testid="action-choices">
                <Stack gap="xs" mt={4}>
                  {spec.choices.map((c) => (
                    <Radio key={c.value} value={c.value} label={c.label} description={c.description} />
                  ))}
                </Stack>
              </Radio.Group>
            )}
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
              <Button type="submit" color={chosen ? chosen.submitColor : spec.submitColor} loading={busy}>
                {chosen ? chosen.submitLabel : spec.submitLabel}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
