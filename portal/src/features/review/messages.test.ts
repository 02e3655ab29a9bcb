import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSchema, isEnumType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { studentRecordZhCN } from '../students/messages';
import { reviewZhCN } from './messages';

const schemaFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../schema/api.graphql');
const schema = buildSchema(readFileSync(schemaFile, 'utf8'));

function enumValues(name: string): string[] {
  const type = schema.getType(name);
  if (!isEnumType(type)) throw new Error(`${name} is not an enum in api.graphql`);
  return type.getValues().map((v) => v.name).sort();
}

// A value the API adds later would otherwise show up as a raw key in the queue and on the record page.
describe('problem and document names', () => {
  it.each([
    ['ProblemType', reviewZhCN.problemType],
    ['ProblemScope', reviewZhCN.problemScope],
    ['ProblemStatus', reviewZhCN.problemStatus],
    ['IdType', studentRecordZhCN.idType],
  ] as const)('translate every %s value of the API schema', (enumName, labels) => {
    expect(Object.keys(labels).sort()).toEqual(enumValues(enumName));
  });
});
