"""This unit's identity (its unit UUID and key pairs) and key files.

Key pairs are made lazily, on first need. The private keys are kept in the
database, not encrypted at rest: the OS account protects them, and losing the
database (without a backup) loses them — the level above must then register a
new key file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from tgdesk.domain import exchange as dx
from tgdesk.domain.roles import Permission
from tgdesk.domain.text import text_problem
from tgdesk.store import tables as t

from ..context import Context
from ..errors import UserError, os_reason
from ..files import write_bytes
from .package import b64, unb64
from tgdesk.domain.exchange import PackageError

NO_UNIT_WINDOW = ("Đơn vị chưa được thiết lập: hãy ghi tên đơn vị, cấp trên và địa danh ở "
                  "trang “Cài đặt đơn vị”.")
NO_UNIT = (NO_UNIT_WINDOW[:-1] + " (trên dòng lệnh: tgdesk init --unit TÊN --parent TÊN "
           "--place ĐỊA-DANH).")


class UnitNotSet(UserError):
    """This database has no unit yet. ``str()`` names the settings page and the
    command; ``window_text`` only the page, for a window that offers it."""

    window_text = NO_UNIT_WINDOW

    def __init__(self) -> None:
        super().__init__(NO_UNIT)


@dataclass(frozen=True)
class Identity:
    unit_uuid: str
    name: str
    sign_private: bytes
    box_private: bytes

    @property
    def sign_public(self) -> bytes:
        return Ed25519PrivateKey.from_private_bytes(self.sign_private).public_key() \
            .public_bytes_raw()

    @property
    def box_public(self) -> bytes:
        return X25519PrivateKey.from_private_bytes(self.box_private).public_key() \
            .public_bytes_raw()

    @property
    def fingerprint(self) -> str:
        return dx.fingerprint(self.unit_uuid, self.sign_public, self.box_public)


def identity_in(session: Session, create: bool = True) -> Identity:
    unit = session.scalars(select(t.UnitRow).order_by(t.UnitRow.id)).first()
    if unit is None:
        raise UnitNotSet()
    row = session.scalars(select(t.ExchangeIdentityRow).order_by(t.ExchangeIdentityRow.id)).first()
    if row is None or row.unit_uuid != unit.uuid:
        if not create:
            raise UserError("Đơn vị chưa có khóa trao đổi dữ liệu. Chạy: tgdesk units key "
                            "--out TỆP.key")
        if row is not None:   # the unit was set up again with a new id: new keys
            session.delete(row)
            session.flush()
        row = t.ExchangeIdentityRow(
            unit_uuid=unit.uuid,
            sign_private=Ed25519PrivateKey.generate().private_bytes_raw(),
            box_private=X25519PrivateKey.generate().private_bytes_raw())
        session.add(row)
        session.flush()
    return Identity(unit.uuid, unit.name, row.sign_private, row.box_private)


def ensure_identity(ctx: Context) -> Identity:
    """This unit's identity, making its key pairs on first need (a write, which a
    person who may only read cannot do; reading keys that exist writes nothing)."""
    with ctx.reading() as session:
        try:
            return identity_in(session, create=False)
        except UnitNotSet:
            raise
        except UserError:       # no keys yet, or keys of a unit set up again
            pass
    with ctx.transaction() as session:
        return identity_in(session)


def key_file_json(ident: Identity) -> dict:
    return {"format": dx.KEY_FORMAT, "version": dx.KEY_VERSION, "unit_id": ident.unit_uuid,
            "name": ident.name, "sign_public": b64(ident.sign_public),
            "box_public": b64(ident.box_public), "fingerprint": ident.fingerprint}


def write_key_file(ctx: Context, out: Path) -> Identity:
    """This unit's public keys to a file for another unit to register (Quản trị)."""
    ctx.require(Permission.ADMINISTER)
    ident = ensure_identity(ctx)
    text = json.dumps(key_file_json(ident), ensure_ascii=False, indent=2) + "\n"
    write_bytes(Path(out), text.encode("utf-8"), "tệp khóa")
    return ident


@dataclass(frozen=True)
class KeyFile:
    unit_uuid: str
    name: str
    sign_public: bytes
    box_public: bytes
    fingerprint: str


def read_key_file(path: Path) -> KeyFile:
    bad = f"Tệp “{path}” không phải tệp khóa tgdesk hợp lệ (.key)."
    try:
        raw = Path(path).read_bytes()
    except OSError as exc:
        raise UserError(f"Không đọc được tệp khóa “{path}”: {os_reason(exc)}.") from exc
    if len(raw) > 64 * 1024:
        raise UserError(bad)
    try:
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != dx.KEY_FORMAT or data.get("version") != dx.KEY_VERSION:
            raise UserError(bad)
        kf = KeyFile(data["unit_id"], data["name"].strip(),
                     unb64(data["sign_public"], 32), unb64(data["box_public"], 32),
                     data["fingerprint"])
    except (ValueError, KeyError, TypeError, AttributeError, PackageError, RecursionError) as exc:
        raise UserError(bad) from exc
    if (not dx.is_uuid(kf.unit_uuid) or not kf.name or len(kf.name) > dx.MAX_NAME
            or text_problem(kf.name)):
        raise UserError(bad)
    if dx.fingerprint(kf.unit_uuid, kf.sign_public, kf.box_public) != kf.fingerprint:
        raise UserError(f"Tệp khóa “{path}” bị hỏng hoặc bị sửa (dấu vân tay không khớp).")
    return kf
