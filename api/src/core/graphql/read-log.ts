import type { ApolloServerPlugin } from '@apollo/server';
import { isObjectType, Kind, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { AccessSubject } from '../audit/access-log.js';
import type { Context } from './context.js';

/** Which kind of record an object of a watched type is, and its id or ids (null: nothing personal in it). */
export interface WatchedType {
  subject: AccessSubject;
  idOf(value: unknown): string | readonly string[] | null | undefined;
}

/** The root field (its name, not an alias) under which a value was reached: "students", "problem", "entities". */
function rootFieldOf(info: GraphQLResolveInfo): string {
  let step = info.path;
  while (step.prev) step = step.prev;
  const field = info.operation.selectionSet.selections.find(
    (s) => s.kind === Kind.FIELD && (s.alias?.value ?? s.name.value) === step.key,
  );
  const name = field?.kind === Kind.FIELD ? field.name.value : String(step.key);
  return name.replace(/^_/, '');
}

/**
 * The read log by type rather than by resolver: every object of a watched type that a response
 * carries is recorded, however the query reached it (a list, a record, a nested field, a reference
 * from another subgraph, a mutation's payload). graphql-js asks a type's `isTypeOf` once for each
 * object it completes; the hook records it there. The watched types must not be members of an
 * interface, where `isTypeOf` would also be asked while resolving which type an object is.
 */
export function watchReads(schema: GraphQLSchema, watched: Record<string, WatchedType>): void {
  for (const [name, watch] of Object.entries(watched)) {
    const type = schema.getType(name);
    if (!isObjectType(type)) throw new Error(`read log: ${name} is not an object type of this schema`);
    if (type.getInterfaces().length > 0) throw new Error(`read log: ${name} implements an interface; its isTypeOf would be asked while resolving types`);
    const previous = type.isTypeOf;
    type.isTypeOf = (value, context: Context, info) => {
      const ids = watch.idOf(value);
      for (const id of typeof ids === 'string' ? [ids] : (ids ?? [])) context.reads.add(watch.subject, rootFieldOf(info), String(id));
      return previous ? previous(value, context, info) : true;
    };
  }
}

/** What a client gets instead of the data when the read log cannot be written. */
const NOT_LOGGED = { message: 'The read could not be logged; nothing was returned.', extensions: { code: 'INTERNAL_SERVER_ERROR' } };

/**
 * Writes what the request read, in one statement, before the response leaves. Returns the error to
 * answer instead of the data when the log cannot be written: a read that reached the user is never
 * missing from the log. Anonymous requests reach no pupil's rows (row-level security).
 */
export async function flushReads(context: Context): Promise<typeof NOT_LOGGED | null> {
  if (!context.caller) return null;
  const entries = context.reads.drain();
  if (entries.length === 0) return null;
  try {
    await context.app.services.accessLog.recordMany(context.caller, entries, context.requestId);
    return null;
  } catch (error) {
    context.log.error({ err: error }, 'read log not written; response withheld');
    return NOT_LOGGED;
  }
}

/** The read log of a subgraph answering over HTTP (flushReads). */
export function readLogPlugin(): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ contextValue, response }) {
          // Requests refused before execution have no context worth the name.
          if (!contextValue.reads) return;
          const refusal = await flushReads(contextValue);
          if (refusal && response.body.kind === 'single') response.body.singleResult = { errors: [refusal] };
        },
      };
    },
  };
}
