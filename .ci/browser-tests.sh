#!/usr/bin/env bash
# The shop in a real browser: builds web/ (npm ci, tsc, vite build), starts local/run on fresh data
# so it serves the build at /, and runs the Playwright tests (web/e2e/, playwright-core driving
# Debian's Chromium) against it. Screenshots land in web/test-results/screenshots/. Installs the
# chromium package with apt-get when no Chromium is found (CHROMIUM_PATH names another). Prints
# how long the tests took; exits non-zero if the build or any test failed, stopping the runtime
# either way.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null 2>&1; then
  echo "browser-tests: installing Debian's chromium package"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq >/tmp/kiosk-apt.log 2>&1 || true
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq chromium >>/tmp/kiosk-apt.log 2>&1 \
    || { echo "browser-tests: apt-get install chromium failed:" >&2; tail -n 5 /tmp/kiosk-apt.log >&2; exit 1; }
fi
export CHROMIUM_PATH=${CHROMIUM_PATH:-$(command -v chromium)}
echo "browser-tests: $("$CHROMIUM_PATH" --version 2>/dev/null | head -n 1), node $(node --version)"

(cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build --silent)

. .ci/local-run.sh
work=$(mktemp -d)
trap 'stop_runtime; rm -rf "$work"' EXIT
start_runtime browser-tests "$work"
grep -q "The shop: $url/" "$work/runtime.log" || { echo "browser-tests: local/run does not serve the built shop" >&2; exit 1; }
echo "browser-tests: the shop is at $url/"

rm -rf web/test-results/screenshots
started=$(date +%s)
status=0
(cd web && KIOSK_URL="$url" KIOSK_DATA="$work/data" npm run --silent test:browser) || status=$?
echo "browser-tests: $(($(date +%s) - started)) s, exit $status; screenshots: $(ls web/test-results/screenshots 2>/dev/null | wc -l) in web/test-results/screenshots/"
if [ "$status" -ne 0 ]; then
  echo "browser-tests: the runtime's last lines:" >&2; tail -n 30 "$work/runtime.log" >&2
fi
exit "$status"
