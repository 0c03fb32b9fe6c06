"""Indicator checks near the edges: thresholds, units, names, weights and parameters."""

from decimal import Decimal

from jixiao.checks import CheckParams, check
from jixiao.checks.examples import example_evaluation


def findings(fragment: str, **overrides):
    evaluation, load_findings = example_evaluation(fragment)
    assert not load_findings, [f.message for f in load_findings]
    params = CheckParams().with_overrides(overrides) if overrides else None
    return check(evaluation, params=params)


def codes(fragment: str, **overrides) -> list[str]:
    return [f.code for f in findings(fragment, **overrides)]


def ind(**fields) -> str:
    base = {"level1": "产出指标", "level2": "数量指标", "name": "图书外借量", "weight": 30}
    base.update(fields)
    return "indicator: {" + ", ".join(f"{k}: {v}" for k, v in base.items()) + "}"


REASON = "新馆开放后借阅量大增，下年度相应调整目标值。"


def test_overachievement_exactly_at_130_percent_fires_just_below_does_not():
    assert "JX-I002" in codes(ind(target="≥10万册次", actual="13万册次", deviation=REASON))
    assert "JX-I002" not in codes(ind(target="≥10万册次", actual="12.99万册次"))


def test_overachievement_threshold_is_a_parameter():
    assert "JX-I002" not in codes(ind(target="≥10万册次", actual="13万册次", deviation=REASON),
                                  overachieve_threshold=Decimal("0.5"))


def test_overachievement_makes_the_deviation_explanation_required():
    assert "JX-I010" in codes(ind(target="≥10万册次", actual="15万册次"))


def test_reverse_indicator_is_not_overachieved():
    assert "JX-I002" not in codes(ind(level2="时效指标", name="新书上架周期", target="≤15天", actual="5天"))


def test_hundred_percent_rate_without_a_process_word_is_not_by_definition():
    assert "JX-I003" not in codes(ind(level2="质量指标", name="古籍修复合格率", target="≥98%", actual="99%"))
    assert "JX-I003" in codes(ind(level2="质量指标", name="资金到位率", target="100%", actual="100%"))


def test_activity_with_more_than_one_occurrence_is_not_flagged():
    assert "JX-I005" not in codes(ind(name="举办阅读讲座", target="≥24场", actual="26场"))
    assert "JX-I005" in codes(ind(name="举办阅读讲座", target="1场", actual="1场"))


def test_long_name_without_anything_measurable_is_an_activity():
    name = "围绕全民阅读深入推进书香社会建设营造良好文化氛围工作"
    assert "JX-I005" in codes(ind(name=name, target="达成年度指标", actual="达成年度指标"))


def test_qualitative_target_for_a_rate_name_is_vague():
    assert "JX-I006" in codes(ind(name="读者证办理率", target="达成年度指标", actual="达成年度指标"))


def test_units_that_differ_are_reported_and_prefixes_are_folded():
    assert "JX-I012" in codes(ind(target="≥10万人次", actual="12万人"))
    assert "JX-I012" not in codes(ind(target="≥10万册次", actual="120000册次"))


def test_quantitative_target_with_a_word_actual_cannot_be_checked():
    assert "JX-I012" in codes(ind(target="≥10万册次", actual="完成"))


def test_met_flag_contradicting_a_reverse_target():
    assert "JX-I014" in codes(ind(level2="时效指标", name="新书上架周期", target="≤15天", actual="20天", met="是",
                                  deviation="编目人员调整导致上架延迟，已补充人员。"))


def test_weights_are_not_checked_while_some_are_missing():
    fragment = ("indicators: [{level1: 产出指标, name: 少儿图书外借量, target: ≥5万册次, weight: 70}, "
                "{level1: 效益指标, name: 持证读者增长率, target: ≥5%}, {level1: 满意度指标, name: 读者满意度, target: ≥90%}]")
    assert "JX-I008" not in codes(fragment)


def test_block_weights_off_by_configuration():
    fragment = ("indicators: [{level1: 产出指标, name: 少儿图书外借量, target: ≥5万册次, actual: 5.5万册次, weight: 60}, "
                "{level1: 效益指标, name: 持证读者增长率, target: ≥5%, actual: 6%, weight: 20}, "
                "{level1: 满意度指标, name: 读者满意度, target: ≥90%, actual: 95%, weight: 10}]")
    found = [f for f in findings(fragment) if f.code == "JX-I008"]
    assert len(found) == 1 and found[0].severity.value == "warning" and "产出指标 60 分（应为 50 分）" in found[0].message
    assert "JX-I008" not in codes(fragment, check_block_weights=False)


def test_missing_satisfaction_moves_its_points_to_effect():
    fragment = ("indicators: [{level1: 产出指标, name: 少儿图书外借量, target: ≥5万册次, actual: 5.5万册次, weight: 50}, "
                "{level1: 效益指标, name: 持证读者增长率, target: ≥5%, actual: 6%, weight: 40}]")
    assert "JX-I008" not in codes(fragment)


def test_qualitative_band_edges():
    common = dict(level1="效益指标", level2="社会效益指标", name="服务规范化水平", target="达成年度指标", weight=10,
                  deviation="评估定级延后至次年，下年度按评估标准补齐短板。")
    partial = "部分达成年度指标并具有一定效果"
    assert "JX-I011" not in codes(ind(actual=partial, score=6, **common))  # 60% belongs to tier 2
    assert "JX-I011" in codes(ind(actual=partial, score=8, **common))  # 80% belongs to tier 1
    assert "JX-I011" not in codes(ind(actual="达成年度指标", score=8, **common))


def test_duplicate_names_differing_only_in_width_and_spaces():
    fragment = ("indicators: [{level1: 产出指标, name: 少儿图书外借量, target: ≥5万册次}, "
                "{level1: 产出指标, name: ' 少儿图书外借量 ', target: ≥6万册次}]")
    assert "JX-I013" in codes(fragment)


def test_unknown_parameter_is_refused():
    import pytest

    with pytest.raises(ValueError, match="未知参数“no_such_threshold”"):
        CheckParams().with_overrides({"no_such_threshold": 1})
    with pytest.raises(ValueError, match="min_reason_len"):
        CheckParams().with_overrides({"min_reason_len": -1})


def test_an_unknown_check_parameter_in_a_ruleset_file_is_a_finding(tmp_path):
    # Changed in issue 12: check thresholds are a typed part of the rule set; an unknown key used to be
    # skipped silently and is now JX-R003, with the file and line.
    from jixiao.rules import load_ruleset_file

    f = tmp_path / "r.yaml"
    f.write_text("name: r\ntitle: R\nextends: cn-mof-2020\nchecks:\n  min_reson_len: 20\n", encoding="utf-8")
    ruleset, findings = load_ruleset_file(str(f))
    assert ruleset is None and [x.code for x in findings] == ["JX-R003"]
    assert "checks.min_reson_len" in findings[0].message and findings[0].location.line == 5
