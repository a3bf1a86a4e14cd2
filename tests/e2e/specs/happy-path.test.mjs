// Scenario 1: start page → form → check your answers → send → receipt, against a receiver that
// accepts; then the draft is gone.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { axe, scenario } from '../support/browser.mjs';
import { configWithEndpoint } from '../support/server.mjs';
import { COMPLAINT, RFC3339, UUID_V4, answers, fill, formValues, openForm, parseEml } from '../support/portal.mjs';

scenario(
  test,
  'a complaint sent to the endpoint arrives once, as shown, and clears the draft',
  { config: configWithEndpoint(), receiver: [{ status: 201, json: { reference: 'T-1' } }] },
  async ({ page, server }) => {
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Make a complaint or report abuse' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    await axe(page, 'start page');

    await openForm(page);
    assert.equal(new URL(page.url()).pathname, '/service_complaint');
    await axe(page, 'empty form');
    await fill(page, COMPLAINT);
    await axe(page, 'filled form');

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/service_complaint/check');
    const shown = await answers(page);
    assert.equal(shown['Your name'], COMPLAINT.name);
    assert.equal(shown['Email address'], COMPLAINT.email);
    assert.equal(shown['Phone number'], COMPLAINT.phone);
    assert.equal(shown['Customer account'], 'not given');
    assert.equal(shown['Affected domain(s)'], 'bücher.de (xn--bcher-kva.de)');
    assert.equal(shown['Description of the problem'], COMPLAINT.description);
    assert.match(shown.Subject, /^Customer service issue: /);
    assert.ok(shown.Subject.includes('Mein Transfer hängt seit Tagen.'), shown.Subject);
    await axe(page, 'check page');
    assert.equal(server.posts().length, 0, 'nothing is sent before "Send complaint"');

    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/service_complaint/receipt');
    await page.getByText('T-1', { exact: true }).waitFor();
    await axe(page, 'receipt page');

    const posts = server.posts();
    assert.equal(posts.length, 1, 'exactly one POST');
    const [post] = posts;
    assert.equal(post.url, '/api/complaints');
    assert.match(post.headers['content-type'], /^application\/json\b/);
    const sent = post.json;
    assert.ok(sent, `the body is JSON: ${post.body.slice(0, 200)}`);
    assert.match(sent.id, UUID_V4);
    assert.equal(post.headers['idempotency-key'], sent.id);
    assert.equal(sent.kind, 'service_complaint');
    assert.equal(sent.locale, 'en');
    assert.equal(sent.schema_version, 1);
    assert.match(sent.created_at, RFC3339);
    assert.ok(Math.abs(Date.parse(sent.created_at) - Date.now()) < 5 * 60_000, `created_at is now: ${sent.created_at}`);
    assert.deepEqual(sent.complainant, {
      name: shown['Your name'],
      email: shown['Email address'],
      phone: shown['Phone number'],
      customer_account: null,
    });
    assert.deepEqual(sent.domains, [{ input: 'bücher.de', unicode: 'bücher.de', ascii: 'xn--bcher-kva.de' }]);
    assert.equal(sent.subject, shown.Subject);
    assert.equal(sent.description, shown['Description of the problem']);

    // The receipt offers a copy of what was sent.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download a copy (.eml)' }).click()]);
    assert.equal(download.suggestedFilename(), `complaint-${sent.id.slice(0, 8)}.eml`);
    const copy = parseEml(await readFile(await download.path(), 'utf8'));
    const attached = copy.parts.find((part) => /^application\/json/.test(part.headers['content-type']));
    assert.deepEqual(JSON.parse(attached.content), sent, 'the copy holds exactly the document sent');

    // Back to the form: the confirmed complaint is no longer a draft.
    await page.goBack();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
    const empty = { name: '', email: '', phone: '', customer_account: '', domains: '', subject: '', description: '' };
    assert.deepEqual(await formValues(page), empty);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
    assert.deepEqual(await formValues(page), empty);
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((key) => !key.endsWith('.locale')));
    assert.deepEqual(stored, [], 'no draft or pending submission left in localStorage');
    assert.equal(server.posts().length, 1, 'still exactly one POST');
  },
);

scenario(
  test,
  'double-clicking Send, then pressing Enter, still sends once',
  { config: configWithEndpoint(), receiver: [{ status: 201, json: { reference: 'T-1' }, delayMs: 500 }] },
  async ({ page, server }) => {
    await openForm(page);
    await fill(page, COMPLAINT);
    await page.getByRole('button', { name: 'Continue' }).click();
    const send = page.getByRole('button', { name: 'Send complaint' });
    await send.dblclick();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
    assert.equal(server.posts().length, 1, 'exactly one POST');
  },
);
