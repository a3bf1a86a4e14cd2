// Scenario 8: the browser's language picks German or English; the header button switches;
// <html lang> follows; the choice is kept.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axe, eventually, scenario } from '../support/browser.mjs';
import { configWithEndpoint } from '../support/server.mjs';

const htmlLang = (page) => page.locator('html').getAttribute('lang');

scenario(test, 'a German browser gets German; the header button switches to English and back', { config: configWithEndpoint(), locale: 'de-DE' }, async ({ page }) => {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Beschwerde oder Missbrauch melden' }).waitFor();
  assert.equal(await htmlLang(page), 'de');
  assert.equal(await page.title(), 'Beschwerden und Missbrauchsmeldungen');
  await page.getByRole('link', { name: 'Beschwerde über unseren Service einreichen' }).waitFor();
  await axe(page, 'start page in German');

  const toEnglish = page.getByRole('button', { name: 'English' });
  assert.equal(await toEnglish.getAttribute('lang'), 'en', 'the button is labelled in the language it switches to');
  await toEnglish.click();
  await page.getByRole('heading', { level: 1, name: 'Make a complaint or report abuse' }).waitFor();
  await eventually('<html lang="en">', async () => (await htmlLang(page)) === 'en');
  assert.equal(await page.title(), 'Complaints and abuse reports');
  await axe(page, 'start page switched to English');

  // The choice outlives a reload, although the browser still prefers German.
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Make a complaint or report abuse' }).waitFor();
  assert.equal(await htmlLang(page), 'en');

  // The form follows the switch back, labels included.
  await page.getByRole('link', { name: 'Complain about our service' }).click();
  await page.getByLabel('Your name').waitFor();
  await page.getByRole('button', { name: 'Deutsch' }).click();
  await page.getByRole('heading', { level: 1, name: 'Beschwerde über den Service' }).waitFor();
  await page.getByLabel('Ihr Name').waitFor();
  await eventually('<html lang="de">', async () => (await htmlLang(page)) === 'de');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByRole('alert').getByRole('heading', { name: 'Bitte korrigieren Sie Folgendes' }).waitFor();
  await page.getByRole('alert').getByRole('link', { name: 'Geben Sie Ihren Namen ein.' }).waitFor();
  await axe(page, 'German form with errors');
});

scenario(test, 'an English browser gets English', { config: configWithEndpoint(), locale: 'en-GB' }, async ({ page }) => {
  await page.goto('/');
  await page.getByRole('heading', { level: 1, name: 'Make a complaint or report abuse' }).waitFor();
  assert.equal(await htmlLang(page), 'en');
  assert.equal(await page.getByRole('button', { name: 'Deutsch' }).getAttribute('lang'), 'de');
});
