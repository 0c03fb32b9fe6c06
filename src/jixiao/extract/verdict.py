"""Whether an indicator was met: as the author says it (完成绩效目标), or by comparing target and actual."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from ..model import Quantity
from ..model.quantity import QUAL_LABELS_MET, QUAL_LABELS_NOT_MET, Operator
from ..model.values import parse_quantity
from .facts import COMPUTED, INFERRED, Fact, IndicatorFacts

_SAID_NOT_MET = re.compile(r"未\s*完\s*成|未\s*达\s*[成到标]|没有完成")
_SAID_MET = re.compile(r"完\s*成\s*(?:绩\s*效|年\s*度)?\s*目\s*标|达\s*成\s*(?:绩\s*效|年\s*度|预\s*期)\s*(?:目\s*标|指\s*标)|已\s*完\s*成|已\s*达\s*成")
_DONE_IN_FULL = re.compile(r"^(?:已|全部)?完成(?:100(?:\.0+)?%)?$")  # 已完成100%: the progress column's "done"
_MET_WORDS = QUAL_LABELS_MET | {"达成预期指标", "达成年度指标", "完成", "已完成", "全部完成", "按时完成", "达到预期"}


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
    verdict = compare(str(ind.target.value), str(ind.actual.value))
    if verdict is None:
        return None
    confidence = round(min(ind.target.confidence, ind.actual.confidence) * INFERRED / 0.95, 3)
    return Fact(verdict, ind.actual.location, ind.actual.source, confidence, COMPUTED,
                f"按年度指标值“{ind.target.value}”与实际完成值“{ind.actual.value}”比较")


def compare(target_text: str, actual_text: str) -> bool | None:
    if _norm(target_text) == _norm(actual_text):
        return True
    actual_word = _norm(actual_text).rstrip("。")
    if actual_word in _MET_WORDS or _DONE_IN_FULL.match(actual_word):
        return True
    if actual_word in QUAL_LABELS_NOT_MET:
        return False
    target, _ = parse_quantity(target_text)
    actual, _ = parse_quantity(actual_text)
    if not _numeric(target) or not _numeric(actual):
        return None
    if target.unit and actual.unit and target.unit != actual.unit:
        return None
    return _holds(target.op, target.number, actual.number)


def _numeric(q: Quantity | None) -> bool:
    return q is not None and q.is_quantitative


def _holds(op: Operator, target: Decimal, actual: Decimal) -> bool:
    if op is Operator.LE:
        return actual <= target
    return actual >= target  # ≥ and =: reaching or passing the target counts as met


def _norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
