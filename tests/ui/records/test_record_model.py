from datetime import date

import pytest

from tgdesk.domain.filters import ListFilter
from tgdesk.domain.records import OpinionNote, StudySession
from tgdesk.services.kinds import MEETINGS, OPINIONS, STUDIES
from tgdesk.ui.records.record_model import RecordModel

pytestmark = pytest.mark.gui


@pytest.fixture
def some_records(ctx, catalogue, make_meetings):
    make_meetings(ctx, 3)
    STUDIES.create(ctx, StudySession(held_on=date(2026, 11, 2), title="Quán triệt 35-NQ/TW",
                                     document_ids=[catalogue["doc"], catalogue["doc2"]],
                                     cell_id=catalogue["cell"], speaker_id=catalogue["speaker"],
                                     party_members_expected=40, party_members_present=36))
    STUDIES.create(ctx, StudySession(held_on=date(2026, 11, 3), title="Chuyên đề năm 2026",
                                     document_ids=[catalogue["doc2"]], speaker_name="Khách mời",
                                     key_cadres=5))
    OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 10),
                                     category_id=catalogue["category"],
                                     area_id=catalogue["area"], summary="Băn khoăn về giá đất"))
    OPINIONS.create(ctx, OpinionNote(noted_on=date(2026, 11, 11),
                                     category_id=catalogue["category"],
                                     summary="Đồng tình chủ trương", attitude="dong_tinh"))


@pytest.mark.parametrize("kind", ["meetings", "studies", "opinions"])
def test_model_passes_modeltester_with_data(ctx, some_records, qtmodeltester, kind):
    model = RecordModel(ctx, kind)
    model.load()
    assert model.rowCount() >= 2
    qtmodeltester.check(model)


@pytest.mark.parametrize("kind", ["meetings", "studies", "opinions"])
def test_model_passes_modeltester_empty(ctx, qtmodeltester, kind):
    model = RecordModel(ctx, kind)
    model.load()
    assert model.rowCount() == 0
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_model_fetches_lazily(ctx, qtbot, qtmodeltester, make_meetings):
    make_meetings(ctx, 250)
    model = RecordModel(ctx, "meetings", page_size=100)
    with qtbot.waitSignal(model.counted):      # the total follows the first page
        model.load()
    assert model.total() == 250
    assert model.rowCount() == 100
    assert model.pages_loaded == 0       # no row fetched until something asks
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 200
    model.fetchMore()
    assert model.rowCount() == 250
    assert not model.canFetchMore()
    qtmodeltester.check(model)


def test_model_rows_arrive_in_pages_and_newest_first(ctx, make_meetings):
    make_meetings(ctx, 250)
    model = RecordModel(ctx, "meetings", page_size=100)
    model.load()
    first = model.index(0, 0).data()
    second = model.index(1, 0).data()
    assert model.pages_loaded == 1
    assert first >= second or first[-4:] >= second[-4:]
    model.fetchMore()
    assert model.index(150, 2).data().startswith("Giao ban số")
    assert model.pages_loaded == 2


def test_model_formats_the_vietnamese_way(ctx, some_records):
    model = RecordModel(ctx, "studies")
    model.load()
    titles = [model.index(r, 1).data() for r in range(model.rowCount())]
    row = titles.index("Quán triệt 35-NQ/TW")
    texts = [model.index(row, c).data() for c in range(model.columnCount())]
    assert texts[0] == "02/11/2026"
    assert "35-NQ/TW" in texts[2] and "05-CT/TW" in texts[2]
    assert "36/40" in texts
    assert "90,0%" in texts      # one decimal, as every rate (vnformat.percent)
    other = titles.index("Chuyên đề năm 2026")
    assert model.index(other, 3).data() == "Toàn Đảng bộ"


def test_model_trash_filter(ctx, some_records):
    model = RecordModel(ctx, "meetings")
    model.load()
    victim = model.id_at(0)
    MEETINGS.delete(ctx, victim)
    model.load(ListFilter(deleted=True))
    assert [model.id_at(r) for r in range(model.rowCount())] == [victim]


@pytest.mark.parametrize("kind", ["meetings", "studies", "opinions"])
def test_model_sorts_by_every_column_and_passes_modeltester(ctx, some_records, qtmodeltester,
                                                            kind):
    from PySide6.QtCore import Qt
    model = RecordModel(ctx, kind)
    model.load()
    everything = sorted(model.id_at(r) for r in range(model.rowCount()))
    for column in range(model.columnCount()):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            model.sort(column, order)
            assert model.sort_state() == (model.columns[column].key,
                                          order == Qt.SortOrder.DescendingOrder)
            assert sorted(model.id_at(r) for r in range(model.rowCount())) == everything
    qtmodeltester.check(model)


def test_model_sort_orders_rows_and_keeps_the_filter(ctx, some_records):
    from PySide6.QtCore import Qt
    model = RecordModel(ctx, "studies")
    model.load(ListFilter(date_from=date(2026, 11, 1)))
    model.sort(model.column_of("title"), Qt.SortOrder.AscendingOrder)
    assert [model.index(r, 1).data() for r in range(model.rowCount())] == [
        "Chuyên đề năm 2026", "Quán triệt 35-NQ/TW"]
    assert model.filter.date_from == date(2026, 11, 1)
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.sort(model.column_of("title"), Qt.SortOrder.AscendingOrder)   # unchanged: no reload
    assert resets == []
    initial = Qt.ItemDataRole.InitialSortOrderRole
    assert model.headerData(1, Qt.Orientation.Horizontal, initial) == Qt.SortOrder.AscendingOrder.value
    assert model.headerData(0, Qt.Orientation.Horizontal, initial) == Qt.SortOrder.DescendingOrder.value
