"""The audit log's chain (domain/audit.py): an entry edited, removed or moved
is found, and where."""

from __future__ import annotations

from dataclasses import replace

from tgdesk.domain.audit import GENESIS, AuditEntry, chain, entry_hash, verify


def entries(n: int = 5) -> list[AuditEntry]:
    raw = [AuditEntry(0, f"2026-11-0{i + 1}T08:00:00.000000", "hoa", "edit", "opinion_note",
                      f"uuid-{i}", i, f'{{"summary":["cũ {i}","mới {i}"]}}') for i in range(n)]
    return chain(raw, GENESIS, 1)


def test_a_fresh_chain_is_intact_and_linked():
    log = entries()
    assert [e.seq for e in log] == [1, 2, 3, 4, 5]
    assert log[0].prev_hash == GENESIS
    assert all(b.prev_hash == a.hash for a, b in zip(log, log[1:]))
    assert verify(log) == []
    assert verify([]) == []


def test_an_edited_entry_is_named():
    log = entries()
    log[2] = replace(log[2], changes='{"summary":["cũ 2","đã sửa"]}')
    assert [(b.seq, b.message) for b in verify(log)] == [(3, "Mục 3 đã bị sửa sau khi ghi.")]


def test_an_edit_with_its_hash_recomputed_breaks_the_link_after_it():
    log = entries()
    forged = replace(log[1], actor="khac")
    log[1] = replace(forged, hash=entry_hash(forged))
    assert [b.seq for b in verify(log)] == [3]
    assert "không nối tiếp" in verify(log)[0].message


def test_a_removed_entry_and_moved_entries_are_found():
    log = entries()
    removed = log[:1] + log[2:]
    messages = [b.message for b in verify(removed)]
    assert messages[0] == "Thiếu mục 2 (đã bị xóa)."
    moved = [log[0], log[2], log[1], log[3], log[4]]
    found = verify(moved)
    assert {b.seq for b in found} >= {2, 3}
    assert any("sai thứ tự" in b.message for b in found)
    assert verify(log[:-2]) == []       # the newest removed: a chain alone cannot tell
