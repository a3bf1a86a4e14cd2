// Feedback or a suggestion (§2): only the message is needed, contact details are optional. The
// start page offers every kind by the complainant's situation.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axe, scenario } from '../support/browser.mjs';
import { RECEIVER_PATH, configWithEndpoint } from '../support/server.mjs';
import { answers } from '../support/portal.mjs';

const MESSAGE = 'Bitte bieten Sie die Rechnungen auch als PDF an.\nDanke!';

scenario(
  test,
  'the start page offers each kind by situation; feedback with only a message is sent',
  {
    config: configWithEndpoint({ channels: { feedback: { mailbox: 'feedback@example.org', endpoint: RECEIVER_PATH } } }),
    receiver: [{ status: 202, json: {} }],
  },
  async ({ page, server }) => {
    await page.goto('/');
    const kinds = page.locator('main .kind-list li');
    const items = await kinds.evaluateAll((lis) => lis.map((li) => [li.querySelector('a').textContent, li.querySelector('p').textContent]));
    assert.deepEqual(items, [
      ['Complain about our service', 'You are unhappy with the service you received from us.'],
      ['Report domain abuse', 'You want to report that one of our customers misuses a domain: phishing, malware, a botnet, pharming, spam or other abuse.'],
      ['Complain about spam', 'You received unwanted email sent through one of our domains or mail servers. You need the complete message with all its header lines.'],
      ['Escalate a complaint', 'You received our answer and are still unhappy: within 20 working days from the day of the answer.'],
      ['Send feedback or a suggestion', 'A suggestion or comment about our processes, services or terms.'],
    ]);

    await page.getByRole('link', { name: 'Send feedback or a suggestion' }).click();
    await page.getByRole('heading', { level: 1, name: 'Feedback or suggestion' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/feedback');
    await axe(page, 'empty feedback form');

    // Only the message is required.
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'Enter your message.' }).waitFor();
    assert.equal(await summary.getByRole('link').count(), 1, 'one problem: the message');
    await axe(page, 'feedback form with an error');

    await page.getByLabel('Your message').fill(MESSAGE);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
    const shown = await answers(page);
    assert.equal(shown['Your name'], 'not given');
    assert.equal(shown['Email address'], 'not given');
    assert.equal(shown.Subject, 'Feedback: Bitte bieten Sie die Rechnungen auch als PDF an.');
    assert.equal(shown['Your message'], MESSAGE);
    await axe(page, 'feedback check page');

    await page.getByRole('button', { name: 'Send feedback' }).click();
    await page.getByRole('heading', { level: 1, name: 'Feedback sent' }).waitFor();
    await page.getByText('We pass your feedback on to the department or project team responsible.', { exact: false }).waitFor();
    await axe(page, 'feedback receipt');

    const posts = server.posts();
    assert.equal(posts.length, 1, 'exactly one POST');
    const sent = posts[0].json;
    assert.equal(sent.kind, 'feedback');
    assert.equal(sent.subject, shown.Subject);
    assert.equal(sent.description, MESSAGE);
    assert.deepEqual(sent.complainant, { name: null, email: null, phone: null, customer_account: null });
    for (const key of ['expected_steps', 'previous_complaint', 'dissatisfaction']) assert.ok(!(key in sent), `no ${key}`);
    assert.ok(!('final_answer' in sent.deadlines), 'no final answer for feedback');
  },
);
