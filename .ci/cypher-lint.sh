#!/usr/bin/env bash
# Install Neo4j's Cypher grammar (pinned in .ci/cypher-lint/package-lock.json) for the tests that
# syntax-check every Cypher statement. Without node/npm, or when the install fails, those tests
# skip with a visible reason; the install is cached in the git-ignored .ci/cypher-lint/node_modules.
set -u
cd "$(dirname "$0")/cypher-lint"
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "note: node/npm not found, so the Cypher grammar checks will be skipped" >&2
  exit 0
fi
if [ -f node_modules/.package-lock.json ] && cmp -s package-lock.json .installed-lock 2>/dev/null; then
  exit 0
fi
if npm ci --no-audit --no-fund --loglevel=error >/dev/null 2>&1; then
  cp package-lock.json .installed-lock
else
  echo "note: npm ci failed in .ci/cypher-lint, so the Cypher grammar checks will be skipped" >&2
fi
exit 0
