"""Fixtures for the people-and-roles window tests: cheap Argon2, and a database
with accounts (the first made without sign-in, as the window makes it)."""

from __future__ import annotations

import pytest

from access_people import PASSWORD

from tgdesk.domain.roles import Role
from tgdesk.services import accounts, passwords


@pytest.fixture(autouse=True)
def cheap_argon2(monkeypatch):
    monkeypatch.setattr(passwords, "COST", passwords.Cost(8 * 1024, 1, 1))


@pytest.fixture
def people(ctx):
    """A Lãnh đạo (the first account), a Cán bộ and a Xem; nobody signed in."""
    made = {
        "lead": accounts.create_account(ctx, "lanhdao", "Nguyễn Văn An", Role.LANH_DAO, PASSWORD),
    }
    accounts.signed_in(ctx, made["lead"])
    made["officer"] = accounts.create_account(ctx, "canbo", "Trần Thị Bình", Role.CAN_BO,
                                              PASSWORD)
    made["viewer"] = accounts.create_account(ctx, "xem", "Lê Văn Cường", Role.XEM, PASSWORD)
    accounts.sign_out(ctx)
    return made


@pytest.fixture
def sign_in_as(ctx, people):
    def sign_in(key: str):
        accounts.sign_in(ctx, people[key].login, PASSWORD)
        return people[key]
    return sign_in
