import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiToken, CITIZEN, COORDINATOR, eventIdByTitle, login, logoutLocally, MEMBER } from './helpers';

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

const HOMEPAGE = '조직을 한곳에 모은 홈페이지';
const FOLLOW_UP = '2016 상반기 사회적경제 협의회';
const WORKSHOP = '고양시 사회적경제 통합을 위한 2015년 사회적경제 기업 워크숍';

/** Chooses an option of a picker: by keyboard (↓ to it, Enter) on a desktop, by a tap on a phone. */
async function pick(
  page: Page,
  label: string,
  typed: string,
  option: string,
  projectName: string,
  whileOpen?: () => Promise<void>,
): Promise<void> {
  const box = page.getByRole('combobox', { name: label });
  await box.fill(typed);
  // The list of what was typed (not of an earlier keystroke) once the status says how many.
  await expect(page.getByRole('status').filter({ hasText: /개 찾음/ })).toBeVisible();
  const choice = page.getByRole('option', {
    name: new RegExp(`^${option.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
  });
  await expect(choice).toBeVisible();
  await whileOpen?.();
  if (projectName === 'phone') {
    await choice.click();
  } else {
    const options = page.getByRole('option');
    const n = await options.count();
    for (let i = 0; i < n; i++) {
      await box.press('ArrowDown');
      if ((await box.getAttribute('aria-activedescendant')) === (await choice.getAttribute('id'))) break;
    }
    await box.press('Enter');
  }
  await expect(box).toHaveValue(option);
  await expect(box).toHaveAttribute('aria-expanded', 'false');
}

test('a coordinator edits a resolution and a meeting, and links a resolution to an event picked by name', async ({
  page,
  request,
}, info) => {
  const phone = info.project.name === 'phone';
  const id = await resolutionIdByTitle(request, HOMEPAGE);
  // Each project links another event (a link is made once) and sets its own due date.
  const eventTitle = phone
    ? '사회적경제 창업 아카데미: 사업계획서 쓰기'
    : '판로 개척 설명회: 공공구매와 온라인 판매';
  const due = phone ? '2016-01-20' : '2016-01-15';
  const attendance = phone ? '32' : '31';

  // Not a coordinator: no edit link.
  await page.goto(`/resolutions/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: HOMEPAGE })).toBeVisible();
  await expect(page.getByRole('link', { name: '이 결의 고치기' })).toHaveCount(0);

  await login(page, COORDINATOR);
  await page.goto(`/resolutions/${id}`);
  await page.getByRole('link', { name: '이 결의 고치기' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '결의 수정' })).toBeVisible();
  await expect(page.getByLabel('제목', { exact: true })).toHaveValue(HOMEPAGE);
  await page.getByLabel('기한', { exact: true }).fill(due);
  await axeClean(page, 'resolution-edit', info.project.name);
  await page.getByRole('button', { name: '저장하기' }).click();
  await expect(page).toHaveURL(new RegExp(`/resolutions/${id}$`));
  const [y, m, d] = due.split('-').map(Number);
  await expect(page.getByText(`${y}년 ${m}월 ${d}일`).first()).toBeVisible();
  const stored = (await (await request.get(`/api/v1/resolutions/${id}/`)).json()) as { due_date: string };
  expect(stored.due_date).toBe(due);

  // Link it to an event, found by typing part of its name.
  await pick(page, '연결할 대상', phone ? '창업 아카데미' : '판로 개척', eventTitle, info.project.name, () =>
    axeClean(page, 'link-picker-open', info.project.name),
  );
  await page.getByRole('button', { name: '연결 추가' }).click();
  const links = page.locator('section', { has: page.getByRole('heading', { name: '실행 연결' }) });
  await expect(links.getByRole('link', { name: eventTitle })).toBeVisible();
  await axeClean(page, 'resolution-linked', info.project.name);

  // The event's page lists the resolution it carries out.
  const eventId = await eventIdByTitle(request, eventTitle);
  await page.goto(`/events/${eventId}`);
  const served = page.locator('section', {
    has: page.getByRole('heading', { name: '이 행사가 이행하는 결의' }),
  });
  await expect(served.getByRole('link', { name: HOMEPAGE })).toBeVisible();
  await axeClean(page, 'event-resolutions', info.project.name);

  // So does a budget item's page (the fair's budget line carries out the fair resolution).
  const items = (await (
    await request.get(`/api/v1/budget-items/?search=${encodeURIComponent('분기별 사회적경제 한마당 운영')}`)
  ).json()) as { results: { id: number }[] };
  await page.goto(`/budget/items/${items.results[0]!.id}`);
  const carried = page.locator('section', {
    has: page.getByRole('heading', { name: '이 예산 항목이 이행하는 결의' }),
  });
  await expect(carried.getByRole('link', { name: FAIR })).toBeVisible();

  // The meeting: the attendance, and the event it was held at, picked by name.
  const meetings = (await (
    await request.get(`/api/v1/meetings/?search=${encodeURIComponent(FOLLOW_UP)}`)
  ).json()) as {
    results: { id: number; title: string }[];
  };
  const meeting = meetings.results.find((x) => x.title === FOLLOW_UP)!;
  await page.goto(`/resolutions/meetings/${meeting.id}`);
  await page.getByRole('link', { name: '이 회의 고치기' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '회의 수정' })).toBeVisible();
  await page.getByLabel('참석 인원').fill(attendance);
  await pick(page, '열린 행사', '워크숍', WORKSHOP, info.project.name);
  await axeClean(page, 'meeting-edit', info.project.name);
  await page.getByRole('button', { name: '저장하기' }).click();
  await expect(page).toHaveURL(new RegExp(`/resolutions/meetings/${meeting.id}$`));
  await expect(page.getByText(`참석 ${attendance}명`)).toBeVisible();
  await expect(page.getByRole('link', { name: WORKSHOP })).toBeVisible();
});

test('a coordinator records a collaboration matched on the board as a resolution, and the post lists it', async ({
  page,
  request,
}, info) => {
  const posts = await request.get(`/api/v1/posts/?search=${encodeURIComponent('포장 상자')}`);
  const post = ((await posts.json()) as { results: { id: number; title: string }[] }).results.find((p) =>
    p.title.includes('남는 포장 상자'),
  );
  expect(post).toBeTruthy();
  const title = `포장 상자 나눔을 정례화 ${Date.now().toString(36)}`;

  await login(page, COORDINATOR);
  await page.goto(`/board/${post!.id}`);
  await page.getByRole('link', { name: '이 협업을 결의로 올리기' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '협업을 결의로 올리기' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: '협업' })).toHaveValue(post!.title);
  const meeting = page.getByLabel('회의', { exact: true });
  const firstMeeting = await meeting.locator('option').nth(1).getAttribute('value');
  await meeting.selectOption(firstMeeting!);
  await page.getByLabel('제목', { exact: true }).fill(title);
  await axeClean(page, 'from-collaboration', info.project.name);
  await page.getByRole('button', { name: '기록하기' }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();

  await page.goto(`/board/${post!.id}`);
  const served = page.getByRole('region', { name: '이 협업이 이행하는 결의' });
  await expect(served.getByRole('link', { name: title })).toBeVisible();
});
