import { describe, expect, it } from 'vitest';
import { enumValues } from '@/test/api-schema';
import { studentRecordEn, studentRecordZhCN } from './messages';

// A document type the API adds later would otherwise show up as a raw key on the record page.
describe('document names on the record page', () => {
  it.each([
    ['zh-CN', studentRecordZhCN],
    ['en', studentRecordEn],
  ] as const)('translate every IdType value of the API schema (%s)', (_, messages) => {
    expect(Object.keys(messages.idType).sort()).toEqual(enumValues('IdType').sort());
  });
});
