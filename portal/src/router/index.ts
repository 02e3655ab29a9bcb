import { createRouter, createWebHistory, type Router, type RouteRecordRaw, type RouterHistory } from 'vue-router';
import { getAuthToken } from '@/composables/use-auth-token';
import { HOME, safeRedirect } from './home';
import type { MessageSchema } from '@/i18n/zh-CN';

declare module 'vue-router' {
  interface RouteMeta {
    /** Reachable without signing in. */
    public?: boolean;
    /** i18n key of the page title (document title and heading). */
    titleKey?: `nav.${keyof MessageSchema['nav']}` | 'auth.title' | 'studentRecord.title';
  }
}

export { HOME, safeRedirect };

/** The pages inside the signed-in layout. */
const LAYOUT_PAGES: RouteRecordRaw[] = [
  { path: '', redirect: HOME },
  {
    path: 'problems',
    name: 'problems',
    component: () => import('@/features/problems/ProblemsPage.vue'),
    meta: { titleKey: 'nav.problems' },
  },
  {
    path: 'problems/:id(\\d+)',
    name: 'problem',
    component: () => import('@/features/problems/ProblemPage.vue'),
    props: true,
    meta: { titleKey: 'nav.problems' },
  },
  {
    path: 'students',
    name: 'students',
    component: () => import('@/features/students/StudentsPage.vue'),
    meta: { titleKey: 'nav.students' },
  },
  {
    path: 'students/:id(\\d+)',
    name: 'student',
    component: () => import('@/features/students/StudentPage.vue'),
    props: true,
    meta: { titleKey: 'studentRecord.title' },
  },
  {
    path: 'transfers',
    name: 'transfers',
    component: () => import('@/features/transfers/TransfersPage.vue'),
    meta: { titleKey: 'nav.transfers' },
  },
  {
    path: 'verification',
    name: 'verification',
    component: () => import('@/features/verification/VerificationPage.vue'),
    meta: { titleKey: 'nav.verification' },
  },
  {
    path: 'possible-duplicates',
    name: 'possible-duplicates',
    component: () => import('@/features/duplicates/PossibleDuplicatesPage.vue'),
    meta: { titleKey: 'nav.possibleDuplicates' },
  },
  {
    path: 'police',
    name: 'police',
    component: () => import('@/features/police/PolicePage.vue'),
    meta: { titleKey: 'nav.police' },
  },
  {
    path: 'import',
    name: 'import',
    component: () => import('@/features/import/ImportPage.vue'),
    meta: { titleKey: 'nav.import' },
  },
  {
    path: 'review',
    name: 'review',
    component: () => import('@/features/review/ReviewPage.vue'),
    meta: { titleKey: 'nav.review' },
  },
  {
    path: 'dashboard',
    name: 'dashboard',
    component: () => import('@/features/dashboard/DashboardPage.vue'),
    meta: { titleKey: 'nav.dashboard' },
  },
  {
    path: 'reports',
    name: 'reports',
    component: () => import('@/features/reports/ReportsPage.vue'),
    meta: { titleKey: 'nav.reports' },
  },
  {
    path: 'reports/:id(\\d+)',
    name: 'report',
    component: () => import('@/features/reports/ReportsPage.vue'),
    props: true,
    meta: { titleKey: 'nav.reports' },
  },
  {
    path: 'explorer',
    name: 'explorer',
    component: () => import('@/features/explorer/ExplorerPage.vue'),
    meta: { titleKey: 'nav.explorer' },
  },
];

export function createAppRouter(history: RouterHistory = createWebHistory(import.meta.env.BASE_URL)): Router {
  const router = createRouter({
    history,
    routes: [
      {
        path: '/login',
        name: 'login',
        component: () => import('@/features/auth/LoginPage.vue'),
        meta: { public: true, titleKey: 'auth.title' },
      },
      {
        path: '/',
        component: () => import('@/shell/AppLayout.vue'),
        children: LAYOUT_PAGES,
      },
      { path: '/:pathMatch(.*)*', redirect: '/problems' },
    ],
  });

  router.beforeEach((to) => {
    const signedIn = getAuthToken() !== null;
    if (!to.meta.public && !signedIn) {
      return { name: 'login', query: to.fullPath === '/' ? {} : { redirect: to.fullPath } };
    }
    if (to.name === 'login' && signedIn) {
      return safeRedirect(to.query.redirect) ?? HOME;
    }
    return true;
  });

  return router;
}
