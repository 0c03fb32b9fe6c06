"""Builders for the rules tests: evaluations made directly from values, without a file."""

from __future__ import annotations

from decimal import Decimal

from jixiao.model import Department, Evaluation, Finance, Indicator, Kind, Level1, Money, Task
from jixiao.model.values import parse_quantity


def q(text: str):
    quantity, problem = parse_quantity(text)
    assert quantity is not None, problem
    return quantity


def ind(level1: str = "产出指标", target: str | None = "≥100", actual: str | None = "100", weight=None,
        score=None, name: str = "指标", not_applicable: bool = False, met: bool | None = None) -> Indicator:
    return Indicator(level1=Level1(level1), name=name, target=q(target) if target else None,
                     actual=q(actual) if actual else None, weight=None if weight is None else Decimal(str(weight)),
                     score=None if score is None else Decimal(str(score)), not_applicable=not_applicable, met=met)


def project(*indicators: Indicator, budget="100", executed="100", ruleset: str | None = None) -> Evaluation:
    finance = Finance(budget=Money(amount=Decimal(budget)), executed=Money(amount=Decimal(executed)))
    return Evaluation(kind=Kind.PROJECT, year=2024, department=Department(name="测试单位"), finance=finance,
                      tasks=(Task(name="测试项目", indicators=tuple(indicators)),), ruleset=ruleset)


def department(*tasks: Task, budget="100", executed="100") -> Evaluation:
    finance = Finance(budget=Money(amount=Decimal(budget)), executed=Money(amount=Decimal(executed)))
    return Evaluation(kind=Kind.DEPARTMENT, year=2023, department=Department(name="测试部门"), finance=finance,
                      tasks=tuple(tasks))


def task(name: str, budget: str | None, *indicators: Indicator) -> Task:
    return Task(name=name, budget=Money(amount=Decimal(budget)) if budget else None, indicators=tuple(indicators))


def full_set(**overrides) -> list[Indicator]:
    """产出 50 / 效益 30 / 满意度 10, all met: 90 indicator points."""
    return [ind("产出指标", "≥10个", "10个", 50), ind("效益指标", "≥90%", "95%", 30), ind("满意度指标", "≥90%", "92%", 10)]


D = Decimal
