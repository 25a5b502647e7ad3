import { TextInput, Textarea } from '@mantine/core';
import type { FieldErrors } from '../../shared/field-errors';

interface NameAndDescriptionProps {
  values: { name: string; description: string };
  errors: FieldErrors;
  onName(name: string): void;
  onDescription(description: string): void;
}

/** The two fields systems and environments open with. */
export function NameAndDescription({ values, errors, onName, onDescription }: NameAndDescriptionProps) {
  return (
    <>
      <TextInput label="Name" required data-autofocus value={values.name} error={errors.name} onChange={(e) => onName(e.currentTarget.value)} />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        value={values.description}
        error={errors.description}
        onChange={(e) => onDescription(e.currentTarget.value)}
      />
    </>
  );
}
