"""The standard catalogue rows carry the same UUID at every level (derived from
their kind and key), so a catalogue package from the level above matches the
ward's own copy of a standard row instead of adding a second row of the same name."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date

from sqlalchemy import text

from tgdesk.domain import starter as std
from tgdesk.services import exchange as ex
from tgdesk.services import lists
from tgdesk.services import starter
from tgdesk.services.context import open_context

TODAY = date(2026, 11, 24)


def test_a_catalogue_package_does_not_duplicate_the_standard_rows(template_db, tmp_path):
    ctxs = {}
    for name in ("ward", "upper"):
        (tmp_path / name).mkdir()
        path = tmp_path / name / "tgdesk.sqlite"
        shutil.copy(template_db, path)
        ctxs[name] = ctx = open_context(path, today=lambda: TODAY)
        ex.init_unit(ctx, f"ĐẢNG ỦY {name.upper()}", "ĐẢNG BỘ QUẬN", "Bình Tiên",
                     starter=starter.standard_rows(TODAY))
    ward, upper = ctxs["ward"], ctxs["upper"]
    try:
        ex.write_key_file(ward, tmp_path / "ward.key")
        ex.write_key_file(upper, tmp_path / "upper.key")
        child = ex.add_unit(upper, tmp_path / "ward.key", "child")
        ex.add_unit(ward, tmp_path / "upper.key", "parent")
        before = {k: len(lists.catalogue(ward, k)) for k in starter.KINDS}
        assert before["categories"] == len(std.CATEGORIES)
        ex.export_catalogue(upper, str(child.id), tmp_path / "cat.tgx")
        ex.import_packages(ward, tmp_path / "cat.tgx")
        for kind, key in (("categories", "name"), ("documents", "number_symbol"),
                          ("campaigns", "name")):
            names = Counter(r[key] for r in lists.catalogue(ward, kind))
            assert max(names.values()) == 1, (kind, names.most_common(2))
            assert len(names) == before[kind]
        with ward.reading() as session:       # the ward's own rows stay its own
            received = session.execute(text(
                "SELECT count(*) FROM opinion_category WHERE origin_unit_id IS NOT NULL")).scalar()
        assert received == 0
    finally:
        ward.close()
        upper.close()


def test_the_standard_uuid_is_stable_and_differs_per_kind_and_key():
    a = std.starter_uuid("categories", "Trật tự đô thị")
    assert a == std.starter_uuid("categories", "Trật tự đô thị")
    assert a != std.starter_uuid("campaigns", "Trật tự đô thị")
    assert a != std.starter_uuid("categories", "Đất đai – môi trường")
