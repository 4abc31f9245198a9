#!/usr/bin/env bash
# Write the dependency locks from pyproject.toml with uv (pinned in the dev extra):
#   requirements/runtime.txt  what the program needs to run (the wheel, the frozen build)
#   requirements/dev.txt      that plus the test and build tools, at the same versions
# Both are universal (one file for Linux, Windows and macOS, with platform markers such as
# colorama on Windows) and carry every wheel's sha256, so pip installs them with
# --require-hashes. Run after changing a dependency in pyproject.toml; commit both files.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
UV="${UV:-.venv/bin/uv}"
common=(--universal --generate-hashes --python-version 3.11 --quiet
        --custom-compile-command "bash scripts/lock.sh")
"$UV" pip compile pyproject.toml "${common[@]}" -o requirements/runtime.txt
"$UV" pip compile pyproject.toml --extra dev -c requirements/runtime.txt "${common[@]}" \
    -o requirements/dev.txt
# The locks must name no package index (no registry address in a committed file).
if grep -nE '^-(-index-url|-extra-index-url|-find-links|i |f )|https?://' requirements/*.txt; then
  echo "lock.sh: a lock names an index or an address" >&2
  exit 1
fi
echo "lock.sh: requirements/runtime.txt and requirements/dev.txt written"
