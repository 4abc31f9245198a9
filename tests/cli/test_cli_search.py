"""`tgdesk list --search`: the notes holding the words together come first (the
same order as the window), quotes find the phrase only, --sort wins."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tgdesk.app import main

RECORDS = {
    "format": "tgdesk-records", "version": 1,
    "areas": [{"name": "Khu phố 1"}], "categories": [{"name": "Đất đai"}],
    "opinions": [
        {"noted_on": "2026-11-02", "area": "Khu phố 1", "category": "Đất đai",
         "summary": "Tranh chấp đất đai ở tổ 4."},
        {"noted_on": "2026-11-09", "area": "Khu phố 1", "category": "Đất đai",
         "summary": "Cấp giấy chứng nhận quyền sử dụng đất còn kéo dài."},
        {"noted_on": "2026-11-05", "area": "Khu phố 1", "category": "Đất đai",
         "summary": "Giá đất tăng."},
    ],
}
PHRASE, APART = "Tranh chấp đất đai ở tổ 4.", "Cấp giấy chứng nhận quyền sử dụng đất còn kéo dài."


@pytest.fixture
def db(db_path, tmp_path, capsys) -> Path:
    data = tmp_path / "notes.json"
    data.write_text(json.dumps(RECORDS, ensure_ascii=False), encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(data)]) == 0
    capsys.readouterr()
    return db_path


def listed(db: Path, capsys, *args: str) -> list[str]:
    assert main(["--db", str(db), "list", "opinions", *args]) == 0
    out = capsys.readouterr().out
    return [n["summary"] for n in json.loads(out)] if "--json" in args else out.splitlines()


def test_phrase_first_in_json_and_in_the_table(db, capsys):
    assert listed(db, capsys, "--search", "dat dai", "--json") == [PHRASE, APART]
    lines = listed(db, capsys, "--search", "dat dai")
    body = [ln for ln in lines[2:] if ln.strip() and not ln.endswith("bản ghi.")]
    assert [ln.split()[0] for ln in body] == ["02/11/2026", "09/11/2026"]


def test_quotes_and_sort(db, capsys):
    assert listed(db, capsys, "--search", '"dat dai"', "--json") == [PHRASE]
    # a column sort wins: "Cấp…" before "Tranh…"
    assert listed(db, capsys, "--search", "dat dai", "--sort", "summary", "--asc",
                  "--json") == [APART, PHRASE]
