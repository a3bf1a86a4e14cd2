// Scenarios 3 and 4: the receiver fails (HTTP 500, socket dropped, no answer in time). The
// portal retries a bounded number of times with the same Idempotency-Key, then offers the email
// fallback; nothing typed is lost, and a later retry still carries the same key. Also: a 4xx
// shows the server's words and offers no fallback.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axe, eventually, scenario } from '../support/browser.mjs';
import { configWithEndpoint } from '../support/server.mjs';
import { COMPLAINT, answers, decodeMailto, fillAndContinue, formValues, oneKey, openForm } from '../support/portal.mjs';

const SEND_FAILED = 'The complaint could not be delivered. Nothing is lost: send it by email instead.';

/** Chromium logs each failed request as a console error: the receiver's failures are expected here, nothing else. */
const receiverFailed = (why) => [new RegExp(`^Failed to load resource: ${why} \\(at http://127\\.0\\.0\\.1:\\d+/api/complaints\\)$`)];

/** Sends against a failing receiver and checks the whole fallback; returns what the check page showed. */
async function sendAndExpectFallback(page, server, { attempts }) {
  await openForm(page);
  await fillAndContinue(page, COMPLAINT);
  const shown = await answers(page);
  await page.getByRole('button', { name: 'Send complaint' }).click();

  const alert = page.getByRole('alert').filter({ hasText: 'could not be delivered' });
  await alert.waitFor({ timeout: 10_000 });
  assert.equal((await alert.textContent()).trim(), SEND_FAILED);
  await page.getByRole('heading', { level: 2, name: 'Send by email' }).waitFor();
  await axe(page, 'check page with the email fallback');

  const link = page.getByRole('link', { name: 'Open email program' });
  const mail = decodeMailto(await link.getAttribute('href'));
  assert.equal(mail.to, 'complaints@example.org');
  assert.deepEqual(mail.keys, ['subject', 'body']);
  assert.equal(mail.fields.subject, shown.Subject);
  assert.ok(mail.fields.body.includes(COMPLAINT.description.replace(/\n/g, '\r\n')), `the mail body holds the description:\n${mail.fields.body}`);

  const key = oneKey(server.posts(), attempts);
  assert.ok(mail.fields.body.includes(key), 'the mail names the same reference');

  // Nothing typed is lost.
  await page.goBack();
  await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
  assert.deepEqual(await formValues(page), { customer_account: '', subject: '', ...COMPLAINT });
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
  assert.deepEqual(await formValues(page), { customer_account: '', subject: '', ...COMPLAINT });
  return { shown, key };
}

scenario(
  test,
  'a receiver answering 500 is tried send_attempts times with one key, then the email fallback; a later retry keeps the key',
  // The second 500 comes late, so the retry status can be seen.
  { config: configWithEndpoint(), receiver: [{ status: 500 }, { status: 500, delayMs: 400 }], allowConsole: receiverFailed('the server responded with a status of 500 \\(Internal Server Error\\)') },
  async ({ page, server }) => {
    const status = page.getByRole('status').filter({ hasText: 'trying again' });
    const sawRetry = status.waitFor({ timeout: 10_000 }).then(() => status.textContent());
    const { key } = await sendAndExpectFallback(page, server, { attempts: 2 });
    assert.equal((await sawRetry).trim(), 'Not received yet; trying again (2 of 2) …');

    // The receiver is back: sending the unchanged complaint again reuses its id.
    server.setReceiver([{ status: 201, json: { reference: 'T-2' } }]);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
    await page.getByText('T-2', { exact: true }).waitFor();
    const posts = server.posts();
    assert.equal(posts.length, 3);
    assert.equal(posts[2].headers['idempotency-key'], key, 'the retry after the fallback keeps the Idempotency-Key');
    assert.equal(posts[2].json.id, key);
  },
);

scenario(
  test,
  'a receiver that drops the connection: the email fallback, nothing lost',
  { config: configWithEndpoint(), receiver: [{ destroy: true }], allowConsole: receiverFailed('net::ERR_EMPTY_RESPONSE') },
  async ({ page, server }) => {
    await sendAndExpectFallback(page, server, { attempts: 2 });
  },
);

scenario(
  test,
  'a receiver that does not answer within send_timeout_ms: each attempt is abandoned, then the fallback',
  {
    config: configWithEndpoint({ limits: { send_attempts: 2, send_timeout_ms: 300 } }),
    receiver: [{ status: 201, json: { reference: 'TOO-LATE' }, delayMs: 3000 }],
  },
  async ({ page, server }) => {
    await sendAndExpectFallback(page, server, { attempts: 2 });
  },
);

scenario(
  test,
  'a receiver refusing with 422 problem details: its words are shown, the answers are kept',
  {
    config: configWithEndpoint(),
    receiver: [{ status: 422, type: 'application/problem+json', json: { title: 'Invalid domain', detail: 'bücher.de is not managed here' } }],
    allowConsole: receiverFailed('the server responded with a status of 422 \\(Unprocessable Entity\\)'),
  },
  async ({ page, server }) => {
    await openForm(page);
    await fillAndContinue(page, COMPLAINT);
    await page.getByRole('button', { name: 'Send complaint' }).click();
    const alert = page.getByRole('alert');
    await alert.getByText('The recipient refused the complaint: Invalid domain: bücher.de is not managed here').waitFor();
    await alert.getByText('Your answers are kept. Correct them and send again.').waitFor();
    assert.equal(server.posts().length, 1, 'a refusal is not retried');
    assert.equal(await page.getByRole('heading', { name: 'Send by email' }).count(), 0, 'no fallback for a refusal');
    await eventually('the Send button enabled again', () => page.getByRole('button', { name: 'Send complaint' }).isEnabled());
    await axe(page, 'check page with a refusal');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
    assert.deepEqual(await formValues(page), { customer_account: '', subject: '', ...COMPLAINT });
  },
);
