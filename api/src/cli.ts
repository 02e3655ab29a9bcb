import 'reflect-metadata';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { createApp, migrate, migrateSchema, MIGRATIONS, type App } from './app.js';
import { backup, restore } from './core/backup/backup.js';
import { ConfigError, parseConfig, type Config } from './core/config.js';
import { SYSTEM } from './core/db/row-scope.js';
import { UserInputError } from './core/errors.js';
import { formatLocatedErrors } from './core/files/located-error.js';
import { writeGeneratedCsv } from './seed/import-file.js';
import { DEMO_PASSWORD, seedDemo } from './seed/demo.js';
import { SchoolKind } from './registry/index.js';

interface Command {
  summary: string;
  usage: string;
  options?: ParseArgsConfig['options'];
  /** Commands that never touch the database run without opening it. */
  offline?: (values: Record<string, unknown>) => Promise<unknown>;
  /** Commands that handle the database's storage themselves (backup, restore) get the configuration, not an opened app. */
  direct?: (config: Config, values: Record<string, unknown>, positionals: string[]) => Promise<unknown>;
  run?(app: App, values: Record<string, unknown>, positionals: string[]): Promise<unknown>;
}

/** Reports a result: JSON on stdout with --json, else a human line. */
function print(values: Record<string, unknown>, data: unknown, human: string): void {
  console.log(values.json ? JSON.stringify(data, null, 2) : human);
}

const COMMANDS: Record<string, Command> = {
  migrate: {
    summary: 'apply pending database migrations',
    usage: 'migrate [--json]',
    options: { json: { type: 'boolean' } },
    async run(app, values) {
      const applied = await migrate(app);
      print(values, { applied }, applied.length ? `applied ${applied.join(', ')}` : 'database is up to date');
    },
  },
  seed: {
    summary: 'load demo data (regions, 12 schools, users of every role, 5,000 students) into an empty database',
    usage: 'seed --demo [--json]',
    options: { demo: { type: 'boolean' }, json: { type: 'boolean' } },
    async run(app, values) {
      if (!values.demo) throw new UserInputError('only demo data can be seeded: pass --demo');
      await migrate(app);
      const counts = await seedDemo(app);
      print(values, counts, `loaded ${counts.schools} schools, ${counts.users} users (password ${DEMO_PASSWORD}), ${counts.students} students`);
    },
  },
  'schools:import': {
    summary: 'create or update schools from a CSV (code,name,region_code or 学校标识码,学校名称,行政区划代码)',
    usage: 'schools:import <file.csv> [--json]',
    options: { json: { type: 'boolean' } },
    async run(app, values, [file]) {
      if (!file) throw new UserInputError('give the CSV file to import');
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (error) {
        throw new UserInputError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      await migrate(app);
      const result = await app.services.schools.importCsv(file, bytes, null);
      if (!result.ok) {
        if (values.json) console.log(JSON.stringify(result, null, 2));
        throw new UserInputError(`nothing imported; ${result.errors.length} problem(s) in ${file}:\n${formatLocatedErrors(result.errors)}`);
      }
      print(values, result, `imported ${file}: ${result.created} created, ${result.updated} updated`);
    },
  },
  'students:import': {
    summary: 'import pupils from a school template (.xlsx, or .csv in UTF-8 or GBK) in one transaction, then detect problems',
    usage: 'students:import --school CODE [--skip-invalid] [--force] [--dry-run] [--json] <file.csv|file.xlsx>',
    options: { school: { type: 'string' }, 'skip-invalid': { type: 'boolean' }, force: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    async run(app, values, [file]) {
      if (typeof values.school !== 'string') throw new UserInputError('--school CODE is required (the 10-digit school code)');
      if (!file) throw new UserInputError('give the template file to import');
      if (!existsSync(file)) throw new UserInputError(`cannot read ${file}: no such file`);
      await migrate(app);
      const school = await app.services.schools.byCode(values.school);
      if (!school) throw new UserInputError(`no school has code ${values.school}`);
      const showProgress = process.stderr.isTTY && !values.json;
      const result = await app.services.imports.importStudents({
        schoolId: school.id,
        filePath: file,
        fileName: file,
        skipInvalid: Boolean(values['skip-invalid']),
        force: Boolean(values.force),
        dryRun: Boolean(values['dry-run']),
        onProgress: showProgress
          ? (p) => process.stderr.write(`\r${p.phase.padEnd(9)} ${p.rowsDone}${p.rowsTotal !== null ? ` / ${p.rowsTotal}` : ''} rows`)
          : undefined,
      });
      if (showProgress) process.stderr.write('\n');
      if (values.json) console.log(JSON.stringify(result, null, 2));
      const listed = result.errors.length ? `\n${formatLocatedErrors(result.errors)}${result.errorCount > result.errors.length ? `\n… and ${result.errorCount - result.errors.length} more` : ''}` : '';
      if (!result.ok) throw new UserInputError(`${result.message}${listed}`);
      if (!values.json) {
        console.log(result.message);
        for (const p of result.preview ?? []) console.log(`  row ${p.row}: ${p.problemType} ${p.scope === 'CROSS_SCHOOL' ? 'with another school' : 'within the school'} (${p.opens ? 'new problem' : 'joins an open problem'})`);
        if (listed) console.error(`skipped rows:${listed}`);
      }
    },
  },
  scan: {
    summary: 'full rescan: detect every problem from scratch (gives the same result as the incremental detection)',
    usage: 'scan [--json]',
    options: { json: { type: 'boolean' } },
    async run(app, values) {
      await migrate(app);
      const result = await app.db.dataSource.transaction(async (manager) => {
        // A rescan of a national registry is long work, not a request.
        await manager.query(`SET LOCAL statement_timeout = '2h'`);
        return app.services.detection.detect(manager, { kind: 'all' });
      });
      print(values, result, `scan done: ${result.opened} opened, ${result.closed} closed, ${result.joined} members joined, ${result.left} left`);
    },
  },
  suggest: {
    summary: 'find possible duplicates the exact rules miss over the whole registry: estimate the matching model, rebuild every record\'s blocking keys, store the suggested pairs (imports do this for their own records in the background)',
    usage: 'suggest [--json]',
    options: { json: { type: 'boolean' } },
    async run(app, values) {
      await migrate(app);
      const result = await app.services.suggestions.runAll();
      const seconds = (result.ms / 1000).toFixed(1);
      print(values, result, `${result.records} records, ${result.candidatePairs} candidate pairs, ${result.suggested} possible duplicates (${result.opened} newly open, ${result.expired} expired) in ${seconds} s; model #${result.modelId}`);
    },
  },
  escalate: {
    summary: 'escalate every problem still open past its deadline (PROBLEM_DEADLINE_DAYS), and each school of a semester verification past its deadline; the server also does this hourly',
    usage: 'escalate [--now 2026-12-31T00:00:00Z] [--json]',
    options: { now: { type: 'string' }, json: { type: 'boolean' } },
    async run(app, values) {
      const now = values.now === undefined ? new Date() : new Date(String(values.now));
      if (Number.isNaN(now.getTime())) throw new UserInputError('--now must be an ISO date-time');
      await migrate(app);
      const escalated = await app.services.escalation.escalateOverdue(now);
      const schools = await app.services.verification.escalateOverdue(now);
      print(values, { escalated, schools }, `${escalated.length} problem(s) escalated, ${schools.length} school(s) past a verification deadline`);
    },
  },
  'graduation:grades': {
    summary: 'show the grades that graduate per kind of school, or set those of one kind (problems holding such a pupil are listed first)',
    usage: 'graduation:grades [--kind PRIMARY|JUNIOR|NINE_YEAR|SENIOR|COMPLETE|TWELVE_YEAR|OTHER --grades 六年级,毕业班] [--json]',
    options: { kind: { type: 'string' }, grades: { type: 'string' }, json: { type: 'boolean' } },
    async run(app, values) {
      await migrate(app);
      if (values.kind !== undefined) {
        const kind = String(values.kind);
        if (!Object.values(SchoolKind).includes(kind as SchoolKind)) throw new UserInputError(`--kind must be one of ${Object.values(SchoolKind).join(', ')}`);
        const grades = [...new Set(String(values.grades ?? '').split(',').map((g) => g.trim()).filter(Boolean))];
        await app.db.dataSource.transaction(async (manager) => {
          await manager.query(`DELETE FROM graduating_grades WHERE school_kind = $1`, [kind]);
          await manager.query(`INSERT INTO graduating_grades (school_kind, grade) SELECT $1, unnest($2::text[])`, [kind, grades]);
        });
      }
      const rows = (await app.db.dataSource.query(`SELECT school_kind AS kind, array_agg(grade ORDER BY grade) AS grades FROM graduating_grades GROUP BY 1 ORDER BY 1`)) as { kind: string; grades: string[] }[];
      print(values, rows, rows.map((r) => `${r.kind.padEnd(12)} ${r.grades.join(', ')}`).join('\n'));
    },
  },
  problems: {
    summary: 'list unresolved problems (--all: also resolved ones) as a JSON array, one object per problem',
    usage: 'problems --json [--all]',
    options: { json: { type: 'boolean' }, all: { type: 'boolean' } },
    async run(app, values) {
      if (!values.json) throw new UserInputError('problems prints JSON only: pass --json');
      await migrate(app);
      console.log(JSON.stringify(await app.services.problems.exportAll(Boolean(values.all)), null, 2));
    },
  },
  generate: {
    summary: 'write a synthetic school template (UTF-8 CSV) with a known share of planted problems',
    usage: 'generate --students N --out FILE.csv [--seed S] [--region CODE] [--planted SHARE] [--json]',
    options: { students: { type: 'string' }, out: { type: 'string' }, seed: { type: 'string' }, region: { type: 'string' }, planted: { type: 'string' }, json: { type: 'boolean' } },
    async offline(values) {
      const students = Number(values.students);
      if (!Number.isInteger(students) || students < 1) throw new UserInputError('--students must be a positive whole number');
      if (typeof values.out !== 'string') throw new UserInputError('--out FILE.csv is required');
      if (values.region !== undefined && !/^\d{6}$/.test(String(values.region))) throw new UserInputError('--region must be a six-digit region code');
      const share = values.planted === undefined ? 0.03 : Number(values.planted);
      if (!(share >= 0 && share <= 0.5)) throw new UserInputError('--planted must be a share between 0 and 0.5');
      const planted = await writeGeneratedCsv(values.out, {
        students,
        seed: values.seed === undefined ? 1 : Number(values.seed),
        regionCode: values.region as string | undefined,
        plantedShare: share,
      });
      print(values, { file: values.out, students, planted }, `wrote ${students} rows to ${values.out}; planted ${planted.repeated} repeated rows, ${planted.sameIdentity} same-identity pupils, ${planted.wrongCheck} wrong check characters`);
    },
  },
  backup: {
    summary: 'back up the database and its material files into a new folder, with a checksummed manifest (embedded database: stop the product first)',
    usage: 'backup <folder> [--json]',
    options: { json: { type: 'boolean' } },
    async direct(config, values, [folder]) {
      if (!folder) throw new UserInputError('give the folder to write the backup into (a new or empty folder)');
      const started = Date.now();
      const { manifest } = await backup(config, folder);
      const { counts, materials } = manifest;
      if (materials.missing.length > 0) {
        console.error(`warning: ${materials.missing.length} material file(s) the database refers to are missing or damaged in the store and are not in the backup:\n${materials.missing.join('\n')}`);
      }
      const files = materials.storage === 's3' ? 'material files left in the S3 bucket' : `${materials.sha256.length} material files (${(materials.bytes / 1048576).toFixed(1)} MB)`;
      print(values, manifest, `backed up to ${folder} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${counts.students} students, ${counts.problems} problems, ${counts.events} events, ${counts.materials} materials; ${files}`);
    },
  },
  restore: {
    summary: 'restore a backup into the configured database (it must be empty; --force replaces its contents) and put the material files back',
    usage: 'restore <folder> [--force] [--json]',
    options: { force: { type: 'boolean' }, json: { type: 'boolean' } },
    async direct(config, values, [folder]) {
      if (!folder) throw new UserInputError('give the backup folder to restore from');
      const result = await restore(config, folder, { force: Boolean(values.force), knownMigrations: MIGRATIONS.map((m) => m.name) });
      if (result.materialsNote) console.error(`note: ${result.materialsNote}`);
      const { counts, createdAt } = result.manifest;
      print(values, result, `restored the backup of ${createdAt} from ${folder}: ${counts.students} students, ${counts.problems} problems, ${counts.events} events, ${counts.materials} materials, checked against its manifest; ${result.materialsRestored} material files put back`);
    },
  },
  'keys:rotate': {
    summary: 'seal every ID number, phone and household address (also in history) with the current data key (DATA_KEY_ID); keep the old key in DATA_KEYS until this has run',
    usage: 'keys:rotate [--json]',
    options: { json: { type: 'boolean' } },
    async run(app, values) {
      await migrateSchema(app);
      const report = await app.services.students.reseal({ force: true });
      const { id_number, household_region, phone } = report.students;
      print(
        values,
        report,
        `sealed with key ${report.keyId} in ${(report.ms / 1000).toFixed(1)} s: students.id_number ${id_number}, students.phone ${phone}, students.household_region ${household_region} re-encrypted; ${report.events} history entries; ${report.indexed} ID-number indexes and ${report.problems} problem group keys made blind`,
      );
    },
  },
  'users:create': {
    summary: 'create a user with a role and a scope',
    usage: 'users:create --username U --password P --role ROLE [--school CODE | --region CODE] [--name "Display name"] [--json]',
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      role: { type: 'string' },
      school: { type: 'string' },
      region: { type: 'string' },
      name: { type: 'string' },
      json: { type: 'boolean' },
    },
    async run(app, values) {
      for (const flag of ['username', 'password', 'role']) {
        if (typeof values[flag] !== 'string') throw new UserInputError(`--${flag} is required`);
      }
      await migrate(app);
      const user = await app.services.users.create({
        username: values.username as string,
        password: values.password as string,
        role: values.role as string,
        displayName: values.name as string | undefined,
        schoolCode: values.school as string | undefined,
        regionCode: values.region as string | undefined,
      });
      const data = { id: user.id, username: user.username, role: user.role, schoolId: user.schoolId, regionCode: user.regionCode };
      print(values, data, `created user ${user.username} (${user.role})`);
    },
  },
  'users:password': {
    summary: "set a user's password; every session of the user ends",
    usage: 'users:password --username U --password P [--json]',
    options: { username: { type: 'string' }, password: { type: 'string' }, json: { type: 'boolean' } },
    async run(app, values) {
      for (const flag of ['username', 'password']) {
        if (typeof values[flag] !== 'string') throw new UserInputError(`--${flag} is required`);
      }
      const result = await app.services.users.resetPassword(values.username as string, values.password as string);
      print(values, result, `password of ${values.username as string} set; ${result.sessionsEnded} sessions ended`);
    },
  },
  'users:disable': {
    summary: 'disable a user: sign-in refused, every session ends',
    usage: 'users:disable --username U [--json]',
    options: { username: { type: 'string' }, json: { type: 'boolean' } },
    async run(app, values) {
      if (typeof values.username !== 'string') throw new UserInputError('--username is required');
      const result = await app.services.users.setDisabled(values.username, true);
      print(values, result, `disabled ${values.username}; ${result.sessionsEnded} sessions ended`);
    },
  },
  'users:enable': {
    summary: 'enable a disabled user again',
    usage: 'users:enable --username U [--json]',
    options: { username: { type: 'string' }, json: { type: 'boolean' } },
    async run(app, values) {
      if (typeof values.username !== 'string') throw new UserInputError('--username is required');
      const result = await app.services.users.setDisabled(values.username, false);
      print(values, result, `enabled ${values.username}`);
    },
  },
};

function help(): string {
  return [
    'Usage: pnpm cli <command> [options]',
    '',
    'Commands:',
    ...Object.values(COMMANDS).map((c) => `  ${c.usage}\n      ${c.summary}`),
    '',
    'Environment: DATABASE_URL (a PostgreSQL server; unset: the embedded database in DATA_DIR, default ./data);',
    '  DATA_KEYS, DATA_KEY_ID, BLIND_INDEX_KEY (encryption at rest; unset: generated into DATA_DIR/data-keys)',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(help());
    return name ? 0 : 1;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`unknown command "${name}"\n\n${help()}`);
    return 1;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\nusage: pnpm cli ${command.usage}`);
    return 1;
  }
  const values = parsed.values as Record<string, unknown>;
  if (values.help) {
    console.log(`usage: pnpm cli ${command.usage}\n\n${command.summary}`);
    return 0;
  }
  if (command.offline) {
    await command.offline(values);
    return 0;
  }
  const config = parseConfig();
  if (command.direct) {
    await command.direct(config, values, parsed.positionals);
    return 0;
  }
  // The operator at the console holds the database's credentials: the CLI works on every school's records.
  const app = await createApp(config, { log: (await import('./core/logger.js')).createLogger(process.env.LOG_LEVEL ?? 'warn'), unscoped: SYSTEM });
  try {
    await command.run?.(app, values, parsed.positionals);
    return 0;
  } finally {
    await app.close();
  }
}

/** Exits once stdout has been flushed: a large --json answer into a pipe must not be cut short. */
function exit(code: number): void {
  process.stdout.write('', () => process.exit(code));
}

main(process.argv.slice(2)).then(exit, (error: unknown) => {
  const known = error instanceof UserInputError || error instanceof ConfigError;
  console.error(known ? (error as Error).message : error instanceof Error ? `error: ${error.message}` : error);
  exit(1);
});
