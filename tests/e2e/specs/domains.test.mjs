// Issue 3: domains normalised with UTS #46 by the browser's URL parser plus the core's rules.
// A list with bad entries gets one error per bad entry, naming it and the reason (in English and
// German); a good list with a mixed-script entry is accepted with a warning on the check page,
// and the receiver gets each domain in Unicode and as an A-label.

import { test } from 'node:test';
import assert from 'node:assert/strict';

import { axe, scenario } from '../support/browser.mjs';
import { configWithEndpoint } from '../support/server.mjs';
import { COMPLAINT, answers, field, fill, fillAndContinue, openForm } from '../support/portal.mjs';

const BAD_LIST = ['bücher.de', 'ab--c.de', '192.0.2.1', 'a\u05D0.de', '_dmarc.example.com', 'a\u200Db.de'].join('\n');

async function summaryMessages(page) {
  const summary = page.getByRole('alert');
  await summary.getByRole('link').first().waitFor();
  return (await summary.getByRole('link').allTextContents()).map((text) => text.trim());
}

scenario(test, 'each bad entry of a domain list is its own error, naming the entry and why', { config: configWithEndpoint() }, async ({ page, server }) => {
  await openForm(page);
  await fill(page, { ...COMPLAINT, domains: BAD_LIST });
  await page.getByRole('button', { name: 'Continue' }).click();
  const expected = [
    '“ab--c.de” is not a valid domain: a part has hyphens in both the third and fourth place, which is reserved for encoded names like “xn--”.',
    '“192.0.2.1” is not a valid domain: that is an IP address; a domain name is needed here.',
    '“a\u05D0.de” is not a valid domain: it mixes right-to-left characters (such as Arabic or Hebrew) with other characters in a way domains do not allow.',
    '“_dmarc.example.com” is not a valid domain: the character “_” is not allowed in domains.',
    '“a\u200Db.de” is not a valid domain: it contains an invisible joiner (U+200C or U+200D) where domains do not allow one.',
  ];
  assert.deepEqual(await summaryMessages(page), expected);
  for (const message of expected) {
    assert.equal(await page.getByRole('alert').getByRole('link', { name: message }).getAttribute('href'), '#domains');
  }
  // The inline error under the field holds every one of them; the good entry is not named.
  const inline = (await page.locator('[id="domains-error"]').textContent()).replace(/\s+/g, ' ').trim();
  assert.equal(inline, `Error: ${expected.join(' ')}`);
  assert.ok(!inline.includes('“bücher.de”'));
  assert.equal(await field(page, 'domains').getAttribute('aria-invalid'), 'true');
  await axe(page, 'form with one error per bad domain');
  assert.equal(new URL(page.url()).pathname, '/service_complaint');
  assert.equal(server.posts().length, 0);
});

scenario(test, 'the same errors in German', { config: configWithEndpoint(), locale: 'de-DE' }, async ({ page }) => {
  await page.goto('/service_complaint');
  await page.getByLabel('Betroffene Domain(s)').fill('ab--c.de, 192.0.2.1 p\u0430ypal.com');
  await page.getByRole('button', { name: 'Weiter' }).click();
  const messages = await summaryMessages(page);
  const domainErrors = messages.filter((message) => message.includes('keine gültige Domain'));
  assert.deepEqual(domainErrors, [
    '„ab--c.de“ ist keine gültige Domain: ein Teil hat an dritter und vierter Stelle zwei Bindestriche; das ist kodierten Namen wie „xn--“ vorbehalten.',
    '„192.0.2.1“ ist keine gültige Domain: das ist eine IP-Adresse; hier wird ein Domainname gebraucht.',
  ]);
  await axe(page, 'German form with domain errors');
});

scenario(
  test,
  'a mixed-script domain is accepted with a warning on the check page; Unicode and A-label are sent',
  { config: configWithEndpoint(), receiver: [{ status: 201, json: { reference: 'T-3' } }] },
  async ({ page, server }) => {
    await openForm(page);
    await fillAndContinue(page, {
      ...COMPLAINT,
      domains: 'p\u0430ypal.com\nhttps://Bücher.de:443/x?y\nFaß.de, xn--bcher-kva.de\n例え.テスト',
    });
    const notes = (await page.locator('main ul.notes li').allTextContents()).map((text) => text.trim());
    assert.deepEqual(notes, [
      '“p\u0430ypal.com” mixes scripts in one part (Latin + Cyrillic); its A-label is xn--pypal-4ve.com. Look-alike letters are a common trick: check that this is the domain you mean.',
      'The domain bücher.de was taken from the address “https://Bücher.de:443/x?y”.',
    ]);
    const shown = await answers(page);
    assert.equal(
      shown['Affected domain(s)'],
      'p\u0430ypal.com (xn--pypal-4ve.com), bücher.de (xn--bcher-kva.de), faß.de (xn--fa-hia.de), 例え.テスト (xn--r8jz45g.xn--zckzah)',
    );
    await axe(page, 'check page with a mixed-script warning');

    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
    const [post] = server.posts();
    assert.deepEqual(post.json.domains, [
      { input: 'p\u0430ypal.com', unicode: 'p\u0430ypal.com', ascii: 'xn--pypal-4ve.com' },
      { input: 'https://Bücher.de:443/x?y', unicode: 'bücher.de', ascii: 'xn--bcher-kva.de' },
      { input: 'Faß.de', unicode: 'faß.de', ascii: 'xn--fa-hia.de' },
      { input: '例え.テスト', unicode: '例え.テスト', ascii: 'xn--r8jz45g.xn--zckzah' },
    ]);
  },
);
