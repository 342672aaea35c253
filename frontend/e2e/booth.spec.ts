import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { apiToken, COORDINATOR, login, MEMBER } from './helpers';

interface Page<T> {
  results: T[];
}

test('a member applies for a booth at the fair and picks the products to show', async ({
  page,
  request,
}, info) => {
  // The next quarterly fair (the first occurrence has the booth categories).
  const fairs = (await (await request.get('/api/v1/events/?kind=fair&page_size=1')).json()) as Page<{
    id: number;
  }>;
  const fair = fairs.results[0]!.id;
  // A verified organisation with products, one per viewport (the server lives through both runs and
  // an organisation applies once), whose member the coordinator makes member@example.com.
  const coordinator = { Authorization: `Bearer ${await apiToken(request, COORDINATOR)}` };
  const orgs = (await (
    await request.get('/api/v1/enterprises/?has_products=true&kind=village&ordering=name&page_size=2')
  ).json()) as Page<{ id: number; slug: string; name: string }>;
  const org = orgs.results[info.project.name === 'phone' ? 1 : 0]!;
  const added = await request.post(`/api/v1/enterprises/${org.slug}/members/`, {
    headers: coordinator,
    data: { email: MEMBER, role: 'editor' },
  });
  expect([200, 201, 409]).toContain(added.status());
  const products = (await (
    await request.get(`/api/v1/products/?enterprise=${org.slug}&page_size=100`)
  ).json()) as Page<{ id: number; name: string }>;
  expect(products.results.length).toBeGreaterThan(0);

  await login(page, MEMBER);
  await page.goto(`/events/${fair}`);
  await page.locator('summary', { hasText: '부스 신청' }).click();
  // The member's own organisations are the choices (no search: that is for coordinators).
  await expect(page.getByLabel('조직 이름으로 찾기')).toHaveCount(0);
  const select = page.getByLabel('신청 조직');
  await expect(select.locator('option', { hasText: '위캔쿠키' })).toHaveCount(1);
  await select.selectOption({ label: org.name });
  const picker = page.getByRole('group', { name: '부스에서 보일 제품' });
  await expect(picker.getByRole('checkbox')).toHaveCount(products.results.length);
  const first = products.results[0]!;
  await picker.getByRole('checkbox', { name: new RegExp(first.name) }).check();
  await page.getByLabel('부스 분류').selectOption({ label: '공예·생활용품' });
  await page.getByLabel('메모').fill('시식 코너가 있습니다.');
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  await page.screenshot({
    path: `test-results/screenshots/${info.project.name}/booth-application.png`,
    fullPage: true,
  });
  await page.getByRole('button', { name: '부스 신청' }).click();
  await expect(page.getByRole('status').filter({ hasText: '신청했습니다' })).toBeVisible();

  // What the coordinator sees: this organisation, the chosen product, the note.
  const list = (await (
    await request.get(`/api/v1/events/${fair}/booth-applications/?page_size=100`, { headers: coordinator })
  ).json()) as Page<{ enterprise: { slug: string }; products: { id: number }[]; note: string }>;
  const mine = list.results.find((a) => a.enterprise.slug === org.slug);
  expect(mine?.products.map((p) => p.id)).toEqual([first.id]);
  expect(mine?.note).toBe('시식 코너가 있습니다.');
});
