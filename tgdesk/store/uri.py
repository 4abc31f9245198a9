"""SQLite ``file:`` URIs for paths (any character, any platform)."""

from __future__ import annotations

from pathlib import PurePath, PureWindowsPath
from urllib.parse import quote, urlencode


def sqlite_uri(path: PurePath, **query: str) -> str:
    """An SQLite ``file:`` URI for the absolute ``path`` (``mode="ro"`` and the
    like as ``query``). Every character that means something in a URI (``?``,
    ``#``, ``%``, spaces) and every non-ASCII letter is percent-quoted, which
    SQLite decodes back to the name. A Windows drive path becomes
    ``file:///C:/...``; a network share ``\\\\server\\share`` becomes
    ``file:////server/share/...`` (an empty authority: SQLite refuses any other)."""
    text = path.as_posix() if isinstance(path, PureWindowsPath) else str(path)
    if not text.startswith("/"):
        text = "/" + text          # "C:/x" -> "/C:/x"
    uri = "file://" + quote(text, safe="/:", errors="surrogateescape")
    return f"{uri}?{urlencode(query)}" if query else uri
