import { blindIndex, blindKey64, open, seal } from './cipher.js';
import type { KeyRing } from './key-ring.js';

/**
 * The process's key ring, installed by the composition root when it opens the database. One per
 * process: the values are sealed where they are written (entity transformers, COPY lines, event
 * data), far from any request or service that could carry it, and every app a process opens reads
 * the same configuration.
 */
let installed: KeyRing | null = null;

export function useKeyRing(ring: KeyRing): void {
  installed = ring;
}

export function keyRing(): KeyRing {
  if (!installed) throw new Error('no data keys loaded: createApp installs them before the database is used');
  return installed;
}

/** Seals a value for its place (`students.phone`); null and empty stay as they are (nothing to hide). */
export function sealText(value: string | null | undefined, place: string): string | null {
  return value === null || value === undefined || value === '' ? (value ?? null) : seal(keyRing(), value, place);
}

export function openText(value: string | null | undefined, place: string): string | null {
  return value === null || value === undefined || value === '' ? (value ?? null) : open(keyRing(), value, place);
}

/** The blind index of a normalised value of a kind (`resident-id`). */
export function blindText(kind: string, normalised: string): string {
  return blindIndex(keyRing(), kind, normalised);
}

/** The 64-bit blind key of a normalised value of a kind (cipher.ts), as a bigint column's text. */
export function blindKey(kind: string, normalised: string): string {
  return blindKey64(keyRing(), kind, normalised);
}
