"""The shape of a JSON records file: format and version, known top-level lists, record count."""

from __future__ import annotations

from pathlib import Path

from tgdesk import vnformat as vf
from tgdesk.domain.text import printable

from ..errors import UserError
from ..jsonfile import load_json
from .result import Errors
from .specs import SPEC_BY_KIND, SPECS

FORMAT = "tgdesk-records"
VERSION = 1
MAX_RECORDS = 200_000                  # records of every kind in one file


def read_file(path: Path) -> dict:
    """The parsed file, refused unless it is a records file of this version.

    Its size and nesting are checked before it is parsed (..jsonfile)."""
    data = load_json(path)
    if not isinstance(data, dict):
        raise UserError(f"Tệp “{path.name}”: nội dung phải là một đối tượng JSON {{…}} có "
                        f"“format”: “{FORMAT}”.")
    if data.get("format") != FORMAT:
        raise UserError(f"Tệp “{path.name}” không phải tệp bản ghi tgdesk: cần "
                        f"“format”: “{FORMAT}”.")
    version = data.get("version")
    if type(version) is not int or version != VERSION:
        raise UserError(f"Tệp “{path.name}”: phiên bản định dạng “{printable(str(version), 40)}”"
                        f" không được hỗ trợ (cần “version”: {VERSION}).")
    return data


def record_lists(data: dict, path: Path, errors: Errors) -> dict[str, list]:
    """kind -> the list of JSON records of that kind in the file.

    An unknown top-level key or a kind that is not a list is an error (added to
    ``errors``); more than ``MAX_RECORDS`` records in all refuses the file."""
    for key in data:
        if key not in ("format", "version") and key not in SPEC_BY_KIND:
            errors.add(f"Khóa “{printable(key, 40)}” ở cấp ngoài cùng không có trong định dạng "
                       f"(chỉ dùng: format, version, {', '.join(s.kind for s in SPECS)}).")
    lists: dict[str, list] = {}
    for spec in SPECS:
        items = data.get(spec.kind)
        if items is None:
            continue
        if not isinstance(items, list):
            errors.add(f"“{spec.kind}” phải là một danh sách […].")
            continue
        lists[spec.kind] = items
    total = sum(len(items) for items in lists.values())
    if total > MAX_RECORDS:
        raise UserError(f"Tệp “{path.name}” có {vf.number(total)} bản ghi, quá giới hạn "
                        f"{vf.number(MAX_RECORDS)} bản ghi một tệp; hãy chia thành nhiều tệp.")
    return lists
