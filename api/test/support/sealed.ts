import { openStudentRow, residentIdIndex, storedValue } from '../../src/registry/student/sealed-fields.js';

/** Raw reads of `students` return sealed values: tests open them as the registry's readers do. */
export { openStudentRow };

/** A resident ID number as the registry stores it: sealed, with its blind index (for tests that write rows directly). */
export function storedResidentId(idNumber: string): { idNumber: string; idKey: string } {
  return { idNumber: storedValue('idNumber', idNumber) as string, idKey: residentIdIndex('RESIDENT_ID', idNumber)! };
}
