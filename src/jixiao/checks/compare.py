"""Helpers the checks share to name and read indicators. Whether a target was met is not decided here:
every check asks the indicator's Verdict (jixiao.model), as scoring, reports and extraction do."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from ..model import HUNDRED, Indicator, Level1, Quantity

__all__ = ["HUNDRED", "is_percent", "level1_of", "normal_name", "percent"]

_NAME_NOISE = re.compile(r"[\s“”\"'‘’《》:：%]")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")


def level1_of(ind: Indicator) -> Level1 | None:
    """The indicator's 一级, inferred from its 二级 when only that was given (the model's)."""
    return ind.resolved_level1


def normal_name(name: str) -> str:
    """An indicator name without bracketed notes ((%)、（册次）), quotes, spaces and width differences."""
    return _NAME_NOISE.sub("", _BRACKETED.sub("", unicodedata.normalize("NFKC", name)))


def is_percent(q: Quantity | None) -> bool:
    return q is not None and (q.unit or "") == "%"


def percent(value: Decimal) -> str:
    """Decimal → "95.20%" with trailing zeros dropped only for whole numbers: 100% / 97.63%."""
    q = value.quantize(Decimal("0.01"))
    return f"{q.normalize():f}%" if q == q.to_integral_value() else f"{q}%"
