"""The encrypted database's key file (issue 12, item 1): ``<database>.keys``.

The database is encrypted with a random 32-byte key. That key is derived from
the unit's recovery code (20 random bytes shown once at set-up, to print and
keep in the safe): HKDF-SHA256, so the code alone opens the database, even
without this file. Each person's password wraps the same key in a *slot*
(Argon2id of the password → AES-256-GCM, the sign-in name as associated data):
changing a password rewrites one slot, never the database. The file holds no
secret in clear: a slot opens only with its password. It is written whole or
not at all (temporary name, flushed, renamed) and with the private mode.
``cryptography`` is imported where used (the window starts without it).

JSON::

    {"format": "tgdesk-db-keys", "version": 1,
     "check": "<hex: HMAC-SHA256(key, 'tgdesk key check'), 16 bytes>",
     "slots": [{"login": "...", "salt": "<b64>", "memory_kib": 65536,
                "iterations": 3, "lanes": 4, "nonce": "<b64>", "wrapped": "<b64>"}],
     "failed_sign_ins": 0}
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

from . import passwords
from .errors import UserError
from .files import write_bytes

FORMAT = "tgdesk-db-keys"
VERSION = 1
SUFFIX = ".keys"
RECOVERY_BYTES = 20
NEEDS_PASSWORD = "Cơ sở dữ liệu “{path}” được mã hóa: cần mật khẩu để mở."
_ALPHABET_FIX = str.maketrans({"0": "O", "1": "I", "8": "B"})


def key_file_path(db_path: Path) -> Path:
    return Path(f"{db_path}{SUFFIX}")


# --- the recovery code and the database key -------------------------------------------

def new_recovery_code() -> str:
    """20 random bytes in base32, in eight groups of four (``ABCD-EFGH-…``)."""
    text = base64.b32encode(secrets.token_bytes(RECOVERY_BYTES)).decode("ascii")
    return "-".join(text[i:i + 4] for i in range(0, len(text), 4))


def recovery_secret(code: str) -> bytes | None:
    """The bytes of a recovery code as typed (any case, spaces, dashes, 0/1/8 for
    O/I/B); None when it cannot be one."""
    text = "".join(ch for ch in (code or "").upper() if ch.isalnum()).translate(_ALPHABET_FIX)
    if len(text) != 32:
        return None
    try:
        raw = base64.b32decode(text)
    except ValueError:
        return None
    return raw if len(raw) == RECOVERY_BYTES else None


def key_from_secret(secret: bytes) -> bytes:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.kdf.hkdf import HKDF
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                info=b"tgdesk database key v1").derive(secret)


def key_check(key: bytes) -> str:
    return hmac.new(key, b"tgdesk key check", hashlib.sha256).hexdigest()[:32]


# --- slots -------------------------------------------------------------------------------

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


@dataclass
class Slot:
    login: str
    salt: bytes
    cost: passwords.Cost
    nonce: bytes
    wrapped: bytes

    @classmethod
    def make(cls, login: str, password: str, key: bytes) -> "Slot":
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        salt, nonce, cost = os.urandom(16), os.urandom(12), passwords.COST
        kek = passwords.derive_key(password, salt, cost)
        wrapped = AESGCM(kek).encrypt(nonce, key, login.encode("utf-8"))
        return cls(login, salt, cost, nonce, wrapped)

    def open(self, password: str) -> bytes | None:
        from cryptography.exceptions import InvalidTag
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM
        kek = passwords.derive_key(password, self.salt, self.cost)
        try:
            return AESGCM(kek).decrypt(self.nonce, self.wrapped, self.login.encode("utf-8"))
        except InvalidTag:
            return None

    def as_json(self) -> dict:
        return {"login": self.login, "salt": _b64(self.salt),
                "memory_kib": self.cost.memory_kib, "iterations": self.cost.iterations,
                "lanes": self.cost.lanes, "nonce": _b64(self.nonce),
                "wrapped": _b64(self.wrapped)}

    @classmethod
    def from_json(cls, data: dict) -> "Slot":
        return cls(str(data["login"]), _unb64(data["salt"]),
                   passwords.Cost(int(data["memory_kib"]), int(data["iterations"]),
                                  int(data["lanes"])),
                   _unb64(data["nonce"]), _unb64(data["wrapped"]))


@dataclass
class KeyFile:
    path: Path
    check: str
    slots: list[Slot] = field(default_factory=list)
    failed_sign_ins: int = 0

    @classmethod
    def read(cls, path: Path) -> "KeyFile":
        """UserError (Vietnamese) for a file that is missing, damaged or not ours."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            if data.get("format") != FORMAT or int(data.get("version", 0)) > VERSION:
                raise ValueError("not ours")
            return cls(Path(path), str(data["check"]),
                       [Slot.from_json(s) for s in data.get("slots", [])],
                       int(data.get("failed_sign_ins", 0)))
        except FileNotFoundError as exc:
            raise UserError(f"Không thấy tệp khóa “{path}” của cơ sở dữ liệu được mã hóa. "
                            "Hãy chép tệp đó về cạnh cơ sở dữ liệu, hoặc mở bằng mã khôi "
                            "phục.") from exc
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise UserError(f"Tệp khóa “{path}” bị hỏng hoặc không phải của tgdesk. Hãy mở "
                            "bằng mã khôi phục.") from exc

    def save(self) -> None:
        data = {"format": FORMAT, "version": VERSION, "check": self.check,
                "slots": [s.as_json() for s in self.slots],
                "failed_sign_ins": self.failed_sign_ins}
        text = json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8")
        write_bytes(self.path, text, what="tệp khóa", private=True)

    def unlock(self, password: str, login: str | None = None) -> tuple[bytes, str] | None:
        """(database key, sign-in name) of the slot ``password`` opens (only the
        slot of ``login`` when given); None when none does."""
        for slot in self.slots:
            if login is not None and slot.login != login:
                continue
            key = slot.open(password)
            if key is not None and hmac.compare_digest(key_check(key), self.check):
                return key, slot.login
        return None

    def put(self, login: str, password: str, key: bytes) -> None:
        """Add the slot of ``login`` or replace it (a new password)."""
        self.slots = [s for s in self.slots if s.login != login]
        self.slots.append(Slot.make(login, password, key))

    def drop(self, login: str) -> None:
        self.slots = [s for s in self.slots if s.login != login]
