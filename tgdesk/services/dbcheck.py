"""Checking the data: SQLite's integrity check, the links between tables
(foreign keys), the search index against the records (it can be rebuilt), and
the report register (services/issuing.py ``register_check``)."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass, field

from sqlalchemy.exc import DBAPIError

from tgdesk import vnformat as vf
from tgdesk.domain.roles import Permission

from .context import Context

log = logging.getLogger(__name__)

# The record tables the search index (migration 0004; tgdesk/store/search.py) covers,
# with the columns whose text it holds. A migration that changes them changes this too.
SEARCH_SOURCES = {
    "meeting": ("hội nghị", ("title", "place", "chaired_by", "participants", "contents",
                             "conclusions")),
    "study_session": ("học tập", ("title", "speaker_name", "place", "note")),
    "opinion_note": ("ý kiến dư luận", ("summary", "proposal", "passed_to")),
}
RESTORE_ADVICE = ("Nên khôi phục từ bản sao lưu gần nhất còn tốt (trang “Sao lưu và khôi phục”, "
                  "hoặc lệnh: tgdesk backups, tgdesk restore TỆP).")


@dataclass
class CheckItem:
    name: str
    problems: list[str] = field(default_factory=list)     # found
    remaining: list[str] = field(default_factory=list)    # still there after any repair
    repaired: bool = False
    can_repair: bool = False

    @property
    def ok(self) -> bool:
        return not self.remaining

    def as_json(self) -> dict:
        return {"name": self.name, "ok": self.ok, "problems": self.problems,
                "repaired": self.repaired, "remaining": self.remaining}


@dataclass
class CheckReport:
    items: list[CheckItem] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(i.ok for i in self.items)

    def text(self) -> str:
        lines = []
        for item in self.items:
            if not item.problems:
                lines.append(f"✓ {item.name}: tốt.")
                continue
            mark = "✓" if item.ok else "✗"
            state = "đã sửa" if item.ok else ("còn lỗi" if item.repaired or not item.can_repair
                                              else "có lỗi")
            lines.append(f"{mark} {item.name}: {state}.")
            lines += [f"    – {p}" for p in (item.problems if item.ok else item.remaining)[:20]]
        lines += self.notes
        if self.ok:
            lines.append("Dữ liệu tốt." if not any(i.problems for i in self.items)
                         else "Đã sửa xong; dữ liệu tốt.")
        elif any(i.can_repair and not i.repaired and i.remaining for i in self.items):
            lines.append("Có lỗi sửa được: chạy lại với “Sửa” (lệnh: tgdesk check --repair).")
        return "\n".join(lines)

    def as_json(self) -> dict:
        return {"ok": self.ok, "items": [i.as_json() for i in self.items], "notes": self.notes}


# --- the checks -----------------------------------------------------------------

def _integrity(ctx: Context) -> list[str]:
    with ctx.engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check")]
    # SQLite 3.44+ also checks the FTS5 indexes here: those are the search index's
    # item below (rebuilt by a repair), not damage to the file.
    rows = [r for r in rows if not r.startswith("fts5:")]
    if rows in (["ok"], []):
        return []
    log.warning("integrity_check: %s", rows[:20])
    return [f"SQLite báo {vf.number(len(rows))} lỗi trong tệp (chi tiết trong nhật ký). "
            + RESTORE_ADVICE]


def _foreign_keys(ctx: Context) -> list[str]:
    with ctx.engine.connect() as conn:
        rows = list(conn.exec_driver_sql("PRAGMA foreign_key_check"))
    counts = Counter((r[0], r[2]) for r in rows)
    if rows:
        log.warning("foreign_key_check: %s", rows[:50])
    return [f"{vf.number(n)} dòng của bảng “{table}” trỏ tới dòng không còn trong bảng "
            f"“{parent}”." for (table, parent), n in sorted(counts.items())]


def _text(columns: tuple[str, ...], prefix: str = "") -> str:
    return " || ' ' || ".join(f"coalesce({prefix}{c}, '')" for c in columns)


def _search_index(ctx: Context) -> list[str]:
    """The search index against the records. The record tables are named ``main.``:
    for a person who may not read Mật records an unqualified name is a view of the
    others (store/db.py ``hide_classified``), and the Mật records' index entries
    would look superfluous (and say how many there are)."""
    problems = []
    with ctx.engine.connect() as conn:
        names = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')")}
        for table, (noun, columns) in SEARCH_SOURCES.items():
            fts = f"{table}_fts"
            head = f"Chỉ mục tìm kiếm {noun}"
            if fts not in names:
                problems.append(f"{head}: không có.")
                continue
            missing = [s for s in ("ai", "ad", "au") if f"{fts}_{s}" not in names]
            if missing:
                problems.append(f"{head}: thiếu {vf.number(len(missing))} trigger cập nhật.")
            try:
                if not getattr(ctx, "read_only", False):   # a command: needs a writable file
                    conn.exec_driver_sql(f"INSERT INTO {fts}({fts}) VALUES ('integrity-check')")
                text = _text(columns, "t.")
                lacking, extra, stale = conn.exec_driver_sql(
                    f"SELECT (SELECT count(*) FROM main.{table} t WHERE NOT EXISTS "
                    f"  (SELECT 1 FROM {fts} f WHERE f.rowid = t.id)), "
                    f" (SELECT count(*) FROM {fts} f WHERE NOT EXISTS "
                    f"  (SELECT 1 FROM main.{table} t WHERE t.id = f.rowid)), "
                    f" (SELECT count(*) FROM main.{table} t JOIN {fts} f ON f.rowid = t.id "
                    f"  WHERE f.exact IS NOT {text} OR f.folded IS NOT tg_fold({text}))"
                ).one()
            except DBAPIError as exc:
                log.warning("search index %s damaged: %s", fts, exc)
                problems.append(f"{head}: bị hỏng.")
                conn.rollback()
                continue
            finally:
                if conn.in_transaction():
                    conn.rollback()
            parts = [f"thiếu {vf.number(lacking)} bản ghi" if lacking else "",
                     f"thừa {vf.number(extra)} mục" if extra else "",
                     f"{vf.number(stale)} mục lệch nội dung" if stale else ""]
            if any(parts):
                problems.append(f"{head}: " + ", ".join(p for p in parts if p) + ".")
    return problems


def rebuild_search_index(ctx: Context) -> None:
    """Drop and recreate each search index and its triggers from the records: all
    of them, whoever signs in (``main.``, see _search_index; a trigger named in
    ``main`` is on the table, never on a view of it)."""
    with ctx.engine.begin() as conn:
        for table, (_noun, columns) in SEARCH_SOURCES.items():
            fts = f"{table}_fts"
            text, new = _text(columns), _text(columns, "NEW.")
            for suffix in ("ai", "ad", "au"):
                conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {fts}_{suffix}")
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {fts}")
            conn.exec_driver_sql(f"CREATE VIRTUAL TABLE {fts} USING fts5(folded, exact, "
                                 "tokenize = 'unicode61 remove_diacritics 0')")
            conn.exec_driver_sql(f"INSERT INTO {fts}(rowid, folded, exact) "
                                 f"SELECT id, tg_fold({text}), {text} FROM main.{table}")
            conn.exec_driver_sql(
                f"CREATE TRIGGER main.{fts}_ai AFTER INSERT ON {table} BEGIN "
                f"INSERT INTO {fts}(rowid, folded, exact) VALUES (NEW.id, tg_fold({new}), {new}); "
                "END")
            conn.exec_driver_sql(f"CREATE TRIGGER main.{fts}_ad AFTER DELETE ON {table} BEGIN "
                                 f"DELETE FROM {fts} WHERE rowid = OLD.id; END")
            conn.exec_driver_sql(
                f"CREATE TRIGGER main.{fts}_au AFTER UPDATE ON {table} BEGIN "
                f"DELETE FROM {fts} WHERE rowid = OLD.id; "
                f"INSERT INTO {fts}(rowid, folded, exact) VALUES (NEW.id, tg_fold({new}), {new}); "
                "END")


def _register(ctx: Context, repair: bool, notes: list[str]) -> CheckItem | None:
    try:
        from .issuing import register_check
    except ImportError:
        register_check = None
    if register_check is None:
        notes.append("(Sổ báo cáo đã ban hành: phiên bản này chưa có phép kiểm tra.)")
        return None
    item = CheckItem("Sổ báo cáo đã ban hành", can_repair=True)
    item.problems = list(register_check(ctx, repair))
    item.remaining = list(register_check(ctx, False)) if repair and item.problems \
        else list(item.problems)
    item.repaired = repair and bool(item.problems)
    return item


def check(ctx: Context, repair: bool = False) -> CheckReport:
    """Check the data; with ``repair``, rebuild what can be rebuilt (the search
    index, the register as issuing.register_check does) and check again (a repair is
    administration)."""
    if repair:
        ctx.require(Permission.ADMINISTER)
    report = CheckReport()
    integrity = _integrity(ctx)
    report.items.append(CheckItem("Tính toàn vẹn của tệp dữ liệu", integrity, list(integrity)))
    fks = _foreign_keys(ctx)
    report.items.append(CheckItem("Liên kết giữa các bảng", fks, list(fks)))
    index = CheckItem("Chỉ mục tìm kiếm", _search_index(ctx), can_repair=True)
    index.remaining = list(index.problems)
    if repair and index.problems and not integrity:
        rebuild_search_index(ctx)
        index.repaired = True
        index.remaining = _search_index(ctx)
    report.items.append(index)
    register = _register(ctx, repair and not integrity, report.notes)
    if register is not None:
        report.items.append(register)
    return report
