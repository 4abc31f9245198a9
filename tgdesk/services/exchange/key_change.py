"""A unit's key change (issue 12, item 4).

The unit makes a new key pair and writes a key-change file: its unit UUID, the
fingerprint of the key pair it replaces and the new public keys, signed with
the OLD signing key (so only the holder of the registered key can change it)
and with the NEW one (so it holds the new private key). Its old key pair is
kept (``exchange_old_key``, this unit's own row keeps the private decryption
key for packages already on their way to it).

The other unit (the level above, or a ward receiving its parent's change)
reads the file: the signatures are checked against the key registered for
that unit and the new key; the registered keys become the new ones and the old
public keys are kept to verify what was signed before (receipts). From then on
a package signed with the old key is refused, saying so.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from tgdesk.domain import exchange as dx
from tgdesk.domain.exchange import PackageError
from tgdesk.domain.roles import Permission
from tgdesk.store import tables as t

from ..context import Context
from ..errors import UserError, os_reason
from ..files import write_bytes
from .keys import identity_in
from .package import b64, canonical, decrypt_content, unb64, verify_signature

CHANGE_FORMAT = "tgdesk-key-change"
CHANGE_VERSION = 1
MAX_FILE = 64 * 1024


@dataclass(frozen=True)
class KeyChange:
    unit_uuid: str
    name: str
    old_fingerprint: str
    new_fingerprint: str
    changed_at: str


def _sign_public(private: bytes) -> bytes:
    return Ed25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def _box_public(private: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes_raw()


def change_keys(ctx: Context, out: Path) -> KeyChange:
    """Make this unit's new key pair and write the key-change file to ``out``:
    both or neither (a file that cannot be written leaves the keys as they were)."""
    ctx.require(Permission.ADMINISTER)
    out = Path(out)
    written = False
    try:
        with ctx.transaction() as session:
            ident = identity_in(session, create=False)
            row = session.scalars(select(t.ExchangeIdentityRow)
                                  .order_by(t.ExchangeIdentityRow.id)).first()
            session.add(t.ExchangeOldKeyRow(
                unit_id=None, sign_public=ident.sign_public, box_public=ident.box_public,
                box_private=ident.box_private, fingerprint=ident.fingerprint))
            new_sign = Ed25519PrivateKey.generate().private_bytes_raw()
            new_box = X25519PrivateKey.generate().private_bytes_raw()
            sign_pub, box_pub = _sign_public(new_sign), _box_public(new_box)
            body = {"format": CHANGE_FORMAT, "version": CHANGE_VERSION,
                    "unit_id": ident.unit_uuid, "name": ident.name,
                    "old_fingerprint": ident.fingerprint,
                    "sign_public": b64(sign_pub), "box_public": b64(box_pub),
                    "fingerprint": dx.fingerprint(ident.unit_uuid, sign_pub, box_pub),
                    "changed_at": t.utcnow().isoformat(timespec="seconds")}
            signed = canonical(body)
            doc = {**body,
                   "signature_old": b64(Ed25519PrivateKey.from_private_bytes(
                       ident.sign_private).sign(signed)),
                   "signature_new": b64(Ed25519PrivateKey.from_private_bytes(new_sign)
                                        .sign(signed))}
            row.sign_private, row.box_private = new_sign, new_box
            session.flush()
            text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
            write_bytes(out, text.encode("utf-8"), "tệp đổi khóa")
            written = True
    except BaseException:
        if written:
            out.unlink(missing_ok=True)
        raise
    return KeyChange(body["unit_id"], body["name"], body["old_fingerprint"], body["fingerprint"],
                     body["changed_at"])


def _read(path: Path) -> tuple[dict, bytes, bytes, bytes]:
    bad = f"Tệp “{path}” không phải tệp đổi khóa tgdesk hợp lệ."
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UserError(f"Không đọc được tệp “{path}”: {os_reason(exc)}.") from exc
    if len(raw) > MAX_FILE:
        raise UserError(bad)
    try:
        doc = json.loads(raw.decode("utf-8"))
        if doc.get("format") != CHANGE_FORMAT or doc.get("version") != CHANGE_VERSION:
            raise UserError(bad)
        body = {k: v for k, v in doc.items() if k not in ("signature_old", "signature_new")}
        sign_pub, box_pub = unb64(body["sign_public"], 32), unb64(body["box_public"], 32)
        if (not dx.is_uuid(body["unit_id"]) or not isinstance(body["old_fingerprint"], str)
                or dx.fingerprint(body["unit_id"], sign_pub, box_pub) != body["fingerprint"]):
            raise UserError(bad)
        datetime.fromisoformat(body["changed_at"])
        sigs = unb64(doc["signature_old"], 64), unb64(doc["signature_new"], 64)
        signed = canonical(body)
    except (ValueError, KeyError, TypeError, AttributeError, PackageError,
            RecursionError) as exc:
        raise UserError(bad) from exc
    try:
        Ed25519PublicKey.from_public_bytes(sign_pub).verify(sigs[1], signed)
    except InvalidSignature as exc:
        raise UserError(f"Tệp đổi khóa “{path}” bị hỏng hoặc bị sửa (chữ ký bằng khóa mới "
                        "không đúng).") from exc
    return body, sigs[0], signed, sign_pub


def accept_change(ctx: Context, path: Path) -> KeyChange:
    """Take another unit's key change: its registered keys become the new ones,
    the old public keys are kept. Refused (nothing changed) when the file is not
    signed with the key registered for that unit."""
    ctx.require(Permission.ADMINISTER)
    body, sig_old, signed, sign_pub = _read(Path(path))
    with ctx.transaction() as session:
        unit = session.scalars(select(t.ExchangeUnitRow)
                               .where(t.ExchangeUnitRow.uuid == body["unit_id"])).first()
        if unit is None:
            raise UserError(f"Đơn vị “{str(body.get('name'))[:80]}” chưa được đăng ký ở đây; "
                            "hãy đăng ký bằng tệp khóa mới của đơn vị (tgdesk units add).")
        if unit.fingerprint == body["fingerprint"]:
            raise UserError(f"Khóa mới của “{unit.name}” đã được nhận từ trước.")
        if unit.fingerprint != body["old_fingerprint"]:
            raise UserError(f"Tệp đổi khóa thay cho khóa {body['old_fingerprint']}, không phải "
                            f"khóa đang đăng ký của “{unit.name}” ({unit.fingerprint}); "
                            "không nhận.")
        try:
            Ed25519PublicKey.from_public_bytes(unit.sign_public).verify(sig_old, signed)
        except InvalidSignature as exc:
            raise UserError(f"Tệp đổi khóa không được ký bằng khóa đang đăng ký của "
                            f"“{unit.name}”; không nhận.") from exc
        session.add(t.ExchangeOldKeyRow(unit_id=unit.id, sign_public=unit.sign_public,
                                        box_public=unit.box_public, fingerprint=unit.fingerprint))
        unit.sign_public, unit.box_public = sign_pub, unb64(body["box_public"], 32)
        unit.fingerprint = body["fingerprint"]
        name = unit.name
    return KeyChange(body["unit_id"], name, body["old_fingerprint"], body["fingerprint"],
                     body["changed_at"])


def old_sign_keys(session: Session, unit_id: int) -> list[bytes]:
    """The signing keys ``unit_id`` used before its key changes, newest first."""
    o = t.ExchangeOldKeyRow
    return list(session.scalars(select(o.sign_public).where(o.unit_id == unit_id)
                                .order_by(o.id.desc())))


def old_box_keys(session: Session) -> list[bytes]:
    """This unit's own decryption keys from before its key changes, newest first."""
    o = t.ExchangeOldKeyRow
    return [k for k in session.scalars(select(o.box_private).where(o.unit_id.is_(None))
                                       .order_by(o.id.desc())) if k]


def verify_sender(session: Session, opened, sender: t.ExchangeUnitRow) -> None:
    """The package's signature under the sender's registered key; one made with a
    key the sender replaced is refused, saying so (PackageError)."""
    try:
        verify_signature(opened, sender.sign_public)
    except PackageError:
        for old_key in old_sign_keys(session, sender.id):
            try:
                verify_signature(opened, old_key)
            except PackageError:
                continue
            raise PackageError(f"Gói được ký bằng khóa cũ của “{sender.name[:80]}”, đơn vị đã "
                               "đổi khóa; gói bị từ chối. Đề nghị đơn vị lập lại gói (gói mới "
                               "được ký bằng khóa mới).") from None
        raise PackageError("Chữ ký của gói không đúng: gói đã bị sửa đổi hoặc không phải do đơn "
                           "vị gửi tạo ra; gói bị từ chối. Nếu đơn vị gửi vừa đổi khóa, hãy nhận "
                           "tệp đổi khóa của đơn vị trước (tgdesk units key-change TỆP).") from None


def decrypt_for_me(session: Session, opened) -> dict:
    """The content, decrypted with this unit's key, or (a package made before the
    sender received this unit's key change) with a key it replaced."""
    try:
        return decrypt_content(opened, identity_in(session, create=False).box_private)
    except PackageError:
        for old_key in old_box_keys(session):
            try:
                return decrypt_content(opened, old_key)
            except PackageError:
                continue
        raise
