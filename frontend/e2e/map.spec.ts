import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

// The map of organisations: Leaflet with the tiles of settings.MAP_TILE_URL (OpenStreetMap's by
// default), and the same organisations as a list by district, which is all there is when no tile
// can be loaded. Tile requests are answered or refused here, so both paths run the same with or
// without a network.
const TILES = 'https://tile.openstreetmap.org/**';
// A 1×1 PNG: Leaflet scales it to its 256 px tile.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z/C/HgAGgwJ/lK3Q6wAAAABJRU5ErkJggg==',
  'base64',
);

async function axe(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('without tiles the map falls back to a list that links to organisation pages', async ({
  page,
}, info) => {
  await page.route(TILES, (route) => route.abort('internetdisconnected'));
  await page.goto('/enterprises');
  await page.getByRole('button', { name: '지도' }).click();
  await expect(page).toHaveURL(/view=map/);
  await expect(page.getByRole('status').filter({ hasText: '지도를 불러올 수 없어' })).toBeVisible();
  await expect(page.getByRole('region', { name: '고양시 사회적경제 조직 지도' })).toHaveCount(0);
  await expect(page.getByText('위치가 있는 조직 155곳')).toBeVisible();
  const district = page.getByRole('region', { name: /일산동구/ });
  await expect(district.getByRole('link', { name: '위캔쿠키' })).toBeVisible();
  await page.screenshot({
    path: `test-results/screenshots/${info.project.name}/map-fallback.png`,
    fullPage: true,
  });
  await axe(page);

  // By keyboard: the list's links are in the tab order.
  const link = district.getByRole('link', { name: '위캔쿠키' });
  await link.focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/enterprises\/wecan-cookie$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('위캔쿠키');
});

test('the filters select the markers, and a marker opens its organisation', async ({ page }, info) => {
  let tiles = 0;
  await page.route(TILES, (route) => {
    tiles += 1;
    return route.fulfill({ status: 200, contentType: 'image/png', body: PNG });
  });
  await page.goto('/enterprises?view=map');
  const map = page.getByRole('region', { name: '고양시 사회적경제 조직 지도' });
  await expect(map).toBeVisible();
  // The CSP lets the tile host's images in: tiles load, and there is no fallback notice.
  await expect(page.locator('img.leaflet-tile-loaded').first()).toBeVisible();
  expect(tiles).toBeGreaterThan(0);
  await expect(page.getByText('지도를 불러올 수 없어')).toHaveCount(0);
  await expect(page.locator('.org-marker')).toHaveCount(155);

  // Filters apply to the map as they do to the list.
  await page.getByLabel('검색').fill('쿠키');
  await expect(page.locator('.org-marker')).toHaveCount(1);
  await expect(page.getByText('위치가 있는 조직 1곳')).toBeVisible();
  await page.screenshot({ path: `test-results/screenshots/${info.project.name}/map.png`, fullPage: true });
  await axe(page);

  // The list stays one click away for keyboard and screen-reader users.
  await page.getByText('지도의 조직을 목록으로 보기 (1곳)').click();
  await expect(page.getByRole('link', { name: '위캔쿠키' })).toBeVisible();

  const marker = page.locator('.org-marker[title="위캔쿠키"]');
  await marker.click();
  await expect(page).toHaveURL(/\/enterprises\/wecan-cookie$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('위캔쿠키');
});

test('the map speaks English too', async ({ page }) => {
  await page.route(TILES, (route) => route.abort('internetdisconnected'));
  await page.addInitScript(() => localStorage.setItem('sehub.lang', 'en'));
  await page.goto('/enterprises?view=map');
  await expect(page.getByRole('status').filter({ hasText: 'The map could not be loaded' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'WeCan Cookie' })).toBeVisible();
});
