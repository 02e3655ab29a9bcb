/**
 * Simplified Chinese: the default language, and the shape every other catalogue must match
 * (en.ts is typed against it, and i18n.test.ts compares the key sets).
 *
 * vue-i18n message syntax: `{name}` is a parameter; a literal `@`, `{`, `}` or `|` needs `{'@'}` etc.
 */
import { accountZhCN } from '@/features/account/messages';
import { dashboardZhCN } from '@/features/dashboard/messages';
import { duplicatesZhCN } from '@/features/duplicates/messages';
import { importZhCN } from '@/features/import/messages';
import { policeZhCN } from '@/features/police/messages';
import { problemsZhCN } from '@/features/problems/messages';
import { reportsZhCN } from '@/features/reports/messages';
import { reviewZhCN } from '@/features/review/messages';
import { studentRecordZhCN } from '@/features/students/messages';
import { transfersZhCN } from '@/features/transfers/messages';
import { verificationZhCN } from '@/features/verification/messages';

const zhCN = {
  app: {
    name: '问题学籍处理平台',
    tagline: '发现并处理重复、错误的学籍记录',
    skipToContent: '跳到主要内容',
    home: '返回首页',
  },
  locale: {
    label: '语言',
    switchTo: '切换语言',
    'zh-CN': '中文',
    en: 'English',
  },
  errors: {
    network: '无法连接服务器，请检查网络后重试。',
    server: '服务器出错了，请稍后重试。',
    forbidden: '您没有权限查看这些数据。',
    badInput: '查询条件无效，请修改后重试。',
    unauthenticated: '登录已失效，请重新登录。',
    unknown: '出现未知错误，请稍后重试。',
    retry: '重试',
  },
  auth: {
    title: '登录',
    welcome: '欢迎使用',
    subtitle: '请使用教育管理部门分配的账号登录',
    username: '用户名',
    usernamePlaceholder: '请输入用户名',
    usernameRequired: '请输入用户名',
    password: '密码',
    passwordPlaceholder: '请输入密码',
    passwordRequired: '请输入密码',
    showPassword: '显示密码',
    submit: '登录',
    submitting: '正在登录…',
    failed: '登录失败',
    sessionExpired: '登录已过期，请重新登录。',
    signedOut: '您已安全退出。',
    codes: {
      INVALID_CREDENTIALS: '用户名或密码错误。',
      TOO_MANY_ATTEMPTS: '该用户名登录失败次数过多，已暂时锁定（最长 15 分钟），请稍后再试。',
      TOO_MANY_ATTEMPTS_FROM_ADDRESS: '您所在网络的登录失败次数过多，已暂时限制（最长 15 分钟），请稍后再试。',
    },
    footer: '仅限授权的学籍管理人员使用，操作将被记录。',
    features: {
      find: '自动发现身份证件号重复、身份信息重复和证件号无效的学籍',
      settle: '学校、区县、市、省分级处理，跨校问题协同解决',
      trace: '每一次处理都有记录，可追溯',
    },
  },
  roles: {
    SCHOOL_REGISTRAR: '学校学籍管理员',
    DISTRICT_ADMIN: '区县学籍管理员',
    CITY_ADMIN: '市级管理员',
    PROVINCE_ADMIN: '省级管理员',
    SYSTEM_ADMIN: '系统管理员',
  },
  layout: {
    mainNav: '主导航',
    openMenu: '打开导航菜单',
    closeMenu: '关闭导航菜单',
    userMenu: '用户菜单：{name}',
    scope: '管理范围',
    scopeAll: '全部地区',
    signOut: '退出登录',
    loadingUser: '正在加载用户信息…',
    userLoadFailed: '无法加载用户信息。',
  },
  nav: {
    problems: '问题学籍',
    students: '学籍查询',
    transfers: '学籍转接',
    verification: '学期核查',
    police: '公安核查',
    import: '学籍导入',
    review: '审核与裁决',
    possibleDuplicates: '可能重复',
    dashboard: '统计概览',
    reports: '自定义报表',
    explorer: 'GraphQL 查询',
  },
  pager: {
    label: '分页',
    previous: '上一页',
    next: '下一页',
    pageOf: '第 {page} / {pages} 页',
    pageSize: '每页条数',
    pageSizeOption: '{size} 条/页',
  },
  chart: {
    loading: '正在加载统计数据…',
    failed: '统计数据加载失败',
    noData: '暂无数据',
  },
  region: {
    label: '地区范围',
    province: '省',
    city: '市',
    district: '区县',
    all: '全部',
    loadFailed: '地区加载失败',
  },
  students: {
    title: '学籍查询',
    description: '查询您管理范围内的学籍记录（不含已删除的记录）。',
    searchLabel: '搜索学籍',
    searchPlaceholder: '输入姓名，或完整身份证件号',
    searchHint: '按姓名（部分）或完整身份证件号搜索（证件号加密存储，只能整号匹配）',
    total: '共 {count} 条记录',
    totalMatching: '找到 {count} 条与“{search}”匹配的记录',
    tableLabel: '学籍列表',
    columns: {
      name: '姓名',
      gender: '性别',
      birthDate: '出生日期',
      idNumber: '身份证件号',
      grade: '年级',
      className: '班级',
      school: '学校',
      district: '区县',
      status: '学籍状态',
    },
    gender: {
      M: '男',
      F: '女',
    },
    status: {
      ENROLLED: '在籍',
      SUSPENDED: '休学',
      TRANSFERRED_OUT: '转出',
      GRADUATED: '毕业',
      DELETED: '已删除',
    },
    none: '—',
    empty: '暂无学籍记录',
    emptySearch: '没有找到与“{search}”匹配的学籍',
    clearSearch: '清除搜索',
    loadFailed: '学籍加载失败',
  },
  problems: problemsZhCN,
  import: importZhCN,
  review: reviewZhCN,
  studentRecord: studentRecordZhCN,
  transfers: transfersZhCN,
  verification: verificationZhCN,
  police: policeZhCN,
  duplicates: duplicatesZhCN,
  dashboard: dashboardZhCN,
  reports: reportsZhCN,
  account: accountZhCN,
};

export default zhCN;
export type MessageSchema = typeof zhCN;
