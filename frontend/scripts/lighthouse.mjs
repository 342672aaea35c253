// Lighthouse (Debian's Chromium) on the home, directory, an organisation and an event page of a
// throwaway backend with the demo data; prints the scores and fails under the budgets.
// Lighthouse's default mobile emulation (slow 4G, 4x CPU slowdown); LH_PRESET=desktop for desktop.
import { spawn, execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const PORT = Number(process.env.LH_PORT ?? 8873);
const BASE = `http://127.0.0.1:${PORT}`;
const BUDGET = { performance: 90, accessibility: 95, 'best-practices': 95, seo: 95 };
const FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
].join(' ');

const server = spawn('bash', ['scripts/e2e-server.sh'], {
  env: { ...process.env, E2E_PORT: String(PORT) },
  stdio: 'ignore',
  detached: true,
});
const stop = () => {
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
};
process.on('exit', stop);

async function waitUp() {
  for (let i = 0; i < 180; i++) {
    try {
      if ((await fetch(`${BASE}/api/v1/health/`)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error('backend did not start');
}

await waitUp();
const events = await (
  await fetch(`${BASE}/api/v1/events/?search=${encodeURIComponent('사업계획서')}`)
).json();
const pages = {
  home: '/',
  directory: '/enterprises',
  organisation: '/enterprises/wecan-cookie',
  event: `/events/${events.results[0].id}`,
};
mkdirSync('lighthouse', { recursive: true });
let failed = false;
console.log('page          perf  a11y  best  seo');
for (const [name, path] of Object.entries(pages)) {
  const out = `lighthouse/${name}.json`;
  execFileSync(
    'npx',
    [
      'lighthouse',
      `${BASE}${path}`,
      '--quiet',
      '--output=json',
      `--output-path=${out}`,
      `--chrome-flags=${FLAGS}`,
    ],
    {
      env: { ...process.env, CHROME_PATH: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium' },
      stdio: 'inherit',
    },
  );
  const report = JSON.parse(readFileSync(out, 'utf8'));
  const scores = Object.fromEntries(
    Object.keys(BUDGET).map((k) => [k, Math.round((report.categories[k]?.score ?? 0) * 100)]),
  );
  const row = Object.keys(BUDGET)
    .map((k) => String(scores[k]).padStart(4))
    .join('  ');
  console.log(`${name.padEnd(12)} ${row}`);
  for (const [k, min] of Object.entries(BUDGET)) {
    if (scores[k] < min) {
      failed = true;
      const audits = Object.values(report.audits)
        .filter(
          (a) =>
            a.score !== null &&
            a.score < 1 &&
            report.categories[k].auditRefs.some((r) => r.id === a.id && r.weight > 0),
        )
        .map((a) => `${a.id} (${a.score})`);
      console.log(`  ${k} ${scores[k]} < ${min}: ${audits.join(', ')}`);
    }
  }
}
stop();
process.exit(failed ? 1 : 0);
