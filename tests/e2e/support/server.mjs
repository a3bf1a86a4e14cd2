// One HTTP server on 127.0.0.1 (random port) per test: the release dist/ exactly as a static
// host serves it (scripts/serve.mjs applies `_headers`, CSP included, and the SPA fallback),
// a per-test `config.json`, and a scripted intake receiver at /api/complaints on the same
// origin (so the CSP's `connect-src 'self'` allows it).

import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

import { createStaticHandler } from '../../../scripts/serve.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The dist/ under test: env DIST (relative to the working directory), else the repo's dist/. */
export const DIST = process.env.DIST ? resolve(process.env.DIST) : resolve(HERE, '../../../dist');

export const RECEIVER_PATH = '/api/complaints';

/** A config.json with an endpoint for service complaints, fast limits for tests. */
export function configWithEndpoint(overrides = {}) {
  return {
    channels: { service_complaint: { mailbox: 'complaints@example.org', endpoint: RECEIVER_PATH } },
    limits: { send_attempts: 2, send_timeout_ms: 1500 },
    ...overrides,
  };
}

function checkDist(dist = DIST) {
  const index = join(dist, 'index.html');
  if (!existsSync(index)) {
    throw new Error(`No build at ${dist}: run \`trunk build --release\` and \`python3 scripts/csp.py dist\` (or set DIST).`);
  }
  if (readFileSync(index, 'utf8').includes('CSP_PLACEHOLDER')) {
    throw new Error(`${index} still has CSP_PLACEHOLDER: run \`python3 scripts/csp.py ${dist}\` after the build.`);
  }
}

/** How `config.json` is answered: an object (as JSON), a string (raw, e.g. broken JSON), or absent (404). */
function configOverride(config) {
  if (config === undefined || config === null) {
    return { status: 404, type: 'text/plain; charset=utf-8', body: 'not found' };
  }
  const body = typeof config === 'string' ? config : JSON.stringify(config);
  return { status: 200, type: 'application/json; charset=utf-8', body };
}

/**
 * The build's submission.schema.json (generated from the Rust types by `complaint schema`),
 * compiled once per dist: every POST the receiver gets is checked against it.
 */
const validators = new Map();
function submissionValidator(dist) {
  if (!validators.has(dist)) {
    const path = join(dist, 'submission.schema.json');
    if (!existsSync(path)) throw new Error(`No ${path}: build with scripts/build.sh (it writes the schema).`);
    // strict: unknown keywords fail the compile; schemars' integer formats are annotations only.
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    for (const format of ['uint32', 'uint64']) ajv.addFormat(format, { type: 'number', validate: (n) => Number.isInteger(n) && n >= 0 });
    validators.set(dist, ajv.compile(JSON.parse(readFileSync(path, 'utf8'))));
  }
  return validators.get(dist);
}

/** The submission document a POST carries: the JSON body, or the `submission` part of multipart/form-data. */
function postedSubmission(headers, raw) {
  const boundary = /^multipart\/form-data;.*boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1];
  if (!boundary) return raw.toString('utf8');
  for (const part of raw.toString('latin1').split(`--${boundary}`)) {
    const split = part.indexOf('\r\n\r\n');
    if (split < 0 || !/content-disposition:[^\r]*\bname="submission"/i.test(part.slice(0, split))) continue;
    return Buffer.from(part.slice(split + 4).replace(/\r\n$/, ''), 'latin1').toString('utf8');
  }
  return undefined;
}

/** Why a POST's submission does not match the schema; [] when it does. */
function schemaErrors(validate, headers, raw) {
  const text = postedSubmission(headers, raw);
  if (text === undefined) return ['no `submission` part in the multipart body'];
  let document;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return [`the submission is not JSON: ${error.message}`];
  }
  if (validate(document)) return [];
  return validate.errors.map((e) => `${e.instancePath || '(root)'} ${e.message} ${JSON.stringify(e.params)}`);
}

const sleep = (ms) => new Promise((done) => setTimeout(done, ms));

function readBody(req) {
  return new Promise((done, fail) => {
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

/**
 * Starts the server.
 *   config:   see configOverride; default absent.
 *   receiver: the receiver's script, one entry per request, the last one repeating:
 *             { status, json, body, type, headers, delayMs } or { destroy: true } (socket dropped:
 *             the receiver is down). Replace it mid-test with `server.setReceiver([...])`.
 *   dist:     the build to serve (default DIST); prefix: the sub-path it was built for (default '/').
 *   distConfig: true serves the build's own config.json (from CONFIG=) instead of `config`.
 * Returns { url, requests, posts(), schemaFailures(), setReceiver, server }; `requests` collects every request
 * to the receiver as { method, url, headers, body, raw, json, at, schemaErrors } (`raw`: the body's bytes; `at`:
 * arrival time in ms, when its body was read; `schemaErrors`: for a POST, why its submission does not match
 * submission.schema.json, [] when it does).
 */
export async function startServer({
  config,
  receiver = [{ status: 201, json: { reference: 'T-1' } }],
  dist = DIST,
  prefix = '/',
  distConfig = false,
} = {}) {
  checkDist(dist);
  const overrides = distConfig ? new Map() : new Map([['/config.json', configOverride(config)]]);
  const serveStatic = await createStaticHandler(dist, overrides, { prefix });
  const validate = submissionValidator(dist);
  const requests = [];
  let script = [...receiver];
  let served = 0;

  async function receive(req, res) {
    const raw = await readBody(req);
    const body = raw.toString('utf8');
    let json;
    try {
      json = JSON.parse(body);
    } catch {
      json = undefined;
    }
    const errors = req.method === 'POST' ? schemaErrors(validate, req.headers, raw) : [];
    requests.push({ method: req.method, url: req.url, headers: { ...req.headers }, body, raw, json, at: Date.now(), schemaErrors: errors });
    const step = script[Math.min(served, script.length - 1)] ?? { status: 500 };
    served += 1;
    if (step.delayMs) await sleep(step.delayMs);
    if (step.destroy) {
      req.socket.destroy();
      return;
    }
    const payload = step.json !== undefined ? JSON.stringify(step.json) : (step.body ?? '');
    const type = step.type ?? (step.json !== undefined ? 'application/json' : 'text/plain; charset=utf-8');
    res.writeHead(step.status ?? 200, { 'Content-Type': type, ...(step.headers ?? {}) });
    res.end(payload);
  }

  const server = createServer((req, res) => {
    // No keep-alive: Chromium silently resends a request whose reused idle connection closes
    // without an answer, which would blur what `{ destroy: true }` simulates (and the POST count).
    res.setHeader('Connection', 'close');
    const path = new URL(req.url, 'http://127.0.0.1').pathname;
    const handled = path === RECEIVER_PATH ? receive(req, res) : serveStatic(req, res);
    handled.catch((error) => {
      if (!res.headersSent) res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    /** Only the POSTs that reached the receiver. */
    posts: () => requests.filter((r) => r.method === 'POST'),
    /** One line per POST whose submission does not match the schema. */
    schemaFailures: () =>
      requests.filter((r) => r.schemaErrors.length).map((r, i) => `POST ${i + 1} (${r.url}): ${r.schemaErrors.join('; ')}`),
    setReceiver(next) {
      script = [...next];
      served = 0;
    },
    server,
  };
}

/** Closes a server from startServer, dropping open (keep-alive or hanging) connections. */
export function stop(handle) {
  return new Promise((done) => {
    handle.server.close(() => done());
    handle.server.closeAllConnections();
  });
}
