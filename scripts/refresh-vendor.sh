#!/usr/bin/env bash
# Refreshes the web client's vendored libraries under chat-gateway/.../webroot/vendor/ from the npm registry.
# The client has no build step: the browser loads these ES modules as they are (Content-Security-Policy
# script-src 'self' allows them, being served by the gateway). Each library keeps its LICENSE and a VERSION file.
#
#   scripts/refresh-vendor.sh                  # the versions pinned below
#   MARKDOWN_IT=15.0.3 scripts/refresh-vendor.sh
#
# Needs npm (only `npm pack`, which downloads a package's tarball; nothing is installed or run).
set -euo pipefail

MARKDOWN_IT="${MARKDOWN_IT:-15.0.3}"
MARKDOWN_IT_EMOJI="${MARKDOWN_IT_EMOJI:-3.1.0}"

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

# Check that what the client imports is there and has no bare imports the browser could not resolve.
for f in "$vendor/markdown-it/markdown-it.esm.min.mjs" "$vendor/markdown-it-emoji/lib/full.mjs"; do
  test -s "$f" || { echo "missing: $f" >&2; exit 1; }
done
if grep -rEn "^import .* from ['\"][^./]" "$vendor" --include=*.mjs; then
  echo "a vendored module imports a bare specifier: the browser cannot load it without a build step" >&2
  exit 1
fi
echo "vendored into $vendor:"
cat "$vendor"/*/VERSION
