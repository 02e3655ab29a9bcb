/**
 * What an export's headers and values are called in each language it is offered in. The words
 * are the portal's (its catalogues under portal/src), so a file says what the page said. A field
 * or value not listed keeps its API name: an export never fails for want of a label.
 */
export const EXPORT_LOCALES = ['zh-CN', 'en'] as const;
export type ExportLocale = (typeof EXPORT_LOCALES)[number];

interface Catalogue {
  /** Field names (the last part of a column's path; `nodes` and `edges` are left out). */
  fields: Record<string, string>;
  /** Values of enums, by enum name. */
  enums: Record<string, Record<string, string>>;
  /** Between the parts of a nested column's header (`成员 · 学校 · 名称`). */
  separator: string;
  yes: string;
  no: string;
}

const zhCN: Catalogue = {
  separator: ' · ',
  yes: '是',
  no: '否',
  fields: {
    id: '编号', type: '问题类型', scope: '范围', status: '状态', reasons: '原因', version: '版本', openedAt: '发现时间',
    updatedAt: '更新时间', resolvedAt: '解决时间', deadlineAt: '处理期限', overdue: '已逾期', members: '成员',
    studentId: '学籍编号', school: '学校', student: '学籍', inMyScope: '本人范围内', disclosure: '显示方式', name: '姓名',
    gender: '性别', birthDate: '出生日期', idType: '身份证件类型', idNumberMasked: '身份证件号（部分隐藏）',
    idNumber: '身份证件号', corroborated: '已佐证', joinedAt: '加入时间', schoolId: '学校编号', ethnicity: '民族',
    grade: '年级', className: '班级', enrollmentMonth: '入学年月', householdRegion: '户口所在地', phone: '联系电话',
    createdAt: '建档时间', code: '代码', regionCode: '行政区划代码', region: '行政区划', level: '级别', parent: '上级',
    openProblemCount: '未解决问题数', totalCount: '合计', openedWeek: '发现周', openedMonth: '发现月份',
    count: '问题数', open: '待处理', pendingReview: '待审核', escalated: '待裁决', resolved: '已解决',
    unresolved: '未解决', medianDaysToResolve: '解决天数中位数', p90DaysToResolve: '解决天数 90 分位',
    medianOpenAgeDays: '未解决天数中位数', valid: '有效', addressCodeKnown: '地址码可识别',
  },
  enums: {
    ProblemType: { DUPLICATE_ID: '身份证件号重复', DUPLICATE_IDENTITY: '身份信息重复', INVALID_ID: '身份证件号无效' },
    ProblemScope: { WITHIN_SCHOOL: '校内', CROSS_SCHOOL: '跨校' },
    ProblemStatus: { OPEN: '待处理', PENDING_REVIEW: '待审核', ESCALATED: '待裁决', RESOLVED: '已解决' },
    Gender: { M: '男', F: '女' },
    StudentStatus: { ENROLLED: '在籍', SUSPENDED: '休学', TRANSFERRED_OUT: '转出', GRADUATED: '毕业', DELETED: '已删除' },
    IdType: {
      RESIDENT_ID: '居民身份证', HK_PASS: '香港特区护照/身份证明', MO_PASS: '澳门特区护照/身份证明', TW_PASS: '台湾居民来往大陆通行证',
      FOREIGN_PERMANENT: '外国人永久居留身份证', PASSPORT: '护照', OTHER: '其他',
    },
    Disclosure: { FULL: '完整', COMPARED: '仅比对' },
    RegionLevel: { PROVINCE: '省', CITY: '市', DISTRICT: '区县' },
  },
};

const en: Catalogue = {
  separator: ' · ',
  yes: 'Yes',
  no: 'No',
  fields: {
    id: 'ID', type: 'Problem type', scope: 'Scope', status: 'Status', reasons: 'Reasons', version: 'Version', openedAt: 'Found',
    updatedAt: 'Updated', resolvedAt: 'Resolved', deadlineAt: 'Deadline', overdue: 'Overdue', members: 'Members',
    studentId: 'Record ID', school: 'School', student: 'Record', inMyScope: 'In my scope', disclosure: 'Shown as', name: 'Name',
    gender: 'Gender', birthDate: 'Date of birth', idType: 'ID type', idNumberMasked: 'ID number (masked)', idNumber: 'ID number',
    corroborated: 'Corroborated', joinedAt: 'Joined', schoolId: 'School ID', ethnicity: 'Ethnicity', grade: 'Grade',
    className: 'Class', enrollmentMonth: 'Enrolment month', householdRegion: 'Household registration', phone: 'Phone',
    createdAt: 'Created', code: 'Code', regionCode: 'Region code', region: 'Region', level: 'Level', parent: 'Parent',
    openProblemCount: 'Open problems', totalCount: 'Total', openedWeek: 'Week found', openedMonth: 'Month found',
    count: 'Problems', open: 'Open', pendingReview: 'Pending review', escalated: 'Escalated', resolved: 'Resolved',
    unresolved: 'Unresolved', medianDaysToResolve: 'Median days to resolve', p90DaysToResolve: '90th percentile days to resolve',
    medianOpenAgeDays: 'Median days open', valid: 'Valid', addressCodeKnown: 'Address code known',
  },
  enums: {
    ProblemType: { DUPLICATE_ID: 'Duplicate ID number', DUPLICATE_IDENTITY: 'Duplicate identity', INVALID_ID: 'Invalid ID number' },
    ProblemScope: { WITHIN_SCHOOL: 'Within school', CROSS_SCHOOL: 'Cross-school' },
    ProblemStatus: { OPEN: 'Open', PENDING_REVIEW: 'Pending review', ESCALATED: 'Escalated', RESOLVED: 'Resolved' },
    Gender: { M: 'Male', F: 'Female' },
    StudentStatus: { ENROLLED: 'Enrolled', SUSPENDED: 'Suspended', TRANSFERRED_OUT: 'Transferred out', GRADUATED: 'Graduated', DELETED: 'Deleted' },
    IdType: {
      RESIDENT_ID: 'Resident ID card', HK_PASS: 'Hong Kong passport / identity document', MO_PASS: 'Macao passport / identity document',
      TW_PASS: 'Mainland travel permit for Taiwan residents', FOREIGN_PERMANENT: 'Foreign permanent resident ID card', PASSPORT: 'Passport', OTHER: 'Other',
    },
    Disclosure: { FULL: 'Full', COMPARED: 'Compared only' },
    RegionLevel: { PROVINCE: 'Province', CITY: 'City', DISTRICT: 'District' },
  },
};

export const EXPORT_CATALOGUES: Record<ExportLocale, Catalogue> = { 'zh-CN': zhCN, en };
