// The spam complaint (§2, issue 4): the complete message pasted or chosen as a file, checked and
// summarised in the browser (the spam worker), sent byte for byte; a header-less paste is refused
// with the guidance; the message survives a reload (IndexedDB) and is gone after a confirmed send.

import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { axe, scenario } from '../support/browser.mjs';
import { RECEIVER_PATH, configWithEndpoint } from '../support/server.mjs';
import { answers } from '../support/portal.mjs';

const FIXTURES = new URL('../../../crates/core/tests/fixtures/', import.meta.url);
const fixture = (name) => readFile(new URL(name, FIXTURES));
const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');

const PASTE_LABEL = 'Paste the message source here';
const FILE_LABEL = 'Or choose the message as a file (.eml, .txt)';
const TARGET_LABEL = 'Domain or mail server you are complaining about';

const spamConfig = (overrides = {}) =>
  configWithEndpoint({ channels: { spam_complaint: { mailbox: 'abuse@example.org', endpoint: RECEIVER_PATH } }, ...overrides });

async function openSpamForm(page) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Complain about spam' }).click();
  await page.getByRole('heading', { level: 1, name: 'Spam complaint' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/spam_complaint');
}

/** Pastes `text` into the paste field as the clipboard would deliver it. */
async function paste(page, text) {
  const area = page.getByLabel(PASTE_LABEL);
  await area.focus();
  await area.evaluate((element, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

async function fillContact(page) {
  await page.getByLabel('Your name').fill('Alice Müller');
  await page.getByLabel('Email address').fill('alice@recipient.example');
}

const summary = (page) => page.getByRole('region', { name: 'What the message shows' });

/** The facts of the summary list, by label. */
async function facts(page) {
  const rows = summary(page).locator('.summary-list__row');
  const out = {};
  for (let i = 0; i < (await rows.count()); i += 1) {
    out[(await rows.nth(i).locator('dt').textContent()).trim()] = (await rows.nth(i).locator('dd').textContent()).trim();
  }
  return out;
}

const decoded = (post) => Buffer.from(post.json.spam.message.content_base64, 'base64');

scenario(test, 'a pasted message is summarised, its target suggested, and sent exactly as pasted', { config: spamConfig() }, async ({ page, server }) => {
  await openSpamForm(page);
  // Said before anyone types.
  await page.getByText('We do not answer anonymous complaints', { exact: false }).waitFor();
  await axe(page, 'empty spam form');
  await fillContact(page);
  // Browsers hand pasted text over with LF line ends; the analysis copes.
  const pasted = (await fixture('multi-hop.eml')).toString('utf8').replaceAll('\r\n', '\n');
  await paste(page, pasted);
  assert.equal(await page.getByLabel(PASTE_LABEL).inputValue(), '', 'the text is never laid out in the field');
  await summary(page).waitFor();
  await page.getByRole('status').filter({ hasText: 'Pasted source:' }).waitFor();

  const shown = await facts(page);
  assert.equal(shown.Subject, 'Ihr Konto wird gesperrt – Bestätigen Sie jetzt');
  assert.equal(shown['Likely source (IP)'], '203.0.113.45');
  assert.equal(shown['Sender according to From'], 'security@bank.example');
  assert.match(shown['Delivery path (Received)'], /^3 hops\n/);
  assert.equal(shown['Checks (SPF, DKIM, DMARC)'], 'spf=pass, dkim=pass, dmarc=fail');
  await page.getByText('The sender address (From) alone proves nothing', { exact: false }).waitFor();
  await axe(page, 'spam form with the summary');

  // A suggestion fills the target and moves focus there.
  await page.getByRole('button', { name: 'Use bulk-sender.example' }).click();
  const target = page.getByLabel(TARGET_LABEL);
  assert.equal(await target.inputValue(), 'bulk-sender.example');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'spam_target');

  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your answers' }).waitFor();
  const checked = await answers(page);
  assert.equal(checked[TARGET_LABEL], 'bulk-sender.example');
  assert.match(checked['The complete spam message'], new RegExp(`SHA-256: ${sha256(Buffer.from(pasted))}$`));
  await axe(page, 'spam check page');
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();

  const [post] = server.posts();
  assert.equal(post.json.kind, 'spam_complaint');
  assert.deepEqual(decoded(post), Buffer.from(pasted, 'utf8'), 'the receiver gets the exact bytes pasted');
  assert.equal(post.json.spam.message.sha256, sha256(Buffer.from(pasted)));
  assert.equal(post.json.spam.message.source, 'paste');
  assert.equal(post.json.spam.analysis.source_ip, '203.0.113.45');
  assert.deepEqual(post.json.spam.target, { domain: { input: 'bulk-sender.example', unicode: 'bulk-sender.example', ascii: 'bulk-sender.example' } });

  // Sent: the message is gone from the browser too.
  await page.goto('/spam_complaint');
  await page.getByRole('heading', { level: 1, name: 'Spam complaint' }).waitFor();
  assert.equal(await page.getByRole('status').filter({ hasText: 'Pasted source:' }).count(), 0);
  assert.equal(await page.evaluate(() => new Promise((done) => {
    const open = indexedDB.open('complaint-portal');
    open.onsuccess = () => {
      const get = open.result.transaction('spam-message').objectStore('spam-message').get('draft');
      get.onsuccess = () => done(get.result === undefined);
    };
  })), true, 'IndexedDB no longer holds the message');
});

scenario(test, 'a chosen file is sent byte for byte, even in Latin-1', { config: spamConfig() }, async ({ page, server }) => {
  await openSpamForm(page);
  await fillContact(page);
  const bytes = await fixture('latin1-declared.eml');
  assert.ok(!bytes.equals(Buffer.from(bytes.toString('utf8'))), 'the fixture is not UTF-8');
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: 'spam.eml', mimeType: 'message/rfc822', buffer: bytes });
  await summary(page).waitFor();
  await page.getByRole('status').filter({ hasText: 'File “spam.eml”:' }).waitFor();
  await page.getByLabel(TARGET_LABEL).fill('203.0.113.7');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();

  const [post] = server.posts();
  assert.deepEqual(decoded(post), bytes);
  assert.equal(post.json.spam.message.file_name, 'spam.eml');
  assert.equal(post.json.spam.message.source, 'file');
  assert.deepEqual(post.json.spam.target, { ip: '203.0.113.7' });
});

scenario(test, 'a header-less paste is refused with the guidance and nothing is sent', { config: spamConfig() }, async ({ page, server }) => {
  await openSpamForm(page);
  await fillContact(page);
  await paste(page, 'Hello,\n\nbuy cheap watches at https://watches.example/ now!\n');
  const error = 'This is only the text of the message: its header lines (Received, From, Date …) are missing.';
  await page.getByRole('button', { name: 'Continue' }).click();
  const alert = page.getByRole('alert');
  await alert.getByRole('link').filter({ hasText: error }).waitFor();
  // The guidance names the common mail clients.
  for (const client of ['Gmail:', 'Outlook:', 'Apple Mail:', 'Thunderbird:']) {
    await page.getByText(client, { exact: false }).first().waitFor();
  }
  assert.equal(await summary(page).count(), 0, 'no summary for what cannot be taken');
  await axe(page, 'spam form with a header-less paste');

  // An inline forward is recognised as such.
  await paste(page, 'FYI\n\n---------- Forwarded message ---------\nFrom: Bank <security@bank.example>\nSubject: Konto\n\nKlicken Sie hier.\n');
  await page.getByText('This is a forwarded message', { exact: false }).first().waitFor({ timeout: 5000 }).catch(async () => {
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('This is a forwarded message', { exact: false }).first().waitFor();
  });

  // A picture chosen by mistake is refused as what it is.
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]), Buffer.alloc(2000, 0)]);
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: 'screenshot.png', mimeType: 'image/png', buffer: png });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').getByRole('link').filter({ hasText: 'This is not an email message but a binary file' }).waitFor();
  assert.equal(server.posts().length, 0);
});

scenario(test, 'the message comes back after a reload, and the form refuses a file over the cap by its size', { config: spamConfig({ limits: { spam_message_bytes: 4096, send_attempts: 2, send_timeout_ms: 1500 } }) }, async ({ page }) => {
  await openSpamForm(page);
  const pasted = (await fixture('multi-hop.eml')).toString('utf8');
  await paste(page, pasted);
  await summary(page).waitFor();
  await page.reload();
  await summary(page).waitFor();
  await page.getByRole('status').filter({ hasText: 'Pasted source:' }).waitFor();

  // Over the cap: refused with both sizes, the earlier message replaced.
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: 'big.eml', mimeType: 'message/rfc822', buffer: Buffer.alloc(5000, 'a') });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').getByRole('link', { name: 'The message is too large: 4.9 KB; at most 4.0 KB can be taken.' }).waitFor();

  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Spam complaint' }).waitFor();
  assert.equal(await summary(page).count(), 0, 'the refused file replaced the stored message');

  // Removing a message leaves nothing behind after a reload either.
  await paste(page, pasted);
  await summary(page).waitFor();
  await page.getByRole('button', { name: 'Remove the message' }).click();
  assert.equal(await summary(page).count(), 0);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Spam complaint' }).waitFor();
  await page.waitForTimeout(300);
  assert.equal(await page.getByRole('status').filter({ hasText: 'Pasted source:' }).count(), 0);
});

scenario(test, 'with multipart/form-data transport the message is its own part, byte for byte', { config: spamConfig({ submission_format: 'multipart' }) }, async ({ page, server }) => {
  await openSpamForm(page);
  await fillContact(page);
  const bytes = await fixture('multi-hop.eml');
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: 'spam.eml', mimeType: 'message/rfc822', buffer: bytes });
  await summary(page).waitFor();
  await page.getByLabel(TARGET_LABEL).fill('mail.bulk-sender.example');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Send' }).click();
  await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();

  const [post] = server.posts();
  assert.match(post.headers['content-type'], /^multipart\/form-data; boundary=/);
  assert.ok(post.headers['idempotency-key'], 'the key travels with multipart too');
  const form = await new Request('http://receiver.invalid/', { method: 'POST', headers: { 'content-type': post.headers['content-type'] }, body: post.raw }).formData();
  const json = JSON.parse(form.get('submission'));
  assert.equal(json.kind, 'spam_complaint');
  assert.equal(json.spam.message.content_base64, '', 'the bytes travel once, as the message part');
  const message = form.get('message');
  assert.equal(message.name, 'spam.eml');
  assert.equal(message.type, 'message/rfc822');
  const received = Buffer.from(await message.arrayBuffer());
  assert.deepEqual(received, bytes);
  assert.equal(sha256(received), json.spam.message.sha256);
});

scenario(test, 'without an endpoint the complaint goes by email: the link names the ARF report to attach', { config: { channels: { spam_complaint: { mailbox: 'abuse@example.org' } } } }, async ({ page }) => {
  await openSpamForm(page);
  await fillContact(page);
  const bytes = await fixture('multi-hop.eml');
  await page.getByLabel(FILE_LABEL).setInputFiles({ name: 'spam.eml', mimeType: 'message/rfc822', buffer: bytes });
  await summary(page).waitFor();
  await page.getByLabel(TARGET_LABEL).fill('bulk-sender.example');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByText('An email message does not fit into an email link.', { exact: false }).waitFor();
  await axe(page, 'spam check page, email only');

  const href = await page.getByRole('link', { name: 'Open email program' }).getAttribute('href');
  assert.ok(!decodeURIComponent(href).includes('Received:'), 'the message never goes into the link');
  const fileName = /Please attach the downloaded file (spam-report-[0-9a-f]{8}\.eml)/.exec(decodeURIComponent(href))?.[1];
  assert.ok(fileName, href);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download message (.eml)' }).click()]);
  assert.equal(download.suggestedFilename(), fileName);
  const report = await readFile(await download.path());
  const text = report.toString('latin1');
  assert.match(text, /Content-Type: multipart\/report; report-type=feedback-report;/);
  assert.match(text, /\r\nFeedback-Type: abuse\r\n/);
  assert.match(text, /\r\nReported-Domain: bulk-sender\.example\r\n/);
  assert.match(text, /\r\nContent-Type: message\/rfc822\r\n/);
  assert.ok(report.includes(bytes), 'the original is in the report byte for byte');
});
