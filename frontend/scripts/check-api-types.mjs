// Fails when src/api/schema.d.ts no longer matches ../docs/openapi.yaml (run `npm run gen:api`).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = join(mkdtempSync(join(tmpdir(), 'sehub-api-')), 'schema.d.ts');
execFileSync('npx', ['openapi-typescript', '../docs/openapi.yaml', '-o', out], { stdio: 'ignore' });
if (readFileSync(out, 'utf8') !== readFileSync('src/api/schema.d.ts', 'utf8')) {
  console.error('src/api/schema.d.ts is stale: run `npm run gen:api` and commit it.');
  process.exit(1);
}
console.log('API types match docs/openapi.yaml');
