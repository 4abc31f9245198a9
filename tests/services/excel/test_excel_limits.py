"""Limits checked before the workbook is loaded (services/excel/limits.py, issue 9)."""

from __future__ import annotations

import pytest

from tgdesk.services import excel
from tgdesk.services.excel import limits, workbook
from tgdesk.services.errors import UserError

from xlsx_files import filled     # tests/services/excel is on sys.path


def _crafted(tmp_path, name: str, write_rows, strings: bytes | None = None):
    """The cells template with its sheet XML replaced by ``write_rows(fh)``'s."""
    import zipfile
    src = tmp_path / "mau.xlsx"
    excel.write_template("cells", src)
    out = tmp_path / name
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with zout.open(info.filename, "w", force_zip64=True) as fh:
                    fh.write(b'<worksheet xmlns="http://schemas.openxmlformats.org/'
                             b'spreadsheetml/2006/main"><sheetData>')
                    write_rows(fh)
                    fh.write(b"</sheetData></worksheet>")
            else:
                zout.writestr(info, zin.read(info))
        if strings is not None:
            zout.writestr("xl/sharedStrings.xml", strings)
    return out


def _never_loaded(monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("the workbook must be refused before it is loaded")
    monkeypatch.setattr(workbook, "load_workbook", fail)


HEADER_ROW = ('<row r="1"><c r="A1" t="inlineStr"><is><t>Tên chi bộ</t></is></c></row>'
              .encode())


def test_million_row_workbook_is_refused_before_loading(ctx, tmp_path, monkeypatch):
    def million(fh):
        fh.write(HEADER_ROW)
        for r in range(2, 1_000_002):
            fh.write(b'<row r="%d"><c r="A%d" t="inlineStr"><is><t>Chi bo %d</t></is></c></row>'
                     % (r, r, r))
    path = _crafted(tmp_path, "trieu.xlsx", million)
    _never_loaded(monkeypatch)
    with pytest.raises(UserError, match="giải nén quá lớn"):
        excel.preview_import(ctx, "cells", path)


def test_rows_beyond_the_limit_are_counted_before_loading(ctx, tmp_path, monkeypatch):
    def many(fh):
        fh.write(HEADER_ROW)
        for r in range(2, 40_002):
            fh.write(b'<row r="%d"><c r="A%d"><v>%d</v></c></row>' % (r, r, r))
    path = _crafted(tmp_path, "nhieu.xlsx", many)
    _never_loaded(monkeypatch)
    with pytest.raises(UserError, match="hơn 20.000 dòng dữ liệu"):
        excel.preview_import(ctx, "cells", path)


def test_200_mb_cell_is_refused_before_loading(ctx, tmp_path, monkeypatch):
    def big(fh):
        fh.write(HEADER_ROW + b'<row r="2"><c r="A2" t="inlineStr"><is><t>')
        for _ in range(200):
            fh.write(b"a" * (1024 * 1024))
        fh.write(b"</t></is></c></row>")
    path = _crafted(tmp_path, "o-lon.xlsx", big)
    assert path.stat().st_size < 1024 * 1024          # it compresses to almost nothing
    _never_loaded(monkeypatch)
    with pytest.raises(UserError, match="giải nén quá lớn"):
        excel.preview_import(ctx, "cells", path)


def test_cell_longer_than_excel_allows_is_refused_before_loading(ctx, tmp_path, monkeypatch):
    def long_cell(fh):
        fh.write(HEADER_ROW + b'<row r="2"><c r="A2" t="inlineStr"><is><t>' + b"a" * 40_000
                 + b"</t></is></c></row>")
    path = _crafted(tmp_path, "dai.xlsx", long_cell)
    _never_loaded(monkeypatch)
    with pytest.raises(UserError, match="32.767 ký tự"):
        excel.preview_import(ctx, "cells", path)
    # openpyxl itself cuts a cell at 32,767 characters; another writer may not.
    shared = _crafted(tmp_path, "chung.xlsx",
                      lambda fh: fh.write(HEADER_ROW + b'<row r="2"><c r="A2" t="s"><v>0</v></c>'
                                          b"</row>"),
                      strings=b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                              b'2006/main"><si><r><t>' + b"b" * 20_000 + b"</t></r><r><t>"
                              + b"c" * 20_000 + b"</t></r></si></sst>")
    with pytest.raises(UserError, match="32.767 ký tự"):
        excel.preview_import(ctx, "cells", shared)


def test_file_over_the_size_limit_is_refused(ctx, tmp_path, monkeypatch):
    path = filled(tmp_path, "cells", [["Chi bộ 1"]])
    monkeypatch.setattr(limits, "MAX_FILE_BYTES", path.stat().st_size - 1)
    with pytest.raises(UserError, match="quá lớn"):
        excel.preview_import(ctx, "cells", path)


def test_damaged_deflate_stream_is_refused_plainly(ctx, tmp_path):
    """Found by fuzzing: zlib.error (not an OSError) escaped the row count."""
    import zipfile
    path = filled(tmp_path, "cells", [["Chi bộ 1"]] * 50)
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as zf:
        info = zf.getinfo("xl/worksheets/sheet1.xml")
    start = info.header_offset + 30 + len(info.filename) + len(info.extra)
    data[start:start + 40] = b"\xff" * 40
    path.write_bytes(bytes(data))
    with pytest.raises(UserError, match="không phải tệp Excel .xlsx hoặc đã bị hỏng"):
        excel.preview_import(ctx, "cells", path)
