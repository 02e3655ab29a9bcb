import { describe, expect, it, vi } from 'vitest';
import { createMemoryHistory } from 'vue-router';
import { clearAuthToken, setAuthToken } from '@/composables/use-auth-token';
import { createAppRouter, safeRedirect } from './index';

// The guard is under test, not the pages: stand-ins keep the lazy routes quick to resolve.
vi.mock('@/features/auth/LoginPage.vue', () => ({ default: { name: 'LoginPage', render: () => null } }));
vi.mock('@/shell/AppLayout.vue', () => ({ default: { name: 'AppLayout', render: () => null } }));
vi.mock('@/features/students/StudentsPage.vue', () => ({ default: { name: 'StudentsPage', render: () => null } }));
vi.mock('@/features/problems/ProblemsPage.vue', () => ({ default: { name: 'ProblemsPage', render: () => null } }));

describe('route guard', () => {
  it('sends a signed-out user to /login, remembering the page they wanted', async () => {
    clearAuthToken();
    const router = createAppRouter(createMemoryHistory());
    await router.push('/students?q=%E5%BC%A0');
    expect(router.currentRoute.value.name).toBe('login');
    expect(router.currentRoute.value.query.redirect).toBe('/students?q=%E5%BC%A0');
  });

  it('lets a signed-in user in, and away from /login', async () => {
    setAuthToken('a.token', '2999-01-01T00:00:00Z');
    const router = createAppRouter(createMemoryHistory());
    await router.push('/students');
    expect(router.currentRoute.value.name).toBe('students');
    await router.push('/login?redirect=/students%3Fq%3D1');
    expect(router.currentRoute.value.fullPath).toBe('/students?q=1');
    clearAuthToken();
  });

  it('has a page for the possible duplicates, named for links', () => {
    const router = createAppRouter(createMemoryHistory());
    const route = router.resolve('/possible-duplicates');
    expect(route.name).toBe('possible-duplicates');
    expect(route.meta.titleKey).toBe('nav.possibleDuplicates');
    expect(router.resolve({ name: 'problem', params: { id: '77' } }).href).toBe('/problems/77');
  });

  it('sends unknown paths to the problem list (the home page)', async () => {
    setAuthToken('a.token');
    const router = createAppRouter(createMemoryHistory());
    await router.push('/no/such/page');
    expect(router.currentRoute.value.name).toBe('problems');
    clearAuthToken();
  });
});

describe('safeRedirect', () => {
  it.each([
    ['/students?q=1', '/students?q=1'],
    ['//evil.example/x', null],
    ['/\\evil.example', null],
    ['https://evil.example/', null],
    ['/login?redirect=/students', null],
    [undefined, null],
    [['/students', '/other'], '/students'],
  ])('%j → %j', (input, expected) => {
    expect(safeRedirect(input)).toBe(expected);
  });
});
