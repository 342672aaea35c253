import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { CITIZEN } from './helpers';

// Registration answers 202 for a new address and for one that already has an account (its owner
// is mailed): the app says "check your e-mail" in both cases and never logs in by itself, so it
// neither shows a log-in error nor tells a stranger that an address is taken.

async function register(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/register');
  await page.getByLabel('이름').fill('새 시민');
  await page.getByLabel('이메일').fill(email);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '회원가입' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('메일을 확인하세요');
  await expect(page.getByRole('status')).toContainText(email);
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(await page.evaluate(() => localStorage.getItem('sehub.tokens'))).toBeNull();
}

test('a new user registers, is told to check their e-mail, then logs in', async ({ page }, info) => {
  const email = `new.citizen.${info.project.name}.${Date.now()}@example.com`;
  const password = 'goyang-fair-2026-cookies';
  await register(page, email, password);
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.screenshot({
    path: `test-results/screenshots/${info.project.name}/registered.png`,
    fullPage: true,
  });

  await page.getByRole('link', { name: '로그인' }).last().click();
  await expect(page.getByLabel('이메일')).toHaveValue(email);
  await page.getByLabel('비밀번호').fill(password);
  await page.getByRole('button', { name: '로그인' }).click();
  await expect.poll(() => page.evaluate(() => localStorage.getItem('sehub.tokens'))).not.toBeNull();
  await page.goto('/account');
  await expect(page.getByText(email)).toBeVisible();
});

test('registering an address that has an account looks the same and logs nobody in', async ({ page }) => {
  await register(page, CITIZEN, 'someone-elses-guess-2026');
});

test('registration in English', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('sehub.lang', 'en'));
  await page.goto('/register');
  await page.getByLabel('Name').fill('New citizen');
  await page.getByLabel('E-mail').fill(`en.${Date.now()}@example.com`);
  await page.getByLabel('Password').fill('goyang-fair-2026-cookies');
  await page.getByRole('button', { name: 'Sign up' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Check your e-mail');
});
