#!/usr/bin/env bash
# Set up everything tgdesk needs on a Debian machine, idempotently:
# the Debian packages Qt needs (plus, with --test, those the report tests use),
# the virtual environment in .venv/, and the locked Python packages.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

APT_QT=(libglib2.0-0 libegl1 libgl1 libx11-6 libx11-xcb1 libdbus-1-3 libfontconfig1
        libfreetype6 libxkbcommon0 fonts-dejavu-core libxkbcommon-x11-0 libxcb-cursor0
        libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 libxcb-render0
        libxcb-shape0 libxcb-util1 libxcb-xkb1 fonts-liberation2)
# the tests also build the frozen program (binutils for PyInstaller) and compile the
# Windows installer script (nsis)
APT_TEST=(poppler-utils libreoffice-writer-nogui xvfb xauth binutils nsis)

want=("${APT_QT[@]}")
if [[ "${1:-}" == "--test" ]]; then want+=("${APT_TEST[@]}"); fi

missing=()
for pkg in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  echo "tgdesk: cài gói hệ thống / installing Debian packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

PY="${PYTHON:-python3}"
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "tgdesk: cần Python 3.11 trở lên / Python 3.11+ is required" >&2
  exit 1
fi
if [[ ! -x .venv/bin/python ]]; then
  "$PY" -m venv .venv
fi
# The locks carry every wheel's sha256 (scripts/lock.sh writes them); the test set-up
# takes the development lock, a superset of the runtime lock at the same versions.
lock="requirements/runtime.txt"
if [[ "${1:-}" == "--test" ]]; then lock="requirements/dev.txt"; fi
stamp=".venv/.tgdesk-installed"
runtime_stamp="$(cat requirements/runtime.txt pyproject.toml | sha256sum | cut -d' ' -f1)"
want_stamp="$(cat "$lock" pyproject.toml | sha256sum | cut -d' ' -f1)"
# Either lock satisfies a plain start; only the development lock satisfies the tests.
if [[ ! -f "$stamp" ]] || ! grep -qx "$want_stamp" "$stamp"; then
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes -r "$lock"
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
  printf '%s\n' "$runtime_stamp" "$want_stamp" | sort -u > "$stamp"
fi
