#!/usr/bin/env bash
# Balcão — one entry point for people and CI.
#   ./run.sh          install what is missing, build, start the desktop app (browser mode where Electron cannot run)
#   ./run.sh web      install what is missing, build, start browser mode
#   ./run.sh test     install what is missing (npm packages, Chromium), run every test
#   ./run.sh bench    install what is missing, run the benchmarks
set -euo pipefail
cd "$(dirname "$0")"

say() { printf '\033[1m%s\033[0m\n' "$*"; }

require_node() {
  if ! command -v node >/dev/null 2>&1; then
    echo "Node.js não encontrado. Instale o Node.js 20 ou mais novo (https://nodejs.org) e rode de novo." >&2
    exit 1
  fi
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  if [ "$major" -lt 20 ]; then
    echo "O Balcão precisa do Node.js 20 ou mais novo (este é $(node --version))." >&2
    exit 1
  fi
}

# npm ci when node_modules is missing or older than the lockfile. The Electron binary is never
# downloaded here (tests do not need it; ./run.sh fetches it only when starting the desktop app),
# and better-sqlite3 is built for Node, which tests and browser mode use.
install_packages() {
  require_node
  if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
    say "Instalando dependências (npm ci)…"
    ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
  fi
  if ! node -e "new (require('better-sqlite3'))(':memory:').close()" >/dev/null 2>&1; then
    say "Compilando o better-sqlite3 para este Node.js…"
    npm rebuild better-sqlite3
  fi
}

# Debian's Chromium for the end-to-end tests, installed through apt when we are root.
ensure_chromium() {
  if [ -n "${CHROME_PATH:-}" ] && [ -x "$CHROME_PATH" ]; then return; fi
  if [ -x /usr/bin/chromium ]; then export CHROME_PATH=/usr/bin/chromium; return; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "Instalando o Chromium do Debian para os testes de ponta a ponta…"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    export CHROME_PATH=/usr/bin/chromium
    return
  fi
  echo "Os testes de ponta a ponta precisam do Chromium: instale o pacote 'chromium' (sudo apt-get install chromium) ou aponte CHROME_PATH para um Chrome/Chromium." >&2
  exit 1
}

# FerretDB (MongoDB wire protocol over SQLite) for the sync tests, built once with Go into a cache.
# MONGODB_TEST_URI points the same tests at a real MongoDB or Atlas instead.
ensure_ferretdb() {
  if [ -n "${MONGODB_TEST_URI:-}" ] || [ -n "${BALCAO_FERRETDB:-}" ]; then return; fi
  local binary
  binary=$(scripts/build-ferretdb.sh)
  if [ -n "$binary" ]; then export BALCAO_FERRETDB="$binary"; fi
}

build() {
  say "Gerando o Balcão (núcleo e interface)…"
  npm run --silent build
}

# The sale's core runs in this process: a young generation of 2 × 32 MB (V8's default is 2 × 16 MB)
# collects half as often, out of the slowest sales (docs/desempenho.md). V8 takes it only at start.
start_web() {
  exec node --min-semi-space-size=32 --max-semi-space-size=32 build/src/web.js
}

case "${1:-start}" in
  start)
    install_packages
    build
    if node scripts/has-electron.mjs && node scripts/electron-native.mjs; then
      exec npx --no-install electron .
    fi
    say "O Electron não pode ser obtido nesta máquina: abrindo o Balcão no modo navegador."
    start_web
    ;;
  web)
    install_packages
    build
    start_web
    ;;
  test)
    started=$(date +%s)
    install_packages
    ensure_chromium
    ensure_ferretdb
    say "1/4 Verificando tipos (núcleo, shell e interface)…"
    npm run --silent typecheck
    say "2/4 Testes de unidade e integração (vitest)…"
    npx --no-install vitest run --reporter=default --reporter=json --outputFile.json=.test-reports/vitest.json
    say "3/4 Gerando o Balcão para os testes de ponta a ponta…"
    build
    say "4/4 Testes de ponta a ponta no Chromium (Playwright)…"
    PLAYWRIGHT_JSON_OUTPUT_NAME=.test-reports/playwright.json npx --no-install playwright test --reporter=list,json
    say "Todos os testes passaram em $(( $(date +%s) - started )) s."
    node scripts/test-summary.mjs
    ;;
  bench)
    install_packages
    ensure_ferretdb
    npm run --silent bench
    ;;
  *)
    echo "Uso: ./run.sh [start|web|test|bench]" >&2
    exit 2
    ;;
esac
