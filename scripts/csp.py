#!/usr/bin/env python3
"""Writes the Content-Security-Policy into a built dist/ (§7).

Trunk's boot script is inline, so the policy allows exactly that script by its SHA-256, computed
here after every build; nothing else inline runs. The same policy goes into `_headers` (the
format Netlify and Cloudflare Pages read) together with caching rules: hashed asset names are
immutable, index.html and config.json are always revalidated.

Usage: scripts/csp.py DIST_DIR [EXTRA_CONNECT_SRC ...]
The extra sources are origins of intake endpoints on other hosts (see README, "Endpoints on
another origin").
"""
import base64
import hashlib
import pathlib
import re
import sys

PLACEHOLDER = "CSP_PLACEHOLDER"


def policy(script_hashes, connect_extra, for_header):
    directives = [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval' " + " ".join(f"'sha256-{h}'" for h in script_hashes),
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src " + " ".join(["'self'", *connect_extra]),
        "base-uri 'self'",
        "form-action 'none'",
    ]
    if for_header:
        # Only honoured as an HTTP header; in a <meta> it would log an error.
        directives.append("frame-ancestors 'none'")
    return "; ".join(d.strip() for d in directives)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    dist = pathlib.Path(sys.argv[1])
    connect_extra = sys.argv[2:]
    index = dist / "index.html"
    html = index.read_text(encoding="utf-8")
    if PLACEHOLDER not in html:
        sys.exit(f"{index}: no {PLACEHOLDER} to replace (already processed?)")
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = [base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() for s in scripts]
    if not hashes:
        sys.exit(f"{index}: no inline boot script found; did Trunk change its output?")
    html = html.replace(PLACEHOLDER, policy(hashes, connect_extra, for_header=False))
    index.write_text(html, encoding="utf-8")
    # GitHub Pages serves 404.html for unknown paths: the same app, so deep links work there too.
    (dist / "404.html").write_text(html, encoding="utf-8")

    header_policy = policy(hashes, connect_extra, for_header=True)
    security = [
        f"  Content-Security-Policy: {header_policy}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: no-referrer",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=()",
    ]
    rules = ["/*", *security, "", "/index.html", "  Cache-Control: no-cache", "", "/404.html", "  Cache-Control: no-cache", "", "/config.json", "  Cache-Control: no-cache", ""]
    for asset in sorted(dist.iterdir()):
        if re.search(r"-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$", asset.name):
            rules += [f"/{asset.name}", "  Cache-Control: public, max-age=31536000, immutable", ""]
    (dist / "_headers").write_text("\n".join(rules), encoding="utf-8")
    print(f"csp: {len(hashes)} inline script hash(es) written to {index} and {dist / '_headers'}")


if __name__ == "__main__":
    main()
