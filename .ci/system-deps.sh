#!/usr/bin/env bash
# Debian packages some tests need. Installed with apt-get when running as root;
# otherwise the tests that need them skip with a visible reason.
set -u
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -x /usr/bin/virtuoso-t ] || need+=(virtuoso-opensource)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
if [ "$(id -u)" != "0" ]; then
  echo "note: not root, so not installing ${need[*]}; the tests that need them will be skipped" >&2
  exit 0
fi
echo "installing Debian packages: ${need[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
if ! { apt-get update -qq >/dev/null && apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null 2>&1; }; then
  echo "note: apt-get could not install ${need[*]}; the tests that need them will be skipped" >&2
fi
exit 0
