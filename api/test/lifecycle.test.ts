import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeStatus, IllegalTransition, lifecycleDiagram, TRANSITIONS, type Transition } from '../src/problems/lifecycle/index.js';
import { Gender, IdType } from '../src/registry/student/student.entity.js';
import { makeSchool } from './support/factories.js';
import { validId } from './support/templates.js';
import { createTestApp, type TestApp } from './support/test-app.js';

const SRC = path.resolve(import.meta.dirname, '../src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'migrations' ? [] : sourceFiles(full);
    return full.endsWith('.ts') ? [full] : [];
  });
}

describe('one owner per rule: problem status, student records', () => {
  it('no code outside problems/lifecycle writes a problem status or version', () => {
    const writers = sourceFiles(SRC)
      .filter((file) => !file.includes(`${path.sep}lifecycle${path.sep}`))
      .flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        const statements = text.match(/UPDATE\s+problems\b[\s\S]*?(?:WHERE|RETURNING)/g) ?? [];
        return statements.filter((sql) => /\b(status|version)\s*=/.test(sql)).map(() => path.relative(SRC, file));
      });
    expect(writers).toEqual([]);
  });

  it('no code outside the registry writes the students table', () => {
    const writers = sourceFiles(SRC)
      .filter((file) => !path.relative(SRC, file).startsWith(`registry${path.sep}`))
      .filter((file) => /\b(UPDATE|INSERT INTO|DELETE FROM|COPY)\s+students\b/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(SRC, file));
    expect(writers).toEqual([]);
  });

  it('draws the README diagram from the transition table', () => {
    const readme = readFileSync(path.resolve(SRC, '../../README.md'), 'utf8');
    const block = /<!-- lifecycle:start -->\n```mermaid\n([\s\S]*?)\n```\n<!-- lifecycle:end -->/.exec(readme);
    expect(block?.[1], 'README lifecycle diagram is stale: run `pnpm schema:write`').toBe(lifecycleDiagram());
  });
});

describe('changeStatus', () => {
  let app: TestApp;
  let problemId: string;
  const state = async () =>
    ((await app.db.dataSource.query(`SELECT status, version, closed_by AS "closedBy", rejected_reason AS "rejectedReason" FROM problems WHERE id = $1`, [problemId])) as {
      status: string;
      version: number;
      closedBy: string | null;
      rejectedReason: string | null;
    }[])[0]!;
  const move = (on: Transition, extra: { expectedVersion?: number; reason?: string } = {}) =>
    app.db.dataSource.transaction((manager) => changeStatus(manager, { on, problemIds: [problemId], actorId: null, ...extra }));

  beforeAll(async () => {
    app = await createTestApp();
    const school = await makeSchool(app);
    const pupil = { schoolId: school.id, name: '张小明', gender: Gender.M, birthDate: '2015-03-05', idType: IdType.RESIDENT_ID, idNumber: validId('330102', '2015-03-05', 'M') };
    await app.db.dataSource.transaction((m) => app.services.students.insertMany(m, [pupil, { ...pupil, name: '张晓明' }]));
    await app.db.dataSource.transaction((m) => app.services.detection.detect(m, { kind: 'all' }));
    problemId = ((await app.db.dataSource.query(`SELECT id::text FROM problems`)) as { id: string }[])[0]!.id;
  });
  afterAll(() => app?.dispose());

  it('refuses what the table does not allow and changes nothing', async () => {
    const before = await state();
    expect(before.status).toBe('OPEN');
    for (const on of (Object.keys(TRANSITIONS) as Transition[]).filter((t) => !(TRANSITIONS[t].from as readonly string[]).includes('OPEN'))) {
      await expect(move(on)).rejects.toBeInstanceOf(IllegalTransition);
    }
    await expect(move('SUBMIT', { expectedVersion: before.version + 1 })).rejects.toBeInstanceOf(IllegalTransition);
    expect(await state()).toEqual(before);
  });

  it('moves along the table, bumping the version and writing each event with the status before and after', async () => {
    const start = await state();
    await move('SUBMIT', { expectedVersion: start.version });
    await move('REJECT', { reason: '材料不清楚' });
    expect(await state()).toMatchObject({ status: 'OPEN', version: start.version + 2, rejectedReason: '材料不清楚' });
    await move('ESCALATE');
    await move('ARBITRATE');
    expect(await state()).toMatchObject({ status: 'RESOLVED', version: start.version + 4, closedBy: 'ARBITRATION' });
    const events = (await app.db.dataSource.query(`SELECT type, data FROM events WHERE problem_id = $1 AND type <> 'PROBLEM_OPENED' ORDER BY id`, [problemId])) as {
      type: string;
      data: { before: { status: string }; after: { status: string } };
    }[];
    expect(events.map((e) => `${e.type} ${e.data.before.status}->${e.data.after.status}`)).toEqual([
      'PROBLEM_SUBMITTED_FOR_REVIEW OPEN->PENDING_REVIEW',
      'PROBLEM_REJECTED PENDING_REVIEW->OPEN',
      'PROBLEM_ESCALATED OPEN->ESCALATED',
      'ARBITRATION_DECIDED ESCALATED->RESOLVED',
    ]);
  });
});
