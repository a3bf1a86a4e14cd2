// Scenario 9: markup typed by the user is text, never HTML (§7): shown verbatim, nothing runs.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axe, scenario } from '../support/browser.mjs';
import { configWithEndpoint } from '../support/server.mjs';
import { answers, decodeMailto, fillAndContinue, openForm } from '../support/portal.mjs';

const NAME = '<img src=x onerror=alert(1)>';
const DESCRIPTION = '<script>alert(1)</script>\n<b onmouseover="alert(2)">bold?</b> & &amp; done';

scenario(test, 'markup in the answers is shown as inert text on the check page', { config: configWithEndpoint() }, async ({ page, server }) => {
  await openForm(page);
  await fillAndContinue(page, {
    name: NAME,
    email: 'joerg@example.de',
    subject: '<iframe src="/"></iframe>',
    description: DESCRIPTION,
  });
  const shown = await answers(page);
  assert.equal(shown['Your name'], NAME);
  assert.equal(shown['Description of the problem'], DESCRIPTION);
  assert.equal(shown.Subject, 'Customer service issue: <iframe src="/"></iframe>');
  await page.getByText(NAME, { exact: true }).waitFor({ state: 'visible' });
  await page.getByText('<script>alert(1)</script>', { exact: false }).waitFor({ state: 'visible' });
  assert.equal(await page.locator('main img, main script, main iframe, main b').count(), 0, 'no element was created from the input');
  await page.getByText('bold?', { exact: false }).hover();
  await axe(page, 'check page with markup in the answers');

  // Sent as data, unchanged.
  await page.getByRole('button', { name: 'Send complaint' }).click();
  await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
  const [post] = server.posts();
  assert.equal(post.json.complainant.name, NAME);
  assert.equal(post.json.description, DESCRIPTION);
  assert.equal(await page.locator('main img, main script, main iframe').count(), 0);
  // Any dialog would have been recorded as a page problem and fails the test.
});

scenario(test, 'CR/LF and mailto delimiters in the answers cannot add mail headers', { config: { channels: { service_complaint: { mailbox: 'complaints@example.org' } } } }, async ({ page }) => {
  await openForm(page);
  await fillAndContinue(page, {
    name: 'Eve',
    email: 'eve@example.de',
    subject: 'Hi&cc=victim@example.com?bcc=x@example.com',
    description: 'Line one\nBcc: victim@example.com\n&to=other@example.com %0D%0A',
  });
  const mail = decodeMailto(await page.getByRole('link', { name: 'Open email program' }).getAttribute('href'));
  assert.equal(mail.to, 'complaints@example.org');
  assert.deepEqual(mail.keys, ['subject', 'body'], 'no cc, bcc or to sneaked in');
  assert.equal(mail.fields.subject, 'Customer service issue: Hi&cc=victim@example.com?bcc=x@example.com');
  assert.ok(mail.fields.body.includes('Line one\r\nBcc: victim@example.com\r\n&to=other@example.com %0D%0A'), mail.fields.body);
});
