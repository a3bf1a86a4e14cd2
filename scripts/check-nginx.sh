#!/usr/bin/env bash
# Checks the nginx server block that scripts/csp.py writes into a build (dist/nginx.conf):
# `nginx -t` accepts it, and served by a real nginx on 127.0.0.1 it gives what the static-host
# rules promise: the app for deep links, the same CSP as index.html, immutable hashed assets,
# no-cache for index.html and config.json, a 404 (not the app) for a missing config.json.
#
#   scripts/check-nginx.sh [DIST]        # DIST defaults to $DIST, else dist; needs nginx on PATH
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="$(realpath "${1:-${DIST:-dist}}")"
command -v nginx >/dev/null || { echo "check-nginx: nginx is not installed (apt-get install nginx-light)" >&2; exit 1; }
[ -f "$DIST/nginx.conf" ] || { echo "check-nginx: no $DIST/nginx.conf; run scripts/build.sh" >&2; exit 1; }

work=$(mktemp -d)
pid=""
cleanup() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap cleanup EXIT

prefix=$(grep -oE 'location [^ ~=]*/ \{' "$DIST/nginx.conf" | tail -1 | awk '{print $2}')
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# The operator copies dist/ to /srv/complaint-portal$prefix; here a temporary root stands in.
mkdir -p "$work/root$prefix"
cp -r "$DIST/." "$work/root$prefix"
rm -f "$work/root${prefix}config.json"
sed -e "s|listen 80;|listen 127.0.0.1:$port;|" -e "s|root /srv/complaint-portal;|root $work/root;|" \
  "$DIST/nginx.conf" > "$work/site.conf"
cat > "$work/nginx.conf" <<CONF
worker_processes 1;
error_log $work/error.log;
pid $work/nginx.pid;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $work/tmp; proxy_temp_path $work/tmp; fastcgi_temp_path $work/tmp;
  uwsgi_temp_path $work/tmp; scgi_temp_path $work/tmp;
  include $work/site.conf;
}
CONF
mkdir -p "$work/tmp"
# nginx's workers drop root and must be able to read the files.
chmod -R a+rX "$work"
nginx -t -q -p "$work" -c "$work/nginx.conf"
nginx -p "$work" -c "$work/nginx.conf" -g 'daemon off;' &
pid=$!
base="http://127.0.0.1:$port$prefix"
for _ in $(seq 50); do curl -fs -o /dev/null "$base" && break; sleep 0.1; done

fail() { echo "check-nginx: $*" >&2; cat "$work/error.log" >&2 2>/dev/null || true; exit 1; }
header() { curl -s -D - -o /dev/null "$1" | tr -d '\r' | grep -i "^$2:" | head -1 | cut -d' ' -f2-; }
status() { curl -s -o /dev/null -w '%{http_code}' "$1"; }
meta_policy=$(grep -o 'http-equiv="Content-Security-Policy" content="[^"]*"' "$DIST/index.html" | sed 's/.*content="//; s/"$//')
deep="${base}service_complaint"
[ "$(status "$deep")" = 200 ] || fail "deep link $deep is not 200"
curl -s "$deep" | grep -q 'Content-Security-Policy' || fail "deep link $deep is not the app"
[ "$(header "$deep" content-security-policy)" = "$meta_policy; frame-ancestors 'none'" ] ||
  fail "the CSP header differs from index.html's: $(header "$deep" content-security-policy)"
[ "$(header "$deep" cache-control)" = no-cache ] || fail "index.html is not no-cache"
wasm=$(cd "$DIST" && ls ./*_bg.wasm | head -1 | cut -c3-)
[ "$(header "$base$wasm" cache-control)" = "public, max-age=31536000, immutable" ] || fail "$wasm is not immutable"
[ "$(header "$base$wasm" content-type)" = application/wasm ] || fail "$wasm is not served as application/wasm"
[ "$(status "${base}config.json")" = 404 ] || fail "a missing config.json must be a 404, not the app"
[ "$(status "${base}nginx.conf")" = 404 ] || fail "nginx.conf is served"
echo '{}' > "$work/root${prefix}config.json"
[ "$(header "${base}config.json" cache-control)" = no-cache ] || fail "config.json is not no-cache"
echo "check-nginx: $DIST/nginx.conf passes nginx -t and serves $base as promised"
