// Scenario 2: the GOV.UK error pattern. An error summary at the top (focused, links to the
// fields), inline errors tied to each field with aria-invalid and aria-describedby, and no
// browser validation bubbles.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axe, eventually, scenario } from '../support/browser.mjs';
import { configWithEndpoint } from '../support/server.mjs';
import { field, fill, openForm } from '../support/portal.mjs';

const activeId = (page) => page.evaluate(() => document.activeElement?.id ?? null);

/** Checks one field's inline error: flagged invalid, described by `<id>-error` holding `message`. */
async function assertInlineError(page, id, label, message) {
  const control = field(page, label);
  assert.equal(await control.getAttribute('id'), id);
  assert.equal(await control.getAttribute('aria-invalid'), 'true', `${id} is aria-invalid`);
  const describedBy = ((await control.getAttribute('aria-describedby')) ?? '').split(/\s+/);
  assert.ok(describedBy.includes(`${id}-error`), `${id} aria-describedby lists ${id}-error: ${describedBy}`);
  for (const ref of describedBy) assert.equal(await page.locator(`[id="${ref}"]`).count(), 1, `#${ref} exists`);
  const errorText = (await page.locator(`[id="${id}-error"]`).textContent()).replace(/\s+/g, ' ').trim();
  assert.equal(errorText, `Error: ${message}`);
}

async function assertNoInlineError(page, id, label) {
  const control = field(page, label);
  assert.equal(await control.getAttribute('aria-invalid'), null, `${id} is not aria-invalid`);
  assert.equal(await page.locator(`[id="${id}-error"]`).count(), 0, `#${id}-error is absent`);
}

scenario(test, 'Continue on the empty form lists every missing field in a focused error summary', { config: configWithEndpoint() }, async ({ page, server }) => {
  await openForm(page);
  assert.equal(await page.getByRole('alert').count(), 0, 'no error summary before Continue');
  assert.equal(await page.locator('main form').evaluate((form) => form.noValidate), true, 'the form has novalidate');
  assert.equal(await page.locator('main form [required]').count(), 0, 'no native required constraints');

  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert');
  await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.equal(await summary.getAttribute('id'), 'error-summary');
  assert.equal(new URL(page.url()).pathname, '/service_complaint', 'the page stays on the form');
  await eventually('focus on the error summary', async () => (await activeId(page)) === 'error-summary');

  const expected = [
    { id: 'name', label: 'name', message: 'Enter your name.' },
    { id: 'email', label: 'email', message: 'Enter your email address so that we can reply.' },
    { id: 'description', label: 'description', message: 'Describe your problem.' },
  ];
  const links = summary.getByRole('link');
  assert.equal(await links.count(), 3, 'exactly three problems');
  for (const [at, { id, message }] of expected.entries()) {
    assert.equal((await links.nth(at).textContent()).trim(), message);
    assert.equal(await links.nth(at).getAttribute('href'), `#${id}`);
  }
  for (const { id, label, message } of expected) await assertInlineError(page, id, label, message);
  for (const [id, label] of [['phone', 'phone'], ['customer_account', 'customer_account'], ['domains', 'domains'], ['subject', 'subject']]) {
    await assertNoInlineError(page, id, label);
  }
  // No native constraint fired, so no browser bubble could have been shown.
  assert.equal(await page.locator('main :invalid').count(), 0, 'no control is :invalid to the browser');
  await axe(page, 'form with the error summary');

  for (const { id, message } of [...expected].reverse()) {
    await summary.getByRole('link', { name: message }).click();
    await eventually(`focus on #${id}`, async () => (await activeId(page)) === id);
  }
  assert.equal(new URL(page.url()).pathname, '/service_complaint');
  assert.equal(server.posts().length, 0);
});

scenario(test, 'values in the wrong format are named with how to fix them; fixing them moves on', { config: configWithEndpoint() }, async ({ page }) => {
  await openForm(page);
  await fill(page, {
    name: 'Jörg Müller',
    email: 'joerg.example.de',
    phone: '12',
    domains: 'bücher.de, -bad-.de',
    description: 'Transfer hängt.',
  });
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert');
  await summary.getByRole('heading', { name: 'There is a problem' }).waitFor();
  await eventually('focus on the error summary', async () => (await activeId(page)) === 'error-summary');
  const messages = (await summary.getByRole('link').allTextContents()).map((text) => text.trim());
  assert.deepEqual(messages, [
    'The email address needs an @, like name@example.com.',
    'A phone number has 6 to 20 digits; yours has 2.',
    '“-bad-.de” is not a valid domain: a part starts or ends with a hyphen.',
  ]);
  await assertInlineError(page, 'email', 'email', messages[0]);
  await assertInlineError(page, 'phone', 'phone', messages[1]);
  await assertInlineError(page, 'domains', 'domains', messages[2]);
  await assertNoInlineError(page, 'name', 'name');
  await assertNoInlineError(page, 'description', 'description');
  await axe(page, 'form with format errors');

  await fill(page, { email: 'joerg@example.de', phone: '', domains: 'bücher.de' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
});
