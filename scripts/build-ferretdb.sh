#!/usr/bin/env bash
# Builds FerretDB (a MongoDB wire-protocol server over SQLite, Apache-2.0) once, for the sync tests.
# Prints the binary's path on stdout; prints nothing and exits 0 where Go is missing.
#
# `go install github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2` builds a binary that panics at
# start: the module on the proxy lacks build/version/version.txt, which FerretDB's own build
# generates. So the module's source is copied, the file written, and the copy built.
set -euo pipefail

version=1.24.2
dest="${BALCAO_CACHE:-$HOME/.cache/balcao}/ferretdb-$version"
binary="$dest/ferretdb"

if [ -x "$binary" ]; then echo "$binary"; exit 0; fi
if ! command -v go >/dev/null 2>&1; then
  echo "Go não encontrado: os testes da sincronização rodam só na loja de referência (memória)." >&2
  exit 0
fi

echo "Compilando o FerretDB $version para os testes da sincronização (uma vez; alguns minutos)…" >&2
started=$(date +%s)
module_dir=$(go mod download -json "github.com/FerretDB/FerretDB@v$version" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')
work=$(mktemp -d)
trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
cp -r "$module_dir/." "$work/"
chmod -R u+w "$work"
echo "v$version" > "$work/build/version/version.txt"
mkdir -p "$dest"
(cd "$work" && go build -buildvcs=false -o "$binary.partial" ./cmd/ferretdb)
mv "$binary.partial" "$binary"
echo "FerretDB $version pronto em $(( $(date +%s) - started )) s." >&2
echo "$binary"
