"""Money: an exact Decimal amount with its unit (万元, 元 or 亿元), kept as printed and converted exactly."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from .constants import CENT, ZERO

_IN_YUAN = {"万元": Decimal(10000), "元": Decimal(1), "亿元": Decimal(100000000)}


class MoneyUnit(StrEnum):
    WAN = "万元"
    YUAN = "元"
    YI = "亿元"  # special-bond (专项债) reports

    @property
    def in_yuan(self) -> Decimal:
        return _IN_YUAN[self.value]

    @property
    def label(self) -> str:
        return self.value


class Money(BaseModel):
    model_config = ConfigDict(frozen=True)

    amount: Decimal
    unit: MoneyUnit = MoneyUnit.WAN

    def to(self, unit: MoneyUnit) -> "Money":
        """The same sum in another unit, exactly (万元 → 元 multiplies by 10000)."""
        if unit == self.unit:
            return self
        return Money(amount=self.amount * self.unit.in_yuan / unit.in_yuan, unit=unit)

    def yuan(self) -> Decimal:
        return self.amount * self.unit.in_yuan

    def __str__(self) -> str:
        return f"{self.amount.quantize(CENT):,}{self.unit.value}".replace(",", "")


def money_sum(values: list["Money | None"], unit: MoneyUnit) -> Money:
    """Sum in `unit`; missing values count as zero."""
    total = ZERO
    for v in values:
        if v is not None:
            total += v.to(unit).amount
    return Money(amount=total, unit=unit)


def execution_rate(budget: Money | None, executed: Money | None) -> Decimal | None:
    """执行率 = 执行数 ÷ 全年预算数, in percent and unrounded; None when either is missing or the budget is not
    positive (rules-spec §1.7). The one computation every layer shows and scores."""
    if budget is None or executed is None or budget.amount <= 0:
        return None
    return executed.yuan() * 100 / budget.yuan()


def rate_from_fraction(value: Decimal, written: str) -> tuple[Decimal, str | None]:
    """A rate field written as a 0–1 fraction (0.958) is read as a percent (95.8), with a note saying so.

    Only a number written with a decimal point and no percent sign counts: "1" stays 1%, "1.0" is 100%.
    """
    text = written.strip()
    if 0 < value <= 1 and "." in text and not any(m in text for m in ("%", "％", "百分")):
        percent = value * 100
        return percent, f"“{text}”是小数，按百分数 {format(percent.normalize(), 'f')}% 读取"
    return value, None
