#!/usr/bin/env node
// Gate 6, part 2: time from navigation start to the first rendered form, in headless Chromium.
//
// Loads BASE_URL + PATH RUNS times, each in a fresh browser context (empty cache, empty storage),
// and records performance.now() — milliseconds since the navigation started — at the moment a
// `form input` first exists in the DOM. A MutationObserver injected before any page script
// notes that moment inside the page, so the figure does not include the DevTools round trip.
// Prints each run and the median, min and max.
//
//   node scripts/bench/first-render.mjs --url http://127.0.0.1:PORT [--path /service_complaint] [--runs 10]
//                                       [--warmup 1] [--selector 'form input'] [--timeout-ms 30000]
//
// playwright-core is the one installed for the end-to-end tests (tests/e2e/node_modules, from
// scripts/setup.sh); Chromium is the Debian one at /usr/bin/chromium (override: CHROMIUM=...).

import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const e2e = join(here, '..', '..', 'tests', 'e2e');

function loadPlaywright() {
  const require = createRequire(join(e2e, 'package.json'));
  try {
    return require('playwright-core');
  } catch {
    console.error(
      `first-render: playwright-core not found in ${join(e2e, 'node_modules')}.\n` +
        'Run scripts/setup.sh first (it installs the end-to-end test packages).',
    );
    process.exit(2);
  }
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && args[at + 1] !== undefined ? args[at + 1] : fallback;
};
const baseUrl = option('--url', null);
const path = option('--path', '/service_complaint');
const runs = Number(option('--runs', '10'));
const selector = option('--selector', 'form input');
const timeoutMs = Number(option('--timeout-ms', '30000'));
const warmups = Number(option('--warmup', '1'));
if (!baseUrl || !Number.isInteger(runs) || runs < 1) {
  console.error('usage: first-render.mjs --url http://127.0.0.1:PORT [--path /service_complaint] [--runs 10]');
  process.exit(2);
}

const { CHROMIUM, CHROMIUM_ARGS: ARGS } = await import(join(here, '..', '..', 'tests', 'e2e', 'support', 'chromium.mjs'));
if (!existsSync(CHROMIUM)) {
  console.error(`first-render: no Chromium at ${CHROMIUM}; run scripts/setup.sh first (or set CHROMIUM=...)`);
  process.exit(2);
}

// Runs in the page before any of its scripts: records when the selector first matches.
const OBSERVER = `(() => {
  const selector = ${JSON.stringify(selector)};
  const mark = () => {
    if (window.__firstFormAt === undefined && document.querySelector(selector)) {
      window.__firstFormAt = performance.now();
      return true;
    }
    return window.__firstFormAt !== undefined;
  };
  if (mark()) return;
  const observer = new MutationObserver(() => { if (mark()) observer.disconnect(); });
  observer.observe(document, { childList: true, subtree: true });
})();`;

const { chromium } = loadPlaywright();
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const url = new URL(path, baseUrl).href;
const times = [];
try {
  // Warm-up loads (default 1) are not counted: the first renderer process of a fresh browser is
  // an outlier that says more about the machine than about the portal.
  for (let run = 1 - warmups; run <= runs; run += 1) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.addInitScript(OBSERVER);
      await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
      await page.waitForSelector(selector, { state: 'attached', timeout: timeoutMs });
      // The observer's time; if it somehow missed, the (later) time after the wait.
      const { at, observed } = await page.evaluate(() => ({
        at: window.__firstFormAt ?? performance.now(),
        observed: window.__firstFormAt !== undefined,
      }));
      const note = observed ? '' : ' (observer missed it: time after waitForSelector)';
      if (run < 1) {
        console.log(`  warm-up: ${at.toFixed(1)} ms (not counted)${note}`);
      } else {
        times.push(at);
        console.log(`  load ${String(run).padStart(2)}: ${at.toFixed(1)} ms${note}`);
      }
    } finally {
      await context.close();
    }
  }
} finally {
  await browser.close();
}

const sorted = [...times].sort((a, b) => a - b);
const middle = Math.floor(sorted.length / 2);
const median = sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
console.log(
  `First rendered form (${selector}) at ${path}, ${times.length} loads: ` +
    `median ${median.toFixed(1)} ms, min ${sorted[0].toFixed(1)} ms, max ${sorted[sorted.length - 1].toFixed(1)} ms`,
);
