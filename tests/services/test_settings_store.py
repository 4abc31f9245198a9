from tgdesk.domain.deadlines import DEFAULT_RULES, DueRule
from tgdesk.services import settings_store as st


def test_settings_round_trip(ctx):
    assert st.get_setting(ctx, "x", 5) == 5
    st.set_setting(ctx, "x", {"đơn vị": "Phường Bình Tiên", "n": 3})
    assert st.get_setting(ctx, "x") == {"đơn vị": "Phường Bình Tiên", "n": 3}
    st.set_setting(ctx, "x", [1, 2])
    assert st.get_setting(ctx, "x") == [1, 2]


def test_deadline_rules_default_then_saved(ctx):
    assert st.deadline_rules(ctx) == DEFAULT_RULES
    rules = dict(DEFAULT_RULES, month=DueRule(5, after_end=True))
    st.save_deadline_rules(ctx, rules)
    assert st.deadline_rules(ctx)["month"] == DueRule(5, after_end=True)
