// The README's screenshots, taken from the release build on every e2e run so they never show an
// older portal: the start page, the error summary, the spam analysis with its target
// suggestions, and the receipt. English, 1000 px wide, device scale 1 (small PNGs). Each shot is
// also checked to be a PNG of the expected width, and to stay small enough for the README.

import { test } from 'node:test';
import { mkdir, readFile, stat } from 'node:fs/promises';
import assert from 'node:assert/strict';

import { scenario } from '../support/browser.mjs';
import { RECEIVER_PATH, configWithEndpoint } from '../support/server.mjs';
import { COMPLAINT, fill } from '../support/portal.mjs';

const OUT = new URL('../../../docs/screenshots/', import.meta.url);
const FIXTURES = new URL('../../../crates/core/tests/fixtures/', import.meta.url);
const WIDTH = 1000;
/** Above this a shot is too heavy for a README (and a sign something unexpected is in it). */
const MAX_BYTES = 150 * 1024;

const config = () =>
  configWithEndpoint({
    channels: {
      service_complaint: { mailbox: 'complaints@example.org', endpoint: RECEIVER_PATH },
      spam_complaint: { mailbox: 'abuse@example.org', endpoint: RECEIVER_PATH },
    },
  });

/** Writes a screenshot of the page (whole, or the `clip` of it) and checks what was written. */
async function shoot(page, name, { fullPage = false, clip } = {}) {
  await mkdir(OUT, { recursive: true });
  const file = new URL(name, OUT);
  // No caret blinking in a shot, and nothing mid-transition.
  const options = { path: file.pathname, animations: 'disabled', caret: 'hide' };
  await page.screenshot({ ...options, fullPage, clip });
  const png = await readFile(file);
  assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG', `${name} is a PNG`);
  const width = png.readUInt32BE(16);
  assert.ok(width <= WIDTH && width >= 400, `${name}: ${width} px wide`);
  const { size } = await stat(file);
  assert.ok(size < MAX_BYTES, `${name}: ${size} bytes, over ${MAX_BYTES}`);
}

const heading = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();

scenario(
  test,
  'screenshots for the README: start page, error summary, spam analysis, receipt',
  { config: config(), contextOptions: { viewport: { width: WIDTH, height: 900 }, deviceScaleFactor: 1 } },
  async ({ page }) => {
    await page.goto('/');
    await heading(page, 'Make a complaint or report abuse');
    // The top of the page: the heading and every kind (the contact details below are left out).
    await shoot(page, 'start.png');

    // The error summary as it appears after "Continue" on an empty form (the top of the page).
    await page.getByRole('link', { name: 'Complain about our service' }).click();
    await heading(page, 'Service complaint');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').getByRole('heading', { name: 'There is a problem' }).waitFor();
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot(page, 'error-summary.png');

    // The spam message's analysis: what was taken, the summary, the suggested targets.
    await page.goto('/spam_complaint');
    await heading(page, 'Spam complaint');
    await page.getByLabel('Your name').fill('Alice Müller');
    await page.getByLabel('Email address').fill('alice@recipient.example');
    const bytes = await readFile(new URL('multi-hop.eml', FIXTURES));
    await page.getByLabel('Or choose the message as a file (.eml, .txt)').setInputFiles({ name: 'spam.eml', mimeType: 'message/rfc822', buffer: bytes });
    const summary = page.getByRole('region', { name: 'What the message shows' });
    await summary.getByRole('button', { name: 'Use bulk-sender.example' }).waitFor();
    // The summary down to the suggestions, as wide as its list, in page coordinates (the form
    // above and the message's excerpt below are left out: a README image must stay small).
    const box = (locator) => locator.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left + window.scrollX, right: r.right + window.scrollX, top: r.top + window.scrollY, bottom: r.bottom + window.scrollY };
    });
    const from = await box(summary);
    const to = await box(summary.locator('.suggestions'));
    const form = await box(summary.locator('.summary-list'));
    const [x, y] = [Math.max(0, Math.floor(form.left) - 16), Math.max(0, Math.floor(from.top) - 16)];
    const clip = { x, y, width: Math.min(WIDTH, Math.ceil(form.right) + 16) - x, height: Math.ceil(to.bottom) + 16 - y };
    await shoot(page, 'spam-analysis.png', { fullPage: true, clip });

    // The receipt of a service complaint sent to the receiver.
    await page.goto('/service_complaint');
    await heading(page, 'Service complaint');
    await fill(page, COMPLAINT);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await heading(page, 'Complaint sent');
    await page.getByText('T-1', { exact: true }).waitFor();
    await shoot(page, 'receipt.png', { fullPage: true });
  },
);
