import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UserInputError } from '../errors.js';

export const MANIFEST = 'manifest.json';
/** sha256sum's format, so an operator can also check a copied backup with `sha256sum -c manifest.sha256`. */
export const MANIFEST_SUM = 'manifest.sha256';
export const MATERIALS = 'materials';

export interface BackupManifest {
  format: 'pss-backup';
  version: 1;
  createdAt: string;
  database: {
    /** A PostgreSQL server (pg_dump custom format) or the embedded database (PGlite's data folder as a tarball). */
    kind: 'server' | 'embedded';
    file: string;
    sha256: string;
    bytes: number;
    serverVersion: string;
  };
  /** The schema migrations applied, in order: a newer product migrates a restored backup forward. */
  migrations: string[];
  /** Rows of every table at the moment of the backup, checked again after a restore. */
  counts: Record<string, number>;
  materials: {
    /** `s3`: the files stay in the bucket (back it up with the store's own tools) and are not copied. */
    storage: 'local' | 's3';
    /** Every material file the database refers to, by its content hash (which is also its name). */
    sha256: string[];
    bytes: number;
    /** Files the database refers to that were absent or damaged in the store when the backup ran. */
    missing: string[];
  };
}

export async function sha256File(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export async function writeManifest(folder: string, manifest: BackupManifest): Promise<void> {
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  await writeFile(path.join(folder, MANIFEST), text);
  await writeFile(path.join(folder, MANIFEST_SUM), `${createHash('sha256').update(text).digest('hex')}  ${MANIFEST}\n`);
}

/** Where a content-addressed material lives under a materials folder (the layout of LocalBlobStorage). */
export function materialPath(dir: string, sha256: string): string {
  return path.join(dir, sha256.slice(0, 2), sha256);
}

/**
 * Reads a backup's manifest and proves the folder is the one that was written: the manifest
 * matches its checksum, the database file matches the manifest, and every material file matches
 * its hash. Anything else is refused before the database is touched.
 */
export async function readVerifiedManifest(folder: string): Promise<BackupManifest> {
  const manifestFile = path.join(folder, MANIFEST);
  if (!existsSync(manifestFile)) throw new UserInputError(`${folder} is not a backup: it has no ${MANIFEST}`);
  const text = await readFile(manifestFile);
  const expected = existsSync(path.join(folder, MANIFEST_SUM)) ? (await readFile(path.join(folder, MANIFEST_SUM), 'utf8')).trim().split(/\s+/)[0] : undefined;
  if (!expected) throw new UserInputError(`${folder} is not a complete backup: ${MANIFEST_SUM} is missing`);
  if (createHash('sha256').update(text).digest('hex') !== expected) {
    throw new UserInputError(`${MANIFEST} in ${folder} does not match its checksum in ${MANIFEST_SUM}: the backup was changed or damaged`);
  }
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(text.toString('utf8')) as BackupManifest;
  } catch {
    throw new UserInputError(`${MANIFEST} in ${folder} is not readable JSON`);
  }
  if (manifest.format !== 'pss-backup' || manifest.version !== 1) throw new UserInputError(`${folder} holds a backup format this version cannot read`);
  const databaseFile = path.join(folder, path.basename(manifest.database.file));
  if (!existsSync(databaseFile)) throw new UserInputError(`${folder} is not a complete backup: ${manifest.database.file} is missing`);
  const actual = await sha256File(databaseFile);
  if (actual.sha256 !== manifest.database.sha256 || actual.bytes !== manifest.database.bytes) {
    throw new UserInputError(`${manifest.database.file} in ${folder} does not match the checksum in its manifest: the backup is damaged`);
  }
  if (manifest.materials.storage === 'local') {
    for (const sha256 of manifest.materials.sha256) {
      if (!/^[0-9a-f]{64}$/.test(sha256)) throw new UserInputError(`${MANIFEST} in ${folder} lists a material that is not a sha256: ${sha256}`);
      const file = materialPath(path.join(folder, MATERIALS), sha256);
      if (!existsSync(file) || (await sha256File(file)).sha256 !== sha256) {
        throw new UserInputError(`material ${sha256} in ${folder} is missing or does not match its hash: the backup is damaged`);
      }
    }
  }
  return manifest;
}
