/**
 * Messages of the student record page (学籍详情), wired into the catalogues as `studentRecord`.
 * Field names, genders and statuses come from the `students` messages of the list page.
 */
export const studentRecordZhCN = {
  title: '学籍详情',
  back: '返回学籍查询',
  loading: '正在加载学籍…',
  loadFailed: '学籍加载失败',
  notFound: '找不到这条学籍',
  notFoundHint: '该学籍可能不存在，或不在您的管理范围内。',
  sections: {
    identity: '身份信息',
    enrolment: '就读信息',
    contact: '其他信息',
    problems: '问题学籍',
  },
  fields: {
    idType: '身份证件类型',
    ethnicity: '民族',
    enrollmentMonth: '入学年月',
    householdRegion: '户口所在地',
    phone: '联系电话',
    region: '所属区县',
    schoolCode: '学校标识码',
    createdAt: '建档时间',
  },
  idType: {
    RESIDENT_ID: '居民身份证',
    HK_PASS: '香港特区护照/身份证明',
    MO_PASS: '澳门特区护照/身份证明',
    TW_PASS: '台湾居民来往大陆通行证',
    FOREIGN_PERMANENT: '外国人永久居留身份证',
    PASSPORT: '护照',
    OTHER: '其他',
  },
  revealId: '显示完整证件号',
  hideId: '隐藏',
  revealFailed: '无法获取完整证件号',
  problems: {
    tableLabel: '该学籍所在的问题学籍',
    columns: {
      problem: '问题',
      scope: '范围',
      status: '状态',
      openedAt: '发现日期',
    },
    open: '查看',
    openLabel: '打开问题 {id}',
    empty: '这条学籍目前没有问题',
    count: '这条学籍目前在 {count} 个问题学籍中，处理完毕前无法办理转学、升学等业务。',
  },
};

export type StudentRecordMessages = typeof studentRecordZhCN;

export const studentRecordEn: StudentRecordMessages = {
  title: 'Student record',
  back: 'Back to students',
  loading: 'Loading the record…',
  loadFailed: 'Could not load the record',
  notFound: 'Record not found',
  notFoundHint: 'It may not exist, or it is outside your scope.',
  sections: {
    identity: 'Identity',
    enrolment: 'Enrolment',
    contact: 'Other details',
    problems: 'Problems',
  },
  fields: {
    idType: 'ID document type',
    ethnicity: 'Ethnicity',
    enrollmentMonth: 'Enrolled in',
    householdRegion: 'Household registration',
    phone: 'Phone',
    region: 'District',
    schoolCode: 'School code',
    createdAt: 'Record created',
  },
  idType: {
    RESIDENT_ID: 'Resident ID card',
    HK_PASS: 'Hong Kong passport / identity document',
    MO_PASS: 'Macao passport / identity document',
    TW_PASS: 'Mainland travel permit for Taiwan residents',
    FOREIGN_PERMANENT: 'Foreign permanent resident ID card',
    PASSPORT: 'Passport',
    OTHER: 'Other',
  },
  revealId: 'Show the full number',
  hideId: 'Hide',
  revealFailed: 'Could not get the full ID number',
  problems: {
    tableLabel: 'Problems this record belongs to',
    columns: {
      problem: 'Problem',
      scope: 'Scope',
      status: 'Status',
      openedAt: 'Found on',
    },
    open: 'Open',
    openLabel: 'Open problem {id}',
    empty: 'This record has no problems',
    count: 'This record is in {count} problems. Until they are settled the pupil cannot transfer or move on to further study.',
  },
};
