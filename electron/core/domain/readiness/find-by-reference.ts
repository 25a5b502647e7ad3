/**
 * How a person at a command line names records: a release by id or "NAME@VERSION", a person by id, email or exact
 * name (both matched without regard to case, as the workspace keeps them unique that way).
 */
export type Found<T> = { ok: true; value: T } | { ok: false; message: string };

export function findReleaseByRef<T extends { id: string; name: string; version: string }>(releases: readonly T[], ref: string): Found<T> {
  const byId = releases.find((r) => r.id === ref);
  if (byId) return { ok: true, value: byId };
  const at = ref.lastIndexOf('@');
  if (at > 0) {
    const name = ref.slice(0, at).trim().toLowerCase();
    const version = ref.slice(at + 1).trim().toLowerCase();
    const match = releases.find((r) => r.name.toLowerCase() === name && r.version.toLowerCase() === version);
    if (match) return { ok: true, value: match };
  }
  return { ok: false, message: `there is no release "${ref}" (give its id or NAME@VERSION, e.g. Payments@2.4.0)` };
}

export function findPersonByRef<T extends { id: string; name: string; email: string }>(people: readonly T[], ref: string): Found<T> {
  const byId = people.find((p) => p.id === ref);
  if (byId) return { ok: true, value: byId };
  const wanted = ref.trim().toLowerCase();
  const matches = people.filter((p) => (p.email !== '' && p.email.toLowerCase() === wanted) || p.name.toLowerCase() === wanted);
  if (matches.length === 1) return { ok: true, value: matches[0] };
  if (matches.length > 1) return { ok: false, message: `"${ref}" names ${matches.length} people (${matches.map((p) => p.name).join(', ')}); give the person's id` };
  return { ok: false, message: `there is no person "${ref}" (give their id, email or exact name)` };
}
