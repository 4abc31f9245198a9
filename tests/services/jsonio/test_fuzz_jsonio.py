"""Fuzzing the JSON import: random and mutated records files, each on a fresh
copy of the database. The property: a result or a UserError (with a printable
message), never another exception; a refused import changes nothing.

Every crash found here became a named test beside this file (the lone
surrogate, deep nesting, the integer past 2^63, the study citing a document
that failed)."""

from __future__ import annotations

import copy
import itertools
import json
import shutil
from datetime import date

from hypothesis import HealthCheck, given, settings, strategies as st

from tgdesk.services.context import Context
from tgdesk.services.errors import UserError
from tgdesk.services.jsonio import SPECS, import_file
from tgdesk.store.db import create_db_engine, session_factory

from json_records import GOOD, TABLES, counts     # tests/services/jsonio is on sys.path

TODAY = date(2026, 11, 24)

FUZZ = settings(max_examples=100, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])

# Text as a bad file may hold it: lone surrogates, control characters, anything.
any_text = st.text(st.characters(exclude_categories=()), max_size=12)
scalars = st.one_of(
    st.none(), st.booleans(), any_text,
    st.integers(min_value=-(2**70), max_value=2**70),
    st.sampled_from([0, -1, 2**31, 2**63, 2**63 - 1, 10**9, 999_999_999, 50_001, 100_001]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.sampled_from(["2026-11-05", "2026-02-30", "2030-01-01", "1900-01-01", "05/11/2026",
                     "2026-11-05\n", "٢٠٢٦-١١-٠٥", "35-NQ/TW", "Khu phố 1", "Chi bộ Khu phố 1",
                     "Trần Thị Mai", "Đất đai – môi trường", "giao_ban", "mat", "thuong",
                     "11111111-1111-4111-8111-111111111111"]),
    st.builds(lambda n: "x" * n, st.sampled_from([10_001, 50_001])))
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(any_text, inner, max_size=4)), max_leaves=12)

KEYS = sorted({f for spec in SPECS for f in spec.record.__dataclass_fields__}
              | {r.key for spec in SPECS for r in spec.refs} | {"id", "updated_at", "x"})


@st.composite
def mutated(draw) -> dict:
    """GOOD with a few random changes: a field set, removed or added, an item
    replaced, repeated or dropped, a list replaced, a top-level key changed."""
    data = copy.deepcopy(GOOD)
    for _ in range(draw(st.integers(1, 6))):
        kind = draw(st.sampled_from([s.kind for s in SPECS]))
        items = data.get(kind)
        how = draw(st.sampled_from(["set", "set", "set", "drop_key", "item", "repeat",
                                    "remove", "list", "top"]))
        if how == "list" or not isinstance(items, list) or not items:
            data[kind] = draw(values)
            continue
        i = draw(st.integers(0, len(items) - 1))
        item = items[i]
        if how == "top":
            data[draw(st.sampled_from(["format", "version", "extra", kind]))] = draw(values)
        elif how == "item" or not isinstance(item, dict):
            items[i] = draw(values)
        elif how == "repeat":
            items.append(copy.deepcopy(item))
        elif how == "remove":
            items.pop(i)
        elif how == "drop_key" and item:
            item.pop(draw(st.sampled_from(sorted(item))))
        else:
            item[draw(st.sampled_from(KEYS))] = draw(values)
    return data


def _fresh(template_db, tmp_path, counter) -> Context:
    """A Context on a new copy of the migrated template (no upgrade check: fast)."""
    path = tmp_path / f"f{next(counter)}.sqlite"
    shutil.copy(template_db, path)
    engine = create_db_engine(path)
    return Context(engine, session_factory(engine), path, lambda: TODAY)


def _check(ctx, path) -> None:
    before = counts(ctx)
    try:
        result = import_file(ctx, path)
    except UserError as exc:
        str(exc).encode("utf-8")            # printable: the CLI and the window show it
        assert counts(ctx) == before, "a refused import must change nothing"
    else:
        result.text().encode("utf-8")
        assert sum(counts(ctx)) - sum(before) == result.total


@FUZZ
@given(data=mutated(), flips=st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)),
                                       max_size=3))
def test_mutated_records_files_are_imported_or_refused(template_db, tmp_path, data, flips):
    counter = test_mutated_records_files_are_imported_or_refused.counter
    raw = bytearray(json.dumps(data, ensure_ascii=bool(flips) or None).encode("utf-8",
                                                                               "surrogatepass"))
    for at, byte in flips:                 # a few damaged bytes, sometimes
        raw[at % len(raw)] = byte
    path = tmp_path / "in.json"
    path.write_bytes(bytes(raw))
    ctx = _fresh(template_db, tmp_path, counter)
    try:
        _check(ctx, path)
    finally:
        ctx.close()


test_mutated_records_files_are_imported_or_refused.counter = itertools.count()


@FUZZ
@given(body=st.dictionaries(st.sampled_from([s.kind for s in SPECS] + ["format", "version",
                                                                        "x"]),
                            values, max_size=4))
def test_random_records_files_are_imported_or_refused(template_db, tmp_path, body):
    data = {"format": "tgdesk-records", "version": 1, **body}
    path = tmp_path / "in.json"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")
    ctx = _fresh(template_db, tmp_path, test_random_records_files_are_imported_or_refused.counter)
    try:
        _check(ctx, path)
    finally:
        ctx.close()


test_random_records_files_are_imported_or_refused.counter = itertools.count()


def test_every_table_is_counted():
    assert len(TABLES) == len(SPECS)
