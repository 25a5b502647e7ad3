import { invalidInput } from '../../../contract/api-result';
import type { Person } from '../../../contract/entities';
import type { HandlerContext } from '../handler-context';
import { getPerson } from './people-handlers';
import { requireExisting } from './references';

/**
 * Who acts: `asPersonId` when given (the CLI's --as), else the person chosen on this device. A device with no person
 * chosen cannot sign off, tick, decide or execute a step: those records must name a person. This is an integrity
 * rule, not authentication: whoever can open the workspace file can pick any person, as in the app's person picker.
 * `toDoWhat` finishes the sentence "choose who you are before …", e.g. "recording a decision".
 */
export function actingPerson(ctx: HandlerContext, asPersonId: string | undefined, toDoWhat: string): Person {
  const author = ctx.author();
  const id = asPersonId ?? (author.startsWith('device:') ? undefined : author);
  if (id === undefined) throw invalidInput('asPersonId', `No person is chosen on this device: choose who you are before ${toDoWhat}.`);
  requireExisting(ctx, 'person', [id], 'asPersonId');
  return getPerson(ctx, id);
}
