"""Password hashing and password-derived keys: Argon2id (``cryptography``).

``COST`` is what a new hash or key slot uses; each stored hash and slot keeps
its own parameters, so raising the cost later leaves old ones valid. Tests
lower it (tests/conftest.py): the real cost is ~0.2 s per derivation on the
office PCs we measured, which is the point.
"""

from __future__ import annotations

import os
import threading
from dataclasses import dataclass



@dataclass(frozen=True)
class Cost:
    memory_kib: int = 64 * 1024
    iterations: int = 3
    lanes: int = 4


COST = Cost()
# One derivation at a time in a process: two at once (threads) made OpenSSL's
# Argon2 fail with "Not enough memory to derive key" in the fault tests.
_KDF_LOCK = threading.Lock()


# ``cryptography`` is imported where used: the window starts without it
# (tests/test_import_discipline.py).

def _kdf(salt: bytes, cost: Cost, length: int = 32):
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
    return Argon2id(salt=salt, length=length, iterations=cost.iterations, lanes=cost.lanes,
                    memory_cost=cost.memory_kib)


def hash_password(password: str) -> str:
    """An Argon2id PHC string ("$argon2id$v=19$m=…") for ``password``."""
    with _KDF_LOCK:
        return _kdf(os.urandom(16), COST).derive_phc_encoded(password.encode("utf-8"))


def verify_password(password: str, encoded: str) -> bool:
    from cryptography.exceptions import InvalidKey
    from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
    try:
        with _KDF_LOCK:
            Argon2id.verify_phc_encoded(password.encode("utf-8"), encoded)
    except (InvalidKey, ValueError):
        return False
    return True


def derive_key(password: str, salt: bytes, cost: Cost) -> bytes:
    """32 bytes from ``password`` (the key that wraps a database key)."""
    with _KDF_LOCK:
        return _kdf(salt, cost).derive(password.encode("utf-8"))
