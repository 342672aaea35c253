import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { login, logoutLocally, MEMBER } from './helpers';

const MEMBER2 = 'member2@example.com';

async function axeClean(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /불러오는 중|Loading/ })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the board shows the workshop proposals, pinned notice first', async ({ page }) => {
  await page.goto('/board');
  await expect(page.getByRole('heading', { level: 1, name: '협업 게시판' })).toBeVisible();
  const first = page.locator('.post-list > li').first();
  await expect(first).toContainText('2015 워크숍 분과 회의 제안을 게시판으로 옮겼습니다');
  await expect(page.getByRole('link', { name: /온라인·오프라인 플랫폼/ })).toBeVisible();
  await page.getByLabel('게시판 검색').fill('ㅈㅇㅅㅌ');
  await page.getByRole('button', { name: '거르기' }).click();
  await expect(page.getByRole('link', { name: /지원센터를 공동 운영/ })).toBeVisible();
  await axeClean(page);
});

test('request → interest → matched: the pair appears in the network', async ({ page, request }, info) => {
  const title = `한마당 체험 부스 파트너 찾기 ${info.project.name} ${Date.now().toString(36)}`;

  // A member of the cookie bakery posts a request on behalf of their organisation.
  await login(page, MEMBER);
  await page.goto('/board/new');
  await expect(page.getByRole('heading', { level: 1, name: '글쓰기' })).toBeVisible();
  await page.getByLabel('종류').selectOption('request');
  await page.getByLabel('명의').selectOption({ label: '위캔쿠키' });
  await page.getByLabel('제목').fill(title);
  await page.getByLabel('본문 (마크다운)').fill('**쿠키 만들기 체험** 부스를 함께 운영할 조직을 찾습니다.');
  await page.getByLabel('태그 (쉼표로 구분)').fill('한마당, 체험');
  await page.getByRole('button', { name: '미리보기' }).click();
  await expect(page.locator('.markdown.preview strong')).toHaveText('쿠키 만들기 체험');
  await axeClean(page);
  await page.getByRole('button', { name: '올리기' }).click();
  await expect(page).toHaveURL(/\/board\/\d+$/);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const postUrl = page.url();

  // A member of the learning cooperative says "we're interested".
  await logoutLocally(page);
  await login(page, MEMBER2);
  await page.goto(postUrl);
  await page.getByLabel('남길 말 (선택)').fill('저희 조합원들이 함께할게요.');
  await page.getByRole('button', { name: '관심 있어요' }).click();
  await expect(page.getByText('관심을 전했습니다.')).toBeVisible();
  await axeClean(page);

  // The author marks it matched with them.
  await logoutLocally(page);
  await login(page, MEMBER);
  await page.goto(postUrl);
  await page.getByRole('checkbox', { name: '지혜공유협동조합' }).check();
  await page.getByRole('button', { name: '성사 표시' }).click();
  await expect(page.getByRole('status').filter({ hasText: '성사되었습니다' })).toContainText(
    '지혜공유협동조합',
  );
  await axeClean(page);

  // The pair is in /api/v1/collaborations/ and in the network on the home page.
  const body = (await (await request.get('/api/v1/collaborations/')).json()) as {
    results: { title: string; partners: { slug: string }[] }[];
  };
  const found = body.results.find((c) => c.title === title);
  expect(found?.partners.map((p) => p.slug).sort()).toEqual(['jihye-gongyu-coop', 'wecan-cookie']);
  await page.goto('/');
  await expect(page.getByTestId('collaboration-network')).toBeVisible();
  const pair = page
    .locator('.network-pairs li')
    .filter({ hasText: '위캔쿠키' })
    .filter({ hasText: '지혜공유협동조합' });
  await expect(pair).toBeVisible();
  await axeClean(page);
});
