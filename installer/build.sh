#!/usr/bin/env bash
# Build the frozen tgdesk on Linux and check it; compile the Windows installer script.
#
#   bash installer/build.sh [--work DIR] [--runs N]
#
# 1. PyInstaller, installer/tgdesk.spec -> build/frozen/dist/tgdesk/ (tgdesk, tgdesk-cli)
# 2. installer/check_frozen.py: every data file in the bundle, UTF-8 mode, the smoke run
#    of tests/smoke.py on both programs (clean home, a work folder outside the
#    checkout), and start times beside `python -m tgdesk`
# 3. makensis installer/tgdesk.nsi with the Linux folder standing in for the payload
#    (-DEXE_SUFFIX= , uncompressed) -> build/tgdesk-VERSION-setup.exe; a broken
#    script fails here.
# Prints the build time and the folder's size. Any failure exits non-zero.
# Needs the venv (.venv, with PyInstaller from requirements/dev.txt) and the Debian
# packages binutils (PyInstaller's objdump) and nsis (makensis).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

WORK=""
RUNS=5
while (($#)); do
  case "$1" in
    --work) WORK="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    *) echo "build.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done

PY="$ROOT/.venv/bin/python"
for tool in objdump makensis; do
  if ! command -v "$tool" >/dev/null; then
    echo "build.sh: $tool is missing (apt-get install binutils nsis)" >&2
    exit 1
  fi
done
if [[ ! -x "$ROOT/.venv/bin/pyinstaller" ]]; then
  echo "build.sh: .venv/bin/pyinstaller is missing (pip install -r requirements/dev.txt)" >&2
  exit 1
fi

OUT="$ROOT/build/frozen"
DIST="$OUT/dist/tgdesk"
VERSION="$("$PY" -c 'import tgdesk; print(tgdesk.__version__)')"

echo "== PyInstaller (tgdesk $VERSION)"
started=$(date +%s.%N)
"$ROOT/.venv/bin/pyinstaller" --noconfirm --clean --log-level WARN \
  --distpath "$OUT/dist" --workpath "$OUT/work" installer/tgdesk.spec
finished=$(date +%s.%N)
build_time=$(awk -v a="$started" -v b="$finished" 'BEGIN { printf "%.1f", b - a }')

echo "== check and smoke run"
if [[ -z "$WORK" ]]; then
  WORK="$(mktemp -d "${TMPDIR:-/tmp}/tgdesk-frozen.XXXXXX")"
  trap 'rm -rf "$WORK"' EXIT
fi
case "$WORK" in
  "$ROOT"|"$ROOT"/*) echo "build.sh: the work folder must be outside the checkout" >&2; exit 2 ;;
esac
"$PY" installer/check_frozen.py --dist "$DIST" --work "$WORK" --runs "$RUNS"

echo "== makensis (Linux build as stand-in payload)"
SETUP="$ROOT/build/tgdesk-$VERSION-setup.exe"
makensis -V2 -WX -INPUTCHARSET UTF8 -DVERSION="$VERSION" -DPAYLOAD="$DIST" \
  -DEXE_SUFFIX= -DFAST -DOUTFILE="$SETUP" installer/tgdesk.nsi
test -s "$SETUP"

echo
echo "build time:   ${build_time} s (PyInstaller, --clean)"
echo "folder size:  $(du -sh "$DIST" | cut -f1) ($DIST)"
echo "installer:    $SETUP (compiled; uncompressed stand-in, $(du -sh "$SETUP" | cut -f1))"
