#!/usr/bin/env bash
# Set up everything Community Inbox needs on a fresh Debian/Ubuntu machine:
# system libraries for Qt, fonts for Arabic and emoji, a Secret Service and Xvfb
# for the tests, then a virtualenv in .venv with the pinned Python packages.
# Idempotent: a second run only checks. Usage: scripts/bootstrap.sh [--dev]
set -euo pipefail
cd "$(dirname "$0")/.."

DEBS=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4
      libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-xkb1 libxcb-shape0
      libdbus-1-3 libfontconfig1 fonts-noto-core fonts-noto-ui-core fonts-noto-color-emoji)
if [ "${1:-}" = "--dev" ]; then
  DEBS+=(xvfb xauth dbus dbus-x11 gnome-keyring libsecret-tools)
fi

missing=()
for pkg in "${DEBS[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
    echo "bootstrap: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  elif command -v apt-get >/dev/null && command -v sudo >/dev/null; then
    sudo apt-get update -qq
    sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "bootstrap: please install these system packages: ${missing[*]}" >&2
  fi
fi

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
hash=$(sha256sum pyproject.toml | cut -c1-16)
stamp=.venv/.installed-${1:+dev-}$hash
# a development install also serves the app; an app-only one does not serve the tests
if [ ! -f "$stamp" ] && [ ! -f ".venv/.installed-dev-$hash" ]; then
  .venv/bin/python -m pip install -q --upgrade pip
  if [ "${1:-}" = "--dev" ]; then
    .venv/bin/python -m pip install -q -e '.[dev]'
  else
    .venv/bin/python -m pip install -q -e .
  fi
  rm -f .venv/.installed-*
  touch "$stamp"
fi
