import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Config } from '../config.js';
import { embeddedDirFor } from '../db/data-source.js';
import { lockDataDir } from '../db/lock.js';
import { UserInputError } from '../errors.js';
import { MATERIALS, readVerifiedManifest, sha256File, writeManifest, type BackupManifest } from './manifest.js';
import { absentMaterials, copyMaterialsIn, copyMaterialsOut } from './materials.js';
import { pgTool, restoreDump, runTool, toolConnection } from './pg-tools.js';
import { CREATE_APP_ROLE } from '../db/row-scope.js';

/** Both database kinds answer SQL with rows: pg's client and PGlite. */
interface Queryable {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

interface Facts {
  serverVersion: string;
  migrations: string[];
  counts: Record<string, number>;
  materialHashes: string[];
}

/** What a backup records and a restore checks again: schema version, rows per table, material files. */
async function readFacts(db: Queryable): Promise<Facts> {
  const tables = ((await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`)).rows as { tablename: string }[]).map((t) => t.tablename);
  if (!tables.includes('schema_migrations')) throw new UserInputError('the database has no schema yet (run `pnpm cli migrate` first): there is nothing to back up');
  const counts: Record<string, number> = {};
  const union = tables.map((t) => `SELECT '${t.replaceAll("'", "''")}' AS t, count(*)::int AS n FROM "${t.replaceAll('"', '""')}"`).join(' UNION ALL ');
  for (const row of (await db.query(union)).rows as { t: string; n: number }[]) counts[row.t] = row.n;
  const migrations = ((await db.query(`SELECT name FROM schema_migrations ORDER BY id`)).rows as { name: string }[]).map((m) => m.name);
  const materialHashes = tables.includes('materials')
    ? ((await db.query(`SELECT DISTINCT sha256 FROM materials ORDER BY sha256`)).rows as { sha256: string }[]).map((m) => m.sha256)
    : [];
  const [{ version }] = (await db.query(`SELECT current_setting('server_version') AS version`)).rows as [{ version: string }];
  return { serverVersion: version, migrations, counts, materialHashes };
}

function sameFacts(manifest: BackupManifest, facts: Facts): string[] {
  const problems: string[] = [];
  if (JSON.stringify(facts.migrations) !== JSON.stringify(manifest.migrations)) problems.push('the schema migrations differ from the backup');
  for (const table of new Set([...Object.keys(manifest.counts), ...Object.keys(facts.counts)])) {
    if (manifest.counts[table] !== facts.counts[table]) problems.push(`${table}: ${facts.counts[table] ?? 'no table'} rows, the backup has ${manifest.counts[table] ?? 'no table'}`);
  }
  return problems;
}

async function prepareFolder(folder: string): Promise<void> {
  if (existsSync(folder) && readdirSync(folder).length > 0) throw new UserInputError(`${folder} is not empty: back up into a new folder`);
  await mkdir(folder, { recursive: true, mode: 0o700 });
}

export interface BackupResult {
  folder: string;
  manifest: BackupManifest;
}

export interface RestoreResult {
  folder: string;
  manifest: BackupManifest;
  materialsRestored: number;
  /** Set when the material files were not put back, and why. */
  materialsNote: string | null;
}

const materialsDir = (config: Config) => path.resolve(config.DATA_DIR, 'materials');

async function finishBackup(config: Config, folder: string, kind: 'server' | 'embedded', file: string, facts: Facts): Promise<BackupResult> {
  const local = !config.MATERIALS_S3_BUCKET;
  const copied = local ? await copyMaterialsOut(materialsDir(config), path.join(folder, MATERIALS), facts.materialHashes) : { copied: [], bytes: 0, missing: [] };
  const dump = await sha256File(path.join(folder, file));
  const manifest: BackupManifest = {
    format: 'pss-backup',
    version: 1,
    createdAt: new Date().toISOString(),
    database: { kind, file, ...dump, serverVersion: facts.serverVersion },
    migrations: facts.migrations,
    counts: facts.counts,
    materials: { storage: local ? 'local' : 's3', sha256: copied.copied, bytes: copied.bytes, missing: copied.missing },
  };
  await writeManifest(folder, manifest);
  return { folder, manifest };
}

/**
 * Server: pg_dump (custom format) of a snapshot, with the row counts and material list read in that
 * very snapshot (pg_export_snapshot), so the manifest describes exactly what the dump holds while
 * the product keeps running. Material files are copied after the dump: the store only ever gains
 * files, so every file the dump refers to is there to copy.
 */
async function backupServer(config: Config, folder: string): Promise<BackupResult> {
  const url = config.DATABASE_URL!;
  const client = new pg.Client({ connectionString: url, application_name: 'pss-backup' });
  await client.connect();
  let facts: Facts;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const [{ snapshot }] = (await client.query(`SELECT pg_export_snapshot() AS snapshot`)).rows as [{ snapshot: string }];
    facts = await readFacts(client);
    const { dbname, env } = toolConnection(url, 'pss-backup');
    // The snapshot stays importable while this transaction is open, so pg_dump runs inside it.
    await runTool(pgTool('pg_dump'), ['--format=custom', `--snapshot=${snapshot}`, `--file=${path.join(folder, 'database.dump')}`, `--dbname=${dbname}`], env);
    await client.query('COMMIT');
  } finally {
    await client.end();
  }
  return finishBackup(config, folder, 'server', 'database.dump', facts);
}

/**
 * The embedded database belongs to one process at a time (the lock file of DATA_DIR/pgdata): a
 * running product makes this refuse. PGlite's own dumpDataDir writes its data folder as a tarball,
 * which PGlite loads back as a whole on restore.
 */
function lockEmbedded(config: Config): () => void {
  mkdirSync(config.DATA_DIR, { recursive: true });
  try {
    return lockDataDir(`${embeddedDirFor(config.DATA_DIR)}.lock`);
  } catch (error) {
    throw new UserInputError((error as Error).message);
  }
}

async function backupEmbedded(config: Config, folder: string): Promise<BackupResult> {
  const dataDir = embeddedDirFor(config.DATA_DIR);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) throw new UserInputError(`there is no embedded database in ${dataDir}`);
  const db = await PGlite.create({ dataDir });
  let facts: Facts;
  try {
    facts = await readFacts(db);
    const tarball = await db.dumpDataDir('gzip');
    await writeFile(path.join(folder, 'database.tar.gz'), Buffer.from(await tarball.arrayBuffer()));
  } finally {
    await db.close();
  }
  return finishBackup(config, folder, 'embedded', 'database.tar.gz', facts);
}

/** `pnpm cli backup <folder>`: the database and its material files, with a manifest to check them by. */
export async function backup(config: Config, folder: string): Promise<BackupResult> {
  const target = path.resolve(folder);
  const unlock = config.DATABASE_URL ? () => {} : lockEmbedded(config);
  try {
    await prepareFolder(target);
    try {
      return await (config.DATABASE_URL ? backupServer(config, target) : backupEmbedded(config, target));
    } catch (error) {
      // Half a backup must not pass for one: the folder was empty, so empty it again.
      for (const entry of readdirSync(target)) await rm(path.join(target, entry), { recursive: true, force: true });
      throw error;
    }
  } finally {
    unlock();
  }
}

async function userRelations(client: pg.Client): Promise<number> {
  const [{ n }] = (await client.query(
    `SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace ns ON ns.oid = c.relnamespace
     WHERE ns.nspname NOT IN ('pg_catalog', 'information_schema') AND ns.nspname NOT LIKE 'pg\\_toast%' AND ns.nspname NOT LIKE 'pg\\_temp%'`,
  )).rows as [{ n: number }];
  return n;
}

async function restoreServer(config: Config, folder: string, manifest: BackupManifest, force: boolean): Promise<void> {
  const url = config.DATABASE_URL!;
  const client = new pg.Client({ connectionString: url, application_name: 'pss-restore' });
  await client.connect();
  try {
    const [{ n: sessions }] = (await client.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND application_name = 'pss'`,
    )).rows as [{ n: number }];
    if (sessions > 0) throw new UserInputError(`the product is connected to this database (${sessions} session(s)): stop it before restoring`);
    const relations = await userRelations(client);
    if (relations > 0 && !force) throw new UserInputError(`the target database is not empty (${relations} tables, indexes or sequences): restore into an empty database, or pass --force to replace its contents`);
    // The dump grants to the product's role, which a fresh cluster does not have yet.
    const prelude = `${CREATE_APP_ROLE}\n${relations > 0 ? 'DROP SCHEMA public CASCADE;\nCREATE SCHEMA public;\n' : ''}`;
    await restoreDump(path.join(folder, manifest.database.file), url, prelude);
    const problems = sameFacts(manifest, await readFacts(client));
    if (problems.length > 0) throw new UserInputError(`the restored database does not match the backup: ${problems.join('; ')}`);
  } finally {
    await client.end();
  }
}

/**
 * Loads the tarball into a folder beside the database, checks it there, and only then swaps it in:
 * a failed restore leaves the existing embedded database as it was.
 */
async function restoreEmbedded(config: Config, folder: string, manifest: BackupManifest, force: boolean): Promise<void> {
  const dataDir = embeddedDirFor(config.DATA_DIR);
  const occupied = existsSync(dataDir) && readdirSync(dataDir).length > 0;
  if (occupied && !force) throw new UserInputError(`there is already an embedded database in ${dataDir}: pass --force to replace it`);
  const staging = `${dataDir}.restoring-${process.pid}`;
  await rm(staging, { recursive: true, force: true });
  const tarball = await readFile(path.join(folder, manifest.database.file));
  try {
    const db = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([tarball]) });
    try {
      const problems = sameFacts(manifest, await readFacts(db));
      if (problems.length > 0) throw new UserInputError(`the restored database does not match the backup: ${problems.join('; ')}`);
    } finally {
      await db.close();
    }
    const replaced = `${dataDir}.replaced-${process.pid}`;
    if (existsSync(dataDir)) await rename(dataDir, replaced);
    await rename(staging, dataDir);
    await rm(replaced, { recursive: true, force: true });
  } finally {
    await rm(staging, { recursive: true, force: true });
  }
}

/**
 * `pnpm cli restore <folder> [--force]`: checks the backup against its manifest, restores the
 * database into the configured one (empty, or replaced with --force), puts the material files back
 * and checks the result against the manifest's counts.
 */
export async function restore(config: Config, folder: string, options: { force?: boolean; knownMigrations: string[] }): Promise<RestoreResult> {
  const source = path.resolve(folder);
  const manifest = await readVerifiedManifest(source);
  const kind = config.DATABASE_URL ? 'server' : 'embedded';
  if (manifest.database.kind !== kind) {
    throw new UserInputError(
      manifest.database.kind === 'server'
        ? 'this backup is of a PostgreSQL server: set DATABASE_URL to the server to restore it into'
        : 'this backup is of the embedded database: unset DATABASE_URL to restore it into DATA_DIR',
    );
  }
  const unknown = manifest.migrations.filter((m) => !options.knownMigrations.includes(m));
  if (unknown.length > 0) throw new UserInputError(`this backup was made by a newer version of the product (migrations ${unknown.join(', ')}): restore it with that version`);
  const unlock = kind === 'server' ? () => {} : lockEmbedded(config);
  try {
    if (kind === 'server') await restoreServer(config, source, manifest, options.force ?? false);
    else await restoreEmbedded(config, source, manifest, options.force ?? false);
    let materialsRestored = 0;
    let materialsNote: string | null = null;
    if (manifest.materials.storage === 's3') materialsNote = 'the material files stayed in the S3 bucket when this backup was made; restore them from the bucket\'s own backup';
    else if (config.MATERIALS_S3_BUCKET) materialsNote = `this installation keeps materials in the S3 bucket ${config.MATERIALS_S3_BUCKET}: copy the files under ${path.join(source, MATERIALS)} into it`;
    else {
      materialsRestored = await copyMaterialsIn(path.join(source, MATERIALS), materialsDir(config), manifest.materials.sha256);
      const absent = absentMaterials(materialsDir(config), manifest.materials.sha256);
      if (absent.length > 0) throw new UserInputError(`material files missing after the restore: ${absent.join(', ')}`);
    }
    return { folder: source, manifest, materialsRestored, materialsNote };
  } finally {
    unlock();
  }
}
