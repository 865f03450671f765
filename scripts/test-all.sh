#!/usr/bin/env bash
# `npm test`: every test. Stages: typecheck lint unit integration build e2e (default: all, in that order).
# `npm test -- integration e2e` runs only those (e2e then needs an existing build in .next).
# Uses PGlite unless DATABASE_URL names a PostgreSQL server (each suite creates its own fresh database there).
set -uo pipefail
cd "$(dirname "$0")/.."

stages=("$@")
[ ${#stages[@]} -eq 0 ] && stages=(typecheck lint unit integration build e2e)
has() { local s; for s in "${stages[@]}"; do [ "$s" = "$1" ] && return 0; done; return 1; }

if has e2e; then
  chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$chromium" ]; then
    echo "Chromium was not found at $chromium. Install Debian's chromium (apt-get install chromium fonts-noto-cjk)" >&2
    echo "or set CHROMIUM_PATH to a Chromium binary, then run npm test again." >&2
    echo "未找到 Chromium：请安装 chromium 与 fonts-noto-cjk，或设置 CHROMIUM_PATH。" >&2
    exit 2
  fi
  export CHROMIUM_PATH="$chromium"
fi
if [ ! -d node_modules ]; then
  echo "node_modules is missing: run npm ci (or npm install) first." >&2
  exit 2
fi

mkdir -p test-results
rm -f test-results/*.json
failed_stages=()
run() {
  local name="$1"; shift
  echo "::: $name: $*"
  local start=$SECONDS
  if "$@"; then
    echo "::: $name passed in $((SECONDS - start)) s"
  else
    echo "::: $name FAILED after $((SECONDS - start)) s"
    failed_stages+=("$name")
  fi
}

has typecheck && run typecheck npx tsc --noEmit
has lint && run lint npx eslint --max-warnings 0 .
has lint && run references node scripts/check-references.mjs
has unit && run unit npx vitest run --project unit --reporter=default --reporter=json --outputFile.json=test-results/unit.json
has integration && run integration npx vitest run --project integration --reporter=default --reporter=json --outputFile.json=test-results/integration.json
if has build; then
  run build npx next build
fi
if has e2e; then
  if [ ! -f .next/BUILD_ID ]; then
    echo "::: e2e needs a production build (.next) and there is none: run npm test, or npm run build first." >&2
    failed_stages+=("e2e")
  else
    run e2e npx playwright test
  fi
fi

node scripts/test-summary.mjs "${failed_stages[@]}"
