// Scenario 5: what is typed is autosaved and comes back after a reload (§7).

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axe, scenario } from '../support/browser.mjs';
import { configWithEndpoint } from '../support/server.mjs';
import { COMPLAINT, answers, fill, fillAndContinue, formValues, openForm } from '../support/portal.mjs';

scenario(test, 'a draft typed into the form survives a reload', { config: configWithEndpoint() }, async ({ page, server }) => {
  // A deep link straight to the form, as from a bookmark.
  await page.goto('/service_complaint');
  await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
  const typed = {
    name: 'Jörg Müller',
    email: 'joerg@example',
    domains: 'bücher.de\nexample.org',
    subject: 'Transfer',
    description: 'Erste Zeile\n\nDritte Zeile mit „Anführungszeichen“ und 😀',
  };
  await fill(page, typed);
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
  assert.deepEqual(await formValues(page), { phone: '', customer_account: '', ...typed });
  await axe(page, 'form with a restored draft');

  // Also after leaving the portal and coming back in a new visit.
  await page.goto('/');
  await page.getByRole('link', { name: 'Complain about our service' }).click();
  await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
  assert.deepEqual(await formValues(page), { phone: '', customer_account: '', ...typed });
  assert.equal(server.posts().length, 0);
});

scenario(
  test,
  "a reload on the check page keeps the answers and the operator's config.json",
  { config: { channels: { service_complaint: { mailbox: 'ops@registrar.example', endpoint: '/api/complaints' } }, limits: { send_attempts: 2, send_timeout_ms: 1500 } } },
  async ({ page, server }) => {
    await openForm(page);
    await fillAndContinue(page, COMPLAINT);
    const before = await answers(page);
    assert.equal(await page.getByRole('button', { name: 'Send complaint' }).count(), 1, 'the endpoint is used before the reload');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
    assert.deepEqual(await answers(page), before, 'the same answers after the reload');
    // The operator's config still applies: the complaint goes to its endpoint, not to a default mailbox.
    assert.equal(await page.getByRole('heading', { name: 'Send by email' }).count(), 0, 'no fallback to the built-in mailbox');
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
    assert.equal(server.posts().length, 1);
  },
);
