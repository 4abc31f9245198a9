"""The database the overview and the list benchmark are measured on:
``demo --scale N`` makes opinion notes 5×N and study sessions 3×N as many as one
load (SCALE_FACTORS), so ``--years 5 --scale 20`` passes 100,000 notes."""

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
    assert SCALE_FACTORS == {"meetings": 1, "studies": 3, "opinions": 5}
    for kind, n1, n2 in (("meetings", one.meetings, scaled.meetings),
                         ("studies", one.studies, scaled.studies),
                         ("opinions", one.opinions, scaled.opinions)):
        expected = 2 * SCALE_FACTORS[kind] * n1
        assert 0.75 * expected <= n2 <= 1.25 * expected, (kind, n1, n2)
        assert lists.count(second_ctx, kind) == n2
    # (5 years hold about 1,100 notes and 400 sessions per load; measured with
    # --years 5 --scale 20: 105,200 notes, 25,421 sessions, 7,144 meetings.)
