"""Limits of an Excel import, checked before openpyxl loads the workbook (docs/excel-import.md)."""

# openpyxl's normal mode (needed for merged cells) holds the whole workbook in
# memory: a million-row sheet took 44 s and a 200 MB cell 2.3 GB before. Here the
# file is refused first, cheaply: by its size, by the unpacked size of each part
# of the .xlsx zip (from the zip directory, nothing unpacked), and by a streamed
# count of every sheet's rows that stops as soon as a limit is passed.

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path
from xml.etree.ElementTree import ParseError, iterparse

from tgdesk import vnformat as vf

from ..errors import UserError, os_reason

MAX_ROWS = 20_000                       # data rows per file; more is surely a wrong file
HEADER_SEARCH_ROWS = 10                 # the header may sit under a title of a few rows
MAX_FILE_BYTES = 50 * 1024 * 1024       # the .xlsx file
MAX_PART_BYTES = 64 * 1024 * 1024       # one part of the zip, unpacked (a sheet, the strings)
MAX_UNPACKED_BYTES = 256 * 1024 * 1024  # every part, unpacked
MAX_PARTS = 10_000                      # members of the zip
MAX_SHEET_ROWS = 200_000                # rows of a sheet, blank (formatted) ones included
MAX_CELL_CHARS = 32_767                 # Excel's own limit for the text of one cell

_MB = 1024 * 1024


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _scan_sheet(fh) -> None:
    """Stream one sheet's XML: count its rows (with a value, and all) and check
    the length of inline texts, stopping as soon as a limit is passed."""
    with_value = rows = 0
    limit = MAX_ROWS + HEADER_SEARCH_ROWS
    for _event, elem in iterparse(fh, events=("end",)):
        tag = _local(elem.tag)
        if tag in ("v", "t") and elem.text and len(elem.text) > MAX_CELL_CHARS:
            raise UserError(f"Tệp có một ô dài hơn {vf.number(MAX_CELL_CHARS)} ký tự (giới hạn "
                            "của Excel); đây không phải tệp danh mục hợp lệ.")
        if tag != "row":
            continue
        rows += 1
        if any(_local(c.tag) == "c" and any(_local(x.tag) in ("v", "is") for x in c)
               for c in elem):
            with_value += 1
        elem.clear()
        if with_value > limit or rows > MAX_SHEET_ROWS:
            raise UserError(f"Tệp có hơn {vf.number(MAX_ROWS)} dòng dữ liệu trong một trang "
                            "tính; hãy chia thành nhiều tệp nhỏ hơn.")


def _scan_strings(fh) -> None:
    for _event, elem in iterparse(fh, events=("end",)):
        if _local(elem.tag) == "si":
            if sum(len(t.text or "") for t in elem.iter() if _local(t.tag) == "t") \
                    > MAX_CELL_CHARS:
                raise UserError(f"Tệp có một ô dài hơn {vf.number(MAX_CELL_CHARS)} ký tự "
                                "(giới hạn của Excel); đây không phải tệp danh mục hợp lệ.")
            elem.clear()


def precheck(path: Path) -> None:
    """Refuse, without loading the workbook, a file beyond the limits. A file that
    is not a zip at all is left to load_workbook, which names the problem."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise UserError(f"Không đọc được tệp “{path}”: {os_reason(exc)}.") from exc
    if size > MAX_FILE_BYTES:
        raise UserError(f"Tệp “{path.name}” quá lớn ({vf.number(size // _MB)} MB; tối đa "
                        f"{vf.number(MAX_FILE_BYTES // _MB)} MB cho một tệp danh mục). Hãy "
                        "chia thành nhiều tệp nhỏ hơn.")
    try:
        zf = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return
    too_big = UserError(f"Tệp “{path.name}” khi giải nén quá lớn so với một tệp danh mục "
                        f"(tối đa {vf.number(MAX_PART_BYTES // _MB)} MB mỗi phần, "
                        f"{vf.number(MAX_UNPACKED_BYTES // _MB)} MB tất cả); tệp bị từ chối.")
    with zf:
        infos = zf.infolist()
        if (len(infos) > MAX_PARTS or any(i.file_size > MAX_PART_BYTES for i in infos)
                or sum(i.file_size for i in infos) > MAX_UNPACKED_BYTES):
            raise too_big
        try:
            for info in infos:
                name = info.filename
                if name.startswith("xl/worksheets/") and name.endswith(".xml"):
                    with zf.open(info) as fh:
                        _scan_sheet(fh)
                elif name == "xl/sharedStrings.xml":
                    with zf.open(info) as fh:
                        _scan_strings(fh)
        except (ParseError, zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError,
                NotImplementedError, RuntimeError):
            return      # a damaged part: load_workbook refuses the file with its message
