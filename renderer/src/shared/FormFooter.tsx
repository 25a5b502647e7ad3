import { Alert, Button, Group, Text } from '@mantine/core';

interface FormFooterProps {
  /** An error the core raised about no particular field. */
  error?: string;
  saving: boolean;
  submitLabel: string;
  onCancel(): void;
}

/** The end of every editor: the general error, a keyboard hint, Cancel and the submit button. */
export function FormFooter({ error, saving, submitLabel, onCancel }: FormFooterProps) {
  return (
    <>
      {error && (
        <Alert color="red" variant="light" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="space-between" mt="xs" wrap="nowrap">
        <Text size="xs" c="dimmed">
          Enter saves · Esc closes
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {submitLabel}
          </Button>
        </Group>
      </Group>
    </>
  );
}
