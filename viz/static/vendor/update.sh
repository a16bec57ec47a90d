#!/usr/bin/env bash
# Re-fetch the vendored vis-network from the npm registry, keeping only what the pages need:
# the standalone UMD bundle (it carries vis-data and injects its own CSS) and the licence files.
#
#   viz/static/vendor/update.sh            # the pinned version below
#   viz/static/vendor/update.sh 10.1.6     # another version (then update docs/viz.md and the tests)
#
# npm checks the tarball against the registry's integrity hash; this script records that hash and
# the sha256 of the shipped file in vis-network/README.md, which tests/viz/test_assets.py checks.
set -euo pipefail
version="${1:-10.1.5}"
here="$(cd "$(dirname "$0")" && pwd)"
dest="$here/vis-network"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "vis-network@$version" >/dev/null)
integrity="$(cd "$work" && npm view "vis-network@$version" dist.integrity)"
tar -xzf "$work/vis-network-$version.tgz" -C "$work"
pkg="$work/package"

mkdir -p "$dest"
rm -f "$dest"/*
cp "$pkg/standalone/umd/vis-network.min.js" "$dest/"
cp "$pkg"/LICENSE* "$dest/"
sha="$(sha256sum "$dest/vis-network.min.js" | cut -d' ' -f1)"

cat > "$dest/README.md" <<NOTE
# vis-network (vendored)

- package: vis-network
- version: $version
- source: the npm registry, \`npm pack vis-network@$version\` (tarball integrity $integrity)
- file: standalone/umd/vis-network.min.js, the standalone UMD bundle: vis-network with vis-data,
  vis-util, Hammer.js, keycharm, component-emitter, uuid and parts of core-js bundled (each MIT or
  Apache-2.0; their banners stay in the file). It injects its own CSS, so no stylesheet is shipped.
- sha256: $sha
- licence: vis-network is dual licensed, Apache-2.0 OR MIT (LICENSE-APACHE-2.0, LICENSE-MIT here)

Inlined into every page that plangraph draws, so the pages work offline. Do not edit by hand:
re-run \`viz/static/vendor/update.sh [VERSION]\`.
NOTE
echo "vendored vis-network $version into $dest (sha256 $sha)"
