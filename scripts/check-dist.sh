#!/usr/bin/env bash
# Rebuilds dist/ and fails when the result differs from what git holds, in content or in mode (dist/cli.js is
# committed executable). Used by .ci/run and by the release workflow, so a tag can only release the bundle
# its source builds to.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build
if [ -n "$(git status --porcelain -- dist)" ]; then
  echo "dist/ is out of date with src/: run 'npm run build' and commit dist/." >&2
  git status --porcelain -- dist >&2
  git diff --stat -- dist >&2 || true
  exit 1
fi
