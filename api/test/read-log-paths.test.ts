import { getNamedType, isObjectType, type GraphQLObjectType } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUBGRAPHS } from '../src/subgraphs.js';
import { IdType, type Gender } from '../src/registry/student/student.entity.js';
import { makeSchool, makeUser } from './support/factories.js';
import { PLAIN_PDF } from './support/images.js';
import { startProduct } from './support/product.js';
import { apiSchema, pathsTo, queryFor, type FieldPath } from './support/schema-walk.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

/** The types that carry a pupil's data, and what to select of each to know which record came back. */
const PUPIL_TYPES: Record<string, { leaf: string; recordOf: (value: Record<string, unknown>) => string | null }> = {
  Student: { leaf: 'id', recordOf: (v) => String(v.id) },
  ProblemMember: { leaf: 'studentId', recordOf: (v) => String(v.studentId) },
  // Events name their record as a string or, from detection, a number: the read log keeps text.
  ProblemEvent: { leaf: 'data', recordOf: (v) => { const id = (v.data as { studentId?: string | number }).studentId; return id === undefined ? null : String(id); } },
};

/** Fields whose values are a pupil's: a type that has one must be read-logged, or be reachable only through one that is. */
const PUPIL_FIELDS = ['gender', 'birthDate', 'idNumber', 'idNumberMasked', 'householdRegion', 'phone'];

/** The objects a response carries at the end of a path. */
function objectsAt(data: unknown, fields: readonly string[]): Record<string, unknown>[] {
  let current: unknown[] = [data];
  for (const field of fields) {
    current = current.flatMap((value) => (value && typeof value === 'object' ? [(value as Record<string, unknown>)[field]] : [])).flat();
  }
  return current.filter((v): v is Record<string, unknown> => !!v && typeof v === 'object');
}

describe('the read log covers every path to a pupil\'s data (walked from the schema)', () => {
  let app: TestApp;
  let product: Awaited<ReturnType<typeof startProduct>>;
  const users: { name: string; id: string; token: string }[] = [];
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    app = await createTestApp();
    const schoolA = await makeSchool(app, '330106');
    const schoolB = await makeSchool(app, '330102');
    product = await startProduct(app);
    for (const [name, role, scope] of [
      ['registrar', 'SCHOOL_REGISTRAR', { schoolId: schoolA.id }],
      ['district', 'DISTRICT_ADMIN', { regionCode: '330100' }],
    ] as const) {
      const user = await makeUser(app, role, scope);
      users.push({ name, id: user.id, token: await product.login(user.username) });
    }
    const idNumber = validId('330106', '2016-04-04', 'F', 4);
    const students = await app.db.dataSource.transaction(async (m) => {
      const inserted = await app.services.students.insertMany(
        m,
        [schoolA.id, schoolB.id].map((schoolId) => ({ schoolId, name: '李四', gender: 'F' as Gender, birthDate: '2016-04-04', idType: IdType.RESIDENT_ID, idNumber })),
      );
      await app.services.detection.detect(m, { kind: 'students', studentIds: inserted });
      return inserted;
    });
    ids.problem = ((await app.db.dataSource.query(`SELECT problem_id::text AS id FROM problem_members WHERE student_id = $1`, [students[0]])) as { id: string }[])[0]!.id;
    ids.student = students[0]!;
    // A history entry about a record: school A corrects its phone number in the problem.
    const token = users[0]!.token;
    const upload = await fetch(`${product.url}/materials?kind=HOUSEHOLD_REGISTER`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(PLAIN_PDF) });
    const materialId = ((await upload.json()) as { materialId: string }).materialId;
    const version = (await product.gql(`query($id: ID!) { problem(id: $id) { version } }`, { id: ids.problem }, token)).data.problem.version;
    const acted = await product.gql(
      `mutation($input: RecordActionInput!) { actOnRecord(input: $input) { ok } }`,
      { input: { problemId: ids.problem, version, studentId: students[0], action: 'CHANGE', changes: { phone: '13800000000' }, materialIds: [materialId] } },
      token,
    );
    expect(acted.data?.actOnRecord.ok).toBe(true);
    // A former member: school A enters the pupil a second time, then deletes that copy, which
    // leaves the problem (reached through formerMembers).
    const copy = await app.db.dataSource.transaction(async (m) => {
      const [id] = await app.services.students.insertMany(m, [{ schoolId: schoolA.id, name: '李四', gender: 'F' as Gender, birthDate: '2016-04-04', idType: IdType.RESIDENT_ID, idNumber }]);
      await app.services.detection.detect(m, { kind: 'students', studentIds: [id!] });
      return id!;
    });
    const next = (await product.gql(`query($id: ID!) { problem(id: $id) { version } }`, { id: ids.problem }, token)).data.problem.version;
    const deleted = await product.gql(
      `mutation($input: RecordActionInput!) { actOnRecord(input: $input) { ok error { code message } } }`,
      { input: { problemId: ids.problem, version: next, studentId: copy, action: 'DELETE', deleteReason: 'REDUNDANT' } },
      token,
    );
    expect(deleted.data?.actOnRecord).toEqual({ ok: true, error: null });
    // 学期核查: a campaign over school A in which the pupil was marked as changed (changedPupils).
    const [campaign] = (await app.db.dataSource.query(
      `INSERT INTO verification_campaigns (region_prefix, semester, title, due_at, opened_by) VALUES ('330106', '2026-2027-1', '核查', now() + interval '30 days', $1) RETURNING id::text`,
      [users[1]!.id],
    )) as { id: string }[];
    await app.db.dataSource.query(`INSERT INTO verification_marks (campaign_id, student_id, school_id, mark, marked_by) VALUES ($1, $2, $3, 'CHANGED', $4)`, [campaign!.id, students[0], schoolA.id, users[0]!.id]);
    // A possible duplicate of the two records, for the staff over both (possibleDuplicates.records).
    await app.db.dataSource.query(
      `INSERT INTO match_suggestions (student_a, student_b, region_a, region_b, score, probability, explanation, fingerprint_a, fingerprint_b)
       VALUES ($1, $2, '330106', '330102', 12, 0.99, '[]', 'a', 'b')`,
      [students[0], students[1]],
    );
  });
  afterAll(async () => {
    await product?.close();
    await app?.dispose();
  });

  /** The arguments of each root field that needs some; a new such root field must be added here. */
  const rootArgs: Record<string, () => string> = {
    problem: () => `(id: "${ids.problem}")`,
    student: () => `(id: "${ids.student}")`,
  };

  const schema = apiSchema();
  const targets = new Set(Object.keys(PUPIL_TYPES));
  const paths = pathsTo(schema.getQueryType()!, targets);

  it('finds the paths, and knows how to ask every root field on them', () => {
    expect(paths.length).toBeGreaterThan(10);
    const needArgs = [...new Set(paths.filter((p) => p.root.args.some((a) => a.type.toString().endsWith('!'))).map((p) => p.root.name))];
    expect(needArgs.filter((name) => !rootArgs[name]), 'root fields that reach pupil data need arguments in rootArgs').toEqual([]);
  });

  async function logged(userId: string, after: number): Promise<Set<string>> {
    const rows = (await app.db.dataSource.query(`SELECT unnest(subject_ids)::text AS id FROM access_log WHERE user_id = $1 AND id > $2 AND subject_type = 'student'`, [userId, after])) as { id: string }[];
    return new Set(rows.map((r) => r.id));
  }
  const lastLogId = async () => Number(((await app.db.dataSource.query(`SELECT coalesce(max(id), 0)::int AS n FROM access_log`)) as { n: number }[])[0]!.n);

  it.each(paths.map((path): [string, FieldPath] => [`${path.fields.join('.')} → ${path.target}`, path]))('%s writes the read log', async (_label, path) => {
    let reached = 0;
    for (const user of users) {
      const before = await lastLogId();
      const response = await product.gql(queryFor(path, rootArgs[path.root.name]?.() ?? '', PUPIL_TYPES[path.target]!.leaf), {}, user.token);
      if (response.errors?.some((e) => e.extensions?.code !== 'FORBIDDEN' && e.extensions?.code !== 'NOT_FOUND')) throw new Error(JSON.stringify(response.errors));
      const records = objectsAt(response.data, path.fields).map(PUPIL_TYPES[path.target]!.recordOf).filter((id): id is string => id !== null);
      reached += records.length;
      const log = await logged(user.id, before);
      expect(records.filter((id) => !log.has(id)), `${user.name}: records returned but not in the read log`).toEqual([]);
    }
    expect(reached, 'no record came back on this path: extend the fixture so the path is tried').toBeGreaterThan(0);
  });

  it('watches every type that carries a pupil\'s values, or that is reached only through one that is watched', () => {
    const watched = new Set(SUBGRAPHS.flatMap((def) => Object.keys(def.reads ?? {})));
    const objectTypes = Object.values(schema.getTypeMap()).filter((t): t is GraphQLObjectType => isObjectType(t) && !t.name.startsWith('__'));
    const holders = objectTypes.filter((t) => Object.keys(t.getFields()).some((f) => PUPIL_FIELDS.includes(f)) || t.name === 'ProblemEvent');
    const returnedBy = (name: string) => objectTypes.filter((t) => Object.values(t.getFields()).some((f) => getNamedType(f.type).name === name)).map((t) => t.name);
    const unwatched = holders.filter((t) => !watched.has(t.name) && !returnedBy(t.name).every((parent) => watched.has(parent)));
    expect(unwatched.map((t) => t.name)).toEqual([]);
  });
});
