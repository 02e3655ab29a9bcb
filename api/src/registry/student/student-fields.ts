import type { Gender, IdType } from './student.entity.js';

/** What a school records about a pupil: the values imported, created and changed. */
export interface StudentDetails {
  name: string;
  gender: Gender;
  birthDate: string;
  idType: IdType;
  idNumber: string | null;
  ethnicity: string | null;
  grade: string | null;
  className: string | null;
  enrollmentMonth: string | null;
  householdRegion: string | null;
  phone: string | null;
}

export type StudentFieldKey = keyof StudentDetails;

export interface StudentField {
  key: StudentFieldKey;
  column: string;
  sqlType: 'text' | 'date';
  /** A value every record has (the rest may be empty). */
  required: boolean;
  /** Its column in the import template. */
  template: { key: string; header: string; required: boolean };
}

/**
 * The one list of a record's fields, in template order. Import (rows, COPY and INSERT writers),
 * create and change all take their columns from here, so a field added here is read, stored and
 * correctable everywhere.
 */
export const STUDENT_FIELDS = [
  { key: 'name', column: 'name', sqlType: 'text', required: true, template: { key: 'name', header: '姓名', required: true } },
  { key: 'gender', column: 'gender', sqlType: 'text', required: true, template: { key: 'gender', header: '性别', required: true } },
  { key: 'birthDate', column: 'birth_date', sqlType: 'date', required: true, template: { key: 'birth_date', header: '出生日期', required: true } },
  { key: 'idType', column: 'id_type', sqlType: 'text', required: true, template: { key: 'id_type', header: '身份证件类型', required: false } },
  { key: 'idNumber', column: 'id_number', sqlType: 'text', required: false, template: { key: 'id_number', header: '身份证件号', required: true } },
  { key: 'ethnicity', column: 'ethnicity', sqlType: 'text', required: false, template: { key: 'ethnicity', header: '民族', required: false } },
  { key: 'grade', column: 'grade', sqlType: 'text', required: false, template: { key: 'grade', header: '年级', required: false } },
  { key: 'className', column: 'class_name', sqlType: 'text', required: false, template: { key: 'class', header: '班级', required: false } },
  { key: 'enrollmentMonth', column: 'enrollment_month', sqlType: 'text', required: false, template: { key: 'enrollment_month', header: '入学年月', required: false } },
  {
    key: 'householdRegion',
    column: 'household_region',
    sqlType: 'text',
    required: false,
    template: { key: 'household_region', header: '户口所在地', required: false },
  },
  { key: 'phone', column: 'phone', sqlType: 'text', required: false, template: { key: 'phone', header: '联系电话', required: false } },
] as const satisfies readonly StudentField[];

// Every field of StudentDetails is in the list: a field left out makes this type an error.
type NothingLeftOut<T extends never> = T;
export type AllFieldsListed = NothingLeftOut<Exclude<StudentFieldKey, (typeof STUDENT_FIELDS)[number]['key']>>;

/** The comparison keys stored beside the fields (see comparison-keys.ts), in insert order. */
export const KEY_COLUMNS = [
  { key: 'nameKey', column: 'name_key' },
  { key: 'idKey', column: 'id_key' },
  { key: 'idProblems', column: 'id_problems' },
  { key: 'identityKey', column: 'identity_key' },
] as const;

/** `st.name AS "name", st.birth_date::text AS "birthDate", …` for reading a record's fields. */
export function selectStudentFields(alias: string): string {
  return STUDENT_FIELDS.map((f) => `${alias}.${f.column}${f.sqlType === 'date' ? '::text' : ''} AS "${f.key}"`).join(', ');
}

/** A new record: the required fields, the others optional. */
export type NewStudent = { schoolId: string } & Pick<StudentDetails, 'name' | 'gender' | 'birthDate' | 'idType' | 'idNumber'> & Partial<StudentDetails>;

/** A correction: the fields to change; left out means unchanged. */
export type StudentChanges = { [K in StudentFieldKey]?: StudentDetails[K] | null };
