import { expect, type APIRequestContext, type Page } from '@playwright/test';

export const PASSWORD = 'sehub-demo-2015';
export const CITIZEN = 'citizen@example.com';
export const MEMBER = 'member@example.com';
export const COORDINATOR = 'coordinator@example.com';

export async function login(page: Page, email: string): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill(PASSWORD);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect(page).toHaveURL(/\/$|\/account|\/events|\/my|\/coordinator/);
  await expect.poll(() => page.evaluate(() => localStorage.getItem('sehub.tokens'))).not.toBeNull();
}

export async function logoutLocally(page: Page): Promise<void> {
  await page.evaluate(() => localStorage.removeItem('sehub.tokens'));
}

/** Opens the header menu on narrow screens (it is always open on wide ones). */
export async function openMenu(page: Page): Promise<void> {
  const toggle = page.getByRole('button', { name: /^(메뉴|Menu)$/ });
  // The static shell of index.html has no navigation: wait for the app's own header first
  // (isVisible does not wait).
  await page.locator('#site-nav').waitFor({ state: 'attached' });
  if (await toggle.isVisible()) {
    // A tap while the first page is still settling can be undone by its first render: tap until
    // the menu stays open.
    await expect(async () => {
      if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
      await expect(toggle).toHaveAttribute('aria-expanded', 'true', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
  }
}

export async function apiToken(request: APIRequestContext, email: string): Promise<string> {
  const r = await request.post('/api/v1/auth/token/', { data: { email, password: PASSWORD } });
  expect(r.ok()).toBeTruthy();
  return ((await r.json()) as { access: string }).access;
}

export async function eventIdByTitle(request: APIRequestContext, search: string): Promise<number> {
  const r = await request.get(`/api/v1/events/?search=${encodeURIComponent(search)}`);
  const body = (await r.json()) as { results: { id: number; title: string }[] };
  expect(body.results.length).toBeGreaterThan(0);
  return body.results[0]!.id;
}
