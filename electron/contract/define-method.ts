import { z } from 'zod';
import { Id } from './entities';

/** One contract entry: the input and output schemas every shell validates against, and a line of documentation. */
export function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O, doc: string) {
  return { input, output, doc };
}

export const Empty = z.object({}).strict();
export const ById = z.object({ id: Id }).strict();
