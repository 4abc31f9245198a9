"""Building ReportData from the database (services/reports.py): refusals, file names,
the JSON round trip. The wording of each part is tested in tests/reports/compose/."""

from datetime import date

import pytest

from tgdesk.domain.period import Period
from tgdesk.services import reports, unit
from tgdesk.services.errors import UserError

NOV = Period.month(2026, 11)
OCT = Period.month(2026, 10)


def test_future_period_and_missing_unit_are_refused(ctx, with_unit):
    with pytest.raises(UserError, match="chưa bắt đầu"):
        reports.build_report(with_unit, "work", Period.month(2026, 12))
    with pytest.raises(UserError, match="không hợp lệ"):
        reports.build_report(with_unit, "budget", NOV)


def test_no_unit_asks_for_set_up(ctx):
    with pytest.raises(UserError, match="Chưa khai báo thông tin đơn vị"):
        reports.build_report(ctx, "work", OCT)


def test_file_stem(filled):
    u = unit.get_unit(filled)
    assert reports.report_file_stem(u, "work", NOV) == \
        "BaoCao_TuyenGiao_DangUyPhuongBinhTien_2026-11"
    assert reports.report_file_stem(u, "opinion", Period.quarter(2026, 4)) == \
        "BaoCao_DLXH_DangUyPhuongBinhTien_2026-Q4"
    custom = Period.custom(date(2026, 10, 1), date(2026, 11, 20))
    assert reports.report_file_stem(u, "work", custom).endswith("_2026-10-01_2026-11-20")


def test_report_data_json_round_trip(filled):
    from tgdesk.reports.model import from_json, to_json

    for kind, period in (("work", OCT), ("work", Period.year(2025)), ("opinion", OCT)):
        data = reports.build_report(filled, kind, period, number=3)
        assert from_json(to_json(data)) == data
