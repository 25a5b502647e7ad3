/**
 * JSON from outside the process, parsed only when its nesting is bounded. JSON.parse itself takes any depth, but
 * what comes after it (schema validation, JSON.stringify into the change log, error messages) recurses and overflows
 * the stack on a 100,000-deep document: that must be a refusal in words, not a crash. Nothing Release Desk reads or
 * writes nests deeper than a handful of levels. Hand-written because JSON.parse has no depth option and the check
 * is one pass over the text, before any object is built.
 */
export const MAX_JSON_DEPTH = 64;

export class JsonTooDeepError extends Error {
  constructor(readonly maxDepth: number) {
    super(`The JSON nests deeper than ${maxDepth} levels; nothing Release Desk writes does, so it was not read.`);
    this.name = 'JsonTooDeepError';
  }
}

/** JSON.parse (which throws SyntaxError on bad JSON), or JsonTooDeepError when arrays/objects nest beyond `maxDepth`. */
export function parseBoundedJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > maxDepth) throw new JsonTooDeepError(maxDepth);
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return JSON.parse(text);
}
