// Hostile input in every text field of every form (issue 5, §7). Each field of a form gets the
// same hostile string at once; then either the error summary names the field (refused with a
// message), or, once the refused fields hold ordinary values again, the check page shows the
// value verbatim as text (no element made from it) and the receiver gets it exactly. A
// non-UTF-8 evidence file reaches the receiver byte for byte.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';

import { eventually, scenario } from '../support/browser.mjs';
import { RECEIVER_PATH, configWithEndpoint } from '../support/server.mjs';
import { answers } from '../support/portal.mjs';

/** A few representative strings; the native table (crates/core/tests/hostile.rs) has them all. */
const HOSTILE = [
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['javascript: URL', 'javascript:alert(1)'],
  ['CRLF header', 'line1\r\nBcc: x@evil.example'],
  ['RTL override', 'invoice\u202Efdp.exe'],
  ['zero-width', 'a\u200Bb\u200Dc\uFEFFd'],
];

/** An ordinary value for each text field, by its id (the draft field name). */
const VALID = {
  name: 'Anna Muster',
  email: 'anna@example.de',
  phone: '+49 681 123456',
  customer_account: 'K-123456',
  domains: 'evil.example',
  subject: 'Transfer',
  description: 'Ein Problem.',
  expected_steps: 'Bitte lösen.',
  previous_reference: 'T-4711',
  dissatisfaction: 'Keine Lösung.',
  spam_target: 'mail.example.de',
};

/** A complete spam message with its Received chain (the native tests' fixture). */
const SPAM = await readFile(new URL('../../../crates/core/tests/fixtures/multi-hop.eml', import.meta.url));

const endpoint = { endpoint: RECEIVER_PATH };
const config = () =>
  configWithEndpoint({
    channels: {
      service_complaint: { mailbox: 'complaints@example.org', ...endpoint },
      abuse_report: { mailbox: 'abuse@example.org', ...endpoint },
      escalation: { mailbox: 'escalation@example.org', ...endpoint },
      feedback: { mailbox: 'feedback@example.org', ...endpoint },
      spam_complaint: { mailbox: 'spam@example.org', ...endpoint },
    },
  });

/** The local date `days` before today as `YYYY-MM-DD`. */
function daysAgo(days) {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The forms, with how to fill what is not text and the button that sends. */
const FORMS = [
  { link: 'Complain about our service', heading: 'Service complaint', send: 'Send complaint' },
  {
    link: 'Report domain abuse',
    heading: 'Domain abuse report',
    send: 'Send report',
    other: (page) => page.getByRole('radio', { name: 'Phishing (fake pages that steal credentials)' }).check(),
  },
  {
    link: 'Escalate a complaint',
    heading: 'Escalated complaint',
    send: 'Send complaint',
    other: async (page) => {
      await page.getByLabel('Date you sent the previous complaint').fill(daysAgo(9));
      await page.getByLabel('Date of our answer').fill(daysAgo(2));
    },
  },
  { link: 'Send feedback or a suggestion', heading: 'Feedback or suggestion', send: 'Send feedback' },
  {
    link: 'Complain about spam',
    heading: 'Spam complaint',
    send: 'Send complaint',
    // The message is evidence, not text typed in: it is chosen as a file (see the native tests
    // for hostile messages); its paste area is not one of the text fields.
    notText: ['spam_message'],
    other: async (page) => {
      await page.getByLabel('Or choose the message as a file (.eml, .txt)').setInputFiles({ name: 'spam.eml', mimeType: 'message/rfc822', buffer: SPAM });
      await page.getByRole('heading', { name: 'What the message shows' }).waitFor();
    },
  },
];

/** The form's text fields (textbox role: inputs and text areas, not dates), as { id, label, term }. */
async function textFields(page) {
  const boxes = await page.locator('main').getByRole('textbox').all();
  const fields = [];
  for (const box of boxes) {
    // Chromium gives <input type="date"> the textbox role too; a date is not free text.
    if (await box.evaluate((el) => el.localName === 'input' && !['text', 'email', 'tel'].includes(el.type))) continue;
    fields.push(
      await box.evaluate((el) => {
        const label = el.labels[0];
        const bare = label.cloneNode(true);
        bare.querySelectorAll('.field__optional').forEach((marker) => marker.remove());
        // `label` is the accessible name; `term` the check page's <dt>, without "(optional)".
        return { id: el.id, label: label.textContent.replace(/\s+/g, ' ').trim(), term: bare.textContent.trim() };
      }),
    );
  }
  return fields;
}

const box = (page, field) => page.getByRole('textbox', { name: field.label, exact: true });

/** Where the submission document (§5) carries a draft field's value. */
function sentValue(json, id) {
  if (id in (json.complainant ?? {})) return json.complainant[id];
  if (id === 'previous_reference') return json.previous_complaint?.reference;
  if (id === 'spam_target') return json.spam?.target?.domain?.unicode ?? json.spam?.target?.ip;
  if (id === 'domains') return json.domains?.map((d) => d.unicode).join(', ');
  return json[id];
}

/**
 * Whether `got` (shown or sent) is the typed `value`: the subject is the kind's prefix and the
 * summary; a target host is normalised, so it must at least come from what was typed (never
 * invented); every other field is exactly as typed.
 */
function same(id, got, value) {
  if (id === 'subject') return got?.endsWith(` ${value}`);
  if (id === 'spam_target' || id === 'domains') return Boolean(got) && value.toLowerCase().includes(got.toLowerCase());
  return got === value;
}

const counts = { cases: 0, refused: 0, accepted: 0 };
const perField = {};

for (const form of FORMS) {
  scenario(test, `${form.heading}: hostile text in every field is refused by name or kept as inert text`, { config: config() }, async ({ page, server }) => {
    for (const [label, hostile] of HOSTILE) {
      await page.goto('/');
      await page.getByRole('link', { name: form.link }).click();
      await page.getByRole('heading', { level: 1, name: form.heading }).waitFor();
      const fields = (await textFields(page)).filter((f) => !form.notText?.includes(f.id));
      assert.ok(fields.length >= 4, `${form.heading}: only ${fields.length} text fields`);
      // Everything else first: the spam message's analysis may suggest a target.
      await form.other?.(page);
      const typed = {};
      for (const field of fields) {
        await box(page, field).fill(hostile);
        // What the control holds: an <input> drops line breaks, a <textarea> keeps LF.
        typed[field.id] = await box(page, field).inputValue();
        assert.ok(typed[field.id].trim().length > 0, `${field.id} took nothing of ${JSON.stringify(hostile)}`);
      }
      await page.getByRole('button', { name: 'Continue' }).click();

      // Refused fields are named by the error summary; they get ordinary values for the second try.
      const heading = page.getByRole('heading', { level: 1 });
      await eventually('the check page or the error summary', async () =>
        (await page.getByRole('alert').count()) > 0 || (await heading.textContent()) === 'Check your answers before sending');
      const refused = new Set();
      if ((await page.getByRole('alert').count()) > 0) {
        for (const link of await page.getByRole('alert').getByRole('link').all()) {
          const id = (await link.getAttribute('href')).replace(/^#/, '');
          assert.ok(fields.some((f) => f.id === id), `${form.heading} / ${label}: the summary names ${id}, which was not hostile`);
          assert.ok((await link.textContent()).trim().length > 0, 'the summary link says what is wrong');
          refused.add(id);
        }
        assert.ok(refused.size > 0, `${form.heading} / ${label}: an alert without a field`);
        for (const field of fields.filter((f) => refused.has(f.id))) {
          assert.equal(await box(page, field).getAttribute('aria-invalid'), 'true', `${field.id} is marked invalid`);
          assert.ok(VALID[field.id], `no ordinary value known for ${field.id}`);
          await box(page, field).fill(VALID[field.id]);
        }
        await page.getByRole('button', { name: 'Continue' }).click();
      }
      await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();

      // Shown as text, verbatim; nothing made into an element.
      const shown = await answers(page);
      const accepted = fields.filter((f) => !refused.has(f.id));
      for (const field of accepted) {
        const value = typed[field.id].trim();
        assert.ok(
          same(field.id, shown[field.term], value),
          `${form.heading} / ${label}: ${field.term} shows ${JSON.stringify(shown[field.term])}, not ${JSON.stringify(value)}`,
        );
      }
      assert.equal(await page.locator('main img, main script, main iframe').count(), 0, `${label}: an element was created`);

      // Sent exactly.
      const before = server.posts().length;
      await page.getByRole('button', { name: form.send }).click();
      const post = await eventually('the POST', () => server.posts()[before]);
      await page.getByRole('heading', { level: 1, name: /sent$/ }).waitFor();
      for (const field of accepted) {
        const value = typed[field.id].trim();
        const got = sentValue(post.json, field.id);
        assert.ok(same(field.id, got, value), `${form.heading} / ${label}: ${field.id} sent as ${JSON.stringify(got)}, not ${JSON.stringify(value)}`);
      }

      for (const field of fields) {
        counts.cases += 1;
        const key = `${form.heading}.${field.id}`;
        perField[key] ??= { accepted: 0, refused: 0 };
        if (refused.has(field.id)) {
          counts.refused += 1;
          perField[key].refused += 1;
        } else {
          counts.accepted += 1;
          perField[key].accepted += 1;
        }
      }
    }
  });
}

scenario(test, 'a non-UTF-8 evidence file with a hostile name reaches the receiver byte for byte', { config: config() }, async ({ page, server }) => {
  const bytes = Buffer.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80, 0x0d, 0x0a, 0xed, 0xa0, 0x80, 0x0d, 0x1b]);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  const name = 'invoice\u202Efdp.<img src=x onerror=alert(1)>.bin';
  await page.goto('/');
  await page.getByRole('link', { name: 'Report domain abuse' }).click();
  await page.getByRole('heading', { level: 1, name: 'Domain abuse report' }).waitFor();
  await page.getByLabel('Email address').fill(VALID.email);
  await page.getByRole('radio', { name: 'Phishing (fake pages that steal credentials)' }).check();
  await page.getByLabel('Affected domains or addresses (URLs)').fill(VALID.domains);
  await page.getByLabel('Description of the problem').fill(VALID.description);
  await page.getByLabel('Evidence (files)').setInputFiles([{ name, mimeType: 'application/octet-stream', buffer: bytes }]);
  await page.waitForFunction(() => document.querySelectorAll('#evidence-list li').length === 1);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
  assert.ok((await answers(page))['Evidence (files)'].includes(name), 'the name is shown as text');
  assert.equal(await page.locator('main img, main script, main iframe').count(), 0);
  await page.getByRole('button', { name: 'Send report' }).click();
  await page.getByRole('heading', { level: 1, name: 'Report sent' }).waitFor();
  const [post] = server.posts();
  const [file] = post.json.evidence;
  assert.equal(file.name, name);
  assert.equal(file.size, bytes.length);
  assert.ok(Buffer.from(file.content_base64, 'base64').equals(bytes), 'the bytes arrived unchanged');
});

test('hostile-matrix counts', () => {
  // Runs after the scenarios above (node:test runs a file's tests in order).
  console.error(`hostile matrix: ${counts.cases} field cases, ${counts.accepted} accepted and verified, ${counts.refused} refused by name`);
  for (const [key, c] of Object.entries(perField)) console.error(`  ${key}: accepted ${c.accepted}, refused ${c.refused}`);
  // 5 forms × 5 strings × their text fields (7 + 6 + 10 + 4 + 5 today): the loop did run.
  assert.ok(counts.cases >= HOSTILE.length * 32, `only ${counts.cases} cases`);
  assert.ok(counts.accepted > 0 && counts.refused > 0);
});
