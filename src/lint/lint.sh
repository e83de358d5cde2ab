#!/bin/sh
# Lints bpmn/ and forms/ with the Camunda Modeler's own rules (see package.json); Maven runs it in verify.
# Without npm it says how to get it and skips, unless CI_REQUIRE_TOOLS=1 (set by .ci/run) makes that a failure.
set -e
cd "$(dirname "$0")"
if ! command -v npm >/dev/null 2>&1; then
  echo "lint SKIPPED: npm not found. Install Node.js and npm (Debian: apt-get install nodejs npm) to lint bpmn/ and forms/."
  [ "${CI_REQUIRE_TOOLS:-0}" = "1" ] && exit 1
  exit 0
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
npm run --silent lint
