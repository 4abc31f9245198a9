"""The encrypted database (issue 12, item 1): unlocking it, turning a plain one
into an encrypted one, and the copies kept encrypted.

A database is encrypted when its key file (``<database>.keys``,
services/key_file.py) lies beside it. Unlocking finds the key (a person's
password opens their slot, or the recovery code gives it directly) and
registers it for the file and the folders of its copies (store/driver.py);
everything that then opens them — the engine, backups, restores, checks —
reads and writes encrypted. Unlocking also finishes what a cut-off conversion
left: a plain file beside a key file is converted, plain copies in the backup
folders are encrypted.

Converting (``protect``): a plain backup first; the first account if there is
none; the file exported encrypted under a temporary name and checked; the key
file written; the plain file's WAL emptied; the encrypted file renamed over
the plain one; then every plain copy in the backup folders encrypted. Cut off
anywhere, the database opens afterwards with all of it or none of it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from tgdesk.domain.roles import (Permission, Role, login_problem, normal_login,
                                 password_problem)
from tgdesk.paths import backup_dir_for
from tgdesk.store import driver
from tgdesk.store.backup import BackupError, parse_name, reencrypt

from . import accounts, audit
from .context import Context
from .errors import UserError
from .key_file import (KeyFile, key_check, key_file_path, key_from_secret, new_recovery_code,
                       recovery_secret)

log = logging.getLogger(__name__)

WRONG_CODE = "Mã khôi phục không đúng."


@dataclass(frozen=True)
class Secret:
    """What a person gives to open an encrypted database."""

    password: str | None = None
    login: str | None = None            # only this person's slot (None: any)
    recovery_code: str | None = None


class DbKeys:
    """An unlocked database's key and key file: ``ctx.keys``. Accounts add,
    replace and drop their slots through it (services/accounts.py)."""

    def __init__(self, db_path: Path, key: bytes, key_file: KeyFile) -> None:
        self.db_path = Path(db_path)
        self.key = key
        self.file = key_file

    def add(self, login: str, password: str) -> None:
        self.file.put(normal_login(login), password, self.key)
        self.file.save()

    def remove(self, login: str) -> None:
        self.file.drop(normal_login(login))
        self.file.save()


def is_encrypted(db_path: Path) -> bool:
    return key_file_path(db_path).exists()


def is_unlocked(db_path: Path) -> bool:
    return driver.key_for(db_path) is not None


def _register(db_path: Path, key: bytes) -> None:
    driver.remember_key([db_path, backup_dir_for(Path(db_path))], key)


def unlock(db_path: Path, secret: Secret) -> tuple[DbKeys, str | None]:
    """Find the key of the encrypted database at ``db_path`` and register it.
    Returns its key holder and the sign-in name whose slot opened (None with
    the recovery code). UserError (nothing changes but the count of failed
    attempts in the key file) for a wrong password or code."""
    db_path = Path(db_path)
    path = key_file_path(db_path)
    if secret.recovery_code is not None:
        raw = recovery_secret(secret.recovery_code)
        if raw is None:
            raise UserError(WRONG_CODE)
        key = key_from_secret(raw)
        try:
            key_file = KeyFile.read(path)
        except UserError:           # lost or damaged: rebuilt, slots made again by passwords
            key_file = KeyFile(path, key_check(key))
            if not _opens(db_path, key):
                raise UserError(WRONG_CODE) from None
            key_file.save()         # the file says it is encrypted again (slots: passwords)
        if key_file.check != key_check(key):
            raise UserError(WRONG_CODE)
        login = None
    else:
        key_file = KeyFile.read(path)
        found = key_file.unlock(secret.password or "",
                                normal_login(secret.login) if secret.login else None)
        if found is None:
            key_file.failed_sign_ins += 1
            try:
                key_file.save()
            except UserError as exc:
                log.warning("cannot count a failed sign-in: %s", exc)
            raise UserError(accounts.WRONG)
        key, login = found
    _register(db_path, key)
    _finish_conversion(db_path, key)
    return DbKeys(db_path, key, key_file), login


def _opens(db_path: Path, key: bytes) -> bool:
    try:
        conn, used = driver.connect_keyed(db_path, read_only=True, key=key)
    except driver.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return used is not None
    except driver.Error:
        return False
    finally:
        conn.close()


def after_open(ctx: Context, keys: DbKeys, login: str | None) -> None:
    """On the Context just opened with ``keys``: keep them, encrypt any plain copy
    left, sign the slot's person in and log failed attempts since the last."""
    ctx.keys = keys
    encrypt_copies(ctx)
    if login is None and not ctx.read_only:     # the recovery code: no one signed in
        with ctx.own_transaction() as session:
            audit.note(session, ctx, "recovery_open", "database", {"tep": ctx.db_path.name})
    failed = keys.file.failed_sign_ins
    if failed and not ctx.read_only:
        with ctx.own_transaction() as session:
            audit.note(session, ctx, "sign_in_failed", "account", {"so_lan": failed})
        keys.file.failed_sign_ins = 0
        keys.file.save()
    if login is not None:
        account = accounts.find(ctx, login)
        if account is None or not account.active:
            raise UserError(accounts.WRONG)
        accounts.signed_in(ctx, account)


def _finish_conversion(db_path: Path, key: bytes) -> None:
    """A key file beside a plain database: a conversion was cut off after writing
    the key file. Finish it (the data is the plain file's)."""
    if db_path.exists() and _convert_file(db_path, key):
        log.warning("%s was plain beside its key file: conversion finished", db_path)


def _convert_file(db_path: Path, key: bytes) -> bool:
    """Replace the plain database file by an encrypted copy (every connection to it
    from this process must be closed): ``store/backup.reencrypt``. False when it
    was encrypted already."""
    try:
        return reencrypt(db_path, key)
    except BackupError as exc:
        log.warning("encrypting %s failed: %s", db_path, exc)
        raise UserError(f"Không mã hóa được cơ sở dữ liệu “{db_path}” (ổ đĩa đầy hoặc không "
                        "ghi được). Dữ liệu vẫn như trước, chưa được mã hóa.") from exc


def encrypt_copies(ctx: Context) -> list[Path]:
    """Encrypt the plain copies of this database in its backup folders (those
    made before it was encrypted). Returns those encrypted."""
    if ctx.keys is None:
        return []
    from .backups import main_folder, second_folder    # late: backups imports restore
    folders = [main_folder(ctx)]
    try:
        if (other := second_folder(ctx)) is not None:
            folders.append(other)
            driver.remember_key([other], ctx.keys.key)
    except UserError:
        pass
    done = []
    stem = ctx.db_path.stem
    for folder in folders:
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob(f"{stem}-*.sqlite")):
            parsed = parse_name(path.name)
            if parsed is None or parsed[0] != stem or _is_encrypted_file(path):
                continue
            try:
                if reencrypt(path, ctx.keys.key):
                    done.append(path)
            except BackupError as exc:
                log.warning("copy %s stays plain: %s", path, exc)
    return done


def _is_encrypted_file(path: Path) -> bool:
    try:
        with path.open("rb") as fh:        # no SQLite connection of ours is on a copy
            return fh.read(16) != b"SQLite format 3\x00"
    except OSError:
        return True


def protect(ctx: Context, login: str, full_name: str, password: str) -> str:
    """Encrypt the plain database of ``ctx`` in place and return the recovery code
    (to show once). With no account yet, ``login``/``full_name``/``password`` make
    the first one (Lãnh đạo); otherwise the person signed in must be able to
    administer and ``password`` must be theirs. Other people get their slot when
    an administrator sets their password (they cannot open it before)."""
    if ctx.keys is not None:
        raise UserError("Cơ sở dữ liệu này đã được mã hóa.")
    if ctx.read_only:
        raise UserError("Cơ sở dữ liệu đang mở chỉ để xem; không mã hóa được.")
    first = not accounts.has_accounts(ctx)
    if not first:
        ctx.require(Permission.ADMINISTER)
        if ctx.viewer is None:
            raise UserError("Hãy đăng nhập trước khi mã hóa dữ liệu.")
        account = accounts.check_password(ctx, ctx.viewer.login, password)
        if account is None:
            raise UserError("Mật khẩu không đúng.")
    else:
        problem = login_problem(normal_login(login)) or password_problem(password)
        if problem:
            raise UserError(problem)
    ctx.backup("truoc-ma-hoa")             # nothing has changed if this fails
    if first:
        account = accounts.create_account(ctx, login, full_name, Role.LANH_DAO, password)
        accounts.signed_in(ctx, account)
    try:
        return _protect_file(ctx, account, password)
    except Exception:
        # all or nothing: refused before the key file was written, the account made
        # for it goes again (after it, the next unlock finishes the conversion)
        if first and not key_file_path(ctx.db_path).exists():
            _undo_first_account(ctx, account)
        raise


def _undo_first_account(ctx: Context, account) -> None:
    from tgdesk.store.account_table import AccountRow
    try:
        ctx.set_viewer(None)
        with ctx.own_transaction() as session:
            row = session.get(AccountRow, account.id)
            if row is not None:
                session.delete(row)
    except Exception:      # the failure being reported matters more  # noqa: BLE001
        log.exception("cannot remove the account made for an encryption that failed")


def _protect_file(ctx: Context, account, password: str) -> str:
    code = new_recovery_code()
    secret = recovery_secret(code)
    assert secret is not None
    key = key_from_secret(secret)
    key_file = KeyFile(key_file_path(ctx.db_path), key_check(key))
    key_file.put(account.login, password, key)
    ctx.engine.dispose()
    _register(ctx.db_path, key)          # the temporary copy is checked with it
    try:
        _convert_prepared(ctx.db_path, key_file, key)
    except BaseException:
        driver.forget_key([ctx.db_path, backup_dir_for(ctx.db_path)])
        raise
    ctx.keys = DbKeys(ctx.db_path, key, key_file)
    ctx.engine.dispose()
    with ctx.own_transaction() as session:
        audit.note(session, ctx, "encrypt", "database", {"tep": ctx.db_path.name})
    encrypt_copies(ctx)
    return code


def _convert_prepared(db_path: Path, key_file: KeyFile, key: bytes) -> None:
    """The key file, then the conversion: a cut between them is finished at the
    next unlock (``_finish_conversion``); a failure removes the key file again."""
    key_file.save()
    try:
        _convert_file(db_path, key)
    except BaseException:
        key_file.path.unlink(missing_ok=True)      # still plain: no key file beside it
        raise


def create_encrypted(db_path: Path, login: str, full_name: str, password: str,
                     opener) -> tuple[Context, str]:
    """A new encrypted database at ``db_path`` (``opener`` opens it), its first
    account (Lãnh đạo) and the recovery code to show once. The key file (with the
    person's slot) is written before the database exists."""
    db_path = Path(db_path)
    login = normal_login(login)
    problem = login_problem(login) or password_problem(password)
    if problem:
        raise UserError(problem)
    code = new_recovery_code()
    secret = recovery_secret(code)
    assert secret is not None
    key = key_from_secret(secret)
    key_file = KeyFile(key_file_path(db_path), key_check(key))
    key_file.put(login, password, key)
    key_file.save()
    _register(db_path, key)
    ctx = opener()
    try:
        ctx.keys = DbKeys(db_path, key, key_file)
        account = accounts.create_account(ctx, login, full_name, Role.LANH_DAO, password)
        accounts.signed_in(ctx, account)
    except BaseException:
        ctx.close()
        raise
    return ctx, code
