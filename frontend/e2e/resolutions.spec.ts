import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiToken, CITIZEN, login, logoutLocally, MEMBER } from './helpers';

const FAIR = '사회적경제 한마당 상설화와 분기별 개최';

async function resolutionIdByTitle(request: APIRequestContext, title: string): Promise<number> {
  const r = await request.get(`/api/v1/resolutions/?search=${encodeURIComponent(title)}`);
  const body = (await r.json()) as { results: { id: number; title: string }[] };
  const found = body.results.find((x) => x.title === title);
  expect(found).toBeTruthy();
  return found!.id;
}

async function axeClean(page: Page, name: string, projectName: string): Promise<void> {
  await expect(page.locator('main')).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /불러오는 중|Loading/ })).toHaveCount(0);
  await page.screenshot({ path: `test-results/screenshots/${projectName}/${name}.png`, fullPage: true });
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a citizen follows a resolution, the responsible member posts an update, the citizen is told', async ({
  page,
  request,
}, info) => {
  const id = await resolutionIdByTitle(request, FAIR);
  // Start from the demo state whichever run came before.
  const citizenToken = await apiToken(request, CITIZEN);
  await request.delete(`/api/v1/resolutions/${id}/follow/`, {
    headers: { Authorization: `Bearer ${citizenToken}` },
  });

  await login(page, CITIZEN);
  await page.goto(`/resolutions/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: FAIR })).toBeVisible();
  await page.getByRole('button', { name: '팔로우', exact: true }).click();
  await expect(page.getByText('팔로우하고 있습니다.')).toBeVisible();
  await expect(page.getByRole('button', { name: '팔로우 해제' })).toBeVisible();
  await axeClean(page, 'resolution-following', info.project.name);

  await logoutLocally(page);
  await login(page, MEMBER);
  await page.goto(`/resolutions/${id}`);
  const text = `${info.project.name} 분기 한마당 부스 배치를 확정했습니다 ${Date.now()}`;
  await page.getByLabel('내용 (Markdown)').fill(text);
  await page.getByRole('button', { name: '올리기' }).click();
  await expect(page.getByText('서면 경과를 올렸습니다.')).toBeVisible();
  await expect(page.getByText(text)).toBeVisible();
  await axeClean(page, 'resolution-responsible', info.project.name);

  await logoutLocally(page);
  await login(page, CITIZEN);
  await page.goto('/notifications');
  const notice = page.getByText(`서면 경과: ${FAIR}`).first();
  await expect(notice).toBeVisible();
  await expect(page.getByText(text).first()).toBeVisible();
});

test('resolution pages are accessible at every width', async ({ page, request }, info) => {
  const id = await resolutionIdByTitle(request, FAIR);
  const meetings = (await (await request.get('/api/v1/meetings/?page_size=50')).json()) as {
    results: { id: number; title: string }[];
  };
  const breakout = meetings.results.find((m) => m.title.includes('분과별 회의'));
  expect(breakout).toBeTruthy();

  await page.goto('/resolutions');
  await expect(page.getByRole('heading', { level: 2, name: /진행 중/ })).toBeVisible();
  await expect(page.getByRole('link', { name: FAIR })).toBeVisible();
  await axeClean(page, 'resolutions-board', info.project.name);

  await page.goto('/resolutions/meetings');
  await expect(page.getByRole('link', { name: breakout!.title })).toBeVisible();
  await axeClean(page, 'meetings', info.project.name);

  await page.goto(`/resolutions/meetings/${breakout!.id}`);
  await expect(page.getByRole('heading', { level: 2, name: '결의 사항' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: '회의록' })).toBeVisible();
  await axeClean(page, 'meeting', info.project.name);

  await page.goto('/resolutions/overdue');
  await expect(page.getByRole('link', { name: '지원센터 공동 운영위원회 구성' }).first()).toBeVisible();
  await axeClean(page, 'overdue', info.project.name);

  await page.goto('/resolutions/promises');
  await expect(page.getByRole('heading', { level: 2, name: '회의별' })).toBeVisible();
  await axeClean(page, 'promises', info.project.name);

  await page.goto(`/resolutions/${id}`);
  await expect(page.getByRole('heading', { level: 2, name: '서면 경과' })).toBeVisible();
  await expect(page.getByRole('link', { name: '고양 사회적경제 한마당' }).first()).toBeVisible();
  await axeClean(page, 'resolution', info.project.name);

  // The next meeting carries the overdue resolutions on its agenda.
  const next = meetings.results.find((m) => m.title === '다음 사회적경제 협의회');
  await page.goto(`/resolutions/meetings/${next!.id}`);
  await expect(
    page.getByRole('heading', { level: 2, name: '자동으로 안건에 오른 기한 지난 결의' }),
  ).toBeVisible();
  await expect(page.getByRole('link', { name: '지원센터 공동 운영위원회 구성' }).first()).toBeVisible();
});
