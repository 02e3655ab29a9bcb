import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, TEST_SECRETS, type TestApp } from './support/test-app.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs `pnpm cli` the way an operator does (tsx on the CLI entry) against the test's database. */
describe('pnpm cli', () => {
  let app: TestApp;
  const dir = mkdtempSync(path.join(tmpdir(), 'pss-cli-'));
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    app = await createTestApp();
    // An embedded test database lives in this process's memory; the CLI then gets one of its own on disk.
    env = { ...process.env, ...TEST_SECRETS, DATA_DIR: path.join(dir, 'data'), DATABASE_URL: app.config.DATABASE_URL ?? '' };
  });
  afterAll(async () => {
    await app?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (...args: string[]) => {
    const result = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['--tsconfig', 'api/tsconfig.json', 'api/src/cli.ts', ...args], {
      cwd: root,
      env,
      encoding: 'utf8',
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  it('prints help and fails on unknown commands', () => {
    const help = cli('--help');
    expect(help.code).toBe(0);
    for (const command of ['migrate', 'seed --demo', 'schools:import', 'users:create']) expect(help.stdout).toContain(command);
    const unknown = cli('frobnicate');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
  });

  it('imports schools from a GBK CSV with Chinese headers, and rejects a bad file whole with located errors', () => {
    const gbk = path.join(dir, 'schools-gbk.csv');
    // What Excel on a Chinese Windows saves as "CSV": GBK bytes, CRLF line ends.
    writeFileSync(gbk, iconv.encode('学校标识码,学校名称,行政区划代码\r\n1330102901,测试一小,330102\r\n1330106902,测试二中,330106\r\n', 'gbk'));
    const ok = cli('schools:import', gbk, '--json');
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, created: 2, updated: 0 });

    const bad = path.join(dir, 'schools-bad.csv');
    writeFileSync(bad, 'code,name,region_code\n1330102903,好学校,330102\n12345,,999999\n');
    const refused = cli('schools:import', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}:3 column code value "12345": school code must be exactly 10 digits`);
    expect(refused.stderr).toContain(`${bad}:3 column name: school name is required`);
    expect(refused.stderr).toContain(`${bad}:3 column region_code value "999999": no region has this code`);
    // Nothing of the bad file landed, not even its good row.
    expect(cli('schools:import', bad).stderr).toContain('nothing imported');
  });

  it('creates users with a scope and explains what is missing', () => {
    const created = cli('users:create', '--username', 'reg.cli', '--password', 'secret-123', '--role', 'SCHOOL_REGISTRAR', '--school', '1330102901', '--json');
    expect(created.stderr).toBe('');
    expect(JSON.parse(created.stdout)).toMatchObject({ username: 'reg.cli', role: 'SCHOOL_REGISTRAR' });

    const cases: [string[], string][] = [
      [['--username', 'x1x', '--role', 'SYSTEM_ADMIN'], '--password is required'],
      [['--username', 'city', '--password', 'secret-123', '--role', 'CITY_ADMIN', '--region', '330106'], 'is a district'],
      [['--username', 'reg.cli', '--password', 'secret-123', '--role', 'SYSTEM_ADMIN'], 'is taken'],
      [['--username', 'reg2', '--password', 'secret-123', '--role', 'SCHOOL_REGISTRAR', '--school', '9999999999'], 'no school has code 9999999999'],
      [['--username', 'weak', '--password', 'short', '--role', 'SYSTEM_ADMIN'], '8 to 128 characters'],
    ];
    for (const [args, message] of cases) {
      const result = cli('users:create', ...args);
      expect(result.code, args.join(' ')).toBe(1);
      expect(result.stderr).toContain(message);
    }
  });

  it('disables, enables and resets the password of a user, ending its sessions', () => {
    cli('users:create', '--username', 'reg.leaving', '--password', 'secret-123', '--role', 'SCHOOL_REGISTRAR', '--school', '1330102901');
    const disabled = cli('users:disable', '--username', 'reg.leaving', '--json');
    expect({ code: disabled.code, out: JSON.parse(disabled.stdout) }).toEqual({ code: 0, out: { sessionsEnded: 0 } });
    expect(cli('users:enable', '--username', 'reg.leaving').stdout).toContain('enabled reg.leaving');
    expect(cli('users:password', '--username', 'reg.leaving', '--password', 'another-secret').stdout).toContain('0 sessions ended');
    const unknown = cli('users:disable', '--username', 'nobody.here');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no user is called nobody.here');
  });

  it('imports pupils, re-encrypts them under a new key with keys:rotate, and still reads them with the new key alone', () => {
    const file = path.join(dir, 'pupils.csv');
    expect(cli('generate', '--students', '300', '--out', file, '--region', '330102', '--planted', '0.1').code).toBe(0);
    // A dry run first: per row, what the import would open; nothing written, so the import that follows is no duplicate.
    const dry = cli('students:import', '--school', '1330102901', file, '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^dry run, nothing written: 300 of 300 rows would be imported; \d+ rows would be in problems/);
    expect(dry.stdout).toMatch(/\n {2}row \d+: DUPLICATE_ID within the school \(new problem\)/);
    const imported = cli('students:import', '--school', '1330102901', file, '--json');
    expect(imported.stderr).toBe('');
    expect(JSON.parse(imported.stdout)).toMatchObject({ ok: true, rowsImported: 300 });
    const before = JSON.parse(cli('problems', '--json', '--all').stdout) as { members: { idNumber: string }[] }[];
    expect(before.some((p) => p.members.some((m) => /^\d{17}[\dX]$/.test(m.idNumber)))).toBe(true);

    const newKey = `k2:${Buffer.alloc(32, 13).toString('base64')}`;
    const rotating = { ...env, DATA_KEYS: `${TEST_SECRETS.DATA_KEYS},${newKey}`, DATA_KEY_ID: 'k2' };
    const rotated = spawnSync(path.join(root, 'node_modules/.bin/tsx'), ['--tsconfig', 'api/tsconfig.json', 'api/src/cli.ts', 'keys:rotate'], { cwd: root, env: rotating, encoding: 'utf8' });
    expect(rotated.stderr).toBe('');
    expect(rotated.stdout).toMatch(/^sealed with key k2 in [\d.]+ s: students.id_number 300, students.phone 300, students.household_region 300 re-encrypted; 0 history entries/);

    env = { ...env, DATA_KEYS: newKey, DATA_KEY_ID: 'k2' };
    expect(JSON.parse(cli('problems', '--json', '--all').stdout)).toEqual(before);
    // A second run has nothing left to do.
    expect(cli('keys:rotate').stdout).toContain('students.id_number 0, students.phone 0, students.household_region 0');
    const grades = cli('graduation:grades', '--kind', 'PRIMARY', '--grades', '六年级, 毕业班');
    expect(grades.code).toBe(0);
    expect(grades.stdout).toContain('PRIMARY      六年级, 毕业班');
    expect(cli('graduation:grades', '--kind', 'KINDERGARTEN').stderr).toContain('--kind must be one of PRIMARY');
    // Ten runs of the CLI, each opening the embedded database.
  }, 300_000);
});
