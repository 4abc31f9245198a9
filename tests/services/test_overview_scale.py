"""The database the overview and the list benchmark are measured on:
``demo --scale N`` makes opinion notes 5×N, study sessions 3×N, propaganda
activities and online entries 2×N, models 4×N as many as one load
(SCALE_FACTORS), so ``--years 5 --scale 20`` passes 100,000 notes."""

import shutil

import pytest

from tgdesk.services import lists
from tgdesk.services.context import open_context
from tgdesk.services.demo import SCALE_FACTORS, load_demo


@pytest.fixture
def second_ctx(template_db, tmp_path, ctx):
    path = tmp_path / "scaled.sqlite"
    shutil.copy(template_db, path)
    context = open_context(path, today=ctx.today)
    yield context
    context.close()


def test_scale_multiplies_each_kind_by_its_factor(ctx, second_ctx):
    one = load_demo(ctx, years=1, seed=3)
    scaled = load_demo(second_ctx, years=1, seed=3, scale=2)
    assert SCALE_FACTORS == {"meetings": 1, "studies": 3, "opinions": 5, "propaganda": 2,
                             "online": 2, "models": 4}
    for kind in SCALE_FACTORS:
        n1, n2 = getattr(one, kind), getattr(scaled, kind)
        expected = 2 * SCALE_FACTORS[kind] * n1
        # a year's models are 10 to 30: one load is a small sample of the eight
        spread = 0.5 if kind == "models" else 0.25
        assert (1 - spread) * expected <= n2 <= (1 + spread) * expected, (kind, n1, n2)
        assert lists.count(second_ctx, kind) == n2
    assert scaled.campaigns == one.campaigns and scaled.online_team == one.online_team
    # (5 years hold about 1,100 notes and 400 sessions per load; measured with
    # --years 5 --scale 20: 105,200 notes, 25,421 sessions, 7,144 meetings; see
    # the CHANGELOG for the propaganda activities, online entries and models.)
