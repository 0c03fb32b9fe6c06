"""Checks that use scores: declared vs computed (with the real rule engine), inflated self-evaluation."""

from jixiao.checks import check
from jixiao.checks.examples import example_evaluation
from jixiao.rules import load_ruleset, score

EASY = ("indicators: [{level1: 产出指标, name: 咨询办结率, target: 100%, actual: 100%, met: 是}, "
        "{level1: 效益指标, name: 免费开放时间, target: 100%, actual: 100%, met: 是}, "
        "{level1: 满意度指标, name: 读者满意度, target: ≥90%, actual: 95%, met: 是}]")


def evaluation(fragment: str):
    ev, load_findings = example_evaluation(fragment)
    assert not load_findings
    return ev


def test_inflation_is_judged_on_computed_scores_when_none_are_declared():
    found = [f for f in check(evaluation(EASY)) if f.code == "JX-S001"]
    assert len(found) == 1 and "全部 3 项指标均为满分，但其中 2 项（66.67%）" in found[0].message


def test_no_inflation_when_an_easy_indicator_lost_points():
    missed = EASY.replace("免费开放时间, target: 100%, actual: 100%, met: 是",
                          "免费开放时间, target: 100%, actual: 90%, met: 否, deviation: 馆舍维修闭馆一个月，开放时间不足。")
    assert "JX-S001" not in {f.code for f in check(evaluation(missed))}


def test_declared_total_against_the_engine():
    ev = evaluation("declared_score: 99")
    card = score(ev)
    found = [f for f in check(ev, scorecard=card) if f.code == "JX-I009"]
    assert len(found) == (1 if abs(card.total - 99) > 0.1 else 0)
    ev_ok = evaluation(f"declared_score: {card.total}")
    assert "JX-I009" not in {f.code for f in check(ev_ok)}


def test_an_explicit_ruleset_is_used_for_thresholds_and_scores():
    ruleset, _ = load_ruleset("cn-mof-2020")
    assert check(evaluation(""), ruleset) == []


def test_unknown_ruleset_named_in_the_input_is_reported_and_checks_still_run():
    found = check(evaluation("ruleset: cn-mof-2099\nfinance: {budget: 100.00, executed: 120.00}"))
    codes = {f.code for f in found}
    assert "JX-R008" in codes and "JX-B001" in codes
