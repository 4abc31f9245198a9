"""The encrypted database beside the plain one (issue 12, item 1; run by hand,
prints figures, asserts nothing):

    .venv/bin/python bench/bench_encrypted.py [--db FILE] [--repeat N]

Takes a demo database (default: builds ``demo --years 5 --scale 4``, or a copy of
``--db``), makes an encrypted copy of it (``db_keys.protect``), and times on each,
in the same run: the opinions list's first page (ids + rows of 100), all ids
counted, a search's first page ("dat dai"), the yearly work report built and
rendered to DOCX and PDF, and an Excel import of a quarter's propaganda activities
(preview and commit). Medians of ``--repeat`` runs; the ratio is encrypted / plain
(goal ≤ 1.3). Twice: cold (connections closed before each run, as a command's first
query: every page read is decrypted) and warm (connections kept, as in the window).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tgdesk.domain.filters import ListFilter  # noqa: E402
from tgdesk.domain.period import Period  # noqa: E402
from tgdesk.services import db_keys, issuing, lists, passwords  # noqa: E402
from tgdesk.services.context import open_context  # noqa: E402
from tgdesk.services.excel.record_export import export_record_list  # noqa: E402
from tgdesk.services.excel.record_import import (commit_record_import,  # noqa: E402
                                                 preview_record_import)

PASSWORD = "bench-mat-khau-1"


def _pair(steps: dict, repeat: int, cold: bool) -> dict[str, tuple[float, float, int]]:
    """Each step on the plain and the encrypted database in turn (ABAB…: a busy
    machine slows both alike), ``repeat`` times each; medians."""
    out = {}
    for key, (plain, enc) in steps.items():
        times: tuple[list, list] = ([], [])
        for _ in range(repeat):
            for i, (ctx, fn) in enumerate((plain, enc)):
                if cold:
                    ctx.engine.dispose()
                t0 = time.perf_counter()
                fn()
                times[i].append(time.perf_counter() - t0)
        out[key] = (statistics.median(times[0]), statistics.median(times[1]), repeat)
    return out


def steps_for(ctx, work: Path) -> dict:
    """The measured work on one database (``cold``: see ``_pair``)."""
    flt, sflt = ListFilter(), ListFilter(search="dat dai")
    year = ctx.today().year
    xlsx = work / "activities.xlsx"
    quarter = Period.quarter(year, 1)
    export_record_list(ctx, "propaganda", xlsx, ListFilter(date_from=quarter.start,
                                                           date_to=quarter.end),
                       include_classified=True)

    def do_import():
        preview = preview_record_import(ctx, "propaganda", xlsx)
        commit_record_import(ctx, "propaganda", preview, keep_duplicates=True)
    return {
        "opinions list, first page (100)": lambda: lists.rows(
            ctx, "opinions", lists.ranked_ids(ctx, "opinions", flt, limit=100)[0]),
        "opinions, all ids": lambda: lists.record_ids(ctx, "opinions", flt),
        "search “dat dai”, first page": lambda: lists.rows(
            ctx, "opinions", lists.ranked_ids(ctx, "opinions", sflt, limit=100)[0]),
        "yearly report, DOCX + PDF": lambda: issuing.export_draft(
            ctx, "work", Period.year(year), work / "r"),
        "Excel import of a quarter's activities": do_import,
    }


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--db")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    passwords.COST = passwords.Cost(8 * 1024, 1, 1)     # sign-in cost is not measured here
    work = Path(tempfile.mkdtemp(prefix="tgbench-enc-"))
    plain = work / "plain" / "tg.sqlite"
    enc = work / "enc" / "tg.sqlite"
    plain.parent.mkdir()
    enc.parent.mkdir()
    if args.db:
        shutil.copy(args.db, plain)
    else:
        from tgdesk.services.demo import load_demo
        ctx = open_context(plain)
        load_demo(ctx, years=5, seed=1, scale=4)
        ctx.close()
    shutil.copy(plain, enc)
    ctx = open_context(enc)
    db_keys.protect(ctx, "bench", "Bench", PASSWORD)
    ctx.close()
    keys, login = db_keys.unlock(enc, db_keys.Secret(PASSWORD))
    ctxs = []
    for path in (plain, enc):
        ctx = open_context(path, today=lambda: date(2026, 11, 30))
        (path.parent / "r").mkdir(exist_ok=True)
        ctxs.append(ctx)
    db_keys.after_open(ctxs[1], keys, login)
    plain_steps, enc_steps = (steps_for(c, p.parent) for c, p in zip(ctxs, (plain, enc)))
    steps = {k: ((ctxs[0], plain_steps[k]), (ctxs[1], enc_steps[k])) for k in plain_steps}
    print(f"database: {plain.stat().st_size / 1e6:.1f} MB; medians of {args.repeat} runs each, "
          "plain and encrypted in turn")
    for cold in (True, False):
        results = _pair(steps, args.repeat, cold)
        print()
        print("cold: connections closed before each run (a command's first query)" if cold
              else "warm: connections kept (the window)")
        print("| measure | plain | encrypted | ratio (goal ≤ 1.3) | runs |")
        print("|---|---|---|---|---|")
        for key, (p, e, n) in results.items():
            print(f"| {key} | {p * 1000:.1f} ms | {e * 1000:.1f} ms | {e / p:.2f}× | {n} |")
    for ctx in ctxs:
        ctx.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
