"""Importing packages: one file or a folder; every package is checked first
(structure, limits, signature, recipient, hashes, decryption), then all trusted
packages are applied in ONE transaction after a backup copy of the database.
A dry run applies them the same way and rolls back, so its figures are exact.

One bad row is refused with its reason; only a package that cannot be trusted
is refused whole. A new record (a UUID not seen before) that says what a record
the same unit sent before says is a likely duplicate (exchange/duplicates.py),
skipped unless kept.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from tgdesk.domain import exchange as dx
from tgdesk.domain.exchange import Action, Local, PackageError, Refusal, UnitSummary
from tgdesk.domain.roles import Permission
from tgdesk.store import audit as store_audit
from tgdesk.store import tables as t

from ..context import Context
from ..duplicates import Duplicate, RecordFinder
from ..errors import UserError, os_reason
from .duplicates import Screen
from .import_report import ImportReport
from .key_change import decrypt_for_me, verify_sender
from .keys import identity_in
from .package import Opened, open_package
from .records import SPECS, Incoming, Refused, read_row
from .settings_check import settings_problem
from .units import members_of

Progress = Callable[[int, int, str], None]
CHUNK = 500


@dataclass
class Trusted:
    path: Path
    opened: Opened
    content: dict
    unit_id: int


def _files(path: Path) -> list[Path]:
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix.lower() == ".tgx" and p.is_file())
        if not files:
            raise UserError(f"Thư mục “{path}” không có tệp gói .tgx nào.")
        return files
    if not path.is_file():
        raise UserError(f"Không tìm thấy tệp “{path}”.")
    return [path]


def check_content(m: dx.Manifest, content: dict) -> None:
    """The decrypted content matches what the signed manifest announced."""
    allowed = dx.ALL_KINDS if m.kind == dx.KIND_RECORDS else dx.DOWNWARD_KINDS + ("settings",)
    for kind, rows in content.items():
        if kind not in allowed or not isinstance(rows, dict):
            raise PackageError(f"Nội dung gói có phần “{str(kind)[:40]}” không hợp lệ với loại "
                               "gói; gói bị từ chối.")
    from .export import counts_of
    if counts_of(content) != {k: c for k, c in m.counts.items() if k in content} or \
            any(k not in content and (c.get("records") or 0) for k, c in m.counts.items()):
        raise PackageError("Số bản ghi trong gói không khớp với tệp kê khai; gói bị từ chối.")


def read_trusted(session: Session, path: Path, my_uuid: str) -> Trusted:
    """Everything that decides whether a package can be trusted; PackageError if not."""
    try:
        size = path.stat().st_size
        if size > dx.MAX_FILE_BYTES:
            raise PackageError("Tệp gói quá lớn; gói bị từ chối.")
        data = path.read_bytes()
    except OSError as exc:
        raise PackageError(f"Không đọc được tệp: {os_reason(exc)}.") from exc
    opened = open_package(data)
    m = opened.manifest
    sender = session.scalars(select(t.ExchangeUnitRow)
                             .where(t.ExchangeUnitRow.uuid == m.sender_id)).first()
    if sender is None:
        raise PackageError(f"Đơn vị gửi “{m.sender_name[:80]}” chưa được đăng ký ở đây. Hãy nhận "
                           "tệp khóa của đơn vị đó và chạy: tgdesk units add TỆP.key --as child")
    verify_sender(session, opened, sender)
    if m.created_at > t.utcnow() + dx.CLOCK_TOLERANCE:
        raise PackageError(f"Gói ghi thời điểm lập {m.created_at:%d/%m/%Y %H:%M}, sau thời điểm "
                           "hiện tại của máy này: đồng hồ của máy gửi (hoặc của máy này) bị sai; "
                           "gói bị từ chối.")
    if m.recipient_id != my_uuid:
        raise PackageError(f"Gói này gửi cho đơn vị khác (“{m.recipient_name[:80]}”), không "
                           "phải đơn vị này.")
    if m.kind == dx.KIND_RECORDS and sender.relation != "child":
        raise PackageError("Gói số liệu chỉ được nhận từ đơn vị cấp dưới.")
    if m.kind == dx.KIND_CATALOGUE and sender.relation != "parent":
        raise PackageError("Gói danh mục chỉ được nhận từ cấp trên.")
    content = decrypt_for_me(session, opened)
    check_content(m, content)
    return Trusted(path, opened, content, sender.id)


def import_packages(ctx: Context, path: Path, dry_run: bool = False,
                    progress: Progress | None = None,
                    keep_duplicates: bool = False) -> ImportReport:
    """Import one ``.tgx`` file or every ``.tgx`` file of a folder.

    A single file that cannot be trusted raises UserError (nothing changes);
    in a folder such files are listed as refused and the others imported.
    Likely duplicates are listed in ``report.duplicates`` and skipped unless
    ``keep_duplicates``. A dry run too needs the right to write records: it
    applies the packages in a transaction it then rolls back.
    """
    ctx.require(Permission.WRITE_RECORDS)
    files = _files(path)
    report = ImportReport(dry_run, kept_duplicates=keep_duplicates)
    say = progress or (lambda done, total, text: None)
    trusted: list[Trusted] = []
    with ctx.reading() as session:
        my_uuid = identity_in(session, create=False).unit_uuid
        for n, f in enumerate(files):
            say(n, len(files), f"Kiểm tra {f.name}")
            try:
                trusted.append(read_trusted(session, f, my_uuid))
            except PackageError as exc:
                if len(files) == 1:
                    raise UserError(f"Gói “{f.name}” bị từ chối: {exc}") from exc
                report.refused_packages.append((f.name, str(exc)))
    if not trusted:
        return report
    session = ctx.write_sessions()      # BEGIN IMMEDIATE: the write lock from the start
    try:
        session.begin()
        changes = session.connection().connection.driver_connection.total_changes
        for n, pkg in enumerate(trusted):
            say(n, len(trusted), f"Nhập {pkg.path.name}")
            found: list[Duplicate] = []
            report.summaries.append(apply_package(session, pkg, ctx.today(), found,
                                                  keep_duplicates))
            report.duplicates.append(found)
            report.package_ids.append(pkg.opened.manifest.package_id)
        if dry_run:
            session.rollback()
        else:
            # a copy only when the import writes; it sees the data before it
            if session.connection().connection.driver_connection.total_changes != changes:
                report.backup = ctx.backup("truoc-nhap-goi")
            session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
    say(len(trusted), len(trusted), "Xong")
    return report


# --- applying one package -------------------------------------------------------

def _chunks(items: list, n: int = CHUNK):
    for i in range(0, len(items), n):
        yield items[i:i + n]


def _locals(session: Session, kind: str, uuids: list[str]) -> dict[str, tuple]:
    tbl = SPECS[kind].table
    out = {}
    for part in _chunks(uuids):
        for r in session.execute(select(tbl.c.uuid, tbl.c.id, tbl.c.updated_at, tbl.c.deleted,
                                        tbl.c.origin_unit_id).where(tbl.c.uuid.in_(part))):
            out[r[0]] = tuple(r[1:])
    return out


def _seen(session: Session, uuids: list[str]) -> dict[str, tuple[int, datetime]]:
    e = t.ExchangeRecordRow
    out = {}
    for part in _chunks(uuids):
        for u, unit, when in session.execute(select(e.uuid, e.unit_id, e.their_updated_at)
                                             .where(e.uuid.in_(part))):
            out[u] = (unit, when)
    return out


def apply_package(session: Session, pkg: Trusted, today, found: list[Duplicate] | None = None,
                  keep_duplicates: bool = False) -> UnitSummary:
    """Apply one trusted package; its likely duplicates go to ``found``."""
    m = pkg.opened.manifest
    sender = session.get(t.ExchangeUnitRow, pkg.unit_id)
    summary = UnitSummary(unit_name=m.sender_name, package=m.label)
    prow = session.scalars(select(t.ExchangePackageRow).where(
        t.ExchangePackageRow.package_uuid == m.package_id)).first()
    if prow is not None:
        summary.already_imported = True
    else:
        prow = t.ExchangePackageRow(package_uuid=m.package_id, kind=m.kind, unit_id=sender.id,
                                    sender_name=m.sender_name, period_code=m.period_code,
                                    created_at=m.created_at, sha256=pkg.opened.sha256)
        session.add(prow)
        session.flush()
    origin = sender.id if m.kind == dx.KIND_RECORDS else None
    # The same UUID under two kinds: neither can be taken.
    seen_kind: dict[str, str] = {}
    clash: set[str] = set()
    for kind, rows in pkg.content.items():
        if kind == "settings":
            continue
        for u in rows:
            if u in seen_kind:
                clash.add(u)
            seen_kind[u] = kind
    ids: dict[str, dict[str, int]] = {k: {} for k in dx.CATALOGUE_KINDS}
    # Duplicates are looked for among what this unit (and units merged into it) sent.
    dups = Screen(RecordFinder(session, members_of(session, sender.id), within=False),
                  [] if found is None else found, keep_duplicates)
    for kind in dx.ALL_KINDS:
        if kind in pkg.content:
            _apply_kind(session, kind, pkg.content[kind], sender.id, prow.id, origin, ids,
                        clash, summary, today, m.created_at + dx.CLOCK_TOLERANCE, dups)
    if m.kind == dx.KIND_CATALOGUE:
        _apply_settings(session, pkg.content.get("settings", {}), summary)
    if not summary.already_imported:
        prow.summary = json.dumps({**summary.counts(), "refused_rows": [
            {"kind": r.kind, "uuid": r.uuid, "reason": r.reason} for r in summary.refused]},
            ensure_ascii=False)
    session.flush()
    if not summary.already_imported:
        # bulk inserts above bypass the audit hook: one entry says what the package brought
        store_audit.append(session, [store_audit.event_entry(
            "import", "exchange_package",
            {"source": "gói dữ liệu", "package": m.package_id, "from": m.sender_name,
             "period": m.period_code, **summary.counts()}, store_audit.actor_of(session),
            m.package_id)])
    return summary


def _apply_kind(session: Session, kind: str, rows: dict, unit_id: int, package_id: int,
                origin: int | None, ids: dict, clash: set, summary: UnitSummary, today,
                latest: datetime | None = None, dups: Screen | None = None) -> None:
    spec = SPECS[kind]
    tbl = spec.table
    uuids = list(rows)
    valid = [u for u in uuids if dx.is_uuid(u)]      # only these are looked up
    local = _locals(session, kind, valid)
    seen = _seen(session, valid)
    catalogue = kind in dx.CATALOGUE_KINDS
    adds: list[Incoming] = []
    changes: list[tuple[Incoming, int]] = []
    state: list[Incoming] = []
    conflicts: list[tuple[Incoming, dict]] = []
    for u in uuids:
        raw = rows[u]
        try:
            if not dx.is_uuid(u):
                raise Refused("mã (UUID) không hợp lệ")
            if u in clash:
                raise Refused("cùng một mã (UUID) xuất hiện ở hai loại bản ghi trong gói")
            inc = read_row(spec, u, raw, ids, today, latest)
        except Refused as exc:
            summary.refused.append(Refusal(kind, str(u)[:40], str(exc)))
            continue
        loc = local.get(u)
        s = seen.get(u)
        info = None if loc is None else Local(loc[1], bool(loc[2]), loc[3],
                                              s[0] if s else None, s[1] if s else None)
        action, reason = dx.decide(unit_id, inc.updated_at, inc.deleted, info, catalogue)
        if catalogue and loc is not None and action is not Action.REFUSE:
            ids[kind][u] = loc[0]
        if action is Action.ADD:
            adds.append(inc)
        elif action in (Action.UPDATE, Action.DELETE):
            changes.append((inc, loc[0]))
            if action is Action.DELETE:
                summary.deleted += 1
            else:
                summary.updated += 1
        elif action is Action.CONFLICT:
            conflicts.append((inc, raw))
        elif action is Action.REFUSE:
            summary.refused.append(Refusal(kind, u, reason))
        else:
            summary.unchanged += 1
    if dups is not None and origin is not None:
        adds = dups.screen(kind, adds, [loc[0] for loc in local.values()])
    if adds:
        params = []
        for inc in adds:
            p = dict(inc.values, uuid=inc.uuid, created_at=inc.created_at,
                     updated_at=inc.updated_at, deleted=inc.deleted, origin_unit_id=origin)
            params.append(p)
        new_ids = {}
        for part in _chunks(params, 2000):
            for rid, u in session.execute(insert(tbl).returning(tbl.c.id, tbl.c.uuid), part):
                new_ids[u] = rid
        summary.added += len(adds)
        if catalogue:
            ids[kind].update(new_ids)
        changes_all = [(inc, new_ids[inc.uuid]) for inc in adds]
        state += adds
    else:
        changes_all = []
    if changes:
        cols = list(changes[0][0].values) + ["updated_at", "created_at", "deleted"]
        stmt = update(tbl).where(tbl.c.id == bindparam("b__id")).values(
            {c: bindparam("b_" + c) for c in cols})
        params = []
        for inc, rid in changes:
            vals = dict(inc.values, updated_at=inc.updated_at, created_at=inc.created_at,
                        deleted=inc.deleted)
            params.append({"b__id": rid, **{"b_" + c: vals[c] for c in cols}})
        session.execute(stmt, params)
        state += [inc for inc, _ in changes]
        _children(session, kind, changes, replace=True)
    _children(session, kind, changes_all, replace=False)
    if state:
        e = t.ExchangeRecordRow.__table__
        ins = sqlite_insert(e)
        stmt = ins.on_conflict_do_update(index_elements=[e.c.uuid], set_={
            "unit_id": ins.excluded.unit_id, "package_id": ins.excluded.package_id,
            "their_updated_at": ins.excluded.their_updated_at, "kind": ins.excluded.kind})
        session.execute(stmt, [{"uuid": inc.uuid, "kind": kind, "unit_id": unit_id,
                                "package_id": package_id, "their_updated_at": inc.updated_at}
                               for inc in state])
    for inc, raw in conflicts:
        c = t.ExchangeConflictRow
        open_ = session.scalars(select(c).where(c.uuid == inc.uuid, c.status == "open")).first()
        if open_ is not None and open_.their_updated_at >= inc.updated_at:
            summary.unchanged += 1
            continue
        if open_ is None:
            open_ = c(uuid=inc.uuid, kind=kind, unit_id=unit_id, status="open")
            session.add(open_)
        open_.package_id, open_.their_updated_at = package_id, inc.updated_at
        open_.theirs = json.dumps(raw, ensure_ascii=False, sort_keys=True)
        summary.conflicts += 1
    session.flush()


def _children(session: Session, kind: str, pairs: list[tuple[Incoming, int]],
              replace: bool) -> None:
    """Study documents and opinion follow-up history of added or changed rows."""
    if not pairs or kind not in ("studies", "opinions"):
        return
    row_ids = [rid for _, rid in pairs]
    if kind == "studies":
        link = t.study_document
        if replace:
            for part in _chunks(row_ids):
                session.execute(delete(link).where(link.c.study_id.in_(part)))
        links = [{"study_id": rid, "document_id": d} for inc, rid in pairs for d in inc.documents]
        if links:
            session.execute(insert(link), links)
    else:
        f = t.FollowUpRow.__table__
        if replace:
            for part in _chunks(row_ids):
                session.execute(delete(f).where(f.c.opinion_id.in_(part)))
        hist = [dict(h, opinion_id=rid, uuid=t.new_uuid(), created_at=inc.updated_at,
                     updated_at=inc.updated_at, deleted=False)
                for inc, rid in pairs for h in inc.history]
        if hist:
            session.execute(insert(f), hist)


def _apply_settings(session: Session, settings: object, summary: UnitSummary) -> None:
    labels = {"report_deadlines": "hạn gửi báo cáo", "profile_overrides": "điều chỉnh thể thức"}
    if not isinstance(settings, dict):
        summary.refused.append(Refusal("settings", "-", "thiết lập không đúng cấu trúc"))
        return
    for key, value in settings.items():
        problem = ("thiết lập không được hỗ trợ hoặc sai dạng" if key not in dx.DOWNWARD_SETTINGS
                   else settings_problem(key, value))
        if problem:
            summary.refused.append(Refusal("settings", str(key)[:40], problem))
            continue
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        row = session.get(t.SettingRow, key)
        if row is not None and row.value == text:
            summary.unchanged += 1
            continue
        if row is None:
            session.add(t.SettingRow(key=key, value=text))
        else:
            row.value = text
        summary.settings_changed.append(labels[key])
        summary.updated += 1
