// Scenario 6: no endpoint for the kind (config.json without one, or no config.json at all: the
// built-in defaults). The check page offers only email: a mailto: link with everything, or, for
// a complaint too long for a link, the .eml to download and attach. Nothing is cut.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { axe, scenario } from '../support/browser.mjs';
import { COMPLAINT, UUID_V4, answers, decodeMailto, decodeWords, fillAndContinue, formValues, openForm, parseEml } from '../support/portal.mjs';

const MAIL_ONLY = { channels: { service_complaint: { mailbox: 'complaints@example.org' } } };
const TOO_LONG = 'Your complaint is too long for an email link. Download the message and attach it to your email, or copy the text into the email.';
/** Chromium logs the 404 for the absent config.json as a console error; that is the point of the test. */
const CONFIG_ABSENT = [/^Failed to load resource: the server responded with a status of 404 \(Not Found\) \(at http:\/\/127\.0\.0\.1:\d+\/config\.json\)$/];

/** About 3000 characters over several lines, with non-ASCII: far too long for a mailto: URL. */
const LONG_DESCRIPTION = Array.from({ length: 30 }, (_, line) => `Zeile ${String(line + 1).padStart(2, '0')}: Die Übertragung hängt, Auth-Code ungültig, Support antwortet nicht.`)
  .join('\n')
  .padEnd(3000, '.');

async function expectMailOnly(page) {
  await page.getByRole('heading', { level: 2, name: 'Send by email' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Send complaint' }).count(), 0, 'no endpoint, no Send button');
  await page.getByText('Your email program opens a ready-made message to complaints@example.org. Check it and send it.').waitFor();
}

scenario(test, 'without an endpoint, a short complaint goes whole into the mailto: link', { config: MAIL_ONLY }, async ({ page, server }) => {
  await openForm(page);
  await fillAndContinue(page, COMPLAINT);
  await expectMailOnly(page);
  const shown = await answers(page);
  assert.equal(await page.getByText(TOO_LONG).count(), 0, 'no too-long warning');
  await axe(page, 'check page, email only');

  const href = await page.getByRole('link', { name: 'Open email program' }).getAttribute('href');
  assert.ok(href.length <= 1800, `mailto: URL of ${href.length} characters`);
  const mail = decodeMailto(href);
  assert.equal(mail.to, 'complaints@example.org');
  assert.deepEqual(mail.keys, ['subject', 'body']);
  assert.equal(mail.fields.subject, shown.Subject);
  for (const value of [COMPLAINT.name, COMPLAINT.email, COMPLAINT.phone, 'bücher.de (xn--bcher-kva.de)', COMPLAINT.description.replace(/\n/g, '\r\n')]) {
    assert.ok(mail.fields.body.includes(value), `the mail body holds ${JSON.stringify(value)}:\n${mail.fields.body}`);
  }
  assert.ok(!/(^|[^\r])\n/.test(mail.fields.body), 'every line break in the body is CRLF');

  await page.getByRole('button', { name: 'I have sent the email' }).click();
  await page.getByRole('heading', { level: 1, name: 'Complaint sent by email' }).waitFor();
  await axe(page, 'receipt page, sent by email');
  assert.equal(server.requests.length, 0, 'nothing went to any receiver');
});

scenario(
  test,
  'with no config.json at all, a long complaint is offered as an .eml to attach, and can be confirmed as sent',
  { config: undefined, allowConsole: CONFIG_ABSENT },
  async ({ page, context }) => {
    await page.goto('/');
    // The built-in defaults: the procedure's organisation.
    await page.getByText('This form reaches Key-Systems GmbH.', { exact: false }).waitFor();
    await openForm(page);
    await fillAndContinue(page, { ...COMPLAINT, description: LONG_DESCRIPTION });
    await expectMailOnly(page);
    const shown = await answers(page);
    assert.equal(shown['Description of the problem'], LONG_DESCRIPTION);
    await page.getByText(TOO_LONG).waitFor();
    await axe(page, 'check page, email only, too long for a link');

    // The link carries only the note naming the file, not a cut-off complaint.
    const href = await page.getByRole('link', { name: 'Open email program' }).getAttribute('href');
    assert.ok(href.length <= 1800, `mailto: URL of ${href.length} characters`);
    const mail = decodeMailto(href);
    assert.equal(mail.to, 'complaints@example.org');
    assert.equal(mail.fields.subject, shown.Subject);
    const note = /Please attach the downloaded file (complaint-[0-9a-f]{8}\.eml) to this email; it holds your complete complaint\./.exec(mail.fields.body);
    assert.ok(note, `the mail body names the file to attach:\n${mail.fields.body}`);
    const fileName = note[1];
    const id = /Reference: (\S+)/.exec(mail.fields.body)?.[1];
    assert.match(id, UUID_V4);
    assert.ok(!mail.fields.body.includes('Zeile 01'), 'no part of the description is squeezed into the link');

    // The whole text is on the page, to copy.
    assert.ok((await page.getByLabel('Text of your complaint').inputValue()).includes(LONG_DESCRIPTION));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download message (.eml)' }).click()]);
    assert.equal(download.suggestedFilename(), fileName);
    assert.equal(fileName, `complaint-${id.slice(0, 8)}.eml`);
    const raw = await readFile(await download.path(), 'utf8');
    assert.ok(!raw.replace(/\r\n/g, '').includes('\n'), 'CRLF line ends only');
    assert.ok(raw.split('\r\n').every((line) => line.length <= 998), 'no line longer than RFC 5322 allows');
    const message = parseEml(raw);
    assert.ok('subject' in message.headers, 'Subject: header');
    assert.equal(decodeWords(message.headers.subject), shown.Subject);
    assert.equal(message.headers.to, 'complaints@example.org');
    assert.match(message.headers.from, /<joerg@example\.de>$/);
    assert.equal(message.headers['mime-version'], '1.0');
    assert.match(message.headers['content-type'], /^multipart\/mixed;/);

    const text = message.parts.find((part) => /^text\/plain/.test(part.headers['content-type']));
    assert.ok(text, 'a text/plain part');
    assert.ok(text.content.includes(LONG_DESCRIPTION.replace(/\n/g, '\r\n')), 'the text part holds the whole description');
    const attachment = message.parts.find((part) => /^application\/json/.test(part.headers['content-type']));
    assert.ok(attachment, 'an application/json part');
    assert.match(attachment.headers['content-disposition'], /^attachment; filename="submission-[0-9a-f-]{36}\.json"$/);
    const submission = JSON.parse(attachment.content);
    assert.equal(submission.id, id);
    assert.equal(submission.description, LONG_DESCRIPTION);
    assert.equal(submission.subject, shown.Subject);
    assert.equal(submission.complainant.name, COMPLAINT.name);
    assert.deepEqual(submission.domains, [{ input: 'bücher.de', unicode: 'bücher.de', ascii: 'xn--bcher-kva.de' }]);

    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Copy text' }).click();
    await page.getByRole('status').filter({ hasText: 'Text copied.' }).waitFor();
    assert.ok((await page.evaluate(() => navigator.clipboard.readText())).includes(LONG_DESCRIPTION));

    await page.getByRole('button', { name: 'I have sent the email' }).click();
    await page.getByRole('heading', { level: 1, name: 'Complaint sent by email' }).waitFor();
    await page.getByText(id, { exact: true }).waitFor();
    await axe(page, 'receipt page after a long complaint');

    // Confirmed as sent: the draft is gone.
    await page.goto('/service_complaint');
    await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
    assert.deepEqual(Object.values(await formValues(page)).filter(Boolean), []);
  },
);
