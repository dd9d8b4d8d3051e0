// Fails the build when the JavaScript loaded on first visit exceeds the budget (gzipped).
// "Initial" = the entry chunk plus the chunks it imports statically (from the Vite manifest-free
// index.html: every <script type=module> and <link rel=modulepreload>).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const BUDGET_KB = 200;
const dist = path.resolve(import.meta.dirname, '..', 'dist');
const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const file of new Set(files)) total += zlib.gzipSync(fs.readFileSync(path.join(dist, file))).length;
const kb = total / 1024;
console.log(`initial JS: ${kb.toFixed(1)} KB gzipped (budget ${BUDGET_KB} KB) in ${files.length} file(s)`);
if (kb > BUDGET_KB) {
  console.error(`initial JavaScript is over budget by ${(kb - BUDGET_KB).toFixed(1)} KB`);
  process.exit(1);
}
