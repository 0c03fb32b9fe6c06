"""The department reference method (gz-dept-ref-2023) and the common-indicator framework (cn-dept-common-2013)."""

from __future__ import annotations

from pathlib import Path

from jixiao.load import load_file
from jixiao.rules import score

from .test_rules_support import D, department, ind, task

SEED = Path(__file__).resolve().parent.parent / "examples" / "liwan-fulian-2023.yaml"


GZ = "gz-dept-ref-2023"  # the Guangzhou reference method: a named option since issue 12, no longer the default


def test_department_default_scores_all_indicators_by_the_official_rules_and_says_so():
    # the department's indicators form one table: 产出 20 + 30, 效益 30, 满意度 10
    ev = department(task("A", "30", ind("产出指标", "≥1", "1", 20), ind("效益指标", "≥1", "1", 30),
                         ind("满意度指标", "≥1", "1", 10)),
                    task("B", "10", ind("产出指标", "≥2", "1", 30)), budget="100", executed="90")
    card = score(ev)
    assert card.ruleset == "cn-dept-2020" and not card.reference
    assert card.notes[0].startswith("部门整体支出：预算执行率 10 分") and "gz-dept-ref-2023" in card.notes[0]
    assert card.item("finance").score == D("9.00")
    assert card.item("tasks[1].indicators[0]").score == D("15.00")  # 30 × 1 ÷ 2, by 财预〔2020〕10号
    assert card.item("tasks[0]") is None  # tasks are not weighted by their budgets
    assert card.total == D("84.00") and card.grade == "良"


def test_department_reference_score():
    ev = department(task("A", "30", ind("产出指标", "≥1", "1", 50), ind("效益指标", "≥1", "1", 30),
                         ind("满意度指标", "≥1", "1", 10)),
                    task("B", "10", ind("产出指标", "≥2", "1", 90)), budget="100", executed="90")
    card = score(ev, GZ)
    assert card.ruleset == "gz-dept-ref-2023" and card.reference
    assert card.item("finance").score == D("9.00")
    a, b = card.item("tasks[0]"), card.item("tasks[1]")
    assert (a.weight, b.weight) == (D("67.50"), D("22.50"))  # 90 split 3 : 1 by task budget
    assert a.score == D("67.50") and b.score == D("11.25")  # B got 45 of 90 inside the task
    assert a.explain.startswith("参考分")
    assert card.total == D("87.75") and card.grade == "良"
    assert any("参考分" in n for n in card.notes)


def test_tasks_without_budget_share_equally():
    ev = department(task("A", None, ind("产出指标", "≥1", "1", 90)), task("B", "5", ind("产出指标", "≥1", "0", 90)),
                    task("C", "5", ind("产出指标", "≥1", "1", 90)))
    card = score(ev, GZ)
    assert [card.item(f"tasks[{i}]").weight for i in range(3)] == [D(30), D(30), D(30)]
    assert card.total == D("70.00")
    assert any("平分" in n for n in card.notes)


def test_task_without_indicators_scores_zero():
    card = score(department(task("空任务", "10")), GZ)
    assert card.item("tasks[0]").score == 0 and "没有可评分" in card.item("tasks[0]").explain


def test_seed_department_scores_with_reference_method():
    ev = load_file(SEED).evaluation
    card = score(ev, GZ)
    # task weights by budget share 91.20 : 8.43 of 90 points
    assert (card.item("tasks[0]").weight, card.item("tasks[1]").weight) == (D("82.38"), D("7.62"))
    # Changed in issue 12: most actuals are not stated in the report, but the unit says each target was met;
    # they are scored as the unit states (it used to be 0, total 45.08), and the checks warn they cannot be verified.
    item = card.item("tasks[0].indicators[1]")
    assert item.rule == "indicator.stated" and "无法核实" in item.explain
    assert card.total == D("100.00")


def test_common_framework_scores_what_the_data_gives_and_lists_the_rest():
    ev = load_file(SEED).evaluation
    card = score(ev, "cn-dept-common-2013")
    assert card.reference
    scored = {i.label for i in card.items if i.path.startswith("framework.")}
    assert scored == {"预算完成率", "结转结余率", "重点工作实际完成率"}
    missing = " ".join(card.notes)
    assert "“三公经费”控制率" in missing and "政府采购执行率" in missing
    assert card.item("total").rule == "framework.rescale"
    assert card.total == D("100.00")


def test_common_framework_partial_values():
    from jixiao.model import Finance, Money

    ev = load_file(SEED).evaluation
    fin = Finance(budget=Money(amount=D(100)), initial_budget=Money(amount=D(80)), executed=Money(amount=D(90)),
                  carryover=Money(amount=D(4)))
    card = score(ev.model_copy(update={"finance": fin}), "cn-dept-common-2013")
    assert card.item("framework.budget_completion").score == D("13.50")  # 15 × 90%
    assert card.item("framework.carryover").score == D("2.50")  # 5 × 2 / 4 (≤ 2%)
    assert card.item("framework.budget_adjustment").score == D("1.00")  # 4 × 5 / 20 (≤ 5%)
