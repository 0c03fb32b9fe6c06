"""Comparing an actual with its target: the one place that decides "met", "missed" and "over-completed"."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from ..model import Indicator, Level1, Operator, QualTier, Quantity
from ..model.evaluation import LEVEL2_BY_LEVEL1

HUNDRED = Decimal(100)
_NAME_NOISE = re.compile(r"[\s“”\"'‘’《》:：%]")
_BRACKETED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】")


def comparable(target: Quantity | None, actual: Quantity | None) -> tuple[Decimal, Decimal] | None:
    """(target, actual) numbers in the same base unit, or None when they cannot be compared.

    A value written without a unit takes the other's (reports write 100 under a % column).
    """
    if target is None or actual is None or not target.is_quantitative or not actual.is_quantitative:
        return None
    tb, ab = target.base(), actual.base()
    if tb is None or ab is None:
        return None
    (tn, tu), (an, au) = tb, ab
    if tu and au and tu != au:
        return None
    return tn, an


def units_differ(target: Quantity | None, actual: Quantity | None) -> bool:
    if target is None or actual is None or not target.is_quantitative or not actual.is_quantitative:
        return False
    tb, ab = target.base(), actual.base()
    return bool(tb and ab and tb[1] and ab[1] and tb[1] != ab[1])


def meets(target: Quantity | None, actual: Quantity | None) -> bool | None:
    """Whether the actual reaches the target; None when that cannot be told from the values.

    "=" reads as "at least" for this question: doing more than an exact target is not missing it.
    """
    if actual is not None and actual.op is Operator.QUALITATIVE:
        tier = actual.tier
        return None if tier is None else tier is QualTier.MET
    pair = comparable(target, actual)
    if pair is None:
        return None
    t, a = pair
    return a <= t if target.op is Operator.LE else a >= t


def overachievement(target: Quantity | None, actual: Quantity | None) -> Decimal | None:
    """actual ÷ target for a "higher is better" count or rate, else None.

    Bare counts (4次) are read as "at least": that is how reports use them. A "= 100%" target cannot
    be exceeded meaningfully and is left to JX-I003.
    """
    if target is None or target.op not in (Operator.GE, Operator.EQ):
        return None
    if target.op is Operator.EQ and (target.unit or "") == "%":
        return None
    pair = comparable(target, actual)
    if pair is None or pair[0] <= 0:
        return None
    return pair[1] / pair[0]


def level1_of(ind: Indicator) -> Level1 | None:
    """The indicator's 一级, inferred from its 二级 when only that was given."""
    if ind.level1 is not None:
        return ind.level1
    for level1, names in LEVEL2_BY_LEVEL1.items():
        if ind.level2 in names:
            return level1
    return None


def normal_name(name: str) -> str:
    """An indicator name without bracketed notes ((%)、（册次）), quotes, spaces and width differences."""
    return _NAME_NOISE.sub("", _BRACKETED.sub("", unicodedata.normalize("NFKC", name)))


def is_percent(q: Quantity | None) -> bool:
    return q is not None and (q.unit or "") == "%"


def percent(value: Decimal) -> str:
    """Decimal → "95.20%" with trailing zeros dropped only for whole numbers: 100% / 97.63%."""
    q = value.quantize(Decimal("0.01"))
    return f"{q.normalize():f}%" if q == q.to_integral_value() else f"{q}%"
