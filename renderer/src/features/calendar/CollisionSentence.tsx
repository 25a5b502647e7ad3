import { Text, Tooltip, type TextProps } from '@mantine/core';
import type { Collision } from '../../../../electron/contract/calendar-entities';

/**
 * A collision's sentence, in the viewer's zone (the core writes it there); where the release was planned in another
 * zone, its times there on hover and on focus. One zone per sentence, the other one a tooltip away.
 */
export function CollisionSentence({ collision, ...text }: { collision: Collision } & TextProps) {
  const sentence = (
    <Text size="sm" data-testid="collision-sentence" {...text} tabIndex={collision.plannedZone === collision.timeZone ? undefined : 0}>
      {collision.sentence}
    </Text>
  );
  if (collision.plannedZone === collision.timeZone) return sentence;
  return (
    <Tooltip label={`As planned: ${collision.plannedTimes}`} withArrow multiline maw={360} events={{ hover: true, focus: true, touch: true }}>
      {sentence}
    </Tooltip>
  );
}
