"""``report --kind opinion``: every bức xúc note and hot spot listed by default (or as the
saved draft chose); ``--exclude-notes ID,ID`` leaves some out, ``""`` lists them all."""

from __future__ import annotations

import unicodedata
from datetime import date

import pdfplumber

from tgdesk.app import main
from tgdesk.domain.records import Area, OpinionCategory, OpinionNote, UnitSettings
from tgdesk.services import kinds, register, unit
from tgdesk.services.register import EXCLUDED_NOTES

UNIT = UnitSettings(name="ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", parent_name="ĐẢNG BỘ THÀNH PHỐ HỒ CHÍ MINH",
                    place_name="Bình Tiên", doc_abbrev="ĐU", signer_authority="T/M ĐẢNG ỦY",
                    signer_title="PHÓ BÍ THƯ", signer_name="Nguyễn Văn An", profile="party")


def _pdf_text(folder) -> str:
    (path,) = folder.glob("*.pdf")
    with pdfplumber.open(path) as pdf:
        text = "\n".join(p.extract_text() or "" for p in pdf.pages)
    return " ".join(unicodedata.normalize("NFC", text).split())


def _setup(ctx) -> tuple[int, int]:
    unit.save_unit(ctx, UNIT)
    cat = kinds.CATEGORIES.create(ctx, OpinionCategory(name="Đất đai – môi trường")).id
    area = kinds.AREAS.create(ctx, Area(name="Khu phố 3")).id

    def add(day, summary, **kw):
        fields = dict(noted_on=date(2026, 10, day), category_id=cat, area_id=area,
                      summary=summary, attitude="buc_xuc", concern="cao", follow_up="moi")
        return kinds.OPINIONS.create(ctx, OpinionNote(**{**fields, **kw})).id

    rubbish = add(6, "Rác thải tồn đọng tại điểm tập kết")
    flood = add(9, "Ngập nước kéo dài khi triều cường", concern="diem_nong",
                proposal="Đề nghị khơi thông cống rãnh")
    return rubbish, flood


def test_exclude_notes_on_the_command_line(ctx, tmp_path, capsys):
    rubbish, flood = _setup(ctx)
    db = str(ctx.db_path)
    ctx.close()
    base = ["--db", db, "report", "--kind", "opinion", "--period", "2026-10", "--format", "pdf"]

    assert main([*base, "--out", str(tmp_path / "all")]) == 0
    err = capsys.readouterr().err
    assert f"Báo cáo nêu 2/2 ý kiến bức xúc, điểm nóng (mã {rubbish}, {flood})" in err
    text = _pdf_text(tmp_path / "all")
    assert "Rác thải tồn đọng" in text and "Ngập nước kéo dài" in text and "MẬT" in text

    assert main([*base, "--out", str(tmp_path / "some"), "--exclude-notes", f"{flood},9999"]) == 0
    err = capsys.readouterr().err
    assert "mã 9999 không phải ý kiến bức xúc, điểm nóng của tháng 10 năm 2026" in err
    assert f"Báo cáo nêu 1/2 ý kiến bức xúc, điểm nóng (mã {rubbish})" in err
    text = _pdf_text(tmp_path / "some")
    assert "Rác thải tồn đọng" in text and "Ngập nước kéo dài" not in text

    assert main([*base, "--out", str(tmp_path / "bad"), "--exclude-notes", "12,abc"]) == 2
    assert "“abc” không phải mã ý kiến" in capsys.readouterr().err
    assert not (tmp_path / "bad").exists()
    work = ["--db", db, "report", "--kind", "work", "--period", "2026-10"]
    assert main([*work, "--out", str(tmp_path / "w"), "--exclude-notes", "1"]) == 2
    assert "chỉ dùng cho báo cáo dư luận" in capsys.readouterr().err


def test_the_saved_choice_is_used_and_an_empty_list_overrides_it(ctx, tmp_path, capsys):
    rubbish, flood = _setup(ctx)
    register.save_draft(ctx, "opinion", "2026-10", {EXCLUDED_NOTES: [rubbish]}, "party")
    db = str(ctx.db_path)
    ctx.close()
    base = ["--db", db, "report", "--kind", "opinion", "--period", "2026-10", "--format", "pdf"]

    assert main([*base, "--out", str(tmp_path / "draft")]) == 0
    text = _pdf_text(tmp_path / "draft")
    assert "Rác thải tồn đọng" not in text and "Ngập nước kéo dài" in text
    assert f"(mã {flood})" in capsys.readouterr().err

    assert main([*base, "--out", str(tmp_path / "all"), "--exclude-notes", ""]) == 0
    text = _pdf_text(tmp_path / "all")
    assert "Rác thải tồn đọng" in text and "Ngập nước kéo dài" in text
