"""A project 自评表 with values printed as real tables print them, scored as the department scored it.

The fixture (tests/data/scoring/printed-values-project.yaml) is a fictional table that uses every printed
form the value grammar must read: ═ ≧ =<, compound units, bare numbers, a deadline, 不少于 / 控制在…以内 /
≥95%以上, a rate written as a fraction, and an indicator with no actual that the unit states was met.
Before these forms were read (jixiao 0.1 on main, 785df6a) cn-mof-2020 gave it 54.91 (差).
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from jixiao.checks import check
from jixiao.load import load_file
from jixiao.model import Operator, Severity
from jixiao.rules import score

FIXTURE = Path(__file__).parent / "data" / "scoring" / "printed-values-project.yaml"


@pytest.fixture(scope="module")
def loaded():
    result = load_file(FIXTURE)
    assert result.evaluation is not None
    return result


@pytest.fixture(scope="module")
def card(loaded):
    return score(loaded.evaluation, "cn-mof-2020")


def item(card, name):
    return next(i for i in card.items if i.label == name)


def test_scored_as_the_department_scored_it(loaded, card):
    assert card.total == Decimal("98.89") and card.grade == "优"
    assert loaded.evaluation.declared_score == card.total
    for _, _, ind in loaded.evaluation.indicators():
        assert item(card, ind.name).score == ind.score, ind.name  # every row as the department scored it


def test_each_inferred_direction_is_explained(card):
    inferred = {i.label: i for i in card.items if i.verdict is not None and i.verdict.inferred}
    assert set(inferred) == {"临时救助人次", "户均救助支出", "救助资金发放差错率"}
    assert inferred["临时救助人次"].verdict.op is Operator.GE
    assert inferred["户均救助支出"].verdict.op is Operator.LE and "成本指标越低越好" in inferred["户均救助支出"].explain
    assert inferred["救助资金发放差错率"].verdict.op is Operator.LE
    assert all("未写比较方向" in i.explain and "推定" in i.explain for i in inferred.values())


def test_printed_forms_are_read_not_refused(loaded, card):
    assert not [f for f in loaded.findings if f.code == "JX-L008"]  # nothing left unreadable
    assert item(card, "救助资金发放准确率").rule == "indicator.eq"  # ═100%
    assert item(card, "农村低保标准").rule == "indicator.ge"  # >=530元/人*月 against 583元/人*月
    assert item(card, "救助资金发放时间").rule == "indicator.date"
    assert "95%以上" in item(card, "困难群众基本生活保障率").explain
    assert "87.7%" in item(card, "受助群众满意度").explain  # 0.877 read as a percent, and said so


def test_the_unit_statement_is_scored_and_the_checks_warn_it_cannot_be_verified(loaded, card):
    stated = item(card, "社会救助政策知晓率")
    assert stated.rule == "indicator.stated" and stated.score == 5 and "无法核实" in stated.explain
    findings = loaded.findings + check(loaded.evaluation, "cn-mof-2020", card)
    assert not [f for f in findings if f.severity is Severity.ERROR]
    codes = {f.code for f in findings}
    assert {"JX-I015", "JX-I016", "JX-L010"} <= codes and "JX-I009" not in codes


def test_special_bond_amounts_in_yi_yuan_are_kept_as_printed(tmp_path):
    doc = tmp_path / "bond.yaml"
    doc.write_text("jixiao: 1\nkind: project\nyear: 2024\nunit: 亿元\ndepartment: {name: 某区管委会}\n"
                   "finance: {budget: 2.62, executed: 2.62}\n"
                   "tasks: [{name: 安置房项目, budget: 2.62, executed: 26200万元}]\n", encoding="utf-8")
    result = load_file(doc)
    assert not result.findings
    ev = result.evaluation
    assert str(ev.finance.budget) == "2.62亿元" and ev.tasks[0].executed.unit.value == "万元"
    assert ev.tasks[0].computed_rate() == Decimal(100)
