#!/usr/bin/env node
// Serves a built dist/ the way a static host does: files as they are, the `_headers` rules
// applied (CSP, caching), and index.html for any other path so deep links work (SPA fallback).
// Used by `make serve` and by the end-to-end tests; loopback only.
//
//   node scripts/serve.mjs [--dist dist] [--port 8080] [--prefix /beschwerde/]
//
// --prefix serves the build under a sub-path, as built with `scripts/build.sh --public-url /beschwerde/`;
// anything outside it is a 404, so a path the app forgot to prefix shows up at once.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/** Parses a Netlify-style `_headers` file into [{ pattern, headers }]. */
export function parseHeaders(text) {
  const rules = [];
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trim().startsWith('#')) continue;
    if (!line.startsWith(' ')) {
      rules.push({ pattern: line.trim(), headers: {} });
    } else if (rules.length) {
      const at = line.indexOf(':');
      if (at > 0) rules[rules.length - 1].headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
  }
  return rules;
}

function headersFor(rules, path) {
  const out = {};
  for (const { pattern, headers } of rules) {
    const matches = pattern.endsWith('*') ? path.startsWith(pattern.slice(0, -1)) : path === pattern;
    if (matches) Object.assign(out, headers);
  }
  return out;
}

/**
 * A request handler for a static dist/. Returns true when it answered.
 * `overrides` maps paths to { status, type, body } served instead of files (tests use it for config.json);
 * `prefix` is the sub-path the site lives under. Override keys are paths inside the site
 * ('/config.json' is then served at '/beschwerde/config.json'); `_headers` patterns carry the prefix.
 */
export async function createStaticHandler(dist, overrides = new Map(), { prefix = '/' } = {}) {
  const root = resolve(dist);
  const base = prefix.endsWith('/') ? prefix : `${prefix}/`;
  let rules = [];
  try {
    rules = parseHeaders(await readFile(join(root, '_headers'), 'utf8'));
  } catch {
    // No _headers: serve without extra headers.
  }
  return async function handle(req, res) {
    const url = new URL(req.url, 'http://localhost');
    const full = decodeURIComponent(url.pathname);
    if (!full.startsWith(base)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end(`not found: this site lives under ${base}`);
      return true;
    }
    let path = `/${full.slice(base.length)}`;
    const override = overrides.get(path);
    if (override) {
      res.writeHead(override.status, { 'Content-Type': override.type, ...headersFor(rules, base + path.slice(1)) });
      res.end(override.body);
      return true;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = normalize(join(root, path));
    let body;
    let served = path;
    if (file.startsWith(root)) {
      try {
        if ((await stat(file)).isFile()) body = await readFile(file);
      } catch {
        body = undefined;
      }
    }
    const isAsset = extname(path) !== '' && !path.endsWith('.html');
    if (body === undefined) {
      if (isAsset) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
        res.end('not found');
        return true;
      }
      // Deep link: the app routes it.
      body = await readFile(join(root, 'index.html'));
      served = '/index.html';
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(served)] ?? 'application/octet-stream',
      ...headersFor(rules, base),
      ...headersFor(rules, base + served.slice(1)),
    });
    res.end(body);
    return true;
  };
}

async function main() {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 && args[at + 1] ? args[at + 1] : fallback;
  };
  const dist = option('--dist', 'dist');
  const port = Number(option('--port', '8080'));
  const prefix = option('--prefix', '/');
  const handle = await createStaticHandler(dist, new Map(), { prefix });
  createServer((req, res) => {
    handle(req, res).catch((error) => {
      res.writeHead(500);
      res.end(String(error));
    });
  }).listen(port, '127.0.0.1', () => {
    console.log(`Serving ${dist} on http://127.0.0.1:${port}${prefix} (Ctrl-C stops)`);
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main();
}
