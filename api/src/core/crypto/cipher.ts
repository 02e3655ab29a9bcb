import { createDecipheriv, hash } from 'node:crypto';
import { aad, blindWith, IV_BYTES, sealWith, TAG_BYTES, VERSION } from './aead.js';
import type { KeyRing } from './key-ring.js';

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

export function seal(ring: KeyRing, plain: string, place: string): string {
  return sealWith(ring.keys.get(ring.currentKeyId)!, ring.currentKeyId, plain, place);
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

/** The blind index of a normalised value (aead.js): equal values of a kind, equal indexes. */
export function blindIndex(ring: KeyRing, kind: string, normalised: string): string {
  return blindWith(ring.blindIndexKey, kind, normalised);
}

/** The index key as text, once per ring: the prefix of every 64-bit blind key. */
const keyPrefixes = new WeakMap<KeyRing, string>();

/**
 * A 64-bit blind key: SHA-256 of the index key followed by the kind and the value, cut to 8 bytes
 * and read as a signed integer (a bigint column's text). For keys that are only looked up, never
 * grouped on alone, where a rare collision costs one extra candidate (matching's blocking keys,
 * nine per record: an HMAC object per key cost eight times as much over a million records). With
 * the secret as a fixed-length prefix, length extension only yields hashes of longer messages,
 * which are never keys.
 */
export function blindKey64(ring: KeyRing, kind: string, normalised: string): string {
  let prefix = keyPrefixes.get(ring);
  if (prefix === undefined) {
    prefix = ring.blindIndexKey.toString('base64');
    keyPrefixes.set(ring, prefix);
  }
  const digest = hash('sha256', `${prefix}\u0000${kind}\u0000${normalised}`, 'hex');
  return BigInt.asIntN(64, BigInt(`0x${digest.slice(0, 16)}`)).toString();
}
