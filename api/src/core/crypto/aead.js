// Plain JavaScript (type-checked through JSDoc) so the sealing worker, a bare Node.js thread with
// no TypeScript loader, runs the same code as the main thread: one implementation of the format.
import { createCipheriv, createHmac, randomFillSync } from 'node:crypto';

/**
 * Sealed values are text: `v1.<keyId>.<base64url(iv | tag | ciphertext)>`. Text rather than bytea so
 * the columns keep their type (nothing else in the schema changes), pg_dump shows what each value
 * is sealed with, and a rotation finds the values to redo with a plain `NOT LIKE 'v1.k2.%'`.
 * AES-256-GCM with a random 96-bit IV per value and a 128-bit tag; the associated data is the
 * value's place (`students.phone`), so a value copied into another column does not open there.
 */
export const VERSION = 'v1';
export const IV_BYTES = 12;
export const TAG_BYTES = 16;

/**
 * IVs are cut from a buffer filled by the CSPRNG 5,461 at a time, each used once: an import seals
 * three values a row, and a call to randomBytes per value cost more than the encryption itself.
 * Each thread has its own pool, all filled by the CSPRNG.
 */
const IV_POOL = Buffer.alloc(IV_BYTES * 5461);
let ivOffset = IV_POOL.length;

function nextIv() {
  if (ivOffset === IV_POOL.length) {
    randomFillSync(IV_POOL);
    ivOffset = 0;
  }
  ivOffset += IV_BYTES;
  // A copy: the pool is refilled in place later.
  return Buffer.from(IV_POOL.subarray(ivOffset - IV_BYTES, ivOffset));
}

/** The associated data of each place, made once (a handful of places, millions of values). */
const PLACES = new Map();
/** @param {string} place @returns {Buffer} */
export function aad(place) {
  let bytes = PLACES.get(place);
  if (!bytes) PLACES.set(place, (bytes = Buffer.from(place)));
  return bytes;
}

/**
 * @param {Buffer} key the 32-byte key
 * @param {string} keyId its id, written into the value
 * @param {string} plain
 * @param {string} place the column the value is for (associated data)
 * @returns {string}
 */
export function sealWith(key, keyId, plain, place) {
  const iv = nextIv();
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad(place));
  const body = cipher.update(plain, 'utf8');
  // GCM is a stream mode: final() adds no bytes, it computes the tag.
  cipher.final();
  return `${VERSION}.${keyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
}

/**
 * The blind index of a normalised value: HMAC-SHA256 under the index key, with the kind of value
 * in the message so equal texts of different kinds do not match. Cut to 128 bits (22 characters of
 * base64url): collisions stay out of reach (2^64 values for an even chance) and the key is about as
 * long as the 18-digit number it replaces, so detection's grouping reads no more than before.
 * @param {Buffer} key @param {string} kind @param {string} normalised @returns {string}
 */
export function blindWith(key, kind, normalised) {
  return createHmac('sha256', key).update(`${kind}\u0000${normalised}`).digest().subarray(0, 16).toString('base64url');
}
