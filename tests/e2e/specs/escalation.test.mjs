// The escalated complaint ("Beschwerde", §2, §3). Inside its window: the form and the check page
// name the last day, the receiver gets the previous complaint with a subject starting
// "Beschwerde:", the receipt adds the final-answer date and an .ics with every date. After its
// window: the matter is closed, and one button carries everything typed into a new service
// complaint (nothing is typed twice).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { axe, scenario } from '../support/browser.mjs';
import { RECEIVER_PATH, configWithEndpoint } from '../support/server.mjs';
import { LABEL as SERVICE_LABEL, RFC3339, UUID_V4, answers } from '../support/portal.mjs';

/** The English labels of the escalation form, by draft field: the service form's, plus its own. */
const LABEL = {
  ...SERVICE_LABEL,
  description: 'Precise explanation of your problem or complaint',
  expected_steps: 'Steps you expect from us',
  previous_reference: 'Reference of your previous complaint',
  previous_sent_on: 'Date you sent the previous complaint',
  previous_answered_on: 'Date of our answer',
  dissatisfaction: 'Why you are still dissatisfied',
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A `YYYY-MM-DD` date as the English page writes it ("3 February 2025"). */
const english = (iso) => {
  const [year, month, day] = iso.split('-').map(Number);
  return `${day} ${MONTHS[month - 1]} ${year}`;
};

/** The local date `days` before today as `YYYY-MM-DD`, the value of an `<input type="date">`. */
function daysAgo(days) {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** Everything the escalation asks for, with non-ASCII, an IDN and line breaks. */
const ESCALATION = {
  name: 'Jörg Müller',
  email: 'joerg@example.de',
  phone: '+49 681 123456',
  customer_account: 'K-123456',
  domains: 'bücher.de',
  subject: 'Transfer hängt weiter',
  description: 'Der Transfer von bücher.de hängt weiterhin.\nDer Auth-Code wurde zweimal abgelehnt.',
  expected_steps: 'Transfer abschließen und\nden Auth-Code neu setzen.',
  previous_reference: 'T-4711',
  dissatisfaction: 'Ihre Antwort hat das Problem nicht gelöst.',
};

async function openEscalation(page) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Escalate a complaint' }).click();
  await page.getByRole('heading', { level: 1, name: 'Escalated complaint' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/escalation');
}

async function fill(page, values) {
  for (const [name, value] of Object.entries(values)) await page.getByLabel(LABEL[name]).fill(value);
}

scenario(
  test,
  'an escalation inside its window reaches the receiver with the previous complaint, and the receipt offers the dates as .ics',
  {
    config: configWithEndpoint({ channels: { escalation: { mailbox: 'escalation@example.org', endpoint: RECEIVER_PATH } } }),
    receiver: [{ status: 201, json: { reference: 'E-7' } }],
  },
  async ({ page, server }) => {
    await openEscalation(page);
    await axe(page, 'empty escalation form');
    const sentOn = daysAgo(9);
    const answeredOn = daysAgo(2);
    await fill(page, { ...ESCALATION, previous_sent_on: sentOn, previous_answered_on: answeredOn });
    // The window is told under the date of the answer as soon as it is entered.
    const window = page.getByRole('status').filter({ hasText: 'Your escalation must reach us by' });
    const lastDay = /must reach us by (\d{1,2} \w+ \d{4}): that is the last day it can be made\./.exec(await window.textContent())?.[1];
    assert.ok(lastDay, 'the last day is named');
    await axe(page, 'filled escalation form, inside the window');

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
    await page.getByText(`Your escalation must reach us by ${lastDay}: that is the last day it can be made.`).waitFor();
    const shown = await answers(page);
    assert.equal(shown.Subject, 'Beschwerde: Transfer hängt weiter');
    assert.equal(shown['Precise explanation of your problem or complaint'], ESCALATION.description);
    assert.equal(shown['Steps you expect from us'], ESCALATION.expected_steps);
    assert.equal(shown['Reference of your previous complaint'], 'T-4711');
    assert.equal(shown['Date you sent the previous complaint'], english(sentOn));
    assert.equal(shown['Date of our answer'], english(answeredOn));
    assert.equal(shown['Affected domain(s)'], 'bücher.de (xn--bcher-kva.de)');
    await axe(page, 'escalation check page');

    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
    await page.getByText('E-7', { exact: true }).waitFor();

    const posts = server.posts();
    assert.equal(posts.length, 1, 'exactly one POST');
    const sent = posts[0].json;
    assert.match(sent.id, UUID_V4);
    assert.equal(posts[0].headers['idempotency-key'], sent.id);
    assert.equal(sent.kind, 'escalation');
    assert.match(sent.subject, /^Beschwerde: /);
    assert.equal(sent.subject, shown.Subject);
    assert.deepEqual(sent.previous_complaint, { reference: 'T-4711', sent_on: sentOn, answered_on: answeredOn });
    assert.equal(sent.expected_steps, ESCALATION.expected_steps);
    assert.equal(sent.dissatisfaction, ESCALATION.dissatisfaction);
    assert.equal(sent.description, ESCALATION.description);
    assert.deepEqual(sent.complainant, { name: ESCALATION.name, email: ESCALATION.email, phone: ESCALATION.phone, customer_account: 'K-123456' });
    assert.deepEqual(sent.domains, [{ input: 'bücher.de', unicode: 'bücher.de', ascii: 'xn--bcher-kva.de' }]);
    const { acknowledgement, answer, final_answer: finalAnswer } = sent.deadlines;
    assert.match(finalAnswer ?? '', /^\d{4}-\d{2}-\d{2}$/, 'the document carries the final-answer date');
    assert.match(sent.created_at, RFC3339);

    // The receipt: every promised date, the final answer included.
    await page.getByText(`We acknowledge receipt by ${english(acknowledgement)}.`).waitFor();
    await page.getByText(`We aim to answer by ${english(answer)}`, { exact: false }).waitFor();
    await page.getByText(`You will usually get our final answer by ${english(finalAnswer)}.`).waitFor();
    await axe(page, 'escalation receipt');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Add the dates to your calendar (.ics)' }).click(),
    ]);
    assert.equal(download.suggestedFilename(), `complaint-${sent.id.slice(0, 8)}.ics`);
    const raw = await readFile(await download.path());
    const ics = raw.toString('utf8');
    assert.ok(!ics.replace(/\r\n/g, '').includes('\n'), 'CRLF line ends only');
    for (const physical of ics.split('\r\n')) assert.ok(Buffer.byteLength(physical) <= 75, `line of ${Buffer.byteLength(physical)} octets: ${physical}`);
    const lines = ics.replace(/\r\n /g, '').split('\r\n');
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    const values = (name) => lines.filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`)).map((line) => line.slice(line.indexOf(':') + 1));
    assert.deepEqual(values('DTSTART'), [acknowledgement, answer, finalAnswer].map((date) => date.replace(/-/g, '')));
    assert.equal(values('BEGIN').filter((v) => v === 'VEVENT').length, 3);
    assert.ok(values('UID').every((uid) => uid.startsWith(`${sent.id}-`)), 'UIDs come from the submission id');
    const stamp = new Date(sent.created_at).toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
    assert.deepEqual(values('DTSTAMP'), [stamp, stamp, stamp]);
    assert.equal(values('SUMMARY')[2], 'Final answer due – Beschwerde: Transfer hängt weiter');
    assert.ok(values('DESCRIPTION').every((d) => d === 'Your reference: E-7'));
  },
);

scenario(
  test,
  'an escalation after its window is closed, and one click carries every value into a new service complaint',
  { config: configWithEndpoint({ channels: { escalation: { mailbox: 'escalation@example.org', endpoint: RECEIVER_PATH } } }) },
  async ({ page, server }) => {
    await openEscalation(page);
    // Answer Fri 10 Jan 2025 + 20 Werktage (Saarland) ends Mon 3 Feb 2025.
    await fill(page, { ...ESCALATION, previous_sent_on: '2025-01-02', previous_answered_on: '2025-01-10' });
    const closed = 'The time to escalate ended on 3 February 2025. We consider the matter closed.';
    await page.getByRole('status').filter({ hasText: closed }).waitFor();
    await axe(page, 'escalation form, window closed');

    // It cannot be sent as an escalation.
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('alert').getByRole('link', { name: closed }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/escalation');
    await axe(page, 'escalation form, window closed, error summary');

    await page.getByRole('button', { name: 'Start a new complaint with these details' }).click();
    await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
    assert.equal(new URL(page.url()).pathname, '/service_complaint');
    const value = (label) => page.getByLabel(label).inputValue();
    for (const name of ['name', 'email', 'phone', 'customer_account', 'domains', 'subject']) {
      assert.equal(await value(LABEL[name]), ESCALATION[name], name);
    }
    assert.equal(
      await value('Description of the problem'),
      `${ESCALATION.description}\n\n` +
        `Steps you expect from us:\n${ESCALATION.expected_steps}\n\n` +
        'Previous complaint:\n' +
        'Reference of your previous complaint: T-4711\n' +
        'Date you sent the previous complaint: 2 January 2025\n' +
        'Date of our answer: 10 January 2025\n\n' +
        `Why you are still dissatisfied:\n${ESCALATION.dissatisfaction}`,
    );
    await axe(page, 'service complaint carried over from an escalation');

    // Ready to go: the carried-over complaint passes as it is, and survives a reload.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
    assert.equal(await value('Your name'), ESCALATION.name);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
    assert.match((await answers(page)).Subject, /^Customer service issue: Transfer hängt weiter$/);
    assert.equal(server.posts().length, 0, 'nothing was sent');
  },
);
