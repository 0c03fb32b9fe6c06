"""Money: an exact Decimal amount with its unit (万元 or 元)."""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum

from pydantic import BaseModel, ConfigDict


class MoneyUnit(StrEnum):
    WAN = "万元"
    YUAN = "元"

    @property
    def in_yuan(self) -> Decimal:
        return Decimal(10000) if self is MoneyUnit.WAN else Decimal(1)


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
        return f"{self.amount.quantize(Decimal('0.01')):,}{self.unit.value}".replace(",", "")


def money_sum(values: list["Money | None"], unit: MoneyUnit) -> Money:
    """Sum in `unit`; missing values count as zero."""
    total = Decimal(0)
    for v in values:
        if v is not None:
            total += v.to(unit).amount
    return Money(amount=total, unit=unit)
