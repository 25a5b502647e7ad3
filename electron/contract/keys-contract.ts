import { z } from 'zod';
import { Id } from './entities';
import { Empty, method } from './define-method';

/**
 * Device keys (docs/sync.md, "Signed records"). Each device has one Ed25519 key; a workspace admin enrols it for the
 * people who act through that device. Sign-offs, waivers, ticks, decisions, step executions and conflict answers are
 * signed with it; records signed by no enrolled key of their person count nowhere.
 */
export const KEY_STATUSES = ['root', 'enrolled', 'requested', 'revoked'] as const;
export const KeyStatus = z.enum(KEY_STATUSES);

export const DeviceKeyView = z.object({
  /** The device the key belongs to (derived from the key). */
  deviceId: z.string(),
  /** For people to compare out of band: 8 groups of 4 hex digits of the key's SHA-256. */
  fingerprint: z.string(),
  label: z.string(),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  status: KeyStatus,
  /** Who enrolled, requested or revoked it, and when. */
  byName: z.string().nullable(),
  at: z.string(),
  reason: z.string(),
  thisDevice: z.boolean(),
});
export type DeviceKeyView = z.infer<typeof DeviceKeyView>;

export const KeysOverview = z.object({
  /** The workspace's root key: compare its fingerprint with your team out of band. Null until the first write. */
  root: z.object({ deviceId: z.string(), fingerprint: z.string(), label: z.string(), at: z.string() }).nullable(),
  /** Set when this workspace's root is not the one this device first pinned: someone rewrote the workspace. */
  rootChanged: z.object({ pinned: z.string(), found: z.string().nullable() }).nullable(),
  thisDevice: z.object({
    deviceId: z.string(),
    fingerprint: z.string(),
    /** People this device's key may sign for, now. */
    signsFor: z.array(z.object({ personId: z.string(), name: z.string() })),
    /** Whether this device may enrol keys (the root, or enrolled for a workspace admin). */
    isAdmin: z.boolean(),
    /** Where the private key is kept, in words. */
    protection: z.string(),
  }),
  keys: z.array(DeviceKeyView),
});
export type KeysOverview = z.infer<typeof KeysOverview>;

const Reason = z.string().trim().max(2000, 'Reason must be at most 2000 characters');

export const keysMethods = {
  'keys.list': method(Empty, KeysOverview, "The workspace's root, this device's key and every key request, enrolment and revocation."),
  'keys.request': method(
    z.object({ personId: Id, asPersonId: Id.optional() }).strict(),
    KeysOverview,
    "Ask a workspace admin to enrol this device's key for a person (a signed request that syncs).",
  ),
  'keys.enrol': method(
    z.object({ deviceId: z.string().min(1).max(64), personId: Id, asPersonId: Id.optional() }).strict(),
    KeysOverview,
    'Enrol a requested key for its person (admins only; this device itself needs no request).',
  ),
  'keys.revoke': method(
    z.object({ deviceId: z.string().min(1).max(64), personId: Id.nullable().default(null), reason: Reason.min(1, 'Reason is required: say why the key is revoked.'), asPersonId: Id.optional() }).strict(),
    KeysOverview,
    'Revoke a key (for one person, or for everyone): records it signed before stay valid, later ones do not.',
  ),
} as const;
