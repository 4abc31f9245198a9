"""Every table's full content of a Context's database, as text: the "unchanged"
check of the exchange tests (sqlcipher3, the program's driver, has no iterdump())."""

from __future__ import annotations


def dump(ctx) -> list[str]:
    raw = ctx.engine.raw_connection()
    try:
        conn = raw.driver_connection
        out = [f"{t}|{s}" for t, s in conn.execute(
            "SELECT name, sql FROM sqlite_master ORDER BY type, name")]
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                    "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"):
            out += sorted(f"{name}|{row!r}" for row in conn.execute(f'SELECT * FROM "{name}"'))
        return out
    finally:
        raw.close()
