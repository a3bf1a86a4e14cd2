#!/usr/bin/env node
// Gate 6, part 3: the spam analysis in headless Chromium, on the message from spam-message.mjs.
//
// 1. Throughput of the spam worker itself: the page starts the worker as the app does, posts the
//    message, and reads the worker's own time for `spam::examine` (checks, MIME analysis,
//    SHA-256) plus the round trip seen by the page (copying 10 MB in and the JSON out).
// 2. Choosing the file on the spam form until the summary is shown: from the input's `change`
//    event to the summary's appearance (a MutationObserver in the page), in a fresh context each
//    run, so it includes starting the worker (its wasm fetched and compiled).
//
//   node scripts/bench/spam.mjs --url http://127.0.0.1:PORT [--runs 5] [--bytes 10000000]

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { spamMessage } from './spam-message.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const e2e = join(here, '..', '..', 'tests', 'e2e');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const baseUrl = option('--url', null);
const runs = Number(option('--runs', '5'));
const bytes = Number(option('--bytes', '10000000'));
if (!baseUrl || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: spam.mjs --url http://127.0.0.1:PORT [--runs 5] [--bytes 10000000]');
  process.exit(2);
}

const { chromium } = createRequire(join(e2e, 'package.json'))('playwright-core');
const { CHROMIUM, CHROMIUM_ARGS } = await import(join(e2e, 'support', 'chromium.mjs'));
if (!existsSync(CHROMIUM)) {
  console.error(`spam bench: no Chromium at ${CHROMIUM}; run scripts/setup.sh first`);
  process.exit(2);
}

const message = spamMessage(bytes);
const mb = message.length / 1_000_000;
const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const spread = (list) => `median ${median(list).toFixed(0)} ms (min ${Math.min(...list).toFixed(0)}, max ${Math.max(...list).toFixed(0)})`;

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
try {
  // 1. The worker alone.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(new URL('/spam_complaint', baseUrl).href);
  await page.waitForSelector('form textarea');
  const worker = [];
  const roundTrip = [];
  for (let run = 0; run <= runs; run += 1) {
    const figures = await page.evaluate(async (base64) => {
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      window.__bench ??= await new Promise((ready) => {
        const w = new Worker('spam-worker_loader.js');
        w.onmessage = (event) => event.data === 'ready' && ready(w);
      });
      const started = performance.now();
      const answer = await new Promise((done) => {
        window.__bench.onmessage = (event) => done(JSON.parse(event.data));
        window.__bench.postMessage({ id: 1, limit: bytes.length, bytes });
      });
      if (answer.problem) throw new Error(`refused: ${JSON.stringify(answer.problem)}`);
      return { worker: answer.elapsed_us / 1000, roundTrip: performance.now() - started, hosts: answer.analysis.url_hosts.length };
    }, message.toString('base64'));
    // The first run compiles the worker's code paths: not counted.
    if (run === 0) {
      console.log(`  first run in a fresh worker (not counted): examine ${figures.worker.toFixed(0)} ms`);
      continue;
    }
    worker.push(figures.worker);
    roundTrip.push(figures.roundTrip);
  }
  await context.close();
  console.log(`Chromium spam worker on ${mb.toFixed(1)} MB: examine ${spread(worker)} = ${(mb / (median(worker) / 1000)).toFixed(0)} MB/s; round trip from the page ${spread(roundTrip)}`);

  // 2. Choose the file, see the summary.
  const toSummary = [];
  for (let run = 1; run <= runs; run += 1) {
    const fresh = await browser.newContext();
    const form = await fresh.newPage();
    await form.goto(new URL('/spam_complaint', baseUrl).href);
    await form.waitForSelector('#spam_message_file');
    await form.evaluate(() => {
      document.addEventListener('change', () => { window.__chosenAt = performance.now(); }, { capture: true, once: true });
      new MutationObserver((_, observer) => {
        if (document.querySelector('.spam-summary')) {
          window.__summaryAt = performance.now();
          observer.disconnect();
        }
      }).observe(document.body, { childList: true, subtree: true });
    });
    await form.setInputFiles('#spam_message_file', { name: 'spam.eml', mimeType: 'message/rfc822', buffer: message });
    await form.waitForSelector('.spam-summary', { timeout: 60_000 });
    const elapsed = await form.evaluate(() => window.__summaryAt - window.__chosenAt);
    toSummary.push(elapsed);
    console.log(`  run ${run}: file chosen → summary shown in ${elapsed.toFixed(0)} ms`);
    await fresh.close();
  }
  console.log(`Choosing a ${mb.toFixed(1)} MB file → summary shown (worker started fresh each run): ${spread(toSummary)}`);
} finally {
  await browser.close();
}
