import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daysUntil } from '../src/problems/problem/problem.resolver.js';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { PLAIN_PDF } from './support/images.js';
import { startProduct } from './support/product.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** Graduation urgency: problems holding a pupil of a graduating grade are flagged and listed first. */
describe('graduation urgency', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  let token = '';
  let district = '';
  const problems: Record<string, string> = {};
  const students: Record<string, string> = {};

  const gql = async (query: string, variables: Record<string, unknown>, as = token) => {
    const response = await product.gql(query, variables, as);
    if (response.errors) throw new Error(JSON.stringify(response.errors));
    return response.data;
  };
  const urgency = async (id: string) => (await gql(`query($id: ID!) { problem(id: $id) { graduating daysToGraduation } }`, { id })).problem;

  beforeAll(async () => {
    app = await createTestApp();
    const primary = await makeSchool(app, '330102', '杭州市上城区胜利小学');
    const nineYear = await makeSchool(app, '330102', '杭州市上城区采荷九年一贯制学校');
    let n = 0;
    /** Two copies of one pupil at a school (a within-school duplicate), in a grade. */
    const twice = async (key: string, school: { id: string }, grade: string) => {
      n += 1;
      const birthDate = `2014-02-${String(n).padStart(2, '0')}`;
      const row = { schoolId: school.id, name: `毕业生${n}`, gender: Gender.F, birthDate, idType: IdType.RESIDENT_ID, idNumber: validId('330102', birthDate, 'F', n), grade };
      const ids = await app.db.dataSource.transaction(async (m) => {
        const inserted = await app.services.students.insertMany(m, [row, row]);
        await app.services.detection.detect(m, { kind: 'students', studentIds: inserted });
        return inserted;
      });
      students[key] = ids[0]!;
      problems[key] = ((await app.db.dataSource.query(`SELECT problem_id::text AS id FROM problem_members WHERE student_id = $1`, [ids[0]])) as { id: string }[])[0]!.id;
    };
    await twice('sixthAtPrimary', primary, '六年级');
    await twice('fifthAtPrimary', primary, '五年级');
    await twice('sixthAtNineYear', nineYear, '六年级');
    await twice('ninthAtNineYear', nineYear, '九年级');
    product = await startProduct(app);
    token = await product.login((await makeUser(app, 'SCHOOL_REGISTRAR', { schoolId: primary.id })).username);
    district = await product.login((await makeUser(app, 'DISTRICT_ADMIN', { regionCode: '330102' })).username);
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  it('counts whole days to the next graduation day, China time', () => {
    expect(daysUntil('06-30', new Date('2026-12-02T05:00:00Z'))).toBe(210);
    expect(daysUntil('06-30', new Date('2026-06-29T16:30:00Z'))).toBe(0);
    expect(daysUntil('06-30', new Date('2026-06-30T16:30:00Z'))).toBe(364);
  });

  it('flags a graduating grade by the kind of school its name says', async () => {
    const kinds = await gql(`{ schools { nodes { name kind } } }`, {}, district);
    expect(kinds.schools.nodes.map((s: { kind: string }) => s.kind).sort()).toEqual(['NINE_YEAR', 'PRIMARY']);
    const days = daysUntil('06-30', new Date());
    expect(await urgency(problems.sixthAtPrimary!)).toEqual({ graduating: true, daysToGraduation: days });
    expect(await urgency(problems.fifthAtPrimary!)).toEqual({ graduating: false, daysToGraduation: null });
    const flags = await Promise.all(['sixthAtNineYear', 'ninthAtNineYear'].map(async (k) => (await gql(`query($id: ID!) { problem(id: $id) { graduating } }`, { id: problems[k] }, district)).problem.graduating));
    expect(flags).toEqual([false, true]);
  });

  it('lists graduating problems first in every order, page by page', async () => {
    for (const order of ['OPENED_DESC', 'OPENED_ASC', 'UPDATED_DESC']) {
      const seen: { id: string; graduating: boolean }[] = [];
      let after: string | null = null;
      do {
        const page: any = (await gql(`query($o: ProblemOrder, $a: String) { problems(orderBy: $o, first: 1, after: $a) { nodes { id graduating } pageInfo { endCursor hasNextPage } } }`, { o: order, a: after }, district)).problems;
        seen.push(...page.nodes);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      expect(seen.map((p) => p.graduating), order).toEqual([true, true, false, false]);
      expect(new Set(seen.map((p) => p.id)).size).toBe(4);
    }
    const stats = await gql(`{ problemStats { graduating unresolved } }`, {}, district);
    expect(stats.problemStats).toEqual([{ graduating: 2, unresolved: 4 }]);
  });

  it('follows a grade changed by a school, and the grades district operators configure', async () => {
    const material = ((await (await fetch(`${product.url}/materials?kind=HOUSEHOLD_REGISTER`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(PLAIN_PDF) })).json()) as {
      materialId: string;
    }).materialId;
    const [problem] = (await app.db.dataSource.query(`SELECT version FROM problems WHERE id = $1`, [problems.sixthAtPrimary])) as { version: number }[];
    const changed = await gql(`mutation($i: RecordActionInput!) { actOnRecord(input: $i) { ok error { code } } }`,
      { i: { problemId: problems.sixthAtPrimary, version: problem!.version, studentId: students.sixthAtPrimary, action: 'CHANGE', changes: { grade: '五年级' }, materialIds: [material] } });
    expect(changed.actOnRecord).toEqual({ ok: true, error: null });
    // The other copy is still in 六年级.
    expect((await urgency(problems.sixthAtPrimary!)).graduating).toBe(true);
    await app.db.dataSource.query(`UPDATE students SET grade = '五年级' WHERE id IN (SELECT student_id FROM problem_members WHERE problem_id = $1)`, [problems.sixthAtPrimary]);
    expect((await urgency(problems.sixthAtPrimary!)).graduating).toBe(false);
    // A region whose primary schools also count 五年级 as graduating (as `pnpm cli graduation:grades` sets it).
    await app.db.dataSource.query(`INSERT INTO graduating_grades (school_kind, grade) VALUES ('PRIMARY', '五年级')`);
    expect((await urgency(problems.fifthAtPrimary!)).graduating).toBe(true);
  });
});
