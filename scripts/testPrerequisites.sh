#!/usr/bin/env bash
# Before `npm test`: the browser and PDF tests need Debian's Chromium (never a browser download). Install it when it is
# missing and this user can (root with apt-get, as on CI and a fresh machine); otherwise stop at once with one line
# saying how.
set -euo pipefail
if [ -n "${RAA_CHROMIUM:-}" ] && [ -x "${RAA_CHROMIUM}" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "npm test: Chromium is missing; installing Debian's chromium for the browser and PDF tests (apt-get)" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "npm test: the browser and PDF tests need Chromium: run 'sudo apt-get install -y chromium' (or set RAA_CHROMIUM to a Chromium executable), then npm test again" >&2
exit 1
