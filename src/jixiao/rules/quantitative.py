"""Quantitative indicators (rules-spec §1.5, §10): ≥ met → w else w×A/T; ≤ met → w else w×T/A (or the
vendor variant); = equal → w else w×min/max. Points are unrounded here; the caller rounds each item."""

from __future__ import annotations

from decimal import Decimal

from ..model import Operator, Quantity
from .ruleset import RuleSet
from .scorecard import num

ZERO = Decimal(0)


def compare_units(target: Quantity, actual: Quantity) -> tuple[Decimal, Decimal] | str:
    """(T, A) in the same unit (万 folded in), or the reason they cannot be compared."""
    t_num, t_unit = target.base() or (ZERO, "")
    a_num, a_unit = actual.base() or (ZERO, "")
    if t_unit and a_unit and t_unit != a_unit:
        return f"实际完成值的单位“{actual.unit}”与年度指标值的单位“{target.unit}”不一致，无法比较，不得分"
    return t_num, a_num


def quantitative_points(op: Operator, target: Decimal, actual: Decimal, w: Decimal, rs: RuleSet,
                        t_text: str, a_text: str) -> tuple[Decimal, str, str]:
    """(points, rule id, explanation) for one quantitative indicator."""
    if op is Operator.LE:
        return _le(target, actual, w, rs, t_text, a_text)
    if op is Operator.EQ and rs.equal_variant == "minmax":
        return _eq(target, actual, w, t_text, a_text)
    return _ge(target, actual, w, t_text, a_text)


def _ge(t: Decimal, a: Decimal, w: Decimal, t_text: str, a_text: str) -> tuple[Decimal, str, str]:
    if a >= t:
        return w, "indicator.ge", f"正向指标：实际 {a_text} 达到年度指标值 {t_text}，得满分 {num(w)}"
    if t <= 0 or a <= 0:
        return ZERO, "indicator.ge", f"正向指标：实际 {a_text} 未达到年度指标值 {t_text}，得 0 分"
    pts = w * a / t
    return pts, "indicator.ge", (f"正向指标：实际 {a_text} 未达到年度指标值 {t_text}，"
                                 f"得分 = 分值 {num(w)} × 实际 {num(a)} ÷ 目标 {num(t)} = {num(pts)}")


def _le(t: Decimal, a: Decimal, w: Decimal, rs: RuleSet, t_text: str, a_text: str) -> tuple[Decimal, str, str]:
    if a <= t:
        return w, "indicator.le", f"反向指标：实际 {a_text} 不超过年度指标值 {t_text}，得满分 {num(w)}"
    if t <= 0:
        return ZERO, "indicator.le", f"反向指标：目标为 {t_text}，实际 {a_text} 超出，得 0 分"
    if rs.reverse_variant == "vendor":
        pts = max(ZERO, w * (1 - (a - t) / t))
        return pts, "indicator.le", (f"反向指标：实际 {a_text} 超过年度指标值 {t_text}，得分 = 分值 {num(w)} × "
                                     f"(1 − 超出 {num(a - t)} ÷ 目标 {num(t)})，不低于 0 = {num(pts)}")
    pts = w * t / a
    return pts, "indicator.le", (f"反向指标：实际 {a_text} 超过年度指标值 {t_text}，"
                                 f"得分 = 分值 {num(w)} × 目标 {num(t)} ÷ 实际 {num(a)} = {num(pts)}")


def _eq(t: Decimal, a: Decimal, w: Decimal, t_text: str, a_text: str) -> tuple[Decimal, str, str]:
    if a == t:
        return w, "indicator.eq", f"等值指标：实际 {a_text} 等于年度指标值 {t_text}，得满分 {num(w)}"
    low, high = min(a, t), max(a, t)
    if low <= 0:
        return ZERO, "indicator.eq", f"等值指标：实际 {a_text} 与年度指标值 {t_text} 不符，得 0 分"
    pts = w * low / high
    return pts, "indicator.eq", (f"等值指标：实际 {a_text} 与年度指标值 {t_text} 不符，"
                                 f"得分 = 分值 {num(w)} × 较小值 {num(low)} ÷ 较大值 {num(high)} = {num(pts)}")
