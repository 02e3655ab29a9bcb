import { Field, InputType } from 'type-graphql';
import { STUDENT_FIELDS, type StudentChanges, type StudentFieldKey } from './student-fields.js';
import { Gender, IdType } from './student.entity.js';

const GRAPHQL_TYPES: Partial<Record<StudentFieldKey, () => object>> = { gender: () => Gender, idType: () => IdType };
const FORMATS: Partial<Record<StudentFieldKey, string>> = { birthDate: 'YYYY-MM-DD', enrollmentMonth: 'YYYY-MM' };

@InputType('StudentChangesInput', { description: 'The fields to correct; leave out what stays.' })
export class StudentChangesInput implements StudentChanges {}

// One input field per record field, from the one field list: a field added there is correctable here.
// Each is described by its template column header (what registrars know it by) and its format.
for (const field of STUDENT_FIELDS) {
  const format = FORMATS[field.key];
  const description = `${field.template.header}: the corrected value${format ? `, ${format}` : ''}.`;
  Field(GRAPHQL_TYPES[field.key] ?? (() => String), { nullable: true, description })(StudentChangesInput.prototype, field.key);
}
