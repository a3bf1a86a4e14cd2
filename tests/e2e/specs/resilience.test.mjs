// Issue 5, resilience end to end: a slow receiver, a flaky one, one asking to wait (429 with
// Retry-After), one refusing (400 problem details), a reload of the receipt, and a tab closed
// mid-send. In each, nothing typed is lost, nothing is sent twice under different keys (every
// attempt carries the one Idempotency-Key), and the page always tells where things stand.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axe, eventually, scenario } from '../support/browser.mjs';
import { configWithEndpoint } from '../support/server.mjs';
import { COMPLAINT, UUID_V4, answers, fillAndContinue, formValues, oneKey, openForm } from '../support/portal.mjs';

const SEND_FAILED = 'The complaint could not be delivered. Nothing is lost: send it by email instead.';
const PENDING = 'complaint-portal.v1.pending.service_complaint';
const DRAFT = 'complaint-portal.v1.draft.service_complaint';
const RECEIPT = 'complaint-portal.v1.receipt';
const FORM_VALUES = { customer_account: '', subject: '', ...COMPLAINT };

/** Chromium logs a receiver's error status as a console error: expected here, nothing else. */
const receiverStatus = (status, text) => [
  new RegExp(`^Failed to load resource: the server responded with a status of ${status} \\(${text}\\) \\(at http://127\\.0\\.0\\.1:\\d+/api/complaints\\)$`),
];

const config = (limits) => configWithEndpoint({ limits });

/** The send status line (role=status), once it shows `text`. */
async function statusShows(page, text, timeout = 10_000) {
  const status = page.getByRole('status').filter({ hasText: text });
  await status.waitFor({ timeout });
  return (await status.textContent()).trim();
}

/** Form → check page → "Send complaint"; returns what the check page showed. */
async function fillAndSend(page) {
  await openForm(page);
  await fillAndContinue(page, COMPLAINT);
  const shown = await answers(page);
  await page.getByRole('button', { name: 'Send complaint' }).click();
  return shown;
}


/** The receipt with the receiver's reference; the draft and the pending submission are gone. */
async function expectReceipt(page, reference) {
  await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor({ timeout: 10_000 });
  assert.equal(new URL(page.url()).pathname, '/service_complaint/receipt');
  await page.getByText(reference, { exact: true }).waitFor();
  const stored = await page.evaluate(([pending, draft]) => [localStorage.getItem(pending), localStorage.getItem(draft)], [PENDING, DRAFT]);
  assert.deepEqual(stored, [null, null], 'after a confirmed send no draft or pending submission is left');
}

/** The stored pending submission's id (null when there is none). */
const pendingId = (page) => page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null')?.id ?? null, PENDING);

/** The same watch scenario() keeps on its page, for a page a test opens itself. */
function watch(page, problems, serverUrl) {
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error (second page): ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error (second page): ${error.stack ?? error}`));
  page.on('dialog', async (dialog) => {
    problems.push(`dialog opened (second page): ${dialog.message()}`);
    await dialog.dismiss().catch(() => {});
  });
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(`${serverUrl}/`) && !/^(data|blob):/.test(url)) problems.push(`request to another origin: ${url}`);
  });
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

// 1. Slow receiver: the first attempt is abandoned after send_timeout_ms (its late answer goes
// nowhere), the next one gets through.
scenario(
  test,
  'a receiver slower than send_timeout_ms: the attempt is abandoned, the retry with the same key gets the receipt',
  {
    config: config({ send_attempts: 2, send_timeout_ms: 1000 }),
    receiver: [{ status: 201, json: { reference: 'LATE-1' }, delayMs: 3000 }, { status: 201, json: { reference: 'R-SLOW' } }],
  },
  async ({ page, server }) => {
    const sawSending = statusShows(page, 'Sending …');
    const sawRetry = statusShows(page, 'trying again');
    await fillAndSend(page);
    assert.equal(await sawSending, 'Sending …');
    assert.ok(await pendingId(page), 'the submission is kept while it is being sent');
    assert.equal(await sawRetry, 'Not received yet; trying again (2 of 2) …');
    await expectReceipt(page, 'R-SLOW');
    assert.equal(await page.getByText('LATE-1').count(), 0, 'the abandoned attempt\'s late answer is not used');
    const posts = server.posts();
    oneKey(posts, 2);
    assert.ok(posts[1].at - posts[0].at >= 1900, `the first attempt waited send_timeout_ms, then the 1 s pause (${posts[1].at - posts[0].at} ms)`);
  },
);

scenario(
  test,
  'a receiver always slower than send_timeout_ms: every attempt abandoned, then the email fallback, nothing lost',
  {
    config: config({ send_attempts: 2, send_timeout_ms: 1000 }),
    receiver: [{ status: 201, json: { reference: 'TOO-LATE' }, delayMs: 3000 }],
  },
  async ({ page, server }) => {
    const sawRetry = statusShows(page, 'trying again');
    await fillAndSend(page);
    assert.equal(await sawRetry, 'Not received yet; trying again (2 of 2) …');
    const alert = page.getByRole('alert').filter({ hasText: 'could not be delivered' });
    await alert.waitFor({ timeout: 10_000 });
    assert.equal((await alert.textContent()).trim(), SEND_FAILED);
    await page.getByRole('heading', { level: 2, name: 'Send by email' }).waitFor();
    assert.equal(await page.getByText('TOO-LATE').count(), 0);
    const key = oneKey(server.posts(), 2);
    assert.equal(await pendingId(page), key, 'the unsent submission is kept with its id');
    await axe(page, 'check page after timeouts');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
    assert.deepEqual(await formValues(page), FORM_VALUES);
    // The late answers arrive after the page gave up: nothing changes, nothing more is sent.
    await sleep(1500);
    assert.equal(server.posts().length, 2);
  },
);

// 2. Flaky receiver: 500, 500, 201 with three attempts and the 1 s, 2 s backoff.
scenario(
  test,
  'a flaky receiver (500, 500, 201): three POSTs with one key, backing off 1 s then 2 s, then the receipt',
  {
    config: config({ send_attempts: 3, send_timeout_ms: 1500 }),
    receiver: [{ status: 500 }, { status: 500 }, { status: 201, json: { reference: 'R-FLAKY' } }],
    allowConsole: receiverStatus(500, 'Internal Server Error'),
  },
  async ({ page, server }) => {
    const sawSecond = statusShows(page, 'trying again (2 of 3)');
    const sawThird = statusShows(page, 'trying again (3 of 3)');
    await fillAndSend(page);
    assert.equal(await sawSecond, 'Not received yet; trying again (2 of 3) …');
    assert.equal(await sawThird, 'Not received yet; trying again (3 of 3) …');
    await expectReceipt(page, 'R-FLAKY');
    const posts = server.posts();
    oneKey(posts, 3);
    const gaps = [posts[1].at - posts[0].at, posts[2].at - posts[1].at];
    assert.ok(gaps[0] >= 950 && gaps[1] >= 1950, `backoff 1 s, then 2 s (gaps ${gaps.join(', ')} ms)`);
    await sleep(500);
    assert.equal(server.posts().length, 3, 'nothing is sent after the receipt');
  },
);

// 3. 429 with Retry-After.
scenario(
  test,
  'a 429 with Retry-After: 1 is waited out, then the receipt; one key',
  {
    config: config({ send_attempts: 3, send_timeout_ms: 1500 }),
    receiver: [{ status: 429, headers: { 'Retry-After': '1' }, json: { title: 'Slow down' }, type: 'application/problem+json' }, { status: 201, json: { reference: 'R-429' } }],
    allowConsole: receiverStatus(429, 'Too Many Requests'),
  },
  async ({ page, server }) => {
    const sawRetry = statusShows(page, 'trying again');
    await fillAndSend(page);
    assert.equal(await sawRetry, 'Not received yet; trying again (2 of 3) …');
    await expectReceipt(page, 'R-429');
    const posts = server.posts();
    oneKey(posts, 2);
    assert.ok(posts[1].at - posts[0].at >= 1000, `the second POST came at least 1 s after the first (${posts[1].at - posts[0].at} ms)`);
  },
);

// The default pause before attempt 2 is also 1 s: Retry-After: 2 shows the server's value is used.
scenario(
  test,
  'a 429 with Retry-After: 2 waits the server\'s 2 s, not the default 1 s',
  {
    config: config({ send_attempts: 3, send_timeout_ms: 1500 }),
    receiver: [{ status: 429, headers: { 'Retry-After': '2' } }, { status: 201, json: { reference: 'R-429-2' } }],
    allowConsole: receiverStatus(429, 'Too Many Requests'),
  },
  async ({ page, server }) => {
    await fillAndSend(page);
    await expectReceipt(page, 'R-429-2');
    const posts = server.posts();
    oneKey(posts, 2);
    assert.ok(posts[1].at - posts[0].at >= 2000, `the second POST came at least 2 s after the first (${posts[1].at - posts[0].at} ms)`);
  },
);

// 4. 400 with problem details: shown, not retried, nothing lost.
scenario(
  test,
  'a 400 with problem details: the server\'s title and detail shown, no retry, the answers kept',
  {
    config: config({ send_attempts: 3, send_timeout_ms: 1500 }),
    receiver: [
      { status: 400, type: 'application/problem+json', json: { type: 'about:blank', title: 'Bad request', detail: 'The field "phone" is not accepted' } },
      { status: 201, json: { reference: 'R-MUST-NOT' } },
    ],
    allowConsole: receiverStatus(400, 'Bad Request'),
  },
  async ({ page, server }) => {
    await fillAndSend(page);
    const alert = page.getByRole('alert');
    await alert.getByText('The recipient refused the complaint: Bad request: The field "phone" is not accepted').waitFor();
    await alert.getByText('Your answers are kept. Correct them and send again.').waitFor();
    assert.equal(await page.getByRole('heading', { name: 'Send by email' }).count(), 0, 'no fallback for a refusal');
    assert.equal((await page.getByRole('status', { includeHidden: true }).textContent()).trim(), '', 'no "Sending" or retry status left');
    await eventually('the Send button enabled again', () => page.getByRole('button', { name: 'Send complaint' }).isEnabled());
    // Longer than the 1 s backoff: a retry would have happened by now.
    await sleep(1500);
    const key = oneKey(server.posts(), 1);
    assert.equal(await pendingId(page), key, 'the refused submission is kept');
    await axe(page, 'check page with a 400 refusal');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
    assert.deepEqual(await formValues(page), FORM_VALUES);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
    assert.deepEqual(await formValues(page), FORM_VALUES);
    assert.equal(server.posts().length, 1);
  },
);

// 5. A receiver that would accept the same key again: the portal gives it no chance.
scenario(
  test,
  'after the receipt, a reload keeps the reference and going back to the check page sends nothing',
  { config: config({ send_attempts: 3, send_timeout_ms: 1500 }), receiver: [{ status: 201, json: { reference: 'R-ONCE' } }] },
  async ({ page, server }) => {
    await fillAndSend(page);
    await expectReceipt(page, 'R-ONCE');
    const key = oneKey(server.posts(), 1);
    const receipt = await page.evaluate((k) => JSON.parse(sessionStorage.getItem(k) ?? 'null'), RECEIPT);
    assert.ok(receipt, 'the receipt is kept in sessionStorage');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
    await page.getByText('R-ONCE', { exact: true }).waitFor();
    await axe(page, 'reloaded receipt');

    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/service_complaint/check');
    await page.getByText('There is nothing to check yet. Please fill in the form first.').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Send complaint' }).count(), 0, 'nothing left to send');
    await sleep(1500);
    assert.equal(server.posts().length, 1, 'going back re-sends nothing');
    assert.equal(server.posts()[0].headers['idempotency-key'], key);

    await page.goForward();
    await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
    await page.getByText('R-ONCE', { exact: true }).waitFor();
    assert.equal(server.posts().length, 1);
  },
);

// 6. The tab is closed while the receiver still holds the POST; a new tab finds everything.
scenario(
  test,
  'closing the tab mid-send: a new tab has the answers and the unsent submission, and sends it with the same key',
  {
    config: config({ send_attempts: 2, send_timeout_ms: 10_000 }),
    receiver: [{ status: 201, json: { reference: 'LOST-ANSWER' }, delayMs: 4000 }],
  },
  async ({ context, page, server, problems }) => {
    const shown = await fillAndSend(page);
    await statusShows(page, 'Sending …');
    await eventually('the first POST at the receiver', () => server.posts().length === 1);
    const firstKey = server.posts()[0].headers['idempotency-key'];
    assert.match(firstKey, UUID_V4);
    await page.close();

    server.setReceiver([{ status: 201, json: { reference: 'R-AGAIN' } }]);
    const again = await context.newPage();
    watch(again, problems, server.url);
    await again.goto('/service_complaint/check');
    await again.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
    assert.deepEqual(await answers(again), shown, 'the new tab shows the same answers');
    assert.equal(await pendingId(again), firstKey, 'the unsent submission is kept with its id');
    assert.ok(await again.evaluate((key) => localStorage.getItem(key), DRAFT), 'the draft is kept');
    assert.equal(server.posts().length, 1, 'opening the check page sends nothing by itself');

    await again.getByRole('button', { name: 'Send complaint' }).click();
    await expectReceipt(again, 'R-AGAIN');
    const posts = server.posts();
    oneKey(posts, 2);
    assert.equal(posts[1].headers['idempotency-key'], firstKey, 'the resend carries the first attempt\'s key');
  },
);
