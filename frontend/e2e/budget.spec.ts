import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { formatWon } from '../src/lib/format';
import { COORDINATOR, login, logoutLocally, openMenu } from './helpers';

const MARKET_2015 = '2015 사회적경제 판로 개척';

async function axeClean(page: Page): Promise<void> {
  await expect(page.getByRole('status').filter({ hasText: /불러오는 중|Loading/ })).toHaveCount(0);
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

type Line = { label: string; executed: number; allocated: number };

async function programmeLine(request: APIRequestContext, label: string): Promise<Line> {
  const r = await request.get('/api/v1/budget/summary/?year=2015', { headers: { 'Accept-Language': 'ko' } });
  const body = (await r.json()) as { by_programme: Line[] };
  const line = body.by_programme.find((l) => l.label === label);
  expect(line).toBeDefined();
  return line!;
}

async function itemId(request: APIRequestContext, title: string): Promise<number> {
  const r = await request.get(`/api/v1/budget-items/?fiscal_year=2015&search=${encodeURIComponent(title)}`);
  const body = (await r.json()) as { results: { id: number; title: string }[] };
  const item = body.results.find((i) => i.title === title);
  expect(item).toBeDefined();
  return item!.id;
}

test('a citizen reads 2015 by programme, with execution rates, charts and tables', async ({ page }) => {
  await page.goto('/');
  await openMenu(page);
  await page.getByRole('link', { name: '열린 예산' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '열린 예산' })).toBeVisible();
  await page.getByLabel('회계연도').selectOption('2015');
  await expect(page).toHaveURL(/year=2015/);
  const table = page.getByRole('table', { name: '사업별' });
  await expect(table.getByRole('rowheader', { name: '사회적기업 인건비 지원' })).toBeVisible();
  await expect(table.getByRole('columnheader', { name: '집행률' })).toBeVisible();
  await expect(table.getByText(/\d+\.\d%/).first()).toBeVisible();
  await expect(page.getByRole('img', { name: /사업별/ })).toBeVisible();
  await axeClean(page);

  await page.getByRole('button', { name: '원장 검증하기' }).click();
  await expect(page.getByText(/원장이 온전합니다: 기록 \d+건/)).toBeVisible();
});

test('a coordinator records an execution; a citizen sees it in the summary and the history; an overspend shows what remains', async ({
  page,
  request,
}) => {
  const id = await itemId(request, MARKET_2015);
  const before = await programmeLine(request, '사회적경제 판로 개척');
  const payee = `한마당 부스 업체 ${Date.now().toString(36)}`;
  const amount = 120_000;

  await login(page, COORDINATOR);
  await page.goto(`/budget/items/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: MARKET_2015 })).toBeVisible();
  await expect(page.getByText(/남은 금액: /)).toBeVisible();
  await page.getByLabel('금액', { exact: true }).fill(String(amount));
  await page.getByLabel('지급 대상').fill(payee);
  await page.getByRole('button', { name: '기록하기' }).click();
  await expect(page.getByText('집행을 기록했습니다.')).toBeVisible();
  await expect(page.getByRole('cell', { name: payee })).toBeVisible();

  // Overspend: one won more than what remains is refused, and the message names what remains.
  const item = (await (await request.get(`/api/v1/budget-items/${id}/`)).json()) as {
    remaining_amount: number;
  };
  await page.getByLabel('금액', { exact: true }).fill(String(item.remaining_amount + 1));
  await page.getByRole('button', { name: '기록하기' }).click();
  const remaining = new Intl.NumberFormat('en-US').format(item.remaining_amount);
  await expect(page.getByRole('alert')).toContainText(`잔액은 ${remaining}원`);
  await expect(page.getByText(`남은 금액: ${formatWon(item.remaining_amount)}`)).toBeVisible();
  await axeClean(page);

  // A citizen (not signed in) sees it in the summary and in the item's public history.
  await logoutLocally(page);
  await page.goto('/budget?year=2015');
  const row = page.getByRole('table', { name: '사업별' }).getByRole('row', { name: /사회적경제 판로 개척/ });
  await expect(row).toContainText(formatWon(before.executed + amount));
  await page.getByRole('link', { name: MARKET_2015 }).click();
  const history = page.locator('section').filter({ has: page.getByRole('heading', { name: '공개 이력' }) });
  await expect(history.getByText(new RegExp(`${formatWon(amount)} · ${payee}`))).toBeVisible();
  await expect(page.getByRole('button', { name: '기록하기' })).toHaveCount(0);
  await axeClean(page);
});

test("an organisation's page lists the support it received by year", async ({ page, request }) => {
  const r = await request.get('/api/v1/budget-items/?fiscal_year=2015&page_size=100');
  const body = (await r.json()) as { results: { recipient: { slug: string; name: string } | null }[] };
  const recipient = body.results.find((i) => i.recipient)?.recipient;
  expect(recipient).toBeTruthy();
  await page.goto(`/enterprises/${recipient!.slug}`);
  const table = page.getByRole('table', { name: '연도별 지원받은 예산' });
  await expect(table.getByRole('rowheader', { name: '2015' })).toBeVisible();
  await axeClean(page);
});

test('a coordinator uploads a PDF as evidence; a citizen sees it on the item page with its SHA-256', async ({
  page,
  request,
}) => {
  const id = await itemId(request, MARKET_2015);
  const stamp = Date.now().toString(36);
  const title = `한마당 결과 보고서 ${stamp}`;
  // A small PDF made here: the server judges the type by its content (%PDF-), not by its name.
  const pdf = Buffer.from(
    `%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\n% ${stamp}\ntrailer <</Root 1 0 R>>\n%%EOF\n`,
    'latin1',
  );
  const sha256 = createHash('sha256').update(pdf).digest('hex');

  await login(page, COORDINATOR);
  await page.goto(`/budget/items/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: MARKET_2015 })).toBeVisible();
  await page.getByRole('radio', { name: '파일 올리기' }).check();
  await page.getByLabel('문서 이름').fill(title);
  await page
    .getByLabel('문서 파일')
    .setInputFiles({ name: '결과 보고서.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: '증빙 추가' }).click();
  await expect(page.getByText('증빙을 추가했습니다.')).toBeVisible();

  // A citizen (not signed in) sees the document, its size, a download link and its hash.
  await logoutLocally(page);
  await page.goto(`/budget/items/${id}`);
  const documents = page.locator('section').filter({ has: page.getByRole('heading', { name: '증빙 문서' }) });
  const entry = documents.getByRole('listitem').filter({ hasText: title });
  await expect(entry.getByRole('link', { name: title })).toHaveAttribute(
    'href',
    /\/media\/budget\/evidence\/[0-9a-f]{32}\.pdf$/,
  );
  await expect(entry).toContainText(`결과 보고서.pdf · ${pdf.length}바이트`);
  await expect(entry.locator('code')).toHaveText(`${sha256.slice(0, 12)}…`);
  await expect(entry.locator('code')).toHaveAttribute('title', new RegExp(sha256));
  // The file served is the one the ledger describes.
  const href = await entry.getByRole('link', { name: title }).getAttribute('href');
  const served = await request.get(href!);
  expect(served.headers()['content-disposition']).toMatch(/^attachment/);
  expect(
    createHash('sha256')
      .update(await served.body())
      .digest('hex'),
  ).toBe(sha256);
  const history = page.locator('section').filter({ has: page.getByRole('heading', { name: '공개 이력' }) });
  await expect(history.getByText(`SHA-256 ${sha256.slice(0, 16)}…`)).toBeVisible();
  await expect(page.getByRole('button', { name: '증빙 추가' })).toHaveCount(0);
  await axeClean(page);
});
