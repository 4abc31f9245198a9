"""The Context every service takes: the open database and the clock."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from sqlalchemy import Engine
from sqlalchemy.exc import DatabaseError as SADatabaseError
from sqlalchemy.orm import Session, sessionmaker

from tgdesk.paths import backup_dir_for
from tgdesk.store.backup import backup_copy
from tgdesk.store.db import create_db_engine, session_factory
from tgdesk.store.migrate import DatabaseTooNew, NotADatabase, check_file, upgrade

from .errors import UserError


@dataclass
class Context:
    engine: Engine
    sessions: sessionmaker[Session]
    db_path: Path
    today: Callable[[], date] = field(default=date.today)
    backup_made: Path | None = None

    @contextmanager
    def transaction(self) -> Iterator[Session]:
        """One unit of work: commit on success, roll back on any error."""
        with self.sessions.begin() as session:
            yield session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        with self.sessions() as session:
            yield session

    def backup(self, reason: str) -> Path:
        """A copy of the database in ``backups/`` beside it, before risky work."""
        return backup_copy(self.db_path, backup_dir_for(self.db_path), reason)

    def close(self) -> None:
        self.engine.dispose()


def open_context(db_path: Path, today: Callable[[], date] = date.today) -> Context:
    """Open (creating if needed) and upgrade the database at ``db_path``.

    Before an upgrade of a database that holds data, a copy goes to
    ``backups/`` beside it. Raises UserError with a Vietnamese message for a
    file that is not ours, is damaged, or was written by a newer tgdesk.
    """
    db_path = Path(db_path)
    try:
        db_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UserError(f"Không tạo được thư mục “{db_path.parent}”: {exc.strerror}.") from exc
    try:
        check_file(db_path)
    except (NotADatabase, DatabaseTooNew) as exc:
        raise UserError(str(exc)) from exc
    engine = create_db_engine(db_path)
    try:
        backup = upgrade(engine, db_path, backup_dir_for(db_path))
    except DatabaseTooNew as exc:
        engine.dispose()
        raise UserError(str(exc)) from exc
    except SADatabaseError as exc:
        engine.dispose()
        raise UserError(f"Không mở được cơ sở dữ liệu “{db_path}”: {exc.orig}.") from exc
    return Context(engine, session_factory(engine), db_path, today, backup)
