import { List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyCard } from './EmptyCard';
import { PageHeader } from './PageHeader';

interface FeaturePlaceholderProps {
  title: string;
  icon: ReactNode;
  /** One sentence: what this screen is for. */
  summary: string;
  /** What the screen will offer once its issue is done. */
  coming: string[];
  /** What a release manager can do in the meantime. */
  meanwhile: ReactNode;
}

/** An honest page for a feature still being built: what it will do, and how to get by until then. */
export function FeaturePlaceholder({ title, icon, summary, coming, meanwhile }: FeaturePlaceholderProps) {
  return (
    <>
      <PageHeader title={title} description={summary} />
      <EmptyCard
        icon={icon}
        title={`${title} is on its way`}
        description="This screen is not built yet. When it is, it will let you:"
        testId="feature-placeholder"
      >
        <List size="sm" spacing={4} ta="left" mx="auto" maw={520} mt="xs">
          {coming.map((item) => (
            <List.Item key={item}>{item}</List.Item>
          ))}
        </List>
        <Text size="sm" c="dimmed" mt="lg" ta="center" maw={520} mx="auto">
          <Text span fw={600} c="var(--mantine-color-text)">
            Meanwhile:{' '}
          </Text>
          {meanwhile}
        </Text>
      </EmptyCard>
    </>
  );
}
