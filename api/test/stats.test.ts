import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../src/seed/random.js';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { errorCodes, startProduct, type GraphQLResponse } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const MEASURES = 'count open pendingReview escalated resolved unresolved overdue medianDaysToResolve p90DaysToResolve medianOpenAgeDays';
const LIST = `query($filter: ProblemFilter, $after: String) {
  problems(filter: $filter, first: 200, after: $after) { nodes { id type scope status openedAt resolvedAt overdue } pageInfo { endCursor hasNextPage } } }`;
const STATUSES = ['OPEN', 'PENDING_REVIEW', 'ESCALATED', 'RESOLVED'] as const;

interface ListedProblem {
  id: string;
  type: string;
  scope: string;
  status: string;
  openedAt: string;
  resolvedAt: string | null;
  overdue: boolean;
}

/** The same percentile PostgreSQL's percentile_cont computes, rounded like the API. */
function percentile(values: number[], fraction: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = fraction * (sorted.length - 1);
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return Math.round((sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low)) * 10) / 10;
}

describe('problem statistics agree with the problem list and stay within scope', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  const schools: { id: string; regionCode: string }[] = [];
  const tokens = { shangcheng: '', gongshu: '', hangzhou: '', ningbo: '', registrar: '', system: '' };

  beforeAll(async () => {
    app = await createTestApp();
    for (const region of ['330102', '330102', '330105', '330105', '330203']) schools.push(await makeSchool(app, region));
    product = await startProduct(app);
    tokens.shangcheng = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' })).username);
    tokens.gongshu = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330105' })).username);
    tokens.hangzhou = await product.login((await makeUser(app, 'CITY_ADMIN', { regionCode: '330100' })).username);
    tokens.ningbo = await product.login((await makeUser(app, 'CITY_ADMIN', { regionCode: '330200' })).username);
    tokens.registrar = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: schools[0]!.id })).username);
    tokens.system = await product.login((await makeUser(app, 'SYSTEM_ADMIN')).username);

    // Random records: pairs and triples sharing an ID or an identity, spread over the schools, and mistyped IDs.
    const random = createRandom(7);
    const rows: { schoolId: string; name: string; gender: Gender; birthDate: string; idType: IdType; idNumber: string }[] = [];
    for (let i = 0; i < 160; i++) {
      const gender = random.next() < 0.5 ? Gender.M : Gender.F;
      const birthDate = `201${random.int(0, 9)}-0${random.int(1, 9)}-1${random.int(0, 9)}`;
      const idNumber = validId('330102', birthDate, gender, 100 + i);
      const kind = random.int(0, 2);
      const copies = random.next() < 0.2 ? 3 : 2;
      for (let c = 0; c < copies; c++) {
        const school = schools[random.int(0, schools.length - 1)]!;
        const id = kind === 1 ? validId(school.regionCode, birthDate, gender, 1000 + i * 3 + c) : idNumber;
        rows.push({ schoolId: school.id, name: `学生${i}`, gender, birthDate, idType: IdType.RESIDENT_ID, idNumber: kind === 2 && c === 0 ? id.slice(0, 17) + (id[17] === '1' ? '2' : '1') : id });
      }
    }
    await app.db.dataSource.transaction(async (m) => {
      const ids = await app.services.students.insertMany(m, rows);
      await app.services.detection.detect(m, { kind: 'students', studentIds: ids });
    });
    // Random statuses and ages, some resolved after a random number of days.
    const problems = (await app.db.dataSource.query(`SELECT id::text FROM problems ORDER BY id`)) as { id: string }[];
    for (const { id } of problems) {
      const status = STATUSES[random.int(0, 3)]!;
      const openedDaysAgo = random.int(0, 90) + random.next();
      await app.db.dataSource.query(
        `UPDATE problems SET status = $2, opened_at = now() - make_interval(secs => $3::float8 * 86400),
                resolved_at = CASE WHEN $2 = 'RESOLVED' THEN now() - make_interval(secs => $3::float8 * 86400) + make_interval(secs => $4::float8 * 86400) END
         WHERE id = $1`,
        [id, status, openedDaysAgo, openedDaysAgo * random.next()],
      );
    }
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  async function list(token: string, filter: Record<string, unknown> = {}): Promise<ListedProblem[]> {
    const all: ListedProblem[] = [];
    let after: string | null = null;
    for (;;) {
      const response: GraphQLResponse = await product.gql(LIST, { filter, after }, token);
      expect(response.errors).toBeUndefined();
      all.push(...response.data.problems.nodes);
      if (!response.data.problems.pageInfo.hasNextPage) return all;
      after = response.data.problems.pageInfo.endCursor;
    }
  }
  const stats = async (token: string, groupBy: string[], filter: Record<string, unknown> = {}) => {
    const response = await product.gql(`query($g: [StatsDimension!]!, $f: ProblemStatsFilter) { problemStats(groupBy: $g, filter: $f) {
      regionCode schoolId type scope status openedMonth ${MEASURES} } }`, { g: groupBy, f: filter }, token);
    expect(response.errors).toBeUndefined();
    return response.data.problemStats as Record<string, any>[];
  };
  /** Every measure computed in the test from listed problems. */
  function measures(problems: ListedProblem[]) {
    const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 86_400_000;
    const resolved = problems.filter((p) => p.status === 'RESOLVED');
    const unresolved = problems.filter((p) => p.status !== 'RESOLVED');
    const now = new Date().toISOString();
    return {
      count: problems.length,
      open: problems.filter((p) => p.status === 'OPEN').length,
      pendingReview: problems.filter((p) => p.status === 'PENDING_REVIEW').length,
      escalated: problems.filter((p) => p.status === 'ESCALATED').length,
      resolved: resolved.length,
      unresolved: unresolved.length,
      overdue: problems.filter((p) => p.overdue).length,
      medianDaysToResolve: percentile(resolved.map((p) => days(p.openedAt, p.resolvedAt!)), 0.5),
      p90DaysToResolve: percentile(resolved.map((p) => days(p.openedAt, p.resolvedAt!)), 0.9),
      medianOpenAge: percentile(unresolved.map((p) => days(p.openedAt, now)), 0.5),
    };
  }
  const pick = ({ medianOpenAgeDays, ...row }: Record<string, any>) => ({
    count: row.count, open: row.open, pendingReview: row.pendingReview, escalated: row.escalated, resolved: row.resolved,
    unresolved: row.unresolved, overdue: row.overdue, medianDaysToResolve: row.medianDaysToResolve, p90DaysToResolve: row.p90DaysToResolve, medianOpenAge: medianOpenAgeDays,
  });
  const closeTo = (expected: ReturnType<typeof measures>) => ({ ...expected, medianOpenAge: expected.medianOpenAge === null ? null : expect.closeTo(expected.medianOpenAge, 0) });

  it('totals and groups by type and status equal what the problem list holds, for every role', async () => {
    for (const token of Object.values(tokens)) {
      const listed = await list(token);
      const [total] = await stats(token, []);
      expect(pick(total!)).toEqual(closeTo(measures(listed)));
      const grouped = await stats(token, ['TYPE', 'STATUS']);
      for (const row of grouped) {
        expect(pick(row)).toEqual(closeTo(measures(listed.filter((p) => p.type === row.type && p.status === row.status))));
      }
      expect(grouped.reduce((sum, row) => sum + row.count, 0)).toBe(listed.length);
    }
  });

  it('groups by school and region count each problem once per school or district it involves, as the filtered list does', async () => {
    const bySchool = await stats(tokens.hangzhou, ['SCHOOL']);
    expect(bySchool.map((r) => r.schoolId).sort()).toEqual(schools.filter((s) => s.regionCode.startsWith('3301')).map((s) => s.id).sort());
    for (const row of bySchool) {
      const listed = measures(await list(tokens.hangzhou, { schoolId: row.schoolId }));
      expect(pick(row)).toEqual(closeTo(listed));
      // The same school as a filter on the totals (counted per problem, found by the problems' scope keys).
      expect(pick((await stats(tokens.hangzhou, [], { schoolId: row.schoolId }))[0]!)).toEqual(closeTo(listed));
    }
    const byRegion = await stats(tokens.hangzhou, ['REGION']);
    expect(byRegion.map((r) => r.regionCode)).toEqual(['330102', '330105']);
    for (const row of byRegion) {
      const listed = measures(await list(tokens.hangzhou, { regionId: row.regionCode }));
      expect(pick(row)).toEqual(closeTo(listed));
      expect(pick((await stats(tokens.hangzhou, [], { regionCode: row.regionCode }))[0]!)).toEqual(closeTo(listed));
      // A district filtering by its own district or by its neighbour: all of it, or nothing.
      expect((await stats(tokens.shangcheng, [], { regionCode: row.regionCode }))[0]!.count).toBe(row.regionCode === '330102' ? listed.count : 0);
    }
    // The whole country looked at by the system admin: one row per province.
    expect((await stats(tokens.system, ['REGION'])).map((r) => r.regionCode)).toEqual(['330000']);
    expect((await stats(tokens.system, ['REGION'], { regionCode: '330000' })).map((r) => r.regionCode)).toEqual(['330100', '330200']);
  });

  it('filters by type, status and opening days like the list does', async () => {
    const listed = await list(tokens.system, { type: 'DUPLICATE_ID', status: 'OPEN' });
    const [row] = await stats(tokens.system, [], { type: 'DUPLICATE_ID', status: 'OPEN' });
    expect(pick(row!)).toEqual(closeTo(measures(listed)));
    const all = await list(tokens.system);
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
    const chinaDay = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 10);
    const [recent] = await stats(tokens.system, [], { openedFrom: from });
    expect(recent!.count).toBe(all.filter((p) => chinaDay(p.openedAt) >= from).length);
    const months = await stats(tokens.system, ['OPENED_MONTH']);
    for (const m of months) expect(m.count).toBe(all.filter((p) => chinaDay(p.openedAt).slice(0, 7) === m.openedMonth).length);
    expect(errorCodes(await product.gql(`{ problemStats(filter: { openedFrom: "2026-13-45" }) { count } }`, {}, tokens.system))).toEqual(['BAD_USER_INPUT']);
  });

  it("never shows a district another district's rows, not even through totals", async () => {
    const inShangcheng = new Set(schools.filter((s) => s.regionCode === '330102').map((s) => s.id));
    const rows = await stats(tokens.shangcheng, ['SCHOOL']);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => inShangcheng.has(r.schoolId))).toBe(true);
    expect((await stats(tokens.shangcheng, ['REGION'])).map((r) => r.regionCode)).toEqual(['330102']);
    // Asking for the neighbour district or the other city gives nothing, not their numbers.
    expect((await stats(tokens.shangcheng, [], { regionCode: '330105' }))[0]!.count).toBe(0);
    expect(await stats(tokens.shangcheng, ['SCHOOL'], { schoolId: schools[2]!.id })).toEqual([]);
    expect((await stats(tokens.ningbo, [], { regionCode: '330100' }))[0]!.count).toBe(0);
    // A registrar's statistics are its own school's problems only.
    expect((await stats(tokens.registrar, ['SCHOOL'])).map((r) => r.schoolId)).toEqual([schools[0]!.id]);
  });
});
