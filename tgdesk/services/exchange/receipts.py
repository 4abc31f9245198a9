"""Receipts: after an import, the level above writes a signed receipt per
package; the ward checks it against its own record of the export."""

from __future__ import annotations

import base64
import json
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select

from tgdesk.domain import exchange as dx
from tgdesk.domain.roles import Permission
from tgdesk.store import tables as t

from ..context import Context
from ..errors import UserError
from ..files import make_folder, write_bytes
from .keys import identity_in
from .key_change import old_sign_keys
from .package import canonical

MAX_RECEIPT_BYTES = 1024 * 1024


def _signed_by(sig: bytes, signed: bytes, keys: list[bytes]) -> bool:
    """Whether one of ``keys`` (the unit's current key, then those it replaced:
    a receipt signed before a key change stays valid) made ``sig``."""
    for key in keys:
        try:
            Ed25519PublicKey.from_public_bytes(key).verify(sig, signed)
            return True
        except InvalidSignature:
            continue
    return False


def write_receipts(ctx: Context, package_ids: list[str], out_dir: Path) -> list[Path]:
    ctx.require(Permission.WRITE_RECORDS)
    out_dir = Path(out_dir)
    paths = []
    with ctx.reading() as session:
        me = identity_in(session, create=False)
        for pid in package_ids:
            p = session.scalars(select(t.ExchangePackageRow)
                                .where(t.ExchangePackageRow.package_uuid == pid)).first()
            unit = session.get(t.ExchangeUnitRow, p.unit_id)
            body = {"format": dx.RECEIPT_FORMAT, "version": dx.RECEIPT_VERSION,
                    "package_id": p.package_uuid, "package_sha256": p.sha256,
                    "receiver": {"unit_id": me.unit_uuid, "name": me.name},
                    "sender": {"unit_id": unit.uuid, "name": p.sender_name},
                    "period": p.period_code, "imported_at": p.imported_at.isoformat(),
                    "summary": json.loads(p.summary)}
            sig = Ed25519PrivateKey.from_private_bytes(me.sign_private).sign(canonical(body))
            body["signature"] = base64.b64encode(sig).decode()
            path = out_dir / f"bien-nhan-{p.package_uuid[:8]}.json"
            make_folder(out_dir, "biên nhận")
            text = json.dumps(body, ensure_ascii=False, indent=2)
            paths.append(write_bytes(path, text.encode("utf-8"), "biên nhận"))
    return paths


def check_receipt(ctx: Context, path: Path) -> str:
    """Verify a receipt from the level above and note it on the export."""
    ctx.require(Permission.WRITE_RECORDS)
    bad = f"Tệp “{path}” không phải biên nhận tgdesk hợp lệ."
    try:
        if Path(path).stat().st_size > MAX_RECEIPT_BYTES:
            raise UserError(bad)
        body = json.loads(Path(path).read_text(encoding="utf-8"))
        sig = base64.b64decode(body.pop("signature"), validate=True)
        if body.get("format") != dx.RECEIPT_FORMAT or body.get("version") != dx.RECEIPT_VERSION:
            raise UserError(bad)
        receiver = body["receiver"]["unit_id"]
        if not dx.is_uuid(receiver) or not dx.is_uuid(body.get("package_id")) \
                or not isinstance(body.get("summary", {}), dict):
            raise UserError(bad)
        signed = canonical(body)      # UnicodeEncodeError (a ValueError) for a lone surrogate
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:
        raise UserError(bad) from exc
    with ctx.transaction() as session:
        unit = session.scalars(select(t.ExchangeUnitRow)
                               .where(t.ExchangeUnitRow.uuid == receiver)).first()
        if unit is None:
            raise UserError("Biên nhận đến từ một đơn vị chưa đăng ký ở đây.")
        if not _signed_by(sig, signed, [unit.sign_public, *old_sign_keys(session, unit.id)]):
            raise UserError("Chữ ký của biên nhận không đúng; biên nhận không được công nhận.")
        export = session.scalars(select(t.ExchangeExportRow).where(
            t.ExchangeExportRow.package_uuid == body.get("package_id"))).first()
        if export is None or export.sha256 != body.get("package_sha256"):
            raise UserError("Biên nhận không khớp với gói nào đã xuất từ đơn vị này.")
        export.receipt_at = t.utcnow()
        export.receipt = json.dumps(body, ensure_ascii=False)
        s = body.get("summary", {})
        return (f"Biên nhận hợp lệ: {unit.name} đã nhập gói số {export.id} "
                f"({body.get('period') or export.kind}) lúc {body.get('imported_at')}: "
                f"thêm {s.get('added', 0)}, cập nhật {s.get('updated', 0)}, "
                f"xóa {s.get('deleted', 0)}, từ chối {s.get('refused', 0)}.")
