import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { COORDINATOR, eventIdByTitle, login, MEMBER } from './helpers';

/** Every page: an axe scan (0 serious or critical violations) and a screenshot per viewport. */
async function check(page: Page, name: string, projectName: string): Promise<void> {
  await expect(page.locator('main')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /불러오는 중|Loading/ })).toHaveCount(0);
  const title = await page.title();
  expect(title).toContain('사회적경제 허브');
  await page.screenshot({ path: `test-results/screenshots/${projectName}/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('public pages', async ({ page, request }, info) => {
  const eventId = await eventIdByTitle(request, '사업계획서');
  const products = (await (await request.get('/api/v1/products/?search=오트밀')).json()) as {
    results: { id: number }[];
  };
  const pages: [string, string, string][] = [
    ['home', '/', '고양시 사회적경제'],
    ['directory', '/enterprises', '사회적경제 조직 찾기'],
    ['organisation', '/enterprises/wecan-cookie', '위캔쿠키'],
    ['products', '/products', '제품 카탈로그'],
    ['product', `/products/${products.results[0]!.id}`, '오트밀'],
    ['events', '/events', '행사'],
    ['event', `/events/${eventId}`, '사업계획서'],
    ['login', '/login', '로그인'],
    ['register', '/register', '회원가입'],
    ['reset-password', '/reset-password', '비밀번호 재설정'],
    ['not-found', '/no-such-page', '찾는 페이지가 없습니다'],
  ];
  for (const [name, path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
    await check(page, name, info.project.name);
  }
  await page.goto('/events');
  await page.getByRole('button', { name: '월 달력' }).click();
  await expect(page.getByRole('table')).toBeVisible();
  await check(page, 'events-month', info.project.name);
});

test('member pages', async ({ page, request }, info) => {
  const eventId = await eventIdByTitle(request, '사업계획서');
  await login(page, MEMBER);
  const pages: [string, string, string][] = [
    ['account', '/account', '내 계정'],
    ['notifications', '/notifications', '알림'],
    ['my-organisation', '/my', '내 조직'],
    ['manage-organisation', '/my/enterprises/wecan-cookie', '위캔쿠키 관리'],
    ['new-organisation', '/my/enterprises/new', '조직 등록하기'],
    ['host-event', '/my/events/new', '행사 열기'],
    ['event-signed-in', `/events/${eventId}`, '사업계획서'],
  ];
  for (const [name, path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
    await check(page, name, info.project.name);
  }
});

test('coordinator pages', async ({ page, request }, info) => {
  const eventId = await eventIdByTitle(request, '사업계획서');
  await login(page, COORDINATOR);
  const pages: [string, string, string][] = [
    ['coordinator-verify', '/coordinator/verify', '코디네이터 도구'],
    ['coordinator-import', '/coordinator/import', '코디네이터 도구'],
    ['coordinator-targets', '/coordinator/targets', '코디네이터 도구'],
    ['coordinator-booths', '/coordinator/booths', '코디네이터 도구'],
    ['attendees', `/my/events/${eventId}/attendees`, '참가자 명단'],
  ];
  for (const [name, path, heading] of pages) {
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(heading);
    await check(page, name, info.project.name);
  }
  await page.goto(`/events/${eventId}`);
  await page.getByRole('link', { name: '참가자 명단' }).click();
  await expect(page.getByRole('cell', { name: /데모 참가자/ }).first()).toBeVisible();
  await page
    .getByRole('button', { name: /^출석 확인/ })
    .first()
    .click();
  await expect(page.getByRole('button', { name: /^출석 /, pressed: true }).first()).toBeVisible();
});
