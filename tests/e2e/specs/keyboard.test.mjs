// Issue 5, keyboard and screen reader: the service-complaint journey by keyboard alone (Tab,
// Shift+Tab, Enter, Space and typed text; no clicks, no fill), with focus never lost and always
// visibly marked; the error summary's focus path; and reflow: axe-core and no horizontal
// scrolling at 320 px wide, axe-core at 200 % zoom.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axe, eventually, scenario } from '../support/browser.mjs';
import { configWithEndpoint } from '../support/server.mjs';
import { COMPLAINT, answers, fill } from '../support/portal.mjs';

/** The portal's focus colour (--focus in style/main.css), in computed-style form. */
const FOCUS_YELLOW = 'rgb(255, 221, 0)';

/** Where focus is, and how it is drawn. */
function focusState(page) {
  return page.evaluate((yellow) => {
    const el = document.activeElement;
    if (!el || el === document.body || el === document.documentElement) return { lost: true, tag: el?.tagName ?? null };
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
  await assertFocusLands(page, 'the check page after Continue');
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
  await assertFocusLands(page, 'the receipt after sending');
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

// Known app bug (left failing on purpose): after keyboard navigation the router focuses
// <main id="main" tabindex="-1">, which matches `[tabindex]:focus-visible` in style/main.css
// (lines 40-46) and gets the focus yellow (#ffdd00) as its background over the whole content;
// `.main:focus { outline: none }` (line 54) removes only the outline. The check page's "Change"
// links (#1d70b8, 19 px normal weight) are then 3.83:1 on yellow, below WCAG 1.4.3's 4.5:1, and
// so is the receipt's "Make another complaint" link. One assertion covers both pages.
scenario(test, 'the check page and receipt reached by keyboard pass axe while <main> has focus', { config: configWithEndpoint() }, async ({ page }) => {
  await page.goto('/');
  await heading(page, 'Make a complaint or report abuse');
  await keyboardOpenForm(page);
  for (const id of ['name', 'email', 'description']) {
    await tabTo(page, `the field #${id}`, (f) => f.id === id);
    await page.keyboard.type(COMPLAINT[id]);
  }
  await tabTo(page, 'Continue', (f) => f.tag === 'button' && f.text === 'Continue');
  await page.keyboard.press('Enter');
  await heading(page, 'Check your answers before sending');
  await assertFocusLands(page, 'the check page after Continue', (f) => f.tag === 'main');
  const failures = [];
  const scan = (label) => axe(page, label).catch((error) => failures.push(error.message));
  await scan('the check page, focus on <main> after keyboard navigation');
  await tabTo(page, 'Send complaint', (f) => f.tag === 'button' && f.text === 'Send complaint');
  await page.keyboard.press('Enter');
  await heading(page, 'Complaint sent');
  await assertFocusLands(page, 'the receipt after sending', (f) => f.tag === 'main');
  await scan('the receipt, focus on <main> after keyboard navigation');
  assert.deepEqual(failures, [], 'axe violations while <main> has keyboard focus');
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
