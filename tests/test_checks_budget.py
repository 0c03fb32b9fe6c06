"""Budget arithmetic near the edges: tolerances, units, where the finding points."""

from decimal import Decimal

from jixiao.checks import CheckParams, check
from jixiao.checks.examples import example_evaluation


def codes(fragment: str, **overrides) -> list[str]:
    evaluation, load_findings = example_evaluation(fragment)
    assert not load_findings
    params = CheckParams().with_overrides(overrides) if overrides else None
    return [f.code for f in check(evaluation, params=params)]


def test_rate_within_a_hundredth_of_a_point_passes_and_beyond_fails():
    # 650 / 688.34 = 94.4302…%
    assert "JX-B002" not in codes("finance: {budget: 688.34, executed: 650.00, execution_rate: 94.44%}")
    assert "JX-B002" in codes("finance: {budget: 688.34, executed: 650.00, execution_rate: 94.45%}")


def test_amounts_in_yuan_and_wan_compare_exactly():
    fragment = "finance: {budget: 100, executed: 100, by_source: {general_budget: 999900 元, other: 0.01}}"
    assert "JX-B003" not in codes(fragment)


def test_sum_off_by_one_fen_is_tolerated_two_fen_is_not():
    ok = "finance: {budget: 100, executed: 100, by_nature: {basic: 59.99, project: 40.00}}"
    bad = "finance: {budget: 100, executed: 100, by_nature: {basic: 59.98, project: 40.00}}"
    assert "JX-B004" not in codes(ok)
    assert "JX-B004" in codes(bad)


def test_task_over_its_budget_points_at_the_task_executed_line():
    evaluation, _ = example_evaluation("tasks: [{name: 阅读推广, budget: 40, executed: 40.01}]")
    found = [f for f in check(evaluation) if f.code == "JX-B001"]
    assert len(found) == 1 and found[0].path == "tasks[0].executed" and "阅读推广" in found[0].message


def test_low_execution_threshold_is_a_ruleset_parameter():
    fragment = "tasks: [{name: 阅读推广, budget: 40, executed: 35, execution_rate: 87.5%}]"
    assert "JX-B006" in codes(fragment)
    assert "JX-B006" not in codes(fragment, exec_explain_threshold=Decimal("0.85"))


def test_a_one_word_explanation_does_not_explain_low_execution():
    fragment = "tasks: [{name: 阅读推广, budget: 40, executed: 30, execution_rate: 75%, execution_note: 无}]"
    assert "JX-B006" in codes(fragment)


def test_department_low_execution_explained_in_problems():
    fragment = ("finance: {budget: 100, executed: 80, execution_rate: 80%}\n"
                "problems: [部分工程因用地审批延迟未能开工，预算执行率仅 80%，资金已结转下年。]")
    assert "JX-B006" not in codes(fragment)
    assert "JX-B006" in codes("finance: {budget: 100, executed: 80, execution_rate: 80%}")


def test_negative_carryover_is_reported():
    assert "JX-B007" in codes("finance: {budget: 100, executed: 100, carryover: -3}")


def test_tasks_below_project_spending_are_fine():
    assert "JX-B005" not in codes("finance: {budget: 100, executed: 100, by_nature: {basic: 50, project: 50}}")
