import canonicalize from 'canonicalize';

/**
 * Signed and hashed bytes are built from one canonical JSON encoding, RFC 8785 (JSON Canonicalization Scheme, via
 * the `canonicalize` package), behind a domain prefix naming what the bytes are and their version, so a signature
 * over one kind of statement can never be replayed as another (docs/sync.md, "Signed records").
 */
export function canonicalJson(value: unknown): string {
  // Scalars encode the same in JSON.stringify and RFC 8785; only objects need their keys sorted.
  if (value === null || typeof value !== 'object') return value === undefined ? 'null' : JSON.stringify(value);
  return canonicalize(value) ?? 'null';
}

export function domainBytes(domain: string, value: unknown): Buffer {
  return Buffer.from(`release-desk/${domain}/v1\n${canonicalJson(value)}`, 'utf8');
}
