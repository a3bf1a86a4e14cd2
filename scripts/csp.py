#!/usr/bin/env python3
"""Writes the Content-Security-Policy and the deploy kit into a built dist/ (§7).

Trunk's boot script is inline, so the policy allows exactly that script by its SHA-256, computed
here after every build; nothing else inline runs. The same policy goes into:
  - index.html and 404.html (a <meta>; 404.html is what GitHub Pages serves for deep links),
  - `_headers` (Netlify, Cloudflare Pages) with caching: hashed asset names immutable,
    index.html, 404.html, config.json and submission.schema.json always revalidated,
  - `_redirects` (Netlify; Cloudflare Pages refuses its rule, see README): every other path is the app,
  - `nginx.conf`, a server block from deploy/nginx.conf with the policy and the path filled in.
Paths follow the build's public URL (`<base href>`, from `trunk build --public-url /sub/`).

Usage: scripts/csp.py DIST_DIR [--config CONFIG.json] [EXTRA_CONNECT_SRC ...]
`connect-src` allows the page's own origin, the origin of every endpoint in CONFIG.json that is
on another host, and the extra sources given. Running it again on the same dist/ (say after
changing config.json) rewrites everything with the new sources; see README, "Deploy".
"""
import base64
import hashlib
import json
import pathlib
import re
import sys
from urllib.parse import urlsplit

PLACEHOLDER = "CSP_PLACEHOLDER"
META = re.compile(r'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')
TEMPLATE = pathlib.Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf"
# Trunk writes the 64-bit hash with `{:x}`: without leading zeros, so 1 to 16 digits.
HASHED_ASSET = r"-[0-9a-f]{1,16}(_bg)?\.(js|wasm|css)$"


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


def endpoint_origins(config_path):
    """The origins of the config's endpoints that are on another host (paths are same-origin)."""
    try:
        config = json.loads(pathlib.Path(config_path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        sys.exit(f"csp: cannot read {config_path}: {error}")
    channels = config.get("channels", {}) if isinstance(config, dict) else {}
    origins = []
    for name, channel in (channels.items() if isinstance(channels, dict) else []):
        endpoint = channel.get("endpoint") if isinstance(channel, dict) else None
        if not isinstance(endpoint, str) or (endpoint.startswith("/") and not endpoint.startswith("//")):
            continue
        parts = urlsplit(endpoint)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            sys.exit(f"csp: {config_path}: channels.{name}.endpoint “{endpoint}” is not an http(s) URL or a path")
        origin = f"{parts.scheme}://{parts.netloc.rsplit('@', 1)[-1]}"
        if origin not in origins:
            origins.append(origin)
    return origins


def parse_args(argv):
    if not argv or argv[0].startswith("-"):
        sys.exit(__doc__)
    dist, rest, config = pathlib.Path(argv[0]), argv[1:], None
    extra = []
    while rest:
        arg = rest.pop(0)
        if arg == "--config":
            if not rest:
                sys.exit("csp: --config needs a file")
            config = rest.pop(0)
        else:
            extra.append(arg)
    return dist, config, extra


def main():
    dist, config, extra = parse_args(sys.argv[1:])
    connect_extra = []
    for origin in [*(endpoint_origins(config) if config else []), *extra]:
        if origin not in connect_extra:
            connect_extra.append(origin)
    index = dist / "index.html"
    html = index.read_text(encoding="utf-8")
    if PLACEHOLDER not in html and not META.search(html):
        sys.exit(f"{index}: neither {PLACEHOLDER} nor a CSP <meta> to fill in")
    scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>(.*?)</script>", html, flags=re.S)
    hashes = [base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode() for s in scripts]
    if not hashes:
        sys.exit(f"{index}: no inline boot script found; did Trunk change its output?")
    meta_policy = policy(hashes, connect_extra, for_header=False)
    # A second run replaces the policy written by the first (the lambda keeps the text literal).
    html = META.sub(lambda m: m.group(1) + meta_policy + m.group(3), html.replace(PLACEHOLDER, meta_policy))
    index.write_text(html, encoding="utf-8")
    # GitHub Pages serves 404.html for unknown paths: the same app, so deep links work there too.
    (dist / "404.html").write_text(html, encoding="utf-8")

    base = re.search(r'<base href="([^"]*)"', html)
    prefix = base.group(1) if base and base.group(1).startswith("/") else "/"
    if not prefix.endswith("/"):
        prefix += "/"
    header_policy = policy(hashes, connect_extra, for_header=True)
    security = [
        ("Content-Security-Policy", header_policy),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        ("Permissions-Policy", "camera=(), microphone=(), geolocation=()"),
    ]
    assets = sorted(a.name for a in dist.iterdir() if re.search(HASHED_ASSET, a.name))
    no_cache = "no-cache"
    immutable = "public, max-age=31536000, immutable"
    rules = [f"{prefix}*", *(f"  {name}: {value}" for name, value in security), ""]
    # Trunk names a worker's files after its binary, without a content hash: always revalidated.
    workers = sorted(a.name for a in dist.iterdir() if a.name.startswith("spam-worker"))
    for name in ["", "index.html", "404.html", "config.json", "submission.schema.json", *workers]:
        rules += [f"{prefix}{name}", f"  Cache-Control: {no_cache}", ""]
    for name in assets:
        rules += [f"{prefix}{name}", f"  Cache-Control: {immutable}", ""]
    (dist / "_headers").write_text("\n".join(rules), encoding="utf-8")
    (dist / "_redirects").write_text(
        "# Netlify: every path that is not a file is the app (deep links). Not for Cloudflare Pages (README).\n"
        f"{prefix}*    {prefix}index.html   200\n",
        encoding="utf-8",
    )

    nginx = TEMPLATE.read_text(encoding="utf-8")
    security_lines = "\n".join(f'        add_header {name} "{value}" always;' for name, value in security)
    for key, value in {
        "@SECURITY_HEADERS@": security_lines.lstrip(),
        "@PREFIX@": prefix,
        "@NO_CACHE@": no_cache,
        "@IMMUTABLE@": immutable,
    }.items():
        nginx = nginx.replace(key, value)
    (dist / "nginx.conf").write_text(nginx, encoding="utf-8")
    sources = " ".join(["'self'", *connect_extra])
    print(f"csp: {len(hashes)} inline script hash(es), connect-src {sources}, path {prefix}: "
          f"written to index.html, 404.html, _headers, _redirects and nginx.conf in {dist}")


if __name__ == "__main__":
    main()
