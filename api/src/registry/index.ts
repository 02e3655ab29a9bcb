import type { SubgraphDefinition } from '../core/graphql/build-schema.js';
import { HeldImportResolver } from './import/held-import.resolver.js';
import { ImportResolver } from './import/import.resolver.js';
import { resolveRegionReference } from './region/region.reference.js';
import { RegionResolver } from './region/region.resolver.js';
import { resolveSchoolReference } from './school/school.reference.js';
import { SchoolResolver } from './school/school.resolver.js';
import { resolveStudentReference } from './student/student.reference.js';
import { StudentResolver } from './student/student.resolver.js';
import { UserResolver } from './user/user.resolver.js';
import { PupilCheckResolver } from './student/pupil-check.resolver.js';

export const registrySubgraph: SubgraphDefinition = {
  name: 'registry',
  resolvers: [RegionResolver, SchoolResolver, StudentResolver, UserResolver, ImportResolver, HeldImportResolver, PupilCheckResolver],
  references: {
    Region: { __resolveReference: resolveRegionReference },
    School: { __resolveReference: resolveSchoolReference },
    Student: { __resolveReference: resolveStudentReference },
  },
  reads: {
    Student: { subject: 'student', idOf: (student) => (student as { id?: string }).id },
  },
};

export { StudentChangesInput } from './student/student-changes.input.js';
export {
  activeStudentSql,
  changeStudent,
  deleteStudents,
  lockStudent,
  restoreStudent,
  StudentChangeRefused,
  transferStudent,
  type Attribution,
  type DeleteReason,
  type StudentRecord,
} from './student/student.commands.js';
export { STUDENT_FIELDS, type NewStudent, type StudentChanges, type StudentDetails } from './student/student-fields.js';
export { ACTIVE_STATUSES, Gender, IdType, StudentStatus } from './student/student.entity.js';
export { SchoolKind } from './school/school.entity.js';
export { openHistoryData, openStudentRow, residentIdIndex } from './student/sealed-fields.js';
export {
  addressCodeOf,
  checkResidentId,
  compareIdNumbers,
  ID_PROBLEM_SUMMARIES,
  IdNumberPart,
  IdProblemReason,
  maskIdNumber,
  residentIdCheckChar,
} from './student/id-number.js';
export { normalizeName } from './student/normalize.js';
export { activeRecordsWithId, type ActiveRecordMatch } from './student/student-lookup.js';
export { TEMPLATE_COLUMNS } from './import/template.js';
export { studentTemplateXlsx } from './import/template-file.js';
export { MIN_SHARE_MATCHES, type HoldPolicy } from './import/import-screening.js';
export { openSheet, SheetError } from './import/readers.js';
