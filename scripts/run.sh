#!/usr/bin/env bash
# Start tgdesk (sets up the machine on first use). Arguments go to tgdesk:
#   bash scripts/run.sh                 the window, on the default database
#   bash scripts/run.sh demo            load demo data into the default database
#   bash scripts/run.sh --db F.sqlite   another database
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/bootstrap.sh"
exec "$ROOT/.venv/bin/tgdesk" "$@"
