"""People and roles (issue 12, item 2): accounts, signing in and out.

A database with no accounts has no sign-in (a one-person unit that never set
people up; the audit log names the OS user). The first account is made by
whoever opens such a database and must be able to manage people; from then on
only a person with the *Quản trị* permission adds, changes or disables
accounts, and the database always keeps one active account that can.

On an encrypted database each account also holds a key slot (the database key
wrapped by its password, services/db_keys.py): adding an account, changing a
password or disabling an account changes the key file too.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from tgdesk.domain.roles import (MANAGERS, Permission, Role, Viewer, login_problem,
                                 normal_login, password_problem)
from tgdesk.store.account_table import AccountRow
from tgdesk.store.base import utcnow

from . import audit
from .context import Context
from .errors import UserError
from .passwords import hash_password, verify_password

WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."


@dataclass(frozen=True)
class Account:
    id: int
    uuid: str
    login: str
    full_name: str
    role: Role
    active: bool
    last_sign_in_at: datetime | None

    def viewer(self) -> Viewer:
        return Viewer(self.id, self.login, self.full_name, self.role)


def _account(row: AccountRow) -> Account:
    return Account(row.id, row.uuid, row.login, row.full_name,
                   Role.from_code(row.role) or Role.XEM, row.active, row.last_sign_in_at)


def has_accounts(ctx: Context) -> bool:
    with ctx.reading() as session:
        return bool(session.scalar(select(func.count(AccountRow.id))))


def list_accounts(ctx: Context) -> list[Account]:
    with ctx.reading() as session:
        rows = session.scalars(select(AccountRow).order_by(AccountRow.full_name,
                                                           AccountRow.login))
        return [_account(r) for r in rows]


def find(ctx: Context, login: str) -> Account | None:
    with ctx.reading() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.login == normal_login(login)))
        return _account(row) if row is not None else None


def _check_name(full_name: str) -> str:
    name = " ".join((full_name or "").split())
    if not name:
        raise UserError("Hãy ghi họ và tên.")
    return name


def create_account(ctx: Context, login: str, full_name: str, role: Role,
                   password: str) -> Account:
    """A new account. The first one needs no sign-in and must be able to manage
    people (Lãnh đạo or Quản trị); later ones need the Quản trị permission."""
    login = normal_login(login)
    problem = login_problem(login) or password_problem(password)
    if problem:
        raise UserError(problem)
    name = _check_name(full_name)
    first = not has_accounts(ctx)
    if first and role not in MANAGERS:
        raise UserError("Tài khoản đầu tiên phải có vai trò Lãnh đạo hoặc Quản trị để còn "
                        "quản lý người dùng.")
    if not first:
        ctx.require(Permission.ADMINISTER)
    if find(ctx, login) is not None:
        raise UserError(f"Đã có tài khoản “{login}”.")
    hashed = hash_password(password)
    if ctx.keys is not None:
        ctx.keys.add(login, password)       # the key file first: a slot without a row is harmless
    with (ctx.own_transaction() if first else ctx.transaction()) as session:
        row = AccountRow(login=login, full_name=name, role=role.value, password_hash=hashed,
                         active=True)
        session.add(row)
        session.flush()
        return _account(row)


def _managers_left(session, without_id: int) -> int:
    return session.scalar(select(func.count(AccountRow.id)).where(
        AccountRow.active.is_(True), AccountRow.id != without_id,
        AccountRow.role.in_([r.value for r in MANAGERS]))) or 0


def update_account(ctx: Context, account_id: int, *, full_name: str | None = None,
                   role: Role | None = None, active: bool | None = None) -> Account:
    """Change a person's name, role or whether they may sign in (Quản trị)."""
    ctx.require(Permission.ADMINISTER)
    with ctx.transaction() as session:
        row = session.get(AccountRow, account_id)
        if row is None:
            raise UserError("Không tìm thấy tài khoản này.")
        stays_manager = ((role or Role.from_code(row.role)) in MANAGERS
                         and (row.active if active is None else active))
        if not stays_manager and _managers_left(session, row.id) == 0:
            raise UserError("Phải còn ít nhất một tài khoản đang dùng có vai trò Lãnh đạo "
                            "hoặc Quản trị.")
        if full_name is not None:
            row.full_name = _check_name(full_name)
        if role is not None:
            row.role = role.value
        if active is not None:
            row.active = active
        session.flush()
        if active is False and ctx.keys is not None:
            ctx.keys.remove(row.login)
        return _account(row)


def set_password(ctx: Context, account_id: int, new_password: str,
                 old_password: str | None = None) -> None:
    """Change a password: one's own (with the old one), or anyone's (Quản trị)."""
    problem = password_problem(new_password)
    if problem:
        raise UserError(problem)
    own = ctx.viewer is not None and ctx.viewer.account_id == account_id
    if not own:
        ctx.require(Permission.ADMINISTER)
    with ctx.own_transaction() as session:
        row = session.get(AccountRow, account_id)
        if row is None:
            raise UserError("Không tìm thấy tài khoản này.")
        if own and not ctx.can(Permission.ADMINISTER) and (
                old_password is None or not verify_password(old_password, row.password_hash)):
            raise UserError("Mật khẩu hiện tại không đúng.")
        row.password_hash = hash_password(new_password)
        if ctx.keys is not None:
            ctx.keys.add(row.login, new_password)    # replaces the slot of that sign-in name


def check_password(ctx: Context, login: str, password: str) -> Account | None:
    """The active account ``login`` if ``password`` is its password; None otherwise."""
    login = normal_login(login)
    with ctx.reading() as session:
        row = session.scalar(select(AccountRow).where(AccountRow.login == login))
        if row is None or not row.active or not verify_password(password, row.password_hash):
            return None
        return _account(row)


def confirm(ctx: Context, login: str, password: str) -> Account | None:
    """``check_password`` for a person already signed in (unlocking the window);
    a wrong password is logged as a failed sign-in."""
    account = check_password(ctx, login, password)
    if account is None:
        _note(ctx, "sign_in_failed", {"login": normal_login(login), "khi": "mo_khoa"})
    return account


def sign_in(ctx: Context, login: str, password: str) -> Account:
    """Check the password, sign the person in and log it; a wrong name or password
    is logged too (UserError, nothing else changes)."""
    account = check_password(ctx, login, password)
    if account is None:
        _note(ctx, "sign_in_failed", {"login": normal_login(login)})
        raise UserError(WRONG)
    signed_in(ctx, account)
    return account


def signed_in(ctx: Context, account: Account) -> None:
    """``account`` has proved who it is (password or key slot): sign it in."""
    ctx.set_viewer(account.viewer())
    if ctx.read_only:
        return
    with ctx.own_transaction() as session:
        row = session.get(AccountRow, account.id)
        row.last_sign_in_at = utcnow()
        session.flush()
        audit.note(session, ctx, "sign_in", "account", {"login": account.login},
                   record_uuid=account.uuid, record_id=account.id)


def sign_out(ctx: Context) -> None:
    if ctx.viewer is not None:
        _note(ctx, "sign_out", {"login": ctx.viewer.login})
    ctx.set_viewer(None)


def _note(ctx: Context, action: str, details: dict) -> None:
    if ctx.read_only:
        return
    with ctx.own_transaction() as session:
        audit.note(session, ctx, action, "account", details)


# --- people across a restore ------------------------------------------------------------

def snapshot(ctx: Context) -> list[dict]:
    """Every account row as it is now (kept across a restore: see ``put_back``)."""
    cols = [c.key for c in AccountRow.__table__.columns]
    with ctx.reading() as session:
        return [{k: getattr(r, k) for k in cols} for r in session.scalars(select(AccountRow))]


def put_back(ctx: Context, rows: list[dict]) -> None:
    """The people and passwords of before a restore replace those of the backup:
    they belong to the unit now, not to the day the copy was made (an encrypted
    database's key file holds today's passwords; an older copy may have no
    accounts at all, and then nobody could sign in)."""
    from sqlalchemy import delete, insert
    with ctx.own_transaction() as session:
        session.execute(delete(AccountRow))
        if rows:
            session.execute(insert(AccountRow), rows)
        audit.note(session, ctx, "restore_db", "account", {"giu_tai_khoan": len(rows)})
