// Scenario 7: a config.json that is present but invalid stops the portal with a message naming
// the bad field (§8): no form is shown, on the start page nor on a deep link to a form.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axe, scenario } from '../support/browser.mjs';

async function expectMisconfigured(page, path, field, label) {
  await page.goto(path);
  await page.getByRole('heading', { level: 1, name: 'The portal is misconfigured' }).waitFor();
  const alert = page.getByRole('alert');
  await alert.getByRole('heading', { name: 'Error in config.json' }).waitFor();
  assert.equal(await alert.locator('code').textContent(), field, 'the bad field is named');
  assert.equal(await page.getByRole('textbox').count(), 0, 'no text box');
  assert.equal(await page.locator('form, input, textarea, select').count(), 0, 'no form control at all');
  assert.equal(await page.getByRole('button', { name: /Send|Continue/ }).count(), 0);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  await axe(page, `${label} at ${path}`);
  return (await alert.textContent()).trim();
}

scenario(test, 'a config.json with a bad field value names the field and shows no form', { config: { state: 'XX' } }, async ({ page }) => {
  for (const path of ['/', '/service_complaint', '/service_complaint/check']) {
    const detail = await expectMisconfigured(page, path, 'state', 'invalid state');
    assert.ok(detail.includes('“XX” is not a German state code'), detail);
  }
});

scenario(test, 'a config.json that is not valid JSON stops the portal too', { config: '{"channels": ' }, async ({ page }) => {
  for (const path of ['/', '/service_complaint', '/service_complaint/check']) {
    // A syntax error has no field: the top level is named, with where the parser stopped.
    const detail = await expectMisconfigured(page, path, '(top level)', 'not valid JSON');
    assert.ok(detail.includes('not valid JSON: EOF while parsing a value at line 1 column 13'), detail);
  }
});

scenario(test, 'a config.json with a mistyped field name is refused, not ignored', { config: { channels: { service_complaint: { mailbox: 'complaints@example.org', endpiont: '/api/complaints' } } } }, async ({ page }) => {
  await expectMisconfigured(page, '/service_complaint', 'channels.service_complaint.endpiont', 'unknown field');
});
