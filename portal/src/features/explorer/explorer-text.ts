/**
 * The explorer page's own words (GraphiQL's interface is in English). The explorer does not load
 * vue-i18n, so it reads the language the portal remembered (`psp.locale`, see src/i18n/index.ts).
 */
export const LOCALE_STORAGE_KEY = 'psp.locale';

export type ExplorerLocale = 'zh-CN' | 'en';

export function explorerLocale(): ExplorerLocale {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export const EXPLORER_TEXT = {
  'zh-CN': {
    title: 'GraphQL 查询工具 · 问题学籍处理平台',
    product: '问题学籍处理平台',
    signInTitle: '请先登录',
    signInBody: 'GraphQL 查询工具按您本人的权限执行查询，请先登录平台。',
    expiredTitle: '登录已失效',
    expiredBody: '请重新登录后再继续查询。您编写的查询会保留在此浏览器标签页中。',
    signIn: '登录',
  },
  en: {
    title: 'GraphQL explorer · Problem Student-Status Portal',
    product: 'Problem Student-Status Portal',
    signInTitle: 'Please sign in',
    signInBody: 'The GraphQL explorer runs queries with your own permissions, so sign in to the portal first.',
    expiredTitle: 'Your session has ended',
    expiredBody: 'Sign in again to go on. Your queries stay in this browser tab.',
    signIn: 'Sign in',
  },
} satisfies Record<ExplorerLocale, Record<string, string>>;

/** The query a new explorer tab starts with: open cross-school problems per school, a typical district question. */
export const DEFAULT_QUERY: Record<ExplorerLocale, string> = {
  'zh-CN': `# GraphQL 查询工具
# 查询按您本人的权限执行，只返回您管理范围内的数据。
# Ctrl+Enter 运行；Ctrl+空格 补全字段；
# 左侧的文档图标列出所有可查询的数据。
#
# 示例：各学校待处理（OPEN）的跨校问题，
# 以及其中已超期的数量。

query OpenCrossSchoolProblemsBySchool {
  problemStats(groupBy: [SCHOOL], filter: { scope: CROSS_SCHOOL, status: OPEN }) {
    schoolId
    school {
      name
    }
    count
    overdue
  }
}
`,
  en: `# GraphQL explorer
# Queries run with your own permissions and return
# only data in your scope.
# Ctrl+Enter runs the query; Ctrl+Space completes a field;
# the docs icon on the left lists everything you can query.
#
# Example: open cross-school problems per school,
# and how many of them are overdue.

query OpenCrossSchoolProblemsBySchool {
  problemStats(groupBy: [SCHOOL], filter: { scope: CROSS_SCHOOL, status: OPEN }) {
    schoolId
    school {
      name
    }
    count
    overdue
  }
}
`,
};

/** Where to sign in and come back to the explorer (inside the portal's /explorer page). */
export function signInHref(expired: boolean): string {
  const query = new URLSearchParams({ ...(expired ? { reason: 'expired' } : {}), redirect: '/explorer' });
  return `/login?${query.toString()}`;
}
