import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, migrate, MIGRATIONS, type App } from '../src/app.js';
import { asOwner, SYSTEM } from '../src/core/db/row-scope.js';
import { restore } from '../src/core/backup/backup.js';
import { pgTool } from '../src/core/backup/pg-tools.js';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { sha256File, type BackupManifest } from '../src/core/backup/manifest.js';
import { parseConfig } from '../src/core/config.js';
import { seedActivity, tableDigests } from './support/activity.js';
import { runCli } from './support/cli-process.js';
import { makeSchool, makeStudents } from './support/factories.js';
import { openStudentRow } from './support/sealed.js';
import { validId } from './support/templates.js';
import { createTestApp, serverUrl, TEST_SECRETS, type TestApp } from './support/test-app.js';

const materialFiles = async (app: App, dataDir: string) => {
  const hashes = ((await app.db.dataSource.query(`SELECT DISTINCT sha256 FROM materials ORDER BY sha256`)) as { sha256: string }[]).map((r) => r.sha256);
  return Object.fromEntries(hashes.map((h) => [h, readFileSync(path.join(dataDir, 'materials', h.slice(0, 2), h)).toString('base64')]));
};
const readManifest = (folder: string) => JSON.parse(readFileSync(path.join(folder, 'manifest.json'), 'utf8')) as BackupManifest;
/** Every ID number and phone of the database's pupils, in the clear (what a backup must not hold). */
async function personalValues(app: App): Promise<string[]> {
  const rows = (await app.db.dataSource.query(`SELECT id_number AS "idNumber", phone FROM students`)) as { idNumber: string | null; phone: string | null }[];
  return rows.map(openStudentRow).flatMap((r) => [r.idNumber, r.phone]).filter((v): v is string => v !== null);
}

/** A pupil with a phone and an address: the activity's pupils have neither. */
async function pupilWithPhone(app: App): Promise<void> {
  const school = await makeSchool(app, '330106');
  const pupil = { schoolId: school.id, name: '陈静', gender: Gender.F, birthDate: '2014-04-04', idType: IdType.RESIDENT_ID, idNumber: validId('330106', '2014-04-04', 'F', 7) };
  await app.db.dataSource.transaction((m) => app.services.students.insertMany(m, [{ ...pupil, phone: '13612345678', householdRegion: '浙江省杭州市西湖区' }]));
}

const digestsOf = (app: App) => tableDigests((sql) => asOwner(() => app.db.dataSource.query(sql)));

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

function urlFor(database: string): string {
  const url = new URL(serverUrl!);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * `pnpm cli backup` / `restore` against a PostgreSQL server: a round trip of a database with a
 * history (imports, problems, actions, materials and their files, events) into a fresh database
 * and data folder gives identical tables and identical files; damaged backups and occupied
 * targets are refused with the reason and change nothing.
 */
describe.runIf(serverUrl)('backup and restore on a PostgreSQL server', () => {
  let source: TestApp;
  const work = mkdtempSync(path.join(tmpdir(), 'pss-backup-'));
  const folder = path.join(work, 'backup');
  const target = `pss_restore_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const targetDir = path.join(work, 'restored-data');
  let sourceDigests: Awaited<ReturnType<typeof digestsOf>>;

  beforeAll(async () => {
    source = await createTestApp();
    await seedActivity(source);
    await pupilWithPhone(source);
    sourceDigests = await digestsOf(source);
    await admin(`CREATE DATABASE ${target}`);
  });
  afterAll(async () => {
    await source?.dispose();
    await admin(`DROP DATABASE IF EXISTS ${target} WITH (FORCE)`);
    rmSync(work, { recursive: true, force: true });
  });

  it('backs up a live database and restores it into an empty one: same tables, same material files', async () => {
    const backedUp = await runCli(['backup', folder], { DATABASE_URL: source.config.DATABASE_URL, DATA_DIR: source.config.DATA_DIR });
    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(0);
    expect(backedUp.stdout).toMatch(/backed up to .*: 36 students, \d+ problems, \d+ events, 4 materials; 3 material files/);

    const manifest = readManifest(folder);
    expect(manifest.database).toMatchObject({ kind: 'server', file: 'database.dump', ...(await sha256File(path.join(folder, 'database.dump'))) });
    expect(manifest.migrations).toEqual(((await source.db.dataSource.query(`SELECT name FROM schema_migrations ORDER BY id`)) as { name: string }[]).map((m) => m.name));
    expect(manifest.counts).toEqual(Object.fromEntries(Object.entries(sourceDigests).map(([table, d]) => [table, d.rows])));
    expect(manifest.materials).toMatchObject({ storage: 'local', missing: [] });
    expect(manifest.materials.sha256).toHaveLength(3);
    // pg_dump's custom format, not a plain SQL file.
    expect(readFileSync(path.join(folder, 'database.dump')).subarray(0, 5).toString()).toBe('PGDMP');
    // Ciphertext only (the dump is compressed: read as the SQL it restores), and no key file beside it.
    const sql = spawnSync(pgTool('pg_restore'), ['--file=-', path.join(folder, 'database.dump')], { encoding: 'utf8', maxBuffer: 1 << 28 }).stdout;
    expect(sql).toContain('COPY public.students');
    const clear = await personalValues(source);
    expect(clear.length).toBeGreaterThan(30);
    expect(clear.filter((value) => sql.includes(value))).toEqual([]);
    expect(readdirSync(folder, { recursive: true }).filter((f) => String(f).includes('data-keys'))).toEqual([]);

    const restored = await runCli(['restore', folder], { DATABASE_URL: urlFor(target), DATA_DIR: targetDir });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(restored.stdout).toContain('3 material files put back');

    const app = await createApp(parseConfig({ DATABASE_URL: urlFor(target), DATA_DIR: targetDir, ...TEST_SECRETS, LOG_LEVEL: 'silent' }), { unscoped: SYSTEM });
    try {
      expect(await digestsOf(app)).toEqual(sourceDigests);
      expect(await materialFiles(app, targetDir)).toEqual(await materialFiles(source, source.config.DATA_DIR));
      // The product carries on where the backup left off: nothing to migrate, identities continue.
      expect(await migrate(app)).toEqual([]);
      expect(await app.services.problems.exportAll(true)).toEqual(await source.services.problems.exportAll(true));
      await makeStudents(app, await makeSchool(app, '330106'), 3);
    } finally {
      await app.close();
    }
  });

  /** The target's contents, read straight from the server (no app holds it open during a restore). */
  const targetDigests = () =>
    tableDigests(async (sql) => {
      const client = new pg.Client({ connectionString: urlFor(target) });
      await client.connect();
      try {
        return (await client.query(sql)).rows;
      } finally {
        await client.end();
      }
    });

  it('refuses a backup whose manifest, dump or material files do not match, and leaves the target alone', async () => {
    const before = await targetDigests();
    const damaged = (name: string, damage: (copy: string) => void) => {
      const copy = path.join(work, name);
      cpSync(folder, copy, { recursive: true });
      damage(copy);
      return copy;
    };
    const cases: [string, RegExp][] = [
      [damaged('dump-flipped', (c) => {
        const dump = readFileSync(path.join(c, 'database.dump'));
        const middle = dump.length >> 1;
        dump.writeUInt8(dump.readUInt8(middle) ^ 0xff, middle);
        writeFileSync(path.join(c, 'database.dump'), dump);
      }), /database\.dump .* does not match the checksum in its manifest/],
      [damaged('manifest-edited', (c) => {
        const manifest = readManifest(c);
        manifest.counts.students = 1;
        writeFileSync(path.join(c, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      }), /manifest\.json .* does not match its checksum in manifest\.sha256/],
      [damaged('material-lost', (c) => {
        const sha = readManifest(c).materials.sha256[0]!;
        rmSync(path.join(c, 'materials', sha.slice(0, 2), sha));
      }), /material [0-9a-f]{64} .* is missing or does not match its hash/],
      [damaged('no-sum', (c) => rmSync(path.join(c, 'manifest.sha256'))), /manifest\.sha256 is missing/],
    ];
    // The first through the CLI (exit code and stderr), the rest straight through the same function.
    const [first, ...rest] = cases;
    const refused = await runCli(['restore', first![0], '--force'], { DATABASE_URL: urlFor(target), DATA_DIR: targetDir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(first![1]);
    const config = parseConfig({ DATABASE_URL: urlFor(target), DATA_DIR: targetDir, ...TEST_SECRETS });
    for (const [copy, reason] of rest) {
      await expect(restore(config, copy, { force: true, knownMigrations: MIGRATIONS.map((m) => m.name) })).rejects.toThrow(reason);
    }
    // The target is occupied now: without --force it is refused too.
    const occupied = await runCli(['restore', folder], { DATABASE_URL: urlFor(target), DATA_DIR: targetDir });
    expect(occupied.code).toBe(1);
    expect(occupied.stderr).toMatch(/the target database is not empty .* pass --force/);
    const after = await targetDigests();
    expect(after).toEqual(before);
    // And a backup never overwrites one already in its folder.
    const again = await runCli(['backup', folder], { DATABASE_URL: source.config.DATABASE_URL, DATA_DIR: source.config.DATA_DIR });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is not empty: back up into a new folder');
  });

  it('with --force replaces a database that moved on since, once the product has let go of it', async () => {
    const app = await createApp(parseConfig({ DATABASE_URL: urlFor(target), DATA_DIR: targetDir, ...TEST_SECRETS, LOG_LEVEL: 'silent' }), { unscoped: SYSTEM });
    try {
      await makeStudents(app, await makeSchool(app, '330102'), 5);
      // The product is still connected: a restore under its feet is refused.
      const busy = await runCli(['restore', folder, '--force'], { DATABASE_URL: urlFor(target), DATA_DIR: targetDir });
      expect(busy.code).toBe(1);
      expect(busy.stderr).toContain('the product is connected to this database');
    } finally {
      await app.close();
    }
    const forced = await runCli(['restore', folder, '--force'], { DATABASE_URL: urlFor(target), DATA_DIR: targetDir });
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    const restored = await createApp(parseConfig({ DATABASE_URL: urlFor(target), DATA_DIR: targetDir, ...TEST_SECRETS, LOG_LEVEL: 'silent' }), { unscoped: SYSTEM });
    try {
      expect(await digestsOf(restored)).toEqual(sourceDigests);
    } finally {
      await restored.close();
    }
  });
});

/**
 * The embedded database (no DATABASE_URL) is one process's folder: a backup is refused while the
 * product holds its lock, and taken with PGlite's own dump of its data folder once it is stopped.
 */
describe('backup and restore of the embedded database', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'pss-backup-embedded-'));
  const sourceDir = path.join(work, 'data');
  const targetDir = path.join(work, 'restored');
  const folder = path.join(work, 'backup');
  const embedded = (dataDir: string) => createApp(parseConfig({ DATA_DIR: dataDir, ...TEST_SECRETS, LOG_LEVEL: 'silent' }), { unscoped: SYSTEM });
  let sourceDigests: Awaited<ReturnType<typeof digestsOf>>;
  let sourceFiles: Record<string, string>;
  let sourceProblems: unknown;
  let sourceValues: string[];

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  beforeAll(async () => {
    const app = await embedded(sourceDir);
    try {
      await migrate(app);
      await seedActivity(app);
      await pupilWithPhone(app);
      sourceValues = await personalValues(app);
      sourceDigests = await digestsOf(app);
      sourceFiles = await materialFiles(app, sourceDir);
      sourceProblems = await app.services.problems.exportAll(true);
      // This process holds the database, as a running `pnpm start` would: the backup must refuse.
      const refused = await runCli(['backup', folder], { DATA_DIR: sourceDir });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/is in use by process \d+/);
      expect(existsSync(path.join(folder, 'manifest.json'))).toBe(false);
    } finally {
      await app.close();
    }
  });

  it('backs up the stopped database and restores it into a new data folder, refusing to overwrite without --force', async () => {
    const backedUp = await runCli(['backup', folder, '--json'], { DATA_DIR: sourceDir });
    expect(backedUp.stderr).toBe('');
    expect(backedUp.code).toBe(0);
    const manifest = JSON.parse(backedUp.stdout) as BackupManifest;
    expect(manifest.database).toMatchObject({ kind: 'embedded', file: 'database.tar.gz', ...(await sha256File(path.join(folder, 'database.tar.gz'))) });
    // The database's files hold ciphertext only (short text is stored uncompressed in its pages), and the keys stay behind.
    const files = gunzipSync(readFileSync(path.join(folder, 'database.tar.gz'))).toString('latin1');
    expect(sourceValues).toContain('13612345678');
    expect(sourceValues.filter((value) => files.includes(value))).toEqual([]);
    expect(readdirSync(folder, { recursive: true }).filter((f) => String(f).includes('data-keys'))).toEqual([]);
    expect(manifest.counts).toEqual(Object.fromEntries(Object.entries(sourceDigests).map(([table, d]) => [table, d.rows])));

    // A server's restore cannot take an embedded backup, and says how to restore it instead.
    if (serverUrl) {
      const wrongKind = await runCli(['restore', folder], { DATABASE_URL: serverUrl, DATA_DIR: targetDir });
      expect(wrongKind.code).toBe(1);
      expect(wrongKind.stderr).toContain('unset DATABASE_URL');
    }

    const restored = await runCli(['restore', folder], { DATA_DIR: targetDir });
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    const check = async () => {
      const app = await embedded(targetDir);
      try {
        expect(await digestsOf(app)).toEqual(sourceDigests);
        expect(await materialFiles(app, targetDir)).toEqual(sourceFiles);
        expect(await app.services.problems.exportAll(true)).toEqual(sourceProblems);
        await makeStudents(app, await makeSchool(app, '330106'), 2);
      } finally {
        await app.close();
      }
    };
    await check();

    const occupied = await runCli(['restore', folder], { DATA_DIR: targetDir });
    expect(occupied.code).toBe(1);
    expect(occupied.stderr).toContain('there is already an embedded database');
    const forced = await runCli(['restore', folder, '--force'], { DATA_DIR: targetDir });
    expect(forced.code).toBe(0);
    // The students added after the first restore are gone again: the folder is the backup's.
    await check();
  });
});
