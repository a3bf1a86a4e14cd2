// A realistic spam message of a given size, for the analysis benchmarks (native and in Chromium):
// a Received chain, DKIM and Authentication-Results, encoded words, and a multipart/alternative
// body with a quoted-printable text part and a base64 HTML part full of links. Deterministic.
//
//   node scripts/bench/spam-message.mjs OUT_FILE [BYTES]     (default 10,000,000 bytes)

import { writeFileSync } from 'node:fs';

export function spamMessage(bytes = 10_000_000) {
  const header = [
    'Return-Path: <bounce-1234@mailer.bulk-sender.example>',
    ...[1, 2, 3, 4, 5].map(
      (n) =>
        `Received: from relay${n}.hop.example (relay${n}.hop.example [198.51.100.${n}])\r\n\tby mx${n}.recipient.example (Postfix) with ESMTPS id ${n}ABC\r\n\tfor <alice@recipient.example>; Tue, 10 Mar 2026 09:1${n}:00 +0100`,
    ),
    'Authentication-Results: mx1.recipient.example;\r\n\tspf=softfail smtp.mailfrom=mailer.bulk-sender.example;\r\n\tdkim=pass header.d=bulk-sender.example;\r\n\tdmarc=fail header.from=bank.example',
    'DKIM-Signature: v=1; a=rsa-sha256; d=bulk-sender.example; s=s1;\r\n\th=from:to:subject; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; b=dGVzdA==',
    'From: =?UTF-8?Q?B=C3=BCcherbank_Sicherheit?= <security@bank.example>',
    'To: alice@recipient.example',
    'Subject: =?UTF-8?B?SWhyIEtvbnRvIHdpcmQgZ2VzcGVycnQ=?=',
    'Date: Tue, 10 Mar 2026 09:14:55 +0100',
    'Message-ID: <bench.1@mailer.bulk-sender.example>',
    'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="bench-boundary"',
  ].join('\r\n');
  const paragraph = (i) =>
    `Sehr geehrte Kundin, sehr geehrter Kunde, bitte best=C3=A4tigen Sie Ihr Konto unter https://login${i % 97}.phish-host.example/verify?id=${i} =\r\n` +
    `oder http://track.bulk-sender.example/c?u=${i}&v=2 innerhalb von 24 Stunden.\r\n\r\n`;
  const html = (i) => `<p>Konto ${i}: <a href="https://b\u00fccher${i % 13}.example/angebot?id=${i}">jetzt pr\u00fcfen</a> &amp; mehr.</p>\n`;
  const half = Math.floor((bytes - header.length - 400) / 2);
  let text = '';
  for (let i = 0; text.length < half; i += 1) text += paragraph(i);
  // Base64 grows by 4/3, so the HTML source is 3/4 of its share.
  let htmlSource = '<html><body>\n';
  for (let i = 0; htmlSource.length < (half * 3) / 4; i += 1) htmlSource += html(i);
  const b64 = Buffer.from(htmlSource + '</body></html>\n').toString('base64').replace(/.{76}/g, '$&\r\n');
  let message =
    `${header}\r\n\r\nThis is a multi-part message in MIME format.\r\n` +
    `--bench-boundary\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n${text}` +
    `--bench-boundary\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n${b64}\r\n` +
    '--bench-boundary--\r\n';
  const buffer = Buffer.from(message, 'utf8');
  return buffer.length > bytes ? buffer.subarray(0, bytes) : Buffer.concat([buffer, Buffer.alloc(bytes - buffer.length, '\n')]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [out, size] = process.argv.slice(2);
  if (!out) {
    console.error('usage: node scripts/bench/spam-message.mjs OUT_FILE [BYTES]');
    process.exit(2);
  }
  writeFileSync(out, spamMessage(size ? Number(size) : undefined));
}
