"""Reading a JSON file a user chose, safely: its size and how deeply it nests
are checked before it is parsed, so a huge or hostile file is refused with one
Vietnamese message (never a MemoryError or a RecursionError), and every
problem (missing, unreadable, not UTF-8, not JSON) is said in plain words.
"""

from __future__ import annotations

import json
import logging
import re
from itertools import accumulate
from pathlib import Path

from tgdesk import vnformat as vf

from .errors import UserError, os_reason

log = logging.getLogger(__name__)

MAX_FILE_BYTES = 50 * 1024 * 1024     # a ward's whole history is a few MB
MAX_DEPTH = 32                         # the records format nests 4 deep; 32 leaves room
_MB = 1024 * 1024

_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_DELTA = {"[": 1, "{": 1, "]": -1, "}": -1}


def nesting_depth(text: str) -> int:
    """How deeply ``text`` nests arrays and objects, found without parsing it
    (strings removed, then the brackets counted), so a file nested 100,000 deep
    is refused before the JSON parser recurses into it."""
    skeleton = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_DELTA.__getitem__, skeleton)), default=0)


def load_json(path: Path) -> object:
    """The parsed content of the JSON file at ``path``; UserError if it cannot be."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise IsADirectoryError
        if size > MAX_FILE_BYTES:
            raise UserError(f"Tệp “{path.name}” quá lớn ({vf.number(size // _MB)} MB; "
                            f"tối đa {vf.number(MAX_FILE_BYTES // _MB)} MB). Hãy chia "
                            "thành nhiều tệp nhỏ hơn.")
        raw = path.read_bytes()
    except FileNotFoundError:
        raise UserError(f"Không tìm thấy tệp “{path}”.") from None
    except IsADirectoryError:
        raise UserError(f"“{path}” là thư mục, không phải tệp JSON.") from None
    except OSError as exc:
        raise UserError(f"Không đọc được tệp “{path}”: {os_reason(exc)}.") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UserError(f"Tệp “{path.name}” không phải văn bản UTF-8 (lỗi ở byte thứ "
                        f"{exc.start}); hãy lưu lại tệp với bảng mã UTF-8.") from None
    if nesting_depth(text) > MAX_DEPTH:
        raise UserError(f"Tệp “{path.name}” lồng nhau quá sâu (quá {MAX_DEPTH} tầng […] hoặc "
                        "{…}); đây không phải tệp dữ liệu tgdesk.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise UserError(f"Tệp “{path.name}” không phải JSON hợp lệ: lỗi ở dòng {exc.lineno}, "
                        f"cột {exc.colno}.") from None
    except (ValueError, RecursionError) as exc:   # e.g. an integer of more than 4300 digits
        log.info("JSON not readable: %r", exc)
        raise UserError(f"Tệp “{path.name}” không phải JSON hợp lệ (có giá trị không đọc "
                        "được, ví dụ một số quá dài).") from None
    return data
