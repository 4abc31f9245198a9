"""How commands print: JSON the same way everywhere."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime


def jsonable(value):
    """Dates and times as ISO text; other values as they are."""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return value


def dump_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(table: list, cap: int) -> None:
    """Rows of text cells in columns, the first row a header underlined with dashes;
    no column wider than ``cap`` characters."""
    widths = [min(max(len(line[i]) for line in table), cap) for i in range(len(table[0]))]
    for n, line in enumerate(table):
        print("  ".join(cell[:cap].ljust(w) for cell, w in zip(line, widths)).rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))
