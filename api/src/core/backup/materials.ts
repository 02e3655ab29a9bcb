import { existsSync } from 'node:fs';
import { copyFile, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { materialPath, sha256File } from './manifest.js';

/**
 * Copies the material files a database refers to from the store into a backup folder. Each copy
 * is hashed: a file whose content no longer matches its name (a damaged disk) is reported as
 * missing rather than carried into the backup as if it were good.
 */
export async function copyMaterialsOut(storeDir: string, backupDir: string, hashes: string[]): Promise<{ copied: string[]; bytes: number; missing: string[] }> {
  const copied: string[] = [];
  const missing: string[] = [];
  let bytes = 0;
  for (const sha256 of hashes) {
    const source = materialPath(storeDir, sha256);
    const target = materialPath(backupDir, sha256);
    if (!existsSync(source)) {
      missing.push(sha256);
      continue;
    }
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    await copyFile(source, target);
    const check = await sha256File(target);
    if (check.sha256 !== sha256) {
      await rm(target, { force: true });
      missing.push(sha256);
      continue;
    }
    copied.push(sha256);
    bytes += check.bytes;
  }
  return { copied, bytes, missing };
}

/**
 * Puts a backup's material files back into the store. The store is content-addressed, so a file
 * already there under its hash is the same file and is kept; anything else arrives through a
 * temporary name and a rename, so the store never holds half a file under a real name.
 */
export async function copyMaterialsIn(backupDir: string, storeDir: string, hashes: string[]): Promise<number> {
  let restored = 0;
  for (const sha256 of hashes) {
    const target = materialPath(storeDir, sha256);
    if (existsSync(target) && (await sha256File(target)).sha256 === sha256) continue;
    await mkdir(path.dirname(target), { recursive: true, mode: 0o700 });
    const temp = `${target}.restoring-${process.pid}`;
    await copyFile(materialPath(backupDir, sha256), temp);
    await rename(temp, target);
    restored += 1;
  }
  return restored;
}

/** The hashes of a list that are not in the store (after a restore: must be none). */
export function absentMaterials(storeDir: string, hashes: string[]): string[] {
  return hashes.filter((sha256) => !existsSync(materialPath(storeDir, sha256)));
}
