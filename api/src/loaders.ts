import DataLoader from 'dataloader';
import type { App } from './app.js';
import { scopeOf, type Caller } from './core/auth/caller.js';
import type { Region } from './registry/region/region.entity.js';
import type { School } from './registry/school/school.entity.js';
import type { Student } from './registry/student/student.entity.js';
import type { User } from './registry/user/user.entity.js';

/** Batches `load(key)` calls of one tick into one query and returns results in key order. */
function keyed<K extends string, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (value: V) => K) {
  return new DataLoader<K, V | null>(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((value) => [keyOf(value), value]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/**
 * Built once per request (never shared: a cache shared between requests would leak one user's
 * data to another). Entity loaders fetch without access checks, resolvers check scope on what
 * they return; the problem loaders apply the caller's scope themselves.
 */
export function createLoaders(app: App, caller: Caller | null) {
  const { services } = app;
  const scope = caller ? scopeOf(caller) : ({ kind: 'school', schoolId: '0' } as const);
  return {
    region: keyed<string, Region>((codes) => services.regions.byCodes(codes), (r) => r.code),
    school: keyed<string, School>((ids) => services.schools.byIds(ids), (s) => String(s.id)),
    student: keyed<string, Student>((ids) => services.students.byIds(ids), (s) => String(s.id)),
    user: keyed<string, User>((ids) => services.users.byIds(ids), (u) => String(u.id)),
    problemMembers: new DataLoader((ids: readonly string[]) => services.problems.memberSetsOf(scope, ids)),
    problemParticipants: new DataLoader((ids: readonly string[]) => services.problems.participantsOf(ids)),
    problemHistory: new DataLoader((ids: readonly string[]) => services.problems.historyOf(scope, ids)),
    problemMessages: new DataLoader((ids: readonly string[]) => services.negotiation.messagesOf(ids)),
    problemTransfers: new DataLoader((ids: readonly string[]) => services.transfers.ofProblems(ids)),
    campaignSchools: new DataLoader((ids: readonly string[]) => services.verification.schoolsOf(ids)),
    transferHistory: new DataLoader((ids: readonly string[]) => services.transfers.historyOf(ids)),
    problemsOfStudent: new DataLoader((ids: readonly string[]) => services.problems.problemsOfStudents(ids)),
    nextSteps: new DataLoader((ids: readonly string[]) => (caller ? services.nextSteps.stepsOf(caller, ids) : Promise.resolve(ids.map(() => null)))),
    memberSuggestions: new DataLoader((ids: readonly string[]) => services.nextSteps.suggestionsOf(ids)),
    openProblemCount: new DataLoader((ids: readonly string[]) => services.problems.openCountOfSchools(scope, ids)),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;

// Core's request context names no domain; the composition root tells it what `ctx.loaders` holds.
declare module './core/graphql/context.js' {
  interface RequestLoaders extends Loaders {}
}
