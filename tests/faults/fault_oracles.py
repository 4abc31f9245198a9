"""What must hold after a killed or starved tgdesk command: the file passes
PRAGMA integrity_check, tgdesk opens it (open_context, which also runs the
recovery of an interrupted issue), and it holds all of the operation or none
of it. Each oracle returns ("none" | "all" | what it found, [problems])."""

from __future__ import annotations

from sqlcipher3 import dbapi2 as sqlite3  # the program's SQLite library (its locks)
import threading
from contextlib import closing, contextmanager
from pathlib import Path

from fault_data import DATA_TABLES, connect, counts, integrity, original_rows, revision, schema
from fault_harness import Run

from tgdesk.domain.period import Period
from tgdesk.services import issuing, register, stats
from tgdesk.services.context import open_context
from tgdesk.services.errors import UserError
from tgdesk.services.unit import get_unit
from tgdesk.store.migrate import head_revision

LEFTOVER = (".tmp", ".partial", ".part", "~")
# Alembic's `op` and `context` are process-wide proxies: two upgrades at once in
# this process (trials run in threads) would run on each other's connection.
_OPENING = threading.Lock()


class NotOpened(Exception):
    pass


@contextmanager
def opened(db: Path):
    """tgdesk opens the file (as a writer: migrations and recovery run) and
    reads a period's figures from it."""
    try:
        with _OPENING:
            ctx = open_context(db)
    except UserError as exc:
        raise NotOpened(f"tgdesk does not open it: {exc}") from exc
    try:
        stats.figures(ctx, Period.parse("2026-10"))
        yield ctx
    finally:
        ctx.close()


def common(db: Path, run: Run) -> list[str]:
    """A child neither killed nor starved of disk must have succeeded; the file
    as the child left it must be whole."""
    problems = []
    if not run.killed and not run.starved and run.returncode != 0:
        problems.append(f"not killed but failed: {run.brief()}")
    if db.exists():
        check = integrity(db)
        if check != "ok":
            problems.append(f"integrity_check as left: {check}")
    return problems


def after_open(db: Path) -> list[str]:
    check = integrity(db)
    problems = [] if check == "ok" else [f"integrity_check after reopening: {check}"]
    if revision(db) != head_revision():
        problems.append(f"after reopening at revision {revision(db)}, not {head_revision()}")
    return problems


def backups_whole(db: Path, expect: dict[str, int] | None = None) -> tuple[list[Path], list[str]]:
    """Every file named like a backup (backups/*.sqlite) is a whole database;
    with ``expect``, it also holds exactly those counts."""
    folder = db.parent / "backups"
    found = sorted(folder.glob("*.sqlite")) if folder.is_dir() else []
    problems = []
    for path in found:
        check = integrity(path)
        if check != "ok":
            problems.append(f"backup {path.name}: {check}")
        elif expect is not None and (got := counts(path, tuple(expect))) != expect:
            problems.append(f"backup {path.name} is not a whole copy: {_diff(expect, got)}")
    return found, problems


def _diff(want: dict[str, int], got: dict[str, int]) -> str:
    return ", ".join(f"{k} {got.get(k)}≠{v}" for k, v in want.items() if got.get(k) != v)


def guarded(check):
    """An oracle that cannot open the database reports it as a problem."""
    def wrapper(*args, **kwargs):
        try:
            return check(*args, **kwargs)
        except NotOpened as exc:
            return "not opened", [str(exc)]
        except (sqlite3.Error, OSError, UserError) as exc:
            return "error", [f"oracle: {type(exc).__name__}: {exc}"]
    return wrapper


# --- the scenarios' oracles ---------------------------------------------------------

@guarded
def first_open(db: Path, run: Run, unit: dict, clean_schema: set) -> tuple[str, list[str]]:
    problems = common(db, run)
    with opened(db) as ctx:
        saved = get_unit(ctx)
    problems += after_open(db)
    if schema(db) != clean_schema:
        problems.append(f"schema differs from a new database's: "
                        f"{sorted(schema(db) ^ clean_schema)[:6]}")
    if saved is None:
        return "none", problems
    got = {"name": saved.name, "parent_name": saved.parent_name, "place_name": saved.place_name}
    return ("all" if got == unit else f"unit {got}"), problems


@guarded
def upgrade(db: Path, runs: list[Run], before: dict, columns: dict, rows: dict,
            ) -> tuple[str, list[str]]:
    problems = []
    for run in runs:
        problems += common(db, run)
    left_at = revision(db)
    with opened(db):
        pass
    problems += after_open(db)
    if counts(db, tuple(before)) != before:
        problems.append(f"rows lost or added: {_diff(before, counts(db, tuple(before)))}")
    elif original_rows(db, columns) != rows:
        problems.append("rows of the first migration's tables changed")
    found, bad = backups_whole(db, before)
    problems += bad
    if len(found) > 1:
        problems.append(f"{len(found)} pre-upgrade backups after {len(runs)} attempts: "
                        f"{[p.name for p in found]}")
    outcome = {"0001": "none", head_revision(): "all"}.get(left_at, f"left at revision {left_at}")
    return outcome, problems


@guarded
def imported(db: Path, run: Run, before: dict, gains: dict) -> tuple[str, list[str]]:
    problems = common(db, run)
    with opened(db):
        pass
    problems += after_open(db)
    problems += backups_whole(db)[1]
    after = counts(db)
    whole = {t: n + gains.get(t, 0) for t, n in before.items()}
    if after == before:
        return "none", problems
    if after == whole:
        return "all", problems
    return f"part of the import: {_diff(before, after)}", problems


@guarded
def issued(db: Path, run: Run, out: Path, before_ids: set[int], other: Path,
           ) -> tuple[str, list[str]]:
    """The register (after recovery) and the folder agree: each number issued by
    the command has its files there, byte for byte as stored; nothing else."""
    problems = common(db, run)
    with opened(db) as ctx:
        entries = register.issued_reports(ctx)
        new = [e for e in entries if e.id not in before_ids]
        expected: dict[str, bytes] = {}
        for entry in new:
            folder = other / str(entry.id)
            for path in issuing.export_issued(ctx, entry.id, folder, ("docx", "pdf")):
                expected[path.name] = path.read_bytes()
    problems += after_open(db)
    with closing(connect(db)) as conn:
        pending = conn.execute("SELECT count(*) FROM report WHERE status NOT IN "
                               "('issued', 'draft')").fetchone()[0]
    if pending:
        problems.append(f"{pending} report(s) neither issued nor draft after reopening")
    numbers = [(e.number, str(e.issued_on)) for e in entries]
    if len({e.number for e in entries}) != len(entries):
        problems.append(f"numbers not unique: {sorted(numbers)}")
    present = sorted(p.name for p in out.iterdir()) if out.is_dir() else []
    if sorted(expected) != present:
        problems.append(f"register {sorted(expected)} but folder holds {present}")
    for name, data in expected.items():
        if (out / name).is_file() and (out / name).read_bytes() != data:
            problems.append(f"{name} differs from the stored report")
    leftovers = [n for n in present if n.endswith(LEFTOVER) or n.startswith(".")]
    if leftovers:
        problems.append(f"temporary files left: {leftovers}")
    outcome = {0: "none", 1: "all"}.get(len(new), f"{len(new)} reports issued")
    return outcome, problems


@guarded
def backed_up(db: Path, run: Run, before: dict) -> tuple[str, list[str]]:
    problems = common(db, run)
    found, bad = backups_whole(db, before)
    problems += bad
    with opened(db):
        pass
    problems += after_open(db)
    if counts(db, tuple(before)) != before:
        problems.append(f"the live database changed: {_diff(before, counts(db, tuple(before)))}")
    outcome = {0: "none", 1: "all"}.get(len(found), f"{len(found)} backups from one command")
    return outcome, problems


@guarded
def restored(db: Path, run: Run, live: dict, backup: dict, source: Path,
             ) -> tuple[str, list[str]]:
    problems = common(db, run)
    if integrity(source) != "ok" or counts(source, tuple(backup)) != backup:
        problems.append("the backup restored from was damaged")
    problems += backups_whole(db)[1]
    with opened(db):
        pass
    problems += after_open(db)
    now = counts(db, tuple(live))
    if now == live:
        return "none", problems
    if now == backup:
        return "all", problems
    return f"neither the old data nor the backup's: {_diff(live, now)}", problems


def fingerprint(db: Path) -> dict[str, int]:
    """The counts that tell the contents apart (records, catalogues, reports)."""
    return counts(db, (*DATA_TABLES, "report"))


ENCRYPT_PASSWORD = "mat-khau-don-vi-1"
PLAIN_WORDS = ("Khu phố".encode(), "Nhân dân".encode())


def _plain_text_in(path: Path) -> bool:
    data = path.read_bytes() if path.exists() else b""
    return any(w in data for w in PLAIN_WORDS)


@guarded
def encrypted(db: Path, run: Run, before: dict) -> tuple[str, list[str]]:
    """``encrypt`` killed: with no key file beside it the database is plain and
    as before (*none*); with one, the password unlocks it (finishing a
    conversion cut off after the key file) and it is encrypted, nothing readable
    in it, its WAL or any backup, with every record (*all*)."""
    from tgdesk.services import db_keys
    from tgdesk.store import driver
    keyed = db_keys.is_encrypted(db)
    try:
        if keyed:
            db_keys.unlock(db, db_keys.Secret(ENCRYPT_PASSWORD))
        problems = common(db, run)
        with opened(db) as ctx:
            if keyed:
                keys, _login = db_keys.unlock(db, db_keys.Secret(ENCRYPT_PASSWORD))
                db_keys.after_open(ctx, keys, None)        # plain copies left: encrypted
        _found, bad = backups_whole(db)
        problems += bad + after_open(db)
        if counts(db, tuple(before)) != before:
            problems.append(f"records changed: {_diff(before, counts(db, tuple(before)))}")
        if keyed:
            for path in [db, Path(f"{db}-wal"), *sorted((db.parent / "backups").glob("*.sqlite"))]:
                if _plain_text_in(path):
                    problems.append(f"plain text left in {path.name}")
        elif not _plain_text_in(db):
            problems.append("no key file, yet the database is not plain")
        return ("all" if keyed else "none"), problems
    finally:
        driver.forget_key([db, db.parent / "backups"])
