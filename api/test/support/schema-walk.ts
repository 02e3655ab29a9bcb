import { readFileSync } from 'node:fs';
import {
  buildSchema,
  getNamedType,
  isLeafType,
  isNonNullType,
  isObjectType,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';
import { API_SCHEMA_FILE } from '../../src/core/graphql/schema-files.js';

/** The published client schema (schema/api.graphql), which a test keeps equal to the running one. */
export function apiSchema(): GraphQLSchema {
  return buildSchema(readFileSync(API_SCHEMA_FILE, 'utf8'));
}

/** One way from a root field down to an object of a target type: the fields in order. */
export interface FieldPath {
  root: GraphQLField<unknown, unknown>;
  fields: string[];
  target: string;
}

function objectTypeOf(field: GraphQLField<unknown, unknown>): GraphQLObjectType | null {
  const type = getNamedType(field.type);
  return isObjectType(type) ? type : null;
}

const requiresArgs = (field: GraphQLField<unknown, unknown>) => field.args.some((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

/**
 * Every field path from `root`'s fields to an object of one of `targets`, each type at most once on
 * a path (cycles such as Student → problems → members → student end there) and at most `maxDepth`
 * fields long. Nested fields that need arguments are skipped; root fields are kept, the caller
 * supplies their arguments.
 */
export function pathsTo(root: GraphQLObjectType, targets: ReadonlySet<string>, maxDepth = 6): FieldPath[] {
  const found: FieldPath[] = [];
  const walk = (rootField: GraphQLField<unknown, unknown>, type: GraphQLObjectType, fields: string[], seen: Set<string>) => {
    if (targets.has(type.name)) found.push({ root: rootField, fields, target: type.name });
    if (fields.length >= maxDepth) return;
    for (const field of Object.values(type.getFields())) {
      const next = objectTypeOf(field);
      if (!next || seen.has(next.name) || requiresArgs(field)) continue;
      walk(rootField, next, [...fields, field.name], new Set([...seen, next.name]));
    }
  };
  for (const field of Object.values(root.getFields())) {
    const type = objectTypeOf(field);
    if (type) walk(field, type, [field.name], new Set([root.name, type.name]));
  }
  return found;
}

/** `{ a(args) { b { c { <leaf> } } } }` for a path. */
export function queryFor(path: FieldPath, args: string, leaf: string): string {
  let body = `{ ${leaf} }`;
  for (let i = path.fields.length - 1; i >= 1; i--) body = `{ ${path.fields[i]} ${body} }`;
  return `{ ${path.fields[0]}${args} ${body} }`;
}

/**
 * A selection of every field of `type` that needs no argument, to `depth` levels, each type once
 * per branch: what a client could possibly ask of it in one request. `leaveOut` names fields
 * (`Type.field`) to skip.
 */
export function selectEverything(schema: GraphQLSchema, type: GraphQLNamedType, depth: number, leaveOut: ReadonlySet<string> = new Set(), seen: ReadonlySet<string> = new Set()): string {
  if (!isObjectType(type)) return '';
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    if (requiresArgs(field) || leaveOut.has(`${type.name}.${field.name}`)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(field.name);
    else if (depth > 0 && isObjectType(named) && !seen.has(named.name)) {
      const inner = selectEverything(schema, named, depth - 1, leaveOut, new Set([...seen, type.name]));
      if (inner) parts.push(`${field.name} ${inner}`);
    }
  }
  return parts.length ? `{ ${parts.join(' ')} }` : '';
}
