import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, isEnumType } from 'graphql';

/** The client-facing API schema (checked in at the repository root), for tests that must follow it. */
const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../schema/api.graphql');
const schema = buildSchema(readFileSync(schemaFile, 'utf8'));

/** The values of an enum of the API, in schema order. */
export function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum in api.graphql`);
  return type.getValues().map((v) => v.name);
}
