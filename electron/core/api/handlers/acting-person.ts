import { ApiFailure, invalidInput } from '../../../contract/api-result';
import type { Person } from '../../../contract/entities';
import { signsFor } from '../../keys/keys-view';
import type { HandlerContext } from '../handler-context';
import { getPerson } from './people-handlers';
import { requireExisting } from './references';

/**
 * Who acts: `asPersonId` when given (the CLI's --as), else the person chosen on this device. A device with no person
 * chosen cannot sign off, tick, decide, execute a step or close a review: those records must name a person.
 * `toDoWhat` finishes the sentence "choose who you are before …", e.g. "recording a decision".
 */
export function actingPerson(ctx: HandlerContext, asPersonId: string | undefined, toDoWhat: string): Person {
  const author = ctx.author();
  const id = asPersonId ?? (author.startsWith('device:') ? undefined : author);
  if (id === undefined) throw invalidInput('asPersonId', `No person is chosen on this device: choose who you are before ${toDoWhat}.`);
  requireExisting(ctx, 'person', [id], 'asPersonId');
  return getPerson(ctx, id);
}

/**
 * The acting person of a signed record (a sign-off, waiver, tick, decision, step execution): it is signed with this
 * device's key, which counts only once a workspace admin has enrolled it for that person (docs/sync.md, "Signed
 * records"). Without it the record would count nowhere, so it is refused here, with the way to get a key.
 */
export function signingPerson(ctx: HandlerContext, asPersonId: string | undefined, toDoWhat: string): Person {
  const person = actingPerson(ctx, asPersonId, toDoWhat);
  if (!signsFor(ctx.store, person.id)) throw new ApiFailure('forbidden', noKeyMessage(ctx, person));
  return person;
}

export function noKeyMessage(ctx: HandlerContext, person: Person): string {
  const trust = ctx.store.trustView();
  const name = JSON.stringify(person.name);
  const admin = trust.adminAt(ctx.store.deviceId, '9999', Number.MAX_SAFE_INTEGER);
  return admin
    ? `This device holds no enrolled key of ${person.name}, so it cannot sign for them. As a workspace admin, enrol it: Settings → Keys, or "release-desk keys enrol --as ADMIN --key ${ctx.store.deviceId} --person ${name}".`
    : `This device holds no enrolled key of ${person.name}, so it cannot sign for them. Ask for one: Settings → Keys, or "release-desk keys create --as ${name}"; then a workspace admin enrols it.`;
}
