// Sub-path hosting (issue 5): the portal built with `scripts/build.sh --public-url /beschwerde/`
// and served only under https://…/beschwerde/ (anything outside it is a 404 here, so a path the
// app forgot to prefix fails loudly). Deep links, assets, the config.json under the prefix, and a
// whole journey to the receiver.
//
// The build's location comes from SUBPATH_DIST (scripts/test.sh makes it); its prefix from
// SUBPATH_PREFIX, default /beschwerde/.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { axe, scenario } from '../support/browser.mjs';
import { configWithEndpoint } from '../support/server.mjs';
import { COMPLAINT, fill } from '../support/portal.mjs';

const PREFIX = process.env.SUBPATH_PREFIX ?? '/beschwerde/';
if (!process.env.SUBPATH_DIST) {
  throw new Error(
    `SUBPATH_DIST is not set: build the portal for a sub-path first, e.g.\n` +
      `  DIST=/tmp/dist-subpath scripts/build.sh --public-url ${PREFIX}\n` +
      `and run with SUBPATH_DIST=/tmp/dist-subpath (scripts/test.sh does both).`,
  );
}
const SUBPATH_DIST = resolve(process.env.SUBPATH_DIST);
const base = readFileSync(join(SUBPATH_DIST, 'index.html'), 'utf8').match(/<base href="([^"]*)"/)?.[1];
if (base !== PREFIX) {
  throw new Error(`${SUBPATH_DIST} was built for ${base ?? 'the root'}, not ${PREFIX}: rebuild it with --public-url ${PREFIX}`);
}
assert.ok(existsSync(join(SUBPATH_DIST, 'nginx.conf')));

const ORGANISATION = 'Unterpfad Registrar AG';
const options = {
  config: configWithEndpoint({ organisation: { name: ORGANISATION } }),
  serve: { dist: SUBPATH_DIST, prefix: PREFIX },
};

/** Every response the page got, as [path, status]. */
function recordResponses(page) {
  const seen = [];
  page.on('response', (response) => seen.push([new URL(response.url()).pathname, response.status()]));
  return seen;
}

scenario(test, 'a deep link under the prefix loads the form, its assets and the config under the prefix', options, async ({ page }) => {
  const seen = recordResponses(page);
  await page.goto(`${PREFIX}service_complaint`);
  await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
  // The organisation name comes from the config.json the server holds only under the prefix.
  await page.locator('.site-header__org', { hasText: ORGANISATION }).waitFor();

  const paths = seen.map(([path]) => path);
  for (const pattern of [/\.wasm$/, /\.js$/, /\.css$/, /\/config\.json$/]) {
    const hits = seen.filter(([path]) => pattern.test(path));
    assert.ok(hits.length > 0, `no request for ${pattern} in ${paths.join(', ')}`);
    for (const [path, status] of hits) {
      assert.ok(path.startsWith(PREFIX), `${path} is not under ${PREFIX}`);
      assert.equal(status, 200, `${path} answered ${status}`);
    }
  }
  assert.deepEqual(seen.filter(([, status]) => status >= 400), [], 'nothing failed to load');
  await axe(page, 'form under a sub-path');
});

scenario(test, 'the whole journey under the prefix: start page, form, check, send, receipt, reload', options, async ({ page, server }) => {
  await page.goto(PREFIX);
  await page.getByRole('heading', { level: 1, name: 'Make a complaint or report abuse' }).waitFor();
  const link = page.getByRole('link', { name: 'Complain about our service' });
  assert.equal(await link.getAttribute('href'), `${PREFIX}service_complaint`);
  await link.click();
  await page.getByRole('heading', { level: 1, name: 'Service complaint' }).waitFor();
  await fill(page, COMPLAINT);
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();
  assert.equal(new URL(page.url()).pathname, `${PREFIX}service_complaint/check`);

  // A reload of a deep link under the prefix is the same page (the SPA fallback keeps the prefix).
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Check your answers before sending' }).waitFor();

  await page.getByRole('button', { name: 'Send complaint' }).click();
  await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
  assert.equal(new URL(page.url()).pathname, `${PREFIX}service_complaint/receipt`);
  const posts = server.posts();
  assert.equal(posts.length, 1);
  assert.equal(posts[0].json.description, COMPLAINT.description);
  assert.equal(posts[0].json.complainant.email, COMPLAINT.email);

  // Back to the start, by the portal's own link, stays under the prefix.
  await page.goBack();
  assert.ok(new URL(page.url()).pathname.startsWith(PREFIX), page.url());
});

scenario(test, 'the deploy files under a sub-path carry the prefix', options, async ({ page }) => {
  const headers = readFileSync(join(SUBPATH_DIST, '_headers'), 'utf8');
  assert.match(headers, new RegExp(`^${PREFIX}\\*\\n  Content-Security-Policy: `, 'm'));
  assert.match(headers, new RegExp(`^${PREFIX}config\\.json\\n  Cache-Control: no-cache$`, 'm'));
  assert.match(readFileSync(join(SUBPATH_DIST, '_redirects'), 'utf8'), new RegExp(`^${PREFIX}\\*\\s+${PREFIX}index\\.html\\s+200$`, 'm'));
  assert.match(readFileSync(join(SUBPATH_DIST, 'nginx.conf'), 'utf8'), new RegExp(`try_files \\$uri ${PREFIX}index\\.html;`));
  // GitHub Pages answers unknown paths with 404.html: it must be the app, with the same base.
  const fallback = readFileSync(join(SUBPATH_DIST, '404.html'), 'utf8');
  assert.equal(fallback, readFileSync(join(SUBPATH_DIST, 'index.html'), 'utf8'));
  // And an unknown page under the prefix is the portal's own not-found page.
  const response = await page.goto(`${PREFIX}no-such-page`);
  assert.equal(response.status(), 200);
  await page.getByRole('heading', { level: 1 }).first().waitFor();
  assert.equal(await page.locator('.site-header__org', { hasText: ORGANISATION }).count(), 1);
});
