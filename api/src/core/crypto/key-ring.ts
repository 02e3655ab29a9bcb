import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The keys personal data is sealed with (AES-256-GCM, one or more, each with an id stored beside
 * every value it sealed) and the key of the blind indexes (HMAC-SHA256). Parsed once from the
 * configuration; never stored in the database.
 */
export interface KeyRing {
  /** The id new values are sealed with. */
  currentKeyId: string;
  /** Every key that may still open stored values, by id: the current one and those being rotated out. */
  keys: ReadonlyMap<string, Buffer>;
  blindIndexKey: Buffer;
}

export const KEY_ID_PATTERN = /^[A-Za-z0-9_-]{1,16}$/;

/** A base64 (or base64url) text that decodes to exactly 32 bytes, else null. */
export function key32(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text.trim())) return null;
  const bytes = Buffer.from(text.trim(), text.includes('-') || text.includes('_') ? 'base64url' : 'base64');
  return bytes.length === 32 ? bytes : null;
}

/**
 * `DATA_KEYS` (`id:base64,id:base64`) as id → key; the reasons it cannot be used otherwise, each
 * naming the variable (the configuration schema reports them).
 */
export function parseDataKeys(text: string): { keys: Map<string, Buffer>; errors: string[] } {
  const keys = new Map<string, Buffer>();
  const errors: string[] = [];
  for (const entry of text.split(',').map((e) => e.trim()).filter(Boolean)) {
    const colon = entry.indexOf(':');
    const id = colon < 0 ? '' : entry.slice(0, colon);
    const key = colon < 0 ? null : key32(entry.slice(colon + 1));
    if (!KEY_ID_PATTERN.test(id)) errors.push(`each entry must be id:key with an id of 1–16 letters, digits, _ or - (got "${entry.slice(0, 20)}…")`);
    else if (!key) errors.push(`the key of "${id}" must be 32 bytes in base64 (openssl rand -base64 32)`);
    else if (keys.has(id)) errors.push(`the key id "${id}" is listed twice`);
    else keys.set(id, key);
  }
  if (keys.size === 0 && errors.length === 0) errors.push('lists no key');
  return { keys, errors };
}

export interface KeySettings {
  DATA_KEYS?: string;
  DATA_KEY_ID?: string;
  BLIND_INDEX_KEY?: string;
}

/**
 * The key ring of the configuration; when none is configured (the embedded demo), one generated on
 * first start and kept in DATA_DIR/data-keys (mode 0600) like the JWT secret, so the data stays
 * readable across restarts. The configuration schema has already checked the variables.
 */
export function resolveKeyRing(settings: KeySettings, dataDir: string): KeyRing {
  if (settings.DATA_KEYS && settings.BLIND_INDEX_KEY) return keyRingOf({ ...settings, DATA_KEYS: settings.DATA_KEYS, BLIND_INDEX_KEY: settings.BLIND_INDEX_KEY });
  const file = path.resolve(dataDir, 'data-keys');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    const generated = {
      DATA_KEYS: `k1:${randomBytes(32).toString('base64')}`,
      DATA_KEY_ID: 'k1',
      BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
    };
    writeFileSync(file, `${JSON.stringify(generated, null, 2)}\n`, { mode: 0o600, flag: 'wx' });
  }
  return keyRingOf(JSON.parse(readFileSync(file, 'utf8')) as Required<KeySettings>);
}

function keyRingOf(settings: KeySettings & { DATA_KEYS: string; BLIND_INDEX_KEY: string }): KeyRing {
  const { keys, errors } = parseDataKeys(settings.DATA_KEYS);
  const blindIndexKey = key32(settings.BLIND_INDEX_KEY);
  if (errors.length > 0 || !blindIndexKey) throw new Error(`unusable data keys: ${[...errors, ...(blindIndexKey ? [] : ['BLIND_INDEX_KEY'])].join('; ')}`);
  // With a single key DATA_KEY_ID may be left out; with several, which one seals is never guessed.
  const currentKeyId = settings.DATA_KEY_ID ?? (keys.size === 1 ? [...keys.keys()][0]! : '');
  if (!keys.has(currentKeyId)) throw new Error(`DATA_KEY_ID must name one of the keys in DATA_KEYS (${[...keys.keys()].join(', ')})`);
  return { currentKeyId, keys, blindIndexKey };
}
