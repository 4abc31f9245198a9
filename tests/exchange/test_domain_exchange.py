"""The pure part: fingerprints, manifest checks, the merge decision."""

from __future__ import annotations

from datetime import datetime

import pytest

from tgdesk.domain import exchange as dx
from tgdesk.domain.exchange import Action, Local, PackageError

T0, T1, T2 = datetime(2026, 11, 1), datetime(2026, 11, 2), datetime(2026, 11, 3)


def test_fingerprint_is_eight_groups_of_four_hex_digits():
    fp = dx.fingerprint("0" * 8 + "-0000-4000-8000-" + "0" * 12, b"a" * 32, b"b" * 32)
    groups = fp.split("-")
    assert len(groups) == 8 and all(len(g) == 4 and int(g, 16) >= 0 for g in groups)


def test_manifest_refuses_unknown_version_and_foreign_files():
    with pytest.raises(PackageError, match="phiên bản"):
        dx.Manifest.from_json({"format": dx.FORMAT, "format_version": 99})
    with pytest.raises(PackageError, match="không phải gói"):
        dx.Manifest.from_json({"format": "zip"})
    with pytest.raises(PackageError, match="hỏng"):
        dx.Manifest.from_json({"format": dx.FORMAT, "format_version": 1})


@pytest.mark.parametrize("local, theirs, deleted, catalogue, expected", [
    (None, T1, False, False, Action.ADD),
    (None, T1, True, False, Action.UNCHANGED),
    (Local(T0, False, None), T1, False, False, Action.REFUSE),        # our own record
    (Local(T0, False, None), T1, False, True, Action.LINK),           # our own catalogue row
    (Local(T0, False, 7, 7, T0), T1, False, False, Action.REFUSE),    # another sender's
    (Local(T1, False, 5, 5, T1), T1, False, False, Action.UNCHANGED),  # same version again
    (Local(T1, False, 5, 5, T1), T0, False, False, Action.UNCHANGED),  # older version
    (Local(T1, False, 5, 5, T1), T2, False, False, Action.UPDATE),
    (Local(T1, False, 5, 5, T1), T2, True, False, Action.DELETE),
    (Local(T2, False, 5, 5, T1), T2, False, False, Action.CONFLICT),  # changed here too
])
def test_decide(local, theirs, deleted, catalogue, expected):
    assert dx.decide(5, theirs, deleted, local, catalogue)[0] is expected
