"""Worked examples of rules-spec §1 and §10 under cn-mof-2020, and each optional policy."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.load import load_file
from jixiao.rules import RuleSet, load_ruleset, score

from .test_rules_support import D, full_set, ind, project

ROOT = Path(__file__).resolve().parent.parent


def mof() -> RuleSet:
    rs, findings = load_ruleset("cn-mof-2020")
    assert rs is not None and not findings
    return rs


def with_policy(**policies) -> RuleSet:
    base = mof()
    return base.model_copy(update={"policies": base.policies.model_copy(update=policies)})


def one(indicator, **kw):
    card = score(project(indicator, **kw), "cn-mof-2020")
    return card, card.item("tasks[0].indicators[0]")


@pytest.mark.parametrize(("target", "actual", "expected", "rule"), [
    ("≥95%", "97%", D("10.00"), "indicator.ge"),          # met: full
    ("≥100%", "90%", D("9.00"), "indicator.ge"),          # 10 × 90 / 100
    ("≥3个", "2个", D("6.67"), "indicator.ge"),            # 10 × 2/3 = 6.666… → 6.67 (ROUND_HALF_UP)
    ("≤5天", "4天", D("10.00"), "indicator.le"),           # ≤ met
    ("≤5天", "8天", D("6.25"), "indicator.le"),            # ≤ default w × T / A = 10 × 5 / 8
    ("=100%", "100%", D("10.00"), "indicator.eq"),
    ("=48场", "45场", D("9.38"), "indicator.eq"),          # 10 × 45/48 = 9.375 → 9.38
    ("=4次", "5次", D("8.00"), "indicator.eq"),            # over an = target: min/max
    ("≥1.5万人次", "12000人次", D("8.00"), "indicator.ge"),  # 万 folded: 12000 / 15000
])
def test_quantitative(target, actual, expected, rule):
    _, item = one(ind("产出指标", target, actual, 10))
    assert item.score == expected
    assert item.rule == rule
    assert actual in item.explain and target in item.explain


def test_reverse_vendor_variant():
    rs = mof().model_copy(update={"reverse_variant": "vendor"})
    card = score(project(ind("产出指标", "≤5天", "8天", 10)), rs)
    assert card.item("tasks[0].indicators[0]").score == D("4.00")  # 10 × (1 − 3/5)


@pytest.mark.parametrize(("actual", "declared", "expected", "rule"), [
    ("达成年度指标", None, D("10.00"), "indicator.qualitative"),
    ("达成预期指标", None, D("10.00"), "indicator.qualitative"),
    ("部分达成年度指标并具有一定效果", None, D("7.00"), "indicator.qualitative"),
    ("未达成年度指标且效果较差", None, D("3.00"), "indicator.qualitative"),
    ("部分达成年度指标并具有一定效果", "7.5", D("7.50"), "indicator.qualitative.declared"),  # inside [6, 8)
    ("部分达成年度指标并具有一定效果", "8", D("7.00"), "indicator.qualitative"),  # 8 is tier 1's: outside
    ("达成年度指标", "8", D("8.00"), "indicator.qualitative.declared"),  # tier 1 band is closed at 80%
    ("未达成年度指标且效果较差", "6", D("3.00"), "indicator.qualitative"),  # 60% belongs to tier 2
])
def test_qualitative_tiers(actual, declared, expected, rule):
    _, item = one(ind("产出指标", "按时完成", actual, 10, score=declared))
    assert item.score == expected
    assert item.rule == rule


def test_execution_over_100_percent_is_capped():
    card, _ = one(ind("产出指标", "≥1", "1", 90), budget="100", executed="120")
    execution = card.item("finance")
    assert execution.score == D("10.00")
    assert "120%" in execution.explain and "按 100% 计" in execution.explain
    assert card.total == D("100.00")


def test_execution_partial():
    card, _ = one(ind("产出指标", "≥1", "1", 90), budget="688.34", executed="600")
    assert card.item("finance").score == D("8.72")  # 10 × 600/688.34 = 8.7166 → 8.72


def test_missing_satisfaction_goes_to_effect():
    card = score(project(ind("产出指标", "≥1", "1"), ind("效益指标", "≥1", "1"), ind("效益指标", "≥1", "0.5")),
                 "cn-mof-2020")
    assert card.item("tasks[0].indicators[1]").weight == D(20)  # (30 + 10) / 2
    assert card.item("tasks[0].indicators[2]").score == D("10.00")
    assert any("满意度指标" in n and "并入效益指标" in n for n in card.notes)
    assert card.total == D("90.00")


def test_missing_weights_split_equally_in_cents():
    card = score(project(*[ind("产出指标", "≥1", "1") for _ in range(3)], ind("效益指标", "≥1", "1", 30),
                         ind("满意度指标", "≥1", "1", 10)), "cn-mof-2020")
    weights = [card.item(f"tasks[0].indicators[{i}]").weight for i in range(3)]
    assert weights == [D("16.67"), D("16.67"), D("16.66")]
    assert card.total == D("100.00")


def test_given_weights_used_as_given_and_rest_split():
    card = score(project(ind("产出指标", "≥1", "1", 20), ind("产出指标", "≥1", "1"), ind("产出指标", "≥1", "1"),
                         ind("效益指标", "≥1", "1", 30), ind("满意度指标", "≥1", "1", 10)), "cn-mof-2020")
    assert [card.item(f"tasks[0].indicators[{i}]").weight for i in range(3)] == [D(20), D(15), D(15)]


def test_missing_actual_scores_as_the_unit_states_and_says_it_cannot_be_verified():
    # Changed in issue 12: a unit that states the target was met, without an actual value, is scored as met
    # (it used to get 0); the explanation says so, and the checks warn that it cannot be verified.
    _, item = one(ind("产出指标", "≥1次", None, 10, met=True))
    assert item.score == 10 and item.rule == "indicator.stated"
    assert "未填写实际完成值" in item.explain and "无法核实" in item.explain
    assert item.verdict.met is True and item.verdict.unverified


def test_missing_actual_without_a_statement_scores_zero():
    for met in (None, False):
        _, item = one(ind("产出指标", "≥1次", None, 10, met=met))
        assert item.score == 0 and item.rule == "indicator.missing_actual" and "未填写实际完成值" in item.explain


def test_unparseable_actual_scores_zero():
    from jixiao.model import Indicator, Level1, Operator, Quantity

    bad = Indicator(level1=Level1.OUTPUT, name="x", target=ind().target, weight=D(10),
                    actual=Quantity(op=Operator.UNPARSED, text="很多"))
    _, item = one(bad)
    assert item.score == 0 and "无法识别" in item.explain


def test_unit_mismatch_scores_zero():
    _, item = one(ind("产出指标", "≥10个", "12场", 10))
    assert item.score == 0 and item.rule == "indicator.unit_mismatch"


def test_grades_and_labels():
    for actual, grade in (("100", "优"), ("80", "良"), ("60", "中"), ("50", "差")):
        card = score(project(ind("产出指标", "≥100", actual, 90)), "cn-mof-2020")
        assert card.grade == grade
    card = score(project(*full_set()), "gd-proj-ref-2023")
    assert (card.grade, card.grade_label) == ("优", "优秀")


def test_overachieve_deduction_policy():
    ev = project(ind("产出指标", "≥100", "130", 50), ind("效益指标", "≥100", "129", 30), ind("满意度指标", "≥1", "1", 10))
    assert score(ev, "cn-mof-2020").total == D("100.00")  # off by default: no deduction
    rs = with_policy(overachieve_deduction=mof().policies.overachieve_deduction.model_copy(update={"enabled": True}))
    card = score(ev, rs)
    cuts = [i for i in card.items if i.rule == "policy.overachieve_deduction"]
    assert [(c.path, c.score) for c in cuts] == [("tasks[0].indicators[0]", D(-2))]
    assert card.total == D("98.00")


def test_overachieve_deduction_never_below_zero():
    rs = with_policy(overachieve_deduction=mof().policies.overachieve_deduction.model_copy(
        update={"enabled": True, "points": D(5)}))
    ev = project(ind("产出指标", "≥100", "200", 3), ind("效益指标", "≥1", "1", 77), ind("满意度指标", "≥1", "1", 10))
    card = score(ev, rs)
    assert card.items_at("tasks[0].indicators[0]")[1].score == D(-3)


def test_execution_caps_policy():
    ev = project(*full_set(), budget="100", executed="55")
    assert score(ev, "cn-mof-2020").total == D("95.50")
    rs = with_policy(execution_caps=mof().policies.execution_caps.model_copy(update={"enabled": True}))
    card = score(ev, rs)
    cap = card.item("total")
    assert cap.rule == "policy.execution_caps" and cap.score == D("-26.50")
    assert card.total == D(69) and card.grade == "中"


def test_not_applicable_rescale_policy():
    inds = [ind("产出指标", "≥100", "100", 40), ind("产出指标", "≥100", "50", 10, not_applicable=True),
            ind("效益指标", "≥100", "50", 30), ind("满意度指标", "≥1", "1", 10)]
    plain = score(project(*inds), "cn-mof-2020")
    assert plain.total == D("80.00")  # 10 + 40 + 5 + 15 + 10: the flag alone changes nothing
    rs = with_policy(not_applicable_rescale=mof().policies.not_applicable_rescale.model_copy(update={"enabled": True}))
    card = score(project(*inds), rs)
    assert card.item("tasks[0].indicators[1]").rule == "indicator.not_applicable"
    assert card.total == D("83.33")  # (10 + 40 + 15 + 10) × 100 / 90


def test_worked_example_of_docs_matches_the_example_file():
    """docs/scoring.md walks through examples/community-library-2024.yaml; these are its figures."""
    result = load_file(ROOT / "examples" / "community-library-2024.yaml")
    card = score(result.evaluation)
    assert card.ruleset == "cn-mof-2020"
    scores = [card.item("finance").score] + [card.item(f"tasks[0].indicators[{i}]").score for i in range(9)]
    assert scores == [D(x) for x in ("9.30", "10", "9.25", "8.33", "10", "10", "10", "9.38", "7.5", "10")]
    assert card.total == D("93.76") and card.grade == "优"


def test_as_json_shape_and_exact_numbers():
    import json

    card = score(project(ind("产出指标", "≥3个", "2个", 50), ind("效益指标", "≥1", "1", 30), ind("满意度指标", "≥1", "1", 10)))
    data = json.loads(json.dumps(card.as_json()))
    assert set(data) == {"ruleset", "total", "grade", "items"}
    assert all(set(i) == {"path", "rule", "weight", "score", "explain"} for i in data["items"])
    assert data["items"][1]["score"] == 33.33 and data["total"] == 83.33 and data["items"][0]["score"] == 10
    assert isinstance(data["items"][0]["score"], int)


def test_worked_example_with_overachieve_deduction_as_the_docs_say():
    result = load_file(ROOT / "examples" / "community-library-2024.yaml")
    rs = with_policy(overachieve_deduction=mof().policies.overachieve_deduction.model_copy(update={"enabled": True}))
    card = score(result.evaluation, rs)
    assert [i.path for i in card.items if i.rule == "policy.overachieve_deduction"] == ["tasks[0].indicators[5]"]
    assert card.total == D("91.76")
