import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './product.js';

/**
 * Signs in through the real sign-in page, as a person does, and waits until the portal has left
 * it (the token is then in localStorage for the rest of the context).
 */
export async function login(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  await page.locator('input[data-testid="login-username"]').fill(username);
  await page.locator('input[data-testid="login-password"]').fill(password);
  await page.locator('[data-testid="login-submit"]').click();
  await page.waitForURL((url) => url.pathname !== '/login', { timeout: 30_000 });
  await page.locator('[data-testid="header-user"]').waitFor({ state: 'visible' });
}
