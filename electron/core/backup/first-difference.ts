import { isDeepStrictEqual } from 'node:util';
import { jsonPath } from './backup-format';

/**
 * Where two JSON values first differ, as `path: expected …, found …`, or null when equal. A restore that does not
 * reproduce the backup must say where, or nobody can tell a damaged file from a bug.
 */
export function firstDifference(expected: unknown, actual: unknown, path: PropertyKey[] = []): string | null {
  if (isDeepStrictEqual(expected, actual)) return null;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) return `${jsonPath(path)}: ${expected.length} entries expected, ${actual.length} found`;
    for (let i = 0; i < expected.length; i++) {
      const found = firstDifference(expected[i], actual[i], [...path, i]);
      if (found) return found;
    }
  }
  if (isPlainObject(expected) && isPlainObject(actual)) {
    for (const key of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const found = firstDifference(expected[key], actual[key], [...path, key]);
      if (found) return found;
    }
  }
  return `${jsonPath(path)}: ${JSON.stringify(expected)} expected, ${JSON.stringify(actual)} found`;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
