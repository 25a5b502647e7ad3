import { Card, EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyCardProps {
  icon: ReactNode;
  title: string;
  description: ReactNode;
  /** Buttons or anything else that tells the reader what to do next. */
  children?: ReactNode;
  testId?: string;
}

/** The one look for "nothing here yet": says why and what to do next. */
export function EmptyCard({ icon, title, description, children, testId }: EmptyCardProps) {
  return (
    <Card withBorder radius="md" padding="xl" maw={720} mx="auto" mt="xl" w="100%" data-testid={testId}>
      <EmptyState icon={icon} variant="light" size="lg" title={title} description={description}>
        {children}
      </EmptyState>
    </Card>
  );
}
