import { createCipheriv, createDecipheriv, createHmac, randomFillSync } from 'node:crypto';
import type { KeyRing } from './key-ring.js';

/**
 * Sealed values are text: `v1.<keyId>.<base64url(iv | tag | ciphertext)>`. Text rather than bytea so
 * the columns keep their type (nothing else in the schema changes), pg_dump shows what each value
 * is sealed with, and a rotation finds the values to redo with a plain `NOT LIKE 'v1.k2.%'`.
 * AES-256-GCM with a random 96-bit IV per value and a 128-bit tag; the associated data is the
 * value's place (`students.phone`), so a value copied into another column does not open there.
 */
const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** A value that cannot be opened: unknown key id, damaged or moved. The message names no value. */
export class SealedValueError extends Error {}

export function isSealed(value: string): boolean {
  return value.startsWith(`${VERSION}.`);
}

/** The key id a sealed value names; null for a value that is not sealed (stored before encryption). */
export function keyIdOf(value: string): string | null {
  if (!isSealed(value)) return null;
  const end = value.indexOf('.', VERSION.length + 1);
  return end < 0 ? null : value.slice(VERSION.length + 1, end);
}

/**
 * IVs are cut from a buffer filled by the CSPRNG 5,461 at a time, each used once: an import seals
 * three values a row, and a call to randomBytes per value cost more than the encryption itself.
 */
const IV_POOL = Buffer.alloc(IV_BYTES * 5461);
let ivOffset = IV_POOL.length;

function nextIv(): Buffer {
  if (ivOffset === IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  // A copy: the pool is refilled in place later.
  return Buffer.from(IV_POOL.subarray(ivOffset - IV_BYTES, ivOffset));
}

/** The associated data of each place, made once (a handful of places, millions of values). */
const PLACES = new Map<string, Buffer>();
const aad = (place: string) => PLACES.get(place) ?? PLACES.set(place, Buffer.from(place)).get(place)!;

export function seal(ring: KeyRing, plain: string, place: string): string {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', ring.keys.get(ring.currentKeyId)!, iv);
  cipher.setAAD(aad(place));
  const body = cipher.update(plain, 'utf8');
  // GCM is a stream mode: final() adds no bytes, it computes the tag.
  cipher.final();
  return `${VERSION}.${ring.currentKeyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

export function open(ring: KeyRing, sealed: string, place: string): string {
  const keyId = keyIdOf(sealed);
  if (keyId === null) throw new SealedValueError(`a value of ${place} is not sealed (expected v1.<key id>.<data>)`);
  const key = ring.keys.get(keyId);
  if (!key) throw new SealedValueError(`a value of ${place} is sealed with key "${keyId}", which is not in DATA_KEYS (it has ${[...ring.keys.keys()].join(', ')})`);
  const bytes = Buffer.from(sealed.slice(VERSION.length + keyId.length + 2), 'base64url');
  if (bytes.length < IV_BYTES + TAG_BYTES) throw new SealedValueError(`a value of ${place} is damaged (too short)`);
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(aad(place));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealedValueError(`a value of ${place} failed its integrity check: damaged, or sealed for another column`);
  }
}

/**
 * The blind index of a normalised value: HMAC-SHA256 under the index key, with the kind of value
 * in the message so equal texts of different kinds do not match. Cut to 128 bits (22 characters of
 * base64url): collisions stay out of reach (2^64 values for an even chance) and the key is about as
 * long as the 18-digit number it replaces, so detection's grouping reads no more than before.
 */
export function blindIndex(ring: KeyRing, kind: string, normalised: string): string {
  return createHmac('sha256', ring.blindIndexKey).update(`${kind}\u0000${normalised}`).digest().subarray(0, 16).toString('base64url');
}
