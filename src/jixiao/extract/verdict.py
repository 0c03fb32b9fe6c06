"""Whether an indicator was met: as the author says it (完成绩效目标), or by comparing target and actual."""

from __future__ import annotations

import re

from ..model.values import parse_quantity
from .facts import COMPUTED, INFERRED, Fact, IndicatorFacts

_SAID_NOT_MET = re.compile(r"未\s*完\s*成|未\s*达\s*[成到标]|没有完成")
_SAID_MET = re.compile(r"完\s*成\s*(?:绩\s*效|年\s*度)?\s*目\s*标|达\s*成\s*(?:绩\s*效|年\s*度|预\s*期)\s*(?:目\s*标|指\s*标)|已\s*完\s*成|已\s*达\s*成")


def said(text: str) -> bool | None:
    """The author's own verdict in a sentence: 完成绩效目标 → True, 未完成 → False."""
    if _SAID_NOT_MET.search(text):
        return False
    if _SAID_MET.search(text):
        return True
    return None


def met_from_values(ind: IndicatorFacts) -> Fact | None:
    """Compare 年度指标值 and 实际完成值; None when they cannot be compared (different kinds of value)."""
    if ind.target is None or ind.actual is None:
        return None
    context = {key: str(fact.value) for key in ("name", "level1", "level2") if (fact := getattr(ind, key)) is not None}
    verdict = compare(str(ind.target.value), str(ind.actual.value), **context)
    if verdict is None:
        return None
    confidence = round(min(ind.target.confidence, ind.actual.confidence) * INFERRED / 0.95, 3)
    return Fact(verdict, ind.actual.location, ind.actual.source, confidence, COMPUTED,
                f"按年度指标值“{ind.target.value}”与实际完成值“{ind.actual.value}”比较")


def compare(target_text: str, actual_text: str, name: str = "", level1: str | None = None,
            level2: str | None = None) -> bool | None:
    """The model's verdict (jixiao.model.Quantity.compare) on two values as printed, for the indicator named;
    None when they cannot be compared."""
    target, _ = parse_quantity(target_text)
    actual, _ = parse_quantity(actual_text)
    if target is None or actual is None:
        return None
    return target.compare(actual, name=name, level1=level1, level2=level2).met
