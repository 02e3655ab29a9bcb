/**
 * Messages of the district dashboard, under the top-level `dashboard` key of both catalogues.
 * `dashboardEn` is typed against `dashboardZhCN`, so a missing or extra key fails the type check.
 *
 * vue-i18n message syntax: `{name}` is a parameter; a literal `@`, `{`, `}` or `|` needs `{'@'}` etc.
 */
export const dashboardZhCN = {
  title: '统计概览',
  description: '您管理范围内问题学籍的数量、处理进度和积压情况。点击柱形可查看对应的问题列表。',
  forStaff: '统计概览供区县、市、省级学籍管理员使用',
  forStaffHint: '本校的问题请在“问题学籍”中查看和处理。',
  goToProblems: '查看问题学籍',
  refresh: '刷新',
  scope: '管理范围：{name}',
  cards: {
    unresolved: '未解决的问题',
    unresolvedHint: '累计发现 {count} 个',
    overdue: '已超期',
    overdueHint: '占未解决问题的 {percent}',
    resolvedThisMonth: '本月已解决',
    resolvedHint: '累计已解决 {count} 个',
    atLeast: '{count}+',
    medianDays: '解决用时（中位数）',
    daysValue: '{days} 天',
    medianDaysHint: '未解决问题已等待 {days} 天（中位数）',
    noneYet: '暂无',
  },
  charts: {
    typeStatus: '按类型和状态',
    typeStatusHint: '点击柱形中的一段，查看该类型、该状态的问题。',
    topSchools: '未解决问题最多的学校',
    topSchoolsHint: '前 10 所；跨校问题在涉及的每所学校各计一次。点击查看该校的问题。',
    trend: '每周新发现的问题',
    trendHint: '近 26 周，按发现日期所在的周（周一起）统计。',
    ageing: '未解决问题的积压时长',
    ageingHint: '按问题发现至今的周数分组，越靠右等待越久。',
    series: {
      unresolved: '未解决',
      opened: '新发现',
    },
    buckets: {
      thisWeek: '本周',
      weeks1to3: '1–3 周',
      weeks4to12: '4–12 周',
      weeks13to25: '13–25 周',
      weeks26plus: '26 周及以上',
    },
    emptySchools: '没有未解决问题的学校',
    emptyTrend: '近 26 周没有新发现的问题',
    emptyAgeing: '没有未解决的问题',
  },
};

export const dashboardEn: typeof dashboardZhCN = {
  title: 'Dashboard',
  description: 'Problem records in your scope: how many, how they progress, and what is waiting. Click a bar to see those problems.',
  forStaff: 'The dashboard is for district, city and province staff',
  forStaffHint: 'Your school’s problems are under “Problem records”.',
  goToProblems: 'Go to problem records',
  refresh: 'Refresh',
  scope: 'Scope: {name}',
  cards: {
    unresolved: 'Unresolved problems',
    unresolvedHint: '{count} found in total',
    overdue: 'Overdue',
    overdueHint: '{percent} of unresolved problems',
    resolvedThisMonth: 'Resolved this month',
    resolvedHint: '{count} resolved in total',
    atLeast: '{count}+',
    medianDays: 'Median time to resolve',
    daysValue: '{days} days',
    medianDaysHint: 'Unresolved problems have waited {days} days (median)',
    noneYet: 'None yet',
  },
  charts: {
    typeStatus: 'By type and status',
    typeStatusHint: 'Click a segment to see the problems of that type and status.',
    topSchools: 'Schools with the most unresolved problems',
    topSchoolsHint: 'Top 10; a cross-school problem counts once for each school involved. Click to see that school’s problems.',
    trend: 'Problems found per week',
    trendHint: 'The last 26 weeks, by the week (Monday first) a problem was found.',
    ageing: 'How long unresolved problems have waited',
    ageingHint: 'Grouped by whole weeks since the problem was found; further right has waited longer.',
    series: {
      unresolved: 'Unresolved',
      opened: 'Found',
    },
    buckets: {
      thisWeek: 'This week',
      weeks1to3: '1–3 weeks',
      weeks4to12: '4–12 weeks',
      weeks13to25: '13–25 weeks',
      weeks26plus: '26 weeks or more',
    },
    emptySchools: 'No school has unresolved problems',
    emptyTrend: 'No problems found in the last 26 weeks',
    emptyAgeing: 'No unresolved problems',
  },
};
