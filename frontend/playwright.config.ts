import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 8871);
const BASE = `http://127.0.0.1:${PORT}`;

// Debian's Chromium (never `npx playwright install`); the backend is a throwaway SQLite database
// with the demo data serving the built app (scripts/e2e-server.sh), stopped when the run ends.
export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results/output',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: BASE,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { viewport: { width: 1280, height: 800 } } },
    { name: 'phone', use: { viewport: { width: 375, height: 740 }, hasTouch: true } },
  ],
  webServer: {
    command: 'bash scripts/e2e-server.sh',
    url: `${BASE}/api/v1/health/`,
    env: { E2E_PORT: String(PORT) },
    reuseExistingServer: false,
    timeout: 180_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
