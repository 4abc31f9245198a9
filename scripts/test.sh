#!/usr/bin/env bash
# Run the whole test suite (sets up the machine on first use).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh" --test
cd "$ROOT"
export QT_QPA_PLATFORM=offscreen
.venv/bin/lint-imports
set +e
.venv/bin/python -m pytest "$@"
rc=$?
set -e
if [[ $rc -eq 5 ]]; then echo "tgdesk: no test was collected" >&2; exit 1; fi
exit $rc
