"""Benchmark of package import (run by hand: .venv/bin/python bench/bench_exchange.py).

30 ward databases of one year each (demo data plus generated meetings, so that
the packages hold >= 100,000 records in all) export their year to one level
above, which imports the folder with progress; beside it, raw sqlite3 inserts
of the same rows into an empty database; then the same folder imported again.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path
from random import Random

from tgdesk.domain.period import Period
from tgdesk.services import exchange as ex
from tgdesk.services.context import open_context
from tgdesk.services.demo import load_demo
from tgdesk.store.db import sql_fold

WARDS = 30
EXTRA_MEETINGS = 3_200
TODAY = date(2026, 12, 31)


def _extra(db: Path, seed: int, n: int = EXTRA_MEETINGS) -> None:
    r = Random(seed)
    conn = sqlite3.connect(db)
    conn.create_function("tg_fold", 1, sql_fold, deterministic=True)
    rows = []
    for i in range(n):
        d = date(2026, 1, 1) + timedelta(days=r.randrange(360))
        rows.append((str(uuid.UUID(int=r.getrandbits(128), version=4)), d.isoformat(), "giao_ban",
                     f"Giao ban công tác tuyên giáo số {i}", "Hội trường", "Đồng chí Bí thư",
                     r.randrange(10, 80), r.randrange(0, 8),
                     "Nội dung giao ban tình hình tư tưởng và dư luận xã hội trên địa bàn.",
                     "thuong", "2026-12-01 08:00:00.000000", "2026-12-01 08:00:00.000000"))
    conn.executemany("INSERT INTO meeting (uuid, held_on, meeting_type, title, place, chaired_by, "
                     "attendance, contributions, contents, classification, created_at, "
                     "updated_at, deleted) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0)", rows)
    conn.commit()
    conn.close()


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description="Benchmark of package import.")
    ap.add_argument("--wards", type=int, default=WARDS, help=f"ward packages (default {WARDS})")
    ap.add_argument("--extra", type=int, default=EXTRA_MEETINGS,
                    help=f"generated meetings per ward on top of the demo year "
                         f"(default {EXTRA_MEETINGS})")
    args = ap.parse_args(argv)
    wards = args.wards
    root = Path(tempfile.mkdtemp(prefix="tgdesk-bench-"))
    today = lambda: TODAY  # noqa: E731
    template = root / "template.sqlite"
    open_context(template).close()
    upper_db = root / "upper" / "tgdesk.sqlite"
    upper_db.parent.mkdir()
    shutil.copy(template, upper_db)
    upper = open_context(upper_db, today=today)
    ex.init_unit(upper, "BAN TUYÊN GIÁO VÀ DÂN VẬN", "TỈNH ỦY", "Thành phố")
    ex.write_key_file(upper, root / "upper.key")
    out = root / "packages"
    out.mkdir()
    t0 = time.perf_counter()
    for w in range(wards):
        db = root / f"ward{w}" / "tgdesk.sqlite"
        db.parent.mkdir()
        shutil.copy(template, db)
        ctx = open_context(db, today=today)
        load_demo(ctx, years=1, seed=100 + w)
        ctx.close()
        _extra(db, w, args.extra)
        ctx = open_context(db, today=today)
        ex.write_key_file(ctx, root / f"ward{w}.key")
        ex.add_unit(ctx, root / "upper.key", "parent")
        ex.export_records(ctx, out / f"ward{w}.tgx", period=Period.parse("2026"))
        ctx.close()
        ex.add_unit(upper, root / f"ward{w}.key", "child")
        print(f"\rward databases and packages: {w + 1}/{wards}", end="", file=sys.stderr)
    print(file=sys.stderr)
    prep = time.perf_counter() - t0

    def progress(done, total, text):
        print(f"\r  [{done}/{total}] {text:<40}", end="", file=sys.stderr)

    t0 = time.perf_counter()
    first = ex.import_packages(upper, out, progress=progress)
    t_first = time.perf_counter() - t0
    print(file=sys.stderr)
    records = sum(s.added for s in first.summaries)
    t0 = time.perf_counter()
    again = ex.import_packages(upper, out, progress=progress)
    t_again = time.perf_counter() - t0
    print(file=sys.stderr)
    changed = sum(s.added + s.updated + s.deleted + s.conflicts for s in again.summaries)
    upper.close()

    # Raw sqlite3: the same rows, straight into an empty database (triggers included).
    raw_db = root / "raw.sqlite"
    shutil.copy(template, raw_db)
    src = sqlite3.connect(upper_db)
    tables = ["area", "cell", "party_document", "opinion_category", "person", "meeting",
              "study_session", "opinion_note"]
    data = {}
    for tname in tables:
        cols = [c[1] for c in src.execute(f"PRAGMA table_info({tname})")]
        data[tname] = (cols, src.execute(f"SELECT * FROM {tname} WHERE origin_unit_id IS NOT NULL"
                                         ).fetchall())
    data["study_document"] = (["study_id", "document_id"],
                              src.execute("SELECT * FROM study_document").fetchall())
    data["opinion_follow_up"] = ([c[1] for c in src.execute("PRAGMA table_info(opinion_follow_up)")],
                                 src.execute("SELECT * FROM opinion_follow_up").fetchall())
    src.close()
    dst = sqlite3.connect(raw_db)
    dst.create_function("tg_fold", 1, sql_fold, deterministic=True)
    dst.execute("PRAGMA journal_mode=WAL")
    dst.execute("PRAGMA synchronous=NORMAL")
    t0 = time.perf_counter()
    for tname, (cols, rows) in data.items():
        dst.executemany(f"INSERT INTO {tname} ({','.join(cols)}) VALUES "
                        f"({','.join('?' * len(cols))})", rows)
    dst.commit()
    t_raw = time.perf_counter() - t0
    dst.close()

    print(f"preparation ({wards} ward databases + exports): {prep:.1f} s")
    print(f"packages: {wards}, rows added on first import: {records:,}")
    print(f"first import (verify, decrypt, check, insert, one transaction): {t_first:.2f} s "
          f"({records / t_first:,.0f} rows/s)")
    print(f"raw sqlite3 executemany of the same rows: {t_raw:.2f} s  -> ratio "
          f"{t_first / t_raw:.1f}x (target <= 5x)")
    print(f"second import of the same packages: {t_again:.2f} s, rows changed: {changed} "
          f"(target: faster than the first, nothing changed)")
    shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
