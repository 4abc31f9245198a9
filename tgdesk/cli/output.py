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
