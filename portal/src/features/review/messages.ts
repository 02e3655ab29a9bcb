/**
 * Messages of the review queue (待审核), wired into the catalogues as `review`. The problem
 * type, scope and status names here are also used by the student record page.
 * `reviewEn` is typed against `reviewZhCN`, so a missing or extra key fails the type check.
 */
export const reviewZhCN = {
  title: '审核与裁决',
  description: '等待您审核的已处理问题学籍，以及学校协商未果、需要您裁决的问题学籍。等待最久的排在最前。',
  roleNotAllowed: '审核与裁决由区县学籍管理员负责',
  roleNotAllowedHint: '您的角色没有需要审核或裁决的问题学籍。',
  tabs: {
    label: '审核队列',
    toReview: '待审核',
    escalated: '待裁决',
  },
  tabHint: {
    toReview: '学校已处理完毕、等待您确认的问题学籍。通过后问题即解决；驳回时需说明原因，问题退回学校。',
    escalated: '学校协商未果或超过处理期限的问题学籍，由您决定保留和删除哪些学籍。',
  },
  count: '共 {count} 个',
  tableLabel: '{tab}列表',
  columns: {
    problem: '问题',
    scope: '范围',
    members: '涉及学生',
    schools: '涉及学校',
    openedAt: '发现日期',
    waiting: '已等待',
    action: '操作',
  },
  days: '{count} 天',
  overdue: '已超期',
  open: {
    toReview: '审核',
    escalated: '裁决',
  },
  openLabel: '打开问题 {id}',
  problemNumber: '#{id}',
  empty: {
    toReview: '没有等待您审核的问题学籍',
    escalated: '没有等待您裁决的问题学籍',
  },
  loadFailed: '审核队列加载失败',
  badge: {
    label: '待我处理',
    count: '有 {count} 个问题学籍等待我处理',
    none: '没有等待我处理的问题学籍',
  },
  problemType: {
    DUPLICATE_ID: '身份证件号重复',
    DUPLICATE_IDENTITY: '身份信息重复',
    INVALID_ID: '身份证件号无效',
  },
  problemScope: {
    WITHIN_SCHOOL: '校内',
    CROSS_SCHOOL: '跨校',
  },
  problemStatus: {
    OPEN: '待处理',
    PENDING_REVIEW: '待审核',
    RESOLVED: '已解决',
    ESCALATED: '待裁决',
  },
};

export type ReviewMessages = typeof reviewZhCN;

export const reviewEn: ReviewMessages = {
  title: 'Review and arbitration',
  description: 'Settled problems waiting for your review, and problems the schools could not settle that you decide. Longest waiting first.',
  roleNotAllowed: 'District registrars review and arbitrate',
  roleNotAllowedHint: 'Your role has no problems to review or decide.',
  tabs: {
    label: 'Review queue',
    toReview: 'To review',
    escalated: 'Escalated',
  },
  tabHint: {
    toReview: 'Problems the schools have settled, waiting for your approval. Approving resolves them; rejecting (with a reason) sends them back to the schools.',
    escalated: 'Problems the schools could not agree on, or left past their deadline. You decide which records to keep and which to delete.',
  },
  count: '{count} in total',
  tableLabel: '{tab} list',
  columns: {
    problem: 'Problem',
    scope: 'Scope',
    members: 'Pupils',
    schools: 'Schools',
    openedAt: 'Found on',
    waiting: 'Waiting',
    action: 'Action',
  },
  days: '{count} d',
  overdue: 'Overdue',
  open: {
    toReview: 'Review',
    escalated: 'Decide',
  },
  openLabel: 'Open problem {id}',
  problemNumber: '#{id}',
  empty: {
    toReview: 'No problems are waiting for your review',
    escalated: 'No escalated problems are waiting for your decision',
  },
  loadFailed: 'Could not load the review queue',
  badge: {
    label: 'Waiting for me',
    count: '{count} problems are waiting for me',
    none: 'No problems are waiting for me',
  },
  problemType: {
    DUPLICATE_ID: 'Duplicate ID number',
    DUPLICATE_IDENTITY: 'Duplicate identity',
    INVALID_ID: 'Invalid ID number',
  },
  problemScope: {
    WITHIN_SCHOOL: 'Within school',
    CROSS_SCHOOL: 'Cross-school',
  },
  problemStatus: {
    OPEN: 'Open',
    PENDING_REVIEW: 'Pending review',
    RESOLVED: 'Resolved',
    ESCALATED: 'Escalated',
  },
};
