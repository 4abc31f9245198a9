"""tgdesk init adds the standard catalogues to a new database, unless told not to."""

from __future__ import annotations

from tgdesk.app import main
from tgdesk.domain import starter as data
from tgdesk.services import lists
from tgdesk.services.context import open_context

UNIT = ["--unit", "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN", "--parent", "ĐẢNG BỘ TP", "--place", "Bình Tiên"]


def catalogue_sizes(db) -> tuple[int, int]:
    ctx = open_context(db)
    try:
        return len(lists.catalogue(ctx, "categories")), len(lists.catalogue(ctx, "documents"))
    finally:
        ctx.close()


def campaign_count(db) -> int:
    ctx = open_context(db)
    try:
        return len(lists.catalogue(ctx, "campaigns"))
    finally:
        ctx.close()


def test_init_adds_the_standard_catalogues(db_path, capsys):
    assert main(["--db", str(db_path), "init", *UNIT]) == 0
    out = capsys.readouterr().out
    categories, documents = catalogue_sizes(db_path)
    assert categories == len(data.CATEGORIES) and documents >= 10
    campaigns = campaign_count(db_path)
    assert campaigns >= 5                     # the recurring themes at least, whatever today
    assert (f"Đã thêm danh mục ban đầu: {categories} lĩnh vực dư luận, {documents} văn bản "
            f"học tập, {campaigns} đợt, chủ đề tuyên truyền") in out
    # again on the same database: the catalogues are in use now, nothing is added
    assert main(["--db", str(db_path), "init", *UNIT]) == 0
    assert "danh mục ban đầu" not in capsys.readouterr().out
    assert catalogue_sizes(db_path) == (categories, documents)
    assert campaign_count(db_path) == campaigns


def test_init_without_the_standard_catalogues(db_path, capsys):
    assert main(["--db", str(db_path), "init", *UNIT, "--no-starter-catalogues"]) == 0
    out = capsys.readouterr().out
    assert "Đã thiết lập đơn vị: ĐẢNG ỦY PHƯỜNG BÌNH TIÊN." in out
    assert "danh mục ban đầu" not in out
    assert catalogue_sizes(db_path) == (0, 0) and campaign_count(db_path) == 0


def test_init_with_the_guidance_reports_cite(db_path, capsys):
    from datetime import date

    from tgdesk.services.unit import get_guidance

    assert main(["--db", str(db_path), "init", *UNIT, "--guidance-number", "Hướng dẫn số "
                 "12-HD/BTGDVTU", "--guidance-date", "05/01/2026"]) == 0
    assert "hướng dẫn của cấp trên" not in capsys.readouterr().out       # nothing left to do
    ctx = open_context(db_path)
    try:
        assert get_guidance(ctx).number == "12-HD/BTGDVTU"
        assert get_guidance(ctx).issued_on == date(2026, 1, 5)
    finally:
        ctx.close()


def test_init_guidance_needs_number_and_date_and_changes_nothing_when_wrong(db_path, capsys):
    assert main(["--db", str(db_path), "init", *UNIT]) == 0
    assert "số và ngày hướng dẫn của cấp trên" in capsys.readouterr().out   # still to do
    for extra, message in ((["--guidance-number", "12-HD/BTGDVTU"], "Ngày hướng dẫn: chưa nhập"),
                           (["--guidance-date", "05/01/2026"], "Số, ký hiệu hướng dẫn: chưa"),
                           (["--guidance-number", "12-HD", "--guidance-date", "5 tháng 1"],
                            "không đúng dạng")):
        assert main(["--db", str(db_path), "init", "--unit", "TÊN KHÁC", "--parent", "P",
                     "--place", "Q", *extra]) != 0
        assert message in capsys.readouterr().err
    ctx = open_context(db_path)
    try:
        from tgdesk.services.unit import get_unit
        assert get_unit(ctx).name == "ĐẢNG ỦY PHƯỜNG BÌNH TIÊN"
    finally:
        ctx.close()
