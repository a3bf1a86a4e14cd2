// The policy's connect-src and the configured endpoints (§7, issue 5): an endpoint on another
// origin that the build's policy does not allow is explained to the complainant, with the email
// fallback at once and no retries; once the build is made with that config (scripts/csp.py
// --config, the step `CONFIG=… scripts/build.sh` runs), the POST reaches the receiver.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { axe, scenario } from '../support/browser.mjs';
import { DIST } from '../support/server.mjs';
import { COMPLAINT, decodeMailto, fillAndContinue, openForm } from '../support/portal.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * An intake receiver on its own port, so on another origin than the portal: it answers CORS
 * preflights for the portal's origin and records every request.
 */
async function startForeignReceiver() {
  const requests = [];
  const server = createServer((req, res) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      requests.push({ method: req.method, url: req.url, headers: { ...req.headers }, body });
      const cors = {
        'Access-Control-Allow-Origin': req.headers.origin ?? '*',
        'Access-Control-Allow-Methods': 'POST',
        'Access-Control-Allow-Headers': 'content-type, accept, idempotency-key',
        Connection: 'close',
      };
      if (req.method === 'OPTIONS') {
        res.writeHead(204, cors);
        res.end();
      } else {
        res.writeHead(201, { ...cors, 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ reference: 'X-1' }));
      }
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    endpoint: `${origin}/intake`,
    requests,
    close: () => new Promise((done) => {
      server.close(() => done());
      server.closeAllConnections();
    }),
  };
}

// Both receivers are started before the scenarios, since each scenario's options need the origin.
const blocked = await startForeignReceiver();
const allowed = await startForeignReceiver();
const configFor = (endpoint) => ({
  channels: { service_complaint: { mailbox: 'complaints@example.org', endpoint } },
  limits: { send_attempts: 3, send_timeout_ms: 1500 },
});

// The build under test, as configured for `allowed` by the same step build.sh runs for CONFIG=.
const configured = mkdtempSync(join(tmpdir(), 'portal-csp-'));
cpSync(DIST, configured, { recursive: true });
writeFileSync(join(configured, 'config.json'), JSON.stringify(configFor(allowed.endpoint)));
execFileSync('python3', [join(ROOT, 'scripts/csp.py'), configured, '--config', join(configured, 'config.json')]);

test.after(async () => {
  await blocked.close();
  await allowed.close();
  rmSync(configured, { recursive: true, force: true });
});

/** The policy of a build, from its index.html. */
function connectSrc(dist) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  return /connect-src ([^;"]*)/.exec(html)?.[1];
}

scenario(
  test,
  'an endpoint the policy does not allow: the complainant is told why, and gets the email fallback at once',
  {
    config: configFor(blocked.endpoint),
    // Chromium reports the refused connection on the console (once per policy, the <meta> and
    // the header, and once for the failed fetch): that is the event under test, nothing else.
    allowConsole: [
      /^Connecting to 'http:\/\/127\.0\.0\.1:\d+\/intake' violates the following Content Security Policy directive: "connect-src 'self'"\. The action has been blocked\./,
      /^Fetch API cannot load http:\/\/127\.0\.0\.1:\d+\/intake\. Refused to connect because it violates the document's Content Security Policy\./,
    ],
  },
  async ({ page }) => {
    assert.equal(connectSrc(DIST), "'self'", 'the build under test allows only its own origin');
    await openForm(page);
    await fillAndContinue(page, COMPLAINT);
    const started = Date.now();
    await page.getByRole('button', { name: 'Send complaint' }).click();

    const alert = page.getByRole('alert').filter({ hasText: 'security policy' });
    await alert.waitFor();
    const elapsed = Date.now() - started;
    assert.equal(
      (await alert.textContent()).trim(),
      `This portal may not send the complaint to ${blocked.origin}: the operator's security policy (Content-Security-Policy, connect-src) does not allow that address. Nothing is lost: send it by email instead.`,
    );
    // No retries: three attempts with backoff would take seconds.
    assert.ok(elapsed < 1500, `the explanation came after ${elapsed} ms`);
    assert.equal(await page.getByRole('status').filter({ hasText: 'trying again' }).count(), 0, 'no retry was announced');
    assert.equal(await page.getByText('could not be delivered').count(), 0, 'not the generic failure');

    await page.getByRole('heading', { level: 2, name: 'Send by email' }).waitFor();
    const mail = decodeMailto(await page.getByRole('link', { name: 'Open email program' }).getAttribute('href'));
    assert.equal(mail.to, 'complaints@example.org');
    assert.ok(mail.fields.body.includes('Mein Transfer hängt seit Tagen.'), mail.fields.body);
    await axe(page, 'check page with the policy explanation');
    assert.deepEqual(blocked.requests, [], 'nothing reached the receiver on the other origin');
  },
);

scenario(
  test,
  'built with that config, the policy allows the endpoint and the POST reaches the receiver',
  { serve: { dist: configured, distConfig: true }, allowOrigins: [allowed.origin] },
  async ({ page, server }) => {
    assert.equal(connectSrc(configured), `'self' ${allowed.origin}`);
    const headers = readFileSync(join(configured, '_headers'), 'utf8');
    assert.ok(headers.includes(`connect-src 'self' ${allowed.origin};`), 'the _headers policy follows too');
    assert.ok(readFileSync(join(configured, 'nginx.conf'), 'utf8').includes(`connect-src 'self' ${allowed.origin};`), 'and nginx.conf');

    await openForm(page);
    await fillAndContinue(page, COMPLAINT);
    await page.getByRole('button', { name: 'Send complaint' }).click();
    await page.getByRole('heading', { level: 1, name: 'Complaint sent' }).waitFor();
    await page.getByText('X-1', { exact: true }).waitFor();

    const posts = allowed.requests.filter((r) => r.method === 'POST');
    assert.equal(posts.length, 1, 'one POST on the other origin');
    const document = JSON.parse(posts[0].body);
    assert.equal(posts[0].headers['idempotency-key'], document.id);
    assert.equal(document.description, COMPLAINT.description);
    assert.deepEqual(server.posts(), [], 'nothing went to the portal origin');
  },
);
