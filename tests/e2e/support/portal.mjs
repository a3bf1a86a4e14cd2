// What the specs share about this portal: its field labels, filling the service-complaint form,
// reading the check-your-answers list, and taking apart a mailto: URL and an .eml message.

import assert from 'node:assert/strict';

/** The English labels of the service-complaint form, by draft field. */
export const LABEL = {
  name: 'Your name',
  email: 'Email address',
  phone: 'Phone number',
  customer_account: 'Customer account',
  domains: 'Affected domain(s)',
  subject: 'Subject',
  description: 'Description of the problem',
};

/** A complaint that passes validation, exercising non-ASCII, an IDN and a line break. */
export const COMPLAINT = {
  name: 'Jörg Müller',
  email: 'joerg@example.de',
  phone: '+49 681 123456',
  domains: 'bücher.de',
  description: 'Mein Transfer hängt seit Tagen.\nAuth-Code wurde zweimal gesendet.',
};

export function field(page, name) {
  return page.getByLabel(LABEL[name]);
}

/** Types each value into its field, as a user would (input events, so autosave runs). */
export async function fill(page, values) {
  for (const [name, value] of Object.entries(values)) {
    await field(page, name).fill(value);
  }
}

/** The current value of every form field, by draft field name. */
export async function formValues(page) {
  const out = {};
  for (const name of Object.keys(LABEL)) out[name] = await field(page, name).inputValue();
  return out;
}

/** Opens the start page and follows the link to the service-complaint form. */
export async function openForm(page) {
  await page.goto('/');
  await page.getByRole('link', { name: 'Complain about our service' }).click();
  await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
}

/** Fills the form, presses Continue and waits for the check page. */
export async function fillAndContinue(page, values) {
  await fill(page, values);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
}

/** The check page's summary list (<dl>) as { label: value }. */
export async function answers(page) {
  const list = page.locator('main dl');
  await list.waitFor();
  const rows = await list.evaluate((dl) =>
    [...dl.querySelectorAll('dt')].map((dt) => [dt.textContent.trim(), dt.nextElementSibling?.textContent ?? null]),
  );
  return Object.fromEntries(rows);
}

/** RFC 6068: the address and the percent-decoded header fields of a mailto: URL. */
export function decodeMailto(href) {
  assert.ok(href.startsWith('mailto:'), `not a mailto: URL: ${href}`);
  const [to, query = ''] = href.slice('mailto:'.length).split('?');
  const fields = {};
  for (const pair of query.split('&')) {
    const at = pair.indexOf('=');
    fields[decodeURIComponent(pair.slice(0, at))] = decodeURIComponent(pair.slice(at + 1));
  }
  return { to: decodeURIComponent(to), fields, keys: Object.keys(fields) };
}

/**
 * A minimal RFC 5322 / MIME reader for the portal's own .eml: the header block (unfolded) and
 * the parts of the top-level multipart, base64 bodies decoded.
 */
export function parseEml(raw) {
  const split = raw.indexOf('\r\n\r\n');
  assert.ok(split > 0, 'the message has no blank line after its header block');
  const headers = parseHeaderBlock(raw.slice(0, split));
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  assert.ok(boundary, `no multipart boundary in Content-Type: ${headers['content-type']}`);
  const body = raw.slice(split + 4);
  assert.ok(body.includes(`--${boundary}--`), 'the multipart is not closed');
  const parts = body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((chunk) => {
      const text = chunk.replace(/^\r\n/, '');
      const end = text.indexOf('\r\n\r\n');
      const partHeaders = parseHeaderBlock(text.slice(0, end));
      let content = text.slice(end + 4);
      if (/base64/i.test(partHeaders['content-transfer-encoding'] ?? '')) {
        content = Buffer.from(content.replace(/\s+/g, ''), 'base64').toString('utf8');
      }
      return { headers: partHeaders, content };
    });
  return { headers, parts };
}

function parseHeaderBlock(block) {
  const headers = {};
  for (const line of block.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const at = line.indexOf(':');
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return headers;
}

/** RFC 2047 "B" encoded words back to text. */
export function decodeWords(value) {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?B\?([^?]*)\?=/gi, (_, b64) => Buffer.from(b64, 'base64').toString('utf8'));
}

/** Every POST carries one Idempotency-Key (= the document's id) and the very same document. */
export function oneKey(posts, count) {
  assert.equal(posts.length, count, `exactly ${count} POST(s)`);
  const key = posts[0].headers['idempotency-key'];
  assert.match(key, UUID_V4);
  for (const post of posts) {
    assert.equal(post.headers['idempotency-key'], key, 'every attempt carries the same Idempotency-Key');
    assert.equal(post.json.id, key);
    assert.equal(post.body, posts[0].body, 'every attempt sends the same document');
  }
  return key;
}

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
