"""A records file may give a document's study deadline (optional), checked like a form."""

from __future__ import annotations

import copy
from datetime import date

from tgdesk.services import lists
from tgdesk.services.jsonio import import_file

from json_records import GOOD, error_of, write     # tests/services/jsonio is on sys.path


def test_documents_with_and_without_a_deadline(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["documents"][1]["study_deadline"] = "2024-07-31"
    import_file(ctx, write(tmp_path, data))
    got = {r["number_symbol"]: r["study_deadline"] for r in lists.catalogue(ctx, "documents")}
    assert got == {"35-NQ/TW": None, "144-QĐ/TW": date(2024, 7, 31)}


def test_a_deadline_before_the_document_is_refused(ctx, tmp_path):
    data = copy.deepcopy(GOOD)
    data["documents"][1]["study_deadline"] = "2024-05-08"
    message = error_of(ctx, write(tmp_path, data))
    assert "documents[1] “144-QĐ/TW” (09/05/2024)" in message
    assert "“study_deadline”" in message
    assert "Hạn học tập: ngày 08/05/2024 trước ngày ban hành văn bản (09/05/2024)." in message
