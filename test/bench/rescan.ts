import 'reflect-metadata';
import { benchApp } from './support/app.js';
import { buildRegistry, describeRegistry } from './support/dataset.js';
import { throwawayDatabase } from './support/database.js';
import { f, report, seconds, table, today } from './support/report.js';
import { asOwner } from '../../api/src/core/db/row-scope.js';

/**
 * `pnpm bench:rescan`: a full rescan (`detection.detect(manager, { kind: 'all' })` in a transaction,
 * what `pnpm cli scan` runs) of BENCH_STUDENTS records (default 1,000,000) against the bare grouping
 * SQL that finds the same groups on the same tables: GROUP BY id_key / identity_key HAVING
 * count(*) > 1, and the invalid-ID filter. The first scan opens every problem; the steady-state
 * rescans (registry and problems already in line, the usual case) change nothing. Median of
 * BENCH_RUNS runs (default 3). Not a test: figures, no pass/fail.
 */
const STUDENTS = Number(process.env.BENCH_STUDENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const ACTIVE = `status IN ('ENROLLED', 'SUSPENDED')`;

/** The grouping queries alone: the groups a rescan must find, nothing written. */
const BARE = {
  DUPLICATE_ID: `SELECT id_key FROM students WHERE ${ACTIVE} AND id_key IS NOT NULL GROUP BY id_key HAVING count(*) > 1`,
  DUPLICATE_IDENTITY: `SELECT identity_key FROM students WHERE ${ACTIVE} GROUP BY identity_key
    HAVING count(*) > 1 AND min(coalesce(id_key, 'record:' || id)) <> max(coalesce(id_key, 'record:' || id))`,
  INVALID_ID: `SELECT id FROM students WHERE ${ACTIVE} AND cardinality(id_problems) > 0`,
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main() {
  const database = await throwawayDatabase('pss_bench_rescan');
  const bench = await benchApp(database.url);
  const { app } = bench;
  const db = app.db.dataSource;
  try {
    const dataset = database.owned ? await buildRegistry(app, database.url, STUDENTS) : await describeRegistry(app);
    const [{ problems }] = (await db.query(`SELECT count(*)::int AS problems FROM problems`)) as [{ problems: number }];
    const scan = async () => {
      const started = performance.now();
      const result = await db.transaction((m) => app.services.detection.detect(m, { kind: 'all' }));
      return { ms: performance.now() - started, result };
    };

    // First scan: every problem opened (only on a registry that has none yet).
    const first = problems === 0 ? await scan() : null;
    // Steady state: what the first scan wrote has been vacuumed and analysed, as autovacuum would.
    // Maintenance is the tables' owner's (the product's role may not VACUUM or ANALYZE them).
    await asOwner(() => db.query('VACUUM (ANALYZE) problems, problem_members, events'));

    const rescans: number[] = [];
    const changes: string[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { ms, result } = await scan();
      rescans.push(ms);
      changes.push(`${result.opened}/${result.joined}/${result.left}/${result.closed}`);
    }

    const bare: number[] = [];
    let groups: Record<string, number> = {};
    for (let i = 0; i < RUNS + 1; i++) {
      const started = performance.now();
      const counts: Record<string, number> = {};
      // As the tables' owner, as detection runs: under the product role's row security every record would pay for the policy.
      for (const [type, sql] of Object.entries(BARE)) counts[type] = ((await asOwner(() => db.query(sql))) as unknown[]).length;
      // The first run warms the cache like the first rescan did; it is not counted.
      if (i > 0) bare.push(performance.now() - started);
      groups = counts;
    }
    const live = Object.fromEntries(
      ((await db.query(`SELECT type, count(*)::int AS n FROM problems WHERE status <> 'RESOLVED' GROUP BY type`)) as { type: string; n: number }[]).map((r) => [r.type, r.n]),
    );
    const same = Object.keys(BARE).every((type) => (live[type] ?? 0) === groups[type]);

    const rescanMs = median(rescans);
    const bareMs = median(bare);
    const ratio = rescanMs / bareMs;
    const records = dataset.students;
    console.log(`\nbench:rescan ${today()}: ${f(records)} records in ${f(dataset.schools)} schools of ${dataset.districts} districts${dataset.buildMs ? `, built in ${seconds(dataset.buildMs)} s` : ''}; median of ${RUNS} runs\n`);
    console.log(
      table(
        ['what', 's', 'µs per record', 'result'],
        [
          ...(first ? [['first scan (opens every problem)', seconds(first.ms), f((first.ms * 1000) / records, 2), `${f(first.result.opened)} problems opened`]] : []),
          ['steady-state rescan', seconds(rescanMs), f((rescanMs * 1000) / records, 2), `opened/joined/left/closed: ${changes.join(', ')}`],
          ['bare grouping SQL (3 queries)', seconds(bareMs), f((bareMs * 1000) / records, 2), Object.entries(groups).map(([t, n]) => `${t} ${f(n)}`).join(', ')],
        ],
      ),
    );
    console.log(`\nrescan / bare SQL: ${f(ratio, 2)} (target ≤ 1.5); the bare queries find the same groups as the live problems: ${same ? 'yes' : `NO (${JSON.stringify(live)})`}`);
    report([
      ...(first ? [{ part: 'rescan', figure: `first scan of ${f(records)} records, s (µs/record)`, value: `${seconds(first.ms)} (${f((first.ms * 1000) / records, 2)})` }] : []),
      { part: 'rescan', figure: `steady-state rescan of ${f(records)} records, s (µs/record)`, value: `${seconds(rescanMs)} (${f((rescanMs * 1000) / records, 2)})` },
      { part: 'rescan', figure: 'bare grouping SQL, s', value: seconds(bareMs) },
      { part: 'rescan', figure: 'rescan / bare grouping SQL', value: f(ratio, 2), target: '≤ 1.5', met: ratio <= 1.5 },
    ]);
  } finally {
    await bench.close();
    await database.drop();
  }
}

await main();
