import { expect, test } from '@playwright/test';
import {
  apiToken,
  CITIZEN,
  COORDINATOR,
  eventIdByTitle,
  login,
  logoutLocally,
  MEMBER,
  openMenu,
} from './helpers';

test('find the cookie bakery by typing 쿠키 and by its initials ㅇㅋㅋ', async ({ page }) => {
  await page.goto('/enterprises');
  const search = page.getByLabel('검색', { exact: true });
  await search.fill('쿠키');
  await expect(page.getByRole('link', { name: '위캔쿠키' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: '개 조직' })).toBeVisible();
  await search.fill('ㅇㅋㅋ');
  await expect(page).toHaveURL(/q=%E3%85%87/);
  await expect(page.getByRole('link', { name: '위캔쿠키' })).toBeVisible();
  await page.getByRole('link', { name: '위캔쿠키' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '위캔쿠키' })).toBeVisible();
  await expect(page).toHaveTitle('위캔쿠키 · 사회적경제 허브');
});

test('home search finds organisations and products as you type', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('progressbar').first()).toBeVisible();
  await page.getByLabel('조직 또는 제품 검색').fill('쿠키');
  // In the search's results (the collaboration network further down names organisations too).
  const results = page.locator('section.home-search');
  await expect(results.getByRole('link', { name: '위캔쿠키', exact: true })).toBeVisible();
  await expect(results.getByRole('link', { name: /오트밀 쿠키/ })).toBeVisible();
});

test('the last seat goes to the first user, the second one joins the waiting list', async ({
  page,
  request,
}) => {
  const id = await eventIdByTitle(request, '사업계획서');
  // Start from the demo state whichever run came before (cancel the waitlisted one first).
  for (const email of [MEMBER, CITIZEN]) {
    const token = await apiToken(request, email);
    await request.delete(`/api/v1/events/${id}/registration/`, {
      headers: { Authorization: `Bearer ${token}` },
    });
  }
  await login(page, CITIZEN);
  await page.goto(`/events/${id}`);
  await expect(page.getByText('1자리 남음').first()).toBeVisible();
  await page.getByRole('button', { name: '참가 신청' }).click();
  await expect(page.getByText('참가가 확정되었습니다.')).toBeVisible();
  await expect(page.getByText('마감 (대기 가능)').first()).toBeVisible();

  await logoutLocally(page);
  await login(page, MEMBER);
  await page.goto(`/events/${id}`);
  await page.getByRole('button', { name: '대기자로 신청' }).click();
  await expect(page.getByText('대기자 명단 1번째입니다.')).toBeVisible();
  await page.getByRole('button', { name: '신청 취소' }).click();
  await expect(page.getByRole('button', { name: '대기자로 신청' })).toBeVisible();
});

test('a member edits their organisation and adds a product', async ({ page }) => {
  await login(page, MEMBER);
  await page.goto('/enterprises/wecan-cookie');
  await page.getByRole('link', { name: '관리하기' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '위캔쿠키 관리' })).toBeVisible();
  const stamp = Date.now().toString(36);
  const phone = page.getByLabel('대표 전화');
  await phone.fill(`031-900-${stamp.slice(-4).replace(/\D/g, '1').padStart(4, '0')}`);
  await page.getByRole('button', { name: '저장' }).first().click();
  await expect(page.getByText('저장했습니다.').first()).toBeVisible();

  const name = `우리밀 쿠키 선물세트 ${stamp}`;
  await page.getByLabel('제품 이름').fill(name);
  await page.getByLabel('가격(원)').fill('15000');
  await page.getByRole('button', { name: '제품 추가' }).click();
  await expect(page.getByText('제품을 추가했습니다.')).toBeVisible();
  await expect(page.getByRole('link', { name })).toBeVisible();
  await expect(page.getByText('1만 5,000원').first()).toBeVisible();

  // A bad value comes back from the API next to its field.
  await page.getByLabel('홈페이지').fill('not a url');
  await page.getByLabel('홈페이지').evaluate((el: HTMLInputElement) => (el.type = 'text'));
  await page.getByRole('button', { name: '저장' }).first().click();
  await expect(page.getByLabel('홈페이지')).toHaveAttribute('aria-invalid', 'true');
});

test('a coordinator imports a CSV with one bad row and sees the row-level error', async ({ page }) => {
  await login(page, COORDINATOR);
  await page.goto('/coordinator/import');
  const csv = ['기업명,기업유형,구', '새봄협동조합,협동조합,덕양구', '잘못된조직,없는유형,덕양구'].join('\n');
  await page.getByLabel('CSV 파일').setInputFiles({
    name: 'import.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf-8'),
  });
  await page.getByRole('button', { name: '올리기' }).click();
  const table = page.getByRole('table', { name: '행별 오류' });
  await expect(table).toBeVisible();
  const row = table.getByRole('row').nth(1);
  await expect(row.getByRole('cell').nth(0)).toHaveText('3');
  await expect(row.getByRole('cell').nth(1)).toHaveText('기업유형');
});

test('switch to English, and it is remembered', async ({ page }) => {
  await page.goto('/');
  await openMenu(page);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText("Goyang's social economy, in one place");
  await page.goto('/enterprises');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Find social economy organisations');
  await openMenu(page);
  await page.getByRole('button', { name: '한국어' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
});

test('an expired access token is rotated without logging out', async ({ page }) => {
  await login(page, CITIZEN);
  await page.evaluate(() => {
    const pair = JSON.parse(localStorage.getItem('sehub.tokens')!);
    localStorage.setItem('sehub.tokens', JSON.stringify({ ...pair, access: 'expired' }));
  });
  await page.goto('/account');
  await expect(page.getByText('citizen@example.com')).toBeVisible();
  const pair = await page.evaluate(() => JSON.parse(localStorage.getItem('sehub.tokens')!));
  expect(pair.access).not.toBe('expired');
});
