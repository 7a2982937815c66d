#!/usr/bin/env bash
# Refreshes the web client's vendored libraries under chat-gateway/.../webroot/vendor/ from the npm registry.
# The client has no build step: the browser loads these ES modules as they are (Content-Security-Policy
# script-src 'self' allows them, being served by the gateway). Each library keeps its LICENSE and a VERSION file.
#
#   scripts/refresh-vendor.sh                  # the versions pinned below
#   MARKDOWN_IT=15.0.3 scripts/refresh-vendor.sh
#
# Needs npm. markdown-it comes by `npm pack` alone. ts-mls ships ES modules with bare imports (@hpke/*, @noble/*),
# which a browser cannot resolve without a build step: here, once, in a temporary folder, esbuild joins them into
# one ES module (not minified, licence comments kept), which the web client and scripts/e2ee-client.mjs import.
set -euo pipefail

MARKDOWN_IT="${MARKDOWN_IT:-15.0.3}"
MARKDOWN_IT_EMOJI="${MARKDOWN_IT_EMOJI:-3.1.0}"
# ts-mls (MLS, RFC 9420) and what its cipher suite 1 needs; its peer versions are the ones ts-mls pins.
TS_MLS="${TS_MLS:-1.6.4}"
NOBLE_CURVES="${NOBLE_CURVES:-2.0.1}"
NOBLE_CIPHERS="${NOBLE_CIPHERS:-2.1.1}"
ESBUILD="${ESBUILD:-0.28.2}"
QRCODE_GENERATOR="${QRCODE_GENERATOR:-2.0.4}"

root="$(cd "$(dirname "$0")/.." && pwd)"
vendor="$root/chat-gateway/src/main/resources/webroot/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# unpack NAME VERSION: the package's files in $work/NAME/package
unpack() {
  mkdir -p "$work/$1"
  (cd "$work/$1" && npm pack --silent "$1@$2" >/dev/null && tar xzf ./*.tgz)
}

# markdown-it: its self-contained browser ES module build (no bare imports).
unpack markdown-it "$MARKDOWN_IT"
rm -rf "$vendor/markdown-it" && mkdir -p "$vendor/markdown-it"
src="$work/markdown-it/package"
sed '/^\/\/# sourceMappingURL=/d' "$src/dist/browser/markdown-it.esm.min.mjs" > "$vendor/markdown-it/markdown-it.esm.min.mjs"
cp "$src/LICENSE" "$vendor/markdown-it/LICENSE"
echo "markdown-it $MARKDOWN_IT (npm: dist/browser/markdown-it.esm.min.mjs)" > "$vendor/markdown-it/VERSION"

# markdown-it-emoji: its ES modules (relative imports only) and the full emoji table.
unpack markdown-it-emoji "$MARKDOWN_IT_EMOJI"
rm -rf "$vendor/markdown-it-emoji" && mkdir -p "$vendor/markdown-it-emoji"
src="$work/markdown-it-emoji/package"
cp -r "$src/lib" "$vendor/markdown-it-emoji/lib"
cp "$src/LICENSE" "$vendor/markdown-it-emoji/LICENSE"
echo "markdown-it-emoji $MARKDOWN_IT_EMOJI (npm: lib/*.mjs)" > "$vendor/markdown-it-emoji/VERSION"

# ts-mls: one ES module of ts-mls and its dependencies, for browsers and Node alike (docs/e2ee.md).
mkdir -p "$work/ts-mls" && (
  cd "$work/ts-mls"
  npm init -y >/dev/null
  npm install --silent --no-audit --no-fund "ts-mls@$TS_MLS" "@noble/curves@$NOBLE_CURVES" \
    "@noble/ciphers@$NOBLE_CIPHERS" "esbuild@$ESBUILD" >/dev/null
  echo 'export * from "ts-mls";' > entry.mjs
  npx esbuild entry.mjs --bundle --format=esm --platform=neutral --main-fields=module,main --target=es2022 \
    --legal-comments=eof --log-level=warning --outfile=ts-mls.esm.js
)
rm -rf "$vendor/ts-mls" && mkdir -p "$vendor/ts-mls"
cp "$work/ts-mls/ts-mls.esm.js" "$vendor/ts-mls/ts-mls.esm.js"
{
  for pkg in ts-mls @hpke/core @hpke/common @noble/curves @noble/hashes @noble/ciphers; do
    echo "== $pkg $(node -p "require('$work/ts-mls/node_modules/$pkg/package.json').version") =="
    cat "$work/ts-mls/node_modules/$pkg/LICENSE"*
    echo
  done
} > "$vendor/ts-mls/LICENSE"
echo "ts-mls $TS_MLS (npm; bundled with @hpke/core, @noble/curves $NOBLE_CURVES, @noble/ciphers $NOBLE_CIPHERS by esbuild $ESBUILD)" \
  > "$vendor/ts-mls/VERSION"

# qrcode-generator: its ES module (no imports), for safety numbers shown as QR codes. Its licence is in the file's
# header (MIT); the package has no LICENSE file of its own.
unpack qrcode-generator "$QRCODE_GENERATOR"
rm -rf "$vendor/qrcode-generator" && mkdir -p "$vendor/qrcode-generator"
src="$work/qrcode-generator/package"
cp "$src/dist/qrcode.mjs" "$vendor/qrcode-generator/qrcode.mjs"
sed -n '1,16p' "$src/dist/qrcode.mjs" | sed 's#^// \{0,1\}##' > "$vendor/qrcode-generator/LICENSE"
echo "qrcode-generator $QRCODE_GENERATOR (npm: dist/qrcode.mjs)" > "$vendor/qrcode-generator/VERSION"

# Check that what the client imports is there and has no bare imports the browser could not resolve.
for f in "$vendor/markdown-it/markdown-it.esm.min.mjs" "$vendor/markdown-it-emoji/lib/full.mjs" \
  "$vendor/ts-mls/ts-mls.esm.js" "$vendor/qrcode-generator/qrcode.mjs"; do
  test -s "$f" || { echo "missing: $f" >&2; exit 1; }
done
if grep -rEn "^import .* from ['\"][^./]" "$vendor" --include=*.mjs --include=*.js; then
  echo "a vendored module imports a bare specifier: the browser cannot load it without a build step" >&2
  exit 1
fi
echo "vendored into $vendor:"
cat "$vendor"/*/VERSION
