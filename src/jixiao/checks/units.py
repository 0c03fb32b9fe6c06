"""Amounts that look typed in the wrong unit: 278000 beside 29 in a 万元 form was typed in 元.

A task's (or the department's) 年初预算数, 全年预算数 and 执行数 are of one size: budgets are adjusted
and executed by tens of percent, not ten-thousandfold. An amount a thousand times its neighbours in a
万元 form is most likely 元 (and in a 元 form, one a thousandth of them is most likely 万元). Only amounts
written in the form's unit are judged: “278000元” says its unit and is converted exactly.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..model import Evaluation, Finding, Money, MoneyUnit
from ..model.catalogue import finding
from .budget import spending_units
from .params import CheckParams

_SLIP = Decimal(1000)  # a 元/万元 slip is ×10000; execution never differs from the budget by ×1000
_LABELS = {"initial_budget": "年初预算数", "budget": "全年预算数", "executed": "执行数"}


def check_unit_slips(evaluation: Evaluation, p: CheckParams) -> Iterator[Finding]:
    """A warning (JX-B010) at every amount that looks typed in 元 in a 万元 form, or the reverse."""
    for path, what, record in spending_units(evaluation):
        amounts = {k: getattr(record, k) for k in _LABELS if _positive(getattr(record, k))}
        for key, money in amounts.items():
            others = [m.yuan() for k, m in amounts.items() if k != key]
            if money.unit is not evaluation.unit or not others:
                continue
            typed_in = _typed_in(money.yuan(), others, evaluation.unit)
            if typed_in is not None:
                yield finding("JX-B010", path=f"{path}.{key}", location=record.where(key), what=what,
                              field=_LABELS[key], amount=format(money.amount, "f"), unit=evaluation.unit.value,
                              other=typed_in.value, fix=f"{format(money.amount, 'f')}{typed_in.value}")


def _positive(money: Money | None) -> bool:
    return money is not None and money.amount > 0


def _typed_in(yuan: Decimal, others: list[Decimal], unit: MoneyUnit) -> MoneyUnit | None:
    """The unit the amount looks typed in, when it is out of all proportion to every other amount."""
    if unit is not MoneyUnit.YUAN and all(yuan >= other * _SLIP for other in others):
        return MoneyUnit.YUAN
    if unit is MoneyUnit.YUAN and all(yuan * _SLIP <= other for other in others):
        return MoneyUnit.WAN
    return None
