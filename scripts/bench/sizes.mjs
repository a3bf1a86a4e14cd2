#!/usr/bin/env node
// Gate 6, part 1: what the release build weighs.
//
// Prints every file of a built dist/ (recursively) with its raw size, gzip -9 size and brotli
// (quality 11) size, then the bytes a first visit downloads — index.html, the .js, the _bg.wasm
// and the .css, brotli-compressed as a CDN would serve them — against the budget.
// A report, not a test: it exits 0 whether or not the figure is within the budget.
//
//   node scripts/bench/sizes.mjs [DIST_DIR] [--budget-kb 150]
//
// Compression uses node's zlib (gzip level 9, brotli quality 11 in generic mode with the
// size hint), so no Python package is needed. 1 KB = 1024 bytes here.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
const budgetAt = args.indexOf('--budget-kb');
const budgetKb = budgetAt >= 0 ? Number(args[budgetAt + 1]) : 150;
const dist = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--budget-kb') ?? 'dist';
const budgetBytes = budgetKb * 1024;

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(path);
    else if (entry.isFile()) yield path;
  }
}

function sizes(path) {
  const data = readFileSync(path);
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_LGWIN]: 24,
        [constants.BROTLI_PARAM_SIZE_HINT]: data.length,
      },
    }).length,
  };
}

const kb = (bytes) => (bytes / 1024).toFixed(1);

let files;
try {
  if (!statSync(dist).isDirectory()) throw new Error('not a directory');
  files = [...walk(dist)].map((path) => ({ name: relative(dist, path).split(sep).join('/'), ...sizes(path) }));
} catch (error) {
  console.error(`sizes: cannot read ${dist}: ${error.message}`);
  process.exit(1);
}

// The table.
const nameWidth = Math.max(4, ...files.map((f) => f.name.length));
const row = (name, raw, gzip, brotli) =>
  `${name.padEnd(nameWidth)}  ${String(raw).padStart(10)}  ${String(gzip).padStart(10)}  ${String(brotli).padStart(10)}`;
console.log(`Files in ${dist} (bytes)`);
console.log(row('file', 'raw', 'gzip -9', 'brotli 11'));
console.log('-'.repeat(nameWidth + 36));
for (const f of files) console.log(row(f.name, f.raw, f.gzip, f.brotli));
const sum = (list, key) => list.reduce((total, f) => total + f[key], 0);
console.log('-'.repeat(nameWidth + 36));
console.log(row('all files', sum(files, 'raw'), sum(files, 'gzip'), sum(files, 'brotli')));

// The first visit: the page and what it loads before the form can render. The spam worker
// (spam-worker*) is fetched only when the spam form opens: reported apart.
const isWorker = (f) => f.name.startsWith('spam-worker');
const topLevel = files.filter((f) => !f.name.includes('/') && !isWorker(f));
const firstVisit = [
  ...topLevel.filter((f) => f.name === 'index.html'),
  ...topLevel.filter((f) => f.name.endsWith('.js')),
  ...topLevel.filter((f) => f.name.endsWith('_bg.wasm')),
  ...topLevel.filter((f) => f.name.endsWith('.css')),
];
const missing = ['index.html', '.js', '_bg.wasm', '.css'].filter(
  (suffix) => !firstVisit.some((f) => f.name.endsWith(suffix)),
);
console.log('');
console.log('First visit (index.html + .js + _bg.wasm + .css), brotli 11:');
for (const f of firstVisit) console.log(`  ${f.name.padEnd(nameWidth)}  ${String(f.brotli).padStart(10)} B  ${kb(f.brotli).padStart(7)} KB`);
if (missing.length) console.log(`  (not found in ${dist}: ${missing.join(', ')})`);
const total = sum(firstVisit, 'brotli');
const verdict = total <= budgetBytes ? 'within budget' : 'OVER budget';
console.log(
  `  total ${total} B = ${kb(total)} KB of ${budgetKb} KB budget (${budgetBytes} B): ${verdict}` +
    ` (${((100 * total) / budgetBytes).toFixed(0)} %; gzip -9 would be ${kb(sum(firstVisit, 'gzip'))} KB, raw ${kb(sum(firstVisit, 'raw'))} KB)`,
);

const worker = files.filter((f) => !f.name.includes('/') && isWorker(f) && /\.(js|wasm)$/.test(f.name));
if (worker.length) {
  console.log('');
  console.log('The spam form adds, on first use (the analysis worker with the MIME parser), brotli 11:');
  for (const f of worker) console.log(`  ${f.name.padEnd(nameWidth)}  ${String(f.brotli).padStart(10)} B  ${kb(f.brotli).padStart(7)} KB`);
  const extra = sum(worker, 'brotli');
  console.log(`  total ${extra} B = ${kb(extra)} KB; first visit of the spam form: ${kb(total + extra)} KB`);
}
