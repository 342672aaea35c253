// Initial JavaScript of the home page (the entry and the chunks index.html preloads), gzipped.
// Fails above the budget: every other page is its own chunk, loaded when visited.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { join } from 'node:path';

const BUDGET_KB = 200;
const html = readFileSync('dist/index.html', 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of files) total += gzipSync(readFileSync(join('dist', file)), { level: 9 }).length;
const kb = total / 1024;
console.log(
  `Home page initial JavaScript: ${kb.toFixed(1)} KB gzipped in ${files.length} files (budget ${BUDGET_KB} KB)`,
);
if (kb > BUDGET_KB) process.exit(1);
