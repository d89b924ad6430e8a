#!/bin/sh
# Makes this machine ready to build the report (`setup.sh build`) or to run the tests
# (`setup.sh test`): Debian packages, npm packages, compiled TypeScript. Each step is skipped
# when already done, so with everything present this takes well under a second.
set -eu
cd "$(dirname "$0")/.."
purpose=${1:-build}

# Chromium prints the PDF (unless PUPPETEER_EXECUTABLE_PATH names another); Noto CJK draws
# Chinese names in charts; Noto Color Emoji draws emoji in colour (page, PDF and charts);
# canvas compiles against Cairo and Pango.
packages="fonts-noto-cjk fonts-noto-color-emoji build-essential pkg-config libcairo2-dev libpango1.0-dev libjpeg-dev libgif-dev librsvg2-dev"
if [ -z "${PUPPETEER_EXECUTABLE_PATH:-}" ]; then packages="chromium $packages"; fi
# The tests read PDFs with poppler and qpdf, and check HTML with the Nu Html Checker (Java).
if [ "$purpose" = test ]; then packages="$packages poppler-utils qpdf default-jre-headless"; fi
# The queue's tests start their own Redis server (never the system's service).
if [ "$purpose" = test ]; then packages="$packages redis-server"; fi

if command -v dpkg-query >/dev/null 2>&1; then
  installed=$(dpkg-query -W -f='${Package} ${db:Status-Status}\n' $packages 2>/dev/null | awk '$2 == "installed" { print $1 }')
  missing=""
  for p in $packages; do
    echo "$installed" | grep -qx "$p" || missing="$missing $p"
  done
  if [ -n "$missing" ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "setup: installing Debian packages:$missing" >&2
      export DEBIAN_FRONTEND=noninteractive
      apt-get update -qq >&2
      # shellcheck disable=SC2086
      apt-get install -y -qq --no-install-recommends $missing >&2
    else
      echo "setup: missing Debian packages; run: sudo apt-get install -y --no-install-recommends$missing" >&2
      exit 1
    fi
  fi
else
  echo "setup: this is not Debian; install Chromium (or set PUPPETEER_EXECUTABLE_PATH), a CJK font such as Noto Sans CJK, and the Cairo, Pango, libjpeg, giflib and librsvg development headers, then run: npm ci && npm run build" >&2
  [ -d node_modules ] || exit 1
fi

# npm packages: again only when the lockfile or the Node version (canvas is a native module) changed.
stamp="node_modules/.setup-stamp"
want="$(node -p 'process.version') $(sha256sum package-lock.json | cut -d' ' -f1)"
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "setup: installing npm packages (npm ci)" >&2
  # puppeteer-core never downloads a browser; this also stops any other package from trying.
  PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund >&2
  echo "$want" > "$stamp"
fi

# TypeScript: compile when a source file or a template is newer than the last compile (as
# `npm run build`: the built-in templates are precompiled into dist too).
if [ ! -f dist/.stamp ] || [ -n "$(find src templates -newer dist/.stamp -print -quit)" ]; then
  echo "setup: compiling TypeScript" >&2
  node_modules/.bin/tsc -p tsconfig.json
  node_modules/.bin/tsc -p src/serve/browser/tsconfig.json
  node_modules/.bin/tsx scripts/precompile-templates.ts
  node scripts/compile-catalogues.mjs
  node scripts/bundle-cli.mjs
  touch dist/.stamp
fi
