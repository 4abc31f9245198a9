"""render_report: atomic writes, clear errors, no stray files."""

import errno
import os
import stat
import sys
from pathlib import Path

import pytest

from tgdesk.domain.period import Period
from tgdesk.services import files, reports
from tgdesk.services.errors import UserError

OCT = Period.month(2026, 10)


def test_render_both_formats(filled, tmp_path):
    data = reports.build_report(filled, "work", OCT)
    out = reports.render_report(data, tmp_path / "out", stem="BaoCao_X")
    assert [p.name for p in out] == ["BaoCao_X.docx", "BaoCao_X.pdf"]
    assert sorted(os.listdir(tmp_path / "out")) == ["BaoCao_X.docx", "BaoCao_X.pdf"]
    assert out[0].read_bytes()[:2] == b"PK" and out[1].read_bytes()[:5] == b"%PDF-"
    # overwrite in place
    assert reports.render_report(data, tmp_path / "out", ("pdf",), stem="BaoCao_X") == [out[1]]


@pytest.mark.skipif(sys.platform == "win32" or os.geteuid() == 0,
                    reason="permissions are not enforced for root")
def test_unwritable_folder_is_a_user_error(filled, tmp_path):
    data = reports.build_report(filled, "work", OCT)
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    try:
        with pytest.raises(UserError, match="Không ghi được báo cáo vào thư mục"):
            reports.render_report(data, folder, stem="r")
        assert os.listdir(folder) == []
    finally:
        folder.chmod(stat.S_IRWXU)


def test_folder_that_is_a_file_is_a_user_error(filled, tmp_path):
    data = reports.build_report(filled, "work", OCT)
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(UserError, match="Không ghi được báo cáo vào thư mục"):
        reports.render_report(data, blocker / "sub", stem="r")


def test_disk_full_leaves_no_stray_file(filled, tmp_path, monkeypatch):
    data = reports.build_report(filled, "work", OCT)
    real = Path.write_bytes

    def full(path, content):   # the disk fills up half-way through the PDF
        if content[:5] == b"%PDF-":
            real(path, content[:9])
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, content)

    monkeypatch.setattr(Path, "write_bytes", full)
    with pytest.raises(UserError, match="Ổ đĩa đầy"):
        reports.render_report(data, tmp_path, ("docx", "pdf"), stem="r")
    assert sorted(os.listdir(tmp_path)) == ["filled.sqlite", "r.docx"] or \
        sorted(p for p in os.listdir(tmp_path) if p.startswith("r")) == ["r.docx"]
    assert not any(p.endswith(".tmp") for p in os.listdir(tmp_path))


def test_unknown_format(filled, tmp_path):
    data = reports.build_report(filled, "work", OCT)
    with pytest.raises(UserError, match="không hỗ trợ"):
        reports.render_report(data, tmp_path, ("odt",), stem="r")


def test_permission_denied_is_a_user_error(filled, tmp_path, monkeypatch):
    """Root ignores folder permissions, so simulate the refusal."""
    data = reports.build_report(filled, "work", OCT)
    out = tmp_path / "out"
    out.mkdir()

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(files.tempfile, "mkstemp", denied)
    with pytest.raises(UserError,
                       match="Không ghi được báo cáo vào thư mục .*không có quyền truy cập"):
        reports.render_report(data, out, stem="r")
    assert os.listdir(out) == []
