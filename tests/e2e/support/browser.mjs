// Headless Chromium (Debian's, via playwright-core), one per spec file; a fresh context and a
// fresh server per test. Every test ends by asserting that the page logged no console error,
// threw nothing, opened no dialog and asked no other origin for anything: Chromium reports CSP
// violations as console errors, so this also proves the policy holds.

import { after } from 'node:test';
import assert from 'node:assert/strict';

import { chromium } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';

import { CHROMIUM, CHROMIUM_ARGS as ARGS } from './chromium.mjs';
import { startServer, stop } from './server.mjs';


/** How long a locator waits for the app before a step fails. */
export const STEP_TIMEOUT_MS = 5000;

let launched;

/** The spec file's browser, launched on first use and closed after the file's last test. */
export function browser() {
  launched ??= chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
  return launched;
}

after(async () => {
  if (launched) await (await launched).close();
});

/**
 * A server (see startServer) and a page in a fresh context, watched for errors.
 *   locale:       the browser's language ('en-US' unless a test wants German).
 *   allowConsole: regular expressions for console errors this test provokes on purpose
 *                 (Chromium logs a failed request, e.g. a 500 from the receiver, as an error).
 *   contextOptions: more options for the browser context (e.g. viewport, deviceScaleFactor).
 *   serve:        more options for startServer (dist, prefix, distConfig).
 *   allowOrigins: other origins this test expects the page to reach (a receiver on another port).
 */
export async function open({
  config,
  receiver,
  locale = 'en-US',
  allowConsole = [],
  contextOptions = {},
  serve = {},
  allowOrigins = [],
} = {}) {
  const server = await startServer({ config, receiver, ...serve });
  const context = await (await browser()).newContext({ ...contextOptions, locale, baseURL: server.url, acceptDownloads: true });
  context.setDefaultTimeout(STEP_TIMEOUT_MS);
  const page = await context.newPage();
  const problems = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = `${message.text()} (at ${message.location().url || 'unknown'})`;
    if (!allowConsole.some((pattern) => pattern.test(text))) problems.push(`console error: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error}`));
  page.on('dialog', async (dialog) => {
    problems.push(`dialog opened (${dialog.type()}): ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('request', (request) => {
    const url = request.url();
    const allowed = [server.url, ...allowOrigins].some((origin) => url.startsWith(`${origin}/`));
    if (!allowed && !/^(data|blob):/.test(url)) problems.push(`request to another origin: ${url}`);
  });
  return {
    server,
    context,
    page,
    problems,
    async close() {
      await context.close().catch(() => {});
      await stop(server);
    },
  };
}

/**
 * A node:test test around one portal session: `body(session)` runs, then the session must be
 * free of console errors, page errors, dialogs and foreign requests, and every POST the receiver
 * got must match the build's submission.schema.json.
 */
export function scenario(test, name, options, body) {
  test(name, { timeout: 30_000 }, async () => {
    const session = await open(options);
    try {
      await body(session);
      assert.deepEqual(session.problems, [], 'the page reported errors');
      assert.deepEqual(session.server.schemaFailures(), [], 'a POST does not match submission.schema.json');
    } catch (error) {
      if (session.problems.length) console.error(`[${name}] page problems:\n  ${session.problems.join('\n  ')}`);
      throw error;
    } finally {
      await session.close();
    }
  });
}

/**
 * Runs axe-core (all its rules, WCAG and best practice) on the page as it is now; fails on any
 * violation, listing each one. Legacy mode runs axe in the page in one call instead of per frame
 * plus a helper page: the same rules on the same document (the portal has no frames), about
 * 2.5 times faster.
 */
export async function axe(page, label) {
  const results = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  const report = results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => JSON.stringify(node.target)).join(', ');
    return `${violation.id} (${violation.impact}): ${violation.help}\n    at ${targets}\n    ${violation.helpUrl}`;
  });
  assert.equal(results.violations.length, 0, `axe: ${report.length} violation(s) on ${label}:\n  ${report.join('\n  ')}`);
}

/** Polls `read()` until it returns a truthy value; fails with `what` after the step timeout. */
export async function eventually(what, read, timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  let last;
  for (;;) {
    last = await read();
    if (last) return last;
    if (Date.now() > deadline) assert.fail(`timed out waiting for ${what} (last: ${JSON.stringify(last)})`);
    await new Promise((done) => setTimeout(done, 25));
  }
}
